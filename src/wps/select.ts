import type { Outcome } from "../core/port";
import { failure, OK } from "../core/refusals";
import { NO_SHEET, type WpsContext } from "./context";
import { activeWorkbook, findSheet, isRangeAddress, selectRange } from "./et";

/** Shows a cell: activates its sheet and selects it. */
export function selectCell(ctx: WpsContext, sheetName: string, address: string): Outcome {
  if (!isRangeAddress(address)) return failure(`地址“${address}”无效`, `"${address}" is not a cell address`);
  const book = activeWorkbook(ctx.app);
  if (!book) return NO_SHEET;
  const sheet = findSheet(book, sheetName);
  if (!sheet) {
    return failure(`找不到工作表“${sheetName}”，可能已被删除或改名`, `Sheet "${sheetName}" no longer exists`);
  }
  selectRange(sheet, address);
  return OK;
}
