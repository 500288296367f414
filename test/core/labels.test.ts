import { periodLabel, periodLabelEn } from "../../src/core/labels";
import type { ParsedMilestone } from "../../src/core/types";

const m = (over: Partial<ParsedMilestone>): ParsedMilestone => ({
  quarters: null,
  months: null,
  due: "2023-06-30",
  before: false,
  text: "",
  marker: "",
  start: 0,
  ...over,
});

describe("periodLabel", () => {
  it.each<[Partial<ParsedMilestone>, string, string]>([
    [{ quarters: [2] }, "第二季度", "Q2"],
    [{ quarters: [1, 2] }, "第一、二季度", "Q1+Q2"],
    [{ quarters: [2, 3, 4], due: "2023-12-31" }, "第二至四季度", "Q2+Q3+Q4"],
    [{ quarters: [4], before: true, due: "2023-09-30" }, "第四季度前", "before Q4"],
    [{ months: [6] }, "6月", "Jun"],
    [{ months: [4, 5], due: "2023-05-31" }, "4至5月", "Apr–May"],
    [{ due: "2023-03-10" }, "3月10日", "10 Mar"],
  ])("%j", (over, zh, en) => {
    expect(periodLabel(m(over))).toBe(zh);
    expect(periodLabelEn(m(over))).toBe(en);
  });
});
