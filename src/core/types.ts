/**
 * The domain of a 责任分解表 as SEMANTICS.md names it. Every adapter (Excel, functions, task pane, CLI)
 * speaks these types; nothing outside `src/core` re-derives a rule from raw cells.
 */

/** One cell as Office.js `range.values` returns it: empty cells are "", dates are serial numbers. */
export type CellValue = string | number | boolean | null;

/** A merged area in grid coordinates (0-based, relative to the grid's first cell). */
export interface MergedArea {
  row: number;
  col: number;
  rowCount: number;
  colCount: number;
}

/** A cell of a grid (0-based, relative to the grid's first cell, like `MergedArea`). */
export interface GridCell {
  row: number;
  col: number;
}

/**
 * A rectangular block of a sheet as the adapters read it (usually the used range).
 * `origin` is the 0-based absolute row/column of `values[0][0]`, so that `B3` can start a grid.
 */
export interface SheetGrid {
  sheet: string;
  origin: { row: number; col: number };
  values: CellValue[][];
  /** Same shape as `values` where known (`range.numberFormat`); tells date serials from plain numbers. */
  numberFormats?: string[][];
  merges?: MergedArea[];
  /**
   * Formula cells whose result the file does not hold (written by a script, or saved with manual
   * calculation): nothing computed them, so `values` has "" there. Only readers of files set it (Excel
   * computes every formula before the add-in reads it); the check reports each (`formula.noCachedValue`).
   */
  uncachedFormulas?: GridCell[];
}

/** Column roles of SEMANTICS.md §1. Quarter progress columns are kept apart (see `TableLayout`). */
export type Role =
  | "index"
  | "name"
  | "content"
  | "schedule"
  | "period"
  | "totalInvestment"
  | "annualInvestment"
  | "leader"
  | "department"
  | "person"
  | "coDepartment"
  | "progress";

export type Quarter = 1 | 2 | 3 | 4;

export type MilestoneStatus = "done" | "overdue" | "dueSoon" | "upcoming";
export type ProjectStatus = "unscheduled" | "done" | "overdue" | "dueSoon" | "onTrack";

/** PROGRESS.md §5: a project's state in the monthly cycle, the first that holds. */
export type ProgressState = "done" | "notReported" | "notStarted" | "behind" | "onSchedule";

/** PROGRESS.md §6: a project's progress in the monthly cycle; null on a table without progress columns. */
export interface ProjectProgress {
  state: ProgressState;
  /** Period of the current report, `YYYY-MM`; null when its column names no period or nothing was reported. */
  period: string | null;
  /** The current report's text; null when none. */
  text: string | null;
  /** The percent the current report gives (0–100+); null when none. */
  percent: number | null;
  /** The cell that decided the state (the current report's cell, or where the missing report belongs). */
  cell: string | null;
  /** Why, in Chinese and English: "6 月进展未填写", "完成 25%，低于序时进度 48.5%", "第一季度节点已逾期". */
  reason: string;
  reasonEn: string;
}

export interface ProgressCounts {
  done: number;
  notReported: number;
  notStarted: number;
  behind: number;
  onSchedule: number;
}

export interface ProgressColumn {
  /** Column letter of the report's (first) text column, else of its percent column. */
  column: string;
  /** `YYYY-MM`, or null for a column naming no period. */
  period: string | null;
  /** The header as written (the parent's text for children read together), and its cell. */
  header: string;
  headerCell: string;
  /** The percent sub-column's letter, or null. */
  percentColumn: string | null;
}

/** PROGRESS.md §6: the table's monthly cycle; null on a table without progress columns. */
export interface TableProgress {
  reportDay: number;
  /** The latest month whose report is due on the reference date, `YYYY-MM`. */
  expectedPeriod: string;
  /** 序时进度 on the reference date, one decimal. */
  expectedPercent: number;
  /** Every progress column, with its period (`YYYY-MM`, or null for `本月进展情况`-style columns). */
  columns: ProgressColumn[];
  counts: ProgressCounts;
}

/** A problem found while reading, always tied to a cell where there is one. */
export interface Diagnostic {
  /** A1 address on the sheet, e.g. "D5"; null for sheet-wide findings. */
  cell: string | null;
  /** Stable machine code, e.g. "schedule.unparsed", "money.annualAboveTotal". */
  code: string;
  /** Chinese message for the user, naming the cell. */
  message: string;
  /** English message (shown when Office's display language is English). */
  messageEn: string;
  severity: "error" | "warning" | "info";
}

/** A milestone as the schedule parser reads it from text, before completion and status are known. */
export interface ParsedMilestone {
  /** The quarters the clause covers (`第二、三季度` → [2, 3]); null for month/date milestones. */
  quarters: Quarter[] | null;
  /** The months named (`4月至5月` → [4, 5]); null for quarter milestones. */
  months: number[] | null;
  /** ISO date `YYYY-MM-DD`. */
  due: string;
  /** `第四季度前`: due at the end of the previous quarter / month. */
  before: boolean;
  /** Clause text with marker and separators trimmed. */
  text: string;
  /** The raw marker as written (`第二、第三季度`, `6月底前`), for display. */
  marker: string;
  /** Offset of the marker within the cell text (for highlighting and ordering). */
  start: number;
}

