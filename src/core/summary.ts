import { cellAddress } from "./address";
import { periodLabel } from "./labels";
import { MILESTONE_STATUS_LABEL, PROJECT_STATUS_LABEL } from "./status";
import type { CellValue, SheetResult } from "./types";

/**
 * The 进度检查结果 sheet's content: one row per milestone with a link back to its cell. Pure: the Excel port
 * writes it (src/excel/summary.ts), the preview draws it.
 */

/** The sheet the summary goes to. */
export const SUMMARY_SHEET = "进度检查结果";

export const SUMMARY_HEADER = [
  "序号",
  "项目名称",
  "节点",
  "计划完成",
  "状态",
  "逾期天数",
  "节点内容",
  "责任领导",
  "责任科室",
  "责任人员",
  "来源单元格",
] as const;
export const DAYS_COLUMN = SUMMARY_HEADER.indexOf("逾期天数");
/** 计划完成: held as ISO text in `summaryRows` (the preview shows it as is), written to Excel as a date. */
export const DUE_COLUMN = SUMMARY_HEADER.indexOf("计划完成");

/** A string literal inside a formula: quotes doubled. */
function quoted(text: string): string {
  return `"${text.replace(/"/gu, '""')}"`;
}

/** `=HYPERLINK("#'新塘'!D5","D5")`: an in-workbook link, sheet name quoted the way Excel wants. */
export function sourceLink(sheet: string, cell: string): string {
  const target = `#'${sheet.replace(/'/gu, "''")}'!${cell}`;
  return `=HYPERLINK(${quoted(target)},${quoted(cell)})`;
}

export interface SummaryRows {
  title: string;
  /**
   * Data rows without the link column, same width as SUMMARY_HEADER minus one. Status words are the
   * core's (as `=DUTY.STATUS` says them); the due date is ISO text, made a date serial when written.
   */
  values: CellValue[][];
  /** One HYPERLINK formula per data row. */
  links: string[];
}

/** One row per milestone (and one per project without any), in table order. */
export function summaryRows(result: SheetResult): SummaryRows {
  const values: CellValue[][] = [];
  const links: string[] = [];
  for (const table of result.tables) {
    for (const project of table.projects) {
      const people = [project.leaders.join("、"), project.department ?? "", project.person ?? ""];
      const source =
        project.cells.name ?? project.cells.schedule[0] ?? cellAddress(project.row - 1, table.firstCol);
      if (project.milestones.length === 0) {
        values.push([
          project.index ?? "",
          project.name ?? "",
          "",
          "",
          PROJECT_STATUS_LABEL[project.status].zh,
          "",
          project.scheduleText ?? "",
          ...people,
        ]);
        links.push(sourceLink(table.sheet, source));
        continue;
      }
      for (const m of project.milestones) {
        values.push([
          project.index ?? "",
          project.name ?? "",
          periodLabel(m),
          m.due,
          MILESTONE_STATUS_LABEL[m.status].zh,
          m.status === "overdue" ? m.daysLate : "",
          m.text,
          ...people,
        ]);
        links.push(sourceLink(table.sheet, m.cell));
      }
    }
  }
  return { title: `进度检查结果（${result.sheet}，截至 ${result.asOf}）`, values, links };
}
