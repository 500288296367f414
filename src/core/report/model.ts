import { getYear, parseISO } from "date-fns";
import { MISSING_KEY, type GroupBy } from "../alerts";
import { periodLabel } from "../labels";
import { formatWan, shareOfTotal, sumFen, wanToFen } from "../money";
import { normalizeText } from "../text";
import type { Milestone, Project, SheetResult, TableResult } from "../types";
import { chineseDate, chineseDateIn, chineseMonth, chineseMonthIn, percentText, quoted } from "./format";
import { nextReportDay, reportDayOf } from "./reply";

/**
 * The 通报 as a document model: what the .docx, the printable sheet, the reminders and the list a clerk
 * pastes are all made from. Built from check results only; every figure and date is already written
 * out as an official document writes it, so no output re-derives a rule.
 */

export interface ReportOptions {
  /** Reference date, `YYYY-MM-DD`: the 截至 date and the month of the title. */
  asOf: string;
  /** Section 二 groups by 责任科室 or 责任领导. */
  groupBy: GroupBy;
  /** When the departments are asked to answer, `YYYY-MM-DD`; default the next report day after `asOf`. */
  replyBy?: string | null;
}

/** A project in section 二: its most overdue milestone, or the monthly cycle's `behind` finding. */
export interface LateRow {
  kind: "overdue" | "behind";
  project: string;
  /** `第一季度：完成预算编制及复核`, `进展滞后：完成 25%，低于序时进度 48.5%`. */
  node: string;
  /** How many further milestones of the project are overdue (told after the node). */
  moreOverdue: number;
  /** `3月31日`; "" for a behind project. */
  due: string;
  /** Days past the due date; null for a behind project. */
  daysLate: number | null;
  leaders: string;
  department: string;
  /** Where the project is, for links back: its sheet, first sheet row and the cell the row is about. */
  sheet: string;
  row: number;
  cell: string | null;
  /** The milestone's own text and period, for the reminders; null for a behind project. */
  milestone: Pick<Milestone, "quarters" | "months" | "before" | "due" | "text"> | null;
  /** The monthly cycle's reason for a behind project. */
  reason: string | null;
}

export interface LateGroup {
  /** A department or a leader; `MISSING_KEY` when the cell is empty. */
  key: string;
  rows: LateRow[];
}

/** A project in section 三: no progress report for the expected period. */
export interface UnreportedRow {
  project: string;
  /** `5月进展`. */
  expected: string;
  leaders: string;
  department: string;
  sheet: string;
  cell: string | null;
}

export type ReportSection =
  | { kind: "overview"; heading: string; paragraphs: string[] }
  | { kind: "late"; heading: string; paragraphs: string[]; groupBy: GroupBy; groups: LateGroup[] }
  | { kind: "unreported"; heading: string; paragraphs: string[]; rows: UnreportedRow[] }
  | { kind: "requirements"; heading: string; paragraphs: string[] };

export interface ReportDocument {
  /** `关于2023年6月为民办实事项目进展情况的通报`. */
  title: string;
  /** `新塘街道`, from the table's title; null when no title names a unit. */
  unit: string | null;
  asOf: string;
  /** `2023-06`: the month the 通报 is about. */
  month: string;
  /** `2023年6月20日`, for headers and footers. */
  dateText: string;
  /** The sheets the tables were read from (for the product-sheet marker line). */
  sources: string[];
  groupBy: GroupBy;
  /** `YYYY-MM-DD`. */
  replyBy: string;
  /** The opening paragraph before the numbered sections. */
  opening: string;
  /** The headline sentence of 一、总体情况 (also what the pane can show as the gist). */
  headline: string;
  /** Only the sections that have content, numbered in order. */
  sections: ReportSection[];
  /** `新塘街道2023年6月为民办实事项目进展情况通报` (no extension). */
  fileStem: string;
  /** `进度通报2023-06`. */
  sheetName: string;
}

