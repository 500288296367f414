import { basename } from "node:path";
import { format, parseISO } from "date-fns";
import { groupAlerts, type AlertGroup } from "../core/alerts";
import { daysText, periodLabel } from "../core/labels";
import { formatWanNumber } from "../core/money";
import { monthLabel } from "../core/progress/period";
import { PROGRESS_STATES, PROGRESS_STATE_LABEL } from "../core/progress/table";
import { hasChanges, type Changes, type ProjectRef } from "../core/since";
import { MILESTONE_STATUS_LABEL, sumCounts } from "../core/status";
import type { Project, ProgressState, StatusCounts, TableResult } from "../core/types";
import { fileWarnings, tablesOf, type FileOutcome } from "./check-file";
import { terminalSafe } from "./terminal";

/** ANSI styling; every function is the identity when colour is off. */
export interface Paint {
  red(text: string): string;
  yellow(text: string): string;
  green(text: string): string;
  bold(text: string): string;
  dim(text: string): string;
}

function ansi(code: number, reset: number): (text: string) => string {
  return (text) => `\u001b[${code}m${text}\u001b[${reset}m`;
}

export function paint(colour: boolean): Paint {
  if (!colour) {
    const same = (text: string) => text;
    return { red: same, yellow: same, green: same, bold: same, dim: same };
  }
  return {
    red: ansi(31, 39),
    yellow: ansi(33, 39),
    green: ansi(32, 39),
    bold: ansi(1, 22),
    dim: ansi(2, 22),
  };
}

const SHARE = new Intl.NumberFormat("zh-CN", { style: "percent", maximumFractionDigits: 1 });

/** Text from a workbook or the command line, safe to print (see `terminalSafe`). */
const safe = terminalSafe;

function clip(text: string, max: number): string {
  const chars = [...text.replace(/\s+/g, " ").trim()];
  return chars.length > max ? `${chars.slice(0, max).join("")}…` : chars.join("");
}

export function countsLine(counts: StatusCounts, p: Paint): string {
  return [
    p.red(`逾期 ${counts.overdue}`),
    p.yellow(`临期 ${counts.dueSoon}`),
    `正常 ${counts.onTrack}`,
    p.green(`已完成 ${counts.done}`),
    `未排期 ${counts.unscheduled}`,
  ].join(" · ");
}

/** Lines are appended to `out`: a report can run to hundreds of thousands of lines. */
function groupLines(out: string[], title: string, groups: AlertGroup[], p: Paint): void {
  if (groups.length === 0) return;
  out.push(`  ${p.bold(title)}`);
  for (const group of groups) {
    const tally = [
      group.overdue > 0 ? `逾期 ${group.overdue}` : "",
      group.dueSoon > 0 ? `临期 ${group.dueSoon}` : "",
    ]
      .filter(Boolean)
      .join("，");
    out.push(`    ${p.bold(safe(group.key))}（${tally}）`);
    for (const { project, milestone } of group.alerts) {
      const tone = milestone.status === "overdue" ? p.red : p.yellow;
      const name = project.name === null ? `第 ${project.row} 行项目` : safe(project.name);
      out.push(
        `      ${tone(`[${MILESTONE_STATUS_LABEL[milestone.status].zh}]`)} ${name} · ${periodLabel(milestone)} · ` +
          `截止 ${milestone.due} · ${milestone.cell} · ${tone(daysText(milestone))}` +
          (milestone.text ? p.dim(` · ${safe(clip(milestone.text, 24))}`) : ""),
      );
    }
  }
}

/** Exact 万元 through the core (`55,358.28 万元`): no rounding to two decimals hides a 0.001 mismatch. */
function wan(value: number): string {
  return `${formatWanNumber(value)} 万元`;
}

