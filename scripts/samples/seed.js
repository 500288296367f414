"use strict";
// Reads a seed text (a notice as published: prose, then `附件`, the title and the tab-separated table).

/** A cell as typed in the source: empty stays empty, integers and decimals become numbers, the rest text. */
function typedValue(text) {
  const trimmed = text.trim();
  if (trimmed === "") return null;
  if (/^-?\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed);
  return trimmed;
}

/**
 * Splits a seed into the parts of the printed attachment.
 * @param {string} text
 * @returns {{ title: string, rows: Array<{ kind: "header" | "data", cells: Array<string | number> }>, footer: string[] }}
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
    const cells = line.split("\t");
    const kind = cells[0].trim() === "序号" ? "header" : "data";
    rows.push({ kind, cells: kind === "header" ? cells.map((c) => c.trim()) : cells.map(typedValue) });
  }
  return { title: title.trim(), rows, footer };
}

module.exports = { parseSeed, typedValue };
