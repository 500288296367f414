import { cellAddress, parseAddress } from "../core/address";
import { checkSheet } from "../core/check";
import { planMarks, type MarkKind } from "../core/marks";
import { resolveOptions } from "../core/options";
import { parsePaneSettings, type PaneSettings } from "../core/pane-settings";
import type {
  AddedProgressColumn,
  CheckedSheet,
  CheckRequest,
  Outcome,
  ReportSheetRequest,
  WorkbookPort,
} from "../core/port";
import { planProgressColumn } from "../core/progress/add-column";
import { buildSheetReport } from "../core/report/model";
import { reportSheetLayout } from "../core/report/sheet";
import { diffSnapshots, emptyStore, recordCheck, snapshotOf, type SnapshotStore } from "../core/since";
import type { CellValue, SheetGrid, SheetResult, TableResult } from "../core/types";
import { COMPLETION_CHOICES, QUARTER_HEADER, planCompletionColumns } from "../core/completion-columns";
import { planStatusColumns } from "../core/status-column";
import { PROJECT_STATUS_LABEL } from "../core/status";
import { gridWidth } from "../core/grid";
import { OK, failure, occupiedRefusal } from "../core/refusals";

/** Text the preview keeps for a workbook between visits, as Excel keeps its add-in settings in the file. */
export interface SettingsStore {
  read(): string | null;
  write(text: string): void;
}

/** A mark in the preview's format layer: drawn over the cell, never written into its value. */
export interface PreviewMark {
  kind: MarkKind;
  reason: string;
}

/** A cell that links to another cell (a project on the 通报 sheet, back to its table). */
export interface PreviewLink {
  sheet: string;
  cell: string;
}

export interface PreviewSheet {
  grid: SheetGrid;
  /** Column widths in Excel's character units, for drawing; null where the sheet keeps the default. */
  columnWidths?: Array<number | null>;
}

/** Everything the grid view draws. A new object after every change, so React sees the change. */
export interface PreviewState {
  sheets: readonly PreviewSheet[];
  activeSheet: string;
  /** sheet → address → mark. */
  marks: ReadonlyMap<string, ReadonlyMap<string, PreviewMark>>;
  /** sheet → address → drop-down choices (the completion columns' data validation). */
  dropDowns: ReadonlyMap<string, ReadonlyMap<string, readonly string[]>>;
  /** sheet → address → link target. */
  links: ReadonlyMap<string, ReadonlyMap<string, PreviewLink>>;
  selected: PreviewLink | null;
  /** Counts selections, so selecting the same cell twice still scrolls to it. */
  selectionCount: number;
}

/** A failure; one that names a cell also names its sheet, for the pane's link. */
/**
 * The WorkbookPort over an in-memory workbook: the same checks and marks as in Excel, with the marks
 * kept in a format layer beside the values, exactly as conditional formats sit beside a sheet's cells.
 */
export class PreviewPort implements WorkbookPort {
  private state: PreviewState;
  private readonly listeners = new Set<() => void>();
  private readonly settings: SettingsStore | undefined;
  /** Earlier checks' snapshots, per sheet, as the Excel port keeps them in the workbook's settings. */
  private snapshots: SnapshotStore = emptyStore();

