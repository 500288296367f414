import { checkSheet } from "../../src/core/check";
import { MARK_FILL, planMarks, type MarkKind } from "../../src/core/marks";
import { resolveOptions } from "../../src/core/options";
import type { SheetGrid } from "../../src/core/types";
import { checkActiveSheet } from "../../src/wps/check";
import { clearMarks } from "../../src/wps/clear";
import type { WpsContext } from "../../src/wps/context";
import { bgr } from "../../src/wps/et";
import { readGrid } from "../../src/wps/read";
import { selectCell } from "../../src/wps/select";
import { SNAPSHOTS_PREFIX } from "../../src/wps/snapshots";
import { FakeET, conditionedCells, type ConditionState, type FakeOptions } from "../support/fake-et";
import { seedGrid, type SeedName } from "../support/seed-grid";

const SHEET = "责任分解表";
const ORIGIN = { row: 2, col: 1 };
const AS_OF = "2023-06-20";

function grid(seed: SeedName = "xintang-2023"): SheetGrid {
  return seedGrid(seed, { sheet: SHEET, origin: ORIGIN });
}

function setup(seed: SeedName = "xintang-2023", options: FakeOptions = {}) {
  const et = new FakeET(options);
  const sheet = et.addSheet(SHEET, grid(seed));
  et.activate(SHEET);
  const ctx: WpsContext = { app: et.application, today: () => new Date(2023, 5, 20) };
  return { et, sheet, ctx };
}

function planned(g: SheetGrid, asOf = AS_OF): Map<string, MarkKind> {
  const options = resolveOptions({ asOf });
  if (!options.ok) throw new Error(options.message);
  return new Map(planMarks(checkSheet(g, options.options)).map((m) => [m.address, m.kind]));
}

/** Ours, read independently of the adapter's helpers: an expression condition whose formula names us. */
function isOurs(cf: ConditionState): boolean {
  return cf.type === 2 && /DutyCheck:/u.test(cf.formula1);
}

/** The properties holding the record of what was marked. */
function markRecord(et: FakeET) {
  return et.workbook.properties.filter((p) => p.Name.startsWith("DutyCheck.marks."));
}

function marked(et: FakeET, sheet = SHEET): Map<string, string> {
  const cells = new Map<string, string>();
  for (const [address, cf] of conditionedCells(et.sheet(sheet), isOurs)) {
    const kind = /DutyCheck:(\w+)/u.exec(cf.formula1)?.[1] as MarkKind;
    expect(cf.fill).toBe(bgr(MARK_FILL[kind]));
    cells.set(address, kind);
  }
  return cells;
}

describe("readGrid over the fake ET", () => {
  it("reads the same grid the core reads from Office.js: values, origin, merges", () => {
    const { sheet } = setup();
    const read = readGrid(sheet as unknown as Et.Worksheet);
    const expected = grid();
    expect(read.origin).toEqual(expected.origin);
    expect(read.values).toEqual(expected.values);
    expect(read.merges).toEqual([...(expected.merges ?? [])].sort((a, b) => a.row - b.row || a.col - b.col));
  });

  it("reads every value in ONE Value2 read, and formats in one read when they are shared", () => {
    const { et, sheet } = setup();
    readGrid(sheet as unknown as Et.Worksheet);
    expect(et.reads("Range.Value2")).toBe(1);
    expect(et.reads("Range.NumberFormat")).toBe(1);
  });

  it("reads a date-formatted number's format, so a date cell becomes a dated milestone", () => {
    const et = new FakeET();
    const sheet = et.addSheet(SHEET, grid());
    const cell = sheet.cell(7, 4);
    cell.value = 45107;
    cell.numberFormat = "yyyy/m/d";
    const read = readGrid(sheet as unknown as Et.Worksheet);
    expect(read.numberFormats?.[7 - read.origin.row]?.[4 - read.origin.col]).toBe("yyyy/m/d");
    // One read for the block, one per column of the mixed block, one for the single number in column E.
    expect(et.reads("Range.NumberFormat")).toBeLessThanOrEqual(1 + read.values[0]!.length + 20);
  });

  it("gives VBA error values as Office.js does (#N/A text), never as numbers", () => {
    const et = new FakeET();
    const sheet = et.addSheet(SHEET, grid());
    sheet.cell(8, 6).value = -2146826246;
    const read = readGrid(sheet as unknown as Et.Worksheet);
    expect(read.values[8 - read.origin.row]?.[6 - read.origin.col]).toBe("#N/A");
  });

  it("reads a one-cell sheet, whose Value2 is a scalar", () => {
    const et = new FakeET();
    const sheet = et.addSheet("x");
    sheet.cell(3, 2).value = "只有一格";
    const read = readGrid(sheet as unknown as Et.Worksheet);
    expect(read).toMatchObject({ origin: { row: 3, col: 2 }, values: [["只有一格"]], merges: [] });
  });
});

