import { cellAddress, columnLetter } from "./address";
import { DEFAULT_DUE_SOON_DAYS } from "./options";
import type { Outcome } from "./port";
import type { CellValue, SheetGrid, SheetResult, TableResult } from "./types";
import { normalizeText } from "./text";
import { occupiedRefusal } from "./refusals";

/**
 * Where 插入状态列 writes: for each table, the column right after it gets `进度状态（截至 2023-06-20）` in the
 * header row and `=DUTY.STATUS(<first column><row>,"2023-06-20")` in each project's first row. Pure: the
 * Office.js write is in src/excel/status-column.ts, which also refuses a cell holding a formula (the grid has
 * values only, and a formula showing "" looks empty there); the preview writes the same plan into its grid.
 * Only empty cells are written, so nothing a user typed is replaced.
 *
 * The date is the check's own (the pane's 检查日期), written into each formula and stated in the header: a
 * column of `=DUTY.STATUS(A5)` would follow today and contradict the pane checked on another day, and a
 * printed or filtered column has to say which day it describes. A due-soon window other than the default is
 * passed too, for the same reason.
 */

export const STATUS_HEADER = "进度状态";

/** `进度状态（截至 2023-06-20）`: the header says which day the column's answers are for. */
export function statusHeader(asOf: string): string {
  return `${STATUS_HEADER}（截至 ${asOf}）`;
}

/** `=DUTY.STATUS(A5,"2023-06-20")`, with the due-soon days only when they are not the default. */
export function statusFormula(cell: string, asOf: string, dueSoonDays: number): string {
  const days = dueSoonDays === DEFAULT_DUE_SOON_DAYS ? "" : `,${dueSoonDays}`;
  return `=DUTY.STATUS(${cell},"${asOf}"${days})`;
}

export interface StatusColumnPlan {
  sheet: string;
  /** Column letter of the new column. */
  column: string;
  /** 1-based first and last sheet rows of the table: every cell of the column between them must be empty. */
  firstRow: number;
  lastRow: number;
  /**
   * The only cells written, top to bottom: the header, then each project's formula. Rows between them are
   * not written at all (not even ""), so a cell that merely looks empty is never replaced.
   */
  cells: Array<{ row: number; content: string }>;
  /** How many `DUTY.STATUS` formulas the plan writes. */
  count: number;
}

function valueAt(grid: SheetGrid, row: number, col: number): CellValue {
  return grid.values[row - grid.origin.row]?.[col - grid.origin.col] ?? "";
}

function isEmpty(value: CellValue): boolean {
  return value === null || (typeof value === "string" && value.trim() === "");
}

/** A header cell of the table, or the cell right of it, already says 进度状态 (on whatever date). */
function existingStatusColumn(grid: SheetGrid, table: TableResult): string | null {
  for (const row of table.headerRows) {
    for (let col = table.firstCol; col <= table.lastCol + 1; col += 1) {
      const value = valueAt(grid, row - 1, col);
      if (typeof value === "string" && normalizeText(value).startsWith(STATUS_HEADER))
        return cellAddress(row - 1, col);
    }
  }
  return null;
}

function planTable(grid: SheetGrid, table: TableResult, result: SheetResult): Outcome<StatusColumnPlan> {
  const existing = existingStatusColumn(grid, table);
  if (existing) {
    return {
      ok: false,
      message: `已有进度状态列（单元格 ${existing}），未重复插入`,
      messageEn: `There is already a status column (cell ${existing}); nothing was inserted`,
      cell: existing,
    };
  }
  const col = table.lastCol + 1;
  for (let row = table.firstRow; row <= table.lastRow; row += 1) {
    if (!isEmpty(valueAt(grid, row - 1, col))) {
      const address = cellAddress(row - 1, col);
      return occupiedRefusal("status", address);
    }
  }
  const merged = (grid.merges ?? []).find((m) => {
    const top = grid.origin.row + m.row + 1;
    const left = grid.origin.col + m.col;
    return (
      left <= col && col < left + m.colCount && top <= table.lastRow && table.firstRow < top + m.rowCount
    );
  });
  if (merged) {
    const address = cellAddress(grid.origin.row + merged.row, grid.origin.col + merged.col);
    return {
      ok: false,
      message: `单元格 ${address} 所在的合并单元格跨过了表格右侧的列，未作任何修改`,
      messageEn: `The merged cell at ${address} reaches into the column right of the table; nothing was changed`,
      cell: address,
    };
  }

  const first = columnLetter(table.firstCol);
  const projectRows = new Set(table.projects.map((p) => p.row));
  const headerRow = table.headerRows[0] ?? table.firstRow;
  const cells: StatusColumnPlan["cells"] = [];
  for (let row = table.firstRow; row <= table.lastRow; row += 1) {
    if (row === headerRow) cells.push({ row, content: statusHeader(result.asOf) });
    else if (projectRows.has(row))
      cells.push({ row, content: statusFormula(`${first}${row}`, result.asOf, result.dueSoonDays) });
  }
  return {
    ok: true,
    value: {
      sheet: table.sheet,
      column: columnLetter(col),
      firstRow: table.firstRow,
      lastRow: table.lastRow,
      cells,
      count: projectRows.size,
    },
  };
}

/**
 * The status column of every table on the sheet, or the first reason it cannot be inserted. The formulas
 * and the header carry `result`'s reference date and due-soon window.
 */
export function planStatusColumns(grid: SheetGrid, result: SheetResult): Outcome<StatusColumnPlan[]> {
  if (result.tables.length === 0) {
    return {
      ok: false,
      message: "当前工作表中未找到责任分解表，未插入进度状态列",
      messageEn: "No breakdown table on this sheet; no status column was inserted",
    };
  }
  const plans: StatusColumnPlan[] = [];
  for (const table of result.tables) {
    const plan = planTable(grid, table, result);
    if (!plan.ok) return plan;
    plans.push(plan.value);
  }
  return { ok: true, value: plans };
}

/** The plan's cells grouped into runs of consecutive rows: one range write per run. */
export function contiguousRuns(plan: StatusColumnPlan): Array<{ firstRow: number; contents: string[] }> {
  const runs: Array<{ firstRow: number; contents: string[] }> = [];
  for (const { row, content } of plan.cells) {
    const last = runs[runs.length - 1];
    if (last && last.firstRow + last.contents.length === row) last.contents.push(content);
    else runs.push({ firstRow: row, contents: [content] });
  }
  return runs;
}
