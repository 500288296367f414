import { getYear, parseISO } from "date-fns";
import { cellAddress, columnLetter } from "./address";
import { readCompletion, readQuarterCell, type Completion } from "./completion";
import {
  computeTotals,
  fenToWan,
  formatWan,
  parseAmount,
  unreadableDiagnostic,
  type AmountRead,
} from "./money";
import type { CheckOptions } from "./options";
import { splitPeople } from "./people";
import { productSheetDiagnostic, readProductSheet } from "./product-sheet";
import { parseScheduleCell } from "./schedule";
import { parsePlanCell } from "./schedule/period-plan";
import {
  columnMissing,
  progressFrame,
  projectReports,
  type ProgressFrame,
  type Report,
} from "./progress/frame";
import { readReport } from "./progress/report";
import { decideProgress, readCurrentReport } from "./progress/state";
import { tableProgress } from "./progress/table";
import { countStatuses, milestoneStatus, projectStatus, StatusClock } from "./status";
import { findTablesWithDiagnostics } from "./table";
import type { MoneyUnit, ProjectRecord, RawCell, TableLayout } from "./table/layout";
import type { PlanColumnSpec } from "./table/plan";
import type {
  Diagnostic,
  Investment,
  Milestone,
  ParsedMilestone,
  Project,
  Quarter,
  Role,
  SheetGrid,
  SheetResult,
  TableResult,
} from "./types";

function cellString(cell: RawCell): string {
  return cell.value === null ? "" : String(cell.value).trim();
}

/** The text of a role's cells (first row, then continuation rows), one line each; null when all are empty. */
function text(cells: RawCell[] | undefined): string | null {
  if (!cells || cells.length === 0) return null;
  if (cells.length === 1) return cellString(cells[0] as RawCell) || null;
  return (
    cells
      .map(cellString)
      .filter((s) => s.length > 0)
      .join("\n") || null
  );
}

/** `2023`, `2023.01-2023.12`, a number cell 2023 → 2023; a multi-year period (`2021-2023`) names no single year. */
export function periodYear(period: string | null): number | null {
  if (!period) return null;
  const years = new Set((period.match(/(?<!\d)20\d{2}(?!\d)/gu) ?? []).map(Number));
  return years.size === 1 ? ([...years][0] as number) : null;
}

const TOTAL_LABEL = { zh: "总投资", en: "total investment" };
const ANNUAL_LABEL = { zh: "年度投资", en: "annual investment" };

function readAmount(
  cells: RawCell[] | undefined,
  unit: MoneyUnit | undefined,
  label: { zh: string; en: string },
  diagnostics: Diagnostic[],
): AmountRead {
  const cell = cells?.[0];
  if (!cell) return { amount: null, cell: null };
  const { amount, problem } = parseAmount(cell.value, unit ?? "wan");
  if (problem) diagnostics.push(unreadableDiagnostic(cell.address, cell.value, problem));
  if (amount?.writtenAsText) {
    // Counted, but typed as text (`拟定100`, `600万元`): Excel's own SUM would skip it, so say so.
    const wan = formatWan(amount.fen);
    diagnostics.push({
      cell: cell.address,
      code: "money.writtenAsText",
      message: `单元格 ${cell.address} 的${label.zh}写作文字“${String(cell.value)}”，已按 ${wan} 万元计入`,
      messageEn: `Cell ${cell.address}: the ${label.en} is written as text "${String(cell.value)}"; counted as ${wan} (10k yuan)`,
      severity: "info",
    });
  }
  return { amount, cell: cell.address };
}

function investmentOf(total: AmountRead, annual: AmountRead): Investment {
  return {
    total: total.amount ? fenToWan(total.amount.fen) : null,
    annual: annual.amount ? fenToWan(annual.amount.fen) : null,
    totalQualifier: total.amount?.qualifier ?? null,
    annualQualifier: annual.amount?.qualifier ?? null,
    totalCell: total.cell,
    annualCell: annual.cell,
  };
}

function missing(
  record: ProjectRecord,
  layout: TableLayout,
  role: Role,
  label: string,
  labelEn: string,
): Diagnostic | null {
  const col = layout.columns[role];
  if (col === undefined || (record.cells[role]?.length ?? 0) > 0) return null;
  const address = cellAddress((record.rows[0] as number) - 1, col);
  return {
    cell: address,
    code: `project.missing.${role}`,
    message: `单元格 ${address} 缺少${label}`,
    messageEn: `Cell ${address}: ${labelEn} is missing`,
    severity: "warning",
  };
}

