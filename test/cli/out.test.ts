import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { EXIT_OK, main } from "../../src/cli/main";
import { MARK_FILL } from "../../src/core/marks";

const XINTANG = join(__dirname, "..", "..", "samples", "xintang-2023.xlsx");

function sha256(path: string): string {
  return createHash("sha256").update(readFileSync(path)).digest("hex");
}

function argb(hex: string): string {
  return `FF${hex.slice(1).toUpperCase()}`;
}

function fillOf(cell: ExcelJS.Cell): string | null {
  const fill = cell.fill;
  return fill && fill.type === "pattern" && fill.pattern === "solid" ? (fill.fgColor?.argb ?? null) : null;
}

describe("--out writes a marked copy", () => {
  let dir: string;
  let input: string;
  let before: string;
  let code: number;
  let err: string;
  let copy: ExcelJS.Workbook;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "duty-out-"));
    input = join(dir, "xintang-2023.xlsx");
    copyFileSync(XINTANG, input);
    before = sha256(input);
    err = "";
    code = await main([input, "--as-of", "2023-06-20", "--out", join(dir, "marked")], {
      stdout: () => undefined,
      stderr: (t) => (err += t),
      colour: false,
      today: new Date(2023, 5, 20),
    });
    copy = new ExcelJS.Workbook();
    await copy.xlsx.readFile(join(dir, "marked", "xintang-2023.xlsx"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("leaves the input untouched and names the copy", () => {
    expect(code).toBe(EXIT_OK);
    expect(sha256(input)).toBe(before);
    expect(err).toContain(join(dir, "marked", "xintang-2023.xlsx"));
  });

  it("fills the name and schedule cells with the marks' colours, and nothing else", () => {
    const sheet = copy.getWorksheet("责任分解表");
    if (!sheet) throw new Error("sheet missing");
    // Project 1 (row 4): its first-quarter clause is overdue.
    expect(fillOf(sheet.getCell("B4"))).toBe(argb(MARK_FILL.overdue));
    expect(fillOf(sheet.getCell("D4"))).toBe(argb(MARK_FILL.overdue));
    // Project 10 (row 15): first clause covers quarters 1–2, due 2023-06-30: due soon.
    expect(fillOf(sheet.getCell("B15"))).toBe(argb(MARK_FILL.dueSoon));
    expect(fillOf(sheet.getCell("D15"))).toBe(argb(MARK_FILL.dueSoon));
    // Project 3 (row 6) is unscheduled: no mark. Other columns and header rows stay plain.
    expect(fillOf(sheet.getCell("B6"))).toBeNull();
    expect(fillOf(sheet.getCell("D6"))).toBeNull();
    expect(fillOf(sheet.getCell("C4"))).toBeNull();
    expect(fillOf(sheet.getCell("B3"))).toBeNull();
    // The values are those of the input.
    expect(sheet.getCell("B4").value).toBe("开展“职工医疗互助”项目");
    expect(sheet.getCell("A4").border?.left?.style).toBe("thin");
  });

  it("adds a 检查结果 sheet listing every milestone with a link to its source cell", () => {
    const summary = copy.getWorksheet("检查结果");
    if (!summary) throw new Error("summary missing");
    const header = summary.getRow(2).values as ExcelJS.CellValue[];
    expect(header).toEqual(
      expect.arrayContaining(["项目名称", "责任领导", "截止日期", "状态", "来源单元格"]),
    );
    const rows: ExcelJS.Row[] = [];
    summary.eachRow((row, n) => {
      if (n > 2) rows.push(row);
    });
    // 12 projects: 11 scheduled with 40 milestones in all, and one unscheduled row.
    expect(rows).toHaveLength(41);
    const first = rows[0] as ExcelJS.Row;
    expect(first.getCell(3).value).toBe("开展“职工医疗互助”项目");
    expect(first.getCell(7).value).toBe("第一季度");
    expect(first.getCell(9).value).toBe("逾期");
    expect(first.getCell(10).value).toBe("已逾期 81 天");
    expect(first.getCell(12).value).toEqual({ formula: `HYPERLINK("#'责任分解表'!D4","D4")`, result: "D4" });
    const due = first.getCell(8).value;
    expect(due instanceof Date ? due.toISOString().slice(0, 10) : due).toBe("2023-03-31");
    expect(
      rows.some((r) => r.getCell(9).value === "未排期" && r.getCell(3).value === "实施“四帮四扶”工程"),
    ).toBe(true);
  });

  it("never writes over the input, even when --out is the input's folder", async () => {
    const again = await main([input, "--as-of", "2023-06-20", "--out", dir], {
      stdout: () => undefined,
      stderr: () => undefined,
      colour: false,
      today: new Date(2023, 5, 20),
    });
    expect(again).toBe(EXIT_OK);
    expect(sha256(input)).toBe(before);
    expect(existsSync(join(dir, "xintang-2023.检查.xlsx"))).toBe(true);
  });
});
