#!/usr/bin/env node
/** npm stop: undoes what `npm start` recorded — ends the preview server, or un-sideloads from Excel. */
const { spawnSync } = require("child_process");
const state = require("./dev-state");

/** `findTool`: how to find office-addin-debugging (the tests hand in a stand-in). */
async function main({ findTool = state.findOfficeAddinDebugging } = {}) {
  const recorded = state.readState();
  if (!recorded) {
    console.log("没有由 npm start 启动、仍在运行的服务。Nothing started by npm start is running.");
    return;
  }
  if (recorded.mode === "sideload") {
    const tool = findTool();
    if (!tool) {
      console.error("找不到 office-addin-debugging，无法取消旁加载。office-addin-debugging not found.");
      process.exitCode = 1;
      return;
    }
    const result = spawnSync(tool.command, [...tool.args, "stop", state.MANIFEST], {
      stdio: "inherit",
      shell: tool.shell,
      cwd: state.ROOT,
    });
    if (result.status !== 0) {
      process.exitCode = result.status ?? 1;
      return;
    }
    console.log("已停止开发服务器并取消旁加载。Stopped the dev server and removed the sideload.");
  } else if (state.isAlive(recorded.pid)) {
    await state.endProcessTree(recorded.pid);
    console.log(`已停止开发服务器（进程 ${recorded.pid}）。Stopped the dev server (pid ${recorded.pid}).`);
  } else {
    console.log("开发服务器已不在运行。The dev server was no longer running.");
  }
  state.clearState();
}

if (require.main === module) {
  main().catch((error) => {
    console.error("npm stop 失败:", error);
    process.exit(1);
  });
}

module.exports = { main };
