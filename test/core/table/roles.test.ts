import { bareQuarter, matchHeader } from "../../../src/core/table/roles";
import type { Role } from "../../../src/core/types";

describe("matchHeader", () => {
  it.each<[string, Role]>([
    ["序号", "index"],
    ["项目名称", "name"],
    ["工作任务", "name"],
    ["重点工作", "name"],
    ["任务名称", "name"],
    ["主要内容", "content"],
    ["建设内容", "content"],
    ["建设规模及内容", "content"],
    ["项目内容", "content"],
    ["形象进度安排", "schedule"],
    ["形象进度安排 (需细化到季度)", "schedule"],
    ["形象进度安排（需细化到季度，写明每个季度要完成的具体目标和节点）", "schedule"],
    ["项目进度", "schedule"],
    ["进度安排", "schedule"],
    ["完成时限", "schedule"],
    ["计划完成时间", "schedule"],
    ["时间节点", "schedule"],
    ["工作任务安排", "schedule"],
    ["建设年限", "period"],
    ["建设 年限", "period"],
    ["建设起止年限", "period"],
    ["建设期限", "period"],
    ["总投资", "totalInvestment"],
    ["总投资 (万元)", "totalInvestment"],
    ["计划总投资", "totalInvestment"],
    ["年度投资", "annualInvestment"],
    ["年度投资（万元）", "annualInvestment"],
    ["年度计划投资", "annualInvestment"],
    ["当年投资", "annualInvestment"],
    ["2023年计划投资", "annualInvestment"],
    ["2024 年度投资（万元）", "annualInvestment"],
    ["责任领导", "leader"],
    ["责任\n领导", "leader"],
    ["分管领导", "leader"],
    ["牵头领导", "leader"],
    ["挂钩领导", "leader"],
    ["责任科室", "department"],
    ["责任单位", "department"],
    ["牵头单位", "department"],
    ["牵 头 部 门", "department"],
    ["责任人员", "person"],
    ["责任人", "person"],
    ["具体责任人", "person"],
    ["经办人", "person"],
    ["配合单位", "coDepartment"],
    ["协办单位", "coDepartment"],
    ["完成情况", "progress"],
    ["进展情况", "progress"],
    ["推进情况", "progress"],
    ["目标完成情况", "progress"],
    ["落实情况", "progress"],
  ])("%j → %s", (header, role) => {
    expect(matchHeader(header)).toMatchObject({ role, quarter: null });
  });

  it("prefers the most specific spelling", () => {
    expect(matchHeader("工作任务安排").role).toBe("schedule");
    expect(matchHeader("工作任务").role).toBe("name");
    expect(matchHeader("年度投资").role).toBe("annualInvestment");
    expect(matchHeader("总投资").role).toBe("totalInvestment");
    expect(matchHeader("2023年计划投资").role).toBe("annualInvestment");
    expect(matchHeader("计划投资").role).toBe("totalInvestment");
    expect(matchHeader("项目进度").role).toBe("schedule");
    expect(matchHeader("责任单位及责任人").role).toBe("department");
  });

  it("scores an exact spelling above a containing one", () => {
    expect(matchHeader("总投资").score).toBeGreaterThan(matchHeader("项目总投资说明").score);
    expect(matchHeader("项目名称").score).toBeGreaterThan(matchHeader("项目名称及编号").score);
  });

  it.each([
    ["一季度完成情况", 1],
    ["第二季度完成情况", 2],
    ["第三季度 完成情况", 3],
    ["四季度完成情况（√/×）", 4],
    ["第一季度完成情况", 1],
    ["Q2完成情况", 2],
  ] as const)("%j is the completion column of quarter %d", (header, quarter) => {
    expect(matchHeader(header)).toMatchObject({ role: null, quarter });
  });

  it("reads money units", () => {
    expect(matchHeader("总投资 (万元)").unit).toBe("wan");
    expect(matchHeader("总投资（元）").unit).toBe("yuan");
    expect(matchHeader("年度投资(亿元)").unit).toBe("yi");
    expect(matchHeader("总投资").unit).toBeNull();
    expect(matchHeader("投资（万元）")).toEqual({ role: null, quarter: null, unit: "wan", score: 0 });
  });

  it("does not read prose or numbers as headers", () => {
    expect(
      matchHeader("和丰路为沙塘社区主干路,本次道路改造范围为振荣服饰隘门至官口隘门,总投资约600万元").role,
    ).toBeNull();
    expect(matchHeader("2023").role).toBeNull();
    expect(matchHeader("").role).toBeNull();
    expect(matchHeader("备注").role).toBeNull();
  });
});

describe("bareQuarter", () => {
  it.each([
    ["一季度", 1],
    ["第二季度", 2],
    ["三 季 度", 3],
    ["Q4", 4],
  ] as const)("%j → %d", (text, quarter) => {
    expect(bareQuarter(text)).toBe(quarter);
  });

  it("rejects anything else", () => {
    expect(bareQuarter("五季度")).toBeNull();
    expect(bareQuarter("季度")).toBeNull();
    expect(bareQuarter("一季度完成情况")).toBeNull();
  });
});

describe("the product's own columns", () => {
  it.each(["进度状态", "进度状态（截至 2023-06-20）"])(
    "%j (插入状态列) names no role, though it says 进度",
    (header) => expect(matchHeader(header).role).toBeNull(),
  );
});
