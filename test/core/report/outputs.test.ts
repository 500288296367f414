import { buildReport } from "../../../src/core/report/model";
import { buildReminders } from "../../../src/core/report/reminders";
import { lateListClipboard } from "../../../src/core/report/paste";
import { reportSheetLayout } from "../../../src/core/report/sheet";
import { nextReportDay, replyByFor } from "../../../src/core/report/reply";
import { chineseDateIn, percentText, quoted } from "../../../src/core/report/format";
import { readProductSheet } from "../../../src/core/product-sheet";
import { seedTable, withProgress } from "./fixtures";

const XINTANG = seedTable("xintang-2023", "2023-06-20");
const ZIMAO = seedTable("zimao-2022", "2022-07-01");

describe("督办提醒", () => {
  it("writes one text per 责任科室 with something overdue, none for the others", () => {
    const reminders = buildReminders([XINTANG], { asOf: "2023-06-20", groupBy: "department" });
    expect(reminders.map((r) => r.recipient)).toEqual([
      "社会事务办(卫计)",
      "街道总工会",
      "环卫办",
      "教育办",
      "沙塘社区",
      "社会事务办",
      "文体服务中心",
    ]);
    // Nothing is late for the department-less due-soon project: no reminder for it.
    expect(reminders.some((r) => r.recipient === "（未填写）")).toBe(false);
    expect(reminders[0]?.text).toBe(
      "社会事务办(卫计)：你单位牵头的“拓展婴幼儿照护服务普惠项目”第一季度节点（广泛宣传,充分发动,引导机关、企事业单位……）已逾期81天；" +
        "“补助部分计划生育家庭参加基本养老保险”第一季度节点（开展宣传发动）已逾期81天；" +
        "“卫生服务中心迁建工程”第一季度节点（装修装饰、水电施工收尾, 室外工程施工）已逾期81天，请于6月22日前书面报送进展及原因。",
    );
    expect(reminders[0]).toMatchObject({ overdue: 3, behind: 0, notReported: 0 });
    // Quotes inside a name become ‘’; a name already in quotes keeps them once.
    expect(reminders[1]?.text).toContain("“开展‘职工医疗互助’项目”第一季度节点");
    expect(reminders[2]?.text).toContain("你单位牵头的“厕所革命”第一季度节点");
  });

  it("writes to leaders on request, with the reply date given", () => {
    const reminders = buildReminders([ZIMAO], {
      asOf: "2022-07-01",
      groupBy: "leader",
      replyBy: "2022-07-08",
    });
    expect(reminders[0]?.recipient).toBe("许武灵");
    expect(reminders[0]?.text).toBe(
      "许武灵同志：你分管的“紫帽山植树绿化”1月节点（选定地块）已逾期151天，另有3个节点逾期，请督促责任科室于7月8日前书面报送进展及原因。",
    );
  });

  it("tells behind and unreported projects, and names projects without a department", () => {
    const table = withProgress(XINTANG, {
      拓展婴幼儿照护服务普惠项目: { state: "notReported" },
      "实施“四帮四扶”工程": { state: "notReported" },
      "新塘街道“爱在心淌”公益慈善基金会": { state: "behind", reason: "完成 25%，低于序时进度 46.6%" },
    });
    const reminders = buildReminders([table], { asOf: "2023-06-20", groupBy: "department" });
    const byName = new Map(reminders.map((r) => [r.recipient, r]));
    expect(byName.get("社会事务办(卫计)")?.text).toContain(
      "“拓展婴幼儿照护服务普惠项目”第一季度节点（广泛宣传,充分发动,引导机关、企事业单位……）已逾期81天，5月进展未报送；",
    );
    expect(byName.get("社会事务办")).toMatchObject({ overdue: 1, notReported: 1 });
    expect(byName.get("社会事务办")?.text).toContain("“实施‘四帮四扶’工程”5月进展未报送");
    expect(reminders.at(-1)).toMatchObject({ recipient: "（未填写）", behind: 1 });
    expect(reminders.at(-1)?.text).toBe(
      "未填写责任科室的项目：“新塘街道‘爱在心淌’公益慈善基金会”进展滞后（完成 25%，低于序时进度 46.6%），" +
        "请补填责任科室，并于6月22日前书面报送进展及原因。",
    );
  });

  it("has nothing to say when nothing is late", () => {
    expect(
      buildReminders([seedTable("zimao-2022", "2022-01-10")], { asOf: "2022-01-10", groupBy: "department" }),
    ).toEqual([]);
  });
});

