import { checkSheet } from "../../src/core/check";
import { resolveOptions } from "../../src/core/options";
import { PRODUCT_SHEET_TAG } from "../../src/core/product-sheet";
import type { SheetResult } from "../../src/core/types";
import { checkActiveSheet } from "../../src/wps/check";
import type { WpsContext } from "../../src/wps/context";
import { createWpsPort } from "../../src/wps/port";
import { FakeET } from "../support/fake-et";
import { seedGrid } from "../support/seed-grid";

const SHEET = "责任分解表";

function setup() {
  const et = new FakeET();
  const grid = seedGrid("xintang-2023", { sheet: SHEET, origin: { row: 2, col: 1 } });
  const sheet = et.addSheet(SHEET, grid);
  et.activate(SHEET);
  const ctx: WpsContext = { app: et.application, today: () => new Date(2023, 5, 20) };
  const options = resolveOptions({ asOf: "2023-06-20" });
  if (!options.ok) throw new Error(options.message);
  const result: SheetResult = checkSheet(grid, options.options);
  return { et, sheet, ctx, port: createWpsPort(ctx), result };
}

describe("writeSummarySheet", () => {
  it("writes the 进度检查结果 sheet with the marker line, dates as serials and links back", async () => {
    const { et, port, result } = setup();
    expect(await port.writeSummarySheet(result, false)).toEqual({ ok: true, value: undefined });
    const summary = et.sheet("进度检查结果");
    expect(String(summary.peek("A2")?.value)).toContain(PRODUCT_SHEET_TAG);
    expect(summary.peek("A3")?.value).toBe("序号");
    expect(summary.peek("D4")).toMatchObject({ value: 45016, numberFormat: "yyyy-mm-dd" });
    expect(summary.peek("K4")?.formula).toMatch(/^=HYPERLINK\("#'责任分解表'![A-Z]+\d+","[A-Z]+\d+"\)$/u);
    expect(et.workbook.sheets[et.activeSheetIndex]?.name).toBe("进度检查结果");
  });

  it("never overwrites an existing summary unless asked", async () => {
    const { et, port, result } = setup();
    await port.writeSummarySheet(result, false);
    expect(await port.writeSummarySheet(result, false)).toEqual({ ok: false, exists: true });
    expect(et.workbook.sheets.filter((s) => s.name === "进度检查结果")).toHaveLength(1);
  });
});

describe("addCompletionColumns", () => {
  it("adds the quarter columns with a drop-down right of the table, and the next check reads them", async () => {
    const { et, sheet, ctx, port, result } = setup();
    const table = result.tables[0]!;
    expect(await port.addCompletionColumns(table)).toEqual({ ok: true, value: undefined });
    const headerRow = table.headerRows[0]!;
    const firstCol = table.lastCol + 1;
    expect(sheet.cell(headerRow - 1, firstCol).value).toBe("第一季度完成情况");
    expect(sheet.cell(table.lastRow - 1, firstCol).validation).toEqual({
      type: 3,
      formula1: "已完成,未完成",
    });
    const again = checkActiveSheet(ctx, { asOf: "2023-06-20" });
    if (!again.ok) throw new Error(again.message);
    expect(Object.keys(again.value.tables[0]!.quarterColumns)).toHaveLength(4);
    expect(et.reads("Validation.Add")).toBe(1);
  });

  it("refuses, naming the cell, when a column right of the table is not empty, and writes nothing", async () => {
    const { sheet, port, result } = setup();
    const table = result.tables[0]!;
    sheet.cell(table.lastRow - 2, table.lastCol + 2).formula = '=""';
    const before = sheet.userState();
    const outcome = await port.addCompletionColumns(table);
    expect(outcome).toMatchObject({ ok: false, sheet: SHEET });
    expect(sheet.userState()).toBe(before);
  });

  it("refuses a protected sheet", async () => {
    const { sheet, port, result } = setup();
    sheet.protectContents = true;
    expect(await port.addCompletionColumns(result.tables[0]!)).toMatchObject({
      ok: false,
      message: "工作表已保护，未作任何修改",
    });
  });
});

describe("insertStatusColumn", () => {
  it("writes =DUTY.STATUS(A<row>) beside each project and the header, reading the grid once", async () => {
    const { et, sheet, port, result } = setup();
    et.resetCalls();
    expect(await port.insertStatusColumn()).toEqual({ ok: true, value: undefined });
    expect(et.reads("Range.Value2")).toBe(1);
    const project = result.tables[0]!.projects[0]!;
    const col = result.tables[0]!.lastCol + 1;
    expect(sheet.cell(project.row - 1, col).formula).toBe(`=DUTY.STATUS(B${project.row})`);
  });

  it("refuses a protected sheet before reading it", async () => {
    const { et, sheet, port } = setup();
    sheet.protectContents = true;
    et.resetCalls();
    expect(await port.insertStatusColumn()).toMatchObject({
      ok: false,
      message: "工作表已保护，未作任何修改",
    });
    expect(et.reads("Range.Value2")).toBe(0);
  });
});
