import { execFileSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";

const ROOT = join(__dirname, "..", "..");

describe("bin/duty-check.js", () => {
  beforeAll(() => {
    // `npm run build:cli` compiles src/core and src/cli into lib/ for the bin.
    execFileSync("npm", ["run", "--silent", "build:cli"], { cwd: ROOT, stdio: "pipe" });
    expect(existsSync(join(ROOT, "lib", "cli", "main.js"))).toBe(true);
  }, 120_000);

  it("runs the built command line and sets its exit code", () => {
    const env = { ...process.env, NO_COLOR: "1" };
    const ok = spawnSync(
      process.execPath,
      ["bin/duty-check.js", "samples/xintang-2023.xlsx", "--as-of", "2023-06-20", "--json"],
      { cwd: ROOT, encoding: "utf8", env },
    );
    expect(ok.status).toBe(0);
    const report = JSON.parse(ok.stdout) as {
      files: Array<{ tables: Array<{ counts: { overdue: number } }> }>;
    };
    expect(report.files[0]?.tables[0]?.counts.overdue).toBe(10);

    const overdue = spawnSync(
      process.execPath,
      ["bin/duty-check.js", "samples/zimao-2022.xlsx", "--as-of", "2022-07-01", "--fail-on-overdue"],
      { cwd: ROOT, encoding: "utf8", env },
    );
    expect(overdue.status).toBe(1);
    expect(overdue.stdout).toContain("逾期 10");

    const bad = spawnSync(process.execPath, ["bin/duty-check.js", "--as-of", "tomorrow", "x.xlsx"], {
      cwd: ROOT,
      encoding: "utf8",
      env,
    });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--as-of “tomorrow” 无效/);
  });
});
