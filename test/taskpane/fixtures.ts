import type { PaneSettings } from "../../src/core/pane-settings";
import type {
  AddedProgressColumn,
  CheckRequest,
  CheckedSheet,
  Outcome,
  ReportSheetRequest,
  WorkbookPort,
} from "../../src/core/port";
import type { Milestone, Project, SheetResult, TableResult } from "../../src/core/types";

export function milestone(overrides: Partial<Milestone>): Milestone {
  return {
    quarters: [1],
    months: null,
    due: "2023-03-31",
    before: false,
    text: "发动宣传",
    marker: "第一季度",
    start: 0,
    status: "upcoming",
    cell: "D5",
    daysLate: -10,
    ...overrides,
  };
}

export function project(overrides: Partial<Project>): Project {
  return {
    row: 5,
    rows: [5],
    index: "1",
    name: "项目",
    leaders: [],
    department: null,
    person: null,
    coDepartments: [],
    category: null,
    period: "2023",
    content: null,
    scheduleText: null,
    year: 2023,
    status: "onTrack",
    milestones: [],
    investment: {
      total: null,
      annual: null,
      totalQualifier: null,
      annualQualifier: null,
      totalCell: null,
      annualCell: null,
    },
    doneQuarters: [],
    progress: null,
    cells: { index: "A5", name: "B5", schedule: ["D5"] },
    ...overrides,
  };
}

/** A small table in the shape of the xintang sample: two leaders, one unscheduled project, money anomalies. */
export function sampleTable(): TableResult {
  const projects: Project[] = [
    project({
      row: 5,
      index: "1",
      name: "开展职工医疗互助",
      leaders: ["张绍萍"],
      department: "街道总工会",
      status: "overdue",
      cells: { index: "A5", name: "B5", schedule: ["D5"] },
      milestones: [
        milestone({
          cell: "D5",
          status: "overdue",
          daysLate: 81,
          due: "2023-03-31",
          text: "完成预算编制及复核",
        }),
        milestone({
          cell: "D5",
          quarters: [2],
          marker: "第二季度",
          due: "2023-06-30",
          start: 12,
          status: "dueSoon",
          daysLate: -10,
          text: "启动施工",
        }),
        milestone({
          cell: "D5",
          quarters: [3],
          due: "2023-09-30",
          start: 20,
          daysLate: -102,
          text: "完工验收",
        }),
      ],
      investment: {
        total: 32.28,
        annual: 32.28,
        totalQualifier: null,
        annualQualifier: null,
        totalCell: "F5",
        annualCell: "G5",
      },
    }),
    project({
      row: 6,
      index: "2",
      name: "实施送温暖工程",
      leaders: ["张绍萍", "丁劲松"],
      department: "街道总工会",
      status: "dueSoon",
      cells: { index: "A6", name: "B6", schedule: ["D6"] },
      milestones: [
        milestone({ cell: "D6", quarters: [1, 2], due: "2023-06-30", status: "dueSoon", daysLate: -10 }),
      ],
      investment: {
        total: 8,
        annual: 10,
        totalQualifier: null,
        annualQualifier: null,
        totalCell: "F6",
        annualCell: "G6",
      },
    }),
    project({
      row: 7,
      index: "3",
      name: "实施四帮四扶工程",
      leaders: ["丁劲松"],
      department: "社会事务办",
      status: "unscheduled",
      cells: { index: "A7", name: "B7", schedule: ["D7"] },
      investment: {
        total: 100,
        annual: 100,
        totalQualifier: "拟定",
        annualQualifier: null,
        totalCell: "F7",
        annualCell: "G7",
      },
    }),
    project({
      row: 8,
      index: "4",
      name: "紫帽山植树绿化",
      leaders: [],
      department: null,
      status: "overdue",
      cells: { index: "A8", name: "B8", schedule: ["D8"] },
      milestones: [
        milestone({
          cell: "D8",
          quarters: null,
          months: [4, 5],
          marker: "4月至5月",
          due: "2023-05-31",
          status: "overdue",
          daysLate: 20,
        }),
      ],
    }),
  ];
  return {
    sheet: "责任分解表",
    headerRows: [4],
    columns: { index: "A", name: "B", schedule: "D", totalInvestment: "F", annualInvestment: "G" },
    quarterColumns: {},
    schedulePeriods: [],
    title: "新塘街道 2023 年度为民办实事项目责任分解表",
    year: 2023,
    projects,
    counts: { overdue: 2, dueSoon: 1, onTrack: 0, done: 0, unscheduled: 1 },
    progress: null,
    totals: {
      projects: 4,
      withInvestment: 3,
      withoutInvestment: 1,
      total: 140.28,
      annual: 142.28,
      annualShareOfTotal: 1.014,
      sheetTotalRow: null,
      incomplete: false,
    },
    warnings: [
      {
        cell: "G6",
        code: "money.annualAboveTotal",
        message: "G6 年度投资 10 万元高于总投资 8 万元",
        messageEn: "G6: annual investment 10 exceeds the total 8",
        severity: "warning",
      },
      {
        cell: "F7",
        code: "money.writtenAsText",
        message: "单元格 F7 的总投资写作文字“拟定100”，已按 100 万元计入",
        messageEn: 'Cell F7: the total investment is written as text "拟定100"; counted as 100 (10k yuan)',
        severity: "info",
      },
      {
        cell: "D7",
        code: "schedule.unscheduled",
        message: "D7 进度安排中没有季度、月份或日期",
        messageEn: "D7: the schedule names no quarter, month or date",
        severity: "warning",
      },
      {
        cell: "D9",
        code: "schedule.impossibleDate",
        message: "D9 “2月30日”不是有效日期",
        messageEn: "D9: 2月30日 is not a valid date",
        severity: "warning",
      },
    ],
    firstRow: 4,
    lastRow: 8,
    firstCol: 0,
    lastCol: 9,
  };
}

