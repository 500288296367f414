import { format, parseISO } from "date-fns";
import type { Milestone, ParsedMilestone, Quarter } from "./types";

const QUARTER_NUMERAL: Record<Quarter, string> = { 1: "一", 2: "二", 3: "三", 4: "四" };
const QUARTER_EN: Record<Quarter, string> = { 1: "Q1", 2: "Q2", 3: "Q3", 4: "Q4" };

function isRun(values: number[]): boolean {
  return values.every((v, i) => i === 0 || v === (values[i - 1] as number) + 1);
}

/** The period a milestone covers, as staff write it: `第二季度`, `第一、二季度`, `第二至四季度`, `6月`, `4至5月`. */
export function periodLabel(
  milestone: Pick<ParsedMilestone, "quarters" | "months" | "before" | "due">,
): string {
  const { quarters, months } = milestone;
  if (quarters && quarters.length > 0) {
    const numerals = quarters.map((q) => QUARTER_NUMERAL[q]);
    const body =
      quarters.length > 2 && isRun(quarters)
        ? `${numerals[0]}至${numerals[numerals.length - 1]}`
        : numerals.join("、");
    return `第${body}季度${milestone.before ? "前" : ""}`;
  }
  if (months && months.length > 0) {
    const first = months[0] as number;
    const last = months[months.length - 1] as number;
    return months.length > 1 ? `${first}至${last}月` : `${first}月`;
  }
  return format(parseISO(milestone.due), "M月d日");
}

export function periodLabelEn(
  milestone: Pick<ParsedMilestone, "quarters" | "months" | "before" | "due">,
): string {
  const { quarters, months } = milestone;
  if (quarters && quarters.length > 0) {
    const body = quarters.map((q) => QUARTER_EN[q]).join("+");
    return milestone.before ? `before ${body}` : body;
  }
  const due = parseISO(milestone.due);
  if (months && months.length > 1) {
    return `${format(new Date(due.getFullYear(), (months[0] as number) - 1, 1), "MMM")}–${format(due, "MMM")}`;
  }
  return months && months.length === 1 ? format(due, "MMM") : format(due, "d MMM");
}

/** `已逾期 20 天`, `还剩 10 天`, `今天到期`: how far a milestone is from its due date. */
export function daysText(milestone: Pick<Milestone, "daysLate">): string {
  if (milestone.daysLate > 0) return `已逾期 ${milestone.daysLate} 天`;
  if (milestone.daysLate < 0) return `还剩 ${-milestone.daysLate} 天`;
  return "今天到期";
}
