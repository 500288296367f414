/**
 * Workbooks as files: bytes → `SheetGrid[]` (`readWorkbook`), bytes + results → the marked copy's bytes
 * (`writeMarkedCopy`), and why bytes are not a readable workbook (`WorkbookError`). Pure: `Uint8Array` in
 * and out, no file system, so the command line and the web page share one implementation.
 */
export { WorkbookError, type WorkbookErrorCode } from "./errors";
export { writeMarkedCopy } from "./marked-copy";
export { readWorkbook, type ReadOptions } from "./read";
export { RESULT_SHEET } from "./result-sheet";
export type { Deflate } from "./zip";
