/**
 * The WPS 加载项 build (`npm run build -- --env url=https://…/ --env host=wps`) into dist/wps/:
 *   index.html + addin.js       the add-in's hidden page: ribbon callbacks and the DUTY.* formulas
 *   taskpane.html + taskpane.js the same React pane as in Excel, over src/wps
 *   ribbon.xml, images/*.png    the 实事督办 tab and its icons (from assets/)
 *   jsplugins.xml               online mode: the list WPS reads (oem.ini JSPluginsServer) naming `url`
 *   offline/jsaddons/           offline mode: publish.xml + DutyCheck_<version>/ with every file above,
 *                               to unpack into the user's jsaddons folder
 * Nothing is loaded from a CDN: every script is in the package, and pages refer to files beside them.
 *
 * Browser floor: Chromium 67. WPS does not document the Chromium it embeds, and builds differ (older
 * ones lack even crypto.randomUUID, Chromium 92). 67 is the oldest engine that can run the add-in at all:
 * the engine's exact money arithmetic (src/core/money.ts) is BigInt, which no transpiler can supply and
 * which arrived in Chromium 67; Fluent UI's CSS custom properties (49) and the core's regex lookbehind (62)
 * are older. Our code, and every dependency file newer than ES2015, is transpiled to that target (optional
 * chaining, `??`, class fields and numeric separators become older code); core-js brings the standard
 * library Chromium 67 lacks (entry.ts); test/wps checks every emitted script is ES2018 plus BigInt
 * literals, which is what Chromium 67 parses. Dependency files that already parse as ES2015 skip Babel:
 * Fluent's icon package alone has thousands, and transpiling them took the build over ten minutes.
 */
const path = require("path");
const { z } = require("zod");
const webpack = require("webpack");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const pkg = require("./package.json");

const ADDIN_NAME = "DutyCheck";
const fs = require("fs");
const acorn = require("acorn");
const CHROME_FLOOR = "67";
const OFFLINE_DIR = `offline/jsaddons/${ADDIN_NAME}_${pkg.version}`;

