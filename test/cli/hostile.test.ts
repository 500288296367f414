import { mkdtempSync, promises as fsp, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strToU8, unzipSync, zipSync } from "fflate";
import ExcelJS from "exceljs";
import { EXIT_ERROR, EXIT_OK, EXIT_OVERDUE } from "../../src/cli/main";
import { buildXlsx, type BuildCell } from "../support/xlsx-build";
import { run } from "./run";

const XINTANG = join(__dirname, "..", "..", "samples", "xintang-2023.xlsx");
/** Any C0 or C1 control character, or DEL. */
// eslint-disable-next-line no-control-regex -- control characters are what is looked for
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
/** The report's own colours. */
// eslint-disable-next-line no-control-regex -- escape sequences are what is looked for
const OUR_SGR = /\u001b\[(?:1|2|22|31|32|33|39)m/g;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "duty-hostile-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => jest.restoreAllMocks());

function save(name: string, bytes: Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
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

/** A small table: title, header, `rows`, each a project unless it starts with 合计. */
function table(rows: BuildCell[][]): BuildCell[][] {
  return [["测试镇 2023 年为民办实事项目责任分解表"], HEADER, ...rows];
}

interface JsonTable {
  projects: Array<{ name: string | null }>;
  totals: { total: number; incomplete?: boolean; sheetTotalRow: { total: number | null } | null } | null;
  warnings: Array<{ cell: string | null; code: string; message: string; messageEn: string }>;
}
interface JsonFile {
  tables: JsonTable[];
  warnings?: Array<{ code: string }>;
  error?: { code: string; message: string };
}

function files(out: string): JsonFile[] {
  return (JSON.parse(out) as { files: JsonFile[] }).files;
}

describe("the product's own sheets are not project tables", () => {
  it("re-checking a marked copy counts 12 projects, not 53, and says nothing of the 检查结果 sheet", async () => {
    const out = join(dir, "marked");
    expect((await run([XINTANG, "--out", out, "--as-of", "2023-06-20"])).code).toBe(EXIT_OK);
    const copy = join(out, "xintang-2023.xlsx");

    const json = await run([copy, "--json", "--as-of", "2023-06-20"]);
    expect(json.code).toBe(EXIT_OK);
    const [entry] = files(json.out);
    expect(entry?.tables.map((t) => t.projects.length)).toEqual([12]);
    expect(entry?.warnings).toEqual([]);

    const text = await run([copy, "--as-of", "2023-06-20"]);
    expect(text.out).toContain("12 个项目");
    expect(text.out).not.toContain("检查结果");
    expect(text.out).not.toContain("未找到责任分解表");
  });

  it("the 检查结果 sheet carries the product's marker line", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(dir, "marked", "xintang-2023.xlsx"));
    expect(workbook.getWorksheet("检查结果")?.getCell("A1").value).toBe(
      "实事督办 DutyCheck 生成 · 源表：责任分解表 · 检查日期：2023-06-20",
    );
  });

  it("a workbook of nothing but an output sheet says to switch to the breakdown table", async () => {
    const file = join(dir, "marked", "xintang-2023.xlsx");
    const { code, out } = await run([file, "--sheet", "检查结果", "--as-of", "2023-06-20"]);
    expect(code).toBe(EXIT_ERROR);
    expect(out).toContain("这是检查结果表，请切换到责任分解表“责任分解表”");
  });
});

