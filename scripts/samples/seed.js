"use strict";
// Reads a seed text (a notice as published: prose, then `附件`, the title and the tab-separated table).

/** A cell as typed in the source: empty stays empty, integers and decimals become numbers, the rest text. */
function typedValue(text) {
  const trimmed = text.trim();
  if (trimmed === "") return null;
  if (/^-?\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed);
  return trimmed;
}

/** Header cells that continue the cell to their left (`>`) or above (`^`): merged in the workbook. */
const MERGE_MARKS = new Set([">", "^"]);

/**
 * Splits a seed into the parts of the printed attachment. A header starts with `序号`; the lines right
 * after it that hold a `^` (continuing a cell above) are its further rows (`subheader`), as under a
 * two- or three-row header. In header rows `>` continues the cell on the left and `^` the cell above: the
 * workbook merges them, and the row's `marks` keep them (its `cells` hold null there). Lines before the
 * first header (a caption over each of two tables side by side) are `caption` rows.
 * @param {string} text
 * @returns {{ title: string, rows: Array<{ kind: "caption" | "header" | "subheader" | "data", cells: Array<string | number | null>, marks?: Array<string | null> }>, footer: string[] }}
 */
function parseSeed(text) {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  // The attachment starts at the last line that is exactly `附件` (the prose also mentions `附件：…`).
  const start = lines.map((l) => l.trim()).lastIndexOf("附件");
  if (start < 0) throw new Error("seed has no 附件 line");
  const rest = lines.slice(start + 1).filter((l) => l.trim() !== "");
  const [title, ...body] = rest;
  if (!title) throw new Error("seed has no title after 附件");
  const rows = [];
  const footer = [];
  for (const line of body) {
    if (!line.includes("\t")) {
      footer.push(line.trim());
      continue;
    }
    if (footer.length > 0) throw new Error(`table row after footer: ${line}`);
    const cells = line.split("\t").map((c) => c.trim());
    const previous = rows[rows.length - 1];
    const inHeader = previous !== undefined && (previous.kind === "header" || previous.kind === "subheader");
    let kind = "data";
    if (cells.includes("序号")) kind = "header";
    else if (inHeader && cells.includes("^")) kind = "subheader";
    else if (!rows.some((r) => r.kind === "header")) kind = "caption";
    if (kind === "header" || kind === "subheader") {
      const marks = cells.map((c) => (MERGE_MARKS.has(c) ? c : null));
      const named = cells.map((c) => (MERGE_MARKS.has(c) ? null : c));
      rows.push(marks.some((m) => m !== null) ? { kind, cells: named, marks } : { kind, cells: named });
    } else rows.push({ kind, cells: cells.map(typedValue) });
  }
  return { title: title.trim(), rows, footer };
}

module.exports = { parseSeed, typedValue };
