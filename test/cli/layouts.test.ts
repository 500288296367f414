import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { EXIT_OK, main } from "../../src/cli/main";
import { MARK_FILL } from "../../src/core/marks";
import { run } from "./run";

/** duty-check on the layouts other offices publish (samples/layouts/, built by `npm run build:samples`). */

const LAYOUTS = join(__dirname, "..", "..", "samples", "layouts");

interface JsonMilestone {
  cell: string;
  due: string;
  text: string;
  status: string;
}
interface JsonProject {
  name: string;
  status: string;
  milestones: JsonMilestone[];
  cells: { schedule: string[] };
}
interface JsonTable {
  headerRows: number[];
  columns: Record<string, unknown> & { schedulePeriods: Array<{ column: string; period: string }> };
  quarterColumns: Record<string, string>;
  title: string;
  projects: JsonProject[];
  warnings: Array<{ code: string; cell: string | null }>;
}

async function tables(file: string, asOf: string): Promise<JsonTable[]> {
  const result = await run([join(LAYOUTS, file), "--as-of", asOf, "--json"]);
  expect(result.code).toBe(EXIT_OK);
  const parsed = JSON.parse(result.out) as { files: Array<{ tables: JsonTable[] }> };
  return parsed.files[0]?.tables ?? [];
}

function byName(t: JsonTable, name: string): JsonProject {
  const found = t.projects.find((p) => p.name === name);
  if (!found) throw new Error(name);
  return found;
}

it("a quarterly report: the plan is `一季度目标`, and no milestone ever comes from the progress narrative", async () => {
  const [t] = await tables("qingxi-2023-q1.xlsx", "2023-04-12");
  if (!t) throw new Error("no table");
  expect(t.columns).toMatchObject({ index: "A", name: "B", department: "C", schedule: "D", progress: "F" });
  expect(t.columns.schedulePeriods).toEqual([{ column: "D", period: "Q1" }]);
  const milestones = t.projects.flatMap((p) => p.milestones);
  expect(milestones).toHaveLength(5);
  expect(milestones.every((m) => m.cell.startsWith("D"))).toBe(true);
  // The false alarm: `3月10日，…赴江山中学开展交流` is a past event, not a plan due on 10 March.
  const exchange = byName(t, "开展城乡教育共同体结对交流");
  expect(exchange.status).toBe("done");
  expect(exchange.milestones.map((m) => [m.cell, m.due, m.status])).toEqual([["D5", "2023-03-31", "done"]]);
  expect(milestones.some((m) => m.due === "2023-03-10")).toBe(false);
  // `3月底前完成选址` in the plan cell dates that milestone itself.
  expect(byName(t, "新建城市书房 3 家").milestones.map((m) => m.due)).toEqual(["2023-03-31"]);
  expect(byName(t, "改造老旧小区 8 个").status).toBe("overdue");
});

it("进度安排 over quarters beside 落实情况 over quarters: plan cells and their actuals", async () => {
  const [t] = await tables("guanghua-2017.xlsx", "2017-10-09");
  if (!t) throw new Error("no table");
  expect(t.headerRows).toEqual([3, 4]);
  expect(t.columns.schedulePeriods.map((s) => `${s.column}:${s.period}`)).toEqual([
    "E:Q1",
    "F:Q2",
    "G:Q3",
    "H:Q4",
  ]);
  expect(t.quarterColumns).toEqual({ "1": "I", "2": "J", "3": "K", "4": "L" });
  const centre = byName(t, "公明街道社区健康服务中心新建工程");
  expect(centre.milestones.map((m) => [m.cell, m.due, m.status])).toEqual([
    ["E5", "2017-03-31", "done"],
    ["F5", "2017-06-30", "done"],
    ["G5", "2017-07-31", "overdue"],
    ["H5", "2017-12-31", "upcoming"],
  ]);
  expect(centre.cells.schedule).toEqual(["E5", "F5", "G5", "H5"]);
  expect(byName(t, "学校学位扩容工程").milestones.map((m) => m.status)).toEqual([
    "done",
    "done",
    "done",
    "upcoming",
  ]);
  expect(t.projects.flatMap((p) => p.milestones).every((m) => /^[E-H]\d/.test(m.cell))).toBe(true);
});

