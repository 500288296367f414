import { MISSING_KEY } from "../../../src/core/alerts";
import {
  buildReport,
  buildSheetReport,
  unitOfTitle,
  type ReportSection,
} from "../../../src/core/report/model";
import { seedTable, withProgress } from "./fixtures";

const XINTANG = seedTable("xintang-2023", "2023-06-20");
const ZIMAO = seedTable("zimao-2022", "2022-07-01");

function section<K extends ReportSection["kind"]>(
  sections: ReportSection[],
  kind: K,
): Extract<ReportSection, { kind: K }> | undefined {
  return sections.find((s): s is Extract<ReportSection, { kind: K }> => s.kind === kind);
}

describe("the 通报 of the 新塘 sample on 2023-06-20", () => {
  const report = buildReport([XINTANG], { asOf: "2023-06-20", groupBy: "department" });

  it("takes the unit from the table's title into the file name, and the month into title and sheet", () => {
    expect(report.title).toBe("关于2023年6月为民办实事项目进展情况的通报");
    expect(report.unit).toBe("新塘街道");
    expect(report.fileStem).toBe("新塘街道2023年6月为民办实事项目进展情况通报");
    expect(report.sheetName).toBe("进度通报2023-06");
    expect(report.dateText).toBe("2023年6月20日");
  });

  it("heads 一、总体情况 with the counts and the exact money, as a 通报 words them", () => {
    expect(report.headline).toBe(
      "截至6月20日，街道12个为民办实事项目中，已完成0个，按序时推进1个（其中临期1个），逾期10个，未排期1个。",
    );
    const overview = section(report.sections, "overview");
    expect(overview?.heading).toBe("一、总体情况");
    expect(overview?.paragraphs[0]).toBe(report.headline);
    expect(overview?.paragraphs).toContain(
      "12个项目计划总投资55,358.28万元，年度计划投资18,158.28万元，占总投资的32.8%（3个项目未列投资额）。",
    );
  });

  it("lists the overdue projects by 责任科室, the most of the longest-late first, one row per project", () => {
    const late = section(report.sections, "late");
    expect(late?.heading).toBe("二、逾期和滞后项目");
    expect(late?.groups.map((g) => [g.key, g.rows.length])).toEqual([
      ["社会事务办(卫计)", 3],
      ["街道总工会", 2],
      ["环卫办", 1],
      ["教育办", 1],
      ["沙塘社区", 1],
      ["社会事务办", 1],
      ["文体服务中心", 1],
    ]);
    const first = late?.groups[0]?.rows[0];
    expect(first).toMatchObject({
      kind: "overdue",
      project: "拓展婴幼儿照护服务普惠项目",
      due: "3月31日",
      daysLate: 81,
      leaders: "曾运筹",
      department: "社会事务办(卫计)",
      moreOverdue: 0,
    });
    expect(first?.node).toMatch(/^第一季度：广泛宣传/u);
    // Ten overdue projects, each once: the due-soon one (no department) and the unscheduled one are not late.
    expect(late?.groups.flatMap((g) => g.rows)).toHaveLength(10);
    expect(late?.paragraphs[0]).toContain("有节点逾期或进展滞后的项目10个，按责任科室列示");
  });

  it("leaves out 三、未报送进展的项目 when the table has no progress columns, and numbers the rest in order", () => {
    expect(XINTANG.progress).toBeNull();
    expect(report.sections.map((s) => s.heading)).toEqual([
      "一、总体情况",
      "二、逾期和滞后项目",
      "三、下步工作要求",
    ]);
    // The reply date defaults to the next report day (the 22nd).
    expect(report.replyBy).toBe("2023-06-22");
    expect(section(report.sections, "requirements")?.paragraphs.join("")).toContain(
      "请各责任科室于6月22日前",
    );
  });

  it("groups by 责任领导 on request, a project with two leaders under each", () => {
    const byLeader = buildReport([XINTANG], { asOf: "2023-06-20", groupBy: "leader" });
    const late = section(byLeader.sections, "late");
    expect(late?.groups[0]).toMatchObject({ key: "曾运筹" });
    expect(late?.groups[0]?.rows.map((r) => r.project)).toEqual([
      "拓展婴幼儿照护服务普惠项目",
      "补助部分计划生育家庭参加基本养老保险",
      "卫生服务中心迁建工程",
    ]);
    expect(late?.paragraphs[0]).toContain("按责任领导列示");
  });

  it("takes a reply date given by the user", () => {
    const custom = buildReport([XINTANG], {
      asOf: "2023-06-20",
      groupBy: "department",
      replyBy: "2023-06-30",
    });
    expect(custom.replyBy).toBe("2023-06-30");
    expect(section(custom.sections, "requirements")?.paragraphs.join("")).toContain("于6月30日前");
  });
});

