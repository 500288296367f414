import { classifyBytes, corrupt, notAWorkbook, WorkbookError } from "./errors";
import { attr, elements, firstElement, partText } from "./xml";
import { inflateEntry, readZip, type ZipEntry } from "./zip";

/** A worksheet of the workbook, in tab order. */
export interface SheetPart {
  name: string;
  /** Part path inside the zip, `xl/worksheets/sheet1.xml`. */
  path: string;
}

/** An opened .xlsx: its zip entries and where the workbook's parts are (ECMA-376 Part 2, OPC). */
export interface XlsxPackage {
  entries: ZipEntry[];
  /** The entry at a part path (part names are case-insensitive). */
  entry(path: string): ZipEntry | undefined;
  /** A part's text; null when the package has no such part. */
  text(path: string): string | null;
  workbook: string;
  workbookRels: string;
  sheets: SheetPart[];
  styles: string | null;
  sharedStrings: string | null;
  date1904: boolean;
}

export interface Relationship {
  id: string;
  type: string;
  /** Resolved part path (internal targets only). */
  path: string;
}

function folderOf(path: string): string {
  const slash = path.lastIndexOf("/");
  return slash < 0 ? "" : path.slice(0, slash + 1);
}

/** A relationship target, relative to the source part's folder or absolute from the package root. */
export function resolvePart(folder: string, target: string): string {
  const parts = (target.startsWith("/") ? target.slice(1) : folder + target).split("/");
  const out: string[] = [];
  for (const part of parts) {
    if (part === "..") out.pop();
    else if (part !== "." && part !== "") out.push(part);
  }
  return out.join("/");
}

/** The rels part of a part: `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`. */
export function relsPathOf(part: string): string {
  const folder = folderOf(part);
  return `${folder}_rels/${part.slice(folder.length)}.rels`;
}

export function readRelationships(xml: string | null, source: string): Relationship[] {
  if (!xml) return [];
  const folder = folderOf(source);
  const rels: Relationship[] = [];
  for (const r of elements(xml, "Relationship")) {
    const id = attr(r.attrs, "Id");
    const target = attr(r.attrs, "Target");
    if (!id || target === null || attr(r.attrs, "TargetMode") === "External") continue;
    rels.push({ id, type: attr(r.attrs, "Type") ?? "", path: resolvePart(folder, target) });
  }
  return rels;
}

/** Transitional and Strict relationship types share their last segment. */
export function isType(rel: Relationship, kind: string): boolean {
  return rel.type.endsWith(`/${kind}`);
}

/** The sheet elements' `r:id`, whatever prefix the relationships namespace has. */
export function relId(attrs: string): string | null {
  const match = /(?:^|\s)[\w.-]+:id\s*=\s*(?:"([^"]*)"|'([^']*)')/.exec(attrs);
  return match ? (match[1] ?? match[2] ?? null) : null;
}

function open(bytes: Uint8Array, fileName: string | undefined): XlsxPackage {
  classifyBytes(bytes, fileName);
  const entries = readZip(bytes);
  const byPath = new Map(entries.map((e) => [e.name.toLowerCase(), e]));
  const entry = (path: string) => byPath.get(path.toLowerCase());
  const text = (path: string) => {
    const found = entry(path);
    return found ? partText(inflateEntry(found)) : null;
  };

  const root = readRelationships(text("_rels/.rels"), "");
  const workbook = root.find((r) => isType(r, "officeDocument"))?.path ?? "xl/workbook.xml";
  const workbookXml = text(workbook);
  if (workbookXml === null) throw notAWorkbook(entries.map((e) => e.name));
  const workbookRels = relsPathOf(workbook);
  const rels = readRelationships(text(workbookRels), workbook);
  const byId = new Map(rels.map((r) => [r.id, r]));

  const sheets: SheetPart[] = [];
  for (const sheet of elements(workbookXml, "sheet")) {
    const rel = byId.get(relId(sheet.attrs) ?? "");
    // Chart sheets and dialog sheets hold no cells.
    if (!rel || !isType(rel, "worksheet")) continue;
    if (!entry(rel.path)) throw corrupt(`missing part ${rel.path}`);
    sheets.push({ name: attr(sheet.attrs, "name") ?? "", path: rel.path });
  }
  const pr = firstElement(workbookXml, "workbookPr");
  const date1904 = pr !== null && /^(1|true)$/.test(attr(pr.attrs, "date1904") ?? "");
  const part = (kind: string) => {
    const path = rels.find((r) => isType(r, kind))?.path;
    return path && entry(path) ? path : null;
  };
  return {
    entries,
    entry,
    text,
    workbook,
    workbookRels,
    sheets,
    styles: part("styles"),
    sharedStrings: part("sharedStrings"),
    date1904,
  };
}

/**
 * Opens the bytes of an .xlsx. Throws `WorkbookError` for anything that is not a readable workbook: empty,
 * legacy or encrypted, another kind of file, a damaged zip. Parts are inflated (and checked) when read.
 */
export function openPackage(bytes: Uint8Array, fileName?: string): XlsxPackage {
  try {
    return open(bytes, fileName);
  } catch (error) {
    throw asWorkbookError(error);
  }
}

/** Whatever went wrong inside a package is a damaged file, with the container's words as the detail. */
export function asWorkbookError(error: unknown): WorkbookError {
  if (error instanceof WorkbookError) return error;
  return corrupt(error instanceof Error ? error.message : String(error));
}
