import { cellAddress } from "../core/address";
import { checkSheet } from "../core/check";
import {
  argError,
  parseAsOf,
  parseDueSoonDays,
  parseCellRef,
  parseInvestKind,
  type ArgError,
  type CellRef,
  type Parsed,
} from "../core/formulas/args";
import {
  detailText,
  indexRows,
  investValue,
  locate,
  locateTable,
  milestoneRows,
  nextText,
  overdueCount,
  progressText,
  statusText,
  type Located,
  type MatrixCell,
  type RowIndex,
} from "../core/formulas/format";
import { resolveOptions } from "../core/options";
import type { CellValue, SheetGrid } from "../core/types";
import { activeWorkbook, findSheet, origin, prop, sheetName, type AddinRoot } from "./et";
import { readGrid } from "./read";

/**
 * `DUTY.*` as WPS custom functions (WPS 12.1.0.20540 and later: `wps.AddCustomFunction`; feature-detected,
 * older builds simply have no formulas). The answers are the core's, worded by src/core/formulas like
 * Excel's. What differs, because WPS calls these synchronously and hands over the argument's VALUE, not
 * its address:
 * - the project is found from the CALLING cell's row (`Application.ThisCell`, else `Caller`), so
 *   `=DUTY.STATUS(A9)` belongs in row 9, as 插入状态列 writes it; the argument's value is checked
 *   against that row, and a formula whose argument lies in another row answers that it must be moved
 *   rather than describe the wrong project;
 * - an address written as text, `=DUTY.STATUS("A9")` or `"责任分解表!A9"`, points at any row or sheet;
 * - errors are returned as text starting with `#N/A` or `#VALUE!` and saying why (WPS documents no way for
 *   a JS function to return an error value).
 * One read of a sheet serves every formula of a recalculation: the grid is kept until WPS reports a change
 * of that sheet (`SheetChange`) or no formula has asked for `WAVE_IDLE_MS`.
 */

export const NAMESPACE = "DUTY";
export const WAVE_IDLE_MS = 2000;

export interface FormulaHost {
  app: Et.Application;
  now?: () => number;
  today?: () => Date;
}

interface Entry {
  grid: SheetGrid;
  checked: Map<string, RowIndex>;
  lastUsed: number;
}

/** Where the formula sits, as ET tells it. */
export interface Caller {
  sheet: Et.Worksheet;
  sheetName: string;
  row: number;
  col: number;
}

export function callerCell(app: Et.Application): Caller | null {
  const candidates: Array<() => unknown> = [() => prop(app, "ThisCell"), () => app.Caller()];
  for (const candidate of candidates) {
    try {
      const cell = candidate() as Et.Range | null;
      if (!cell || typeof cell !== "object") continue;
      const sheet = prop(cell, "Worksheet");
      const at = origin(cell);
      if (!sheet || !Number.isFinite(at.row)) continue;
      return { sheet, sheetName: sheetName(sheet), row: at.row - 1, col: at.col - 1 };
    } catch {
      // This build has no such property for a custom function: try the next.
    }
  }
  return null;
}

/** A one-cell range argument may arrive as its value or as a 1×1 array. */
function unwrap(value: unknown): unknown {
  let v = value;
  while (Array.isArray(v) && v.length === 1) v = v[0];
  return v;
}

const ADDRESS_TEXT = /^(?:.+!)?\$?[A-Za-z]{1,3}\$?\d{1,7}(?::\$?[A-Za-z]{1,3}\$?\d{1,7})?$/u;

const NO_CALLER = argError(
  "invalidValue",
  '此版本 WPS 未告知公式所在的单元格：请以文本写出项目所在行的单元格，如 DUTY.STATUS("A5")',
  'This WPS build does not say which cell calls the formula: write the project\'s cell as text, e.g. DUTY.STATUS("A5")',
);

export class WpsFormulas {
  private readonly entries = new Map<string, Entry>();
  private readonly now: () => number;
  private readonly today: () => Date;
  reads = 0;

  constructor(private readonly host: FormulaHost) {
    this.now = host.now ?? (() => Date.now());
    this.today = host.today ?? (() => new Date());
  }

  invalidate(sheet: string): void {
    this.entries.delete(sheet);
  }

