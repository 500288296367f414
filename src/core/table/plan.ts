import type { ProgressColumnSpec } from "../progress/columns";
import { classifyProgressHeader } from "../progress/header";
import { parseHeaderPeriod, periodCode, type HeaderPeriod } from "../progress/period";
import { normalizeText, stripBrackets } from "../text";

/**
 * Plans split across period columns (SEMANTICS.md §1): `第一季度 | 第二季度 | …`, `一季度目标`,
 * `上半年目标 | 全年目标`, `1月 … 12月`, and the children of a plan parent (`进度安排` over
 * `第一季度工作进展`: the parent decides). Periods are read by the progress columns' own parser.
 */

/** Words a period header may add and still name a plan: `一季度目标`, `上半年工作计划`, `7月份任务`. */
const PLAN_REST =
  /^(?:的)?(?:主要|重点)?(?:工作)?(?:目标任务|任务目标|目标|计划|安排|任务|进度安排|进度计划|计划安排|形象进度|节点)?$/u;
/** Money is never a plan: `2023年计划投资`, `全年目标投资`. */
const MONEY = /投资|金额|资金|万元/u;
/**
 * Words of a header that reports, not plans (progress, actuals, problems, next steps, remarks): such a
 * column is never the schedule column, whatever dates its cells hold.
 */
const REPORT_WORDS = /进展|落实|完成情况|推进情况|存在问题|下一步|下步打算|备注/u;

/** Whether a header names a report rather than a plan (never guessed to be the schedule). */
export function namesReport(header: string): boolean {
  return REPORT_WORDS.test(normalizeText(header));
}

/** A parent over period children that makes them plan columns: `进度安排`, `计划`, `目标任务`, `2023年工作计划`. */
export function isPlanParent(parent: string): boolean {
  const text = stripBrackets(normalizeText(parent));
  return !MONEY.test(text) && classifyProgressHeader(text) === "plan";
}

/**
 * The period a plan column covers, or null when the header is no plan column. `parent` is the cell over it
 * in a two-row header: a plan parent makes any period child a plan (`第一季度工作进展` under `进度安排`); a
 * progress parent (`落实情况`) makes none. Without a deciding parent the header itself must be a period,
 * with at most a plan word (`一季度目标`, `全年目标`, `7月`).
 */
export function planPeriod(own: string, parent: string | null): HeaderPeriod | null {
  // Headers repeat at every page break, and every row that might be a header asks.
  const key = `${parent ?? ""}\u0000${own}`;
  const known = plans.get(key);
  if (known !== undefined) return known;
  const period = readPlanPeriod(own, parent);
  if (plans.size >= MEMO_LIMIT) plans.clear();
  plans.set(key, period);
  return period;
}

const plans = new Map<string, HeaderPeriod | null>();
const MEMO_LIMIT = 1024;

function readPlanPeriod(own: string, parent: string | null): HeaderPeriod | null {
  const text = normalizeText(own);
  if (text === "" || MONEY.test(text)) return null;
  const period = parseHeaderPeriod(text);
  // `截至10月底` is a state as of a date: progress, never a plan.
  if (!period || /^(?:截至|截止)/u.test(period.marker)) return null;
  if (parent !== null) {
    if (isPlanParent(parent)) return period;
    if (classifyProgressHeader(parent) === "progress") return null;
  }
  const rest = stripBrackets(text.slice(0, period.start) + text.slice(period.start + period.marker.length));
  return PLAN_REST.test(rest) ? period : null;
}

/** One plan column of a table: the period its cells plan for. */
export interface PlanColumnSpec {
  /** 0-based column (relative to the grid inside the finder, absolute in a `TableLayout`). */
  col: number;
  period: HeaderPeriod;
  /** `Q1`, `H1`, `Y`, `M7` (see `periodCode`). */
  code: string;
  /** A1 address of the header cell, and its text as written. */
  headerCell: string;
  label: string;
  /**
   * Its actuals: the progress columns of the same period (`落实情况` over `第一季度`, `上半年完成情况` for
   * `上半年目标`), as indexes into the table's progress columns. Quarter completion columns need none: a
   * quarter done closes that quarter's milestones already (SEMANTICS §4).
   */
  actuals: number[];
}

function samePeriod(a: HeaderPeriod, b: HeaderPeriod): boolean {
  return (
    a.unit === b.unit && a.firstMonth === b.firstMonth && a.lastMonth === b.lastMonth && a.year === b.year
  );
}

export function planColumn(
  col: number,
  period: HeaderPeriod,
  headerCell: string,
  label: string,
  progressColumns: readonly ProgressColumnSpec[],
): PlanColumnSpec {
  const actuals: number[] = [];
  progressColumns.forEach((p, i) => {
    if (p.period && samePeriod(p.period, period)) actuals.push(i);
  });
  return { col, period, code: periodCode(period), headerCell, label, actuals };
}

/** Period order: by the month a period ends, the shorter first (`第二季度` before `上半年`). */
export function byPeriod(a: HeaderPeriod, b: HeaderPeriod): number {
  const ay = a.year ?? 0;
  const by = b.year ?? 0;
  if (ay !== by) return ay - by;
  if (a.lastMonth !== b.lastMonth) return a.lastMonth - b.lastMonth;
  return b.firstMonth - a.firstMonth;
}

/** Plan columns in period order, then left to right. */
export function byPlanColumn(a: PlanColumnSpec, b: PlanColumnSpec): number {
  return byPeriod(a.period, b.period) || a.col - b.col;
}
