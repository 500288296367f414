"use strict";
// Lays a parsed seed out on a worksheet the way the printed attachment looks.
const ExcelJS = require("exceljs");

const FONT = "宋体";
const LINE_HEIGHT = 14.25;
const THIN = { style: "thin", color: { argb: "FF000000" } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/**
 * Column widths (in Excel character units) by what the header says; unknown headers get a middling width.
 * None is exactly 9: ExcelJS leaves out a column whose width equals its default of 9.
 */
const WIDTHS = [
  [/序号/, 5.5],
  [/名称|任务/, 16],
  [/内容/, 36],
  [/进度|安排/, 44],
  [/年限/, 9.5],
  [/投资/, 10],
  [/领导/, 9.5],
  [/科室|单位|部门/, 13],
  [/人员|责任人/, 9.5],
  [/进展|推进/, 24],
];

function widthFor(header) {
  // A blank column between two tables side by side stays narrow.
  if (header === null || header === "") return 4.5;
  const compact = header.replace(/\s+/g, "");
  for (const [pattern, width] of WIDTHS) if (pattern.test(compact)) return width;
  return 12;
}

/** Display width of text: CJK and full-width characters take two units, the rest one. */
function displayWidth(text) {
  let width = 0;
  for (const ch of text) width += /[\u2e80-\uffef]/.test(ch) ? 2 : 1;
  return width;
}

/** Rows keep an explicit height so wrapped text shows in full even where a viewer does not auto-fit. */
function rowHeight(cells, widths) {
  let lines = 1;
  cells.forEach((value, i) => {
    const usable = Math.max(1, (widths[i] ?? 12) - 1);
    const text = String(value ?? "");
    const cellLines = text
      .split("\n")
      .reduce((sum, part) => sum + Math.max(1, Math.ceil(displayWidth(part) / usable)), 0);
    lines = Math.max(lines, cellLines);
  });
  return Math.round((lines * LINE_HEIGHT + 6) * 4) / 4;
}

/**
 * Merges each header cell with the cells that continue it: `>` to its right (a parent over children),
 * `^` below it (a name spanning the header's rows).
 */
function mergeHeaderCells(sheet, headerRows) {
  headerRows.forEach(({ source, number }, i) => {
    source.cells.forEach((value, col) => {
      if (value === null || value === "") return;
      let right = col;
      while (source.marks?.[right + 1] === ">") right += 1;
      let down = i;
      while (
        headerRows[down + 1]?.number === headerRows[down].number + 1 &&
        headerRows[down + 1].source.marks?.[col] === "^"
      )
        down += 1;
      if (right > col || down > i) sheet.mergeCells(number, col + 1, headerRows[down].number, right + 1);
    });
  });
}

/**
 * @param {{ title: string, rows: Array<{ kind: string, cells: Array<string | number> }>, footer: string[] }} seed
 * @param {{ sheetName: string, date: Date }} meta
 */
function buildWorkbook(seed, meta) {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "DutyCheck samples";
  workbook.lastModifiedBy = "DutyCheck samples";
  workbook.created = meta.date;
  workbook.modified = meta.date;
  workbook.calcProperties.fullCalcOnLoad = false;

  const columns = seed.rows.reduce((max, r) => Math.max(max, r.cells.length), 0);
  const first = seed.rows.findIndex((r) => r.kind === "header");
  if (first < 0) throw new Error("seed has no header row");
  // Each column is as wide as the lowest name over it (`第一季度` under `进度安排`).
  const block = [seed.rows[first]];
  for (let i = first + 1; seed.rows[i]?.kind === "subheader"; i += 1) block.unshift(seed.rows[i]);
  const widths = Array.from({ length: columns }, (_, col) =>
    widthFor(block.map((r) => r.cells[col]).find((c) => c !== null && c !== undefined && c !== "") ?? null),
  );

  const sheet = workbook.addWorksheet(meta.sheetName, {
    pageSetup: {
      paperSize: 9,
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    views: [{ showGridLines: true }],
  });
  sheet.columns = widths.map((width) => ({ width }));

  const attachment = sheet.addRow(["附件"]);
  attachment.font = { name: "黑体", size: 12 };

  const title = sheet.addRow([seed.title]);
  sheet.mergeCells(title.number, 1, title.number, columns);
  title.height = 36;
  title.getCell(1).font = { name: FONT, size: 18, bold: true };
  title.getCell(1).alignment = { horizontal: "center", vertical: "middle", wrapText: true };

  let seenHeader = false;
  /** Header rows so far with their sheet row numbers (for the merges their `>` and `^` marks ask for). */
  const headerRows = [];
  for (const source of seed.rows) {
    const row = sheet.addRow(source.cells);
    if (source.kind === "caption") {
      row.height = 24;
      source.cells.forEach((value, i) => {
        if (value !== null) row.getCell(i + 1).font = { name: "黑体", size: 12 };
      });
      continue;
    }
    if (source.kind === "header" || source.kind === "subheader")
      headerRows.push({ source, number: row.number });
    // The source repeats its header at each printed page: break the page just before the repeat.
    if (source.kind === "header" && seenHeader) sheet.getRow(row.number - 1).addPageBreak();
    if (source.kind === "header") seenHeader = true;
    row.height = rowHeight(source.cells, widths);
    for (let col = 1; col <= columns; col += 1) {
      const cell = row.getCell(col);
      cell.border = BORDER;
      if (source.kind === "header" || source.kind === "subheader") {
        cell.font = { name: FONT, size: 11, bold: true };
        cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
      } else {
        cell.font = { name: FONT, size: 11 };
        const centred = typeof source.cells[col - 1] === "number" || (widths[col - 1] ?? 12) <= 10;
        cell.alignment = { horizontal: centred ? "center" : "left", vertical: "middle", wrapText: true };
      }
    }
  }

  mergeHeaderCells(sheet, headerRows);

  if (seed.footer.length > 0) sheet.addRow([]);
  for (const line of seed.footer) {
    const row = sheet.addRow([line]);
    // The printing line (`…年…月…日印发`) sits at the right edge, the others at the left.
    const right = /印发$/.test(line);
    if (!right) sheet.mergeCells(row.number, 1, row.number, columns);
    const cell = right ? row.getCell(columns) : row.getCell(1);
    if (right) {
      row.getCell(1).value = null;
      cell.value = line;
    }
    cell.font = { name: FONT, size: 11 };
    cell.alignment = { horizontal: right ? "right" : "left", vertical: "middle" };
  }

  sheet.pageSetup.printArea = `A1:${sheet.getColumn(columns).letter}${sheet.rowCount}`;
  return workbook;
}

module.exports = { buildWorkbook, displayWidth, rowHeight, widthFor };
