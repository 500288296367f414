import type { CellValue, Diagnostic, Quarter } from "./types";
import { parseScheduleText } from "./schedule";

/** What the sheet records as done for one project (SEMANTICS.md §4). Completion is read, never guessed. */
export interface Completion {
  /** A progress cell says the whole project is done. */
  allDone: boolean;
  doneQuarters: Set<Quarter>;
}

export interface CompletionCell {
  address: string;
  value: CellValue;
}

const DONE_WORD = /已(?:全部)?(?:完成|竣工|完工|验收|办结)|全部完成/u;
const NOT_DONE_WORD = /未完成|滞后|正在推进|未开工|未启动/u;
/** Words around a done statement that add nothing (`项目已全部完成`, `任务已完成`, `均已完成。`). */
const FILLER = /项目|工程|任务|工作|目标|全部|均|都|的|[,，.。;；:：、!！]/gu;
const DONE_STATEMENT = /^(?:已经?)?(?:完成|竣工|完工|验收|办结|完成验收|竣工验收)$/u;
const QUARTER_DONE = new Set(["√", "✓", "✔", "是", "已完成", "完成", "done", "yes", "y", "true"]);
const QUARTER_NOT_DONE = new Set(["×", "✗", "✘", "否", "未完成", "滞后", "no", "n", "false"]);
const ALL_QUARTERS: Quarter[] = [1, 2, 3, 4];

function compact(value: CellValue): string {
  return value === null ? "" : String(value).replace(/\s+/gu, "");
}

/**
 * Whether a text *is* a done statement (`已完成`, `项目已全部完成`, `任务已完成`, `完成`), not merely one that
 * contains a done word: `已完成招投标，正在施工` says the tender is done, not the project.
 */
function isDoneStatement(text: string): boolean {
  return DONE_STATEMENT.test(text.replace(FILLER, ""));
}

function isFiller(text: string): boolean {
  return text.replace(FILLER, "") === "";
}

/** What one progress cell says: done quarters, all done, or a done word that could not be placed. */
export interface ProgressReading {
  allDone: boolean;
  quarters: Quarter[];
  /** The text has a done word but says no clear "done" (`已完成招投标，正在施工`): reported, never guessed. */
  ambiguous: boolean;
}

/**
 * A progress column (`完成情况`): `已完成` → all; `第一季度已完成`, `一季度完成`, `一、二季度任务已完成`,
 * `已完成第一季度任务` → those quarters; `已完成至第二季度` → quarters 1–2; `未完成`, `滞后`, `正在推进` → nothing.
 * Quarter wording is read by the schedule parser, so progress text and plans understand quarters alike.
 */
/** Every done statement and done word holds one of these: a text without them says nothing is done. */
const DONE_STEM = /完成|竣工|完工|验收|办结/u;

export function readProgressText(text: string): ProgressReading {
  const normalised = compact(text);
  const reading: ProgressReading = { allDone: false, quarters: [], ambiguous: false };
  // Most progress reports (`正在推进`) hold no done word: skip the schedule parser for them.
  if (!normalised || !DONE_STEM.test(normalised)) return reading;
  const parse = parseScheduleText(normalised, { defaultYear: 2000 });
  const quarterClauses = parse.milestones.filter((m) => m.quarters !== null);
  const done = new Set<Quarter>();
  if (quarterClauses.length === 0) {
    reading.allDone = isDoneStatement(normalised);
  } else {
    quarterClauses.forEach((clause, i) => {
      const quarters = clause.quarters as Quarter[];
      const lead = i === 0 ? parse.preamble : "";
      if (lead.endsWith("至") && isDoneStatement(lead.slice(0, -1))) {
        // `已完成至第二季度`: `至` reaches back to the first quarter.
        const last = quarters[quarters.length - 1] as Quarter;
        for (const q of ALL_QUARTERS) if (q <= last) done.add(q);
      } else if (isDoneStatement(clause.text) || (isFiller(clause.text) && isDoneStatement(lead))) {
        for (const q of quarters) done.add(q);
      }
    });
  }
  reading.quarters = [...done].sort();
  reading.ambiguous =
    !reading.allDone && done.size === 0 && DONE_WORD.test(normalised) && !NOT_DONE_WORD.test(normalised);
  return reading;
}

