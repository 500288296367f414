import {
  normalize,
  readBefore,
  readCnNumber,
  readDigits,
  readNumber,
  skipSpaces,
  trimClause,
} from "../../../src/core/schedule/chars";

describe("normalize", () => {
  it("makes full-width ASCII half-width and every space a plain space, keeping the length", () => {
    const text = "Ｑ１：１０　月\t份～（三）\u00a0";
    const out = normalize(text);
    expect(out).toBe("Q1:10 月 份~(三) ");
    expect(out.length).toBe(text.length);
  });

  it("leaves Chinese text and astral characters as they are", () => {
    expect(normalize("第一季度😀")).toBe("第一季度😀");
  });
});

describe("numbers", () => {
  it.each([
    ["一", 1, 1],
    ["十", 10, 1],
    ["十二", 12, 2],
    ["二十", 20, 2],
    ["三十一", 31, 3],
    ["两", 2, 1],
  ])("reads %s as %i", (text, value, length) => {
    expect(readCnNumber(`${text}月`, 0)).toEqual({ value, end: length });
  });

  it("refuses what is not a Chinese numeral", () => {
    expect(readCnNumber("月", 0)).toBeNull();
    expect(readCnNumber("零", 0)).toBeNull();
  });

  it("reads digit runs up to a length and refuses longer ones", () => {
    expect(readDigits("12月", 0, 2)).toEqual({ value: 12, length: 2, end: 2 });
    expect(readDigits("123月", 0, 2)).toBeNull();
    expect(readDigits("月", 0, 2)).toBeNull();
    expect(readNumber("十二月", 0, 2)).toEqual({ value: 12, end: 2, digits: false });
    expect(readNumber("07日", 0, 2)).toEqual({ value: 7, end: 2, digits: true });
  });

  it("skips at most three spaces", () => {
    expect(skipSpaces("a   b", 1)).toBe(4);
    expect(skipSpaces("a      b", 1)).toBe(4);
    expect(skipSpaces("ab", 1)).toBe(1);
  });
});

describe("clause trimming", () => {
  it("removes separators and spaces at both ends only", () => {
    expect(trimClause(" :：,，;；。、 宣传，发动；\u3000")).toBe("宣传，发动");
    expect(trimClause("（合同截止 8 月份）园坂村。")).toBe("（合同截止 8 月份）园坂村");
    expect(trimClause("；；")).toBe("");
  });
});

describe("trailing 前", () => {
  it("reads 前, 以前, 之前 (with spaces) and returns the index after it", () => {
    expect(readBefore("前完成", 0)).toBe(1);
    expect(readBefore(" 以前完成", 0)).toBe(3);
    expect(readBefore("之前", 0)).toBe(2);
  });

  it("leaves words that start with 前 alone", () => {
    expect(readBefore("前期准备", 0)).toBeNull();
    expect(readBefore("前往现场", 0)).toBeNull();
    expect(readBefore("完成", 0)).toBeNull();
  });
});
