import { createContext, useContext } from "react";
import type { ProjectStatus } from "../core/types";

export type Lang = "zh" | "en";

/** Every string the pane shows. Both dictionaries must fill every key, so neither language lags. */
export interface Messages {
  appTitle: string;
  asOfLabel: string;
  asOfHint: string;
  dueSoonLabel: string;
  dueSoonHint: string;
  check: string;
  checking: string;
  idleHint: string;
  tableRead: string;
  sheet: string;
  title: string;
  headerLabel: string;
  headerRows: (rows: number[]) => string;
  year: string;
  noTitle: string;
  noTable: string;
  tableHeading: (index: number, count: number) => string;
  status: Record<ProjectStatus, string>;
  summaryHeading: string;
  summaryTotal: (projects: number) => string;
  alertsHeading: string;
  groupBy: string;
  byLeader: string;
  byDepartment: string;
  noAlerts: string;
  groupCounts: (overdue: number, dueSoon: number) => string;
  due: (date: string) => string;
  daysLate: (days: number) => string;
  daysLeft: (days: number) => string;
  dueToday: string;
  investmentHeading: string;
  annualSum: string;
  totalSum: string;
  share: string;
  wan: (amount: string) => string;
  noInvestment: string;
  withWithout: (withAmount: number, without: number) => string;
  chartHeading: string;
  legendAnnual: string;
  legendTotal: string;
  chartRow: (department: string, annual: string, total: string) => string;
  noDepartment: string;
  noLeader: string;
  anomaliesHeading: string;
  noAnomalies: string;
  warningsHeading: string;
  unscheduled: (name: string) => string;
  noWarnings: string;
  actionsHeading: string;
  clearMarks: string;
  marksCleared: string;
  writeSummary: string;
  summaryWritten: string;
  overwriteTitle: string;
  overwriteBody: string;
  overwrite: string;
  cancel: string;
  addCompletion: string;
  completionAdded: string;
  insertStatusColumn: string;
  insertStatusColumnHint: string;
  statusColumnAdded: string;
  needCheckFirst: string;
  errorTitle: string;
  unexpected: (detail: string) => string;
  invalidDate: (detail: string) => string;
  invalidDueSoon: (detail: string) => string;
  goToCell: (cell: string) => string;
  dismiss: string;
  unnamedProject: string;
}

const zh: Messages = {
  appTitle: "实事督办",
  asOfLabel: "检查日期",
  asOfHint: "按此日期判断逾期与临期，默认今天",
  dueSoonLabel: "临期天数",
  dueSoonHint: "在此天数内到期的节点算临期，默认 15 天",
  check: "检查进度",
  checking: "正在检查…",
  idleHint: "打开责任分解表所在的工作表，选好检查日期，然后点击“检查进度”。",
  tableRead: "读取的表",
  sheet: "工作表",
  title: "标题",
  headerLabel: "表头",
  headerRows: (rows) => `第 ${rows.join("、")} 行`,
  year: "年度",
  noTitle: "（无标题）",
  noTable: "当前工作表中没有找到责任分解表。",
  tableHeading: (index, count) => `第 ${index} 张表（共 ${count} 张）`,
  status: { overdue: "逾期", dueSoon: "临期", onTrack: "正常", done: "已完成", unscheduled: "未排期" },
  summaryHeading: "项目状态",
  summaryTotal: (projects) => `共 ${projects} 个项目`,
  alertsHeading: "逾期与临期节点",
  groupBy: "分组方式",
  byLeader: "按责任领导",
  byDepartment: "按责任科室",
  noAlerts: "没有逾期或临期的节点。",
  groupCounts: (overdue, dueSoon) => `逾期 ${overdue}，临期 ${dueSoon}`,
  due: (date) => `截止 ${date}`,
  daysLate: (days) => `已逾期 ${days} 天`,
  daysLeft: (days) => `还剩 ${days} 天`,
  dueToday: "今天到期",
  investmentHeading: "投资",
  annualSum: "年度投资合计",
  totalSum: "总投资合计",
  share: "年度投资占总投资",
  wan: (amount) => `${amount} 万元`,
  noInvestment: "本表没有投资列，投资合计不适用。",
  withWithout: (withAmount, without) => `${withAmount} 个项目填了金额，${without} 个未填`,
  chartHeading: "各科室投资（万元）",
  legendAnnual: "年度投资",
  legendTotal: "总投资",
  chartRow: (department, annual, total) => `${department}：年度投资 ${annual} 万元，总投资 ${total} 万元`,
  noDepartment: "（未填写科室）",
  noLeader: "（未填写领导）",
  anomaliesHeading: "金额异常",
  noAnomalies: "未发现金额异常。",
  warningsHeading: "需要注意",
  unscheduled: (name) => `${name}：进度安排中没有季度、月份或日期，无法判断进度（未排期）`,
  noWarnings: "没有需要注意的问题。",
  actionsHeading: "操作",
  clearMarks: "清除标记",
  marksCleared: "已清除本加载项所做的全部标记。",
  writeSummary: "生成通报表",
  summaryWritten: "已生成本月的进度通报工作表，可直接打印。",
  overwriteTitle: "替换本月通报表？",
  overwriteBody:
    "本月的进度通报工作表已经存在。替换后，其中原有内容将被本次检查结果替换；其他月份的通报表不受影响。",
  overwrite: "替换",
  cancel: "取消",
  addCompletion: "添加完成情况列",
  completionAdded: "已在表格右侧添加各季度完成情况列；填写后再检查一次即可计入。",
  insertStatusColumn: "插入状态列",
  insertStatusColumnHint: "在表格右侧的空列加入“进度状态”，每个项目一个 =DUTY.STATUS 公式",
  statusColumnAdded: "已在表格右侧插入“进度状态”列（=DUTY.STATUS 公式），可直接筛选、排序和打印。",
  needCheckFirst: "请先检查进度。",
  errorTitle: "出错了",
  unexpected: (detail) => `意外错误：${detail}`,
  invalidDate: (detail) => `检查日期无效：${detail}`,
  invalidDueSoon: (detail) => `临期天数无效：${detail}`,
  goToCell: (cell) => `定位到单元格 ${cell}`,
  dismiss: "关闭",
  unnamedProject: "（未命名项目）",
};

