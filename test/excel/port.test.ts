import expectations from "../fixtures/seed-expectations.json";
import { checkSheet } from "../../src/core/check";
import { MARK_FILL, planMarks, type MarkKind } from "../../src/core/marks";
import { resolveOptions } from "../../src/core/options";
import type { SheetGrid, SheetResult, StatusCounts } from "../../src/core/types";
import { createExcelPort } from "../../src/excel/index";
import { MockWorkbook, type ConditionalFormatState, type SheetSpec } from "../support/mock-workbook";
import { seedGrid, type SeedName } from "../support/seed-grid";

const SHEET = "责任分解表";
/** The two seeds placed away from A1, as users paste them. */
const ORIGIN = { row: 2, col: 1 };

function grid(seed: SeedName): SheetGrid {
  return seedGrid(seed, { sheet: SHEET, origin: ORIGIN });
}

function coreResult(g: SheetGrid, asOf: string): SheetResult {
  const options = resolveOptions({ asOf });
  if (!options.ok) throw new Error(options.message);
  return checkSheet(g, options.options);
}

/** What the core plans for a sheet on a date: address → kind. */
function plannedMarks(g: SheetGrid, asOf: string): Map<string, MarkKind> {
  return new Map(planMarks(coreResult(g, asOf)).map((m) => [m.address, m.kind]));
}

/** Our rules as the mock workbook holds them, read independently of the adapter's own helpers. */
function isOurs(cf: ConditionalFormatState): boolean {
  return cf.type === "Custom" && /DutyCheck:/u.test(cf.formula ?? "");
}

function kindOf(cf: ConditionalFormatState): string {
  return /DutyCheck:(\w+)/u.exec(cf.formula ?? "")?.[1] ?? "?";
}

/** Cells under our rules: address → kind, checking each rule's fill matches its kind. */
function markedCells(wb: MockWorkbook, sheet = SHEET): Map<string, string> {
  const cells = new Map<string, string>();
  for (const [address, cf] of wb.formattedCells(sheet, isOurs)) {
    expect(cf.fill).toBe(MARK_FILL[kindOf(cf) as MarkKind]);
    cells.set(address, kindOf(cf));
  }
  return cells;
}

function ourRules(wb: MockWorkbook, sheet = SHEET): ConditionalFormatState[] {
  return (wb.sheet(sheet)?.conditionalFormats ?? []).filter(isOurs);
}

/** Cells covered by more than one of our rules (a stale rule under a new one). */
function doublyMarked(wb: MockWorkbook, sheet = SHEET): string[] {
  const seen = new Map<string, number>();
  for (const rule of ourRules(wb, sheet))
    for (const area of rule.areas)
      for (let r = area.row; r < area.row + area.rowCount; r++)
        for (let c = area.col; c < area.col + area.colCount; c++) {
          const key = `${r},${c}`;
          seen.set(key, (seen.get(key) ?? 0) + 1);
        }
  return [...seen].filter(([, n]) => n > 1).map(([k]) => k);
}

function setup(seed: SeedName, spec: Partial<SheetSpec> = {}) {
  const wb = new MockWorkbook([{ grid: grid(seed), ...spec }]);
  const port = createExcelPort({ run: wb.run, today: () => new Date(2023, 5, 20) });
  return { wb, port };
}

const SEED_FILES: Record<SeedName, string> = {
  "xintang-2023": "000_66d9d59c06a574fd.txt",
  "zimao-2022": "001_4348887117f79764.txt",
};

function statusAt(seed: SeedName, asOf: string): StatusCounts {
  const doc = expectations.documents.find((d) => d.seed === SEED_FILES[seed]);
  const counts = (doc?.statusAt as Record<string, StatusCounts> | undefined)?.[asOf];
  if (!counts) throw new Error(`no expectation for ${seed} at ${asOf}`);
  return counts;
}

