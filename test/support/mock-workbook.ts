/**
 * A mock Excel workbook built on Microsoft's `office-addin-mock`.
 *
 * Every proxy object the add-in loads from (worksheets, ranges, range areas, settings, conditional
 * formats) is an `OfficeMockObject`, so reading a property that was not loaded, or before `sync()`,
 * gives the mock's error value instead of data — the add-in must load and sync as it would in Excel.
 *
 * What office-addin-mock does not do, modelled here in plain code:
 * - Batching: every write (a property set anywhere below a range or sheet, `add`, `delete`, `select`…)
 *   is queued and applied only at `context.sync()`, in order. A failure can be injected at a given sync
 *   after a given number of commands: the commands before it stay applied and the rest never run, as
 *   Excel documents for a failing batch (no roll-back).
 * - The workbook state: cells (value, number format, formula, user formats, notes, validation), merged
 *   areas, protection, conditional formats (type, formula, fill, areas), settings, selection, and each
 *   sheet's page layout (orientation, paper, zoom, print title rows, headers and footers) and gridlines.
 * - Limits: a batch loading more cells than `maxCellsPerSync` fails with
 *   `ResponsePayloadSizeLimitExceeded` (Excel on the web's 5 MB limit, scaled down for tests); a range of
 *   more than `nullValuesAbove` cells loads `values`, `numberFormat` and `formulas` as null (Excel's
 *   documented answer above about 5 million cells, scaled down likewise).
 * - `sync()` counts: `workbook.syncs`.
 * Loaded data is taken when the proxy is created; within one batch the add-in never reads what it writes.
 */
import { OfficeMockObject } from "office-addin-mock";
import { cellAddress, parseAddress } from "../../src/core/address";
import type { CellValue, SheetGrid } from "../../src/core/types";

const MAX_ROWS = 1_048_576;
const MAX_COLS = 16_384;
/** Above this many cells a range's values are not materialised (the whole-sheet range). */
const MATERIALISE_LIMIT = 200_000;

export interface Rect {
  row: number;
  col: number;
  rowCount: number;
  colCount: number;
}

export interface CellState {
  value: CellValue;
  numberFormat: string;
  formula: string | null;
  /** User formats by path, e.g. { "fill.color": "#FFFF00", "font.bold": true, "borders": "thin" }. */
  format: Record<string, unknown>;
  note: string | null;
  validation: unknown;
}

export interface ConditionalFormatState {
  id: number;
  type: string;
  formula: string | null;
  fill: string | null;
  /** Border edges the rule draws ("EdgeTop" → style and colour); empty when it draws none. */
  borders?: Record<string, { style: string; color: string }>;
  areas: Rect[];
}

export interface SheetState {
  name: string;
  cells: Map<string, CellState>;
  merges: Rect[];
  protected: boolean;
  conditionalFormats: ConditionalFormatState[];
  frozenRows: number;
  /** Column widths in points by 0-based column; absent columns have Excel's default. */
  columnWidths: Map<number, number>;
  /** Page layout as set, by path below `pageLayout` ("orientation", "zoom", "printTitleRows", "headersFooters.defaultForAllPages.centerHeader"). */
  pageLayout: Record<string, unknown>;
  showGridlines: boolean;
}

export interface SheetSpec {
  grid: SheetGrid;
  protected?: boolean;
  /** User formats per A1 address: { "B5": { "fill.color": "#FFFF00" } }. */
  formats?: Record<string, Record<string, unknown>>;
  notes?: Record<string, string>;
  /** Formulas per A1 address, with the value Excel shows for each: { "N5": { formula: '=IF(B5="","","")', value: "" } }. */
  formulas?: Record<string, { formula: string; value: CellValue }>;
  /** Conditional formats the user made (they must survive everything the add-in does). */
  userConditionalFormats?: Array<{ type: string; formula: string | null; fill: string; address: string }>;
  /** Column widths in points by column letter: { "G": 120 }. */
  columnWidths?: Record<string, number>;
}

export interface WorkbookOptions {
  active?: string;
  maxCellsPerSync?: number;
  /** `getMergedAreasOrNullObject` fails the batch above this many areas (Excel documents 512). */
  maxMergedAreas?: number;
  nullValuesAbove?: number;
}

