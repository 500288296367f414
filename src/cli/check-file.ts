import { checkSheet } from "../core/check";
import type { CheckOptions } from "../core/options";
import type { Diagnostic, SheetResult, TableResult } from "../core/types";
import { readWorkbook, WorkbookError, type WorkbookErrorCode } from "../core/xlsx";
import { errorText, readInput, type ReadFailure } from "./files";

export interface FileFailure {
  code: WorkbookErrorCode | ReadFailure["code"] | "file.failed";
  /** Chinese: what is wrong and what to do. */
  message: string;
  /** The English words of whatever failed (the system's, the zip's), or the English message. */
  detail: string;
}

/** One file's check: every sheet's result, or why the file could not be read. */
export interface FileOutcome {
  file: string;
  /** Results of every sheet read (sheets without a table included, with their warnings). */
  sheets: SheetResult[];
  error: FileFailure | null;
}

export function tablesOf(outcome: FileOutcome): TableResult[] {
  return outcome.sheets.flatMap((s) => s.tables);
}

/**
 * Sheet-wide findings worth reporting. A workbook commonly carries cover and notes sheets, and a marked
 * copy its 检查结果 sheet, beside the table: "no table" and "this is an output sheet" only when no sheet
 * of the file holds a table.
 */
export function fileWarnings(outcome: FileOutcome): Diagnostic[] {
  const hasTable = outcome.sheets.some((s) => s.tables.length > 0);
  const quiet = new Set(hasTable ? ["table.notFound", "sheet.productOutput"] : []);
  return outcome.sheets.flatMap((s) => s.warnings.filter((w) => !quiet.has(w.code)));
}

function failure(error: unknown): FileFailure {
  if (error instanceof WorkbookError)
    return { code: error.code, message: error.message, detail: error.detail ?? error.messageEn };
  return {
    code: "file.failed",
    message: "检查失败，请把这个文件和括号中的英文信息发给维护人员",
    detail: errorText(error),
  };
}

/** Reads and checks one file, keeping its bytes for a marked copy; never throws. */
export async function checkFile(
  file: string,
  options: CheckOptions,
  sheet?: string,
): Promise<{ outcome: FileOutcome; bytes: Uint8Array | null }> {
  const bytes = await readInput(file);
  if (!(bytes instanceof Uint8Array)) {
    const { code, message, detail } = bytes;
    return { outcome: { file, sheets: [], error: { code, message, detail } }, bytes: null };
  }
  try {
    const grids = readWorkbook(bytes, { fileName: file, sheet });
    return { outcome: { file, sheets: grids.map((grid) => checkSheet(grid, options)), error: null }, bytes };
  } catch (error) {
    return { outcome: { file, sheets: [], error: failure(error) }, bytes: null };
  }
}
