import { z } from "zod";
import { MARK_FILL, MARK_OUTLINE, groupRanges, type Mark, type MarkKind } from "../core/marks";
import type { Queued } from "../office/read";

/**
 * How the add-in marks cells, and why this way.
 *
 * A mark is a CONDITIONAL FORMAT that the add-in owns, never a change to the cell's own format:
 * - Excel draws a conditional format over the cell's fill without touching it, so the user's fills,
 *   fonts, borders, notes and values stay exactly as they were; deleting our rule restores the look
 *   exactly. Writing `range.format.fill.color` instead would overwrite the user's fill, and putting it
 *   back would need a snapshot of every format property of every cell we touched (and would lose any
 *   change the user made in between).
 * - Office.js cannot tag a conditional format with an id of our choosing (its `id` is Excel's), so the
 *   rule's formula is the tag: `=N("DutyCheck:overdue")=0` is always TRUE (N of a text is 0), costs
 *   nothing to calculate, names its kind, and survives save, reopen and copy. Any rule whose formula
 *   carries `DutyCheck:` is ours; nothing else is ever deleted.
 * - What was marked (sheet and ranges) is also recorded in the workbook's add-in settings
 *   (`workbook.settings`, per file and add-in, validated with zod when read back). The settings write
 *   joins the same batch as the rules, so recording costs no extra round trip. Clearing trusts the
 *   signature scan, so a lost or stale record still clears everything.
 */

export const SIGNATURE = "DutyCheck";
export const SETTINGS_KEY = "DutyCheck.marks";
const KINDS: MarkKind[] = ["overdue", "dueSoon", "done", "notReported", "behind"];
const FORMULA_TAG = /DutyCheck:(overdue|dueSoon|done|notReported|behind)/iu;
/** Office.js's line styles for the core's outlines. */
const OUTLINE_STYLE = { dashed: "Dash", solid: "Continuous" } as const;
const EDGES = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"] as const;
/** Keeps each `getRanges` address comfortably short; a longer list becomes several rules. */
const MAX_ADDRESS_CHARS = 2000;

export function markFormula(kind: MarkKind): string {
  return `=N("${SIGNATURE}:${kind}")=0`;
}

/** The kind a rule formula marks, or null when the rule is not ours. */
export function markKindOf(formula: unknown): MarkKind | null {
  if (typeof formula !== "string") return null;
  const match = FORMULA_TAG.exec(formula);
  if (!match) return null;
  return KINDS.find((k) => k.toLowerCase() === (match[1] as string).toLowerCase()) ?? null;
}

/** Joins ranges into `getRanges` addresses no longer than MAX_ADDRESS_CHARS each. */
function addressBatches(ranges: string[]): string[] {
  const batches: string[] = [];
  let current = "";
  for (const range of ranges) {
    if (current && current.length + range.length + 1 > MAX_ADDRESS_CHARS) {
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

/** Reads the record back; anything unreadable counts as no record (the signature scan still finds marks). */
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

export function queueRecordRead(context: Excel.RequestContext): Queued<MarkRecord> {
  const item = context.workbook.settings.getItemOrNullObject(SETTINGS_KEY);
  item.load("value");
  return () => (item.isNullObject ? emptyRecord() : parseRecord(item.value));
}

export function queueRecordWrite(context: Excel.RequestContext, record: MarkRecord): void {
  context.workbook.settings.add(SETTINGS_KEY, JSON.stringify(record));
}

/** Queues a load of every conditional format on `sheet`; after the sync, returns those that are ours. */
export function queueMarkScan(sheet: Excel.Worksheet): Queued<Excel.ConditionalFormat[]> {
  const formats = sheet.getRange().conditionalFormats;
  formats.load("items/type,items/customOrNullObject/rule/formula");
  return () =>
    formats.items.filter(
      (cf) =>
        cf.type === "Custom" &&
        !cf.customOrNullObject.isNullObject &&
        markKindOf(cf.customOrNullObject.rule.formula) !== null,
    );
}

/** The ranges of a plan, per kind (the monthly cycle's kinds only when they mark something). */
export function plannedRanges(marks: Mark[]): SheetMarks["ranges"] {
  const ranges: SheetMarks["ranges"] = { overdue: [], dueSoon: [], done: [] };
  for (const kind of KINDS) {
    const grouped = groupRanges(marks.filter((m) => m.kind === kind).map((m) => m.address));
    if (grouped.length > 0 || kind === "overdue" || kind === "dueSoon" || kind === "done")
      ranges[kind] = grouped;
  }
  return ranges;
}

/**
 * Queues, in one batch: deleting our old rules on the sheet, adding one rule per kind (per address batch)
 * over the grouped ranges, and the updated record. Returns the record as it will be after the sync.
 */
export function queueMarkWrite(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  sheetName: string,
  marks: Mark[],
  oldRules: Excel.ConditionalFormat[],
  record: MarkRecord,
  asOf: string,
): MarkRecord {
  for (const rule of oldRules) rule.delete();
  const ranges = plannedRanges(marks);
  for (const kind of KINDS) {
    const outline = MARK_OUTLINE[kind];
    for (const address of addressBatches(ranges[kind] ?? [])) {
      const format = sheet.getRanges(address).conditionalFormats.add("Custom");
      format.custom.rule.formula = markFormula(kind);
      format.custom.format.fill.color = MARK_FILL[kind];
      if (outline) {
        for (const edge of EDGES) {
          const border = format.custom.format.borders.getItem(edge);
          border.style = OUTLINE_STYLE[outline.style];
          border.color = outline.color;
        }
      }
    }
  }
  const sheets = { ...record.sheets };
  if (marks.length > 0) sheets[sheetName] = { asOf, ranges };
  else delete sheets[sheetName];
  const next: MarkRecord = { version: 1, sheets };
  queueRecordWrite(context, next);
  return next;
}