export interface InjectedFailure {
  /** 1-based number of the sync (counted over the workbook's life) that fails. */
  atSync: number;
  /** How many queued commands are applied before the failure. */
  afterCommands: number;
  code: string;
}

export class OfficeError extends Error {
  constructor(
    public readonly code: string,
    message?: string,
  ) {
    super(message ?? code);
    this.name = "OfficeExtension.Error";
  }
}

interface Command {
  describe: string;
  apply: () => void;
}

function key(row: number, col: number): string {
  return `${row},${col}`;
}

function rectAddress(rect: Rect): string {
  const first = cellAddress(rect.row, rect.col);
  const last = cellAddress(rect.row + rect.rowCount - 1, rect.col + rect.colCount - 1);
  return first === last ? first : `${first}:${last}`;
}

function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/u.test(name) ? name : `'${name.replace(/'/gu, "''")}'`;
}

export function parseRect(address: string): Rect {
  const bare = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const [a, b] = bare.split(":");
  const start = parseAddress(a ?? "");
  const end = b === undefined ? start : parseAddress(b);
  if (!start || !end) throw new OfficeError("InvalidArgument", `bad address ${address}`);
  return {
    row: Math.min(start.row, end.row),
    col: Math.min(start.col, end.col),
    rowCount: Math.abs(end.row - start.row) + 1,
    colCount: Math.abs(end.col - start.col) + 1,
  };
}

function intersects(a: Rect, b: Rect): boolean {
  return (
    a.row < b.row + b.rowCount &&
    b.row < a.row + a.rowCount &&
    a.col < b.col + b.colCount &&
    b.col < a.col + a.colCount
  );
}

function cellsOf(rect: Rect): Array<[number, number]> {
  const cells: Array<[number, number]> = [];
  for (let r = rect.row; r < rect.row + rect.rowCount; r++)
    for (let c = rect.col; c < rect.col + rect.colCount; c++) cells.push([r, c]);
  return cells;
}

function blankCell(): CellState {
  return { value: "", numberFormat: "General", formula: null, format: {}, note: null, validation: null };
}

/** Property sets on a proxy, reported with their path below it; methods run on the real mock. */
function recording<T extends object>(
  target: T,
  path: string[],
  hooks: {
    onWrite: (path: string[], value: unknown) => void;
    onLoad?: (spec: unknown) => void;
    extras?: Record<string, unknown>;
    /** Loaded properties that Excel answered with null. */
    nulls?: () => ReadonlySet<string>;
  },
): T {
  const proxy: T = new Proxy(target, {
    get(t, prop) {
      if (typeof prop === "string" && path.length === 0 && hooks.extras && prop in hooks.extras)
        return hooks.extras[prop];
      if (typeof prop === "string" && path.length === 0 && hooks.nulls?.().has(prop)) return null;
      if (prop === "load") {
        return (spec: unknown) => {
          hooks.onLoad?.(spec);
          (t as unknown as OfficeMockObject).load(spec as string);
          return proxy;
        };
      }
      const value: unknown = Reflect.get(t, prop, t);
      if (typeof value === "function") return (value as (...args: unknown[]) => unknown).bind(t);
      if (value instanceof OfficeMockObject && typeof prop === "string")
        return recording(value, [...path, prop], { onWrite: hooks.onWrite });
      return value;
    },
    set(t, prop, value) {
      hooks.onWrite([...path, String(prop)], value);
      return Reflect.set(t, prop, value, t);
    },
  });
  return proxy;
}

/** A collection whose `items` can only be read after `load("items…")` and a sync. */
class LoadedItems<T> {
  private state: "unloaded" | "loaded" | "synced" = "unloaded";
  private list: T[] = [];

  constructor(
    private readonly ctx: MockContext,
    private readonly make: (paths: string[]) => T[],
  ) {}

  load(spec: string): void {
    const paths = spec
      .split(",")
      .map((s) => s.trim())
      .filter((s) => s.startsWith("items/"))
      .map((s) => s.slice("items/".length));
    this.list = this.make(paths);
    this.state = "loaded";
    this.ctx.afterSync(() => {
      this.state = "synced";
    });
  }

  get items(): T[] {
    if (this.state === "unloaded") throw new Error("Mock: collection items were not loaded");
    if (this.state === "loaded") throw new Error("Mock: context.sync() was not called after load");
    return this.list;
  }
}

