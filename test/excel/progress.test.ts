import { checkSheet } from "../../src/core/check";
import { MARK_FILL, MARK_OUTLINE, planMarks } from "../../src/core/marks";
import { resolveOptions } from "../../src/core/options";
import { parseStore } from "../../src/core/since";
import type { SheetGrid } from "../../src/core/types";
import { createExcelPort } from "../../src/excel/index";
import { markFormula, markKindOf, parseRecord, plannedRanges } from "../../src/core/mark-record";
import { SNAPSHOTS_KEY } from "../../src/excel/snapshots";
import { MockWorkbook, type ConditionalFormatState, type SheetSpec } from "../support/mock-workbook";
import { seedGrid } from "../support/seed-grid";

/** The monthly cycle in Excel: progress marks, snapshots kept in the workbook, 添加本月进展列. */

const SHEET = "推进情况表";
const BLANK = { value: "", numberFormat: "General", formula: null, format: {}, note: null, validation: null };

function grid(): SheetGrid {
  return seedGrid("monthly-2023", { sheet: SHEET });
}

function setup(spec: Partial<SheetSpec> = {}) {
  const wb = new MockWorkbook([{ grid: grid(), ...spec }]);
  const port = createExcelPort({ run: wb.run, today: () => new Date(2023, 5, 26) });
  return { wb, port };
}

function isOurs(cf: ConditionalFormatState): boolean {
  return cf.type === "Custom" && /DutyCheck:/u.test(cf.formula ?? "");
}

function kindOf(cf: ConditionalFormatState): string {
  return /DutyCheck:(\w+)/u.exec(cf.formula ?? "")?.[1] ?? "?";
}

function progressCells(wb: MockWorkbook): Map<string, ConditionalFormatState> {
  return new Map(
    [...wb.formattedCells(SHEET, isOurs)].filter(([, cf]) => ["notReported", "behind"].includes(kindOf(cf))),
  );
}

describe("progress marks", () => {
  it("mark the current report cell of 未报送 and 滞后 projects with a fill and an outline, in two syncs", async () => {
    const { wb, port } = setup();
    const before = wb.cellSnapshot(SHEET);
    const out = await port.checkActiveSheet({ asOf: "2023-06-26" });
    if (!out.ok) throw new Error(out.message);
    expect(wb.syncs).toBe(2);
    const table = out.value.tables[0];
    const expected = new Map(
      (table?.projects ?? []).flatMap((p) =>
        p.progress && (p.progress.state === "notReported" || p.progress.state === "behind")
          ? [[p.progress.cell as string, p.progress.state]]
          : [],
      ),
    );
    expect(expected.size).toBeGreaterThan(2);
    const marked = progressCells(wb);
    expect(new Map([...marked].map(([a, cf]) => [a, kindOf(cf)]))).toEqual(expected);
    for (const cf of marked.values()) {
      const kind = kindOf(cf) as "notReported" | "behind";
      expect(cf.fill).toBe(MARK_FILL[kind]);
      // Not hue alone: every edge drawn, dashed for 未报送, solid for 滞后.
      const style = MARK_OUTLINE[kind]?.style === "dashed" ? "Dash" : "Continuous";
      expect(Object.keys(cf.borders ?? {}).sort()).toEqual([
        "EdgeBottom",
        "EdgeLeft",
        "EdgeRight",
        "EdgeTop",
      ]);
      for (const edge of Object.values(cf.borders ?? {}))
        expect(edge).toEqual({ style, color: MARK_OUTLINE[kind]?.color });
    }
    // The other marks draw no outline.
    for (const cf of wb.sheet(SHEET)?.conditionalFormats ?? [])
      if (["overdue", "dueSoon", "done"].includes(kindOf(cf))) expect(cf.borders).toEqual({});
    expect(wb.writes).toEqual([]);
    expect(wb.cellSnapshot(SHEET)).toBe(before);
  });

  it("are exactly the core's plan", async () => {
    const { wb, port } = setup();
    await port.checkActiveSheet({ asOf: "2023-06-26" });
    const options = resolveOptions({ asOf: "2023-06-26" });
    if (!options.ok) throw new Error(options.message);
    const planned = planMarks(checkSheet(grid(), options.options));
    expect(new Map([...wb.formattedCells(SHEET, isOurs)].map(([a, cf]) => [a, kindOf(cf)]))).toEqual(
      new Map(planned.map((m) => [m.address, m.kind])),
    );
  });

  it("清除标记 removes them, leaving users' formats on those cells exactly as they were", async () => {
    const { wb, port } = setup({
      formats: { M6: { "fill.color": "#FFFF00", borders: "thin" }, M8: { "font.italic": true } },
      notes: { M8: "已催报" },
    });
    const before = wb.cellSnapshot(SHEET);
    await port.checkActiveSheet({ asOf: "2023-06-26" });
    expect(kindOf(progressCells(wb).get("M6") as ConditionalFormatState)).toBe("notReported");
    expect(kindOf(progressCells(wb).get("M8") as ConditionalFormatState)).toBe("behind");
    expect(await port.clearMarks()).toEqual({ ok: true, value: undefined });
    expect(wb.sheet(SHEET)?.conditionalFormats).toEqual([]);
    expect(wb.cellSnapshot(SHEET)).toBe(before);
  });
});

