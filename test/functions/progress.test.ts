import { seedGrid } from "../support/seed-grid";
import { harness, invocation, outcome, projectRows, rowOf } from "./harness";

/** `=DUTY.PROGRESS(cell, [asOf])` on the monthly sample: a 1×1 matrix with the project's progress state. */

const SHEET = "推进情况表";
const monthly = seedGrid("monthly-2023", { sheet: SHEET });

describe("DUTY.PROGRESS", () => {
  it("answers each project's state as a 1×1 matrix, all from one read of the sheet", async () => {
    const { raw, wb } = harness([{ grid: monthly }]);
    const answers = await Promise.all(
      projectRows(monthly).map((row) => raw.progress("", "2023-06-26", invocation(`${SHEET}!B${row}`))),
    );
    expect(answers.every((a) => a.length === 1 && a[0]?.length === 1)).toBe(true);
    const words = answers.map((a) => a[0]?.[0]);
    expect(words).toEqual([
      "按序时",
      "按序时",
      "未报送",
      "滞后",
      "滞后",
      "滞后",
      "未报送",
      "按序时",
      "已完成",
      "未启动",
      "按序时",
      "未报送",
    ]);
    expect(wb.runs).toBe(1);
  });

  it("follows the reference date across the report day", async () => {
    const { fns } = harness([{ grid: monthly }]);
    const at = invocation(`${SHEET}!A${rowOf(monthly, 14)}`);
    expect(await fns.progress("", "2023-06-22", at)).toBe("按序时");
    expect(await fns.progress("", "2023-06-23", at)).toBe("未报送");
  });

  it("is #N/A saying so for a table without progress columns", async () => {
    const xintang = seedGrid("xintang-2023");
    const { fns } = harness([{ grid: xintang }]);
    expect(
      await outcome(fns.progress("", "2023-06-26", invocation(`责任分解表!A${rowOf(xintang, 5)}`))),
    ).toMatch(/^#N\/A: 本表没有进展列（如“6月进展情况”），无法判断月度进展/u);
  });

  it("has the other formulas' errors: #N/A outside a project row, #VALUE! for a bad date", async () => {
    const { fns, wb } = harness([{ grid: monthly }]);
    expect(await outcome(fns.progress("", null, invocation(`${SHEET}!A1`)))).toMatch(
      /^#N\/A: 不在责任分解表内/u,
    );
    const runs = wb.runs;
    expect(await outcome(fns.progress("", "6月26日", invocation(`${SHEET}!A${rowOf(monthly, 1)}`)))).toMatch(
      /^#VALUE!: 日期应为 2023-06-30 或 2023年6月30日/u,
    );
    expect(wb.runs).toBe(runs);
  });
});
