import { cellAddress, parseAddress } from "../core/address";
import type { CellValue, MergedArea, SheetGrid } from "../core/types";
import { PAYLOAD_CODES, errorCode, tooLargeToRead } from "./errors";

/**
 * Reading a sheet into a `SheetGrid`.
 *
 * Round trips (each `context.sync()` is one):
 * - A normal sheet: ONE sync. Values, number formats, the used range's address (→ origin) and the merged
 *   areas are all loaded before it, together with whatever the caller queues (`queueExtra`: protection,
 *   our old marks, settings), so a check reads everything it needs at once.
 * - A sheet above Excel on the web's 5 MB response limit (or the 5,000,000-cell read limit): the size is
 *   only known from the used range's address, which is not known before the first sync. So we try the one
 *   sync first; when Excel answers `ResponsePayloadSizeLimitExceeded` / `RangeExceedsLimit`, we spend one
 *   sync on the used range's address and the caller's loads, then ONE sync PER ROW CHUNK. The chunks
 *   cannot share a sync: Excel limits the payload of a whole batch, and the docs say to sync each
 *   sub-operation so that they are not batched together again. A chunk that still exceeds the limit is
 *   halved and retried. Total for such a sheet: 2 + number of chunks (+ halvings).
 * - Above about 5 million cells Excel answers the values with null rather than an error: that read ends
 *   with the same "too large" error as a refused one (RangeExceedsLimit).
 * - Excel refuses `getMergedAreasOrNullObject` above 512 merged areas, failing the whole batch: the read
 *   is then retried once without merges (2 syncs; merges are optional in a grid).
 */

/** A load queued on the context: call after the sync to read what it loaded. */
export type Queued<T> = () => T;

/** Estimated bytes per cell in the JSON response (value + number format, CJK text escaped). */
const BYTES_PER_CELL = 400;
/** Stay well under the 5 MB payload limit. */
const CHUNK_BUDGET_BYTES = 3_000_000;

/** Used-range reads consider only cells with values: formatting alone does not widen the grid. */
const VALUES_ONLY = true;

export interface SheetRead<T> {
  grid: SheetGrid;
  extra: T;
  /** How many `context.sync()` calls the read took. */
  syncs: number;
}

interface Rect {
  row: number;
  col: number;
  rowCount: number;
  colCount: number;
}

/** The top-left cell of the first area of an address such as `Sheet1!M3:M4,Sheet1!P3:P4` ("M3"). */
export function firstCellOf(address: string): string | undefined {
  const first = parseRangeAddress(address.split(",")[0] ?? "");
  return first ? cellAddress(first.row, first.col) : undefined;
}

/** "Sheet1!B3:K40", "'My sheet'!B3" → 0-based rectangle; null when not a cell/range address. */
export function parseRangeAddress(address: string): Rect | null {
  const bare = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const [first, last] = bare.split(":");
  const start = parseAddress(first ?? "");
  const end = last === undefined ? start : parseAddress(last);
  if (!start || !end) return null;
  const row = Math.min(start.row, end.row);
  const col = Math.min(start.col, end.col);
  return {
    row,
    col,
    rowCount: Math.abs(end.row - start.row) + 1,
    colCount: Math.abs(end.col - start.col) + 1,
  };
}

/** Splits a RangeAreas address ("Sheet1!A1:B2, 'a,b'!C3") at commas outside quoted sheet names. */
export function splitAreas(address: string): string[] {
  const parts: string[] = [];
  let current = "";
  let quoted = false;
  for (const ch of address) {
    if (ch === "'") quoted = !quoted;
    if ((ch === "," || ch === ";") && !quoted) {
      parts.push(current.trim());
      current = "";
    } else current += ch;
  }
  if (current.trim()) parts.push(current.trim());
  return parts.filter((p) => p.length > 0);
}

function toCellValue(value: unknown): CellValue {
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  return value === null || value === undefined ? "" : String(value);
}

/** Merged areas clipped to the grid, in grid coordinates (the core wants them relative to `origin`). */
function mergesIn(areasAddress: string | null, grid: Rect): MergedArea[] {
  if (!areasAddress) return [];
  const seen = new Set<string>();
  const merges: MergedArea[] = [];
  for (const part of splitAreas(areasAddress)) {
    const area = parseRangeAddress(part);
    if (!area) continue;
    const top = Math.max(area.row, grid.row);
    const left = Math.max(area.col, grid.col);
    const bottom = Math.min(area.row + area.rowCount, grid.row + grid.rowCount);
    const right = Math.min(area.col + area.colCount, grid.col + grid.colCount);
    if (bottom - top < 1 || right - left < 1 || (bottom - top === 1 && right - left === 1)) continue;
    const key = `${top},${left},${bottom},${right}`;
    if (seen.has(key)) continue;
    seen.add(key);
    merges.push({
      row: top - grid.row,
      col: left - grid.col,
      rowCount: bottom - top,
      colCount: right - left,
    });
  }
  return merges;
}

interface Block {
  address: string;
  values: CellValue[][];
  numberFormats: string[][];
}

function queueBlock(range: Excel.Range): Queued<Block | null> {
  range.load("address,values,numberFormat");
  return () => {
    if (range.isNullObject) return null;
    if (range.values === null || range.numberFormat === null) throw tooLargeToRead();
    return {
      address: range.address,
      values: range.values.map((row) => row.map(toCellValue)),
      numberFormats: range.numberFormat.map((row) => row.map((f) => (f === null ? "" : String(f)))),
    };
  };
}