describe("the 通报 of the 紫帽 sample on 2022-07-01", () => {
  const report = buildReport([ZIMAO], { asOf: "2022-07-01", groupBy: "department" });
  const late = section(report.sections, "late");

  it("says 全镇, and says nothing of money for a table without investment columns", () => {
    expect(report.unit).toBe("紫帽镇");
    expect(report.headline).toBe(
      "截至7月1日，全镇10个为民办实事项目中，已完成0个，按序时推进0个，逾期10个。",
    );
    expect(report.sections[0]?.paragraphs.join("")).not.toContain("万元");
    expect(report.sections[0]?.paragraphs.join("")).toContain(
      "逾期时间最长的是“紫帽山植树绿化”1月节点，已逾期151天",
    );
  });

  it("sorts by days late: the group holding the longest-late project first, its worst milestone shown", () => {
    expect(late?.groups[0]?.key).toBe("农业服务中心");
    expect(late?.groups[0]?.rows[0]).toMatchObject({
      project: "紫帽山植树绿化",
      node: "1月：选定地块",
      due: "1月31日",
      daysLate: 151,
      moreOverdue: 3,
    });
    const worst = late?.groups.map((g) => Math.max(...g.rows.map((r) => r.daysLate ?? -1))) ?? [];
    expect(worst).toEqual([...worst].sort((a, b) => b - a));
    for (const group of late?.groups ?? []) {
      const days = group.rows.map((r) => r.daysLate ?? -1);
      expect(days).toEqual([...days].sort((a, b) => b - a));
    }
  });

  it("has no late section when nothing is late", () => {
    const early = buildReport([seedTable("zimao-2022", "2022-01-10")], {
      asOf: "2022-01-10",
      groupBy: "leader",
    });
    expect(early.sections.map((s) => s.kind)).toEqual(["overview", "requirements"]);
    expect(early.sections.map((s) => s.heading)).toEqual(["一、总体情况", "二、下步工作要求"]);
  });
});

describe("with the monthly cycle's progress", () => {
  const table = withProgress(XINTANG, {
    拓展婴幼儿照护服务普惠项目: { state: "notReported" },
    "实施“四帮四扶”工程": { state: "notReported" },
    "新塘街道“爱在心淌”公益慈善基金会": { state: "behind", reason: "完成 25%，低于序时进度 46.6%" },
  });
  const report = buildReport([table], { asOf: "2023-06-20", groupBy: "department" });

  it("heads the overview with the progress states and still says how many have an overdue milestone", () => {
    expect(report.headline).toBe(
      "截至6月20日，街道12个为民办实事项目中，已完成0个，按序时推进9个，进展滞后1个，未按时报送进展2个。",
    );
    expect(report.sections[0]?.paragraphs).toContain("对照形象进度安排，有节点逾期的项目10个。");
  });

  it("lists behind projects in 二 after the overdue ones, and the unreported ones in 三", () => {
    const late = section(report.sections, "late");
    const behind = late?.groups.flatMap((g) => g.rows).filter((r) => r.kind === "behind");
    expect(behind).toEqual([
      expect.objectContaining({
        project: "新塘街道“爱在心淌”公益慈善基金会",
        node: "进展滞后：完成 25%，低于序时进度 46.6%",
        due: "",
        daysLate: null,
      }),
    ]);
    // It has no department: its group comes last.
    expect(late?.groups.at(-1)?.key).toBe(MISSING_KEY);

    const unreported = section(report.sections, "unreported");
    expect(unreported?.heading).toBe("三、未报送进展的项目");
    expect(unreported?.rows.map((r) => [r.project, r.expected, r.department])).toEqual([
      ["实施“四帮四扶”工程", "5月进展", "社会事务办"],
      ["拓展婴幼儿照护服务普惠项目", "5月进展", "社会事务办(卫计)"],
    ]);
    expect(unreported?.paragraphs[0]).toContain("以下2个项目未按时报送进展情况（每月22日前报送）");
    expect(report.sections.at(-1)?.heading).toBe("四、下步工作要求");
  });

  it("leaves 三 out when every project has reported", () => {
    const reported = withProgress(XINTANG, {});
    const kinds = buildReport([reported], { asOf: "2023-06-20", groupBy: "department" }).sections.map(
      (s) => s.kind,
    );
    expect(kinds).toEqual(["overview", "late", "requirements"]);
  });

  it("asks for the reply on the table's own report day", () => {
    const day15 = { ...table, progress: table.progress && { ...table.progress, reportDay: 15 } };
    expect(buildReport([day15], { asOf: "2023-06-20", groupBy: "department" }).replyBy).toBe("2023-07-15");
  });
});

describe("several tables and sheets", () => {
  it("reports a sheet's tables together, summing counts and money exactly", () => {
    const report = buildSheetReport(
      { asOf: "2023-06-20", tables: [XINTANG, XINTANG] },
      { groupBy: "department" },
    );
    expect(report.headline).toContain(
      "街道24个为民办实事项目中，已完成0个，按序时推进2个（其中临期2个），逾期20个，未排期2个",
    );
    expect(report.sections[0]?.paragraphs[1]).toContain("年度计划投资36,316.56万元");
  });
});

describe("unitOfTitle", () => {
  it.each([
    ["新塘街道 2023 年度为民办实事项目责任分解表", "新塘街道"],
    ["紫帽镇 2022 年为民办实事项目责任分解表", "紫帽镇"],
    ["2024年池店镇为民办实事项目责任分解表", "池店镇"],
    ["附件：罗山街道2023年为民办实事项目", "罗山街道"],
    ["2023年为民办实事项目责任分解表", null],
    ["为民办实事项目清单（第一批）", null],
    ["某某公司年度计划", null],
    [null, null],
  ])("%s → %s", (title, unit) => {
    expect(unitOfTitle(title)).toBe(unit);
  });
});
