import type { SheetResult } from "./types";

/**
 * What the task pane asks of a workbook. The Excel adapter (`src/excel`) and the preview's grid
 * implement it; the pane never touches Office.js directly. Types only: no Office.js here.
 */
export interface CheckRequest {
  /** Reference date, YYYY-MM-DD. */
  asOf: string;
  dueSoonDays?: number;
}

/** A failure may name the cell it is about, and the sheet that cell is on (for the pane's link). */
export type Outcome<T = void> =
  { ok: true; value: T } | { ok: false; message: string; messageEn: string; cell?: string; sheet?: string };

export interface WorkbookPort {
  /** Reads the active sheet in one round trip, checks it, writes its marks in one more. */
  checkActiveSheet(request: CheckRequest): Promise<Outcome<SheetResult>>;
  /** Removes every mark the add-in made, restoring the sheet exactly. */
  clearMarks(): Promise<Outcome>;
  /** Selects a cell so the user sees it. */
  selectCell(sheet: string, address: string): Promise<Outcome>;
  /** Writes the 进度检查结果 sheet; `overwrite` false fails with `exists` when the sheet is there. */
  writeSummarySheet(result: SheetResult, overwrite: boolean): Promise<Outcome | { ok: false; exists: true }>;
  /**
   * Adds the missing per-quarter 已完成/未完成 columns beside every table of the checked sheet, only into
   * empty cells: one read and one write, and nothing at all when any table's columns cannot go in.
   */
  addCompletionColumns(result: SheetResult): Promise<Outcome>;
  /** 插入状态列: a 进度状态 column of `=DUTY.STATUS(…)` beside each table of the active sheet, only into empty cells. */
  insertStatusColumn(): Promise<Outcome>;
}
