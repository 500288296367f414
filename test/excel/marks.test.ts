import fc from "fast-check";
import { cellAddress } from "../../src/core/address";
import { groupRanges } from "../../src/core/marks";
import {
  MarkRecordSchema,
  markFormula,
  markKindOf,
  parseRecord,
  plannedRanges,
} from "../../src/core/mark-record";
import { parseRect } from "../support/mock-workbook";

function cellsOf(ranges: string[]): string[] {
  const cells: string[] = [];
  for (const range of ranges) {
    const rect = parseRect(range);
    for (let r = rect.row; r < rect.row + rect.rowCount; r++)
      for (let c = rect.col; c < rect.col + rect.colCount; c++) cells.push(cellAddress(r, c));
  }
  return cells;
}

describe("groupRanges", () => {
  it("joins runs down a column and side-by-side runs with the same rows", () => {
    expect(groupRanges(["C6", "C7", "E6", "E7", "C9", "D6", "D7"])).toEqual(["C6:E7", "C9"]);
    expect(groupRanges(["B5"])).toEqual(["B5"]);
    expect(groupRanges([])).toEqual([]);
  });

  it("covers exactly the given cells, each once, never with more ranges than cells", () => {
    const cell = fc.record({ row: fc.integer({ min: 0, max: 30 }), col: fc.integer({ min: 0, max: 8 }) });
    fc.assert(
      fc.property(fc.array(cell, { maxLength: 80 }), (cells) => {
        const addresses = cells.map((c) => cellAddress(c.row, c.col));
        const ranges = groupRanges(addresses);
        const covered = cellsOf(ranges);
        expect(new Set(covered).size).toBe(covered.length);
        expect([...covered].sort()).toEqual([...new Set(addresses)].sort());
        expect(ranges.length).toBeLessThanOrEqual(new Set(addresses).size);
      }),
    );
  });

  it("groups a plan per kind", () => {
    const ranges = plannedRanges([
      { address: "C6", kind: "overdue", reason: "" },
      { address: "C7", kind: "overdue", reason: "" },
      { address: "C8", kind: "dueSoon", reason: "" },
    ]);
    expect(ranges).toEqual({ overdue: ["C6:C7"], dueSoon: ["C8"], done: [] });
  });
});

describe("rule signature", () => {
  it("tags each kind and recognises only its own rules", () => {
    for (const kind of ["overdue", "dueSoon", "done"] as const) {
      expect(markKindOf(markFormula(kind))).toBe(kind);
      // Excel may hand the formula back with other casing.
      expect(markKindOf(markFormula(kind).toUpperCase())).toBe(kind);
    }
    expect(markKindOf("=$A1>10")).toBeNull();
    expect(markKindOf('=ISTEXT("overdue")')).toBeNull();
    expect(markKindOf(null)).toBeNull();
  });
});

describe("settings record", () => {
  it("round-trips a valid record and treats anything else as no record", () => {
    const record = {
      version: 1 as const,
      sheets: { 表: { asOf: "2023-06-20", ranges: { overdue: ["C6:C7"], dueSoon: [], done: [] } } },
    };
    expect(parseRecord(JSON.stringify(record))).toEqual(record);
    expect(MarkRecordSchema.safeParse(record).success).toBe(true);
    expect(parseRecord("{not json")).toEqual({ version: 1, sheets: {} });
    expect(parseRecord(JSON.stringify({ version: 2, sheets: {} }))).toEqual({ version: 1, sheets: {} });
    expect(parseRecord(undefined)).toEqual({ version: 1, sheets: {} });
  });
});
