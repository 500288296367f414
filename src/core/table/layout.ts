import type { ProgressColumnSpec } from "../progress/columns";
import type { PlanColumnSpec } from "./plan";
import type { CellValue, Diagnostic, Quarter, Role } from "../types";

/** Unit a money header declares: `(万元)` → wan, `(元)` → yuan, `(亿元)` → yi. */
export type MoneyUnit = "wan" | "yuan" | "yi";

/** One cell of a table as the reader found it. */
export interface RawCell {
  /** A1 address, e.g. "D5". */
  address: string;
  value: CellValue;
  /** `range.numberFormat` of the cell, when the adapter supplied it. */
  numberFormat: string | null;
}

/** A project as found on the sheet: its first row plus any continuation rows, not yet interpreted. */
export interface ProjectRecord {
  /** 1-based sheet rows, first row first. */
  rows: number[];
  /** The section row above it (`一、民生保障类（5项）`), or null. */
  category: string | null;
  /** Non-empty cells per role, from the first row then each continuation row. */
  cells: Partial<Record<Role, RawCell[]>>;
  /** Non-empty cells of per-quarter completion columns. */
  quarterCells: Partial<Record<Quarter, RawCell[]>>;
  /** Per progress column of the layout (same order): the non-empty cells of its text and percent columns. */
  progress: ProgressCells[];
  /** Per plan column of the layout (same order): its non-empty cells; empty when the plan is not split. */
  plans: RawCell[][];
}

export interface ProgressCells {
  text: RawCell[];
  percent: RawCell[];
}

/** A `合计` / `总计` row: compared with computed sums, never counted as a project. */
export interface TotalRowRecord {
  row: number;
  cells: Partial<Record<Role, RawCell>>;
  /** The word that made it a total row (`合计`, `总计`, `小计(民生类)`); a `小计` is not compared with the table's sums. */
  label?: string;
}

/** Where a table is and how its rows read (SEMANTICS.md §1). */
export interface TableLayout {
  /** 1-based sheet rows of the header (two for a two-row header). */
  headerRows: number[];
  /** Role → 0-based absolute column. */
  columns: Partial<Record<Role, number>>;
  /** Units of money columns from the header (or its merged parent); absent means 万元. */
  units: Partial<Record<"totalInvestment" | "annualInvestment", MoneyUnit>>;
  /** Per-quarter completion columns: quarter → 0-based absolute column. */
  quarterColumns: Partial<Record<Quarter, number>>;
  /** Every progress column (PROGRESS.md §1), left to right, with 0-based absolute columns. */
  progressColumns: ProgressColumnSpec[];
  /** Plan columns split by period (`第一季度 | 第二季度`, `一季度目标`), in period order, 0-based absolute. */
  planColumns: PlanColumnSpec[];
  /** The title line above the header (`新塘街道 2023 年度为民办实事项目责任分解表`), or null. */
  title: string | null;
  /** A year (2000–2099) found in the title lines above the header. */
  titleYear: number | null;
  /** 1-based first/last sheet rows (header to last table row); 0-based first/last columns. */
  firstRow: number;
  lastRow: number;
  firstCol: number;
  lastCol: number;
  projects: ProjectRecord[];
  totalRows: TotalRowRecord[];
  /** Rows that could not be read, roles guessed from cells, and the like. */
  diagnostics: Diagnostic[];
}