function totalsLines(out: string[], table: TableResult, p: Paint): void {
  const { totals, warnings } = table;
  if (!totals) {
    out.push(`  ${p.bold("投资")}：本表没有投资列（不统计）`);
    return;
  }
  const share = totals.annualShareOfTotal === null ? "—" : SHARE.format(totals.annualShareOfTotal);
  out.push(
    `  ${p.bold("投资")}：年度 ${wan(totals.annual)} · 总 ${wan(totals.total)} · 年度占总投资 ${share}` +
      `（有金额 ${totals.withInvestment} 项，无金额 ${totals.withoutInvestment} 项）`,
  );
  if (totals.incomplete) {
    out.push(
      `    ${p.red("合计不完整")}：有投资单元格是没有保存计算结果的公式（见提示），以上合计未计入它们；` +
        "请先在 Excel 或 WPS 中打开并保存该工作簿，再检查",
    );
  }
  const row = totals.sheetTotalRow;
  if (row) {
    const uncached = new Set(warnings.filter((w) => w.code === "formula.noCachedValue").map((w) => w.cell));
    const verdict = (
      label: string,
      column: string | undefined,
      value: number | null,
      computed: number,
      matches: boolean | null,
    ) =>
      matches === null
        ? uncached.has(`${column}${row.row}`)
          ? `${label}未计算`
          : `${label}未填`
        : matches
          ? `${label}一致`
          : p.red(`${label}不一致（表中 ${value === null ? "—" : wan(value)}，计算 ${wan(computed)}）`);
    out.push(
      `    合计行（第 ${row.row} 行）：` +
        [
          verdict("总投资", table.columns.totalInvestment, row.total, totals.total, row.totalMatches),
          verdict("年度投资", table.columns.annualInvestment, row.annual, totals.annual, row.annualMatches),
        ].join("，"),
    );
  }
  for (const w of warnings) {
    if (w.code.startsWith("money."))
      out.push(`    ${p.yellow(w.severity === "info" ? "注意" : "异常")} ${safe(w.message)}`);
  }
}

const LISTED_STATES: ProgressState[] = ["notReported", "notStarted", "behind"];

function progressTone(state: ProgressState, p: Paint): (text: string) => string {
  if (state === "behind") return p.red;
  if (state === "notReported" || state === "notStarted") return p.yellow;
  return state === "done" ? p.green : (text) => text;
}

/** `实施“四帮四扶”工程 · 丁劲松 · 社会事务办 · 信息员 高平林 · 6 月进展未填写 · M6`. */
function progressLine(project: Project): string {
  const progress = project.progress;
  const people = [
    project.leaders.join("、") || "（未填写责任领导）",
    project.department ?? "（未填写责任科室）",
    project.person ? `信息员 ${project.person}` : "（未填写信息员）",
  ];
  const where = progress?.cell ?? project.cells.name ?? `第 ${project.row} 行`;
  const name = project.name ?? `第 ${project.row} 行项目`;
  return safe([name, ...people, progress?.reason ?? "", where].join(" · "));
}

/** 月度进展 (PROGRESS.md): 序时进度, counts by state, then who has not reported, not started or is behind. */
function progressLines(out: string[], table: TableResult, asOf: string, p: Paint): void {
  const progress = table.progress;
  if (!progress) return;
  const month = monthLabel(progress.expectedPeriod, table.year).zh;
  const day = format(parseISO(asOf), "M 月 d 日");
  const counts = PROGRESS_STATES.map((s) =>
    progressTone(s, p)(`${PROGRESS_STATE_LABEL[s].zh} ${progress.counts[s]}`),
  );
  out.push(
    `  ${p.bold("月度进展")}：应报送 ${month}进展（每月 ${progress.reportDay} 日前报送）· ` +
      `序时进度 ${progress.expectedPercent}%（截至 ${day}）`,
    `    ${counts.join(" · ")}`,
  );
  for (const state of LISTED_STATES) {
    const projects = table.projects.filter((pr) => pr.progress?.state === state);
    if (projects.length === 0) continue;
    out.push(`  ${progressTone(state, p)(`${PROGRESS_STATE_LABEL[state].zh}（${projects.length}）`)}`);
    for (const project of projects) out.push(`    ${progressLine(project)}`);
  }
}

function refName(ref: ProjectRef): string {
  return ref.name === null ? `第 ${ref.row} 行项目` : safe(ref.name);
}

