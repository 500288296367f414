import { cellAddress, parseAddress } from "../../src/core/address";
import type { CellValue, SheetGrid } from "../../src/core/types";

/**
 * A fake of WPS 表格's object model (`window.Application`, "ET") as the JS API documents it and as the
 * VBA model it mirrors behaves — enough of it for src/wps, and strict where the adapter could go wrong:
 * - indices are 1-based (`Worksheets.Item(1)`, `FormatConditions.Item(1)`, `Row`, `Column`);
 * - `Value2` is a scalar for one cell and a 2-D array (rows of columns) for more; an empty cell is
 *   `undefined` (VBA Empty); error cells are VBA error values (HRESULT numbers);
 * - `NumberFormat` and `MergeCells` of a block are the shared value, or null when the cells differ;
 * - `Range("…")` refuses an address longer than 255 characters, as Excel's does;
 * - colours (`Interior.Color`) are BGR integers;
 * - `FormatConditions.Add` returns the new condition, which applies to the range it was added on;
 *   `Cells.FormatConditions` lists every condition of the sheet; `Delete()` removes one entirely;
 * - a sheet with `ProtectContents` refuses every write (throws, as ET does);
 * - custom document properties hold at most 255 characters of text;
 * - `Range.Merge()` adds a merged area, `ColumnWidth` / `WrapText` / `RowHeight` are recorded per sheet
 *   (`columnWidths`) or ignored, and `PageSetup` records what is set on it (`pageSetup`).
 * Every property read and method call is counted (`calls`), so tests can bound round trips.
 * `propertiesAsMethods` makes the application's and the sheets' properties getter functions, as some
 * WPS builds expose them.
 */

interface Rect {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

export interface CellState {
  value: CellValue | undefined;
  formula: string | null;
  numberFormat: string;
  /** The cell's own fill (BGR), null when none. */
  fill: number | null;
  bold: boolean;
  note: string | null;
  validation: { type: number; formula1: string } | null;
}

export interface ConditionState {
  type: number;
  formula1: string;
  areas: Rect[];
  fill: number | null;
  /** Borders the condition draws, by `XlBordersIndex`: line style and colour (BGR); absent when none. */
  borders?: Record<number, { lineStyle: number | null; color: number | null }>;
}

export interface FakeOptions {
  propertiesAsMethods?: boolean;
  /** Throw on the n-th call of `name` (1-based), as a refused write would. */
  failOn?: { name: string; call: number; message: string };
}

const GENERAL = "G/通用格式";

function parseRect(address: string): Rect {
  const [a, b] = address.replace(/\$/gu, "").split(":");
  const start = parseAddress(a ?? "");
  const end = b === undefined ? start : parseAddress(b);
  if (!start || !end) throw new Error(`Range(): bad address ${address}`);
  return {
    row: Math.min(start.row, end.row),
    col: Math.min(start.col, end.col),
    rows: Math.abs(end.row - start.row) + 1,
    cols: Math.abs(end.col - start.col) + 1,
  };
}

function rectAddress(rect: Rect, absolute = true): string {
  const d = absolute ? "$" : "";
  const cell = (r: number, c: number) => {
    const a = cellAddress(r, c);
    const m = /^([A-Z]+)(\d+)$/u.exec(a) as RegExpExecArray;
    return `${d}${m[1]}${d}${m[2]}`;
  };
  const first = cell(rect.row, rect.col);
  return rect.rows === 1 && rect.cols === 1
    ? first
    : `${first}:${cell(rect.row + rect.rows - 1, rect.col + rect.cols - 1)}`;
}

function intersects(a: Rect, b: Rect): boolean {
  return a.row < b.row + b.rows && b.row < a.row + a.rows && a.col < b.col + b.cols && b.col < a.col + a.cols;
}

function contains(a: Rect, row: number, col: number): boolean {
  return row >= a.row && row < a.row + a.rows && col >= a.col && col < a.col + a.cols;
}

export class FakeET {
  readonly calls = new Map<string, number>();
  readonly workbook: FakeWorkbook;
  readonly options: FakeOptions;
  screenUpdating = true;
  activeSheetIndex = 0;
  /** The cell whose formula is being calculated (`Application.ThisCell`); null outside a calculation. */
  thisCell: { sheet: string; address: string } | null = null;

