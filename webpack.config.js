/**
 * Builds the add-in into dist/:
 *   taskpane.html  the shared runtime's one page: functions, commands and the pane (in that order)
 *   index.html     the web page: the user's own .xlsx read and checked in the browser (or the samples), with
 *                  the same pane against an in-memory workbook, for machines without Excel or add-ins
 *   preview.html   forwards to index.html (older links and bookmarks)
 *   functions.js / functions.json  the DUTY.* custom functions and their metadata
 *   manifest.xml   with every https://localhost:3000/ URL rewritten to `--env url=…` (production)
 *   help.html, assets/*.png
 *
 *   office-js/     with --env officejs=local: Microsoft's office.js and the files it loads for Excel
 *
 *   npm run build -- --env url=https://intranet.example/dutycheck/ [--env officejs=cdn|china|local]
 *   npm run build:dev          (URLs stay https://localhost:3000/)
 *   npm run dev-server         (https://localhost:3000, this machine only; plain http, preview only,
 *                               when no development certificate can be installed)
 */
const fs = require("fs");
const path = require("path");
const { URL } = require("url");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { z } = require("zod");

const DEV_URL = "https://localhost:3000/";
const DEV_PORT = 3000;

/**
 * Where the pages load office.js from (`--env officejs=…`, validated): Microsoft's CDN (default); the CDN
 * Microsoft documents for Office 365 operated by 21Vianet in China; or a copy served with the add-in from
 * `office-js/`, for an intranet that reaches neither (docs/deploy.md says what Microsoft supports).
 */
const OFFICE_JS = {
  cdn: "https://appsforoffice.microsoft.com/lib/1/hosted/office.js",
  china: "https://appsforoffice.cdn.partner.office365.cn/appsforoffice/lib/1/hosted/office.js",
  local: "office-js/office.js",
};
const LOCAL_OFFICE_JS_DIR = "office-js";

const OfficeJsChoice = z.enum(["cdn", "china", "local"], {
  message: "officejs 应为 cdn、china 或 local (officejs must be cdn, china or local)",
});

