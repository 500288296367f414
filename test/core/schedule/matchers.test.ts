import { normalize } from "../../../src/core/schedule/chars";
import { matchMonth, matchPeriod, matchRelativeYear, matchYear } from "../../../src/core/schedule/date";
import { matchEnumerator } from "../../../src/core/schedule/enumerator";
import { matchQuarter } from "../../../src/core/schedule/quarter";

/** Matchers work on normalised text, as the scanner hands it to them. */
const at = <T>(match: (s: string, i: number) => T, text: string, i = 0): T => match(normalize(text), i);

describe("matchQuarter", () => {
  it.each([
    ["第一季度：", [1], 4],
    ["一季度", [1], 3],
    ["Q3完成", [3], 2],
    ["Q1-Q3", [1, 2, 3], 5],
    ["Q1季度", [1], 4],
    ["第二、第三季度", [2, 3], 7],
    ["第二三季度", [2, 3], 5],
    ["第三季度和第四季度", [3, 4], 9],
    ["二至四季度", [2, 3, 4], 5],
    ["2 - 4 季度", [2, 3, 4], 8],
    ["前三季度", [1, 2, 3], 4],
    ["前 2 个季度", [1, 2], 7],
    ["第五季度", [5], 4],
  ])("%s → %j ending at %i", (text, quarters, end) => {
    expect(at(matchQuarter, text)).toMatchObject({ kind: "quarter", quarters, start: 0, end, before: false });
  });

  it("takes a trailing 前 into the marker", () => {
    expect(at(matchQuarter, "第四季度 前完成")).toMatchObject({ quarters: [4], before: true, end: 6 });
  });

  it("refuses near-misses", () => {
    for (const text of ["季度", "第一批", "四季常青", "12季度", "Q12", "FAQ1"]) {
      expect(at(matchQuarter, text)).toBeNull();
    }
    expect(at(matchQuarter, "每一季度", 1)).toBeNull();
    expect(at(matchQuarter, "下一季度", 1)).toBeNull();
    expect(at(matchQuarter, "2023季度", 3)).toBeNull();
  });

  it("stops a group where quarters go backwards", () => {
    expect(at(matchQuarter, "第三季度和第一季度")).toMatchObject({ quarters: [3], end: 4 });
    expect(at(matchQuarter, "二、一季度")).toBeNull();
  });
});

describe("matchMonth", () => {
  it.each([
    ["6月", 6, { type: "end" }, false, 2],
    ["6月份", 6, { type: "end" }, false, 3],
    ["10 月份前", 10, { type: "end" }, true, 6],
    ["3月初", 3, { type: "fixed", day: 10 }, false, 3],
    ["3月上旬", 3, { type: "fixed", day: 10 }, false, 4],
    ["3月中旬", 3, { type: "fixed", day: 20 }, false, 4],
    ["3月上中旬", 3, { type: "fixed", day: 20 }, false, 5],
    ["3月下旬", 3, { type: "end" }, false, 4],
    ["3月中下旬", 3, { type: "end" }, false, 5],
    ["6月底前", 6, { type: "end" }, false, 4],
    ["6月30日前", 6, { type: "day", day: 30 }, false, 6],
    ["6月 30 号", 6, { type: "day", day: 30 }, false, 7],
    ["十二月", 12, { type: "end" }, false, 3],
    ["元月", 1, { type: "end" }, false, 2],
    ["二月三十日", 2, { type: "day", day: 30 }, false, 5],
    ["13月", 13, { type: "end" }, false, 3],
  ])("%s", (text, month, day, before, end) => {
    expect(at(matchMonth, text)).toMatchObject({
      kind: "date",
      month,
      day,
      before,
      end,
      fromMonth: null,
      year: null,
    });
  });

  it("reads a month range written with one 月", () => {
    expect(at(matchMonth, "4-5月")).toMatchObject({ fromMonth: 4, month: 5, end: 4 });
    expect(at(matchMonth, "4～5月份")).toMatchObject({ fromMonth: 4, month: 5, end: 5 });
    expect(at(matchMonth, "四至五月")).toMatchObject({ fromMonth: 4, month: 5, end: 4 });
  });

  it("keeps 初步 a word", () => {
    expect(at(matchMonth, "3月初步")).toMatchObject({ day: { type: "end" }, end: 2 });
  });

  it("refuses near-misses", () => {
    for (const text of ["3个月", "月", "123月", "22 日"]) expect(at(matchMonth, text)).toBeNull();
    expect(at(matchMonth, "统一月报", 1)).toBeNull();
    expect(at(matchMonth, "第一月", 1)).toBeNull();
    expect(at(matchMonth, "2023月", 2)).toBeNull();
  });
});