  constructor(options: FakeOptions = {}) {
    this.options = options;
    this.workbook = new FakeWorkbook(this);
  }

  count(name: string): void {
    const n = (this.calls.get(name) ?? 0) + 1;
    this.calls.set(name, n);
    const fail = this.options.failOn;
    if (fail && fail.name === name && fail.call === n) throw new Error(fail.message);
  }

  /** Calls by name, e.g. `reads("Range.Value2")`. */
  reads(name: string): number {
    return this.calls.get(name) ?? 0;
  }

  totalCalls(): number {
    return [...this.calls.values()].reduce((a, b) => a + b, 0);
  }

  resetCalls(): void {
    this.calls.clear();
  }

  /** A value, or a function returning it when this build exposes properties as methods. */
  expose<T>(value: T): T | (() => T) {
    return this.options.propertiesAsMethods ? () => value : value;
  }

  addSheet(name: string, grid?: SheetGrid): FakeSheet {
    const sheet = new FakeSheet(this, name);
    if (grid) sheet.load(grid);
    this.workbook.sheets.push(sheet);
    return sheet;
  }

  sheet(name: string): FakeSheet {
    const found = this.workbook.sheets.find((s) => s.name === name);
    if (!found) throw new Error(`no sheet ${name}`);
    return found;
  }

  activate(name: string): void {
    this.activeSheetIndex = this.workbook.sheets.findIndex((s) => s.name === name);
  }

  /** The object handed to the adapter as `Et.Application`. */
  get application(): Et.Application {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the object-literal getters below need it
    const fake = this;
    const app = {
      get ActiveSheet() {
        fake.count("Application.ActiveSheet");
        return fake.expose(fake.workbook.sheets[fake.activeSheetIndex] ?? null);
      },
      get ActiveWorkbook() {
        fake.count("Application.ActiveWorkbook");
        return fake.expose(fake.workbook);
      },
      get ScreenUpdating() {
        return fake.screenUpdating;
      },
      get ThisCell() {
        fake.count("Application.ThisCell");
        return fake.thisCell ? fake.sheet(fake.thisCell.sheet).Range(fake.thisCell.address) : null;
      },
      get DisplayAlerts() {
        return true;
      },
      set DisplayAlerts(_value: boolean) {},
      set ScreenUpdating(value: boolean) {
        fake.screenUpdating = value;
      },
    };
    return app as unknown as Et.Application;
  }
}

export class FakeWorkbook {
  readonly sheets: FakeSheet[] = [];
  readonly properties: Array<{ Name: string; Value: string; Type: number }> = [];

  constructor(private readonly fake: FakeET) {}

  get Name(): string {
    return "新塘.xlsx";
  }

  get Worksheets(): unknown {
    const fake = this.fake;
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the object-literal getters below need it
    const book = this;
    fake.count("Workbook.Worksheets");
    return {
      get Count() {
        fake.count("Worksheets.Count");
        return book.sheets.length;
      },
      Item(index: number | string) {
        fake.count("Worksheets.Item");
        const sheet =
          typeof index === "number" ? book.sheets[index - 1] : book.sheets.find((s) => s.name === index);
        if (!sheet) throw new Error(`Worksheets.Item(${index}): 下标越界`);
        return sheet;
      },
      Add(before?: FakeSheet, after?: FakeSheet) {
        fake.count("Worksheets.Add");
        let name = "";
        for (let n = book.sheets.length + 1; ; n += 1) {
          name = `Sheet${n}`;
          if (!book.sheets.some((s) => s.name === name)) break;
        }
        const sheet = new FakeSheet(fake, name);
        const anchor = after ?? before;
        const at = anchor ? book.sheets.indexOf(anchor) + (after ? 1 : 0) : book.sheets.length;
        book.sheets.splice(at, 0, sheet);
        fake.activeSheetIndex = at;
        return sheet;
      },
    };
  }

