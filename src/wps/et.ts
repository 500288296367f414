/// <reference types="et-jsapi-declare" />
import { cellAddress, parseAddress } from "../core/address";

/**
 * The thin typed facade over WPS 表格's object model (`window.Application`, the "ET" API). Types come from
 * Kingsoft's `et-jsapi-declare` (a devDependency: referenced, never copied). Everything in src/wps talks
 * to WPS through the functions here, so the fake object model in test/support only has to follow them.
 *
 * The ET API is synchronous and VBA-like: 1-based indices, `Value2` a scalar for one cell and a 2-D array
 * (rows of columns) for more, colours as BGR integers (`RGB(r, g, b)` = r + g·256 + b·65536).
 *
 * Some WPS builds expose what the typings call a property as a method (older builds have
 * `wps.EtApplication()`, and some objects' properties arrive as getter functions): `prop` reads either.
 */

/** A property value as the typings declare it. */
export function prop<T extends object, K extends keyof T>(target: T, key: K): T[K] {
  const value = target[key];
  // A property exposed as a method by this build: call it with no argument, as the property would read.
  return (typeof value === "function" ? (value as () => T[K]).call(target) : value) as T[K];
}

/** `window.Application`, or `wps.EtApplication` where only that is given (older builds); null outside WPS. */
export function etApplication(host: object = globalThis): Et.Application | null {
  const window = host as { Application?: Et.Application; wps?: { EtApplication?: unknown } };
  if (window.Application && typeof window.Application === "object") return window.Application;
  const wps = window.wps;
  if (!wps || wps.EtApplication === undefined) return null;
  const app = prop(wps as { EtApplication: unknown }, "EtApplication");
  return app && typeof app === "object" ? (app as Et.Application) : null;
}

/** The add-in root (`wps` / `window.Application`): ribbon, task panes, PluginStorage, custom functions. */
export type AddinRoot = WPS.AddonRoot & WPS.EtAddonRoot;

export function addinRoot(host: object = globalThis): AddinRoot | null {
  const window = host as { wps?: AddinRoot; Application?: AddinRoot };
  return window.wps ?? window.Application ?? null;
}

export function activeSheet(app: Et.Application): Et.Worksheet | null {
  const sheet = prop(app, "ActiveSheet");
  return sheet && typeof sheet === "object" ? (sheet as Et.Worksheet) : null;
}

export function activeWorkbook(app: Et.Application): Et.Workbook | null {
  const book = prop(app, "ActiveWorkbook");
  return book && typeof book === "object" ? book : null;
}

export function sheetName(sheet: Et.Worksheet): string {
  return String(prop(sheet, "Name"));
}

/** A sheet protected for contents refuses every write; the add-in checks before it writes anything. */
export function isProtected(sheet: Et.Worksheet): boolean {
  return prop(sheet, "ProtectContents") === true;
}

/** The workbook's worksheets, 1-based as ET counts them. */
export function worksheets(book: Et.Workbook): Et.Worksheet[] {
  const sheets = prop(book, "Worksheets");
  const count = Number(prop(sheets, "Count"));
  const list: Et.Worksheet[] = [];
  for (let i = 1; i <= count; i += 1) list.push(sheets.Item(i) as Et.Worksheet);
  return list;
}

/** The sheet with this name, or null (ET's `Item(name)` throws for a missing one). */
export function findSheet(book: Et.Workbook, name: string): Et.Worksheet | null {
  return worksheets(book).find((sheet) => sheetName(sheet) === name) ?? null;
}

/** A new sheet after the last one, named `name`. */
export function addSheet(book: Et.Workbook, name: string): Et.Worksheet {
  const sheets = worksheets(book);
  const last = sheets[sheets.length - 1];
  const added = prop(book, "Worksheets").Add(undefined, last) as Et.Worksheet;
  added.Name = name;
  return added;
}

/** `sheet.Range("B5")`, `sheet.Range("B5:B9,C5")`. */
export function range(sheet: Et.Worksheet, address: string): Et.Range {
  return sheet.Range(address);
}

/** The 1-based top-left row and column of a range. */
export function origin(target: Et.Range): { row: number; col: number } {
  return { row: Number(prop(target, "Row")), col: Number(prop(target, "Column")) };
}

/** The A1 address of a 0-based rectangle: `B5`, `B5:L9`. */
export function rectAddress(row: number, col: number, rows = 1, cols = 1): string {
  const first = cellAddress(row, col);
  return rows === 1 && cols === 1 ? first : `${first}:${cellAddress(row + rows - 1, col + cols - 1)}`;
}

