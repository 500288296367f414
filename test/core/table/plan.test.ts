import { periodCode } from "../../../src/core/progress/period";
import { isPlanParent, namesReport, planPeriod } from "../../../src/core/table/plan";

/** SEMANTICS.md §1: which headers are plan columns split by period, and for which period. */

function code(own: string, parent: string | null = null): string | null {
  const period = planPeriod(own, parent);
  return period ? periodCode(period) : null;
}

describe("planPeriod", () => {
  it.each([
    ["第一季度", "Q1"],
    ["二季度", "Q2"],
    ["Q3", "Q3"],
    ["一季度目标", "Q1"],
    ["第四季度工作计划", "Q4"],
    ["上半年目标", "H1"],
    ["下半年", "H2"],
    ["全年目标", "Y"],
    ["年度目标任务", "Y"],
    ["1月", "M1"],
    ["7月份", "M7"],
    ["十二月", "M12"],
    ["一季度目标（需量化）", "Q1"],
  ])("%j on its own plans for %s", (header, expected) => expect(code(header)).toBe(expected));

  it.each([
    "一季度完成情况",
    "第二季度进展",
    "6月进展情况",
    "上半年完成情况",
    "截至10月底",
    "截至6月20日",
    "2023年计划投资",
    "全年目标投资（万元）",
    "形象进度安排",
    "一季度目标完成情况",
    "第一季度:开工",
    "项目名称",
  ])("%j is no plan column", (header) => expect(code(header)).toBeNull());

  it("under a plan parent, the parent decides: `第一季度工作进展` plans", () => {
    expect(code("第一季度工作进展", "进度安排")).toBe("Q1");
    expect(code("第三季度完成情况", "计划")).toBe("Q3");
    expect(code("上半年", "目标任务")).toBe("H1");
    expect(code("7月", "2023年工作计划")).toBe("M7");
  });

  it("under a report parent, no child plans; under a neutral band the child's own words decide", () => {
    expect(code("第一季度", "落实情况")).toBeNull();
    expect(code("第二季度", "完成情况")).toBeNull();
    expect(code("第一季度", "2023年")).toBe("Q1");
    expect(code("第一季度进展", "2023年")).toBeNull();
    expect(code("项目名称", "进度安排")).toBeNull();
  });
});

describe("isPlanParent and namesReport", () => {
  it.each(["进度安排", "计划", "目标任务", "形象进度安排", "2023年推进计划"])("%j is a plan parent", (h) =>
    expect(isPlanParent(h)).toBe(true),
  );
  it.each(["落实情况", "完成情况", "计划投资", "投资（万元）", "2023年"])("%j is no plan parent", (h) =>
    expect(isPlanParent(h)).toBe(false),
  );
  it.each([
    "进展情况、存在问题及下一步打算",
    "落实情况",
    "目标完成情况",
    "推进情况",
    "存在问题",
    "下一步工作打算",
    "下步打算",
    "备注",
  ])("%j names a report", (h) => expect(namesReport(h)).toBe(true));
  it.each(["一季度目标", "时间", "具体安排", "完成时限"])("%j names no report", (h) =>
    expect(namesReport(h)).toBe(false),
  );
});
