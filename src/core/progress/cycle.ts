import { format, getDate, getDayOfYear, getDaysInYear, getYear, parseISO, subMonths } from "date-fns";

/**
 * The calendar of the monthly cycle (PROGRESS.md §2, §4): which month's report is due on a date, and how
 * much of the year has passed (序时进度).
 */

/**
 * The expected period on `asOf`: the latest month whose report day has passed. The report for month M is
 * due on day `reportDay` of M, so on that day itself the previous month is still the latest one due
 * (2023-06-22 with day 22 → 2023-05; 2023-06-23 → 2023-06; January → December of the year before).
 */
export function expectedPeriod(asOf: string, reportDay: number): string {
  const date = parseISO(asOf);
  return format(getDate(date) > reportDay ? date : subMonths(date, 1), "yyyy-MM");
}

/**
 * 序时进度: the day of the year ÷ the days in the table's year × 100, to one decimal; 0 before that year,
 * 100 after it (2023-06-30 → 181 ÷ 365 → 49.6).
 */
export function expectedPercent(asOf: string, tableYear: number): number {
  const date = parseISO(asOf);
  const year = getYear(date);
  if (year < tableYear) return 0;
  if (year > tableYear) return 100;
  return Math.round((getDayOfYear(date) / getDaysInYear(date)) * 1000) / 10;
}
