import {
  MARK_KINDS,
  addressBatches,
  emptyRecord,
  markKindOf,
  markFormula,
  parseRecord,
  plannedRanges,
  type MarkRecord,
  type SheetMarks,
} from "../core/mark-record";
import { MARK_FILL, MARK_OUTLINE, type Mark } from "../core/marks";
import {
  addFillCondition,
  outlineCondition,
  range,
  readTextPieces,
  sheetConditions,
  writeTextPieces,
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
  const text = readTextPieces(book, RECORD_PREFIX);
  return text === null ? emptyRecord() : parseRecord(text);
}

/** Replaces the record; an empty one leaves no property behind. */
export function writeRecord(book: Et.Workbook, record: MarkRecord): void {
  writeTextPieces(
    book,
    RECORD_PREFIX,
    Object.keys(record.sheets).length === 0 ? null : JSON.stringify(record),
  );
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
