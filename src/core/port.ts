import type { PaneSettings } from "./pane-settings";
import type { SheetResult, TableResult } from "./types";

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

/** A sheet an action created, so the pane can offer to open it. */
export interface CreatedSheet {
  sheet: string;
}

export interface WorkbookPort {
  /** Reads the active sheet in one round trip, checks it, writes its marks in one more. */
  checkActiveSheet(request: CheckRequest): Promise<Outcome<SheetResult>>;
  /** Removes every mark the add-in made, restoring the sheet exactly. */
  clearMarks(): Promise<Outcome>;
  /** Selects a cell so the user sees it. */
  selectCell(sheet: string, address: string): Promise<Outcome>;
  /** Writes the 进度检查结果 sheet; `overwrite` false fails with `exists` when the sheet is there. */
  writeSummarySheet(
    result: SheetResult,
    overwrite: boolean,
  ): Promise<Outcome<CreatedSheet> | { ok: false; exists: true }>;
  /** Adds per-quarter 已完成/未完成 columns beside the table, only into empty columns. */
  addCompletionColumns(table: TableResult): Promise<Outcome>;
  /**
   * 插入状态列: a 进度状态 column of `=DUTY.STATUS(…)` beside each table of the active sheet, only into empty
   * cells, answering on the request's date and due-soon window (the pane's), which the header states.
   */
  insertStatusColumn(request: CheckRequest): Promise<Outcome>;
  /**
   * The pane's settings remembered in this workbook (validated when read back: a damaged or older entry
   * gives what can be read of it, never an error); `{}` when none were saved.
   */
  readSettings(): Promise<Outcome<PaneSettings>>;
  /** Remembers the pane's settings in this workbook (saved with it, so they last across sessions). */
  writeSettings(settings: PaneSettings): Promise<Outcome>;
}
