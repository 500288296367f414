import { readFileSync } from "node:fs";
import { join } from "node:path";
import { strToU8, zipSync } from "fflate";
import ExcelJS from "exceljs";
import type { CellValue, SheetGrid } from "../../../src/core/types";
import { readWorkbook, WorkbookError } from "../../../src/core/xlsx";
import { storedZip } from "../../support/zip";

async function bytesOf(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** The value at an A1-style sheet position, through the grid's origin. */
function at(grid: SheetGrid, row: number, col: number): CellValue | undefined {
  return grid.values[row - 1 - grid.origin.row]?.[col - 1 - grid.origin.col];
}

function formatAt(grid: SheetGrid, row: number, col: number): string | undefined {
  return grid.numberFormats?.[row - 1 - grid.origin.row]?.[col - 1 - grid.origin.col];
}

describe("readWorkbook, on a workbook ExcelJS wrote", () => {
  let grid: SheetGrid;

  beforeAll(async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("表一");
    sheet.getCell("B3").value = "标题";
    sheet.mergeCells("B3:E3");
    sheet.getCell("B4").value = 12;
    sheet.getCell("C4").value = new Date(Date.UTC(2023, 5, 30));
    sheet.getCell("C4").numFmt = "yyyy-mm-dd";
    sheet.getCell("D4").value = { formula: "B4*2", result: 24 };
    sheet.getCell("E4").value = { richText: [{ text: "第一季度" }, { text: "完成", font: { bold: true } }] };
    sheet.getCell("B5").value = { text: "链接文字", hyperlink: "https://example.org" };
    sheet.getCell("C5").value = { error: "#N/A" };
    sheet.getCell("D5").value = true;
    sheet.getCell("E5").value = { formula: 'CONCAT("a","b")', result: "ab" };
    sheet.getCell("B6").value = "跨行";
    sheet.mergeCells("B6:B7");
    sheet.getCell("C6").value = { formula: "1/0", result: { error: "#DIV/0!" } };
    sheet.getCell("D6").value = { formula: "TODAY()", result: new Date(Date.UTC(2023, 0, 1, 12)) };
    sheet.getCell("D6").numFmt = "yyyy-mm-dd hh:mm";
    sheet.getCell("E7").value = 32.28;
    workbook.addWorksheet("空表");
    grid = readWorkbook(await bytesOf(workbook))[0] as SheetGrid;
  });

  it("starts the grid at the used range, not at A1", () => {
    expect(grid.sheet).toBe("表一");
    expect(grid.origin).toEqual({ row: 2, col: 1 });
    expect(grid.values).toHaveLength(5);
    expect(grid.values.every((r) => r.length === 4)).toBe(true);
  });

  it("leaves only the top-left cell of a merged area filled and reports the area", () => {
    expect(at(grid, 3, 2)).toBe("标题");
    expect([at(grid, 3, 3), at(grid, 3, 4), at(grid, 3, 5)]).toEqual(["", "", ""]);
    expect(at(grid, 7, 2)).toBe("");
    expect(grid.merges).toEqual(
      expect.arrayContaining([
        { row: 0, col: 0, rowCount: 1, colCount: 4 },
        { row: 3, col: 0, rowCount: 2, colCount: 1 },
      ]),
    );
  });

  it("gives dates as serial numbers with their number format", () => {
    expect(at(grid, 4, 3)).toBe(45107);
    expect(formatAt(grid, 4, 3)).toBe("yyyy-mm-dd");
    expect(at(grid, 6, 4)).toBeCloseTo(44927.5, 9);
    expect(formatAt(grid, 4, 2)).toBe("General");
  });

  it("gives cached formula results, plain text for rich text and links, errors as text", () => {
    expect(at(grid, 4, 2)).toBe(12);
    expect(at(grid, 4, 4)).toBe(24);
    expect(at(grid, 5, 5)).toBe("ab");
    expect(at(grid, 4, 5)).toBe("第一季度完成");
    expect(at(grid, 5, 2)).toBe("链接文字");
    expect(at(grid, 5, 3)).toBe("#N/A");
    expect(at(grid, 6, 3)).toBe("#DIV/0!");
    expect(at(grid, 5, 4)).toBe(true);
    expect(at(grid, 7, 5)).toBe(32.28);
  });

  it("reads every sheet, or only the one asked for", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("甲").getCell("A1").value = "a";
    workbook.addWorksheet("乙").getCell("C2").value = "b";
    const bytes = await bytesOf(workbook);
    expect(readWorkbook(bytes).map((g) => g.sheet)).toEqual(["甲", "乙"]);
    const [only] = readWorkbook(bytes, { sheet: "乙" });
    expect(only?.origin).toEqual({ row: 1, col: 2 });
    expect(only?.values).toEqual([["b"]]);
    expect(() => readWorkbook(bytes, { sheet: "丙" })).toThrow(
      expect.objectContaining({
        code: "sheet.missing",
        message: expect.stringContaining("现有：“甲”、“乙”"),
      }),
    );
  });

  it("converts dates of a 1904-system workbook", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.properties.date1904 = true;
    const sheet = workbook.addWorksheet("S");
    sheet.getCell("A1").value = new Date(Date.UTC(2023, 5, 30));
    sheet.getCell("A1").numFmt = "yyyy-mm-dd";
    const [g] = readWorkbook(await bytesOf(workbook));
    expect(g?.values[0]?.[0]).toBe(45107 - 1462);
  });
});

