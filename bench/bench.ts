import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { checkSheet } from "../src/core/check";
import { planMarks } from "../src/core/marks";
import { resolveOptions } from "../src/core/options";
import { createExcelPort } from "../src/excel";
import { MockWorkbook } from "../test/support/mock-workbook";
import { buildXlsx } from "../test/support/xlsx-build";
import { functionsBench } from "./functions.bench";
import { generateGrid, generateSplitGrid } from "./generate";
import { line, medianMs } from "./stats";
import { webBench } from "./web.bench";

const PROJECTS = 5000;
/** The command line's large-file figures (issue 7): a workbook ten times the core benchmark's. */
const LARGE = 50_000;
const ROOT = join(__dirname, "..");
const BIN = join(ROOT, "bin", "duty-check.js");
/** Loaded into the measured process: writes its peak memory and CPU time to $DUTYCHECK_USAGE on exit. */
const USAGE = join(__dirname, "usage.js");

function options() {
  const resolved = resolveOptions({ asOf: "2023-06-20", dueSoonDays: 15 });
  if (!resolved.ok) throw new Error(resolved.message);
  return resolved.options;
}

/** The generated table as Excel would save it (shared strings). */
function writeWorkbook(file: string, projects: number): void {
  writeFileSync(
    file,
    buildXlsx([{ name: "Sheet1", rows: generateGrid(projects).values }], { sharedStrings: true }),
  );
}

interface CliRun {
  ms: number;
  cpuMs: number;
  peakMb: number;
}

/** One whole `duty-check` process: wall time, CPU time and peak resident memory. */
function runCli(args: string[], dir: string): CliRun {
  const usageFile = join(dir, "usage.json");
  const start = performance.now();
  const run = spawnSync(process.execPath, ["--require", USAGE, BIN, "--as-of", "2023-06-20", ...args], {
    env: { ...process.env, NO_COLOR: "1", DUTYCHECK_USAGE: usageFile },
    maxBuffer: 1 << 30,
  });
  const ms = performance.now() - start;
  if (run.status === null || run.status > 1) throw new Error(`duty-check failed: ${run.stderr.toString()}`);
  const usage = JSON.parse(readFileSync(usageFile, "utf8")) as { maxRssKb: number; cpuMs: number };
  return { ms, cpuMs: usage.cpuMs, peakMb: usage.maxRssKb / 1024 };
}

/** The run of median wall time among `runs` processes, with the largest peak memory of them. */
function cliFigures(args: string[], dir: string, runs = 3): CliRun {
  const results = Array.from({ length: runs }, () => runCli(args, dir)).sort((a, b) => a.ms - b.ms);
  const median = results[Math.floor(runs / 2)] as CliRun;
  return { ...median, peakMb: results.reduce((max, r) => Math.max(max, r.peakMb), 0) };
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

  const split = generateSplitGrid(PROJECTS);
  if (checkSheet(split, opts).tables[0]?.schedulePeriods.length !== 4)
    throw new Error("bench table split by quarter read no plan columns");
  line(
    `core: read + check a ${PROJECTS}-project table with its plan split by quarter`,
    `${(await medianMs(() => checkSheet(split, opts))).toFixed(1)} ms`,
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
  const docx = readdirSync(dist).filter((f) => /^docx(-lib)?\.[0-9a-f]+\.js$/u.test(f));
  line(
    "  生成通报's .docx code, fetched on the first 通报 (not counted above)",
    `${docx.reduce((n, s) => n + gzip(s), 0).toFixed(1)} KB`,
  );

  // The web page (issue 11): the file chosen on its input until the pane shows the counts, in Chromium.
  const web = await webBench(
    dist,
    buildXlsx([{ name: "Sheet1", rows: generateGrid(PROJECTS).values }], { sharedStrings: true }),
    "2023-06-20",
  );
  line(
    `web page: ${PROJECTS.toLocaleString("en")}-row .xlsx chosen → counts shown (Chromium)`,
    `${(web.totalMs / 1000).toFixed(2)} s`,
    "< 3 s",
  );
  line("  progress indicator on screen after", `${web.indicatorMs.toFixed(0)} ms`);
  line("  machine load average (1 min) meanwhile", loadavg()[0]?.toFixed(1) ?? "?");

  const dir = mkdtempSync(join(tmpdir(), "dutycheck-bench-"));
  try {
    const file = join(dir, "bench-5000.xlsx");
    writeWorkbook(file, PROJECTS);
    const cli = await medianMs(
      () =>
        execFileSync(process.execPath, [BIN, "--json", "--as-of", "2023-06-20", file], {
          maxBuffer: 1 << 28,
        }),
      5,
      1,
    );
    line(`CLI: duty-check --json on a ${PROJECTS}-row .xlsx (whole process)`, `${cli.toFixed(0)} ms`);

    const large = join(dir, "bench-50000.xlsx");
    writeWorkbook(large, LARGE);
    const seconds = (run: CliRun) =>
      `${(run.ms / 1000).toFixed(1)} s (CPU ${(run.cpuMs / 1000).toFixed(1)} s)`;
    const megabytes = (mb: number) => `${mb.toFixed(0)} MB`;
    const text = cliFigures([large], dir);
    line(`CLI: text report, ${LARGE.toLocaleString("en")}-row .xlsx`, seconds(text), "< 10 s");
    line("  peak memory", megabytes(text.peakMb));
    const json = cliFigures(["--json", large], dir);
    line(`CLI: --json, ${LARGE.toLocaleString("en")}-row .xlsx`, seconds(json));
    line("  peak memory", megabytes(json.peakMb));
    const out = cliFigures(["--out", join(dir, "out"), large], dir);
    line(
      `CLI: --out (text report + marked copy), ${LARGE.toLocaleString("en")} rows`,
      seconds(out),
      "< 20 s",
    );
    line("  peak memory", megabytes(out.peakMb), "< 1.5 GB");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
