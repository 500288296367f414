import { parseStore, type SnapshotStore } from "../core/since";
import type { Queued } from "../office/read";

/**
 * The check's snapshots (PROGRESS.md §7, `src/core/since`) kept in the workbook's add-in settings, never in
 * users' cells: loaded in the check's read sync, written in its write sync. Validated when read back
 * (zod): an unreadable value counts as no earlier check.
 */
export const SNAPSHOTS_KEY = "DutyCheck.snapshots";

export function queueSnapshotRead(context: Excel.RequestContext): Queued<SnapshotStore> {
  const item = context.workbook.settings.getItemOrNullObject(SNAPSHOTS_KEY);
  item.load("value");
  return () => parseStore(item.isNullObject ? undefined : item.value);
}

export function queueSnapshotWrite(context: Excel.RequestContext, store: SnapshotStore): void {
  context.workbook.settings.add(SNAPSHOTS_KEY, JSON.stringify(store));
}
