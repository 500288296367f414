import { checkSheet } from "../../src/core/check";
import { planMarks } from "../../src/core/marks";
import { resolveOptions } from "../../src/core/options";
import type { CellValue, MergedArea, Project, SheetResult, TableResult } from "../../src/core/types";
import { gridFromRows } from "../support/seed-grid";

/**
 * SEMANTICS.md §1, §3, §4 on layouts other offices publish: plans split across period columns, progress
 * narratives beside them, headers of two and three rows, two tables side by side.
 */

function check(rows: CellValue[][], asOf: string, merges?: MergedArea[]): SheetResult {
  const resolved = resolveOptions({ asOf });
  if (!resolved.ok) throw new Error(resolved.message);
  return checkSheet(
    gridFromRows([["青溪区 2023 年民生实事项目进展情况表"], ...rows], { merges }),
    resolved.options,
  );
}

function only(rows: CellValue[][], asOf: string, merges?: MergedArea[]): TableResult {
  const result = check(rows, asOf, merges);
  expect(result.tables).toHaveLength(1);
  return result.tables[0] as TableResult;
}

function project(t: TableResult, name: string): Project {
  const found = t.projects.find((p) => p.name === name);
  if (!found) throw new Error(name);
  return found;
}

function milestones(p: Project): Array<[string, string, string, string]> {
  return p.milestones.map((m) => [m.cell, m.due, m.text, m.status]);
}

const NARRATIVE = "3月10日，组织 12 名骨干教师赴江山中学开展交流；下步打算：5月起改为线上线下结合。";

describe("a progress narrative is never the plan (the false alarm)", () => {
  const HEADER = [
    "序号",
    "工作任务",
    "责任单位",
    "一季度目标",
    "进展情况、存在问题及下一步打算",
    "目标完成情况",
  ];

  it("reads the plan from `一季度目标`, and no milestone from the narrative's dates", () => {
    const t = only(
      [
        HEADER,
        [1, "开展城乡教育共同体结对交流", "区教育体育局", "完成结对学校交流计划", NARRATIVE, "已完成"],
      ],
      "2023-04-12",
    );
    const p = project(t, "开展城乡教育共同体结对交流");
    expect(milestones(p)).toEqual([["D3", "2023-03-31", "完成结对学校交流计划", "done"]]);
    expect(p.status).toBe("done");
    expect(t.columns.schedule).toBe("D");
    expect(t.schedulePeriods).toEqual([{ column: "D", period: "Q1" }]);
    expect(t.warnings.map((w) => w.code)).not.toContain("table.roleGuessed");
  });

  it("without a plan column, a report column is never guessed to be the plan: no milestone, and the warning says which column was refused", () => {
    const t = only(
      [
        ["序号", "工作任务", "责任单位", "进展情况、存在问题及下一步打算", "备注"],
        [1, "结对交流", "区教育体育局", NARRATIVE, "3月底前完成"],
      ],
      "2023-04-12",
    );
    expect(t.projects[0]?.milestones).toEqual([]);
    expect(t.columns.schedule).toBeUndefined();
    const warning = t.warnings.find((w) => w.code === "table.noSchedule");
    expect(warning?.message).toContain("进展情况、存在问题及下一步打算");
    expect(warning?.message).toContain("D2");
    expect(warning?.messageEn).toContain("D2");
  });

  it("only a column with no role may be guessed from its dates, however many dates a 备注 or 存在问题 column holds", () => {
    const t = only(
      [
        ["序号", "项目名称", "责任单位", "具体做法", "存在问题", "备注"],
        [1, "甲", "办", "6月底完成招标", "3月5日、3月20日两次流标", "4月1日、4月9日已约谈"],
      ],
      "2023-04-12",
    );
    expect(t.columns.schedule).toBe("D");
    expect(milestones(t.projects[0] as Project)).toEqual([["D3", "2023-06-30", "完成招标", "upcoming"]]);
    expect(t.warnings.find((w) => w.code === "table.roleGuessed")?.cell).toBe("D2");
  });
});

