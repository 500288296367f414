import { parseAddress } from "../address";
import type { Outcome } from "../port";
import type { ProgressColumn, TableResult } from "../types";
import { classifyProgressHeader } from "./header";
import { monthLabel, parseHeaderPeriod, shiftMonth, splitMonthKey } from "./period";

/**
 * 添加本月进展列 (PROGRESS.md §2): where the next month's progress column goes and what its header says.
 * Pure: the Excel port and the preview check the cells it names and write the header and formats only.
 */

export interface ProgressColumnPlan {
  sheet: string;
  /** The new header, in the style of the table's last progress header (`6月进展情况` → `7月进展情况`). */
  header: string;
  /** The month it is for, `YYYY-MM`. */
  period: string;
  /** 0-based absolute row of the header cell (the table's first header row) and of the data rows. */
  headerRow: number;
  firstDataRow: number;
  lastDataRow: number;
  /** 0-based absolute column: right next to the table. */
  col: number;
  /** The last progress column (0-based absolute) and its header cell, whose width and look the new one takes. */
  like: { col: number; headerCell: string } | null;
}

const CN_DIGITS = "〇一二三四五六七八九";

/** `7` as the header wrote its month: `7`, or `七` / `十一` when it used Chinese numerals. */
function writeMonth(month: number, chinese: boolean): string {
  if (!chinese) return String(month);
  if (month < 10) return CN_DIGITS[month] as string;
  return `十${month === 10 ? "" : CN_DIGITS[month - 10]}`;
}

/** The last month number in a marker (`1-6月` → `6`, `截至6月20日` → `6`), as written. */
const LAST_MONTH =
  /([\d一二三四五六七八九十]{1,3})(月(?:份|底|末)?(?:\d{1,2}[日号])?)(?!.*[\d一二三四五六七八九十]{1,3}月)/u;

/**
 * The header for `period` in the style of `template` (the last progress header), or the plain
 * `7月进展情况` when the template names no month. A year is written when the month is not in the table's.
 */
export function nextHeader(template: string | null, period: string, tableYear: number): string {
  const { year, month } = splitMonthKey(period);
  const yearPrefix = year === tableYear ? "" : `${year}年`;
  const plain = `${yearPrefix}${month}月进展情况`;
  const parsed = template === null ? null : parseHeaderPeriod(template);
  if (template === null || !parsed || parsed.unit !== "month") return plain;
  const text = template.includes(parsed.marker) ? template : template.replace(/\s+/gu, "");
  const at = text.indexOf(parsed.marker);
  if (at < 0) return plain;
  const lead = /^(?:截至|截止)(?:到|至)?/u.exec(parsed.marker)?.[0] ?? "";
  const body = parsed.marker.slice(lead.length).replace(/^20\d{2}年度?/u, "");
  // A run of months restarts with the year (`1-12月` → `2024年1月`).
  const restart = parsed.firstMonth !== parsed.lastMonth && month <= parsed.lastMonth;
  const newBody = restart
    ? `${month}月`
    : body.replace(LAST_MONTH, (_, n: string, rest: string) => `${writeMonth(month, !/\d/u.test(n))}${rest}`);
  const withYear = parsed.year !== null || yearPrefix !== "";
  const marker = `${lead}${withYear ? `${year}年` : ""}${newBody}`;
  const header = `${text.slice(0, at)}${marker}${text.slice(at + parsed.marker.length)}`;
  // The new column stands alone: it must name progress itself (a `6月` parent over `进展情况` did for its children).
  return classifyProgressHeader(header) === "progress" ? header : `${header}进展情况`;
}

function refuse(message: string, messageEn: string, cell?: string, sheet?: string): Outcome<never> {
  return { ok: false, message, messageEn, ...(cell ? { cell, ...(sheet ? { sheet } : {}) } : {}) };
}

/** The period column with the latest period (the rightmost among equals). */
function lastPeriodColumn(columns: ProgressColumn[]): ProgressColumn | null {
  let last: ProgressColumn | null = null;
  for (const c of columns)
    if (c.period !== null && (!last || (c.period as string) >= (last.period as string))) last = c;
  return last;
}

/**
 * Plans the month after the table's last progress column (the month of `asOf` when it has none), right of
 * the table. Refuses when the table already has a column for next month: a column is added for this month
 * or prepared for the next, never further ahead.
 */
export function planProgressColumn(table: TableResult, asOf: string): Outcome<ProgressColumnPlan> {
  const columns = table.progress?.columns ?? [];
  const last = lastPeriodColumn(columns);
  const thisMonth = asOf.slice(0, 7);
  const period = last ? shiftMonth(last.period as string, 1) : thisMonth;
  if (last && period > shiftMonth(thisMonth, 1)) {
    const label = monthLabel(last.period as string, table.year);
    return refuse(
      `表中已有 ${label.zh}的进展列（${last.headerCell}），本月进展列无需再添加`,
      `The table already has a progress column for ${label.en} (${last.headerCell}); nothing to add`,
      last.headerCell,
      table.sheet,
    );
  }
  const template = last ?? columns[columns.length - 1] ?? null;
  const likeCell = template ? parseAddress(`${template.column}1`) : null;
  const headerRows = table.headerRows.length > 0 ? table.headerRows : [table.firstRow];
  return {
    ok: true,
    value: {
      sheet: table.sheet,
      header: nextHeader(last?.header ?? null, period, table.year),
      period,
      headerRow: (headerRows[0] as number) - 1,
      firstDataRow: headerRows[headerRows.length - 1] as number,
      lastDataRow: table.lastRow - 1,
      col: table.lastCol + 1,
      like: template && likeCell ? { col: likeCell.col, headerCell: template.headerCell } : null,
    },
  };
}
