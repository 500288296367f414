/**
 * Character-level helpers for the schedule scanner. Every helper reads at most a few characters ahead,
 * so a scan that calls them once per position stays linear in the length of the text.
 */

/** Longest run of spaces tolerated inside one expression (`10 月份`, `2022 年 1 月` from PDF text). */
export const MAX_INNER_SPACES = 3;

/**
 * Same-length normalised copy of a cell text: full-width ASCII → half-width, every kind of white space →
 * a plain space. Same length means offsets found in the copy are offsets into what the user typed.
 */
export function normalize(text: string): string {
  const out: string[] = new Array<string>(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xff01 && code <= 0xff5e) out[i] = String.fromCharCode(code - 0xfee0);
    else if (code === 0x3000 || code === 0xa0 || (code >= 0x09 && code <= 0x0d)) out[i] = " ";
    else if (code === 0x301c) out[i] = "~";
    else out[i] = text.charAt(i);
  }
  return out.join("");
}

export function isDigit(ch: string): boolean {
  return ch >= "0" && ch <= "9";
}

export function isAsciiLetter(ch: string): boolean {
  return (ch >= "a" && ch <= "z") || (ch >= "A" && ch <= "Z");
}

/** Index after at most MAX_INNER_SPACES spaces from `i`. */
export function skipSpaces(s: string, i: number): number {
  let p = i;
  while (p < s.length && p - i < MAX_INNER_SPACES && s.charAt(p) === " ") p++;
  return p;
}

/** Run of ASCII digits at `i`, read up to `max + 1` characters so that a longer run can be refused. */
export function readDigits(
  s: string,
  i: number,
  max: number,
): { value: number; length: number; end: number } | null {
  let p = i;
  while (p < s.length && p - i <= max && isDigit(s.charAt(p))) p++;
  const length = p - i;
  if (length === 0 || length > max) return null;
  return { value: Number(s.slice(i, p)), length, end: p };
}

// A Map, not an object literal: this lookup runs on every character a scan visits, and misses on an
// object walk the prototype chain.
const CN_UNITS = new Map<string, number>([
  ["〇", 0],
  ["零", 0],
  ["一", 1],
  ["二", 2],
  ["两", 2],
  ["三", 3],
  ["四", 4],
  ["五", 5],
  ["六", 6],
  ["七", 7],
  ["八", 8],
  ["九", 9],
]);

export function cnDigit(ch: string): number | undefined {
  return CN_UNITS.get(ch);
}

export function isCnNumeral(ch: string): boolean {
  return ch === "十" || CN_UNITS.has(ch);
}

/**
 * A Chinese numeral up to 99 at `i` (`三`, `十`, `十二`, `二十`, `三十一`); reads at most three characters.
 * `两` only counts alone (`两个`), as in ordinary writing.
 */
export function readCnNumber(s: string, i: number): { value: number; end: number } | null {
  const a = s.charAt(i);
  if (a === "十") {
    const unit = cnDigit(s.charAt(i + 1));
    if (unit !== undefined && unit > 0 && s.charAt(i + 1) !== "两") return { value: 10 + unit, end: i + 2 };
    return { value: 10, end: i + 1 };
  }
  const tens = cnDigit(a);
  if (tens === undefined || tens === 0) return null;
  if (s.charAt(i + 1) === "十" && a !== "两") {
    const unit = cnDigit(s.charAt(i + 2));
    if (unit !== undefined && unit > 0 && s.charAt(i + 2) !== "两")
      return { value: tens * 10 + unit, end: i + 3 };
    return { value: tens * 10, end: i + 2 };
  }
  return { value: tens, end: i + 1 };
}

/** A number written in digits (at most `maxDigits`) or in Chinese numerals. */
export function readNumber(
  s: string,
  i: number,
  maxDigits: number,
): { value: number; end: number; digits: boolean } | null {
  if (isDigit(s.charAt(i))) {
    const d = readDigits(s, i, maxDigits);
    return d ? { value: d.value, end: d.end, digits: true } : null;
  }
  const cn = readCnNumber(s, i);
  return cn ? { ...cn, digits: false } : null;
}

/** Joiners that turn two endpoints into a range: `4-5月`, `二至四季度`, `4月到5月`, `4～5月`. */
export function isRangeConnector(ch: string): boolean {
  return ch === "至" || ch === "到" || ch === "-" || ch === "~" || ch === "—" || ch === "–";
}

/** Separators trimmed off both ends of a clause text (SEMANTICS §3), besides white space. */
const TRIM = new Set([":", "：", ",", "，", ";", "；", "。", "、"]);

function isSpaceCode(code: number): boolean {
  return (
    code <= 0x20 || code === 0xa0 || code === 0x3000 || (code >= 0x2000 && code <= 0x200b) || code === 0xfeff
  );
}

export function isTrimChar(ch: string): boolean {
  return isSpaceCode(ch.charCodeAt(0)) || TRIM.has(ch);
}

/** `text` without separators and white space at both ends. */
export function trimClause(text: string): string {
  let a = 0;
  let b = text.length;
  while (a < b && isTrimChar(text.charAt(a))) a++;
  while (b > a && isTrimChar(text.charAt(b - 1))) b--;
  return text.slice(a, b);
}

/** Characters after `前` that make it a word of its own (`前期工作`), not "before". */
const NOT_BEFORE = new Set([
  "期",
  "置",
  "往",
  "提",
  "沿",
  "端",
  "景",
  "列",
  "夕",
  "台",
  "线",
  "方",
  "面",
  "进",
  "行",
  "瞻",
]);

/**
 * A trailing `前` / `以前` / `之前` after an expression ending at `i`: returns the index after it, or null.
 */
export function readBefore(s: string, i: number): number | null {
  let p = skipSpaces(s, i);
  if (s.charAt(p) === "以" || s.charAt(p) === "之") p++;
  if (s.charAt(p) !== "前") return null;
  if (NOT_BEFORE.has(s.charAt(p + 1))) return null;
  return p + 1;
}