describe("readWorkbook errors", () => {
  function codeOf(bytes: Uint8Array, fileName?: string): string {
    try {
      readWorkbook(bytes, { fileName });
      return "none";
    } catch (error) {
      expect(error).toBeInstanceOf(WorkbookError);
      expect((error as WorkbookError).message).toMatch(/[\u4e00-\u9fff].*请/);
      expect((error as WorkbookError).messageEn).toMatch(/^[\x20-\x7e]+$/);
      return (error as WorkbookError).code;
    }
  }

  it("classifies what is not a readable .xlsx", () => {
    const cfb = new Uint8Array(2048);
    cfb.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const encrypted = new Uint8Array([...cfb, ...Buffer.from("EncryptionInfo", "utf16le")]);
    expect(codeOf(new Uint8Array(0))).toBe("file.empty");
    expect(codeOf(Buffer.from("序号,项目名称\n1,测试\n"), "a.csv")).toBe("file.notXlsx");
    expect(codeOf(cfb)).toBe("file.notXlsx");
    expect(codeOf(encrypted)).toBe("file.encrypted");
    expect(codeOf(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5]))).toBe("file.corrupt");
    expect(codeOf(storedZip({ "word/document.xml": "<w:document/>" }))).toBe("file.notXlsx");
  });

  it("names a CSV as CSV and a renamed file as such", () => {
    const csv = Buffer.from("序号,项目名称\n");
    expect(() => readWorkbook(csv, { fileName: "表.csv" })).toThrow(/CSV 文本不是 \.xlsx 工作簿/);
    expect(() => readWorkbook(csv, { fileName: "表.xlsx" })).toThrow(/可能只是改了扩展名/);
  });

  it("reads the committed samples", () => {
    const bytes = readFileSync(join(__dirname, "..", "..", "..", "samples", "zimao-2022.xlsx"));
    const [g] = readWorkbook(bytes);
    expect(g?.values[0]?.[0]).toBe("附件");
    expect(g?.values[2]?.[1]).toBe("项目名称");
  });
});

describe("large sheets", () => {
  it("reads a sheet with more cells than a function call can take as arguments", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("大表");
    for (let r = 1; r <= 130_000; r += 1) sheet.getCell(r, 1).value = r;
    const [grid] = readWorkbook(await bytesOf(workbook));
    expect(grid?.values).toHaveLength(130_000);
    expect(grid?.values[129_999]?.[0]).toBe(130_000);
  });
});

