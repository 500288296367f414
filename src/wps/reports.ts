import { z } from "zod";
import type { SheetResult } from "../core/types";
import type { AppProps } from "../taskpane/App";

/**
 * How the ribbon tells the task pane what 检查进度 / 清除标记 did. In WPS the ribbon's page and the pane
 * are two browsers; what they share is the add-in's `PluginStorage` (not kept across restarts). The
 * ribbon writes the latest report there with a sequence number; the pane reads it when it opens and
 * then looks for a newer one twice a second. What is read back is checked with zod.
 */

export type CommandReport = Parameters<
  Parameters<NonNullable<AppProps["commandReports"]>["subscribe"]>[0]
>[0];

export const REPORT_KEY = "dutycheck.report";
export const POLL_MS = 500;

const FailureSchema = z.object({
  ok: z.literal(false),
  message: z.string(),
  messageEn: z.string(),
  cell: z.string().optional(),
  sheet: z.string().optional(),
});
/** The result's frame is checked; its contents are the core's own output, written by this add-in. */
const SheetResultSchema = z
  .object({
    sheet: z.string(),
    asOf: z.string(),
    dueSoonDays: z.number(),
    tables: z.array(z.object({ sheet: z.string(), projects: z.array(z.unknown()) }).passthrough()),
    warnings: z.array(z.unknown()),
  })
  .passthrough();
const ReportSchema = z.discriminatedUnion("command", [
  z.object({
    command: z.literal("checkProgress"),
    at: z.string(),
    outcome: z.union([z.object({ ok: z.literal(true), value: SheetResultSchema }), FailureSchema]),
  }),
  z.object({
    command: z.literal("clearMarks"),
    at: z.string(),
    outcome: z.union([z.object({ ok: z.literal(true), value: z.undefined().optional() }), FailureSchema]),
  }),
]);
const StoredSchema = z.object({ seq: z.number().int(), report: ReportSchema });

export interface Storage {
  getItem(key: string): string | null | undefined;
  setItem(key: string, value: string): void;
}

export interface Stored {
  seq: number;
  report: CommandReport;
}

export function readReport(storage: Storage): Stored | null {
  const text = storage.getItem(REPORT_KEY);
  if (typeof text !== "string" || text === "") return null;
  try {
    const parsed = StoredSchema.safeParse(JSON.parse(text));
    if (!parsed.success) return null;
    const { seq, report } = parsed.data;
    if (report.command === "clearMarks") {
      return {
        seq,
        report: {
          command: "clearMarks",
          at: report.at,
          outcome: report.outcome.ok ? { ok: true, value: undefined } : report.outcome,
        },
      };
    }
    const outcome = report.outcome.ok
      ? { ok: true as const, value: report.outcome.value as unknown as SheetResult }
      : report.outcome;
    return { seq, report: { command: "checkProgress", at: report.at, outcome } };
  } catch {
    return null;
  }
}

export function publishReport(storage: Storage, report: CommandReport): void {
  const seq = (readReport(storage)?.seq ?? 0) + 1;
  storage.setItem(REPORT_KEY, JSON.stringify({ seq, report }));
}

/** The pane's view of the channel: the latest report, and later ones as they come. */
export function paneReports(
  storage: Storage,
  timers: { setInterval: typeof setInterval; clearInterval: typeof clearInterval } = globalThis,
): NonNullable<AppProps["commandReports"]> {
  let seen = readReport(storage)?.seq ?? 0;
  return {
    latest: () => readReport(storage)?.report ?? null,
    subscribe: (listener) => {
      const timer = timers.setInterval(() => {
        const stored = readReport(storage);
        if (!stored || stored.seq === seen) return;
        seen = stored.seq;
        listener(stored.report);
      }, POLL_MS);
      return () => timers.clearInterval(timer);
    },
  };
}
