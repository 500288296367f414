import { checkSheet } from "../../../src/core/check";
import { resolveOptions } from "../../../src/core/options";
import type { ProgressState, ProjectProgress, TableResult } from "../../../src/core/types";
import { seedGrid, type SeedName } from "../../support/seed-grid";

/** A seed table checked on a date, as the pane and the CLI get it. */
export function seedTable(name: SeedName, asOf: string): TableResult {
  const resolved = resolveOptions({ asOf, dueSoonDays: 15 });
  if (!resolved.ok) throw new Error(resolved.message);
  const table = checkSheet(seedGrid(name), resolved.options).tables[0];
  if (!table) throw new Error(`no table in ${name}`);
  return table;
}

/**
 * A table as the monthly cycle would hand it over (PROGRESS.md §6), built by hand: the states given by
 * project name, every other project `onSchedule` (or `done` where its milestones are done); counts to
 * match. The reading itself is the `progress` work; the 通报 only reads these fields.
 */
export function withProgress(
  table: TableResult,
  states: Record<string, { state: ProgressState; reason?: string }>,
  expectedPeriod = "2023-05",
): TableResult {
  const counts = { done: 0, notReported: 0, notStarted: 0, behind: 0, onSchedule: 0 };
  const projects = table.projects.map((project) => {
    const given = project.name ? states[project.name] : undefined;
    const state: ProgressState = given?.state ?? (project.status === "done" ? "done" : "onSchedule");
    counts[state] += 1;
    const progress: ProjectProgress = {
      state,
      period: state === "notReported" ? null : expectedPeriod,
      text: state === "notReported" ? null : "按计划推进",
      percent: null,
      cell: `K${project.row}`,
      reason: given?.reason ?? (state === "notReported" ? "5 月进展未填写" : "按序时推进"),
      reasonEn: "",
    };
    return { ...project, progress };
  });
  return {
    ...table,
    projects,
    progress: {
      reportDay: 22,
      expectedPeriod,
      expectedPercent: 46.6,
      columns: [
        { column: "K", period: expectedPeriod, header: "进展情况", headerCell: "K3", percentColumn: null },
      ],
      counts,
    },
  };
}
