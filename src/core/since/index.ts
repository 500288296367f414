export {
  diffSnapshots,
  hasChanges,
  type Changes,
  type OverdueChange,
  type ProgressChange,
  type ProjectRef,
} from "./diff";
export {
  packProject,
  parseSnapshot,
  snapshotOf,
  tableSnapshot,
  SnapshotSchema,
  SNAPSHOT_VERSION,
  type ProjectFacts,
  type Snapshot,
  type TableSnapshot,
} from "./snapshot";
export { emptyStore, parseStore, recordCheck, type SnapshotStore } from "./store";
