import fs from "fs";
import os from "os";
import path from "path";
import { createRequire } from "module";
import type { Configuration } from "webpack";

/**
 * `npm start` / `npm stop` without Excel: what they choose, and what they hand office-addin-debugging (a
 * stand-in script that records its arguments). Their state goes to a folder of this test's own.
 */
const ROOT = path.resolve(__dirname, "../..");
const STATE_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "dutycheck-dev-state-"));
process.env.DUTYCHECK_DEV_STATE_DIR = STATE_DIR;

interface Tool {
  command: string;
  args: string[];
  shell: boolean;
}
const load = createRequire(__filename);
const devState = load(path.join(ROOT, "scripts/dev-state.js")) as {
  MANIFEST: string;
  STATE_FILE: string;
  findOfficeAddinDebugging: (where?: { root?: string; pathEnv?: string }) => Tool | null;
  hasDesktopExcel: () => boolean;
  isAlive: (pid: number) => boolean;
  readState: () => { mode: string } | null;
};
const start = load(path.join(ROOT, "scripts/start.js")) as {
  choose: (input: {
    forcePreview: boolean;
    tool: Tool | null;
    desktopExcel: boolean;
  }) => { mode: "sideload"; tool: Tool } | { mode: "preview"; reason: { zh: string; en: string } };
  sideload: (tool: Tool) => void;
  sideloadArgs: () => string[];
};
const stop = load(path.join(ROOT, "scripts/stop.js")) as {
  main: (deps: { findTool: () => Tool | null }) => Promise<void>;
};

let dir = "";
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "dutycheck-tool-"));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
  process.exitCode = undefined;
});
afterAll(() => fs.rmSync(STATE_DIR, { recursive: true, force: true }));

/** A stand-in office-addin-debugging: appends its arguments (one JSON line per run) to calls.jsonl. */
function fakeTool(): { tool: Tool; calls: () => string[][] } {
  const log = path.join(dir, "calls.jsonl");
  const script = path.join(dir, "fake-office-addin-debugging.js");
  fs.writeFileSync(
    script,
    `require("fs").appendFileSync(${JSON.stringify(log)}, JSON.stringify(process.argv.slice(2)) + "\\n");\n`,
  );
  return {
    tool: { command: process.execPath, args: [script], shell: false },
    calls: () =>
      fs.existsSync(log)
        ? fs
            .readFileSync(log, "utf8")
            .trim()
            .split("\n")
            .map((line) => JSON.parse(line) as string[])
        : [],
  };
}

describe("office-addin-debugging, an optional dependency", () => {
  it("is an optionalDependency, and the lockfile marks it and its keychain module optional", () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as {
      optionalDependencies?: Record<string, string>;
      devDependencies: Record<string, string>;
    };
    expect(Object.keys(pkg.optionalDependencies ?? {})).toEqual(["office-addin-debugging"]);
    const lock = JSON.parse(fs.readFileSync(path.join(ROOT, "package-lock.json"), "utf8")) as {
      packages: Record<string, { optional?: boolean }>;
    };
    expect(lock.packages["node_modules/office-addin-debugging"]?.optional).toBe(true);
    expect(lock.packages["node_modules/keytar"]?.optional).toBe(true);
  });

  it("is found where the project has it, as its package's bin run by node", () => {
    const pkgDir = path.join(dir, "node_modules", "office-addin-debugging");
    fs.mkdirSync(path.join(pkgDir, "lib"), { recursive: true });
    fs.writeFileSync(
      path.join(pkgDir, "package.json"),
      JSON.stringify({ name: "office-addin-debugging", bin: { "office-addin-debugging": "lib/cli.js" } }),
    );
    expect(devState.findOfficeAddinDebugging({ root: dir, pathEnv: "" })).toEqual({
      command: process.execPath,
      args: [path.join(pkgDir, "lib/cli.js")],
      shell: false,
    });
  });

  it("is found as a global install on PATH", () => {
    const name = process.platform === "win32" ? "office-addin-debugging.cmd" : "office-addin-debugging";
    fs.writeFileSync(path.join(dir, name), "", { mode: 0o755 });
    const pathEnv = [path.join(dir, "missing"), dir].join(path.delimiter);
    expect(devState.findOfficeAddinDebugging({ root: dir, pathEnv })).toEqual({
      command: path.join(dir, name),
      args: [],
      shell: process.platform === "win32",
    });
  });

  it("is not found where neither the project nor PATH has it", () => {
    expect(devState.findOfficeAddinDebugging({ root: dir, pathEnv: dir })).toBeNull();
  });
});

describe("npm start and npm stop", () => {
  it("sideloads the manifest into Excel with office-addin-debugging, and npm stop unloads it", async () => {
    const { tool, calls } = fakeTool();
    const choice = start.choose({ forcePreview: false, tool, desktopExcel: true });
    expect(choice).toEqual({ mode: "sideload", tool });
    start.sideload(tool);
    expect(process.exitCode).toBeUndefined();
    expect(calls()).toEqual([
      [
        "start",
        devState.MANIFEST,
        "desktop",
        "--app",
        "excel",
        "--dev-server",
        "npm run dev-server",
        "--dev-server-port",
        "3000",
      ],
    ]);
    expect(devState.readState()).toMatchObject({ mode: "sideload" });
    expect(path.dirname(devState.STATE_FILE)).toBe(STATE_DIR);

    await stop.main({ findTool: () => tool });
    expect(calls()[1]).toEqual(["stop", devState.MANIFEST]);
    expect(devState.readState()).toBeNull();
  });

  it("serves the preview without office-addin-debugging, without Excel, or when asked, saying why", () => {
    const { tool } = fakeTool();
    const missing = start.choose({ forcePreview: false, tool: null, desktopExcel: true });
    expect(missing).toMatchObject({
      mode: "preview",
      reason: { en: expect.stringContaining("optional dependency") },
    });
    expect(start.choose({ forcePreview: false, tool, desktopExcel: false })).toMatchObject({
      mode: "preview",
      reason: { zh: "这台电脑上没有桌面版 Excel" },
    });
    expect(start.choose({ forcePreview: true, tool, desktopExcel: true })).toMatchObject({
      mode: "preview",
      reason: { en: "--preview given" },
    });
  });

  it("never offers to sideload into desktop Excel on Linux", () => {
    if (process.platform === "linux") expect(devState.hasDesktopExcel()).toBe(false);
    else expect(typeof devState.hasDesktopExcel()).toBe("boolean");
  });

  it("tells a live process from a finished one", () => {
    expect(devState.isAlive(process.pid)).toBe(true);
    expect(devState.isAlive(2 ** 22 + 12345)).toBe(false);
  });
});

describe("the dev server", () => {
  it("listens on localhost only", async () => {
    const make = load(path.join(ROOT, "webpack.config.js")) as (
      env: object,
      argv: object,
    ) => Promise<Configuration & { devServer?: { host?: string } }>;
    const saved = process.env.DUTYCHECK_HTTP;
    process.env.DUTYCHECK_HTTP = "1";
    const warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
    try {
      const config = await make({ WEBPACK_SERVE: true }, { mode: "development" });
      expect(config.devServer?.host).toBe("localhost");
    } finally {
      warn.mockRestore();
      if (saved === undefined) delete process.env.DUTYCHECK_HTTP;
      else process.env.DUTYCHECK_HTTP = saved;
    }
  });
});

describe("version numbers", () => {
  it("the manifest's <Version> is package.json's version with a fourth part", () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string };
    const manifest = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
    expect(manifest).toContain(`<Version>${pkg.version}.0</Version>`);
  });
});
