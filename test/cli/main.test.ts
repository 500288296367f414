import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { z } from "zod";
import { EXIT_ERROR, EXIT_OK, EXIT_OVERDUE, main, wantsColour } from "../../src/cli/main";
import expectations from "../fixtures/seed-expectations.json";

const SAMPLES = join(__dirname, "..", "..", "samples");
const XINTANG = join(SAMPLES, "xintang-2023.xlsx");
const ZIMAO = join(SAMPLES, "zimao-2022.xlsx");

interface Run {
  code: number;
  out: string;
  err: string;
}

async function run(argv: string[], colour = false): Promise<Run> {
  let out = "";
  let err = "";
  const code = await main(argv, {
    stdout: (t) => (out += t),
    stderr: (t) => (err += t),
    colour,
    today: new Date(2023, 5, 20),
  });
  return { code, out, err };
}

/** The `--json` contract: these fields, these places (extras allowed). */
const Milestone = z.object({
  quarters: z.array(z.number().int().min(1).max(4)).nullable(),
  months: z.array(z.number().int().min(1).max(12)).nullable(),
  due: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  text: z.string(),
  status: z.enum(["done", "overdue", "dueSoon", "upcoming"]),
  cell: z.string().regex(/^[A-Z]+\d+$/),
});
const Project = z.object({
  row: z.number().int().positive(),
  index: z.string().nullable(),
  name: z.string().nullable(),
  leaders: z.array(z.string()),
  department: z.string().nullable(),
  person: z.string().nullable(),
  category: z.string().nullable(),
  status: z.enum(["unscheduled", "done", "overdue", "dueSoon", "onTrack"]),
  milestones: z.array(Milestone),
  investment: z.object({
    total: z.number().nullable(),
    annual: z.number().nullable(),
    totalQualifier: z.string().nullable(),
    annualQualifier: z.string().nullable(),
  }),
});
const Counts = z.object({
  overdue: z.number(),
  dueSoon: z.number(),
  onTrack: z.number(),
  done: z.number(),
  unscheduled: z.number(),
});
const Table = z.object({
  sheet: z.string(),
  headerRows: z.array(z.number().int().positive()).min(1),
  // Role → letter, and the plan's period columns (SEMANTICS §1): `[]` when the plan is one column.
  columns: z
    .object({
      schedulePeriods: z.array(z.object({ column: z.string().regex(/^[A-Z]+$/), period: z.string() })),
    })
    .catchall(z.string().regex(/^[A-Z]+$/)),
  year: z.number().int(),
  projects: z.array(Project),
  counts: Counts,
  totals: z
    .object({
      projects: z.number(),
      withInvestment: z.number(),
      withoutInvestment: z.number(),
      total: z.number(),
      annual: z.number(),
      annualShareOfTotal: z.number().nullable(),
      sheetTotalRow: z
        .object({
          row: z.number(),
          total: z.number().nullable(),
          annual: z.number().nullable(),
          totalMatches: z.boolean().nullable(),
          annualMatches: z.boolean().nullable(),
        })
        .nullable(),
    })
    .nullable(),
  warnings: z.array(z.object({ cell: z.string().nullable(), code: z.string(), message: z.string() })),
});
const Report = z.object({
  asOf: z.string(),
  files: z.array(
    z.union([
      z.object({
        file: z.string(),
        error: z.object({ code: z.string(), message: z.string() }),
        tables: z.tuple([]),
      }),
      z.object({ file: z.string(), tables: z.array(Table) }),
    ]),
  ),
});
type Report = z.infer<typeof Report>;
type TableJson = z.infer<typeof Table>;

async function json(argv: string[]): Promise<{ code: number; report: Report; err: string }> {
  const { code, out, err } = await run([...argv, "--json"]);
  return { code, report: Report.parse(JSON.parse(out)), err };
}

