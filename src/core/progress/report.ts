import { readProgressText } from "../completion";
import { normalizeText } from "../text";
import type { CellValue } from "../types";

/**
 * Reading one progress report (PROGRESS.md §2–3): whether a cell counts as reported, the percent it gives,
 * and what its words say — done, not started, behind, on schedule — with negation (`未滞后` is not behind).
 */

/** Blank, `/`, `—`, `-`, `无` (full-width too, white space around): nothing reported. */
const EMPTY_REPORT =
  /^[\s\u200b-\u200d\u2060\ufeff]*(?:[/\\／＼]|[-—–─―－]+|无)?[\s\u200b-\u200d\u2060\ufeff]*$/u;

export function isEmptyReport(value: CellValue): boolean {
  if (value === null || typeof value === "boolean") return value === null;
  return typeof value === "string" && EMPTY_REPORT.test(value);
}

/** `30%`, `30 ％`, `110%`: a number followed by a percent sign. */
const PERCENT = /(\d{1,4}(?:\.\d+)?)%/gu;
/** A clause about a part of the project or another ratio: `其中绿化完成50%`, `同比增长15%`. */
const PART_OR_RATE = /其中|同比|环比|增长|增加|下降|减少|提高|降低|满意|覆盖/u;
const CLAUSE_BREAK = /[,;。!?，；、]/u;

/** Rounds a percent to four decimals (a percent-formatted 0.3 is 30, not 30.000000000000004). */
function roundPercent(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}

/**
 * The percent a report's text gives about the whole project: the largest of `完成30%`, `完成年度计划的30%`,
 * `形象进度达30%`, `110%`, leaving out clauses about a part (`其中…`) or another rate (`同比增长15%`).
 */
export function readPercentText(text: string): number | null {
  return percentOf(normalizeText(text));
}

/** `readPercentText` on text already normalised. */
function percentOf(normalised: string): number | null {
  if (!normalised.includes("%")) return null;
  const clauses = normalised.split(CLAUSE_BREAK);
  let best: number | null = null;
  for (const clause of clauses) {
    if (PART_OR_RATE.test(clause)) continue;
    for (const match of clause.matchAll(PERCENT)) {
      const value = Number(match[1]);
      if (Number.isFinite(value) && (best === null || value > best)) best = value;
    }
  }
  return best === null ? null : roundPercent(best);
}

/** A number typed as text in a percent column: `30`, `30%`, `30.5 %`. */
const PLAIN_PERCENT = /^(\d{1,4}(?:\.\d+)?)%?$/u;

export type PercentCell = { percent: number } | { text: string } | null;

/**
 * A cell of a percent sub-column: a number 0–100 (or 0–1 when the cell is percent-formatted, as Excel
 * stores 30% as 0.3), or `30` / `30%` typed as text. Anything else is text, read with the report.
 */
export function readPercentCell(value: CellValue, numberFormat: string | null): PercentCell {
  if (isEmptyReport(value)) return null;
  if (typeof value === "number") {
    if (!Number.isFinite(value) || value < 0) return { text: String(value) };
    return { percent: roundPercent(numberFormat?.includes("%") ? value * 100 : value) };
  }
  const text = String(value);
  const plain = PLAIN_PERCENT.exec(normalizeText(text));
  return plain ? { percent: roundPercent(Number(plain[1])) } : { text };
}

export type ReportWord = "notStarted" | "behind" | "onSchedule";

/** Word lists of PROGRESS.md §3, longest spellings first so `尚未开工` wins over `未开工`. */
const WORDS: Record<ReportWord, string[]> = {
  notStarted: ["尚未开工", "尚未启动", "尚未实施", "尚未开展", "未启动", "未开工", "未开展", "未实施"],
  behind: [
    "未达计划进度",
    "未按计划",
    "未达到序时",
    "未按序时",
    "进展缓慢",
    "推进缓慢",
    "进度缓慢",
    "慢于序时",
    "低于序时",
    "未达序时",
    "慢序时",
    "欠进度",
    "滞后",
  ],
  onSchedule: [
    "按序时",
    "正常推进",
    "顺利推进",
    "有序推进",
    "达到序时",
    "超序时",
    "提前完成",
    "达进度",
    "超进度",
  ],
};

/** A word right after one of these is negated: `未滞后`, `无滞后`, `无明显滞后`, `没有出现滞后`, `不存在滞后`. */
const NEGATION = /(?:未|无|不|没|没有|并未|并无|非)(?:明显|出现|存在|发生|有)?(?:明显)?$/u;

/** Each list as one pattern, longest spellings first (one pass over a report per list). */
const PATTERNS = Object.fromEntries(
  (Object.keys(WORDS) as ReportWord[]).map((kind) => [
    kind,
    new RegExp([...WORDS[kind]].sort((a, b) => b.length - a.length).join("|"), "gu"),
  ]),
) as Record<ReportWord, RegExp>;

/** The first un-negated word of a list in the text, or null. */
function findWord(text: string, kind: ReportWord): string | null {
  const pattern = PATTERNS[kind];
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    if (!NEGATION.test(text.slice(Math.max(0, match.index - 5), match.index))) return match[0];
  }
  return null;
}

export interface ReportReading {
  /** A done statement (SEMANTICS §4) or a percent ≥ 100. */
  done: boolean;
  percent: number | null;
  /** The words found, by kind (the spelling as listed), un-negated. */
  notStarted: string | null;
  behind: string | null;
  onSchedule: string | null;
}

/**
 * What a report says. `percent` is the percent sub-column's value when there is one, else the text's.
 * `doneStatement`: whether the text is a done statement, when the caller has read it already (completion).
 */
export function readReport(
  text: string,
  columnPercent: number | null,
  doneStatement?: boolean,
): ReportReading {
  const normalised = normalizeText(text);
  const percent = columnPercent ?? percentOf(normalised);
  const done =
    (percent !== null && percent >= 100) || (doneStatement ?? readProgressText(normalised).allDone);
  return {
    done,
    percent,
    notStarted: findWord(normalised, "notStarted"),
    behind: findWord(normalised, "behind"),
    onSchedule: findWord(normalised, "onSchedule"),
  };
}
