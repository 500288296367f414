import { displayValue } from "../../src/preview/GridView";

describe("displayValue", () => {
  it("shows a date only for a date format, by the core's rule", () => {
    expect(displayValue(45107, "yyyy-mm-dd")).toBe("2023-06-30");
    // A colour code in brackets is not a date, though "Red" has a d in it.
    expect(displayValue(32.5, "[Red]0.00")).toBe("32.5");
    expect(displayValue(0.5, "h:mm")).toBe("0.5");
  });

  it("counts early serials as Excel does (its 1900-02-29 included)", () => {
    expect(displayValue(1, "yyyy-mm-dd")).toBe("1900-01-01");
    expect(displayValue(59, "yyyy-mm-dd")).toBe("1900-02-28");
    expect(displayValue(61, "yyyy-mm-dd")).toBe("1900-03-01");
    expect(displayValue(60, "yyyy-mm-dd")).toBe("60");
  });
});
