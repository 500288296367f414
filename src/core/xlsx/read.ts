import type { SheetGrid } from "../types";
import { WorkbookError } from "./errors";
import { asWorkbookError, openPackage } from "./package";
import { readSharedStrings, readSheet } from "./sheet";
import { cellFormats } from "./styles";

export interface ReadOptions {
  /** The file's name, for a better message when the bytes are not a workbook (`.csv`, `.xls`). */
  fileName?: string;
  /** Only this sheet, by name; a `sheet.missing` error names the sheets there are. */
  sheet?: string;
}

/**
 * The worksheets of an .xlsx (its bytes), one `SheetGrid` each in tab order, as Office.js would give their
 * used ranges (see `readSheet`). Throws `WorkbookError` for anything that is not a readable workbook.
 */
export function readWorkbook(bytes: Uint8Array, options: ReadOptions = {}): SheetGrid[] {
  const pkg = openPackage(bytes, options.fileName);
  const wanted = options.sheet;
  const sheets = wanted === undefined ? pkg.sheets : pkg.sheets.filter((s) => s.name === wanted);
  if (wanted !== undefined && sheets.length === 0) {
    const names = pkg.sheets.map((s) => `“${s.name}”`).join("、");
    throw new WorkbookError(
      "sheet.missing",
      `没有名为“${wanted}”的工作表（现有：${names || "无"}），请检查 --sheet 的名称`,
      `There is no sheet named "${wanted}" (there are: ${pkg.sheets.map((s) => s.name).join(", ") || "none"})`,
    );
  }
  try {
    const strings = readSharedStrings(pkg.sharedStrings && pkg.text(pkg.sharedStrings));
    const formats = cellFormats(pkg.styles && pkg.text(pkg.styles));
    return sheets.map((s) => readSheet(s.name, pkg.text(s.path) ?? "", strings, formats, pkg.date1904));
  } catch (error) {
    throw asWorkbookError(error);
  }
}
