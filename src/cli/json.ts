import { periodLabel } from "../core/labels";
import type { Changes } from "../core/since";
import type {
  Diagnostic,
  Milestone,
  Project,
  ProjectProgress,
  TableProgress,
  TableResult,
} from "../core/types";
import { fileWarnings, type FileOutcome } from "./check-file";

/**
 * The `--json` document. Its shape is a contract for scripts: fields may be added, none renamed or moved.
 * Each object lists the contract's fields first, then extras.
 */
function milestoneJson(m: Milestone) {
  return {
    quarters: m.quarters,
    months: m.months,
    due: m.due,
    text: m.text,
    status: m.status,
    cell: m.cell,
    period: periodLabel(m),
    daysLate: m.daysLate,
    marker: m.marker,
    before: m.before,
  };
}

/** PROGRESS.md §6, exactly these fields. */
function projectProgressJson(p: ProjectProgress | null) {
  return p ? { state: p.state, period: p.period, text: p.text, percent: p.percent, cell: p.cell } : null;
}

function tableProgressJson(t: TableProgress | null) {
  if (!t) return null;
  return {
    reportDay: t.reportDay,
    expectedPeriod: t.expectedPeriod,
    expectedPercent: t.expectedPercent,
    columns: t.columns.map((c) => ({ column: c.column, period: c.period })),
    counts: t.counts,
  };
}

function projectJson(p: Project) {
  return {
    row: p.row,
    index: p.index,
    name: p.name,
    leaders: p.leaders,
    department: p.department,
    person: p.person,
    category: p.category,
    status: p.status,
    milestones: p.milestones.map(milestoneJson),
    investment: {
      total: p.investment.total,
      annual: p.investment.annual,
      totalQualifier: p.investment.totalQualifier,
      annualQualifier: p.investment.annualQualifier,
      totalCell: p.investment.totalCell,
      annualCell: p.investment.annualCell,
    },
    progress: projectProgressJson(p.progress),
    rows: p.rows,
    coDepartments: p.coDepartments,
    period: p.period,
    scheduleText: p.scheduleText,
    year: p.year,
    doneQuarters: p.doneQuarters,
    cells: p.cells,
  };
}

function warningJson(d: Diagnostic) {
  return { cell: d.cell, code: d.code, message: d.message, messageEn: d.messageEn, severity: d.severity };
}

export function tableJson(t: TableResult) {
  return {
    sheet: t.sheet,
    headerRows: t.headerRows,
    columns: { ...t.columns, schedulePeriods: t.schedulePeriods },
    year: t.year,
    projects: t.projects.map(projectJson),
    counts: t.counts,
    totals: t.totals,
    progress: tableProgressJson(t.progress),
    warnings: t.warnings.map(warningJson),
    title: t.title,
    quarterColumns: t.quarterColumns,
    firstRow: t.firstRow,
    lastRow: t.lastRow,
  };
}

/**
 * One file. `since` is what changed since the earlier check `--since` named (PROGRESS.md §7): null without
 * `--since`, or when the earlier output has no entry for this file.
 */
export function fileJson(outcome: FileOutcome, since: Changes | null = null) {
  if (outcome.error) return { file: outcome.file, error: outcome.error, tables: [] };
  return {
    file: outcome.file,
    tables: outcome.sheets.flatMap((s) => s.tables.map(tableJson)),
    warnings: fileWarnings(outcome).map(warningJson),
    since,
  };
}

export interface ReportSettings {
  asOf: string;
  dueSoonDays: number;
  reportDay: number;
  behindTolerance: number;
}

export function reportJson(
  settings: ReportSettings,
  outcomes: FileOutcome[],
  since: ReadonlyMap<FileOutcome, Changes | null> = new Map(),
) {
  return {
    asOf: settings.asOf,
    files: outcomes.map((o) => fileJson(o, since.get(o) ?? null)),
    dueSoonDays: settings.dueSoonDays,
    reportDay: settings.reportDay,
    behindTolerance: settings.behindTolerance,
  };
}
