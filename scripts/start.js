#!/usr/bin/env node
/**
 * npm start: serve the add-in on localhost:3000 (https; plain http, the web page only, when no development
 * certificate can be installed) and
 *  - sideload it into desktop Excel where this machine has Excel and office-addin-debugging (the project's
 *    optionalDependency, or a global install), which then runs the dev server itself;
 *  - otherwise (Linux, CI, no Excel) start the dev server in the background.
 * Either way it prints the web page's address (the deployment root, index.html): any browser checks a
 * workbook there, without Excel.
 * `npm start -- --preview` forces the second. `npm stop` undoes either.
 */
const fs = require("fs");
const path = require("path");
const http = require("http");
const https = require("https");
const { spawn, spawnSync } = require("child_process");
const { setTimeout: sleep } = require("timers/promises");
const state = require("./dev-state");

const READY_TIMEOUT_MS = 180_000;

/** GETs url; resolves with the status code, or null when nothing answers there (yet). */
function probe(url) {
  const client = url.startsWith("https:") ? https : http;
  return new Promise((resolve) => {
    // The dev certificate may not be trusted by Node; the probe only asks whether the server answers.
    const request = client.get(url, { rejectUnauthorized: false, timeout: 2000 }, (response) => {
      response.resume();
      resolve(response.statusCode ?? null);
    });
    request.on("error", () => resolve(null));
    request.on("timeout", () => request.destroy());
  });
}

/** Waits for the dev server on https, or http when it had to fall back; null if the child died first. */
async function waitForServer(child) {
  let exited = false;
  child.once("exit", () => {
    exited = true;
  });
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline && !exited) {
    for (const scheme of ["https", "http"]) {
      const base = `${scheme}://localhost:${state.PORT}/`;
      if ((await probe(`${base}index.html`)) === 200) return base;
    }
    await sleep(1000);
  }
  return null;
}

function logText() {
  try {
    return fs.readFileSync(state.LOG_FILE, "utf8");
  } catch {
    return "";
  }
}

const logTail = () => logText().split("\n").slice(-25).join("\n");

/** The arguments `npm start` gives office-addin-debugging; `npm stop` gives it `stop <manifest>`. */
function sideloadArgs() {
  return [
    "start",
    state.MANIFEST,
    "desktop",
    "--app",
    "excel",
    "--dev-server",
    "npm run dev-server",
    "--dev-server-port",
    String(state.PORT),
  ];
}

function sideload(tool) {
  console.log("实事督办：检测到桌面版 Excel 和 office-addin-debugging，正在启动开发服务器并旁加载…");
  console.log(
    "DutyCheck: desktop Excel and office-addin-debugging found; starting the dev server and sideloading…",
  );
  const result = spawnSync(tool.command, [...tool.args, ...sideloadArgs()], {
    stdio: "inherit",
    shell: tool.shell,
    cwd: state.ROOT,
  });
  if (result.status !== 0) {
    console.error(
      "旁加载失败（见上方输出）；可改用 `npm start -- --preview` 只打开网页版。Sideloading failed.",
    );
    process.exitCode = result.status ?? 1;
    return;
  }
  state.writeState({ mode: "sideload", startedAt: new Date().toISOString() });
  console.log("已旁加载到 Excel。停止：npm stop   Sideloaded into Excel. Stop with: npm stop");
  console.log(`  网页版 Web page: https://localhost:${state.PORT}/   （不需要 Excel，拖入工作簿即可检查）`);
}

async function servePreview(reason) {
  console.log(`实事督办：${reason.zh}，改为只启动开发服务器（网页版）。`);
  console.log(`DutyCheck: ${reason.en}; serving the web page instead.`);
  fs.mkdirSync(path.dirname(state.LOG_FILE), { recursive: true });
  const log = fs.openSync(state.LOG_FILE, "w");
  const webpackCli = require.resolve("webpack-cli/bin/cli.js", { paths: [state.ROOT] });
  // Detached with its own process group, so that `npm stop` can end the server and everything it spawned.
  const child = spawn(process.execPath, [webpackCli, "serve", "--mode", "development"], {
    cwd: state.ROOT,
    detached: true,
    stdio: ["ignore", log, log],
    env: process.env,
  });
  state.writeState({
    mode: "preview",
    pid: child.pid,
    log: state.LOG_FILE,
    startedAt: new Date().toISOString(),
  });
  console.log(`正在编译（日志 log: ${state.LOG_FILE}）…`);
  const base = await waitForServer(child);
  if (!base) {
    if (state.isAlive(child.pid)) await state.endProcessTree(child.pid);
    state.clearState();
    console.error(`开发服务器没有启动 (the dev server did not start). 日志末尾 / log tail:\n${logTail()}`);
    process.exit(1);
  }
  child.unref();
  console.log("");
  console.log(`  网页版 Web page: ${base}   （打开后拖入工作簿即可检查 open it and drop your workbook）`);
  console.log(`  加载项 Add-in:   ${base}taskpane.html   清单 manifest: ${base}manifest.xml`);
  if (base.startsWith("http:")) {
    console.log("  （http 只能打开网页版；Excel 只加载 https 的加载项。http serves the web page only.）");
    // The dev server logged why it fell back to http; repeat it here where it is seen.
    const why = logText()
      .split("\n")
      .find((line) => line.includes("原因 Reason:"));
    if (why) console.log(`  ${why.trim()}`);
  }
  console.log("  停止 Stop:       npm stop");
}

/** Sideload where Excel and the tool are both here; else only the server (the web page), saying why. */
function choose({ forcePreview, tool, desktopExcel }) {
  if (!forcePreview && tool && desktopExcel) return { mode: "sideload", tool };
  const reason = forcePreview
    ? { zh: "按要求不旁加载", en: "--preview given" }
    : !desktopExcel
      ? { zh: "这台电脑上没有桌面版 Excel", en: "this machine has no desktop Excel" }
      : {
          zh: "没有 office-addin-debugging（npm ci 在其钥匙串模块无法编译时会跳过这个可选依赖；也可全局安装：npm i -g office-addin-debugging）",
          en: "office-addin-debugging is missing (npm ci skips this optional dependency where its keychain module cannot build; or npm i -g office-addin-debugging)",
        };
  return { mode: "preview", reason };
}

async function main(argv = process.argv) {
  const previous = state.readState();
  if (previous && (previous.mode === "sideload" || state.isAlive(previous.pid))) {
    console.log(
      "实事督办的开发服务器已在运行；先执行 npm stop。The dev server is already running; run npm stop first.",
    );
    return;
  }
  state.clearState();
  const choice = choose({
    forcePreview: argv.includes("--preview"),
    tool: state.findOfficeAddinDebugging(),
    desktopExcel: state.hasDesktopExcel(),
  });
  if (choice.mode === "sideload") sideload(choice.tool);
  else await servePreview(choice.reason);
}

if (require.main === module) {
  main().catch((error) => {
    console.error("npm start 失败:", error);
    process.exit(1);
  });
}

module.exports = { choose, sideload, sideloadArgs };
