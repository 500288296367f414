import { makeStyles } from "@fluentui/react-components";
import { useEffect, useMemo, useRef, useState, type CSSProperties } from "react";
import { cellAddress, columnLetter, parseAddress } from "../core/address";
import { MARK_FILL, MARK_OUTLINE, type MarkKind } from "../core/marks";
import { isDateFormat, serialToIso } from "../core/schedule";
import type { CellValue, SheetGrid } from "../core/types";
import type { PreviewLink, PreviewMark } from "./PreviewPort";
import { gridWidth } from "../core/grid";

const DEFAULT_WIDTH_CHARS = 8.43;
/**
 * Rows drawn at first, and how many more each time the user scrolls near the last one drawn: a sheet of
 * thousands of rows appears in a moment instead of building every cell before the first paint.
 */
const FIRST_ROWS = 200;
const MORE_ROWS = 500;
/** Rows drawn past a selected cell, so that it scrolls into the middle of the view. */
const ROWS_PAST_SELECTION = 50;
const SELECTED = "#107C41";

const useStyles = makeStyles({
  table: {
    borderCollapse: "separate",
    borderSpacing: 0,
    tableLayout: "fixed",
    fontFamily: "'Microsoft YaHei', 'PingFang SC', 'Noto Sans CJK SC', 'Segoe UI', sans-serif",
    fontSize: "12px",
    color: "#242424",
  },
  corner: { position: "sticky", top: 0, left: 0, zIndex: 3, backgroundColor: "#F3F2F1", width: "40px" },
  colHead: {
    position: "sticky",
    top: 0,
    zIndex: 2,
    backgroundColor: "#F3F2F1",
    borderRight: "1px solid #D1D1D1",
    borderBottom: "1px solid #D1D1D1",
    fontWeight: 400,
    color: "#616161",
    height: "20px",
  },
  rowHead: {
    position: "sticky",
    left: 0,
    zIndex: 1,
    backgroundColor: "#F3F2F1",
    borderRight: "1px solid #D1D1D1",
    borderBottom: "1px solid #D1D1D1",
    fontWeight: 400,
    color: "#616161",
    textAlign: "center",
    padding: "0 4px",
  },
  cell: {
    borderRight: "1px solid #E1E1E1",
    borderBottom: "1px solid #E1E1E1",
    padding: "2px 4px",
    verticalAlign: "middle",
    whiteSpace: "pre-wrap",
    overflowWrap: "anywhere",
    backgroundColor: "#FFFFFF",
    scrollMarginTop: "40px",
    scrollMarginLeft: "60px",
  },
  number: { textAlign: "end" },
  moreRows: { height: "40px" },
  selected: { outline: `2px solid ${SELECTED}`, outlineOffset: "-2px" },
  select: { width: "100%", fontSize: "12px" },
  link: {
    border: "none",
    background: "none",
    padding: 0,
    color: "#0F6CBD",
    textDecorationLine: "underline",
    cursor: "pointer",
    fontSize: "12px",
  },
});

export function displayValue(value: CellValue, numberFormat?: string): string {
  if (value === null || value === "") return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "number" && isDateFormat(numberFormat)) {
    // Excel shows a serial it has no date for as ####; the number itself is more useful here.
    return serialToIso(value) ?? String(value);
  }
  return String(value);
}

export interface GridViewProps {
  grid: SheetGrid;
  columnWidths?: Array<number | null>;
  marks: ReadonlyMap<string, PreviewMark> | undefined;
  dropDowns: ReadonlyMap<string, readonly string[]> | undefined;
  links: ReadonlyMap<string, PreviewLink> | undefined;
  /** The selected address on this sheet, if any. */
  selected: string | null;
  selectionCount: number;
  onSetCell: (address: string, value: string) => void;
  onFollowLink: (link: PreviewLink) => void;
}

/** A mark's fill, and the outline of the monthly cycle's marks (drawn inside the cell, as Excel's border). */
function markStyle(kind: MarkKind): CSSProperties {
  const outline = MARK_OUTLINE[kind];
  return outline
    ? {
        backgroundColor: MARK_FILL[kind],
        outlineWidth: "2px",
        outlineStyle: outline.style,
        outlineColor: outline.color,
        outlineOffset: "-2px",
      }
    : { backgroundColor: MARK_FILL[kind] };
}

