import { checkSheet } from "../core/check";
import { resolveOptions } from "../core/options";
import type { Outcome } from "../core/port";
import { planStatusColumns } from "../functions/insert";
import { describeError } from "./errors";
import type { ExcelRun } from "./index";
import { readSheetGrid } from "./read";

/**
 * 插入状态列: adds a `进度状态` column right of each table on the active sheet, holding
 * `=DUTY.STATUS(A<row>)` for every project. One sync to read, one to write; nothing is written unless
 * every target cell is empty.
 */
export async function insertStatusColumn(run: ExcelRun = (batch) => Excel.run(batch)): Promise<Outcome> {
  try {
    return await run(async (context): Promise<Outcome> => {
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      const grid = await readSheetGrid(context, sheet);
      const options = resolveOptions({});
      if (!options.ok) return { ok: false, message: options.message, messageEn: options.message };
      const plans = planStatusColumns(grid, checkSheet(grid, options.options));
      if (!plans.ok) return plans;
      for (const plan of plans.value) {
        sheet.getRange(`${plan.column}${plan.firstRow}:${plan.column}${plan.lastRow}`).formulas =
          plan.formulas;
      }
      await context.sync();
      return { ok: true, value: undefined };
    });
  } catch (error) {
    return describeError(error);
  }
}
