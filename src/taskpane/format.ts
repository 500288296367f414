import type { Diagnostic, Milestone, Project, StatusCounts, TableResult } from "../core/types";
import type { Lang, Messages } from "./i18n";

import { periodLabel, periodLabelEn } from "../core/labels";
import { formatWan } from "../core/money";

/** 1 万元 = 1,000,000 分: department sums run over integers so 828.28 never turns into 828.2800000000001. */
const FEN_PER_WAN = 1_000_000;

/** The core's 万元 numbers are exact to the cent of 万元, so rounding recovers the integer 分 exactly. */
export function wanToFen(wan: number): number {
  return Math.round(wan * FEN_PER_WAN);
}

/** 万元 with thousands separators as the CLI prints them (`55,358.28`). */
export function formatAmount(wan: number): string {
  return formatWan(wanToFen(wan));
}

export function formatShare(share: number, lang: Lang): string {
  return new Intl.NumberFormat(lang === "en" ? "en-US" : "zh-CN", {
    style: "percent",
    maximumFractionDigits: 1,
  }).format(share);
}

/** When the milestone falls, as the summary sheet and the CLI word it (`第二、三季度`, `4至5月`; `Q2+Q3`). */
export function milestonePeriod(milestone: Milestone, lang: Lang): string {
  return lang === "en" ? periodLabelEn(milestone) : periodLabel(milestone);
}

export function lateness(milestone: Milestone, t: Messages): string {
  if (milestone.daysLate > 0) return t.daysLate(milestone.daysLate);
  if (milestone.daysLate === 0) return t.dueToday;
  return t.daysLeft(-milestone.daysLate);
}

export function diagnosticText(diagnostic: Diagnostic, lang: Lang): string {
  return lang === "en" ? diagnostic.messageEn : diagnostic.message;
}

export function projectName(project: Project, t: Messages): string {
  return project.name ?? (project.index ? `#${project.index}` : t.unnamedProject);
}

/** The cell that best shows a project: its schedule cell for schedule findings, else its name. */
export function projectCell(project: Project): string | null {
  return project.cells.schedule[0] ?? project.cells.name ?? project.cells.index;
}

export function sumCounts(tables: TableResult[]): StatusCounts {
  const counts: StatusCounts = { overdue: 0, dueSoon: 0, onTrack: 0, done: 0, unscheduled: 0 };
  for (const table of tables) {
    for (const key of Object.keys(counts) as Array<keyof StatusCounts>) counts[key] += table.counts[key];
  }
  return counts;
}

export interface DepartmentInvestment {
  /** null when the department cell is empty. */
  department: string | null;
  annualFen: number;
  totalFen: number;
}

/**
 * Investment per 责任科室 for the chart, largest total first. Only presentation: the amounts are the
 * core's, summed here as integer 分.
 */
export function investmentByDepartment(table: TableResult): DepartmentInvestment[] {
  const byDepartment = new Map<string | null, DepartmentInvestment>();
  for (const project of table.projects) {
    const { total, annual } = project.investment;
    if (total === null && annual === null) continue;
    const entry = byDepartment.get(project.department) ?? {
      department: project.department,
      annualFen: 0,
      totalFen: 0,
    };
    entry.annualFen += annual === null ? 0 : wanToFen(annual);
    entry.totalFen += total === null ? 0 : wanToFen(total);
    byDepartment.set(project.department, entry);
  }
  return [...byDepartment.values()].sort(
    (a, b) =>
      Math.max(b.totalFen, b.annualFen) - Math.max(a.totalFen, a.annualFen) ||
      (a.department ?? "").localeCompare(b.department ?? "", "zh-Hans-CN"),
  );
}

/** Money findings (`money.*`) show in the investment section; the rest go to the warnings section. */
export function isMoneyCode(code: string): boolean {
  return code.startsWith("money.");
}
