import { checkSheet, periodYear } from "../../src/core/check";
import { resolveOptions, type CheckOptions } from "../../src/core/options";
import type { CellValue } from "../../src/core/types";
import { gridFromRows } from "../support/seed-grid";

const HEADER = ["序号", "项目名称", "形象进度安排", "建设年限", "责任领导", "责任科室", "完成情况"];

function options(asOf: string, extra: Record<string, unknown> = {}): CheckOptions {
  const resolved = resolveOptions({ asOf, ...extra });
  if (!resolved.ok) throw new Error(resolved.message);
  return resolved.options;
}

function sheet(rows: CellValue[][], asOf = "2023-06-20", extra: Record<string, unknown> = {}) {
  return checkSheet(gridFromRows(rows), options(asOf, extra));
}

describe("checkSheet", () => {
  it("reports a sheet without a table, and nothing else", () => {
    const result = sheet([["会议纪要"], ["今天讨论了很多事情"]]);
    expect(result.tables).toEqual([]);
    expect(result.warnings.map((w) => w.code)).toEqual(["table.notFound"]);
  });

  it("a continuation row adds its schedule to the project above", () => {
    const result = sheet([
      HEADER,
      [1, "道路改造", "第一季度:完成设计", 2023, "林舟", "沙塘社区", ""],
      ["", "", "第二季度:完成施工", "", "", "", ""],
      [2, "公厕建设", "第三季度:完工", 2023, "张育彪", "环卫办", ""],
    ]);
    const [first, second] = result.tables[0]!.projects;
    expect(first!.rows).toEqual([2, 3]);
    expect(first!.milestones.map((m) => [m.quarters, m.cell])).toEqual([
      [[1], "C2"],
      [[2], "C3"],
    ]);
    expect(first!.cells.schedule).toEqual(["C2", "C3"]);
    expect(second!.row).toBe(4);
  });

  describe("the year of a project (SEMANTICS §2)", () => {
    const rows = (
      schedule: string,
      period: CellValue,
      title = "某街道 2021 年度为民办实事项目责任分解表",
    ) => [[title], HEADER, [1, "项目", schedule, period, "甲", "乙", ""]];
    const due = (r: ReturnType<typeof sheet>) => r.tables[0]!.projects[0]!.milestones[0]!.due;

    it("a year written in the schedule comes first", () => {
      expect(due(sheet(rows("2022年6月底完成", 2023)))).toBe("2022-06-30");
    });
    it("then the period when it holds one year", () => {
      expect(due(sheet(rows("6月底完成", 2023)))).toBe("2023-06-30");
      expect(due(sheet(rows("6月底完成", "2023.01-2023.12")))).toBe("2023-06-30");
    });
    it("then the title's year (a multi-year period names none)", () => {
      expect(due(sheet(rows("6月底完成", "2021-2023")))).toBe("2021-06-30");
    });
    it("then the reference date's year", () => {
      expect(due(sheet(rows("6月底完成", "", "为民办实事项目责任分解表"), "2024-01-05"))).toBe("2024-06-30");
    });
    it("the user's override replaces period and title", () => {
      const result = sheet(rows("第二季度完成", 2023), "2025-01-01", { year: 2025 });
      expect(due(result)).toBe("2025-06-30");
      expect(result.tables[0]!.year).toBe(2025);
    });
  });

  it("periodYear reads single-year periods only", () => {
    expect(periodYear("2023")).toBe(2023);
    expect(periodYear("2023.01-2023.12")).toBe(2023);
    expect(periodYear("2021-2023")).toBeNull();
    expect(periodYear("")).toBeNull();
    expect(periodYear(null)).toBeNull();
  });

  it("reads completion from the progress column", () => {
    const result = sheet([
      HEADER,
      [1, "甲", "第一季度:设计;第二季度:施工", 2023, "林舟", "办", "已完成"],
      [2, "乙", "第一季度:设计;第二季度:施工", 2023, "林舟", "办", "第一季度已完成"],
      [3, "丙", "第一季度:设计;第二季度:施工", 2023, "林舟", "办", "滞后"],
    ]);
    const [a, b, c] = result.tables[0]!.projects;
    expect(a!.status).toBe("done");
    expect(b!.milestones.map((m) => m.status)).toEqual(["done", "dueSoon"]);
    expect(b!.doneQuarters).toEqual([1]);
    expect(b!.status).toBe("dueSoon");
    expect(c!.status).toBe("overdue");
    expect(result.tables[0]!.counts).toEqual({ overdue: 1, dueSoon: 1, onTrack: 0, done: 1, unscheduled: 0 });
  });

  it("reads per-quarter completion columns", () => {
    const result = sheet([
      ["序号", "项目名称", "形象进度安排", "责任领导", "第一季度完成情况", "第二季度完成情况"],
      [1, "甲", "第一季度:设计;第二季度:施工", "林舟", "已完成", "未完成"],
    ]);
    const table = result.tables[0]!;
    expect(table.quarterColumns).toEqual({ 1: "E", 2: "F" });
    expect(table.projects[0]!.milestones.map((m) => m.status)).toEqual(["done", "dueSoon"]);
  });

  it("a date-typed schedule cell is a milestone due that day", () => {
    const grid = gridFromRows([
      ["序号", "项目名称", "完成时限", "责任领导"],
      [1, "甲", 45107, "林舟"],
    ]);
    grid.numberFormats = [
      ["General", "General", "General", "General"],
      ["General", "General", "yyyy/m/d", "General"],
    ];
    const project = checkSheet(grid, options("2023-06-20")).tables[0]!.projects[0]!;
    expect(project.milestones.map((m) => m.due)).toEqual(["2023-06-30"]);
    expect(project.status).toBe("dueSoon");
  });

  it("reads two tables on one sheet, each with its own title year", () => {
    const result = sheet([
      ["甲镇 2022 年为民办实事项目责任分解表"],
      HEADER,
      [1, "甲", "第四季度:完工", "", "林舟", "办", ""],
      ["抄送：镇领导"],
      [""],
      ["乙镇 2023 年为民办实事项目责任分解表"],
      HEADER,
      [1, "乙", "第四季度:完工", "", "林舟", "办", ""],
    ]);
    expect(result.tables.map((t) => [t.year, t.projects[0]!.milestones[0]!.due])).toEqual([
      [2022, "2022-12-31"],
      [2023, "2023-12-31"],
    ]);
  });

  it("flags missing leaders and unreadable money with their cells, never as zero", () => {
    const result = sheet([
      ["序号", "项目名称", "形象进度安排", "总投资（万元）", "年度投资（万元）", "责任领导"],
      [1, "甲", "第四季度:完工", "一百万", 50, ""],
    ]);
    const table = result.tables[0]!;
    expect(table.projects[0]!.investment.total).toBeNull();
    expect(table.projects[0]!.investment.annual).toBe(50);
    expect(table.warnings.map((w) => [w.code, w.cell])).toEqual(
      expect.arrayContaining([
        ["money.unreadable", "D2"],
        ["project.missing.leader", "F2"],
      ]),
    );
  });
});

