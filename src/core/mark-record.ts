import { z } from "zod";
import { MARK_OUTLINE, groupRanges, type Mark, type MarkKind } from "./marks";

/**
 * What the Excel and WPS adapters share about their marks: the tag that makes a conditional format ours,
 * and the record of what was marked that each keeps in the workbook (Excel in its add-in settings, WPS in
 * custom document properties). Pure: the adapters only store and draw what is decided here.
 *
 * Neither host lets a conditional format carry an id of our choosing, so the rule's formula is the tag:
 * `=N("DutyCheck:overdue")=0` is always TRUE (N of a text is 0), costs nothing to calculate, names its
 * kind, and survives save, reopen and copy. Any rule whose formula carries `DutyCheck:` is ours; nothing
 * else is ever deleted.
 */

export const MARK_SIGNATURE = "DutyCheck";
export const MARK_KINDS: readonly MarkKind[] = ["overdue", "dueSoon", "done", "notReported", "behind"];
const FORMULA_TAG = /DutyCheck:(overdue|dueSoon|done|notReported|behind)/iu;

export function markFormula(kind: MarkKind): string {
  return `=N("${MARK_SIGNATURE}:${kind}")=0`;
}

/** The kind a rule formula marks, or null when the rule is not ours. */
export function markKindOf(formula: unknown): MarkKind | null {
  if (typeof formula !== "string") return null;
  const match = FORMULA_TAG.exec(formula);
  if (!match) return null;
  return MARK_KINDS.find((k) => k.toLowerCase() === (match[1] as string).toLowerCase()) ?? null;
}

/** Joins ranges into comma-separated addresses of at most `maxChars` characters each (the host's limit). */
export function addressBatches(ranges: readonly string[], maxChars: number): string[] {
  const batches: string[] = [];
  let current = "";
  for (const range of ranges) {
    if (current && current.length + range.length + 1 > maxChars) {
      batches.push(current);
      current = "";
    }
    current = current ? `${current},${range}` : range;
  }
  if (current) batches.push(current);
  return batches;
}

const SheetMarksSchema = z.object({
  asOf: z.string(),
  ranges: z.object({
    overdue: z.array(z.string()),
    dueSoon: z.array(z.string()),
    done: z.array(z.string()),
    // The monthly cycle's kinds came later: records written before them lack the fields.
    notReported: z.array(z.string()).optional(),
    behind: z.array(z.string()).optional(),
  }),
});
export const MarkRecordSchema = z.object({
  version: z.literal(1),
  sheets: z.record(z.string(), SheetMarksSchema),
});
export type MarkRecord = z.infer<typeof MarkRecordSchema>;
export type SheetMarks = z.infer<typeof SheetMarksSchema>;

export function emptyRecord(): MarkRecord {
  return { version: 1, sheets: {} };
}

/** Reads a stored record back (JSON text or parsed); anything unreadable counts as no record. */
export function parseRecord(value: unknown): MarkRecord {
  let data: unknown = value;
  if (typeof value === "string") {
    try {
      data = JSON.parse(value);
    } catch {
      return emptyRecord();
    }
  }
  const parsed = MarkRecordSchema.safeParse(data);
  return parsed.success ? parsed.data : emptyRecord();
}

/**
 * The ranges of a plan, per kind (rectangles, as few as the core's grouping finds); the monthly cycle's
 * outlined kinds only when they mark something, so older records keep their shape.
 */
export function plannedRanges(marks: readonly Mark[]): SheetMarks["ranges"] {
  const ranges: SheetMarks["ranges"] = { overdue: [], dueSoon: [], done: [] };
  for (const kind of MARK_KINDS) {
    const grouped = groupRanges(marks.filter((m) => m.kind === kind).map((m) => m.address));
    if (grouped.length > 0 || !MARK_OUTLINE[kind]) ranges[kind] = grouped;
  }
  return ranges;
}
