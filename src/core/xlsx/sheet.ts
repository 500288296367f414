import type { CellValue, GridCell, MergedArea, SheetGrid } from "../types";
import { WorkbookError } from "./errors";
import { attr, decodeXml, decodeXstring, elements, firstElement, runText, type XmlElement } from "./xml";

/** One `<c>` element of a worksheet's `<sheetData>`, with where it is in the part's text. */
export interface CellElement {
  /** The element's qualified name (`c`, `x:c`). */
  tag: string;
  /** 0-based sheet row and column. */
  row: number;
  col: number;
  attrs: string;
  /** Content between `<c …>` and `</c>`; null for `<c …/>`. */
  inner: string | null;
  /** Offsets: the `<` of the start tag, the end of the start tag, the end of the element. */
  start: number;
  openEnd: number;
  end: number;
}

const CELL_OR_ROW = /<(?:[\w.-]+:)?(row|c)(?=[\s/>])([^>]*?)(\/?)>/g;

/** A cell reference's row and column (`AB12` → 11, 27); null when it is not one. Read by hand: it runs per cell. */
function reference(ref: string): { row: number; col: number } | null {
  let col = 0;
  let i = 0;
  for (; i < ref.length && i < 3; i += 1) {
    const code = ref.charCodeAt(i) | 0x20;
    if (code < 0x61 || code > 0x7a) break;
    col = col * 26 + (code - 0x60);
  }
  if (i === 0 || i === ref.length || ref.length - i > 7) return null;
  let row = 0;
  for (let j = i; j < ref.length; j += 1) {
    const digit = ref.charCodeAt(j) - 0x30;
    if (digit < 0 || digit > 9) return null;
    row = row * 10 + digit;
  }
  return row > 0 ? { row: row - 1, col: col - 1 } : null;
}

/**
 * Every cell element of a worksheet part, in document order. Rows and cells without an `r` attribute
 * (allowed, and written by some tools) take the position after the previous one.
 */
export function scanCells(xml: string, visit: (cell: CellElement) => void): void {
  const data = firstElement(xml, "sheetData");
  if (!data || data.inner === null) return;
  scanData(xml, data, visit);
}

function scanData(xml: string, data: XmlElement, visit: (cell: CellElement) => void): void {
  const re = new RegExp(CELL_OR_ROW.source, "g");
  re.lastIndex = data.openEnd;
  const stop = data.end;
  let row = -1;
  let col = -1;
  for (let m = re.exec(xml); m && m.index < stop; m = re.exec(xml)) {
    const attrs = m[2] as string;
    if (m[1] === "row") {
      const r = Number(attr(attrs, "r"));
      row = Number.isInteger(r) && r > 0 ? r - 1 : row + 1;
      col = -1;
      continue;
    }
    const at = reference(attr(attrs, "r") ?? "");
    if (at) ({ row, col } = at);
    else col += 1;
    const openEnd = re.lastIndex;
    const selfClosing = m[3] === "/";
    const tag = m[0].slice(1, m[0].length - attrs.length - (selfClosing ? 2 : 1));
    if (selfClosing) {
      visit({ tag, row, col, attrs, inner: null, start: m.index, openEnd, end: openEnd });
      continue;
    }
    const close = xml.indexOf(`</${tag}>`, openEnd);
    if (close < 0) return;
    const end = close + tag.length + 3;
    re.lastIndex = end;
    visit({ tag, row, col, attrs, inner: xml.slice(openEnd, close), start: m.index, openEnd, end });
  }
}

const VALUE = /<(?:[\w.-]+:)?v(?:\s[^>]*)?(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?v>)/;
const FORMULA = /<(?:[\w.-]+:)?f[\s/>]/;
const DAY_MS = 86_400_000;

/** An ISO 8601 date-time cell (`t="d"`) as the serial Excel would hold. */
function isoSerial(text: string, date1904: boolean): CellValue {
  const ms = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(text) || !text.includes("T") ? text : `${text}Z`);
  if (Number.isNaN(ms)) return text;
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  return (ms - epoch) / DAY_MS;
}

/** A cell's value as `range.values` gives it, and whether it is a formula whose result was not saved. */
function cellValue(
  cell: CellElement,
  strings: readonly string[],
  date1904: boolean,
): { value: CellValue; uncached: boolean } {
  const inner = cell.inner ?? "";
  const type = attr(cell.attrs, "t") ?? "n";
  if (type === "inlineStr") return { value: runText(inner), uncached: false };
  const v = VALUE.exec(inner);
  if (!v) return { value: "", uncached: FORMULA.test(inner) };
  const text = v[1] ?? "";
  switch (type) {
    case "s":
      return { value: strings[Number(text)] ?? "", uncached: false };
    case "str":
      return { value: decodeXstring(text), uncached: false };
    case "b":
      return { value: text === "1" || text === "true", uncached: false };
    case "e":
      return { value: decodeXml(text), uncached: false };
    case "d":
      return { value: isoSerial(decodeXml(text), date1904), uncached: false };
    default: {
      const n = Number(text);
      return { value: text.trim() !== "" && Number.isFinite(n) ? n : decodeXml(text), uncached: false };
    }
  }
}

/** The shared strings part: one text per `<si>`, rich-text runs joined. */
export function readSharedStrings(xml: string | null): string[] {
  if (!xml) return [];
  const strings: string[] = [];
  for (const si of elements(xml, "si")) strings.push(si.inner ? runText(si.inner) : "");
  return strings;
}

