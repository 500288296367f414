import { checkSheet } from "../../../src/core/check";
import { resolveOptions, type CheckOptions } from "../../../src/core/options";
import type { CellValue, MergedArea, Project, TableResult } from "../../../src/core/types";
import { gridFromRows } from "../../support/seed-grid";

/** PROGRESS.md applied through the whole check: a table's progress columns, each project's state. */

const BASE = ["序号", "项目名称", "形象进度安排", "责任领导", "责任科室", "责任人员"];
const PLAN = "第一季度:完成设计;第二季度:招标;第三季度:施工;第四季度:验收";
const LATER = "第三季度:施工;第四季度:验收";

function options(asOf: string, extra: Record<string, unknown> = {}): CheckOptions {
  const resolved = resolveOptions({ asOf, ...extra });
  if (!resolved.ok) throw new Error(resolved.message);
  return resolved.options;
}

function table(
  rows: CellValue[][],
  asOf = "2023-06-26",
  extra: Record<string, unknown> = {},
  grid: { merges?: MergedArea[]; formats?: Record<string, string> } = {},
): TableResult {
  const g = gridFromRows([["新塘街道 2023 年度为民办实事项目责任分解表"], ...rows], { merges: grid.merges });
  if (grid.formats) {
    g.numberFormats = g.values.map((row, r) =>
      row.map((_, c) => grid.formats?.[`${String.fromCharCode(65 + c)}${r + 1}`] ?? "General"),
    );
  }
  const result = checkSheet(g, options(asOf, extra));
  const found = result.tables[0];
  if (!found) throw new Error(result.warnings.map((w) => w.message).join("; "));
  return found;
}

/** A project row: plan and people, then the progress cells. */
function row(n: number, plan: string, ...progress: CellValue[]): CellValue[] {
  return [n, `项目${n}`, plan, "张", "办", "王", ...progress];
}

function project(t: TableResult, n: number): Project {
  const found = t.projects.find((p) => p.index === String(n));
  if (!found) throw new Error(`no project ${n}`);
  return found;
}

const MONTHLY = [...BASE, "4月进展情况", "5月进展情况", "6月进展情况"];

describe("the table's progress (PROGRESS.md §6)", () => {
  it("lists every progress column with its period, the expected period and 序时进度", () => {
    const t = table([MONTHLY, row(1, LATER, "正在推进", "正在推进", "正在推进")]);
    expect(t.progress).toEqual({
      reportDay: 22,
      expectedPeriod: "2023-06",
      expectedPercent: 48.5,
      columns: [
        { column: "G", period: "2023-04", header: "4月进展情况", headerCell: "G2", percentColumn: null },
        { column: "H", period: "2023-05", header: "5月进展情况", headerCell: "H2", percentColumn: null },
        { column: "I", period: "2023-06", header: "6月进展情况", headerCell: "I2", percentColumn: null },
      ],
      counts: { done: 0, notReported: 0, notStarted: 0, behind: 0, onSchedule: 1 },
    });
    // The rightmost progress column is the table's `progress` column; the others are no duplicates.
    expect(t.columns.progress).toBe("I");
    expect(t.warnings.filter((w) => w.code === "table.duplicateColumn")).toEqual([]);
  });

  it("a table with no progress column: progress null everywhere, nothing reported missing", () => {
    const t = table([BASE, row(1, PLAN), row(2, LATER)]);
    expect(t.progress).toBeNull();
    expect(t.projects.map((p) => p.progress)).toEqual([null, null]);
    expect(t.warnings.filter((w) => w.code.startsWith("progress."))).toEqual([]);
  });

  it("counts each state", () => {
    const t = table([
      MONTHLY,
      row(1, LATER, "", "", "已完成"),
      row(2, LATER, "正在推进", "正在推进", ""),
      row(3, LATER, "", "", "尚未开工"),
      row(4, LATER, "", "", "进度滞后"),
      row(5, LATER, "", "", "正常推进"),
    ]);
    expect(t.progress?.counts).toEqual({ done: 1, notReported: 1, notStarted: 1, behind: 1, onSchedule: 1 });
  });
});