export class MockContext {
  private pending: Command[] = [];
  private live: OfficeMockObject[] = [];
  private after: Array<() => void> = [];
  private loadedCells = 0;
  private poisoned: string | null = null;
  readonly workbook: {
    worksheets: unknown;
    settings: unknown;
  };

  constructor(readonly wb: MockWorkbook) {
    this.workbook = { worksheets: this.worksheets(), settings: this.settings() };
  }

  queue(describe: string, apply: () => void): void {
    this.pending.push({ describe, apply });
  }

  afterSync(fn: () => void): void {
    this.after.push(fn);
  }

  poison(code: string): void {
    this.poisoned ??= code;
  }

  countLoad(cells: number): void {
    this.loadedCells += cells;
  }

  /** Office data never holds null here: office-addin-mock would treat it as a nested object. */
  mock(data: Record<string, unknown>): OfficeMockObject {
    const object = new OfficeMockObject(data);
    this.live.push(object);
    return object;
  }

  async sync(): Promise<void> {
    const wb = this.wb;
    wb.syncs += 1;
    const commands = this.pending;
    const loadedCells = this.loadedCells;
    const poisoned = this.poisoned;
    this.pending = [];
    this.loadedCells = 0;
    this.poisoned = null;
    const after = this.after;
    this.after = [];
    if (poisoned) throw new OfficeError(poisoned);
    if (wb.maxCellsPerSync !== undefined && loadedCells > wb.maxCellsPerSync)
      throw new OfficeError("ResponsePayloadSizeLimitExceeded");
    const failure = wb.failures.find((f) => f.atSync === wb.syncs);
    commands.forEach((command, i) => {
      if (failure && i === failure.afterCommands) throw new OfficeError(failure.code);
      command.apply();
      wb.applied.push(command.describe);
    });
    if (failure) throw new OfficeError(failure.code);
    for (const object of this.live) await object.sync();
    for (const fn of after) fn();
    // office-addin-mock copies synced values onto parents in a microtask; let it settle.
    await new Promise((resolve) => setImmediate(resolve));
  }

  private sheetState(name: string): SheetState {
    const sheet = this.wb.sheet(name);
    if (!sheet) throw new OfficeError("ItemNotFound", `no sheet ${name}`);
    return sheet;
  }

  /** Queues a write that Excel refuses on a protected sheet. */
  private write(sheetName: string, describe: string, apply: (sheet: SheetState) => void): void {
    this.queue(describe, () => {
      const sheet = this.sheetState(sheetName);
      if (sheet.protected) throw new OfficeError("AccessDenied", `sheet ${sheetName} is protected`);
      apply(sheet);
    });
  }

  private worksheets(): unknown {
    const collection = new LoadedItems(this, (paths) =>
      this.wb.sheets.map((s) => {
        const proxy = this.sheetProxy(s.name) as { load: (p: string) => void };
        if (paths.length > 0) proxy.load(paths.join(","));
        return proxy;
      }),
    );
    return {
      getActiveWorksheet: () => this.sheetProxy(this.wb.active),
      getItem: (name: string) => {
        if (!this.wb.sheet(name)) this.poison("ItemNotFound");
        return this.sheetProxy(name);
      },
      getItemOrNullObject: (name: string) => this.sheetProxy(name, !this.wb.sheet(name)),
      add: (name: string) => {
        this.queue(`add sheet ${name}`, () => {
          if (this.wb.sheet(name)) throw new OfficeError("ItemAlreadyExists");
          this.wb.sheets.push(emptySheet(name));
        });
        return this.sheetProxy(name);
      },
      load: (spec: string) => collection.load(spec),
      get items() {
        return collection.items;
      },
    };
  }

  private settings(): unknown {
    return {
      getItemOrNullObject: (settingKey: string) => {
        const exists = this.wb.settings.has(settingKey);
        const item = this.mock({
          key: settingKey,
          value: exists ? this.wb.settings.get(settingKey) : undefined,
          delete: () => this.queue(`delete setting ${settingKey}`, () => this.wb.settings.delete(settingKey)),
        });
        item.isNullObject = !exists;
        return item;
      },
      add: (settingKey: string, value: unknown) => {
        this.queue(`set setting ${settingKey}`, () => this.wb.settings.set(settingKey, value));
      },
    };
  }

