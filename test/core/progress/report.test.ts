import {
  isEmptyReport,
  readPercentCell,
  readPercentText,
  readReport,
} from "../../../src/core/progress/report";

describe("isEmptyReport", () => {
  it.each(["", "  ", "/", "／", "—", "——", "-", "－", "无", " 无 ", null])(
    "%j is nothing reported",
    (value) => {
      expect(isEmptyReport(value)).toBe(true);
    },
  );

  it.each(["正在推进", "无进展", "0", 0, "已完成", "暂无"])("%j is a report", (value) => {
    expect(isEmptyReport(value)).toBe(false);
  });
});

describe("readPercentText", () => {
  it.each([
    ["完成30%", 30],
    ["30%", 30],
    ["完成年度计划的30%", 30],
    ["形象进度达30%", 30],
    ["110%", 110],
    ["完成 45.5 ％", 45.5],
    ["一期完成60%，二期完成30%", 60],
    ["完成投资300万元，占年度计划的30%", 30],
  ])("%s → %d", (text, percent) => {
    expect(readPercentText(text)).toBe(percent);
  });

  it("leaves out a part and other rates", () => {
    expect(readPercentText("完成主体施工40%，其中绿化完成90%")).toBe(40);
    expect(readPercentText("同比增长15%")).toBeNull();
    expect(readPercentText("正在推进")).toBeNull();
  });
});

describe("readPercentCell (a percent sub-column)", () => {
  it("reads numbers 0–100, and 0–1 in a percent-formatted cell", () => {
    expect(readPercentCell(30, "General")).toEqual({ percent: 30 });
    expect(readPercentCell(0.3, "0%")).toEqual({ percent: 30 });
    expect(readPercentCell(0.305, "0.0%")).toEqual({ percent: 30.5 });
    expect(readPercentCell(1, "0%")).toEqual({ percent: 100 });
    expect(readPercentCell(110, null)).toEqual({ percent: 110 });
  });

  it("reads a number typed as text, and keeps other text as text", () => {
    expect(readPercentCell("30", "@")).toEqual({ percent: 30 });
    expect(readPercentCell("30%", "General")).toEqual({ percent: 30 });
    expect(readPercentCell("已完成", "General")).toEqual({ text: "已完成" });
    expect(readPercentCell(-5, "General")).toEqual({ text: "-5" });
    expect(readPercentCell("/", "General")).toBeNull();
  });
});

describe("readReport: done, not started, behind, on schedule", () => {
  it.each(["已完成", "项目已全部完成", "已竣工", "已验收", "完成100%", "110%"])("%s is done", (text) => {
    expect(readReport(text, null).done).toBe(true);
  });

  it("a percent sub-column of 100 is done; 已完成招投标 is not", () => {
    expect(readReport("正在收尾", 100).done).toBe(true);
    expect(readReport("已完成招投标，正在施工", null).done).toBe(false);
  });

  it.each(["未启动", "未开工", "尚未开工", "尚未启动", "未开展", "尚未实施"])("%s is not started", (text) => {
    expect(readReport(`项目${text}`, null).notStarted).not.toBeNull();
  });

  it.each([
    "滞后",
    "进展缓慢",
    "推进缓慢",
    "慢于序时",
    "低于序时",
    "未达序时",
    "未达计划进度",
    "慢序时",
    "欠进度",
  ])("%s is behind", (word) => {
    expect(readReport(`目前${word}，正在协调`, null).behind).toBe(word);
  });

  it.each([
    "按序时",
    "正常推进",
    "顺利推进",
    "有序推进",
    "达到序时",
    "超序时",
    "提前完成",
    "达进度",
    "超进度",
  ])("%s is on schedule", (word) => {
    expect(readReport(`项目${word}`, null).onSchedule).toBe(word);
  });

  it.each(["未滞后", "无滞后", "不滞后", "无明显滞后", "没有出现滞后", "不存在滞后"])(
    "a negated word is not that word: %s",
    (text) => {
      expect(readReport(`进度${text}`, null).behind).toBeNull();
    },
  );

  it("a negated on-schedule word is not on schedule, and 未按序时 is behind", () => {
    const reading = readReport("未按序时推进", null);
    expect(reading.onSchedule).toBeNull();
    expect(reading.behind).toBe("未按序时");
  });

  it("the percent sub-column wins over the text's percent", () => {
    expect(readReport("完成30%", 45).percent).toBe(45);
    expect(readReport("完成30%", null).percent).toBe(30);
  });
});
