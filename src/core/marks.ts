import type { MilestoneStatus, ProjectStatus, SheetResult } from "./types";

/** What a mark means; the adapters map each kind to a fill. */
export type MarkKind = "overdue" | "dueSoon" | "done";

/** Fill colours shared by the add-in, the preview and the CLI's marked copy (Excel's own light palette). */
export const MARK_FILL: Record<MarkKind, string> = {
  overdue: "#FFC7CE",
  dueSoon: "#FFEB9C",
  done: "#C6EFCE",
};

export interface Mark {
  /** A1 address on `sheet`. */
  address: string;
  kind: MarkKind;
  /** Why the cell is marked, in Chinese (used for tooltips, never written into the cell). */
  reason: string;
}

/**
 * The mark a project or milestone status takes; 正常 and 未排期 stay plain. Shared by the marks on
 * the sheet and the status column of the CLI's summary sheet.
 */
export const STATUS_MARK: Partial<Record<ProjectStatus | MilestoneStatus, MarkKind>> = {
  overdue: "overdue",
  dueSoon: "dueSoon",
  done: "done",
};

const REASON: Record<MarkKind, string> = { overdue: "有逾期节点", dueSoon: "有临期节点", done: "已完成" };

/** The worst status among a schedule cell's milestones decides its mark; upcoming alone leaves it plain. */
function cellMark(statuses: MilestoneStatus[]): MarkKind | null {
  if (statuses.includes("overdue")) return "overdue";
  if (statuses.includes("dueSoon")) return "dueSoon";
  if (statuses.length > 0 && statuses.every((s) => s === "done")) return "done";
  return null;
}

/**
 * The marks a check leaves: each project's name cell takes the project's status, each schedule cell
 * the worst status of the milestones read from it. One mark per address, in table order.
 */
export function planMarks(result: SheetResult): Mark[] {
  const marks = new Map<string, Mark>();
  for (const table of result.tables) {
    for (const project of table.projects) {
      const projectKind = STATUS_MARK[project.status];
      if (projectKind && project.cells.name) {
        marks.set(project.cells.name, {
          address: project.cells.name,
          kind: projectKind,
          reason: REASON[projectKind],
        });
      }
      const byCell = new Map<string, MilestoneStatus[]>();
      for (const m of project.milestones) byCell.set(m.cell, [...(byCell.get(m.cell) ?? []), m.status]);
      for (const [address, statuses] of byCell) {
        const kind = cellMark(statuses);
        if (kind) marks.set(address, { address, kind, reason: REASON[kind] });
      }
    }
  }
  return [...marks.values()];
}
