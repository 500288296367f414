/**
 * Shared by scripts/start.js and scripts/stop.js: where `npm start` records what it started, so that
 * `npm stop` undoes exactly that (and nothing else), and how to find office-addin-debugging.
 */
const fs = require("fs");
const path = require("path");
const { spawnSync } = require("child_process");
const { setTimeout: sleep } = require("timers/promises");

const ROOT = path.resolve(__dirname, "..");
// DUTYCHECK_DEV_STATE_DIR: somewhere else, for the tests of these scripts.
const STATE_DIR =
  process.env.DUTYCHECK_DEV_STATE_DIR || path.join(ROOT, "node_modules", ".cache", "duty-check");
const STATE_FILE = path.join(STATE_DIR, "dev-server.json");
const LOG_FILE = path.join(STATE_DIR, "dev-server.log");
const MANIFEST = path.join(ROOT, "manifest.xml");
const PORT = 3000;

function readState() {
  try {
    const state = JSON.parse(fs.readFileSync(STATE_FILE, "utf8"));
    if (state && (state.mode === "preview" || state.mode === "sideload")) return state;
  } catch {
    // No state (never started, or already stopped).
  }
  return null;
}

function writeState(state) {
  fs.mkdirSync(STATE_DIR, { recursive: true });
  fs.writeFileSync(STATE_FILE, JSON.stringify(state, null, 2));
}

function clearState() {
  fs.rmSync(STATE_FILE, { force: true });
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return error.code === "EPERM";
  }
}

/** Ends a server started by npm start and every process it spawned (its process group / tree). */
async function endProcessTree(pid) {
  if (process.platform === "win32") {
    spawnSync("taskkill", ["/pid", String(pid), "/T", "/F"], { stdio: "ignore" });
    return;
  }
  const signalGroup = (signal) => {
    try {
      process.kill(-pid, signal);
    } catch {
      // Already gone.
    }
  };
  signalGroup("SIGTERM");
  for (let i = 0; i < 50 && isAlive(pid); i++) await sleep(100);
  if (isAlive(pid)) signalGroup("SIGKILL");
}

/**
 * office-addin-debugging, when this machine has it: the project's own (an optionalDependency: npm leaves
 * it out where its keychain module cannot build, e.g. Linux without libsecret) or a global one on PATH.
 */
function findOfficeAddinDebugging({ root = ROOT, pathEnv = process.env.PATH } = {}) {
  try {
    const pkgPath = require.resolve("office-addin-debugging/package.json", { paths: [root] });
    const pkg = JSON.parse(fs.readFileSync(pkgPath, "utf8"));
    const bin = typeof pkg.bin === "string" ? pkg.bin : pkg.bin && pkg.bin["office-addin-debugging"];
    if (bin)
      return { command: process.execPath, args: [path.join(path.dirname(pkgPath), bin)], shell: false };
  } catch {
    // Not installed locally; try PATH.
  }
  const names = process.platform === "win32" ? ["office-addin-debugging.cmd"] : ["office-addin-debugging"];
  for (const dir of (pathEnv || "").split(path.delimiter)) {
    for (const name of names) {
      const candidate = path.join(dir, name);
      if (dir && fs.existsSync(candidate)) {
        // Windows runs .cmd files only through a shell.
        return { command: candidate, args: [], shell: process.platform === "win32" };
      }
    }
  }
  return null;
}

/** Desktop Excel can be sideloaded on Windows and on a Mac that has it installed; never on Linux. */
function hasDesktopExcel() {
  if (process.platform === "win32") return true;
  if (process.platform === "darwin") return fs.existsSync("/Applications/Microsoft Excel.app");
  return false;
}

module.exports = {
  ROOT,
  STATE_FILE,
  LOG_FILE,
  MANIFEST,
  PORT,
  readState,
  writeState,
  clearState,
  isAlive,
  endProcessTree,
  findOfficeAddinDebugging,
  hasDesktopExcel,
};
