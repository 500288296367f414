import { cellAddress } from "../address";
import { periodLabel } from "../labels";
import { PROGRESS_STATE_LABEL } from "../progress/table";
import { MILESTONE_STATUS_LABEL, PROJECT_STATUS_LABEL, nextMilestone } from "../status";
import type { Milestone, Project, SheetResult, TableResult } from "../types";
import { isoToSerial } from "../schedule";
import { argError, type CellRef, type InvestKind, type Parsed } from "./args";

/**
 * What each `DUTY.*` formula shows, made from a checked sheet. Nothing here reads cells: every rule comes
 * from the core's `SheetResult`; this module only picks the project and words the answer, the same way in
 * Excel's and WPS's `DUTY.*`.
 */

export interface Located {
  table: TableResult;
  project: Project;
}

/** Rows of a checked sheet: every sheet row a project occupies (continuation rows too) → the project. */
export interface RowIndex {
  result: SheetResult;
  projects: Map<number, Located>;
}

export function indexRows(result: SheetResult): RowIndex {
  const projects = new Map<number, Located>();
  for (const table of result.tables) {
    for (const project of table.projects) {
      for (const row of project.rows) projects.set(row, { table, project });
    }
  }
  return { result, projects };
}

export const NOT_IN_TABLE = "不在责任分解表内";

/** The project in the cell's row, or `#N/A` saying why there is none. */
export function locate(index: RowIndex, cell: CellRef): Parsed<Located> {
  const row = cell.row + 1;
  const found = index.projects.get(row);
  if (found) return { ok: true, value: found };
  const where = `${cell.sheet}!${cellAddress(cell.row, cell.col)}`;
  const table = index.result.tables.find((t) => row >= t.firstRow && row <= t.lastRow);
  if (table) {
    return argError(
      "notAvailable",
      `${NOT_IN_TABLE}的项目行：${where} 是表头、分类或合计行`,
      `${where} is a header, section or total row, not a project`,
    );
  }
  return argError("notAvailable", `${NOT_IN_TABLE}：${where}`, `${where} is not in a breakdown table`);
}

/** The table whose rows (header to last row) hold the cell: `DUTY.INVEST` accepts its header too. */
export function locateTable(index: RowIndex, cell: CellRef): Parsed<TableResult> {
  const row = cell.row + 1;
  const table =
    index.projects.get(row)?.table ?? index.result.tables.find((t) => row >= t.firstRow && row <= t.lastRow);
  if (table) return { ok: true, value: table };
  const where = `${cell.sheet}!${cellAddress(cell.row, cell.col)}`;
  return argError("notAvailable", `${NOT_IN_TABLE}：${where}`, `${where} is not in a breakdown table`);
}

/** Milestones by due date, source order among equal dates (Array.prototype.sort is stable). */
function byDue(milestones: Milestone[]): Milestone[] {
  return [...milestones].sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0));
}

/** `第二季度 完成施工单位招投标`: the period as staff write it, then the clause. */
function describe(milestone: Milestone): string {
  const period = periodLabel(milestone);
  return milestone.text ? `${period} ${milestone.text}` : period;
}

/** `DUTY.STATUS`: 逾期 / 临期 / 正常 / 已完成 / 未排期. */
export function statusText(project: Project): string {
  return PROJECT_STATUS_LABEL[project.status].zh;
}

/**
 * `DUTY.PROGRESS`: 已完成 / 未报送 / 未启动 / 滞后 / 按序时 (PROGRESS.md §5); `#N/A` 本表没有进展列 for a table
 * without progress columns, where the monthly cycle has nothing to say.
 */
export function progressText(project: Project): Parsed<string> {
  if (!project.progress) {
    return argError(
      "notAvailable",
      "本表没有进展列（如“6月进展情况”），无法判断月度进展",
      "This table has no progress columns (such as 6月进展情况)",
    );
  }
  return { ok: true, value: PROGRESS_STATE_LABEL[project.progress.state].zh };
}

/** `DUTY.OVERDUE`: how many milestones are overdue. */
export function overdueCount(project: Project): number {
  return project.milestones.filter((m) => m.status === "overdue").length;
}

/** `DUTY.NEXT`: `第三季度 材料及施工班组进场（2023-09-30）`; 已完成 / 未排期 when there is none. */
export function nextText(project: Project): string {
  const next = nextMilestone(project);
  if (next) return `${describe(next)}（${next.due}）`;
  return statusText(project);
}

/**
 * `DUTY.DETAIL`: the status and the milestone that decides it, e.g.
 * `逾期：第二季度 完成施工单位招投标（应于2023-06-30完成，已逾期20天）`.
 */
export function detailText(project: Project): string {
  const label = statusText(project);
  const sorted = byDue(project.milestones);
  switch (project.status) {
    case "overdue": {
      const overdue = sorted.filter((m) => m.status === "overdue");
      const first = overdue[0] as Milestone;
      const more = overdue.length > 1 ? `；另有${overdue.length - 1}个节点逾期` : "";
      return `${label}：${describe(first)}（应于${first.due}完成，已逾期${first.daysLate}天）${more}`;
    }
    case "dueSoon": {
      const soon = sorted.find((m) => m.status === "dueSoon") as Milestone;
      const left = -soon.daysLate;
      return `${label}：${describe(soon)}（应于${soon.due}完成，${left === 0 ? "今天到期" : `还剩${left}天`}）`;
    }
    case "onTrack": {
      const next = nextMilestone(project) as Milestone;
      return `${label}：下一节点 ${describe(next)}（${next.due}）`;
    }
    case "done":
      return `${label}：全部${project.milestones.length}个节点已完成`;
    case "unscheduled": {
      const cell = project.cells.schedule[0];
      return `${label}：进度安排中没有可识别的季度、月份或日期${cell ? `（单元格 ${cell}）` : ""}`;
    }
  }
}

export type MatrixCell = string | number;

/**
 * `DUTY.MILESTONES`: one row per milestone in source order — period, due date (an Excel date serial, so a
 * date format shows it as a date), clause, milestone status. A project without milestones spills one row
 * saying so, since a formula cannot spill an empty array.
 */
export function milestoneRows(project: Project): MatrixCell[][] {
  if (project.milestones.length === 0) {
    return [["", "", "进度安排中没有可识别的时间节点", statusText(project)]];
  }
  return project.milestones.map((m) => [
    periodLabel(m),
    // The ISO text for a date Excel has no serial for (before 1900), never a wrong day.
    isoToSerial(m.due) ?? m.due,
    m.text,
    MILESTONE_STATUS_LABEL[m.status].zh,
  ]);
}

/** `DUTY.INVEST`: the table's annual or total investment (万元), or annual ÷ total. */
export function investValue(table: TableResult, kind: InvestKind): Parsed<number> {
  const totals = table.totals;
  if (!totals) {
    return argError("notAvailable", "本表没有投资列", "This table has no investment columns");
  }
  if (kind === "annual") return { ok: true, value: totals.annual };
  if (kind === "total") return { ok: true, value: totals.total };
  if (totals.annualShareOfTotal === null) {
    return argError("notAvailable", "总投资为零，无法计算占比", "The total investment is zero: no share");
  }
  return { ok: true, value: totals.annualShareOfTotal };
}
