import { cellAddress, parseAddress } from "./address";
import type { MilestoneStatus, ProgressState, ProjectStatus, SheetResult } from "./types";

/**
 * What a mark means; the adapters map each kind to a fill (and, for the monthly cycle's marks, an
 * outline). `notReported` and `behind` mark the current report cell of a project (PROGRESS.md §5).
 */
export type MarkKind = StatusMarkKind | "notReported" | "behind";
/** The marks of SEMANTICS §4's statuses. */
export type StatusMarkKind = "overdue" | "dueSoon" | "done";

/** Fill colours shared by the add-in, the preview and the CLI's marked copy (Excel's own light palette). */
export const MARK_FILL: Record<MarkKind, string> = {
  overdue: "#FFC7CE",
  dueSoon: "#FFEB9C",
  done: "#C6EFCE",
  notReported: "#DDEBF7",
  behind: "#FCE4D6",
};

/**
 * The monthly cycle's marks do not rely on hue alone (colour-blind-safe): an outline tells them apart
 * from each other and from the plain fills — dashed for a report not yet filled in (a blank to fill),
 * solid for a report behind schedule.
 */
export const MARK_OUTLINE: Partial<Record<MarkKind, { style: "dashed" | "solid"; color: string }>> = {
  notReported: { style: "dashed", color: "#2F5597" },
  behind: { style: "solid", color: "#C55A11" },
};

/** Names for a legend, Chinese and English. */
export const MARK_LABEL: Record<MarkKind, { zh: string; en: string }> = {
  overdue: { zh: "逾期", en: "Overdue" },
  dueSoon: { zh: "临期", en: "Due soon" },
  done: { zh: "已完成", en: "Done" },
  notReported: { zh: "未报送（虚线框）", en: "Not reported (dashed outline)" },
  behind: { zh: "滞后（实线框）", en: "Behind (solid outline)" },
};

/** The progress states whose current report cell is marked; the others stay plain. */
export const PROGRESS_MARK: Partial<Record<ProgressState, MarkKind>> = {
  notReported: "notReported",
  behind: "behind",
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
export const STATUS_MARK: Partial<Record<ProjectStatus | MilestoneStatus, StatusMarkKind>> = {
  overdue: "overdue",
  dueSoon: "dueSoon",
  done: "done",
};

const REASON: Record<StatusMarkKind, string> = {
  overdue: "有逾期节点",
  dueSoon: "有临期节点",
  done: "已完成",
};

/** The worst status among a schedule cell's milestones decides its mark; upcoming alone leaves it plain. */
function cellMark(statuses: MilestoneStatus[]): StatusMarkKind | null {
  if (statuses.includes("overdue")) return "overdue";
  if (statuses.includes("dueSoon")) return "dueSoon";
  if (statuses.length > 0 && statuses.every((s) => s === "done")) return "done";
  return null;
}

/**
 * The marks a check leaves: each project's name cell takes the project's status, each schedule cell
 * the worst status of the milestones read from it, and the current report cell of a project 未报送 or
 * 滞后 its progress state (with the state's reason). One mark per address, in table order.
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
      const progress = project.progress;
      const progressKind = progress ? PROGRESS_MARK[progress.state] : undefined;
      if (progress?.cell && progressKind) {
        marks.set(progress.cell, { address: progress.cell, kind: progressKind, reason: progress.reason });
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

/**
 * Groups cell addresses into as few rectangles as a column-then-row sweep finds, exactly covering the
 * cells (no cell added, none lost): vertical runs per column, then side-by-side runs with the same rows
 * joined. Shared by the adapters that
 * write marks as ranges (Office.js `getRanges`, WPS `Range("…")`). Returns A1 ranges ("B5", "B5:B9", "C5:D9") in column order.
 */
export function groupRanges(addresses: string[]): string[] {
  const byCol = new Map<number, number[]>();
  for (const address of addresses) {
    const cell = parseAddress(address);
    if (!cell) continue;
    const rows = byCol.get(cell.col) ?? [];
    if (!rows.includes(cell.row)) rows.push(cell.row);
    byCol.set(cell.col, rows);
  }
  interface Run {
    top: number;
    bottom: number;
    left: number;
    right: number;
  }
  const runs: Run[] = [];
  const open = new Map<string, Run>();
  for (const col of [...byCol.keys()].sort((a, b) => a - b)) {
    const rows = (byCol.get(col) as number[]).sort((a, b) => a - b);
    let start = rows[0] as number;
    for (let i = 1; i <= rows.length; i++) {
      const row = rows[i];
      if (row !== undefined && row === (rows[i - 1] as number) + 1) continue;
      const bottom = rows[i - 1] as number;
      const key = `${start}:${bottom}`;
      const previous = open.get(key);
      if (previous && previous.right === col - 1) previous.right = col;
      else {
        const run = { top: start, bottom, left: col, right: col };
        runs.push(run);
        open.set(key, run);
      }
      if (row !== undefined) start = row;
    }
  }
  return runs.map((r) => {
    const first = cellAddress(r.top, r.left);
    const last = cellAddress(r.bottom, r.right);
    return first === last ? first : `${first}:${last}`;
  });
}
