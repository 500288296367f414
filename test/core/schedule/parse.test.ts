import {
  countDateExpressions,
  parseScheduleCell,
  parseScheduleText,
  MAX_SCHEDULE_LENGTH,
} from "../../../src/core/schedule";

const ctx = { defaultYear: 2023 };

/** Compact view of the milestones of a text: what the user would check by eye. */
function read(text: string, defaultYear = 2023) {
  return parseScheduleText(text, { defaultYear }).milestones.map((m) => ({
    q: m.quarters,
    m: m.months,
    due: m.due,
    before: m.before,
    text: m.text,
    marker: m.marker,
  }));
}

function dues(text: string, defaultYear = 2023): string[] {
  return parseScheduleText(text, { defaultYear }).milestones.map((m) => m.due);
}

function codes(text: string): string[] {
  return parseScheduleText(text, ctx).diagnostics.map((d) => d.code);
}

describe("quarter markers", () => {
  it.each([
    ["第一季度：宣传", [1], "2023-03-31"],
    ["一季度：宣传", [1], "2023-03-31"],
    ["1季度宣传", [1], "2023-03-31"],
    ["３季度宣传", [3], "2023-09-30"],
    ["Q1宣传", [1], "2023-03-31"],
    ["q2 宣传", [2], "2023-06-30"],
    ["Ｑ４宣传", [4], "2023-12-31"],
    ["第一、二季度：宣传", [1, 2], "2023-06-30"],
    ["第二、第三季度：宣传", [2, 3], "2023-09-30"],
    ["第二三季度让村级核对", [2, 3], "2023-09-30"],
    ["第三季度和第四季度进入质保期", [3, 4], "2023-12-31"],
    ["第三季度及第四季度进入质保期", [3, 4], "2023-12-31"],
    ["第一季度与第二季度宣传", [1, 2], "2023-06-30"],
    ["第一季度、第二季度宣传", [1, 2], "2023-06-30"],
    ["第三和第四季度宣传", [3, 4], "2023-12-31"],
    ["二至四季度：施工", [2, 3, 4], "2023-12-31"],
    ["2-4季度：施工", [2, 3, 4], "2023-12-31"],
    ["第二至第四季度：施工", [2, 3, 4], "2023-12-31"],
    ["第一季度至第三季度：施工", [1, 2, 3], "2023-09-30"],
    ["前三季度完成主体", [1, 2, 3], "2023-09-30"],
    ["前两季度完成主体", [1, 2], "2023-06-30"],
    ["Q1-Q3：施工", [1, 2, 3], "2023-09-30"],
    ["第一、二、三、四季度：持续推进", [1, 2, 3, 4], "2023-12-31"],
  ])("%s → %j due %s", (text, quarters, due) => {
    const [m] = read(text);
    expect(m?.q).toEqual(quarters);
    expect(m?.due).toBe(due);
    expect(m?.before).toBe(false);
    expect(m?.m).toBeNull();
  });

  it("reads `第四季度前` as due at the end of the third quarter, and `第一季度前` as 31 December of the year before", () => {
    expect(read("第四季度前完成修缮")[0]).toMatchObject({
      q: [4],
      due: "2023-09-30",
      before: true,
      text: "完成修缮",
    });
    expect(read("第一季度前完成招标")[0]).toMatchObject({ q: [1], due: "2022-12-31", before: true });
    expect(read("第二、三季度之前完成")[0]).toMatchObject({ q: [2, 3], due: "2023-03-31", before: true });
  });

  it("takes `末`, `底`, `内` after a quarter into its marker, with the same deadline", () => {
    expect(read("第一季度末完成设计")[0]).toMatchObject({
      marker: "第一季度末",
      due: "2023-03-31",
      text: "完成设计",
    });
    expect(read("第四季度底前完成")[0]).toMatchObject({
      marker: "第四季度底前",
      due: "2023-12-31",
      before: false,
    });
    expect(read("第二季度内完成")[0]).toMatchObject({ marker: "第二季度内", text: "完成" });
    expect(read("第二季度内容：招标")[0]).toMatchObject({ marker: "第二季度", text: "内容：招标" });
  });

  it("keeps `前期` a word: `第一季度前期准备` is the first quarter, not before it", () => {
    expect(read("第一季度前期准备")[0]).toMatchObject({
      q: [1],
      due: "2023-03-31",
      before: false,
      text: "前期准备",
    });
  });

  it("does not read `每一季度`, `下一季度`, `四季常青` or `12季度` as markers", () => {
    for (const text of ["每一季度召开会议", "下一季度继续推进", "四季常青", "完成12季度数据"]) {
      expect(read(text)).toEqual([]);
    }
  });

  it("does not join quarters that go backwards: `二、第一季度` is an enumerator and quarter 1", () => {
    expect(read("二、第一季度：完成")).toEqual([
      expect.objectContaining({ q: [1], due: "2023-03-31", text: "完成", marker: "第一季度" }),
    ]);
  });
});