  sheetProxy(name: string, isNull = false): unknown {
    const state = isNull ? undefined : this.wb.sheet(name);
    const raw = this.mock({
      name,
      protection: { protected: state?.protected ?? false },
      freezePanes: {
        freezeRows: (n: number) => this.write(name, `freeze ${n} rows on ${name}`, (s) => (s.frozenRows = n)),
      },
      pageLayout: {
        orientation: "Portrait",
        paperSize: "Letter",
        zoom: { scale: 100 },
        centerHorizontally: false,
        printGridlines: false,
        headersFooters: { defaultForAllPages: { centerHeader: "", leftFooter: "", centerFooter: "" } },
        setPrintTitleRows: (rows: string) =>
          this.write(name, `print titles ${rows} on ${name}`, (s) => (s.pageLayout.printTitleRows = rows)),
      },
      getUsedRangeOrNullObject: (valuesOnly?: boolean) => {
        const used = this.wb.usedRect(name, valuesOnly === true);
        return this.rangeProxy(name, used, used === null);
      },
      getRange: (address?: string) =>
        this.rangeProxy(
          name,
          address ? parseRect(address) : { row: 0, col: 0, rowCount: MAX_ROWS, colCount: MAX_COLS },
        ),
      getRangeByIndexes: (row: number, col: number, rowCount: number, colCount: number) =>
        this.rangeProxy(name, { row, col, rowCount, colCount }),
      getRanges: (address: string) =>
        this.areasProxy(
          name,
          address.split(/[,;]/u).map((a) => parseRect(a.trim())),
        ),
      activate: () => this.queue(`activate ${name}`, () => (this.wb.active = this.sheetState(name).name)),
      delete: () =>
        this.queue(`delete sheet ${name}`, () => {
          this.wb.sheets = this.wb.sheets.filter((s) => s !== this.sheetState(name));
        }),
    });
    raw.isNullObject = isNull;
    return recording(raw, [], {
      onWrite: (path, value) => {
        const field = path.slice(1).join(".");
        if (path[0] === "pageLayout")
          this.write(name, `page layout ${field} on ${name}`, (s) => (s.pageLayout[field] = value));
        else if (path.join(".") === "showGridlines")
          this.write(name, `gridlines on ${name}`, (s) => (s.showGridlines = value as boolean));
        else this.wb.unknownWrites.push(`${name}: ${path.join(".")} = ${String(value)}`);
      },
    });
  }

  private rangeProxy(sheetName: string, rect: Rect | null, isNull = false): unknown {
    const area = rect ?? { row: 0, col: 0, rowCount: 1, colCount: 1 };
    const state = this.wb.sheet(sheetName);
    const cells = area.rowCount * area.colCount;
    const table = (pick: (c: CellState) => unknown): unknown[][] => {
      if (isNull || cells > MATERIALISE_LIMIT) return [];
      return Array.from({ length: area.rowCount }, (_, r) =>
        Array.from({ length: area.colCount }, (_, c) => {
          const cell = state?.cells.get(key(area.row + r, area.col + c)) ?? blankCell();
          return pick(cell);
        }),
      );
    };
    // A range's format reads as its top-left cell's (what Excel answers for a uniform range).
    const first = state?.cells.get(key(area.row, area.col))?.format ?? {};
    const raw = this.mock({
      address: isNull ? "" : `${quoteSheet(sheetName)}!${rectAddress(area)}`,
      rowCount: area.rowCount,
      columnCount: area.colCount,
      values: table((c) => c.value),
      numberFormat: table((c) => c.numberFormat),
      formulas: table((c) => c.formula ?? c.value),
      format: {
        fill: { color: "" },
        font: { bold: first["font.bold"] ?? false, color: "" },
        columnWidth: state?.columnWidths.get(area.col) ?? DEFAULT_COLUMN_WIDTH,
        horizontalAlignment: first["horizontalAlignment"] ?? "General",
        verticalAlignment: first["verticalAlignment"] ?? "Bottom",
        wrapText: first["wrapText"] ?? false,
        autofitColumns: () => this.queue(`autofit ${sheetName}!${rectAddress(area)}`, () => undefined),
        autofitRows: () => this.queue(`autofit rows ${sheetName}!${rectAddress(area)}`, () => undefined),
        borders: {
          getItem: (edge: string) =>
            recording(new OfficeMockObject({ style: "", color: "" }), ["format", "borders", edge], {
              onWrite: (path, value) => this.rangeWrite(sheetName, area, path, value),
            }),
        },
      },
      merge: () =>
        this.write(sheetName, `merge ${sheetName}!${rectAddress(area)}`, (s) => {
          s.merges.push({ ...area });
        }),
      // Excel reports "Inconsistent" when only some cells of a range carry validation.
      dataValidation: { type: validationType(state, area, cells) },
      getMergedAreasOrNullObject: () => {
        const merges = (state?.merges ?? []).filter((m) => intersects(m, area));
        if (this.wb.maxMergedAreas !== undefined && merges.length > this.wb.maxMergedAreas)
          this.poison("GeneralException");
        return this.areasProxy(sheetName, merges, merges.length === 0);
      },
      select: () =>
        this.queue(`select ${sheetName}!${rectAddress(area)}`, () => {
          this.sheetState(sheetName);
          this.wb.selection = { sheet: sheetName, address: rectAddress(area) };
        }),
    });
    raw.isNullObject = isNull;
    const huge = this.wb.nullValuesAbove !== undefined && cells > this.wb.nullValuesAbove;
    const nulls = new Set<string>();
    return recording(raw, [], {
      onLoad: (spec) => {
        if (typeof spec === "string" && /values|numberFormat|formulas/u.test(spec)) this.countLoad(cells);
        if (huge && typeof spec === "string") {
          const loaded = spec.split(",").map((s) => s.trim());
          this.afterSync(() => {
            for (const p of ["values", "numberFormat", "formulas"]) if (loaded.includes(p)) nulls.add(p);
          });
        }
      },
      nulls: () => nulls,
      onWrite: (path, value) => this.rangeWrite(sheetName, area, path, value),
      extras: { conditionalFormats: this.conditionalFormats(sheetName, [area]) },
    });
  }

