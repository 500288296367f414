import { planCompletionColumns } from "../../src/core/completion-columns";
import { firstOccupied } from "../../src/core/grid";
import { contiguousRuns, planStatusColumns } from "../../src/core/status-column";
import type { SheetGrid, SheetResult, TableResult } from "../../src/core/types";
import { project, sampleTable } from "../taskpane/fixtures";

/** The pure plans that the Excel port and the preview both write (so both answer alike). */

function result(tables: TableResult[]): SheetResult {
  return { sheet: "责任分解表", asOf: "2023-06-20", dueSoonDays: 15, tables, warnings: [] };
}

/** A table at rows 3–7 (header row 3), columns A–J. */
function table(overrides: Partial<TableResult> = {}): TableResult {
  return {
    ...sampleTable(),
    headerRows: [3],
    firstRow: 3,
    lastRow: 7,
    firstCol: 0,
    lastCol: 9,
    quarterColumns: {},
    projects: [
      project({ row: 4, rows: [4] }),
      project({ row: 5, rows: [5, 6] }),
      project({ row: 7, rows: [7] }),
    ],
    ...overrides,
  };
}

describe("planCompletionColumns", () => {
  it("plans the missing quarters right of every table, header in its first header row", () => {
    const second = table({
      firstRow: 20,
      lastRow: 24,
      headerRows: [20, 21],
      lastCol: 5,
      quarterColumns: { 1: "G" },
      projects: [project({ row: 22, rows: [22] }), project({ row: 23, rows: [23, 24] })],
    });
    const planned = planCompletionColumns(result([table(), second]));
    expect(planned).toEqual({
      ok: true,
      value: [
        {
          sheet: "责任分解表",
          quarters: [1, 2, 3, 4],
          headerRow: 2,
          lastRow: 6,
          dataRuns: [{ firstRow: 3, rowCount: 4 }],
          firstCol: 10,
        },
        {
          sheet: "责任分解表",
          quarters: [2, 3, 4],
          headerRow: 19,
          lastRow: 23,
          dataRuns: [{ firstRow: 21, rowCount: 3 }],
          firstCol: 6,
        },
      ],
    });
  });

  it("gives the drop-downs to project rows only: a repeated header row between them splits the run", () => {
    const repeated = table({
      lastRow: 9,
      projects: [
        project({ row: 4, rows: [4] }),
        project({ row: 5, rows: [5] }),
        project({ row: 7, rows: [7, 8] }),
      ],
    });
    const planned = planCompletionColumns(result([repeated]));
    expect(planned.ok && planned.value[0]?.dataRuns).toEqual([
      { firstRow: 3, rowCount: 2 },
      { firstRow: 6, rowCount: 2 },
    ]);
  });

  it("leaves a table that has all four alone, and says so when every table has them", () => {
    const full = table({ quarterColumns: { 1: "K", 2: "L", 3: "M", 4: "N" } });
    const planned = planCompletionColumns(
      result([full, table({ firstRow: 20, lastRow: 22, headerRows: [20] })]),
    );
    expect(planned.ok && planned.value.map((p) => p.headerRow)).toEqual([19]);
    expect(planCompletionColumns(result([full]))).toMatchObject({
      ok: false,
      message: "表格已有四个季度的完成情况列",
    });
    expect(planCompletionColumns(result([]))).toMatchObject({
      ok: false,
      message: expect.stringContaining("未找到"),
    });
  });
});

describe("firstOccupied", () => {
  it("names the first cell holding a value or a formula, row by row", () => {
    expect(
      firstOccupied(
        [
          ["", ""],
          ["", ""],
        ],
        [
          ["", ""],
          ["", ""],
        ],
        4,
        2,
      ),
    ).toBeNull();
    expect(
      firstOccupied(
        [
          ["", ""],
          ["", 0],
        ],
        [
          ["", ""],
          ["", "0"],
        ],
        4,
        2,
      ),
    ).toBe("D6");
    expect(
      firstOccupied(
        [
          ["", ""],
          ["x", ""],
        ],
        [
          ["", '=""'],
          ["x", ""],
        ],
        4,
        2,
      ),
    ).toBe("D5");
  });
});

describe("planStatusColumns", () => {
  const HEADER = "进度状态（截至 2023-06-20）";
  const grid: SheetGrid = {
    sheet: "责任分解表",
    origin: { row: 0, col: 0 },
    values: Array.from({ length: 8 }, () => Array.from({ length: 10 }, () => "")),
  };

  it("puts 进度状态 (with the check's date) in the header row and one formula per project right of the table", () => {
    const planned = planStatusColumns(grid, result([table()]));
    expect(planned).toEqual({
      ok: true,
      value: [
        {
          sheet: "责任分解表",
          column: "K",
          firstRow: 3,
          lastRow: 7,
          cells: [
            { row: 3, content: HEADER },
            { row: 4, content: '=DUTY.STATUS(A4,"2023-06-20")' },
            { row: 5, content: '=DUTY.STATUS(A5,"2023-06-20")' },
            { row: 7, content: '=DUTY.STATUS(A7,"2023-06-20")' },
          ],
          count: 3,
        },
      ],
    });
    if (planned.ok) {
      expect(contiguousRuns(planned.value[0]!)).toEqual([
        { firstRow: 3, contents: [HEADER, '=DUTY.STATUS(A4,"2023-06-20")', '=DUTY.STATUS(A5,"2023-06-20")'] },
        { firstRow: 7, contents: ['=DUTY.STATUS(A7,"2023-06-20")'] },
      ]);
    }
  });

  it("refuses a taken cell in that column, naming it", () => {
    const taken = { ...grid, values: grid.values.map((r, i) => (i === 5 ? [...r, "备注"] : r)) };
    expect(planStatusColumns(taken, result([table()]))).toMatchObject({ ok: false, cell: "K6" });
  });
});