describe("a project's state, the first that holds (PROGRESS.md §5)", () => {
  it("done: the current report says done, or a percent ≥ 100", () => {
    const t = table([
      [...BASE, "6月进展情况", "完成比例(%)"],
      row(1, LATER, "项目已全部完成", ""),
      row(2, LATER, "完成100%", ""),
      row(3, LATER, "收尾", 100),
    ]);
    expect(project(t, 1).progress).toMatchObject({ state: "done", reason: "6 月进展写明已完成", cell: "G3" });
    expect(project(t, 2).progress).toMatchObject({ state: "done", percent: 100, reason: "完成 100%" });
    expect(project(t, 3).progress).toMatchObject({ state: "done", percent: 100, text: "收尾" });
    // A report that says done completes the project's milestones too.
    expect(t.projects.map((p) => p.status)).toEqual(["done", "done", "done"]);
  });

  it("done: the project is done by its quarter columns, even without a report", () => {
    const t = table([
      [...BASE, "6月进展情况", "第三季度完成情况", "第四季度完成情况"],
      row(1, LATER, "", "√", "√"),
    ]);
    expect(project(t, 1).progress).toMatchObject({
      state: "done",
      cell: null,
      text: null,
      reason: "全部节点已完成",
    });
  });

  it.each(["", "/", "—", "-", "无"])("notReported: a %j June cell is no report", (value) => {
    const t = table([MONTHLY, row(1, LATER, "正在推进", "正常推进", value)]);
    expect(project(t, 1).progress).toEqual({
      state: "notReported",
      period: "2023-05",
      text: "正常推进",
      percent: null,
      cell: "I3",
      reason: "6 月进展未填写",
      reasonEn: "No progress reported for June",
    });
  });

  it("notReported comes before the words of an older report", () => {
    const t = table([MONTHLY, row(1, LATER, "尚未开工", "进度滞后", "")]);
    expect(project(t, 1).progress?.state).toBe("notReported");
  });

  it("a later period's column counts as reported", () => {
    const t = table([[...MONTHLY, "7月进展情况"], row(1, LATER, "", "", "", "正常推进")]);
    expect(project(t, 1).progress).toMatchObject({ state: "onSchedule", period: "2023-07", cell: "J3" });
  });

  it("notStarted: the current report says not started", () => {
    const t = table([MONTHLY, row(1, LATER, "", "", "尚未启动，正在办理前期手续")]);
    expect(project(t, 1).progress).toMatchObject({
      state: "notStarted",
      reason: "6 月进展写明“尚未启动”",
      reasonEn: 'The report for June says "尚未启动" (not started)',
    });
  });

  it("behind: words, a percent below 序时进度 by more than the tolerance, or an overdue milestone", () => {
    const t = table([
      MONTHLY,
      row(1, LATER, "", "", "因资金问题进度滞后"),
      row(2, LATER, "", "", "完成25%"),
      row(3, PLAN, "", "", "正在推进"),
      row(4, LATER, "", "", "完成40%"),
    ]);
    expect(project(t, 1).progress).toMatchObject({ state: "behind", reason: "6 月进展写明“滞后”" });
    expect(project(t, 2).progress).toMatchObject({
      state: "behind",
      percent: 25,
      reason: "完成 25%，低于序时进度 48.5%",
      reasonEn: "25% done, below the time-elapsed 48.5%",
    });
    expect(project(t, 3).progress).toMatchObject({ state: "behind", reason: "第一季度节点已逾期" });
    // 40 is 8.5 points below 48.5: within the default tolerance of 10.
    expect(project(t, 4).progress).toMatchObject({ state: "onSchedule", reason: "完成 40%，序时进度 48.5%" });
  });

  it("the tolerance is an option", () => {
    const t = table([MONTHLY, row(1, LATER, "", "", "完成40%")], "2023-06-26", { behindTolerance: 5 });
    expect(project(t, 1).progress?.state).toBe("behind");
  });

  it("a negated behind word is not behind", () => {
    const t = table([MONTHLY, row(1, LATER, "", "", "进度未滞后"), row(2, LATER, "", "", "无滞后")]);
    expect(t.projects.map((p) => p.progress?.state)).toEqual(["onSchedule", "onSchedule"]);
  });

  it("onSchedule: otherwise, saying what the report said", () => {
    const t = table([MONTHLY, row(1, LATER, "", "", "顺利推进"), row(2, LATER, "", "", "材料进场")]);
    expect(project(t, 1).progress?.reason).toBe("6 月进展写明“顺利推进”");
    expect(project(t, 2).progress).toMatchObject({ state: "onSchedule", reason: "已报送 6 月进展" });
  });
});

