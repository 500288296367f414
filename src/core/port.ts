import type { GroupBy } from "./alerts";
import type { PaneSettings } from "./pane-settings";
import type { Changes } from "./since";
import type { SheetResult, TableResult } from "./types";

/**
 * What the task pane asks of a workbook. The Excel adapter (`src/excel`) and the preview's grid
 * implement it; the pane never touches Office.js directly. Types only: no Office.js here.
 */
export interface CheckRequest {
  /** Reference date, YYYY-MM-DD. */
  asOf: string;
  dueSoonDays?: number;
  /** Day of the month each progress report is due (1–28, default 22; PROGRESS.md §2). */
  reportDay?: number;
  /** Points below 序时进度 that still count as on schedule (default 10; PROGRESS.md §4). */
  behindTolerance?: number;
}

/** What 生成通报表 asks for besides the check's result (see `buildReport` in core/report/model). */
export interface ReportSheetRequest {
  /** Section 二 grouped by 责任科室 or 责任领导. */
  groupBy: GroupBy;
  /** When the departments are asked to answer, YYYY-MM-DD; default the next report day. */
  replyBy?: string | null;
}

/** A failure may name the cell it is about, and the sheet that cell is on (for the pane's link). */
export type Outcome<T = void> =
  { ok: true; value: T } | { ok: false; message: string; messageEn: string; cell?: string; sheet?: string };

/**
 * A check of the active sheet, as the ports answer it: the core's result, and what changed since the
 * previous check of this sheet kept in the workbook (PROGRESS.md §7).
 *
 * The contract of `since`:
 * - Every check stores a compact snapshot of its result (`src/core/since`): the Excel port in the
 *   document's add-in settings, read in the check's read sync and written in its write sync; the WPS port
 *   in custom document properties; the preview in memory. Never in users' cells.
 * - `since` compares this check with the latest stored check of an EARLIER reference date (a second
 *   check on the same day compares with the same earlier one); absent when there is none.
 */
export interface CheckedSheet extends SheetResult {
  since?: Changes;
}

/** 添加本月进展列's answer: the header written and where. */
export interface AddedProgressColumn {
  sheet: string;
  /** A1 address of the new header cell. */
  cell: string;
  header: string;
  /** The month it is for, `YYYY-MM`. */
  period: string;
}

export interface WorkbookPort {
  /** Reads the active sheet in one round trip, checks it, writes its marks (and snapshot) in one more. */
  checkActiveSheet(request: CheckRequest): Promise<Outcome<CheckedSheet>>;
  /** Removes every mark the add-in made, restoring the sheet exactly. */
  clearMarks(): Promise<Outcome>;
  /** Selects a cell so the user sees it. */
  selectCell(sheet: string, address: string): Promise<Outcome>;
  /**
   * 生成通报表: writes the 通报 of the check as the month's sheet (`进度通报2023-06`, from `result.asOf`),
   * set up to print (A4 landscape, one page wide, the table header on every page, title, date and page
   * numbers in the header and footer), and activates it. Another month's sheet is never touched; when the
   * month's sheet is already there, `overwrite` false fails with `exists` (the pane asks, then calls again
   * with true). Resolves to the sheet's name.
   */
  writeReportSheet(
    result: SheetResult,
    request: ReportSheetRequest,
    overwrite: boolean,
  ): Promise<Outcome<string> | { ok: false; exists: true }>;
  /**
   * Adds the missing per-quarter 已完成/未完成 columns beside every table of the checked sheet, only into
   * empty cells: one read and one write, and nothing at all when any table's columns cannot go in.
   */
  addCompletionColumns(result: SheetResult): Promise<Outcome>;
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
  /**
   * 添加本月进展列: the next month's progress column right of the table (`planProgressColumn`), only into
   * empty cells: the header cell and formats (width like the last progress column, wrapped text); never a
   * value in a data cell. Refused on a protected sheet, or when the cells are occupied.
   */
  addProgressColumn(table: TableResult, asOf: string): Promise<Outcome<AddedProgressColumn>>;
}
