import { findTables, findTablesWithDiagnostics } from "../../../src/core/table";
import type { ProjectRecord, RawCell, TableLayout } from "../../../src/core/table/layout";
import type { CellValue, Diagnostic, MergedArea } from "../../../src/core/types";
import { gridFromRows } from "../../support/seed-grid";

const HEADER = [
  "序号",
  "项目名称",
  "形象进度安排",
  "总投资（万元）",
  "年度投资（万元）",
  "责任领导",
  "责任单位",
];

function row(index: CellValue, name: CellValue, schedule: CellValue, rest: CellValue[] = []): CellValue[] {
  return [index, name, schedule, ...rest];
}

function values(cells: RawCell[] | undefined): CellValue[] {
  return (cells ?? []).map((c) => c.value);
}

function addresses(cells: RawCell[] | undefined): string[] {
  return (cells ?? []).map((c) => c.address);
}

function only(rows: CellValue[][], merges?: MergedArea[]): TableLayout {
  const tables = findTables(gridFromRows(rows, merges ? { merges } : {}));
  expect(tables).toHaveLength(1);
  return tables[0] as TableLayout;
}

function codes(diagnostics: Diagnostic[]): Array<[string, string | null]> {
  return diagnostics.map((d) => [d.code, d.cell]);
}

function names(table: TableLayout): CellValue[] {
  return table.projects.map((p: ProjectRecord) => p.cells.name?.[0]?.value ?? null);
}

describe("header rows", () => {
  it("reads headers written with spaces and line breaks", () => {
    const table = only([
      ["序  号", "项目\n名称", "形象进度\n安排", "建设 年限", "责任\n领导", "牵 头 部 门", "责 任 人"],
      [1, "甲", "第一季度：开工", "2023", "张三", "办公室", "李四"],
    ]);
    expect(table.columns).toEqual({
      index: 0,
      name: 1,
      schedule: 2,
      period: 3,
      leader: 4,
      department: 5,
      person: 6,
    });
  });

  it("needs three roles including the name or the schedule", () => {
    expect(
      findTables(
        gridFromRows([
          ["序号", "责任领导", "责任单位"],
          [1, "张三", "办公室"],
        ]),
      ),
    ).toEqual([]);
    expect(
      findTables(
        gridFromRows([
          ["项目名称", "责任领导"],
          ["甲", "张三"],
        ]),
      ),
    ).toEqual([]);
    const scheduleOnly = only([
      ["形象进度", "责任领导", "责任单位"],
      ["第一季度：开工", "张三", "办公室"],
    ]);
    expect(scheduleOnly.columns).toEqual({ schedule: 0, leader: 1, department: 2 });
  });

  it("does not take a prose row for a header", () => {
    const prose = [
      "各责任单位要明确项目名称、形象进度安排和责任领导",
      "项目名称及形象进度安排详见附件，由责任领导负责督促落实",
      "请各责任单位于每季度末报送完成情况",
    ];
    expect(findTables(gridFromRows([prose]))).toEqual([]);
  });

  it("reads per-quarter completion columns, including the ones the add-in writes", () => {
    const table = only([
      [...HEADER, "一季度完成情况", "第二季度完成情况", "第三季度完成情况", "四季度完成情况"],
      [1, "甲", "第一季度：开工", 10, 5, "张三", "办公室", "√", "", "×", ""],
    ]);
    expect(table.quarterColumns).toEqual({ 1: 7, 2: 8, 3: 9, 4: 10 });
    const project = table.projects[0] as ProjectRecord;
    expect(project.quarterCells).toEqual({
      1: [{ address: "H2", value: "√", numberFormat: null }],
      3: [{ address: "J2", value: "×", numberFormat: null }],
    });
    expect(table.lastCol).toBe(10);
  });

  it("keeps the better spelling when two columns claim one role, and says so", () => {
    const table = only([
      ["序号", "项目名称", "形象进度安排", "分管领导", "领导", "责任单位"],
      [1, "甲", "第一季度：开工", "张三", "王五", "办公室"],
    ]);
    expect(table.columns.leader).toBe(3);
    expect(codes(table.diagnostics)).toEqual([["table.duplicateColumn", "E1"]]);
    expect(table.diagnostics[0]?.severity).toBe("info");
  });

  it("takes the unit from a unit line above the table", () => {
    const table = only([
      ["某镇 2024 年为民办实事项目表"],
      ["单位：元"],
      ["序号", "项目名称", "形象进度安排", "总投资", "年度投资（万元）"],
      [1, "甲", "第一季度：开工", 150000, 10],
    ]);
    expect(table.units).toEqual({ totalInvestment: "yuan", annualInvestment: "wan" });
    expect(table.title).toBe("某镇 2024 年为民办实事项目表");
    expect(table.titleYear).toBe(2024);
  });
});

