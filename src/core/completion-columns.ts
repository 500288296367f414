import type { Outcome } from "./port";
import type { Quarter, SheetResult, TableResult } from "./types";

/**
 * 添加完成情况列: where the missing per-quarter completion columns go, for every table of a checked sheet.
 * Pure: the Excel port and the preview write the same plans (and refuse the same occupied cells).
 */

/** Headers the table finder recognises as per-quarter completion columns (SEMANTICS.md §1). */
export const QUARTER_HEADER: Record<Quarter, string> = {
  1: "第一季度完成情况",
  2: "第二季度完成情况",
  3: "第三季度完成情况",
  4: "第四季度完成情况",
};
export const COMPLETION_CHOICES = ["已完成", "未完成"] as const;

export interface CompletionPlan {
  sheet: string;
  quarters: Quarter[];
  /** 0-based absolute row of the header cells (the first header row). */
  headerRow: number;
  /** 0-based absolute last row of the table: the new columns must be empty from `headerRow` to here. */
  lastRow: number;
  /**
   * Runs of 0-based absolute project rows that get the drop-down. Repeated header rows (page breaks),
   * section rows and total rows between them get none: a 已完成 there would mean nothing.
   */
  dataRuns: Array<{ firstRow: number; rowCount: number }>;
  /** 0-based absolute first column of the new columns (right next to the table). */
  firstCol: number;
}

/** Sorted 1-based sheet rows → runs of consecutive 0-based rows. */
function runsOf(rows: number[]): CompletionPlan["dataRuns"] {
  const runs: CompletionPlan["dataRuns"] = [];
  for (const row of rows) {
    const last = runs[runs.length - 1];
    if (last && last.firstRow + last.rowCount === row - 1) last.rowCount += 1;
    else runs.push({ firstRow: row - 1, rowCount: 1 });
  }
  return runs;
}

/** The table's missing quarter columns, right of it with the header in its first header row; null when none. */
function planTable(table: TableResult): CompletionPlan | null {
  const quarters = ([1, 2, 3, 4] as Quarter[]).filter((q) => table.quarterColumns[q] === undefined);
  if (quarters.length === 0) return null;
  const headerRows = table.headerRows.length > 0 ? table.headerRows : [table.firstRow];
  const projectRows = [...new Set(table.projects.flatMap((p) => p.rows))].sort((a, b) => a - b);
  return {
    sheet: table.sheet,
    quarters,
    headerRow: (headerRows[0] as number) - 1,
    lastRow: table.lastRow - 1,
    dataRuns: runsOf(projectRows),
    firstCol: table.lastCol + 1,
  };
}

/**
 * The columns to add beside every table that lacks some (tables with all four are left alone), or why
 * there is nothing to add.
 */
export function planCompletionColumns(result: SheetResult): Outcome<CompletionPlan[]> {
  if (result.tables.length === 0) {
    return {
      ok: false,
      message: "当前工作表中未找到责任分解表，未添加完成情况列",
      messageEn: "No breakdown table on this sheet; no completion columns were added",
    };
  }
  const plans = result.tables.flatMap((table) => planTable(table) ?? []);
  if (plans.length === 0) {
    return {
      ok: false,
      message: "表格已有四个季度的完成情况列",
      messageEn: "The table already has all four quarter columns",
    };
  }
  return { ok: true, value: plans };
}