describe("clauses when quarters govern", () => {
  it("cuts at quarter markers and keeps months inside their clause, without diagnostics", () => {
    const parse = parseScheduleText("第三季度：8月招标；第四季度：10 月份开工，12月底完工。", ctx);
    expect(parse.milestones.map((m) => [m.quarters, m.due, m.text])).toEqual([
      [[3], "2023-09-30", "8月招标"],
      [[4], "2023-12-31", "10 月份开工，12月底完工"],
    ]);
    expect(parse.diagnostics).toEqual([]);
  });

  it("cuts at 上半年/下半年/年底/年末 as well, and gives them their periods", () => {
    expect(read("第一季度：设计；下半年：施工")).toEqual([
      expect.objectContaining({ q: [1], due: "2023-03-31", text: "设计" }),
      expect.objectContaining({ q: [3, 4], m: null, due: "2023-12-31", text: "施工" }),
    ]);
    expect(read("上半年：设计；第三季度：施工；年末：验收").map((m) => [m.q, m.m, m.due])).toEqual([
      [[1, 2], null, "2023-06-30"],
      [[3], null, "2023-09-30"],
      [null, [12], "2023-12-31"],
    ]);
  });

  it("keeps `年底` inside a quarter clause that it directly follows", () => {
    expect(read("第四季度：年底前完成验收")).toEqual([
      expect.objectContaining({ q: [4], due: "2023-12-31", text: "年底前完成验收" }),
    ]);
  });

  it("keeps the text before the first marker as the preamble", () => {
    const parse = parseScheduleText("为确保进度，分步推进：第一季度：设计；第二季度：施工", ctx);
    expect(parse.preamble).toBe("为确保进度，分步推进");
    expect(parse.milestones.map((m) => m.text)).toEqual(["设计", "施工"]);
  });

  it("does not carry an enumerator into the clause before it, nor into the preamble", () => {
    const parse = parseScheduleText("（一）第一季度：设计；（二）第二季度：施工。(3)第三季度：验收", ctx);
    expect(parse.milestones.map((m) => m.text)).toEqual(["设计", "施工", "验收"]);
    expect(parse.preamble).toBe("");
  });

  it("trims only separators and spaces: brackets stay", () => {
    expect(read("第一、二、三季度（合同截止 8 月份）园坂村；")[0]?.text).toBe("（合同截止 8 月份）园坂村");
    expect(read("第一季度：: ，；。、 宣传 ；")[0]?.text).toBe("宣传");
  });

  it("keeps every clause, even overlapping or repeated quarters, in source order", () => {
    expect(read("第一、二、三季度A。第一季度B，第二、三、四季度C").map((m) => m.q)).toEqual([
      [1, 2, 3],
      [1],
      [2, 3, 4],
    ]);
  });
});