describe("checkActiveSheet", () => {
  const cases: Array<[SeedName, string]> = [
    ["xintang-2023", "2023-06-20"],
    ["xintang-2023", "2023-05-15"],
    ["zimao-2022", "2022-07-01"],
    ["zimao-2022", "2022-01-20"],
  ];

  it.each(cases)("checks %s at %s in two syncs and marks exactly the planned cells", async (seed, asOf) => {
    const { wb, port } = setup(seed);
    const before = wb.cellSnapshot(SHEET);
    const out = await port.checkActiveSheet({ asOf });
    if (!out.ok) throw new Error(out.message);
    expect(wb.syncs).toBeLessThanOrEqual(2);

    const planned = plannedMarks(grid(seed), asOf);
    expect(new Map([...markedCells(wb)].sort())).toEqual(new Map([...planned].sort()));

    // Independent of the core: name cells marked per status match the seed expectations.
    const nameColumn = out.value.tables[0]?.columns.name as string;
    const nameMarks = [...markedCells(wb)].filter(([a]) => a.startsWith(nameColumn) && /\d$/u.test(a));
    const expected = statusAt(seed, asOf);
    expect(nameMarks.filter(([, k]) => k === "overdue")).toHaveLength(expected.overdue);
    expect(nameMarks.filter(([, k]) => k === "dueSoon")).toHaveLength(expected.dueSoon);
    expect(nameMarks.filter(([, k]) => k === "done")).toHaveLength(expected.done);

    // Few rule objects: one per kind for a sheet this size.
    expect(ourRules(wb)).toHaveLength(new Set(planned.values()).size);
    expect(doublyMarked(wb)).toEqual([]);
    // Marks never touch a cell: no value, format or note written.
    expect(wb.writes).toEqual([]);
    expect(wb.unknownWrites).toEqual([]);
    expect(wb.cellSnapshot(SHEET)).toBe(before);
  });

  it("still checks a sheet above the payload limit, reading it in chunks", async () => {
    const wb = new MockWorkbook([{ grid: grid("xintang-2023") }], { maxCellsPerSync: 60 });
    const port = createExcelPort({ run: wb.run });
    const out = await port.checkActiveSheet({ asOf: "2023-06-20" });
    if (!out.ok) throw new Error(out.message);
    expect(wb.syncs).toBeGreaterThan(2);
    const planned = plannedMarks(grid("xintang-2023"), "2023-06-20");
    expect(new Map([...markedCells(wb)].sort())).toEqual(new Map([...planned].sort()));
  });

  it("says the sheet is too large when Excel answers its values with null, and writes nothing", async () => {
    // Excel does this above about 5 million cells instead of failing; the mock scales it down.
    const wb = new MockWorkbook([{ grid: grid("xintang-2023") }], { nullValuesAbove: 100 });
    const port = createExcelPort({ run: wb.run });
    expect(await port.checkActiveSheet({ asOf: "2023-06-20" })).toEqual({
      ok: false,
      message: "工作表过大，无法一次读取",
      messageEn: "The sheet is too large to read",
    });
    expect(await port.insertStatusColumn({ asOf: "2023-06-20" })).toMatchObject({
      ok: false,
      message: "工作表过大，无法一次读取",
    });
    expect(wb.applied).toEqual([]);
  });

  it("records what it marked in the add-in settings", async () => {
    const { wb, port } = setup("xintang-2023");
    await port.checkActiveSheet({ asOf: "2023-06-20" });
    const record = JSON.parse(String(wb.settings.get("DutyCheck.marks"))) as {
      sheets: Record<string, { asOf: string; ranges: Record<string, string[]> }>;
    };
    const entry = record.sheets[SHEET];
    expect(entry?.asOf).toBe("2023-06-20");
    const recorded = new Set<string>();
    for (const ranges of Object.values(entry?.ranges ?? {}))
      for (const range of ranges) for (const cell of expand(range)) recorded.add(cell);
    expect([...recorded].sort()).toEqual([...plannedMarks(grid("xintang-2023"), "2023-06-20").keys()].sort());
  });

  it("replaces the first check's marks with the second's", async () => {
    const { wb, port } = setup("xintang-2023");
    await port.checkActiveSheet({ asOf: "2023-05-15" });
    const first = markedCells(wb);
    const syncsBefore = wb.syncs;
    const out = await port.checkActiveSheet({ asOf: "2023-06-20" });
    expect(out.ok).toBe(true);
    expect(wb.syncs - syncsBefore).toBe(2);
    const second = markedCells(wb);
    expect(second).not.toEqual(first);
    const planned = plannedMarks(grid("xintang-2023"), "2023-06-20");
    expect(new Map([...second].sort())).toEqual(new Map([...planned].sort()));
    expect(doublyMarked(wb)).toEqual([]);
    expect(ourRules(wb)).toHaveLength(new Set(planned.values()).size);
  });

  it("leaves no marks when nothing is due, and clears the previous ones", async () => {
    const { wb, port } = setup("xintang-2023");
    await port.checkActiveSheet({ asOf: "2023-06-20" });
    await port.checkActiveSheet({ asOf: "2023-01-10" });
    expect(ourRules(wb)).toEqual([]);
    const record = JSON.parse(String(wb.settings.get("DutyCheck.marks"))) as { sheets: object };
    expect(record.sheets).toEqual({});
  });

  it("refuses a protected sheet before writing anything", async () => {
    const { wb, port } = setup("xintang-2023", { protected: true });
    const out = await port.checkActiveSheet({ asOf: "2023-06-20" });
    expect(out).toMatchObject({ ok: false, message: "工作表已保护，未作任何修改" });
    expect(wb.syncs).toBe(1);
    expect(wb.applied).toEqual([]);
    expect(wb.settings.size).toBe(0);
  });

  it("asks the user to leave cell-edit mode", async () => {
    const { wb, port } = setup("xintang-2023");
    wb.failAt({ atSync: 1, afterCommands: 0, code: "InvalidOperationInCellEditMode" });
    const out = await port.checkActiveSheet({ asOf: "2023-06-20" });
    expect(out).toMatchObject({ ok: false, message: "请先退出单元格编辑状态再检查" });
    expect(out.ok === false && out.messageEn.length > 0).toBe(true);
    expect(wb.applied).toEqual([]);
  });

  it("reports the core's message when the sheet holds no table, and writes nothing", async () => {
    const wb = new MockWorkbook([
      { grid: { sheet: "备忘", origin: { row: 0, col: 0 }, values: [["会议纪要"], ["下周一开会"]] } },
    ]);
    const port = createExcelPort({ run: wb.run });
    const out = await port.checkActiveSheet({ asOf: "2023-06-20" });
    const expected = coreResult(
      { sheet: "备忘", origin: { row: 0, col: 0 }, values: [["会议纪要"], ["下周一开会"]] },
      "2023-06-20",
    ).warnings[0];
    expect(out).toMatchObject({ ok: false, message: expected?.message, messageEn: expected?.messageEn });
    expect(wb.applied).toEqual([]);
  });

  it("removes the previous check's marks and record when a re-check finds no table", async () => {
    const { wb, port } = setup("xintang-2023");
    const first = await port.checkActiveSheet({ asOf: "2023-06-20" });
    expect(first.ok).toBe(true);
    expect(ourRules(wb).length).toBeGreaterThan(0);
    // The user replaces the table with a note: the old marks would point at cells that no longer mean anything.
    const sheet = wb.sheet(SHEET);
    if (!sheet) throw new Error("no sheet");
    const note = {
      value: "会议纪要",
      numberFormat: "General",
      formula: null,
      format: {},
      note: null,
      validation: null,
    };
    sheet.cells = new Map([["0,0", note]]);
    const userRule = { id: 999, type: "Custom", formula: "=TRUE", fill: "#00FF00", areas: [] };
    sheet.conditionalFormats.push(userRule);
    const out = await port.checkActiveSheet({ asOf: "2023-06-20" });
    expect(out).toMatchObject({ ok: false });
    expect(ourRules(wb)).toEqual([]);
    expect(wb.sheet(SHEET)?.conditionalFormats).toEqual([userRule]);
    const record = JSON.parse(String(wb.settings.get("DutyCheck.marks"))) as { sheets: object };
    expect(record.sheets).toEqual({});
  });

  it("rejects an invalid reference date without touching the workbook", async () => {
    const { wb, port } = setup("xintang-2023");
    const out = await port.checkActiveSheet({ asOf: "2023-02-30" });
    expect(out.ok).toBe(false);
    expect(wb.runs).toBe(0);
  });

  it("leaves no half-applied marks when the write batch fails", async () => {
    const userRule = { type: "CellValue", formula: null, fill: "#00FF00", address: "H6:H20" };
    const { wb, port } = setup("xintang-2023", { userConditionalFormats: [userRule] });
    await port.checkActiveSheet({ asOf: "2023-05-15" });
    expect(ourRules(wb).length).toBeGreaterThan(0);
    // The second check's write is sync 4: let two commands through (an old rule deleted, …), then fail.
    wb.failAt({ atSync: 4, afterCommands: 2, code: "GeneralException" });
    const out = await port.checkActiveSheet({ asOf: "2023-06-20" });
    expect(out.ok).toBe(false);
    expect(ourRules(wb)).toEqual([]);
    const record = JSON.parse(String(wb.settings.get("DutyCheck.marks"))) as { sheets: object };
    expect(record.sheets).toEqual({});
    const rest = wb.sheet(SHEET)?.conditionalFormats ?? [];
    expect(rest).toHaveLength(1);
    expect(rest[0]).toMatchObject({ type: "CellValue", fill: "#00FF00" });
  });
});

