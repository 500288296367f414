import {
  eachMonthOfInterval,
  endOfQuarter,
  formatISO,
  isExists,
  lastDayOfMonth,
  subMonths,
  subQuarters,
} from "date-fns";

/** Due dates as ISO `YYYY-MM-DD`, computed with date-fns on local calendar dates. */

export function isoDate(date: Date): string {
  // formatISO skips format()'s token parsing, which dominated the time of cells with thousands of markers.
  return formatISO(date, { representation: "date" });
}

function firstOfQuarter(year: number, quarter: number): Date {
  return new Date(year, (quarter - 1) * 3, 1);
}

/** Last day of a quarter (`第二季度` → 30 June). */
export function quarterEnd(year: number, quarter: number): string {
  return isoDate(endOfQuarter(firstOfQuarter(year, quarter)));
}

/** Last day of the quarter before (`第四季度前` → 30 Sept; `第一季度前` → 31 Dec of the year before). */
export function beforeQuarter(year: number, quarter: number): string {
  return isoDate(endOfQuarter(subQuarters(firstOfQuarter(year, quarter), 1)));
}

/** Last day of a month. */
export function monthEnd(year: number, month: number): string {
  return isoDate(lastDayOfMonth(new Date(year, month - 1, 1)));
}

/** Last day of the month before (`10月前` → 30 Sept; `1月前` → 31 Dec of the year before). */
export function beforeMonth(year: number, month: number): string {
  return isoDate(lastDayOfMonth(subMonths(new Date(year, month - 1, 1), 1)));
}

/** That day, or null when it does not exist (`2月30日`). */
export function dayOf(year: number, month: number, day: number): string | null {
  return isExists(year, month - 1, day) ? isoDate(new Date(year, month - 1, day)) : null;
}

/** The months a range covers in order (`11月至次年2月` → 11, 12, 1, 2), each month once. */
export function monthsOfRange(
  fromYear: number,
  fromMonth: number,
  toYear: number,
  toMonth: number,
): number[] {
  const months = eachMonthOfInterval({
    start: new Date(fromYear, fromMonth - 1, 1),
    end: new Date(toYear, toMonth - 1, 1),
  }).map((d) => d.getMonth() + 1);
  return [...new Set(months)];
}