const en: Messages = {
  appTitle: "DutyCheck",
  asOfLabel: "Reference date",
  asOfHint: "Overdue and due soon are judged on this date (default: today)",
  dueSoonLabel: "Due-soon days",
  dueSoonHint: "Milestones due within this many days are due soon (default 15)",
  check: "Check progress",
  checking: "Checking…",
  idleHint: "Open the sheet with the breakdown table, choose a reference date, then click Check progress.",
  tableRead: "Table read",
  sheet: "Sheet",
  title: "Title",
  headerLabel: "Header",
  headerRows: (rows) => `${rows.length > 1 ? "rows" : "row"} ${rows.join(", ")}`,
  year: "Year",
  noTitle: "(no title)",
  noTable: "No breakdown table was found on the active sheet.",
  tableHeading: (index, count) => `Table ${index} of ${count}`,
  status: {
    overdue: "Overdue",
    dueSoon: "Due soon",
    onTrack: "On track",
    done: "Done",
    unscheduled: "Unscheduled",
  },
  summaryHeading: "Projects by status",
  summaryTotal: (projects) => `${projects} ${projects === 1 ? "project" : "projects"}`,
  alertsHeading: "Overdue and due-soon milestones",
  groupBy: "Group by",
  byLeader: "By leader",
  byDepartment: "By department",
  noAlerts: "Nothing is overdue or due soon.",
  groupCounts: (overdue, dueSoon) => `${overdue} overdue, ${dueSoon} due soon`,
  due: (date) => `due ${date}`,
  daysLate: (days) => `${days} ${days === 1 ? "day" : "days"} late`,
  daysLeft: (days) => `${days} ${days === 1 ? "day" : "days"} left`,
  dueToday: "due today",
  investmentHeading: "Investment",
  annualSum: "Annual investment",
  totalSum: "Total investment",
  share: "Annual share of total",
  wan: (amount) => `${amount} ×10k CNY`,
  noInvestment: "This table has no investment columns: totals are not available.",
  withWithout: (withAmount, without) => `${withAmount} projects with an amount, ${without} without`,
  chartHeading: "Investment by department (×10k CNY)",
  legendAnnual: "Annual",
  legendTotal: "Total",
  chartRow: (department, annual, total) => `${department}: annual ${annual}, total ${total} (×10k CNY)`,
  noDepartment: "(no department)",
  noLeader: "(no leader)",
  anomaliesHeading: "Amount anomalies",
  noAnomalies: "No amount anomalies found.",
  warningsHeading: "Needs attention",
  unscheduled: (name) => `${name}: the schedule names no quarter, month or date (unscheduled)`,
  noWarnings: "Nothing needs attention.",
  actionsHeading: "Actions",
  clearMarks: "Clear marks",
  marksCleared: "Every mark the add-in made has been removed.",
  writeSummary: "Write progress notice sheet",
  summaryWritten: "This month's progress notice sheet has been written, ready to print.",
  overwriteTitle: "Replace this month's notice sheet?",
  overwriteBody:
    "This month's progress notice sheet already exists. Replacing it puts this check's results in its place; other months' sheets are not touched.",
  overwrite: "Replace",
  cancel: "Cancel",
  addCompletion: "Add completion columns",
  completionAdded:
    "Per-quarter completion columns were added beside the table; fill them in and check again.",
  insertStatusColumn: "Insert status column",
  insertStatusColumnHint:
    "Adds a 进度状态 column of =DUTY.STATUS formulas in the empty column beside the table",
  statusColumnAdded:
    "A 进度状态 column of =DUTY.STATUS formulas was added beside the table, ready to filter, sort and print.",
  needCheckFirst: "Check progress first.",
  errorTitle: "Something went wrong",
  unexpected: (detail) => `Unexpected error: ${detail}`,
  invalidDate: (detail) => `Invalid reference date: ${detail}`,
  invalidDueSoon: (detail) => `Invalid due-soon days: ${detail}`,
  goToCell: (cell) => `Go to cell ${cell}`,
  dismiss: "Dismiss",
  unnamedProject: "(unnamed project)",
};

export const MESSAGES: Record<Lang, Messages> = { zh, en };

/** English when Office's display language is English (`en-US`, `en-GB`…), Chinese otherwise. */
export function languageFor(displayLanguage: string | null | undefined): Lang {
  return displayLanguage && displayLanguage.toLowerCase().startsWith("en") ? "en" : "zh";
}

export interface I18n {
  lang: Lang;
  t: Messages;
}

export const I18nContext = createContext<I18n>({ lang: "zh", t: zh });

export function useI18n(): I18n {
  return useContext(I18nContext);
}
