import { parseAddress } from "../core/address";
import { gridWidth } from "../core/grid";
import type { CellValue, MergedArea, SheetGrid } from "../core/types";
import { origin, prop, range, rectAddress, sheetName } from "./et";

/**
 * Reading a WPS sheet into the core's `SheetGrid`.
 *
 * Every ET property read is a call into WPS, so the grid is read in bulk:
 * - values: ONE read of `UsedRange.Value2` (a 2-D array; a scalar when the used range is one cell);
 * - number formats: one read of the used range's `NumberFormat`, which is a string when every cell shares
 *   it and null when they differ; then one read per column, and per numeric cell only in a column that is
 *   still mixed (the core consults the format of numbers only: it tells a date serial from 2023.06);
 * - merged areas: `MergeCells` is true, false or null (mixed) for a block, so the used range is halved
 *   until each block is all-merged or merge-free, and each merged block's `MergeArea` names its area.
 *   A sheet without merges costs one read. Merges only help the reader, so past `MERGE_READ_BUDGET`
 *   reads the grid goes without them rather than keep WPS busy.
 */

export interface Rect {
  /** 0-based. */
  row: number;
  col: number;
  rows: number;
  cols: number;
}

/** Reads of `MergeCells`/`MergeArea` a grid may spend before it goes without merges. */
export const MERGE_READ_BUDGET = 20_000;

/**
 * VBA error values (`CVErr(xlErrNA)` …) as they cross into JavaScript: the HRESULT 0x800A07xx. Office.js
 * gives the error text instead, and so does this reader, so that `#N/A` is never read as an amount.
 */
const ERROR_VALUES: ReadonlyMap<number, string> = new Map([
  [-2146826288, "#NULL!"],
  [-2146826281, "#DIV/0!"],
  [-2146826273, "#VALUE!"],
  [-2146826265, "#REF!"],
  [-2146826259, "#NAME?"],
  [-2146826252, "#NUM!"],
  [-2146826246, "#N/A"],
]);

export function toCellValue(value: unknown): CellValue {
  if (typeof value === "number") return ERROR_VALUES.get(value) ?? value;
  if (typeof value === "string" || typeof value === "boolean") return value;
  return value === null || value === undefined ? "" : String(value);
}

/** `Value2` as rows of cells: a scalar for one cell, a 2-D array (rows of columns) for more. */
export function valueRows(value: unknown): CellValue[][] {
  if (!Array.isArray(value)) return [[toCellValue(value)]];
  if (value.length > 0 && !Array.isArray(value[0])) return [value.map(toCellValue)];
  return value.map((row) => (Array.isArray(row) ? row.map(toCellValue) : [toCellValue(row)]));
}

/** "A1:B2" or "$A$1" → 0-based rectangle; null when it is not one. */
export function parseRect(address: string): Rect | null {
  const bare = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const [first, last] = bare.split(":");
  const start = parseAddress(first ?? "");
  const end = last === undefined ? start : parseAddress(last);
  if (!start || !end) return null;
  return {
    row: Math.min(start.row, end.row),
    col: Math.min(start.col, end.col),
    rows: Math.abs(end.row - start.row) + 1,
    cols: Math.abs(end.col - start.col) + 1,
  };
}

function address(rect: Rect): string {
  return rectAddress(rect.row, rect.col, rect.rows, rect.cols);
}

function isNumber(value: CellValue): boolean {
  return typeof value === "number";
}

function formatOf(target: Et.Range): string | null {
  const format = prop(target, "NumberFormat");
  return typeof format === "string" && format !== "" ? format : null;
}

function readFormats(sheet: Et.Worksheet, used: Et.Range, block: Rect, values: CellValue[][]): string[][] {
  const formats = values.map((row) => row.map(() => ""));
  const whole = formatOf(used);
  if (whole !== null) return formats.map((row) => row.fill(whole));
  for (let c = 0; c < block.cols; c += 1) {
    const column = formatOf(
      range(sheet, address({ row: block.row, col: block.col + c, rows: block.rows, cols: 1 })),
    );
    for (let r = 0; r < block.rows; r += 1) {
      const row = formats[r] as string[];
      if (c >= row.length) continue;
      if (column !== null) row[c] = column;
      else if (isNumber(values[r]?.[c] ?? "")) {
        row[c] = formatOf(range(sheet, rectAddress(block.row + r, block.col + c))) ?? "";
      }
    }
  }
  return formats;
}