/** `RGB(r, g, b)` of a `#RRGGBB` colour: ET colours are BGR integers. */
export function bgr(hex: string): number {
  const n = Number.parseInt(hex.replace(/^#/u, ""), 16);
  const r = (n >> 16) & 0xff;
  const g = (n >> 8) & 0xff;
  const b = n & 0xff;
  return r + g * 256 + b * 65536;
}

/** `xlExpression`: a conditional format whose formula decides. */
export const XL_EXPRESSION = 2;

export interface Condition {
  condition: Et.FormatCondition;
  /** `Formula1` as ET gives it back; null for condition types without a formula. */
  formula: string | null;
}

/** Every conditional format on the sheet (`Cells.FormatConditions`), first to last. */
export function sheetConditions(sheet: Et.Worksheet): Condition[] {
  const conditions = prop(prop(sheet, "Cells"), "FormatConditions");
  const count = Number(prop(conditions, "Count"));
  const list: Condition[] = [];
  for (let i = 1; i <= count; i += 1) {
    const condition = conditions.Item(i) as Et.FormatCondition;
    let formula: string | null = null;
    try {
      const value = prop(condition, "Formula1");
      formula = typeof value === "string" ? value : null;
    } catch {
      // Colour scales, data bars and icon sets have no Formula1: they are never ours.
    }
    list.push({ condition, formula });
  }
  return list;
}

/** Adds a formula conditional format over `target` with a fill; returns it. */
export function addFillCondition(target: Et.Range, formula: string, fill: string): Et.FormatCondition {
  const condition = prop(target, "FormatConditions").Add(
    XL_EXPRESSION,
    undefined,
    formula,
  ) as Et.FormatCondition;
  prop(condition, "Interior").Color = bgr(fill);
  return condition;
}

/** `xlEdgeTop`, `xlEdgeBottom`, `xlEdgeLeft`, `xlEdgeRight` (the typings' `XlBordersIndex`). */
const EDGES = [8, 9, 7, 10];
/** `xlDash`, `xlContinuous`. */
const LINE_STYLE = { dashed: -4115, solid: 1 } as const;

/**
 * Draws an outline on all four edges of a conditional format's cells: the monthly cycle's marks are told
 * apart by outline, not only by hue. Verified against the fake ET only, like the rest of this facade.
 */
export function outlineCondition(
  condition: Et.FormatCondition,
  style: keyof typeof LINE_STYLE,
  color: string,
): void {
  const borders = prop(condition, "Borders");
  for (const edge of EDGES) {
    const border = borders.Item(edge);
    border.LineStyle = LINE_STYLE[style];
    border.Color = bgr(color);
  }
}

/** Custom document properties (File → Properties → Custom): kept in the file, per workbook. */
export function documentProperties(book: Et.Workbook): Kso.DocumentProperties {
  return prop(book, "CustomDocumentProperties") as Kso.DocumentProperties;
}

/** `msoPropertyTypeString`. */
export const MSO_PROPERTY_TYPE_STRING = 4;

/** The custom properties whose name starts with `prefix`, by name. */
export function readProperties(book: Et.Workbook, prefix: string): Map<string, string> {
  const props = documentProperties(book);
  const count = Number(prop(props, "Count"));
  const found = new Map<string, string>();
  for (let i = 1; i <= count; i += 1) {
    const item = props.Item(i);
    const name = String(prop(item, "Name"));
    if (name.startsWith(prefix)) found.set(name, String(prop(item, "Value")));
  }
  return found;
}

/** Deletes the custom properties whose name starts with `prefix`. */
export function deleteProperties(book: Et.Workbook, prefix: string): void {
  const props = documentProperties(book);
  for (let i = Number(prop(props, "Count")); i >= 1; i -= 1) {
    const item = props.Item(i);
    if (String(prop(item, "Name")).startsWith(prefix)) item.Delete();
  }
}

export function addTextProperty(book: Et.Workbook, name: string, value: string): void {
  documentProperties(book).Add(name, false, MSO_PROPERTY_TYPE_STRING, value);
}

/** A custom text property holds at most 255 characters: longer text is kept as numbered pieces. */
const PIECE_CHARS = 240;

/** The text kept under `prefix` (`prefix0`, `prefix1`, …) by `writeTextPieces`; null when there is none. */
export function readTextPieces(book: Et.Workbook, prefix: string): string | null {
  const pieces = readProperties(book, prefix);
  if (!pieces.has(`${prefix}0`)) return null;
  let text = "";
  for (let i = 0; pieces.has(`${prefix}${i}`); i += 1) text += pieces.get(`${prefix}${i}`);
  return text;
}

/** Replaces the text kept under `prefix`; null leaves no property behind. */
export function writeTextPieces(book: Et.Workbook, prefix: string, text: string | null): void {
  deleteProperties(book, prefix);
  if (text === null) return;
  for (let i = 0; i * PIECE_CHARS < text.length; i += 1) {
    addTextProperty(book, `${prefix}${i}`, text.slice(i * PIECE_CHARS, (i + 1) * PIECE_CHARS));
  }
}

/** Writes a block of formulas: ET takes a 2-D array here, as VBA does, where the typings say string. */
export function setFormulas(target: Et.Range, rows: string[][]): void {
  (target as unknown as { Formula: string[][] }).Formula = rows;
}

/** Activates the sheet and selects the cell or range at `address`. */
export function selectRange(sheet: Et.Worksheet, address: string): void {
  sheet.Activate();
  sheet.Range(address).Select();
}

/** Whether `address` is a cell or a rectangle (`D5`, `D5:F9`) ET's `Range` can take. */
export function isRangeAddress(address: string): boolean {
  const [first, last, extra] = address.split(":");
  if (extra !== undefined || !first || !parseAddress(first)) return false;
  return last === undefined || parseAddress(last) !== null;
}

/**
 * Runs `work` with screen updating off (every ET write would otherwise repaint), restoring the setting
 * even when `work` throws.
 */
export function withoutRepaint<T>(app: Et.Application, work: () => T): T {
  let previous: boolean | null = null;
  try {
    previous = prop(app, "ScreenUpdating") !== false;
    app.ScreenUpdating = false;
  } catch {
    // A build without ScreenUpdating: the writes just repaint.
  }
  try {
    return work();
  } finally {
    if (previous !== null) app.ScreenUpdating = previous;
  }
}
