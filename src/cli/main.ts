import { readFileSync } from "node:fs";
import { join } from "node:path";
import { deflateRawSync } from "node:zlib";
import { resolveOptions } from "../core/options";
import type { SheetResult } from "../core/types";
import { parseArgs, USAGE } from "./args";
import { WorkbookError, writeMarkedCopy } from "../core/xlsx";
import { checkFile, tablesOf, type FileOutcome } from "./check-file";
import { inputIdentities as reportInputs, remindersText, writeReports } from "./documents";
import { copyTarget, fsProblem, identity, prepareOutDir, writeWhole } from "./files";
import { diffSnapshots, snapshotOf, type Changes } from "../core/since";
import { reportJson } from "./json";
import { fileReport, paint, summaryLine } from "./report";
import { earlierSnapshot, readEarlier, type EarlierReport } from "./since";
import { terminalSafe } from "./terminal";

/**
 * Node's own zlib, at its fastest level: the marked copy's large parts compress ten times faster than in
 * JavaScript at level 6, for a file a fifth larger.
 */
const nativeDeflate = (data: Uint8Array) => deflateRawSync(data, { level: 1 });

/** Where the command writes and what it takes as "today"; tests replace it, the bin uses the process. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Colour the report (a TTY without NO_COLOR). */
  colour: boolean;
  today: Date;
}

export const EXIT_OK = 0;
export const EXIT_OVERDUE = 1;
export const EXIT_ERROR = 2;

/** Colour only on a terminal, and never when NO_COLOR is set to anything (https://no-color.org). */
export function wantsColour(isTTY: boolean | undefined, env: NodeJS.ProcessEnv): boolean {
  return Boolean(isTTY) && (env.NO_COLOR ?? "") === "";
}

function processIo(): CliIo {
  // A reader that stops early (`| head`) closes the pipe: stop quietly instead of crashing with EPIPE.
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") throw error;
    process.exit(process.exitCode ?? EXIT_OK);
  });
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    colour: wantsColour(process.stdout.isTTY, process.env),
    today: new Date(),
  };
}

function version(): string {
  // package.json sits two levels up both from src/cli (tests) and lib/cli (the built bin).
  const pkg = JSON.parse(readFileSync(join(__dirname, "..", "..", "package.json"), "utf8")) as {
    version?: string;
  };
  return pkg.version ?? "0.0.0";
}

/** One line on stderr: the message says what to do, the English detail follows in brackets. */
function problemLine(io: CliIo, what: string, message: string, detail: string): void {
  io.stderr(`${terminalSafe(`duty-check：${what}：${message}（${detail}）`)}\n`);
}

/** The identities of every input that exists, taken before anything is written. */
async function inputIdentities(files: string[]): Promise<Set<string>> {
  const ids = await Promise.all(files.map(identity));
  return new Set(ids.filter((id): id is string => id !== null));
}

/** The --out folder (its real path), the identities no copy may replace, the paths this run wrote. */
interface OutFolder {
  dir: string;
  protect: Set<string>;
  taken: Set<string>;
}

/** Writes the marked copy of a checked file; false (and one line said) when it cannot. */
async function writeCopy(
  io: CliIo,
  file: string,
  bytes: Uint8Array,
  results: SheetResult[],
  asOf: string,
  out: OutFolder,
): Promise<boolean> {
  const target = await copyTarget(file, out.dir, out.protect, out.taken);
  try {
    await writeWhole(target, writeMarkedCopy(bytes, results, asOf, { deflate: nativeDeflate }));
  } catch (error) {
    const { message, detail } =
      error instanceof WorkbookError
        ? { message: error.message, detail: error.detail ?? error.messageEn }
        : fsProblem(error);
    problemLine(io, `无法写出“${target}”`, message, detail);
    return false;
  }
  const written = await identity(target);
  if (written) out.protect.add(written);
  io.stderr(`${terminalSafe(`已写出标记副本：${target}`)}\n`);
  return true;
}

/**
 * `duty-check FILE... [--as-of YYYY-MM-DD] [--due-soon-days N] [--report-day N] [--behind-tolerance N]
 * [--since EARLIER.json] [--sheet NAME] [--json] [--out DIR] [--report DIR] [--reminders]
 * [--group-by department|leader] [--reply-by YYYY-MM-DD] [--fail-on-overdue]`.
 * Resolves to the exit code: 2 when a flag, the --since file or the --out folder is bad, or any file
 * could not be read, holds no breakdown table or could not be copied (the other files are still checked);
 * 1 with --fail-on-overdue when something is overdue; else 0.
 */