const BaseUrl = z
  .string()
  .url("url 应为完整网址，例如 http://intranet.example/dutycheck-wps/")
  .refine((u) => /^https?:\/\//.test(u), "WPS 加载项地址应为 http 或 https (url must be http or https)")
  .refine((u) => !/[?#]/.test(u), "url 不能带查询串或锚点 (no query or fragment)")
  .transform((u) => (u.endsWith("/") ? u : `${u}/`));

/** Where the add-in is served (online mode); the dev default only names a local server. */
function wpsBaseUrl(env) {
  if (env.url === undefined || env.url === true) return "http://127.0.0.1:3889/";
  const parsed = BaseUrl.safeParse(String(env.url));
  if (!parsed.success) throw new Error(`--env url=${env.url}: ${parsed.error.issues[0].message}`);
  return parsed.data;
}

const xmlEscape = (s) => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

function jspluginsXml(base) {
  return `<?xml version="1.0" encoding="UTF-8"?>
<jsplugins>
  <jspluginonline name="${ADDIN_NAME}" type="et" url="${xmlEscape(base)}" version="${pkg.version}"/>
</jsplugins>
`;
}

function publishXml() {
  return `<?xml version="1.0" encoding="UTF-8"?>
<jsplugins>
  <jsplugin name="${ADDIN_NAME}" type="et" url="${ADDIN_NAME}_${pkg.version}" version="${pkg.version}" enable="enable_dev" install="null"/>
</jsplugins>
`;
}

const es2015 = new Map();

/** Whether a dependency's file must go through Babel: only when it is newer than ES2015. */
function needsTranspile(file) {
  if (!/[\\/]node_modules[\\/]/.test(file)) return true;
  if (/[\\/]node_modules[\\/](core-js|webpack)[\\/]/.test(file)) return false;
  let known = es2015.get(file);
  if (known === undefined) {
    const text = fs.readFileSync(file, "utf8");
    known = ["module", "script"].some((sourceType) => {
      try {
        acorn.parse(text, { ecmaVersion: 2015, sourceType });
        return true;
      } catch {
        return false;
      }
    });
    es2015.set(file, known);
  }
  return !known;
}

function page(title, body) {
  return `<!doctype html>
<html lang="zh-CN">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${title}</title>
  </head>
  <body>
    ${body}
  </body>
</html>
`;
}

/** Adds jsplugins.xml, publish.xml and a copy of every file under offline/jsaddons/DutyCheck_<version>/. */
class WpsPackagePlugin {
  constructor(base) {
    this.base = base;
  }

  apply(compiler) {
    const { RawSource } = compiler.webpack.sources;
    compiler.hooks.thisCompilation.tap("WpsPackagePlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "WpsPackagePlugin", stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_REPORT },
        (assets) => {
          for (const name of Object.keys(assets)) {
            if (name.endsWith(".map")) continue;
            compilation.emitAsset(`${OFFLINE_DIR}/${name}`, assets[name]);
          }
          compilation.emitAsset("jsplugins.xml", new RawSource(jspluginsXml(this.base)));
          compilation.emitAsset("offline/jsaddons/publish.xml", new RawSource(publishXml()));
        },
      );
    });
  }
}

function wpsConfig(env, mode) {
  const base = wpsBaseUrl(env);
  return {
    mode,
    context: __dirname,
    devtool: mode === "development" ? "eval-cheap-module-source-map" : "source-map",
    target: ["web", "es2018"],
    entry: {
      addin: ["./src/wps/entry.ts", "./src/wps/addin.ts"],
      taskpane: ["./src/wps/entry.ts", "./src/wps/pane.tsx"],
    },
    output: {
      path: path.resolve(__dirname, "dist/wps"),
      filename: "[name].js",
      chunkFilename: "[name].[contenthash:8].js",
      clean: true,
      environment: { arrowFunction: true, const: true, destructuring: true, forOf: true },
    },
    resolve: { extensions: [".ts", ".tsx", ".js", ".json"] },
    module: {
      rules: [
        {
          test: /\.[cm]?[jt]sx?$/,
          include: needsTranspile,
          use: {
            loader: "babel-loader",
            options: {
              babelrc: false,
              configFile: false,
              cacheDirectory: true,
              sourceType: "unambiguous",
              presets: [
                [
                  "@babel/preset-env",
                  {
                    targets: { chrome: CHROME_FLOOR },
                    modules: false,
                    useBuiltIns: "entry",
                    corejs: pkg.dependencies["core-js"].replace(/^[^\d]*/, ""),
                  },
                ],
                ["@babel/preset-typescript", { allowDeclareFields: true, onlyRemoveTypeImports: false }],
                ["@babel/preset-react", { runtime: "automatic" }],
              ],
            },
          },
        },
        { test: /\.css$/, type: "asset/source" },
      ],
    },
    performance: { hints: false },
    plugins: [
      new webpack.DefinePlugin({ "process.env.NODE_ENV": JSON.stringify(mode) }),
      new HtmlWebpackPlugin({
        filename: "index.html",
        chunks: ["addin"],
        scriptLoading: "blocking",
        templateContent: page("实事督办 · WPS 加载项", ""),
      }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        chunks: ["taskpane"],
        scriptLoading: "defer",
        templateContent: page("实事督办", '<div id="root"></div>'),
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "src/wps/ribbon.xml", to: "ribbon.xml" },
          { from: "assets/{check,clear,pane,icon}-{16,32}.png", to: "images/[name][ext]" },
        ],
      }),
      new WpsPackagePlugin(base),
    ],
  };
}

module.exports = { wpsConfig, wpsBaseUrl, CHROME_FLOOR, OFFLINE_DIR, ADDIN_NAME };
