import { resolveOptions } from "../core/options";
import type { CheckRequest, Outcome, WorkbookPort } from "../core/port";
import type { SheetResult } from "../core/types";
import { publishCommandReport, type CommandReport } from "../core/command-reports";
import { checkRequirements, type IsSetSupported } from "./requirements";

/** What a ribbon command needs from its surroundings; Office.js supplies it in commands.ts, tests fake it. */
export interface CommandDeps {
  port: () => Pick<WorkbookPort, "checkActiveSheet" | "clearMarks">;
  showPane: () => Promise<void>;
  isSetSupported: IsSetSupported;
  /** The clock, so "today" is testable. */
  now: () => Date;
}

/**
 * The ribbon checks as of today; the port completes the request with the options the pane remembered in
 * the workbook (临期天数, 报送日, 滞后容差), so both answer alike. The pane offers other dates.
 */
export function todayRequest(now: Date): CheckRequest {
  const resolved = resolveOptions({}, now);
  if (!resolved.ok) throw new Error(resolved.message);
  return { asOf: resolved.options.asOf };
}

function unexpected(error: unknown): { ok: false; message: string; messageEn: string } {
  const detail = error instanceof Error ? error.message : String(error);
  return {
    ok: false,
    message: `实事督办出错：${detail}`,
    messageEn: `DutyCheck failed: ${detail}`,
  };
}

async function guarded<T>(deps: CommandDeps, work: () => Promise<Outcome<T>>): Promise<Outcome<T>> {
  const requirements = checkRequirements(deps.isSetSupported);
  if (!requirements.ok) {
    return { ok: false, message: requirements.message, messageEn: requirements.messageEn };
  }
  try {
    return await work();
  } catch (error) {
    return unexpected(error);
  }
}

async function showPaneQuietly(deps: CommandDeps): Promise<void> {
  try {
    await deps.showPane();
  } catch (error) {
    // Nothing else can show it: the report stays on the channel for the pane's next opening.
    console.error("实事督办：无法打开任务窗格", error);
  }
}

/** 检查进度: check the active sheet (marks included), publish the result, then show the pane with it. */
export async function runCheckProgress(deps: CommandDeps): Promise<CommandReport> {
  const outcome: Outcome<SheetResult> = await guarded(deps, () =>
    deps.port().checkActiveSheet(todayRequest(deps.now())),
  );
  const report: CommandReport = { command: "checkProgress", at: deps.now().toISOString(), outcome };
  publishCommandReport(report);
  await showPaneQuietly(deps);
  return report;
}

/** 清除标记: remove the add-in's marks; the pane opens only to explain a failure. */
export async function runClearMarks(deps: CommandDeps): Promise<CommandReport> {
  const outcome: Outcome = await guarded(deps, () => deps.port().clearMarks());
  const report: CommandReport = { command: "clearMarks", at: deps.now().toISOString(), outcome };
  publishCommandReport(report);
  if (!outcome.ok) await showPaneQuietly(deps);
  return report;
}

/** Runs a command for a ribbon button and always tells Office it finished, whatever happened. */
export async function completeAfter(
  event: { completed: () => void },
  work: () => Promise<unknown>,
): Promise<void> {
  try {
    await work();
  } catch (error) {
    console.error("实事督办：命令未完成", error);
  } finally {
    event.completed();
  }
}
