import fc from "fast-check";
import { parseAddress } from "../../src/core/address";
import { checkSheet } from "../../src/core/check";
import { resolveOptions } from "../../src/core/options";
import type { CellValue, MergedArea, SheetGrid } from "../../src/core/types";

/** Words that make rows look like headers, sections, totals, footers and plans, mixed with noise. */
const WORDS = [
  "序号",
  "项目名称",
  "主要内容",
  "形象进度安排",
  "建设年限",
  "总投资（万元）",
  "年度投资",
  "责任领导",
  "责任科室",
  "责任人员",
  "完成情况",
  "一季度完成情况",
  "合计",
  "一、民生保障类",
  "抄送：",
  "第一季度:完成设计;第二、三季度:施工",
  "6月底前",
  "1.4月底前",
  "2月30日",
  "拟定100",
  "4.8亿",
  "—",
  "已完成",
  "√",
  "2023",
  "2021-2023",
  "许文理 曾智伟",
  "6月进展情况",
  "1-10月推进情况",
  "本月进展情况",
  "截至10月底",
  "完成比例(%)",
  "完成30%",
  "进度滞后",
  "未滞后",
  "尚未开工",
  "正常推进",
  "/",
  "无",
];

const HEADER: CellValue[] = [
  "序号",
  "项目名称",
  "形象进度安排",
  "总投资",
  "年度投资",
  "责任领导",
  "责任科室",
  "完成情况",
  "6月进展情况",
  "完成比例(%)",
];

const cell: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constantFrom(...WORDS),
  fc.constant(""),
  fc.string({ maxLength: 12 }),
  fc.integer({ min: -5, max: 60000 }),
  fc.double({ noNaN: false }),
  fc.boolean(),
  fc.constant(null),
);

const sheet: fc.Arbitrary<{ grid: SheetGrid; tablesExpected: boolean }> = fc
  .record({
    rows: fc.array(fc.array(cell, { minLength: 1, maxLength: 10 }), { minLength: 0, maxLength: 25 }),
    origin: fc.record({ row: fc.nat(50), col: fc.nat(10) }),
    merges: fc.array(
      fc.record({
        row: fc.nat(30),
        col: fc.nat(12),
        rowCount: fc.integer({ min: 1, max: 4 }),
        colCount: fc.integer({ min: 1, max: 4 }),
      }),
      { maxLength: 4 },
    ),
    dateFormat: fc.boolean(),
    header: fc.nat(26),
    percentFormat: fc.boolean(),
  })
  .map(({ rows, origin, merges, dateFormat, header, percentFormat }) => ({
    grid: {
      sheet: "表",
      origin,
      // Most sheets get a real header row somewhere, so the row readers see data rows too.
      values: header < rows.length ? [...rows.slice(0, header), [...HEADER], ...rows.slice(header)] : rows,
      merges: merges as MergedArea[],
      numberFormats: rows.map((row) =>
        row.map((_, c) => (dateFormat ? "yyyy/m/d" : percentFormat && c >= 8 ? "0%" : "General")),
      ),
    },
    // A merge may swallow header cells (Office keeps only the top-left value), so only unmerged sheets must read.
    tablesExpected: header < rows.length && merges.length === 0,
  }));

const STATES = ["done", "notReported", "notStarted", "behind", "onSchedule"];

/** Reference dates across year ends and report days, so the monthly cycle meets its boundaries. */
const checkOptions = fc
  .record({
    asOf: fc.constantFrom("2023-06-20", "2023-06-22", "2023-06-23", "2024-01-10", "2022-12-31"),
    reportDay: fc.integer({ min: 1, max: 28 }),
    behindTolerance: fc.integer({ min: 0, max: 100 }),
  })
  .map((input) => {
    const resolved = resolveOptions(input);
    if (!resolved.ok) throw new Error(resolved.message);
    return resolved.options;
  });

describe("checkSheet on arbitrary sheets", () => {
  it("never throws, and every finding names a real cell and says something in Chinese and English", () => {
    fc.assert(
      fc.property(sheet, checkOptions, ({ grid: g, tablesExpected }, options) => {
        const result = checkSheet(g, options);
        if (tablesExpected) expect(result.tables.length).toBeGreaterThan(0);
        const findings = [...result.warnings, ...result.tables.flatMap((t) => t.warnings)];
        for (const d of findings) {
          if (d.cell !== null) expect(parseAddress(d.cell)).not.toBeNull();
          expect(d.message.length).toBeGreaterThan(0);
          expect(d.messageEn.length).toBeGreaterThan(0);
        }
        for (const m of result.tables.flatMap((t) => t.projects.flatMap((p) => p.milestones))) {
          expect(m.due).toMatch(/^\d{4}-\d{2}-\d{2}$/u);
        }
        for (const table of result.tables) {
          // Progress on every project exactly when the table has progress columns; counts add up.
          const progress = table.progress;
          for (const p of table.projects) expect(p.progress === null).toBe(progress === null);
          if (!progress) continue;
          expect(progress.expectedPeriod).toMatch(/^\d{4}-\d{2}$/u);
          expect(progress.expectedPercent).toBeGreaterThanOrEqual(0);
          expect(progress.expectedPercent).toBeLessThanOrEqual(100);
          expect(Object.values(progress.counts).reduce((a, b) => a + b, 0)).toBe(table.projects.length);
          for (const c of progress.columns)
            expect(c.period === null || /^\d{4}-\d{2}$/u.test(c.period)).toBe(true);
          for (const p of table.projects) {
            const pp = p.progress;
            if (!pp) continue;
            expect(STATES).toContain(pp.state);
            if (pp.cell !== null) expect(parseAddress(pp.cell)).not.toBeNull();
            if (pp.state === "notStarted" || pp.state === "behind" || pp.state === "onSchedule")
              expect(pp.cell).not.toBeNull();
            expect(pp.reason.length).toBeGreaterThan(0);
            expect(pp.reasonEn.length).toBeGreaterThan(0);
            if (pp.percent !== null) expect(Number.isFinite(pp.percent)).toBe(true);
          }
        }
      }),
      { numRuns: 400 },
    );
  });
});
