import {
  MARK_KINDS,
  addressBatches,
  emptyRecord,
  markKindOf,
  markFormula,
  MarkRecordSchema,
  plannedRanges,
  type MarkRecord,
  type SheetMarks,
} from "../core/mark-record";
import { MARK_FILL, MARK_OUTLINE, type Mark } from "../core/marks";
import {
  addFillCondition,
  outlineCondition,
  addTextProperty,
  deleteProperties,
  range,
  readProperties,
  sheetConditions,
} from "./et";

/**
 * How the WPS add-in marks cells — the same idea as the Excel add-in's, in ET's terms.
 *
 * A mark is a CONDITIONAL FORMAT the add-in owns (`FormatConditions.Add(xlExpression, , formula)` with an
 * `Interior.Color`), never a change to the cell's own fill, font, border, note or value: deleting our
 * conditions restores the look exactly. ET has no id of our choosing on a condition, so the formula is the
 * tag: `=N("DutyCheck:overdue")=0` is always TRUE, names its kind, and survives save, reopen and copy.
 * Only conditions whose `Formula1` carries `DutyCheck:` are ever deleted.
 *
 * `Range("…")` takes at most 255 characters of address (as in Excel), so a kind's ranges are written as
 * several conditions when they do not fit one.
 *
 * What was marked is recorded in the workbook as custom document properties (`DutyCheck.marks.0`, `.1`,
 * …: a text property holds at most 255 characters, so the JSON is cut into pieces), validated with zod
 * when read back. Clearing trusts the tag scan, so a lost or stale record still clears everything.
 */

const MAX_ADDRESS_CHARS = 255;
export const RECORD_PREFIX = "DutyCheck.marks.";
const RECORD_PIECE_CHARS = 240;

/** Our conditions on the sheet. */
export function ourConditions(sheet: Et.Worksheet): Et.FormatCondition[] {
  return sheetConditions(sheet)
    .filter((c) => markKindOf(c.formula) !== null)
    .map((c) => c.condition);
}

/** Deletes our conditions on the sheet; returns how many. */
export function removeMarks(sheet: Et.Worksheet): number {
  // Last first: deleting shifts the 1-based indices of the ones after.
  const ours = ourConditions(sheet).reverse();
  for (const condition of ours) condition.Delete();
  return ours.length;
}

/** The record in the workbook; anything unreadable counts as none. */
export function readRecord(book: Et.Workbook): MarkRecord {
  const pieces = readProperties(book, RECORD_PREFIX);
  if (pieces.size === 0) return emptyRecord();
  let text = "";
  for (let i = 0; pieces.has(`${RECORD_PREFIX}${i}`); i += 1) text += pieces.get(`${RECORD_PREFIX}${i}`);
  try {
    const parsed = MarkRecordSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : emptyRecord();
  } catch {
    return emptyRecord();
  }
}

/** Replaces the record; an empty one leaves no property behind. */
export function writeRecord(book: Et.Workbook, record: MarkRecord): void {
  deleteProperties(book, RECORD_PREFIX);
  if (Object.keys(record.sheets).length === 0) return;
  const text = JSON.stringify(record);
  for (let i = 0; i * RECORD_PIECE_CHARS < text.length; i += 1) {
    addTextProperty(
      book,
      `${RECORD_PREFIX}${i}`,
      text.slice(i * RECORD_PIECE_CHARS, (i + 1) * RECORD_PIECE_CHARS),
    );
  }
}

/** Adds one condition per kind and address batch; returns the ranges written. */
export function writeMarks(sheet: Et.Worksheet, marks: Mark[]): SheetMarks["ranges"] {
  const ranges = plannedRanges(marks);
  for (const kind of MARK_KINDS) {
    const outline = MARK_OUTLINE[kind];
    for (const batch of addressBatches(ranges[kind] ?? [], MAX_ADDRESS_CHARS)) {
      const condition = addFillCondition(range(sheet, batch), markFormula(kind), MARK_FILL[kind]);
      if (outline) outlineCondition(condition, outline.style, outline.color);
    }
  }
  return ranges;
}
