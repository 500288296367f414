import { checkSheet } from "../core/check";
import { planMarks } from "../core/marks";
import { resolveOptions } from "../core/options";
import { withRememberedOptions } from "../core/pane-settings";
import type { CheckedSheet, CheckRequest, Outcome } from "../core/port";
import { diffSnapshots, recordCheck, snapshotOf } from "../core/since";
import { failure, PROTECTED } from "../core/refusals";
import { activeSheetOf, describeError, type WpsContext } from "./context";
import { isProtected, withoutRepaint } from "./et";
import { readRecord, removeMarks, writeMarks, writeRecord } from "./marks";
import { readGrid } from "./read";
import { rememberedSettings } from "./settings";
import { readSnapshots, writeSnapshots } from "./snapshots";

/**
 * 检查进度 on the active sheet: one read of the used range (read.ts), the core's check, then the marks:
 * our old conditions deleted, the new ones added, the record updated; and, when a table was found, the
 * check's snapshot kept beside the earlier ones, so the answer says what changed since an earlier day. A protected sheet is refused before
 * anything is read. When a write fails half-way (ET has no transaction), every condition of ours on the
 * sheet is removed again, so the sheet is left unmarked rather than half-marked.
 */
export function checkActiveSheet(ctx: WpsContext, request: CheckRequest): Outcome<CheckedSheet> {
  const resolve = (r: CheckRequest) =>
    resolveOptions(
      {
        asOf: r.asOf,
        dueSoonDays: r.dueSoonDays,
        reportDay: r.reportDay,
        behindTolerance: r.behindTolerance,
      },
      ctx.today(),
    );
  const given = resolve(request);
  if (!given.ok) return failure(given.message, `Invalid options: ${given.message}`);
  const active = activeSheetOf(ctx);
  if ("ok" in active) return active;
  const { sheet, book } = active;
  // What the request leaves out (the ribbon sends only today's date) comes from the pane's remembered settings.
  const resolved = resolve(withRememberedOptions(request, rememberedSettings(book)));
  if (!resolved.ok) return failure(resolved.message, `Invalid options: ${resolved.message}`);
  if (isProtected(sheet)) return PROTECTED;
  const grid = readGrid(sheet);
  const result = checkSheet(grid, resolved.options);
  const marks = result.tables.length > 0 ? planMarks(result) : [];
  const snapshot = result.tables.length > 0 ? snapshotOf(result) : null;
  let since: CheckedSheet["since"];
  try {
    withoutRepaint(ctx.app, () => {
      // A check that finds no table removes the marks of an earlier one: they would describe a table
      // that is gone.
      removeMarks(sheet);
      const record = readRecord(book);
      const sheets = { ...record.sheets };
      if (marks.length > 0) sheets[grid.sheet] = { asOf: result.asOf, ranges: writeMarks(sheet, marks) };
      else delete sheets[grid.sheet];
      writeRecord(book, { version: 1, sheets });
      if (snapshot) {
        const { base, store } = recordCheck(readSnapshots(book), grid.sheet, snapshot);
        writeSnapshots(book, store);
        if (base) since = diffSnapshots(base, snapshot);
      }
    });
  } catch (error) {
    try {
      removeMarks(sheet);
    } catch {
      // The original error is the one to report; the clean-up is best effort.
    }
    return describeError(error);
  }
  if (result.tables.length === 0) {
    const warning = result.warnings[0];
    return warning
      ? failure(warning.message, warning.messageEn)
      : failure("未找到责任分解表", "No breakdown table found");
  }
  return { ok: true, value: since ? { ...result, since } : result };
}
