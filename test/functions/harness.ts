/// <reference types="custom-functions-runtime" />
import type { CellValue, SheetGrid } from "../../src/core/types";
import { MockWorkbook, type SheetSpec } from "../support/mock-workbook";

/**
 * Runs `src/functions/functions.ts` against a mock workbook (office-addin-mock, via test/support): a fresh
 * module (and so a fresh cache) per harness, `Excel.run` from the mock, `CustomFunctions.Error` as plain
 * objects, and `onChanged` handlers kept so a test can fire them.
 */

export type DutyFunctions = typeof import("../../src/functions/functions");

export class FakeCustomFunctionsError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}

const ERROR_CODES = { invalidValue: "#VALUE!", notAvailable: "#N/A" };

type Handler = () => Promise<unknown>;

/** Adds `onChanged` to the worksheets the functions get, which the shared mock does not model. */
function withEvents(context: Excel.RequestContext, handlers: Map<string, Handler[]>): Excel.RequestContext {
  const worksheets = context.workbook.worksheets;
  const sheets = new Proxy(worksheets, {
    get(target, prop) {
      if (prop !== "getItem") return Reflect.get(target, prop) as unknown;
      return (name: string) => {
        const sheet = target.getItem(name);
        return new Proxy(sheet, {
          get(s, p) {
            if (p !== "onChanged") return Reflect.get(s, p) as unknown;
            return {
              add: (handler: Handler) => {
                handlers.set(name, [...(handlers.get(name) ?? []), handler]);
                return {};
              },
            };
          },
        });
      };
    },
  });
  const workbook = new Proxy(context.workbook, {
    get: (target, prop) => (prop === "worksheets" ? sheets : (Reflect.get(target, prop) as unknown)),
  });
  return new Proxy(context, {
    get(target, prop) {
      if (prop === "workbook") return workbook;
      const value = Reflect.get(target, prop) as unknown;
      return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** A formula's answer as the cell shows it: the value of a 1×1 matrix (anything else fails the test). */
type Shown<F> = F extends (...args: infer A) => Promise<Array<Array<infer T>>>
  ? (...args: A) => Promise<T>
  : never;

export type ShownFunctions = {
  [K in Exclude<keyof DutyFunctions, "milestones">]: Shown<DutyFunctions[K]>;
} & Pick<DutyFunctions, "milestones">;

function shown<T>(matrix: T[][]): T {
  if (matrix.length !== 1 || matrix[0]?.length !== 1) {
    throw new Error(`expected a 1×1 matrix, got ${JSON.stringify(matrix)}`);
  }
  return matrix[0][0] as T;
}

export interface Harness {
  wb: MockWorkbook;
  /** The module as Excel calls it. */
  raw: DutyFunctions;
  /** The same functions, each one-value answer unwrapped from its 1×1 matrix. */
  fns: ShownFunctions;
  handlers: Map<string, Handler[]>;
  /** Fires the `onChanged` handlers registered for `sheet`. */
  change(sheet: string): Promise<void>;
}

/** Every timer API but Date: those stay real. */
const REAL_TIMERS = [
  "hrtime",
  "nextTick",
  "performance",
  "queueMicrotask",
  "requestAnimationFrame",
  "cancelAnimationFrame",
  "requestIdleCallback",
  "cancelIdleCallback",
  "setImmediate",
  "clearImmediate",
  "setInterval",
  "clearInterval",
  "setTimeout",
  "clearTimeout",
] as const;

afterEach(() => jest.useRealTimers());

/**
 * The functions over a mock workbook. The clock stands still (Date alone is faked, at the real time) so
 * that a recalculation wave cannot end between two calls of a test however slow the machine is; a test
 * that wants time to pass moves it with `jest.setSystemTime`.
 */
export function harness(specs: SheetSpec[]): Harness {
  jest.useFakeTimers({ doNotFake: [...REAL_TIMERS], now: new Date() });
  const wb = new MockWorkbook(specs);
  const handlers = new Map<string, Handler[]>();
  const globals = globalThis as unknown as Record<string, unknown>;
  globals.Excel = {
    run: <T>(batch: (context: Excel.RequestContext) => Promise<T>) =>
      wb.run((context) => batch(withEvents(context, handlers))),
  };
  globals.CustomFunctions = { Error: FakeCustomFunctionsError, ErrorCode: ERROR_CODES };
  let fns: DutyFunctions | undefined;
  jest.isolateModules(() => {
    fns = jest.requireActual<DutyFunctions>("../../src/functions/functions");
  });
  const raw = fns as DutyFunctions;
  return {
    wb,
    raw,
    fns: {
      status: async (...args) => shown(await raw.status(...args)),
      detail: async (...args) => shown(await raw.detail(...args)),
      next: async (...args) => shown(await raw.next(...args)),
      overdue: async (...args) => shown(await raw.overdue(...args)),
      invest: async (...args) => shown(await raw.invest(...args)),
      progress: async (...args) => shown(await raw.progress(...args)),
      milestones: raw.milestones,
    },
    handlers,
    change: async (sheet) => {
      for (const handler of handlers.get(sheet) ?? []) await handler();
    },
  };
}

/** The invocation Excel passes when `=DUTY.X(<address>)` sits in `caller` (both `Sheet!A1` forms). */
export function invocation(address: string, caller = "Summary!Z1"): CustomFunctions.Invocation {
  return { address: caller, parameterAddresses: [address, ""] };
}

/** The 1-based sheet row holding the project numbered `index` (column A of a seed grid). */
export function rowOf(grid: SheetGrid, index: number): number {
  const r = grid.values.findIndex((row) => row[0] === index);
  if (r < 0) throw new Error(`no project ${index} in ${grid.sheet}`);
  return grid.origin.row + r + 1;
}

/** Rows of a grid whose first cell is a project number. */
export function projectRows(grid: SheetGrid): number[] {
  return grid.values
    .map((row, r) => ({ first: row[0] as CellValue, row: grid.origin.row + r + 1 }))
    .filter(({ first }) => typeof first === "number")
    .map(({ row }) => row);
}

/** What a formula gave: its value, or the error it threw (`#N/A: message`). */
export async function outcome<T>(call: Promise<T>): Promise<T | string> {
  try {
    return await call;
  } catch (error) {
    if (error instanceof FakeCustomFunctionsError) return `${error.code}: ${error.message ?? ""}`;
    throw error;
  }
}
