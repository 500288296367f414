import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IRunOptions,
} from "docx";
import {
  groupLabel,
  LATE_COLUMNS,
  lateCells,
  UNREPORTED_COLUMNS,
  type LateRow,
  type ReportDocument,
  type UnreportedRow,
} from "./model";

/**
 * The 通报 as a Word document, laid out as GB/T 9704-2012《党政机关公文格式》 asks:
 * - §5.1 A4 (210 mm × 297 mm); §5.2.1 天头 (top margin) 37 mm, 订口 (left margin) 28 mm, 版心 156 mm ×
 *   225 mm, which leaves 35 mm at the bottom and 26 mm at the right;
 * - §5.2.2 and §7.3.3 body in 3号 (16 pt) 仿宋, each paragraph indented two characters; first-level
 *   headings (一、) in 黑体; §5.2.3 22 lines a page, so the exact line pitch is 225 mm ÷ 22;
 * - §7.3.1 title in 2号 (22 pt) 小标宋, centred;
 * - §7.5 page numbers in 4号 (14 pt) 宋体 Arabic digits between two 一字线 (— 1 —), below the text block,
 *   odd pages on the right and even pages on the left, one character in from the edge;
 * - §7.3.5 the date (成文日期) at the end, right, four characters in.
 * Pure: bytes out as a Uint8Array, no file system, so the CLI, the task pane and the web page share it.
 */

/** Twentieths of a point per millimetre. */
const TWIPS_PER_MM = 1440 / 25.4;
const mm = (value: number) => Math.round(value * TWIPS_PER_MM);

const PAGE = { width: 11906, height: 16838 };
const MARGIN = { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) };
/** 156 mm: the 版心's width, which the tables fill. */
const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
/** 225 mm ÷ 22 lines. */
const LINE_PITCH = Math.floor(mm(225) / 22);
/** The page number's 一字线 sits 7 mm below the 版心; Word places a footer by its bottom edge (a 4号 line above). */
const FOOTER_DISTANCE = mm(35 - 7) - 14 * 20;

/** Sizes in half-points: 二号 22 pt, 三号 16 pt, 四号 14 pt, 五号 10.5 pt. */
const SIZE = { title: 44, body: 32, pageNumber: 28, table: 21 };
/** One character of body text, in twips (for indents measured in characters). */
const CHAR = 16 * 20;

/**
 * The fonts as Chinese offices name them. A run can name one font per script; the fallbacks a machine
 * without 仿宋_GB2312 or 方正小标宋简体 should use are given as the font table's `w:altName` (ECMA-376
 * §17.8.3.1: alternative names used to find the font), which Word and WPS honour.
 */
const FONT = {
  body: "仿宋_GB2312",
  title: "方正小标宋简体",
  heading: "黑体",
  pageNumber: "宋体",
  latin: "Times New Roman",
} as const;

const FONT_TABLE: Array<{ name: string; altName?: string; family: string; charset: string }> = [
  { name: FONT.body, altName: "仿宋,FangSong,宋体,SimSun", family: "modern", charset: "86" },
  { name: "仿宋", altName: "FangSong,宋体,SimSun", family: "modern", charset: "86" },
  { name: FONT.title, altName: "小标宋,方正小标宋_GBK,黑体,SimHei", family: "script", charset: "86" },
  { name: FONT.heading, altName: "SimHei", family: "modern", charset: "86" },
  { name: FONT.pageNumber, altName: "SimSun", family: "auto", charset: "86" },
  { name: FONT.latin, family: "roman", charset: "00" },
];

function fontTableXml(): string {
  const fonts = FONT_TABLE.map(
    (f) =>
      `<w:font w:name="${f.name}">${f.altName ? `<w:altName w:val="${f.altName}"/>` : ""}` +
      `<w:charset w:val="${f.charset}"/><w:family w:val="${f.family}"/><w:pitch w:val="variable"/></w:font>`,
  ).join("");
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    `${fonts}</w:fonts>`
  );
}

