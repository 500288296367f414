import type { Outcome } from "./port";

/**
 * The port's failures and the refusals every face gives in the same words: the Excel, WPS and preview ports
 * each check the cells beside a table in their own API, and all say the same thing when they refuse.
 */
export type Failure = Extract<Outcome<never>, { ok: false }>;

export function failure(message: string, messageEn: string, cell?: string, sheet?: string): Failure {
  if (cell === undefined) return { ok: false, message, messageEn };
  return sheet === undefined
    ? { ok: false, message, messageEn, cell }
    : { ok: false, message, messageEn, cell, sheet };
}

export const OK: Outcome = { ok: true, value: undefined };

export const PROTECTED = failure("工作表已保护，未作任何修改", "The sheet is protected; nothing was changed");

/** The columns the add-in adds beside a table. */
export type AddedColumns = "status" | "completion" | "progress";

const OCCUPIED: Record<AddedColumns, { zh: string; en: string }> = {
  status: { zh: "进度状态列只插入到表格右侧的空列", en: "the status column goes only into an empty column" },
  completion: {
    zh: "完成情况列只加在表格右侧的空白列中",
    en: "completion columns go only into empty columns",
  },
  progress: {
    zh: "进展列只加在表格右侧的空白列中",
    en: "the progress column goes only into an empty column",
  },
};

/** A cell where an added column would go holds a value or a formula. */
export function occupiedRefusal(columns: AddedColumns, cell: string, sheet?: string): Failure {
  const what = OCCUPIED[columns];
  return failure(
    `单元格 ${cell} 不为空：${what.zh}，未作任何修改`,
    `Cell ${cell} is not empty: ${what.en} right of the table; nothing was changed`,
    cell,
    sheet,
  );
}

/** Merged cells lie where an added column would go (`cell`: the first one, when the host says). */
export function mergedRefusal(cell: string | undefined, sheet?: string): Failure {
  return failure(
    `表格右侧有合并单元格${cell ? `（${cell}）` : ""}，未作任何修改`,
    `There are merged cells right of the table${cell ? ` (${cell})` : ""}; nothing was changed`,
    cell,
    sheet,
  );
}

/** Cells where added columns would go already carry data validation (ours would replace it). */
export function validationRefusal(cell: string, sheet?: string): Failure {
  return failure(
    `表格右侧的单元格（自 ${cell} 起）已有数据验证，未作任何修改`,
    `Cells right of the table (from ${cell}) already have data validation; nothing was changed`,
    cell,
    sheet,
  );
}
