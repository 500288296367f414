import { cellAddress } from "../core/address";
import type { AddedProgressColumn, Outcome } from "../core/port";
import { planProgressColumn } from "../core/progress/add-column";
import type { TableResult } from "../core/types";
import { failure, mergedRefusal, occupiedRefusal, PROTECTED } from "../core/refusals";
import type { WpsContext } from "./context";
import { activeWorkbook, findSheet, isProtected, prop, range, rectAddress } from "./et";
import { firstOccupied } from "../core/grid";

/**
 * 添加本月进展列 over ET: the core's plan, the target column checked (empty values and formulas, no merged
 * cells), then the header cell, the last progress column's width and wrapped text. No data cell gets a value.
 */
export function addProgressColumn(
  ctx: WpsContext,
  table: TableResult,
  asOf: string,
): Outcome<AddedProgressColumn> {
  const planned = planProgressColumn(table, asOf);
  if (!planned.ok) return planned;
  const plan = planned.value;
  const book = activeWorkbook(ctx.app);
  const sheet = book ? findSheet(book, plan.sheet) : null;
  if (!sheet) return failure(`找不到工作表“${plan.sheet}”`, `Sheet "${plan.sheet}" no longer exists`);
  if (isProtected(sheet)) return PROTECTED;
  const rows = Math.max(plan.lastDataRow, plan.headerRow) - plan.headerRow + 1;
  const block = range(sheet, rectAddress(plan.headerRow, plan.col, rows, 1));
  // `Formula` gives a value cell's value as text and a formula cell's formula: empty only when truly empty.
  const formulas = prop(block, "Formula");
  const grid = Array.isArray(formulas) ? (formulas as unknown[][]) : [[formulas]];
  const occupied = firstOccupied(grid, grid, plan.headerRow, plan.col);
  if (occupied) {
    return occupiedRefusal("progress", occupied, plan.sheet);
  }
  const cell = cellAddress(plan.headerRow, plan.col);
  if (prop(block, "MergeCells") !== false) {
    return mergedRefusal(cell, plan.sheet);
  }
  const header = range(sheet, cell);
  header.Value2 = plan.header;
  if (plan.like) block.ColumnWidth = Number(prop(range(sheet, plan.like.headerCell), "ColumnWidth"));
  block.WrapText = true;
  return { ok: true, value: { sheet: plan.sheet, cell, header: plan.header, period: plan.period } };
}
