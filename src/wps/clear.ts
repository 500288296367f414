import type { Outcome } from "../core/port";
import { activeWorkbook, isProtected, sheetName, withoutRepaint, worksheets } from "./et";
import { failure, OK } from "../core/refusals";
import { NO_SHEET, type WpsContext } from "./context";
import { emptyRecord } from "../core/mark-record";
import { ourConditions, readRecord, removeMarks, writeRecord } from "./marks";

/**
 * 清除标记: deletes every conditional format of ours on every sheet of the active workbook (found by the
 * tag, not by the record) and the record with them. Users' own conditions, fills and values are never
 * touched. A protected sheet keeps its marks and its entry in the record, and the answer names it.
 */
export function clearMarks(ctx: WpsContext): Outcome {
  const book = activeWorkbook(ctx.app);
  if (!book) return NO_SHEET;
  const record = readRecord(book);
  const kept = emptyRecord();
  const blocked: string[] = [];
  withoutRepaint(ctx.app, () => {
    for (const sheet of worksheets(book)) {
      const name = sheetName(sheet);
      if (ourConditions(sheet).length === 0) continue;
      if (isProtected(sheet)) {
        blocked.push(name);
        const entry = record.sheets[name];
        if (entry) kept.sheets[name] = entry;
        continue;
      }
      removeMarks(sheet);
    }
    writeRecord(book, kept);
  });
  if (blocked.length === 0) return OK;
  const names = blocked.map((n) => `“${n}”`).join("、");
  return failure(
    `工作表${names}已保护，其上的标记未清除；其余标记已清除`,
    `Marks on protected sheet(s) ${blocked.join(", ")} were not removed; all others were`,
  );
}
