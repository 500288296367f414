import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { EXIT_ERROR, EXIT_OK, main } from "../../src/cli/main";

interface MilestoneJson {
  due: string;
  cell: string;
  status: string;
  quarters: number[] | null;
}
interface ProjectJson {
  row: number;
  name: string | null;
  department: string | null;
  leaders: string[];
  status: string;
  milestones: MilestoneJson[];
  investment: { total: number | null; annual: number | null };
}
interface TableJson {
  sheet: string;
  headerRows: number[];
  year: number;
  projects: ProjectJson[];
  counts: Record<string, number>;
  totals: {
    total: number;
    annual: number;
    sheetTotalRow: { row: number; totalMatches: boolean | null; annualMatches: boolean | null } | null;
  } | null;
}
interface FileJson {
  file: string;
  tables: TableJson[];
  warnings?: Array<{ code: string; message: string }>;
}

const HEADER = [
  "序号",
  "项目名称",
  "形象进度安排",
  "总投资（万元）",
  "年度投资（万元）",
  "责任领导",
  "责任科室",
];

/**
 * A workbook as staff make them: a table starting at B2 with a merged title, a rich-text name, a formula
 * with its cached result, a project whose index and name are merged over two schedule rows, a date cell in
 * the schedule column, a 合计 row of formulas, then a second table further down, and a notes sheet.
 */
/** Writes values into a row from column B on. */
function put(sheet: ExcelJS.Worksheet, row: number, values: ExcelJS.CellValue[]): void {
  values.forEach((value, i) => {
    sheet.getCell(row, 2 + i).value = value;
  });
}

async function buildWorkbook(path: string, annualTotalOnSheet = 115): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet("说明").getCell("A1").value = "填表说明：请按季度填写进度。";
  const sheet = workbook.addWorksheet("2023");
  sheet.getCell("B2").value = "测试镇 2023 年为民办实事项目责任分解表";
  sheet.mergeCells("B2:H2");
  put(sheet, 3, HEADER);
  put(sheet, 4, [
    1,
    { richText: [{ text: "道路" }, { text: "改造", font: { bold: true } }] },
    "第一季度完成设计;第三季度完工",
    { formula: "F4*2", result: 200 },
    100,
    "王五",
    "建设办",
  ]);
  put(sheet, 5, [2, "路灯维修", "第一季度招标", 10, 10, "赵六", "城建办"]);
  sheet.getCell("D6").value = "第二季度施工";
  sheet.mergeCells("B5:B6");
  sheet.mergeCells("C5:C6");
  sheet.mergeCells("G5:G6");
  sheet.mergeCells("H5:H6");
  put(sheet, 7, [3, "公园绿化", new Date(Date.UTC(2023, 4, 31)), 5, 5, "王五", "建设办"]);
  sheet.getCell("D7").numFmt = "yyyy-mm-dd";
  sheet.getCell("B8").value = "合计";
  sheet.getCell("E8").value = { formula: "SUM(E4:E7)", result: 215 };
  sheet.getCell("F8").value = { formula: "SUM(F4:F7)", result: annualTotalOnSheet };

  // A second, differently shaped table under its own title.
  sheet.getCell("B10").value = "测试镇 2023 年第二批为民办实事项目责任分解表";
  sheet.mergeCells("B10:F10");
  put(sheet, 11, ["序号", "重点工作", "完成时限", "牵头领导", "牵头单位"]);
  put(sheet, 12, [
    1,
    "图书馆延时开放",
    "10月底前开放",
    "李四",
    { text: "文化站", hyperlink: "https://example.org/wenhua" },
  ]);
  await workbook.xlsx.writeFile(path);
}