describe("header rows, continued", () => {
  it("reads a row of bare units under the header as part of it", () => {
    const table = only([
      ["序号", "项目名称", "形象进度安排", "总投资", "年度投资", "责任领导"],
      ["", "", "", "（元）", "(万元)", ""],
      [1, "甲", "第一季度：开工", 5000, 0.5, "张三"],
    ]);
    expect(table.headerRows).toEqual([1, 2]);
    expect(table.units).toEqual({ totalInvestment: "yuan", annualInvestment: "wan" });
    expect(table.projects.map((p) => p.rows)).toEqual([[3]]);
    expect(table.diagnostics).toEqual([]);
  });

  it("skips a row numbering the columns", () => {
    const table = only([HEADER, [1, 2, 3, 4, 5, 6, 7], row(1, "甲", "第一季度：开工")]);
    expect(table.projects.map((p) => p.rows)).toEqual([[3]]);
    expect(table.diagnostics).toEqual([]);
  });

  it("does not take a data row that mentions column words for a repeated header", () => {
    const table = only([
      ["序号", "项目名称", "主要内容", "形象进度安排", "建设年限", "责任领导", "责任科室", "责任人员"],
      [
        1,
        "实事项目1",
        "建设内容1：道路改造。",
        "按照时间节点开展项目建设",
        2023,
        "张三",
        "办公室",
        "经办人5",
      ],
      [2, "重点工作2", "主要内容见方案", "进度安排：第二季度完工", 2023, "分管领导", "责任单位", "责任人"],
    ]);
    expect(table.projects.map((p) => p.rows)).toEqual([[2], [3]]);
  });
});

describe("two-row headers", () => {
  const top = ["序号", "项目名称", "形象进度安排", "投资（万元）", "", "责任领导", "完成情况", "", "", ""];
  const bottom = ["", "", "", "总投资", "年度投资", "", "一季度", "二季度", "三季度", "四季度"];
  const data = [1, "甲", "第一季度：开工", 100, 40, "张三", "√", "", "", ""];
  const merges: MergedArea[] = [
    { row: 1, col: 0, rowCount: 2, colCount: 1 },
    { row: 1, col: 1, rowCount: 2, colCount: 1 },
    { row: 1, col: 2, rowCount: 2, colCount: 1 },
    { row: 1, col: 3, rowCount: 1, colCount: 2 },
    { row: 1, col: 5, rowCount: 2, colCount: 1 },
    { row: 1, col: 6, rowCount: 1, colCount: 4 },
    { row: 0, col: 0, rowCount: 1, colCount: 10 },
  ];
  const rows = [["2023 年为民办实事项目责任分解表"], top, bottom, data];

  it.each([
    ["with merges", merges],
    ["without merges", undefined],
  ])("gives each child its parent's unit and reads quarter children (%s)", (_label, m) => {
    const table = only(rows, m);
    expect(table.headerRows).toEqual([2, 3]);
    expect(table.columns).toEqual({
      index: 0,
      name: 1,
      schedule: 2,
      totalInvestment: 3,
      annualInvestment: 4,
      leader: 5,
    });
    expect(table.units).toEqual({ totalInvestment: "wan", annualInvestment: "wan" });
    expect(table.quarterColumns).toEqual({ 1: 6, 2: 7, 3: 8, 4: 9 });
    expect(table.projects).toHaveLength(1);
    expect(table.projects[0]?.rows).toEqual([4]);
    expect(values(table.projects[0]?.cells.totalInvestment)).toEqual([100]);
    expect(table.lastCol).toBe(9);
    expect(table.title).toBe("2023 年为民办实事项目责任分解表");
  });

  it("lets a child's own unit override its parent's", () => {
    const table = only([
      ["序号", "项目名称", "形象进度安排", "投资（万元）", ""],
      ["", "", "", "总投资（元）", "年度投资"],
      [1, "甲", "第一季度：开工", 5000, 0.4],
    ]);
    expect(table.units).toEqual({ totalInvestment: "yuan", annualInvestment: "wan" });
  });

  it("skips both rows of a repeated two-row header", () => {
    const table = only([top, bottom, data, top, bottom, [2, "乙", "第二季度：完工", 10, 5, "李四"]]);
    expect(names(table)).toEqual(["甲", "乙"]);
    expect(table.diagnostics).toEqual([]);
  });
});

