import { attr, elements, escapeXml, firstElement, withAttr, type XmlElement } from "./xml";

/**
 * Built-in number formats by id (ECMA-376 Part 1, §18.8.30), the East Asian ones as a Chinese Excel shows
 * them. Only the format's kind matters to the check (a date, a number with decimals).
 */
const BUILTIN_FORMATS: Record<number, string> = {
  0: "General",
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: 'm/d/yy "h":mm',
  27: 'yyyy"年"m"月"',
  28: 'm"月"d"日"',
  29: 'm"月"d"日"',
  30: "m-d-yy",
  31: 'yyyy"年"m"月"d"日"',
  32: 'h"时"mm"分"',
  33: 'h"时"mm"分"ss"秒"',
  34: '上午/下午 h"时"mm"分"',
  35: '上午/下午 h"时"mm"分"ss"秒"',
  36: 'yyyy"年"m"月"',
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00 ;(#,##0.00)",
  40: "#,##0.00 ;[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
  50: 'yyyy"年"m"月"',
  51: 'm"月"d"日"',
  52: 'yyyy"年"m"月"',
  53: 'm"月"d"日"',
  54: 'm"月"d"日"',
  55: '上午/下午 h"时"mm"分"',
  56: '上午/下午 h"时"mm"分"ss"秒"',
  57: 'yyyy"年"m"月"',
  58: 'm"月"d"日"',
};

function customFormats(xml: string): Map<number, string> {
  const formats = new Map<number, string>();
  const section = firstElement(xml, "numFmts");
  for (const f of elements(section?.inner ?? "", "numFmt")) {
    formats.set(Number(attr(f.attrs, "numFmtId")), attr(f.attrs, "formatCode") ?? "General");
  }
  return formats;
}

/** The number format code of each cell style (`s` of a cell indexes this list). */
export function cellFormats(xml: string | null): string[] {
  if (!xml) return [];
  const custom = customFormats(xml);
  const xfs = firstElement(xml, "cellXfs");
  const formats: string[] = [];
  for (const xf of elements(xfs?.inner ?? "", "xf")) {
    const id = Number(attr(xf.attrs, "numFmtId") ?? 0);
    formats.push(custom.get(id) ?? BUILTIN_FORMATS[id] ?? "General");
  }
  return formats;
}

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

/** The styles part of a workbook that has none: Excel's defaults (one font, the two required fills, one border). */
export const DEFAULT_STYLES =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${MAIN}">` +
  `<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>` +
  `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
  `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
  `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
  `<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>` +
  `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

/** CT_Stylesheet's children in schema order: a missing section is inserted before the first later one. */
const ORDER = ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs"];

interface Section {
  name: string;
  element: XmlElement | null;
  /** The children already there, as written. */
  items: string[];
  added: string[];
}

/** What a new cell style changes from its base. */
export interface XfChanges {
  fillId?: number;
  borderId?: number;
  fontId?: number;
  numFmtId?: number;
  /** An `<alignment>`'s attributes, e.g. `wrapText="1" vertical="top"`. */
  alignment?: string;
}

/**
 * Adds fonts, fills, number formats and cell styles to a styles part, leaving everything there as it was:
 * existing styles keep their indexes, so every cell the copy does not mark keeps its look.
 */
export class StyleSheetEditor {
  private readonly sections = new Map<string, Section>();
  private readonly prefix: string;
  private readonly memo = new Map<string, number>();

  constructor(private readonly xml: string) {
    this.prefix = /<([\w.-]+:)?styleSheet[\s>]/.exec(xml)?.[1] ?? "";
    const child: Record<string, string> = {
      numFmts: "numFmt",
      fonts: "font",
      fills: "fill",
      borders: "border",
      cellXfs: "xf",
    };
    for (const [name, item] of Object.entries(child)) {
      const element = firstElement(xml, name);
      const items = [...elements(element?.inner ?? "", item)].map((e) =>
        (element?.inner ?? "").slice(e.start, e.end),
      );
      this.sections.set(name, { name, element, items, added: [] });
    }
  }

  private section(name: string): Section {
    return this.sections.get(name) as Section;
  }

  private add(name: string, xml: string): number {
    const section = this.section(name);
    const key = `${name}:${xml}`;
    const known = this.memo.get(key);
    if (known !== undefined) return known;
    section.added.push(xml);
    const index = section.items.length + section.added.length - 1;
    this.memo.set(key, index);
    return index;
  }

  /** A solid fill of an ARGB colour (`FFFFC7CE`). */
  fill(argb: string): number {
    const p = this.prefix;
    return this.add(
      "fills",
      `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${argb}"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`,
    );
  }

  /** The same line on all four edges (`dashed`, `medium`) in an ARGB colour. */
  outline(style: string, argb: string): number {
    const p = this.prefix;
    const edge = (name: string) => `<${p}${name} style="${style}"><${p}color rgb="${argb}"/></${p}${name}>`;
    // CT_Border's children are a sequence: left, right, top, bottom, diagonal.
    return this.add(
      "borders",
      `<${p}border>${edge("left")}${edge("right")}${edge("top")}${edge("bottom")}<${p}diagonal/></${p}border>`,
    );
  }

  /** The default font (font 0) with `extra` children, any `<color>` of its own replaced when `extra` has one. */
  font(extra: string): number {
    const p = this.prefix;
    const base = this.section("fonts").items[0] ?? `<${p}font><${p}sz val="11"/></${p}font>`;
    const open = /^<[^>]*?(\/?)>/.exec(base);
    const body = open?.[1] ? "" : base.slice(open?.[0].length ?? 0, base.lastIndexOf("<"));
    const kept = extra.includes("color")
      ? body.replace(/<([\w.-]+:)?color\b[^>]*?(\/>|>[\s\S]*?<\/\1?color>)/g, "")
      : body;
    return this.add("fonts", `<${p}font>${extra}${kept}</${p}font>`);
  }

  /** A number format's id, custom ids from 164 on (below are built-in). */
  numFmt(code: string): number {
    const section = this.section("numFmts");
    const existing = [...section.items, ...section.added];
    for (const item of existing) if (attr(item, "formatCode") === code) return Number(attr(item, "numFmtId"));
    const id = existing.reduce((max, item) => Math.max(max, Number(attr(item, "numFmtId") ?? 0)), 163) + 1;
    section.added.push(`<${this.prefix}numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`);
    return id;
  }

  /** A cell style like `base` (a `cellXfs` index; null for the default) with `changes`. */
  xf(base: number | null, changes: XfChanges): number {
    const p = this.prefix;
    const source =
      (base === null ? undefined : this.section("cellXfs").items[base]) ??
      `<${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`;
    const open = /^<([\w.:-]+)([^>]*?)(\/?)>/.exec(source);
    const tag = open?.[1] ?? `${p}xf`;
    let attrs = open?.[2] ?? "";
    let inner = open?.[3] ? "" : source.slice(open?.[0].length ?? 0, source.lastIndexOf("<"));
    if (changes.fillId !== undefined)
      attrs = withAttr(withAttr(attrs, "fillId", String(changes.fillId)), "applyFill", "1");
    if (changes.borderId !== undefined)
      attrs = withAttr(withAttr(attrs, "borderId", String(changes.borderId)), "applyBorder", "1");
    if (changes.fontId !== undefined)
      attrs = withAttr(withAttr(attrs, "fontId", String(changes.fontId)), "applyFont", "1");
    if (changes.numFmtId !== undefined)
      attrs = withAttr(withAttr(attrs, "numFmtId", String(changes.numFmtId)), "applyNumberFormat", "1");
    if (changes.alignment !== undefined) {
      attrs = withAttr(attrs, "applyAlignment", "1");
      // CT_Xf's children are a sequence: alignment comes first.
      inner = `<${p}alignment ${changes.alignment}/>${inner.replace(/<([\w.-]+:)?alignment\b[^>]*?(\/>|>[\s\S]*?<\/\1?alignment>)/g, "")}`;
    }
    return this.add("cellXfs", inner ? `<${tag}${attrs}>${inner}</${tag}>` : `<${tag}${attrs}/>`);
  }

  /** The styles part with what was added. */
  toXml(): string {
    const edits: Array<{ start: number; end: number; text: string }> = [];
    for (const section of this.sections.values()) {
      if (section.added.length === 0) continue;
      const count = section.items.length + section.added.length;
      const children = section.items.join("") + section.added.join("");
      const element = section.element;
      if (element) {
        const tag = element.tag;
        edits.push({
          start: element.start,
          end: element.end,
          text: `<${tag}${withAttr(element.attrs, "count", String(count))}>${children}</${tag}>`,
        });
        continue;
      }
      const tag = `${this.prefix}${section.name}`;
      const later = ORDER.slice(ORDER.indexOf(section.name) + 1)
        .map((name) => firstElement(this.xml, name)?.start)
        .find((at) => at !== undefined);
      const at = later ?? this.xml.lastIndexOf(`</${this.prefix}styleSheet>`);
      edits.push({ start: at, end: at, text: `<${tag} count="${count}">${children}</${tag}>` });
    }
    let xml = this.xml;
    // From the end, a replacement before an insertion at the same place: earlier offsets stay valid.
    for (const edit of edits.sort((a, b) => b.start - a.start || b.end - a.end))
      xml = xml.slice(0, edit.start) + edit.text + xml.slice(edit.end);
    return xml;
  }
}
