import { gridWidth } from "../core/grid";
import type { SheetGrid } from "../core/types";
import { displayValue } from "./GridView";

/** Wider than this (in characters) a column wraps its text, as a table's schedule column does when printed. */
const MAX_CHARS = 40;
/** Enough rows to see a table's header and its typical cells; a long sheet is not walked to its end. */
const SAMPLE_ROWS = 200;

/** Display width of text in Excel's character units: CJK and full-width characters count two. */
function textWidth(text: string): number {
  let widest = 0;
  for (const line of text.split("\n")) {
    let width = 0;
    for (const ch of line) width += /[\u2e80-\uffef]/u.test(ch) ? 2 : 1;
    widest = Math.max(widest, width);
  }
  return widest;
}

/**
 * Column widths for drawing a sheet read from a file (the reader gives values, not widths): each column as
 * wide as its widest cell among the first rows, capped so long text wraps; null for an empty column (the
 * default width). Cells merged across columns (a title) do not widen their first column.
 */
export function fitColumnWidths(grid: SheetGrid): Array<number | null> {
  const spanned = new Set<string>();
  for (const m of grid.merges ?? [])
    if (m.colCount > 1) for (let r = m.row; r < m.row + m.rowCount; r++) spanned.add(`${r},${m.col}`);
  const widths: Array<number | null> = [];
  grid.values.slice(0, SAMPLE_ROWS).forEach((row, r) => {
    row.forEach((value, c) => {
      if (spanned.has(`${r},${c}`)) return;
      const width = textWidth(displayValue(value, grid.numberFormats?.[r]?.[c]));
      if (width > 0) widths[c] = Math.max(widths[c] ?? 0, Math.min(width + 1, MAX_CHARS));
    });
  });
  return Array.from({ length: gridWidth(grid.values) }, (_, c) => widths[c] ?? null);
}