export interface ScheduleParse {
  milestones: ParsedMilestone[];
  /** Text before the first marker (kept, not a milestone). */
  preamble: string;
  /** Fragments not understood: impossible dates, text that made no milestone. */
  diagnostics: Array<Omit<Diagnostic, "cell">>;
}

export interface Milestone extends ParsedMilestone {
  status: MilestoneStatus;
  /** Address of the schedule cell the milestone was read from. */
  cell: string;
  /** Days past due on the reference date (positive when overdue), days left when not yet due (negative). */
  daysLate: number;
}

/** An amount in 万元, kept exact as an integer number of 分 (1 万元 = 1,000,000 分). */
export interface Amount {
  fen: number;
  /** `拟定`, `约`, … as written; null when the cell held a plain amount. */
  qualifier: string | null;
  /** The amount was typed as text (`拟定100`, `600万元`): counted, and reported as `money.writtenAsText`. */
  writtenAsText: boolean;
}

export interface Investment {
  /** 万元 as a decimal number for JSON (exact to the cent of 万元); null = no amount. */
  total: number | null;
  annual: number | null;
  totalQualifier: string | null;
  annualQualifier: string | null;
  totalCell: string | null;
  annualCell: string | null;
}

export interface Project {
  /** 1-based sheet row of the project's first row. */
  row: number;
  /** Every 1-based sheet row the project occupies (first row plus continuation rows). */
  rows: number[];
  index: string | null;
  name: string | null;
  leaders: string[];
  department: string | null;
  person: string | null;
  coDepartments: string[];
  /** The section row above (`一、民生保障类（5项）`), or null. */
  category: string | null;
  period: string | null;
  content: string | null;
  scheduleText: string | null;
  year: number;
  status: ProjectStatus;
  milestones: Milestone[];
  investment: Investment;
  /** Quarters recorded as done in the sheet. */
  doneQuarters: Quarter[];
  /** The monthly cycle (PROGRESS.md); null when the table has no progress column. */
  progress: ProjectProgress | null;
  /** Addresses the adapters need: the name cell and schedule cell(s) carry marks. */
  cells: { index: string | null; name: string | null; schedule: string[] };
}

export interface StatusCounts {
  overdue: number;
  dueSoon: number;
  onTrack: number;
  done: number;
  unscheduled: number;
}

export interface TotalRowCheck {
  row: number;
  total: number | null;
  annual: number | null;
  totalMatches: boolean | null;
  annualMatches: boolean | null;
}

export interface Totals {
  projects: number;
  withInvestment: number;
  withoutInvestment: number;
  /** 万元. */
  total: number;
  annual: number;
  /** annual ÷ total, rounded to 3 decimals; null when the total is zero. */
  annualShareOfTotal: number | null;
  sheetTotalRow: TotalRowCheck | null;
  /**
   * Some investment cell of the table (a project's or the 合计 row's) is a formula without a saved result,
   * so the sums above leave it out: the figures are lower bounds until the workbook is recalculated.
   */
  incomplete: boolean;
}

/** One plan column of a plan split by period: its letter and period code. */
export interface SchedulePeriod {
  column: string;
  /** `Q1`…`Q4`, `H1`, `H2`, `Y`, `M1`…`M12`, `M1-3` (see `periodCode`). */
  period: string;
}

export interface TableResult {
  sheet: string;
  /** 1-based sheet rows of the header (two rows for a two-row header). */
  headerRows: number[];
  /** Role → column letter. */
  columns: Partial<Record<Role, string>>;
  /** Per-quarter completion columns: quarter → column letter. */
  quarterColumns: Partial<Record<Quarter, string>>;
  /**
   * A plan split by period (`第一季度 | 第二季度`, `一季度目标`, `上半年目标 | 全年目标`): every plan column with
   * its period code (`Q1`, `H1`, `Y`, `M7`), in period order; empty when the plan is one column.
   */
  schedulePeriods: SchedulePeriod[];
  /** Title line found above the header, if any. */
  title: string | null;
  year: number;
  projects: Project[];
  counts: StatusCounts;
  /** null when the table has no investment columns ("not available", not zero). */
  totals: Totals | null;
  /** The monthly cycle (PROGRESS.md); null when the table has no progress column. */
  progress: TableProgress | null;
  warnings: Diagnostic[];
  /** 1-based first and last sheet rows the table spans (header to last data row). */
  firstRow: number;
  lastRow: number;
  /** 0-based absolute first and last columns the table spans. */
  firstCol: number;
  lastCol: number;
}

export interface SheetResult {
  sheet: string;
  asOf: string;
  dueSoonDays: number;
  tables: TableResult[];
  /** Sheet-wide findings, e.g. "no table found". */
  warnings: Diagnostic[];
}