describe("checkActiveSheet", () => {
  it("checks the 新塘 sample and marks exactly the cells the core plans, in the core's colours (BGR)", () => {
    const { et, ctx } = setup();
    const outcome = checkActiveSheet(ctx, { asOf: AS_OF });
    if (!outcome.ok) throw new Error(outcome.message);
    expect(outcome.value.tables[0]?.counts).toEqual({
      overdue: 10,
      dueSoon: 1,
      onTrack: 0,
      done: 0,
      unscheduled: 1,
    });
    expect(marked(et)).toEqual(planned(grid()));
    expect(et.reads("Range.Value2")).toBe(1);
    expect(et.screenUpdating).toBe(true);
  });

  it("works on builds that expose properties as methods", () => {
    const { et, ctx } = setup("xintang-2023", { propertiesAsMethods: true });
    const outcome = checkActiveSheet(ctx, { asOf: AS_OF });
    expect(outcome.ok).toBe(true);
    expect(marked(et)).toEqual(planned(grid()));
  });

  it("records what it marked in the workbook, in pieces a text property can hold", () => {
    const { et, ctx } = setup();
    checkActiveSheet(ctx, { asOf: AS_OF });
    const pieces = markRecord(et);
    expect(pieces.length).toBeGreaterThan(0);
    expect(pieces.every((p) => p.Value.length <= 255)).toBe(true);
    const record = JSON.parse(pieces.map((p) => p.Value).join(""));
    expect(record.sheets[SHEET].asOf).toBe(AS_OF);
    expect(record.sheets[SHEET].ranges.overdue.length).toBeGreaterThan(0);
  });

  it("replaces the first check's marks with the second's (no stale condition left under a new one)", () => {
    const { et, ctx } = setup();
    checkActiveSheet(ctx, { asOf: AS_OF });
    checkActiveSheet(ctx, { asOf: "2023-12-31" });
    expect(marked(et)).toEqual(planned(grid(), "2023-12-31"));
    const covered = new Map<string, number>();
    for (const cf of et.sheet(SHEET).conditions.filter(isOurs))
      for (const a of cf.areas)
        for (let r = a.row; r < a.row + a.rows; r++)
          for (let c = a.col; c < a.col + a.cols; c++)
            covered.set(`${r},${c}`, (covered.get(`${r},${c}`) ?? 0) + 1);
    expect([...covered.values()].every((n) => n === 1)).toBe(true);
  });

  it("refuses a protected sheet before reading or writing anything", () => {
    const { et, sheet, ctx } = setup();
    sheet.protectContents = true;
    const before = sheet.userState();
    const outcome = checkActiveSheet(ctx, { asOf: AS_OF });
    expect(outcome).toMatchObject({ ok: false, message: "工作表已保护，未作任何修改" });
    expect(et.reads("Range.Value2")).toBe(0);
    expect(sheet.conditions).toEqual([]);
    expect(sheet.userState()).toBe(before);
  });

  it("rejects an invalid reference date without touching the workbook", () => {
    const { et, ctx } = setup();
    const outcome = checkActiveSheet(ctx, { asOf: "2023-02-30" });
    expect(outcome.ok).toBe(false);
    expect(et.totalCalls()).toBe(0);
  });

  it("reports the core's message when the sheet holds no table, and removes an earlier check's marks", () => {
    const { et, sheet, ctx } = setup();
    checkActiveSheet(ctx, { asOf: AS_OF });
    sheet.cells.clear();
    sheet.cell(0, 0).value = "随便写点什么";
    const outcome = checkActiveSheet(ctx, { asOf: AS_OF });
    expect(outcome.ok).toBe(false);
    expect(marked(et).size).toBe(0);
    expect(markRecord(et)).toEqual([]);
  });

  it("leaves no half-applied marks when a write fails half-way", () => {
    const { et, ctx } = setup("xintang-2023", {
      failOn: { name: "FormatConditions.Add", call: 2, message: "磁盘已满" },
    });
    const outcome = checkActiveSheet(ctx, { asOf: AS_OF });
    expect(outcome).toMatchObject({ ok: false, message: expect.stringContaining("磁盘已满") });
    expect(et.reads("FormatConditions.Add")).toBe(2);
    expect(marked(et).size).toBe(0);
  });
});

