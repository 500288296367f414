import { readFile } from "node:fs/promises";
import { extname } from "node:path";
import ExcelJS from "exceljs";
import type { CellValue, MergedArea, SheetGrid } from "../core/types";

/** Why a workbook could not be read; the CLI turns each into one Chinese line naming the file. */
export type WorkbookErrorCode =
  "file.missing" | "file.unreadable" | "file.encrypted" | "file.notXlsx" | "file.corrupt" | "sheet.missing";

export class WorkbookError extends Error {
  constructor(
    readonly code: WorkbookErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "WorkbookError";
  }
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];
/** Excel stores days since 1899-12-30 (1900 system) or 1904-01-01 (1904 system), in UTC days. */
const EPOCH_1900_MS = Date.UTC(1899, 11, 30);
const EPOCH_1904_MS = Date.UTC(1904, 0, 1);
const DAY_MS = 86_400_000;

function startsWith(bytes: Buffer, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/**
 * A CFB (OLE) container is either a legacy .xls or an Office-encrypted workbook; the encrypted one carries
 * an `EncryptionInfo` stream whose directory name is UTF-16LE.
 */
function isEncryptedPackage(bytes: Buffer): boolean {
  return bytes.includes(Buffer.from("EncryptionInfo", "utf16le"));
}

async function loadBytes(source: string | Buffer): Promise<Buffer> {
  if (typeof source !== "string") return source;
  try {
    return await readFile(source);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new WorkbookError("file.missing", "文件不存在");
    if (code === "EISDIR") throw new WorkbookError("file.notXlsx", "这是一个文件夹，不是 .xlsx 工作簿");
    if (code === "EACCES" || code === "EPERM" || code === "EBUSY")
      throw new WorkbookError("file.unreadable", "无法读取文件（没有权限，或被其他程序锁定）");
    throw new WorkbookError("file.unreadable", `无法读取文件：${(error as Error).message}`);
  }
}

function classify(bytes: Buffer, name: string | null): void {
  if (startsWith(bytes, CFB_MAGIC)) {
    if (isEncryptedPackage(bytes))
      throw new WorkbookError("file.encrypted", "工作簿设置了打开密码，请在 Excel 中取消密码后另存再检查");
    throw new WorkbookError(
      "file.notXlsx",
      "这是旧版 Office 格式（如 .xls）的文件，请在 Excel 中另存为 .xlsx 后再检查",
    );
  }
  if (!startsWith(bytes, ZIP_MAGIC)) {
    const ext = name ? extname(name).toLowerCase() : "";
    const kind =
      ext === ".csv"
        ? "CSV 文本"
        : ext === ".xlsx" || ext === ".xlsm"
          ? "文件内容（可能只是改了扩展名）"
          : ext
            ? `${ext} 文件`
            : "该文件";
    throw new WorkbookError("file.notXlsx", `${kind}不是 .xlsx 工作簿，请在 Excel 中另存为 .xlsx 后再检查`);
  }
}

/** Office.js gives `"General"` for cells without a format. */
function formatOf(cell: ExcelJS.Cell): string {
  return cell.numFmt ? cell.numFmt : "General";
}

function serial(date: Date, date1904: boolean): number {
  return (date.getTime() - (date1904 ? EPOCH_1904_MS : EPOCH_1900_MS)) / DAY_MS;
}

/** Turns any ExcelJS value into what `range.values` would hold for that cell. */
function plain(value: ExcelJS.CellValue | undefined, date1904: boolean): CellValue {
  if (value === null || value === undefined) return "";
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (value instanceof Date) return serial(value, date1904);
  if ("richText" in value) return value.richText.map((run) => run.text).join("");
  if ("error" in value) return value.error;
  if ("hyperlink" in value) return plain(value.text as ExcelJS.CellValue, date1904);
  if ("formula" in value || "sharedFormula" in value) {
    // Without a cached result Excel would show the computed value; the CLI does not compute, so it is empty.
    return plain(value.result as ExcelJS.CellValue | undefined, date1904);
  }
  return "";
}

interface Bounds {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function mergesOf(sheet: ExcelJS.Worksheet): Bounds[] {
  const areas: Bounds[] = [];
  for (const ref of sheet.model.merges ?? []) {
    const [from, to] = ref.split(":");
    if (!from || !to) continue;
    const a = sheet.getCell(from);
    const b = sheet.getCell(to);
    areas.push({
      top: Number(a.row) - 1,
      left: Number(a.col) - 1,
      bottom: Number(b.row) - 1,
      right: Number(b.col) - 1,
    });
  }
  return areas;
}

function gridOf(sheet: ExcelJS.Worksheet, date1904: boolean): SheetGrid {
  const cells: Array<{ row: number; col: number; value: CellValue; format: string }> = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      // Cells covered by a merge read as empty in Excel; ExcelJS would echo the top-left value.
      if (cell.type === ExcelJS.ValueType.Merge) return;
      const value = plain(cell.value, date1904);
      if (value === "") return;
      cells.push({ row: rowNumber - 1, col: colNumber - 1, value, format: formatOf(cell) });
    });
  });
  const merges = mergesOf(sheet);
  if (cells.length === 0 && merges.length === 0)
    return { sheet: sheet.name, origin: { row: 0, col: 0 }, values: [[""]], numberFormats: [["General"]] };

  // The used range (values only): the smallest block holding every value and merged area.
  // Loops, not Math.min(...cells): spreading a large sheet's cells overflows the call stack.
  let [top, left, bottom, right] = [Infinity, Infinity, -Infinity, -Infinity];
  const widen = (t: number, l: number, b: number, r: number) => {
    top = Math.min(top, t);
    left = Math.min(left, l);
    bottom = Math.max(bottom, b);
    right = Math.max(right, r);
  };
  for (const c of cells) widen(c.row, c.col, c.row, c.col);
  for (const m of merges) widen(m.top, m.left, m.bottom, m.right);
  const height = bottom - top + 1;
  const width = right - left + 1;

  const values: CellValue[][] = Array.from({ length: height }, () => Array<CellValue>(width).fill(""));
  const numberFormats: string[][] = Array.from({ length: height }, () =>
    Array<string>(width).fill("General"),
  );
  for (const c of cells) {
    (values[c.row - top] as CellValue[])[c.col - left] = c.value;
    (numberFormats[c.row - top] as string[])[c.col - left] = c.format;
  }
  const mergedAreas: MergedArea[] = merges.map((m) => ({
    row: m.top - top,
    col: m.left - left,
    rowCount: m.bottom - m.top + 1,
    colCount: m.right - m.left + 1,
  }));
  return { sheet: sheet.name, origin: { row: top, col: left }, values, numberFormats, merges: mergedAreas };
}