/** Table columns of section 二, Chinese and English (the pane shows the English ones in an English Office). */
export const LATE_COLUMNS = [
  { key: "project", zh: "项目", en: "Project" },
  { key: "node", zh: "节点", en: "Milestone" },
  { key: "due", zh: "计划完成", en: "Due" },
  { key: "daysLate", zh: "逾期天数", en: "Days late" },
  { key: "leaders", zh: "责任领导", en: "Leader" },
  { key: "department", zh: "责任科室", en: "Department" },
  { key: "cause", zh: "原因", en: "Cause" },
  { key: "measures", zh: "下步措施", en: "Next steps" },
] as const;

/** Table columns of section 三. */
export const UNREPORTED_COLUMNS = [
  { key: "project", zh: "项目", en: "Project" },
  { key: "expected", zh: "应报进展", en: "Report due" },
  { key: "leaders", zh: "责任领导", en: "Leader" },
  { key: "department", zh: "责任科室", en: "Department" },
] as const;

/** The node as listed, with how many more milestones are overdue. */
export function nodeText(row: Pick<LateRow, "node" | "moreOverdue">): string {
  return row.moreOverdue > 0 ? `${row.node}（另有${row.moreOverdue}个节点逾期）` : row.node;
}

/** A row's cells in `LATE_COLUMNS` order; 原因 and 下步措施 left blank to be filled. */
export function lateCells(row: LateRow): string[] {
  return [
    row.project,
    nodeText(row),
    row.due,
    row.daysLate === null ? "" : String(row.daysLate),
    row.leaders,
    row.department,
    "",
    "",
  ];
}

/** The group's label: `社会事务办（3个）`. */
export function groupLabel(group: Pick<LateGroup, "key" | "rows">): string {
  return `${group.key}（${group.rows.length}个）`;
}

const NUMERALS = ["一", "二", "三", "四", "五", "六"];
const GROUP_WORD: Record<GroupBy, string> = { department: "责任科室", leader: "责任领导" };
const SECTION_TITLE: Record<ReportSection["kind"], string> = {
  overview: "总体情况",
  late: "逾期和滞后项目",
  unreported: "未报送进展的项目",
  requirements: "下步工作要求",
};

/** Name of the sheet the 通报 is written to for a month (`2023-06`). */
export function reportSheetName(month: string): string {
  return `进度通报${month}`;
}

const UNIT_END = /(街道办事处|街道|办事处|镇|乡|社区|村|区|县|市)$/u;

/**
 * The unit a table's title names: `新塘街道 2023 年度为民办实事项目责任分解表` → `新塘街道`,
 * `2022年紫帽镇为民办实事项目…` → `紫帽镇`. The words before 为民办实事, without a year, 关于 or 附件, when
 * they end as a unit's name does; otherwise null (a unit is never guessed).
 */
export function unitOfTitle(title: string | null): string | null {
  if (!title) return null;
  const text = normalizeText(title);
  const before = text.split("为民办实事")[0] ?? "";
  const unit = before
    .replace(/(19|20)\d{2}年度?/gu, "")
    .replace(/^(附件\d*[:：]?|关于)/u, "")
    .trim();
  return unit && UNIT_END.test(unit) && unit !== text ? unit : null;
}

/** How a 通报 names its own unit in a sentence: 街道, 全镇, 全乡, or the unit's name. */
function unitInSentence(unit: string | null): string {
  if (!unit) return "";
  if (/街道(办事处)?$/u.test(unit)) return "街道";
  if (unit.endsWith("镇")) return "全镇";
  if (unit.endsWith("乡")) return "全乡";
  return unit;
}

function projectName(project: Project): string {
  return project.name ?? `第${project.row}行项目`;
}

function worstOverdue(project: Project): { milestone: Milestone; more: number } | null {
  const overdue = project.milestones.filter((m) => m.status === "overdue");
  if (overdue.length === 0) return null;
  // The most days late; the earlier one in the schedule on a tie.
  const worst = overdue.reduce((a, b) => (b.daysLate > a.daysLate ? b : a));
  return { milestone: worst, more: overdue.length - 1 };
}