describe("a workbook built in the test", () => {
  let dir: string;
  let file: string;
  let entry: FileJson;

  async function check(argv: string[]): Promise<{ code: number; out: string }> {
    let out = "";
    const code = await main(argv, {
      stdout: (t) => (out += t),
      stderr: () => undefined,
      colour: false,
      today: new Date(2023, 5, 20),
    });
    return { code, out };
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "duty-built-"));
    file = join(dir, "测试.xlsx");
    await buildWorkbook(file);
    const { code, out } = await check([file, "--as-of", "2023-06-20", "--json"]);
    expect(code).toBe(EXIT_OK);
    entry = (JSON.parse(out) as { files: FileJson[] }).files[0] as FileJson;
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("finds both tables of the sheet, and no warning about the notes sheet", () => {
    expect(entry.tables.map((t) => [t.sheet, t.headerRows[0]])).toEqual([
      ["2023", 3],
      ["2023", 11],
    ]);
    expect(entry.warnings ?? []).toEqual([]);
  });

  it("reads rich text, merged rows, a date cell and cached formula results", () => {
    const [first] = entry.tables;
    if (!first) throw new Error("no table");
    expect(first.year).toBe(2023);
    expect(first.projects.map((p) => p.name)).toEqual(["道路改造", "路灯维修", "公园绿化"]);
    const [road, lights, park] = first.projects as [ProjectJson, ProjectJson, ProjectJson];
    expect(road.investment).toMatchObject({ total: 200, annual: 100 });
    expect(road.milestones.map((m) => [m.cell, m.due, m.status])).toEqual([
      ["D4", "2023-03-31", "overdue"],
      ["D4", "2023-09-30", "upcoming"],
    ]);
    // Index and name merged over rows 5–6: row 6 continues project 2.
    expect(lights.leaders).toEqual(["赵六"]);
    expect(lights.department).toBe("城建办");
    expect(lights.milestones.map((m) => [m.cell, m.due, m.status])).toEqual([
      ["D5", "2023-03-31", "overdue"],
      ["D6", "2023-06-30", "dueSoon"],
    ]);
    expect(park.milestones.map((m) => [m.cell, m.due, m.status])).toEqual([["D7", "2023-05-31", "overdue"]]);
    expect(first.counts).toMatchObject({ overdue: 3, dueSoon: 0, onTrack: 0 });
    expect(first.totals).toMatchObject({ total: 215, annual: 115 });
    expect(first.totals?.sheetTotalRow).toMatchObject({ row: 8, totalMatches: true, annualMatches: true });
  });

  it("reads the second table on its own, a hyperlink's text as the department", () => {
    const second = entry.tables[1];
    expect(second?.projects).toHaveLength(1);
    expect(second?.projects[0]).toMatchObject({
      name: "图书馆延时开放",
      department: "文化站",
      status: "onTrack",
    });
    expect(second?.projects[0]?.milestones.map((m) => m.due)).toEqual(["2023-10-31"]);
  });

  it("reports the 合计 row check in the readable report, and a mismatch with both figures", async () => {
    const same = await check([file, "--as-of", "2023-06-20"]);
    expect(same.out).toContain("合计行（第 8 行）：总投资一致，年度投资一致");
    const wrong = join(dir, "合计不符.xlsx");
    await buildWorkbook(wrong, 116);
    const differs = await check([wrong, "--as-of", "2023-06-20"]);
    expect(differs.out).toContain(
      "合计行（第 8 行）：总投资一致，年度投资不一致（表中 116 万元，计算 115 万元）",
    );
    // Exact 万元: rounding to two decimals would print "表中 115 万元，计算 115 万元" for a real mismatch.
    const close = join(dir, "合计差一点.xlsx");
    await buildWorkbook(close, 115.004);
    const slightly = await check([close, "--as-of", "2023-06-20"]);
    expect(slightly.out).toContain("年度投资不一致（表中 115.004 万元，计算 115 万元）");
  });

  it("--sheet limits the check to one sheet, and a sheet without a table says so", async () => {
    const only = await check([file, "--as-of", "2023-06-20", "--sheet", "2023"]);
    expect(only.out).toContain("工作表“2023”");
    expect(only.out).not.toContain("说明");
    const notes = await check([file, "--as-of", "2023-06-20", "--sheet", "说明"]);
    expect(notes.code).toBe(EXIT_ERROR);
    expect(notes.out).toMatch(/未找到责任分解表/);
  });
});
