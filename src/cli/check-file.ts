import type ExcelJS from "exceljs";
import { checkSheet } from "../core/check";
import type { CheckOptions } from "../core/options";
import type { Diagnostic, SheetResult, TableResult } from "../core/types";
import { loadWorkbook, WorkbookError, workbookGrids, type WorkbookErrorCode } from "./xlsx";

export interface FileFailure {
  code: WorkbookErrorCode | "file.failed";
  message: string;
}

/** One file's check: every sheet's result, or why the file could not be read. */
export interface FileOutcome {
  file: string;
  /** Results of every sheet read (sheets without a table included, with their warnings). */
  sheets: SheetResult[];
  /** The loaded workbook, kept for the marked copy. */
  workbook: ExcelJS.Workbook | null;
  error: FileFailure | null;
}

export function tablesOf(outcome: FileOutcome): TableResult[] {
  return outcome.sheets.flatMap((s) => s.tables);
}

/**
 * Sheet-wide findings worth reporting: "no table" only when no sheet of the file holds one, since a
 * workbook commonly carries cover and notes sheets beside the table.
 */
export function fileWarnings(outcome: FileOutcome): Diagnostic[] {
  const hasTable = outcome.sheets.some((s) => s.tables.length > 0);
  return outcome.sheets.flatMap((s) => s.warnings.filter((w) => !(hasTable && w.code === "table.notFound")));
}

/** Reads and checks one file; never throws. */
export async function checkFile(file: string, options: CheckOptions, sheet?: string): Promise<FileOutcome> {
  try {
    const workbook = await loadWorkbook(file);
    const sheets = workbookGrids(workbook, sheet).map((grid) => checkSheet(grid, options));
    return { file, sheets, workbook, error: null };
  } catch (error) {
    const failure: FileFailure =
      error instanceof WorkbookError
        ? { code: error.code, message: error.message }
        : {
            code: "file.failed",
            message: `检查失败：${error instanceof Error ? error.message : String(error)}`,
          };
    return { file, sheets: [], workbook: null, error: failure };
  }
}
