import { readFileSync } from "node:fs";
import { join } from "node:path";
import { resolveOptions } from "../core/options";
import { parseArgs, USAGE } from "./args";
import { checkFile, tablesOf, type FileOutcome } from "./check-file";
import { diffSnapshots, snapshotOf, type Changes } from "../core/since";
import { reportJson } from "./json";
import { inputIdentities, remindersText, writeReports } from "./documents";
import { earlierSnapshot, readEarlier, type EarlierReport } from "./since";
import { copyPath, writeMarkedCopy } from "./marked-copy";
import { fileReport, paint, summaryLine } from "./report";

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

function failureLine(outcome: FileOutcome): string {
  const error = outcome.error;
  return error ? `duty-check：无法检查“${outcome.file}”：${error.message}（${error.code}）\n` : "";
}

/**
 * `duty-check FILE... [--as-of YYYY-MM-DD] [--due-soon-days N] [--report-day N] [--behind-tolerance N]
 * [--since EARLIER.json] [--sheet NAME] [--json] [--out DIR] [--report DIR] [--reminders]
 * [--group-by department|leader] [--reply-by YYYY-MM-DD] [--fail-on-overdue]`. Resolves to the exit code: 2 when a flag is bad or any file could not be read
 * (the other files are still checked), 1 with --fail-on-overdue when something is overdue, else 0.
 */
export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  const args = parseArgs(argv);
  if (!args.ok) {
    io.stderr(`duty-check：${args.message}\n\n${USAGE}`);
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
      io.stderr(`duty-check：${read.message}\n`);
      return EXIT_ERROR;
    }
    earlier = read.report;
  }
  const since = new Map<FileOutcome, Changes | null>();
  const p = paint(io.colour && !flags.json);
  const reportOptions = { asOf: options.asOf, groupBy: flags.groupBy, replyBy: flags.replyBy ?? null };
  const inputs = flags.report ? await inputIdentities(flags.files) : new Set<string>();
  const reportsTaken = new Set<string>();

  const outcomes: FileOutcome[] = [];
  const taken = new Set<string>();
  let failed = false;
  for (const file of flags.files) {
    const outcome = await checkFile(file, options, flags.sheet);
    // Only the results outlive this file: a bulk check of many workbooks must not hold them all in memory.
    outcomes.push({ ...outcome, workbook: null });
    if (outcome.error) {
      failed = true;
      io.stderr(failureLine(outcome));
      continue;
    }
    const base = earlier ? earlierSnapshot(earlier, file, flags.files.length) : null;
    const changes = base ? diffSnapshots(base, snapshotOf(outcome.sheets, options.asOf)) : null;
    since.set(outcomes[outcomes.length - 1] as FileOutcome, changes);
    const sinceShown = earlier ? (changes ?? { missing: earlier.asOf }) : undefined;
    if (flags.reminders) io.stdout(`${remindersText(outcome, reportOptions, p)}\n\n`);
    else if (!flags.json)
      io.stdout(`${fileReport(outcome, options.asOf, options.dueSoonDays, p, sinceShown)}\n\n`);
    if (flags.report) {
      try {
        for (const target of await writeReports(outcome, flags.report, reportOptions, inputs, reportsTaken))
          io.stderr(`已写出通报：${target}\n`);
      } catch (error) {
        failed = true;
        io.stderr(
          `duty-check：无法写出“${file}”的通报：${error instanceof Error ? error.message : String(error)}\n`,
        );
      }
    }
    if (flags.out) {
      const target = copyPath(file, flags.out, taken);
      try {
        await writeMarkedCopy(outcome, target, options.asOf);
        io.stderr(`已写出标记副本：${target}\n`);
      } catch (error) {
        failed = true;
        io.stderr(
          `duty-check：无法写出“${target}”：${error instanceof Error ? error.message : String(error)}\n`,
        );
      }
    }
  }
  if (flags.json) io.stdout(`${JSON.stringify(reportJson(options, outcomes, since), null, 2)}\n`);
  else if (outcomes.length > 1 && !flags.reminders) io.stdout(`${summaryLine(outcomes, p)}\n`);

  if (failed) return EXIT_ERROR;
  const overdue = outcomes.flatMap(tablesOf).some((t) => t.counts.overdue > 0);
  return flags.failOnOverdue && overdue ? EXIT_OVERDUE : EXIT_OK;
}