  get CustomDocumentProperties(): unknown {
    const fake = this.fake;
    const props = this.properties;
    fake.count("Workbook.CustomDocumentProperties");
    const item = (p: { Name: string; Value: string; Type: number }) => ({
      get Name() {
        return p.Name;
      },
      get Value() {
        return p.Value;
      },
      Delete() {
        fake.count("DocumentProperty.Delete");
        props.splice(props.indexOf(p), 1);
      },
    });
    return {
      get Count() {
        return props.length;
      },
      Item(index: number | string) {
        fake.count("DocumentProperties.Item");
        const p = typeof index === "number" ? props[index - 1] : props.find((x) => x.Name === index);
        if (!p) throw new Error(`DocumentProperties.Item(${index}): 无效的过程调用`);
        return item(p);
      },
      Add(name: string, _link: boolean, type: number, value: string) {
        fake.count("DocumentProperties.Add");
        if (props.some((p) => p.Name === name)) throw new Error(`属性 ${name} 已存在`);
        if (String(value).length > 255) throw new Error("文本属性最多 255 个字符");
        const p = { Name: name, Value: String(value), Type: type };
        props.push(p);
        return item(p);
      },
    };
  }
}

export class FakeSheet {
  readonly cells = new Map<string, CellState>();
  readonly merges: Rect[] = [];
  readonly conditions: ConditionState[] = [];
  protectContents = false;
  selected: string | null = null;
  frozenRows = 0;
  /** 0-based column → width in characters, as set through `ColumnWidth`. */
  readonly columnWidths = new Map<number, number>();
  /** Every property set on `PageSetup`, by name. */
  readonly pageSetup: Record<string, unknown> = {};

  constructor(
    private readonly fake: FakeET,
    public name: string,
  ) {}

  load(grid: SheetGrid): void {
    grid.values.forEach((row, r) =>
      row.forEach((value, c) => {
        const format = grid.numberFormats?.[r]?.[c];
        if (value === "" || value === null) {
          if (format) this.cell(grid.origin.row + r, grid.origin.col + c).numberFormat = format;
          return;
        }
        const cell = this.cell(grid.origin.row + r, grid.origin.col + c);
        cell.value = value;
        if (format) cell.numberFormat = format;
      }),
    );
    for (const m of grid.merges ?? []) {
      this.merges.push({
        row: grid.origin.row + m.row,
        col: grid.origin.col + m.col,
        rows: m.rowCount,
        cols: m.colCount,
      });
    }
  }

  cell(row: number, col: number): CellState {
    const key = `${row},${col}`;
    let cell = this.cells.get(key);
    if (!cell) {
      cell = {
        value: undefined,
        formula: null,
        numberFormat: GENERAL,
        fill: null,
        bold: false,
        note: null,
        validation: null,
      };
      this.cells.set(key, cell);
    }
    return cell;
  }

  peek(address: string): CellState | undefined {
    const at = parseAddress(address);
    return at ? this.cells.get(`${at.row},${at.col}`) : undefined;
  }

  /** Cells with a value or formula: the used range is their bounding box (formats alone do not count). */
  usedRect(): Rect {
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    for (const [key, cell] of this.cells) {
      if (cell.value === undefined && cell.formula === null) continue;
      const [r, c] = key.split(",").map(Number) as [number, number];
      top = Math.min(top, r);
      left = Math.min(left, c);
      bottom = Math.max(bottom, r);
      right = Math.max(right, c);
    }
    return bottom < 0
      ? { row: 0, col: 0, rows: 1, cols: 1 }
      : { row: top, col: left, rows: bottom - top + 1, cols: right - left + 1 };
  }