describe("formulas without a cached result", () => {
  // 总投资 100 + 101 + 102 + 100 = 403; three of them are formulas a script wrote without results.
  const rows: BuildCell[][] = [
    [1, "道路改造", "第一季度完成设计;第三季度完工", 100, 50, "王五", "建设办"],
    [2, "路灯维修", "第二季度招标", { formula: "100+1" }, 20, "赵六", "城建办"],
    [3, "公园绿化", "第四季度完工", { formula: "100+2" }, 30, "王五", "建设办"],
    [4, "河道清淤", "第三季度完工", { formula: "D3" }, { formula: "E3", value: 50 }, "李四", "水务站"],
    ["合计", "", "", { formula: "SUM(D3:D6)" }, { formula: "SUM(E3:E6)", value: 150 }],
  ];

  it("reports each such cell and marks the totals incomplete (JSON)", async () => {
    const file = save("uncached.xlsx", buildXlsx([{ name: "表", rows: table(rows) }]));
    const { code, out } = await run([file, "--json", "--as-of", "2023-06-20"]);
    expect(code).toBe(EXIT_OK);
    const [t] = files(out)[0]?.tables ?? [];
    const uncached = t?.warnings.filter((w) => w.code === "formula.noCachedValue") ?? [];
    expect(uncached.map((w) => w.cell)).toEqual(["D4", "D5", "D6", "D7"]);
    for (const w of uncached) {
      expect(w.message).toContain(`单元格 ${w.cell}`);
      expect(w.message).toMatch(/Excel 或 WPS 中打开.*保存/);
      expect(w.messageEn).toMatch(/Excel or WPS/);
    }
    expect(t?.totals).toMatchObject({ total: 100, incomplete: true, sheetTotalRow: { total: null } });
  });

  it("says so in the readable report, the 合计 cell named as not computed rather than empty", async () => {
    const file = join(dir, "uncached.xlsx");
    const { out } = await run([file, "--as-of", "2023-06-20"]);
    expect(out).toMatch(/合计不完整/);
    expect(out).toContain("总投资未计算");
    expect(out).not.toContain("总投资未填");
    expect(out).toMatch(/单元格 D5 是公式/);
  });

  it("a workbook with cached results has complete totals", async () => {
    const cached = rows.map((row) =>
      row.map((cell) =>
        typeof cell === "object" && cell && "formula" in cell ? { ...cell, value: 1 } : cell,
      ),
    );
    const file = save("cached.xlsx", buildXlsx([{ name: "表", rows: table(cached) }]));
    const [t] = files((await run([file, "--json", "--as-of", "2023-06-20"])).out)[0]?.tables ?? [];
    expect(t?.totals?.incomplete).toBe(false);
    expect(t?.warnings.some((w) => w.code === "formula.noCachedValue")).toBe(false);
  });
});

describe("terminal safety", () => {
  const ESC = "\u001b";
  const hostile = {
    name: `道路${ESC}]0;pwned\u0007改造`,
    schedule: `第一季度完成设计${ESC}[2J${ESC}[H;第三季度完工`,
    leader: `王五\u0008\u0008\u0008李四`,
    department: `建设办${ESC}[8m`,
    money: `拟定${ESC}[31m100`,
    title: `测试镇 2023 年为民办实事项目责任分解表${ESC}]2;title\u0007`,
  };

  function workbook(): string {
    const rows: BuildCell[][] = [
      [hostile.title],
      HEADER,
      [1, hostile.name, hostile.schedule, hostile.money, 10, hostile.leader, hostile.department],
      [2, `空${"\u009b"}31m项目`, "按计划推进\r\n另起一行", 1, 1, "赵六", ""],
    ];
    return save(`控制${ESC}[2J字符.xlsx`, buildXlsx([{ name: "表", rows }]));
  }

  it("prints no control character from the workbook or its name (colour off)", async () => {
    const { code, out, err } = await run([workbook(), "--as-of", "2023-06-20"]);
    expect(code).toBe(EXIT_OK);
    expect(err).toBe("");
    expect(out).toContain("道路");
    expect(out).toContain("改造");
    expect(out.replace(/\n/g, "")).not.toMatch(CONTROL);
  });

  it("with colour, the only escape sequences are the report's own", async () => {
    const { out } = await run([workbook(), "--as-of", "2023-06-20"], true);
    expect(out).toContain(`${ESC}[31m`);
    const ours = out.replace(OUR_SGR, "");
    expect(ours.replace(/\n/g, "")).not.toMatch(CONTROL);
  });

  it("failure lines on stderr carry no control character either", async () => {
    const bad = save(`坏${ESC}]0;x\u0007.xlsx`, strToU8("not a workbook"));
    const { err } = await run([bad]);
    expect(err).toContain("坏");
    expect(err.replace(/\n/g, "")).not.toMatch(CONTROL);
  });
});

