import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generateGrid } from "../../bench/generate";
import { EXIT_OK, EXIT_OVERDUE } from "../../src/cli/main";
import { buildXlsx } from "../support/xlsx-build";
import { run } from "./run";

const PROJECTS = 50_000;

describe(`a ${PROJECTS.toLocaleString("en")}-project workbook`, () => {
  let dir: string;
  let file: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "duty-large-"));
    file = join(dir, "large.xlsx");
    writeFileSync(file, buildXlsx([{ name: "Sheet1", rows: generateGrid(PROJECTS).values }]));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("prints the text report and writes the marked copy, exit code as for any file", async () => {
    const out = join(dir, "out");
    const {
      code,
      out: text,
      err,
    } = await run([file, "--as-of", "2023-06-20", "--out", out, "--fail-on-overdue"]);
    expect(err).toContain("已写出标记副本");
    expect(code).toBe(EXIT_OVERDUE);
    expect(text).toContain(`${PROJECTS} 个项目`);

    // The copy re-checks to the same projects: its 检查结果 sheet is skipped, its marks leave values alone.
    const again = await run([join(out, "large.xlsx"), "--as-of", "2023-06-20", "--json"]);
    expect(again.code).toBe(EXIT_OK);
    const report = JSON.parse(again.out) as { files: Array<{ tables: Array<{ projects: unknown[] }> }> };
    expect(report.files[0]?.tables.map((t) => t.projects.length)).toEqual([PROJECTS]);
    expect(readFileSync(join(out, "large.xlsx")).length).toBeGreaterThan(0);
  }, 600_000);
});