describe("clearMarks", () => {
  const userFormats = {
    C6: { "fill.color": "#FFFF00", "font.bold": true, borders: "thin" },
    E6: { "font.color": "#0000FF" },
    C17: { "fill.color": "#D9D9D9", borders: "double" },
  };

  it("removes every mark and leaves each cell exactly as it was", async () => {
    const userRule = { type: "CellValue", formula: null, fill: "#00FF00", address: "G6:G20" };
    const { wb, port } = setup("xintang-2023", {
      formats: userFormats,
      notes: { C6: "请核实", E17: "已催办" },
      userConditionalFormats: [userRule],
    });
    const before = wb.cellSnapshot(SHEET);
    const rulesBefore = JSON.stringify(wb.sheet(SHEET)?.conditionalFormats);
    await port.checkActiveSheet({ asOf: "2023-06-20" });
    expect(markedCells(wb).get("C6")).toBe("overdue");
    expect(markedCells(wb).get("C17")).toBe("dueSoon");

    const out = await port.clearMarks();
    expect(out).toEqual({ ok: true, value: undefined });
    expect(wb.cellSnapshot(SHEET)).toBe(before);
    expect(JSON.stringify(wb.sheet(SHEET)?.conditionalFormats)).toBe(rulesBefore);
    expect(wb.writes).toEqual([]);
  });

  it("still finds its marks when the settings record is lost", async () => {
    const { wb, port } = setup("xintang-2023");
    await port.checkActiveSheet({ asOf: "2023-06-20" });
    wb.settings.clear();
    await port.clearMarks();
    expect(ourRules(wb)).toEqual([]);
  });

  it("clears marks on every sheet, and reports a protected one it could not clear", async () => {
    const wb = new MockWorkbook([
      { grid: grid("xintang-2023") },
      { grid: seedGrid("zimao-2022", { sheet: "紫帽" }) },
    ]);
    const port = createExcelPort({ run: wb.run });
    await port.checkActiveSheet({ asOf: "2023-06-20" });
    wb.active = "紫帽";
    await port.checkActiveSheet({ asOf: "2022-07-01" });
    expect(ourRules(wb, "紫帽").length).toBeGreaterThan(0);
    (wb.sheet("紫帽") as { protected: boolean }).protected = true;

    const out = await port.clearMarks();
    expect(out).toMatchObject({ ok: false });
    expect(out.ok === false && out.message).toContain("紫帽");
    expect(ourRules(wb)).toEqual([]);
    expect(ourRules(wb, "紫帽").length).toBeGreaterThan(0);
  });
});