describe("coarse periods without quarters", () => {
  it.each([
    ["上半年完成设计", "2023-06-30", [1, 2], null],
    ["下半年完成施工", "2023-12-31", [3, 4], null],
    ["年底完成验收", "2023-12-31", null, [12]],
    ["年末完成验收", "2023-12-31", null, [12]],
    ["年内完成验收", "2023-12-31", null, [12]],
    ["年底前完成验收", "2023-12-31", null, [12]],
  ])("%s → %s", (text, due, quarters, months) => {
    expect(read(text)).toEqual([expect.objectContaining({ due, q: quarters, m: months, before: false })]);
  });

  it("does not read `全年` as a period: `制定全年计划` alone is unscheduled", () => {
    expect(read("制定全年计划")).toEqual([]);
    expect(codes("制定全年计划")).toEqual(["schedule.unscheduled"]);
  });
});

describe("months and dates", () => {
  it.each([
    ["6月完成", "2023-06-30", [6], false],
    ["6月份完成", "2023-06-30", [6], false],
    ["6月底完成", "2023-06-30", [6], false],
    ["6月末完成", "2023-06-30", [6], false],
    ["3月初启动", "2023-03-10", [3], false],
    ["3月上旬启动", "2023-03-10", [3], false],
    ["3月中旬启动", "2023-03-20", [3], false],
    ["3月下旬启动", "2023-03-31", [3], false],
    ["6月30日完成", "2023-06-30", [6], false],
    ["6月15号完成", "2023-06-15", [6], false],
    ["6月底前完成", "2023-06-30", [6], false],
    ["6月30日前完成", "2023-06-30", [6], false],
    ["6 月 15 日前完成", "2023-06-15", [6], false],
    ["10月前完成", "2023-09-30", [10], true],
    ["10月份前完成", "2023-09-30", [10], true],
    ["10 月份以前完成", "2023-09-30", [10], true],
    ["1月前完成", "2022-12-31", [1], true],
    ["十二月完成", "2023-12-31", [12], false],
    ["十月完成", "2023-10-31", [10], false],
    ["元月完成", "2023-01-31", [1], false],
    ["三月三十日完成", "2023-03-30", [3], false],
    ["10 月份完成", "2023-10-31", [10], false],
    ["4月至5月施工", "2023-05-31", [4, 5], false],
    ["4-5月施工", "2023-05-31", [4, 5], false],
    ["4～5月施工", "2023-05-31", [4, 5], false],
    ["4月到5月施工", "2023-05-31", [4, 5], false],
    ["4月—6月施工", "2023-06-30", [4, 5, 6], false],
    ["6月1日至6月20日施工", "2023-06-20", [6], false],
    ["3月初步完成方案", "2023-03-31", [3], false],
    ["2024年2月29日完成", "2024-02-29", [2], false],
  ])("%s → %s", (text, due, months, before) => {
    expect(read(text)).toEqual([expect.objectContaining({ due, m: months, q: null, before })]);
  });

  it("crosses into the next year when a range runs backwards (`11月至2月`)", () => {
    expect(read("11月至2月施工")).toEqual([
      expect.objectContaining({ m: [11, 12, 1, 2], due: "2024-02-29" }),
    ]);
  });

  it("makes one milestone per date in source order, each with the text up to the next date", () => {
    expect(read("3月完成设计，6月底前开工，9月30日完工")).toEqual([
      expect.objectContaining({ due: "2023-03-31", text: "完成设计", marker: "3月" }),
      expect.objectContaining({ due: "2023-06-30", text: "开工", marker: "6月底前" }),
      expect.objectContaining({ due: "2023-09-30", text: "完工", marker: "9月30日" }),
    ]);
  });

  it("does not read `每月22日前`, `3个月`, `统一月报` or `第一月` as months", () => {
    for (const text of ["每月 22 日前反馈", "用3个月完成", "统一月报", "第一月完成"])
      expect(read(text)).toEqual([]);
  });

  it("records where each marker starts in the cell text", () => {
    const text = "说明：4月设计；6月施工";
    const parse = parseScheduleText(text, ctx);
    for (const m of parse.milestones) expect(text.slice(m.start, m.start + m.marker.length)).toBe(m.marker);
    expect(parse.milestones.map((m) => m.start)).toEqual([3, 8]);
    expect(parse.preamble).toBe("说明");
  });
});

