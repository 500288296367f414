import { readFileSync } from "node:fs";
import { join } from "node:path";
import { columnLetter } from "../../src/core/address";
import { checkSheet } from "../../src/core/check";
import { planMarks } from "../../src/core/marks";
import { resolveOptions } from "../../src/core/options";
import { PROJECT_STATUS_LABEL } from "../../src/core/status";
import { readWorkbook } from "../../src/core/xlsx";
import { parsePreviewData, type PreviewWorkbook } from "../../src/preview/data";
import { PreviewPort, valueAt } from "../../src/preview/PreviewPort";
import samples from "../../src/preview/samples.json";

function workbook(file: string): PreviewWorkbook {
  const data = parsePreviewData(samples);
  if (!data.ok) throw new Error(data.message);
  const found = data.workbooks.find((w) => w.file === file);
  if (!found) throw new Error(`no sample ${file}`);
  return found;
}

function options(asOf: string) {
  const resolved = resolveOptions({ asOf });
  if (!resolved.ok) throw new Error(resolved.message);
  return resolved.options;
}

describe("preview sample data", () => {
  test.each(["xintang-2023.xlsx", "zimao-2022.xlsx"])(
    "%s matches what the .xlsx reader gives (rerun npm run build:preview-data when it does not)",
    (file) => {
      const grids = readWorkbook(readFileSync(join(__dirname, "../../samples", file)));
      expect(workbook(file).sheets.map((s) => s.grid)).toEqual(JSON.parse(JSON.stringify(grids)));
    },
  );

  test("rejects data that is not grids", () => {
    expect(parsePreviewData({ workbooks: [{ file: "a.xlsx", sheets: [{ grid: { sheet: "S" } }] }] }).ok).toBe(
      false,
    );
  });
});

