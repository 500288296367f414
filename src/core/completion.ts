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
const QUARTER_DONE = new Set(["√", "✓", "✔", "是", "已完成", "完成", "done", "yes", "y", "true"]);
const QUARTER_NOT_DONE = new Set(["×", "✗", "✘", "否", "未完成", "滞后", "no", "n", "false"]);
const ALL_QUARTERS: Quarter[] = [1, 2, 3, 4];

function compact(value: CellValue): string {
  return value === null ? "" : String(value).replace(/\s+/gu, "");
}

function saysDone(text: string): boolean {
  return DONE_WORD.test(text) && !NOT_DONE_WORD.test(text);
}

/**
 * A progress column (`完成情况`): `已完成` → all; `第一季度已完成`, `一、二季度任务已完成` → those quarters;
 * `已完成至第二季度` → quarters 1–2; `未完成`, `滞后`, `正在推进` → nothing more. Quarter wording is read by the
 * schedule parser, so progress text and plans understand quarters the same way.
 */
export function readProgressText(text: string, into: Completion): void {
  const normalised = compact(text);
  if (!normalised) return;
  const parse = parseScheduleText(normalised, { defaultYear: 2000 });
  const quarterClauses = parse.milestones.filter((m) => m.quarters !== null);
  if (quarterClauses.length === 0) {
    if (saysDone(normalised)) into.allDone = true;
    return;
  }
  quarterClauses.forEach((clause, i) => {
    const quarters = clause.quarters as Quarter[];
    // `已完成至第二季度`: the done word sits before the marker and `至` reaches back to the first quarter.
    const lead = i === 0 ? parse.preamble : "";
    if (lead.endsWith("至") && saysDone(lead)) {
      const last = quarters[quarters.length - 1] as Quarter;
      for (const q of ALL_QUARTERS) if (q <= last) into.doneQuarters.add(q);
    } else if (saysDone(clause.text)) {
      for (const q of quarters) into.doneQuarters.add(q);
    }
  });
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

export function readCompletion(
  progress: CompletionCell[],
  quarterCells: Partial<Record<Quarter, CompletionCell[]>>,
): { completion: Completion; diagnostics: Diagnostic[] } {
  const completion: Completion = { allDone: false, doneQuarters: new Set() };
  const diagnostics: Diagnostic[] = [];
  for (const cell of progress) readProgressText(String(cell.value ?? ""), completion);
  for (const q of ALL_QUARTERS) {
    for (const cell of quarterCells[q] ?? []) {
      const mark = readQuarterCell(cell.value);
      if (mark === "done") completion.doneQuarters.add(q);
      if (mark === "unreadable") {
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
