import {
  cellText,
  chineseNumber,
  normalizeText,
  splitUnit,
  stripBrackets,
  toHalfWidth,
  unitLine,
  yearsIn,
} from "../../src/core/text";

describe("normalizeText", () => {
  it.each([
    ["建设 年限", "建设年限"],
    ["责任\n领导", "责任领导"],
    ["牵 头 部 门", "牵头部门"],
    ["总投资\u3000（万元）", "总投资(万元)"],
    ["形象进度安排\r\n（需细化到季度）", "形象进度安排(需细化到季度)"],
    ["１２３，４５６：；", "123,456:;"],
    ["〔2023〕48号", "(2023)48号"],
    ["\u200b序号\ufeff", "序号"],
  ])("%j → %j", (input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });

  it("keeps characters that have no half-width twin", () => {
    expect(normalizeText("一、民生保障类")).toBe("一、民生保障类");
    expect(toHalfWidth("“职工”")).toBe('"职工"');
  });
});

describe("cellText", () => {
  it("renders numbers in their shortest decimal form", () => {
    expect(cellText(32.28)).toBe("32.28");
    expect(cellText(2023)).toBe("2023");
    expect(cellText(null)).toBe("");
    expect(cellText(true)).toBe("true");
  });
});

describe("splitUnit", () => {
  it.each([
    ["总投资 (万元)", "总投资", "wan"],
    ["年度投资（万元）", "年度投资", "wan"],
    ["总投资(元)", "总投资", "yuan"],
    ["总投资（亿元）", "总投资", "yi"],
    ["计划总投资（单位：万元）", "计划总投资", "wan"],
    ["总投资万元", "总投资", "wan"],
    ["总投资/万元", "总投资", "wan"],
    ["投资（万）", "投资", "wan"],
  ] as const)("%j → %j in %s", (header, text, unit) => {
    expect(splitUnit(header)).toEqual({ text, unit });
  });

  it("leaves other brackets in place and reports no unit", () => {
    expect(splitUnit("形象进度安排 (需细化到季度)")).toEqual({
      text: "形象进度安排(需细化到季度)",
      unit: null,
    });
    expect(splitUnit("万元")).toEqual({ text: "万元", unit: null });
  });
});

describe("unitLine", () => {
  it("reads a unit line above a table", () => {
    expect(unitLine("单位：万元")).toBe("wan");
    expect(unitLine("（单位：元）")).toBe("yuan");
    expect(unitLine("金额单位:亿元")).toBe("yi");
    expect(unitLine("单位：个")).toBeNull();
    expect(unitLine("新塘街道 2023 年度为民办实事项目责任分解表")).toBeNull();
  });
});

describe("stripBrackets", () => {
  it("drops bracketed notes", () => {
    expect(stripBrackets("形象进度安排(需细化到季度)")).toBe("形象进度安排");
    expect(stripBrackets("社会事务办(卫计)[注]")).toBe("社会事务办");
  });
});

describe("chineseNumber", () => {
  it.each([
    ["一", 1],
    ["二", 2],
    ["两", 2],
    ["四", 4],
    ["九", 9],
    ["十", 10],
    ["十一", 11],
    ["十二", 12],
    ["二十", 20],
    ["二十三", 23],
    ["〇", 0],
    ["7", 7],
    ["１２", 12],
  ] as const)("%s → %d", (text, n) => {
    expect(chineseNumber(text)).toBe(n);
  });

  it.each(["", "二三", "十十", "第一", "a", "一百"])("%j is not a number", (text) => {
    expect(chineseNumber(text)).toBeNull();
  });
});

describe("yearsIn", () => {
  it("finds years 2000–2099 written alone", () => {
    expect(yearsIn("新塘街道 2023 年度为民办实事项目责任分解表")).toEqual([2023]);
    expect(yearsIn("2021-2023")).toEqual([2021, 2023]);
    expect(yearsIn("２０２２年")).toEqual([2022]);
    expect(yearsIn("编号 120235 与 1999 年")).toEqual([]);
  });
});