export type QuarterMark = "done" | "notDone" | "empty" | "unreadable";

/** One cell of a per-quarter completion column (`√`, `是`, `已完成` / `×`, `否`, `未完成`). */
export function readQuarterCell(value: CellValue): QuarterMark {
  if (value === true) return "done";
  if (value === false) return "notDone";
  const text = compact(value).toLowerCase();
  if (!text) return "empty";
  if (QUARTER_DONE.has(text)) return "done";
  if (QUARTER_NOT_DONE.has(text)) return "notDone";
  return "unreadable";
}

function ambiguous(cell: CompletionCell): Diagnostic {
  return {
    cell: cell.address,
    code: "completion.ambiguous",
    message: `单元格 ${cell.address} 的完成情况“${String(cell.value)}”未说明哪个季度或整个项目已完成，未计为完成；可写“已完成”“第一季度已完成”或使用季度完成情况列`,
    messageEn: `Cell ${cell.address}: the progress "${String(cell.value)}" does not say which quarter or whether the project is done; not counted as done`,
    severity: "info",
  };
}

/** Longer than a drop-down word (`已完成`, `未完成`), or about finishing something: a report, read as one. */
const REPORT_LENGTH = 4;

function isReport(value: CellValue): boolean {
  const text = compact(value);
  return text.length > REPORT_LENGTH || DONE_STEM.test(text);
}

/**
 * What the sheet records as done. `progress` is the current report's cells: it decides whether the whole
 * project is done, gives done quarters and has its unclear done words reported. `earlier` are the cells of
 * earlier reports (older progress columns, PROGRESS.md §3): a quarter they call done stays done.
 */
export function readCompletion(
  progress: CompletionCell[],
  quarterCells: Partial<Record<Quarter, CompletionCell[]>>,
  earlier: CompletionCell[] = [],
): { completion: Completion; diagnostics: Diagnostic[] } {
  const completion: Completion = { allDone: false, doneQuarters: new Set() };
  const diagnostics: Diagnostic[] = [];
  for (const cell of earlier) {
    for (const q of readProgressText(String(cell.value ?? "")).quarters) completion.doneQuarters.add(q);
  }
  for (const cell of progress) {
    const reading = readProgressText(String(cell.value ?? ""));
    if (reading.allDone) completion.allDone = true;
    for (const q of reading.quarters) completion.doneQuarters.add(q);
    if (reading.ambiguous) diagnostics.push(ambiguous(cell));
  }
  for (const q of ALL_QUARTERS) {
    for (const cell of quarterCells[q] ?? []) {
      const mark = readQuarterCell(cell.value);
      if (mark === "done") completion.doneQuarters.add(q);
      if (mark === "unreadable" && isReport(cell.value)) {
        // A quarter's 落实情况 written as a report: a done statement closes the quarter, nothing else does.
        const reading = readProgressText(String(cell.value));
        if (reading.allDone) completion.doneQuarters.add(q);
        for (const done of reading.quarters) completion.doneQuarters.add(done);
        if (reading.ambiguous) diagnostics.push(ambiguous(cell));
      } else if (mark === "unreadable") {
        diagnostics.push({
          cell: cell.address,
          code: "completion.unreadable",
          message: `单元格 ${cell.address} 的完成情况“${String(cell.value)}”无法识别，应填写“已完成”或“未完成”`,
          messageEn: `Cell ${cell.address}: completion "${String(cell.value)}" is not understood; use 已完成 or 未完成`,
          severity: "warning",
        });
      }
    }
  }
  return { completion, diagnostics };
}
