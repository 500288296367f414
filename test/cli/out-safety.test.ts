import { createHash } from "node:crypto";
import {
  copyFileSync,
  existsSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  promises as fsp,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { EXIT_ERROR, EXIT_OK } from "../../src/cli/main";
import ExcelJS from "exceljs";
import { run } from "./run";

const SAMPLES = join(__dirname, "..", "..", "samples");
const XINTANG = join(SAMPLES, "xintang-2023.xlsx");
const ZIMAO = join(SAMPLES, "zimao-2022.xlsx");

function sha(path: string): string {
  return createHash("sha256").update(readFileSync(path)).digest("hex");
}

async function open(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return workbook;
}

/** The first project's name (B4 in both samples): tells which input a copy was made from. */
async function firstProject(path: string): Promise<string> {
  const workbook = await open(readFileSync(path));
  return String(workbook.worksheets[0]?.getCell("B4").value);
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "duty-out-safety-"));
});
afterEach(() => {
  jest.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

function input(path: string, source = XINTANG): string {
  mkdirSync(dirname(path), { recursive: true });
  copyFileSync(source, path);
  return path;
}

describe("--out never overwrites an input", () => {
  it("an out folder holding another input of the same name (--out b a/plan.xlsx b/plan.xlsx)", async () => {
    const a = input(join(dir, "a", "plan.xlsx"), XINTANG);
    const b = input(join(dir, "b", "plan.xlsx"), ZIMAO);
    const [shaA, shaB] = [sha(a), sha(b)];
    const nameA = await firstProject(a);
    const nameB = await firstProject(b);
    const { code, err } = await run(["--out", join(dir, "b"), a, b, "--as-of", "2023-06-20"]);
    expect(code).toBe(EXIT_OK);
    expect([sha(a), sha(b)]).toEqual([shaA, shaB]);
    // Two distinct copies beside b/plan.xlsx, each made from its own input.
    const copies = readdirSync(join(dir, "b"))
      .filter((f) => f !== "plan.xlsx")
      .sort();
    expect(copies).toEqual(["plan.检查.xlsx", "plan.检查2.xlsx"]);
    expect(await firstProject(join(dir, "b", "plan.检查.xlsx"))).toBe(nameA);
    expect(await firstProject(join(dir, "b", "plan.检查2.xlsx"))).toBe(nameB);
    expect(err).toContain(join(dir, "b", "plan.检查.xlsx"));
  });

  it("an out folder that is a symbolic link to the input's folder", async () => {
    const a = input(join(dir, "a", "plan.xlsx"));
    const before = sha(a);
    symlinkSync(join(dir, "a"), join(dir, "link"));
    const { code } = await run([a, "--out", join(dir, "link"), "--as-of", "2023-06-20"]);
    expect(code).toBe(EXIT_OK);
    expect(sha(a)).toBe(before);
    expect(existsSync(join(dir, "a", "plan.检查.xlsx"))).toBe(true);
  });

  it("an input reached through a symbolic link to the out folder", async () => {
    const a = input(join(dir, "a", "plan.xlsx"));
    const before = sha(a);
    symlinkSync(join(dir, "a"), join(dir, "link"));
    const { code } = await run([
      join(dir, "link", "plan.xlsx"),
      "--out",
      join(dir, "a"),
      "--as-of",
      "2023-06-20",
    ]);
    expect(code).toBe(EXIT_OK);
    expect(sha(a)).toBe(before);
    expect(existsSync(join(dir, "a", "plan.检查.xlsx"))).toBe(true);
  });

  it("an out folder holding a hard link to the input", async () => {
    const a = input(join(dir, "a", "plan.xlsx"));
    mkdirSync(join(dir, "out"));
    linkSync(a, join(dir, "out", "plan.xlsx"));
    const before = sha(a);
    const { code } = await run([a, "--out", join(dir, "out"), "--as-of", "2023-06-20"]);
    expect(code).toBe(EXIT_OK);
    expect(sha(a)).toBe(before);
    // The link is still the input's: same file, same bytes.
    expect(statSync(join(dir, "out", "plan.xlsx")).ino).toBe(statSync(a).ino);
    expect(existsSync(join(dir, "out", "plan.检查.xlsx"))).toBe(true);
  });

  it("gives inputs of the same name from different folders distinct copies", async () => {
    const a = input(join(dir, "a", "plan.xlsx"), XINTANG);
    const c = input(join(dir, "c", "plan.xlsx"), ZIMAO);
    const { code } = await run([a, c, "--out", join(dir, "out"), "--as-of", "2023-06-20"]);
    expect(code).toBe(EXIT_OK);
    expect(readdirSync(join(dir, "out")).sort()).toEqual(["plan.xlsx", "plan.检查.xlsx"]);
    expect(await firstProject(join(dir, "out", "plan.xlsx"))).toBe(await firstProject(a));
    expect(await firstProject(join(dir, "out", "plan.检查.xlsx"))).toBe(await firstProject(c));
  });

  it("replaces an earlier copy that is no input", async () => {
    const a = input(join(dir, "a", "plan.xlsx"));
    mkdirSync(join(dir, "out"));
    writeFileSync(join(dir, "out", "plan.xlsx"), "an earlier copy");
    const { code } = await run([a, "--out", join(dir, "out"), "--as-of", "2023-06-20"]);
    expect(code).toBe(EXIT_OK);
    expect(readdirSync(join(dir, "out"))).toEqual(["plan.xlsx"]);
    expect(await firstProject(join(dir, "out", "plan.xlsx"))).toBe(await firstProject(a));
  });
});

describe("--out writes whole files or nothing", () => {
  it("writes a temporary file in the target folder and renames it into place", async () => {
    const a = input(join(dir, "a", "plan.xlsx"));
    const out = join(dir, "out");
    const target = join(out, "plan.xlsx");
    const seen: Array<{ from: string; whole: boolean; targetThere: boolean }> = [];
    const rename = fsp.rename;
    jest.spyOn(fsp, "rename").mockImplementation(async (from, to) => {
      // At the moment of the rename the temporary file is complete and the target not yet written.
      const copy = await open(readFileSync(from));
      seen.push({
        from: String(from),
        whole: copy.getWorksheet("检查结果") !== undefined,
        targetThere: existsSync(to),
      });
      return rename(from, to);
    });
    const { code } = await run([a, "--out", out, "--as-of", "2023-06-20"]);
    expect(code).toBe(EXIT_OK);
    expect(seen).toHaveLength(1);
    expect(dirname(seen[0]?.from ?? "")).toBe(out);
    expect(seen[0]).toMatchObject({ whole: true, targetThere: false });
    expect(readdirSync(out)).toEqual(["plan.xlsx"]);
    expect(existsSync(target)).toBe(true);
  });

  it("a failed write leaves neither a partial workbook nor a temporary file, and keeps an earlier copy", async () => {
    const a = input(join(dir, "a", "plan.xlsx"));
    const out = join(dir, "out");
    mkdirSync(out);
    writeFileSync(join(out, "plan.xlsx"), "an earlier copy");
    jest
      .spyOn(fsp, "rename")
      .mockRejectedValue(
        Object.assign(new Error(`ENOSPC: no space left on device, rename`), { code: "ENOSPC" }),
      );
    const { code, err } = await run([a, "--out", out, "--as-of", "2023-06-20"]);
    expect(code).toBe(EXIT_ERROR);
    expect(readdirSync(out)).toEqual(["plan.xlsx"]);
    expect(readFileSync(join(out, "plan.xlsx"), "utf8")).toBe("an earlier copy");
    const lines = err.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(join(out, "plan.xlsx"));
    expect(lines[0]).toMatch(/磁盘空间不足.*（.*ENOSPC: no space left on device/);
  });
});