describe("plans split across period columns", () => {
  it("each quarter's cell is a milestone due at the quarter's end, in period order; a date in the cell wins", () => {
    const t = only(
      [
        ["序号", "项目名称", "责任单位", "第三季度", "第一季度", "第二季度", "第四季度"],
        [1, "老旧小区改造", "住建局", "主体施工", "完成方案设计", "5月20日前完成招标", "竣工验收"],
        [2, "城市书房", "文广局", "", "完成选址", "", ""],
      ],
      "2023-04-12",
    );
    expect(milestones(project(t, "老旧小区改造"))).toEqual([
      ["E3", "2023-03-31", "完成方案设计", "overdue"],
      ["F3", "2023-05-20", "完成招标", "upcoming"],
      ["D3", "2023-09-30", "主体施工", "upcoming"],
      ["G3", "2023-12-31", "竣工验收", "upcoming"],
    ]);
    expect(milestones(project(t, "城市书房"))).toEqual([["E4", "2023-03-31", "完成选址", "overdue"]]);
    expect(t.columns.schedule).toBe("E");
    expect(t.schedulePeriods).toEqual([
      { column: "E", period: "Q1" },
      { column: "F", period: "Q2" },
      { column: "D", period: "Q3" },
      { column: "G", period: "Q4" },
    ]);
    expect(project(t, "老旧小区改造").cells.schedule).toEqual(["E3", "F3", "D3", "G3"]);
    expect(project(t, "老旧小区改造").scheduleText).toBe(
      "第一季度：完成方案设计\n第二季度：5月20日前完成招标\n第三季度：主体施工\n第四季度：竣工验收",
    );
  });

  it("month columns `1月 … 12月` make month milestones", () => {
    const t = only(
      [
        ["序号", "项目名称", "责任单位", "4月", "5月", "6月"],
        [1, "老年食堂", "民政办", "完成选址", "完成装修", "6月15日前开业"],
      ],
      "2023-05-01",
    );
    expect(milestones(t.projects[0] as Project)).toEqual([
      ["D3", "2023-04-30", "完成选址", "overdue"],
      ["E3", "2023-05-31", "完成装修", "upcoming"],
      ["F3", "2023-06-15", "开业", "upcoming"],
    ]);
    expect(t.schedulePeriods.map((s) => s.period)).toEqual(["M4", "M5", "M6"]);
    expect(t.projects[0]?.milestones.map((m) => m.months)).toEqual([[4], [5], [6]]);
  });

  it("`上半年完成情况` completes the half-year milestone only, never the year's", () => {
    const t = only(
      [
        ["序号", "项目名称", "责任单位", "上半年目标", "全年目标", "上半年完成情况"],
        [1, "南溪路改造", "城建办", "完成北段路面", "全线通车", "已完成"],
        [2, "口袋公园", "城建办", "建成 2 个", "建成 3 个", "建成 1 个，第二个推迟"],
      ],
      "2023-07-10",
    );
    expect(milestones(project(t, "南溪路改造"))).toEqual([
      ["D3", "2023-06-30", "完成北段路面", "done"],
      ["E3", "2023-12-31", "全线通车", "upcoming"],
    ]);
    expect(project(t, "南溪路改造").status).toBe("onTrack");
    expect(milestones(project(t, "口袋公园"))[0]?.[3]).toBe("overdue");
    expect(t.schedulePeriods).toEqual([
      { column: "D", period: "H1" },
      { column: "E", period: "Y" },
    ]);
    expect(t.progress?.columns.map((c) => c.column)).toEqual(["F"]);
  });

  it("`一季度目标完成情况` is the actuals of `一季度目标`", () => {
    const t = only(
      [
        ["序号", "工作任务", "责任单位", "一季度目标", "二季度目标", "一季度目标完成情况"],
        [1, "结对交流", "教育局", "完成交流计划", "开展交流 2 次", "已完成"],
        [2, "城市书房", "文广局", "完成选址", "完成装修", "未完成"],
      ],
      "2023-04-12",
    );
    expect(milestones(project(t, "结对交流")).map((m) => m[3])).toEqual(["done", "upcoming"]);
    expect(milestones(project(t, "城市书房")).map((m) => m[3])).toEqual(["overdue", "upcoming"]);
    expect(t.progress?.columns.map((c) => [c.column, c.period])).toEqual([["F", "2023-03"]]);
  });

  it("a half-year's actuals at 100% close the half-year, not the project", () => {
    const t = only(
      [
        ["序号", "项目名称", "责任单位", "上半年目标", "全年目标", "上半年完成情况"],
        [1, "背街小巷整治", "城管办", "完成 10 条", "完成 20 条", "完成上半年目标的100%"],
      ],
      "2023-07-10",
    );
    expect(milestones(t.projects[0] as Project).map((m) => m[3])).toEqual(["done", "upcoming"]);
    expect(t.projects[0]?.status).toBe("onTrack");
    expect(t.projects[0]?.progress?.state).not.toBe("done");
  });

  it("`全年完成情况` saying done completes the year's plan", () => {
    const t = only(
      [
        ["序号", "项目名称", "责任单位", "上半年目标", "全年目标", "全年完成情况"],
        [1, "南溪路改造", "城建办", "完成北段路面", "全线通车", "已全部完成"],
      ],
      "2024-01-10",
    );
    expect(t.projects[0]?.status).toBe("done");
  });
});

