import { isAsciiLetter, isDigit, readCnNumber, readDigits, skipSpaces } from "./chars";
import type { EnumeratorToken } from "./tokens";

/**
 * Enumerators that start a new item: `1.`, `2、`, `3)`, `（三）`, `(3)`, `①`, `⑴`, `⒈`, `一、`.
 * An enumerator runs straight into numbers (`1.4月底前`, `1.2021年8月`), while `2.5` in running text is
 * a decimal, not an item.
 */

/** Characters after which a Chinese-numeral enumerator (`一、`) may stand: start of text, space, punctuation. */
const CN_ENUM_AFTER = new Set([...' :;,.。，；：、)）!?！？"“”']);

function isCircled(code: number): boolean {
  return (
    (code >= 0x2460 && code <= 0x2473) ||
    (code >= 0x2474 && code <= 0x249b) ||
    (code >= 0x2776 && code <= 0x2793)
  );
}

/** Does a digit run after `1.` read as the start of a date (`4月`, `2021年`, `2季度`) rather than a decimal? */
function dateAfterDot(s: string, i: number): boolean {
  const d = readDigits(s, i, 4);
  if (!d) return false;
  const q = skipSpaces(s, d.end);
  if (d.length === 4) return s.charAt(q) === "年" || s.charAt(d.end) === "." || s.charAt(d.end) === "-";
  if (d.length > 2) return false;
  return s.charAt(q) === "月" || s.startsWith("季度", q);
}

export function matchEnumerator(s: string, i: number): EnumeratorToken | null {
  const ch = s.charAt(i);
  const prev = i > 0 ? s.charAt(i - 1) : "";
  if (isCircled(ch.charCodeAt(0))) return { kind: "enumerator", start: i, end: i + 1 };
  if (ch === "(" || ch === "（") {
    const p = skipSpaces(s, i + 1);
    const n = isDigit(s.charAt(p)) ? readDigits(s, p, 2) : readCnNumber(s, p);
    if (!n) return null;
    const q = skipSpaces(s, n.end);
    return s.charAt(q) === ")" || s.charAt(q) === "）" ? { kind: "enumerator", start: i, end: q + 1 } : null;
  }
  if (isDigit(ch)) {
    if (isDigit(prev) || isAsciiLetter(prev) || prev === ".") return null;
    const n = readDigits(s, i, 2);
    if (!n) return null;
    const mark = s.charAt(n.end);
    if (mark === "、" || mark === ")" || mark === "）")
      return { kind: "enumerator", start: i, end: n.end + 1 };
    if (mark !== ".") return null;
    const next = s.charAt(n.end + 1);
    if (isDigit(next) && !dateAfterDot(s, n.end + 1)) return null;
    return { kind: "enumerator", start: i, end: n.end + 1 };
  }
  if (i > 0 && !CN_ENUM_AFTER.has(prev)) return null;
  const cn = readCnNumber(s, i);
  if (!cn || cn.value === 0) return null;
  return s.charAt(cn.end) === "、" ? { kind: "enumerator", start: i, end: cn.end + 1 } : null;
}

/** Whether `ch` could start an enumerator. */
export function mayStartEnumerator(ch: string): boolean {
  return (
    isDigit(ch) || ch === "(" || ch === "（" || isCircled(ch.charCodeAt(0)) || readCnNumber(ch, 0) !== null
  );
}