/** The sheet as it was in May: the June column still empty. */
function mayGrid(): SheetGrid {
  const g = grid();
  const june = g.values.findIndex((row) => row.includes("6月进展情况"));
  const col = (g.values[june] as unknown[]).indexOf("6月进展情况");
  return {
    ...g,
    values: g.values.map((row, r) =>
      r > june && !row.includes("6月进展情况") ? row.map((v, c) => (c === col ? "" : v)) : row,
    ),
  };
}

describe("snapshots of each check, in the workbook's settings", () => {
  it("are read and written within the check's two syncs, and the next check says what changed", async () => {
    const wb = new MockWorkbook([{ grid: mayGrid() }]);
    const port = createExcelPort({ run: wb.run });
    const first = await port.checkActiveSheet({ asOf: "2023-05-26" });
    if (!first.ok) throw new Error(first.message);
    expect(wb.syncs).toBe(2);
    expect(first.value.since).toBeUndefined();
    expect(parseStore(wb.settings.get(SNAPSHOTS_KEY)).sheets[SHEET]?.latest.asOf).toBe("2023-05-26");

    // In June the 信息员 report, and the clerk checks again.
    const june = grid();
    june.values.forEach((row, r) =>
      row.forEach((value, c) => {
        const cell = wb.sheet(SHEET)?.cells.get(`${r},${c}`);
        if (cell && cell.value !== value) cell.value = value;
        else if (!cell && value !== "") wb.sheet(SHEET)?.cells.set(`${r},${c}`, { ...BLANK, value });
      }),
    );
    const syncs = wb.syncs;
    const second = await port.checkActiveSheet({ asOf: "2023-06-26" });
    if (!second.ok) throw new Error(second.message);
    expect(wb.syncs - syncs).toBe(2);
    const since = second.value.since;
    expect(since?.since).toBe("2023-05-26");
    expect(since?.progressChanged.map((c) => [c.index, c.from, c.to])).toEqual([
      ["4", "onSchedule", "behind"],
      ["5", "onSchedule", "behind"],
      ["7", "onSchedule", "notReported"],
      ["9", "behind", "done"],
      ["10", "onSchedule", "notStarted"],
      ["14", "onSchedule", "notReported"],
    ]);
    expect(since?.newlyDone.map((p) => p.name)).toEqual(["开展文艺精品公益性演出"]);
    expect([since?.added, since?.removed, since?.newlyOverdue]).toEqual([[], [], []]);
    // Users' cells never hold it.
    expect(wb.writes).toEqual([]);

    // Checking again the same day still compares with May.
    const again = await port.checkActiveSheet({ asOf: "2023-06-26" });
    if (!again.ok) throw new Error(again.message);
    expect(again.value.since).toEqual(since);
  });

  it("an unreadable stored value counts as no earlier check", async () => {
    const { wb, port } = setup();
    wb.settings.set(SNAPSHOTS_KEY, "{broken");
    const out = await port.checkActiveSheet({ asOf: "2023-06-26" });
    expect(out.ok && out.value.since).toBeUndefined();
    expect(parseStore(wb.settings.get(SNAPSHOTS_KEY)).sheets[SHEET]?.latest.asOf).toBe("2023-06-26");
  });
});

