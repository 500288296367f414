import type { Outcome, WorkbookPort } from "../core/port";
import { checkActiveSheet } from "./check";
import { clearMarks } from "./clear";
import { addCompletionColumns } from "./completion";
import { guarded, type WpsContext } from "./context";
import { selectCell } from "./select";
import { addProgressColumn } from "./progress-column";
import { readSettings, writeSettings } from "./settings";
import { insertStatusColumn } from "./status-column";
import { writeReportSheet } from "./report-sheet";

/**
 * The task pane's `WorkbookPort` over WPS. Each method is one synchronous operation (its own file, a
 * function of a `WpsContext`), run guarded and handed back as a promise, since the pane's port is async.
 *
 * To add a port method: write `export function newThing(ctx: WpsContext, …): Outcome` in its own file
 * over the facade in et.ts (and the fake in test/support/fake-et.ts where it needs more of ET), then add
 * one line below.
 */
export function createWpsPort(ctx: WpsContext): WorkbookPort {
  const run = <T>(work: () => T): Promise<T | Outcome<never>> => Promise.resolve(guarded(work));
  return {
    checkActiveSheet: (request) => run(() => checkActiveSheet(ctx, request)),
    clearMarks: () => run(() => clearMarks(ctx)),
    selectCell: (sheet, address) => run(() => selectCell(ctx, sheet, address)),
    writeReportSheet: (result, request, overwrite) =>
      run(() => writeReportSheet(ctx, result, request, overwrite)),
    addCompletionColumns: (result) => run(() => addCompletionColumns(ctx, result)),
    insertStatusColumn: (request) => run(() => insertStatusColumn(ctx, request)),
    readSettings: () => run(() => readSettings(ctx)),
    writeSettings: (settings) => run(() => writeSettings(ctx, settings)),
    addProgressColumn: (table, asOf) => run(() => addProgressColumn(ctx, table, asOf)),
  };
}
