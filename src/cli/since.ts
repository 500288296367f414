import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { z } from "zod";
import { packProject, SNAPSHOT_VERSION, type Snapshot } from "../core/since";

/**
 * `--since EARLIER.json`: an earlier `duty-check --json` output read back as the core's snapshots
 * (PROGRESS.md §7). It is stored state from outside, so it is validated (zod) and a file that is not
 * such an output is refused with a Chinese message saying why.
 */

const Milestone = z.object({
  status: z.enum(["done", "overdue", "dueSoon", "upcoming"]),
  period: z.string(),
  due: z.string(),
  cell: z.string(),
});
const Project = z.object({
  row: z.number().int().min(1),
  index: z.string().nullable(),
  name: z.string().nullable(),
  status: z.enum(["unscheduled", "done", "overdue", "dueSoon", "onTrack"]),
  milestones: z.array(Milestone),
  // Outputs from before the monthly cycle have no `progress`.
  progress: z
    .object({ state: z.enum(["done", "notReported", "notStarted", "behind", "onSchedule"]) })
    .nullable()
    .optional(),
});
const EarlierSchema = z.object({
  asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/u),
  files: z.array(
    z.object({
      file: z.string(),
      tables: z.array(z.object({ sheet: z.string(), projects: z.array(Project) })),
    }),
  ),
});
export type EarlierReport = z.infer<typeof EarlierSchema>;

/** Why `--since` was refused: a Chinese message and an English detail, as the CLI's other problem lines. */
export type EarlierRead =
  { ok: true; report: EarlierReport } | { ok: false; message: string; detail: string };

/** Reads and validates `--since`; never throws. */
export async function readEarlier(path: string): Promise<EarlierRead> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "read failed";
    return code === "ENOENT"
      ? { ok: false, message: "文件不存在", detail: "file not found" }
      : { ok: false, message: "无法读取文件", detail: code };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return {
      ok: false,
      message: "不是 JSON 文件，应为上次 duty-check --json 的输出",
      detail: "not JSON",
    };
  }
  const parsed = EarlierSchema.safeParse(data);
  if (!parsed.success) {
    const where = parsed.error.issues[0]?.path.join(".") || "顶层";
    return {
      ok: false,
      message: `不是 duty-check --json 的输出：${where} 缺失或格式不符`,
      detail: "not a duty-check --json output",
    };
  }
  return { ok: true, report: parsed.data };
}

/**
 * The earlier check of `file`: the entry with the same path, else the same file name, else the only entry
 * when both runs checked one file. Null when there is none.
 */
export function earlierSnapshot(report: EarlierReport, file: string, filesNow: number): Snapshot | null {
  const entry =
    report.files.find((f) => f.file === file) ??
    report.files.find((f) => basename(f.file) === basename(file)) ??
    (report.files.length === 1 && filesNow === 1 ? report.files[0] : undefined);
  if (!entry) return null;
  return {
    version: SNAPSHOT_VERSION,
    asOf: report.asOf,
    tables: entry.tables.map((t) => ({
      sheet: t.sheet,
      projects: t.projects.map((p) =>
        packProject({
          index: p.index,
          name: p.name,
          row: p.row,
          status: p.status,
          progress: p.progress?.state ?? null,
          overdue: p.milestones
            .filter((m) => m.status === "overdue")
            .map((m) => ({ period: m.period, due: m.due, cell: m.cell })),
        }),
      ),
    })),
  };
}
