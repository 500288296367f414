import { readSheet, readSheetGrid, parseRangeAddress, splitAreas } from "../../src/office/read";
import type { SheetGrid } from "../../src/core/types";
import { MockWorkbook } from "../support/mock-workbook";

/** A small table that does not start at A1, with a merged name cell and a date-formatted cell. */
function grid(): SheetGrid {
  return {
    sheet: "分解表",
    origin: { row: 2, col: 1 },
    values: [
      ["序号", "项目名称", "形象进度安排", "责任领导"],
      [1, "送温暖工程", "第一季度：走访", "张三"],
      ["", "", "第二季度：慰问", ""],
      [2, "道路提升", 45107, "李四"],
    ],
    numberFormats: [
      ["General", "General", "General", "General"],
      ["General", "@", "General", "General"],
      ["General", "General", "General", "General"],
      ["General", "General", "yyyy-mm-dd", "General"],
    ],
    merges: [
      { row: 1, col: 0, rowCount: 2, colCount: 1 },
      { row: 1, col: 1, rowCount: 2, colCount: 1 },
    ],
  };
}

describe("readSheetGrid", () => {
  it("reads values, number formats, origin and merges in one sync", async () => {
    const wb = new MockWorkbook([{ grid: grid() }]);
    const read = await wb.run(async (context) =>
      readSheetGrid(context, context.workbook.worksheets.getActiveWorksheet()),
    );
    expect(wb.syncs).toBe(1);
    expect(read).toEqual(grid());
  });

  it("gives an empty grid for an empty sheet, still in one sync", async () => {
    const wb = new MockWorkbook([{ grid: { sheet: "空表", origin: { row: 0, col: 0 }, values: [] } }]);
    const read = await wb.run(async (context) =>
      readSheetGrid(context, context.workbook.worksheets.getActiveWorksheet()),
    );
    expect(wb.syncs).toBe(1);
    expect(read.values).toEqual([]);
    expect(read.sheet).toBe("空表");
  });

  it("reads the caller's extra loads in the same sync", async () => {
    const wb = new MockWorkbook([{ grid: grid(), protected: true }]);
    const read = await wb.run(async (context) => {
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      return readSheet(context, sheet, () => {
        sheet.protection.load("protected");
        return () => sheet.protection.protected;
      });
    });
    expect(read.syncs).toBe(1);
    expect(wb.syncs).toBe(1);
    expect(read.extra).toBe(true);
  });

  it("falls back to row chunks, one sync each, when the payload limit is hit", async () => {
    const big: SheetGrid = {
      sheet: "大表",
      origin: { row: 0, col: 0 },
      values: Array.from({ length: 30 }, (_, r) => Array.from({ length: 10 }, (_, c) => `r${r}c${c}`)),
      numberFormats: Array.from({ length: 30 }, () => Array.from({ length: 10 }, () => "General")),
      merges: [{ row: 4, col: 2, rowCount: 3, colCount: 1 }],
    };
    const wb = new MockWorkbook([{ grid: big }], { maxCellsPerSync: 50 });
    const read = await wb.run(async (context) =>
      readSheet(context, context.workbook.worksheets.getActiveWorksheet(), () => () => undefined),
    );
    expect(read.grid).toEqual(big);
    expect(read.syncs).toBe(wb.syncs);
    // one failed attempt, one for the address, then at least ceil(300 / 50) chunks
    expect(read.syncs).toBeGreaterThanOrEqual(2 + 6);
  });

  it("retries once without merged areas when Excel refuses them (over 512 areas)", async () => {
    const wb = new MockWorkbook([{ grid: grid() }], { maxMergedAreas: 1 });
    const read = await wb.run(async (context) =>
      readSheet(context, context.workbook.worksheets.getActiveWorksheet(), () => () => undefined),
    );
    expect(read.syncs).toBe(2);
    expect(read.grid.values).toEqual(grid().values);
    expect(read.grid.merges).toEqual([]);
  });

  it("does not retry when the user is editing a cell", async () => {
    const wb = new MockWorkbook([{ grid: grid() }]);
    wb.failAt({ atSync: 1, afterCommands: 0, code: "InvalidOperationInCellEditMode" });
    await expect(
      wb.run(async (context) => readSheetGrid(context, context.workbook.worksheets.getActiveWorksheet())),
    ).rejects.toMatchObject({ code: "InvalidOperationInCellEditMode" });
    expect(wb.syncs).toBe(1);
  });
});

describe("the mock enforces load and sync", () => {
  it("does not hand out values that were not loaded, or before the sync", async () => {
    const wb = new MockWorkbook([{ grid: grid() }]);
    await wb.run(async (context) => {
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      const unloaded = sheet.getRange("C4");
      const loaded = sheet.getRange("C4");
      loaded.load("values");
      expect(loaded.values).not.toEqual([["送温暖工程"]]);
      await context.sync();
      expect(unloaded.values).not.toEqual([["送温暖工程"]]);
      expect(loaded.values).toEqual([["送温暖工程"]]);
    });
  });
});

describe("addresses", () => {
  it("parses sheet-qualified ranges and splits area lists at unquoted commas", () => {
    expect(parseRangeAddress("'My, sheet'!B3:K40")).toEqual({ row: 2, col: 1, rowCount: 38, colCount: 10 });
    expect(parseRangeAddress("Sheet1!D5")).toEqual({ row: 4, col: 3, rowCount: 1, colCount: 1 });
    expect(parseRangeAddress("not an address")).toBeNull();
    expect(splitAreas("'a,b'!A1:B2, Sheet1!C3")).toEqual(["'a,b'!A1:B2", "Sheet1!C3"]);
  });
});