describe("two-row headers: the parent decides", () => {
  // 进度安排 over E–H, 落实情况 over I–L (0-based rows: the title is row 0).
  const MERGES: MergedArea[] = [
    { row: 1, col: 0, rowCount: 2, colCount: 1 },
    { row: 1, col: 1, rowCount: 2, colCount: 1 },
    { row: 1, col: 2, rowCount: 2, colCount: 1 },
    { row: 1, col: 3, rowCount: 2, colCount: 1 },
    { row: 1, col: 4, rowCount: 1, colCount: 4 },
    { row: 1, col: 8, rowCount: 1, colCount: 4 },
  ];
  const ROWS: CellValue[][] = [
    ["序号", "项目名称", "建设内容", "责任单位", "进度安排", "", "", "", "落实情况", "", "", ""],
    [
      "",
      "",
      "",
      "",
      "第一季度工作进展",
      "第二季度工作进展",
      "第三季度工作进展",
      "第四季度工作进展",
      "第一季度",
      "第二季度",
      "第三季度",
      "第四季度",
    ],
    [
      1,
      "健康服务中心",
      "新建 2 家",
      "卫生局",
      "完成选址和立项",
      "完成设计及施工招标",
      "主体施工",
      "竣工验收",
      "已完成",
      "已完成",
      "于7月5日进行方案汇报，装修施工已进场",
      "",
    ],
    [
      2,
      "学位扩容",
      "新增学位",
      "教育局",
      "完成建设方案",
      "开工建设",
      "完成主体工程",
      "投入使用",
      "已完成",
      "完成设计，开工推迟",
      "",
      "",
    ],
  ];

  it("children of `进度安排` are plan columns though they say 进展; children of `落实情况` are their actuals", () => {
    const t = only(ROWS, "2023-10-09", MERGES);
    expect(t.headerRows).toEqual([2, 3]);
    expect(t.schedulePeriods.map((s) => `${s.column}:${s.period}`)).toEqual(["E:Q1", "F:Q2", "G:Q3", "H:Q4"]);
    expect(t.quarterColumns).toEqual({ 1: "I", 2: "J", 3: "K", 4: "L" });
    expect(t.progress).toBeNull();
    expect(milestones(project(t, "健康服务中心"))).toEqual([
      ["E4", "2023-03-31", "完成选址和立项", "done"],
      ["F4", "2023-06-30", "完成设计及施工招标", "done"],
      ["G4", "2023-09-30", "主体施工", "overdue"],
      ["H4", "2023-12-31", "竣工验收", "upcoming"],
    ]);
    expect(milestones(project(t, "学位扩容")).map((m) => m[3])).toEqual([
      "done",
      "overdue",
      "overdue",
      "upcoming",
    ]);
    // A quarter's report without a done statement closes nothing and is no finding; no milestone comes from it.
    expect(t.warnings.filter((w) => w.cell === "K4" || w.cell === "J5")).toEqual([]);
    expect(t.projects.flatMap((p) => p.milestones).every((m) => /^[E-H]/.test(m.cell))).toBe(true);
  });

  it("marks land on the plan cells", () => {
    const result = check(ROWS, "2023-10-09", MERGES);
    const marks = planMarks(result);
    expect(marks.filter((m) => /^[E-H]\d/.test(m.address)).map((m) => [m.address, m.kind])).toEqual([
      ["E4", "done"],
      ["F4", "done"],
      ["G4", "overdue"],
      ["E5", "done"],
      ["F5", "overdue"],
      ["G5", "overdue"],
    ]);
    expect(marks.some((m) => /^[I-L]\d/.test(m.address))).toBe(false);
  });
});

