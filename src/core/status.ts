import { differenceInCalendarDays, getQuarter, parseISO } from "date-fns";
import type { Completion } from "./completion";
import type {
  Milestone,
  MilestoneStatus,
  Project,
  ParsedMilestone,
  ProjectStatus,
  Quarter,
  StatusCounts,
  TableResult,
} from "./types";

/**
 * The quarter whose completion closes a milestone: the last quarter it covers, or for a month or date
 * milestone the quarter its due date falls in (`第四季度前` is closed by the third quarter).
 */
export function closingQuarter(milestone: ParsedMilestone, clock?: StatusClock): Quarter {
  if (milestone.quarters && !milestone.before) {
    return milestone.quarters[milestone.quarters.length - 1] as Quarter;
  }
  return clock ? clock.quarterOf(milestone.due) : (getQuarter(parseISO(milestone.due)) as Quarter);
}

/**
 * The reference date and the due-soon window. Day counts are memoised: a table has few distinct due
 * dates, and parsing dates was most of the cost of a 5,000-project check.
 */
export class StatusClock {
  private readonly asOfDate: Date;
  private readonly days = new Map<string, number>();
  private readonly quarters = new Map<string, Quarter>();

  constructor(
    readonly asOf: string,
    readonly dueSoonDays: number,
  ) {
    this.asOfDate = parseISO(asOf);
  }

  /** Days from the due date to the reference date: positive when late, negative while still ahead. */
  daysLate(due: string): number {
    let days = this.days.get(due);
    if (days === undefined) {
      days = differenceInCalendarDays(this.asOfDate, parseISO(due));
      this.days.set(due, days);
    }
    return days;
  }

  quarterOf(iso: string): Quarter {
    let quarter = this.quarters.get(iso);
    if (quarter === undefined) {
      quarter = getQuarter(parseISO(iso)) as Quarter;
      this.quarters.set(iso, quarter);
    }
    return quarter;
  }
}

export function milestoneStatus(
  milestone: ParsedMilestone,
  completion: Completion,
  clock: StatusClock,
): { status: MilestoneStatus; daysLate: number } {
  const daysLate = clock.daysLate(milestone.due);
  if (completion.allDone || completion.doneQuarters.has(closingQuarter(milestone, clock))) {
    return { status: "done", daysLate };
  }
  if (daysLate > 0) return { status: "overdue", daysLate };
  if (-daysLate <= clock.dueSoonDays) return { status: "dueSoon", daysLate };
  return { status: "upcoming", daysLate };
}

/** Worst first: unscheduled, done (every milestone done), overdue, dueSoon, onTrack. */
export function projectStatus(milestones: Pick<Milestone, "status">[]): ProjectStatus {
  if (milestones.length === 0) return "unscheduled";
  if (milestones.every((m) => m.status === "done")) return "done";
  if (milestones.some((m) => m.status === "overdue")) return "overdue";
  if (milestones.some((m) => m.status === "dueSoon")) return "dueSoon";
  return "onTrack";
}

export function countStatuses(statuses: ProjectStatus[]): StatusCounts {
  const counts: StatusCounts = { overdue: 0, dueSoon: 0, onTrack: 0, done: 0, unscheduled: 0 };
  for (const status of statuses) counts[status] += 1;
  return counts;
}

/** Status counts over several tables (the pane's summary, the CLI's line after several files). */
export function sumCounts(tables: ReadonlyArray<Pick<TableResult, "counts">>): StatusCounts {
  const counts: StatusCounts = { overdue: 0, dueSoon: 0, onTrack: 0, done: 0, unscheduled: 0 };
  for (const table of tables) {
    for (const key of Object.keys(counts) as Array<keyof StatusCounts>) counts[key] += table.counts[key];
  }
  return counts;
}

/** The earliest milestone not yet done (overdue ones included), or null; source order among equal dates. */
export function nextMilestone(project: Pick<Project, "milestones">): Milestone | null {
  let next: Milestone | null = null;
  for (const m of project.milestones)
    if (m.status !== "done" && (next === null || m.due < next.due)) next = m;
  return next;
}

/** Chinese words a filter can use (DUTY.STATUS, the pane, the CLI), English twins for an English Office. */
export const PROJECT_STATUS_LABEL: Record<ProjectStatus, { zh: string; en: string }> = {
  overdue: { zh: "逾期", en: "Overdue" },
  dueSoon: { zh: "临期", en: "Due soon" },
  onTrack: { zh: "正常", en: "On track" },
  done: { zh: "已完成", en: "Done" },
  unscheduled: { zh: "未排期", en: "Unscheduled" },
};

/**
 * A milestone not yet due says 正常, the word its project's status (DUTY.STATUS, the pane's tiles) uses for
 * the same situation: one question, one word, wherever a user filters for it.
 */
export const MILESTONE_STATUS_LABEL: Record<MilestoneStatus, { zh: string; en: string }> = {
  overdue: { zh: "逾期", en: "Overdue" },
  dueSoon: { zh: "临期", en: "Due soon" },
  upcoming: PROJECT_STATUS_LABEL.onTrack,
  done: { zh: "已完成", en: "Done" },
};