describe("selectCell", () => {
  it("activates the sheet and selects the cell", async () => {
    const wb = new MockWorkbook([
      { grid: grid("xintang-2023") },
      { grid: seedGrid("zimao-2022", { sheet: "紫帽" }) },
    ]);
    const port = createExcelPort({ run: wb.run });
    expect(await port.selectCell("紫帽", "C7")).toEqual({ ok: true, value: undefined });
    expect(wb.selection).toEqual({ sheet: "紫帽", address: "C7" });
    expect(wb.active).toBe("紫帽");
  });

  it("names a missing sheet instead of throwing", async () => {
    const { wb, port } = setup("xintang-2023");
    const out = await port.selectCell("不存在", "C7");
    expect(out).toMatchObject({ ok: false });
    expect(out.ok === false && out.message).toContain("找不到");
    expect(wb.selection).toBeNull();
  });
});

describe("writeReportSheet (生成通报表)", () => {
  const REPORT = "进度通报2023-06";

  it("writes the month's 通报 in two syncs, with only what the 通报 holds and links back to the table", async () => {
    const { wb, port } = setup("xintang-2023");
    const result = coreResult(grid("xintang-2023"), "2023-06-20");
    const syncs = wb.syncs;
    expect(await port.writeReportSheet(result, { groupBy: "department" }, false)).toEqual({
      ok: true,
      value: REPORT,
    });
    expect(wb.syncs - syncs).toBe(2);
    expect(wb.active).toBe(REPORT);
    expect(wb.cell(REPORT, "A1")?.value).toBe("关于2023年6月为民办实事项目进展情况的通报");
    expect(wb.cell(REPORT, "A2")?.value).toBe(
      "实事督办 DutyCheck 生成 · 源表：责任分解表 · 检查日期：2023-06-20",
    );
    const values = [...(wb.sheet(REPORT)?.cells.values() ?? [])].map((c) => String(c.value));
    // The ten overdue projects, no upcoming milestone and no 未到期 word.
    expect(values.filter((v) => v.startsWith("第一季度："))).toHaveLength(10);
    expect(values.some((v) => v.includes("未到期") || v.startsWith("第二季度"))).toBe(false);
    // A project links back to its milestone's cell and prints as plain text.
    const link = [...(wb.sheet(REPORT)?.cells.values() ?? [])].find((c) => c.formula?.includes("拓展婴幼儿"));
    const cell = result.tables[0]?.projects.find((p) => p.name === "拓展婴幼儿照护服务普惠项目")
      ?.milestones[0]?.cell;
    expect(cell).toBe("E12");
    expect(link?.formula).toBe(`=HYPERLINK("#'${SHEET}'!${cell}","拓展婴幼儿照护服务普惠项目")`);
    expect(link?.format["font.underline"]).toBe("None");
    // 逾期天数 is a number, the rest text (a name like 2023 stays text).
    const days = [...(wb.sheet(REPORT)?.cells.values() ?? [])].filter((c) => c.value === 81);
    expect(days).toHaveLength(10);
    expect(days.every((c) => c.numberFormat === "General")).toBe(true);
    expect(wb.cell(REPORT, "A1")?.numberFormat).toBe("@");
    expect(wb.unknownWrites).toEqual([]);
  });

  it("sets the sheet up to print: A4 landscape, one page wide, the table header on every page, header and footer", async () => {
    const { wb, port } = setup("xintang-2023");
    await port.writeReportSheet(coreResult(grid("xintang-2023"), "2023-06-20"), { groupBy: "leader" }, false);
    const page = wb.sheet(REPORT)?.pageLayout ?? {};
    expect(page.orientation).toBe("Landscape");
    expect(page.paperSize).toBe("A4");
    expect(page.zoom).toEqual({ horizontalFitToPages: 1, verticalFitToPages: 0 });
    const titleRow = Number(/^\$(\d+):\$\1$/u.exec(String(page.printTitleRows))?.[1]);
    expect(wb.cell(REPORT, `A${titleRow}`)?.value).toBe("项目");
    expect(wb.cell(REPORT, `G${titleRow}`)?.value).toBe("原因");
    expect(page["headersFooters.defaultForAllPages.centerHeader"]).toBe(
      "关于2023年6月为民办实事项目进展情况的通报",
    );
    expect(page["headersFooters.defaultForAllPages.leftFooter"]).toBe("截至2023年6月20日");
    expect(page["headersFooters.defaultForAllPages.centerFooter"]).toBe("第 &P 页，共 &N 页");
    expect(wb.sheet(REPORT)?.showGridlines).toBe(false);
    // Widths for Chinese text, the title merged across, the table bordered.
    expect(wb.cell(REPORT, "B1")?.format["columnWidth"]).toBeGreaterThan(150);
    expect(wb.sheet(REPORT)?.merges).toContainEqual({ row: 0, col: 0, rowCount: 1, colCount: 8 });
    expect(wb.cell(REPORT, `A${titleRow}`)?.format["borders.InsideVertical.style"]).toBe("Continuous");
    // Grouped by leader as asked: the first group is 曾运筹's.
    expect(wb.cell(REPORT, `A${titleRow + 1}`)?.value).toBe("曾运筹（3个）");
  });

  it("never overwrites another month's 通报, and asks before replacing this month's", async () => {
    const may = {
      sheet: "进度通报2023-05",
      origin: { row: 0, col: 0 },
      values: [["五月的通报"], ["张三的批注"]],
    };
    const wb = new MockWorkbook([{ grid: grid("xintang-2023") }, { grid: may }]);
    const port = createExcelPort({ run: wb.run });
    const before = wb.cellSnapshot("进度通报2023-05");
    const june = coreResult(grid("xintang-2023"), "2023-06-20");
    expect(await port.writeReportSheet(june, { groupBy: "department" }, false)).toEqual({
      ok: true,
      value: REPORT,
    });
    expect(wb.cellSnapshot("进度通报2023-05")).toBe(before);
    expect(wb.sheets.map((s) => s.name)).toEqual([SHEET, "进度通报2023-05", REPORT]);

    // The same month again: one sync, nothing changed, until the user says replace.
    wb.cell(REPORT, "G5")!.value = "已召开推进会";
    const applied = wb.applied.length;
    const syncs = wb.syncs;
    const later = coreResult(grid("xintang-2023"), "2023-06-28");
    expect(await port.writeReportSheet(later, { groupBy: "department" }, false)).toEqual({
      ok: false,
      exists: true,
    });
    expect(wb.syncs - syncs).toBe(1);
    expect(wb.applied.length).toBe(applied);
    expect(wb.cell(REPORT, "G5")?.value).toBe("已召开推进会");

    expect(await port.writeReportSheet(later, { groupBy: "department" }, true)).toEqual({
      ok: true,
      value: REPORT,
    });
    expect(wb.sheets.filter((s) => s.name === REPORT)).toHaveLength(1);
    expect(wb.cell(REPORT, "A2")?.value).toContain("检查日期：2023-06-28");
    expect(wb.cellSnapshot("进度通报2023-05")).toBe(before);
  });

  it("is an output sheet: checking it says to switch back to the table", async () => {
    const { wb, port } = setup("xintang-2023");
    await port.writeReportSheet(
      coreResult(grid("xintang-2023"), "2023-06-20"),
      { groupBy: "department" },
      false,
    );
    const checked = await port.checkActiveSheet({ asOf: "2023-06-20" });
    expect(checked).toMatchObject({ ok: false });
    expect(checked.ok === false && checked.message).toContain("请切换到责任分解表“责任分解表”");
    // The failure's cell link leads back to the checked sheet, and the output sheet gets no marks.
    expect(checked).toMatchObject({ sheet: SHEET, cell: "A1" });
    expect(ourRules(wb, REPORT)).toEqual([]);
    expect(await port.selectCell(SHEET, "A1")).toEqual({ ok: true, value: undefined });
    expect(wb.active).toBe(SHEET);
  });
});

