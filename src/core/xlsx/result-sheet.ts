import { columnLetter } from "../address";
import { daysText, periodLabel } from "../labels";
import { MARK_FILL, STATUS_MARK, type MarkKind, type StatusMarkKind } from "../marks";
import { productSheetLine } from "../product-sheet";
import { isoToSerial } from "../schedule";
import { MILESTONE_STATUS_LABEL, PROJECT_STATUS_LABEL } from "../status";
import type { SheetResult } from "../types";
import type { StyleSheetEditor } from "./styles";
import { encodeXstring, Utf8Writer } from "./xml";

/** The sheet a marked copy adds, listing every milestone. */
export const RESULT_SHEET = "检查结果";

const COLUMNS: Array<{ header: string; width: number }> = [
  { header: "工作表", width: 12 },
  { header: "序号", width: 6 },
  { header: "项目名称", width: 28 },
  { header: "责任领导", width: 12 },
  { header: "责任科室", width: 16 },
  { header: "责任人员", width: 10 },
  { header: "时段", width: 14 },
  { header: "截止日期", width: 12 },
  { header: "状态", width: 8 },
  { header: "天数", width: 12 },
  { header: "节点内容", width: 48 },
  { header: "来源单元格", width: 10 },
];

/** `#ARGB` of a mark's fill, as a styles part writes colours. */
export function markArgb(kind: MarkKind): string {
  return `FF${MARK_FILL[kind].slice(1).toUpperCase()}`;
}

interface Styles {
  bold: number;
  header: number;
  date: number;
  wrap: number;
  link: number;
  mark: Record<StatusMarkKind, number>;
}

function resultStyles(editor: StyleSheetEditor): Styles {
  const bold = editor.font("<b/>");
  const status = (kind: StatusMarkKind) => editor.xf(0, { fillId: editor.fill(markArgb(kind)) });
  return {
    bold: editor.xf(0, { fontId: bold }),
    header: editor.xf(0, { fontId: bold, alignment: 'horizontal="center" vertical="center"' }),
    date: editor.xf(0, { numFmtId: editor.numFmt("yyyy-mm-dd") }),
    wrap: editor.xf(0, { alignment: 'wrapText="1" vertical="top"' }),
    link: editor.xf(0, { fontId: editor.font('<u/><color rgb="FF0563C1"/>') }),
    mark: { overdue: status("overdue"), dueSoon: status("dueSoon"), done: status("done") },
  };
}

/**
 * A cell as written after its reference (`<c r="C5` + this): built once and written on every row it
 * repeats on (a project's columns repeat on each of its milestones' rows). null is an empty cell.
 */
type Cell = string | null;

function styleAttr(style: number | undefined): string {
  return style ? ` s="${style}"` : "";
}

function text(value: string, style?: number): Cell {
  if (value === "") return null;
  const space = /^\s|\s$/.test(value) ? ' xml:space="preserve"' : "";
  return `"${styleAttr(style)} t="inlineStr"><is><t${space}>${encodeXstring(value)}</t></is></c>`;
}

function number(value: number, style?: number): Cell {
  return `"${styleAttr(style)}><v>${value}</v></c>`;
}

/**
 * A link to a cell of this workbook. A HYPERLINK formula (its result cached) works alike in Excel, WPS
 * and LibreOffice. Sheet names are quoted, inner quotes doubled, and quotes doubled again inside the
 * formula's string.
 */
function link(sheet: string, cell: string, style: number): Cell {
  const target = `#'${sheet.replace(/'/g, "''")}'!${cell}`;
  const formula = `HYPERLINK("${target.replace(/"/g, '""')}","${cell}")`;
  return `"${styleAttr(style)} t="str"><f>${encodeXstring(formula)}</f><v>${encodeXstring(cell)}</v></c>`;
}

const LETTERS = COLUMNS.map((_, col) => columnLetter(col));

function rowXml(row: number, cells: Cell[]): string {
  const r = String(row + 1);
  let xml = `<row r="${r}">`;
  cells.forEach((cell, col) => {
    if (cell !== null) xml += `<c r="${LETTERS[col] as string}${r}${cell}`;
  });
  return `${xml}</row>`;
}

/** The one sheet the results come from, when there is one; several sheets name none. */
function sourceSheet(results: SheetResult[]): string | null {
  const sheets = new Set(results.filter((r) => r.tables.length > 0).map((r) => r.sheet));
  return sheets.size === 1 ? ([...sheets][0] as string) : null;
}

/**
 * The worksheet part of the 检查结果 sheet: the product's marker line (so that no face ever reads it as a
 * project table), a header, then one row per milestone and one per project without any, each linked to
 * its source cell; frozen under the header, filterable. Text is written inline: the workbook's shared
 * strings stay as they were.
 */
export function resultSheetXml(results: SheetResult[], asOf: string, editor: StyleSheetEditor): Uint8Array {
  const styles = resultStyles(editor);
  // Due dates repeat (quarter ends): each is turned into a serial once.
  const serials = new Map<string, number | null>();
  const serialOf = (iso: string) => {
    if (!serials.has(iso)) serials.set(iso, isoToSerial(iso));
    return serials.get(iso) ?? null;
  };
  const last = columnLetter(COLUMNS.length - 1);
  const cols = COLUMNS.map(
    (c, i) => `<col min="${i + 1}" max="${i + 1}" width="${c.width}" customWidth="1"/>`,
  ).join("");
  const out = new Utf8Writer();
  out.write(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
      `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
      `<sheetViews><sheetView workbookViewId="0"><pane ySplit="2" topLeftCell="A3" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>` +
      `<sheetFormatPr defaultRowHeight="15"/><cols>${cols}</cols><sheetData>`,
  );
  let row = 0;
  const addRow = (cells: Cell[]) => {
    out.write(rowXml(row, cells));
    row += 1;
  };
  addRow([text(productSheetLine(sourceSheet(results), asOf), styles.bold)]);
  addRow(COLUMNS.map((c) => text(c.header, styles.header)));
  for (const result of results) {
    for (const table of result.tables) {
      const sheetName = text(table.sheet);
      for (const project of table.projects) {
        const base: Cell[] = [
          sheetName,
          text(project.index ?? ""),
          text(project.name ?? ""),
          text(project.leaders.join("、")),
          text(project.department ?? ""),
          text(project.person ?? ""),
        ];
        if (project.milestones.length === 0) {
          const source = project.cells.schedule[0] ?? project.cells.name;
          addRow([
            ...base,
            null,
            null,
            text(PROJECT_STATUS_LABEL[project.status].zh),
            null,
            null,
            source ? link(table.sheet, source, styles.link) : null,
          ]);
          continue;
        }
        for (const m of project.milestones) {
          const serial = serialOf(m.due);
          const kind = STATUS_MARK[m.status];
          addRow([
            ...base,
            text(periodLabel(m)),
            // A serial so the due column sorts and filters as dates; the ISO text if Excel has none for it.
            serial === null ? text(m.due) : number(serial, styles.date),
            text(MILESTONE_STATUS_LABEL[m.status].zh, kind ? styles.mark[kind] : undefined),
            text(m.status === "done" ? "" : daysText(m)),
            text(m.text, styles.wrap),
            link(table.sheet, m.cell, styles.link),
          ]);
        }
      }
    }
  }
  out.write(`</sheetData><autoFilter ref="A2:${last}${Math.max(2, row)}"/></worksheet>`);
  return out.bytes();
}
