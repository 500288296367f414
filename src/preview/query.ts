import { parseISO } from "date-fns";
import { resolveOptions } from "../core/options";

export type QueryDate = { ok: true; today: Date | undefined } | { ok: false; message: string };

/**
 * The preview's `?date=` as the reference date, validated by the core's options rule (`YYYY-MM-DD`, a real
 * day) so the page never checks against a date the add-in would refuse. Absent means today.
 */
export function todayFromQuery(date: string | null): QueryDate {
  if (date === null || date === "") return { ok: true, today: undefined };
  const resolved = resolveOptions({ asOf: date });
  if (!resolved.ok) return { ok: false, message: `网址参数 date=“${date}”无效：${resolved.message}` };
  return { ok: true, today: parseISO(resolved.options.asOf) };
}

/** Task pane widths worth trying: Excel's narrowest pane, a common one, a wide one. */
export const PANE_WIDTHS = [320, 400, 500] as const;
export type PaneWidth = (typeof PANE_WIDTHS)[number];

/** The preview's `?pane=` (320, 400 or 500 px); anything else is the narrowest, Excel's default. */
export function paneWidthFromQuery(pane: string | null): PaneWidth {
  return PANE_WIDTHS.find((w) => String(w) === pane) ?? PANE_WIDTHS[0];
}
