import { quickDate, writtenDateToIso } from "../../src/core/dates";

describe("quick dates", () => {
  const JUNE_20 = new Date(2023, 5, 20, 15, 30);

  it("today, the end of last month, of this month and of this quarter", () => {
    expect(quickDate("today", JUNE_20)).toBe("2023-06-20");
    expect(quickDate("lastMonthEnd", JUNE_20)).toBe("2023-05-31");
    expect(quickDate("monthEnd", JUNE_20)).toBe("2023-06-30");
    expect(quickDate("quarterEnd", JUNE_20)).toBe("2023-06-30");
  });

  it("crosses years and leap days", () => {
    const jan = new Date(2024, 0, 5);
    expect(quickDate("lastMonthEnd", jan)).toBe("2023-12-31");
    expect(quickDate("quarterEnd", jan)).toBe("2024-03-31");
    expect(quickDate("lastMonthEnd", new Date(2024, 2, 1))).toBe("2024-02-29");
  });
});

describe("written dates", () => {
  it.each([
    ["2023-6-20", "2023-06-20"],
    ["2023/06/20", "2023-06-20"],
    ["2023年6月20日", "2023-06-20"],
    ["20230620", "2023-06-20"],
    [" 2023-06-20 ", "2023-06-20"],
  ])("%s is %s", (text, iso) => expect(writtenDateToIso(text)).toBe(iso));

  it.each(["", "2023-02-30", "6/20/2023", "昨天"])("%p is not a date", (text) =>
    expect(writtenDateToIso(text)).toBeNull(),
  );
});
