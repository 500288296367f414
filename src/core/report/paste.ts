import { groupLabel, LATE_COLUMNS, lateCells, type ReportDocument } from "./model";

/**
 * 复制逾期清单: section 二 of the 通报 as the clipboard carries it. HTML for Word and WPS 文字 — a real
 * <table> whose borders are written on every cell inline (pasted HTML keeps inline styles, not a
 * stylesheet) plus the old `border` attribute that WPS also reads — and tab-separated text for Excel and
 * plain editors.
 */
export interface Clipboard {
  html: string;
  text: string;
}

function escape(text: string): string {
  return text.replace(/&/gu, "&amp;").replace(/</gu, "&lt;").replace(/>/gu, "&gt;").replace(/"/gu, "&quot;");
}

const CELL = "border:1px solid #000000;padding:2px 4px;vertical-align:middle;";
const FONT = "font-family:仿宋_GB2312,仿宋,FangSong,宋体,serif;font-size:10.5pt;";

function td(text: string, extra = ""): string {
  return `<td style="${CELL}${extra}">${escape(text)}</td>`;
}

/** One line of tab-separated text: tabs and line breaks inside a cell become spaces. */
function tsvLine(cells: readonly string[]): string {
  return cells.map((c) => c.replace(/[\t\r\n]+/gu, " ")).join("\t");
}

/** The overdue/behind list of a 通报, or null when it has none. */
export function lateListClipboard(report: ReportDocument): Clipboard | null {
  const section = report.sections.find((s) => s.kind === "late");
  if (!section || section.kind !== "late") return null;
  const header = LATE_COLUMNS.map((c) => c.zh);
  const rows: string[] = [
    `<tr>${header.map((h) => td(h, "font-weight:bold;text-align:center;")).join("")}</tr>`,
  ];
  const lines = [tsvLine(header)];
  for (const group of section.groups) {
    rows.push(
      `<tr><td colspan="${header.length}" style="${CELL}font-weight:bold;">${escape(groupLabel(group))}</td></tr>`,
    );
    for (const row of group.rows) {
      const cells = lateCells(row);
      rows.push(`<tr>${cells.map((c) => td(c)).join("")}</tr>`);
      lines.push(tsvLine(cells));
    }
  }
  const html =
    `<table border="1" cellspacing="0" cellpadding="4" style="border-collapse:collapse;${FONT}">` +
    `${rows.join("")}</table>`;
  return { html, text: `${lines.join("\n")}\n` };
}
