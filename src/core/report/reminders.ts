import { getYear, parseISO } from "date-fns";
import { MISSING_KEY, type GroupBy } from "../alerts";
import { periodLabel } from "../labels";
import type { Project, TableResult } from "../types";
import { chineseDateIn, chineseMonthIn, clip, quoted } from "./format";
import { compareGroups, groupKeys, lateRow, type ReportOptions } from "./model";
import { nextReportDay, reportDayOf } from "./reply";

/** 督办提醒: one short text for one department (or leader) with something overdue, behind or unreported. */
export interface Reminder {
  /** The department or leader; `MISSING_KEY` for projects whose cell is empty. */
  recipient: string;
  by: GroupBy;
  text: string;
  /** Projects with an overdue milestone, behind (monthly cycle), without the expected report. */
  overdue: number;
  behind: number;
  notReported: number;
}

/** How much of a milestone's text a reminder quotes. */
const QUOTE_CHARS = 20;

interface Item {
  text: string;
  daysLate: number;
  order: number;
  overdue: boolean;
  behind: boolean;
  notReported: boolean;
}

/**
 * `“拓展婴幼儿照护服务普惠项目”第一季度节点（广泛宣传……）已逾期81天`, `“X”进展滞后（…）`,
 * `“X”5月进展未报送`, joined for one project when several hold.
 */
function projectItem(table: TableResult, project: Project, year: number, order: number): Item | null {
  const late = lateRow(table, project, year);
  const unreported = table.progress !== null && project.progress?.state === "notReported";
  if (!late && !unreported) return null;
  const parts: string[] = [];
  if (late?.kind === "overdue" && late.milestone) {
    const quote = late.milestone.text ? `（${clip(late.milestone.text, QUOTE_CHARS)}）` : "";
    const more = late.moreOverdue > 0 ? `，另有${late.moreOverdue}个节点逾期` : "";
    parts.push(`${periodLabel(late.milestone)}节点${quote}已逾期${late.daysLate}天${more}`);
  } else if (late?.kind === "behind") {
    parts.push(`进展滞后（${late.reason}）`);
  }
  if (unreported && table.progress) {
    parts.push(`${chineseMonthIn(table.progress.expectedPeriod, year)}进展未报送`);
  }
  return {
    text: `${quoted(late?.project ?? project.name ?? `第${project.row}行项目`)}${parts.join("，")}`,
    daysLate: late?.daysLate ?? -1,
    order,
    overdue: late?.kind === "overdue",
    behind: late?.kind === "behind",
    notReported: unreported,
  };
}

function sentence(recipient: string, by: GroupBy, items: string, reply: string): string {
  if (recipient === MISSING_KEY) {
    const word = by === "department" ? "责任科室" : "责任领导";
    return `未填写${word}的项目：${items}，请补填${word}，并于${reply}前书面报送进展及原因。`;
  }
  return by === "department"
    ? `${recipient}：你单位牵头的${items}，请于${reply}前书面报送进展及原因。`
    : `${recipient}同志：你分管的${items}，请督促责任科室于${reply}前书面报送进展及原因。`;
}

/**
 * 督办提醒 for the tables checked on `options.asOf`, one per 责任科室 (or 责任领导) that has a project
 * overdue, behind or without its report; none for those with nothing late. The reply date is
 * `options.replyBy`, by default the next report day. Most days late first, as in the 通报.
 */
export function buildReminders(tables: readonly TableResult[], options: ReportOptions): Reminder[] {
  const by = options.groupBy;
  const year = getYear(parseISO(options.asOf));
  const replyBy = options.replyBy ?? nextReportDay(options.asOf, reportDayOf(tables));
  const reply = chineseDateIn(replyBy, year);
  const byKey = new Map<string, Item[]>();
  let order = 0;
  for (const table of tables) {
    for (const project of table.projects) {
      order += 1;
      const item = projectItem(table, project, year, order);
      if (!item) continue;
      for (const key of groupKeys(project, by)) byKey.set(key, [...(byKey.get(key) ?? []), item]);
    }
  }
  return [...byKey]
    .map(([key, items]) => ({
      key,
      rows: items.sort((a, b) => b.daysLate - a.daysLate || a.order - b.order),
      worst: items.reduce((worst, i) => Math.max(worst, i.daysLate), -Infinity),
    }))
    .sort(compareGroups)
    .map(({ key: recipient, rows: items }) => ({
      recipient,
      by,
      text: sentence(recipient, by, items.map((i) => i.text).join("；"), reply),
      overdue: items.filter((i) => i.overdue).length,
      behind: items.filter((i) => i.behind).length,
      notReported: items.filter((i) => i.notReported).length,
    }));
}
