import { COMPLETION_CHOICES, QUARTER_HEADER, type CompletionPlan } from "../core/completion-columns";

/** Queues the header texts and the 已完成/未完成 drop-down on the data rows. */
export function queueCompletionWrite(sheet: Excel.Worksheet, plan: CompletionPlan): void {
  const n = plan.quarters.length;
  sheet.getRangeByIndexes(plan.headerRow, plan.firstCol, 1, n).values = [
    plan.quarters.map((q) => QUARTER_HEADER[q]),
  ];
  if (plan.lastDataRow < plan.firstDataRow) return;
  const data = sheet.getRangeByIndexes(
    plan.firstDataRow,
    plan.firstCol,
    plan.lastDataRow - plan.firstDataRow + 1,
    n,
  );
  data.dataValidation.rule = { list: { inCellDropDown: true, source: COMPLETION_CHOICES.join(",") } };
}