describe("readWorkbook, on packages other tools write", () => {
  const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  const PKG = "http://schemas.openxmlformats.org/package/2006/relationships";

  /** A package from raw parts: the sheets' XML as given, with workbook, rels and optional extras. */
  function pack(
    sheets: Record<string, string>,
    extra: Record<string, string> = {},
    workbookExtra = "",
  ): Uint8Array {
    const names = Object.keys(sheets);
    const files: Record<string, Uint8Array> = {
      "_rels/.rels": strToU8(
        `<Relationships xmlns="${PKG}"><Relationship Id="r1" Type="${REL}/officeDocument" Target="/xl/workbook.xml"/></Relationships>`,
      ),
      "xl/workbook.xml": strToU8(
        `<x:workbook xmlns:x="${MAIN}" xmlns:rel="${REL}">${workbookExtra}<x:sheets>` +
          names.map((n, i) => `<x:sheet name="${n}" sheetId="${i + 1}" rel:id="s${i}"/>`).join("") +
          `</x:sheets></x:workbook>`,
      ),
      "xl/_rels/workbook.xml.rels": strToU8(
        `<Relationships xmlns="${PKG}">` +
          names
            .map((_, i) => `<Relationship Id="s${i}" Type="${REL}/worksheet" Target="sheets/s${i}.xml"/>`)
            .join("") +
          (extra["xl/sharedStrings.xml"]
            ? `<Relationship Id="sst" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`
            : "") +
          (extra["xl/styles.xml"]
            ? `<Relationship Id="st" Type="${REL}/styles" Target="../xl/styles.xml"/>`
            : "") +
          `</Relationships>`,
      ),
    };
    names.forEach((name, i) => {
      files[`xl/sheets/s${i}.xml`] = strToU8(`<x:worksheet xmlns:x="${MAIN}">${sheets[name]}</x:worksheet>`);
    });
    for (const [path, text] of Object.entries(extra)) files[path] = strToU8(text);
    return zipSync(files);
  }

  it("reads prefixed elements, cells and rows without r, shared and inline rich text, escapes", () => {
    const sst =
      `<sst xmlns="${MAIN}"><si><t>第一季度</t></si>` +
      `<si><r><rPr><b/></rPr><t xml:space="preserve">道路 </t></r><r><t>改造</t></r><rPh sb="0" eb="1"><t>ダウロ</t></rPh></si>` +
      `<si><t>A&amp;B_x000D_C</t></si></sst>`;
    const bytes = pack(
      {
        表:
          `<x:sheetData><x:row><x:c t="s"><x:v>0</x:v></x:c><x:c t="s"><x:v>1</x:v></x:c><x:c r="E1" t="s"><x:v>2</x:v></x:c></x:row>` +
          `<x:row r="3"><x:c t="inlineStr"><x:is><x:t>行内</x:t></x:is></x:c><x:c t="b"><x:v>1</x:v></x:c><x:c t="e"><x:v>#N/A</x:v></x:c>` +
          `<x:c t="d"><x:v>2023-06-30T00:00:00</x:v></x:c><x:c s="1"><x:v>45107</x:v></x:c></x:row></x:sheetData>`,
      },
      {
        "xl/sharedStrings.xml": sst,
        "xl/styles.xml": `<styleSheet xmlns="${MAIN}"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164"/></cellXfs></styleSheet>`,
      },
    );
    const [grid] = readWorkbook(bytes);
    expect(grid?.origin).toEqual({ row: 0, col: 0 });
    expect(grid?.values).toEqual([
      ["第一季度", "道路 改造", "", "", "A&B\rC"],
      ["", "", "", "", ""],
      ["行内", true, "#N/A", 45107, 45107],
    ]);
    expect(grid?.numberFormats?.[2]?.[4]).toBe('yyyy"年"m"月"d"日"');
  });

  it("lists formulas saved without a result, and reads those with one", () => {
    const bytes = pack({
      表:
        `<x:sheetData><x:row r="2"><x:c r="B2"><x:v>100</x:v></x:c><x:c r="C2"><x:f>B2*2</x:f></x:c>` +
        `<x:c r="D2"><x:f t="shared" ref="D2:D3" si="0">B2+1</x:f><x:v>101</x:v></x:c></x:row>` +
        `<x:row r="3"><x:c r="D3"><x:f t="shared" si="0"/></x:c><x:c r="E3" t="str"><x:f>""</x:f><x:v></x:v></x:c></x:row></x:sheetData>`,
    });
    const [grid] = readWorkbook(bytes);
    expect(grid?.origin).toEqual({ row: 1, col: 1 });
    // E3 holds an empty cached result: a value of "", which widens nothing.
    expect(grid?.values).toEqual([
      [100, "", 101],
      ["", "", ""],
    ]);
    expect(grid?.uncachedFormulas).toEqual([
      { row: 0, col: 1 },
      { row: 1, col: 2 },
    ]);
  });

  it("reads covered cells of a merge as empty and clips merges to the used range", () => {
    const bytes = pack({
      表:
        `<x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>标题</x:t></x:is></x:c><x:c r="B1" t="inlineStr"><x:is><x:t>残留</x:t></x:is></x:c></x:row>` +
        `<x:row r="2"><x:c r="A2"><x:v>1</x:v></x:c><x:c r="C2"><x:v>3</x:v></x:c></x:row></x:sheetData>` +
        `<x:mergeCells><x:mergeCell ref="A1:Z1"/><x:mergeCell ref="A1:Z1"/></x:mergeCells>`,
    });
    const [grid] = readWorkbook(bytes);
    expect(grid?.values).toEqual([
      ["标题", "", ""],
      [1, "", 3],
    ]);
    expect(grid?.merges).toEqual([{ row: 0, col: 0, rowCount: 1, colCount: 3 }]);
  });

  it("refuses a used range too large to hold, naming the sheet", () => {
    const bytes = pack({
      远: `<x:sheetData><x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c></x:row><x:row r="1048576"><x:c r="XFD1048576"><x:v>2</x:v></x:c></x:row></x:sheetData>`,
    });
    expect(() => readWorkbook(bytes)).toThrow(
      expect.objectContaining({ code: "sheet.tooLarge", message: expect.stringContaining("工作表“远”") }),
    );
  });

  it("a damaged part is a damaged file, with the zip's words as the detail", () => {
    const bytes = zipSync({ "xl/workbook.xml": strToU8("<workbook/>") }, { level: 0 });
    const flipped = bytes.slice();
    const at = Buffer.from(flipped).indexOf("<workbook/>");
    flipped[at + 1] = "W".charCodeAt(0);
    expect(() => readWorkbook(flipped)).toThrow(
      expect.objectContaining({ code: "file.corrupt", detail: "xl/workbook.xml: CRC-32 mismatch" }),
    );
  });
});
