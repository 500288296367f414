import { isoToSerial } from "../core/schedule";
import { DAYS_COLUMN, DUE_COLUMN, SUMMARY_HEADER, summaryRows } from "../core/summary";
import type { CellValue, SheetResult } from "../core/types";

/** Shows a date serial the way the rest of the add-in writes dates, and still sorts and filters as a date. */
const DATE_FORMAT = "yyyy-mm-dd";

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
