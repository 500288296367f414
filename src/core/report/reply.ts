import { addMonths, format, getDate, parseISO, setDate } from "date-fns";
import type { TableResult } from "../types";

/**
 * PROGRESS.md §2: progress is reported by day 22 of each month unless the table's settings say otherwise.
 * The monthly-cycle reading carries its own `reportDay` on `TableProgress`; this is the default a table
 * without progress columns is reminded against.
 */
export const DEFAULT_REPORT_DAY = 22;

/** The report day the tables are read against: the first table's monthly cycle, else the default. */
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