function onlyTable(report: Report, file = 0): TableJson {
  const entry = report.files[file];
  if (!entry || "error" in entry) throw new Error(`file ${file} failed`);
  expect(entry.tables).toHaveLength(1);
  return entry.tables[0] as TableJson;
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "duty-cli-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("--json on the xintang sample at 2023-06-20", () => {
  let report: Report;
  let table: TableJson;
  beforeAll(async () => {
    const result = await json([XINTANG, "--as-of", "2023-06-20"]);
    expect(result.code).toBe(EXIT_OK);
    report = result.report;
    table = onlyTable(report);
  });

  it("counts the statuses the seed expectations give", () => {
    expect(report.asOf).toBe("2023-06-20");
    expect(report.files[0]?.file).toBe(XINTANG);
    expect(table.counts).toEqual({ overdue: 10, dueSoon: 1, onTrack: 0, done: 0, unscheduled: 1 });
  });

  it("places the table: first header row, schedule column, year", () => {
    expect(table.sheet).toBe("责任分解表");
    expect(table.headerRows[0]).toBe(3);
    expect(table.columns.schedule).toBe("D");
    expect(table.columns.name).toBe("B");
    expect(table.year).toBe(2023);
  });

  it("reads every project's milestones and people as the seed expectations list them", () => {
    const doc = expectations.documents[0] as (typeof expectations.documents)[number];
    expect(table.projects.map((p) => p.index)).toEqual(doc.projects.map((p) => p.index));
    doc.projects.forEach((expected, i) => {
      const project = table.projects[i];
      expect(project?.name).toBe(expected.name);
      expect(project?.leaders).toEqual(expected.leader);
      expect(project?.milestones.map((m) => m.due)).toEqual(expected.milestones.map((m) => m.due));
      for (const m of project?.milestones ?? []) expect(m.cell).toBe(`D${project?.row}`);
    });
  });

  it("keeps the investment and its qualifier, and totals exactly", () => {
    const p3 = table.projects.find((p) => p.index === "3");
    expect(p3?.status).toBe("unscheduled");
    expect(p3?.investment).toMatchObject({ total: 100, totalQualifier: "拟定", annual: 100 });
    expect(table.totals).toMatchObject({
      projects: 12,
      withInvestment: 9,
      withoutInvestment: 3,
      total: 55358.28,
      annual: 18158.28,
      annualShareOfTotal: 0.328,
    });
  });
});

describe("the readable report", () => {
  it("gives counts, alerts by leader and by department, unscheduled projects and money", async () => {
    const { code, out, err } = await run([XINTANG, "--as-of", "2023-06-20"]);
    expect(code).toBe(EXIT_OK);
    expect(err).toBe("");
    expect(out).toContain("xintang-2023.xlsx");
    expect(out).toContain("逾期 10 · 临期 1 · 正常 0 · 已完成 0 · 未排期 1");
    expect(out).toContain("按责任领导");
    expect(out).toContain("按责任科室");
    // Project 1's first-quarter clause, due 2023-03-31, is 81 days late on 2023-06-20.
    expect(out).toMatch(/开展“职工医疗互助”项目 · 第一季度 · 截止 2023-03-31 · D4 · 已逾期 81 天/);
    // Project 10's first clause covers quarters 1–2, due 2023-06-30: 10 days left.
    expect(out).toMatch(
      /新塘街道“爱在心淌”公益慈善基金会 · 第一、二季度 · 截止 2023-06-30 · D15 · 还剩 10 天/,
    );
    expect(out).toMatch(/未排期[\s\S]*实施“四帮四扶”工程 · D6/);
    expect(out).toMatch(/年度 18,158\.28 万元 · 总 55,358\.28 万元 · 年度占总投资 32\.8%/);
    expect(out).toContain("注意 单元格 F6 的总投资写作文字“拟定100”，已按 100 万元计入");
    expect(out).not.toContain("\u001b[");
  });

  it("groups a project with an empty department under （未填写）", async () => {
    const { out } = await run([XINTANG, "--as-of", "2023-06-20"]);
    const departments = out.slice(out.indexOf("按责任科室"));
    expect(departments).toContain("（未填写）");
  });

  it("says a table without investment columns has no totals", async () => {
    const { code, out } = await run([ZIMAO, "--as-of", "2022-07-01"]);
    expect(code).toBe(EXIT_OK);
    expect(out).toContain("逾期 10 · 临期 0 · 正常 0 · 已完成 0 · 未排期 0");
    expect(out).toContain("本表没有投资列");
  });

  it("colours only when asked, and then marks overdue red", async () => {
    const { out } = await run([XINTANG, "--as-of", "2023-06-20"], true);
    expect(out).toContain("\u001b[31m逾期 10\u001b[39m");
    expect(wantsColour(true, {})).toBe(true);
    expect(wantsColour(true, { NO_COLOR: "1" })).toBe(false);
    expect(wantsColour(undefined, {})).toBe(false);
  });

  it("adds a summary line for several files", async () => {
    const { out } = await run([XINTANG, ZIMAO, "--as-of", "2023-06-20"]);
    expect(out).toMatch(/共 2 个文件：逾期 20 · 临期 1/);
  });
});

