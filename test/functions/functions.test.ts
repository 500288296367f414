import expectations from "../fixtures/seed-expectations.json";
import { isoToSerial } from "../../src/core/schedule";
import type { CellValue, SheetGrid } from "../../src/core/types";
import { seedGrid } from "../support/seed-grid";
import { harness, invocation, outcome, projectRows, rowOf } from "./harness";

const XINTANG = "xintang-2023";
const ZIMAO = "zimao-2022";
const SHEET = "责任分解表";

/** The seed grid with a `完成情况` column added at the right, holding `progress` for the given projects. */
function withProgress(grid: SheetGrid, progress: Record<number, string>): SheetGrid {
  const headerRows = grid.values.map((row, r) => (row[0] === "序号" ? r : -1)).filter((r) => r >= 0);
  const values = grid.values.map((row, r) => {
    const index = row[0];
    const cell: CellValue = headerRows.includes(r)
      ? "完成情况"
      : typeof index === "number"
        ? (progress[index] ?? "")
        : "";
    return [...row, cell];
  });
  return { ...grid, values, merges: [] };
}

const xintangProjects = expectations.documents[0]?.projects ?? [];

describe("DUTY.STATUS on the Xintang seed", () => {
  const grid = seedGrid(XINTANG);

  it("reads 10 overdue, project 10 due soon and project 3 unscheduled on 2023-06-20", async () => {
    const { fns } = harness([{ grid }]);
    const statuses = await Promise.all(
      projectRows(grid).map((row) =>
        fns.status(`A${row}`, "2023-06-20", null, invocation(`'${SHEET}'!A${row}`)),
      ),
    );
    const expected = expectations.documents[0]?.statusAt["2023-06-20"];
    expect(statuses.filter((s) => s === "逾期")).toHaveLength(expected?.overdue ?? -1);
    expect(statuses.filter((s) => s === "临期")).toHaveLength(expected?.dueSoon ?? -1);
    expect(statuses.filter((s) => s === "未排期")).toHaveLength(expected?.unscheduled ?? -1);
    const row10 = rowOf(grid, 10);
    const row3 = rowOf(grid, 3);
    expect(await fns.status("x", "2023-06-20", null, invocation(`${SHEET}!C${row10}`))).toBe("临期");
    expect(await fns.status("x", "2023-06-20", null, invocation(`${SHEET}!J${row3}`))).toBe("未排期");
  });

  it("answers the same for a serial, an English and a Chinese date", async () => {
    const { fns } = harness([{ grid }]);
    const at = invocation(`${SHEET}!B${rowOf(grid, 10)}`);
    const answers = await Promise.all(
      [isoToSerial("2023-06-20"), "June 20, 2023", "2023年6月20日", "2023/6/20"].map((d) =>
        fns.status("", d, null, at),
      ),
    );
    expect(answers).toEqual(["临期", "临期", "临期", "临期"]);
    expect(await fns.status("", "2023-07-01", null, at)).toBe("逾期");
    expect(await fns.status("", "2023-01-10", null, at)).toBe("正常");
  });

  it("takes the due-soon days the pane checked with, and refuses a window out of range", async () => {
    const { fns } = harness([{ grid }]);
    const at = invocation(`${SHEET}!B${rowOf(grid, 10)}`);
    // Project 10 is due 2023-06-30: 10 days ahead of 2023-06-20.
    expect(await fns.status("", "2023-06-20", 5, at)).toBe("正常");
    expect(await fns.status("", "2023-06-20", 10, at)).toBe("临期");
    expect(await fns.status("", "2023-06-20", null, at)).toBe("临期");
    expect(await outcome(fns.status("", "2023-06-20", 400, at))).toMatch(/^#VALUE!: 临期天数应为 0 到 366/u);
  });

  it("answers a 1×1 matrix, as a function that reads its argument's address must", async () => {
    const { raw } = harness([{ grid }]);
    const at = invocation(`${SHEET}!A${rowOf(grid, 10)}`);
    expect(await raw.status("", "2023-06-20", null, at)).toEqual([["临期"]]);
    expect(await raw.detail("", "2023-06-20", at)).toEqual([[expect.stringMatching(/^临期：/u)]]);
    expect(await raw.next("", "2023-06-20", at)).toEqual([[expect.stringMatching(/（2023-06-30）$/u)]]);
    expect(await raw.overdue("", "2023-06-20", at)).toEqual([[0]]);
    expect(await raw.invest("", "总", at)).toEqual([[expectations.documents[0]?.totals?.total]]);
  });

  it("never guesses the sheet from the calling cell: an argument address without one is #VALUE!", async () => {
    const { fns, wb } = harness([{ grid }]);
    const row = rowOf(grid, 10);
    // Excel hands over the calling cell's address only to functions declaring @requiresAddress.
    expect(
      await outcome(fns.status("", "2023-06-20", null, invocation(`A${row}`, `'${SHEET}'!L${row}`))),
    ).toMatch(/^#VALUE!: 第一个参数应为项目所在行的单元格/u);
    expect(wb.runs).toBe(0);
  });
});

describe("DUTY.DETAIL, NEXT, OVERDUE", () => {
  const plain = seedGrid(XINTANG);
  const project5 = xintangProjects.find((p) => p.index === "5");
  const [q1, q2, q3] = project5?.milestones ?? [];

  it("names the earliest overdue milestone and how many more are late", async () => {
    const { fns } = harness([{ grid: plain }]);
    const at = invocation(`${SHEET}!A${rowOf(plain, 5)}`);
    const detail = await fns.detail("", "2023-07-20", at);
    expect(detail).toBe(
      `逾期：第一季度 ${q1?.textStartsWith}（应于2023-03-31完成，已逾期111天）；另有1个节点逾期`,
    );
    expect(await fns.overdue("", "2023-07-20", at)).toBe(2);
    expect(await fns.overdue("", "2023-06-20", at)).toBe(1);
    expect(await fns.overdue("", "2023-01-10", at)).toBe(0);
  });

  it("follows completion recorded in the sheet", async () => {
    const grid = withProgress(plain, { 5: "第一季度已完成", 6: "已完成至第二季度", 8: "已完成" });
    const { fns } = harness([{ grid }]);
    const row5 = invocation(`${SHEET}!A${rowOf(grid, 5)}`);
    expect(await fns.detail("", "2023-07-20", row5)).toBe(
      `逾期：第二季度 ${q2?.textStartsWith}（应于2023-06-30完成，已逾期20天）`,
    );
    const row6 = invocation(`${SHEET}!A${rowOf(grid, 6)}`);
    expect(await fns.next("", "2023-07-20", row6)).toMatch(/^第三季度 基本完成项目竣工.*（2023-09-30）$/u);
    expect(await fns.detail("", "2023-07-20", row6)).toMatch(/^正常：下一节点 第三季度 基本完成项目竣工/u);
    const row8 = invocation(`${SHEET}!A${rowOf(grid, 8)}`);
    expect(await fns.status("", "2023-07-20", null, row8)).toBe("已完成");
    expect(await fns.detail("", "2023-07-20", row8)).toBe("已完成：全部3个节点已完成");
    expect(await fns.next("", "2023-07-20", row8)).toBe("已完成");
  });

  it("gives the next unfinished milestone with its due date", async () => {
    const { fns } = harness([{ grid: plain }]);
    const at = invocation(`${SHEET}!A${rowOf(plain, 5)}`);
    expect(await fns.next("", "2023-01-10", at)).toBe(`第一季度 ${q1?.textStartsWith}（2023-03-31）`);
    const done12 = withProgress(plain, { 5: "一、二季度任务已完成" });
    const h = harness([{ grid: done12 }]);
    expect(await h.fns.next("", "2023-06-20", invocation(`${SHEET}!A${rowOf(done12, 5)}`))).toBe(
      `第三季度 ${q3?.textStartsWith}（2023-09-30）`,
    );
  });

  it("explains due soon and unscheduled", async () => {
    const { fns } = harness([{ grid: plain }]);
    const soon = await fns.detail("", "2023-06-20", invocation(`${SHEET}!A${rowOf(plain, 10)}`));
    expect(soon).toMatch(
      /^临期：第一、二季度 广发发动、筹备成立、接受捐款.*（应于2023-06-30完成，还剩10天）$/u,
    );
    expect(await fns.detail("", "2023-06-30", invocation(`${SHEET}!A${rowOf(plain, 10)}`))).toMatch(
      /今天到期）$/u,
    );
    const none = await fns.detail("", "2023-06-20", invocation(`${SHEET}!A${rowOf(plain, 3)}`));
    expect(none).toMatch(/^未排期：进度安排中没有可识别的季度、月份或日期（单元格 D\d+）$/u);
    expect(await fns.next("", "2023-06-20", invocation(`${SHEET}!A${rowOf(plain, 3)}`))).toBe("未排期");
  });
});

describe("DUTY.MILESTONES spills one row per milestone", () => {
  it("gives period, due serial, clause and status in source order", async () => {
    const grid = seedGrid(ZIMAO);
    const { fns } = harness([{ grid }]);
    const zimao = expectations.documents[1]?.projects ?? [];
    for (const index of [3, 5, 6]) {
      const rows = await fns.milestones("", "2022-06-20", invocation(`${SHEET}!B${rowOf(grid, index)}`));
      const expected = zimao.find((p) => p.index === String(index))?.milestones ?? [];
      expect(rows).toHaveLength(expected.length);
      rows.forEach((row, i) => {
        expect(row).toHaveLength(4);
        expect(row[1]).toBe(isoToSerial(expected[i]?.due ?? ""));
        expect(String(row[2]).startsWith(expected[i]?.textStartsWith ?? "?")).toBe(true);
      });
    }
    const p3 = await fns.milestones("", "2022-06-20", invocation(`${SHEET}!B${rowOf(grid, 3)}`));
    expect(p3.map((r) => [r[0], r[3]])).toEqual([
      ["第一季度", "逾期"],
      ["第二季度", "临期"],
      ["第四季度前", "正常"],
    ]);
  });

  it("spills a single explaining row for an unscheduled project", async () => {
    const grid = seedGrid(XINTANG);
    const { fns } = harness([{ grid }]);
    const rows = await fns.milestones("", "2023-06-20", invocation(`${SHEET}!A${rowOf(grid, 3)}`));
    expect(rows).toEqual([["", "", "进度安排中没有可识别的时间节点", "未排期"]]);
  });
});

describe("DUTY.INVEST", () => {
  it("gives the table's annual and total investment and the share", async () => {
    const grid = seedGrid(XINTANG);
    const { fns } = harness([{ grid }]);
    const at = invocation(`${SHEET}!A${rowOf(grid, 2)}`);
    const totals = expectations.documents[0]?.totals;
    expect(await fns.invest("", "年度", at)).toBe(totals?.annual);
    expect(await fns.invest("", "total", at)).toBe(totals?.total);
    expect(await fns.invest("", "占比", at)).toBe(totals?.annualShareOfTotal);
  });

  it("accepts any row of the table, the header too, but not a cell outside it", async () => {
    const grid = seedGrid(XINTANG);
    const { fns } = harness([{ grid }]);
    const headerRow = grid.values.findIndex((row) => row[0] === "序号") + 1;
    expect(await fns.invest("", "总", invocation(`${SHEET}!D${headerRow}`))).toBe(
      expectations.documents[0]?.totals?.total,
    );
    expect(await outcome(fns.invest("", "总", invocation(`${SHEET}!A1`)))).toMatch(
      /^#N\/A: 不在责任分解表内/u,
    );
  });

  it("is #N/A for a table without investment columns and #VALUE! for an unknown kind", async () => {
    const grid = seedGrid(ZIMAO);
    const { fns } = harness([{ grid }]);
    const at = invocation(`${SHEET}!A${rowOf(grid, 2)}`);
    expect(await outcome(fns.invest("", "总", at))).toMatch(/^#N\/A: 本表没有投资列/u);
    expect(await outcome(fns.invest("", "合计", at))).toMatch(/^#VALUE!: 类别应为 年度、总 或 占比/u);
  });
});

describe("errors", () => {
  const grid = seedGrid(XINTANG);

  it("is #N/A outside any table and on header rows", async () => {
    const { fns } = harness([{ grid }]);
    expect(await outcome(fns.status("附件", null, null, invocation(`${SHEET}!A1`)))).toMatch(
      /^#N\/A: 不在责任分解表内/u,
    );
    expect(await outcome(fns.status("", null, null, invocation(`${SHEET}!A5000`)))).toMatch(
      /^#N\/A: 不在责任分解表内/u,
    );
    const headerRow = grid.values.findIndex((row) => row[0] === "序号") + 1;
    expect(await outcome(fns.status("", null, null, invocation(`${SHEET}!A${headerRow}`)))).toMatch(
      /^#N\/A: 不在责任分解表内的项目行：责任分解表!A\d+ 是表头、分类或合计行/u,
    );
  });

  it("is #VALUE! for a bad date or a missing reference, saying what was expected", async () => {
    const { fns, wb } = harness([{ grid }]);
    const at = invocation(`${SHEET}!A${rowOf(grid, 1)}`);
    expect(await outcome(fns.status("", "2023-02-30", null, at))).toMatch(
      /^#VALUE!: 日期应为 2023-06-30 或 2023年6月30日/u,
    );
    expect(await outcome(fns.detail("", "下周", at))).toMatch(/^#VALUE!: 日期应为/u);
    expect(
      await outcome(fns.status("A5", null, null, { address: `${SHEET}!K5`, parameterAddresses: ["", ""] })),
    ).toMatch(/^#VALUE!: 第一个参数应为项目所在行的单元格/u);
    expect(wb.runs).toBe(0);
  });

  it("is #N/A saying the sheet is too large when Excel answers its values with null", async () => {
    const { fns, wb } = harness([{ grid }]);
    wb.nullValuesAbove = 100;
    expect(
      await outcome(fns.status("", "2023-06-20", null, invocation(`${SHEET}!A${rowOf(grid, 10)}`))),
    ).toBe("#N/A: 工作表过大，无法一次读取 (The sheet is too large to read)");
  });

  it("is #N/A asking for a recalculation when the read fails, and reads again next time", async () => {
    const { fns, wb } = harness([{ grid }]);
    // The reader retries once without merged areas, so both of its syncs fail.
    wb.failAt({ atSync: 1, afterCommands: 0, code: "GeneralException" });
    wb.failAt({ atSync: 2, afterCommands: 0, code: "GeneralException" });
    const at = invocation(`${SHEET}!A${rowOf(grid, 10)}`);
    const failed = await Promise.all([1, 2, 3].map(() => outcome(fns.status("", "2023-06-20", null, at))));
    expect(failed).toEqual(Array(3).fill(expect.stringMatching(/^#N\/A: 读取失败，请重算/u)));
    expect(wb.runs).toBe(1);
    expect(await fns.status("", "2023-06-20", null, at)).toBe("临期");
    expect(wb.runs).toBe(2);
  });
});
