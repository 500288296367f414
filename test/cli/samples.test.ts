import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import type { CellValue } from "../../src/core/types";
import { readWorkbook } from "../../src/core/xlsx";
import { zipEntry } from "../support/zip";

// The sample builder is plain JS run by `npm run build:samples`; the tests drive the same code.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { SAMPLES, buildSample } = require("../../scripts/build-samples.js") as {
  SAMPLES: Array<{ seed: string; out: string; sheetName: string; date: [number, number, number] }>;
  buildSample: (sample: unknown, root: string) => Promise<string>;
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { parseSeed } = require("../../scripts/samples/seed.js") as {
  parseSeed: (text: string) => {
    title: string;
    rows: Array<{
      kind: "caption" | "header" | "subheader" | "data";
      cells: Array<string | number | null>;
      marks?: Array<string | null>;
    }>;
    footer: string[];
  };
};

const ROOT = join(__dirname, "..", "..", "samples");

describe.each(SAMPLES)("sample $out", (sample) => {
  const seed = parseSeed(readFileSync(join(ROOT, "seeds", sample.seed), "utf8"));
  const bytes = readFileSync(join(ROOT, sample.out));

  it("is what the builder makes from its seed, byte for byte (rebuilding is deterministic)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "duty-samples-"));
    try {
      mkdirSync(join(dir, "seeds"));
      copyFileSync(join(ROOT, "seeds", sample.seed), join(dir, "seeds", sample.seed));
      const built = readFileSync(await buildSample(sample, dir));
      expect(built.equals(bytes)).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("holds the attachment line, the title and every seed row as typed", async () => {
    const [grid] = readWorkbook(bytes);
    if (!grid) throw new Error("no sheet");
    expect(grid.sheet).toBe(sample.sheetName);
    expect(grid.origin).toEqual({ row: 0, col: 0 });
    expect(grid.values[0]?.[0]).toBe("附件");
    expect(grid.values[1]?.[0]).toBe(seed.title);
    seed.rows.forEach((row, i) => {
      const expected: CellValue[] = row.cells.map((c) => (c === null ? "" : c));
      expect(grid.values[2 + i]?.slice(0, expected.length)).toEqual(expected);
    });
    const text = grid.values.flat().filter((v) => typeof v === "string");
    for (const line of seed.footer) expect(text).toContain(line);
  });

  it("is laid out for print: merged title, borders, wrap, widths, a page break before each repeated header", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    const sheet = workbook.getWorksheet(sample.sheetName);
    if (!sheet) throw new Error("no sheet");
    const width = seed.rows[0]?.cells.length ?? 0;
    expect(sheet.model.merges).toContain(`A2:${sheet.getColumn(width).letter}2`);
    const headerRows = seed.rows.flatMap((r, i) => (r.kind === "header" ? [3 + i] : []));
    // ExcelJS does not read page breaks back, so they are read from the sheet's XML.
    const xml = zipEntry(bytes, "xl/worksheets/sheet1.xml") ?? "";
    const breaks = [...xml.matchAll(/<brk id="(\d+)"/g)].map((m) => Number(m[1]));
    expect(breaks).toEqual(headerRows.slice(1).map((r) => r - 1));
    const firstData = sheet.getRow(4);
    expect(firstData.getCell(2).alignment?.wrapText).toBe(true);
    expect(firstData.getCell(1).border?.left?.style).toBe("thin");
    for (let c = 1; c <= width; c += 1) expect(sheet.getColumn(c).width).toBeGreaterThan(4);
    expect(sheet.pageSetup.orientation).toBe("landscape");
    expect(workbook.created.getUTCFullYear()).toBe(sample.date[0]);
  });
});

it("keeps the spaced spellings of xintang's fourth header repeat", () => {
  const seed = parseSeed(readFileSync(join(ROOT, "seeds", "xintang-2023.txt"), "utf8"));
  const headers = seed.rows.filter((r) => r.kind === "header");
  expect(headers).toHaveLength(4);
  expect(headers[3]?.cells).toEqual(expect.arrayContaining(["建设 年限", "责任 领导"]));
  const amount = seed.rows.find((r) => r.cells.includes("拟定100"));
  expect(amount?.cells[6]).toBe(100);
});

describe("headers of other offices' layouts", () => {
  async function merges(out: string, sheetName: string): Promise<string[]> {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(join(ROOT, out)) as unknown as ExcelJS.Buffer);
    return workbook.getWorksheet(sheetName)?.model.merges ?? [];
  }

  it("merges a parent over its children (`>`) and a name down the header's rows (`^`)", async () => {
    const found = await merges("layouts/guanghua-2017.xlsx", "进度安排及落实情况");
    expect(found).toEqual(expect.arrayContaining(["A3:A4", "D3:D4", "E3:H3", "I3:L3"]));
    const seed = parseSeed(readFileSync(join(ROOT, "seeds", "guanghua-2017.txt"), "utf8"));
    expect(seed.rows.slice(0, 2).map((r) => r.kind)).toEqual(["header", "subheader"]);
    expect(seed.rows[0]?.cells.slice(4, 6)).toEqual(["进度安排", null]);
  });

  it("merges a band over a two-row header: three header rows", async () => {
    const found = await merges("layouts/donghu-2023.xlsx", "推进计划");
    expect(found).toEqual(expect.arrayContaining(["A3:A5", "D3:I3", "D4:G4", "H4:I4"]));
  });

  it("leaves a blank, narrow column between two tables side by side, each with its caption", async () => {
    const seed = parseSeed(readFileSync(join(ROOT, "seeds", "nanxi-2023.txt"), "utf8"));
    expect(seed.rows[0]?.kind).toBe("caption");
    expect(seed.rows[1]?.cells[6]).toBe("");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(
      readFileSync(join(ROOT, "layouts/nanxi-2023.xlsx")) as unknown as ExcelJS.Buffer,
    );
    const sheet = workbook.getWorksheet("推进情况");
    expect(sheet?.getColumn(7).width).toBeLessThan(6);
    expect(sheet?.getCell("H3").value).toBe("表二：2023 年民生服务类项目月度计划");
  });
});
