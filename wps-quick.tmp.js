const webpack = require("/work/wt/wps/node_modules/webpack");
const { wpsConfig } = require("/work/wt/wps/webpack.wps.js");
const c = wpsConfig({ url: "https://intranet.example/dutycheck-wps/" }, "production");
c.output.path = "/tmp/wps-out"; c.optimization = { minimize: false }; c.devtool = false;
const t = Date.now();
webpack(c, (e, s) => { console.log(e || s.toString({ all: false, errors: true, warnings: true }), (Date.now() - t) / 1000, "s"); });
