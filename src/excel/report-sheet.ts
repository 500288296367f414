import { cellAddress } from "../core/address";
import type { ReportRowKind, ReportSheetLayout } from "../core/report/sheet";

/**
 * Queues writing the 通报 sheet (`layout` from the core) into a new, empty `sheet`, and its page setup.
 * Text is written with the text number format so that a project named `2023` or `=…` stays what it is;
 * 逾期天数 stays a number. Everything goes into the batch the caller syncs once.
 */

/** Excel's column width unit (one digit of the default font) in points, as Excel converts it. */
function widthInPoints(units: number): number {
  return Math.round((units * 7 + 5) * 0.75);
}

/** A string literal inside a formula: quotes doubled. */
function quoted(text: string): string {
  return `"${text.replace(/"/gu, '""')}"`;
}

/** Excel refuses a text constant over 255 characters inside a formula. */
const FORMULA_TEXT_LIMIT = 255;

/** `=HYPERLINK("#'责任分解表'!D10","项目名")`: a link within the workbook that prints as the name. */
function reportLink(sheet: string, cell: string, text: string): string | null {
  if ([...text].length > FORMULA_TEXT_LIMIT) return null;
  return `=HYPERLINK(${quoted(`#'${sheet.replace(/'/gu, "''")}'!${cell}`)},${quoted(text)})`;
}

const TABLE_KINDS: ReadonlySet<ReportRowKind> = new Set(["header", "group", "data"]);
const EDGES = [
  "EdgeTop",
  "EdgeBottom",
  "EdgeLeft",
  "EdgeRight",
  "InsideHorizontal",
  "InsideVertical",
] as const;

/** Runs of consecutive table rows (header, group and data rows), as [first, last]. */
function tableBlocks(kinds: readonly ReportRowKind[]): Array<[number, number]> {
  const blocks: Array<[number, number]> = [];
  kinds.forEach((kind, row) => {
    if (!TABLE_KINDS.has(kind)) return;
    const last = blocks[blocks.length - 1];
    if (last && last[1] === row - 1) last[1] = row;
    else blocks.push([row, row]);
  });
  return blocks;
}

export function queueReportSheetWrite(sheet: Excel.Worksheet, layout: ReportSheetLayout): void {
  const { rows, columnCount: width } = layout;
  const all = sheet.getRangeByIndexes(0, 0, rows.length, width);
  all.numberFormat = rows.map((row) => row.map((_, c) => (c === layout.numberColumn ? "General" : "@")));
  all.values = rows;
  all.format.wrapText = true;
  all.format.verticalAlignment = "Center";
  // Widths first: the rows' heights are fitted to them below.
  layout.columnWidths.forEach((units, c) => {
    sheet.getRangeByIndexes(0, c, 1, 1).format.columnWidth = widthInPoints(units);
  });

  const row = (r: number) => sheet.getRangeByIndexes(r, 0, 1, width);
  for (const r of layout.mergedRows) row(r).merge(false);
  layout.kinds.forEach((kind, r) => {
    const range = row(r);
    if (kind === "title") {
      range.format.font.size = 16;
      range.format.font.bold = true;
      range.format.horizontalAlignment = "Center";
    } else if (kind === "marker") {
      range.format.font.size = 9;
      range.format.font.color = "#808080";
    } else if (kind === "heading" || kind === "group") {
      range.format.font.bold = true;
    } else if (kind === "header") {
      range.format.font.bold = true;
      range.format.horizontalAlignment = "Center";
      range.format.fill.color = "#D9D9D9";
    }
    const height = layout.rowHeights[r];
    if (height !== null && height !== undefined) range.format.rowHeight = height;
  });
  for (const [first, last] of tableBlocks(layout.kinds)) {
    const block = sheet.getRangeByIndexes(first, 0, last - first + 1, width);
    for (const edge of EDGES) block.format.borders.getItem(edge).style = "Continuous";
    // Wrapped cells that are not merged: Excel fits their height to the text.
    block.format.autofitRows();
  }
  for (const link of layout.links) {
    const text = String(rows[link.row]?.[link.col] ?? "");
    const formula = reportLink(link.sheet, link.cell, text);
    if (!formula) continue;
    const cell = sheet.getRange(cellAddress(link.row, link.col));
    cell.formulas = [[formula]];
    // It prints as plain text, like the rest of the 通报.
    cell.format.font.color = "#000000";
    cell.format.font.underline = "None";
  }

  sheet.showGridlines = false;
  const page = sheet.pageLayout;
  page.orientation = "Landscape";
  page.paperSize = "A4";
  // One page wide, as many tall as it takes (0, as OOXML's fitToHeight, sets no limit).
  page.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
  page.centerHorizontally = true;
  page.printGridlines = false;
  if (layout.printTitleRow !== null) {
    const titleRow = layout.printTitleRow + 1;
    page.setPrintTitleRows(`$${titleRow}:$${titleRow}`);
  }
  const headerFooter = page.headersFooters.defaultForAllPages;
  headerFooter.centerHeader = layout.centerHeader;
  headerFooter.leftFooter = layout.leftFooter;
  headerFooter.centerFooter = layout.centerFooter;
}
