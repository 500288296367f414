import type { MoneyUnit } from "./table/layout";
import type { CellValue } from "./types";

/**
 * Text helpers shared by the readers. Matching always works on normalised text; what users typed is never
 * rewritten (raw cell values travel on unchanged).
 */

/** Brackets and quotes that have no full-width twin in U+FF01–FF5E but mean the same to a reader. */
const LOOKALIKES: Record<string, string> = {
  "【": "[",
  "】": "]",
  "〔": "(",
  "〕": ")",
  "〖": "[",
  "〗": "]",
  "“": '"',
  "”": '"',
  "‘": "'",
  "’": "'",
  "﹙": "(",
  "﹚": ")",
};

const WIDE = /[\uff01-\uff5e\u3000【】〔〕〖〗“”‘’﹙﹚]/gu;

/** Full-width ASCII (`（）：，１２`) → half-width. */
export function toHalfWidth(text: string): string {
  return text.replace(WIDE, (ch) => {
    const code = ch.codePointAt(0) as number;
    if (code >= 0xff01 && code <= 0xff5e) return String.fromCodePoint(code - 0xfee0);
    return code === 0x3000 ? " " : (LOOKALIKES[ch] ?? ch);
  });
}

/**
 * Header and cell text for matching: every white space and line break removed (`建设 年限`, `责任\n领导`,
 * `牵 头 部 门`), zero-width characters dropped, full-width brackets, digits and punctuation made half-width.
 */
export function normalizeText(text: string): string {
  return toHalfWidth(text).replace(/[\s\u200b-\u200d\u2060\ufeff]+/gu, "");
}

/** A cell's text as a reader sees it: numbers in their shortest form, empty for null. */
export function cellText(value: CellValue): string {
  if (value === null) return "";
  if (typeof value === "string") return value;
  return String(value);
}

const UNIT_WORD: Record<string, MoneyUnit> = { 万元: "wan", 万: "wan", 元: "yuan", 亿元: "yi", 亿: "yi" };

/** `(万元)`, `(单位:万元)`, `(万)` after normalisation. */
const BRACKETED_UNIT = /\((?:单位[:]?)?(亿元|万元|亿|万|元)\)/u;
/** A unit written straight after the words (`总投资万元`, `总投资/万元`). */
const TRAILING_UNIT = /(?:\/|,)?(亿元|万元)$/u;

/**
 * Pulls a money unit out of a header: `总投资 (万元)` → `{ text: "总投资", unit: "wan" }`; `(元)` → yuan,
 * `(亿元)` → yi. The text comes back normalised; unit is null when the header names none.
 */
export function splitUnit(header: string): { text: string; unit: MoneyUnit | null } {
  const text = normalizeText(header);
  const bracketed = BRACKETED_UNIT.exec(text);
  if (bracketed) {
    return {
      text: text.slice(0, bracketed.index) + text.slice(bracketed.index + bracketed[0].length),
      unit: UNIT_WORD[bracketed[1] as string] ?? null,
    };
  }
  const trailing = TRAILING_UNIT.exec(text);
  if (trailing && trailing.index > 0) {
    return { text: text.slice(0, trailing.index), unit: UNIT_WORD[trailing[1] as string] ?? null };
  }
  return { text, unit: null };
}

/**
 * Text that is nothing but a unit: a line such as `单位：万元` above a table (the unit of every money
 * column), or a `（万元）` cell in a row of units under the header.
 */
export function unitLine(text: string): MoneyUnit | null {
  const match = /^\(?(?:(?:金额)?单位:?)?(亿元|万元|元)\)?$/u.exec(normalizeText(text));
  return match ? (UNIT_WORD[match[1] as string] ?? null) : null;
}

/** Removes bracketed notes: `形象进度安排(需细化到季度)` → `形象进度安排`. Expects normalised text. */
export function stripBrackets(text: string): string {
  return text.replace(/\([^()]*\)|\[[^[\]]*\]/gu, "");
}

const DIGIT: Record<string, number> = {
  〇: 0,
  零: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/**
 * Chinese numerals as people write them in these tables: `一`…`十二`, up to `九十九` (`二十三`), `两`, `〇`;
 * plain or full-width digits too. Returns null for anything else.
 */
export function chineseNumber(text: string): number | null {
  const t = toHalfWidth(text).trim();
  if (/^\d+$/u.test(t)) return Number(t);
  const match = /^([一二两三四五六七八九])?(十)?([〇零一二两三四五六七八九])?$/u.exec(t);
  if (!match || t === "") return null;
  const [, tensDigit, ten, unitDigit] = match;
  if (!ten) {
    // Without 十 only a single digit reads as a number (`二三` is a list, not 23).
    if (tensDigit && unitDigit) return null;
    const single = tensDigit ?? unitDigit;
    return single ? (DIGIT[single] ?? null) : null;
  }
  const tens = tensDigit ? (DIGIT[tensDigit] as number) : 1;
  const units = unitDigit ? (DIGIT[unitDigit] as number) : 0;
  return tens * 10 + units;
}

/** Years 2000–2099 written in a text (`新塘街道 2023 年度…` → [2023]), in order, without repeats. */
export function yearsIn(text: string): number[] {
  const years: number[] = [];
  for (const match of toHalfWidth(text).matchAll(/(?<!\d)(20\d{2})(?!\d)/gu)) {
    const year = Number(match[1]);
    if (!years.includes(year)) years.push(year);
  }
  return years;
}
