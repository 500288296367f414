import type { Milestone, Project, TableResult } from "./types";

/** One overdue or due-soon milestone with the project it belongs to. */
export interface Alert {
  sheet: string;
  project: Project;
  milestone: Milestone;
}

export interface AlertGroup {
  /** A leader's name or a department; `MISSING_KEY` when the cell is empty. */
  key: string;
  alerts: Alert[];
  overdue: number;
  dueSoon: number;
}

export type GroupBy = "leader" | "department";

/** Label of the group for projects whose leader/department cell is empty (reported, never guessed). */
export const MISSING_KEY = "（未填写）";

/**
 * Overdue and due-soon milestones grouped by 责任领导 or 责任科室. A project with two leaders appears
 * under each. Groups with overdue milestones come first, then by count, then by name; inside a group
 * the most days late come first.
 */
export function groupAlerts(tables: TableResult[], by: GroupBy): AlertGroup[] {
  const groups = new Map<string, AlertGroup>();
  for (const table of tables) {
    for (const project of table.projects) {
      const keys = by === "leader" ? project.leaders : project.department ? [project.department] : [];
      for (const milestone of project.milestones) {
        if (milestone.status !== "overdue" && milestone.status !== "dueSoon") continue;
        for (const key of keys.length > 0 ? keys : [MISSING_KEY]) {
          const group = groups.get(key) ?? { key, alerts: [], overdue: 0, dueSoon: 0 };
          group.alerts.push({ sheet: table.sheet, project, milestone });
          if (milestone.status === "overdue") group.overdue += 1;
          else group.dueSoon += 1;
          groups.set(key, group);
        }
      }
    }
  }
  for (const group of groups.values())
    group.alerts.sort((a, b) => b.milestone.daysLate - a.milestone.daysLate);
  return [...groups.values()].sort(
    (a, b) => b.overdue - a.overdue || b.dueSoon - a.dueSoon || a.key.localeCompare(b.key, "zh-Hans-CN"),
  );
}
