import { cellAddress } from "../core/address";
import type { AddedProgressColumn, Outcome } from "../core/port";
import { planProgressColumn } from "../core/progress/add-column";
import type { TableResult } from "../core/types";
import { firstOccupied } from "../core/grid";
import { mergedRefusal, occupiedRefusal, PROTECTED } from "../core/refusals";
import { firstCellOf } from "../office/read";
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
      return occupiedRefusal("progress", occupied, plan.sheet);
    }
    if (!merged.isNullObject) {
      return mergedRefusal(firstCellOf(merged.address), plan.sheet);
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
