import type { Outcome, ReportSheetRequest } from "../core/port";
import { buildSheetReport } from "../core/report/model";
import { reportSheetLayout } from "../core/report/sheet";
import type { SheetResult } from "../core/types";
import { failure } from "../core/refusals";
import type { WpsContext } from "./context";
import {
  activeWorkbook,
  addSheet,
  bgr,
  findSheet,
  prop,
  range,
  rectAddress,
  setFormulas,
  withoutRepaint,
} from "./et";

/** ET's (VBA's) constants: `xlLandscape`, `xlPaperA4`. */
const XL_LANDSCAPE = 2;
const XL_PAPER_A4 = 9;

/** A string literal inside a formula: quotes doubled. */
function quoted(text: string): string {
  return `"${text.replace(/"/gu, '""')}"`;
}

/**
 * 生成通报表 in WPS: the month's 通报 sheet from the core's layout (the same rows as in Excel and the
 * preview), set up to print — A4 landscape, one page wide, the table header on every page, title, date
 * and page numbers in the header and footer. Another month's sheet is never touched; the same month's is
 * replaced only when the pane confirmed.
 */
export function writeReportSheet(
  ctx: WpsContext,
  result: SheetResult,
  request: ReportSheetRequest,
  overwrite: boolean,
): Outcome<string> | { ok: false; exists: true } {
  if (result.tables.length === 0)
    return failure("没有可通报的表格，请先检查进度", "Nothing to report: check a table first");
  const book = activeWorkbook(ctx.app);
  if (!book) return failure("没有打开的工作簿", "No workbook is open");
  const layout = reportSheetLayout(buildSheetReport(result, request));
  const existing = findSheet(book, layout.name);
  if (existing && !overwrite) return { ok: false, exists: true };
  const { rows, columnCount: width } = layout;
  withoutRepaint(ctx.app, () => {
    if (existing) {
      // The replacement was confirmed in the pane: no second prompt from WPS.
      const alerts = prop(ctx.app, "DisplayAlerts");
      ctx.app.DisplayAlerts = false;
      try {
        existing.Delete();
      } finally {
        ctx.app.DisplayAlerts = alerts;
      }
    }
    const sheet = addSheet(book, layout.name);
    // Text first, so that `2023` or `=…` in a cell stays what it was; 逾期天数 stays a number.
    for (let c = 0; c < width; c += 1) {
      range(sheet, rectAddress(0, c, rows.length, 1)).NumberFormat =
        c === layout.numberColumn ? "General" : "@";
      range(sheet, rectAddress(0, c)).ColumnWidth = layout.columnWidths[c] as number;
    }
    const all = range(sheet, rectAddress(0, 0, rows.length, width));
    all.Value2 = rows;
    all.WrapText = true;
    layout.kinds.forEach((kind, r) => {
      const row = range(sheet, rectAddress(r, 0, 1, width));
      if (layout.mergedRows.includes(r)) row.Merge();
      if (kind === "title" || kind === "heading" || kind === "group" || kind === "header")
        prop(row, "Font").Bold = true;
      if (kind === "header") prop(row, "Interior").Color = bgr("#D9D9D9");
      const height = layout.rowHeights[r];
      if (height !== null && height !== undefined) row.RowHeight = height;
    });
    for (const link of layout.links) {
      const text = String(rows[link.row]?.[link.col] ?? "");
      const target = `#'${link.sheet.replace(/'/gu, "''")}'!${link.cell}`;
      setFormulas(range(sheet, rectAddress(link.row, link.col)), [
        [`=HYPERLINK(${quoted(target)},${quoted(text)})`],
      ]);
    }
    const page = prop(sheet, "PageSetup");
    page.Orientation = XL_LANDSCAPE;
    page.PaperSize = XL_PAPER_A4;
    // One page wide, as many tall as it takes.
    page.Zoom = false;
    page.FitToPagesWide = 1;
    page.FitToPagesTall = false;
    page.CenterHorizontally = true;
    if (layout.printTitleRow !== null) {
      const titleRow = layout.printTitleRow + 1;
      page.PrintTitleRows = `$${titleRow}:$${titleRow}`;
    }
    page.CenterHeader = layout.centerHeader;
    page.LeftFooter = layout.leftFooter;
    page.CenterFooter = layout.centerFooter;
    sheet.Activate();
  });
  return { ok: true, value: layout.name };
}
