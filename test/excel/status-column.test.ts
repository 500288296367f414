import { columnLetter } from "../../src/core/address";
import { checkSheet } from "../../src/core/check";
import { resolveOptions } from "../../src/core/options";
import type { CellValue, SheetGrid } from "../../src/core/types";
import { insertStatusColumn } from "../../src/excel/status-column";
import { statusFormula, statusHeader } from "../../src/core/status-column";
import { MockWorkbook } from "../support/mock-workbook";
import { seedGrid } from "../support/seed-grid";
import { projectRows } from "../functions/harness";

const SHEET = "责任分解表";
/** The pane's reference date: what every formula and the header carry. */
const ON = { asOf: "2023-06-20" };

function install(wb: MockWorkbook): void {
  (globalThis as unknown as Record<string, unknown>).Excel = { run: wb.run };
}

function statusesOf(grid: SheetGrid, asOf: string): Map<number, string> {
  const options = resolveOptions({ asOf });
  if (!options.ok) throw new Error(options.message);
  const result = checkSheet(grid, options.options);
  return new Map(result.tables.flatMap((t) => t.projects.map((p) => [p.row, p.status] as const)));
}

describe("insertStatusColumn", () => {
  it("writes 进度状态（截至 …） and =DUTY.STATUS(A<row>,date) right of the table: read, target formulas, write", async () => {
    const grid = seedGrid("xintang-2023");
    const wb = new MockWorkbook([{ grid }]);
    install(wb);
    const outcome = await insertStatusColumn(ON);
    expect(outcome).toEqual({ ok: true, value: undefined });
    expect(wb.syncs).toBe(3);

    const column = columnLetter(grid.values[0]?.length ?? 0);
    const rows = projectRows(grid);
    expect(rows).toHaveLength(12);
    for (const row of rows)
      expect(wb.cell(SHEET, `${column}${row}`)?.formula).toBe(`=DUTY.STATUS(A${row},"2023-06-20")`);
    const headerRow = grid.values.findIndex((r) => r[0] === "序号") + 1;
    expect(wb.cell(SHEET, `${column}${headerRow}`)?.value).toBe("进度状态（截至 2023-06-20）");
    const formulas = [...(wb.sheet(SHEET)?.cells.values() ?? [])].filter((c) => c.formula !== null);
    expect(formulas).toHaveLength(rows.length);
    expect(wb.writes.every((w) => w.address.startsWith(column) && w.field === "formulas")).toBe(true);
  });

  it("leaves the reading of the table unchanged once the column holds its answers, and refuses to insert twice", async () => {
    const grid = seedGrid("xintang-2023");
    const before = statusesOf(grid, "2023-06-20");
    const wb = new MockWorkbook([{ grid }]);
    install(wb);
    expect((await insertStatusColumn(ON)).ok).toBe(true);

    // As Excel shows it: each formula cell holds its answer.
    const width = grid.values[0]?.length ?? 0;
    const headerRows = new Set(grid.values.flatMap((r, i) => (r[0] === "序号" ? [i] : [])));
    const firstHeader = Math.min(...headerRows);
    const answered: SheetGrid = {
      ...grid,
      values: grid.values.map((row, i): CellValue[] => {
        const status = before.get(i + 1);
        const extra = i === firstHeader ? statusHeader("2023-06-20") : status ? "逾期" : "";
        return [...row, extra];
      }),
    };
    expect(statusesOf(answered, "2023-06-20")).toEqual(before);

    const again = new MockWorkbook([{ grid: answered }]);
    install(again);
    const second = await insertStatusColumn(ON);
    expect(second).toMatchObject({ ok: false, cell: `${columnLetter(width)}${firstHeader + 1}` });
    if (!second.ok) expect(second.message).toContain("已有进度状态列");
    expect(again.writes).toEqual([]);
  });

  it("writes nothing when a cell of the target column is taken, and names it", async () => {
    const grid = seedGrid("zimao-2022");
    const width = grid.values[0]?.length ?? 0;
    const row = projectRows(grid)[4] as number;
    const taken: SheetGrid = {
      ...grid,
      values: grid.values.map((r, i) => (i === row - 1 ? [...r, "备注：已调整"] : [...r, ""])),
    };
    const wb = new MockWorkbook([{ grid: taken }]);
    install(wb);
    const outcome = await insertStatusColumn(ON);
    const address = `${columnLetter(width)}${row}`;
    expect(outcome).toMatchObject({ ok: false, cell: address });
    if (!outcome.ok)
      expect(outcome.message).toMatch(new RegExp(`^单元格 ${address} 不为空：进度状态列`, "u"));
    expect(wb.writes).toEqual([]);
    expect(wb.syncs).toBe(1);
  });

  it('refuses a target cell whose formula shows "", naming it and its sheet, and writes nothing', async () => {
    const grid = seedGrid("zimao-2022");
    const width = grid.values[0]?.length ?? 0;
    const row = projectRows(grid)[2] as number;
    const address = `${columnLetter(width)}${row}`;
    const wb = new MockWorkbook([
      { grid, formulas: { [address]: { formula: '=IF(B1="","","备注")', value: "" } } },
    ]);
    install(wb);
    const before = wb.cellSnapshot(SHEET);
    const outcome = await insertStatusColumn(ON);
    expect(outcome).toMatchObject({ ok: false, cell: address, sheet: SHEET });
    if (!outcome.ok) expect(outcome.message).toContain(address);
    expect(wb.writes).toEqual([]);
    expect(wb.cellSnapshot(SHEET)).toBe(before);
  });

  it("writes only the header and the project rows, leaving every other row of the column untouched", async () => {
    const grid = seedGrid("xintang-2023");
    const wb = new MockWorkbook([{ grid }]);
    install(wb);
    expect((await insertStatusColumn(ON)).ok).toBe(true);
    const column = columnLetter(grid.values[0]?.length ?? 0);
    const headerRow = grid.values.findIndex((r) => r[0] === "序号") + 1;
    const written = wb.writes.flatMap((w) => {
      const [first, last = first] = w.address.split(":");
      const from = Number(/\d+/u.exec(first ?? "")?.[0]);
      const to = Number(/\d+/u.exec(last ?? "")?.[0]);
      return Array.from({ length: to - from + 1 }, (_, i) => from + i);
    });
    expect(written.sort((a, b) => a - b)).toEqual([headerRow, ...projectRows(grid)].sort((a, b) => a - b));
    const cells = [...(wb.sheet(SHEET)?.cells.entries() ?? [])].filter(
      ([k]) => Number(k.split(",")[1]) === (grid.values[0]?.length ?? 0),
    );
    expect(cells).toHaveLength(projectRows(grid).length + 1);
    expect(wb.writes.every((w) => w.address.startsWith(column))).toBe(true);
  });

  it("passes the due-soon days only when the pane's window is not the default", () => {
    expect(statusFormula("A5", "2023-06-20", 15)).toBe('=DUTY.STATUS(A5,"2023-06-20")');
    expect(statusFormula("A5", "2023-06-20", 0)).toBe('=DUTY.STATUS(A5,"2023-06-20",0)');
  });

  it("says so when the active sheet holds no table", async () => {
    const wb = new MockWorkbook([
      { grid: { sheet: "空表", origin: { row: 0, col: 0 }, values: [["备忘"]] } },
    ]);
    install(wb);
    const outcome = await insertStatusColumn(ON);
    expect(outcome).toMatchObject({ ok: false });
    if (!outcome.ok) expect(outcome.message).toContain("未找到责任分解表");
  });

  it("turns an Excel failure into a message instead of throwing", async () => {
    const wb = new MockWorkbook([{ grid: seedGrid("zimao-2022") }]);
    wb.failAt({ atSync: 2, afterCommands: 0, code: "InvalidOperationInCellEditMode" });
    install(wb);
    const outcome = await insertStatusColumn(ON);
    expect(outcome).toMatchObject({ ok: false });
    if (!outcome.ok) expect(outcome.message).toContain("单元格编辑");
  });
});