/** The plan as one text: a plan split by period as `一季度目标：…` lines, in period order. */
function scheduleText(record: ProjectRecord, layout: TableLayout): string | null {
  if (layout.planColumns.length === 0) return text(record.cells.schedule);
  const lines: string[] = [];
  record.plans.forEach((cells, i) => {
    const body = text(cells);
    if (body) lines.push(`${(layout.planColumns[i] as PlanColumnSpec).label}：${body}`);
  });
  return lines.length > 0 ? lines.join("\n") : null;
}

/**
 * What the actuals of each plan column say (SEMANTICS §4, PROGRESS §3): done when a cell of a progress
 * column of the same period is a done mark (`√`, `已完成`), a done statement (`项目已全部完成`; not
 * `已完成招投标`) or a percent of 100 or more.
 */
function plansDone(layout: TableLayout, record: ProjectRecord): boolean[] {
  return layout.planColumns.map((plan) =>
    plan.actuals.some((i) =>
      (record.progress[i]?.text ?? []).some(
        (cell) => readQuarterCell(cell.value) === "done" || readReport(String(cell.value ?? ""), null).done,
      ),
    ),
  );
}

/** Progress columns that are the actuals of a plan column short of the year: they close that plan only. */
function periodActuals(layout: TableLayout): Set<number> {
  const columns = new Set<number>();
  for (const plan of layout.planColumns) if (plan.code !== "Y") for (const i of plan.actuals) columns.add(i);
  return columns;
}

const DONE: Completion = { allDone: true, doneQuarters: new Set() };

/**
 * A project read but not yet judged: `project` has everything but its status, milestones, done quarters
 * and progress, which `judgeProject` fills in once the table's year is known.
 */
interface ProjectDraft {
  record: ProjectRecord;
  project: Project;
  /** Per schedule cell, its milestones and, for a plan split by period, the index of its plan column. */
  schedules: Array<{ cell: RawCell; milestones: ParsedMilestone[]; plan: number | null }>;
  /** Schedule, money and missing-cell findings, in that order. */
  diagnostics: Diagnostic[];
  total: AmountRead;
  annual: AmountRead;
}

/** What every project of one table is read against. */
interface TableContext {
  layout: TableLayout;
  /** Progress columns that are the actuals of a plan column short of the year (see `periodActuals`). */
  periodActuals: Set<number>;
  options: CheckOptions;
  /** Year when neither the schedule nor the period names one: the title's, else the reference date's. */
  fallbackYear: number;
}

/** Reads a project's cells: schedule parses, money, people. Completion and status come later. */
function draftProject(record: ProjectRecord, ctx: TableContext): ProjectDraft {
  const { layout, options, fallbackYear } = ctx;
  const diagnostics: Diagnostic[] = [];
  const period = text(record.cells.period);
  const defaultYear = options.year ?? periodYear(period) ?? fallbackYear;
  let writtenYear: number | null = null;
  const scheduleCells = record.cells.schedule ?? [];
  const schedules: ProjectDraft["schedules"] = [];
  const scheduleDiagnostics: Diagnostic[] = [];
  // A plan split by period is read column by column, in period order; a schedule column cell by cell.
  const sources: Array<{ cell: RawCell; plan: number | null }> =
    layout.planColumns.length > 0
      ? record.plans.flatMap((cells, plan) => cells.map((cell) => ({ cell, plan })))
      : scheduleCells.map((cell) => ({ cell, plan: null }));
  for (const { cell, plan } of sources) {
    const column = plan === null ? null : layout.planColumns[plan];
    const parse = column
      ? parsePlanCell(cell.value, cell.numberFormat, column.period, column.label, { defaultYear })
      : parseScheduleCell(cell.value, cell.numberFormat, { defaultYear });
    writtenYear ??= parse.year;
    for (const d of parse.diagnostics) {
      scheduleDiagnostics.push({
        ...d,
        cell: cell.address,
        message: `单元格 ${cell.address}：${d.message}`,
        messageEn: `Cell ${cell.address}: ${d.messageEn}`,
      });
    }
    schedules.push({ cell, milestones: parse.milestones, plan });
  }
  // A continuation cell without dates is only a problem when the project as a whole has no milestone.
  const anyMilestone = schedules.some((s) => s.milestones.length > 0);
  for (const d of scheduleDiagnostics)
    if (!anyMilestone || d.code !== "schedule.unscheduled") diagnostics.push(d);
  const leaderText = text(record.cells.leader);
  const total = readAmount(
    record.cells.totalInvestment,
    layout.units.totalInvestment,
    TOTAL_LABEL,
    diagnostics,
  );
  const annual = readAmount(
    record.cells.annualInvestment,
    layout.units.annualInvestment,
    ANNUAL_LABEL,
    diagnostics,
  );
  for (const check of [
    missing(record, layout, "leader", "责任领导", "the responsible leader"),
    missing(record, layout, "department", "责任科室", "the responsible department"),
  ]) {
    if (check) diagnostics.push(check);
  }

  const project: Project = {
    row: record.rows[0] as number,
    rows: record.rows,
    index: text(record.cells.index),
    name: text(record.cells.name),
    leaders: splitPeople(leaderText),
    department: text(record.cells.department),
    person: text(record.cells.person),
    coDepartments: splitPeople(text(record.cells.coDepartment)),
    category: record.category,
    period,
    content: text(record.cells.content),
    scheduleText: scheduleText(record, layout),
    year: writtenYear ?? defaultYear,
    status: "unscheduled",
    milestones: [],
    investment: investmentOf(total, annual),
    doneQuarters: [],
    progress: null,
    cells: {
      index: record.cells.index?.[0]?.address ?? null,
      name: record.cells.name?.[0]?.address ?? null,
      schedule: scheduleCells.map((c) => c.address),
    },
  };
  return { record, project, schedules, diagnostics, total, annual };
}

