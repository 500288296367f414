import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { checkSheet } from "../src/core/check";
import { planMarks } from "../src/core/marks";
import { resolveOptions } from "../src/core/options";
import { createExcelPort } from "../src/excel";
import { MockWorkbook } from "../test/support/mock-workbook";
import { buildXlsx } from "../test/support/xlsx-build";
import { functionsBench } from "./functions.bench";
import { generateGrid } from "./generate";
import { line, medianMs } from "./stats";

const PROJECTS = 5000;
/** The command line's large-file figures (issue 7): a workbook ten times the core benchmark's. */
const LARGE = 50_000;
const ROOT = join(__dirname, "..");
const BIN = join(ROOT, "bin", "duty-check.js");
/** Loaded into the measured process: writes its peak resident memory to $DUTYCHECK_PEAK_RSS on exit. */
const PEAK_RSS = join(__dirname, "peak-rss.js");

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

/** One whole `duty-check` process: wall time and peak resident memory. */
function runCli(args: string[], dir: string): { ms: number; peakMb: number } {
  const rssFile = join(dir, "peak-rss.txt");
  const start = performance.now();
  const run = spawnSync(process.execPath, ["--require", PEAK_RSS, BIN, "--as-of", "2023-06-20", ...args], {
    env: { ...process.env, NO_COLOR: "1", DUTYCHECK_PEAK_RSS: rssFile },
    maxBuffer: 1 << 30,
  });
  const ms = performance.now() - start;
  if (run.status === null || run.status > 1) throw new Error(`duty-check failed: ${run.stderr.toString()}`);
  return { ms, peakMb: Number(readFileSync(rssFile, "utf8")) / 1024 };
}

/** Median time and largest peak memory of `runs` processes. */
function cliFigures(args: string[], dir: string, runs = 3): { ms: number; peakMb: number } {
  const results = Array.from({ length: runs }, () => runCli(args, dir));
  const times = results.map((r) => r.ms).sort((a, b) => a - b);
  return {
    ms: times[Math.floor(runs / 2)] as number,
    peakMb: results.reduce((max, r) => Math.max(max, r.peakMb), 0),
  };
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
    const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
    const megabytes = (mb: number) => `${mb.toFixed(0)} MB`;
    const text = cliFigures([large], dir);
    line(`CLI: text report, ${LARGE.toLocaleString("en")}-row .xlsx`, seconds(text.ms), "< 10 s");
    line("  peak memory", megabytes(text.peakMb));
    const json = cliFigures(["--json", large], dir);
    line(`CLI: --json, ${LARGE.toLocaleString("en")}-row .xlsx`, seconds(json.ms));
    line("  peak memory", megabytes(json.peakMb));
    const out = cliFigures(["--out", join(dir, "out"), large], dir);
    line(
      `CLI: --out (text report + marked copy), ${LARGE.toLocaleString("en")} rows`,
      seconds(out.ms),
      "< 20 s",
    );
    line("  peak memory", megabytes(out.peakMb), "< 1.5 GB");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