describe("addCompletionColumns", () => {
  it("adds four quarter columns with a drop-down right of the table, and the next check reads them", async () => {
    const { wb, port } = setup("xintang-2023");
    const first = await port.checkActiveSheet({ asOf: "2023-06-20" });
    if (!first.ok) throw new Error(first.message);
    const table = first.value.tables[0];
    if (!table) throw new Error("no table");
    expect(table.quarterColumns).toEqual({});

    const out = await port.addCompletionColumns(first.value);
    expect(out).toEqual({ ok: true, value: undefined });
    const col = table.lastCol + 1;
    const header = table.headerRows[0] as number;
    const letters = [0, 1, 2, 3].map((i) => String.fromCharCode(65 + col + i));
    expect(letters.map((l) => wb.cell(SHEET, `${l}${header}`)?.value)).toEqual([
      "第一季度完成情况",
      "第二季度完成情况",
      "第三季度完成情况",
      "第四季度完成情况",
    ]);
    const validation = wb.cell(SHEET, `${letters[0]}${table.lastRow}`)?.validation;
    expect(validation).toEqual({ list: { inCellDropDown: true, source: "已完成,未完成" } });

    // A user picks 已完成 for project 1's first quarter; the next check sees it.
    const row = table.projects[0]?.row as number;
    (wb.sheet(SHEET)?.cells.get(`${row - 1},${col}`) as { value: string }).value = "已完成";
    const second = await port.checkActiveSheet({ asOf: "2023-06-20" });
    if (!second.ok) throw new Error(second.message);
    expect(second.value.tables[0]?.quarterColumns).toEqual({
      1: letters[0],
      2: letters[1],
      3: letters[2],
      4: letters[3],
    });
    expect(second.value.tables[0]?.projects[0]?.milestones[0]?.status).toBe("done");

    // A second 添加完成情况列 has nothing to add, and says so without touching the workbook.
    const writes = wb.writes.length;
    expect(await port.addCompletionColumns(second.value)).toMatchObject({
      ok: false,
      message: "表格已有四个季度的完成情况列",
    });
    expect(wb.writes).toHaveLength(writes);
  });

  it("puts the drop-downs on project rows only, not on the repeated header rows between them", async () => {
    const { wb, port } = setup("xintang-2023");
    const result = coreResult(grid("xintang-2023"), "2023-06-20");
    const table = result.tables[0];
    if (!table) throw new Error("no table");
    expect((await port.addCompletionColumns(result)).ok).toBe(true);
    const col = String.fromCharCode(65 + table.lastCol + 1);
    const projectRows = new Set(table.projects.flatMap((p) => p.rows));
    // The seed repeats its header at every page break (rows 7, 11 and 17 of the sheet as printed).
    const repeated = [...Array(table.lastRow - table.firstRow).keys()]
      .map((i) => table.firstRow + 1 + i)
      .filter((row) => !projectRows.has(row));
    expect(repeated.length).toBeGreaterThanOrEqual(3);
    for (const row of repeated) expect(wb.cell(SHEET, `${col}${row}`)?.validation ?? null).toBeNull();
    for (const row of projectRows) expect(wb.cell(SHEET, `${col}${row}`)?.validation).not.toBeNull();
  });

  it("refuses to replace data validation the user put right of the table", async () => {
    const { wb, port } = setup("xintang-2023");
    const result = coreResult(grid("xintang-2023"), "2023-06-20");
    const table = result.tables[0];
    if (!table) throw new Error("no table");
    const row = table.lastRow - 1;
    wb.sheet(SHEET)?.cells.set(`${row},${table.lastCol + 1}`, {
      value: "",
      numberFormat: "General",
      formula: null,
      format: {},
      note: null,
      validation: { list: { inCellDropDown: true, source: "是,否" } },
    });
    const before = wb.cellSnapshot(SHEET);
    const out = await port.addCompletionColumns(result);
    expect(out).toMatchObject({ ok: false });
    expect(out.ok === false && out.message).toContain("数据验证");
    expect(wb.cellSnapshot(SHEET)).toBe(before);
  });

  it("refuses, naming the cell, when a column right of the table is not empty", async () => {
    const g = grid("xintang-2023");
    const { wb, port } = setup("xintang-2023");
    const result = coreResult(g, "2023-06-20");
    const table = result.tables[0];
    if (!table) throw new Error("no table");
    const address = `${String.fromCharCode(65 + table.lastCol + 2)}${table.lastRow - 1}`;
    wb.sheet(SHEET)?.cells.set(`${table.lastRow - 2},${table.lastCol + 2}`, {
      value: "备注",
      numberFormat: "General",
      formula: null,
      format: {},
      note: null,
      validation: null,
    });
    const before = wb.cellSnapshot(SHEET);
    const out = await port.addCompletionColumns(result);
    expect(out).toMatchObject({ ok: false, cell: address });
    expect(out.ok === false && out.message).toContain(address);
    expect(wb.cellSnapshot(SHEET)).toBe(before);
  });
});

