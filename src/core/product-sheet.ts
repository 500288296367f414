import type { Diagnostic, SheetGrid } from "./types";

/**
 * Sheets the product writes (the CLI's 检查结果, the add-in's 进度通报 sheets) carry one
 * line that starts with this tag, in their first rows. It is how every face knows such a sheet is an
 * output and not a project table: a name alone is not enough (users rename sheets, and a workbook may hold
 * a sheet of their own called 检查结果), and a marker in the cells survives copies, WPS and ExcelJS alike.
 */
export const PRODUCT_SHEET_TAG = "实事督办 DutyCheck 生成";

/** How many rows from the top the tag is looked for in. */
const TAG_ROWS = 5;
/** How many columns from the left: the line sits in the first column, but a user may insert columns. */
const TAG_COLS = 5;

export interface ProductSheetInfo {
  /** The sheet the output was made from, when the line names it. */
  source: string | null;
}

/** The marker line: `实事督办 DutyCheck 生成 · 源表：责任分解表 · 检查日期：2023-06-20`. */
export function productSheetLine(source: string | null, asOf: string): string {
  return [PRODUCT_SHEET_TAG, ...(source === null ? [] : [`源表：${source}`]), `检查日期：${asOf}`].join(
    " · ",
  );
}

/** The date comes last, so a source sheet name may itself hold ` · `. */
const SOURCE = /源表：(.+) · 检查日期：/u;

/** Whether a grid is one of the product's own output sheets, and which sheet it was made from. */
export function readProductSheet(grid: SheetGrid): ProductSheetInfo | null {
  const rows = Math.min(grid.values.length, TAG_ROWS);
  for (let r = 0; r < rows; r += 1) {
    const row = grid.values[r] ?? [];
    const cols = Math.min(row.length, TAG_COLS);
    for (let c = 0; c < cols; c += 1) {
      const value = row[c];
      if (typeof value !== "string") continue;
      const line = value.trim();
      if (!line.startsWith(PRODUCT_SHEET_TAG)) continue;
      return { source: SOURCE.exec(line)?.[1]?.trim() || null };
    }
  }
  return null;
}

/** What a check of an output sheet says instead of reading it as a table. */
export function productSheetDiagnostic(sheet: string, info: ProductSheetInfo): Diagnostic {
  const source = info.source;
  return {
    cell: null,
    code: "sheet.productOutput",
    message: `这是检查结果表，请切换到责任分解表${source ? `“${source}”` : ""}（工作表“${sheet}”由实事督办生成，不是项目表）`,
    messageEn: `Sheet "${sheet}" is a result sheet DutyCheck wrote, not a breakdown table: switch to the breakdown table${source ? ` "${source}"` : ""}`,
    severity: "error",
  };
}
