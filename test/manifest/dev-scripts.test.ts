import fs from "fs";
import os from "os";
import path from "path";
import { createRequire } from "module";

/** The parts of `npm start` / `npm stop` that decide what to do, without starting a server. */
const load = createRequire(__filename);
const ROOT = path.resolve(__dirname, "../..");
const devState = load(path.join(ROOT, "scripts/dev-state.js")) as {
  findOfficeAddinDebugging: () => { command: string; args: string[]; shell: boolean } | null;
  hasDesktopExcel: () => boolean;
  isAlive: (pid: number) => boolean;
};

describe("npm start's choice of sideload or preview", () => {
  const savedPath = process.env.PATH;
  let dir = "";

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "dutycheck-path-"));
  });
  afterEach(() => {
    process.env.PATH = savedPath;
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("does not find office-addin-debugging where it is neither installed nor on PATH", () => {
    // The package is deliberately not a dependency (it needs libsecret to install).
    expect(fs.existsSync(path.join(ROOT, "node_modules/office-addin-debugging"))).toBe(false);
    process.env.PATH = dir;
    expect(devState.findOfficeAddinDebugging()).toBeNull();
  });

  it("finds a global office-addin-debugging on PATH", () => {
    const name = process.platform === "win32" ? "office-addin-debugging.cmd" : "office-addin-debugging";
    fs.writeFileSync(path.join(dir, name), "", { mode: 0o755 });
    process.env.PATH = [path.join(dir, "missing"), dir].join(path.delimiter);
    expect(devState.findOfficeAddinDebugging()).toEqual({
      command: path.join(dir, name),
      args: [],
      shell: process.platform === "win32",
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

describe("version numbers", () => {
  it("the manifest's <Version> is package.json's version with a fourth part", () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string };
    const manifest = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
    expect(manifest).toContain(`<Version>${pkg.version}.0</Version>`);
  });
});
