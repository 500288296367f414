import { format } from "date-fns";
import {
  AS_OF_EXPECTED,
  parseAsOf,
  parseCellRef,
  parseDueSoonDays,
  parseInvestKind,
  sheetName,
} from "../../../src/core/formulas/args";

const TODAY = new Date(2023, 5, 20, 15, 30);

describe("parseAsOf", () => {
  it.each([
    ["2023-06-30", "2023-06-30"],
    ["2023/6/30", "2023-06-30"],
    ["2023.6.30", "2023-06-30"],
    ["2023年6月30日", "2023-06-30"],
    ["2023 年 6 月 30 日", "2023-06-30"],
    ["２０２３年６月３０日", "2023-06-30"],
    ["2023年6月30号", "2023-06-30"],
    ["June 30, 2023", "2023-06-30"],
    ["30 Jun 2023", "2023-06-30"],
    ["20230630", "2023-06-30"],
  ])("reads the written date %s", (text, iso) => {
    expect(parseAsOf(text, TODAY)).toEqual({ ok: true, value: iso });
  });

  it("reads Excel date serials, ignoring the time of day", () => {
    // 45107 is 2023-06-30 in Excel's 1900 date system; 45107.75 is 6 pm that day.
    expect(parseAsOf(45107, TODAY)).toEqual({ ok: true, value: "2023-06-30" });
    expect(parseAsOf(45107.75, TODAY)).toEqual({ ok: true, value: "2023-06-30" });
  });

  it.each([null, undefined, ""])("takes today for %p", (value) => {
    expect(parseAsOf(value, TODAY)).toEqual({ ok: true, value: format(TODAY, "yyyy-MM-dd") });
  });

  it.each(["2023-02-30", "2023年13月1日", "明天", "23-6-30", "6/30"])(
    "refuses %s with #VALUE! and the expected forms",
    (text) => {
      const parsed = parseAsOf(text, TODAY);
      expect(parsed.ok).toBe(false);
      if (parsed.ok) return;
      expect(parsed.code).toBe("invalidValue");
      expect(parsed.message).toContain(AS_OF_EXPECTED);
      expect(parsed.message).toContain(text);
    },
  );

  it.each([0, -5, 3e6, Number.NaN, true])("refuses the value %p", (value) => {
    expect(parseAsOf(value, TODAY)).toMatchObject({ ok: false, code: "invalidValue" });
  });
});

describe("Excel serials", () => {
  it("reads a serial date with Excel's 1900 rule, early serials included", () => {
    expect(parseAsOf(45107, TODAY)).toEqual({ ok: true, value: "2023-06-30" });
    expect(parseAsOf(45107.75, TODAY)).toEqual({ ok: true, value: "2023-06-30" });
    expect(parseAsOf(61, TODAY)).toEqual({ ok: true, value: "1900-03-01" });
    // Before Excel's phantom 29 February 1900 a plain day count from 1899-12-30 is a day early.
    expect(parseAsOf(1, TODAY)).toEqual({ ok: true, value: "1900-01-01" });
    expect(parseAsOf(59, TODAY)).toEqual({ ok: true, value: "1900-02-28" });
  });

  it("refuses serial 60, the 1900-02-29 that never was", () => {
    expect(parseAsOf(60, TODAY)).toMatchObject({ ok: false, code: "invalidValue" });
  });
});

describe("sheetName", () => {
  it("reads plain, quoted and book-prefixed sheet names alike", () => {
    expect(sheetName("Sheet1")).toBe("Sheet1");
    expect(sheetName("'My ''big'' sheet'")).toBe("My 'big' sheet");
    expect(sheetName("[Book1.xlsx]Sheet1")).toBe("Sheet1");
    expect(sheetName("'[Book1.xlsx]2023 实事'")).toBe("2023 实事");
  });
});

describe("parseCellRef", () => {
  it("reads the sheet and the cell of a parameter address", () => {
    expect(parseCellRef("Sheet1!A5")).toEqual({
      ok: true,
      value: { sheet: "Sheet1", row: 4, col: 0, address: "A5" },
    });
  });

  it("unquotes sheet names and drops a workbook prefix", () => {
    expect(parseCellRef("'Tom''s 表'!$B$7")).toMatchObject({
      ok: true,
      value: { sheet: "Tom's 表", row: 6, col: 1 },
    });
    expect(parseCellRef("[Book1.xlsx]责任分解表!C9")).toMatchObject({
      ok: true,
      value: { sheet: "责任分解表", row: 8, col: 2 },
    });
  });

  it("takes the top-left cell of a range", () => {
    expect(parseCellRef("Sheet1!C5:J6")).toMatchObject({
      ok: true,
      value: { row: 4, col: 2, address: "C5" },
    });
  });

  it("takes a default sheet only when given one (the calling cell's, where the host knows it)", () => {
    expect(parseCellRef("D3", "表2")).toMatchObject({ ok: true, value: { sheet: "表2", row: 2, col: 3 } });
    expect(parseCellRef("D3")).toMatchObject({ ok: false, code: "invalidValue" });
  });

  it.each([undefined, "", "Sheet1!", "Sheet1!5A", 42])("refuses %p", (address) => {
    const parsed = parseCellRef(address, "Sheet1");
    expect(parsed).toMatchObject({ ok: false, code: "invalidValue" });
  });
});

describe("parseInvestKind", () => {
  it.each([
    ["年度", "annual"],
    ["年度投资", "annual"],
    [" Annual ", "annual"],
    ["总", "total"],
    ["总投资", "total"],
    ["TOTAL", "total"],
    ["占比", "share"],
    ["share", "share"],
  ])("reads %s", (word, kind) => {
    expect(parseInvestKind(word)).toEqual({ ok: true, value: kind });
  });

  it.each(["合计", "", 3, null])("refuses %p with #VALUE!", (word) => {
    const parsed = parseInvestKind(word);
    expect(parsed).toMatchObject({ ok: false, code: "invalidValue" });
    if (!parsed.ok) expect(parsed.message).toContain("年度、总 或 占比");
  });
});

describe("parseDueSoonDays", () => {
  it("omitted is the default window; whole days from 0 to 366 are taken", () => {
    expect(parseDueSoonDays(null)).toEqual({ ok: true, value: undefined });
    expect(parseDueSoonDays("")).toEqual({ ok: true, value: undefined });
    expect(parseDueSoonDays(0)).toEqual({ ok: true, value: 0 });
    expect(parseDueSoonDays(30)).toEqual({ ok: true, value: 30 });
  });

  it.each([-1, 367, 2.5, "30", true])("refuses %p with the window it expects", (value) => {
    const parsed = parseDueSoonDays(value);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok)
      expect(parsed).toMatchObject({ code: "invalidValue", message: expect.stringContaining("0 到 366") });
  });
});
