import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { z } from "zod";
import { parseArgs } from "../../src/cli/args";
import { EXIT_ERROR, EXIT_OK, main } from "../../src/cli/main";
import { MARK_FILL } from "../../src/core/marks";

const SAMPLES = join(__dirname, "..", "..", "samples");
const MONTHLY = join(SAMPLES, "monthly-2023.xlsx");
const XINTANG = join(SAMPLES, "xintang-2023.xlsx");

async function run(argv: string[]) {
  let out = "";
  let err = "";
  const code = await main(argv, {
    stdout: (t) => (out += t),
    stderr: (t) => (err += t),
    colour: false,
    today: new Date(2023, 5, 26),
  });
  return { code, out, err };
}

/** PROGRESS.md §6: exactly these fields. */
const STATES = ["done", "notReported", "notStarted", "behind", "onSchedule"] as const;
const Month = z.string().regex(/^\d{4}-\d{2}$/u);
const ProjectProgress = z
  .object({
    state: z.enum(STATES),
    period: Month.nullable(),
    text: z.string().nullable(),
    percent: z.number().nullable(),
    cell: z
      .string()
      .regex(/^[A-Z]+\d+$/u)
      .nullable(),
  })
  .strict();
const TableProgress = z
  .object({
    reportDay: z.number().int(),
    expectedPeriod: Month,
    expectedPercent: z.number(),
    columns: z.array(z.object({ column: z.string(), period: Month.nullable() }).strict()),
    counts: z
      .object({
        done: z.number(),
        notReported: z.number(),
        notStarted: z.number(),
        behind: z.number(),
        onSchedule: z.number(),
      })
      .strict(),
  })
  .strict();
const Report = z.object({
  asOf: z.string(),
  files: z.array(
    z.object({
      tables: z.array(
        z.object({
          progress: TableProgress.nullable(),
          projects: z.array(z.object({ index: z.string().nullable(), progress: ProjectProgress.nullable() })),
          warnings: z.array(z.object({ code: z.string() })),
        }),
      ),
      since: z.unknown(),
    }),
  ),
});

async function json(argv: string[]) {
  const { code, out, err } = await run(["--json", ...argv]);
  expect([code, err]).toEqual([EXIT_OK, ""]);
  return Report.parse(JSON.parse(out));
}

describe("duty-check --json on the monthly sample at 2023-06-26", () => {
  it("prints progress for the table and every project, with the §6 fields exactly", async () => {
    const report = await json(["--as-of", "2023-06-26", MONTHLY]);
    const table = report.files[0]?.tables[0];
    expect(table?.progress).toEqual({
      reportDay: 22,
      expectedPeriod: "2023-06",
      expectedPercent: 48.5,
      columns: [
        { column: "K", period: "2023-04" },
        { column: "L", period: "2023-05" },
        { column: "M", period: "2023-06" },
      ],
      counts: { done: 1, notReported: 3, notStarted: 1, behind: 3, onSchedule: 4 },
    });
    expect(table?.projects.every((p) => p.progress !== null)).toBe(true);
    expect(table?.projects.find((p) => p.index === "5")?.progress).toEqual({
      state: "behind",
      period: "2023-06",
      text: "已完成施工单位招投标，完成年度计划的30%",
      percent: 30,
      cell: "M9",
    });
    expect(table?.projects.find((p) => p.index === "3")?.progress).toEqual({
      state: "notReported",
      period: "2023-04",
      text: "正在推进",
      percent: null,
      cell: "M6",
    });
    expect(report.files[0]?.since).toBeNull();
  });

  it("a table without progress columns: progress null everywhere, nothing reported missing", async () => {
    const report = await json(["--as-of", "2023-06-26", XINTANG]);
    const table = report.files[0]?.tables[0];
    expect(table?.progress).toBeNull();
    expect(table?.projects.every((p) => p.progress === null)).toBe(true);
    expect(table?.warnings.filter((w) => w.code.startsWith("progress."))).toEqual([]);
  });

  it("--report-day and --behind-tolerance change the reading", async () => {
    const early = await json(["--as-of", "2023-06-21", "--report-day", "20", MONTHLY]);
    expect(early.files[0]?.tables[0]?.progress).toMatchObject({ reportDay: 20, expectedPeriod: "2023-06" });
    const strict = await json(["--as-of", "2023-06-26", "--behind-tolerance", "0", MONTHLY]);
    expect(strict.files[0]?.tables[0]?.progress?.counts.behind).toBe(3);
    const loose = await json(["--as-of", "2023-06-26", "--behind-tolerance", "20", MONTHLY]);
    const five = loose.files[0]?.tables[0]?.projects.find((p) => p.index === "5");
    expect(five?.progress?.state).toBe("onSchedule");
  });
});