describe("three-row headers", () => {
  // A band over 推进计划 (D–G) and 落实情况 (H–I).
  const MERGES: MergedArea[] = [
    { row: 1, col: 0, rowCount: 3, colCount: 1 },
    { row: 1, col: 1, rowCount: 3, colCount: 1 },
    { row: 1, col: 2, rowCount: 3, colCount: 1 },
    { row: 1, col: 3, rowCount: 1, colCount: 6 },
    { row: 2, col: 3, rowCount: 1, colCount: 4 },
    { row: 2, col: 7, rowCount: 1, colCount: 2 },
  ];
  const ROWS: CellValue[][] = [
    ["序号", "项目名称", "责任单位", "2023 年推进计划及落实情况", "", "", "", "", ""],
    ["", "", "", "推进计划", "", "", "", "落实情况", ""],
    ["", "", "", "第一季度", "第二季度", "第三季度", "第四季度", "第一季度", "第二季度"],
    [
      1,
      "污水管网改造",
      "建设办",
      "完成管网排查",
      "完成设计和招标",
      "完成主管网铺设",
      "验收",
      "已完成",
      "完成设计，招标推迟至7月",
    ],
  ];

  it("a band over a two-row header is read as three header rows, the middle row's parents deciding", () => {
    const t = only(ROWS, "2023-07-06", MERGES);
    expect(t.headerRows).toEqual([2, 3, 4]);
    expect(t.schedulePeriods.map((s) => s.column)).toEqual(["D", "E", "F", "G"]);
    expect(t.quarterColumns).toEqual({ 1: "H", 2: "I" });
    expect(milestones(t.projects[0] as Project).map((m) => [m[0], m[3]])).toEqual([
      ["D5", "done"],
      ["E5", "overdue"],
      ["F5", "upcoming"],
      ["G5", "upcoming"],
    ]);
    expect(t.warnings.map((w) => w.code)).not.toContain("table.rowUnreadable");
  });

  it("a fourth header row is not guessed at: a warning names it and the table is not read", () => {
    const deeper = [
      ...ROWS.slice(0, 3),
      ["", "", "", "目标任务", "完成情况", "目标任务", "完成情况", "目标任务", "完成情况"],
      ROWS[3] as CellValue[],
    ];
    const result = check(deeper, "2023-07-06", MERGES);
    expect(result.tables).toEqual([]);
    const warning = result.warnings.find((w) => w.code === "table.headerUnreadable");
    expect(warning?.cell).toBe("D5");
    expect(warning?.message).toContain("D5");
    expect(warning?.severity).toBe("warning");
  });
});