describe("years", () => {
  it.each([
    ["2022年6月完成", "2022-06-30"],
    ["2022 年 6 月完成", "2022-06-30"],
    ["2021.8完成", "2021-08-31"],
    ["2021.12完成", "2021-12-31"],
    ["2021-08完成", "2021-08-31"],
    ["2021/8/15完成", "2021-08-15"],
    ["2023年12月份完成", "2023-12-31"],
    ["2022年底完成", "2022-12-31"],
    ["2024年上半年完成", "2024-06-30"],
    ["2024年度第一季度完成", "2024-03-31"],
  ])("%s → %s", (text, due) => {
    expect(dues(text, 2030)).toEqual([due]);
  });

  it("reads `2023.01-2023.12` as one range to December", () => {
    expect(read("2023.01-2023.12", 2030)).toEqual([
      expect.objectContaining({ due: "2023-12-31", m: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] }),
    ]);
  });

  it("carries a written year to later dates of the same item", () => {
    expect(dues("3月设计，2024年1月施工，2月验收")).toEqual(["2023-03-31", "2024-01-31", "2024-02-29"]);
  });

  it("resets to the default year at each enumerator", () => {
    expect(dues("1.2021年8月完成施工，10月验收；2.12月底结算")).toEqual([
      "2021-08-31",
      "2021-10-31",
      "2023-12-31",
    ]);
    expect(dues("①2022年3月设计 ②6月施工")).toEqual(["2022-03-31", "2023-06-30"]);
  });

  it("applies a year written before everything to every item", () => {
    expect(dues("2024年：1.3月设计；2.6月施工")).toEqual(["2024-03-31", "2024-06-30"]);
    expect(dues("2024年第一季度：1.设计；2.招标；第二季度：施工")).toEqual(["2024-03-31", "2024-06-30"]);
  });

  it("ignores a year that is mentioned in a clause after a date (`总结2022年工作`)", () => {
    expect(dues("第一季度：总结2022年工作；第二季度：推进")).toEqual(["2023-03-31", "2023-06-30"]);
  });

  it("reads years relative to the one in force (`次年`, `明年`, `今年`, `去年`) next to a date", () => {
    expect(read("12月至次年3月施工")).toEqual([
      expect.objectContaining({ m: [12, 1, 2, 3], due: "2024-03-31" }),
    ]);
    expect(dues("2022年12月开工，次年3月完工")).toEqual(["2022-12-31", "2023-03-31"]);
    expect(dues("2022年12月至次年3月")).toEqual(["2023-03-31"]);
    expect(dues("明年第一季度完成")).toEqual(["2024-03-31"]);
    expect(dues("今年底前完成")).toEqual(["2023-12-31"]);
    expect(dues("去年12月启动")).toEqual(["2022-12-31"]);
    expect(dues("明年继续推进，6月完成")).toEqual(["2023-06-30"]);
    expect(parseScheduleText("次年3月完工", ctx).year).toBeNull();
  });

  it("reports the year written before any date expression", () => {
    expect(parseScheduleText("2022 年 1 月选定地块，2 月设计", ctx).year).toBe(2022);
    expect(parseScheduleText("第一季度设计；2024年12月验收", ctx).year).toBeNull();
    expect(
      parseScheduleText("2022年新塘街道“四帮四扶”工程帮扶家庭以上报12户", { defaultYear: 2000 }).year,
    ).toBe(2022);
    expect(parseScheduleText("1.2021年8月完成", { defaultYear: 2000 }).year).toBe(2021);
    expect(parseScheduleText("2021.8完成", { defaultYear: 2000 }).year).toBe(2021);
    expect(parseScheduleText("第一季度设计；2024年12月验收", { defaultYear: 2000 }).year).toBeNull();
    expect(parseScheduleText("按时间节点推进", { defaultYear: 2000 }).year).toBeNull();
  });
});

