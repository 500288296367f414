import { columnLetter } from "../address";
import type { Project, ProgressCounts, ProgressState, TableProgress } from "../types";
import { columnLetterOf, type ProgressFrame } from "./frame";

export const PROGRESS_STATES: readonly ProgressState[] = [
  "done",
  "notReported",
  "notStarted",
  "behind",
  "onSchedule",
];

export function countProgress(states: ProgressState[]): ProgressCounts {
  const counts: ProgressCounts = { done: 0, notReported: 0, notStarted: 0, behind: 0, onSchedule: 0 };
  for (const state of states) counts[state] += 1;
  return counts;
}

/** The table's side of the monthly cycle (PROGRESS.md §6). */
export function tableProgress(frame: ProgressFrame, projects: Project[]): TableProgress {
  return {
    reportDay: frame.reportDay,
    expectedPeriod: frame.expectedPeriod,
    expectedPercent: frame.expectedPercent,
    columns: frame.columns.map((column, i) => ({
      column: columnLetterOf(column),
      period: frame.periods[i] ?? null,
      header: column.label,
      headerCell: column.headerCell,
      percentColumn: column.percentCol === null ? null : columnLetter(column.percentCol),
    })),
    counts: countProgress(projects.flatMap((p) => (p.progress ? [p.progress.state] : []))),
  };
}