export function lateRow(table: TableResult, project: Project, year: number): LateRow | null {
  const base = {
    project: projectName(project),
    leaders: project.leaders.join("、"),
    department: project.department ?? "",
    sheet: table.sheet,
    row: project.row,
  };
  const worst = worstOverdue(project);
  if (worst) {
    const { milestone: m, more } = worst;
    const period = periodLabel(m);
    return {
      ...base,
      kind: "overdue",
      node: m.text ? `${period}：${m.text}` : period,
      moreOverdue: more,
      due: chineseDateIn(m.due, year),
      daysLate: m.daysLate,
      cell: m.cell,
      milestone: { quarters: m.quarters, months: m.months, before: m.before, due: m.due, text: m.text },
      reason: null,
    };
  }
  if (project.progress?.state !== "behind") return null;
  return {
    ...base,
    kind: "behind",
    node: `进展滞后：${project.progress.reason}`,
    moreOverdue: 0,
    due: "",
    daysLate: null,
    cell: project.progress.cell ?? project.cells.name,
    milestone: null,
    reason: project.progress.reason,
  };
}

export function groupKeys(project: Project, by: GroupBy): string[] {
  const keys = by === "leader" ? project.leaders : project.department ? [project.department] : [];
  return keys.length > 0 ? keys : [MISSING_KEY];
}

/** Most days late first (behind rows last), then table order. */
function compareRows(a: { row: LateRow; order: number }, b: { row: LateRow; order: number }): number {
  return (b.row.daysLate ?? -Infinity) - (a.row.daysLate ?? -Infinity) || a.order - b.order;
}

/** The group without a department or leader last, then the most days late, the most entries, the name. */
export function compareGroups(
  a: { key: string; worst: number; rows: readonly unknown[] },
  b: { key: string; worst: number; rows: readonly unknown[] },
): number {
  return (
    Number(a.key === MISSING_KEY) - Number(b.key === MISSING_KEY) ||
    b.worst - a.worst ||
    b.rows.length - a.rows.length ||
    a.key.localeCompare(b.key, "zh-Hans-CN")
  );
}

/**
 * Section 二's rows grouped. A project with two leaders is listed under each when grouping by leader, as
 * the pane's alerts do. Groups are ordered by their most days late, then by how many projects they
 * hold, then by name; the group of projects without a department or leader comes last.
 */
export function lateGroups(tables: readonly TableResult[], by: GroupBy, year: number): LateGroup[] {
  const groups = new Map<string, Array<{ row: LateRow; order: number }>>();
  let order = 0;
  for (const table of tables) {
    for (const project of table.projects) {
      const row = lateRow(table, project, year);
      order += 1;
      if (!row) continue;
      for (const key of groupKeys(project, by)) {
        const list = groups.get(key) ?? [];
        list.push({ row, order });
        groups.set(key, list);
      }
    }
  }
  return [...groups]
    .map(([key, rows]) => ({
      key,
      rows: rows.sort(compareRows),
      worst: rows.reduce((worst, r) => Math.max(worst, r.row.daysLate ?? -1), -Infinity),
    }))
    .sort(compareGroups)
    .map(({ key, rows }) => ({ key, rows: rows.map((r) => r.row) }));
}

function unreportedRows(tables: readonly TableResult[], year: number): UnreportedRow[] {
  const rows: UnreportedRow[] = [];
  for (const table of tables) {
    if (!table.progress) continue;
    const expected = `${chineseMonthIn(table.progress.expectedPeriod, year)}进展`;
    for (const project of table.projects) {
      if (project.progress?.state !== "notReported") continue;
      rows.push({
        project: projectName(project),
        expected,
        leaders: project.leaders.join("、"),
        department: project.department ?? "",
        sheet: table.sheet,
        cell: project.progress.cell ?? project.cells.name,
      });
    }
  }
  return rows;
}

interface Tally {
  projects: number;
  done: number;
  onTrack: number;
  dueSoon: number;
  overdue: number;
  unscheduled: number;
}

