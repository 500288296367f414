import { mkdir, writeFile } from "node:fs/promises";
import { basename, dirname, extname, resolve } from "node:path";
import type ExcelJS from "exceljs";
import { periodLabel } from "../core/labels";
import { MARK_FILL, MARK_OUTLINE, planMarks, STATUS_MARK, type MarkKind } from "../core/marks";
import { isoToSerial } from "../core/schedule";
import { MILESTONE_STATUS_LABEL, PROJECT_STATUS_LABEL } from "../core/status";
import type { SheetResult } from "../core/types";
import type { FileOutcome } from "./check-file";
import { daysText } from "./report";

export const SUMMARY_SHEET = "检查结果";

function solid(hex: string): ExcelJS.Fill {
  return { type: "pattern", pattern: "solid", fgColor: { argb: `FF${hex.replace("#", "").toUpperCase()}` } };
}

/**
 * Styles loaded from a file are shared between cells with the same format, so a fill goes on a fresh copy
 * of the cell's style rather than into the shared one.
 */
function fill(cell: ExcelJS.Cell, kind: MarkKind): void {
  cell.style = { ...cell.style, fill: solid(MARK_FILL[kind]) };
}

/** ExcelJS's line styles for the core's outlines (the monthly cycle's marks are not told apart by hue alone). */
const OUTLINE_STYLE = { dashed: "dashed", solid: "medium" } as const;

/** A mark: its fill, and the outline of 未报送 / 滞后 on all four edges. */
function mark(cell: ExcelJS.Cell, kind: MarkKind): void {
  fill(cell, kind);
  const outline = MARK_OUTLINE[kind];
  if (!outline) return;
  const edge: Partial<ExcelJS.Border> = {
    style: OUTLINE_STYLE[outline.style],
    color: { argb: `FF${outline.color.replace("#", "").toUpperCase()}` },
  };
  cell.style = { ...cell.style, border: { top: edge, left: edge, bottom: edge, right: edge } };
}

function uniqueSheetName(workbook: ExcelJS.Workbook, wanted: string): string {
  const taken = new Set(workbook.worksheets.map((ws) => ws.name));
  if (!taken.has(wanted)) return wanted;
  let n = 2;
  while (taken.has(`${wanted} ${n}`)) n += 1;
  return `${wanted} ${n}`;
}

/**
 * A link to a cell of this workbook. A HYPERLINK formula (with its result cached) works alike in Excel,
 * WPS and LibreOffice; ExcelJS's own internal links also write an external relationship that some
 * readers follow instead. Sheet names are quoted, inner quotes doubled, and quotes doubled again inside
 * the formula's string.
 */
function cellLink(sheet: string, address: string): ExcelJS.CellFormulaValue {
  const target = `#'${sheet.replace(/'/g, "''")}'!${address}`;
  return { formula: `HYPERLINK("${target.replace(/"/g, '""')}","${address}")`, result: address };
}

const COLUMNS: Array<{ header: string; width: number }> = [
  { header: "工作表", width: 12 },
  { header: "序号", width: 6 },
  { header: "项目名称", width: 28 },
  { header: "责任领导", width: 12 },
  { header: "责任科室", width: 16 },
  { header: "责任人员", width: 10 },
  { header: "时段", width: 14 },
  { header: "截止日期", width: 12 },
  { header: "状态", width: 8 },
  { header: "天数", width: 12 },
  { header: "节点内容", width: 48 },
  { header: "来源单元格", width: 10 },
];

function addSummarySheet(workbook: ExcelJS.Workbook, results: SheetResult[], asOf: string): void {
  const sheet = workbook.addWorksheet(uniqueSheetName(workbook, SUMMARY_SHEET), {
    views: [{ state: "frozen", ySplit: 2 }],
  });
  sheet.columns = COLUMNS.map((c) => ({ width: c.width }));
  sheet.addRow([`检查日期 ${asOf}`]).font = { bold: true };
  const header = sheet.addRow(COLUMNS.map((c) => c.header));
  header.font = { bold: true };
  header.alignment = { vertical: "middle", horizontal: "center" };

  for (const result of results) {
    for (const table of result.tables) {
      for (const project of table.projects) {
        const base = [
          table.sheet,
          project.index ?? "",
          project.name ?? "",
          project.leaders.join("、"),
          project.department ?? "",
          project.person ?? "",
        ];
        if (project.milestones.length === 0) {
          const row = sheet.addRow([
            ...base,
            "",
            null,
            PROJECT_STATUS_LABEL[project.status].zh,
            "",
            "",
            null,
          ]);
          const source = project.cells.schedule[0] ?? project.cells.name;
          if (source) row.getCell(12).value = cellLink(table.sheet, source);
          continue;
        }
        for (const m of project.milestones) {
          const row = sheet.addRow([
            ...base,
            periodLabel(m),
            // A serial so the due column sorts and filters as dates; the ISO text if Excel has no serial for it.
            isoToSerial(m.due) ?? m.due,
            MILESTONE_STATUS_LABEL[m.status].zh,
            m.status === "done" ? "" : daysText(m),
            m.text,
            cellLink(table.sheet, m.cell),
          ]);
          row.getCell(8).numFmt = "yyyy-mm-dd";
          row.getCell(11).alignment = { wrapText: true, vertical: "top" };
          row.getCell(12).font = { color: { argb: "FF0563C1" }, underline: true };
          const kind = STATUS_MARK[m.status];
          if (kind) fill(row.getCell(9), kind);
        }
      }
    }
  }
  sheet.autoFilter = {
    from: { row: 2, column: 1 },
    to: { row: Math.max(2, sheet.rowCount), column: COLUMNS.length },
  };
}

/** Where the marked copy of `file` goes; never the input itself. */
export function copyPath(file: string, outDir: string, taken: Set<string>): string {
  let target = resolve(outDir, basename(file));
  const ext = extname(target);
  const stem = target.slice(0, target.length - ext.length);
  let n = 1;
  while (target === resolve(file) || taken.has(target)) {
    target = `${stem}.${n === 1 ? "检查" : `检查${n}`}${ext}`;
    n += 1;
  }
  taken.add(target);
  return target;
}

/**
 * Writes a copy of the checked workbook with the check's marks (the same fills the add-in uses) and a
 * 检查结果 sheet listing every milestone. The input file is never written.
 */
export async function writeMarkedCopy(outcome: FileOutcome, target: string, asOf: string): Promise<void> {
  const workbook = outcome.workbook;
  if (!workbook) throw new Error("workbook not loaded");
  for (const result of outcome.sheets) {
    const sheet = workbook.getWorksheet(result.sheet);
    if (!sheet) continue;
    for (const planned of planMarks(result)) mark(sheet.getCell(planned.address), planned.kind);
  }
  addSummarySheet(workbook, outcome.sheets, asOf);
  await mkdir(dirname(target), { recursive: true });
  await writeFile(target, Buffer.from(await workbook.xlsx.writeBuffer()));
}
