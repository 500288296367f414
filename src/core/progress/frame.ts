import { cellAddress, columnLetter } from "../address";
import type { ProgressCells, RawCell } from "../table/layout";
import type { Diagnostic } from "../types";
import type { ProgressColumnSpec } from "./columns";
import { expectedPercent, expectedPeriod } from "./cycle";
import { monthLabel, periodMonth } from "./period";
import { isEmptyReport, readPercentCell } from "./report";

/**
 * A table's progress columns on a reference date (PROGRESS.md §2): each column's period in the table's
 * year, the order reports are read in, which columns count as reporting for the expected period, and
 * where a missing report belongs. Computed once per table; each project's reports are read against it.
 */

export interface FrameOptions {
  asOf: string;
  reportDay: number;
  behindTolerance: number;
  tableYear: number;
}

export interface ProgressFrame extends FrameOptions {
  columns: ProgressColumnSpec[];
  /** Each column's period, `YYYY-MM`, or null for a column naming none (`本月进展情况`). */
  periods: Array<string | null>;
  /** Column indexes, oldest report first: by period; a column naming none stands for the expected period. */
  order: number[];
  /** Columns whose non-empty cell means the project reported for the expected period. */
  counting: Set<number>;
  /** The column where the expected report belongs, or null when the table has none (`progress.columnMissing`). */
  due: number | null;
  expectedPeriod: string;
  expectedPercent: number;
}

export function progressFrame(columns: ProgressColumnSpec[], options: FrameOptions): ProgressFrame {
  const expected = expectedPeriod(options.asOf, options.reportDay);
  const periods = columns.map((c) => (c.period ? periodMonth(c.period, options.tableYear) : null));
  const sortKey = (i: number) => periods[i] ?? expected;
  const order = columns
    .map((_, i) => i)
    .sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : a - b));
  const counting = new Set(order.filter((i) => periods[i] !== null && (periods[i] as string) >= expected));
  // Of the columns that name no period, the rightmost is the current one.
  const unnamed = order.filter((i) => periods[i] === null);
  const current = unnamed[unnamed.length - 1];
  if (current !== undefined) counting.add(current);
  const due = order.find((i) => counting.has(i)) ?? null;
  return {
    ...options,
    columns,
    periods,
    order,
    counting,
    due,
    expectedPeriod: expected,
    expectedPercent: expectedPercent(options.asOf, options.tableYear),
  };
}

/** The column's letter as the JSON names it: its first text column, else its percent column. */
export function columnOf(column: ProgressColumnSpec): number {
  return column.textCols[0] ?? (column.percentCol as number);
}

export function columnLetterOf(column: ProgressColumnSpec): string {
  return columnLetter(columnOf(column));
}

/** `progress.columnMissing`: the table's period columns stop before the expected period. */
export function columnMissing(frame: ProgressFrame): Diagnostic | null {
  if (frame.due !== null || frame.columns.length === 0) return null;
  const lastIndex = frame.order[frame.order.length - 1] as number;
  const last = frame.columns[lastIndex] as ProgressColumnSpec;
  const label = monthLabel(frame.expectedPeriod, Number.NaN);
  return {
    cell: last.headerCell,
    code: "progress.columnMissing",
    message: `没有 ${label.zh}的进展列（最后一列进展为“${last.label}”，${last.headerCell}），请添加本月进展列`,
    messageEn: `No progress column for ${label.en}: the last one is "${last.label}" (${last.headerCell})`,
    severity: "warning",
  };
}

/** One non-empty progress report of a project. */
export interface Report {
  /** Index of its column in the frame. */
  column: number;
  period: string | null;
  /** The report's text (several cells joined by a line break); null when only a percent was given. */
  text: string | null;
  /** The percent sub-column's value, when it holds one. */
  columnPercent: number | null;
  /** The first non-empty cell of the report. */
  cell: string;
  /** Its non-empty text cells (completion reads them). */
  cells: RawCell[];
}

function cellText(cell: RawCell): string {
  return cell.value === null ? "" : String(cell.value).trim();
}

const NO_CELLS: RawCell[] = [];

function readReport(frame: ProgressFrame, column: number, cells: ProgressCells): Report | null {
  // Built with plain loops: this runs for every progress column of every project.
  let all: RawCell[] = NO_CELLS;
  for (const cell of cells.text) {
    if (isEmptyReport(cell.value)) continue;
    if (all === NO_CELLS) all = [];
    all.push(cell);
  }
  let columnPercent: number | null = null;
  let percentCell: RawCell | null = null;
  for (const cell of cells.percent) {
    const read = readPercentCell(cell.value, cell.numberFormat);
    if (read === null) continue;
    percentCell ??= cell;
    if ("percent" in read) columnPercent ??= read.percent;
    else {
      if (all === NO_CELLS) all = [];
      all.push(cell);
    }
  }
  const first = all[0] ?? percentCell;
  if (!first) return null;
  let text = "";
  for (const cell of all) {
    const t = cellText(cell);
    if (t !== "") text = text === "" ? t : `${text}\n${t}`;
  }
  return {
    column,
    period: frame.periods[column] ?? null,
    text: text === "" ? null : text,
    columnPercent,
    cell: first.address,
    cells: all,
  };
}

export interface ProjectReports {
  /** Non-empty reports, oldest first; the last is the current report. */
  reports: Report[];
  current: Report | null;
  /** Reported for the expected period (PROGRESS.md §2). */
  reported: boolean;
  /** Where the expected report belongs on the project's first row; null when the table has no column for it. */
  dueCell: string | null;
}

/** Reads a project's progress cells (aligned with `frame.columns`) against the frame. */
export function projectReports(
  frame: ProgressFrame,
  cells: ProgressCells[],
  firstRow: number,
): ProjectReports {
  const reports: Report[] = [];
  let reported = false;
  for (const i of frame.order) {
    const report = readReport(frame, i, cells[i] ?? { text: [], percent: [] });
    if (!report) continue;
    reports.push(report);
    if (frame.counting.has(i)) reported = true;
  }
  const due = frame.due === null ? null : (frame.columns[frame.due] as ProgressColumnSpec);
  return {
    reports,
    current: reports[reports.length - 1] ?? null,
    reported,
    dueCell: due ? cellAddress(firstRow - 1, columnOf(due)) : null,
  };
}
