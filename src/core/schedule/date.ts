import {
  cnDigit,
  isAsciiLetter,
  isCnNumeral,
  isDigit,
  isRangeConnector,
  readBefore,
  readDigits,
  readNumber,
  skipSpaces,
} from "./chars";
import type { DateToken, DayPart, PeriodToken, RelativeYearToken, YearToken } from "./tokens";

/**
 * Month, day, year and coarse-period markers. Each matcher reads a bounded number of characters, so the
 * scanner that tries them at every position stays linear.
 */

/** Characters before a Chinese-numeral month that make it another word: `统一月报`, `第一月`, `每一月`. */
const NOT_BEFORE_CN_MONTH = new Set([..."每第统逐单唯这上下本当次同个几首"]);

/** After `初`, these make `初步`/`初稿`… (preliminary), not "early in the month". */
const NOT_EARLY = new Set([..."步始稿见具审检验评设定次"]);

export const MIN_YEAR = 2000;
export const MAX_YEAR = 2099;

function monthStartsHere(s: string, i: number): boolean {
  const ch = s.charAt(i);
  const prev = i > 0 ? s.charAt(i - 1) : "";
  if (isDigit(ch)) return !isDigit(prev);
  if (ch === "元") return true;
  return isCnNumeral(ch) && !isCnNumeral(prev) && !NOT_BEFORE_CN_MONTH.has(prev);
}

/** A month numeral: 1–2 digits, a Chinese numeral, or `元` (January). Range is checked later (13月 is reported). */
function readMonthNumeral(s: string, i: number): { value: number; end: number } | null {
  if (s.charAt(i) === "元") return s.charAt(i + 1) === "月" ? { value: 1, end: i + 1 } : null;
  const n = readNumber(s, i, 2);
  return n ? { value: n.value, end: n.end } : null;
}

/** What follows `月`/`月份`: a day (`30日`, `三十号`), `初`, `上旬`, `中旬`, `下旬`, `底`, `末`, or nothing. */
function readDayPart(s: string, i: number): { day: DayPart; end: number; plain: boolean } {
  const p = skipSpaces(s, i);
  const ch = s.charAt(p);
  if (ch === "底" || ch === "末") return { day: { type: "end" }, end: p + 1, plain: false };
  if (ch === "初" && !NOT_EARLY.has(s.charAt(p + 1)))
    return { day: { type: "fixed", day: 10 }, end: p + 1, plain: false };
  if (s.startsWith("上旬", p)) return { day: { type: "fixed", day: 10 }, end: p + 2, plain: false };
  if (s.startsWith("中旬", p) || s.startsWith("上中旬", p))
    return { day: { type: "fixed", day: 20 }, end: p + (ch === "上" ? 3 : 2), plain: false };
  if (s.startsWith("下旬", p) || s.startsWith("中下旬", p))
    return { day: { type: "end" }, end: p + (ch === "中" ? 3 : 2), plain: false };
  const n = readNumber(s, p, 2);
  if (n) {
    const q = skipSpaces(s, n.end);
    const unit = s.charAt(q);
    if (unit === "日" || unit === "号")
      return { day: { type: "day", day: n.value }, end: q + 1, plain: false };
  }
  return { day: { type: "end" }, end: i, plain: true };
}

/** Day part and trailing `前` after a month: a bare month with `前` moves back a month, otherwise `前` = by then. */
function finishDate(
  s: string,
  afterMonth: number,
  fields: Pick<DateToken, "start" | "month" | "year" | "fromMonth" | "fromYear">,
): DateToken {
  const dayPart = readDayPart(s, afterMonth);
  const before = readBefore(s, dayPart.end);
  return {
    kind: "date",
    ...fields,
    day: dayPart.day,
    before: before !== null && dayPart.plain,
    end: before ?? dayPart.end,
  };
}

/** `6月`, `6月份`, `十二月`, `10 月份前`, `3月上旬`, `6月30日`, `4-5月`, `4～5月份`. */
export function matchMonth(s: string, i: number): DateToken | null {
  if (!monthStartsHere(s, i)) return null;
  const first = readMonthNumeral(s, i);
  if (!first) return null;
  let p = skipSpaces(s, first.end);
  let month = first.value;
  let fromMonth: number | null = null;
  if (isRangeConnector(s.charAt(p))) {
    const second = readMonthNumeral(s, skipSpaces(s, p + 1));
    if (!second) return null;
    fromMonth = first.value;
    month = second.value;
    p = skipSpaces(s, second.end);
  }
  if (s.charAt(p) !== "月") return null;
  p++;
  if (s.charAt(p) === "份") p++;
  return finishDate(s, p, { start: i, month, year: null, fromMonth, fromYear: null });
}

