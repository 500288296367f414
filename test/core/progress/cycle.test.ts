import { expectedPercent, expectedPeriod } from "../../../src/core/progress/cycle";

describe("expectedPeriod (report due on day 22 by default)", () => {
  it.each([
    ["2023-06-20", 22, "2023-05"],
    ["2023-06-21", 22, "2023-05"],
    ["2023-06-22", 22, "2023-05"],
    ["2023-06-23", 22, "2023-06"],
    ["2023-06-30", 22, "2023-06"],
    ["2024-01-10", 22, "2023-12"],
    ["2024-01-23", 22, "2024-01"],
    ["2023-03-01", 1, "2023-02"],
    ["2023-03-02", 1, "2023-03"],
    ["2023-02-28", 28, "2023-01"],
    ["2023-03-29", 28, "2023-03"],
  ])("on %s with report day %i → %s", (asOf, day, expected) => {
    expect(expectedPeriod(asOf, day)).toBe(expected);
  });
});

describe("expectedPercent (序时进度)", () => {
  it("is the day of the year over the days in the year, one decimal", () => {
    expect(expectedPercent("2023-06-30", 2023)).toBe(49.6);
    expect(expectedPercent("2023-06-26", 2023)).toBe(48.5);
    expect(expectedPercent("2023-01-01", 2023)).toBe(0.3);
    expect(expectedPercent("2023-12-31", 2023)).toBe(100);
    // 2024 has 366 days: 30 June is day 182.
    expect(expectedPercent("2024-06-30", 2024)).toBe(49.7);
  });

  it("is 0 before the table's year and 100 after it", () => {
    expect(expectedPercent("2022-12-31", 2023)).toBe(0);
    expect(expectedPercent("2024-01-01", 2023)).toBe(100);
  });
});