/** Loads the bytes as a workbook, classifying what is not an .xlsx. */
export async function loadWorkbook(source: string | Buffer): Promise<ExcelJS.Workbook> {
  const bytes = await loadBytes(source);
  classify(bytes, typeof source === "string" ? source : null);
  const workbook = new ExcelJS.Workbook();
  try {
    // ExcelJS's typings predate Node's generic Buffer; the bytes are a plain Node Buffer.
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch (error) {
    throw new WorkbookError(
      "file.corrupt",
      `文件已损坏或不是有效的 .xlsx 工作簿（${(error as Error).message}）`,
    );
  }
  // A zip without a workbook part (a .docx, a renamed archive) loads as a workbook with no sheets.
  if (workbook.worksheets.length === 0)
    throw new WorkbookError("file.notXlsx", "压缩包中没有 Excel 工作表（可能是 Word 等其他格式的文件）");
  return workbook;
}

/** The sheets of a loaded workbook as the add-in would read them (`sheet` limits it to one, by name). */
export function workbookGrids(workbook: ExcelJS.Workbook, sheet?: string): SheetGrid[] {
  const date1904 = Boolean(workbook.properties.date1904);
  const sheets = workbook.worksheets.filter((ws) => sheet === undefined || ws.name === sheet);
  if (sheet !== undefined && sheets.length === 0) {
    const names = workbook.worksheets.map((ws) => `“${ws.name}”`).join("、");
    throw new WorkbookError("sheet.missing", `没有名为“${sheet}”的工作表（现有：${names || "无"}）`);
  }
  return sheets.map((ws) => gridOf(ws, date1904));
}

/**
 * Reads an .xlsx (a path or its bytes) into one `SheetGrid` per worksheet, exactly as Office.js would give
 * the used range: "" for empty cells, dates as serial numbers with their number format, merged areas with
 * the value in the top-left cell only, cached formula results, rich text and hyperlinks as plain text,
 * errors as their `#N/A` text. Throws `WorkbookError` for anything that is not a readable .xlsx.
 */
export async function readWorkbookGrids(source: string | Buffer, sheet?: string): Promise<SheetGrid[]> {
  return workbookGrids(await loadWorkbook(source), sheet);
}
