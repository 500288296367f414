// One TypeScript/JSX compiler for Jest, webpack and the repo's scripts. Pure JavaScript on purpose: native
// compilers (swc, esbuild) ship per-platform binaries that this project's package registry does not serve,
// which leaves `npm ci` unable to verify the lockfile.
module.exports = (api) => {
  const forBrowser = api.caller((caller) => caller?.name === "babel-loader");
  return {
    presets: [
      [
        "@babel/preset-env",
        // Office's webviews (WebView2, Safari WKWebView) all run ES2017; Node 20 runs the rest.
        forBrowser
          ? { targets: { chrome: "58", safari: "11" }, modules: false, bugfixes: true }
          : { targets: { node: "20" } },
      ],
      ["@babel/preset-typescript", { allowDeclareFields: true, onlyRemoveTypeImports: false }],
      ["@babel/preset-react", { runtime: "automatic" }],
    ],
  };
};
