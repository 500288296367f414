import fc from "fast-check";
import { findTables } from "../../../src/core/table";
import type { CellValue, Role } from "../../../src/core/types";
import { gridFromRows } from "../../support/seed-grid";

/** Header spellings with a data cell each; any order, anywhere on the sheet, must read the same. */
const COLUMNS: Array<[Role, string, CellValue]> = [
  ["index", "序号", 1],
  ["name", "工作任务", "实施送温暖工程"],
  ["schedule", "工作任务安排", "第一季度：走访；第二季度：慰问"],
  ["content", "建设规模及内容", "困难职工帮扶"],
  ["period", "建设 年限", 2023],
  ["totalInvestment", "计划总投资（万元）", 8],
  ["annualInvestment", "2023年计划投资（万元）", "拟定8"],
  ["leader", "责任\n领导", "张绍萍"],
  ["department", "牵 头 部 门", "街道总工会"],
  ["person", "具体责任人", "高平林"],
  ["coDepartment", "配合单位", "各社区"],
  ["progress", "目标完成情况", "正在推进"],
];

describe("column order and position", () => {
  it("do not change what each column means", () => {
    fc.assert(
      fc.property(
        fc.shuffledSubarray(COLUMNS, { minLength: 3 }).filter((cols) => cols.some(([r]) => r === "name")),
        fc.nat(5),
        fc.nat(5),
        fc.nat(20),
        (cols, padRows, padCols, originRow) => {
          const grid = gridFromRows(
            [["某镇 2023 年为民办实事项目表"], cols.map(([, header]) => header), cols.map(([, , v]) => v)],
            { pad: { rows: padRows, cols: padCols }, origin: { row: originRow, col: 0 } },
          );
          const tables = findTables(grid);
          expect(tables).toHaveLength(1);
          const table = tables[0];
          const expected = Object.fromEntries(cols.map(([role], i) => [role, padCols + i]));
          expect(table?.columns).toEqual(expect.objectContaining(expected));
          expect(table?.headerRows).toEqual([originRow + padRows + 2]);
          expect(table?.titleYear).toBe(2023);
          expect(table?.projects).toHaveLength(1);
        },
      ),
      { numRuns: 150 },
    );
  });
});