/** Above this many cells a used range is refused: it would take gigabytes, and no breakdown table is that big. */
export const MAX_GRID_CELLS = 20_000_000;

interface Bounds {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** The merged areas, listed after the cells (`from`: the end of `<sheetData>`). */
function mergesOf(xml: string, from: number): Bounds[] {
  const areas: Bounds[] = [];
  const seen = new Set<string>();
  const section = firstElement(xml, "mergeCells", from);
  for (const m of elements(section?.inner ?? "", "mergeCell")) {
    const ref = attr(m.attrs, "ref") ?? "";
    if (seen.has(ref)) continue;
    seen.add(ref);
    const [from, to = from] = ref.split(":");
    const a = reference(from ?? "");
    const b = reference(to ?? "");
    if (!a || !b) continue;
    areas.push({
      top: Math.min(a.row, b.row),
      left: Math.min(a.col, b.col),
      bottom: Math.max(a.row, b.row),
      right: Math.max(a.col, b.col),
    });
  }
  return areas;
}

/**
 * A worksheet part as Office.js gives the used range (values only): "" for empty cells, numbers as stored
 * (date serials in the workbook's own date system, like `range.values`), each cell's number format, merged
 * areas clipped to the grid with only their top-left cell's value, cached formula results, rich text as
 * plain text, errors as their `#N/A` text. Formulas saved without a result are "" and listed in
 * `uncachedFormulas`.
 */
export function readSheet(
  name: string,
  xml: string,
  strings: readonly string[],
  formats: readonly string[],
  date1904: boolean,
): SheetGrid {
  const rows: number[] = [];
  const cols: number[] = [];
  const values: CellValue[] = [];
  const cellFormats: string[] = [];
  const uncached: boolean[] = [];
  const bounds: Bounds = { top: Infinity, left: Infinity, bottom: -Infinity, right: -Infinity };
  const data = firstElement(xml, "sheetData");
  if (data?.inner)
    scanData(xml, data, (cell) => {
      const read = cellValue(cell, strings, date1904);
      if (read.value === "" && !read.uncached) return;
      rows.push(cell.row);
      cols.push(cell.col);
      values.push(read.value);
      cellFormats.push(formats[Number(attr(cell.attrs, "s") ?? 0)] ?? "General");
      uncached.push(read.uncached);
      bounds.top = Math.min(bounds.top, cell.row);
      bounds.left = Math.min(bounds.left, cell.col);
      bounds.bottom = Math.max(bounds.bottom, cell.row);
      bounds.right = Math.max(bounds.right, cell.col);
    });
  if (rows.length === 0)
    return { sheet: name, origin: { row: 0, col: 0 }, values: [[""]], numberFormats: [["General"]] };

  const height = bounds.bottom - bounds.top + 1;
  const width = bounds.right - bounds.left + 1;
  if (height * width > MAX_GRID_CELLS) {
    throw new WorkbookError(
      "sheet.tooLarge",
      `工作表“${name}”的使用区域过大（${height} 行 × ${width} 列），无法检查；请删除表格以外远处的内容，或用 --sheet 只检查责任分解表所在的工作表`,
      `Sheet "${name}" uses too large a range (${height} rows × ${width} columns); delete content far from the table, or check only the table's sheet`,
    );
  }
  const grid: CellValue[][] = Array.from({ length: height }, () => Array<CellValue>(width).fill(""));
  const numberFormats: string[][] = Array.from({ length: height }, () =>
    Array<string>(width).fill("General"),
  );
  const formulas = new Map<number, GridCell>();
  for (let i = 0; i < rows.length; i += 1) {
    const r = (rows[i] as number) - bounds.top;
    const c = (cols[i] as number) - bounds.left;
    (grid[r] as CellValue[])[c] = values[i] as CellValue;
    (numberFormats[r] as string[])[c] = cellFormats[i] as string;
    if (uncached[i]) formulas.set(r * width + c, { row: r, col: c });
  }

  // Merged areas clipped to the used range, as Office.js reports them; covered cells read as empty.
  const merges: MergedArea[] = [];
  for (const m of mergesOf(xml, data?.end ?? 0)) {
    const top = Math.max(m.top, bounds.top) - bounds.top;
    const left = Math.max(m.left, bounds.left) - bounds.left;
    const bottom = Math.min(m.bottom, bounds.bottom) - bounds.top;
    const right = Math.min(m.right, bounds.right) - bounds.left;
    if (bottom < top || right < left || (bottom === top && right === left)) continue;
    merges.push({ row: top, col: left, rowCount: bottom - top + 1, colCount: right - left + 1 });
    const anchorInside = m.top >= bounds.top && m.left >= bounds.left;
    for (let r = top; r <= bottom; r += 1) {
      for (let c = left; c <= right; c += 1) {
        if (anchorInside && r === top && c === left) continue;
        (grid[r] as CellValue[])[c] = "";
        (numberFormats[r] as string[])[c] = "General";
        formulas.delete(r * width + c);
      }
    }
  }
  const result: SheetGrid = {
    sheet: name,
    origin: { row: bounds.top, col: bounds.left },
    values: grid,
    numberFormats,
    merges,
  };
  if (formulas.size > 0) result.uncachedFormulas = [...formulas.values()];
  return result;
}