describe("clearMarks", () => {
  it("removes every mark and leaves users' values, formats, fills, fonts and conditions exactly as they were", () => {
    const { et, sheet, ctx } = setup();
    sheet.cell(5, 2).fill = bgr("#00FF00");
    sheet.cell(6, 2).bold = true;
    sheet.cell(7, 3).note = "用户批注";
    sheet.conditions.push({
      type: 1,
      formula1: "=0",
      areas: [{ row: 5, col: 1, rows: 3, cols: 2 }],
      fill: 255,
    });
    const before = sheet.userState();
    const userConditions = JSON.stringify(sheet.conditions);
    checkActiveSheet(ctx, { asOf: AS_OF });
    expect(marked(et).size).toBeGreaterThan(0);
    expect(clearMarks(ctx)).toEqual({ ok: true, value: undefined });
    expect(sheet.userState()).toBe(before);
    expect(JSON.stringify(sheet.conditions)).toBe(userConditions);
    // The record goes with the marks; the check's snapshots stay, so the next month can still be compared.
    expect(markRecord(et)).toEqual([]);
    expect(et.workbook.properties.map((p) => p.Name).every((n) => n.startsWith(SNAPSHOTS_PREFIX))).toBe(true);
  });

  it("still finds its marks when the record is lost", () => {
    const { et, ctx } = setup();
    checkActiveSheet(ctx, { asOf: AS_OF });
    et.workbook.properties.splice(0);
    expect(clearMarks(ctx).ok).toBe(true);
    expect(marked(et).size).toBe(0);
  });

  it("clears every sheet, and names a protected one it could not clear", () => {
    const { et, ctx } = setup();
    const other = et.addSheet("另一张", seedGrid("zimao-2022", { sheet: "另一张", origin: ORIGIN }));
    checkActiveSheet(ctx, { asOf: AS_OF });
    et.activate("另一张");
    checkActiveSheet(ctx, { asOf: AS_OF });
    other.protectContents = true;
    const outcome = clearMarks(ctx);
    expect(outcome).toMatchObject({ ok: false, message: expect.stringContaining("“另一张”已保护") });
    expect(marked(et).size).toBe(0);
    expect(marked(et, "另一张").size).toBeGreaterThan(0);
  });
});

describe("selectCell", () => {
  it("activates the sheet and selects the cell", () => {
    const { et, ctx } = setup();
    et.addSheet("其他");
    et.activate("其他");
    expect(selectCell(ctx, SHEET, "D10")).toEqual({ ok: true, value: undefined });
    expect(et.sheet(SHEET).selected).toBe("D10");
    expect(et.workbook.sheets[et.activeSheetIndex]?.name).toBe(SHEET);
  });

  it("names a missing sheet and refuses a bad address, without throwing", () => {
    const { ctx } = setup();
    expect(selectCell(ctx, "不存在", "D10")).toMatchObject({
      ok: false,
      message: expect.stringContaining("不存在"),
    });
    expect(selectCell(ctx, SHEET, "D10!")).toMatchObject({ ok: false });
  });
});