describe("addCompletionColumns over several tables on one sheet", () => {
  /** The two seeds one above the other on one sheet, two empty rows apart: two tables. */
  function twoTables(): SheetGrid {
    const a = grid("xintang-2023");
    const b = grid("zimao-2022");
    return { ...a, values: [...a.values, [], [], ...b.values], merges: [] };
  }

  function checked(g: SheetGrid): SheetResult {
    const result = coreResult(g, "2023-06-20");
    expect(result.tables).toHaveLength(2);
    return result;
  }

  it("adds every table's columns in one read and one write", async () => {
    const g = twoTables();
    const wb = new MockWorkbook([{ grid: g }]);
    const port = createExcelPort({ run: wb.run });
    const result = checked(g);
    expect(await port.addCompletionColumns(result)).toEqual({ ok: true, value: undefined });
    expect(wb.runs).toBe(1);
    expect(wb.syncs).toBe(2);
    for (const table of result.tables) {
      const header = (table.headerRows[0] as number) - 1;
      expect(wb.sheet(SHEET)?.cells.get(`${header},${table.lastCol + 1}`)?.value).toBe("第一季度完成情况");
      expect(wb.sheet(SHEET)?.cells.get(`${header},${table.lastCol + 4}`)?.value).toBe("第四季度完成情况");
    }
  });

  it("writes nothing when the second table's columns are taken, naming the cell and its sheet", async () => {
    const g = twoTables();
    const result = checked(g);
    const second = result.tables[1] as SheetResult["tables"][number];
    const row = (second.projects[2]?.row as number) - 1;
    const col = second.lastCol + 3;
    const wb = new MockWorkbook([{ grid: g }]);
    wb.sheet(SHEET)?.cells.set(`${row},${col}`, {
      value: "备注",
      numberFormat: "General",
      formula: null,
      format: {},
      note: null,
      validation: null,
    });
    const before = wb.cellSnapshot(SHEET);
    const port = createExcelPort({ run: wb.run });
    const out = await port.addCompletionColumns(result);
    const address = `${String.fromCharCode(65 + col)}${row + 1}`;
    expect(out).toMatchObject({ ok: false, cell: address, sheet: SHEET });
    expect(wb.writes).toEqual([]);
    expect(wb.cellSnapshot(SHEET)).toBe(before);
    expect(wb.syncs).toBe(1);
  });

  it("leaves a table that has all four columns alone and adds the others'", async () => {
    const g = twoTables();
    const result = checked(g);
    const [first, second] = result.tables as [SheetResult["tables"][number], SheetResult["tables"][number]];
    const done = {
      ...result,
      tables: [{ ...first, quarterColumns: { 1: "K", 2: "L", 3: "M", 4: "N" } }, second],
    };
    const wb = new MockWorkbook([{ grid: g }]);
    const port = createExcelPort({ run: wb.run });
    expect(await port.addCompletionColumns(done)).toEqual({ ok: true, value: undefined });
    // Nothing beside the first table: every write is on the second table's rows.
    expect(wb.writes.length).toBeGreaterThan(0);
    expect(wb.writes.every((w) => Number(/\d+/u.exec(w.address)?.[0]) >= second.firstRow)).toBe(true);
  });
});