describe("the report day (PROGRESS.md §2)", () => {
  const rows = [MONTHLY, row(1, LATER, "正在推进", "正在推进", "")];

  it.each([
    ["2023-06-21", "2023-05", "onSchedule"],
    ["2023-06-22", "2023-05", "onSchedule"],
    ["2023-06-23", "2023-06", "notReported"],
  ])("on %s the expected period is %s", (asOf, expected, state) => {
    const t = table(rows, asOf);
    expect(t.progress?.expectedPeriod).toBe(expected);
    expect(project(t, 1).progress?.state).toBe(state);
  });

  it("is an option", () => {
    const t = table(rows, "2023-06-21", { reportDay: 20 });
    expect(t.progress).toMatchObject({ reportDay: 20, expectedPeriod: "2023-06" });
    expect(project(t, 1).progress?.state).toBe("notReported");
  });

  it("in January the expected period is December of the year before", () => {
    const t = table(
      [
        [...BASE, "11月进展情况", "12月进展情况"],
        row(1, LATER, "正在推进", "正在推进"),
        row(2, LATER, "正在推进", ""),
      ],
      "2024-01-10",
    );
    expect(t.progress).toMatchObject({ expectedPeriod: "2023-12", expectedPercent: 100 });
    expect(t.projects.map((p) => p.progress?.state)).toEqual(["behind", "notReported"]);
    expect(project(t, 2).progress?.reason).toBe("12 月进展未填写");
  });

  it("period columns that stop before the expected period: one warning naming the header cell", () => {
    const t = table([[...BASE, "4月进展情况", "5月进展情况"], row(1, LATER, "正在推进", "正在推进")]);
    const missing = t.warnings.filter((w) => w.code === "progress.columnMissing");
    expect(missing).toEqual([
      expect.objectContaining({
        cell: "H2",
        severity: "warning",
        message: expect.stringContaining("没有 2023 年 6 月的进展列"),
      }),
    ]);
    expect(project(t, 1).progress).toMatchObject({
      state: "notReported",
      cell: null,
      reason: "6 月进展未报送（表中没有 6 月的进展列）",
    });
  });

  it("only columns naming no period: the rightmost one is the current report", () => {
    const t = table([
      [...BASE, "进展情况", "本月进展情况"],
      row(1, LATER, "正常推进", ""),
      row(2, LATER, "", "进度滞后"),
    ]);
    expect(t.progress?.columns.map((c) => [c.column, c.period])).toEqual([
      ["G", null],
      ["H", null],
    ]);
    expect(project(t, 1).progress).toMatchObject({ state: "notReported", cell: "H3" });
    expect(project(t, 2).progress).toMatchObject({
      state: "behind",
      period: null,
      reason: "本期进展写明“滞后”",
    });
    expect(t.warnings.filter((w) => w.code === "progress.columnMissing")).toEqual([]);
  });
});

