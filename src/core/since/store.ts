import { z } from "zod";
import { SnapshotSchema, type Snapshot } from "./snapshot";

/**
 * The snapshots the add-in keeps in a workbook, per sheet: the latest check and the one it was compared
 * with. A second check on the same day still compares with the last check of an earlier day, so checking
 * twice does not wipe out what changed since last month.
 */

export const SNAPSHOT_STORE_VERSION = 1;

const EntrySchema = z.object({ latest: SnapshotSchema, previous: SnapshotSchema.nullable() });
export const SnapshotStoreSchema = z.object({
  version: z.literal(SNAPSHOT_STORE_VERSION),
  sheets: z.record(z.string(), EntrySchema),
});
export type SnapshotStore = z.infer<typeof SnapshotStoreSchema>;

export function emptyStore(): SnapshotStore {
  return { version: SNAPSHOT_STORE_VERSION, sheets: {} };
}

/** A stored value (the settings hold JSON text) read back; anything unreadable is an empty store. */
export function parseStore(value: unknown): SnapshotStore {
  let data: unknown = value;
  if (typeof value === "string") {
    try {
      data = JSON.parse(value);
    } catch {
      return emptyStore();
    }
  }
  const parsed = SnapshotStoreSchema.safeParse(data);
  return parsed.success ? parsed.data : emptyStore();
}

/**
 * Records a check of `sheet`: returns the snapshot to compare it with (the latest stored one of an
 * earlier day, or null) and the store to write back.
 */
export function recordCheck(
  store: SnapshotStore,
  sheet: string,
  snapshot: Snapshot,
): { base: Snapshot | null; store: SnapshotStore } {
  const entry = store.sheets[sheet];
  const earlier = [entry?.latest, entry?.previous].filter(
    (s): s is Snapshot => s !== undefined && s !== null && s.asOf < snapshot.asOf,
  );
  const base = earlier.sort((a, b) => (a.asOf < b.asOf ? 1 : -1))[0] ?? null;
  return {
    base,
    store: {
      version: SNAPSHOT_STORE_VERSION,
      sheets: { ...store.sheets, [sheet]: { latest: snapshot, previous: base } },
    },
  };
}
