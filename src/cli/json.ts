import { periodLabel } from "../core/labels";
import type { Diagnostic, Milestone, Project, TableResult } from "../core/types";
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
    columns: t.columns,
    year: t.year,
    projects: t.projects.map(projectJson),
    counts: t.counts,
    totals: t.totals,
    warnings: t.warnings.map(warningJson),
    title: t.title,
    quarterColumns: t.quarterColumns,
    firstRow: t.firstRow,
    lastRow: t.lastRow,
  };
}

export function fileJson(outcome: FileOutcome) {
  if (outcome.error) return { file: outcome.file, error: outcome.error, tables: [] };
  return {
    file: outcome.file,
    tables: outcome.sheets.flatMap((s) => s.tables.map(tableJson)),
    warnings: fileWarnings(outcome).map(warningJson),
  };
}

export function reportJson(asOf: string, dueSoonDays: number, outcomes: FileOutcome[]) {
  return { asOf, files: outcomes.map(fileJson), dueSoonDays };
}