const BaseUrl = z
  .string()
  .url("url 应为完整网址，例如 https://intranet.example/dutycheck/")
  .refine((u) => u.startsWith("https://"), "Office 只从 https 地址加载加载项 (url must be https)")
  .refine((u) => !/[?#]/.test(u), "url 不能带查询串或锚点 (no query or fragment)")
  .transform((u) => (u.endsWith("/") ? u : `${u}/`));

/** The deployment base URL from `--env url=…` (validated), or the dev server's. */
function baseUrl(env) {
  if (env.url === undefined || env.url === true) return DEV_URL;
  const parsed = BaseUrl.safeParse(String(env.url));
  if (!parsed.success) throw new Error(`--env url=${env.url}: ${parsed.error.issues[0].message}`);
  return parsed.data;
}

/** The office.js choice from `--env officejs=…` (validated), `cdn` when not given. */
function officeJsChoice(env) {
  if (env.officejs === undefined) return "cdn";
  const parsed = OfficeJsChoice.safeParse(String(env.officejs));
  if (!parsed.success) throw new Error(`--env officejs=${env.officejs}: ${parsed.error.issues[0].message}`);
  return parsed.data;
}

/**
 * The files of `@microsoft/office-js` that office.js loads in Excel, copied below `office-js/` as they are
 * (already minified): the loader, the Excel host scripts of every platform and version, the UI strings of
 * every locale (office.js falls back to en-us), and the telemetry scripts it asks for.
 */
function localOfficeJsCopies() {
  const context = path.dirname(require.resolve("@microsoft/office-js/dist/office.js"));
  const to = (dir) => `${LOCAL_OFFICE_JS_DIR}/${dir}[name][ext]`;
  return [
    { from: "office.js", to: to("") },
    { from: "excel-*.js", to: to("") },
    { from: "*/office_strings.js", to: `${LOCAL_OFFICE_JS_DIR}/[path][name][ext]` },
    { from: "telemetry/oteljs_agave.js", to: to("telemetry/") },
    { from: "ariatelemetry/aria-web-telemetry.js", to: to("ariatelemetry/") },
  ].map((pattern) => ({
    ...pattern,
    context,
    globOptions: { ignore: ["**/*.debug.js"] },
    info: { minimized: true },
  }));
}

/** Rewrites the dev URLs of manifest.xml to `base`: full URLs keep their path, AppDomain takes the origin. */
function rewriteManifest(xml, base) {
  if (base === DEV_URL) return xml;
  const origin = new URL(base).origin;
  return xml.split(DEV_URL).join(base).split(DEV_URL.slice(0, -1)).join(origin);
}

/**
 * The web page's icon inline: a browser asks for a page's icon on its own, after the page has loaded; the
 * page promises no request then.
 */
const INLINE_ICON = `data:image/png;base64,${fs.readFileSync(path.join(__dirname, "assets/icon-32.png")).toString("base64")}`;

function page({ title, officeJs, body, icon = null }) {
  // officeJs: the script's address, or null for a page that does not use Office.
  return `<!doctype html>
<html lang="zh-CN">
  <head>
    <meta charset="utf-8" />
    <meta http-equiv="X-UA-Compatible" content="IE=Edge" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${title}</title>
    ${icon ? `<link rel="icon" type="image/png" href="${icon}" />` : ""}
    ${officeJs ? `<script src="${officeJs}"></script>` : ""}
  </head>
  <body>
    ${body}
  </body>
</html>
`;
}

const HELP_BODY = `<main style="font-family: 'Microsoft YaHei', 'Segoe UI', sans-serif; max-width: 42rem; margin: 2rem auto; line-height: 1.6">
      <h1>实事督办 · DutyCheck</h1>
      <p>打开为民办实事项目责任分解表所在的工作表，在功能区“实事督办”选项卡上点击“检查进度”：
        逾期的节点标为红色，临期的标为黄色，已完成的标为绿色；面板列出逾期和临期节点、投资汇总和读取问题。
        “清除标记”去掉加载项做的全部标记，单元格内容和原有格式不变。</p>
      <p>单元格中也可以使用以 <code>DUTY.</code> 开头的公式，输入 <code>=DUTY.</code> 即可看到全部公式及其说明。</p>
      <p lang="en">Open the sheet holding the breakdown table and choose <b>Check progress</b> on the DutyCheck tab.
        Overdue milestones are marked red, due-soon yellow, done green; the pane lists them with investment totals and
        reading problems. <b>Clear marks</b> removes every mark the add-in made, leaving contents and formatting as they were.</p>
      <p>加载项由单位管理员部署；遇到问题请联系管理员（部署说明见项目的 docs/deploy.md）。</p>
    </main>`;

/** The preview became the web page: old links keep their query (`?sample=…&date=…`). */
const PREVIEW_REDIRECT = `<script>location.replace("index.html" + location.search + location.hash);</script>
    <noscript><a href="index.html">实事督办 · 网页版</a></noscript>`;

module.exports = async (env = {}, argv = {}) => {
  const mode = argv.mode === "development" ? "development" : "production";
  // `--env host=wps`: the WPS 加载项 into dist/wps/ (webpack.wps.js).
  if (env.host === "wps") return require("./webpack.wps").wpsConfig(env, mode);
  const dev = mode === "development";
  const base = baseUrl(env);
  const officeJs = officeJsChoice(env);

  /** @type {import("webpack").Configuration} */
  const config = {
    mode,
    context: __dirname,
    devtool: dev ? "eval-cheap-module-source-map" : "source-map",
    entry: {
      functions: "./src/functions/functions.ts",
      commands: "./src/commands/commands.ts",
      taskpane: "./src/taskpane/index.tsx",
      preview: "./src/preview/index.tsx",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      // Entry files keep fixed names: the manifest points at functions.js directly.
      filename: "[name].js",
      chunkFilename: "[name].[contenthash:8].js",
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".js", ".json"] },
    module: {
      rules: [
        {
          test: /\.[cm]?[jt]sx?$/,
          exclude: /node_modules/,
          use: { loader: "babel-loader", options: { cacheDirectory: true } },
        },
        {
          // Dependencies ship syntax above the browser floor (class fields in date-fns and zod, static
          // blocks in tabster): they go through the same preset-env, down to the floor.
          test: /\.[cm]?js$/,
          include: /node_modules/,
          exclude: /node_modules[\\/](core-js|@babel[\\/]runtime|webpack)[\\/]/,
          use: { loader: "babel-loader", options: { cacheDirectory: true } },
        },
        { test: /\.css$/, type: "asset/source" },
        {
          test: /\.(png|svg)$/,
          type: "asset/resource",
          generator: { filename: "assets/[name].[contenthash:8][ext]" },
        },
      ],
    },
    optimization: {
      splitChunks: {
        cacheGroups: {
          // React and Fluent UI go in their own chunk used only by the pane and the preview, so that
          // functions.js and commands.js stay small and register before the UI libraries are parsed.
          ui: {
            test: /[\\/]node_modules[\\/](react|react-dom|scheduler|@fluentui|@griffel|@floating-ui|@emotion|tabster|keyborg|rtl-css-js|stylis|@swc[\\/]helpers|use-sync-external-store)[\\/]/,
            name: "ui",
            chunks: (chunk) => chunk.name === "taskpane" || chunk.name === "preview",
            enforce: true,
            priority: 20,
          },
          // The docx library, fetched with the 通报's layout (the pane's `import()` names that chunk "docx")
          // on the first 生成通报, never part of the pane's start; named so the bench can find both files.
          docxLibrary: {
            test: /[\\/]node_modules[\\/](docx|nanoid)[\\/]/,
            name: "docx-lib",
            chunks: "async",
            enforce: true,
            priority: 30,
          },
          // The engine (core, Excel adapter, zod, date-fns) is downloaded once for the commands and the
          // pane. functions.js stays self-contained: Excel may also load it on its own as the functions Script.
          engine: {
            name: "engine",
            chunks: (chunk) => chunk.name === "commands" || chunk.name === "taskpane",
            minChunks: 2,
            enforce: true,
            priority: 10,
          },
        },
      },
    },
    performance: { hints: false },
    plugins: [
      new CustomFunctionsMetadataPlugin({
        output: "functions.json",
        input: path.resolve(__dirname, "src/functions/functions.ts"),
      }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        // One page for the shared runtime: functions first so Excel sees DUTY.* at once, the pane last.
        chunks: ["functions", "commands", "taskpane"],
        chunksSortMode: "manual",
        scriptLoading: "defer",
        hash: true,
        templateContent: page({
          title: "实事督办",
          officeJs: OFFICE_JS[officeJs],
          body: '<div id="root"></div>',
        }),
      }),
      new HtmlWebpackPlugin({
        filename: "index.html",
        chunks: ["preview"],
        scriptLoading: "defer",
        hash: true,
        templateContent: page({
          title: "实事督办 · 网页版",
          officeJs: null,
          body: '<div id="root"></div>',
          icon: INLINE_ICON,
        }),
      }),
      new HtmlWebpackPlugin({
        filename: "preview.html",
        inject: false,
        templateContent: page({
          title: "实事督办 · 网页版",
          officeJs: null,
          body: PREVIEW_REDIRECT,
          icon: INLINE_ICON,
        }),
      }),
      new HtmlWebpackPlugin({
        filename: "help.html",
        inject: false,
        templateContent: page({ title: "实事督办 · 帮助", officeJs: null, body: HELP_BODY }),
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => rewriteManifest(content.toString("utf8"), base),
          },
          ...(officeJs === "local" ? localOfficeJsCopies() : []),
        ],
      }),
    ],
  };

  if (env.WEBPACK_SERVE) config.devServer = await devServer();
  return config;
};