it("a band over a two-row header: three header rows", async () => {
  const [t] = await tables("donghu-2023.xlsx", "2023-07-06");
  if (!t) throw new Error("no table");
  expect(t.headerRows).toEqual([3, 4, 5]);
  expect(t.columns.schedulePeriods.map((s) => s.column)).toEqual(["D", "E", "F", "G"]);
  expect(t.projects.map((p) => [p.name, p.status])).toEqual([
    ["镇区污水管网提升改造", "overdue"],
    ["中心幼儿园扩班", "onTrack"],
    ["农村道路路灯安装", "overdue"],
  ]);
  expect(t.warnings.map((w) => w.code)).not.toContain("table.rowUnreadable");
});

it("two tables side by side: half-year and year targets, and a month-by-month plan", async () => {
  const [left, right] = await tables("nanxi-2023.xlsx", "2023-07-10");
  if (!left || !right) throw new Error("two tables expected");
  expect(left.columns.schedulePeriods).toEqual([
    { column: "D", period: "H1" },
    { column: "E", period: "Y" },
  ]);
  expect(right.columns.schedulePeriods.map((s) => s.period)).toEqual(["M4", "M5", "M6", "M7"]);
  expect(left.projects.map((p) => p.name)).toEqual(["南溪路改造提升", "口袋公园建设 3 个", "背街小巷整治"]);
  expect(right.projects.map((p) => p.name)).toEqual(["老年食堂运营", "儿童托管服务点", "社区就业驿站"]);
  // 上半年完成情况 `已完成` closes the half-year milestone, not the year's.
  expect(byName(left, "南溪路改造提升").milestones.map((m) => m.status)).toEqual(["done", "upcoming"]);
  expect(byName(right, "老年食堂运营").milestones.map((m) => m.due)).toEqual([
    "2023-04-30",
    "2023-05-31",
    "2023-06-15",
    "2023-07-31",
  ]);
  expect(right.title).toBe("表二：2023 年民生服务类项目月度计划");
});

describe("--out on a plan split across period columns", () => {
  let dir: string;
  let copy: ExcelJS.Workbook;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "duty-layouts-"));
    const input = join(dir, "guanghua-2017.xlsx");
    copyFileSync(join(LAYOUTS, "guanghua-2017.xlsx"), input);
    const code = await main([input, "--as-of", "2017-10-09", "--out", join(dir, "marked")], {
      stdout: () => undefined,
      stderr: () => undefined,
      colour: false,
      today: new Date(2017, 9, 9),
    });
    expect(code).toBe(EXIT_OK);
    copy = new ExcelJS.Workbook();
    await copy.xlsx.readFile(join(dir, "marked", "guanghua-2017.xlsx"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function fillOf(address: string): string | null {
    const fill = copy.getWorksheet("进度安排及落实情况")?.getCell(address).fill;
    return fill && fill.type === "pattern" && fill.pattern === "solid" ? (fill.fgColor?.argb ?? null) : null;
  }
  const argb = (hex: string) => `FF${hex.slice(1).toUpperCase()}`;

  it("marks the plan cells, each with its own milestone's status; the actuals and headers stay plain", () => {
    expect(fillOf("E5")).toBe(argb(MARK_FILL.done));
    expect(fillOf("F5")).toBe(argb(MARK_FILL.done));
    expect(fillOf("G5")).toBe(argb(MARK_FILL.overdue));
    expect(fillOf("H5")).toBeNull();
    expect(fillOf("B5")).toBe(argb(MARK_FILL.overdue));
    for (const address of ["I5", "J5", "K5", "E3", "E4", "G4"]) expect(fillOf(address)).toBeNull();
  });

  it("lists every milestone with its plan cell in the 检查结果 sheet", () => {
    const result = copy.getWorksheet("检查结果");
    if (!result) throw new Error("no result sheet");
    const text = result
      .getSheetValues()
      .flat()
      .filter((v): v is string => typeof v === "string");
    expect(text).toEqual(expect.arrayContaining(["竣工验收并投入使用"]));
  });
});
