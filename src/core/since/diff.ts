import type { ProgressState } from "../types";
import { unpackProject, type ProjectFacts, type Snapshot, type TableSnapshot } from "./snapshot";

/**
 * What changed between two checks of the same table (PROGRESS.md §7). Pure: two snapshots in, the lists
 * a clerk reads out: milestones newly overdue, projects newly done, progress states that changed, projects
 * added and removed. Projects are matched by 序号 + 项目名称, and by name alone when the 序号 changed.
 */

export interface ProjectRef {
  sheet: string;
  index: string | null;
  name: string | null;
  /** 1-based sheet row (in the later check; in the earlier one for a removed project). */
  row: number;
}

export interface OverdueChange extends ProjectRef {
  /** `第二季度`, `6月`: the milestone's period as staff write it. */
  period: string;
  due: string;
  cell: string;
}

export interface ProgressChange extends ProjectRef {
  from: ProgressState | null;
  to: ProgressState | null;
}

export interface Changes {
  /** The earlier check's reference date. */
  since: string;
  newlyOverdue: OverdueChange[];
  newlyDone: ProjectRef[];
  progressChanged: ProgressChange[];
  added: ProjectRef[];
  removed: ProjectRef[];
}

function ref(sheet: string, p: ProjectFacts): ProjectRef {
  return { sheet, index: p.index, name: p.name, row: p.row };
}

function isDone(p: ProjectFacts): boolean {
  return p.status === "done" || p.progress === "done";
}

/** Earlier projects by a key, in order; each is taken at most once. */
class Pool {
  private readonly byKey = new Map<string, ProjectFacts[]>();

  constructor(
    projects: ProjectFacts[],
    private readonly key: (p: ProjectFacts) => string | null,
    private readonly taken: Set<ProjectFacts>,
  ) {
    for (const p of projects) {
      const k = key(p);
      if (k === null) continue;
      const list = this.byKey.get(k);
      if (list) list.push(p);
      else this.byKey.set(k, [p]);
    }
  }

  take(p: ProjectFacts): ProjectFacts | undefined {
    const k = this.key(p);
    const found = k === null ? undefined : this.byKey.get(k)?.find((e) => !this.taken.has(e));
    if (found) this.taken.add(found);
    return found;
  }
}

/** Pairs earlier and later projects: 序号 + 项目名称 first, then the name alone. */
function matchProjects(
  before: ProjectFacts[],
  after: ProjectFacts[],
): { pairs: Array<[ProjectFacts, ProjectFacts]>; added: ProjectFacts[]; removed: ProjectFacts[] } {
  const taken = new Set<ProjectFacts>();
  const both = new Pool(before, (p) => JSON.stringify([p.index, p.name]), taken);
  const byName = new Pool(before, (p) => p.name, taken);
  const pairs: Array<[ProjectFacts, ProjectFacts]> = [];
  const unmatched: ProjectFacts[] = [];
  for (const p of after) {
    const earlier = both.take(p);
    if (earlier) pairs.push([earlier, p]);
    else unmatched.push(p);
  }
  const added: ProjectFacts[] = [];
  for (const p of unmatched) {
    const earlier = byName.take(p);
    if (earlier) pairs.push([earlier, p]);
    else added.push(p);
  }
  return { pairs, added, removed: before.filter((p) => !taken.has(p)) };
}

/** Pairs tables by sheet, in order among the tables of one sheet. */
function matchTables(
  before: TableSnapshot[],
  after: TableSnapshot[],
): Array<[TableSnapshot | null, TableSnapshot | null]> {
  const left = [...before];
  const pairs: Array<[TableSnapshot | null, TableSnapshot | null]> = [];
  for (const table of after) {
    const at = left.findIndex((t) => t.sheet === table.sheet);
    pairs.push([at >= 0 ? (left.splice(at, 1)[0] as TableSnapshot) : null, table]);
  }
  for (const table of left) pairs.push([table, null]);
  return pairs;
}

export function diffSnapshots(before: Snapshot, after: Snapshot): Changes {
  const changes: Changes = {
    since: before.asOf,
    newlyOverdue: [],
    newlyDone: [],
    progressChanged: [],
    added: [],
    removed: [],
  };
  for (const [earlier, later] of matchTables(before.tables, after.tables)) {
    const sheet = (later ?? earlier)?.sheet ?? "";
    const { pairs, added, removed } = matchProjects(
      (earlier?.projects ?? []).map(unpackProject),
      (later?.projects ?? []).map(unpackProject),
    );
    for (const [was, now] of pairs.sort((a, b) => a[1].row - b[1].row)) {
      const known = new Set(was.overdue.map((m) => `${m.period}|${m.due}`));
      for (const m of now.overdue) {
        if (!known.has(`${m.period}|${m.due}`)) changes.newlyOverdue.push({ ...ref(sheet, now), ...m });
      }
      if (isDone(now) && !isDone(was)) changes.newlyDone.push(ref(sheet, now));
      if (now.progress !== was.progress)
        changes.progressChanged.push({ ...ref(sheet, now), from: was.progress, to: now.progress });
    }
    for (const p of added) changes.added.push(ref(sheet, p));
    for (const p of removed) changes.removed.push(ref(sheet, p));
  }
  return changes;
}

/** Whether anything changed at all. */
export function hasChanges(changes: Changes): boolean {
  return (
    changes.newlyOverdue.length +
      changes.newlyDone.length +
      changes.progressChanged.length +
      changes.added.length +
      changes.removed.length >
    0
  );
}