  private areasProxy(sheetName: string, rects: Rect[], isNull = false): unknown {
    const raw = this.mock({
      address: rects.map((r) => `${quoteSheet(sheetName)}!${rectAddress(r)}`).join(", "),
      areaCount: rects.length,
    });
    raw.isNullObject = isNull;
    return recording(raw, [], {
      onWrite: (path, value) => this.wb.unknownWrites.push(`areas ${path.join(".")} = ${String(value)}`),
      extras: { conditionalFormats: this.conditionalFormats(sheetName, rects) },
    });
  }

  private conditionalFormats(sheetName: string, rects: Rect[]): unknown {
    const collection = new LoadedItems(this, (paths) => {
      const sheet = this.wb.sheet(sheetName);
      const found = (sheet?.conditionalFormats ?? []).filter((cf) =>
        cf.areas.some((a) => rects.some((r) => intersects(a, r))),
      );
      return found.map((cf) => {
        const item = this.mock({
          type: cf.type,
          customOrNullObject: { rule: { formula: cf.type === "Custom" ? (cf.formula ?? "") : "" } },
          delete: () =>
            this.write(sheetName, `delete conditional format ${cf.id}`, (s) => {
              s.conditionalFormats = s.conditionalFormats.filter((x) => x.id !== cf.id);
            }),
        });
        item.customOrNullObject.isNullObject = cf.type !== "Custom";
        if (paths.length > 0) item.load(paths.join(","));
        return item;
      });
    });
    return {
      load: (spec: string) => collection.load(spec),
      get items() {
        return collection.items;
      },
      add: (type: string) => {
        const edges: Record<string, { style: string; color: string }> = {};
        const format = new OfficeMockObject({
          custom: {
            rule: { formula: "" },
            format: {
              fill: { color: "" },
              font: { color: "" },
              borders: {
                getItem: (edge: string) => (edges[edge] ??= { style: "", color: "" }),
              },
            },
          },
        });
        this.write(
          sheetName,
          `add conditional format on ${sheetName}!${rects.map(rectAddress).join(",")}`,
          (s) => {
            s.conditionalFormats.unshift({
              id: this.wb.nextId++,
              type,
              formula: format.custom.rule.formula as string | null,
              fill: format.custom.format.fill.color as string | null,
              borders: { ...edges },
              areas: rects,
            });
          },
        );
        return format;
      },
      clearAll: () =>
        this.write(sheetName, `clear conditional formats on ${sheetName}`, (s) => {
          s.conditionalFormats = s.conditionalFormats.filter(
            (cf) => !cf.areas.some((a) => rects.some((r) => intersects(a, r))),
          );
        }),
    };
  }