/** https with Office's localhost development certificate; plain http (preview only) when none can be made. */
async function devServer() {
  const common = {
    port: DEV_PORT,
    // This machine only: the add-in's pages are for Excel and a browser here, not for the office network.
    host: "localhost",
    // Everything served comes from the build (assets are copied into it); there is no public/ folder.
    static: false,
    // Excel fetches functions.json and the page from its own origin; allow it.
    headers: { "Access-Control-Allow-Origin": "*" },
    client: { overlay: { warnings: false } },
  };
  if (process.env.DUTYCHECK_HTTP === "1") {
    console.warn("实事督办：按要求使用 http（仅供预览，Excel 不会加载）。Serving plain http (preview only).");
    return { ...common, server: "http" };
  }
  try {
    const { getHttpsServerOptions } = require("office-addin-dev-certs");
    const { ca, key, cert } = await getHttpsServerOptions();
    return { ...common, server: { type: "https", options: { ca, key, cert } } };
  } catch (error) {
    console.warn(
      `实事督办：无法生成或安装 localhost 的开发证书，改用 http，只能打开预览页，Excel 不会加载加载项。\n` +
        `Could not make a localhost development certificate; serving plain http (preview only).\n原因 Reason: ${
          error instanceof Error ? error.message : error
        }`,
    );
    return { ...common, server: "http" };
  }
}

module.exports.rewriteManifest = rewriteManifest;
module.exports.baseUrl = baseUrl;
module.exports.officeJsChoice = officeJsChoice;
module.exports.OFFICE_JS = OFFICE_JS;