describe("复制逾期清单", () => {
  const report = buildReport([XINTANG], { asOf: "2023-06-20", groupBy: "department" });
  const clip = lateListClipboard(report);

  it("is a real table with a border on every cell, the groups as full-width rows", () => {
    const html = clip?.html ?? "";
    expect(html).toMatch(/^<table border="1"[^>]*style="border-collapse:collapse;/u);
    const cells = html.match(/<td[^>]*>/gu) ?? [];
    expect(cells.length).toBe(8 + 7 + 10 * 8);
    expect(cells.every((td) => td.includes("border:1px solid #000000"))).toBe(true);
    expect(html).toContain('<td colspan="8"');
    expect(html).toContain(">社会事务办(卫计)（3个）</td>");
    expect(html).toContain(">原因</td>");
    // Quotes in names are escaped for HTML, not dropped.
    expect(html).toContain("开展“职工医疗互助”项目");
  });

  it("escapes what would be markup", () => {
    const table = {
      ...XINTANG,
      projects: XINTANG.projects.map((p, i) => (i === 5 ? { ...p, name: "<b>新建</b> & 改建" } : p)),
    };
    const html = lateListClipboard(buildReport([table], { asOf: "2023-06-20", groupBy: "department" }))?.html;
    expect(html).toContain("&lt;b&gt;新建&lt;/b&gt; &amp; 改建");
    expect(html).not.toContain("<b>");
  });

  it("is tab-separated text with one line per project, for Excel and plain editors", () => {
    const lines = clip?.text.trimEnd().split("\n") ?? [];
    expect(lines[0]).toBe("项目\t节点\t计划完成\t逾期天数\t责任领导\t责任科室\t原因\t下步措施");
    expect(lines).toHaveLength(11);
    expect(lines[1]?.split("\t")).toHaveLength(8);
    expect(lines[1]?.split("\t").slice(2, 6)).toEqual(["3月31日", "81", "曾运筹", "社会事务办(卫计)"]);
  });

  it("is null when nothing is late", () => {
    const early = buildReport([seedTable("zimao-2022", "2022-01-10")], {
      asOf: "2022-01-10",
      groupBy: "leader",
    });
    expect(lateListClipboard(early)).toBeNull();
  });
});

describe("the 通报 as a sheet", () => {
  const report = buildReport([XINTANG], { asOf: "2023-06-20", groupBy: "department" });
  const layout = reportSheetLayout(report);

  it("is named by month and carries the product's marker line, so a check of it says to switch back", () => {
    expect(layout.name).toBe("进度通报2023-06");
    expect(layout.rows[0]?.[0]).toBe(report.title);
    const grid = { sheet: layout.name, origin: { row: 0, col: 0 }, values: layout.rows };
    expect(readProductSheet(grid)).toEqual({ source: "责任分解表" });
  });

  it("holds only what the 通报 holds: the late rows, no upcoming milestone", () => {
    const data = layout.rows.filter((_, i) => layout.kinds[i] === "data");
    expect(data).toHaveLength(10);
    expect(data[0]?.slice(0, 6)).toEqual([
      "拓展婴幼儿照护服务普惠项目",
      expect.stringMatching(/^第一季度：/u),
      "3月31日",
      81,
      "曾运筹",
      "社会事务办(卫计)",
    ]);
    expect(layout.rows.every((r) => r.length === layout.columnCount)).toBe(true);
    expect(layout.rows.flat().some((v) => String(v).includes("第二季度"))).toBe(false);
  });

  it("repeats the table's header row when printed and links each project back to its cell", () => {
    expect(layout.printTitleRow).not.toBeNull();
    expect(layout.rows[layout.printTitleRow ?? 0]).toEqual([
      "项目",
      "节点",
      "计划完成",
      "逾期天数",
      "责任领导",
      "责任科室",
      "原因",
      "下步措施",
    ]);
    expect(layout.links).toHaveLength(10);
    expect(layout.links[0]).toEqual({
      row: (layout.printTitleRow ?? 0) + 2,
      col: 0,
      sheet: "责任分解表",
      cell: "D10",
    });
    expect(layout.centerHeader).toBe(report.title);
    expect(layout.centerFooter).toContain("&P");
    expect(layout.mergedRows).toContain(0);
    expect(layout.mergedRows).not.toContain(layout.printTitleRow);
  });
});

describe("dates and numbers", () => {
  it.each([
    ["2023-06-20", 22, "2023-06-22"],
    ["2023-06-22", 22, "2023-07-22"],
    ["2023-12-25", 22, "2024-01-22"],
    ["2023-01-31", 15, "2023-02-15"],
  ])("after %s the report day %i is %s", (asOf, day, next) => {
    expect(nextReportDay(asOf, day)).toBe(next);
  });

  it("keeps a chosen reply date only while it is ahead of the check", () => {
    expect(replyByFor("2023-06-20", [XINTANG], "2023-06-30")).toBe("2023-06-30");
    // Remembered from last month's round: passed, so the next report day instead.
    expect(replyByFor("2023-07-20", [XINTANG], "2023-06-30")).toBe("2023-07-22");
    expect(replyByFor("2023-06-20", [XINTANG], "2023-06-20")).toBe("2023-06-22");
    expect(replyByFor("2023-06-20", [XINTANG], null)).toBe("2023-06-22");
  });

  it("writes dates of another year in full, shares with one decimal, nested quotes single", () => {
    expect(chineseDateIn("2024-01-22", 2023)).toBe("2024年1月22日");
    expect(chineseDateIn("2023-01-05", 2023)).toBe("1月5日");
    expect(percentText(0.328)).toBe("32.8%");
    expect(percentText(0.5)).toBe("50%");
    expect(quoted("“厕所革命”")).toBe("“厕所革命”");
    expect(quoted("开展“职工医疗互助”项目")).toBe("“开展‘职工医疗互助’项目”");
  });
});