function tally(tables: readonly TableResult[]): Tally {
  const t: Tally = { projects: 0, done: 0, onTrack: 0, dueSoon: 0, overdue: 0, unscheduled: 0 };
  for (const table of tables) {
    t.projects += table.projects.length;
    t.done += table.counts.done;
    t.onTrack += table.counts.onTrack;
    t.dueSoon += table.counts.dueSoon;
    t.overdue += table.counts.overdue;
    t.unscheduled += table.counts.unscheduled;
  }
  return t;
}

/** `已完成0个，按序时推进1个（其中临期1个），逾期10个，未排期1个` from the milestone statuses. */
function statusClauses(t: Tally): string[] {
  const onTrack = t.onTrack + t.dueSoon;
  return [
    `已完成${t.done}个`,
    `按序时推进${onTrack}个${t.dueSoon > 0 ? `（其中临期${t.dueSoon}个）` : ""}`,
    `逾期${t.overdue}个`,
    ...(t.unscheduled > 0 ? [`未排期${t.unscheduled}个`] : []),
  ];
}

/** The same from the monthly cycle (PROGRESS.md §5), where every table has progress columns. */
function progressClauses(tables: readonly TableResult[]): string[] {
  const c = { done: 0, onSchedule: 0, behind: 0, notStarted: 0, notReported: 0 };
  for (const table of tables) {
    for (const key of Object.keys(c) as Array<keyof typeof c>) c[key] += table.progress?.counts[key] ?? 0;
  }
  return [
    `已完成${c.done}个`,
    `按序时推进${c.onSchedule}个`,
    `进展滞后${c.behind}个`,
    ...(c.notStarted > 0 ? [`尚未启动${c.notStarted}个`] : []),
    ...(c.notReported > 0 ? [`未按时报送进展${c.notReported}个`] : []),
  ];
}

/** `12个项目计划总投资55,358.28万元，年度计划投资18,158.28万元，占总投资的32.8%（3个项目未列投资额）。` */
function investmentSentence(tables: readonly TableResult[]): string | null {
  const withTotals = tables.filter((t) => t.totals !== null);
  if (withTotals.length === 0) return null;
  const fen = (pick: (t: TableResult) => number) => sumFen(withTotals.map((t) => wanToFen(pick(t)) ?? 0));
  const totalFen = fen((t) => t.totals?.total ?? 0);
  const annualFen = fen((t) => t.totals?.annual ?? 0);
  const projects = withTotals.reduce((n, t) => n + (t.totals?.projects ?? 0), 0);
  const without = withTotals.reduce((n, t) => n + (t.totals?.withoutInvestment ?? 0), 0);
  const share = shareOfTotal(annualFen, totalFen);
  return (
    `${projects}个项目计划总投资${formatWan(totalFen)}万元，年度计划投资${formatWan(annualFen)}万元` +
    (share !== null ? `，占总投资的${percentText(share)}` : "") +
    (without > 0 ? `（${without}个项目未列投资额）` : "") +
    "。"
  );
}

/** `逾期和滞后项目涉及8个责任科室；逾期时间最长的是“紫帽山植树绿化”1月节点，已逾期151天。` */
function lateSentence(groups: LateGroup[], by: GroupBy): string | null {
  const rows = groups.flatMap((g) => g.rows);
  const worst = rows.reduce<LateRow | null>(
    (a, b) => ((b.daysLate ?? -1) > (a?.daysLate ?? -1) ? b : a),
    null,
  );
  const named = groups.filter((g) => g.key !== MISSING_KEY);
  const concerned = named.length > 0 ? `逾期和滞后项目涉及${named.length}个${GROUP_WORD[by]}` : "";
  const longest =
    worst && worst.kind === "overdue" && worst.milestone
      ? `逾期时间最长的是${quoted(worst.project)}${periodLabel(worst.milestone)}节点，已逾期${worst.daysLate}天`
      : "";
  const parts = [concerned, longest].filter(Boolean);
  return parts.length > 0 ? `${parts.join("；")}。` : null;
}

function distinctProjects(groups: LateGroup[]): number {
  return new Set(groups.flatMap((g) => g.rows.map((r) => `${r.sheet}!${r.row}`))).size;
}

