import type { Outcome } from "./port";
import type { SheetResult } from "./types";

/**
 * How the ribbon commands tell the task pane what happened. Ribbon handlers have no UI of their own in
 * Excel, so the pane shows their result (or error). The pane may not have mounted yet when a command
 * runs, so the latest report is kept for it to read on mount.
 *
 * The channel lives on `globalThis` under a registered symbol: the shared runtime loads the commands and
 * the pane as separate webpack entries, each with its own module instances, but one window.
 */
export type CommandReport =
  | { command: "checkProgress"; at: string; outcome: Outcome<SheetResult> }
  | { command: "clearMarks"; at: string; outcome: Outcome };

export type CommandReportListener = (report: CommandReport) => void;

interface Channel {
  latest: CommandReport | null;
  listeners: Set<CommandReportListener>;
}

const KEY = Symbol.for("dutycheck.commandReports");

function channel(): Channel {
  const holder = globalThis as unknown as Record<symbol, Channel | undefined>;
  let found = holder[KEY];
  if (!found) {
    found = { latest: null, listeners: new Set() };
    holder[KEY] = found;
  }
  return found;
}

export function publishCommandReport(report: CommandReport): void {
  const ch = channel();
  ch.latest = report;
  for (const listener of [...ch.listeners]) {
    try {
      listener(report);
    } catch (error) {
      // One faulty listener must not keep the others (or the command) from finishing.
      console.error("实事督办：命令结果监听器出错", error);
    }
  }
}

/** The most recent command's report, or null when no command ran in this runtime. */
export function latestCommandReport(): CommandReport | null {
  return channel().latest;
}

/** Calls `listener` for every later report; returns the unsubscribe function. */
export function subscribeCommandReports(listener: CommandReportListener): () => void {
  const ch = channel();
  ch.listeners.add(listener);
  return () => {
    ch.listeners.delete(listener);
  };
}
