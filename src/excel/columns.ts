import { cellAddress } from "../core/address";
import type { Outcome } from "../core/port";
import type { Quarter, TableResult } from "../core/types";

/** Headers the table finder recognises as per-quarter completion columns (SEMANTICS.md §1). */
export const QUARTER_HEADER: Record<Quarter, string> = {
  1: "第一季度完成情况",
  2: "第二季度完成情况",
  3: "第三季度完成情况",
  4: "第四季度完成情况",
};
export const COMPLETION_CHOICES = ["已完成", "未完成"] as const;

export interface CompletionPlan {
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

/**
 * Where the missing quarter columns go: right of the table, header in its first header row; or why there
 * is nothing to add. Shared by the Excel port and the preview so that both answer alike.
 */
export function planCompletionColumns(table: TableResult): Outcome<CompletionPlan> {
  const quarters = ([1, 2, 3, 4] as Quarter[]).filter((q) => table.quarterColumns[q] === undefined);
  if (quarters.length === 0) {
    return {
      ok: false,
      message: "表格已有四个季度的完成情况列",
      messageEn: "The table already has all four quarter columns",
    };
  }
  const headerRows = table.headerRows.length > 0 ? table.headerRows : [table.firstRow];
  const projectRows = [...new Set(table.projects.flatMap((p) => p.rows))].sort((a, b) => a - b);
  return {
    ok: true,
    value: {
      quarters,
      headerRow: (headerRows[0] as number) - 1,
      lastRow: table.lastRow - 1,
      dataRuns: runsOf(projectRows),
      firstCol: table.lastCol + 1,
    },
  };
}

/**
 * The first occupied cell of a block read back from Excel, as an A1 address. A cell counts as occupied
 * when its value or its formula is non-empty: a formula that shows "" has an empty value but is still the
 * user's, and writing over it would erase it.
 */
export function firstOccupied(
  values: unknown[][],
  formulas: unknown[][],
  row0: number,
  col0: number,
): string | null {
  const filled = (v: unknown) => v !== "" && v !== null && v !== undefined;
  for (let r = 0; r < values.length; r++) {
    const row = values[r] as unknown[];
    for (let c = 0; c < row.length; c++) {
      if (filled(row[c]) || filled(formulas[r]?.[c])) return cellAddress(row0 + r, col0 + c);
    }
  }
  return null;
}

/** Queues the header texts and the 已完成/未完成 drop-down on the project rows (one range per run). */
export function queueCompletionWrite(sheet: Excel.Worksheet, plan: CompletionPlan): void {
  const n = plan.quarters.length;
  sheet.getRangeByIndexes(plan.headerRow, plan.firstCol, 1, n).values = [
    plan.quarters.map((q) => QUARTER_HEADER[q]),
  ];
  for (const run of plan.dataRuns) {
    const data = sheet.getRangeByIndexes(run.firstRow, plan.firstCol, run.rowCount, n);
    data.dataValidation.rule = { list: { inCellDropDown: true, source: COMPLETION_CHOICES.join(",") } };
  }
}