describe("matchYear", () => {
  it("reads a year with 年 (and 度) as a year token", () => {
    expect(at(matchYear, "2022年新塘")).toEqual({ kind: "year", year: 2022, start: 0, end: 5 });
    expect(at(matchYear, "2022 年 1 月")).toEqual({ kind: "year", year: 2022, start: 0, end: 6 });
    expect(at(matchYear, "2023年度")).toEqual({ kind: "year", year: 2023, start: 0, end: 6 });
  });

  it("leaves 年底, 年末 and 年内 to the period matcher", () => {
    expect(at(matchYear, "2022年底")).toEqual({ kind: "year", year: 2022, start: 0, end: 4 });
    expect(at(matchYear, "2022 年内")).toEqual({ kind: "year", year: 2022, start: 0, end: 5 });
  });

  it.each([
    ["2021.8", 8, { type: "end" }, 6],
    ["2021.12完成", 12, { type: "end" }, 7],
    ["2021-08", 8, { type: "end" }, 7],
    ["2021/8/15日", 8, { type: "day", day: 15 }, 10],
    ["2021.8月", 8, { type: "end" }, 7],
  ])("reads %s as a dated year-month", (text, month, day, end) => {
    expect(at(matchYear, text)).toMatchObject({ kind: "date", year: 2021, month, day, end });
  });

  it("keeps an impossible month for the impossible-date report", () => {
    expect(at(matchYear, "2021.13")).toMatchObject({ kind: "date", year: 2021, month: 13 });
  });

  it("refuses numbers that are not years or year-months", () => {
    for (const text of ["2.5", "1999年", "2021-2023", "20211", "2021.8.5.3"]) {
      expect(at(matchYear, text)).toBeNull();
    }
  });
});

describe("matchRelativeYear", () => {
  it.each([
    ["次年3月", 1, 2],
    ["明年", 1, 2],
    ["今年底", 0, 1],
    ["本年度", 0, 3],
    ["去年", -1, 2],
  ])("%s → %i", (text, offset, end) => {
    expect(at(matchRelativeYear, text)).toEqual({ kind: "relativeYear", offset, start: 0, end });
  });

  it("needs 年 right after", () => {
    expect(at(matchRelativeYear, "次月")).toBeNull();
    expect(at(matchRelativeYear, "上半年")).toBeNull();
  });
});

describe("matchPeriod", () => {
  it.each([
    ["上半年", "firstHalf", 3],
    ["下半年度", "secondHalf", 4],
    ["年底前", "yearEnd", 3],
    ["年末", "yearEnd", 2],
    ["年内", "withinYear", 2],
  ])("%s → %s", (text, period, end) => {
    expect(at(matchPeriod, text)).toMatchObject({ kind: "period", period, end });
  });

  it("does not read 全年 or 年度", () => {
    expect(at(matchPeriod, "全年")).toBeNull();
    expect(at(matchPeriod, "全年", 1)).toBeNull();
    expect(at(matchPeriod, "年度")).toBeNull();
  });
});

describe("matchEnumerator", () => {
  it.each([
    ["1.完成", 2],
    ["2、完成", 2],
    ["3)完成", 2],
    ["（三）完成", 3],
    ["( 12 )完成", 6],
    ["①完成", 1],
    ["⑴完成", 1],
    ["⒈完成", 1],
    ["一、完成", 2],
    ["1.4月底前", 2],
    ["1.2021年8月", 2],
    ["1.2季度", 2],
  ])("%s ends at %i", (text, end) => {
    expect(at(matchEnumerator, text)).toEqual({ kind: "enumerator", start: 0, end });
  });

  it("does not read decimals, years or words as enumerators", () => {
    for (const text of ["2.5公里", "1.10个村", "2021.8", "123.完成", "一二三"]) {
      expect(at(matchEnumerator, text)).toBeNull();
    }
    expect(at(matchEnumerator, "统一、规范", 1)).toBeNull();
    expect(at(matchEnumerator, "v1.完成", 1)).toBeNull();
    expect(at(matchEnumerator, "：一、完成", 1)).toEqual({ kind: "enumerator", start: 1, end: 3 });
  });
});
