import type { SheetGrid } from "../core/types";
import { readWorkbook, WorkbookError } from "../core/xlsx";

/** A file's sheets, or why it cannot be read: the CLI's messages (`WorkbookError`), Chinese and English. */
export type ReadOutcome =
  { ok: true; grids: SheetGrid[] } | { ok: false; message: string; messageEn: string; detail: string | null };

/**
 * Reads a workbook's bytes with the reader the command line uses (`src/core/xlsx`); never throws, so the
 * outcome can cross from the worker to the page as plain data.
 */
export function readBytes(bytes: Uint8Array, fileName: string): ReadOutcome {
  try {
    return { ok: true, grids: readWorkbook(bytes, { fileName }) };
  } catch (error) {
    if (error instanceof WorkbookError)
      return { ok: false, message: error.message, messageEn: error.messageEn, detail: error.detail };
    // As the CLI says it: something the reader did not foresee, to be reported with its English words.
    const detail = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      message: "检查失败，请把这个文件和括号中的英文信息发给维护人员",
      messageEn: "The check failed: please send this file and the words in brackets to the maintainers",
      detail,
    };
  }
}
