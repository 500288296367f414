import { cellAddress } from "../core/address";
import type { AddedProgressColumn, Outcome } from "../core/port";
import { planProgressColumn } from "../core/progress/add-column";
import type { TableResult } from "../core/types";
import { firstOccupied } from "../core/grid";
import { PROTECTED, failure } from "../office/errors";
import { parseRangeAddress } from "../office/read";
import type { ExcelRun } from "./index";

/**
 * 添加本月进展列 in Excel: two syncs — (1) protection, the target cells (values and formulas must be empty),
 * merges there, and the last progress column's width and header look; (2) the header cell and formats.
 * No data cell gets a value.
 */
export async function addProgressColumn(
  run: ExcelRun,
  table: TableResult,
  asOf: string,
): Promise<Outcome<AddedProgressColumn>> {
  const planned = planProgressColumn(table, asOf);
  if (!planned.ok) return planned;
  const plan = planned.value;
  const cell = cellAddress(plan.headerRow, plan.col);
  return run(async (context): Promise<Outcome<AddedProgressColumn>> => {
    const sheet = context.workbook.worksheets.getItem(plan.sheet);
    sheet.protection.load("protected");
    const rows = Math.max(plan.lastDataRow, plan.headerRow) - plan.headerRow + 1;
    const block = sheet.getRangeByIndexes(plan.headerRow, plan.col, rows, 1);
    block.load("values,formulas");
    const merged = block.getMergedAreasOrNullObject();
    merged.load("address");
    const like = plan.like ? sheet.getRange(plan.like.headerCell) : null;
    like?.load("format/columnWidth,format/horizontalAlignment,format/verticalAlignment,format/font/bold");
    await context.sync();
    if (sheet.protection.protected) return PROTECTED;
    const occupied = firstOccupied(block.values, block.formulas, plan.headerRow, plan.col);
    if (occupied) {
      return failure(
        `单元格 ${occupied} 不为空：进展列只加在表格右侧的空白列中，未作任何修改`,
        `Cell ${occupied} is not empty: the progress column goes only into an empty column right of the table; nothing was changed`,
        occupied,
        plan.sheet,
      );
    }
    if (!merged.isNullObject) {
      const first = parseRangeAddress(merged.address.split(",")[0] ?? "");
      const at = first ? cellAddress(first.row, first.col) : undefined;
      return failure(
        `表格右侧有合并单元格${at ? ` ${at}` : ""}，未作任何修改`,
        `There are merged cells right of the table${at ? ` (${at})` : ""}; nothing was changed`,
        at,
        plan.sheet,
      );
    }
    const header = sheet.getRangeByIndexes(plan.headerRow, plan.col, 1, 1);
    header.values = [[plan.header]];
    block.format.wrapText = true;
    if (like) {
      header.format.columnWidth = like.format.columnWidth;
      header.format.horizontalAlignment = like.format.horizontalAlignment;
      header.format.verticalAlignment = like.format.verticalAlignment;
      header.format.font.bold = like.format.font.bold;
    }
    await context.sync();
    return { ok: true, value: { sheet: plan.sheet, cell, header: plan.header, period: plan.period } };
  });
}