  /** `settings`: where this workbook's pane settings live (the page gives localStorage, per sample file). */
  constructor(
    sheets: readonly PreviewSheet[],
    options: { activeSheet?: string; settings?: SettingsStore } = {},
  ) {
    const { activeSheet } = options;
    this.settings = options.settings;
    const first = sheets[0];
    if (!first) throw new Error("预览工作簿至少要有一张工作表");
    this.state = {
      sheets,
      activeSheet: activeSheet ?? first.grid.sheet,
      marks: new Map(),
      dropDowns: new Map(),
      links: new Map(),
      selected: null,
      selectionCount: 0,
    };
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getState = (): PreviewState => this.state;

  private update(change: Partial<PreviewState>): void {
    this.state = { ...this.state, ...change };
    for (const listener of this.listeners) listener();
  }

  private sheet(name: string): PreviewSheet | undefined {
    return this.state.sheets.find((s) => s.grid.sheet === name);
  }

  /** The sheet tab the user clicked. */
  activate(sheet: string): void {
    if (this.sheet(sheet)) this.update({ activeSheet: sheet });
  }

  /** A value typed (or picked from a drop-down) into a cell, as the user would in Excel. */
  setCell(sheet: string, address: string, value: CellValue): void {
    const target = this.sheet(sheet);
    const at = parseAddress(address);
    if (!target || !at) return;
    this.replaceSheet(writeCells(target, [{ row: at.row, col: at.col, value }]));
  }

  private replaceSheet(next: PreviewSheet, extra: Partial<PreviewState> = {}): void {
    const exists = this.sheet(next.grid.sheet);
    const sheets = exists
      ? this.state.sheets.map((s) => (s === exists ? next : s))
      : [...this.state.sheets, next];
    this.update({ ...extra, sheets });
  }

  async checkActiveSheet(request: CheckRequest): Promise<Outcome<CheckedSheet>> {
    const options = resolveOptions(request);
    if (!options.ok) return failure(options.message, `Invalid options: ${options.message}`);
    const active = this.sheet(this.state.activeSheet);
    if (!active) return failure("没有活动工作表", "No active sheet");
    const result = checkSheet(active.grid, options.options);
    // A second check replaces the first one's marks on that sheet, as in Excel.
    const sheetMarks = new Map<string, PreviewMark>();
    for (const mark of planMarks(result))
      sheetMarks.set(mark.address, { kind: mark.kind, reason: mark.reason });
    const marks = new Map(this.state.marks);
    marks.set(active.grid.sheet, sheetMarks);
    this.update({ marks });
    if (result.tables.length === 0) return { ok: true, value: result };
    const snapshot = snapshotOf(result);
    const { base, store } = recordCheck(this.snapshots, active.grid.sheet, snapshot);
    this.snapshots = store;
    return { ok: true, value: base ? { ...result, since: diffSnapshots(base, snapshot) } : result };
  }

  async clearMarks(): Promise<Outcome> {
    this.update({ marks: new Map() });
    return OK;
  }

  async selectCell(sheet: string, address: string): Promise<Outcome> {
    if (!this.sheet(sheet)) return failure(`找不到工作表“${sheet}”`, `Sheet "${sheet}" not found`);
    if (!parseAddress(address))
      return failure(`“${address}”不是单元格地址`, `"${address}" is not a cell address`);
    this.update({
      activeSheet: sheet,
      selected: { sheet, cell: address },
      selectionCount: this.state.selectionCount + 1,
    });
    return OK;
  }

  /** 生成通报表: the same layout as Excel's (page setup aside, which a grid does not print). */
  async writeReportSheet(
    result: SheetResult,
    request: ReportSheetRequest,
    overwrite: boolean,
  ): Promise<Outcome<string> | { ok: false; exists: true }> {
    if (result.tables.length === 0)
      return failure("没有可通报的表格，请先检查进度", "Nothing to report: check a table first");
    const layout = reportSheetLayout(buildSheetReport(result, request));
    if (this.sheet(layout.name) && !overwrite) return { ok: false, exists: true };
    const links = new Map<string, PreviewLink>();
    for (const link of layout.links)
      links.set(cellAddress(link.row, link.col), { sheet: link.sheet, cell: link.cell });
    const allLinks = new Map(this.state.links);
    allLinks.set(layout.name, links);
    const grid: SheetGrid = {
      sheet: layout.name,
      origin: { row: 0, col: 0 },
      values: layout.rows.map((row) => [...row]),
      merges: layout.mergedRows.map((row) => ({ row, col: 0, rowCount: 1, colCount: layout.columnCount })),
    };
    this.replaceSheet(
      { grid, columnWidths: [...layout.columnWidths] },
      { links: allLinks, activeSheet: layout.name },
    );
    return { ok: true, value: layout.name };
  }

  async addCompletionColumns(result: SheetResult): Promise<Outcome> {
    const target = this.sheet(result.sheet);
    if (!target) return failure(`找不到工作表“${result.sheet}”`, `Sheet "${result.sheet}" not found`);
    const planned = planCompletionColumns(result);
    if (!planned.ok) return planned;
    // Every table's cells are checked before any is written, as in Excel.
    for (const plan of planned.value) {
      for (let row = plan.headerRow; row <= Math.max(plan.headerRow, plan.lastRow); row++) {
        for (let col = plan.firstCol; col < plan.firstCol + plan.quarters.length; col++) {
          if (!isEmpty(valueAt(target.grid, row, col))) {
            const cell = cellAddress(row, col);
            return occupiedRefusal("completion", cell, result.sheet);
          }
        }
      }
    }
    const choices = new Map(this.state.dropDowns.get(result.sheet) ?? []);
    const writes = planned.value.flatMap((plan) => {
      // Project rows only: repeated header, section and total rows get no drop-down, as in Excel.
      for (const run of plan.dataRuns) {
        for (let row = run.firstRow; row < run.firstRow + run.rowCount; row++) {
          plan.quarters.forEach((_, i) =>
            choices.set(cellAddress(row, plan.firstCol + i), COMPLETION_CHOICES),
          );
        }
      }
      return plan.quarters.map((q, i) => ({
        row: plan.headerRow,
        col: plan.firstCol + i,
        value: QUARTER_HEADER[q],
      }));
    });
    const dropDowns = new Map(this.state.dropDowns);
    dropDowns.set(result.sheet, choices);
    this.replaceSheet(writeCells(target, writes), { dropDowns });
    return OK;
  }

  /** 添加本月进展列: the same plan and refusals as the Excel port; the header cell, and the width of the last progress column. */
  async addProgressColumn(table: TableResult, asOf: string): Promise<Outcome<AddedProgressColumn>> {
    const target = this.sheet(table.sheet);
    if (!target) return failure(`找不到工作表“${table.sheet}”`, `Sheet "${table.sheet}" not found`);
    const planned = planProgressColumn(table, asOf);
    if (!planned.ok) return planned;
    const plan = planned.value;
    for (let row = plan.headerRow; row <= Math.max(plan.headerRow, plan.lastDataRow); row++) {
      if (!isEmpty(valueAt(target.grid, row, plan.col))) {
        const cell = cellAddress(row, plan.col);
        return occupiedRefusal("progress", cell, table.sheet);
      }
    }
    const written = writeCells(target, [{ row: plan.headerRow, col: plan.col, value: plan.header }]);
    const widths = written.columnWidths;
    const at = (col: number) => col - written.grid.origin.col;
    if (widths && plan.like) widths[at(plan.col)] = widths[at(plan.like.col)] ?? null;
    this.replaceSheet(written);
    const cell = cellAddress(plan.headerRow, plan.col);
    return { ok: true, value: { sheet: table.sheet, cell, header: plan.header, period: plan.period } };
  }

  /**
   * 插入状态列. The preview has no formula engine, so each cell shows what its `=DUTY.STATUS(…)` answers on
   * the request's date, from the same plan (and the same refusal of occupied cells) as the Excel port.
   */
  async insertStatusColumn(request: CheckRequest): Promise<Outcome> {
    const active = this.sheet(this.state.activeSheet);
    if (!active) return failure("没有活动工作表", "No active sheet");
    const options = resolveOptions(request);
    if (!options.ok) return failure(options.message, `Invalid options: ${options.message}`);
    const result = checkSheet(active.grid, options.options);
    const plans = planStatusColumns(active.grid, result);
    if (!plans.ok) return plans.cell ? { ...plans, sheet: active.grid.sheet } : plans;
    const statusByRow = new Map(
      result.tables.flatMap((t) =>
        t.projects.map((p) => [p.row, PROJECT_STATUS_LABEL[p.status].zh] as const),
      ),
    );
    const col = (address: string) => parseAddress(address)?.col ?? 0;
    const writes = plans.value.flatMap((plan) =>
      plan.cells.map(({ row, content }) => ({
        row: row - 1,
        col: col(`${plan.column}1`),
        value: content.startsWith("=") ? (statusByRow.get(row) ?? "") : content,
      })),
    );
    this.replaceSheet(writeCells(active, writes));
    return OK;
  }

  async readSettings(): Promise<Outcome<PaneSettings>> {
    return { ok: true, value: parsePaneSettings(this.settings?.read() ?? null) };
  }

  async writeSettings(settings: PaneSettings): Promise<Outcome> {
    this.settings?.write(JSON.stringify(settings));
    return OK;
  }
}

function isEmpty(value: CellValue | undefined): boolean {
  return value === undefined || value === null || value === "";
}

/** The value at a 0-based absolute row/column, undefined outside the grid. */
export function valueAt(grid: SheetGrid, row: number, col: number): CellValue | undefined {
  return grid.values[row - grid.origin.row]?.[col - grid.origin.col];
}

/** A copy of the sheet with the cells written, the grid grown (with "") to hold them. */
function writeCells(
  sheet: PreviewSheet,
  writes: Array<{ row: number; col: number; value: CellValue }>,
): PreviewSheet {
  const { grid } = sheet;
  const values = grid.values.map((row) => [...row]);
  const numberFormats = grid.numberFormats?.map((row) => [...row]);
  let width = gridWidth(values);
  for (const { row, col, value } of writes) {
    const r = row - grid.origin.row;
    const c = col - grid.origin.col;
    if (r < 0 || c < 0) continue;
    while (values.length <= r) values.push([]);
    width = Math.max(width, c + 1);
    for (const line of values) while (line.length < width) line.push("");
    if (numberFormats) {
      while (numberFormats.length < values.length) numberFormats.push([]);
      for (const line of numberFormats) while (line.length < width) line.push("General");
    }
    (values[r] as CellValue[])[c] = value;
  }
  const columnWidths = sheet.columnWidths ? [...sheet.columnWidths] : undefined;
  while (columnWidths && columnWidths.length < width) columnWidths.push(null);
  return {
    grid: { ...grid, values, ...(numberFormats ? { numberFormats } : {}) },
    ...(columnWidths ? { columnWidths } : {}),
  };
}
