import type { Outcome } from "../core/port";
import { productSheetLine } from "../core/product-sheet";
import { isoToSerial } from "../core/schedule";
import type { CellValue, SheetResult } from "../core/types";
import { failure, OK, type WpsContext } from "./context";
import {
  activeWorkbook,
  addSheet,
  findSheet,
  prop,
  range,
  rectAddress,
  setFormulas,
  withoutRepaint,
} from "./et";
import { DUE_COLUMN, SUMMARY_HEADER, SUMMARY_SHEET, summaryRows } from "./planners";

/** Date serials shown the way the rest of the add-in writes dates; still sorted and filtered as dates. */
const DATE_FORMAT = "yyyy-mm-dd";
const TEXT_FORMAT = "@";
const GENERAL_FORMAT = "General";

/**
 * 生成汇总表: a new 进度检查结果 sheet written from the core's rows — the title, the product's marker line
 * (so a check of this sheet says it is an output), the header, one row per milestone and a HYPERLINK back
 * to its cell. Text columns take the text format first, so `2023` or `=…` in a cell stays what it was.
 */
export function writeSummarySheet(
  ctx: WpsContext,
  result: SheetResult,
  overwrite: boolean,
): Outcome | { ok: false; exists: true } {
  const book = activeWorkbook(ctx.app);
  if (!book) return failure("没有打开的工作簿", "No workbook is open");
  const existing = findSheet(book, SUMMARY_SHEET);
  if (existing && !overwrite) return { ok: false, exists: true };
  const rows = summaryRows(result);
  const width = SUMMARY_HEADER.length;
  withoutRepaint(ctx.app, () => {
    if (existing) {
      // The overwrite was confirmed in the pane: no second prompt from WPS.
      const alerts = prop(ctx.app, "DisplayAlerts");
      ctx.app.DisplayAlerts = false;
      try {
        existing.Delete();
      } finally {
        ctx.app.DisplayAlerts = alerts;
      }
    }
    const sheet = addSheet(book, SUMMARY_SHEET);
    range(sheet, "A1").Value2 = rows.title;
    range(sheet, "A2").Value2 = productSheetLine(result.sheet, result.asOf);
    const header = range(sheet, rectAddress(2, 0, 1, width));
    header.Value2 = [[...SUMMARY_HEADER]];
    prop(header, "Font").Bold = true;
    const count = rows.values.length;
    if (count > 0) {
      for (let c = 0; c < width - 1; c += 1) {
        range(sheet, rectAddress(3, c, count, 1)).NumberFormat = columnFormat(rows.values, c);
      }
      range(sheet, rectAddress(3, 0, count, width - 1)).Value2 = rows.values.map((row) => row.map(sheetCell));
      setFormulas(
        range(sheet, rectAddress(3, width - 1, count, 1)),
        rows.links.map((link) => [link]),
      );
    }
    prop(range(sheet, rectAddress(2, 0, count + 1, width)), "Columns").AutoFit();
    sheet.Activate();
  });
  return OK;
}

/** A column is General when any of its cells is a number (逾期天数, 序号), else text; 计划完成 a date. */
function columnFormat(values: CellValue[][], column: number): string {
  if (column === DUE_COLUMN) return DATE_FORMAT;
  return values.some((row) => typeof row[column] === "number") ? GENERAL_FORMAT : TEXT_FORMAT;
}

/** The due date as a date serial, so the column sorts by date; other cells as they are. */
function sheetCell(value: CellValue, column: number): CellValue {
  if (column !== DUE_COLUMN || typeof value !== "string") return value;
  return isoToSerial(value) ?? value;
}
