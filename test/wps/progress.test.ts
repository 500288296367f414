import { MARK_FILL, MARK_OUTLINE } from "../../src/core/marks";
import { diffSnapshots, hasChanges, parseStore, snapshotOf } from "../../src/core/since";
import type { TableResult } from "../../src/core/types";
import { checkActiveSheet } from "../../src/wps/check";
import { clearMarks } from "../../src/wps/clear";
import type { WpsContext } from "../../src/wps/context";
import { bgr } from "../../src/wps/et";
import { WpsFormulas } from "../../src/wps/functions";
import { createWpsPort } from "../../src/wps/port";
import { writeSettings } from "../../src/wps/settings";
import { SNAPSHOTS_PREFIX } from "../../src/wps/snapshots";
import { FakeET, conditionedCells } from "../support/fake-et";
import { seedGrid } from "../support/seed-grid";

/** The monthly cycle in the WPS add-in: progress marks with outlines, and 添加本月进展列 over the fake ET. */

const SHEET = "推进情况表";

function setup() {
  const et = new FakeET();
  const sheet = et.addSheet(SHEET, seedGrid("monthly-2023", { sheet: SHEET }));
  et.activate(SHEET);
  const ctx: WpsContext = { app: et.application, today: () => new Date(2023, 5, 26) };
  return { et, sheet, ctx };
}

function check(ctx: WpsContext, asOf = "2023-06-26"): TableResult {
  const out = checkActiveSheet(ctx, { asOf });
  if (!out.ok) throw new Error(out.message);
  const table = out.value.tables[0];
  if (!table) throw new Error("no table");
  return table;
}

describe("WPS: progress marks", () => {
  it("mark 未报送 and 滞后 report cells with a fill and a dashed or solid outline; 清除标记 removes them", () => {
    const { et, sheet, ctx } = setup();
    const table = check(ctx);
    const expected = new Map(
      table.projects.flatMap((p) =>
        p.progress && (p.progress.state === "notReported" || p.progress.state === "behind")
          ? [[p.progress.cell as string, p.progress.state]]
          : [],
      ),
    );
    const ours = conditionedCells(et.sheet(SHEET), (cf) =>
      /DutyCheck:(notReported|behind)/u.test(cf.formula1),
    );
    expect(new Map([...ours].map(([a, cf]) => [a, /DutyCheck:(\w+)/u.exec(cf.formula1)?.[1]]))).toEqual(
      expected,
    );
    for (const cf of ours.values()) {
      const kind = /notReported/u.test(cf.formula1) ? "notReported" : "behind";
      expect(cf.fill).toBe(bgr(MARK_FILL[kind]));
      const style = MARK_OUTLINE[kind]?.style === "dashed" ? -4115 : 1;
      expect(
        Object.keys(cf.borders ?? {})
          .map(Number)
          .sort((a, b) => a - b),
      ).toEqual([7, 8, 9, 10]);
      for (const edge of Object.values(cf.borders ?? {}))
        expect(edge).toEqual({ lineStyle: style, color: bgr(MARK_OUTLINE[kind]?.color ?? "") });
    }
    expect(clearMarks(ctx)).toEqual({ ok: true, value: undefined });
    expect(sheet.conditions).toEqual([]);
  });
});

describe("WPS: 添加本月进展列", () => {
  it("writes the header and the last progress column's width, and the next check reads the column", async () => {
    const { et, ctx } = setup();
    const sheet = et.sheet(SHEET);
    sheet.columnWidths.set(12, 30);
    const table = check(ctx);
    const port = createWpsPort(ctx);
    expect(await port.addProgressColumn(table, "2023-06-26")).toEqual({
      ok: true,
      value: { sheet: SHEET, cell: "N3", header: "7月进展情况", period: "2023-07" },
    });
    expect(sheet.cells.get("2,13")?.value).toBe("7月进展情况");
    expect(sheet.columnWidths.get(13)).toBe(30);
    const values = [...sheet.cells].filter(([k, c]) => k.endsWith(",13") && c.value !== undefined);
    expect(values.map(([k]) => k)).toEqual(["2,13"]);
    const again = check(ctx, "2023-07-25");
    expect(again.progress?.columns.map((c) => c.period)).toEqual([
      "2023-04",
      "2023-05",
      "2023-06",
      "2023-07",
    ]);
  });

  it("refuses a protected sheet and an occupied column, changing nothing", async () => {
    const { et, ctx } = setup();
    const sheet = et.sheet(SHEET);
    const table = check(ctx);
    const port = createWpsPort(ctx);
    sheet.cell(9, 13).value = "备注";
    expect(await port.addProgressColumn(table, "2023-06-26")).toMatchObject({
      ok: false,
      cell: "N10",
      message: "单元格 N10 不为空：进展列只加在表格右侧的空白列中，未作任何修改",
    });
    expect(sheet.cells.get("2,13")?.value).toBeUndefined();
    sheet.protectContents = true;
    expect(await port.addProgressColumn(table, "2023-06-26")).toMatchObject({
      ok: false,
      message: "工作表已保护，未作任何修改",
    });
  });
});