export function sampleResult(tables: TableResult[] = [sampleTable()]): SheetResult {
  return { sheet: "责任分解表", asOf: "2023-06-20", dueSoonDays: 15, tables, warnings: [] };
}

type SummaryOutcome = Outcome<string> | { ok: false; exists: true };

const OK: Outcome = { ok: true, value: undefined };

/** A port that records what the pane asked and answers what the test tells it to. */
export class RecordingPort implements WorkbookPort {
  checks: CheckRequest[] = [];
  selected: Array<[string, string]> = [];
  summaries: boolean[] = [];
  completions: SheetResult[] = [];
  clears = 0;
  statusColumns: CheckRequest[] = [];
  savedSettings: PaneSettings[] = [];
  settings: PaneSettings = {};
  statusColumnAnswer: () => Promise<Outcome> = async () => OK;
  checkAnswer: () => Promise<Outcome<CheckedSheet>> = async () => ({ ok: true, value: sampleResult() });
  reportRequests: ReportSheetRequest[] = [];
  summaryAnswer: (overwrite: boolean) => Promise<SummaryOutcome> = async () => ({
    ok: true,
    value: "进度通报2023-06",
  });
  completionAnswer: (result: SheetResult) => Promise<Outcome> = async () => OK;
  clearAnswer: () => Promise<Outcome> = async () => OK;
  selectAnswer: () => Promise<Outcome> = async () => OK;

  checkActiveSheet(request: CheckRequest): Promise<Outcome<CheckedSheet>> {
    this.checks.push(request);
    return this.checkAnswer();
  }
  clearMarks(): Promise<Outcome> {
    this.clears += 1;
    return this.clearAnswer();
  }
  selectCell(sheet: string, address: string): Promise<Outcome> {
    this.selected.push([sheet, address]);
    return this.selectAnswer();
  }
  writeReportSheet(
    _result: SheetResult,
    request: ReportSheetRequest,
    overwrite: boolean,
  ): Promise<SummaryOutcome> {
    this.summaries.push(overwrite);
    this.reportRequests.push(request);
    return this.summaryAnswer(overwrite);
  }
  addCompletionColumns(result: SheetResult): Promise<Outcome> {
    this.completions.push(result);
    return this.completionAnswer(result);
  }
  insertStatusColumn(request: CheckRequest): Promise<Outcome> {
    this.statusColumns.push(request);
    return this.statusColumnAnswer();
  }
  async readSettings(): Promise<Outcome<PaneSettings>> {
    return { ok: true, value: this.settings };
  }
  async writeSettings(settings: PaneSettings): Promise<Outcome> {
    this.savedSettings.push(settings);
    return OK;
  }
  progressColumns: Array<[TableResult, string]> = [];
  progressColumnAnswer: (table: TableResult) => Promise<Outcome<AddedProgressColumn>> = async (table) => ({
    ok: true,
    value: { sheet: table.sheet, cell: "K3", header: "7月进展情况", period: "2023-07" },
  });
  addProgressColumn(table: TableResult, asOf: string): Promise<Outcome<AddedProgressColumn>> {
    this.progressColumns.push([table, asOf]);
    return this.progressColumnAnswer(table);
  }
}
