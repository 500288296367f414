import { z } from "zod";
import { periodLabel } from "../labels";
import type { ProgressState, ProjectStatus, SheetResult, TableResult } from "../types";

/**
 * A compact, versioned record of a check (PROGRESS.md §7): enough of each project to tell, at the next
 * check, what changed. The add-in keeps it in the workbook's settings and the CLI reads it from an
 * earlier `--json` output; both are stored state, so it is validated (zod) whenever it is read back.
 *
 * Projects are tuples to stay small in the workbook (a 5,000-project table is a few hundred KB):
 * `[序号, 项目名称, row, status, progress state, overdue milestones as [period, due, cell]]`.
 */

export const SNAPSHOT_VERSION = 1;

const PROJECT_STATUSES = ["unscheduled", "done", "overdue", "dueSoon", "onTrack"] as const;
const PROGRESS_STATES = ["done", "notReported", "notStarted", "behind", "onSchedule"] as const;

export const OverdueSchema = z.tuple([z.string(), z.string(), z.string()]);
export const ProjectSnapshotSchema = z.tuple([
  z.string().nullable(),
  z.string().nullable(),
  z.number().int().min(1),
  z.enum(PROJECT_STATUSES),
  z.enum(PROGRESS_STATES).nullable(),
  z.array(OverdueSchema),
]);
export const TableSnapshotSchema = z.object({
  sheet: z.string(),
  projects: z.array(ProjectSnapshotSchema),
});
export const SnapshotSchema = z.object({
  version: z.literal(SNAPSHOT_VERSION),
  asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/u),
  tables: z.array(TableSnapshotSchema),
});

export type ProjectSnapshot = z.infer<typeof ProjectSnapshotSchema>;
export type TableSnapshot = z.infer<typeof TableSnapshotSchema>;
export type Snapshot = z.infer<typeof SnapshotSchema>;

/** What a snapshot keeps of one project, before it is packed into a tuple. */
export interface ProjectFacts {
  index: string | null;
  name: string | null;
  row: number;
  status: ProjectStatus;
  progress: ProgressState | null;
  overdue: Array<{ period: string; due: string; cell: string }>;
}

export function packProject(p: ProjectFacts): ProjectSnapshot {
  return [p.index, p.name, p.row, p.status, p.progress, p.overdue.map((m) => [m.period, m.due, m.cell])];
}

export function unpackProject(p: ProjectSnapshot): ProjectFacts {
  const [index, name, row, status, progress, overdue] = p;
  return {
    index,
    name,
    row,
    status,
    progress,
    overdue: overdue.map(([period, due, cell]) => ({ period, due, cell })),
  };
}

export function tableSnapshot(table: TableResult): TableSnapshot {
  return {
    sheet: table.sheet,
    projects: table.projects.map((p) =>
      packProject({
        index: p.index,
        name: p.name,
        row: p.row,
        status: p.status,
        progress: p.progress?.state ?? null,
        overdue: p.milestones
          .filter((m) => m.status === "overdue")
          .map((m) => ({ period: periodLabel(m), due: m.due, cell: m.cell })),
      }),
    ),
  };
}

/** The snapshot of a checked sheet (or, with several results, of a workbook). */
export function snapshotOf(results: SheetResult | SheetResult[], asOf?: string): Snapshot {
  const list = Array.isArray(results) ? results : [results];
  return {
    version: SNAPSHOT_VERSION,
    asOf: asOf ?? list[0]?.asOf ?? "1970-01-01",
    tables: list.flatMap((r) => r.tables.map(tableSnapshot)),
  };
}

/** Reads a stored snapshot back; null when it is not one (a newer version, a damaged value). */
export function parseSnapshot(value: unknown): Snapshot | null {
  const parsed = SnapshotSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
