/**
 * The pure planners the WPS add-in shares with the Excel add-in and the preview. They still live beside
 * the Excel adapter on this branch; the `infra` work moves them into src/core (summary.ts,
 * completion-columns.ts, status-column.ts), and then these three imports point there. Kept in one file so
 * that switch is one edit.
 */
export { COMPLETION_CHOICES, QUARTER_HEADER, firstOccupied, planCompletionColumns } from "../excel/columns";
export { DUE_COLUMN, SUMMARY_HEADER, SUMMARY_SHEET, summaryRows } from "../excel/summary";
export { contiguousRuns, planStatusColumns } from "../functions/insert";