describe("enumerators and their traps", () => {
  it("reads `1.4月底前` as item 1, April", () => {
    expect(read("1.4月底前完成设计；2.6月完成施工")).toEqual([
      expect.objectContaining({ due: "2023-04-30", marker: "4月底前", text: "完成设计" }),
      expect.objectContaining({ due: "2023-06-30", marker: "6月", text: "完成施工" }),
    ]);
  });

  it("reads `1.2021年8月` as item 1, August 2021", () => {
    expect(read("1.2021年8月完成")).toEqual([
      expect.objectContaining({ due: "2021-08-31", marker: "2021年8月" }),
    ]);
  });

  it("does not read the decimal `2.5` as a date or an enumerator", () => {
    expect(read("全长2.5公里，6月完工")).toEqual([
      expect.objectContaining({ due: "2023-06-30", text: "完工", marker: "6月" }),
    ]);
    expect(read("全长2.5公里")).toEqual([]);
  });

  it.each(["1.", "2、", "（三）", "(3)", "①", "⑵", "一、"])("`%s` starts a new item", (enumerator) => {
    expect(dues(`(1)2021年8月设计；${enumerator}12月验收`)).toEqual(["2021-08-31", "2023-12-31"]);
  });
});

describe("diagnostics", () => {
  it("reports impossible dates and makes no milestone of them", () => {
    for (const text of [
      "2月30日完成",
      "13月完成",
      "2023年2月29日完成",
      "第五季度完成",
      "2021.13完成",
      "Q0完成",
    ]) {
      const parse = parseScheduleText(text, ctx);
      expect(parse.milestones).toEqual([]);
      const impossible = parse.diagnostics.find((d) => d.code === "schedule.impossibleDate");
      expect(impossible?.severity).toBe("error");
      expect(impossible?.message).toContain(text.replace("完成", ""));
      expect(impossible?.messageEn).toContain("not a valid date");
    }
  });

  it("keeps the other milestones of a text with an impossible date", () => {
    const parse = parseScheduleText("2月30日设计，6月施工", ctx);
    expect(parse.milestones.map((m) => m.due)).toEqual(["2023-06-30"]);
    expect(parse.diagnostics.map((d) => d.code)).toEqual(["schedule.impossibleDate"]);
  });

  it("reports texts with no quarter, month or date as unscheduled", () => {
    for (const text of [
      "按照时间节点开展项目建设",
      "2022年新塘街道“四帮四扶”工程帮扶家庭以上报12户,以市民政局审核通过为准。",
    ]) {
      const parse = parseScheduleText(text, ctx);
      expect(parse.milestones).toEqual([]);
      expect(parse.diagnostics).toEqual([
        expect.objectContaining({
          code: "schedule.unscheduled",
          message: expect.stringContaining("未找到季度、月份或日期"),
        }),
      ]);
      expect(parse.preamble).toBe(text.replace(/。$/, ""));
    }
    expect(parseScheduleText("  ", ctx).diagnostics[0]?.message).toContain("为空");
  });

  it("reports a date written before the quarterly plan as an ignored fragment", () => {
    const parse = parseScheduleText("1月启动，第二季度完成设计；第三季度施工", ctx);
    expect(parse.milestones.map((m) => m.quarters)).toEqual([[2], [3]]);
    expect(parse.diagnostics).toEqual([
      expect.objectContaining({ code: "schedule.fragmentIgnored", message: expect.stringContaining("1月") }),
    ]);
  });

  it("reads at most an Excel cell's worth of text and says so", () => {
    const text = `${"第一季度宣传；".repeat(MAX_SCHEDULE_LENGTH / 7 + 10)}`;
    const parse = parseScheduleText(text, ctx);
    expect(parse.diagnostics.map((d) => d.code)).toEqual(["schedule.tooLong"]);
    expect(parse.milestones.length).toBeLessThanOrEqual(Math.ceil(MAX_SCHEDULE_LENGTH / 7));
    expect(parse.milestones.length).toBeGreaterThan(4000);
  });

  it("refuses an invalid default year with a diagnostic instead of throwing", () => {
    const parse = parseScheduleText("第一季度宣传", { defaultYear: Number.NaN });
    expect(parse.milestones).toEqual([]);
    expect(parse.diagnostics[0]?.code).toBe("schedule.invalidYear");
  });
});