  private rangeWrite(sheetName: string, area: Rect, path: string[], value: unknown): void {
    const where = `${sheetName}!${rectAddress(area)}`;
    const each = (apply: (cell: CellState, r: number, c: number) => void) => (sheet: SheetState) => {
      for (const [row, col] of cellsOf(area)) {
        const cell = sheet.cells.get(key(row, col)) ?? blankCell();
        apply(cell, row - area.row, col - area.col);
        sheet.cells.set(key(row, col), cell);
      }
    };
    const at = (grid: unknown, r: number, c: number): unknown => {
      if (!Array.isArray(grid)) return grid;
      const row = (grid[r] ?? grid[0]) as unknown;
      return Array.isArray(row) ? (row[c] ?? row[0]) : row;
    };
    const field = path.join(".");
    this.wb.writes.push({ sheet: sheetName, address: rectAddress(area), field });
    if (field === "values") {
      this.write(
        sheetName,
        `values ${where}`,
        each((cell, r, c) => (cell.value = at(value, r, c) as CellValue)),
      );
    } else if (field === "formulas") {
      this.write(
        sheetName,
        `formulas ${where}`,
        each((cell, r, c) => {
          const f = at(value, r, c);
          cell.formula = typeof f === "string" && f.startsWith("=") ? f : null;
          cell.value = f as CellValue;
        }),
      );
    } else if (field === "numberFormat") {
      this.write(
        sheetName,
        `numberFormat ${where}`,
        each((cell, r, c) => (cell.numberFormat = String(at(value, r, c)))),
      );
    } else if (field === "dataValidation.rule") {
      this.write(
        sheetName,
        `validation ${where}`,
        each((cell) => (cell.validation = value)),
      );
    } else if (path[0] === "format") {
      const name = path.slice(1).join(".");
      const setCells = each((cell) => (cell.format[name] = value));
      this.write(sheetName, `format ${name} ${where}`, (sheet) => {
        setCells(sheet);
        // A width set through any cell is the whole column's, as later reads of the column see it.
        if (name === "columnWidth")
          for (let c = area.col; c < area.col + area.colCount; c++) sheet.columnWidths.set(c, Number(value));
      });
    } else {
      this.wb.unknownWrites.push(`${where}: ${field} = ${String(value)}`);
    }
  }
}

function validationType(sheet: SheetState | undefined, area: Rect, cells: number): string {
  if (!sheet || cells > MATERIALISE_LIMIT) return "None";
  const rules = cellsOf(area).map(([r, c]) => sheet.cells.get(key(r, c))?.validation ?? null);
  if (rules.every((v) => v === null)) return "None";
  return rules.every((v) => v !== null) ? "List" : "Inconsistent";
}

/** Excel's default column width in points (8.43 characters of Calibri 11). */
export const DEFAULT_COLUMN_WIDTH = 48;

function emptySheet(name: string): SheetState {
  return {
    name,
    cells: new Map(),
    merges: [],
    protected: false,
    conditionalFormats: [],
    frozenRows: 0,
    columnWidths: new Map(),
    pageLayout: {},
    showGridlines: true,
  };
}

export class MockWorkbook {
  sheets: SheetState[] = [];
  active: string;
  settings = new Map<string, unknown>();
  syncs = 0;
  runs = 0;
  failures: InjectedFailure[] = [];
  /** Commands applied, in order (for assertions and debugging). */
  applied: string[] = [];
  /** Every range write the add-in queued: which sheet, which range, which field. */
  writes: Array<{ sheet: string; address: string; field: string }> = [];
  /** Writes to properties the mock does not model (should stay empty). */
  unknownWrites: string[] = [];
  selection: { sheet: string; address: string } | null = null;
  nextId = 1;
  maxCellsPerSync: number | undefined;
  maxMergedAreas: number | undefined;
  nullValuesAbove: number | undefined;

  constructor(specs: SheetSpec[], options: WorkbookOptions = {}) {
    for (const spec of specs) this.sheets.push(this.sheetFrom(spec));
    this.active = options.active ?? specs[0]?.grid.sheet ?? "Sheet1";
    this.maxCellsPerSync = options.maxCellsPerSync;
    this.maxMergedAreas = options.maxMergedAreas;
    this.nullValuesAbove = options.nullValuesAbove;
  }

