import { classifyProgressHeader } from "./header";
import { parseHeaderPeriod, type HeaderPeriod } from "./period";

/**
 * Which header cells make progress columns, and how they group (PROGRESS.md §1). Pure: the table finder
 * hands in the header cells it read (with the parent of each child in a two-row header) and gets back the
 * progress columns, each with the columns whose texts make its report, its percent sub-column and period.
 */

/** A parent over a child in a two-row header. */
export interface HeaderParent {
  col: number;
  text: string;
  /** A1 address of the parent cell. */
  address: string;
}

/**
 * How a header cell takes part in the monthly cycle, the parent deciding under a two-row header: children
 * of `本月进展情况` (`前期手续`, `在建形象进度`) are progress, children of `2022年工作计划` are plan (null).
 */
export function progressKind(own: string, parent: string | null): "progress" | "percent" | null {
  // Headers repeat at every page break: remember each pair's answer.
  const key = `${parent ?? ""}\u0000${own}`;
  const known = kinds.get(key);
  if (known !== undefined) return known;
  const kind = readKind(own, parent);
  if (kinds.size >= MEMO_LIMIT) kinds.clear();
  kinds.set(key, kind);
  return kind;
}

const kinds = new Map<string, "progress" | "percent" | null>();
const MEMO_LIMIT = 1024;

function readKind(own: string, parent: string | null): "progress" | "percent" | null {
  const parentKind = parent === null ? null : classifyProgressHeader(parent);
  if (parentKind === "plan") return null;
  const ownKind = classifyProgressHeader(own);
  if (ownKind === "percent") return parentKind === null || parentKind === "progress" ? "percent" : null;
  if (ownKind === "progress" || parentKind === "progress") return "progress";
  return null;
}

export interface ProgressHeaderCell {
  col: number;
  kind: "progress" | "percent";
  text: string;
  address: string;
  parent: HeaderParent | null;
}

/** One progress column of a table: a report read from one or more text columns and a percent column. */
export interface ProgressColumnSpec {
  /** Columns whose texts make the report, left to right (several under one parent are read together). */
  textCols: number[];
  /** The percent sub-column beside or under it, or null. */
  percentCol: number | null;
  period: HeaderPeriod | null;
  /** A1 address of the header cell naming the column (the parent for a group of children). */
  headerCell: string;
  /** The header as written (`6月进展情况`; `本月进展情况 / 前期手续` for a group). */
  label: string;
}

interface Group extends ProgressColumnSpec {
  parent: HeaderParent | null;
  /** Whether a child named its own period (such children never group with others). */
  ownPeriod: boolean;
  lastCol: number;
}

function sameParent(a: HeaderParent | null, b: HeaderParent | null): boolean {
  return a !== null && b !== null && a.col === b.col;
}

function start(cell: ProgressHeaderCell, period: HeaderPeriod | null, ownPeriod: boolean): Group {
  const grouped = cell.parent !== null && !ownPeriod;
  return {
    textCols: cell.kind === "progress" ? [cell.col] : [],
    percentCol: cell.kind === "percent" ? cell.col : null,
    period,
    headerCell: grouped ? (cell.parent as HeaderParent).address : cell.address,
    label: grouped ? (cell.parent as HeaderParent).text : cell.text,
    parent: cell.parent,
    ownPeriod,
    lastCol: cell.col,
  };
}

/**
 * Groups progress and percent header cells (any order) into progress columns, left to right. Under one
 * parent, children that name no period of their own are read together; children that do (`推进情况` over
 * `1-10月 | 1-11月`) are columns of their own. A percent cell joins the column on its left, or a group under
 * the same parent; a percent cell beside no progress column is not one.
 */
export function groupProgressColumns(cells: ProgressHeaderCell[]): ProgressColumnSpec[] {
  const groups: Group[] = [];
  let current: Group | null = null;
  for (const cell of [...cells].sort((a, b) => a.col - b.col)) {
    const own = parseHeaderPeriod(cell.text);
    const period = own ?? (cell.parent ? parseHeaderPeriod(cell.parent.text) : null);
    const ownPeriod = cell.kind === "progress" && own !== null;
    if (cell.kind === "percent") {
      const beside =
        current !== null &&
        current.percentCol === null &&
        (sameParent(current.parent, cell.parent) ||
          (current.parent === null && cell.parent === null && cell.col === current.lastCol + 1));
      if (beside && current) {
        current.percentCol = cell.col;
        current.lastCol = cell.col;
      } else if (cell.parent) {
        current = start(cell, period, false);
        groups.push(current);
      } else current = null;
      continue;
    }
    if (current && sameParent(current.parent, cell.parent) && !ownPeriod && !current.ownPeriod) {
      current.textCols.push(cell.col);
      current.lastCol = cell.col;
      current.period ??= period;
      continue;
    }
    current = start(cell, period, ownPeriod);
    groups.push(current);
  }
  return groups.map(({ textCols, percentCol, period, headerCell, label }) => ({
    textCols,
    percentCol,
    period,
    headerCell,
    label,
  }));
}
