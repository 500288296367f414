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
});

export type CheckOptionsInput = z.input<typeof CheckOptionsSchema>;

export interface CheckOptions {
  asOf: string;
  dueSoonDays: number;
  year: number | undefined;
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
    },
  };
}
