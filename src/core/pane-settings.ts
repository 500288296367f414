import { z } from "zod";
import type { GroupBy } from "./alerts";
import { QUICK_DATE_MODES, quickDate, type DateMode } from "./dates";
import { CheckOptionsSchema } from "./options";
import type { CheckRequest } from "./port";

/** How the pane lists projects: by 责任领导, by 责任科室, or one list. */
export type ProjectGrouping = "leader" | "department" | "none";
/** Most days late first, or in the table's own order. */
export type ProjectSort = "daysLate" | "table";

/**
 * What the pane remembers per workbook (stored as JSON in the workbook's add-in settings, or the preview's
 * localStorage). Read back through zod: the stored text crosses a boundary and may be damaged, written by
 * an older version, or edited by hand. Each field is checked on its own, so one bad field costs only itself.
 */
export const PaneSettingsSchema = z.object({
  dueSoonDays: CheckOptionsSchema.shape.dueSoonDays.unwrap().optional().catch(undefined),
  groupBy: z.enum(["leader", "department", "none"]).optional().catch(undefined),
  sort: z.enum(["daysLate", "table"]).optional().catch(undefined),
  dateMode: z
    .enum([...QUICK_DATE_MODES, "fixed"])
    .optional()
    .catch(undefined),
  /** The date typed when `dateMode` is `fixed`. */
  fixedDate: CheckOptionsSchema.shape.asOf.unwrap().optional().catch(undefined),
  /** The monthly cycle's report day and behind tolerance (PROGRESS.md §2, §4). */
  reportDay: CheckOptionsSchema.shape.reportDay.unwrap().optional().catch(undefined),
  behindTolerance: CheckOptionsSchema.shape.behindTolerance.unwrap().optional().catch(undefined),
  /** 督办提醒: the reply-by date the clerk chose (used while it is ahead of the check, see `replyByFor`). */
  replyBy: CheckOptionsSchema.shape.asOf.unwrap().optional().catch(undefined),
  /** 督办提醒 go to each 责任科室 or each 责任领导. */
  remindBy: z.enum(["department", "leader"]).optional().catch(undefined),
});

export type PaneSettings = {
  dueSoonDays?: number | undefined;
  groupBy?: ProjectGrouping | undefined;
  sort?: ProjectSort | undefined;
  dateMode?: DateMode | undefined;
  fixedDate?: string | undefined;
  reportDay?: number | undefined;
  behindTolerance?: number | undefined;
  replyBy?: string | undefined;
  remindBy?: GroupBy | undefined;
};

/** Stored settings (JSON text or an object) → what can be trusted of them; `{}` for anything unreadable. */
export function parsePaneSettings(stored: unknown): PaneSettings {
  let value = stored;
  if (typeof stored === "string") {
    try {
      value = JSON.parse(stored) as unknown;
    } catch {
      return {};
    }
  }
  const parsed = PaneSettingsSchema.safeParse(value);
  if (!parsed.success) return {};
  // Only the fields that survived, so a merge with defaults never meets `undefined` keys.
  return Object.fromEntries(Object.entries(parsed.data).filter(([, v]) => v !== undefined)) as PaneSettings;
}

/** The reference date the remembered mode gives on `today` (a fixed date without its date is today). */
export function settingsDate(settings: PaneSettings, today: Date): string {
  const mode = settings.dateMode ?? "today";
  if (mode === "fixed") return settings.fixedDate ?? quickDate("today", today);
  return quickDate(mode, today);
}

/**
 * A check request completed from the workbook's remembered settings: what the request leaves out (the
 * ribbon's 检查进度 sends only today's date) is taken from what the pane remembered, so the ribbon and the
 * pane answer with the same 临期天数, 报送日 and 滞后容差.
 */
export function withRememberedOptions(request: CheckRequest, settings: PaneSettings): CheckRequest {
  const merged: CheckRequest = { asOf: request.asOf };
  const dueSoonDays = request.dueSoonDays ?? settings.dueSoonDays;
  const reportDay = request.reportDay ?? settings.reportDay;
  const behindTolerance = request.behindTolerance ?? settings.behindTolerance;
  if (dueSoonDays !== undefined) merged.dueSoonDays = dueSoonDays;
  if (reportDay !== undefined) merged.reportDay = reportDay;
  if (behindTolerance !== undefined) merged.behindTolerance = behindTolerance;
  return merged;
}
