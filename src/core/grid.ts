import type { CellValue } from "./types";

/**
 * Width of a grid's widest row. A loop, not `Math.max(...rows)`: spreading a 100,000-row sheet overflows
 * the call stack.
 */
export function gridWidth(values: readonly (readonly CellValue[])[]): number {
  return values.reduce((max, row) => Math.max(max, row.length), 0);
}
