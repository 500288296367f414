import { getDate, getMonth, getYear, parseISO } from "date-fns";

/**
 * Dates and numbers the way official documents write them: Arabic numerals with 年月日 (GB/T 9704-2012
 * §7.3.5.4 for 成文日期; 通报 texts write other dates alike), no leading zeros, 万元 with thousands separators.
 */

/** `2023-06-20` → `2023年6月20日`. */
export function chineseDate(iso: string): string {
  const date = parseISO(iso);
  return `${getYear(date)}年${getMonth(date) + 1}月${getDate(date)}日`;
}

/** `2023-06-20` → `6月20日`. */
export function chineseMonthDay(iso: string): string {
  const date = parseISO(iso);
  return `${getMonth(date) + 1}月${getDate(date)}日`;
}

/** A date within the year being reported is written without its year; another year's date in full. */
export function chineseDateIn(iso: string, year: number): string {
  return getYear(parseISO(iso)) === year ? chineseMonthDay(iso) : chineseDate(iso);
}

/** `2023-06` or `2023-06-20` → `2023年6月`. */
export function chineseMonth(iso: string): string {
  const [year, month] = iso.split("-");
  return `${Number(year)}年${Number(month)}月`;
}

/** `2023-05` → `5月`, or `2022年12月` when the month is not in `year`. */
export function chineseMonthIn(period: string, year: number): string {
  const [y, m] = period.split("-");
  return Number(y) === year ? `${Number(m)}月` : chineseMonth(period);
}

/** One decimal as Chinese documents write a share: `0.328` → `32.8%`. */
export function percentText(share: number): string {
  return `${(Math.round(share * 1000) / 10).toFixed(1).replace(/\.0$/u, "")}%`;
}

/** A text cut to `max` characters (whole code points) with `……` when cut; white space runs made one space. */
export function clip(text: string, max: number): string {
  const chars = [...text.replace(/\s+/gu, " ").trim()];
  return chars.length > max ? `${chars.slice(0, max).join("")}……` : chars.join("");
}

/**
 * A project named inside “”: a name already wholly quoted (`“厕所革命”`) stays as it is, quotes inside a
 * name become ‘’ as nested quotes are written (`“开展‘职工医疗互助’项目”`).
 */
export function quoted(name: string): string {
  if (/^“[^“”]*”$/u.test(name)) return name;
  return `“${name.replace(/“/gu, "‘").replace(/”/gu, "’")}”`;
}
