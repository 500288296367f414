import type { ProjectGrouping, ProjectSort } from "./pane-settings";
import { countStatuses, nextMilestone } from "./status";
import { normalizeText } from "./text";
import type { Milestone, Project, ProjectStatus, StatusCounts, TableResult } from "./types";

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

/**
 * A project as the task pane lists it: one card per project, with the milestones that explain its status —
 * its overdue and due-soon milestones (most days late first), or for an on-track project the next one.
 */
export interface ProjectItem {
  sheet: string;
  /** Position of the project's table on the sheet, then its row: the table's own order. */
  table: number;
  project: Project;
  milestones: Milestone[];
  /** The most days late among `milestones` (negative: days left); null when the card lists none. */
  daysLate: number | null;
}

/** Every project of the tables as a card, in table order. */
export function projectItems(tables: TableResult[]): ProjectItem[] {
  return tables.flatMap((table, index) =>
    table.projects.map((project) => {
      const late = project.milestones
        .filter((m) => m.status === "overdue" || m.status === "dueSoon")
        .sort((a, b) => b.daysLate - a.daysLate);
      const next = project.status === "onTrack" ? nextMilestone(project) : null;
      const milestones = late.length > 0 ? late : next ? [next] : [];
      return {
        sheet: table.sheet,
        table: index,
        project,
        milestones,
        daysLate: milestones[0]?.daysLate ?? null,
      };
    }),
  );
}

/** The statuses the pane shows when no status is picked: the projects someone must act on. */
export const NEEDS_ATTENTION: readonly ProjectStatus[] = ["overdue", "dueSoon"];

/**
 * Whether a search matches the project's name, one of its leaders or its department. White space, full- and
 * half-width forms and letter case are ignored, as in the header matching.
 */
export function matchesQuery(project: Project, query: string): boolean {
  const wanted = normalizeText(query).toLowerCase();
  if (wanted === "") return true;
  const fields = [project.name, ...project.leaders, project.department];
  return fields.some((f) => f !== null && normalizeText(f).toLowerCase().includes(wanted));
}

export interface ProjectGroup {
  /** A leader's name or a department; `MISSING_KEY` when the cell is empty; `""` for the one ungrouped list. */
  key: string;
  items: ProjectItem[];
  /** Projects of the group by status. */
  counts: StatusCounts;
}

function byDaysLate(a: ProjectItem, b: ProjectItem): number {
  if (a.daysLate === null || b.daysLate === null)
    return a.daysLate === null ? (b.daysLate === null ? 0 : 1) : -1;
  return b.daysLate - a.daysLate;
}

function byTableOrder(a: ProjectItem, b: ProjectItem): number {
  return a.table - b.table || a.project.row - b.project.row;
}

/**
 * Cards grouped by 责任领导 or 责任科室 (a project with two leaders is under each), or one list. Groups with
 * more overdue projects come first, then more due soon, then by name; inside a group, by days late (ties in
 * table order) or in the table's order.
 */
export function groupProjects(items: ProjectItem[], by: ProjectGrouping, sort: ProjectSort): ProjectGroup[] {
  const order = (list: ProjectItem[]) =>
    [...list].sort((a, b) => (sort === "daysLate" ? byDaysLate(a, b) : 0) || byTableOrder(a, b));
  if (by === "none") {
    return items.length === 0
      ? []
      : [{ key: "", items: order(items), counts: countStatuses(items.map((i) => i.project.status)) }];
  }
  const groups = new Map<string, ProjectItem[]>();
  for (const item of items) {
    const { project } = item;
    const keys = by === "leader" ? project.leaders : project.department ? [project.department] : [];
    for (const key of keys.length > 0 ? keys : [MISSING_KEY])
      groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  return [...groups]
    .map(([key, list]) => ({
      key,
      items: order(list),
      counts: countStatuses(list.map((i) => i.project.status)),
    }))
    .sort(
      (a, b) =>
        b.counts.overdue - a.counts.overdue ||
        b.counts.dueSoon - a.counts.dueSoon ||
        a.key.localeCompare(b.key, "zh-Hans-CN"),
    );
}
