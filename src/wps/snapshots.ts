import { parseStore, type SnapshotStore } from "../core/since";
import { readTextPieces, writeTextPieces } from "./et";

/**
 * The check's snapshots (PROGRESS.md §7, `src/core/since`) kept in the workbook as custom document
 * properties (`DutyCheck.snapshots.0`, `.1`, …, as the marks' record is), never in users' cells; saved with
 * the workbook, validated when read back: an unreadable value counts as no earlier check.
 */
export const SNAPSHOTS_PREFIX = "DutyCheck.snapshots.";

export function readSnapshots(book: Et.Workbook): SnapshotStore {
  return parseStore(readTextPieces(book, SNAPSHOTS_PREFIX) ?? undefined);
}

export function writeSnapshots(book: Et.Workbook, store: SnapshotStore): void {
  writeTextPieces(book, SNAPSHOTS_PREFIX, JSON.stringify(store));
}
