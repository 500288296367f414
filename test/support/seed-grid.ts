import { readFileSync } from "fs";
import { join } from "path";
import type { CellValue, MergedArea, SheetGrid } from "../../src/core/types";

/**
 * Turns a seed notice (`samples/seeds/*.txt`) into a grid as Office.js would hand it over for the printed
 * attachment: the `附件` line, the title (merged across the table), the tab-separated rows with the header
 * repeated where the source repeats it, then the footer lines (`抄送…`; the `…印发` line at the right edge).
 * Empty cells are "", numbers are numbers, only the top-left cell of a merge holds a value.
 */

export type SeedName = "xintang-2023" | "zimao-2022";
/** The seeds, and the monthly sample built on xintang's table (its 4月–6月进展情况 as 信息员 wrote them). */
export type SampleSeed = SeedName | "monthly-2023";

export interface SeedGridOptions {
  sheet?: string;
  /** Absolute position of the grid's first cell (0-based), e.g. { row: 3, col: 2 } for C4. */
  origin?: { row: number; col: number };
  /** Empty rows and columns put before the notice inside the grid. */
  pad?: { rows: number; cols: number };
  /** Keep the source's blank lines between table rows as empty rows. */
  keepBlankLines?: boolean;
  /** Report the title and footer merges (default true). */
  merges?: boolean;
}

/** A cell as typed in the source: integers and decimals become numbers, the rest text, empty stays "". */
export function typed(text: string): CellValue {
  const trimmed = text.trim();
  if (/^-?\d+(\.\d+)?$/u.test(trimmed)) return Number(trimmed);
  return trimmed;
}

export function readSeed(name: SampleSeed): string {
  return readFileSync(join(__dirname, "..", "..", "samples", "seeds", `${name}.txt`), "utf8");
}

interface Laid {
  rows: CellValue[][];
  merges: MergedArea[];
}

function layOut(text: string, keepBlankLines: boolean): Laid {
  const lines = text.replace(/\r\n?/gu, "\n").split("\n");
  // The attachment starts at the last line that is exactly `附件` (the prose also mentions `附件：…`).
  const start = lines.map((l) => l.trim()).lastIndexOf("附件");
  if (start < 0) throw new Error("seed has no 附件 line");
  const rest = lines.slice(start + 1);
  const titleAt = rest.findIndex((l) => l.trim() !== "");
  const title = (rest[titleAt] ?? "").trim();
  const body = rest.slice(titleAt + 1);
  while (body.length > 0 && (body[0] as string).trim() === "") body.shift();

  const tableLines: string[] = [];
  const footer: string[] = [];
  for (const line of body) {
    if (line.includes("\t")) tableLines.push(line);
    else if (line.trim() !== "") footer.push(line.trim());
    else if (footer.length === 0) tableLines.push(line);
  }
  while (tableLines.length > 0 && (tableLines[tableLines.length - 1] as string).trim() === "")
    tableLines.pop();
  const kept = keepBlankLines ? tableLines : tableLines.filter((l) => l.trim() !== "");
  const table = kept.map((l) => (l.trim() === "" ? [] : l.split("\t").map(typed)));
  const width = Math.max(...table.map((r) => r.length));

  const rows: CellValue[][] = [["附件"], [title], ...table];
  const merges: MergedArea[] = [{ row: 1, col: 0, rowCount: 1, colCount: width }];
  if (footer.length > 0) rows.push([]);
  for (const line of footer) {
    if (/印发$/u.test(line)) {
      const row: CellValue[] = Array.from({ length: width }, () => "");
      row[width - 1] = line;
      rows.push(row);
    } else {
      merges.push({ row: rows.length, col: 0, rowCount: 1, colCount: width });
      rows.push([line]);
    }
  }
  return { rows: rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? "")), merges };
}

/** Pads rows to one width with "" and shifts merges by the padding. */
export function gridFromRows(
  rows: CellValue[][],
  options: {
    sheet?: string;
    origin?: { row: number; col: number };
    merges?: MergedArea[];
    pad?: { rows: number; cols: number };
  } = {},
): SheetGrid {
  const pad = options.pad ?? { rows: 0, cols: 0 };
  const width = Math.max(0, ...rows.map((r) => r.length)) + pad.cols;
  const empty = () => Array.from({ length: width }, (): CellValue => "");
  const values: CellValue[][] = [
    ...Array.from({ length: pad.rows }, empty),
    ...rows.map((r) => {
      const row = empty();
      r.forEach((v, i) => (row[i + pad.cols] = v ?? ""));
      return row;
    }),
  ];
  const grid: SheetGrid = {
    sheet: options.sheet ?? "Sheet1",
    origin: options.origin ?? { row: 0, col: 0 },
    values,
  };
  if (options.merges) {
    grid.merges = options.merges.map((m) => ({ ...m, row: m.row + pad.rows, col: m.col + pad.cols }));
  }
  return grid;
}

/** A seed laid out as its printed attachment, as a grid. */
export function seedGrid(name: SampleSeed, options: SeedGridOptions = {}): SheetGrid {
  const { rows, merges } = layOut(readSeed(name), options.keepBlankLines ?? false);
  const gridOptions: Parameters<typeof gridFromRows>[1] = {
    sheet: options.sheet ?? "责任分解表",
    origin: options.origin ?? { row: 0, col: 0 },
  };
  if (options.pad) gridOptions.pad = options.pad;
  if (options.merges ?? true) gridOptions.merges = merges;
  return gridFromRows(rows, gridOptions);
}
