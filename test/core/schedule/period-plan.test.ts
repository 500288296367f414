import { parseHeaderPeriod, type HeaderPeriod } from "../../../src/core/progress/period";
import { parsePlanCell } from "../../../src/core/schedule/period-plan";

/** SEMANTICS.md §3: a cell of a plan column split by period. */

function period(header: string): HeaderPeriod {
  const found = parseHeaderPeriod(header);
  if (!found) throw new Error(header);
  return found;
}

const CTX = { defaultYear: 2023 };

describe("parsePlanCell", () => {
  it("a cell without a date is one milestone due at the end of its column's period", () => {
    const parse = parsePlanCell(
      "完成线路走向调研，确定首批 2 条线路。",
      null,
      period("一季度目标"),
      "一季度目标",
      CTX,
    );
    expect(parse.milestones).toEqual([
      {
        quarters: [1],
        months: null,
        due: "2023-03-31",
        before: false,
        text: "完成线路走向调研，确定首批 2 条线路",
        marker: "一季度目标",
        start: 0,
      },
    ]);
    expect(parse.diagnostics).toEqual([]);
  });

  it.each([
    ["上半年目标", [1, 2], null, "2023-06-30"],
    ["全年目标", [1, 2, 3, 4], null, "2023-12-31"],
    ["下半年", [3, 4], null, "2023-12-31"],
    ["7月", null, [7], "2023-07-31"],
    ["第四季度", [4], null, "2023-12-31"],
  ])("%j: quarters %j, months %j, due %s", (header, quarters, months, due) => {
    const [m] = parsePlanCell("建成 2 个", null, period(header), header, CTX).milestones;
    expect(m).toMatchObject({ quarters, months, due });
  });

  it("a year written in the header wins over the table's", () => {
    const [m] = parsePlanCell("开工", null, period("2024年第一季度"), "2024年第一季度", CTX).milestones;
    expect(m?.due).toBe("2024-03-31");
  });

  it("a date or month written in the cell wins (SEMANTICS §3)", () => {
    const parse = parsePlanCell("6月15日前开业", null, period("6月"), "6月", CTX);
    expect(parse.milestones.map((m) => [m.due, m.text])).toEqual([["2023-06-15", "开业"]]);
    const two = parsePlanCell("4月底前完成招标；5月20日开工", null, period("第二季度"), "第二季度", CTX);
    expect(two.milestones.map((m) => m.due)).toEqual(["2023-04-30", "2023-05-20"]);
  });

  it("an empty cell is no milestone and no finding; an impossible date is still reported", () => {
    expect(parsePlanCell("  ", null, period("第一季度"), "第一季度", CTX)).toMatchObject({
      milestones: [],
      diagnostics: [],
    });
    const bad = parsePlanCell("2月30日完成", null, period("第一季度"), "第一季度", CTX);
    expect(bad.diagnostics.map((d) => d.code)).toContain("schedule.impossibleDate");
  });

  it.each(["√", "已完成", "否"])(
    "a completion mark %j under a period is no plan: no milestone, and a warning",
    (mark) => {
      const parse = parsePlanCell(mark, null, period("第一季度"), "第一季度", CTX);
      expect(parse.milestones).toEqual([]);
      expect(parse.diagnostics.map((d) => d.code)).toEqual(["schedule.markInPlan"]);
      expect(parse.diagnostics[0]?.message).toContain(mark);
    },
  );
});