describe("rows inside a table", () => {
  it("turns a section row into the category of the rows under it", () => {
    const table = only(
      [
        HEADER,
        ["一、民生保障类（5项）"],
        row(1, "甲", "第一季度：开工"),
        row(2, "乙", "第二季度：完工"),
        ["", "（二）城乡建设类"],
        row(3, "丙", "第三季度：验收"),
      ],
      [{ row: 1, col: 0, rowCount: 1, colCount: 7 }],
    );
    expect(table.projects.map((p) => [p.cells.name?.[0]?.value, p.category])).toEqual([
      ["甲", "一、民生保障类（5项）"],
      ["乙", "一、民生保障类（5项）"],
      ["丙", "（二）城乡建设类"],
    ]);
  });

  it("reads an enumerated heading with the section's sums beside it as a section", () => {
    const table = only([
      HEADER,
      ["一、民生保障类", "", "", 150, 90],
      row(1, "甲", "第一季度：开工", [100, 40]),
      ["二", "城乡建设类"],
      row(2, "乙", "第二季度：完工", [50, 50]),
    ]);
    expect(table.projects.map((p) => [p.rows, p.category])).toEqual([
      [[3], "一、民生保障类"],
      [[5], "二 城乡建设类"],
    ]);
    expect(table.diagnostics).toEqual([]);
  });

  it("reads a 合计 row as a total row, never a project", () => {
    const table = only([
      HEADER,
      row(1, "甲", "第一季度：开工", [100, 40]),
      row(2, "乙", "第二季度：完工", [50, 50]),
      ["合 计", "", "", 150, 90],
      ["", "总计", "", 150, 90],
    ]);
    expect(names(table)).toEqual(["甲", "乙"]);
    expect(table.totalRows).toEqual([
      {
        row: 4,
        label: "合计",
        cells: {
          index: { address: "A4", value: "合 计", numberFormat: null },
          totalInvestment: { address: "D4", value: 150, numberFormat: null },
          annualInvestment: { address: "E4", value: 90, numberFormat: null },
        },
      },
      {
        row: 5,
        label: "总计",
        cells: {
          name: { address: "B5", value: "总计", numberFormat: null },
          totalInvestment: { address: "D5", value: 150, numberFormat: null },
          annualInvestment: { address: "E5", value: 90, numberFormat: null },
        },
      },
    ]);
    expect(table.lastRow).toBe(5);
  });

  it("appends continuation rows (a merged name over several schedule rows) to the project above", () => {
    const table = only(
      [
        HEADER,
        row(1, "甲", "第一季度：开工", ["", "", "张三", "办公室"]),
        row("", "", "第二季度：主体施工"),
        row("", "", "第三季度：竣工验收", ["", "", "", ""]),
        row(2, "乙", "第四季度：完成"),
      ],
      [
        { row: 1, col: 0, rowCount: 3, colCount: 1 },
        { row: 1, col: 1, rowCount: 3, colCount: 1 },
        { row: 1, col: 5, rowCount: 3, colCount: 1 },
      ],
    );
    expect(table.projects.map((p) => p.rows)).toEqual([[2, 3, 4], [5]]);
    const first = table.projects[0] as ProjectRecord;
    expect(addresses(first.cells.schedule)).toEqual(["C2", "C3", "C4"]);
    expect(values(first.cells.leader)).toEqual(["张三"]);
    expect(table.diagnostics).toEqual([]);
  });

  it("reads a continuation row that holds only content or a date", () => {
    const table = only([
      ["序号", "项目名称", "主要内容", "形象进度安排", "责任领导"],
      [1, "甲", "建设一座公园", "第一季度：开工", "张三"],
      ["", "", "", "第四季度：完工"],
      ["", "", "配套停车场"],
    ]);
    expect(table.projects.map((p) => p.rows)).toEqual([[2, 3, 4]]);
    expect(values(table.projects[0]?.cells.content)).toEqual(["建设一座公园", "配套停车场"]);
  });

  it("reads a merge's value from its top-left cell only, even when a reader echoes it", () => {
    const merges: MergedArea[] = [
      { row: 1, col: 0, rowCount: 1, colCount: 7 },
      { row: 2, col: 0, rowCount: 2, colCount: 1 },
      { row: 2, col: 1, rowCount: 2, colCount: 1 },
    ];
    const table = only(
      [
        HEADER,
        Array.from({ length: 7 }, () => "一、民生保障类"),
        row(1, "甲", "第一季度：开工"),
        row(1, "甲", "第二季度：完工"),
      ],
      merges,
    );
    expect(table.projects.map((p) => [p.rows, p.category, addresses(p.cells.name)])).toEqual([
      [[3, 4], "一、民生保障类", ["B3"]],
    ]);
    expect(addresses(table.projects[0]?.cells.schedule)).toEqual(["C3", "C4"]);
  });

  it("clips merges that reach past the grid", () => {
    const table = only(
      [HEADER, row(1, "甲", "第一季度：开工")],
      [{ row: 0, col: 0, rowCount: 1_048_576, colCount: 1 }],
    );
    expect(table.projects.map((p) => [p.rows, p.cells.index, values(p.cells.name)])).toEqual([
      [[2], undefined, ["甲"]],
    ]);
  });

  it("gives a project the value of a cell merged down from the project above", () => {
    const table = only(
      [HEADER, row(1, "甲", "第一季度：开工", ["", "", "张三", "办公室"]), row(2, "乙", "第二季度：完工")],
      [
        { row: 1, col: 5, rowCount: 2, colCount: 1 },
        { row: 1, col: 6, rowCount: 2, colCount: 1 },
      ],
    );
    expect(table.projects.map((p) => addresses(p.cells.leader))).toEqual([["F2"], ["F2"]]);
    expect(table.projects.map((p) => values(p.cells.department))).toEqual([["办公室"], ["办公室"]]);
  });

  it("skips blank rows and the repeated header", () => {
    const table = only([
      HEADER,
      row(1, "甲", "第一季度：开工"),
      [],
      ["", "", "", ""],
      HEADER.map((h) => h.split("").join(" ")),
      row(2, "乙", "第二季度：完工"),
    ]);
    expect(names(table)).toEqual(["甲", "乙"]);
    expect(table.lastRow).toBe(6);
  });

  it("reports a project without a name", () => {
    const table = only([
      HEADER,
      row(1, "甲", "第一季度：开工"),
      row(2, "", "第二季度：完工", ["", "", "张三"]),
    ]);
    expect(table.projects.map((p) => p.rows)).toEqual([[2], [3]]);
    expect(codes(table.diagnostics)).toEqual([["table.missingName", "B3"]]);
    expect(table.diagnostics[0]?.message).toContain("B3");
    expect(table.diagnostics[0]?.messageEn).toContain("B3");
  });

  it("reads a row holding only an index as a project without a name", () => {
    const table = only([HEADER, row(1, "甲", "第一季度：开工"), [7]]);
    expect(table.projects.map((p) => values(p.cells.index))).toEqual([[1], [7]]);
    expect(codes(table.diagnostics)).toEqual([["table.missingName", "B3"]]);
  });

  it("reports a row it cannot place", () => {
    const table = only([
      HEADER,
      row("", "", "第一季度：开工", ["", "", "张三"]),
      row(1, "甲", "第二季度：完工"),
    ]);
    expect(names(table)).toEqual(["甲"]);
    expect(codes(table.diagnostics)).toEqual([["table.rowUnreadable", "C2"]]);
    expect(table.diagnostics[0]?.severity).toBe("warning");
  });

  it("does not attach rows under a section to the project before the section", () => {
    const table = only([
      HEADER,
      row(1, "甲", "第一季度：开工"),
      ["二、城乡建设类"],
      row("", "", "第二季度：完工", ["", "", "张三"]),
    ]);
    expect(table.projects.map((p) => p.rows)).toEqual([[2]]);
    expect(codes(table.diagnostics)).toEqual([["table.rowUnreadable", "C4"]]);
  });

  it("passes number formats through for date-typed cells", () => {
    const grid = gridFromRows([HEADER, row(1, "甲", 45107)]);
    grid.numberFormats = grid.values.map((r) => r.map(() => "General"));
    (grid.numberFormats[1] as string[])[2] = "yyyy/m/d";
    const table = findTables(grid)[0] as TableLayout;
    expect(table.projects[0]?.cells.schedule).toEqual([
      { address: "C2", value: 45107, numberFormat: "yyyy/m/d" },
    ]);
  });
});

