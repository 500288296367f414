import { checkSheet } from "../../../src/core/check";
import { resolveOptions } from "../../../src/core/options";
import { nextHeader, planProgressColumn } from "../../../src/core/progress/add-column";
import type { CellValue, SheetGrid, TableResult } from "../../../src/core/types";
import { gridFromRows } from "../../support/seed-grid";

describe("nextHeader: the next month in the table's header style", () => {
  it.each([
    ["6月进展情况", "2023-07", "7月进展情况"],
    ["6月份进展", "2023-07", "7月份进展"],
    ["2023年6月进展情况", "2023-07", "2023年7月进展情况"],
    ["六月进展情况", "2023-07", "七月进展情况"],
    ["十月进展情况", "2023-11", "十一月进展情况"],
    ["1-6月推进情况", "2023-07", "1-7月推进情况"],
    ["1—6月推进情况", "2023-07", "1—7月推进情况"],
    ["截至6月底", "2023-07", "截至7月底"],
    ["截至6月20日", "2023-07", "截至7月20日"],
    ["6月", "2023-07", "7月进展情况"],
    ["12月进展情况", "2024-01", "2024年1月进展情况"],
    ["1-12月推进情况", "2024-01", "2024年1月推进情况"],
    ["上半年完成情况", "2023-07", "7月进展情况"],
  ])("%s → %s: %s", (template, period, header) => {
    expect(nextHeader(template, period, 2023)).toBe(header);
  });

  it("without a template: the plain header, with the year when it is not the table's", () => {
    expect(nextHeader(null, "2023-06", 2023)).toBe("6月进展情况");
    expect(nextHeader(null, "2024-01", 2023)).toBe("2024年1月进展情况");
  });
});

const HEADER = ["序号", "项目名称", "形象进度安排", "责任领导", "责任科室"];

function grid(rows: CellValue[][]): SheetGrid {
  return gridFromRows([["新塘街道 2023 年度为民办实事项目推进情况表"], ...rows], { sheet: "表" });
}

function check(g: SheetGrid, asOf: string): TableResult {
  const options = resolveOptions({ asOf });
  if (!options.ok) throw new Error(options.message);
  const table = checkSheet(g, options.options).tables[0];
  if (!table) throw new Error("no table");
  return table;
}

/** Writes the planned header into the grid, as a port would. */
function withHeader(g: SheetGrid, row: number, col: number, header: string): SheetGrid {
  const values = g.values.map((r) => [...r]);
  while ((values[row] as CellValue[]).length <= col) for (const r of values) r.push("");
  (values[row] as CellValue[])[col] = header;
  return { ...g, values };
}

describe("planProgressColumn", () => {
  const monthly = grid([
    [...HEADER, "5月进展情况", "6月进展情况"],
    [1, "甲", "第三季度:施工", "张", "办", "正在推进", "正在推进"],
    [2, "乙", "第三季度:施工", "张", "办", "正在推进", ""],
  ]);

  it("plans the month after the last progress column, right of the table, like the last one", () => {
    const plan = planProgressColumn(check(monthly, "2023-06-26"), "2023-06-26");
    expect(plan).toEqual({
      ok: true,
      value: {
        sheet: "表",
        header: "7月进展情况",
        period: "2023-07",
        headerRow: 1,
        firstDataRow: 2,
        lastDataRow: 3,
        col: 7,
        like: { col: 6, headerCell: "G2" },
      },
    });
  });

  it("the next check reads the new column back", () => {
    const plan = planProgressColumn(check(monthly, "2023-07-10"), "2023-07-10");
    if (!plan.ok) throw new Error(plan.message);
    const after = check(
      withHeader(monthly, plan.value.headerRow, plan.value.col, plan.value.header),
      "2023-07-25",
    );
    expect(after.progress?.columns.map((c) => [c.column, c.period])).toEqual([
      ["F", "2023-05"],
      ["G", "2023-06"],
      ["H", "2023-07"],
    ]);
    expect(after.projects.map((p) => [p.progress?.state, p.progress?.cell])).toEqual([
      ["notReported", "H3"],
      ["notReported", "H4"],
    ]);
    expect(after.warnings.filter((w) => w.code.startsWith("progress."))).toEqual([]);
  });

  it("refuses politely when next month's column is already there", () => {
    const ahead = grid([
      [...HEADER, "6月进展情况", "7月进展情况"],
      [1, "甲", "第三季度:施工", "张", "办", "正在推进", ""],
    ]);
    const plan = planProgressColumn(check(ahead, "2023-06-26"), "2023-06-26");
    expect(plan).toEqual({
      ok: false,
      message: "表中已有 7 月的进展列（G2），本月进展列无需再添加",
      messageEn: "The table already has a progress column for July (G2); nothing to add",
      cell: "G2",
      sheet: "表",
    });
  });

  it("a table without progress columns gets the reference date's month", () => {
    const plain = grid([HEADER, [1, "甲", "第三季度:施工", "张", "办"]]);
    const plan = planProgressColumn(check(plain, "2023-06-05"), "2023-06-05");
    expect(plan).toMatchObject({
      ok: true,
      value: { header: "6月进展情况", period: "2023-06", col: 5, like: null },
    });
  });
});
