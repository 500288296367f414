/** What the scanner finds in a schedule text. Offsets are UTF-16 indices into the cell text. */

export interface Span {
  start: number;
  end: number;
}

/** `第二、三季度`, `前三季度`, `Q4`, `第四季度前`. Quarter numbers are as written (5 is reported, not kept). */
export interface QuarterToken extends Span {
  kind: "quarter";
  quarters: number[];
  before: boolean;
  /** Year written right before the marker (`2023年第一季度`), filled in by the year refiner. */
  year: number | null;
  /** `次年第一季度`: a year relative to the item's year, filled in by the year refiner. */
  yearOffset?: number;
}

/** Coarse periods: `上半年`, `下半年`, `年底`/`年末`, and `年内` (a deadline, not a clause cutter). */
export type PeriodName = "firstHalf" | "secondHalf" | "yearEnd" | "withinYear";

export interface PeriodToken extends Span {
  kind: "period";
  period: PeriodName;
  year: number | null;
  yearOffset?: number;
}

/** Where in a month a date falls: `底`/`末`/`下旬`/bare month → end; `初`/`上旬` → 10; `中旬` → 20; `30日`. */
export type DayPart = { type: "end" } | { type: "fixed"; day: number } | { type: "day"; day: number };

/** `6月底前`, `6月30日`, `4-5月`, `2021.8`, `十二月`. */
export interface DateToken extends Span {
  kind: "date";
  month: number;
  day: DayPart;
  /** A bare month with `前` (`10月前`): due at the end of the month before. */
  before: boolean;
  year: number | null;
  /** First month of a range (`4月至5月` → 4), with its own written year if any. */
  fromMonth: number | null;
  fromYear: number | null;
  /** `次年3月`: the year relative to the item's year (to the range's first year for its end). */
  yearOffset?: number;
  fromYearOffset?: number;
}

/** A year on its own (`2022年`, `2023 年度`); attached to the date right after it by the year refiner. */
export interface YearToken extends Span {
  kind: "year";
  year: number;
}

/** `次年`, `明年`, `今年`, `去年`: a year relative to the one in force; it counts only next to a date. */
export interface RelativeYearToken extends Span {
  kind: "relativeYear";
  offset: number;
}

/** `1.`, `2、`, `（三）`, `(3)`, `①`: starts a new enumerated item. */
export interface EnumeratorToken extends Span {
  kind: "enumerator";
}

export type Token = QuarterToken | PeriodToken | DateToken | YearToken | RelativeYearToken | EnumeratorToken;

/** Tokens that carry a due date. */
export type DatedToken = QuarterToken | PeriodToken | DateToken;

export function isDated(token: Token): token is DatedToken {
  return token.kind === "quarter" || token.kind === "period" || token.kind === "date";
}