/** 与上次检查相比 (PROGRESS.md §7). */
function sinceLines(out: string[], changes: Changes, p: Paint): void {
  out.push(`  ${p.bold(`与上次检查（${changes.since}）相比`)}`);
  if (!hasChanges(changes)) {
    out.push("    没有变化");
    return;
  }
  for (const m of changes.newlyOverdue)
    out.push(`    ${p.red("[新逾期]")} ${refName(m)} · ${m.period} · 截止 ${m.due} · ${m.cell}`);
  for (const r of changes.newlyDone) out.push(`    ${p.green("[新完成]")} ${refName(r)} · 第 ${r.row} 行`);
  for (const c of changes.progressChanged) {
    const from = c.from ? PROGRESS_STATE_LABEL[c.from].zh : "无进展列";
    const to = c.to ? PROGRESS_STATE_LABEL[c.to].zh : "无进展列";
    out.push(`    [进展] ${refName(c)}：${from} → ${c.to ? progressTone(c.to, p)(to) : to}`);
  }
  for (const r of changes.added) out.push(`    [新增] ${refName(r)} · 第 ${r.row} 行`);
  for (const r of changes.removed) out.push(`    [移除] ${refName(r)}（上次在第 ${r.row} 行）`);
}

function tableLines(out: string[], table: TableResult, asOf: string, dueSoonDays: number, p: Paint): void {
  out.push(
    `  工作表“${safe(table.sheet)}” · 表头第 ${table.headerRows.join("、")} 行 · ${table.year} 年` +
      (table.title ? ` · ${safe(table.title)}` : ""),
    `  ${table.projects.length} 个项目（检查日期 ${asOf}，${dueSoonDays} 天内到期算临期）：${countsLine(table.counts, p)}`,
  );
  const byLeader = groupAlerts([table], "leader");
  if (byLeader.length === 0) out.push(`  ${p.green("没有逾期或临期的节点")}`);
  groupLines(out, "按责任领导", byLeader, p);
  groupLines(out, "按责任科室", groupAlerts([table], "department"), p);

  const unscheduled = table.projects.filter((pr) => pr.status === "unscheduled");
  if (unscheduled.length > 0) {
    out.push(`  ${p.bold("未排期")}（进度安排中没有季度、月份或日期）`);
    for (const pr of unscheduled) {
      const where = pr.cells.schedule[0] ?? pr.cells.name ?? `第 ${pr.row} 行`;
      out.push(`    ${pr.name === null ? `第 ${pr.row} 行项目` : safe(pr.name)} · ${where}`);
    }
  }
  progressLines(out, table, asOf, p);
  totalsLines(out, table, p);
  const notes = table.warnings.filter((d) => !d.code.startsWith("money."));
  if (notes.length > 0) {
    out.push(`  ${p.bold("提示")}`);
    // Core messages already name their cell.
    for (const d of notes) out.push(`    ${safe(d.message)}`);
  }
}

/**
 * The readable report of one file. `since`: what changed since `--since`'s earlier check (its date when
 * that check has no entry for this file); undefined without `--since`.
 */
export function fileReport(
  outcome: FileOutcome,
  asOf: string,
  dueSoonDays: number,
  p: Paint,
  since?: Changes | { missing: string },
): string {
  const name = basename(outcome.file);
  const out = [p.bold(`■ ${safe(name)}`) + (name === outcome.file ? "" : p.dim(`  ${safe(outcome.file)}`))];
  tablesOf(outcome).forEach((table, i) => {
    if (i > 0) out.push("");
    tableLines(out, table, asOf, dueSoonDays, p);
  });
  if (since && "missing" in since)
    out.push(`  ${p.bold(`与上次检查（${since.missing}）相比`)}：上次检查中没有这个文件，无从比较`);
  else if (since) sinceLines(out, since, p);
  for (const w of fileWarnings(outcome)) out.push(`  ${p.yellow("提示")} ${safe(w.message)}`);
  return out.join("\n");
}

/** Totals across several files, printed after them. */
export function summaryLine(outcomes: FileOutcome[], p: Paint): string {
  const sum = sumCounts(outcomes.flatMap(tablesOf));
  const failed = outcomes.filter((o) => o.error).length;
  return (
    `共 ${outcomes.length} 个文件` +
    (failed > 0 ? `（${p.red(`${failed} 个无法读取`)}）` : "") +
    `：${countsLine(sum, p)}`
  );
}
