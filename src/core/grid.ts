import { cellAddress } from "./address";
import type { CellValue } from "./types";

/**
 * Width of a grid's widest row. A loop, not `Math.max(...rows)`: spreading a 100,000-row sheet overflows
 * the call stack.
 */
export function gridWidth(values: readonly (readonly CellValue[])[]): number {
  return values.reduce((max, row) => Math.max(max, row.length), 0);
}

/**
 * The first occupied cell of a block read back from a workbook, as an A1 address (`row0`, `col0`: the
 * block's 0-based top-left cell). A cell counts as occupied when its value or its formula is non-empty: a
 * formula that shows "" has an empty value but is still the user's, and writing over it would erase it.
 */
export function firstOccupied(
  values: readonly (readonly unknown[])[],
  formulas: readonly (readonly unknown[])[],
  row0: number,
  col0: number,
): string | null {
  const filled = (v: unknown) => v !== "" && v !== null && v !== undefined;
  for (let r = 0; r < values.length; r++) {
    const row = values[r] as readonly unknown[];
    for (let c = 0; c < row.length; c++) {
      if (filled(row[c]) || filled(formulas[r]?.[c])) return cellAddress(row0 + r, col0 + c);
    }
  }
  return null;
}