describe("the readable report's 月度进展 block", () => {
  it("gives 序时进度, counts by state, then 未报送, 未启动 and 滞后 with people, reason and cell", async () => {
    const { code, out } = await run(["--as-of", "2023-06-26", MONTHLY]);
    expect(code).toBe(EXIT_OK);
    const block = out.slice(out.indexOf("月度进展"), out.indexOf("投资："));
    expect(block.split("\n").map((l) => l.trimEnd())).toEqual([
      "月度进展：应报送 6 月进展（每月 22 日前报送）· 序时进度 48.5%（截至 6 月 26 日）",
      "    已完成 1 · 未报送 3 · 未启动 1 · 滞后 3 · 按序时 4",
      "  未报送（3）",
      "    实施“四帮四扶”工程 · 丁劲松 · 社会事务办 · 信息员 高平林 · 6 月进展未填写 · M6",
      "    补助部分计划生育家庭参加基本养老保险 · 曾运筹 · 社会事务办(卫计) · 信息员 柯金龙 · 6 月进展未填写 · M12",
      "    “厕所革命” · 张育彪 · 环卫办 · 信息员 沈子龙 · 6 月进展未填写 · M18",
      "  未启动（1）",
      "    新塘街道“爱在心淌”公益慈善基金会 · 张国钱 · （未填写责任科室） · 信息员 吴佳兵 · 6 月进展写明“尚未启动” · M15",
      "  滞后（3）",
      "    实施困难残疾人家庭无障碍改造工作 · 丁劲松 · 社会事务办 · 信息员 高平林 · 6 月进展写明“滞后” · M8",
      "    和丰路“白改黑”项目 · 林舟 · 沙塘社区 · 信息员 陈世威 · 完成 30%，低于序时进度 48.5% · M9",
      "    拓展婴幼儿照护服务普惠项目 · 曾运筹 · 社会事务办(卫计) · 信息员 柯金龙 · 第一季度节点已逾期 · M10",
      "",
    ]);
  });

  it("is absent for a table without progress columns", async () => {
    const { out } = await run(["--as-of", "2023-06-26", XINTANG]);
    expect(out).not.toContain("月度进展");
  });
});

describe("--since EARLIER.json", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "duty-since-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("compares two --json outputs of different dates and lists the changes, in JSON and in text", async () => {
    const may = join(dir, "may.json");
    const first = await run(["--json", "--as-of", "2023-05-26", MONTHLY]);
    writeFileSync(may, first.out);
    const report = await json(["--as-of", "2023-07-03", "--since", may, MONTHLY]);
    const since = report.files[0]?.since as {
      since: string;
      newlyOverdue: Array<{ index: string; period: string; cell: string }>;
      progressChanged: Array<{ index: string; from: string; to: string }>;
      newlyDone: unknown[];
      added: unknown[];
      removed: unknown[];
    };
    expect(since.since).toBe("2023-05-26");
    expect(since.newlyOverdue.map((m) => [m.index, m.period, m.cell])).toEqual([
      ["4", "第二季度", "D8"],
      ["5", "第二季度", "D9"],
      ["6", "第二季度", "D10"],
      ["7", "第二季度", "D12"],
      ["8", "第二季度", "D13"],
      ["10", "第一、二季度", "D15"],
      ["11", "第二季度", "D16"],
      ["14", "第二季度", "D18"],
    ]);
    expect(since.progressChanged.map((c) => [c.index, c.from, c.to])).toEqual([
      ["5", "onSchedule", "behind"],
      ["7", "onSchedule", "notReported"],
      ["8", "onSchedule", "behind"],
      ["11", "onSchedule", "behind"],
      ["14", "onSchedule", "notReported"],
    ]);
    expect([since.newlyDone, since.added, since.removed]).toEqual([[], [], []]);

    const text = await run(["--as-of", "2023-07-03", "--since", may, MONTHLY]);
    expect(text.out).toContain("与上次检查（2023-05-26）相比");
    expect(text.out).toContain("[新逾期] 和丰路“白改黑”项目 · 第二季度 · 截止 2023-06-30 · D9");
    expect(text.out).toContain("[进展] “厕所革命”：按序时 → 未报送");
  });

  it("says when nothing changed, and when the earlier output has no entry for a file", async () => {
    const june = join(dir, "june.json");
    writeFileSync(june, (await run(["--json", "--as-of", "2023-06-26", MONTHLY])).out);
    const same = await run(["--as-of", "2023-06-26", "--since", june, MONTHLY]);
    expect(same.out).toContain("与上次检查（2023-06-26）相比\n    没有变化");
    const other = await run(["--as-of", "2023-06-26", "--since", june, MONTHLY, XINTANG]);
    expect(other.out).toContain("与上次检查（2023-06-26）相比：上次检查中没有这个文件，无从比较");
  });

  it("reads outputs from before the monthly cycle (no progress fields)", async () => {
    const old = JSON.parse((await run(["--json", "--as-of", "2023-05-26", MONTHLY])).out) as {
      files: Array<{ tables: Array<{ projects: Array<Record<string, unknown>> }> }>;
    };
    for (const p of old.files[0]?.tables[0]?.projects ?? []) delete p.progress;
    const path = join(dir, "old.json");
    writeFileSync(path, JSON.stringify(old));
    const report = await json(["--as-of", "2023-06-26", "--since", path, MONTHLY]);
    const since = report.files[0]?.since as { progressChanged: Array<{ from: unknown }> };
    expect(since.progressChanged.every((c) => c.from === null)).toBe(true);
  });

  it.each([
    ["missing.json", null, "--since “PATH”：文件不存在（file not found）"],
    [
      "text.json",
      "不是 JSON",
      "--since “PATH”：不是 JSON 文件，应为上次 duty-check --json 的输出（not JSON）",
    ],
    [
      "other.json",
      '{"asOf":"2023-05-26","files":[{"file":"a.xlsx"}]}',
      "--since “PATH”：不是 duty-check --json 的输出：files.0.tables 缺失或格式不符（not a duty-check --json output）",
    ],
    [
      "array.json",
      "[]",
      "--since “PATH”：不是 duty-check --json 的输出：顶层 缺失或格式不符（not a duty-check --json output）",
    ],
  ])("refuses %s with a Chinese message and exit 2, checking nothing", async (name, content, message) => {
    const path = join(dir, name);
    if (content !== null) writeFileSync(path, content);
    const { code, out, err } = await run(["--since", path, MONTHLY]);
    expect(code).toBe(EXIT_ERROR);
    expect(out).toBe("");
    expect(err).toBe(`duty-check：${message.replace("PATH", path)}\n`);
  });
});

