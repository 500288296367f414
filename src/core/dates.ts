import { endOfMonth, endOfQuarter, format, isValid, parse, subMonths } from "date-fns";
import { enUS } from "date-fns/locale";

/** Reference date for date-fns `parse` (fills no field here: every pattern has a full date). */
const PARSE_BASE = new Date(2000, 0, 1);

/** Said when a written date cannot be read (formulas, the task pane's date field). */
export const WRITTEN_DATE_EXPECTED = "日期应为 2023-06-30 或 2023年6月30日";
export const WRITTEN_DATE_EXPECTED_EN = "The date should look like 2023-06-30 or 2023年6月30日";

/** Written forms of a date, tried in order (date-fns patterns). */
const DATE_PATTERNS = [
  "yyyy-M-d",
  "yyyy/M/d",
  "yyyy.M.d",
  "yyyy年M月d日",
  "yyyy年M月d号",
  "yyyyMMdd",
  "MMMM d, yyyy",
  "MMM d, yyyy",
  "d MMMM yyyy",
  "d MMM yyyy",
];

/**
 * A date as people type it — `2023-06-30`, `2023/6/30`, `2023.6.30`, `2023年6月30日`, `20230630`,
 * `June 30, 2023` — or null. Shared by the `DUTY.*` date arguments and the task pane's date field.
 */
export function parseWrittenDate(text: string): Date | null {
  // Full-width digits and the spaces people type around 年/月/日 are not part of the date.
  const compact = text
    .replace(/[０-９]/gu, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/\s*([年月日号/.-])\s*/gu, "$1")
    .trim();
  for (const pattern of DATE_PATTERNS) {
    const date = parse(compact, pattern, PARSE_BASE, { locale: enUS });
    // date-fns already refuses impossible days (`2023-2-30`); the year range refuses `23-6-30` (year 23).
    if (isValid(date) && date.getFullYear() >= 1900 && date.getFullYear() <= 9999) return date;
  }
  return null;
}

/** A written date as ISO `YYYY-MM-DD`, or null. */
export function writtenDateToIso(text: string): string | null {
  const date = parseWrittenDate(text);
  return date === null ? null : format(date, "yyyy-MM-dd");
}

/**
 * How the reference date is chosen. The quick ones move with the calendar (a workbook checked at every
 * month's end keeps `lastMonthEnd`); `fixed` is a date the user typed.
 */
export type DateMode = "today" | "lastMonthEnd" | "monthEnd" | "quarterEnd" | "fixed";

export const QUICK_DATE_MODES = ["today", "lastMonthEnd", "monthEnd", "quarterEnd"] as const;
export type QuickDateMode = (typeof QUICK_DATE_MODES)[number];

/** The date a quick mode stands for on `today`, ISO `YYYY-MM-DD`. */
export function quickDate(mode: QuickDateMode, today: Date): string {
  const day =
    mode === "today"
      ? today
      : mode === "lastMonthEnd"
        ? endOfMonth(subMonths(today, 1))
        : mode === "monthEnd"
          ? endOfMonth(today)
          : endOfQuarter(today);
  return format(day, "yyyy-MM-dd");
}