describe("exit codes and messages", () => {
  it("a workbook without a breakdown table exits 2, with or without --fail-on-overdue, and says why", async () => {
    const file = save("notes.xlsx", buildXlsx([{ name: "说明", rows: [["填表说明：请按季度填写进度。"]] }]));
    for (const extra of [[], ["--fail-on-overdue"], ["--json"]]) {
      const { code, err } = await run([file, "--as-of", "2023-06-20", ...extra]);
      expect(code).toBe(EXIT_ERROR);
      expect(err).toContain(file);
      expect(err).toMatch(/没有找到责任分解表/);
    }
    // Another file's overdue milestones do not hide it.
    expect((await run([XINTANG, file, "--fail-on-overdue", "--as-of", "2023-06-20"])).code).toBe(EXIT_ERROR);
    expect((await run([XINTANG, "--fail-on-overdue", "--as-of", "2023-06-20"])).code).toBe(EXIT_OVERDUE);
  });

  it("an empty (0-byte) file says it is empty", async () => {
    const file = save("空.xlsx", new Uint8Array(0));
    const { code, err } = await run([file]);
    expect(code).toBe(EXIT_ERROR);
    expect(err.trim().split("\n")).toHaveLength(1);
    expect(err).toMatch(/文件是空的（0 字节）/);
  });

  /** The sample with its first worksheet's declared size changed: jszip's "uncompressed data size mismatch". */
  function sizeMismatch(): Uint8Array {
    const bytes = new Uint8Array(readFileSync(XINTANG));
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const name = strToU8("xl/worksheets/sheet1.xml");
    for (let at = 0; at < bytes.length - 46; at += 1) {
      if (view.getUint32(at, true) !== 0x02014b50) continue;
      const length = view.getUint16(at + 28, true);
      const entry = bytes.subarray(at + 46, at + 46 + length);
      if (entry.length === name.length && entry.every((b, i) => b === name[i])) {
        view.setUint32(at + 24, view.getUint32(at + 24, true) + 7, true);
        return bytes;
      }
    }
    throw new Error("sheet1.xml not found");
  }

  it.each([
    ["a wrong declared size", () => sizeMismatch()],
    ["a truncated file", () => new Uint8Array(readFileSync(XINTANG)).subarray(0, 9000)],
    [
      "damaged compressed data",
      () => {
        const bytes = new Uint8Array(readFileSync(XINTANG));
        bytes.fill(0x55, 3000, 3400);
        return bytes;
      },
    ],
  ])("%s: one Chinese line naming the file and what to do, the library's words after it", async (_, make) => {
    const file = save("损坏.xlsx", make());
    const { code, err } = await run([file]);
    expect(code).toBe(EXIT_ERROR);
    const lines = err.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(file);
    expect(lines[0]).toMatch(/已损坏或不完整.*请.*（.+）$/);
  });

  it("a zip that is a Word document says so", async () => {
    const docx = zipSync({
      "[Content_Types].xml": strToU8("<Types/>"),
      "word/document.xml": strToU8("<w:document/>"),
    });
    const { code, err } = await run([save("通知.xlsx", docx)]);
    expect(code).toBe(EXIT_ERROR);
    expect(err).toMatch(/Word/);
  });

  it("an --out path that is a file: one line, nothing checked", async () => {
    const file = save("not-a-folder", strToU8("x"));
    const { code, out, err } = await run([XINTANG, "--out", file]);
    expect(code).toBe(EXIT_ERROR);
    expect(out).toBe("");
    const lines = err.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/无法使用输出文件夹“.*not-a-folder”：已有同名的文件.*请.*（EEXIST/);
  });

  it("a read-only disk (EROFS) on write: one Chinese line naming the copy, the system's words after it", async () => {
    const out = join(dir, "ro");
    jest
      .spyOn(fsp, "open")
      .mockRejectedValue(
        Object.assign(new Error("EROFS: read-only file system, open '/ro/x'"), { code: "EROFS" }),
      );
    const { code, err } = await run([XINTANG, "--out", out, "--as-of", "2023-06-20"]);
    expect(code).toBe(EXIT_ERROR);
    const lines = err.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(join(out, "xintang-2023.xlsx"));
    expect(lines[0]).toMatch(/只读.*请.*（EROFS: read-only file system/);
  });

  it("a folder given as the file: one line", async () => {
    const { code, err } = await run([dir]);
    expect(code).toBe(EXIT_ERROR);
    expect(err).toMatch(/这是一个文件夹/);
  });

  it("unzipSync of the damaged sample throws (the fixtures really are damaged)", () => {
    const bytes = new Uint8Array(readFileSync(XINTANG)).subarray(0, 9000);
    expect(() => unzipSync(bytes)).toThrow();
  });
});
