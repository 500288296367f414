/**
 * The schedule parser (SEMANTICS.md §2–3), in the spirit of chrono: `scanner` finds markers with bounded
 * matchers (`quarter`, `date`, `enumerator`) in one linear pass; `refine` attaches written years, merges
 * ranges and settles years item by item; `clauses` turns markers into milestones and clause texts.
 */
import { z } from "zod";
import type { CellValue, ParsedMilestone, ScheduleParse } from "../types";
import { buildClauses } from "./clauses";
import { monthEnd } from "./dates";
import { impossibleDate, invalidContext, tooLong, unscheduled, type ScheduleDiagnostic } from "./diagnostics";
import { attachYears, mergeRanges, resolveYears } from "./refine";
import { scan } from "./scanner";
import { isDateFormat, serialToIso } from "./serial";
import { isDated, type Token } from "./tokens";

export { isDateFormat, isoToSerial, serialToIso } from "./serial";

export interface ScheduleContext {
  defaultYear: number;
}

export type ScheduleResult = ScheduleParse & { year: number | null };

/** Excel holds at most 32,767 characters in a cell; longer text cannot come from a sheet. */
export const MAX_SCHEDULE_LENGTH = 32767;

const ContextSchema = z.object({ defaultYear: z.number().int().min(1000).max(9999) });

/** The year of the first expression when it is a written year (`2022 年 1 月…`, `2021.8`, `2022年…`). */
function firstWrittenYear(tokens: Token[]): number | null {
  for (const t of tokens) {
    if (t.kind === "enumerator") continue;
    if (t.kind === "year") return t.year;
    if (t.kind === "relativeYear") return null;
    return t.kind === "date" ? (t.year ?? t.fromYear) : null;
  }
  return null;
}

/** Text of a schedule cell → milestones, preamble and diagnostics. Never throws. */
export function parseScheduleText(text: string, ctx: ScheduleContext): ScheduleResult {
  const context = ContextSchema.safeParse(ctx);
  if (!context.success) {
    return {
      milestones: [],
      preamble: text,
      diagnostics: [invalidContext(String(ctx?.defaultYear))],
      year: null,
    };
  }
  const diagnostics: ScheduleDiagnostic[] = [];
  let source = text;
  if (source.length > MAX_SCHEDULE_LENGTH) {
    diagnostics.push(tooLong(source.length, MAX_SCHEDULE_LENGTH));
    source = source.slice(0, MAX_SCHEDULE_LENGTH);
  }
  const { normalized, tokens } = scan(source);
  const refined = mergeRanges(attachYears(tokens, normalized), normalized);
  const resolved = resolveYears(refined, normalized, context.data.defaultYear);
  const clauses = buildClauses(source, resolved);
  for (const d of clauses.diagnostics) diagnostics.push(d);
  if (clauses.milestones.length === 0) diagnostics.push(unscheduled(source.trim() === ""));
  return {
    milestones: clauses.milestones,
    preamble: clauses.preamble,
    diagnostics,
    year: firstWrittenYear(tokens),
  };
}

/**
 * A number in a schedule column read as year.month: `2021.12` → December 2021. The number format, when it
 * fixes the decimals (`0.00`), tells 2021.10 (October) from 2021.1 (January).
 */
function yearMonthOfNumber(
  value: number,
  numberFormat: string | null,
): { year: number; month: number } | null {
  if (value < 2000 || value >= 2100) return null;
  const decimals = /\.([0#]+)/.exec(numberFormat ?? "")?.[1]?.length;
  const written = decimals ? value.toFixed(decimals) : String(value);
  const [yearPart, monthPart] = written.split(".");
  if (!monthPart || monthPart.length > 2) return null;
  const month = Number(monthPart);
  if (month < 1 || month > 12) return null;
  return { year: Number(yearPart), month };
}

function single(milestone: ParsedMilestone, year: number): ScheduleResult {
  return { milestones: [milestone], preamble: "", diagnostics: [], year };
}

/**
 * A whole schedule cell: a date-typed cell (serial + date format) is one milestone due that day; a number
 * such as 2021.12 is December 2021; text goes to `parseScheduleText`.
 */
export function parseScheduleCell(
  value: CellValue,
  numberFormat: string | null,
  ctx: ScheduleContext,
): ScheduleResult {
  if (typeof value !== "number") return parseScheduleText(value === null ? "" : String(value), ctx);
  if (isDateFormat(numberFormat)) {
    const due = serialToIso(value);
    if (due) {
      const month = Number(due.slice(5, 7));
      const milestone = {
        quarters: null,
        months: [month],
        due,
        before: false,
        text: "",
        marker: due,
        start: 0,
      };
      return single(milestone, Number(due.slice(0, 4)));
    }
    return {
      milestones: [],
      preamble: "",
      diagnostics: [impossibleDate(String(value)), unscheduled(false)],
      year: null,
    };
  }
  const ym = yearMonthOfNumber(value, numberFormat);
  if (ym) {
    const marker = `${ym.year}.${ym.month}`;
    const milestone = {
      quarters: null,
      months: [ym.month],
      due: monthEnd(ym.year, ym.month),
      before: false,
      text: "",
      marker,
      start: 0,
    };
    return single(milestone, ym.year);
  }
  return parseScheduleText(String(value), ctx);
}

/** How many quarter, month, date or period expressions a cell holds (to find an unnamed schedule column). */
export function countDateExpressions(value: CellValue): number {
  if (typeof value === "number") return yearMonthOfNumber(value, null) ? 1 : 0;
  if (typeof value !== "string") return 0;
  const { normalized, tokens } = scan(value.slice(0, MAX_SCHEDULE_LENGTH));
  return mergeRanges(attachYears(tokens, normalized), normalized).filter(isDated).length;
}
