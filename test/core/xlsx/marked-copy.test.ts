import { readFileSync } from "node:fs";
import { join } from "node:path";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import ExcelJS from "exceljs";
import { checkSheet } from "../../../src/core/check";
import { MARK_FILL, planMarks } from "../../../src/core/marks";
import { resolveOptions } from "../../../src/core/options";
import { PRODUCT_SHEET_TAG } from "../../../src/core/product-sheet";
import type { SheetResult } from "../../../src/core/types";
import { readWorkbook, writeMarkedCopy } from "../../../src/core/xlsx";
import { readZip } from "../../../src/core/xlsx/zip";
import { buildXlsx, type BuildCell } from "../../support/xlsx-build";

const XINTANG = readFileSync(join(__dirname, "..", "..", "..", "samples", "xintang-2023.xlsx"));
const ASOF = "2023-06-20";
/** A 1×1 PNG. */
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);
const CHART = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart/></c:chartSpace>`;

function check(bytes: Uint8Array): SheetResult[] {
  const options = resolveOptions({ asOf: ASOF });
  if (!options.ok) throw new Error(options.message);
  return readWorkbook(bytes).map((grid) => checkSheet(grid, options.options));
}

/** The sample with what ExcelJS would lose or keep only in part: a validation, a conditional format, an image, a chart part. */
async function richWorkbook(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(XINTANG as unknown as ExcelJS.Buffer);
  const sheet = workbook.worksheets[0] as ExcelJS.Worksheet;
  sheet.getCell("L4").dataValidation = { type: "list", allowBlank: true, formulae: ['"已完成,未完成"'] };
  sheet.addConditionalFormatting({
    ref: "F4:F16",
    rules: [{ type: "cellIs", operator: "greaterThan", formulae: [1000], priority: 1, style: {} }],
  });
  const image = workbook.addImage({ buffer: PNG as unknown as ExcelJS.Buffer, extension: "png" });
  sheet.addImage(image, "M2:N4");
  const parts = unzipSync(new Uint8Array(await workbook.xlsx.writeBuffer()));
  // A part ExcelJS cannot write at all; the copy must carry it (and its content type) unchanged.
  parts["xl/charts/chart1.xml"] = strToU8(CHART);
  const types = strFromU8(parts["[Content_Types].xml"] as Uint8Array);
  parts["[Content_Types].xml"] = strToU8(
    types.replace(
      "</Types>",
      `<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/></Types>`,
    ),
  );
  return zipSync(parts);
}

function parts(bytes: Uint8Array): Record<string, string> {
  return Object.fromEntries(Object.entries(unzipSync(bytes)).map(([name, data]) => [name, strFromU8(data)]));
}

function argb(hex: string): string {
  return `FF${hex.slice(1).toUpperCase()}`;
}

function fillOf(cell: ExcelJS.Cell): string | null {
  const fill = cell.fill;
  return fill?.type === "pattern" && fill.pattern === "solid" ? (fill.fgColor?.argb ?? null) : null;
}

describe("the marked copy is the original package with only what changed rewritten", () => {
  let input: Uint8Array;
  let output: Uint8Array;
  let results: SheetResult[];
  beforeAll(async () => {
    input = await richWorkbook();
    results = check(input);
    output = writeMarkedCopy(input, results, ASOF);
  });

  it("copies every untouched part byte for byte, still compressed as it was", () => {
    const rewritten = new Set([
      "[Content_Types].xml",
      "xl/workbook.xml",
      "xl/_rels/workbook.xml.rels",
      "xl/styles.xml",
      "xl/worksheets/sheet1.xml",
    ]);
    const before = readZip(input);
    const after = new Map(readZip(output).map((e) => [e.name, e]));
    for (const entry of before) {
      const copy = after.get(entry.name);
      expect(copy).toBeDefined();
      if (rewritten.has(entry.name)) continue;
      expect({ name: entry.name, raw: Buffer.from(copy?.raw ?? []).equals(Buffer.from(entry.raw)) }).toEqual({
        name: entry.name,
        raw: true,
      });
    }
    expect(before.map((e) => e.name)).toContain("xl/charts/chart1.xml");
    expect(before.map((e) => e.name)).toContain("xl/media/image1.png");
  });

  it("changes the marked sheet only in the marked cells' style attributes", () => {
    const [a, b] = [parts(input)["xl/worksheets/sheet1.xml"], parts(output)["xl/worksheets/sheet1.xml"]];
    const marked = new Set(planMarks(results[0] as SheetResult).map((m) => m.address));
    const strip = (xml: string) =>
      xml.replace(/<c r="([A-Z]+\d+)"([^>]*?) s="\d+"/g, (m, ref: string, rest: string) =>
        marked.has(ref) ? `<c r="${ref}"${rest}` : m,
      );
    expect(b).not.toBe(a);
    expect(strip(b as string)).toBe(strip(a as string));
  });

  it("keeps every existing style where it was, adding only after it", () => {
    const [a, b] = [parts(input)["xl/styles.xml"] as string, parts(output)["xl/styles.xml"] as string];
    for (const section of ["fonts", "fills", "cellXfs", "borders"]) {
      const inner = (xml: string) =>
        new RegExp(`<${section}[^>]*>([\\s\\S]*?)</${section}>`).exec(xml)?.[1] ?? "";
      expect(inner(b).startsWith(inner(a))).toBe(true);
    }
  });

  it("opens in ExcelJS with the marks, the 检查结果 sheet, and the user's validation, rule and image", async () => {
    const copy = new ExcelJS.Workbook();
    await copy.xlsx.load(Buffer.from(output) as unknown as ExcelJS.Buffer);
    const original = new ExcelJS.Workbook();
    await original.xlsx.load(Buffer.from(input) as unknown as ExcelJS.Buffer);
    const sheet = copy.worksheets[0] as ExcelJS.Worksheet;
    const before = original.worksheets[0] as ExcelJS.Worksheet;

    for (const mark of planMarks(results[0] as SheetResult)) {
      const cell = sheet.getCell(mark.address);
      expect(fillOf(cell)).toBe(argb(MARK_FILL[mark.kind]));
      // Everything else about the cell is as it was.
      expect(cell.value).toEqual(before.getCell(mark.address).value);
      expect(cell.border).toEqual(before.getCell(mark.address).border);
      expect(cell.font).toEqual(before.getCell(mark.address).font);
      expect(cell.alignment).toEqual(before.getCell(mark.address).alignment);
    }
    expect(fillOf(sheet.getCell("C4"))).toBeNull();
    expect(sheet.getCell("L4").dataValidation).toMatchObject({ type: "list", formulae: ['"已完成,未完成"'] });
    expect(sheet.getImages()).toHaveLength(1);
    // ExcelJS's typings omit the conditional formats it reads.
    const rules = (sheet as unknown as { conditionalFormattings?: unknown[] }).conditionalFormattings;
    expect(JSON.stringify(rules ?? [])).toContain("F4:F16");

    const result = copy.getWorksheet("检查结果");
    if (!result) throw new Error("no 检查结果 sheet");
    expect(String(result.getCell("A1").value)).toBe(
      `${PRODUCT_SHEET_TAG} · 源表：责任分解表 · 检查日期：${ASOF}`,
    );
    expect(result.getCell("A1").font?.bold).toBe(true);
    expect(result.getRow(2).values).toEqual(
      expect.arrayContaining(["项目名称", "截止日期", "状态", "来源单元格"]),
    );
    expect(result.getCell("C3").value).toBe("开展“职工医疗互助”项目");
    expect(result.getCell("I3").value).toBe("逾期");
    expect(fillOf(result.getCell("I3"))).toBe(argb(MARK_FILL.overdue));
    expect(result.getCell("H3").numFmt).toBe("yyyy-mm-dd");
    expect(result.getCell("L3").value).toEqual({
      formula: `HYPERLINK("#'责任分解表'!D4","D4")`,
      result: "D4",
    });
    expect(result.views[0]).toMatchObject({ state: "frozen", ySplit: 2 });
    // 12 projects: 40 milestones and one unscheduled project, under the two top rows.
    expect(result.rowCount).toBe(43);
  });

  it("reads back as the same workbook plus an output sheet the check skips", () => {
    const again = check(output);
    expect(again.map((r) => r.sheet)).toEqual(["责任分解表", "检查结果"]);
    expect(again[0]?.tables[0]?.projects).toHaveLength(12);
    expect(again[1]).toMatchObject({ tables: [], warnings: [{ code: "sheet.productOutput" }] });
    expect(readWorkbook(output)[0]).toEqual(readWorkbook(input)[0]);
  });
});

describe("marked copies of unusual packages", () => {
  const rows: BuildCell[][] = [
    ["测试镇 2023 年为民办实事项目责任分解表"],
    ["序号", "项目名称", "形象进度安排", "责任领导", "责任科室"],
    [1, "道路改造", "第一季度完成设计;第三季度完工", "王五", "建设办"],
  ];

  it("a workbook without a styles part gets one, with the marks' styles", async () => {
    const input = buildXlsx([{ name: "表", rows }], { styles: false });
    expect(Object.keys(unzipSync(input))).not.toContain("xl/styles.xml");
    const output = writeMarkedCopy(input, check(input), ASOF);
    const copy = new ExcelJS.Workbook();
    await copy.xlsx.load(Buffer.from(output) as unknown as ExcelJS.Buffer);
    expect(fillOf(copy.worksheets[0]?.getCell("B3") as ExcelJS.Cell)).toBe(argb(MARK_FILL.overdue));
    expect(copy.getWorksheet("检查结果")?.getCell("C3").value).toBe("道路改造");
  });

  it("a workbook that already has a 检查结果 sheet gets 检查结果 2, and names with quotes link right", async () => {
    const input = buildXlsx([
      { name: "O'Neil 表", rows },
      { name: "检查结果", rows: [["我的笔记"]] },
    ]);
    const output = writeMarkedCopy(input, check(input), ASOF);
    const copy = new ExcelJS.Workbook();
    await copy.xlsx.load(Buffer.from(output) as unknown as ExcelJS.Buffer);
    expect(copy.worksheets.map((w) => w.name)).toEqual(["O'Neil 表", "检查结果", "检查结果 2"]);
    expect(copy.getWorksheet("检查结果")?.getCell("A1").value).toBe("我的笔记");
    expect(copy.getWorksheet("检查结果 2")?.getCell("L3").value).toEqual({
      formula: `HYPERLINK("#'O''Neil 表'!C3","C3")`,
      result: "C3",
    });
  });

  it("control characters in cell text are kept, as XML escapes", () => {
    const hostile: BuildCell[][] = [
      rows[0] as BuildCell[],
      rows[1] as BuildCell[],
      [1, "道路\u001b[2J改造", "第一季度完成设计", "王五", "建设办"],
    ];
    const input = buildXlsx([{ name: "表", rows: hostile }]);
    const output = writeMarkedCopy(input, check(input), ASOF);
    const grids = readWorkbook(output);
    expect(grids[1]?.values[2]?.[2]).toBe("道路\u001b[2J改造");
  });
});
