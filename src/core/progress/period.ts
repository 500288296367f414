import { addMonths, format } from "date-fns";
import { chineseNumber, normalizeText } from "../text";

/**
 * The period a column header names (PROGRESS.md §1): `6月进展情况` → June, `1-10月推进情况` and `截至10月底`
 * → January to October, `上半年完成情况` → H1, `前三季度` → Q1–Q3, `全年完成情况` → the year. Progress columns
 * use it for their report period; plan columns split by period (`第一季度 | 第二季度`, `一季度目标`,
 * `上半年目标`) read their periods with the same parser.
 */

export type PeriodUnit = "month" | "quarter" | "half" | "year";

export interface HeaderPeriod {
  unit: PeriodUnit;
  /** Year written in the header (`2023年6月进展`); null when the table's year applies. */
  year: number | null;
  /** First and last month the period covers, 1–12 (`1-10月` → 1 and 10; `第二季度` → 4 and 6). */
  firstMonth: number;
  lastMonth: number;
  /** `截至10月20日`: the day written; null otherwise. */
  day: number | null;
  /** The period marker as written in the normalised header, and where it starts (to write a header alike). */
  marker: string;
  start: number;
}

/** A month number as written: `6`, `06`, `六`, `十一`. */
const N = "(\\d{1,2}|[一二三四五六七八九十]{1,3})";
const YEAR = "(?:(20\\d{2})年度?)?";
const DASH = "[-—–~至到]";

interface Rule {
  pattern: RegExp;
  read(match: RegExpExecArray): Omit<HeaderPeriod, "marker" | "start" | "year"> | null;
}

function month(text: string | undefined): number | null {
  const n = text === undefined ? null : chineseNumber(text);
  return n !== null && n >= 1 && n <= 12 ? n : null;
}

function quarterOf(text: string | undefined): number | null {
  const n = text === undefined ? null : chineseNumber(text);
  return n !== null && n >= 1 && n <= 4 ? n : null;
}

function months(unit: PeriodUnit, first: number | null, last: number | null, day: number | null = null) {
  return first !== null && last !== null && first <= last
    ? { unit, firstMonth: first, lastMonth: last, day }
    : null;
}

/** Tried in order; the first rule that matches anywhere in the header decides (`10-3月` names no period). */
const RULES: Rule[] = [
  {
    // `1-10月`, `1—10月`, `1至10月`, `1月-10月`, `1月份至10月份`
    pattern: new RegExp(`${YEAR}${N}(?:月份?)?${DASH}${N}月(?:份|底|末)?`, "u"),
    read: (m) => months("month", month(m[2]), month(m[3])),
  },
  {
    // `截至10月20日`, `截止10月20号`
    pattern: new RegExp(`(?:截至|截止)(?:到|至)?${YEAR}${N}月(\\d{1,2})[日号]`, "u"),
    read: (m) => {
      const day = Number(m[3]);
      return day >= 1 && day <= 31 ? months("month", 1, month(m[2]), day) : null;
    },
  },
  {
    // `截至10月底`, `截至10月`, `截止10月末`
    pattern: new RegExp(`(?:截至|截止)(?:到|至)?${YEAR}${N}月(?:份|底|末)?`, "u"),
    read: (m) => months("month", 1, month(m[2])),
  },
  {
    // `前三季度`, `1-3季度`, `一至三季度`
    pattern: new RegExp(`${YEAR}(?:前${N}|(?:第)?${N}${DASH}(?:第)?${N})季度`, "u"),
    read: (m) => {
      const last = quarterOf(m[2] ?? m[4]);
      const first = m[2] !== undefined ? 1 : quarterOf(m[3]);
      return first === null || last === null ? null : months("quarter", first * 3 - 2, last * 3);
    },
  },
  {
    // `第二季度`, `二季度`, `2季度`, `Q2`
    pattern: new RegExp(`${YEAR}(?:第?${N}季度|Q([1-4]))`, "iu"),
    read: (m) => {
      const q = quarterOf(m[2] ?? m[3]);
      return q === null ? null : months("quarter", q * 3 - 2, q * 3);
    },
  },
  {
    // `6月`, `6月份`, `六月`, `2023年6月`
    pattern: new RegExp(`${YEAR}(?<![\\d一二三四五六七八九十])${N}月(?:份)?`, "u"),
    read: (m) => {
      const n = month(m[2]);
      return months("month", n, n);
    },
  },
  {
    pattern: new RegExp(`${YEAR}(上|下)半年`, "u"),
    read: (m) => (m[2] === "上" ? months("half", 1, 6) : months("half", 7, 12)),
  },
  {
    // `全年`, `2023年度`; `年度投资` is money, not a period.
    pattern: /(?:(20\d{2})年度?(?!投资)|全年|年度(?!投资))(?![\d一二三四五六七八九十上下])/u,
    read: () => months("year", 1, 12),
  },
];

