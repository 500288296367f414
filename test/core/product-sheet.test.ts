import { checkSheet } from "../../src/core/check";
import { resolveOptions } from "../../src/core/options";
import {
  PRODUCT_SHEET_TAG,
  productSheetDiagnostic,
  productSheetLine,
  readProductSheet,
} from "../../src/core/product-sheet";
import type { CellValue, SheetGrid } from "../../src/core/types";

function grid(values: CellValue[][], sheet = "检查结果"): SheetGrid {
  return { sheet, origin: { row: 0, col: 0 }, values };
}

const options = (() => {
  const resolved = resolveOptions({ asOf: "2023-06-20" });
  if (!resolved.ok) throw new Error(resolved.message);
  return resolved.options;
})();

/** Rows that read as a breakdown table when nothing says the sheet is an output. */
const TABLE: CellValue[][] = [
  ["序号", "项目名称", "形象进度安排", "责任领导", "责任科室"],
  [1, "道路白改黑", "第一季度：完成预算编制", "张三", "建设办"],
  [2, "公园提升", "第二季度：完成招投标", "李四", "城建办"],
];

describe("product sheets", () => {
  it("writes a line naming the source sheet and the date, and reads the source back", () => {
    const line = productSheetLine("责任分解表", "2023-06-20");
    expect(line).toBe(`${PRODUCT_SHEET_TAG} · 源表：责任分解表 · 检查日期：2023-06-20`);
    expect(readProductSheet(grid([["进度检查结果"], [line], ...TABLE]))).toEqual({ source: "责任分解表" });
  });

  it("keeps a source sheet name with separators in it", () => {
    const line = productSheetLine("2023 · 新塘", "2023-06-20");
    expect(readProductSheet(grid([[line]]))).toEqual({ source: "2023 · 新塘" });
  });

  it("reads a line without a source, and one moved right by inserted columns", () => {
    expect(readProductSheet(grid([[null, "", `  ${productSheetLine(null, "2023-06-20")}`]]))).toEqual({
      source: null,
    });
  });

  it("does not take a table, or the tag below the first rows, for an output", () => {
    expect(readProductSheet(grid(TABLE))).toBeNull();
    const late = [[], [], [], [], [], [productSheetLine("表", "2023-06-20")]];
    expect(readProductSheet(grid(late))).toBeNull();
    expect(readProductSheet(grid([[`说明：${PRODUCT_SHEET_TAG}`]]))).toBeNull();
  });

  it("a check of an output sheet reads no table and says to switch, naming the source", () => {
    const result = checkSheet(grid([[productSheetLine("责任分解表", "2023-06-20")], ...TABLE]), options);
    expect(result.tables).toEqual([]);
    expect(result.warnings).toEqual([productSheetDiagnostic("检查结果", { source: "责任分解表" })]);
    expect(result.warnings[0]?.code).toBe("sheet.productOutput");
    expect(result.warnings[0]?.message).toContain("这是检查结果表，请切换到责任分解表“责任分解表”");
    expect(checkSheet(grid(TABLE), options).tables).toHaveLength(1);
  });
});