class MergeReader {
  readonly areas = new Map<string, Rect>();
  reads = 0;

  constructor(private readonly sheet: Et.Worksheet) {}

  /** False when the budget ran out. */
  scan(rect: Rect): boolean {
    if (rect.rows < 1 || rect.cols < 1) return true;
    if (++this.reads > MERGE_READ_BUDGET) return false;
    const target = range(this.sheet, address(rect));
    const merged = prop(target, "MergeCells");
    if (merged === false) return true;
    if (merged === true) return this.allMerged(rect);
    if (rect.rows === 1 && rect.cols === 1) return true;
    // Mixed: halve the longer side.
    if (rect.rows >= rect.cols) {
      const top = Math.ceil(rect.rows / 2);
      return (
        this.scan({ ...rect, rows: top }) &&
        this.scan({ ...rect, row: rect.row + top, rows: rect.rows - top })
      );
    }
    const left = Math.ceil(rect.cols / 2);
    return (
      this.scan({ ...rect, cols: left }) &&
      this.scan({ ...rect, col: rect.col + left, cols: rect.cols - left })
    );
  }

  /** Every cell of `rect` is merged: its top-left cell's area, then what of `rect` lies right of and below it. */
  private allMerged(rect: Rect): boolean {
    if (++this.reads > MERGE_READ_BUDGET) return false;
    const area = prop(range(this.sheet, rectAddress(rect.row, rect.col)), "MergeArea");
    const found = parseRect(String(area.Address(false, false)));
    if (!found || (found.rows === 1 && found.cols === 1)) return true;
    this.areas.set(address(found), found);
    const bottom = Math.min(found.row + found.rows, rect.row + rect.rows);
    const right = Math.min(found.col + found.cols, rect.col + rect.cols);
    return (
      this.scan({ row: rect.row, col: right, rows: bottom - rect.row, cols: rect.col + rect.cols - right }) &&
      this.scan({ row: bottom, col: rect.col, rows: rect.row + rect.rows - bottom, cols: rect.cols })
    );
  }
}

/** Merged areas clipped to the grid, relative to its origin; none when the budget ran out. */
export function readMerges(sheet: Et.Worksheet, block: Rect): MergedArea[] {
  const reader = new MergeReader(sheet);
  if (!reader.scan(block)) return [];
  const merges: MergedArea[] = [];
  for (const area of reader.areas.values()) {
    const top = Math.max(area.row, block.row);
    const left = Math.max(area.col, block.col);
    const bottom = Math.min(area.row + area.rows, block.row + block.rows);
    const right = Math.min(area.col + area.cols, block.col + block.cols);
    if (bottom - top < 1 || right - left < 1 || (bottom - top === 1 && right - left === 1)) continue;
    merges.push({
      row: top - block.row,
      col: left - block.col,
      rowCount: bottom - top,
      colCount: right - left,
    });
  }
  return merges.sort((a, b) => a.row - b.row || a.col - b.col);
}

/** The used range of `sheet` as a grid (see the cost above). */
export function readGrid(sheet: Et.Worksheet): SheetGrid {
  const name = sheetName(sheet);
  const used = prop(sheet, "UsedRange");
  const start = origin(used);
  const values = valueRows(prop(used, "Value2"));
  const block: Rect = {
    row: start.row - 1,
    col: start.col - 1,
    rows: values.length,
    cols: gridWidth(values),
  };
  return {
    sheet: name,
    origin: { row: block.row, col: block.col },
    values,
    numberFormats: readFormats(sheet, used, block, values),
    merges: readMerges(sheet, block),
  };
}
