import { parsePaneSettings, settingsDate, withRememberedOptions } from "../../src/core/pane-settings";

describe("pane settings read back from a workbook", () => {
  it("keeps every valid field, from JSON text or an object", () => {
    const stored = { dueSoonDays: 30, groupBy: "department", sort: "table", dateMode: "lastMonthEnd" };
    expect(parsePaneSettings(JSON.stringify(stored))).toEqual(stored);
    expect(parsePaneSettings({ dateMode: "fixed", fixedDate: "2023-06-20" })).toEqual({
      dateMode: "fixed",
      fixedDate: "2023-06-20",
    });
  });

  it("drops only the fields that are damaged, and anything unreadable becomes no settings", () => {
    expect(
      parsePaneSettings({ dueSoonDays: 999, groupBy: "boss", sort: "table", fixedDate: "2023-02-30", x: 1 }),
    ).toEqual({ sort: "table" });
    expect(parsePaneSettings("{not json")).toEqual({});
    expect(parsePaneSettings(null)).toEqual({});
    expect(parsePaneSettings([1, 2])).toEqual({});
    expect(parsePaneSettings('"text"')).toEqual({});
  });

  it("remembers the monthly cycle's report day and behind tolerance, each checked like the CLI's flags", () => {
    expect(parsePaneSettings({ reportDay: 20, behindTolerance: 5 })).toEqual({
      reportDay: 20,
      behindTolerance: 5,
    });
    expect(parsePaneSettings({ reportDay: 29, behindTolerance: -1, sort: "table" })).toEqual({
      sort: "table",
    });
    expect(parsePaneSettings({ reportDay: 2.5, behindTolerance: "10" })).toEqual({});
  });

  it("keeps the 督办提醒 reply date and grouping, and drops them when damaged", () => {
    expect(parsePaneSettings({ replyBy: "2023-06-30", remindBy: "leader" })).toEqual({
      replyBy: "2023-06-30",
      remindBy: "leader",
    });
    expect(parsePaneSettings({ replyBy: "6月30日", remindBy: "none", sort: "table" })).toEqual({
      sort: "table",
    });
  });

  it("gives the reference date of the remembered mode on the day the pane opens", () => {
    const today = new Date(2023, 6, 5);
    expect(settingsDate({}, today)).toBe("2023-07-05");
    expect(settingsDate({ dateMode: "lastMonthEnd" }, today)).toBe("2023-06-30");
    expect(settingsDate({ dateMode: "quarterEnd" }, today)).toBe("2023-09-30");
    expect(settingsDate({ dateMode: "fixed", fixedDate: "2023-06-20" }, today)).toBe("2023-06-20");
    expect(settingsDate({ dateMode: "fixed" }, today)).toBe("2023-07-05");
  });
});

describe("withRememberedOptions", () => {
  it("fills only what the request leaves out, and keeps the request's own date", () => {
    const remembered = { dueSoonDays: 30, reportDay: 15, behindTolerance: 5, groupBy: "leader" } as const;
    expect(withRememberedOptions({ asOf: "2023-06-20" }, remembered)).toEqual({
      asOf: "2023-06-20",
      dueSoonDays: 30,
      reportDay: 15,
      behindTolerance: 5,
    });
    expect(withRememberedOptions({ asOf: "2023-06-20", dueSoonDays: 7, reportDay: 22 }, remembered)).toEqual({
      asOf: "2023-06-20",
      dueSoonDays: 7,
      reportDay: 22,
      behindTolerance: 5,
    });
    expect(withRememberedOptions({ asOf: "2023-06-20" }, {})).toEqual({ asOf: "2023-06-20" });
  });
});