export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  const args = parseArgs(argv);
  if (!args.ok) {
    io.stderr(`${terminalSafe(`duty-check：${args.message}`)}\n\n${USAGE}`);
    return EXIT_ERROR;
  }
  const flags = args.flags;
  if (flags.help) {
    io.stdout(USAGE);
    return EXIT_OK;
  }
  if (flags.version) {
    io.stdout(`duty-check ${version()}\n`);
    return EXIT_OK;
  }
  const resolved = resolveOptions(
    {
      asOf: flags.asOf,
      dueSoonDays: flags.dueSoonDays,
      reportDay: flags.reportDay,
      behindTolerance: flags.behindTolerance,
    },
    io.today,
  );
  if (!resolved.ok) {
    io.stderr(`duty-check：${resolved.message}\n`);
    return EXIT_ERROR;
  }
  const options = resolved.options;
  let earlier: EarlierReport | null = null;
  if (flags.since !== undefined) {
    const read = await readEarlier(flags.since);
    if (!read.ok) {
      problemLine(io, `--since “${flags.since}”`, read.message, read.detail);
      return EXIT_ERROR;
    }
    earlier = read.report;
  }
  const since = new Map<FileOutcome, Changes | null>();
  const p = paint(io.colour && !flags.json);
  const reportOptions = { asOf: options.asOf, groupBy: flags.groupBy, replyBy: flags.replyBy ?? null };
  const inputs = flags.report ? await reportInputs(flags.files) : new Set<string>();
  const reportsTaken = new Set<string>();

  let out: OutFolder | null = null;
  if (flags.out !== undefined) {
    try {
      // Copies never replace an input, whatever path leads to it; nor a copy this run wrote.
      out = {
        dir: await prepareOutDir(flags.out),
        protect: await inputIdentities(flags.files),
        taken: new Set(),
      };
    } catch (error) {
      const { message, detail } = fsProblem(error);
      problemLine(io, `无法使用输出文件夹“${flags.out}”`, message, detail);
      return EXIT_ERROR;
    }
  }

  const outcomes: FileOutcome[] = [];
  let failed = false;
  for (const file of flags.files) {
    // Only the results outlive this iteration: a bulk check of many workbooks keeps no bytes around.
    const { outcome, bytes } = await checkFile(file, options, flags.sheet);
    outcomes.push(outcome);
    if (outcome.error) {
      failed = true;
      problemLine(io, `无法检查“${file}”`, outcome.error.message, outcome.error.detail);
      continue;
    }
    const base = earlier ? earlierSnapshot(earlier, file, flags.files.length) : null;
    const changes = base ? diffSnapshots(base, snapshotOf(outcome.sheets, options.asOf)) : null;
    since.set(outcome, changes);
    const sinceShown = earlier ? (changes ?? { missing: earlier.asOf }) : undefined;
    if (flags.reminders) io.stdout(`${remindersText(outcome, reportOptions, p)}\n\n`);
    else if (!flags.json)
      io.stdout(`${fileReport(outcome, options.asOf, options.dueSoonDays, p, sinceShown)}\n\n`);
    if (tablesOf(outcome).length === 0) {
      failed = true;
      problemLine(
        io,
        `“${file}”中没有找到责任分解表`,
        "请确认文件和工作表，或用 --sheet 指定表格所在的工作表",
        "no breakdown table found",
      );
      continue;
    }
    if (flags.report) {
      try {
        for (const target of await writeReports(outcome, flags.report, reportOptions, inputs, reportsTaken))
          io.stderr(`${terminalSafe(`已写出通报：${target}`)}\n`);
      } catch (error) {
        failed = true;
        const { message, detail } = fsProblem(error);
        problemLine(io, `无法写出“${file}”的通报`, message, detail);
      }
    }
    if (out && bytes && !(await writeCopy(io, file, bytes, outcome.sheets, options.asOf, out))) failed = true;
  }
  if (flags.json) io.stdout(`${JSON.stringify(reportJson(options, outcomes, since), null, 2)}\n`);
  else if (outcomes.length > 1 && !flags.reminders) io.stdout(`${summaryLine(outcomes, p)}\n`);

  if (failed) return EXIT_ERROR;
  const overdue = outcomes.flatMap(tablesOf).some((t) => t.counts.overdue > 0);
  return flags.failOnOverdue && overdue ? EXIT_OVERDUE : EXIT_OK;
}