describe("headers (PROGRESS.md §1)", () => {
  it("cumulative and half-year headers", () => {
    const t = table([
      [...BASE, "1-5月推进情况", "截至6月20日", "上半年完成情况"],
      row(1, LATER, "正在推进", "", "正在推进"),
    ]);
    expect(t.progress?.columns.map((c) => c.period)).toEqual(["2023-05", "2023-06", "2023-06"]);
    expect(project(t, 1).progress).toMatchObject({ state: "onSchedule", cell: "I3" });
  });

  it("two rows: children of 本月进展情况 are read together, with the percent under it", () => {
    const t = table(
      [
        [...BASE, "6月进展情况", "", ""],
        ["", "", "", "", "", "", "前期手续", "在建形象进度", "完成比例(%)"],
        row(1, LATER, "已完成立项", "主体施工", 0.3),
        row(2, LATER, "", "", ""),
      ],
      "2023-06-26",
      {},
      {
        merges: [
          ...[0, 1, 2, 3, 4, 5].map((col) => ({ row: 1, col, rowCount: 2, colCount: 1 })),
          { row: 1, col: 6, rowCount: 1, colCount: 3 },
        ],
        formats: { I4: "0%" },
      },
    );
    expect(t.headerRows).toEqual([2, 3]);
    // 在建形象进度 is progress under its parent, not the plan.
    expect(t.columns.schedule).toBe("C");
    expect(t.progress?.columns).toEqual([
      { column: "G", period: "2023-06", header: "6月进展情况", headerCell: "G2", percentColumn: "I" },
    ]);
    expect(project(t, 1).progress).toMatchObject({
      state: "behind",
      text: "已完成立项\n主体施工",
      percent: 30,
      cell: "G4",
    });
    expect(project(t, 2).progress).toMatchObject({ state: "notReported", cell: "G5" });
  });

  it("two rows: children naming their own periods are columns of their own", () => {
    const t = table(
      [
        [...BASE, "推进情况", "", "", ""],
        ["", "", "", "", "", "", "1-5月", "完成比例", "1-6月", "完成比例"],
        row(1, LATER, "招标", 20, "施工", 55),
      ],
      "2023-06-26",
      {},
      { merges: [{ row: 1, col: 6, rowCount: 1, colCount: 4 }] },
    );
    expect(t.progress?.columns).toEqual([
      { column: "G", period: "2023-05", header: "1-5月", headerCell: "G3", percentColumn: "H" },
      { column: "I", period: "2023-06", header: "1-6月", headerCell: "I3", percentColumn: "J" },
    ]);
    expect(project(t, 1).progress).toMatchObject({ state: "onSchedule", percent: 55, cell: "I4" });
  });

  it("children of a plan parent are plan, not progress", () => {
    const t = table(
      [
        [...BASE, "2023年工作计划", ""],
        ["", "", "", "", "", "", "上半年进展", "下半年进展"],
        row(1, LATER, "设计", "施工"),
      ],
      "2023-06-26",
      {},
      { merges: [{ row: 1, col: 6, rowCount: 1, colCount: 2 }] },
    );
    expect(t.progress).toBeNull();
  });

  it("a progress column is never guessed to be the plan", () => {
    const t = table([
      ["序号", "项目名称", "计划", "责任领导", "6月进展情况"],
      [1, "甲", "第二季度:施工", "张", "3月10日已开工，6月5日完成主体"],
    ]);
    expect(t.columns.schedule).toBe("C");
    const noPlan = table([
      ["序号", "项目名称", "责任领导", "责任科室", "5月进展情况", "6月进展情况"],
      [1, "甲", "张", "办", "3月10日已开工，5月5日完成基础", "正在推进"],
    ]);
    expect(noPlan.columns.schedule).toBeUndefined();
  });
});

describe("completion from progress columns (SEMANTICS §4 over every report)", () => {
  it("the latest report decides whether the project is done", () => {
    const t = table([
      MONTHLY,
      row(1, LATER, "已完成", "", "正在推进"),
      row(2, LATER, "正在推进", "", "已完成"),
    ]);
    expect(t.projects.map((p) => p.status)).toEqual(["onTrack", "done"]);
  });

  it("a quarter any report calls done stays done", () => {
    const t = table([MONTHLY, row(1, PLAN, "第一季度已完成", "", "正在推进")]);
    const milestones = project(t, 1).milestones.map((m) => [m.quarters, m.status]);
    expect(milestones.slice(0, 2)).toEqual([
      [[1], "done"],
      [[2], "dueSoon"],
    ]);
    expect(project(t, 1).progress?.state).toBe("onSchedule");
  });

  it("unclear done words are reported for the current report only", () => {
    const t = table([MONTHLY, row(1, LATER, "已完成招投标", "", "已完成招投标，正在施工")]);
    expect(t.warnings.filter((w) => w.code === "completion.ambiguous").map((w) => w.cell)).toEqual(["I3"]);
  });
});
