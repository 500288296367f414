import { createContext, useContext } from "react";
import { format } from "date-fns";
import type { QuickDateMode } from "../core/dates";
import { MARK_LABEL } from "../core/marks";
import { PROGRESS_STATE_LABEL } from "../core/progress/table";
import { PROJECT_STATUS_LABEL } from "../core/status";
import type { ProgressState, ProjectStatus, Role, StatusCounts } from "../core/types";

export type Lang = "zh" | "en";

/** The table's roles as a clerk names the columns (the details of the table read). */
type ColumnRole = Role | "quarter";

/** Every string the pane shows. Both dictionaries must fill every key, so neither language lags. */
export interface Messages {
  appTitle: string;
  asOfLabel: string;
  asOfPlaceholder: string;
  quickDates: string;
  quickDate: Record<QuickDateMode, string>;
  dueSoonLabel: string;
  formHint: (days: string) => string;
  dateRequired: string;
  dateInvalid: string;
  dueSoonInvalid: string;
  reportDayLabel: string;
  behindToleranceLabel: string;
  reportDayInvalid: string;
  behindToleranceInvalid: string;
  /** The monthly cycle's settings in words (under the fields, beside the due-soon hint). */
  progressHint: (reportDay: string, tolerance: string) => string;
  check: string;
  checking: string;
  checked: (projects: number, counts: StatusCounts) => string;
  firstRunHeading: string;
  firstRunSteps: [string, string, string];
  /** Overdue, due soon, done: each on its mark's colour. */
  firstRunColours: [string, string, string];
  trySample: string;
  tableLine: (sheet: string, year: number, projects: number) => string;
  tableNumber: (index: number, count: number) => string;
  details: string;
  detailTitle: string;
  detailRange: string;
  detailRangeText: (first: number, last: number, headerRows: number[]) => string;
  detailColumns: string;
  noTitle: string;
  column: Record<ColumnRole, string>;
  noTable: string;
  status: Record<ProjectStatus, string>;
  tilesLabel: string;
  /** After a tile's number, for screen readers: what the number counts. */
  tileUnit: (count: number) => string;
  tilesHint: string;
  projectsTotal: (projects: number) => string;
  listHeading: (filter: ProjectStatus | null) => string;
  showAttention: string;
  searchResults: string;
  search: string;
  searchPlaceholder: string;
  shown: (shown: number, query: string) => string;
  /** Under a long group: draw `next` more cards of the `rest` not drawn yet. */
  showMore: (next: number, rest: number) => string;
  groupBy: string;
  byLeader: string;
  byDepartment: string;
  noGrouping: string;
  sortBy: string;
  byDaysLate: string;
  byTable: string;
  groupCounts: (counts: StatusCounts) => string;
  noneToList: (filter: ProjectStatus | null) => string;
  noMatch: (query: string) => string;
  projectPeople: (leaders: string[], department: string | null) => string;
  allDone: (count: number) => string;
  noSchedule: string;
  nextMilestone: string;
  daysLate: (days: number) => string;
  daysLeft: (days: number) => string;
  dueToday: string;
  due: (date: string) => string;
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
  chartValues: (annual: string, total: string) => string;
  chartRow: (department: string, annual: string, total: string) => string;
  noDepartment: string;
  noLeader: string;
  anomaliesHeading: string;
  noAnomalies: string;
  warningsHeading: string;
  unscheduled: (name: string) => string;
  noWarnings: string;
  /** The monthly cycle (PROGRESS.md): the 月度进展 section, its tiles and lists. */
  progressHeading: string;
  /** 截至 6 月 26 日，时间进度 48.5% */
  progressSentence: (asOf: Date, expectedPercent: number) => string;
  /** Which month's report is due, and on which day of each month. */
  progressDue: (month: string, reportDay: number) => string;
  progressState: Record<ProgressState, string>;
  progressTilesLabel: string;
  progressTilesHint: string;
  progressListHeading: (state: ProgressState) => string;
  noneInProgressState: (state: ProgressState) => string;
  progressGroup: (state: ProgressState, count: number) => string;
  /** The 信息员 (the table's 责任人员 column) who sends the project's report. */
  informant: (name: string | null) => string;
  allReported: string;
  noneBehind: string;
  marksLegend: string;
  markLabel: { notReported: string; behind: string };
  sinceHeading: (date: string) => string;
  sinceNewlyOverdue: string;
  sinceNewlyDone: string;
  sinceProgressChanged: string;
  sinceAdded: string;
  sinceRemoved: string;
  sinceNothing: string;
  sinceList: (heading: string, count: number) => string;
  stateChange: (name: string, from: ProgressState | null, to: ProgressState | null) => string;
  addProgressColumn: string;
  addProgressColumnHint: string;
  progressColumnAdded: (header: string, cell: string) => string;
  actionsHeading: string;
  clearMarks: string;
  marksCleared: string;
  writeSummary: string;
  summaryWritten: (sheet: string) => string;
  open: string;
  overwriteTitle: string;
  overwriteBody: string;
  overwrite: string;
  cancel: string;
  overwriteCancelled: string;
  /** 生成通报, 复制逾期清单 and 督办提醒 (issue 9). */
  writeNotice: string;
  writeNoticeHint: string;
  noticeDownloaded: (file: string) => string;
  noticeAsSheet: (sheet: string) => string;
  noticeSheetExists: (sheet: string) => string;
  copyLateList: string;
  copyLateListHint: string;
  lateListCopied: (rows: number) => string;
  noLateList: string;
  lateListFallback: string;
  lateListFallbackBody: string;
  selectAgain: string;
  remindersHeading: string;
  remindTo: string;
  replyByLabel: string;
  replyByHint: (date: string) => string;
  replyByInvalid: string;
  remindersNone: string;
  /** Said in a pane whose language is not the reminders' (they are always Chinese); null in Chinese. */
  remindersLanguage: string | null;
  reminderCounts: (overdue: number, behind: number, notReported: number) => string;
  copy: string;
  copyNamed: (recipient: string) => string;
  copied: string;
  copySelected: string;
  addCompletion: string;
  completionAdded: string;
  insertStatusColumn: string;
  insertStatusColumnHint: string;
  statusColumnAdded: (asOf: string) => string;
  needCheckFirst: string;
  needValidDate: string;
  working: string;
  errorTitle: string;
  unexpected: (detail: string) => string;
  goToCell: (cell: string) => string;
  backToSheet: (sheet: string) => string;
  goToSheetCell: (sheet: string, cell: string) => string;
  dismiss: string;
  unnamedProject: string;
  expand: string;
}