describe("WPS: DUTY.PROGRESS", () => {
  it("answers the project's progress state in its row, and #N/A on a table without progress columns", () => {
    const { et } = setup();
    const formulas = new WpsFormulas({
      app: et.application,
      now: () => 0,
      today: () => new Date(2023, 5, 26),
    });
    et.thisCell = { sheet: SHEET, address: "Q9" };
    expect(formulas.progress(5, "2023-06-26")).toBe("滞后");
    et.thisCell = { sheet: SHEET, address: "Q14" };
    expect(formulas.progress(9, "2023-06-26")).toBe("已完成");
    const plain = new FakeET();
    plain.addSheet("责任分解表", seedGrid("xintang-2023", { sheet: "责任分解表" }));
    plain.activate("责任分解表");
    plain.thisCell = { sheet: "责任分解表", address: "Q9" };
    const none = new WpsFormulas({
      app: plain.application,
      now: () => 0,
      today: () => new Date(2023, 5, 26),
    });
    expect(none.progress(5, "2023-06-26")).toBe("#N/A 本表没有进展列（如“6月进展情况”），无法判断月度进展");
  });
});

describe("WPS: what changed since an earlier check (PROGRESS.md §7)", () => {
  function checked(ctx: WpsContext, asOf: string) {
    const out = checkActiveSheet(ctx, { asOf });
    if (!out.ok) throw new Error(out.message);
    return out.value;
  }
  const snapshotProps = (et: FakeET) =>
    et.workbook.properties.filter((p) => p.Name.startsWith(SNAPSHOTS_PREFIX));

  it("a first check has nothing to compare with; a later day's check lists the core's changes", () => {
    const { et, ctx } = setup();
    const may = checked(ctx, "2023-05-26");
    expect(may.since).toBeUndefined();
    expect(snapshotProps(et).length).toBeGreaterThan(0);
    const june = checked(ctx, "2023-06-26");
    const expected = diffSnapshots(snapshotOf(may), snapshotOf(june));
    expect(hasChanges(expected)).toBe(true);
    expect(june.since).toEqual(expected);
  });

  it("a second check on the same day still compares with the earlier day, and the store reads back", () => {
    const { et, ctx } = setup();
    const may = checked(ctx, "2023-05-26");
    checked(ctx, "2023-06-26");
    const again = checked(ctx, "2023-06-26");
    expect(again.since).toEqual(diffSnapshots(snapshotOf(may), snapshotOf(again)));
    const stored = parseStore(
      snapshotProps(et)
        .sort(
          (a, b) =>
            Number(a.Name.slice(SNAPSHOTS_PREFIX.length)) - Number(b.Name.slice(SNAPSHOTS_PREFIX.length)),
        )
        .map((p) => p.Value)
        .join(""),
    );
    expect(stored.sheets[SHEET]?.latest.asOf).toBe("2023-06-26");
    expect(stored.sheets[SHEET]?.previous?.asOf).toBe("2023-05-26");
  });

  it("an unreadable store counts as no earlier check, and is replaced", () => {
    const { et, ctx } = setup();
    et.workbook.properties.push({ Name: `${SNAPSHOTS_PREFIX}0`, Value: "{not json", Type: 4 });
    expect(checked(ctx, "2023-06-26").since).toBeUndefined();
    expect(checked(ctx, "2023-07-26").since).toBeDefined();
  });

  it("a sheet without a table keeps no snapshot", () => {
    const et = new FakeET();
    et.addSheet("说明", { sheet: "说明", origin: { row: 0, col: 0 }, values: [["本表说明"]] });
    et.activate("说明");
    const out = checkActiveSheet(
      { app: et.application, today: () => new Date(2023, 5, 26) },
      { asOf: "2023-06-26" },
    );
    expect(out.ok).toBe(false);
    expect(snapshotProps(et)).toEqual([]);
  });
});

describe("WPS: the ribbon's check uses the pane's remembered options", () => {
  it("fills what the request leaves out from the workbook's settings; the request's own values win", () => {
    const { ctx } = setup();
    expect(writeSettings(ctx, { dueSoonDays: 30, reportDay: 28, behindTolerance: 5 }).ok).toBe(true);
    const remembered = checkActiveSheet(ctx, { asOf: "2023-06-26" });
    expect(remembered.ok && remembered.value.dueSoonDays).toBe(30);
    expect(remembered.ok && remembered.value.tables[0]?.progress?.reportDay).toBe(28);
    const given = checkActiveSheet(ctx, { asOf: "2023-06-26", reportDay: 10 });
    expect(given.ok && given.value.tables[0]?.progress?.reportDay).toBe(10);
  });
});