function yearStartsHere(s: string, i: number): boolean {
  const prev = i > 0 ? s.charAt(i - 1) : "";
  return isDigit(s.charAt(i)) && !isDigit(prev) && !isAsciiLetter(prev);
}

function readYear(s: string, i: number): number | null {
  const d = readDigits(s, i, 4);
  if (!d || d.length !== 4 || d.value < MIN_YEAR || d.value > MAX_YEAR) return null;
  return d.value;
}

/**
 * `2022年`, `2022 年`, `2023年度` → a year token (`2022年底` leaves `年底` to the period matcher);
 * `2021.8`, `2021-08`, `2021/8/15`, `2023.12月` → a dated token carrying its year.
 */
export function matchYear(s: string, i: number): YearToken | DateToken | null {
  if (!yearStartsHere(s, i)) return null;
  const year = readYear(s, i);
  if (year === null) return null;
  const p = skipSpaces(s, i + 4);
  if (s.charAt(p) === "年") {
    const next = s.charAt(p + 1);
    if (next === "底" || next === "末" || next === "内") return { kind: "year", year, start: i, end: p };
    return { kind: "year", year, start: i, end: next === "度" ? p + 2 : p + 1 };
  }
  const sep = s.charAt(i + 4);
  if (sep !== "." && sep !== "-" && sep !== "/") return null;
  const month = readDigits(s, i + 5, 2);
  // `2021.13` is reported as an impossible date later rather than passed over.
  if (!month) return null;
  let end = month.end;
  let day: DayPart = { type: "end" };
  let plain = true;
  const daySep = s.charAt(end);
  const dayDigits = daySep === sep ? readDigits(s, end + 1, 2) : null;
  if (dayDigits) {
    day = { type: "day", day: dayDigits.value };
    plain = false;
    end = dayDigits.end;
    if (s.charAt(end) === "日" || s.charAt(end) === "号") end++;
  } else if (s.charAt(end) === "月") {
    end++;
  }
  if (isDigit(s.charAt(end)) || (s.charAt(end) === "." && isDigit(s.charAt(end + 1)))) return null;
  const before = readBefore(s, end);
  return {
    kind: "date",
    month: month.value,
    day,
    before: before !== null && plain,
    year,
    fromMonth: null,
    fromYear: null,
    start: i,
    end: before ?? end,
  };
}

const PERIODS: Array<[string, PeriodToken["period"]]> = [
  ["上半年", "firstHalf"],
  ["下半年", "secondHalf"],
  ["年底", "yearEnd"],
  ["年末", "yearEnd"],
  ["年内", "withinYear"],
];

/** `上半年`, `下半年`, `年底`, `年末`, `年内` (not `全年`: `制定全年计划` is a noun); a trailing `前` keeps the date. */
export function matchPeriod(s: string, i: number): PeriodToken | null {
  for (const [word, period] of PERIODS) {
    if (!s.startsWith(word, i)) continue;
    let end = i + word.length;
    if ((period === "firstHalf" || period === "secondHalf") && s.charAt(end) === "度") end++;
    return { kind: "period", period, year: null, start: i, end: readBefore(s, end) ?? end };
  }
  return null;
}

// A Map: consulted for every character a scan visits (see CN_UNITS in chars.ts).
const RELATIVE_YEARS = new Map<string, number>([
  ["次", 1],
  ["翌", 1],
  ["明", 1],
  ["来", 1],
  ["今", 0],
  ["本", 0],
  ["当", 0],
  ["去", -1],
  ["上", -1],
]);

/** `次年`, `明年`, `今年`, `本年度`, `去年`; before `底`/`末`/`内` the `年` is left to the period (`次年底`). */
export function matchRelativeYear(s: string, i: number): RelativeYearToken | null {
  const offset = RELATIVE_YEARS.get(s.charAt(i));
  if (offset === undefined || s.charAt(i + 1) !== "年") return null;
  const next = s.charAt(i + 2);
  if (next === "底" || next === "末" || next === "内")
    return { kind: "relativeYear", offset, start: i, end: i + 1 };
  return { kind: "relativeYear", offset, start: i, end: next === "度" ? i + 3 : i + 2 };
}

/** Whether `ch` could start any dated marker; lets the scanner skip most characters with one lookup. */
export function mayStartDate(ch: string): boolean {
  return (
    isDigit(ch) ||
    ch === "元" ||
    ch === "上" ||
    ch === "下" ||
    ch === "年" ||
    cnDigit(ch) !== undefined ||
    ch === "十" ||
    RELATIVE_YEARS.has(ch)
  );
}
