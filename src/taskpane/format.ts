import type { Diagnostic, Milestone, Project } from "../core/types";
import type { Lang, Messages } from "./i18n";

import { periodLabel, periodLabelEn } from "../core/labels";
import { formatWanNumber } from "../core/money";

/** 万元 with thousands separators as the CLI prints them (`55,358.28`), exact through the core. */
export function formatAmount(wan: number): string {
  return formatWanNumber(wan);
}

export function formatShare(share: number, lang: Lang): string {
  return new Intl.NumberFormat(lang === "en" ? "en-US" : "zh-CN", {
    style: "percent",
    maximumFractionDigits: 1,
  }).format(share);
}

/** When the milestone falls, as the 通报 and the CLI word it (`第二、三季度`, `4至5月`; `Q2+Q3`). */
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

/** The pane's summary sums through the core; App imports it from here with the other formatters. */

/** Money findings (`money.*`) show in the investment section; the rest go to the warnings section. */
export function isMoneyCode(code: string): boolean {
  return code.startsWith("money.");
}