const zh: Messages = {
  appTitle: "实事督办",
  asOfLabel: "检查日期",
  asOfPlaceholder: "年-月-日",
  quickDates: "快捷日期",
  quickDate: { today: "今天", lastMonthEnd: "上月末", monthEnd: "本月末", quarterEnd: "本季度末" },
  dueSoonLabel: "临期天数",
  formHint: (days) => `过了期限算逾期，${days || "…"} 天内到期算临期`,
  dateRequired: "请选择检查日期",
  dateInvalid: "请按“年-月-日”填写日期，如 2023-06-20",
  dueSoonInvalid: "请填写 0–366 的整数天数",
  reportDayLabel: "报送日",
  behindToleranceLabel: "滞后容差",
  reportDayInvalid: "请填写 1–28 的整数（每月几号前报送）",
  behindToleranceInvalid: "请填写 0–100 的百分点数",
  progressHint: (day, tolerance) =>
    `每月 ${day || "…"} 日前报送进展，低于序时进度 ${tolerance || "…"} 个百分点以上算滞后`,
  check: "检查进度",
  checking: "正在检查…",
  checked: (projects, c) =>
    `检查完成：${projects} 个项目，逾期 ${c.overdue}，临期 ${c.dueSoon}，正常 ${c.onTrack}，已完成 ${c.done}，未排期 ${c.unscheduled}`,
  firstRunHeading: "使用说明",
  firstRunSteps: [
    "打开责任分解表所在的工作表。不需要模板，表头在第几行都可以。",
    "选好检查日期，点“检查进度”。表中的节点按状态标色：",
    "点项目下的节点可跳到它的单元格；上方按钮可生成通报表、添加完成情况列。",
  ],
  firstRunColours: ["逾期标红", "临期标黄", "已完成标绿"],
  trySample: "先用样例表试一试",
  tableLine: (sheet, year, projects) => `${sheet} · ${year} 年 · ${projects} 个项目`,
  tableNumber: (index, count) => `第 ${index} 张表（共 ${count} 张）`,
  details: "详情",
  detailTitle: "标题",
  detailRange: "读取范围",
  detailRangeText: (first, last, headerRows) =>
    `第 ${first}–${last} 行，表头在第 ${headerRows.join("、")} 行`,
  detailColumns: "识别的列",
  noTitle: "（无标题）",
  column: {
    index: "序号",
    name: "项目名称",
    content: "主要内容",
    schedule: "进度安排",
    period: "建设年限",
    totalInvestment: "总投资",
    annualInvestment: "年度投资",
    leader: "责任领导",
    department: "责任科室",
    person: "责任人员",
    coDepartment: "配合单位",
    progress: "完成情况",
    quarter: "季度完成情况",
  },
  noTable: "当前工作表中没有找到责任分解表。",
  status: {
    overdue: PROJECT_STATUS_LABEL.overdue.zh,
    dueSoon: PROJECT_STATUS_LABEL.dueSoon.zh,
    onTrack: PROJECT_STATUS_LABEL.onTrack.zh,
    done: PROJECT_STATUS_LABEL.done.zh,
    unscheduled: PROJECT_STATUS_LABEL.unscheduled.zh,
  },
  tilesLabel: "按状态筛选项目",
  tileUnit: () => " 个项目",
  tilesHint: "点方块只看该状态的项目",
  projectsTotal: (projects) => `共 ${projects} 个项目`,
  listHeading: (filter) => (filter ? `${zh.status[filter]}的项目` : "逾期与临期的项目"),
  showAttention: "改回看逾期与临期",
  searchResults: "查找结果（全部状态）",
  search: "查找项目",
  searchPlaceholder: "项目名称、领导或科室",
  shown: (shown, query) => (query ? `“${query}”：找到 ${shown} 个项目` : `${shown} 个项目`),
  showMore: (next, rest) => `再显示 ${next} 个（还有 ${rest} 个）`,
  groupBy: "分组",
  byLeader: "按责任领导",
  byDepartment: "按责任科室",
  noGrouping: "不分组",
  sortBy: "排序",
  byDaysLate: "按逾期天数",
  byTable: "按表中顺序",
  groupCounts: (c) => {
    const total = c.overdue + c.dueSoon + c.onTrack + c.done + c.unscheduled;
    const parts = (["overdue", "dueSoon", "onTrack", "done", "unscheduled"] as const)
      .filter((s) => c[s] > 0)
      .map((s) => `${zh.status[s]} ${c[s]}`);
    return `${total} 个项目（${parts.join("，")}）`;
  },
  noneToList: (filter) => (filter ? `没有${zh.status[filter]}的项目。` : "没有逾期或临期的项目。"),
  noMatch: (query) => `没有与“${query}”相符的项目。`,
  projectPeople: (leaders, department) => [leaders.join("、"), department].filter(Boolean).join(" · "),
  allDone: (count) => `全部 ${count} 个节点已完成`,
  noSchedule: "进度安排中没有季度、月份或日期，无法排期",
  nextMilestone: "下一节点",
  daysLate: (days) => `已逾期 ${days} 天`,
  daysLeft: (days) => `还剩 ${days} 天`,
  dueToday: "今天到期",
  due: (date) => `截止 ${date}`,
  investmentHeading: "投资",
  annualSum: "年度投资合计",
  totalSum: "总投资合计",
  share: "年度投资占总投资",
  wan: (amount) => `${amount} 万元`,
  noInvestment: "本表没有投资列，投资合计不适用。",
  withWithout: (withAmount, without) => `${withAmount} 个项目填了金额，${without} 个未填`,
  chartHeading: "各科室投资",
  legendAnnual: "年度投资",
  legendTotal: "总投资",
  chartValues: (annual, total) => `年度 ${annual} 万元 / 总 ${total} 万元`,
  chartRow: (department, annual, total) => `${department}：年度投资 ${annual} 万元，总投资 ${total} 万元`,
  noDepartment: "（未填写科室）",
  noLeader: "（未填写领导）",
  anomaliesHeading: "金额异常",
  noAnomalies: "未发现金额异常。",
  warningsHeading: "需要注意",
  unscheduled: (name) => `${name}：进度安排中没有季度、月份或日期，无法判断进度（未排期）`,
  noWarnings: "没有需要注意的问题。",
  progressHeading: "月度进展",
  progressSentence: (asOf, percent) =>
    `截至 ${format(asOf, "M")} 月 ${format(asOf, "d")} 日，时间进度 ${percent}%`,
  progressDue: (month, day) => `应报送 ${month}进展（每月 ${day} 日前报送）`,
  progressState: {
    done: PROGRESS_STATE_LABEL.done.zh,
    notReported: PROGRESS_STATE_LABEL.notReported.zh,
    notStarted: PROGRESS_STATE_LABEL.notStarted.zh,
    behind: PROGRESS_STATE_LABEL.behind.zh,
    onSchedule: PROGRESS_STATE_LABEL.onSchedule.zh,
  },
  progressTilesLabel: "按月度进展筛选项目",
  progressTilesHint: "点方块只看该进展的项目",
  progressListHeading: (state) => `${zh.progressState[state]}的项目`,
  noneInProgressState: (state) => `没有${zh.progressState[state]}的项目。`,
  progressGroup: (state, count) => `${zh.progressState[state]}（${count}）`,
  informant: (name) => (name ? `信息员 ${name}` : "未填写信息员"),
  allReported: "各项目均已报送。",
  noneBehind: "没有滞后的项目。",
  marksLegend: "表中标记",
  markLabel: { notReported: MARK_LABEL.notReported.zh, behind: MARK_LABEL.behind.zh },
  sinceHeading: (date) => `与上次检查（${date}）相比`,
  sinceNewlyOverdue: "新逾期",
  sinceNewlyDone: "新完成",
  sinceProgressChanged: "进展变化",
  sinceAdded: "新增项目",
  sinceRemoved: "移除项目",
  sinceNothing: "与上次检查相比没有变化。",
  sinceList: (heading, count) => `${heading}（${count}）`,
  stateChange: (name, from, to) =>
    `${name}：${from ? zh.progressState[from] : "（无）"} → ${to ? zh.progressState[to] : "（无）"}`,
  addProgressColumn: "添加本月进展列",
  addProgressColumnHint: "在表格右侧添加下一个月的进展列（只写表头和格式，不动已填内容），下次检查即可读入",
  progressColumnAdded: (header, cell) =>
    `已在单元格 ${cell} 添加“${header}”列。信息员填写后，再检查一次即可读入。`,
  actionsHeading: "操作",
  clearMarks: "清除标记",
  marksCleared: "已清除全部标记，单元格内容和原有格式不变。",
  writeSummary: "生成通报表",
  summaryWritten: (sheet) => `已生成本月的进度通报工作表“${sheet}”，可直接打印。`,
  open: "打开",
  overwriteTitle: "替换本月通报表？",
  overwriteBody:
    "本月的进度通报工作表已经存在。替换后，其中原有内容将被本次检查结果替换；其他月份的通报表不受影响。",
  overwrite: "替换",
  cancel: "取消",
  overwriteCancelled: "已取消，原有通报表未改动。",
  writeNotice: "生成通报",
  writeNoticeHint: "生成本月进度通报的 Word 文档（A4、公文格式），下载后用 Word 或 WPS 文字打开修改",
  noticeDownloaded: (file) => `已生成《${file}》，请在下载内容中查看，用 Word 或 WPS 文字打开。`,
  noticeAsSheet: (sheet) =>
    `此处的 Excel 不能从加载项下载文件，已改为生成通报表“${sheet}”，可直接打印；逾期清单可用“复制逾期清单”贴到 Word 或 WPS 文字。`,
  noticeSheetExists: (sheet) =>
    `此处的 Excel 不能从加载项下载文件。本月通报表“${sheet}”已存在，可打开查看，或用“生成通报表”替换。`,
  copyLateList: "复制逾期清单",
  copyLateListHint: "复制逾期和滞后项目的表格，粘贴到 Word 或 WPS 文字仍是表格",
  lateListCopied: (rows) => `已复制逾期和滞后项目清单（${rows} 行），粘贴到 Word 或 WPS 文字即为表格。`,
  noLateList: "没有逾期或滞后的项目，无需复制。",
  lateListFallback: "逾期清单",
  lateListFallbackBody:
    "此处不允许加载项写入剪贴板。下表已选中，请按 Ctrl+C（Mac 上按 ⌘C）复制，再粘贴到 Word 或 WPS 文字。",
  selectAgain: "重新选中",
  remindersHeading: "督办提醒",
  remindTo: "发给",
  replyByLabel: "报送期限",
  replyByHint: (date) => `默认为下一个报送日 ${date}。`,
  replyByInvalid: "请填写检查日期之后的日期，例如 2023-06-30。",
  remindersNone: "没有逾期、滞后或未报送进展的项目，无需提醒。",
  remindersLanguage: null,
  reminderCounts: (overdue, behind, notReported) =>
    [
      overdue > 0 ? `逾期 ${overdue}` : "",
      behind > 0 ? `滞后 ${behind}` : "",
      notReported > 0 ? `未报送 ${notReported}` : "",
    ]
      .filter(Boolean)
      .join(" · "),
  copy: "复制",
  copyNamed: (recipient) => `复制给${recipient}的提醒`,
  copied: "已复制。",
  copySelected: "此处不允许写入剪贴板：提醒已选中，请按 Ctrl+C 复制。",
  addCompletion: "添加完成情况列",
  completionAdded: "已在表格右侧添加各季度完成情况列。在下拉中选“已完成”，再检查一次即可计入。",
  insertStatusColumn: "插入状态列",
  insertStatusColumnHint:
    "在表格右侧的空列加一列“进度状态”，按检查日期写出每个项目的状态，可筛选、排序和打印",
  statusColumnAdded: (asOf) => `已在表格右侧插入“进度状态”列，按 ${asOf} 判断，与本面板一致。`,
  needCheckFirst: "请先检查进度。",
  needValidDate: "请先填好检查日期和临期天数。",
  working: "正在处理…",
  errorTitle: "出错了",
  unexpected: (detail) => `意外错误：${detail}`,
  goToCell: (cell) => `定位到单元格 ${cell}`,
  backToSheet: (sheet) => `返回“${sheet}”`,
  goToSheetCell: (sheet, cell) => `转到“${sheet}”的 ${cell}`,
  dismiss: "关闭",
  unnamedProject: "（未命名项目）",
  expand: "展开或收起",
};

