/**
 * The pure planners the WPS add-in shares with the Excel add-in and the preview. They still live beside
 * the Excel adapter on this branch; the `infra` work moves them into src/core (completion-columns.ts,
 * status-column.ts), and then these imports point there. (The 通报 sheet's layout is already in
 * src/core/report/sheet.ts.) Kept in one file so
 * that switch is one edit.
 */
export { COMPLETION_CHOICES, QUARTER_HEADER, firstOccupied, planCompletionColumns } from "../excel/columns";
export { contiguousRuns, planStatusColumns } from "../functions/insert";
