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

/** Chinese words for the states (the CLI, DUTY.PROGRESS, the pane), English twins for an English Office. */
export const PROGRESS_STATE_LABEL: Record<ProgressState, { zh: string; en: string }> = {
  done: { zh: "已完成", en: "Done" },
  notReported: { zh: "未报送", en: "Not reported" },
  notStarted: { zh: "未启动", en: "Not started" },
  behind: { zh: "滞后", en: "Behind" },
  onSchedule: { zh: "按序时", en: "On schedule" },
};

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