function queueMerges(sheet: Excel.Worksheet): Queued<string | null> {
  const merged = sheet.getRange().getMergedAreasOrNullObject();
  merged.load("address");
  return () => (merged.isNullObject ? null : merged.address);
}

function isPayloadError(error: unknown): boolean {
  const code = errorCode(error);
  return code !== null && PAYLOAD_CODES.has(code);
}

function emptyGrid(sheet: string): SheetGrid {
  return { sheet, origin: { row: 0, col: 0 }, values: [], numberFormats: [], merges: [] };
}

function gridFrom(sheet: string, block: Block, mergedAddress: string | null): SheetGrid {
  const rect = parseRangeAddress(block.address);
  if (!rect) throw new Error(`Unreadable used range address: ${block.address}`);
  return {
    sheet,
    origin: { row: rect.row, col: rect.col },
    values: block.values,
    numberFormats: block.numberFormats,
    merges: mergesIn(mergedAddress, rect),
  };
}

/** Errors a retry cannot cure: the user must act first (finish editing, wait). */
const USER_STATE_CODES: ReadonlySet<string> = new Set([
  "InvalidOperationInCellEditMode",
  "InvalidOperation",
  "ActivityLimitReached",
  "AccessDenied",
  "RequestAborted",
]);

/**
 * Excel documents that `getMergedAreasOrNullObject` fails when a range has more than 512 merged areas,
 * and such a failure takes the whole batch with it. Merges only help the reader (they are optional in
 * `SheetGrid`), so a batch that failed for another reason is retried once without them.
 */
function mayRetryWithoutMerges(error: unknown): boolean {
  const code = errorCode(error);
  return code === null || !USER_STATE_CODES.has(code);
}

/**
 * Reads the used range of `sheet` with the caller's extra loads, in one sync for a normal sheet.
 * `queueExtra` may be called again (for a retry), so it must only queue loads.
 */
export async function readSheet<T>(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  queueExtra: () => Queued<T>,
): Promise<SheetRead<T>> {
  let syncs = 0;
  for (const withMerges of [true, false]) {
    sheet.load("name");
    const block = queueBlock(sheet.getUsedRangeOrNullObject(VALUES_ONLY));
    const merges: Queued<string | null> = withMerges ? queueMerges(sheet) : () => null;
    const extra = queueExtra();
    syncs += 1;
    try {
      await context.sync();
    } catch (error) {
      if (isPayloadError(error)) return readInChunks(context, sheet, queueExtra, syncs);
      if (withMerges && mayRetryWithoutMerges(error)) continue;
      throw error;
    }
    const read = block();
    return {
      grid: read ? gridFrom(sheet.name, read, merges()) : emptyGrid(sheet.name),
      extra: extra(),
      syncs,
    };
  }
  throw new Error("unreachable: the second attempt returns or throws");
}

async function readInChunks<T>(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  queueExtra: () => Queued<T>,
  syncsSoFar: number,
): Promise<SheetRead<T>> {
  sheet.load("name");
  const used = sheet.getUsedRangeOrNullObject(VALUES_ONLY);
  used.load("address");
  const extra = queueExtra();
  await context.sync();
  let syncs = syncsSoFar + 1;
  if (used.isNullObject) return { grid: emptyGrid(sheet.name), extra: extra(), syncs };
  const rect = parseRangeAddress(used.address);
  if (!rect) throw new Error(`Unreadable used range address: ${used.address}`);

  const values: CellValue[][] = [];
  const numberFormats: string[][] = [];
  const mergeAddresses: string[] = [];
  let rowsPerChunk = Math.max(1, Math.floor(CHUNK_BUDGET_BYTES / BYTES_PER_CELL / rect.colCount));
  let withMerges = true;
  let next = 0;
  while (next < rect.rowCount) {
    const rowCount = Math.min(rowsPerChunk, rect.rowCount - next);
    const range = sheet.getRangeByIndexes(rect.row + next, rect.col, rowCount, rect.colCount);
    const chunk = queueBlock(range);
    let merged: Excel.RangeAreas | null = null;
    if (withMerges) {
      merged = range.getMergedAreasOrNullObject();
      merged.load("address");
    }
    syncs += 1;
    try {
      await context.sync();
    } catch (error) {
      if (isPayloadError(error) && rowCount > 1) rowsPerChunk = Math.max(1, Math.floor(rowCount / 2));
      else if (withMerges && mayRetryWithoutMerges(error)) withMerges = false;
      else throw error;
      continue;
    }
    const read = chunk();
    if (read) {
      for (const row of read.values) values.push(row);
      for (const row of read.numberFormats) numberFormats.push(row);
    }
    if (merged && !merged.isNullObject) mergeAddresses.push(merged.address);
    next += rowCount;
  }
  return {
    grid: {
      sheet: sheet.name,
      origin: { row: rect.row, col: rect.col },
      values,
      numberFormats,
      merges: mergesIn(mergeAddresses.join(","), rect),
    },
    extra: extra(),
    syncs,
  };
}

/** The used range of `sheet` as a grid: one `context.sync()` for a normal sheet (see above). */
export async function readSheetGrid(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
): Promise<SheetGrid> {
  const read = await readSheet(context, sheet, () => () => undefined);
  return read.grid;
}