describe("addCompletionColumns with formulas", () => {
  it('refuses a cell whose formula shows "", naming it and its sheet, and writes nothing', async () => {
    const result = coreResult(grid("xintang-2023"), "2023-06-20");
    const table = result.tables[0];
    if (!table) throw new Error("no table");
    const address = `${String.fromCharCode(65 + table.lastCol + 1)}${table.lastRow}`;
    const { wb, port } = setup("xintang-2023", {
      formulas: { [address]: { formula: '=IF(A1="x","备注","")', value: "" } },
    });
    const before = wb.cellSnapshot(SHEET);
    const out = await port.addCompletionColumns(result);
    expect(out).toMatchObject({ ok: false, cell: address, sheet: SHEET });
    expect(out.ok === false && out.message).toContain(address);
    expect(wb.writes).toEqual([]);
    expect(wb.cellSnapshot(SHEET)).toBe(before);
  });
});

/** "C6:D7" → C6, C7, D6, D7. */
function expand(range: string): string[] {
  const [a, b] = range.split(":");
  const parse = (s: string) => {
    const m = /^([A-Z]+)(\d+)$/u.exec(s) as RegExpExecArray;
    return { col: (m[1] as string).charCodeAt(0) - 65, row: Number(m[2]) };
  };
  const start = parse(a as string);
  const end = parse(b ?? (a as string));
  const cells: string[] = [];
  for (let c = start.col; c <= end.col; c++)
    for (let r = start.row; r <= end.row; r++) cells.push(`${String.fromCharCode(65 + c)}${r}`);
  return cells;
}

