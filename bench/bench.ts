import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { checkSheet } from "../src/core/check";
import { planMarks } from "../src/core/marks";
import { resolveOptions } from "../src/core/options";
import { generateGrid } from "./generate";
import { line, medianMs } from "./stats";

const PROJECTS = 5000;

function options() {
  const resolved = resolveOptions({ asOf: "2023-06-20", dueSoonDays: 15 });
  if (!resolved.ok) throw new Error(resolved.message);
  return resolved.options;
}

async function writeWorkbook(file: string): Promise<void> {
  const grid = generateGrid(PROJECTS);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(grid.sheet);
  for (const row of grid.values) sheet.addRow(row.map((v) => (v === "" ? null : v)));
  await workbook.xlsx.writeFile(file);
}

export async function main(): Promise<void> {
  const grid = generateGrid(PROJECTS);
  const opts = options();
  const sample = checkSheet(grid, opts);
  const found = sample.tables.reduce((n, t) => n + t.projects.length, 0);
  if (found !== PROJECTS) throw new Error(`bench table read ${found} projects, expected ${PROJECTS}`);

  console.log(`DutyCheck benchmarks — Node ${process.version}, median of repeated runs\n`);
  line(
    `core: read + check a ${PROJECTS}-project table`,
    `${(await medianMs(() => checkSheet(grid, opts))).toFixed(1)} ms`,
    "< 200 ms",
  );
  line(
    `core + mark planning, ${PROJECTS} projects`,
    `${(await medianMs(() => planMarks(checkSheet(grid, opts)))).toFixed(1)} ms`,
    "< 300 ms",
  );

  const dir = mkdtempSync(join(tmpdir(), "dutycheck-bench-"));
  try {
    const file = join(dir, "bench-5000.xlsx");
    await writeWorkbook(file);
    const bin = join(__dirname, "..", "bin", "duty-check.js");
    const cli = await medianMs(
      () =>
        execFileSync(process.execPath, [bin, "--json", "--as-of", "2023-06-20", file], {
          maxBuffer: 1 << 28,
        }),
      5,
      1,
    );
    line(`CLI: duty-check --json on a ${PROJECTS}-row .xlsx (whole process)`, `${cli.toFixed(0)} ms`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
