import { parseAddress } from "../address";
import { MARK_OUTLINE, planMarks, type MarkKind } from "../marks";
import type { SheetResult } from "../types";
import { asWorkbookError, isType, openPackage, readRelationships, type XlsxPackage } from "./package";
import { markArgb, RESULT_SHEET, resultSheetXml } from "./result-sheet";
import { scanCells } from "./sheet";
import { DEFAULT_STYLES, StyleSheetEditor } from "./styles";
import { attr, elements, escapeXml, withAttr } from "./xml";
import { writeZip, type Deflate, type ZipOutput } from "./zip";

const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const WORKSHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
const STYLES_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml";

const encoder = new TextEncoder();

/** Cells are found by position: row × this + column (Excel has 16,384 columns). */
const ROW_STRIDE = 16_384;

/** The spreadsheet's line styles for the core's outlines. */
const OUTLINE_STYLE = { dashed: "dashed", solid: "medium" } as const;

/**
 * A worksheet part with each marked cell's style replaced by a copy of it that has the mark's fill; every
 * other byte of the part stays as it was. Marks go only on cells that hold a value (a project's name, a
 * schedule cell), and those are always written in the part.
 */
function markCells(
  xml: string,
  marks: Map<number, MarkKind>,
  styleFor: (style: number, kind: MarkKind) => number,
): string {
  const parts: string[] = [];
  let done = 0;
  scanCells(xml, (cell) => {
    const kind = marks.get(cell.row * ROW_STRIDE + cell.col);
    if (!kind) return;
    const style = styleFor(Number(attr(cell.attrs, "s") ?? 0), kind);
    const attrs = withAttr(cell.attrs, "s", String(style));
    parts.push(xml.slice(done, cell.start), `<${cell.tag}${attrs}${cell.inner === null ? "/" : ""}>`);
    done = cell.openEnd;
  });
  parts.push(xml.slice(done));
  return parts.join("");
}

function marksOf(result: SheetResult): Map<number, MarkKind> {
  const marks = new Map<number, MarkKind>();
  for (const mark of planMarks(result)) {
    const at = parseAddress(mark.address);
    if (at) marks.set(at.row * ROW_STRIDE + at.col, mark.kind);
  }
  return marks;
}

/** A name not taken by any sheet; Excel compares sheet names without regard to case. */
function freeSheetName(taken: string[], wanted: string): string {
  const lower = new Set(taken.map((n) => n.toLowerCase()));
  if (!lower.has(wanted.toLowerCase())) return wanted;
  let n = 2;
  while (lower.has(`${wanted} ${n}`.toLowerCase())) n += 1;
  return `${wanted} ${n}`;
}

function freePath(pkg: XlsxPackage, make: (n: number) => string): string {
  let n = 1;
  while (pkg.entry(make(n))) n += 1;
  return make(n);
}

function freeRelId(ids: Set<string>): string {
  let n = ids.size + 1;
  while (ids.has(`rId${n}`)) n += 1;
  ids.add(`rId${n}`);
  return `rId${n}`;
}

/** `text` with `insert` placed before the last closing tag named `name` (any prefix). */
function beforeClosing(text: string, name: string, insert: string): string {
  const match = [...text.matchAll(new RegExp(`</(?:[\\w.-]+:)?${name}>`, "g"))].pop();
  if (!match) throw new Error(`no </${name}> in the part`);
  return text.slice(0, match.index) + insert + text.slice(match.index);
}

function folderOf(path: string): string {
  return path.slice(0, path.lastIndexOf("/") + 1);
}