describe("where a table ends", () => {
  it.each([
    ["附件2"],
    ["抄送：市委办"],
    ["制表人：张三"],
    ["审核：李四"],
    ["联系人：王五 电话：123"],
    ["注：投资额以批复为准"],
  ])("ends at the footer line %j", (footer) => {
    const table = only([
      HEADER,
      row(1, "甲", "第一季度：开工"),
      [],
      [footer],
      row(2, "乙", "第二季度：完工"),
    ]);
    expect(names(table)).toEqual(["甲"]);
    expect(table.lastRow).toBe(2);
  });

  it("ends at a printing line at the right edge", () => {
    const table = only([
      HEADER,
      row(1, "甲", "第一季度：开工"),
      ["", "", "", "", "", "", "2022年1月13日印发"],
      row(2, "乙", "x"),
    ]);
    expect(names(table)).toEqual(["甲"]);
  });

  it("does not end at content that merely starts like a footer word", () => {
    const table = only([
      ["序号", "项目名称", "主要内容", "形象进度安排", "责任领导"],
      [1, "甲", "建设公园", "第一季度：开工", "张三"],
      ["", "", "", "审核通过后第二季度开工"],
    ]);
    expect(table.projects[0]?.rows).toEqual([2, 3]);
  });
});

describe("several tables on one sheet", () => {
  const second = ["序号", "项目名称", "建设内容", "项目进度", "责任领导", "责任人", "责任科室"];

  it("reads each table with its own title and year", () => {
    const { tables, diagnostics } = findTablesWithDiagnostics(
      gridFromRows([
        ["附件1"],
        ["甲镇 2023 年度为民办实事项目责任分解表"],
        HEADER,
        row(1, "甲一", "第一季度：开工"),
        row(2, "甲二", "第二季度：完工"),
        [],
        ["附件2"],
        ["乙镇 2022 年为民办实事项目责任分解表"],
        second,
        [1, "乙一", "内容", "第三季度：验收", "张三", "李四", "办公室"],
        [],
        ["抄送：市委办"],
      ]),
    );
    expect(diagnostics).toEqual([]);
    expect(tables.map((t) => [t.title, t.titleYear, t.headerRows, t.firstRow, t.lastRow])).toEqual([
      ["甲镇 2023 年度为民办实事项目责任分解表", 2023, [3], 3, 5],
      ["乙镇 2022 年为民办实事项目责任分解表", 2022, [9], 9, 10],
    ]);
    expect(tables.map((t) => t.projects.length)).toEqual([2, 1]);
    expect(tables[1]?.columns.department).toBe(6);
  });

  it("starts a new table at the next title even when the header repeats the same columns", () => {
    const tables = findTables(
      gridFromRows([
        ["甲镇 2023 年度为民办实事项目责任分解表"],
        HEADER,
        row(1, "甲一", "第一季度：开工"),
        ["乙镇 2024 年度为民办实事项目责任分解表"],
        HEADER,
        row(1, "乙一", "第二季度：完工"),
      ]),
    );
    expect(tables.map((t) => [t.title, t.titleYear, t.projects.length])).toEqual([
      ["甲镇 2023 年度为民办实事项目责任分解表", 2023, 1],
      ["乙镇 2024 年度为民办实事项目责任分解表", 2024, 1],
    ]);
  });

  it("reads a page top that repeats the title over the same header as one table", () => {
    const title = "甲镇 2023 年度为民办实事项目责任分解表";
    const table = only([
      [title],
      HEADER,
      row(1, "甲", "第一季度：开工"),
      [title],
      HEADER,
      row(2, "乙", "第二季度：完工"),
    ]);
    expect(names(table)).toEqual(["甲", "乙"]);
  });

  it("reads a section row just before a repeated header as a section of the same table", () => {
    const table = only([
      ["甲镇 2023 年度为民办实事项目责任分解表"],
      HEADER,
      row(1, "甲", "第一季度：开工"),
      ["二、城乡建设类"],
      HEADER,
      row(2, "乙", "第二季度：完工"),
    ]);
    expect(table.projects.map((p) => [p.cells.name?.[0]?.value, p.category])).toEqual([
      ["甲", null],
      ["乙", "二、城乡建设类"],
    ]);
  });

  it("keeps a trailing line out of the table, so the next table keeps its title", () => {
    const tables = findTables(
      gridFromRows([
        HEADER,
        row(1, "甲", "第一季度：开工"),
        ["以上项目由街道统一调度"],
        [],
        [],
        [],
        [],
        ["乙镇 2022 年为民办实事项目责任分解表"],
        [],
        second,
        [1, "乙一", "内容", "第三季度：验收", "张三", "李四", "办公室"],
      ]),
    );
    expect(tables.map((t) => [t.lastRow, t.title])).toEqual([
      [2, null],
      [11, "乙镇 2022 年为民办实事项目责任分解表"],
    ]);
  });

  it("ends a table at a header with other columns", () => {
    const tables = findTables(
      gridFromRows([HEADER, row(1, "甲", "第一季度：开工"), second, [1, "乙", "", "第三季度"]]),
    );
    expect(tables.map((t) => names(t))).toEqual([["甲"], ["乙"]]);
    expect(tables[1]?.title).toBeNull();
  });
});

