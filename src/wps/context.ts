import { failure, type Failure } from "../core/refusals";
import { activeSheet, activeWorkbook } from "./et";

/**
 * What every WPS operation gets: the application and the clock. An operation is one synchronous function
 * `(ctx, …args) => Outcome`; port.ts wraps each for the task pane (which wants promises) and the ribbon
 * calls them directly (its callbacks must be synchronous).
 */
export interface WpsContext {
  app: Et.Application;
  /** "Today" for the default reference date. */
  today: () => Date;
}

export const NO_SHEET = failure("没有打开的工作表", "No worksheet is open");

/** An exception from ET (a refused write, a closed workbook) as a message for the user. */
export function describeError(error: unknown): Failure {
  const detail = error instanceof Error ? error.message : String(error);
  return failure(`WPS 操作失败：${detail}`, `WPS reported an error: ${detail}`);
}

/** Runs an operation; whatever it throws becomes a failure. */
export function guarded<T>(work: () => T): T | Failure {
  try {
    return work();
  } catch (error) {
    return describeError(error);
  }
}

/** The active sheet and its workbook, or why there is none. */
export function activeSheetOf(ctx: WpsContext): { sheet: Et.Worksheet; book: Et.Workbook } | Failure {
  const sheet = activeSheet(ctx.app);
  const book = activeWorkbook(ctx.app);
  return sheet && book ? { sheet, book } : NO_SHEET;
}