describe("PreviewPort", () => {
  test("a check runs the engine on the active sheet and lays exactly the planned marks", async () => {
    const sample = workbook("xintang-2023.xlsx");
    const port = new PreviewPort(sample.sheets);
    const outcome = await port.checkActiveSheet({ asOf: "2023-06-20" });
    if (!outcome.ok) throw new Error(outcome.message);
    const grid = sample.sheets[0]!.grid;
    const expected = checkSheet(grid, options("2023-06-20"));
    expect(outcome.value).toEqual(expected);
    expect(outcome.value.tables[0]!.counts).toMatchObject({ overdue: 10, dueSoon: 1, unscheduled: 1 });
    const marks = port.getState().marks.get(grid.sheet)!;
    expect(new Map([...marks].map(([a, m]) => [a, m.kind]))).toEqual(
      new Map(planMarks(expected).map((m) => [m.address, m.kind])),
    );
    expect(marks.size).toBeGreaterThan(0);
    // Marks live beside the values: the grid itself is untouched.
    expect(port.getState().sheets[0]!.grid).toBe(sample.sheets[0]!.grid);
  });

  test("a second check replaces the first one's marks; clearing removes them all", async () => {
    const port = new PreviewPort(workbook("xintang-2023.xlsx").sheets);
    await port.checkActiveSheet({ asOf: "2023-06-20" });
    const first = port.getState().marks;
    await port.checkActiveSheet({ asOf: "2023-01-10" });
    const sheetMarks = [...port.getState().marks.values()][0]!;
    // On 2023-01-10 nothing is overdue or due soon, and nothing is recorded done: no marks at all.
    expect(sheetMarks.size).toBe(0);
    expect(first).not.toBe(port.getState().marks);
    await port.checkActiveSheet({ asOf: "2023-06-20" });
    expect(await port.clearMarks()).toEqual({ ok: true, value: undefined });
    expect(port.getState().marks.size).toBe(0);
  });

  test("插入状态列 writes 进度状态 and each project's status on the pane's date beside the table, once", async () => {
    const sample = workbook("xintang-2023.xlsx");
    const table = checkSheet(sample.sheets[0]!.grid, options("2023-06-20")).tables[0]!;
    const port = new PreviewPort(sample.sheets);
    expect(await port.insertStatusColumn({ asOf: "2023-06-20" })).toEqual({ ok: true, value: undefined });
    const grid = port.getState().sheets[0]!.grid;
    const column = table.lastCol + 1;
    const at = (row: number) => grid.values[row - 1 - grid.origin.row]?.[column - grid.origin.col];
    expect(at(table.headerRows[0]!)).toBe("进度状态（截至 2023-06-20）");
    // The pane's answer for each project on that date, word for word.
    for (const project of table.projects)
      expect(at(project.row)).toBe(PROJECT_STATUS_LABEL[project.status].zh);
    expect(new Set(table.projects.map((p) => at(p.row)))).toEqual(new Set(["逾期", "临期", "未排期"]));
    // The column is now taken: a second insert is refused and changes nothing.
    const second = await port.insertStatusColumn({ asOf: "2023-06-20" });
    expect(second.ok).toBe(false);
    expect(port.getState().sheets[0]!.grid).toBe(grid);
  });

  test("rejects an invalid reference date without marking anything", async () => {
    const port = new PreviewPort(workbook("zimao-2022.xlsx").sheets);
    const outcome = await port.checkActiveSheet({ asOf: "2022-13-01" });
    expect(outcome.ok).toBe(false);
    expect(port.getState().marks.size).toBe(0);
  });

  test("selecting a cell activates its sheet and counts each selection", async () => {
    const port = new PreviewPort(workbook("zimao-2022.xlsx").sheets);
    const sheet = port.getState().activeSheet;
    let notified = 0;
    port.subscribe(() => (notified += 1));
    await port.selectCell(sheet, "D5");
    await port.selectCell(sheet, "D5");
    expect(port.getState().selected).toEqual({ sheet, cell: "D5" });
    expect(port.getState().selectionCount).toBe(2);
    expect(notified).toBe(2);
    expect((await port.selectCell("没有这张表", "A1")).ok).toBe(false);
    expect((await port.selectCell(sheet, "not a cell")).ok).toBe(false);
  });

  test("writes the month's 通报 sheet as a new tab with links back, and replaces it only when asked", async () => {
    const port = new PreviewPort(workbook("xintang-2023.xlsx").sheets);
    const checked = await port.checkActiveSheet({ asOf: "2023-06-20" });
    if (!checked.ok) throw new Error(checked.message);
    const request = { groupBy: "department" as const };
    expect(await port.writeReportSheet(checked.value, request, false)).toEqual({
      ok: true,
      value: "进度通报2023-06",
    });
    expect(port.getState().activeSheet).toBe("进度通报2023-06");
    const report = port.getState().sheets.find((s) => s.grid.sheet === "进度通报2023-06")!;
    expect(report.grid.values[0]?.[0]).toBe("关于2023年6月为民办实事项目进展情况的通报");
    expect(report.grid.merges?.[0]).toEqual({ row: 0, col: 0, rowCount: 1, colCount: 8 });
    expect(report.columnWidths).toHaveLength(8);
    // Only the late projects, each linking back to its milestone's cell.
    const links = port.getState().links.get("进度通报2023-06")!;
    expect(links.size).toBe(10);
    expect([...links.values()].every((l) => l.sheet === checked.value.sheet)).toBe(true);
    // A check of it reads no table and says to switch back.
    const again = await port.checkActiveSheet({ asOf: "2023-06-20" });
    expect(again.ok && again.value.tables).toEqual([]);
    expect(again.ok && again.value.warnings[0]?.message).toContain("请切换到责任分解表");

    expect(await port.writeReportSheet(checked.value, request, false)).toEqual({ ok: false, exists: true });
    expect(await port.writeReportSheet(checked.value, request, true)).toEqual({
      ok: true,
      value: "进度通报2023-06",
    });
    expect(port.getState().sheets.filter((s) => s.grid.sheet === "进度通报2023-06")).toHaveLength(1);
    // Another month is another sheet.
    const july = { ...checked.value, asOf: "2023-07-20" };
    expect(await port.writeReportSheet(july, request, false)).toEqual({ ok: true, value: "进度通报2023-07" });
    expect(port.getState().sheets.filter((s) => s.grid.sheet.startsWith("进度通报"))).toHaveLength(2);
  });

  test("adds completion columns that the next check reads back", async () => {
    const port = new PreviewPort(workbook("zimao-2022.xlsx").sheets);
    const first = await port.checkActiveSheet({ asOf: "2022-07-01" });
    if (!first.ok) throw new Error(first.message);
    const table = first.value.tables[0]!;
    expect(table.counts.overdue).toBe(10);
    expect(await port.addCompletionColumns(first.value)).toEqual({ ok: true, value: undefined });
    const grid = port.getState().sheets[0]!.grid;
    const headerRow = table.headerRows[0]! - 1;
    expect(valueAt(grid, headerRow, table.lastCol + 1)).toBe("第一季度完成情况");
    expect(valueAt(grid, headerRow, table.lastCol + 4)).toBe("第四季度完成情况");
    const dropDowns = port.getState().dropDowns.get(grid.sheet)!;
    const project = table.projects[9]!;
    const q1 = `${columnLetter(table.lastCol + 1)}${project.row}`;
    expect(dropDowns.get(q1)).toEqual(["已完成", "未完成"]);

    // Project 10 has one milestone, the first quarter: recording it done makes the project done.
    port.setCell(grid.sheet, q1, "已完成");
    const second = await port.checkActiveSheet({ asOf: "2022-07-01" });
    if (!second.ok) throw new Error(second.message);
    const again = second.value.tables[0]!;
    expect(again.quarterColumns[1]).toBeDefined();
    expect(again.projects.find((p) => p.row === project.row)!.status).toBe("done");
    expect(again.counts).toMatchObject({ overdue: 9, done: 1 });

    // All four columns now exist: the preview refuses as Excel does, with the same words.
    expect(await port.addCompletionColumns(second.value)).toEqual({
      ok: false,
      message: "表格已有四个季度的完成情况列",
      messageEn: "The table already has all four quarter columns",
    });
  });

  test("gives the drop-downs to project rows only, never to the repeated header rows", async () => {
    const port = new PreviewPort(workbook("xintang-2023.xlsx").sheets);
    const checked = await port.checkActiveSheet({ asOf: "2023-06-20" });
    if (!checked.ok) throw new Error(checked.message);
    const table = checked.value.tables[0]!;
    expect(await port.addCompletionColumns(checked.value)).toEqual({ ok: true, value: undefined });
    const dropDowns = port.getState().dropDowns.get(table.sheet)!;
    const column = columnLetter(table.lastCol + 1);
    // The printed notice repeats its header at rows 7, 11 and 17.
    for (const row of [7, 11, 17]) expect(dropDowns.has(`${column}${row}`)).toBe(false);
    for (const project of table.projects) expect(dropDowns.has(`${column}${project.row}`)).toBe(true);
  });

  test("remembers the pane's settings in its store, and reads damaged ones as none", async () => {
    let stored: string | null = null;
    const settings = { read: () => stored, write: (text: string) => void (stored = text) };
    const port = new PreviewPort(workbook("xintang-2023.xlsx").sheets, { settings });
    expect(await port.readSettings()).toEqual({ ok: true, value: {} });
    await port.writeSettings({ dueSoonDays: 7, dateMode: "quarterEnd" });
    expect(await port.readSettings()).toEqual({
      ok: true,
      value: { dueSoonDays: 7, dateMode: "quarterEnd" },
    });
    stored = "{broken";
    expect(await port.readSettings()).toEqual({ ok: true, value: {} });
  });

  test("refuses completion columns where the cells right of the table are taken, naming the cell", async () => {
    const sample = workbook("zimao-2022.xlsx");
    const port = new PreviewPort(sample.sheets);
    const checked = await port.checkActiveSheet({ asOf: "2022-07-01" });
    if (!checked.ok) throw new Error(checked.message);
    const table = checked.value.tables[0]!;
    const taken = `${columnLetter(table.lastCol + 2)}${table.projects[0]!.row}`;
    port.setCell(sample.sheets[0]!.grid.sheet, taken, "备注");
    const outcome = await port.addCompletionColumns(checked.value);
    expect(outcome).toMatchObject({ ok: false, cell: taken });
    expect(port.getState().dropDowns.size).toBe(0);
  });
});
