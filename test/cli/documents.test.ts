import { createHash } from "node:crypto";
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { EXIT_ERROR, EXIT_OK, main } from "../../src/cli/main";
import { zipEntry } from "../support/zip";

const SAMPLES = join(__dirname, "..", "..", "samples");
const XINTANG = join(SAMPLES, "xintang-2023.xlsx");
const ZIMAO = join(SAMPLES, "zimao-2022.xlsx");
const DOCX = "新塘街道2023年6月为民办实事项目进展情况通报.docx";

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await main(argv, {
    stdout: (t) => (out += t),
    stderr: (t) => (err += t),
    colour: false,
    today: new Date(2023, 5, 20),
  });
  return { code, out, err };
}

function sha256(path: string): string {
  return createHash("sha256").update(readFileSync(path)).digest("hex");
}

/** Every w:t text of a part, joined per paragraph. */
function paragraphs(xml: string): string[] {
  return (xml.match(/<w:p[ >].*?<\/w:p>/gsu) ?? []).map((p) =>
    (p.match(/<w:t[^>]*>([^<]*)<\/w:t>/gu) ?? []).map((t) => t.replace(/<[^>]+>/gu, "")).join(""),
  );
}

describe("duty-check --report DIR", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "duty-report-"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("writes a .docx per table that opens again as an A4 通报 with the late projects and a 原因 column", async () => {
    const outDir = join(dir, "out");
    const { code, err } = await run(["--as-of", "2023-06-20", "--report", outDir, XINTANG]);
    expect(code).toBe(EXIT_OK);
    expect(readdirSync(outDir)).toEqual([DOCX]);
    expect(err).toContain(`已写出通报：${join(outDir, DOCX)}`);

    const zip = readFileSync(join(outDir, DOCX));
    const document = zipEntry(zip, "word/document.xml") ?? "";
    const styles = zipEntry(zip, "word/styles.xml") ?? "";
    // A4 portrait and the margins of GB/T 9704 (37/35/28/26 mm in twips).
    expect(document).toMatch(/<w:pgSz w:w="11906" w:h="16838"/u);
    expect(document).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/u);
    // The body in 仿宋 三号 (16 pt = 32 half-points); the font table names its fallbacks.
    expect(styles).toMatch(
      /<w:rPrDefault><w:rPr><w:rFonts[^>]*w:eastAsia="仿宋_GB2312"[^>]*\/><w:sz w:val="32"\/>/u,
    );
    expect(zipEntry(zip, "word/fontTable.xml")).toContain(
      '<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋,',
    );

    const text = paragraphs(document);
    expect(text.slice(0, 1)).toEqual(["关于2023年6月为民办实事项目进展情况的通报"]);
    expect(text).toContain("二、逾期和滞后项目");
    // The three most overdue projects (81 days each; the table's order on a tie) and the columns to fill.
    const rows = text.join("\n");
    const first = [
      "拓展婴幼儿照护服务普惠项目",
      "补助部分计划生育家庭参加基本养老保险",
      "卫生服务中心迁建工程",
    ].map((name) => text.indexOf(name));
    expect(first.every((i) => i > 0)).toBe(true);
    expect(first).toEqual([...first].sort((a, b) => a - b));
    expect(text).toContain("原因");
    expect(text).toContain("下步措施");
    expect(rows).toContain("年度计划投资18,158.28万元");
    // The header row repeats on every page; the page numbers sit in the footers.
    expect(document).toContain("<w:tblHeader/>");
    expect(zipEntry(zip, "word/footer1.xml")).toContain("PAGE");
  });

  it("never writes over an input, even one reached through a link in DIR", async () => {
    const input = join(dir, "input.xlsx");
    copyFileSync(XINTANG, input);
    const before = sha256(input);
    const outDir = join(dir, "out");
    mkdirSync(outDir);
    symlinkSync(input, join(outDir, DOCX));

    const { code } = await run(["--as-of", "2023-06-20", "--report", outDir, input]);
    expect(code).toBe(EXIT_OK);
    expect(sha256(input)).toBe(before);
    expect(readdirSync(outDir).sort()).toEqual([
      DOCX,
      "新塘街道2023年6月为民办实事项目进展情况通报（2）.docx",
    ]);
  });

  it("gives two tables of the same unit two names", async () => {
    const outDir = join(dir, "out");
    const { code } = await run(["--as-of", "2023-06-20", "--report", outDir, XINTANG, XINTANG]);
    expect(code).toBe(EXIT_OK);
    expect(readdirSync(outDir).sort()).toEqual([
      DOCX,
      "新塘街道2023年6月为民办实事项目进展情况通报（2）.docx",
    ]);
  });
});

describe("duty-check --reminders", () => {
  it("prints one block per late department of the 新塘 sample, none for the department-less project", async () => {
    const { code, out } = await run(["--as-of", "2023-06-20", "--reminders", XINTANG]);
    expect(code).toBe(EXIT_OK);
    const blocks = out.match(/^【[^】]+】$/gmu) ?? [];
    expect(blocks).toEqual([
      "【社会事务办(卫计)】",
      "【街道总工会】",
      "【环卫办】",
      "【教育办】",
      "【沙塘社区】",
      "【社会事务办】",
      "【文体服务中心】",
    ]);
    expect(out).toContain("督办提醒（按责任科室，截至2023年6月20日）：7 条");
    expect(out).toContain("社会事务办：你单位牵头的“实施困难残疾人家庭无障碍改造工作”第一季度节点");
    expect(out).not.toContain("【（未填写）】");
    // Instead of the check's report, not beside it.
    expect(out).not.toContain("按责任领导");
  });

  it("prints the 紫帽 sample's reminders by leader with the reply date given", async () => {
    const { code, out } = await run([
      "--as-of",
      "2022-07-01",
      "--reminders",
      "--group-by",
      "leader",
      "--reply-by",
      "2022-07-08",
      ZIMAO,
    ]);
    expect(code).toBe(EXIT_OK);
    const blocks = out.match(/^【[^】]+】$/gmu) ?? [];
    expect(blocks).toEqual([
      "【许武灵】",
      "【曾智伟】",
      "【陈志猛】",
      "【姚昆仑】",
      "【陈军】",
      "【黄高雄】",
      "【许文理】",
    ]);
    expect(out).toContain("许武灵同志：你分管的“紫帽山植树绿化”1月节点（选定地块）已逾期151天");
    expect(out.match(/请督促责任科室于7月8日前书面报送进展及原因。/gu)).toHaveLength(7);
  });

  it("says there is nothing to remind of before anything is due", async () => {
    const { code, out } = await run(["--as-of", "2022-01-10", "--reminders", ZIMAO]);
    expect(code).toBe(EXIT_OK);
    expect(out).toContain("：0 条");
    expect(out).toContain("无需督办");
  });

  it("refuses --json with --reminders, and a bad grouping", async () => {
    expect((await run(["--reminders", "--json", XINTANG])).code).toBe(EXIT_ERROR);
    const bad = await run(["--group-by", "科长", XINTANG]);
    expect(bad.code).toBe(EXIT_ERROR);
    expect(bad.err).toContain("--group-by “科长” 无效");
  });
});