  mergeAt(row: number, col: number): Rect | null {
    return this.merges.find((m) => contains(m, row, col)) ?? null;
  }

  guardWrite(): void {
    if (this.protectContents) throw new Error("您试图更改的单元格或图表受保护，因而是只读的。");
  }

  /** Snapshot of everything a user owns in the cells (values, formulas, formats, fills, fonts, notes). */
  userState(): string {
    return JSON.stringify([...this.cells.entries()].sort(([a], [b]) => (a < b ? -1 : 1)));
  }

  get Name(): string | (() => string) {
    this.fake.count("Worksheet.Name");
    return this.fake.expose(this.name);
  }

  set Name(value: string | (() => string)) {
    if (typeof value !== "string") throw new Error("Name must be text");
    this.name = value;
  }

  get ProtectContents(): boolean | (() => boolean) {
    this.fake.count("Worksheet.ProtectContents");
    return this.fake.expose(this.protectContents);
  }

  get UsedRange(): FakeRange | (() => FakeRange) {
    this.fake.count("Worksheet.UsedRange");
    return this.fake.expose(new FakeRange(this.fake, this, [this.usedRect()]));
  }

  get Cells(): FakeRange {
    return new FakeRange(this.fake, this, [{ row: 0, col: 0, rows: 1_048_576, cols: 16_384 }]);
  }

  Range(address: string): FakeRange {
    this.fake.count("Worksheet.Range");
    if (address.length > 255) throw new Error("Range(): 地址超过 255 个字符");
    return new FakeRange(this.fake, this, address.split(",").map(parseRect));
  }

  get PageSetup(): Record<string, unknown> {
    this.fake.count("Worksheet.PageSetup");
    const guard = () => this.guardWrite();
    return new Proxy(this.pageSetup, {
      set(target, key, value) {
        guard();
        target[String(key)] = value;
        return true;
      },
    });
  }

  Delete(): void {
    this.fake.count("Worksheet.Delete");
    const sheets = this.fake.workbook.sheets;
    sheets.splice(sheets.indexOf(this), 1);
  }

  Activate(): void {
    this.fake.count("Worksheet.Activate");
    this.fake.activeSheetIndex = this.fake.workbook.sheets.indexOf(this);
  }
}

export class FakeRange {
  constructor(
    private readonly fake: FakeET,
    private readonly sheet: FakeSheet,
    readonly areas: Rect[],
  ) {}

  private get first(): Rect {
    return this.areas[0] as Rect;
  }

  private eachCell(visit: (row: number, col: number) => void): void {
    for (const a of this.areas)
      for (let r = a.row; r < a.row + a.rows; r++) for (let c = a.col; c < a.col + a.cols; c++) visit(r, c);
  }

  private block<T>(read: (row: number, col: number) => T): T | T[][] {
    const a = this.first;
    if (a.rows === 1 && a.cols === 1) return read(a.row, a.col);
    const rows: T[][] = [];
    for (let r = a.row; r < a.row + a.rows; r++) {
      const row: T[] = [];
      for (let c = a.col; c < a.col + a.cols; c++) row.push(read(r, c));
      rows.push(row);
    }
    return rows;
  }

  private writeBlock<T>(value: T | T[][], write: (cell: CellState, v: T) => void): void {
    this.sheet.guardWrite();
    const a = this.first;
    for (let r = 0; r < a.rows; r++)
      for (let c = 0; c < a.cols; c++) {
        const v = Array.isArray(value) ? (value[r]?.[c] as T) : value;
        write(this.sheet.cell(a.row + r, a.col + c), v);
      }
  }

  get Worksheet(): FakeSheet {
    return this.sheet;
  }

  get Row(): number {
    this.fake.count("Range.Row");
    return this.first.row + 1;
  }

  get Column(): number {
    this.fake.count("Range.Column");
    return this.first.col + 1;
  }