function font(eastAsia: string): IRunOptions["font"] {
  return { eastAsia, ascii: FONT.latin, hAnsi: FONT.latin, hint: "eastAsia" };
}

function run(text: string, kind: "body" | "heading" | "title" | "table" | "tableHead"): TextRun {
  switch (kind) {
    case "title":
      return new TextRun({ text, font: font(FONT.title), size: SIZE.title });
    case "heading":
      return new TextRun({ text, font: font(FONT.heading), size: SIZE.body });
    case "tableHead":
      return new TextRun({ text, font: font(FONT.heading), size: SIZE.table });
    case "table":
      return new TextRun({ text, font: font(FONT.body), size: SIZE.table });
    default:
      return new TextRun({ text, font: font(FONT.body), size: SIZE.body });
  }
}

const EXACT_LINE = { line: LINE_PITCH, lineRule: LineRuleType.EXACT, before: 0, after: 0 };

function bodyParagraph(text: string, kind: "body" | "heading" = "body"): Paragraph {
  return new Paragraph({
    children: [run(text, kind)],
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: 2 * CHAR },
    spacing: EXACT_LINE,
    // A heading never ends a page.
    keepNext: kind === "heading",
  });
}

function blankLine(): Paragraph {
  return new Paragraph({ children: [run("", "body")], spacing: EXACT_LINE });
}

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: "000000" };
const BORDERS = {
  top: BORDER,
  bottom: BORDER,
  left: BORDER,
  right: BORDER,
  insideHorizontal: BORDER,
  insideVertical: BORDER,
};

/** Table text at an exact pitch of its own: the page's line grid is for the 三号 body text. */
const TABLE_LINE = { line: 15 * 20, lineRule: LineRuleType.EXACT, before: 0, after: 0 };

interface CellOptions {
  head?: boolean;
  span?: number;
  width: number;
  centred?: boolean;
  /** Keep the row on the page of the next one (the header and a group's label never end a page). */
  keepNext?: boolean;
}

function cell(text: string, options: CellOptions) {
  return new TableCell({
    children: [
      new Paragraph({
        children: [run(text, options.head ? "tableHead" : "table")],
        alignment: options.head || options.centred ? AlignmentType.CENTER : AlignmentType.LEFT,
        spacing: TABLE_LINE,
        keepNext: options.keepNext,
      }),
    ],
    columnSpan: options.span,
    width: { size: options.width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    margins: { left: 60, right: 60, top: 30, bottom: 30 },
  });
}

/**
 * A bordered table the width of the 版心 whose first row repeats at the top of every page it runs onto
 * (`w:tblHeader`); rows are never split across pages.
 */
function table(header: readonly string[], widths: readonly number[], rows: TableRow[]): Table {
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [...widths],
    layout: TableLayoutType.FIXED,
    borders: BORDERS,
    rows: [
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: header.map((text, i) =>
          cell(text, { head: true, keepNext: true, width: widths[i] as number }),
        ),
      }),
      ...rows,
    ],
  });
}

/** Column widths of section 二 in twips; they add up to the 版心's 156 mm. */
const LATE_WIDTHS = [1500, 1800, 1100, 700, 860, 1100, 892, 892];
const UNREPORTED_WIDTHS = [3200, 1700, 1600, 2344];

function groupRow(text: string): TableRow {
  return new TableRow({
    cantSplit: true,
    children: [cell(text, { head: true, keepNext: true, span: LATE_COLUMNS.length, width: TEXT_WIDTH })],
  });
}

function lateRowCells(row: LateRow): TableRow {
  return new TableRow({
    cantSplit: true,
    children: lateCells(row).map((text, i) =>
      cell(text, { width: LATE_WIDTHS[i] as number, centred: i === 2 || i === 3 || i === 4 }),
    ),
  });
}

