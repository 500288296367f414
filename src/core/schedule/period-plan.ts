import { readQuarterCell } from "../completion";
import type { HeaderPeriod } from "../progress/period";
import type { CellValue, ParsedMilestone, Quarter } from "../types";
import { trimClause } from "./chars";
import { monthEnd } from "./dates";
import { parseScheduleCell, type ScheduleContext, type ScheduleResult } from "./index";

/**
 * A cell of a plan column split by period (SEMANTICS.md §3): a date or month written in the cell makes its
 * milestones as in any schedule; otherwise the cell is one milestone due at the end of its column's period,
 * its text the clause. An empty plan cell is no milestone and no finding.
 */

function quartersOf(period: HeaderPeriod): Quarter[] | null {
  if (period.unit === "month") return null;
  const quarters: Quarter[] = [];
  for (let q = Math.ceil(period.firstMonth / 3); q <= period.lastMonth / 3; q += 1)
    quarters.push(q as Quarter);
  return quarters.length > 0 ? quarters : null;
}

function monthsOf(period: HeaderPeriod): number[] {
  const months: number[] = [];
  for (let m = period.firstMonth; m <= period.lastMonth; m += 1) months.push(m);
  return months;
}

/** The milestone a plan cell without a date of its own makes: due at the end of its column's period. */
export function periodMilestone(
  period: HeaderPeriod,
  text: string,
  marker: string,
  year: number,
): ParsedMilestone {
  const quarters = quartersOf(period);
  return {
    quarters,
    months: quarters ? null : monthsOf(period),
    due: monthEnd(period.year ?? year, period.lastMonth),
    before: false,
    text: trimClause(text),
    marker,
    start: 0,
  };
}

/** Milestones of one plan cell; `marker` is the column's header as written (`一季度目标`, `第一季度`). */
export function parsePlanCell(
  value: CellValue,
  numberFormat: string | null,
  period: HeaderPeriod,
  marker: string,
  ctx: ScheduleContext,
): ScheduleResult {
  const mark = readQuarterCell(value);
  if (mark === "done" || mark === "notDone") {
    // `√`, `已完成` under a period is a completion mark, not a plan: no milestone is made up from it.
    const written = String(value);
    return {
      milestones: [],
      preamble: "",
      diagnostics: [
        {
          code: "schedule.markInPlan",
          message: `“${written}”是完成标记，不是计划，未读出节点`,
          messageEn: `"${written}" is a completion mark, not a plan; no milestone was read`,
          severity: "warning",
        },
      ],
      year: null,
    };
  }
  const parse = parseScheduleCell(value, numberFormat, ctx);
  if (parse.milestones.length > 0) return parse;
  const text = value === null ? "" : String(value);
  // The column's period dates the cell: "no date in the text" is no finding here.
  const diagnostics = parse.diagnostics.filter((d) => d.code !== "schedule.unscheduled");
  if (trimClause(text) === "") return { ...parse, diagnostics };
  return {
    milestones: [periodMilestone(period, text, marker, parse.year ?? ctx.defaultYear)],
    preamble: "",
    diagnostics,
    year: parse.year,
  };
}