function copy(bytes: Uint8Array, results: SheetResult[], asOf: string, deflate?: Deflate): Uint8Array {
  const pkg = openPackage(bytes);
  const workbookFolder = folderOf(pkg.workbook);
  /** New text of parts, by lower-case path (part names are case-insensitive). */
  const changed = new Map<string, string>();
  const text = (path: string) => changed.get(path.toLowerCase()) ?? pkg.text(path) ?? "";
  const change = (path: string, content: string) => changed.set(path.toLowerCase(), content);

  const rels = readRelationships(text(pkg.workbookRels), pkg.workbook);
  const relIds = new Set(rels.map((r) => r.id));
  const addPart = (path: string, relType: string, contentType: string): string => {
    const id = freeRelId(relIds);
    const target = escapeXml(path.slice(workbookFolder.length));
    change(
      pkg.workbookRels,
      beforeClosing(
        text(pkg.workbookRels),
        "Relationships",
        `<Relationship Id="${id}" Type="${relType}" Target="${target}"/>`,
      ),
    );
    change(
      "[Content_Types].xml",
      beforeClosing(
        text("[Content_Types].xml"),
        "Types",
        `<Override PartName="/${escapeXml(path)}" ContentType="${contentType}"/>`,
      ),
    );
    return id;
  };

  // A workbook without a styles part (allowed) gets Excel's defaults to add the marks' styles to.
  const stylesPath = pkg.styles ?? freePath(pkg, (n) => `${workbookFolder}styles${n === 1 ? "" : n}.xml`);
  if (!pkg.styles) addPart(stylesPath, `${REL_NS}/styles`, STYLES_TYPE);
  const editor = new StyleSheetEditor(pkg.styles ? text(pkg.styles) : DEFAULT_STYLES);

  // The marks: each marked cell gets a copy of its own style with the mark's fill (and, for 未报送 and
  // 滞后, its outline: those marks are not told apart by hue alone).
  const fills = new Map<MarkKind, number>();
  const marked = new Map<string, number>();
  const styleFor = (style: number, kind: MarkKind) => {
    const key = `${style}:${kind}`;
    let xf = marked.get(key);
    if (xf === undefined) {
      let fill = fills.get(kind);
      if (fill === undefined) fills.set(kind, (fill = editor.fill(markArgb(kind))));
      const outline = MARK_OUTLINE[kind];
      const borderId = outline
        ? editor.outline(OUTLINE_STYLE[outline.style], `FF${outline.color.slice(1).toUpperCase()}`)
        : undefined;
      marked.set(
        key,
        (xf = editor.xf(style, borderId === undefined ? { fillId: fill } : { fillId: fill, borderId })),
      );
    }
    return xf;
  };
  for (const result of results) {
    const part = pkg.sheets.find((s) => s.name === result.sheet);
    if (part && result.tables.length > 0)
      change(part.path, markCells(text(part.path), marksOf(result), styleFor));
  }

  // The 检查结果 sheet: a new part, related from the workbook, typed, and listed last among the sheets.
  const sheetPath = freePath(pkg, (n) => `${workbookFolder}worksheets/sheet${n}.xml`);
  const sheetBytes = resultSheetXml(results, asOf, editor);
  const worksheetType = rels.find((r) => isType(r, "worksheet"))?.type ?? `${REL_NS}/worksheet`;
  const id = addPart(sheetPath, worksheetType, WORKSHEET_TYPE);
  const workbook = text(pkg.workbook);
  const sheets = [...elements(workbook, "sheet")];
  const last = sheets[sheets.length - 1];
  // Written like the sheets already there: same element prefix, same prefix for the relationship id.
  const tag = last?.tag ?? "sheet";
  const idAttr = /(?:^|\s)([\w.-]+:id)\s*=/.exec(last?.attrs ?? "")?.[1] ?? "r:id";
  const name = freeSheetName(
    sheets.map((s) => attr(s.attrs, "name") ?? ""),
    RESULT_SHEET,
  );
  const sheetId = sheets.reduce((max, s) => Math.max(max, Number(attr(s.attrs, "sheetId")) || 0), 0) + 1;
  change(
    pkg.workbook,
    beforeClosing(
      workbook,
      "sheets",
      `<${tag} name="${escapeXml(name)}" sheetId="${sheetId}" ${idAttr}="${id}"/>`,
    ),
  );
  change(stylesPath, editor.toXml());

  const outputs: ZipOutput[] = pkg.entries.map((entry) => {
    const content = changed.get(entry.name.toLowerCase());
    return content === undefined
      ? entry
      : { name: entry.name, content: encoder.encode(content), like: entry };
  });
  if (!pkg.styles) outputs.push({ name: stylesPath, content: encoder.encode(text(stylesPath)) });
  outputs.push({ name: sheetPath, content: sheetBytes });
  return writeZip(outputs, deflate);
}

/**
 * The marked copy of a workbook: the original package with only what the marks and the result sheet need
 * rewritten — each marked cell's style attribute, new fills and cell styles appended to the styles part, a
 * 检查结果 sheet (`resultSheetXml`) added to the workbook, its relationships and content types. Every other
 * part (other sheets, charts, images, data validations, conditional formats, the shared strings) is copied
 * byte for byte, still compressed as it was. `results` are the checks of this workbook's sheets.
 */
export function writeMarkedCopy(
  bytes: Uint8Array,
  results: SheetResult[],
  asOf: string,
  options: { deflate?: Deflate } = {},
): Uint8Array {
  try {
    return copy(bytes, results, asOf, options.deflate);
  } catch (error) {
    throw asWorkbookError(error);
  }
}
