import { classifyProgressHeader, isPercentHeader } from "../../../src/core/progress/header";

describe("classifyProgressHeader", () => {
  it.each([
    "本月进展情况",
    "6月进展情况",
    "1-10月推进情况",
    "进度情况",
    "完成情况",
    "目标完成情况",
    "落实情况",
    "实际完成",
    "办理情况",
    "当前形象进度",
    "在建形象进度",
    "截至10月底",
    "截至10月20日",
    "上半年完成情况",
    "工作进展",
  ])("%s names progress", (header) => {
    expect(classifyProgressHeader(header)).toBe("progress");
  });

  it.each(["形象进度安排", "进度安排", "2022年工作计划", "推进计划", "一季度目标", "工作任务", "全年目标"])(
    "%s names a plan (its head noun)",
    (header) => {
      expect(classifyProgressHeader(header)).toBe("plan");
    },
  );

  it.each(["完成比例(%)", "完成比例（%）", "%", "完成率", "进度(%)", "形象进度(%)", "百分比"])(
    "%s is a percent sub-column",
    (header) => {
      expect(classifyProgressHeader(header)).toBe("percent");
      expect(isPercentHeader(header)).toBe(true);
    },
  );

  it.each(["项目名称", "形象进度", "进度", "责任科室", "实际完成投资", "年度投资完成率", ""])(
    "%j is none of these",
    (header) => {
      expect(classifyProgressHeader(header)).toBeNull();
    },
  );
});