function unreportedRowCells(row: UnreportedRow): TableRow {
  const values = [row.project, row.expected, row.leaders, row.department];
  return new TableRow({
    cantSplit: true,
    children: values.map((text, i) => cell(text, { width: UNREPORTED_WIDTHS[i] as number })),
  });
}

function pageNumberFooter(side: "odd" | "even"): Footer {
  const numberFont = { eastAsia: FONT.pageNumber, ascii: FONT.pageNumber, hAnsi: FONT.pageNumber };
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === "odd" ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === "odd" ? { right: 14 * 20 } : { left: 14 * 20 },
        children: [
          new TextRun({
            children: ["— ", PageNumber.CURRENT, " —"],
            font: numberFont,
            size: SIZE.pageNumber,
          }),
        ],
      }),
    ],
  });
}

/** 2号 characters on one line of the 版心 (156 mm ÷ 22 pt). */
const TITLE_CHARS = Math.floor(TEXT_WIDTH / (22 * 20));
const TITLE_LINE = 35 * 20;

/**
 * §7.3.1: a title that does not fit one line is broken where the words allow, not where the line runs
 * out: after 为民办实事项目 (`关于2023年6月为民办实事项目` / `进展情况的通报`).
 */
export function titleLines(title: string): string[] {
  const width = [...title].reduce((n, ch) => n + (/[\x20-\x7e]/u.test(ch) ? 0.5 : 1), 0);
  const at = title.indexOf("项目") + 2;
  return width <= TITLE_CHARS || at < 2 ? [title] : [title.slice(0, at), title.slice(at)];
}

/** The document's blocks: title, opening, the numbered sections with their tables, the date. */
function body(report: ReportDocument): Array<Paragraph | Table> {
  const blocks: Array<Paragraph | Table> = [
    new Paragraph({
      children: titleLines(report.title).flatMap((text, i) => [
        ...(i > 0 ? [new TextRun({ break: 1 })] : []),
        run(text, "title"),
      ]),
      alignment: AlignmentType.CENTER,
      spacing: { line: TITLE_LINE, lineRule: LineRuleType.EXACT },
    }),
    blankLine(),
    bodyParagraph(report.opening),
  ];
  for (const section of report.sections) {
    blocks.push(bodyParagraph(section.heading, "heading"));
    for (const text of section.paragraphs) blocks.push(bodyParagraph(text));
    if (section.kind === "late") {
      const rows = section.groups.flatMap((group) => [
        groupRow(groupLabel(group)),
        ...group.rows.map(lateRowCells),
      ]);
      blocks.push(
        table(
          LATE_COLUMNS.map((c) => c.zh),
          LATE_WIDTHS,
          rows,
        ),
      );
    } else if (section.kind === "unreported") {
      blocks.push(
        table(
          UNREPORTED_COLUMNS.map((c) => c.zh),
          UNREPORTED_WIDTHS,
          section.rows.map(unreportedRowCells),
        ),
      );
    }
  }
  blocks.push(
    blankLine(),
    new Paragraph({
      children: [run(report.dateText, "body")],
      alignment: AlignmentType.RIGHT,
      indent: { right: 4 * CHAR },
      spacing: EXACT_LINE,
    }),
  );
  return blocks;
}

/** The .docx file of a 通报. */
export async function reportDocx(report: ReportDocument): Promise<Uint8Array> {
  const document = new Document({
    title: report.title,
    creator: "实事督办 DutyCheck",
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: { font: font(FONT.body), size: SIZE.body, language: { eastAsia: "zh-CN", value: "zh-CN" } },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: PAGE,
            margin: { ...MARGIN, header: mm(15), footer: FOOTER_DISTANCE },
          },
        },
        footers: { default: pageNumberFooter("odd"), even: pageNumberFooter("even") },
        children: body(report),
      },
    ],
  });
  const bytes = await Packer.toArrayBuffer(document, false, [
    { path: "word/fontTable.xml", data: fontTableXml() },
  ]);
  return new Uint8Array(bytes);
}
