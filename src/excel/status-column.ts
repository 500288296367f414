import { parseAddress } from "../core/address";
import { checkSheet } from "../core/check";
import { resolveOptions } from "../core/options";
import type { CheckRequest, Outcome } from "../core/port";
import { firstOccupied } from "../core/grid";
import { contiguousRuns, planStatusColumns } from "../core/status-column";
import { failure, occupiedRefusal, PROTECTED } from "../core/refusals";
import { describeError } from "../office/errors";
import { readSheet } from "../office/read";
import type { ExcelRun } from "./index";

/**
 * 插入状态列: adds a `进度状态（截至 <date>）` column right of each table on the active sheet, holding
 * `=DUTY.STATUS(A<row>,"<date>")` for every project, on the pane's reference date and due-soon window.
 * Three syncs: the sheet and its protection; the target columns' values and formulas (where the new column goes is only known once the table is found, and the grid
 * holds values only, so a formula showing "" would look empty); the write. Nothing is written unless
 * every target cell is empty, and only the header and the project rows are written.
 */
export async function insertStatusColumn(
  request: CheckRequest,
  run: ExcelRun = (batch) => Excel.run(batch),
): Promise<Outcome> {
  const options = resolveOptions({ asOf: request.asOf, dueSoonDays: request.dueSoonDays });
  if (!options.ok) return failure(options.message, `Invalid options: ${options.message}`);
  try {
    return await run(async (context): Promise<Outcome> => {
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      const read = await readSheet(context, sheet, () => {
        sheet.protection.load("protected");
        return () => sheet.protection.protected;
      });
      if (read.extra) return PROTECTED;
      const plans = planStatusColumns(read.grid, checkSheet(read.grid, options.options));
      if (!plans.ok) return plans.cell ? { ...plans, sheet: read.grid.sheet } : plans;

      const targets = plans.value.map((plan) => {
        const range = sheet.getRange(`${plan.column}${plan.firstRow}:${plan.column}${plan.lastRow}`);
        range.load("values,formulas");
        return { plan, range };
      });
      await context.sync();
      for (const { plan, range } of targets) {
        const col = parseAddress(`${plan.column}1`)?.col ?? 0;
        const occupied = firstOccupied(range.values, range.formulas, plan.firstRow - 1, col);
        if (occupied) {
          return occupiedRefusal("status", occupied, read.grid.sheet);
        }
      }
      for (const plan of plans.value) {
        for (const block of contiguousRuns(plan)) {
          const last = block.firstRow + block.contents.length - 1;
          sheet.getRange(`${plan.column}${block.firstRow}:${plan.column}${last}`).formulas =
            block.contents.map((content) => [content]);
        }
      }
      await context.sync();
      return { ok: true, value: undefined };
    });
  } catch (error) {
    return describeError(error);
  }
}
