import {
  MARK_KINDS,
  addressBatches,
  emptyRecord,
  markFormula,
  markKindOf,
  parseRecord,
  plannedRanges,
  type MarkRecord,
} from "../core/mark-record";
import { MARK_FILL, MARK_OUTLINE, type Mark } from "../core/marks";
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
 *   rule's formula is the tag (`core/mark-record`); nothing without the tag is ever deleted.
 * - What was marked (sheet and ranges) is also recorded in the workbook's add-in settings
 *   (`workbook.settings`, per file and add-in, validated with zod when read back). The settings write
 *   joins the same batch as the rules, so recording costs no extra round trip. Clearing trusts the
 *   signature scan, so a lost or stale record still clears everything.
 */

export const SETTINGS_KEY = "DutyCheck.marks";
/** Office.js's line styles for the core's outlines. */
const OUTLINE_STYLE = { dashed: "Dash", solid: "Continuous" } as const;
const EDGES = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"] as const;
/** Keeps each `getRanges` address comfortably short; a longer list becomes several rules. */
const MAX_ADDRESS_CHARS = 2000;

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
  for (const kind of MARK_KINDS) {
    const outline = MARK_OUTLINE[kind];
    for (const address of addressBatches(ranges[kind] ?? [], MAX_ADDRESS_CHARS)) {
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