describe("添加本月进展列", () => {
  async function checked(port: ReturnType<typeof createExcelPort>, asOf: string) {
    const out = await port.checkActiveSheet({ asOf });
    if (!out.ok) throw new Error(out.message);
    const table = out.value.tables[0];
    if (!table) throw new Error("no table");
    return table;
  }

  it("writes the header cell and formats only, in two syncs, and the next check reads the column", async () => {
    const { wb, port } = setup({
      columnWidths: { M: 150 },
      formats: { M3: { "font.bold": true, horizontalAlignment: "Center" } },
    });
    const table = await checked(port, "2023-06-26");
    const syncs = wb.syncs;
    const before = wb.cellSnapshot(SHEET);
    const out = await port.addProgressColumn(table, "2023-06-26");
    expect(out).toEqual({
      ok: true,
      value: { sheet: SHEET, cell: "N3", header: "7月进展情况", period: "2023-07" },
    });
    expect(wb.syncs - syncs).toBe(2);
    expect(wb.cell(SHEET, "N3")?.value).toBe("7月进展情况");
    // Width like the last progress column, its header's look, wrapped text down the column.
    expect(wb.sheet(SHEET)?.columnWidths.get(13)).toBe(150);
    expect(wb.cell(SHEET, "N3")?.format).toMatchObject({
      "font.bold": true,
      horizontalAlignment: "Center",
      wrapText: true,
    });
    expect(wb.cell(SHEET, `N${table.lastRow}`)?.format).toEqual({ wrapText: true });
    // No value anywhere but the header.
    const valueWrites = wb.writes.filter((w) => w.field === "values");
    expect(valueWrites).toEqual([{ sheet: SHEET, address: "N3", field: "values" }]);
    expect(wb.unknownWrites).toEqual([]);
    const values = (snapshot: string) =>
      (JSON.parse(snapshot) as { cells: Array<[string, { value: unknown }]> }).cells
        .filter(([, c]) => c.value !== "")
        .map(([k, c]) => `${k}=${String(c.value)}`);
    expect(values(wb.cellSnapshot(SHEET)).sort()).toEqual([...values(before), "2,13=7月进展情况"].sort());

    const after = await checked(port, "2023-07-25");
    expect(after.progress?.columns.map((c) => [c.column, c.period])).toEqual([
      ["K", "2023-04"],
      ["L", "2023-05"],
      ["M", "2023-06"],
      ["N", "2023-07"],
    ]);
    expect(
      after.projects.every((p) => p.progress?.state === "notReported" || p.progress?.state === "done"),
    ).toBe(true);
  });

  it("refuses a protected sheet in the read, before writing anything", async () => {
    const { wb, port } = setup();
    const table = await checked(port, "2023-06-26");
    (wb.sheet(SHEET) as { protected: boolean }).protected = true;
    const writes = wb.writes.length;
    expect(await port.addProgressColumn(table, "2023-06-26")).toMatchObject({
      ok: false,
      message: "工作表已保护，未作任何修改",
    });
    expect(wb.writes).toHaveLength(writes);
  });

  it("refuses, naming the cell, when the column right of the table is not empty", async () => {
    const { wb, port } = setup({ formulas: { N10: { formula: '=IF(A1="","","")', value: "" } } });
    const table = await checked(port, "2023-06-26");
    const before = wb.cellSnapshot(SHEET);
    expect(await port.addProgressColumn(table, "2023-06-26")).toEqual({
      ok: false,
      message: "单元格 N10 不为空：进展列只加在表格右侧的空白列中，未作任何修改",
      messageEn:
        "Cell N10 is not empty: the progress column goes only into an empty column right of the table; nothing was changed",
      cell: "N10",
      sheet: SHEET,
    });
    expect(wb.cellSnapshot(SHEET)).toBe(before);
  });

  it("refuses when next month's column is already there, without a round trip", async () => {
    const { wb, port } = setup();
    const table = await checked(port, "2023-06-26");
    expect(await port.addProgressColumn(table, "2023-06-26")).toMatchObject({ ok: true });
    const again = await checked(port, "2023-06-26");
    const syncs = wb.syncs;
    expect(await port.addProgressColumn(again, "2023-06-26")).toMatchObject({
      ok: false,
      message: "表中已有 7 月的进展列（N3），本月进展列无需再添加",
    });
    expect(wb.syncs).toBe(syncs);
  });
});

describe("the marks' rule signature and record", () => {
  it("recognise the monthly cycle's kinds, and read records written before them", () => {
    for (const kind of ["notReported", "behind"] as const) expect(markKindOf(markFormula(kind))).toBe(kind);
    const old = {
      version: 1,
      sheets: { 表: { asOf: "2023-06-20", ranges: { overdue: ["C6"], dueSoon: [], done: [] } } },
    };
    expect(parseRecord(JSON.stringify(old))).toEqual(old);
    expect(plannedRanges([{ address: "M6", kind: "notReported", reason: "" }])).toEqual({
      overdue: [],
      dueSoon: [],
      done: [],
      notReported: ["M6"],
    });
  });
});
