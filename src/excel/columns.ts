import { COMPLETION_CHOICES, QUARTER_HEADER, type CompletionPlan } from "../core/completion-columns";

/** Queues the header texts and the 已完成/未完成 drop-down on the project rows (one range per run). */
export function queueCompletionWrite(sheet: Excel.Worksheet, plan: CompletionPlan): void {
  const n = plan.quarters.length;
  sheet.getRangeByIndexes(plan.headerRow, plan.firstCol, 1, n).values = [
    plan.quarters.map((q) => QUARTER_HEADER[q]),
  ];
  for (const run of plan.dataRuns) {
    const data = sheet.getRangeByIndexes(run.firstRow, plan.firstCol, run.rowCount, n);
    data.dataValidation.rule = { list: { inCellDropDown: true, source: COMPLETION_CHOICES.join(",") } };
  }
}
