import { mkdir, realpath, writeFile } from "node:fs/promises";
import { basename, extname, join, resolve } from "node:path";
import { buildReport, type ReportOptions } from "../core/report/model";
import { reportDocx } from "../core/report/docx";
import { buildReminders } from "../core/report/reminders";
import { chineseDate } from "../core/report/format";
import type { TableResult } from "../core/types";
import type { FileOutcome } from "./check-file";
import type { Paint } from "./report";
import { terminalSafe, terminalSafeLines } from "./terminal";

/** `--report` and `--reminders`: the 通报 as .docx files and the 督办提醒 as text, from the core's models. */

/** A path as the file system names it, compared without case (Windows and macOS ignore it). */
async function identity(path: string): Promise<string> {
  let real: string;
  try {
    real = await realpath(path);
  } catch {
    real = resolve(path);
  }
  return real.toLowerCase();
}

/** Real paths of the inputs, so that no output lands on one of them whatever the spelling or link. */
export async function inputIdentities(files: readonly string[]): Promise<Set<string>> {
  return new Set(await Promise.all(files.map(identity)));
}

/**
 * Where a 通报 goes in `dir`: `<stem>.docx`, then `<stem>（2）.docx`… for a name this run already wrote or
 * that is one of the inputs. The folder is made when missing.
 */
export async function reportPath(
  dir: string,
  stem: string,
  inputs: ReadonlySet<string>,
  taken: Set<string>,
): Promise<string> {
  await mkdir(dir, { recursive: true });
  const folder = await realpath(dir);
  let n = 1;
  let target = join(folder, `${stem}.docx`);
  // An existing name is followed to what it is (a link to an input is that input).
  let id = await identity(target);
  while (inputs.has(id) || taken.has(id)) {
    n += 1;
    target = join(folder, `${stem}（${n}）.docx`);
    id = await identity(target);
  }
  taken.add(id);
  return target;
}

/** The file name of a table's 通报: the unit's when the title names one, else the input's name before it. */
function stemFor(file: string, table: TableResult, reportStem: string, unit: string | null): string {
  if (unit) return reportStem;
  const input = basename(file, extname(file));
  return `${input}-${table.sheet}-${reportStem}`.replace(/[\\/:*?"<>|]/gu, "_");
}

/** Writes one .docx per checked table of the file; returns the paths written. */
export async function writeReports(
  outcome: FileOutcome,
  dir: string,
  options: ReportOptions,
  inputs: ReadonlySet<string>,
  taken: Set<string>,
): Promise<string[]> {
  const written: string[] = [];
  for (const table of outcome.sheets.flatMap((s) => s.tables)) {
    const report = buildReport([table], options);
    const target = await reportPath(
      dir,
      stemFor(outcome.file, table, report.fileStem, report.unit),
      inputs,
      taken,
    );
    await writeFile(target, await reportDocx(report));
    written.push(target);
  }
  return written;
}

/** The 督办提醒 of every table of a file: a line naming the table, then one block per recipient. */
export function remindersText(outcome: FileOutcome, options: ReportOptions, p: Paint): string {
  const word = options.groupBy === "department" ? "责任科室" : "责任领导";
  const blocks: string[] = [];
  for (const table of outcome.sheets.flatMap((s) => s.tables)) {
    const reminders = buildReminders([table], options);
    const title = table.title ? ` · ${terminalSafe(table.title)}` : "";
    const head =
      `${p.bold(`■ ${terminalSafe(basename(outcome.file))}`)} · 工作表“${terminalSafe(table.sheet)}”${title}\n` +
      `  督办提醒（按${word}，截至${chineseDate(options.asOf)}）：${reminders.length} 条`;
    const body = reminders.length
      ? reminders.map((r) => `【${terminalSafe(r.recipient)}】\n${terminalSafeLines(r.text)}`).join("\n\n")
      : "没有逾期、滞后或未报送进展的项目，无需督办。";
    blocks.push(`${head}\n\n${body}`);
  }
  return blocks.join("\n\n");
}