  private grid(sheet: Et.Worksheet, name: string): Entry {
    const now = this.now();
    const known = this.entries.get(name);
    if (known && now - known.lastUsed <= WAVE_IDLE_MS) {
      known.lastUsed = now;
      return known;
    }
    this.reads += 1;
    const entry = { grid: readGrid(sheet), checked: new Map<string, RowIndex>(), lastUsed: now };
    this.entries.set(name, entry);
    return entry;
  }

  private checked(entry: Entry, asOf: string, dueSoonDays: number | undefined): RowIndex {
    const key = dueSoonDays === undefined ? asOf : `${asOf}|${dueSoonDays}`;
    const known = entry.checked.get(key);
    if (known) return known;
    const options = resolveOptions({ asOf, dueSoonDays });
    if (!options.ok) throw new Error(options.message);
    const index = indexRows(checkSheet(entry.grid, options.options));
    entry.checked.set(key, index);
    return index;
  }

  /** The cell the formula is about, the checked sheet around it, and the grid (for the row check). */
  private find(
    cellArg: unknown,
    asOfArg: unknown,
    daysArg?: unknown,
  ): Parsed<{ cell: CellRef; index: RowIndex }> {
    const caller = callerCell(this.host.app);
    const value = unwrap(cellArg);
    const asOf = parseAsOf(unwrap(asOfArg), this.today());
    if (!asOf.ok) return asOf;
    const days = parseDueSoonDays(unwrap(daysArg));
    if (!days.ok) return days;
    let cell: CellRef;
    let sheet: Et.Worksheet | null;
    const byText = typeof value === "string" && ADDRESS_TEXT.test(value.trim());
    if (byText) {
      const ref = parseCellRef(value, caller?.sheetName ?? null);
      if (!ref.ok) return ref;
      cell = ref.value;
      const book = activeWorkbook(this.host.app);
      sheet =
        caller && caller.sheetName === cell.sheet ? caller.sheet : book ? findSheet(book, cell.sheet) : null;
      if (!sheet) return argError("notAvailable", `找不到工作表“${cell.sheet}”`, `No sheet "${cell.sheet}"`);
    } else {
      if (!caller) return NO_CALLER;
      cell = {
        sheet: caller.sheetName,
        row: caller.row,
        col: caller.col,
        address: cellAddress(caller.row, caller.col),
      };
      sheet = caller.sheet;
    }
    const entry = this.grid(sheet, cell.sheet);
    if (!byText && !inRow(entry.grid, cell.row, value)) {
      return argError(
        "invalidValue",
        `WPS 中公式按所在行找项目：请把公式写在参数所在的行，或以文本写出地址，如 DUTY.STATUS("A5")（公式在 ${cell.address}）`,
        `In WPS the formula finds its project by its own row: put it in the argument's row, or write the address as text, e.g. DUTY.STATUS("A5") (formula at ${cell.address})`,
      );
    }
    return { ok: true, value: { cell, index: this.checked(entry, asOf.value, days.value) } };
  }

  private project(cellArg: unknown, asOfArg: unknown, daysArg?: unknown): Parsed<Located> {
    const found = this.find(cellArg, asOfArg, daysArg);
    return found.ok ? locate(found.value.index, found.value.cell) : found;
  }

  /** `dueSoonDays` as 插入状态列 writes it when the pane's window is not the default. */
  status(cell: unknown, asOf?: unknown, dueSoonDays?: unknown): string {
    return answer(() => map(this.project(cell, asOf, dueSoonDays), ({ project }) => statusText(project)));
  }

  detail(cell: unknown, asOf?: unknown): string {
    return answer(() => map(this.project(cell, asOf), ({ project }) => detailText(project)));
  }

  next(cell: unknown, asOf?: unknown): string {
    return answer(() => map(this.project(cell, asOf), ({ project }) => nextText(project)));
  }

  overdue(cell: unknown, asOf?: unknown): number | string {
    return answer(() => map(this.project(cell, asOf), ({ project }) => overdueCount(project)));
  }

  milestones(cell: unknown, asOf?: unknown): MatrixCell[][] | string {
    return answer(() => map(this.project(cell, asOf), ({ project }) => milestoneRows(project)));
  }

  /** DUTY.PROGRESS: 已完成 / 未报送 / 未启动 / 滞后 / 按序时 (PROGRESS.md §5). */
  progress(cell: unknown, asOf?: unknown): string {
    return answer(() => {
      const found = this.project(cell, asOf);
      return found.ok ? progressText(found.value.project) : found;
    });
  }