/**
 * Judges a drafted project on the reference date: completion (the current report decides whether the
 * whole project is done; a quarter any report calls done stays done), milestone and project status, and
 * the monthly cycle's state when the table has progress columns.
 */
function judgeProject(
  draft: ProjectDraft,
  clock: StatusClock,
  frame: ProgressFrame | null,
  ctx: TableContext,
  diagnostics: Diagnostic[],
): Project {
  const reads = frame ? projectReports(frame, draft.record.progress, draft.project.row) : null;
  const reported = reads?.current ?? null;
  // The actuals of one period (`上半年完成情况`) say that period is done, not the whole project.
  const periodOnly = reported !== null && ctx.periodActuals.has(reported.column);
  const current = periodOnly ? null : reported;
  const earlier: RawCell[] = [];
  if (reads)
    for (let i = 0; i < reads.reports.length - (current ? 1 : 0); i += 1)
      for (const cell of (reads.reports[i] as Report).cells) earlier.push(cell);
  const { completion, diagnostics: completionDiagnostics } = readCompletion(
    current?.cells ?? [],
    draft.record.quarterCells,
    earlier,
  );
  const read = readCurrentReport(reported, completion.allDone);
  // `完成100%` in a half-year's actuals is that half-year done, not the project.
  const reading = read && periodOnly ? { ...read, done: false } : read;
  if (reading?.done) completion.allDone = true;
  const planDone = ctx.layout.planColumns.length > 0 ? plansDone(ctx.layout, draft.record) : null;
  for (const d of completionDiagnostics) diagnostics.push(d);
  for (const d of draft.diagnostics) diagnostics.push(d);

  const milestones: Milestone[] = [];
  for (const { cell, milestones: parsed, plan } of draft.schedules) {
    const closed = plan !== null && planDone?.[plan] === true ? DONE : completion;
    for (const m of parsed) {
      const { status, daysLate } = milestoneStatus(m, closed, clock);
      // Built field by field: object spread here was the single largest cost of a 5,000-project check.
      milestones.push({
        quarters: m.quarters,
        months: m.months,
        due: m.due,
        before: m.before,
        text: m.text,
        marker: m.marker,
        start: m.start,
        cell: cell.address,
        status,
        daysLate,
      });
    }
  }
  // Filled in place, not spread into a new object: copying 20 fields per project was a measurable cost.
  const project = draft.project;
  project.status = projectStatus(milestones);
  project.milestones = milestones;
  project.doneQuarters = [...completion.doneQuarters].sort() as Quarter[];
  project.progress = frame && reads ? decideProgress(frame, reads, reading, project) : null;
  return project;
}

function mostCommon(values: number[]): number | null {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: number | null = null;
  for (const [value, count] of counts) if (best === null || count > (counts.get(best) ?? 0)) best = value;
  return best;
}

/** A formula cell without a saved result, in sheet coordinates (1-based row, 0-based column). */
interface UncachedCell {
  row: number;
  col: number;
  address: string;
}

function uncachedCells(grid: SheetGrid): UncachedCell[] {
  return (grid.uncachedFormulas ?? []).map(({ row, col }) => ({
    row: grid.origin.row + row + 1,
    col: grid.origin.col + col,
    address: cellAddress(grid.origin.row + row, grid.origin.col + col),
  }));
}

function uncachedDiagnostic(address: string): Diagnostic {
  return {
    cell: address,
    code: "formula.noCachedValue",
    message: `单元格 ${address} 是公式，但文件中没有保存它的计算结果（文件由程序生成，或保存时设为手动计算），已按空白读取；请先在 Excel 或 WPS 中打开该工作簿并保存，再检查`,
    messageEn: `Cell ${address} holds a formula whose result is not saved in the file (written by a program, or saved with manual calculation); it was read as empty. Open and save the workbook in Excel or WPS first, then check again`,
    severity: "warning",
  };
}

