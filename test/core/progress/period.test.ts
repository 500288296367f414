import {
  monthLabel,
  parseHeaderPeriod,
  periodCode,
  periodMonth,
  shiftMonth,
} from "../../../src/core/progress/period";

/** The period a header names, as the table's year 2023 makes it: PROGRESS.md §1's table, row by row. */
function month(header: string, tableYear = 2023): string | null {
  const period = parseHeaderPeriod(header);
  return period ? periodMonth(period, tableYear) : null;
}

describe("parseHeaderPeriod", () => {
  it.each([
    ["6月进展情况", "2023-06"],
    ["6月份进展", "2023-06"],
    ["2023年6月进展", "2023-06"],
    ["六月进展情况", "2023-06"],
    ["十一月份进展情况", "2023-11"],
    ["2022年12月进展情况", "2022-12"],
  ])("a month: %s → %s", (header, expected) => {
    expect(month(header)).toBe(expected);
  });

  it.each([
    ["1-10月推进情况", "2023-10"],
    ["1—10月", "2023-10"],
    ["1至10月", "2023-10"],
    ["1月-10月推进情况", "2023-10"],
    ["１－１０月推进情况", "2023-10"],
    ["截至10月底", "2023-10"],
    ["截至10月20日", "2023-10"],
    ["截止10月末完成情况", "2023-10"],
  ])("months up to a month: %s → %s", (header, expected) => {
    expect(month(header)).toBe(expected);
  });

  it.each([
    ["上半年完成情况", "2023-06"],
    ["前三季度", "2023-09"],
    ["全年完成情况", "2023-12"],
    ["下半年完成情况", "2023-12"],
    ["2023年度完成情况", "2023-12"],
  ])("halves, quarters and the year: %s → %s", (header, expected) => {
    expect(month(header)).toBe(expected);
  });

  it.each(["本月进展情况", "进展情况", "完成情况", "项目名称", "年度投资", "上月进展"])(
    "%s names no period",
    (header) => {
      expect(parseHeaderPeriod(header)).toBeNull();
    },
  );

  it("refuses impossible months and reversed runs", () => {
    expect(parseHeaderPeriod("13月进展情况")).toBeNull();
    expect(parseHeaderPeriod("10-3月推进情况")).toBeNull();
  });

  it("keeps the year the header writes, else the table's", () => {
    expect(parseHeaderPeriod("2022年6月进展")?.year).toBe(2022);
    expect(parseHeaderPeriod("6月进展")?.year).toBeNull();
    expect(month("6月进展", 2024)).toBe("2024-06");
  });

  it("says where the marker is, for writing a header in the same style", () => {
    expect(parseHeaderPeriod("2023年6月进展情况")).toMatchObject({ marker: "2023年6月", start: 0 });
    expect(parseHeaderPeriod("截至10月20日进展")).toMatchObject({ marker: "截至10月20日", day: 20 });
  });
});

describe("periodCode", () => {
  it.each([
    ["6月进展情况", "M6"],
    ["1-10月推进情况", "M1-10"],
    ["截至10月底", "M1-10"],
    ["第二季度", "Q2"],
    ["一季度目标", "Q1"],
    ["Q3", "Q3"],
    ["前三季度", "Q1-3"],
    ["二至四季度", "Q2-4"],
    ["上半年目标", "H1"],
    ["下半年", "H2"],
    ["全年目标", "Y"],
  ])("%s → %s", (header, code) => {
    const period = parseHeaderPeriod(header);
    expect(period && periodCode(period)).toBe(code);
  });
});

describe("months", () => {
  it("shifts across a year end", () => {
    expect(shiftMonth("2023-12", 1)).toBe("2024-01");
    expect(shiftMonth("2024-01", -1)).toBe("2023-12");
  });

  it("labels a month in the table's year without the year", () => {
    expect(monthLabel("2023-06", 2023)).toEqual({ zh: "6 月", en: "June" });
    expect(monthLabel("2022-12", 2023)).toEqual({ zh: "2022 年 12 月", en: "December 2022" });
  });
});
