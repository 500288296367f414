import { format } from "date-fns";
import { paneWidthFromQuery, todayFromQuery } from "../../src/preview/query";

describe("todayFromQuery", () => {
  it("takes today when the page names no date", () => {
    expect(todayFromQuery(null)).toEqual({ ok: true, today: undefined });
    expect(todayFromQuery("")).toEqual({ ok: true, today: undefined });
  });

  it("reads a YYYY-MM-DD date as a local day", () => {
    const parsed = todayFromQuery("2023-06-20");
    expect(parsed.ok && parsed.today && format(parsed.today, "yyyy-MM-dd HH:mm")).toBe("2023-06-20 00:00");
  });

  it.each(["2023-02-30", "2023-6-2", "20230620", "明天"])(
    "refuses %s in Chinese, naming the parameter",
    (date) => {
      const parsed = todayFromQuery(date);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok)
        expect(parsed.message).toMatch(new RegExp(`^网址参数 date=“${date}”无效：选项 asOf 无效`, "u"));
    },
  );
});

describe("paneWidthFromQuery", () => {
  it("takes 320, 400 or 500 px and falls back to Excel's narrowest pane", () => {
    expect(paneWidthFromQuery("500")).toBe(500);
    expect(paneWidthFromQuery("400")).toBe(400);
    expect(paneWidthFromQuery(null)).toBe(320);
    expect(paneWidthFromQuery("9999")).toBe(320);
  });
});