describe("parseScheduleCell", () => {
  it("reads a date-typed cell as one milestone due that day", () => {
    const parse = parseScheduleCell(45291, "yyyy/m/d", ctx);
    expect(parse.milestones).toEqual([
      {
        quarters: null,
        months: [12],
        due: "2023-12-31",
        before: false,
        text: "",
        marker: "2023-12-31",
        start: 0,
      },
    ]);
    expect(parse.year).toBe(2023);
    expect(parseScheduleCell(45000.5, 'yyyy"年"m"月"d"日"', ctx).milestones[0]?.due).toBe("2023-03-15");
  });

  it("reports a date-typed cell whose serial is no date", () => {
    expect(parseScheduleCell(60, "yyyy-mm-dd", ctx).diagnostics.map((d) => d.code)).toEqual([
      "schedule.impossibleDate",
      "schedule.unscheduled",
    ]);
  });

  it("reads a number like 2021.12 as a year and month", () => {
    expect(parseScheduleCell(2021.12, "General", ctx).milestones[0]).toMatchObject({
      due: "2021-12-31",
      months: [12],
    });
    expect(parseScheduleCell(2021.8, null, ctx).milestones[0]).toMatchObject({
      due: "2021-08-31",
      months: [8],
    });
    expect(parseScheduleCell(2021.1, "0.00", ctx).milestones[0]).toMatchObject({
      due: "2021-10-31",
      months: [10],
    });
    expect(parseScheduleCell(2021.1, "General", ctx).milestones[0]).toMatchObject({
      due: "2021-01-31",
      months: [1],
    });
    expect(parseScheduleCell(2021.12, "General", ctx).year).toBe(2021);
  });

  it("treats other numbers, booleans, empty cells and text like their text", () => {
    expect(parseScheduleCell(2023, "General", ctx).diagnostics.map((d) => d.code)).toEqual([
      "schedule.unscheduled",
    ]);
    expect(parseScheduleCell(2021.13, null, ctx).milestones).toEqual([]);
    expect(parseScheduleCell(null, null, ctx).diagnostics[0]?.message).toContain("为空");
    expect(parseScheduleCell(true, null, ctx).milestones).toEqual([]);
    expect(parseScheduleCell("第二季度完工", null, ctx).milestones[0]?.due).toBe("2023-06-30");
  });
});

describe("countDateExpressions", () => {
  it("counts quarter, month, date and period expressions", () => {
    expect(countDateExpressions("第一季度:A;第二、第三季度:B;第四季度:C")).toBe(3);
    expect(countDateExpressions("2022 年 1 月选定地块，2 月设计，4月至5月施工，年底验收")).toBe(4);
    expect(countDateExpressions("按照时间节点开展项目建设")).toBe(0);
    expect(countDateExpressions("张绍萍")).toBe(0);
    expect(countDateExpressions(2021.12)).toBe(1);
    expect(countDateExpressions(600)).toBe(0);
    expect(countDateExpressions(null)).toBe(0);
    expect(countDateExpressions(false)).toBe(0);
  });
});
