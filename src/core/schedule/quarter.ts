import { cnDigit, isAsciiLetter, isDigit, isRangeConnector, readBefore, skipSpaces } from "./chars";
import type { QuarterToken } from "./tokens";

/**
 * Quarter markers: `第一季度`, `一季度`, `1季度`, `Q1`; groups `第一、二季度`, `第二、第三季度`, `第二三季度`,
 * `第三季度和第四季度`, `二至四季度`, `2-4季度`, `Q1-Q3`; `前三季度`; a trailing `前` (`第四季度前`).
 * Every loop below is bounded (at most eight numerals, four units), so a call reads O(1) characters.
 */

/** Characters before a bare numeral that make it something else: `每一季度`, `下一季度`, `统一`. */
const NOT_AFTER = new Set([..."每下上这该本同首末后各几哪那此单统逐唯第前个"]);

/** Joiners inside one unit (`第一、二季度`, `第三和第四季度`) and between units (`第三季度和第四季度`). */
function isListJoiner(ch: string): boolean {
  return ch === "、" || ch === "和" || ch === "及" || ch === "与";
}

/** One quarter numeral: a single digit (not part of a longer number) or 一…九. Values above 4 are reported later. */
function readNumeral(s: string, i: number): { value: number; end: number } | null {
  const ch = s.charAt(i);
  if (isDigit(ch)) return isDigit(s.charAt(i + 1)) ? null : { value: Number(ch), end: i + 1 };
  const v = cnDigit(ch);
  return v !== undefined && v > 0 && ch !== "两" ? { value: v, end: i + 1 } : null;
}

/** Optional `第` (or `Q` in Q-style) before a numeral. */
function skipPrefix(s: string, i: number, qStyle: boolean): number {
  const ch = s.charAt(i);
  if (ch === "第") return i + 1;
  if (qStyle && (ch === "Q" || ch === "q")) return i + 1;
  return i;
}

interface Unit {
  quarters: number[];
  end: number;
}

/** Numerals closed by `季度` (or a Q-style list, where `季度` is optional). Quarters strictly increase. */
function readUnit(s: string, i: number): Unit | null {
  const first = s.charAt(i);
  const qStyle = (first === "Q" || first === "q") && isDigit(s.charAt(i + 1));
  const n = readNumeral(s, qStyle ? i + 1 : skipPrefix(s, i, false));
  if (!n) return null;
  const quarters = [n.value];
  let p = n.end;
  for (let k = 0; k < 8; k++) {
    const q = skipSpaces(s, p);
    const sep = s.charAt(q);
    const range = isRangeConnector(sep);
    const afterSep = range || isListJoiner(sep) ? skipSpaces(s, q + 1) : q;
    const next = readNumeral(s, skipPrefix(s, afterSep, qStyle));
    const last = quarters[quarters.length - 1] as number;
    if (!next || next.value <= last) break;
    for (let v = range ? last + 1 : next.value; v <= next.value; v++) quarters.push(v);
    p = next.end;
  }
  const q = skipSpaces(s, p);
  if (s.startsWith("季度", q)) return { quarters, end: q + 2 };
  return qStyle ? { quarters, end: p } : null;
}

/** May a marker start at `i`? Digits must not continue a number, Q must not continue a word. */
function startsHere(s: string, i: number): boolean {
  const ch = s.charAt(i);
  const prev = i > 0 ? s.charAt(i - 1) : "";
  if (ch === "第") return true;
  if (ch === "Q" || ch === "q") return !isAsciiLetter(prev) && !isDigit(prev);
  if (isDigit(ch)) return !isDigit(prev);
  return !NOT_AFTER.has(prev) && cnDigit(prev) === undefined && prev !== "十";
}

/** `前三季度`, `前两季度`, `前2个季度`: the first n quarters. */
function readLeading(s: string, i: number): QuarterToken | null {
  let p = skipSpaces(s, i + 1);
  const ch = s.charAt(p);
  const n = ch === "两" ? 2 : isDigit(ch) && !isDigit(s.charAt(p + 1)) ? Number(ch) : cnDigit(ch);
  if (n === undefined || n < 1) return null;
  p = skipSpaces(s, p + 1);
  if (s.charAt(p) === "个") p = skipSpaces(s, p + 1);
  if (!s.startsWith("季度", p)) return null;
  const quarters = Array.from({ length: n }, (_, k) => k + 1);
  return { kind: "quarter", quarters, before: false, year: null, start: i, end: p + 2 };
}

/** `第一季度末`, `第四季度底`, `第二季度内`: the same deadline, so the word belongs to the marker (not `内容`). */
function skipEndWord(s: string, i: number): number {
  const ch = s.charAt(i);
  if (ch === "末" || ch === "底") return i + 1;
  return ch === "内" && s.charAt(i + 1) !== "容" ? i + 1 : i;
}

export function matchQuarter(s: string, i: number): QuarterToken | null {
  if (s.charAt(i) === "前") return readLeading(s, i);
  if (!startsHere(s, i)) return null;
  const unit = readUnit(s, i);
  if (!unit) return null;
  const quarters = unit.quarters;
  let end = unit.end;
  for (let k = 0; k < 4; k++) {
    const q = skipSpaces(s, end);
    const sep = s.charAt(q);
    const range = isRangeConnector(sep);
    if (!range && !isListJoiner(sep)) break;
    const next = readUnit(s, skipSpaces(s, q + 1));
    const last = quarters[quarters.length - 1] as number;
    if (!next || (next.quarters[0] as number) <= last) break;
    if (range) for (let v = last + 1; v < (next.quarters[0] as number); v++) quarters.push(v);
    for (const v of next.quarters) quarters.push(v);
    end = next.end;
  }
  const unitEnd = end;
  end = skipEndWord(s, end);
  const afterBefore = readBefore(s, end);
  return {
    kind: "quarter",
    quarters,
    // `第四季度前` is before the quarter; `第四季度底前` is by its end, like `6月底前`.
    before: afterBefore !== null && end === unitEnd,
    year: null,
    start: i,
    end: afterBefore ?? end,
  };
}
