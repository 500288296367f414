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

describe("writeReportSheet (生成通报表)", () => {
  const REPORT = "进度通报2023-06";

  it("writes the month's 通报 with the marker line, only the late projects, links back and the page set up", async () => {
    const { et, port, result } = setup();
    expect(await port.writeReportSheet(result, { groupBy: "department" }, false)).toEqual({
      ok: true,
      value: REPORT,
    });
    const report = et.sheet(REPORT);
    expect(report.peek("A1")?.value).toBe("关于2023年6月为民办实事项目进展情况的通报");
    expect(String(report.peek("A2")?.value)).toContain(PRODUCT_SHEET_TAG);
    const values = [...report.cells.values()].map((c) => String(c.value ?? ""));
    expect(values.filter((v) => v.startsWith("第一季度："))).toHaveLength(10);
    const link = [...report.cells.values()].find((c) => c.formula?.includes("拓展婴幼儿"));
    expect(link?.formula).toMatch(/^=HYPERLINK\("#'责任分解表'![A-Z]+\d+","拓展婴幼儿照护服务普惠项目"\)$/u);
    expect(report.pageSetup).toMatchObject({
      Orientation: 2,
      PaperSize: 9,
      Zoom: false,
      FitToPagesWide: 1,
      FitToPagesTall: false,
      CenterHeader: "关于2023年6月为民办实事项目进展情况的通报",
      CenterFooter: "第 &P 页，共 &N 页",
    });
    const titleRow = Number(/^\$(\d+):\$\1$/u.exec(String(report.pageSetup.PrintTitleRows))?.[1]);
    expect(report.peek(`A${titleRow}`)?.value).toBe("项目");
    expect(report.merges).toContainEqual({ row: 0, col: 0, rows: 1, cols: 8 });
    expect(et.workbook.sheets[et.activeSheetIndex]?.name).toBe(REPORT);
  });

  it("never touches another month's 通报, and replaces this month's only when asked", async () => {
    const { et, port, result } = setup();
    const may = et.addSheet("进度通报2023-05", {
      sheet: "进度通报2023-05",
      origin: { row: 0, col: 0 },
      values: [["五月"]],
    });
    const before = may.userState();
    await port.writeReportSheet(result, { groupBy: "department" }, false);
    expect(await port.writeReportSheet(result, { groupBy: "department" }, false)).toEqual({
      ok: false,
      exists: true,
    });
    expect(await port.writeReportSheet(result, { groupBy: "leader" }, true)).toEqual({
      ok: true,
      value: REPORT,
    });
    expect(et.workbook.sheets.filter((s) => s.name === REPORT)).toHaveLength(1);
    expect(et.sheet("进度通报2023-05").userState()).toBe(before);
  });
});

describe("addCompletionColumns", () => {
  it("adds the quarter columns with a drop-down right of the table, and the next check reads them", async () => {
    const { et, sheet, ctx, port, result } = setup();
    const table = result.tables[0]!;
    expect(await port.addCompletionColumns(result)).toEqual({ ok: true, value: undefined });
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
    // One drop-down per run of project rows (the repeated headers at rows 7, 11 and 17 split them).
    expect(et.reads("Validation.Add")).toBe(4);
  });

  it("refuses, naming the cell, when a column right of the table is not empty, and writes nothing", async () => {
    const { sheet, port, result } = setup();
    const table = result.tables[0]!;
    sheet.cell(table.lastRow - 2, table.lastCol + 2).formula = '=""';
    const before = sheet.userState();
    const outcome = await port.addCompletionColumns(result);
    expect(outcome).toMatchObject({ ok: false, sheet: SHEET });
    expect(sheet.userState()).toBe(before);
  });

  it("refuses a protected sheet", async () => {
    const { sheet, port, result } = setup();
    sheet.protectContents = true;
    expect(await port.addCompletionColumns(result)).toMatchObject({
      ok: false,
      message: "工作表已保护，未作任何修改",
    });
  });
});

describe("completion drop-downs", () => {
  it("go on project rows only, never on the header rows the notice repeats at page breaks", async () => {
    const { sheet, port, result } = setup();
    const table = result.tables[0]!;
    expect(await port.addCompletionColumns(result)).toEqual({ ok: true, value: undefined });
    const col = table.lastCol + 1;
    const projectRows = new Set(table.projects.flatMap((p) => p.rows));
    const others = [...Array(table.lastRow - table.headerRows[0]!).keys()]
      .map((i) => table.headerRows[0]! + 1 + i)
      .filter((row) => !projectRows.has(row));
    expect(others.length).toBeGreaterThanOrEqual(3);
    for (const row of others) expect(sheet.cell(row - 1, col).validation ?? null).toBeNull();
    for (const row of projectRows) expect(sheet.cell(row - 1, col).validation).not.toBeNull();
  });
});

describe("pane settings", () => {
  it("are kept in a document property of the workbook and read back through the core's check", async () => {
    const { port } = setup();
    expect(await port.readSettings()).toEqual({ ok: true, value: {} });
    expect(await port.writeSettings({ dueSoonDays: 30, dateMode: "monthEnd" })).toEqual({
      ok: true,
      value: undefined,
    });
    await port.writeSettings({ dueSoonDays: 7, groupBy: "none" });
    expect(await port.readSettings()).toEqual({ ok: true, value: { dueSoonDays: 7, groupBy: "none" } });
  });
});

describe("insertStatusColumn", () => {
  it("writes =DUTY.STATUS(A<row>,date) beside each project and the header, reading the grid once", async () => {
    const { et, sheet, port, result } = setup();
    et.resetCalls();
    expect(await port.insertStatusColumn({ asOf: "2023-06-20", dueSoonDays: 30 })).toEqual({
      ok: true,
      value: undefined,
    });
    expect(et.reads("Range.Value2")).toBe(1);
    const table = result.tables[0]!;
    const project = table.projects[0]!;
    const col = table.lastCol + 1;
    // The pane's date and window, so the column answers as the pane does.
    expect(sheet.cell(project.row - 1, col).formula).toBe(`=DUTY.STATUS(B${project.row},"2023-06-20",30)`);
    expect(sheet.cell(table.headerRows[0]! - 1, col).value).toBe("进度状态（截至 2023-06-20）");
  });

  it("refuses a protected sheet before reading it", async () => {
    const { et, sheet, port } = setup();
    sheet.protectContents = true;
    et.resetCalls();
    expect(await port.insertStatusColumn({ asOf: "2023-06-20" })).toMatchObject({
      ok: false,
      message: "工作表已保护，未作任何修改",
    });
    expect(et.reads("Range.Value2")).toBe(0);
  });
});