function inTable(cell: UncachedCell, layout: TableLayout): boolean {
  return (
    cell.row >= layout.firstRow &&
    cell.row <= layout.lastRow &&
    cell.col >= layout.firstCol &&
    cell.col <= layout.lastCol
  );
}

function checkTable(
  grid: SheetGrid,
  layout: TableLayout,
  options: CheckOptions,
  uncached: UncachedCell[],
): TableResult {
  // Unread formulas first: they explain the figures that follow.
  const diagnostics: Diagnostic[] = uncached.map((c) => uncachedDiagnostic(c.address));
  for (const d of layout.diagnostics) diagnostics.push(d);
  const asOfYear = getYear(parseISO(options.asOf));
  const ctx: TableContext = {
    layout,
    options,
    fallbackYear: options.year ?? layout.titleYear ?? asOfYear,
    periodActuals: periodActuals(layout),
  };
  const drafts = layout.projects.map((record) => draftProject(record, ctx));
  const year = options.year ?? layout.titleYear ?? mostCommon(drafts.map((d) => d.project.year)) ?? asOfYear;
  const frame =
    layout.progressColumns.length > 0
      ? progressFrame(layout.progressColumns, {
          asOf: options.asOf,
          reportDay: options.reportDay,
          behindTolerance: options.behindTolerance,
          tableYear: year,
        })
      : null;
  const clock = new StatusClock(options.asOf, options.dueSoonDays);
  const projects = drafts.map((draft) => judgeProject(draft, clock, frame, ctx, diagnostics));
  const missingColumn = frame ? columnMissing(frame) : null;
  if (missingColumn) diagnostics.push(missingColumn);
  const hasMoney =
    layout.columns.totalInvestment !== undefined || layout.columns.annualInvestment !== undefined;
  const moneyColumns = [layout.columns.totalInvestment, layout.columns.annualInvestment];
  const lastHeaderRow = layout.headerRows[layout.headerRows.length - 1] as number;
  const money = hasMoney
    ? computeTotals(
        drafts.map((d) => ({ row: d.project.row, total: d.total, annual: d.annual })),
        layout.totalRows,
        layout.units,
        uncached.some((c) => c.row > lastHeaderRow && moneyColumns.includes(c.col)),
      )
    : null;
  if (money) for (const d of money.diagnostics) diagnostics.push(d);

  const columns: Partial<Record<Role, string>> = {};
  for (const [role, col] of Object.entries(layout.columns) as [Role, number][])
    columns[role] = columnLetter(col);
  const schedulePeriods = layout.planColumns.map((plan) => ({
    column: columnLetter(plan.col),
    period: plan.code,
  }));
  const quarterColumns: Partial<Record<Quarter, string>> = {};
  for (const [q, col] of Object.entries(layout.quarterColumns))
    quarterColumns[Number(q) as Quarter] = columnLetter(col);

  return {
    sheet: grid.sheet,
    headerRows: layout.headerRows,
    columns,
    quarterColumns,
    schedulePeriods,
    title: layout.title,
    year,
    projects,
    counts: countStatuses(projects.map((p) => p.status)),
    totals: money ? money.totals : null,
    progress: frame ? tableProgress(frame, projects) : null,
    warnings: diagnostics,
    firstRow: layout.firstRow,
    lastRow: layout.lastRow,
    firstCol: layout.firstCol,
    lastCol: layout.lastCol,
  };
}

/**
 * Reads every table on a sheet and checks it on the reference date. Never throws: what cannot be read
 * becomes a diagnostic naming its cell. A sheet the product wrote (see `product-sheet`) has no tables and
 * one `sheet.productOutput` finding.
 */
export function checkSheet(grid: SheetGrid, options: CheckOptions): SheetResult {
  const output = readProductSheet(grid);
  if (output) {
    // The product's own output lists milestones in rows that look like a table: never read it as one.
    return {
      sheet: grid.sheet,
      asOf: options.asOf,
      dueSoonDays: options.dueSoonDays,
      tables: [],
      warnings: [productSheetDiagnostic(grid.sheet, output)],
    };
  }
  const found = findTablesWithDiagnostics(grid);
  const uncached = uncachedCells(grid);
  const tables = found.tables.map((layout) =>
    checkTable(
      grid,
      layout,
      options,
      uncached.filter((c) => inTable(c, layout)),
    ),
  );
  const warnings = found.diagnostics;
  for (const c of uncached)
    if (!found.tables.some((layout) => inTable(c, layout))) warnings.push(uncachedDiagnostic(c.address));
  return { sheet: grid.sheet, asOf: options.asOf, dueSoonDays: options.dueSoonDays, tables, warnings };
}