  invest(cell: unknown, kind: unknown): number | string {
    return answer(() => {
      const parsedKind = parseInvestKind(unwrap(kind));
      if (!parsedKind.ok) return parsedKind;
      const found = this.find(cell, null);
      if (!found.ok) return found;
      const table = locateTable(found.value.index, found.value.cell);
      return table.ok ? investValue(table.value, parsedKind.value) : table;
    });
  }
}

/** Whether the calling row holds the argument's value (an empty argument cannot be checked). */
function inRow(grid: SheetGrid, row: number, value: unknown): boolean {
  if (value === undefined || value === null || value === "") return true;
  const cells: CellValue[] = grid.values[row - grid.origin.row] ?? [];
  return cells.some(
    (cell) =>
      cell === value ||
      (typeof cell === "string" && typeof value === "string" && cell.trim() === value.trim()),
  );
}

function map<T, U>(parsed: Parsed<T>, pick: (value: T) => U): Parsed<U> {
  return parsed.ok ? { ok: true, value: pick(parsed.value) } : parsed;
}

const INTERNAL: ArgError = {
  ok: false,
  code: "notAvailable",
  message: "计算出错，请重算",
  messageEn: "The formula failed; recalculate",
};

/** An answer, or the error as text: `#N/A 不在责任分解表内：…`, `#VALUE! 日期应为…`. */
function answer<T>(body: () => Parsed<T>): T | string {
  let result: Parsed<T>;
  try {
    result = body();
  } catch {
    result = INTERNAL;
  }
  if (result.ok) return result.value;
  return `${result.code === "invalidValue" ? "#VALUE!" : "#N/A"} ${result.message}`;
}

const CELL_PARAM = {
  name: "cell",
  type: "any",
  description: '项目所在行的单元格（公式须在同一行），或以文本写的地址，如 "A5"',
};
const AS_OF_PARAM = { name: "asOf", type: "any?", description: "参考日期，省略为今天" };
const DUE_SOON_PARAM = { name: "dueSoonDays", type: "any?", description: "临期天数，省略为 15" };

/** Registers the formulas where this WPS can; returns whether it could. */
export function registerFunctions(root: AddinRoot, formulas: WpsFormulas): boolean {
  if (typeof root.AddCustomFunction !== "function") return false;
  const add = (
    name: string,
    fn: (...args: unknown[]) => unknown,
    description: string,
    result: string,
    parameters: object[],
  ) => root.AddCustomFunction(NAMESPACE, name, fn, { description, result: { type: result }, parameters });
  add(
    "STATUS",
    (c, d, n) => formulas.status(c, d, n),
    "项目进度状态：逾期、临期、正常、已完成或未排期",
    "string",
    [CELL_PARAM, AS_OF_PARAM, DUE_SOON_PARAM],
  );
  add("DETAIL", (c, d) => formulas.detail(c, d), "进度说明：状态及决定它的节点", "string", [
    CELL_PARAM,
    AS_OF_PARAM,
  ]);
  add("NEXT", (c, d) => formulas.next(c, d), "下一个未完成节点及其期限", "string", [CELL_PARAM, AS_OF_PARAM]);
  add("OVERDUE", (c, d) => formulas.overdue(c, d), "逾期节点个数", "any", [CELL_PARAM, AS_OF_PARAM]);
  add("MILESTONES", (c, d) => formulas.milestones(c, d), "全部节点：时段、期限、内容、状态", "any[][]", [
    CELL_PARAM,
    AS_OF_PARAM,
  ]);
  add(
    "PROGRESS",
    (c, d) => formulas.progress(c, d),
    "月度进展：已完成、未报送、未启动、滞后或按序时",
    "string",
    [CELL_PARAM, AS_OF_PARAM],
  );
  add("INVEST", (c, k) => formulas.invest(c, k), "本表投资合计（万元）：年度、总 或 占比", "any", [
    CELL_PARAM,
    { name: "kind", type: "string", description: "年度 / 总 / 占比" },
  ]);
  try {
    // A changed sheet must be read again by the next formula that asks.
    root.ApiEvent?.AddApiEventListener("SheetChange", (sheet: Et.Worksheet) =>
      formulas.invalidate(sheetName(sheet)),
    );
  } catch {
    // Without the event the wave timeout alone ends a cached read.
  }
  return true;
}