  get Value2(): unknown {
    this.fake.count("Range.Value2");
    const read = this.block((r, c) => this.sheet.cells.get(`${r},${c}`)?.value);
    return this.fake.expose(read);
  }

  set Value2(value: unknown) {
    this.fake.count("Range.Value2=");
    this.writeBlock(value as CellValue, (cell, v) => {
      cell.value = v === "" || v === null ? undefined : v;
      cell.formula = null;
    });
  }

  get Formula(): unknown {
    this.fake.count("Range.Formula");
    return this.block((r, c) => {
      const cell = this.sheet.cells.get(`${r},${c}`);
      return cell?.formula ?? (cell?.value === undefined ? "" : String(cell.value));
    });
  }

  set Formula(value: unknown) {
    this.fake.count("Range.Formula=");
    this.writeBlock(value as string, (cell, v) => {
      if (typeof v === "string" && v.startsWith("=")) {
        cell.formula = v;
        cell.value = "(公式)";
      } else {
        cell.formula = null;
        cell.value = v === "" ? undefined : v;
      }
    });
  }

  get NumberFormat(): string | null {
    this.fake.count("Range.NumberFormat");
    const seen = new Set<string>();
    this.eachCell((r, c) => seen.add(this.sheet.cells.get(`${r},${c}`)?.numberFormat ?? GENERAL));
    return seen.size === 1 ? ([...seen][0] as string) : null;
  }

  set NumberFormat(value: string | null) {
    this.fake.count("Range.NumberFormat=");
    this.sheet.guardWrite();
    this.eachCell((r, c) => {
      this.sheet.cell(r, c).numberFormat = value ?? GENERAL;
    });
  }

  get MergeCells(): boolean | null {
    this.fake.count("Range.MergeCells");
    let merged = 0;
    let plain = 0;
    this.eachCell((r, c) => (this.sheet.mergeAt(r, c) ? merged++ : plain++));
    return plain === 0 ? true : merged === 0 ? false : null;
  }

  get MergeArea(): FakeRange {
    this.fake.count("Range.MergeArea");
    const a = this.first;
    return new FakeRange(this.fake, this.sheet, [
      this.sheet.mergeAt(a.row, a.col) ?? { row: a.row, col: a.col, rows: 1, cols: 1 },
    ]);
  }

  Address(rowAbsolute = true, columnAbsolute = true): string {
    this.fake.count("Range.Address");
    return this.areas.map((a) => rectAddress(a, rowAbsolute && columnAbsolute)).join(",");
  }

  get Interior(): { Color: number | null } {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the object-literal getters below need it
    const range = this;
    const a = this.first;
    return {
      get Color() {
        return range.sheet.cells.get(`${a.row},${a.col}`)?.fill ?? null;
      },
      set Color(value: number | null) {
        range.sheet.guardWrite();
        range.eachCell((r, c) => {
          range.sheet.cell(r, c).fill = value;
        });
      },
    };
  }

  get Font(): { Bold: boolean } {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the object-literal getters below need it
    const range = this;
    return {
      get Bold() {
        const a = range.first;
        return range.sheet.cells.get(`${a.row},${a.col}`)?.bold ?? false;
      },
      set Bold(value: boolean) {
        range.sheet.guardWrite();
        range.eachCell((r, c) => {
          range.sheet.cell(r, c).bold = value;
        });
      },
    };
  }

  get Validation(): unknown {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the object-literal getters below need it
    const range = this;
    return {
      get Type() {
        const types = new Set<number>();
        range.eachCell((r, c) => types.add(range.sheet.cells.get(`${r},${c}`)?.validation?.type ?? -1));
        if (types.size !== 1) throw new Error("Validation.Type: 区域内数据有效性不一致");
        const type = [...types][0] as number;
        if (type === -1) throw new Error("Validation.Type: 没有数据有效性");
        return type;
      },
      Add(type: number, _alert: number, _op: number, formula1: string) {
        range.fake.count("Validation.Add");
        range.sheet.guardWrite();
        range.eachCell((r, c) => {
          range.sheet.cell(r, c).validation = { type, formula1 };
        });
      },
      Delete() {
        range.sheet.guardWrite();
        range.eachCell((r, c) => {
          range.sheet.cell(r, c).validation = null;
        });
      },
    };
  }

