import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import ExcelJS from "exceljs";
import { checkSheet } from "../src/core/check";
import { planMarks } from "../src/core/marks";
import { resolveOptions } from "../src/core/options";
import { createExcelPort } from "../src/excel";
import { MockWorkbook } from "../test/support/mock-workbook";
import { functionsBench } from "./functions.bench";
import { generateGrid } from "./generate";
import { line, medianMs } from "./stats";

const PROJECTS = 5000;
const ROOT = join(__dirname, "..");

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

  const monthly = generateGrid(PROJECTS, true);
  const monthlyResult = checkSheet(monthly, opts).tables;
  if (monthlyResult[0]?.progress?.columns.length !== 3)
    throw new Error("bench table with progress columns read no progress columns");
  line(
    `core: read + check a ${PROJECTS}-project table with progress columns`,
    `${(await medianMs(() => checkSheet(monthly, opts))).toFixed(1)} ms`,
    "< 200 ms",
  );

  const workbook = new MockWorkbook([{ grid }]);
  const port = createExcelPort({ run: workbook.run, today: () => new Date(2023, 5, 20) });
  const outcome = await port.checkActiveSheet({ asOf: "2023-06-20" });
  if (!outcome.ok) throw new Error(outcome.message);
  line(`Excel round trips (sync) for a check of that sheet (office-addin-mock)`, `${workbook.syncs}`, "2");

  line(
    "1,000 DUTY.STATUS against a cached 1,000-project table",
    `${(await medianMs(() => functionsBench(1000), 9, 2)).toFixed(1)} ms`,
    "< 50 ms",
  );

  execFileSync("npm", ["run", "build", "--silent"], { cwd: ROOT, stdio: "ignore" });
  const dist = join(ROOT, "dist");
  const html = readFileSync(join(dist, "taskpane.html"), "utf8");
  const scripts = [...html.matchAll(/<script[^>]*\ssrc="?([^"\s>?]+)/gu)]
    .map((m) => m[1] as string)
    .filter((src) => !src.startsWith("http"));
  const gzip = (file: string) => gzipSync(readFileSync(join(dist, file))).length / 1024;
  const pane = scripts.filter((s) => s !== "functions.js" && s !== "commands.js");
  line(
    "task pane initial JavaScript, gzipped",
    `${pane.reduce((n, s) => n + gzip(s), 0).toFixed(1)} KB`,
    "≤ 250 KB",
  );
  line(
    "  whole taskpane.html with functions.js and commands.js",
    `${scripts.reduce((n, s) => n + gzip(s), 0).toFixed(1)} KB`,
  );
  line(
    "  functions.js alone (loads before React, needs no other chunk)",
    `${gzip("functions.js").toFixed(1)} KB`,
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
