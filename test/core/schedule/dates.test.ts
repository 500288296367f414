import {
  beforeMonth,
  beforeQuarter,
  dayOf,
  monthEnd,
  monthsOfRange,
  quarterEnd,
} from "../../../src/core/schedule/dates";
import { isDateFormat, isoToSerial, serialToIso } from "../../../src/core/schedule/serial";
import fc from "fast-check";

describe("due dates", () => {
  it.each([
    [1, "2023-03-31"],
    [2, "2023-06-30"],
    [3, "2023-09-30"],
    [4, "2023-12-31"],
  ])("quarter %i ends on %s", (q, iso) => {
    expect(quarterEnd(2023, q)).toBe(iso);
  });

  it("moves `before` dates to the end of the previous quarter or month, across the year", () => {
    expect(beforeQuarter(2022, 4)).toBe("2022-09-30");
    expect(beforeQuarter(2022, 1)).toBe("2021-12-31");
    expect(beforeMonth(2023, 10)).toBe("2023-09-30");
    expect(beforeMonth(2023, 1)).toBe("2022-12-31");
    expect(beforeMonth(2024, 3)).toBe("2024-02-29");
  });

  it("knows month lengths and leap years", () => {
    expect(monthEnd(2023, 2)).toBe("2023-02-28");
    expect(monthEnd(2024, 2)).toBe("2024-02-29");
    expect(monthEnd(2100, 2)).toBe("2100-02-28");
    expect(dayOf(2024, 2, 29)).toBe("2024-02-29");
    expect(dayOf(2023, 2, 29)).toBeNull();
    expect(dayOf(2023, 4, 31)).toBeNull();
    expect(dayOf(2023, 1, 0)).toBeNull();
  });

  it("lists the months of a range once each, in order", () => {
    expect(monthsOfRange(2023, 4, 2023, 5)).toEqual([4, 5]);
    expect(monthsOfRange(2023, 11, 2024, 2)).toEqual([11, 12, 1, 2]);
    expect(monthsOfRange(2021, 1, 2023, 12)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  });
});

describe("Excel serial dates", () => {
  it.each([
    [1, "1900-01-01"],
    [59, "1900-02-28"],
    [61, "1900-03-01"],
    [45000, "2023-03-15"],
    [45291, "2023-12-31"],
    [45291.99, "2023-12-31"],
    [2958465, "9999-12-31"],
  ])("serial %d is %s", (serial, iso) => {
    expect(serialToIso(serial)).toBe(iso);
    expect(isoToSerial(iso)).toBe(Math.floor(serial));
  });

  it("has no date for serial 60 (Excel's 29 February 1900), nor outside Excel's range", () => {
    for (const serial of [60, 0, -1, 2958466, Number.NaN, Number.POSITIVE_INFINITY])
      expect(serialToIso(serial)).toBeNull();
    for (const iso of ["1899-12-31", "2023-02-30", "2023-1-1", "hello"]) expect(isoToSerial(iso)).toBeNull();
  });

  it("round-trips every serial", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2958465 }).filter((n) => n !== 60),
        (serial) => {
          expect(isoToSerial(serialToIso(serial) as string)).toBe(serial);
        },
      ),
      { numRuns: 300 },
    );
  });

  it.each([
    ["yyyy/m/d", true],
    ["m/d/yyyy", true],
    ['yyyy"年"m"月"d"日"', true],
    ["[$-804]yyyy年m月d日;@", true],
    ["[$-F800]dddd, mmmm dd, yyyy", true],
    ["mmm-yy", true],
    ["d-mmm", true],
    ["General", false],
    ["0.00", false],
    ["#,##0", false],
    ["h:mm", false],
    ["[h]:mm:ss", false],
    ["mm:ss", false],
    ['"月"0', false],
    ["@", false],
    ["", false],
  ])("%s is a date format: %s", (format, expected) => {
    expect(isDateFormat(format)).toBe(expected);
  });
});
