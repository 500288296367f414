import { productSheetLine } from "../product-sheet";
import type { CellValue } from "../types";
import { groupLabel, LATE_COLUMNS, lateCells, UNREPORTED_COLUMNS, type ReportDocument } from "./model";

/**
 * 生成通报表: the 通报 laid out as a printable sheet, for every face that writes sheets (Excel, the
 * preview, WPS). Only what the 通报 holds: title, the product's marker line, each section's text, the
 * overdue/behind table grouped as in the document, the projects without a report. Printed on A4
 * landscape, one page wide, with the table's header row repeated on every page.
 */

export type ReportRowKind = "title" | "marker" | "heading" | "text" | "header" | "group" | "data";

export interface ReportSheetLink {
  /** 0-based row and column on the report sheet. */
  row: number;
  col: number;
  sheet: string;
  cell: string;
}

export interface ReportSheetLayout {
  name: string;
  /** Every row has `columnCount` cells. */
  rows: CellValue[][];
  kinds: ReportRowKind[];
  columnCount: number;
  /** Width of each column in Excel's character units, wide enough for Chinese text. */
  columnWidths: number[];
  /** Row heights in points for the rows merged across (text that wraps); null where Excel fits the row. */
  rowHeights: Array<number | null>;
  /** 0-based rows whose cells are merged into one across every column. */
  mergedRows: number[];
  /** 0-based row of the table header repeated at the top of every printed page; null without a table. */
  printTitleRow: number | null;
  /** The column holding numbers (逾期天数); every other cell is text. */
  numberColumn: number;
  /** Project cells that link back to where the project is. */
  links: ReportSheetLink[];
  /** Excel header/footer codes (`&P` page, `&N` pages), shared by Excel and WPS. */
  centerHeader: string;
  leftFooter: string;
  centerFooter: string;
}

const COLUMN_WIDTHS = [24, 36, 10, 8, 10, 16, 20, 20];
/** Points per wrapped line of the 11 pt text, and Chinese characters per character unit of width. */
const LINE_HEIGHT = 15;
const CHARS_PER_UNIT = 0.5;

/** Header/footer text: `&` starts a code there, so a literal one is doubled. */
function headerText(text: string): string {
  return text.replace(/&/gu, "&&");
}

/** A height for text merged across the whole width, from how many lines it wraps to. */
function wrappedHeight(text: string, widthUnits: number): number {
  const perLine = Math.max(1, Math.floor(widthUnits * CHARS_PER_UNIT));
  // Latin letters and digits take about half a Chinese character.
  const chars = [...text].reduce((n, ch) => n + (/[\x20-\x7e]/u.test(ch) ? 0.5 : 1), 0);
  return Math.max(1, Math.ceil(chars / perLine)) * LINE_HEIGHT + 4;
}

export function reportSheetLayout(report: ReportDocument): ReportSheetLayout {
  const columnCount = LATE_COLUMNS.length;
  const totalWidth = COLUMN_WIDTHS.reduce((a, b) => a + b, 0);
  const rows: CellValue[][] = [];
  const kinds: ReportRowKind[] = [];
  const rowHeights: Array<number | null> = [];
  const links: ReportSheetLink[] = [];
  let printTitleRow: number | null = null;

  const add = (kind: ReportRowKind, cells: CellValue[], height: number | null = null) => {
    rows.push([...cells, ...Array<CellValue>(columnCount - cells.length).fill("")]);
    kinds.push(kind);
    rowHeights.push(height);
  };
  const line = (kind: ReportRowKind, text: string, height?: number) =>
    add(kind, [text], height ?? wrappedHeight(text, totalWidth));

  line("title", report.title, 28);
  line("marker", productSheetLine(report.sources[0] ?? null, report.asOf), LINE_HEIGHT + 3);
  line("text", report.opening);
  for (const section of report.sections) {
    line("heading", section.heading, LINE_HEIGHT + 5);
    for (const text of section.paragraphs) line("text", text);
    if (section.kind === "late") {
      printTitleRow = rows.length;
      add(
        "header",
        LATE_COLUMNS.map((c) => c.zh),
      );
      for (const group of section.groups) {
        line("group", groupLabel(group), LINE_HEIGHT + 5);
        for (const row of group.rows) {
          const cells: CellValue[] = lateCells(row);
          cells[3] = row.daysLate ?? "";
          if (row.cell) links.push({ row: rows.length, col: 0, sheet: row.sheet, cell: row.cell });
          add("data", cells);
        }
      }
    } else if (section.kind === "unreported") {
      // The same columns as the table above, so the repeated header still fits: 项目, 应报进展 under 节点,
      // the people under theirs.
      const at = [0, 1, 4, 5];
      const place = (values: string[]) => {
        const cells: CellValue[] = Array<CellValue>(columnCount).fill("");
        values.forEach((v, i) => (cells[at[i] as number] = v));
        return cells;
      };
      printTitleRow ??= rows.length;
      add("header", place(UNREPORTED_COLUMNS.map((c) => c.zh)));
      for (const row of section.rows) {
        if (row.cell) links.push({ row: rows.length, col: 0, sheet: row.sheet, cell: row.cell });
        add("data", place([row.project, row.expected, row.leaders, row.department]));
      }
    }
  }
  return {
    name: report.sheetName,
    rows,
    kinds,
    columnCount,
    columnWidths: [...COLUMN_WIDTHS],
    rowHeights,
    mergedRows: kinds.flatMap((k, i) => (k === "data" || k === "header" ? [] : [i])),
    printTitleRow,
    numberColumn: 3,
    links,
    centerHeader: headerText(report.title),
    leftFooter: headerText(`截至${report.dateText}`),
    centerFooter: "第 &P 页，共 &N 页",
  };
}
