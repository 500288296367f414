import { normalizeText, stripBrackets } from "../text";

/**
 * What a column header says about the monthly cycle (PROGRESS.md §1): it names progress (进展, 推进情况,
 * 完成情况, …), a plan (安排, 计划, 目标, 任务), a percent of progress (`完成比例(%)`, `%`, `完成率`,
 * `进度(%)`), or none of these. When a header names both progress and plan, the word it ends on — its head
 * noun — decides: `目标完成情况` is progress, `形象进度安排` and `推进计划` are plans.
 */
export type ProgressHeaderKind = "progress" | "plan" | "percent";

const PROGRESS_WORDS = [
  "进展",
  "推进情况",
  "进度情况",
  "完成情况",
  "落实情况",
  "实际完成",
  "办理情况",
  "实施情况",
  "当前进度",
  "目前进度",
  "实际进度",
];
/** `形象进度` alone is the plan column of many tables; qualified by "now", it is progress. */
const CURRENT_IMAGE = /(?:当前|目前|实际|在建|现|已完成)形象进度/u;
/** `截至10月底` on its own: a state as of a date is progress. */
const AS_OF_ONLY =
  /^(?:截至|截止)(?:到|至)?(?:20\d{2}年)?[\d一二三四五六七八九十]{1,3}月(?:份|底|末|\d{1,2}[日号])?$/u;
const PLAN_WORDS = ["安排", "计划", "目标", "任务"];
/** Money columns (`实际完成投资`) are read as money, never as a report. */
const MONEY = /投资|金额|资金|万元/u;
const PERCENT_SIGN = /\(%\)|%/gu;
const PERCENT_WORDS = /^(?:累计|实际|总体|整体|目前|当前)?(?:完成|形象)?(?:进度|比例|比率|率|百分比)?$/u;
const RATIO_ENDING = /(?:比例|比率|率|百分比)$/u;

/** End of the last occurrence of any of the words in `text`, or -1. */
function lastEnd(text: string, words: readonly string[]): number {
  let end = -1;
  for (const word of words) {
    const at = text.lastIndexOf(word);
    if (at >= 0) end = Math.max(end, at + word.length);
  }
  return end;
}

/** Whether a header names the percent of a progress report: `完成比例(%)`, `%`, `完成率`, `进度(%)`. */
export function isPercentHeader(header: string): boolean {
  const text = normalizeText(header);
  const hasSign = text.includes("%");
  const words = text.replace(PERCENT_SIGN, "");
  if (!PERCENT_WORDS.test(words)) return false;
  return hasSign || RATIO_ENDING.test(words);
}

export function classifyProgressHeader(header: string): ProgressHeaderKind | null {
  const text = normalizeText(header);
  if (text === "") return null;
  if (isPercentHeader(text)) return "percent";
  const bare = stripBrackets(text);
  if (MONEY.test(bare)) return null;
  const image = CURRENT_IMAGE.exec(bare);
  const progressEnd = Math.max(lastEnd(bare, PROGRESS_WORDS), image ? image.index + image[0].length : -1);
  const planEnd = lastEnd(bare, PLAN_WORDS);
  if (progressEnd < 0 && AS_OF_ONLY.test(bare)) return "progress";
  if (progressEnd < 0 && planEnd < 0) return null;
  return progressEnd > planEnd ? "progress" : "plan";
}
