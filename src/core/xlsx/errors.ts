/** Why a workbook cannot be read, in Chinese first (with what to do) and English second. */
export type WorkbookErrorCode =
  "file.empty" | "file.encrypted" | "file.notXlsx" | "file.corrupt" | "sheet.missing" | "sheet.tooLarge";

export class WorkbookError extends Error {
  override name = "WorkbookError";
  constructor(
    readonly code: WorkbookErrorCode,
    message: string,
    readonly messageEn: string,
    /** The library's or the container's own words, when they say more (`entry xl/… is truncated`). */
    readonly detail: string | null = null,
  ) {
    super(message);
  }
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
/** A Compound File (OLE) container: a legacy .xls/.et, or an Office file encrypted with a password. */
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/** An encrypted Office file is a CFB holding an `EncryptionInfo` stream, named in UTF-16LE. */
function hasEncryptionInfo(bytes: Uint8Array): boolean {
  const name = [..."EncryptionInfo"].flatMap((c) => [c.charCodeAt(0), 0]);
  outer: for (let i = 0; i + name.length <= bytes.length; i += 1) {
    for (let j = 0; j < name.length; j += 1) if (bytes[i + j] !== name[j]) continue outer;
    return true;
  }
  return false;
}

function extension(fileName: string | undefined): string {
  return /\.[^./\\]+$/.exec(fileName ?? "")?.[0]?.toLowerCase() ?? "";
}

/** Refuses, with the reason, bytes that cannot be an .xlsx package: empty, OLE, or not a zip at all. */
export function classifyBytes(bytes: Uint8Array, fileName?: string): void {
  if (bytes.length === 0) {
    throw new WorkbookError(
      "file.empty",
      "文件是空的（0 字节），可能没有保存完或没有复制完整，请重新保存或复制后再检查",
      "The file is empty (0 bytes): it was not saved or copied completely; save or copy it again",
    );
  }
  if (startsWith(bytes, CFB_MAGIC)) {
    if (hasEncryptionInfo(bytes)) {
      throw new WorkbookError(
        "file.encrypted",
        "工作簿设置了打开密码，请在 Excel 或 WPS 中取消密码后另存，再检查",
        "The workbook has an open password: remove it in Excel or WPS, save, and check again",
      );
    }
    throw new WorkbookError(
      "file.notXlsx",
      "这是旧版格式（如 .xls、.et）的文件，请在 Excel 或 WPS 中另存为 .xlsx 后再检查",
      "This is a legacy format (.xls, .et): save it as .xlsx in Excel or WPS first",
    );
  }
  if (!startsWith(bytes, ZIP_MAGIC)) {
    const ext = extension(fileName);
    const kind =
      ext === ".csv"
        ? "CSV 文本"
        : ext === ".xlsx" || ext === ".xlsm"
          ? "文件内容（可能只是改了扩展名）"
          : ext
            ? `${ext} 文件`
            : "该文件";
    throw new WorkbookError(
      "file.notXlsx",
      `${kind}不是 .xlsx 工作簿，请在 Excel 或 WPS 中另存为 .xlsx 后再检查`,
      "This is not an .xlsx workbook: save it as .xlsx in Excel or WPS first",
    );
  }
}

/** A zip that is some other kind of document, by the parts it holds. */
export function notAWorkbook(names: string[]): WorkbookError {
  const has = (prefix: string) => names.some((n) => n.toLowerCase().startsWith(prefix));
  const kind = has("word/")
    ? { zh: "Word 文档", en: "a Word document" }
    : has("ppt/")
      ? { zh: "PowerPoint 演示文稿", en: "a PowerPoint presentation" }
      : has("xl/workbook.bin")
        ? { zh: "二进制工作簿（.xlsb）", en: "a binary workbook (.xlsb)" }
        : names.includes("content.xml")
          ? { zh: "OpenDocument 表格或文档（.ods）", en: "an OpenDocument file (.ods)" }
          : { zh: "压缩包", en: "a zip archive" };
  return new WorkbookError(
    "file.notXlsx",
    `这是${kind.zh}，不是 Excel 工作簿（.xlsx），请打开正确的文件，或在 Excel 或 WPS 中另存为 .xlsx 后再检查`,
    `This is ${kind.en}, not an Excel workbook (.xlsx): open the right file, or save it as .xlsx first`,
  );
}

export function corrupt(detail: string): WorkbookError {
  return new WorkbookError(
    "file.corrupt",
    "文件已损坏或不完整（可能没有下载或复制完整），请重新获取文件，或在 Excel 或 WPS 中打开后另存为 .xlsx，再检查",
    "The file is damaged or incomplete: get it again, or open it in Excel or WPS and save it as .xlsx",
    detail,
  );
}