describe("titles", () => {
  it("takes the nearest title line, not the 附件 line or the notice above it", () => {
    const table = only([
      ["2023 年 5 月 11 日"],
      ["附件"],
      ["新塘街道 2023 年度为民办实事项目责任分解表"],
      [],
      HEADER,
      row(1, "甲", "第一季度：开工"),
    ]);
    expect(table.title).toBe("新塘街道 2023 年度为民办实事项目责任分解表");
    expect(table.titleYear).toBe(2023);
  });

  it("finds no year when the title names none, and none from the 附件 line", () => {
    const table = only([
      ["附件：2023年计划"],
      ["为民办实事项目责任分解表"],
      HEADER,
      row(1, "甲", "第一季度：开工"),
    ]);
    expect(table.title).toBe("为民办实事项目责任分解表");
    expect(table.titleYear).toBeNull();
  });

  it("has no title when the header is the first row", () => {
    const table = only([HEADER, row(1, "甲", "第一季度：开工")]);
    expect(table.title).toBeNull();
    expect(table.titleYear).toBeNull();
  });
});

describe("a schedule column with no known name", () => {
  it("is found by its quarters, months and dates, and reported as guessed", () => {
    const table = only([
      ["序号", "项目名称", "主要内容", "安排", "责任领导", "责任单位"],
      [1, "甲", "建设公园", "第一季度：招标；第二季度：开工", "张三", "办公室"],
      [2, "乙", "改造道路", "6月底前完成设计，10月完工", "李四", "建设办"],
    ]);
    expect(table.columns.schedule).toBe(3);
    expect(codes(table.diagnostics)).toEqual([["table.roleGuessed", "D1"]]);
    expect(table.diagnostics[0]?.severity).toBe("info");
    expect(table.diagnostics[0]?.message).toContain("安排");
    expect(addresses(table.projects[1]?.cells.schedule)).toEqual(["D3"]);
  });

  it("is reported missing when no column holds dates", () => {
    const table = only([
      ["序号", "项目名称", "主要内容", "责任领导"],
      [1, "甲", "建设公园", "张三"],
    ]);
    expect(table.columns.schedule).toBeUndefined();
    expect(codes(table.diagnostics)).toEqual([["table.noSchedule", "A1"]]);
  });
});