describe("insertStatusColumn", () => {
  it("goes through the port's own Excel.run: the read, the target column's formulas, the write", async () => {
    const { wb, port } = setup("xintang-2023");
    expect(await port.insertStatusColumn({ asOf: "2023-06-20" })).toEqual({ ok: true, value: undefined });
    expect(wb.runs).toBe(1);
    expect(wb.syncs).toBe(3);
    const formulas = [...(wb.sheet(SHEET)?.cells.values() ?? [])].filter((c) => c.formula !== null);
    expect(formulas).toHaveLength(12);
    expect(formulas.every((c) => /^=DUTY\.STATUS\([A-Z]+\d+,"2023-06-20"\)$/u.test(c.formula ?? ""))).toBe(
      true,
    );
  });

  it("refuses a protected sheet in the read, before writing anything", async () => {
    const { wb, port } = setup("xintang-2023", { protected: true });
    const out = await port.insertStatusColumn({ asOf: "2023-06-20" });
    expect(out).toMatchObject({ ok: false, message: "工作表已保护，未作任何修改" });
    expect(wb.syncs).toBe(1);
    expect(wb.writes).toEqual([]);
  });

  it("answers on the pane's date and due-soon window, and says the date in the header", async () => {
    const { wb, port } = setup("xintang-2023");
    expect(await port.insertStatusColumn({ asOf: "2023-06-20", dueSoonDays: 30 })).toEqual({
      ok: true,
      value: undefined,
    });
    const table = coreResult(grid("xintang-2023"), "2023-06-20").tables[0];
    if (!table) throw new Error("no table");
    const col = String.fromCharCode(65 + table.lastCol + 1);
    const first = table.projects[0];
    const nameCol = String.fromCharCode(65 + table.firstCol);
    expect(wb.cell(SHEET, `${col}${table.headerRows[0]}`)?.value).toBe("进度状态（截至 2023-06-20）");
    expect(wb.cell(SHEET, `${col}${first?.row}`)?.formula).toBe(
      `=DUTY.STATUS(${nameCol}${first?.row},"2023-06-20",30)`,
    );
  });
});

describe("pane settings", () => {
  it("remembers the pane's settings in the workbook and reads them back, one sync each", async () => {
    const { wb, port } = setup("xintang-2023");
    expect(await port.readSettings()).toEqual({ ok: true, value: {} });
    const settings = { dueSoonDays: 30, groupBy: "department", dateMode: "lastMonthEnd" } as const;
    expect(await port.writeSettings(settings)).toEqual({ ok: true, value: undefined });
    expect(wb.settings.get("DutyCheck.pane")).toBe(JSON.stringify(settings));
    const syncs = wb.syncs;
    expect(await port.readSettings()).toEqual({ ok: true, value: settings });
    expect(wb.syncs).toBe(syncs + 1);
  });

  it("complete a check that leaves options out (the ribbon's), inside the check's two syncs", async () => {
    const { wb, port } = setup("xintang-2023");
    wb.settings.set("DutyCheck.pane", JSON.stringify({ dueSoonDays: 30, reportDay: 15, behindTolerance: 5 }));
    const syncs = wb.syncs;
    const remembered = await port.checkActiveSheet({ asOf: "2023-06-20" });
    expect(wb.syncs - syncs).toBe(2);
    expect(remembered.ok && remembered.value.dueSoonDays).toBe(30);
    const given = await port.checkActiveSheet({ asOf: "2023-06-20", dueSoonDays: 7 });
    expect(given.ok && given.value.dueSoonDays).toBe(7);
    wb.settings.delete("DutyCheck.pane");
    const none = await port.checkActiveSheet({ asOf: "2023-06-20" });
    expect(none.ok && none.value.dueSoonDays).toBe(15);
  });

  it("reads damaged settings as what can be trusted of them, never as an error", async () => {
    const { wb, port } = setup("xintang-2023");
    wb.settings.set("DutyCheck.pane", '{"dueSoonDays":"lots","groupBy":"leader"');
    expect(await port.readSettings()).toEqual({ ok: true, value: {} });
    wb.settings.set("DutyCheck.pane", '{"dueSoonDays":-3,"groupBy":"leader"}');
    expect(await port.readSettings()).toEqual({ ok: true, value: { groupBy: "leader" } });
  });
});