  private sheetFrom(spec: SheetSpec): SheetState {
    const sheet = emptySheet(spec.grid.sheet);
    sheet.protected = spec.protected ?? false;
    const { origin, values, numberFormats } = spec.grid;
    values.forEach((row, r) =>
      row.forEach((value, c) => {
        const numberFormat = numberFormats?.[r]?.[c] ?? "General";
        if (value === "" || value === null) {
          if (numberFormat === "General") return;
        }
        sheet.cells.set(key(origin.row + r, origin.col + c), {
          ...blankCell(),
          value: value ?? "",
          numberFormat,
        });
      }),
    );
    sheet.merges = (spec.grid.merges ?? []).map((m) => ({
      row: origin.row + m.row,
      col: origin.col + m.col,
      rowCount: m.rowCount,
      colCount: m.colCount,
    }));
    for (const [address, format] of Object.entries(spec.formats ?? {})) {
      const at = parseRect(address);
      const cell = sheet.cells.get(key(at.row, at.col)) ?? blankCell();
      cell.format = { ...format };
      sheet.cells.set(key(at.row, at.col), cell);
    }
    for (const [address, note] of Object.entries(spec.notes ?? {})) {
      const at = parseRect(address);
      const cell = sheet.cells.get(key(at.row, at.col)) ?? blankCell();
      cell.note = note;
      sheet.cells.set(key(at.row, at.col), cell);
    }
    for (const [address, { formula, value }] of Object.entries(spec.formulas ?? {})) {
      const at = parseRect(address);
      const cell = sheet.cells.get(key(at.row, at.col)) ?? blankCell();
      cell.formula = formula;
      cell.value = value;
      sheet.cells.set(key(at.row, at.col), cell);
    }
    for (const [letter, width] of Object.entries(spec.columnWidths ?? {}))
      sheet.columnWidths.set(parseRect(`${letter}1`).col, width);
    for (const cf of spec.userConditionalFormats ?? []) {
      sheet.conditionalFormats.push({
        id: this.nextId++,
        type: cf.type,
        formula: cf.formula,
        fill: cf.fill,
        areas: [parseRect(cf.address)],
      });
    }
    return sheet;
  }

  sheet(name: string): SheetState | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  /** Smallest rectangle holding every cell with a value (or, unless valuesOnly, any state at all). */
  usedRect(name: string, valuesOnly: boolean): Rect | null {
    const sheet = this.sheet(name);
    if (!sheet) return null;
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    for (const [k, cell] of sheet.cells) {
      if (valuesOnly && (cell.value === "" || cell.value === null)) continue;
      const [r, c] = k.split(",").map(Number) as [number, number];
      top = Math.min(top, r);
      left = Math.min(left, c);
      bottom = Math.max(bottom, r);
      right = Math.max(right, c);
    }
    return bottom < 0
      ? null
      : { row: top, col: left, rowCount: bottom - top + 1, colCount: right - left + 1 };
  }

  /** The `Excel.run` the port takes: a fresh request context per batch. */
  run = async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    this.runs += 1;
    const context = new MockContext(this);
    return batch(context as unknown as Excel.RequestContext);
  };

  failAt(failure: InjectedFailure): void {
    this.failures.push(failure);
  }

  /** Everything a user could see of a sheet's cells except conditional formats, for before/after checks. */
  cellSnapshot(name: string): string {
    const sheet = this.sheet(name);
    if (!sheet) return "";
    const entries = [...sheet.cells.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return JSON.stringify({ cells: entries, merges: sheet.merges, columnWidths: [...sheet.columnWidths] });
  }

  /** Each cell covered by a conditional format, with the formula and fill of the top rule over it. */
  formattedCells(
    name: string,
    filter: (cf: ConditionalFormatState) => boolean = () => true,
  ): Map<string, ConditionalFormatState> {
    const result = new Map<string, ConditionalFormatState>();
    for (const cf of [...(this.sheet(name)?.conditionalFormats ?? [])].reverse()) {
      if (!filter(cf)) continue;
      for (const area of cf.areas) for (const [r, c] of cellsOf(area)) result.set(cellAddress(r, c), cf);
    }
    return result;
  }

  cell(name: string, address: string): CellState | undefined {
    const at = parseRect(address);
    return this.sheet(name)?.cells.get(key(at.row, at.col));
  }
}