/**
 * The 通报 of the tables checked on `options.asOf`. Several tables (one sheet holding two) are reported
 * together: counts and money are summed, rows listed together. Sections without content are left out and
 * the rest numbered in order; 三、未报送进展的项目 exists only where a table has progress columns.
 */
export function buildReport(tables: readonly TableResult[], options: ReportOptions): ReportDocument {
  const asOf = options.asOf;
  const year = getYear(parseISO(asOf));
  const month = asOf.slice(0, 7);
  const unit = tables.map((t) => unitOfTitle(t.title)).find((u) => u !== null) ?? null;
  const reportDay = reportDayOf(tables);
  const replyBy = options.replyBy ?? nextReportDay(asOf, reportDay);
  const asOfText = chineseDateIn(asOf, year);
  const replyText = chineseDateIn(replyBy, year);
  const monthText = chineseMonth(asOf);
  const withProgress = tables.length > 0 && tables.every((t) => t.progress !== null);

  const t = tally(tables);
  const where = unitInSentence(unit);
  const clauses = withProgress ? progressClauses(tables) : statusClauses(t);
  const headline = `截至${asOfText}，${where}${t.projects}个为民办实事项目中，${clauses.join("，")}。`;
  const overdueNote =
    withProgress && t.overdue > 0 ? `对照形象进度安排，有节点逾期的项目${t.overdue}个。` : null;

  const groups = lateGroups(tables, options.groupBy, year);
  const unreported = unreportedRows(tables, year);

  const sections: ReportSection[] = [];
  sections.push({
    kind: "overview",
    heading: "",
    paragraphs: [
      headline,
      ...[overdueNote, investmentSentence(tables), lateSentence(groups, options.groupBy)].filter(
        (p): p is string => p !== null,
      ),
    ],
  });
  if (groups.length > 0) {
    const word = GROUP_WORD[options.groupBy];
    sections.push({
      kind: "late",
      heading: "",
      groupBy: options.groupBy,
      groups,
      paragraphs: [
        `截至${asOfText}，有节点逾期或进展滞后的项目${distinctProjects(groups)}个，按${word}列示如下` +
          `（逾期时间长的在前），请各${word}逐项填写原因和下步措施。`,
      ],
    });
  }
  if (unreported.length > 0) {
    sections.push({
      kind: "unreported",
      heading: "",
      rows: unreported,
      paragraphs: [
        `截至${asOfText}，以下${unreported.length}个项目未按时报送进展情况（每月${reportDay}日前报送）：`,
      ],
    });
  }
  sections.push({
    kind: "requirements",
    heading: "",
    paragraphs: [
      "各责任领导要加强统筹调度，各责任科室要对照责任分解表和形象进度安排，对逾期和滞后项目逐一分析原因，" +
        "倒排工期、挂图作战，确保按期完成年度目标任务。",
      `请各责任科室于${replyText}前书面报送项目进展情况及逾期、滞后原因和下步措施；` +
        `此后每月${reportDay}日前按时报送项目进展情况。`,
    ],
  });
  for (const [i, section] of sections.entries())
    section.heading = `${NUMERALS[i]}、${SECTION_TITLE[section.kind]}`;

  const title = `关于${monthText}为民办实事项目进展情况的通报`;
  return {
    title,
    unit,
    asOf,
    month,
    dateText: chineseDate(asOf),
    sources: [...new Set(tables.map((tb) => tb.sheet))],
    groupBy: options.groupBy,
    replyBy,
    opening: `为推动${tables[0]?.year ?? year}年为民办实事项目按期保质完成，现将截至${asOfText}各项目进展情况通报如下：`,
    headline,
    sections,
    fileStem: `${unit ?? ""}${monthText}为民办实事项目进展情况通报`,
    sheetName: reportSheetName(month),
  };
}

/** The 通报 of a checked sheet (every table on it), on the sheet's reference date. */
export function buildSheetReport(
  result: Pick<SheetResult, "asOf" | "tables">,
  options: Omit<ReportOptions, "asOf">,
): ReportDocument {
  return buildReport(result.tables, { ...options, asOf: result.asOf });
}
