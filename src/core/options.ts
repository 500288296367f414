import { z } from "zod";
import { format, isValid, parse } from "date-fns";

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "日期格式应为 YYYY-MM-DD")
  .refine((s) => isValid(parse(s, "yyyy-MM-dd", new Date())), "不是有效日期");

/** Said for any bad due-soon window, whichever bound it breaks. */
export const DUE_SOON_DAYS_EXPECTED = "应为 0 到 366 之间的整数天数";

/** SEMANTICS §4: a milestone due within this many days is `dueSoon` unless the user sets otherwise. */
export const DEFAULT_DUE_SOON_DAYS = 15;

/** PROGRESS.md §2: each month's report is due on this day of the month (the seed notice: before the 22nd). */
export const DEFAULT_REPORT_DAY = 22;
export const REPORT_DAY_EXPECTED = "报送日应为 1 到 28 之间的整数（每月几号前报送）";

/** PROGRESS.md §4: a percent more than this many points below 序时进度 is behind. */
export const DEFAULT_BEHIND_TOLERANCE = 10;
export const BEHIND_TOLERANCE_EXPECTED = "滞后容差应为 0 到 100 之间的百分点数";

/** Options that cross into the core from settings, CLI flags or function arguments. */
export const CheckOptionsSchema = z.object({
  /** Reference date; defaults to today (local). */
  asOf: isoDate.optional(),
  /** A milestone due within this many days is `dueSoon`. */
  dueSoonDays: z
    .number()
    .int(DUE_SOON_DAYS_EXPECTED)
    .min(0, DUE_SOON_DAYS_EXPECTED)
    .max(366, DUE_SOON_DAYS_EXPECTED)
    .default(DEFAULT_DUE_SOON_DAYS),
  /** The table's year when the user overrides it. */
  year: z.number().int().min(2000).max(2099).optional(),
  /** Day of the month each report is due (1–28: every month has it). */
  reportDay: z
    .number()
    .int(REPORT_DAY_EXPECTED)
    .min(1, REPORT_DAY_EXPECTED)
    .max(28, REPORT_DAY_EXPECTED)
    .default(DEFAULT_REPORT_DAY),
  /** Percentage points below 序时进度 that still count as on schedule. */
  behindTolerance: z
    .number(BEHIND_TOLERANCE_EXPECTED)
    .min(0, BEHIND_TOLERANCE_EXPECTED)
    .max(100, BEHIND_TOLERANCE_EXPECTED)
    .default(DEFAULT_BEHIND_TOLERANCE),
});

export type CheckOptionsInput = z.input<typeof CheckOptionsSchema>;

export interface CheckOptions {
  asOf: string;
  dueSoonDays: number;
  year: number | undefined;
  reportDay: number;
  behindTolerance: number;
}

export type OptionsResult = { ok: true; options: CheckOptions } | { ok: false; message: string };

/** Validates options; never throws. `today` is injectable so tests and functions agree on "today". */
export function resolveOptions(input: unknown, today: Date = new Date()): OptionsResult {
  const parsed = CheckOptionsSchema.safeParse(input ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join(".") || "options";
    return { ok: false, message: `选项 ${field} 无效：${issue?.message ?? "格式错误"}` };
  }
  return {
    ok: true,
    options: {
      asOf: parsed.data.asOf ?? format(today, "yyyy-MM-dd"),
      dueSoonDays: parsed.data.dueSoonDays,
      year: parsed.data.year,
      reportDay: parsed.data.reportDay,
      behindTolerance: parsed.data.behindTolerance,
    },
  };
}
