import { cellAddress } from "../core/address";
import type { Outcome } from "../core/port";
import {
  COMPLETION_CHOICES,
  QUARTER_HEADER,
  planCompletionColumns,
  type CompletionPlan,
} from "../core/completion-columns";
import { firstOccupied } from "../core/grid";
import type { SheetResult } from "../core/types";
import { failure, mergedRefusal, occupiedRefusal, OK, PROTECTED, validationRefusal } from "../core/refusals";
import type { WpsContext } from "./context";
import { activeWorkbook, findSheet, isProtected, prop, range, rectAddress } from "./et";

/** `xlValidateList`, `xlValidAlertStop`, `xlBetween`. */
const XL_VALIDATE_LIST = 3;
const XL_VALID_ALERT_STOP = 1;
const XL_BETWEEN = 1;

/** Whether every cell of the range has data validation: ET (like VBA) throws on `Type` where none is set. */
function hasValidation(target: Et.Range): boolean {
  try {
    return typeof prop(prop(target, "Validation"), "Type") === "number";
  } catch {
    return false;
  }
}

/**
 * 添加完成情况列: the missing per-quarter columns right of every table of the checked sheet, header in its
 * first header row and a 已完成/未完成 drop-down on the project rows — only into empty, unmerged cells without
 * data validation. Every table is checked before anything is written: one refusal writes nothing.
 */
export function addCompletionColumns(ctx: WpsContext, result: SheetResult): Outcome {
  const planned = planCompletionColumns(result);
  if (!planned.ok) return planned;
  const book = activeWorkbook(ctx.app);
  const sheet = book ? findSheet(book, result.sheet) : null;
  if (!sheet) return failure(`找不到工作表“${result.sheet}”`, `Sheet "${result.sheet}" no longer exists`);
  if (isProtected(sheet)) return PROTECTED;
  for (const plan of planned.value) {
    const refused = refusal(sheet, plan);
    if (refused) return refused;
  }
  for (const plan of planned.value) write(sheet, plan);
  return OK;
}

/** Why the plan's cells must stay untouched (a value or formula, a merge, data validation), or null. */
function refusal(sheet: Et.Worksheet, plan: CompletionPlan): Outcome | null {
  const n = plan.quarters.length;
  const rows = plan.lastRow - plan.headerRow + 1;
  const block = range(sheet, rectAddress(plan.headerRow, plan.firstCol, rows, n));
  // `Formula` gives a value cell's value as text and a formula cell's formula: empty only when truly empty.
  const formulas = prop(block, "Formula");
  const grid = Array.isArray(formulas) ? (formulas as unknown[][]) : [[formulas]];
  const occupied = firstOccupied(grid, grid, plan.headerRow, plan.firstCol);
  if (occupied) {
    return occupiedRefusal("completion", occupied, plan.sheet);
  }
  if (prop(block, "MergeCells") !== false) {
    const cell = cellAddress(plan.headerRow, plan.firstCol);
    return mergedRefusal(cell, plan.sheet);
  }
  for (let c = 0; c < n; c += 1) {
    if (hasValidation(range(sheet, rectAddress(plan.headerRow, plan.firstCol + c, rows, 1)))) {
      const cell = cellAddress(plan.headerRow, plan.firstCol + c);
      return validationRefusal(cell, plan.sheet);
    }
  }
  return null;
}

function write(sheet: Et.Worksheet, plan: CompletionPlan): void {
  const n = plan.quarters.length;
  range(sheet, rectAddress(plan.headerRow, plan.firstCol, 1, n)).Value2 = [
    plan.quarters.map((q) => QUARTER_HEADER[q]),
  ];
  // Project rows only: repeated header, section and total rows between them get no drop-down.
  for (const run of plan.dataRuns) {
    const data = range(sheet, rectAddress(run.firstRow, plan.firstCol, run.rowCount, n));
    prop(data, "Validation").Add(
      XL_VALIDATE_LIST,
      XL_VALID_ALERT_STOP,
      XL_BETWEEN,
      COMPLETION_CHOICES.join(","),
    );
  }
}