describe("sheets without a table", () => {
  it("report table.notFound, naming the closest row", () => {
    const { tables, diagnostics } = findTablesWithDiagnostics(
      gridFromRows([["通知"], ["项目名称", "责任领导", "备注"], ["甲", "张三", ""]], { sheet: "Sheet2" }),
    );
    expect(tables).toEqual([]);
    expect(codes(diagnostics)).toEqual([["table.notFound", null]]);
    expect(diagnostics[0]?.severity).toBe("error");
    expect(diagnostics[0]?.message).toContain("Sheet2");
    expect(diagnostics[0]?.message).toContain("第 2 行");
    expect(diagnostics[0]?.messageEn).toContain("Sheet2");
  });

  it.each<[string, CellValue[][]]>([
    ["an empty grid", []],
    ["empty rows", [[], [""]]],
    ["ragged rows with nulls and booleans", [[null, true, 3], ["序号"], [false]]],
  ])("never throw on %s", (_label, rows) => {
    const result = findTablesWithDiagnostics({ sheet: "S", origin: { row: 0, col: 0 }, values: rows });
    expect(result.tables).toEqual([]);
    expect(result.diagnostics.map((d) => d.code)).toEqual(["table.notFound"]);
  });
});

describe("sheet size", () => {
  it("reads a 150,000-row sheet without overflowing the call stack", () => {
    const rows: CellValue[][] = [["序号", "项目名称", "形象进度安排", "责任领导"]];
    for (let i = 1; i < 150_000; i += 1) rows.push(i === 1 ? [1, "甲", "第四季度:完工", "林舟"] : [""]);
    const [table] = findTables({ sheet: "大表", origin: { row: 0, col: 0 }, values: rows });
    expect(table?.projects).toHaveLength(1);
  });
});
