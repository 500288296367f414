import { parseAddress } from "../core/address";
import { checkSheet } from "../core/check";
import { resolveOptions } from "../core/options";
import type { CheckRequest, Outcome } from "../core/port";
import { failure, occupiedRefusal, OK, PROTECTED } from "../core/refusals";
import { activeSheetOf, type WpsContext } from "./context";
import { isProtected, prop, range, setFormulas, withoutRepaint } from "./et";
import { firstOccupied } from "../core/grid";
import { contiguousRuns, planStatusColumns } from "../core/status-column";
import { readGrid } from "./read";

/**
 * 插入状态列: a `进度状态（截至 <date>）` column of `=DUTY.STATUS(A<row>,"<date>")` right of each table on the
 * active sheet, on the pane's date and due-soon window. The target cells' `Formula` is read first (a formula
 * showing "" is not empty), and nothing is written unless every one is empty; then only the header and the
 * project rows are written.
 */
export function insertStatusColumn(ctx: WpsContext, request: CheckRequest): Outcome {
  const options = resolveOptions({ asOf: request.asOf, dueSoonDays: request.dueSoonDays });
  if (!options.ok) return failure(options.message, `Invalid options: ${options.message}`);
  const active = activeSheetOf(ctx);
  if ("ok" in active) return active;
  const { sheet } = active;
  if (isProtected(sheet)) return PROTECTED;
  const grid = readGrid(sheet);
  const plans = planStatusColumns(grid, checkSheet(grid, options.options));
  if (!plans.ok) return plans.cell ? { ...plans, sheet: grid.sheet } : plans;
  for (const plan of plans.value) {
    const formulas = prop(
      range(sheet, `${plan.column}${plan.firstRow}:${plan.column}${plan.lastRow}`),
      "Formula",
    );
    const cells = Array.isArray(formulas) ? (formulas as unknown[][]) : [[formulas]];
    const col = parseAddress(`${plan.column}1`)?.col ?? 0;
    const occupied = firstOccupied(cells, cells, plan.firstRow - 1, col);
    if (occupied) {
      return occupiedRefusal("status", occupied, grid.sheet);
    }
  }
  withoutRepaint(ctx.app, () => {
    for (const plan of plans.value) {
      for (const block of contiguousRuns(plan)) {
        const last = block.firstRow + block.contents.length - 1;
        const target = range(sheet, `${plan.column}${block.firstRow}:${plan.column}${last}`);
        setFormulas(
          target,
          block.contents.map((c) => [c]),
        );
      }
    }
  });
  return OK;
}