describe("exit codes and bad input", () => {
  let corrupt: string;
  let encrypted: string;
  let csv: string;
  let xls: string;
  beforeAll(() => {
    corrupt = join(dir, "损坏.xlsx");
    writeFileSync(corrupt, Buffer.concat([Buffer.from("PK\u0003\u0004"), Buffer.alloc(200, 7)]));
    encrypted = join(dir, "加密.xlsx");
    const header = Buffer.alloc(1024);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header);
    writeFileSync(encrypted, Buffer.concat([header, Buffer.from("EncryptionInfo", "utf16le")]));
    xls = join(dir, "旧版.xls");
    writeFileSync(xls, header);
    csv = join(dir, "表.csv");
    writeFileSync(csv, "序号,项目名称,形象进度安排\n1,测试,第一季度完成\n");
  });

  it.each([
    ["missing", () => join(dir, "不存在.xlsx"), /文件不存在/],
    ["corrupt zip", () => corrupt, /已损坏/],
    ["password-protected", () => encrypted, /打开密码/],
    ["legacy .xls", () => xls, /旧版格式（如 \.xls、\.et）/],
    [".csv", () => csv, /CSV 文本不是 \.xlsx/],
  ])(
    "a %s file: one Chinese line naming it, exit 2, the other files still checked",
    async (_, file, message) => {
      const bad = file();
      const { code, out, err } = await run([bad, XINTANG, "--as-of", "2023-06-20"]);
      expect(code).toBe(EXIT_ERROR);
      const lines = err.trim().split("\n");
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(bad);
      expect(lines[0]).toMatch(message);
      expect(out).toContain("逾期 10 · 临期 1");
    },
  );

  const root = process.getuid?.() === 0;
  (root ? it.skip : it)("an unreadable file (chmod 000): exit 2", async () => {
    const locked = join(dir, "锁定.xlsx");
    writeFileSync(locked, readFileSync(XINTANG));
    chmodSync(locked, 0o000);
    try {
      const { code, err } = await run([locked]);
      expect(code).toBe(EXIT_ERROR);
      expect(err).toMatch(/无法读取文件/);
    } finally {
      chmodSync(locked, 0o600);
    }
  });

  it("a failed file in --json is an entry with its error and no tables", async () => {
    const { code, report } = await json([csv, XINTANG, "--as-of", "2023-06-20"]);
    expect(code).toBe(EXIT_ERROR);
    expect(report.files[0]).toEqual({
      file: csv,
      error: { code: "file.notXlsx", message: expect.any(String) },
      tables: [],
    });
    expect(onlyTable(report, 1).counts.overdue).toBe(10);
  });

  it("--fail-on-overdue: 1 when something is overdue, 0 when nothing is, 2 wins over 1", async () => {
    expect((await run([XINTANG, "--as-of", "2023-06-20", "--fail-on-overdue"])).code).toBe(EXIT_OVERDUE);
    expect((await run([XINTANG, "--as-of", "2023-01-10", "--fail-on-overdue"])).code).toBe(EXIT_OK);
    expect((await run([XINTANG, "--as-of", "2023-06-20"])).code).toBe(EXIT_OK);
    expect((await run([csv, XINTANG, "--as-of", "2023-06-20", "--fail-on-overdue"])).code).toBe(EXIT_ERROR);
  });

  it("bad flags: a Chinese message and exit 2, nothing checked", async () => {
    const { code, out, err } = await run([XINTANG, "--as-of", "2023-13-01"]);
    expect(code).toBe(EXIT_ERROR);
    expect(out).toBe("");
    expect(err).toMatch(/--as-of “2023-13-01” 无效/);
  });

  it("--sheet naming no sheet of the file fails that file", async () => {
    const { code, err } = await run([XINTANG, "--sheet", "Sheet9"]);
    expect(code).toBe(EXIT_ERROR);
    expect(err).toMatch(/没有名为“Sheet9”的工作表（现有：“责任分解表”）/);
  });

  it("--help and --version", async () => {
    const help = await run(["--help"]);
    expect(help.code).toBe(EXIT_OK);
    expect(help.out).toMatch(/用法：duty-check/);
    const version = await run(["--version"]);
    const pkg = JSON.parse(readFileSync(join(__dirname, "..", "..", "package.json"), "utf8")) as {
      version: string;
    };
    expect(version.out.trim()).toBe(`duty-check ${pkg.version}`);
  });
});
