import type { ParsedMilestone, Quarter } from "../types";
import { trimClause } from "./chars";
import { beforeMonth, beforeQuarter, dayOf, monthEnd, monthsOfRange, quarterEnd } from "./dates";
import { fragmentBeforeQuarters, impossibleDate, type ScheduleDiagnostic } from "./diagnostics";
import type { Resolved } from "./refine";

/** A marker with its due date known, before clause text is cut. */
interface Candidate {
  /** quarter: cuts clauses; coarse: 上半年/下半年/年底/年末, cuts clauses too; point: months, dates, 年内. */
  role: "quarter" | "coarse" | "point";
  start: number;
  end: number;
  itemStart: number;
  quarters: Quarter[] | null;
  months: number[] | null;
  due: string;
  before: boolean;
}

function isQuarter(n: number): n is Quarter {
  return n === 1 || n === 2 || n === 3 || n === 4;
}

/** Due date and coverage of one resolved marker, or null when it names a date that does not exist. */
function toCandidate(r: Resolved): Candidate | null {
  const t = r.token;
  const make = (
    role: Candidate["role"],
    quarters: Quarter[] | null,
    months: number[] | null,
    due: string,
    before: boolean,
  ): Candidate => ({
    role,
    start: t.start,
    end: t.end,
    itemStart: r.itemStart,
    quarters,
    months,
    due,
    before,
  });
  if (t.kind === "quarter") {
    if (!t.quarters.every(isQuarter)) return null;
    const quarters = t.quarters as Quarter[];
    const first = quarters[0] as Quarter;
    const last = quarters[quarters.length - 1] as Quarter;
    return make(
      "quarter",
      quarters,
      null,
      t.before ? beforeQuarter(r.year, first) : quarterEnd(r.year, last),
      t.before,
    );
  }
  if (t.kind === "period") {
    if (t.period === "firstHalf") return make("coarse", [1, 2], null, quarterEnd(r.year, 2), false);
    if (t.period === "secondHalf") return make("coarse", [3, 4], null, quarterEnd(r.year, 4), false);
    return make(t.period === "yearEnd" ? "coarse" : "point", null, [12], monthEnd(r.year, 12), false);
  }
  if (t.month < 1 || t.month > 12 || (t.fromMonth !== null && (t.fromMonth < 1 || t.fromMonth > 12)))
    return null;
  const months = t.fromMonth === null ? [t.month] : monthsOfRange(r.fromYear, t.fromMonth, r.year, t.month);
  let due: string | null;
  if (t.day.type === "end") due = t.before ? beforeMonth(r.year, t.month) : monthEnd(r.year, t.month);
  else due = dayOf(r.year, t.month, t.day.day);
  return due === null ? null : make("point", null, months, due, t.before);
}

export interface Clauses {
  milestones: ParsedMilestone[];
  preamble: string;
  diagnostics: ScheduleDiagnostic[];
}

/**
 * Milestones from resolved markers (SEMANTICS §3). With any quarter marker, quarters and the coarse periods
 * cut the text into clauses and months or dates stay inside their clause; otherwise every dated marker is a
 * milestone. A clause runs from its marker to the next marker (or to the enumerator that leads into it).
 */
export function buildClauses(text: string, resolved: Resolved[]): Clauses {
  const diagnostics: ScheduleDiagnostic[] = [];
  const candidates: Candidate[] = [];
  for (const r of resolved) {
    const c = toCandidate(r);
    if (c) candidates.push(c);
    else diagnostics.push(impossibleDate(text.slice(r.token.start, r.token.end)));
  }

  let markers = candidates;
  if (candidates.some((c) => c.role === "quarter")) {
    markers = [];
    for (const c of candidates) {
      if (c.role === "point") continue;
      const prev = markers[markers.length - 1];
      // `第四季度：年底前完成验收`: a coarse period right after a quarter marker belongs to that quarter's clause.
      if (
        c.role === "coarse" &&
        prev?.role === "quarter" &&
        trimClause(text.slice(prev.end, c.itemStart)) === ""
      )
        continue;
      markers.push(c);
    }
    const firstStart = (markers[0] as Candidate).itemStart;
    for (const c of candidates) {
      if (c.role === "point" && c.end <= firstStart)
        diagnostics.push(fragmentBeforeQuarters(text.slice(c.start, c.end)));
    }
  }

  const milestones = markers.map((m, k): ParsedMilestone => {
    const next = markers[k + 1];
    return {
      quarters: m.quarters,
      months: m.months,
      due: m.due,
      before: m.before,
      text: trimClause(text.slice(m.end, next ? next.itemStart : text.length)),
      marker: text.slice(m.start, m.end),
      start: m.start,
    };
  });
  const first = markers[0];
  const preamble = trimClause(first ? text.slice(0, first.itemStart) : text);
  return { milestones, preamble, diagnostics };
}
