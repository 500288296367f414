import { cellAddress } from "../core/address";
import { periodLabel } from "../core/labels";
import { productSheetLine } from "../core/product-sheet";
import { isoToSerial } from "../core/schedule";
import { MILESTONE_STATUS_LABEL, PROJECT_STATUS_LABEL } from "../core/status";
import type { CellValue, SheetResult } from "../core/types";

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
const DAYS_COLUMN = SUMMARY_HEADER.indexOf("逾期天数");
/** 计划完成: held as ISO text in `summaryRows` (the preview shows it as is), written to Excel as a date. */
export const DUE_COLUMN = SUMMARY_HEADER.indexOf("计划完成");
/** Shows a date serial the way the rest of the add-in writes dates, and still sorts and filters as a date. */
const DATE_FORMAT = "yyyy-mm-dd";

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
  // The product's marker line as the title: a check of this sheet then says to switch back to the table.
  return { title: productSheetLine(result.sheet, result.asOf), values, links };
}

/** A due date as Excel stores dates, so the column sorts and filters by date; other cells as they are. */
function excelCell(value: CellValue, column: number): CellValue {
  if (column !== DUE_COLUMN || typeof value !== "string") return value;
  return isoToSerial(value) ?? value;
}

/**
 * Queues writing the summary into `sheet` (new and empty): a title line, the header, the rows. Text is
 * written with the text number format so that `2023`, `6-30` or `=…` in a cell stay what they were; the
 * due date is a date serial shown as `yyyy-mm-dd`, the days late a plain number.
 */
export function queueSummaryWrite(sheet: Excel.Worksheet, result: SheetResult): void {
  const rows = summaryRows(result);
  const width = SUMMARY_HEADER.length;
  sheet.getRangeByIndexes(0, 0, 1, 1).values = [[rows.title]];
  const header = sheet.getRangeByIndexes(1, 0, 1, width);
  header.values = [[...SUMMARY_HEADER]];
  header.format.font.bold = true;
  if (rows.values.length > 0) {
    const data = sheet.getRangeByIndexes(2, 0, rows.values.length, width - 1);
    data.numberFormat = rows.values.map((row) =>
      row.map((_, i) => (i === DAYS_COLUMN ? "General" : i === DUE_COLUMN ? DATE_FORMAT : "@")),
    );
    data.values = rows.values.map((row) => row.map(excelCell));
    sheet.getRangeByIndexes(2, width - 1, rows.links.length, 1).formulas = rows.links.map((f) => [f]);
  }
  sheet.freezePanes.freezeRows(2);
  sheet.getRangeByIndexes(1, 0, rows.values.length + 1, width).format.autofitColumns();
}