/** The sheet drawn as Excel shows it: column letters, row numbers, merged cells, and the marks' fills. */
export function GridView(props: GridViewProps) {
  const { grid, columnWidths, marks, dropDowns, links, selected, selectionCount } = props;
  const styles = useStyles();
  const selectedRef = useRef<HTMLTableCellElement | null>(null);
  const width = gridWidth(grid.values);

  const { spans, covered } = useMemo(() => {
    const spans = new Map<string, { rowSpan: number; colSpan: number }>();
    /** Cells hidden under a merge → the address of the merge's top-left cell, which Excel shows. */
    const covered = new Map<string, string>();
    for (const m of grid.merges ?? []) {
      spans.set(`${m.row},${m.col}`, { rowSpan: m.rowCount, colSpan: m.colCount });
      const topLeft = cellAddress(grid.origin.row + m.row, grid.origin.col + m.col);
      for (let r = m.row; r < m.row + m.rowCount; r++)
        for (let c = m.col; c < m.col + m.colCount; c++)
          if (r !== m.row || c !== m.col)
            covered.set(cellAddress(grid.origin.row + r, grid.origin.col + c), topLeft);
    }
    return { spans, covered };
  }, [grid.merges, grid.origin]);
  // Selecting a cell inside a merged area selects the whole area, as in Excel.
  const shown = selected === null ? null : (covered.get(selected) ?? selected);

  const [limit, setLimit] = useState(FIRST_ROWS);
  const selectedRow = shown === null ? -1 : (parseAddress(shown)?.row ?? -1) - grid.origin.row;
  const drawn = Math.min(grid.values.length, Math.max(limit, selectedRow + ROWS_PAST_SELECTION));
  const more = useRef<HTMLTableRowElement | null>(null);

  // Rows drawn for a selection stay drawn when the selection moves back up.
  useEffect(() => setLimit((n) => Math.max(n, drawn)), [drawn]);

  useEffect(() => {
    const row = more.current;
    if (!row) return undefined;
    // Watched within the grid's own scroll box, a screenful ahead of the rows in view.
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) setLimit((n) => Math.max(n, drawn) + MORE_ROWS);
      },
      { root: row.closest("table")?.parentElement ?? null, rootMargin: "1000px 0px" },
    );
    observer.observe(row);
    return () => observer.disconnect();
  }, [drawn]);

  useEffect(() => {
    selectedRef.current?.scrollIntoView({ block: "center", inline: "center", behavior: "smooth" });
  }, [shown, selectionCount]);

  const columns = Array.from({ length: width }, (_, c) => grid.origin.col + c);
  return (
    <table className={styles.table} aria-label={grid.sheet} data-sheet={grid.sheet}>
      <colgroup>
        <col style={{ width: "40px" }} />
        {columns.map((col, c) => (
          <col
            key={col}
            style={{ width: `${Math.round((columnWidths?.[c] ?? DEFAULT_WIDTH_CHARS) * 7 + 5)}px` }}
          />
        ))}
      </colgroup>
      <thead>
        <tr>
          <th className={styles.corner} aria-hidden="true" />
          {columns.map((col) => (
            <th key={col} scope="col" className={styles.colHead}>
              {columnLetter(col)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {grid.values.slice(0, drawn).map((row, r) => {
          const absRow = grid.origin.row + r;
          return (
            <tr key={absRow}>
              <th scope="row" className={styles.rowHead}>
                {absRow + 1}
              </th>
              {columns.map((col, c) => {
                const address = cellAddress(absRow, col);
                if (covered.has(address)) return null;
                const value = row[c] ?? "";
                const mark = marks?.get(address);
                const choices = dropDowns?.get(address);
                const link = links?.get(address);
                const isSelected = shown === address;
                const span = spans.get(`${r},${c}`);
                const classes = [
                  styles.cell,
                  typeof value === "number" ? styles.number : "",
                  isSelected ? styles.selected : "",
                ];
                return (
                  <td
                    key={col}
                    ref={isSelected ? selectedRef : undefined}
                    className={classes.join(" ")}
                    data-address={address}
                    data-mark={mark?.kind}
                    title={mark?.reason}
                    rowSpan={span?.rowSpan}
                    colSpan={span?.colSpan}
                    data-selected={isSelected || undefined}
                    style={mark ? markStyle(mark.kind) : undefined}
                  >
                    {choices ? (
                      <select
                        className={styles.select}
                        aria-label={address}
                        value={typeof value === "string" ? value : ""}
                        onChange={(event) => props.onSetCell(address, event.target.value)}
                      >
                        <option value="" />
                        {choices.map((choice) => (
                          <option key={choice} value={choice}>
                            {choice}
                          </option>
                        ))}
                      </select>
                    ) : link ? (
                      <button type="button" className={styles.link} onClick={() => props.onFollowLink(link)}>
                        {displayValue(value)}
                      </button>
                    ) : (
                      displayValue(value, grid.numberFormats?.[r]?.[c])
                    )}
                  </td>
                );
              })}
            </tr>
          );
        })}
        {drawn < grid.values.length && (
          <tr ref={more} aria-hidden="true" data-more-rows={grid.values.length - drawn}>
            <td colSpan={width + 1} className={styles.moreRows} />
          </tr>
        )}
      </tbody>
    </table>
  );
}
