import { periodLabel, periodLabelEn } from "../labels";
import type { Milestone, Project, ProjectProgress, ProgressState } from "../types";
import type { ProgressFrame, ProjectReports, Report } from "./frame";
import { monthLabel } from "./period";
import { readReport, type ReportReading } from "./report";

/**
 * A project's state in the monthly cycle (PROGRESS.md §5), the first that holds: done, notReported,
 * notStarted, behind, onSchedule — with the cell that decided it and why, in Chinese and English.
 */

/** What the current report says (`doneStatement` as completion read its cells); null when there is none. */
export function readCurrentReport(current: Report | null, doneStatement: boolean): ReportReading | null {
  return current ? readReport(current.text ?? "", current.columnPercent, doneStatement) : null;
}

/** `30`, `48.5`: percents as people write them. */
function pct(value: number): string {
  return String(Math.round(value * 10) / 10);
}

interface Labels {
  zh: string;
  en: string;
}

/** `6 月`, or `本期` for a column naming no period. */
function reportPeriod(frame: ProgressFrame, report: Report): Labels {
  return report.period
    ? monthLabel(report.period, frame.tableYear)
    : { zh: "本期", en: "the current period" };
}

function state(
  value: ProgressState,
  report: Report | null,
  reading: ReportReading | null,
  cell: string | null,
  reason: Labels,
): ProjectProgress {
  return {
    state: value,
    period: report?.period ?? null,
    text: report?.text ?? null,
    percent: reading?.percent ?? null,
    cell,
    reason: reason.zh,
    reasonEn: reason.en,
  };
}

function doneReason(frame: ProgressFrame, report: Report | null, reading: ReportReading | null): Labels {
  if (!report || !reading?.done) return { zh: "全部节点已完成", en: "Every milestone is done" };
  if (reading.percent !== null && reading.percent >= 100)
    return { zh: `完成 ${pct(reading.percent)}%`, en: `${pct(reading.percent)}% done` };
  const period = reportPeriod(frame, report);
  return { zh: `${period.zh}进展写明已完成`, en: `The report for ${period.en} says done` };
}

function firstOverdue(milestones: Milestone[]): Milestone | null {
  let first: Milestone | null = null;
  for (const m of milestones) if (m.status === "overdue" && (!first || m.due < first.due)) first = m;
  return first;
}

/** Decides a project's progress state from its reports, its milestones and the frame's 序时进度. */
export function decideProgress(
  frame: ProgressFrame,
  reads: ProjectReports,
  reading: ReportReading | null,
  project: Pick<Project, "status" | "milestones">,
): ProjectProgress {
  const report = reads.current;
  const cell = report?.cell ?? null;
  if (project.status === "done" || reading?.done)
    return state("done", report, reading, cell, doneReason(frame, report, reading));

  if (!reads.reported || !report || !reading) {
    const month = monthLabel(frame.expectedPeriod, frame.tableYear);
    const reason =
      reads.dueCell === null
        ? {
            zh: `${month.zh}进展未报送（表中没有 ${month.zh}的进展列）`,
            en: `No progress reported for ${month.en} (the table has no column for it)`,
          }
        : { zh: `${month.zh}进展未填写`, en: `No progress reported for ${month.en}` };
    return state("notReported", report, reading, reads.dueCell, reason);
  }

  const period = reportPeriod(frame, report);
  if (reading.notStarted) {
    return state("notStarted", report, reading, cell, {
      zh: `${period.zh}进展写明“${reading.notStarted}”`,
      en: `The report for ${period.en} says "${reading.notStarted}" (not started)`,
    });
  }
  if (reading.behind) {
    return state("behind", report, reading, cell, {
      zh: `${period.zh}进展写明“${reading.behind}”`,
      en: `The report for ${period.en} says "${reading.behind}" (behind)`,
    });
  }
  const expected = frame.expectedPercent;
  if (reading.percent !== null && reading.percent < expected - frame.behindTolerance) {
    return state("behind", report, reading, cell, {
      zh: `完成 ${pct(reading.percent)}%，低于序时进度 ${pct(expected)}%`,
      en: `${pct(reading.percent)}% done, below the time-elapsed ${pct(expected)}%`,
    });
  }
  const overdue = firstOverdue(project.milestones);
  if (overdue) {
    return state("behind", report, reading, cell, {
      zh: `${periodLabel(overdue)}节点已逾期`,
      en: `The ${periodLabelEn(overdue)} milestone is overdue`,
    });
  }
  if (reading.percent !== null) {
    return state("onSchedule", report, reading, cell, {
      zh: `完成 ${pct(reading.percent)}%，序时进度 ${pct(expected)}%`,
      en: `${pct(reading.percent)}% done; time elapsed ${pct(expected)}%`,
    });
  }
  if (reading.onSchedule) {
    return state("onSchedule", report, reading, cell, {
      zh: `${period.zh}进展写明“${reading.onSchedule}”`,
      en: `The report for ${period.en} says "${reading.onSchedule}"`,
    });
  }
  return state("onSchedule", report, reading, cell, {
    zh: `已报送${/^\d/u.test(period.zh) ? " " : ""}${period.zh}进展`,
    en: `Reported for ${period.en}`,
  });
}