describe("unscheduled projects", () => {
  it("are reported once, and not for a dateless continuation cell of a scheduled project", () => {
    const result = sheet([
      HEADER,
      [1, "甲", "第一季度:设计", 2023, "林舟", "办", ""],
      ["", "", "（详见实施方案）", "", "", "", ""],
      [2, "乙", "按照时间节点开展项目建设", 2023, "林舟", "办", ""],
    ]);
    const table = result.tables[0]!;
    expect(table.projects.map((p) => p.status)).toEqual(["overdue", "unscheduled"]);
    expect(table.warnings.filter((w) => w.code === "schedule.unscheduled").map((w) => w.cell)).toEqual([
      "C4",
    ]);
  });
});

describe("money written as text", () => {
  it("is counted, and reported once with its cell so staff know Excel's own SUM skips it", () => {
    const result = sheet([
      ["序号", "项目名称", "形象进度安排", "总投资（万元）", "年度投资（万元）", "责任领导"],
      [1, "甲", "第四季度:完工", "拟定100", "600万元", "林舟"],
      [2, "乙", "第四季度:完工", 80, 80, "林舟"],
    ]);
    const table = result.tables[0]!;
    expect(table.totals).toMatchObject({ total: 180, annual: 680 });
    const notes = table.warnings.filter((w) => w.code === "money.writtenAsText");
    expect(notes.map((w) => [w.cell, w.severity])).toEqual([
      ["D2", "info"],
      ["E2", "info"],
    ]);
    expect(notes[0]!.message).toBe("单元格 D2 的总投资写作文字“拟定100”，已按 100 万元计入");
  });
});

describe("formulas without a saved result (SheetGrid.uncachedFormulas)", () => {
  const rows: CellValue[][] = [
    ["序号", "项目名称", "形象进度安排", "总投资（万元）", "年度投资（万元）", "责任领导"],
    [1, "道路改造", "第一季度完成设计", 100, 50, "林舟"],
    [2, "公厕建设", "第三季度完工", "", 20, "张育彪"],
    ["合计", "", "", "", 70, ""],
    [],
    ["备注", "", "", ""],
  ];

  it("reports each one with its cell, in the table or on the sheet, and marks the totals incomplete", () => {
    const grid = {
      ...gridFromRows(rows),
      // D3 and D4 (a project's amount and the 合计) were saved without results; so was D6, below the table.
      uncachedFormulas: [
        { row: 2, col: 3 },
        { row: 3, col: 3 },
        { row: 5, col: 3 },
      ],
    };
    const result = checkSheet(grid, options("2023-06-20"));
    const [table] = result.tables;
    const uncached = table!.warnings.filter((w) => w.code === "formula.noCachedValue");
    expect(uncached.map((w) => w.cell)).toEqual(["D3", "D4"]);
    expect(uncached[0]!.message).toBe(
      "单元格 D3 是公式，但文件中没有保存它的计算结果（文件由程序生成，或保存时设为手动计算），已按空白读取；请先在 Excel 或 WPS 中打开该工作簿并保存，再检查",
    );
    expect(table!.totals).toMatchObject({ total: 100, incomplete: true });
    expect(result.warnings.map((w) => [w.code, w.cell])).toEqual([["formula.noCachedValue", "D6"]]);
  });

  it("leaves the totals complete when the unread formula is not an amount", () => {
    const grid = { ...gridFromRows(rows), uncachedFormulas: [{ row: 1, col: 5 }] };
    const [table] = checkSheet(grid, options("2023-06-20")).tables;
    expect(table!.warnings.map((w) => w.code)).toContain("formula.noCachedValue");
    expect(table!.totals?.incomplete).toBe(false);
  });
});
