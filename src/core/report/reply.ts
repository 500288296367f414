import { addMonths, format, getDate, parseISO, setDate } from "date-fns";
import { DEFAULT_REPORT_DAY } from "../options";
import type { TableResult } from "../types";

/**
 * The report day the tables are read against: the first table's monthly cycle (its own `reportDay` on
 * `TableProgress`), else the progress options' default (PROGRESS.md §2: day 22 of each month).
 */
export function reportDayOf(tables: ReadonlyArray<Pick<TableResult, "progress">>): number {
  return tables.find((t) => t.progress !== null)?.progress?.reportDay ?? DEFAULT_REPORT_DAY;
}

/**
 * The next report day strictly after the reference date (`2023-06-20` → `2023-06-22`; on the 22nd itself
 * the next month's): asking for a reply on the day the check is made would leave the departments no time.
 */
export function nextReportDay(asOf: string, reportDay: number): string {
  const date = parseISO(asOf);
  const thisMonth = setDate(date, reportDay);
  const next = getDate(date) < reportDay ? thisMonth : setDate(addMonths(date, 1), reportDay);
  return format(next, "yyyy-MM-dd");
}

/**
 * The reply-by date of a round of 督办提醒 checked on `asOf`: the date the clerk chose when it is still
 * ahead of the check (a date remembered from an earlier month has passed and is not asked for again),
 * else the next report day.
 */
export function replyByFor(
  asOf: string,
  tables: ReadonlyArray<Pick<TableResult, "progress">>,
  chosen: string | null | undefined,
): string {
  // ISO dates compare as text.
  return chosen && chosen > asOf ? chosen : nextReportDay(asOf, reportDayOf(tables));
}
