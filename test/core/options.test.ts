import {
  BEHIND_TOLERANCE_EXPECTED,
  DEFAULT_BEHIND_TOLERANCE,
  DEFAULT_REPORT_DAY,
  REPORT_DAY_EXPECTED,
  resolveOptions,
} from "../../src/core/options";

describe("resolveOptions: the monthly cycle's options", () => {
  it("defaults to report day 22 and a tolerance of 10 points", () => {
    const resolved = resolveOptions({ asOf: "2023-06-26" });
    expect(resolved).toEqual({
      ok: true,
      options: expect.objectContaining({
        reportDay: DEFAULT_REPORT_DAY,
        behindTolerance: DEFAULT_BEHIND_TOLERANCE,
      }),
    });
    expect([DEFAULT_REPORT_DAY, DEFAULT_BEHIND_TOLERANCE]).toEqual([22, 10]);
  });

  it.each([1, 15, 28])("takes report day %i", (reportDay) => {
    expect(resolveOptions({ reportDay })).toMatchObject({ ok: true, options: { reportDay } });
  });

  it.each([0, 29, 31, 22.5, -1])("refuses report day %d in Chinese", (reportDay) => {
    expect(resolveOptions({ reportDay })).toEqual({
      ok: false,
      message: `选项 reportDay 无效：${REPORT_DAY_EXPECTED}`,
    });
  });

  it.each([0, 5, 12.5, 100])("takes a tolerance of %d points", (behindTolerance) => {
    expect(resolveOptions({ behindTolerance })).toMatchObject({ ok: true, options: { behindTolerance } });
  });

  it.each([-1, 100.5, Number.NaN, Number.POSITIVE_INFINITY, "10"])(
    "refuses a tolerance of %j",
    (behindTolerance) => {
      expect(resolveOptions({ behindTolerance })).toEqual({
        ok: false,
        message: `选项 behindTolerance 无效：${BEHIND_TOLERANCE_EXPECTED}`,
      });
    },
  );
});