describe("two tables side by side", () => {
  it("a blank column between two headers makes two tables, each with its own projects and columns", () => {
    const result = check(
      [
        ["表一：2023 年城建类项目", "", "", "", "", "", "表二：2023 年民生服务类项目", "", "", "", ""],
        [
          "序号",
          "项目名称",
          "责任单位",
          "上半年目标",
          "全年目标",
          "",
          "序号",
          "项目名称",
          "责任单位",
          "5月",
          "6月",
        ],
        [
          1,
          "南溪路改造",
          "城建办",
          "完成北段路面",
          "全线通车",
          "",
          1,
          "老年食堂",
          "民政办",
          "完成装修",
          "开业",
        ],
        [2, "口袋公园", "城建办", "建成 2 个", "建成 3 个", "", 2, "托管服务点", "妇联", "招募志愿者", ""],
      ],
      "2023-07-10",
    );
    expect(result.tables).toHaveLength(2);
    const [left, right] = result.tables as [TableResult, TableResult];
    expect(left.projects.map((p) => p.name)).toEqual(["南溪路改造", "口袋公园"]);
    expect(right.projects.map((p) => p.name)).toEqual(["老年食堂", "托管服务点"]);
    expect(left.columns).toMatchObject({ index: "A", name: "B", department: "C", schedule: "D" });
    expect(right.columns).toMatchObject({ index: "G", name: "H", department: "I", schedule: "J" });
    expect([left.lastCol, right.firstCol]).toEqual([4, 6]);
    expect(right.title).toBe("表二：2023 年民生服务类项目");
    expect(milestones(project(right, "托管服务点"))).toEqual([["J5", "2023-05-31", "招募志愿者", "overdue"]]);
    expect(left.warnings.concat(right.warnings).map((w) => w.code)).not.toContain("table.duplicateColumn");
  });

  it("a table that starts right of its title keeps the title (only side-by-side tables look at their own side)", () => {
    const t = only(
      [
        ["", "序号", "项目名称", "第一季度", "第二季度"],
        ["", 1, "甲", "完成设计", "开工"],
      ],
      "2023-02-01",
    );
    expect(t.title).toBe("青溪区 2023 年民生实事项目进展情况表");
    expect(t.schedulePeriods.map((p) => p.column)).toEqual(["D", "E"]);
  });

  it("two tables side by side stay apart once the blank column between them is written in (进度状态)", () => {
    const result = check(
      [
        [
          "序号",
          "项目名称",
          "责任单位",
          "上半年目标",
          "全年目标",
          "进度状态",
          "序号",
          "项目名称",
          "责任单位",
          "5月",
        ],
        [1, "南溪路改造", "城建办", "完成北段路面", "全线通车", "正常", 1, "老年食堂", "民政办", "完成装修"],
      ],
      "2023-04-10",
    );
    expect(result.tables.map((t) => [t.columns.index, t.columns.name, t.columns.schedule])).toEqual([
      ["A", "B", "D"],
      ["G", "H", "J"],
    ]);
    expect(result.tables[0]?.lastCol).toBe(5);
  });

  it("a blank column inside one table does not split it", () => {
    const t = only(
      [
        ["序号", "项目名称", "形象进度安排", "", "责任领导", "责任科室"],
        [1, "甲", "第一季度：开工", "", "张", "办"],
      ],
      "2023-02-01",
    );
    expect(t.columns).toMatchObject({ index: "A", name: "B", schedule: "C", leader: "E", department: "F" });
  });
});

describe("one plan per table", () => {
  it("a named schedule column is read, and plan columns by period beside it are said to be left alone", () => {
    const t = only(
      [
        ["序号", "项目名称", "形象进度安排", "一季度目标", "责任科室"],
        [1, "甲", "第二季度：开工", "完成设计", "办"],
      ],
      "2023-02-01",
    );
    expect(milestones(t.projects[0] as Project)).toEqual([["C3", "2023-06-30", "开工", "upcoming"]]);
    expect(t.schedulePeriods).toEqual([]);
    expect(t.warnings.find((w) => w.code === "table.planColumnsIgnored")?.cell).toBe("D2");
  });
});