/** Headers by text: a table repeats its header at every page break. */
const periods = new Map<string, HeaderPeriod | null>();
const PERIOD_MEMO_LIMIT = 1024;

/** The period a header names, or null (`本月进展情况`, `进展情况`, `完成情况` name none). Expects any header text. */
export function parseHeaderPeriod(header: string): HeaderPeriod | null {
  const known = periods.get(header);
  if (known !== undefined) return known;
  const period = readPeriod(header);
  if (periods.size >= PERIOD_MEMO_LIMIT) periods.clear();
  periods.set(header, period);
  return period;
}

function readPeriod(header: string): HeaderPeriod | null {
  const text = normalizeText(header);
  for (const rule of RULES) {
    const match = rule.pattern.exec(text);
    if (!match) continue;
    const read = rule.read(match);
    if (!read) return null;
    const year = match[1] !== undefined && /^20\d{2}$/u.test(match[1]) ? Number(match[1]) : null;
    return { ...read, year, marker: match[0], start: match.index };
  }
  return null;
}

/** A compact code for a period: `M6`, `M1-10`, `Q2`, `Q1-3`, `H1`, `Y`. */
export function periodCode(period: HeaderPeriod): string {
  const { unit, firstMonth, lastMonth } = period;
  if (unit === "year") return "Y";
  if (unit === "half") return firstMonth === 1 ? "H1" : "H2";
  if (unit === "quarter") {
    const first = (firstMonth + 2) / 3;
    const last = lastMonth / 3;
    return first === last ? `Q${last}` : `Q${first}-${last}`;
  }
  return firstMonth === lastMonth ? `M${lastMonth}` : `M${firstMonth}-${lastMonth}`;
}

/** The month a period closes, `YYYY-MM`, in the header's year or else `tableYear`. */
export function periodMonth(period: HeaderPeriod, tableYear: number): string {
  return monthKey(period.year ?? tableYear, period.lastMonth);
}

/** `YYYY-MM`. */
export function monthKey(year: number, monthNumber: number): string {
  return `${String(year).padStart(4, "0")}-${String(monthNumber).padStart(2, "0")}`;
}

/** `2023-06` → { year: 2023, month: 6 }. */
export function splitMonthKey(key: string): { year: number; month: number } {
  const [year, monthNumber] = key.split("-").map(Number);
  return { year: year as number, month: monthNumber as number };
}

/** The month `n` months after `key` (`2023-12` + 1 → `2024-01`). */
export function shiftMonth(key: string, n: number): string {
  const { year, month: m } = splitMonthKey(key);
  return format(addMonths(new Date(year, m - 1, 1), n), "yyyy-MM");
}

/** Labels by month and table year: every project's reason names one of a few months. */
const labels = new Map<string, { zh: string; en: string }>();
const LABEL_MEMO_LIMIT = 512;

/** `6 月` in the table's year, `2022 年 12 月` otherwise; English `June` / `December 2022`. */
export function monthLabel(key: string, tableYear: number): { zh: string; en: string } {
  const memo = `${key}|${tableYear}`;
  const known = labels.get(memo);
  if (known) return known;
  const { year, month: m } = splitMonthKey(key);
  const date = new Date(year, m - 1, 1);
  const label =
    year === tableYear
      ? { zh: `${m} 月`, en: format(date, "MMMM") }
      : { zh: `${year} 年 ${m} 月`, en: format(date, "MMMM yyyy") };
  if (labels.size >= LABEL_MEMO_LIMIT) labels.clear();
  labels.set(memo, label);
  return label;
}