describe("flags", () => {
  it("parse --report-day, --behind-tolerance and --since", () => {
    const parsed = parseArgs([
      "a.xlsx",
      "--report-day",
      "20",
      "--behind-tolerance=7.5",
      "--since",
      "may.json",
    ]);
    expect(parsed).toMatchObject({
      ok: true,
      flags: { reportDay: 20, behindTolerance: 7.5, since: "may.json" },
    });
  });

  it.each([
    [["--report-day", "0"], "--report-day “0” 无效：报送日应为 1 到 28 之间的整数（每月几号前报送）"],
    [["--report-day", "31"], "--report-day “31” 无效：报送日应为 1 到 28 之间的整数（每月几号前报送）"],
    [["--report-day", "二十"], "--report-day “二十” 无效：报送日应为 1 到 28 之间的整数（每月几号前报送）"],
    [["--behind-tolerance", "101"], "--behind-tolerance “101” 无效：滞后容差应为 0 到 100 之间的百分点数"],
    [["--behind-tolerance", "-1"], "--behind-tolerance “-1” 无效：滞后容差应为 0 到 100 之间的百分点数"],
  ])("refuse %j in Chinese", (flags, message) => {
    expect(parseArgs(["a.xlsx", ...flags])).toEqual({ ok: false, message });
  });
});

describe("--out marks 未报送 and 滞后 in the copy", () => {
  it("with the fill and the outline", async () => {
    const dir = mkdtempSync(join(tmpdir(), "duty-out-progress-"));
    try {
      const { code } = await run(["--as-of", "2023-06-26", "--out", dir, MONTHLY]);
      expect(code).toBe(EXIT_OK);
      const copy = new ExcelJS.Workbook();
      await copy.xlsx.load(readFileSync(join(dir, "monthly-2023.xlsx")) as unknown as ExcelJS.Buffer);
      const sheet = copy.getWorksheet("推进情况表");
      const notReported = sheet?.getCell("M6");
      const behind = sheet?.getCell("M9");
      const argb = (hex: string) => `FF${hex.slice(1)}`;
      expect(notReported?.fill).toMatchObject({ fgColor: { argb: argb(MARK_FILL.notReported) } });
      expect(notReported?.border?.top?.style).toBe("dashed");
      expect(behind?.fill).toMatchObject({ fgColor: { argb: argb(MARK_FILL.behind) } });
      expect(behind?.border?.left?.style).toBe("medium");
      expect(sheet?.getCell("M5").border?.top?.style).toBe("thin");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