  Merge(): void {
    this.fake.count("Range.Merge");
    this.sheet.guardWrite();
    this.sheet.merges.push({ ...this.first });
  }

  /** The first column's width in characters (Excel's default 8.43 where none was set). */
  get ColumnWidth(): number {
    this.fake.count("Range.ColumnWidth");
    return this.sheet.columnWidths.get(this.first.col) ?? 8.43;
  }

  set ColumnWidth(value: number) {
    this.sheet.guardWrite();
    for (let c = this.first.col; c < this.first.col + this.first.cols; c++)
      this.sheet.columnWidths.set(c, value);
  }

  /** Layout only: nothing a test reads. */
  set WrapText(_value: boolean) {
    this.sheet.guardWrite();
  }

  set RowHeight(_value: number) {
    this.sheet.guardWrite();
  }

  get Columns(): { AutoFit: () => void } {
    return { AutoFit: () => this.fake.count("Range.Columns.AutoFit") };
  }

  get FormatConditions(): unknown {
    const fake = this.fake;
    const sheet = this.sheet;
    const areas = this.areas;
    fake.count("Range.FormatConditions");
    const listed = () =>
      sheet.conditions.filter((cf) => cf.areas.some((a) => areas.some((b) => intersects(a, b))));
    const wrap = (cf: ConditionState) => ({
      get Type() {
        return cf.type;
      },
      get Formula1() {
        fake.count("FormatCondition.Formula1");
        return cf.formula1;
      },
      get Interior() {
        return {
          get Color() {
            return cf.fill;
          },
          set Color(value: number | null) {
            sheet.guardWrite();
            cf.fill = value;
          },
        };
      },
      get AppliesTo() {
        return new FakeRange(fake, sheet, cf.areas);
      },
      get Borders() {
        return {
          Item(index: number) {
            const edge = ((cf.borders ??= {})[index] ??= { lineStyle: null, color: null });
            return {
              set LineStyle(value: number) {
                sheet.guardWrite();
                edge.lineStyle = value;
              },
              set Color(value: number) {
                sheet.guardWrite();
                edge.color = value;
              },
            };
          },
        };
      },
      Delete() {
        fake.count("FormatCondition.Delete");
        sheet.guardWrite();
        sheet.conditions.splice(sheet.conditions.indexOf(cf), 1);
      },
    });
    return {
      get Count() {
        fake.count("FormatConditions.Count");
        return listed().length;
      },
      Item(index: number) {
        fake.count("FormatConditions.Item");
        const cf = listed()[index - 1];
        if (!cf) throw new Error(`FormatConditions.Item(${index}): 下标越界`);
        return wrap(cf);
      },
      Add(type: number, _operator: unknown, formula1: string) {
        fake.count("FormatConditions.Add");
        sheet.guardWrite();
        const cf: ConditionState = {
          type,
          formula1,
          areas: areas.map((a) => ({ ...a })),
          fill: null,
        };
        sheet.conditions.push(cf);
        return wrap(cf);
      },
    };
  }

  Select(): void {
    this.fake.count("Range.Select");
    this.sheet.selected = this.Address(false, false);
  }
}

/** Cells under conditions that match `keep`: address → condition. */
export function conditionedCells(
  sheet: FakeSheet,
  keep: (cf: ConditionState) => boolean,
): Map<string, ConditionState> {
  const cells = new Map<string, ConditionState>();
  for (const cf of sheet.conditions.filter(keep))
    for (const a of cf.areas)
      for (let r = a.row; r < a.row + a.rows; r++)
        for (let c = a.col; c < a.col + a.cols; c++) cells.set(cellAddress(r, c), cf);
  return cells;
}