const en: Messages = {
  appTitle: "DutyCheck",
  asOfLabel: "Reference date",
  asOfPlaceholder: "yyyy-mm-dd",
  quickDates: "Quick dates",
  quickDate: {
    today: "Today",
    lastMonthEnd: "Last month end",
    monthEnd: "Month end",
    quarterEnd: "Quarter end",
  },
  dueSoonLabel: "Due-soon days",
  formHint: (days) => `Past due is overdue; due within ${days || "…"} days is due soon`,
  dateRequired: "Choose a reference date",
  dateInvalid: "Write the date as year-month-day, e.g. 2023-06-20",
  dueSoonInvalid: "Enter a whole number of days from 0 to 366",
  reportDayLabel: "Report day",
  behindToleranceLabel: "Behind tolerance",
  reportDayInvalid: "Enter a day of the month from 1 to 28",
  behindToleranceInvalid: "Enter percentage points from 0 to 100",
  progressHint: (day, tolerance) =>
    `Reports are due by day ${day || "…"} of each month; more than ${tolerance || "…"} points below the time elapsed is behind`,
  check: "Check progress",
  checking: "Checking…",
  checked: (projects, c) =>
    `Checked ${projects} projects: ${c.overdue} overdue, ${c.dueSoon} due soon, ${c.onTrack} on track, ${c.done} done, ${c.unscheduled} unscheduled`,
  firstRunHeading: "How to use",
  firstRunSteps: [
    "Open the sheet that holds the breakdown table. No template needed; the header may be on any row.",
    "Choose a reference date and click Check progress. Milestones are coloured by status:",
    "Click a milestone under a project to go to its cell; the buttons above write the progress notice or add completion columns.",
  ],
  firstRunColours: ["overdue: red", "due soon: yellow", "done: green"],
  trySample: "Try it on the sample table first",
  tableLine: (sheet, year, projects) =>
    `${sheet} · ${year} · ${projects} ${projects === 1 ? "project" : "projects"}`,
  tableNumber: (index, count) => `Table ${index} of ${count}`,
  details: "Details",
  detailTitle: "Title",
  detailRange: "Rows read",
  detailRangeText: (first, last, headerRows) =>
    `rows ${first}–${last}, header on row ${headerRows.join(", ")}`,
  detailColumns: "Columns found",
  noTitle: "(no title)",
  column: {
    index: "No.",
    name: "Project",
    content: "Content",
    schedule: "Schedule",
    period: "Period",
    totalInvestment: "Total investment",
    annualInvestment: "Annual investment",
    leader: "Leader",
    department: "Department",
    person: "Person in charge",
    coDepartment: "Co-department",
    progress: "Progress",
    quarter: "Quarter completion",
  },
  noTable: "No breakdown table was found on the active sheet.",
  status: {
    overdue: PROJECT_STATUS_LABEL.overdue.en,
    dueSoon: PROJECT_STATUS_LABEL.dueSoon.en,
    onTrack: PROJECT_STATUS_LABEL.onTrack.en,
    done: PROJECT_STATUS_LABEL.done.en,
    unscheduled: PROJECT_STATUS_LABEL.unscheduled.en,
  },
  tilesLabel: "Filter projects by status",
  tileUnit: (count) => (count === 1 ? " project" : " projects"),
  tilesHint: "Click a tile to show only those",
  projectsTotal: (projects) => `${projects} ${projects === 1 ? "project" : "projects"} in all`,
  listHeading: (filter) =>
    filter ? `Projects: ${en.status[filter].toLowerCase()}` : "Overdue and due-soon projects",
  showAttention: "Back to overdue and due soon",
  searchResults: "Search results (all statuses)",
  search: "Find a project",
  searchPlaceholder: "Project, leader or department",
  shown: (shown, query) =>
    query
      ? `"${query}": ${shown} ${shown === 1 ? "project" : "projects"}`
      : `${shown} ${shown === 1 ? "project" : "projects"}`,
  showMore: (next, rest) => `Show ${next} more (${rest} not shown)`,
  groupBy: "Group",
  byLeader: "By leader",
  byDepartment: "By department",
  noGrouping: "No grouping",
  sortBy: "Sort",
  byDaysLate: "By days late",
  byTable: "As in the table",
  groupCounts: (c) => {
    const total = c.overdue + c.dueSoon + c.onTrack + c.done + c.unscheduled;
    const parts = (["overdue", "dueSoon", "onTrack", "done", "unscheduled"] as const)
      .filter((s) => c[s] > 0)
      .map((s) => `${c[s]} ${en.status[s].toLowerCase()}`);
    return `${total} ${total === 1 ? "project" : "projects"} (${parts.join(", ")})`;
  },
  noneToList: (filter) =>
    filter ? `No project is ${en.status[filter].toLowerCase()}.` : "No project is overdue or due soon.",
  noMatch: (query) => `No project matches "${query}".`,
  projectPeople: (leaders, department) => [leaders.join(", "), department].filter(Boolean).join(" · "),
  allDone: (count) => `All ${count} ${count === 1 ? "milestone" : "milestones"} done`,
  noSchedule: "The schedule names no quarter, month or date",
  nextMilestone: "Next",
  daysLate: (days) => `${days} ${days === 1 ? "day" : "days"} late`,
  daysLeft: (days) => `${days} ${days === 1 ? "day" : "days"} left`,
  dueToday: "due today",
  due: (date) => `due ${date}`,
  investmentHeading: "Investment",
  annualSum: "Annual investment",
  totalSum: "Total investment",
  share: "Annual share of total",
  wan: (amount) => `${amount} ×10k CNY`,
  noInvestment: "This table has no investment columns: totals are not available.",
  withWithout: (withAmount, without) => `${withAmount} projects with an amount, ${without} without`,
  chartHeading: "Investment by department",
  legendAnnual: "Annual",
  legendTotal: "Total",
  chartValues: (annual, total) => `annual ${annual} / total ${total} ×10k CNY`,
  chartRow: (department, annual, total) => `${department}: annual ${annual}, total ${total} (×10k CNY)`,
  noDepartment: "(no department)",
  noLeader: "(no leader)",
  anomaliesHeading: "Amount anomalies",
  noAnomalies: "No amount anomalies found.",
  warningsHeading: "Needs attention",
  unscheduled: (name) => `${name}: the schedule names no quarter, month or date (unscheduled)`,
  noWarnings: "Nothing needs attention.",
  progressHeading: "Monthly progress",
  progressSentence: (asOf, percent) => `As of ${format(asOf, "MMMM d")}, ${percent}% of the year has passed`,
  progressDue: (month, day) => `Reports due for ${month} (by day ${day} of each month)`,
  progressState: {
    done: PROGRESS_STATE_LABEL.done.en,
    notReported: PROGRESS_STATE_LABEL.notReported.en,
    notStarted: PROGRESS_STATE_LABEL.notStarted.en,
    behind: PROGRESS_STATE_LABEL.behind.en,
    onSchedule: PROGRESS_STATE_LABEL.onSchedule.en,
  },
  progressTilesLabel: "Filter projects by monthly progress",
  progressTilesHint: "Click a tile to show only those",
  progressListHeading: (state) => `Projects: ${en.progressState[state].toLowerCase()}`,
  noneInProgressState: (state) => `No project is ${en.progressState[state].toLowerCase()}.`,
  progressGroup: (state, count) => `${en.progressState[state]} (${count})`,
  informant: (name) => (name ? `reporter ${name}` : "no reporter named"),
  allReported: "Every project has reported.",
  noneBehind: "No project is behind.",
  marksLegend: "Marks on the sheet",
  markLabel: { notReported: MARK_LABEL.notReported.en, behind: MARK_LABEL.behind.en },
  sinceHeading: (date) => `Since the last check (${date})`,
  sinceNewlyOverdue: "Newly overdue",
  sinceNewlyDone: "Newly done",
  sinceProgressChanged: "Progress changed",
  sinceAdded: "Projects added",
  sinceRemoved: "Projects removed",
  sinceNothing: "Nothing changed since the last check.",
  sinceList: (heading, count) => `${heading} (${count})`,
  stateChange: (name, from, to) =>
    `${name}: ${from ? en.progressState[from] : "(none)"} → ${to ? en.progressState[to] : "(none)"}`,
  addProgressColumn: "Add this month's progress column",
  addProgressColumnHint:
    "Adds next month's progress column beside the table (the header and formats only; no value is touched), read by the next check",
  progressColumnAdded: (header, cell) =>
    `The column ${header} was added at ${cell}. Once the reports are filled in, check again to read them.`,
  actionsHeading: "Actions",
  clearMarks: "Clear marks",
  marksCleared: "Every mark was removed; cell contents and formatting are as they were.",
  writeSummary: "Write progress notice sheet",
  summaryWritten: (sheet) => `This month's progress notice sheet ${sheet} has been written, ready to print.`,
  open: "Open",
  overwriteTitle: "Replace this month's notice sheet?",
  overwriteBody:
    "This month's progress notice sheet already exists. Replacing it puts this check's results in its place; other months' sheets are not touched.",
  overwrite: "Replace",
  cancel: "Cancel",
  overwriteCancelled: "Cancelled; the existing notice sheet was not changed.",
  writeNotice: "Write notice (.docx)",
  writeNoticeHint:
    "Creates this month's progress notice as a Word document (A4, official layout) to open and edit in Word or WPS Writer",
  noticeDownloaded: (file) =>
    `${file} was created: find it in your downloads and open it in Word or WPS Writer.`,
  noticeAsSheet: (sheet) =>
    `Excel here cannot save files from an add-in, so the notice sheet ${sheet} was written instead, ready to print; use Copy overdue list to paste the list into Word or WPS Writer.`,
  noticeSheetExists: (sheet) =>
    `Excel here cannot save files from an add-in. This month's notice sheet ${sheet} already exists: open it, or replace it with Write progress notice sheet.`,
  copyLateList: "Copy overdue list",
  copyLateListHint:
    "Copies the overdue and behind projects as a table that stays a table in Word or WPS Writer",
  lateListCopied: (rows) =>
    `The overdue and behind list (${rows} rows) was copied; paste it into Word or WPS Writer as a table.`,
  noLateList: "No project is overdue or behind: nothing to copy.",
  lateListFallback: "Overdue list",
  lateListFallbackBody:
    "The add-in may not write to the clipboard here. The table below is selected: press Ctrl+C (⌘C on a Mac) and paste it into Word or WPS Writer.",
  selectAgain: "Select again",
  remindersHeading: "Reminders",
  remindTo: "Send to",
  replyByLabel: "Reply by",
  replyByHint: (date) => `By default the next report day, ${date}.`,
  replyByInvalid: "Enter a date after the reference date, e.g. 2023-06-30.",
  remindersNone: "No project is overdue, behind or unreported: no reminders needed.",
  remindersLanguage: "The reminders are written in Chinese, as they are sent.",
  reminderCounts: (overdue, behind, notReported) =>
    [
      overdue > 0 ? `${overdue} overdue` : "",
      behind > 0 ? `${behind} behind` : "",
      notReported > 0 ? `${notReported} unreported` : "",
    ]
      .filter(Boolean)
      .join(" · "),
  copy: "Copy",
  copyNamed: (recipient) => `Copy the reminder to ${recipient}`,
  copied: "Copied.",
  copySelected: "The clipboard is not available here: the reminder is selected, press Ctrl+C to copy it.",
  addCompletion: "Add completion columns",
  completionAdded:
    "Per-quarter completion columns were added beside the table. Choose done in their drop-downs and check again.",
  insertStatusColumn: "Insert status column",
  insertStatusColumnHint:
    "Adds a 进度状态 (status) column in the empty column beside the table, on the reference date, ready to filter, sort and print",
  statusColumnAdded: (asOf) =>
    `A 进度状态 (status) column was added beside the table, judged on ${asOf} like this pane.`,
  needCheckFirst: "Check progress first.",
  needValidDate: "Fill in a valid reference date and due-soon days first.",
  working: "Working…",
  errorTitle: "Something went wrong",
  unexpected: (detail) => `Unexpected error: ${detail}`,
  goToCell: (cell) => `Go to cell ${cell}`,
  backToSheet: (sheet) => `Back to ${sheet}`,
  goToSheetCell: (sheet, cell) => `Go to ${cell} on ${sheet}`,
  dismiss: "Dismiss",
  unnamedProject: "(unnamed project)",
  expand: "Expand or collapse",
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
