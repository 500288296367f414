/**
 * The little XML an .xlsx needs: SpreadsheetML parts are flat lists of small elements, so a few scanners
 * read them faster than a general parser would, at any size. Element names may carry a namespace prefix
 * (`<x:c>` from the Open XML SDK); attributes may use either quote.
 */

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** Entities and character references → text. */
export function decodeXml(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(/&(#[xX][0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (match, ref: string) => {
    if (ref[0] !== "#") return ENTITIES[ref] ?? match;
    const code = ref[1] === "x" || ref[1] === "X" ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : match;
  });
}

/**
 * Text of an `ST_Xstring` (cell text, shared strings): XML-decoded, then `_xHHHH_` escapes, which is how
 * characters XML cannot hold (control characters) travel in a workbook (ECMA-376 Part 1, §22.9.2.19).
 */
export function decodeXstring(text: string): string {
  const decoded = decodeXml(text);
  if (!decoded.includes("_x")) return decoded;
  return decoded.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

export function escapeXml(text: string): string {
  return text.replace(/[&<>"]/g, (c) =>
    c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : "&quot;",
  );
}

/** Characters XML 1.0 cannot hold, and surrogates: a pair matches as two characters (kept), a lone one as one. */
const NOT_XML =
  // eslint-disable-next-line no-control-regex -- control characters are what is looked for
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff][\udc00-\udfff]?|[\udc00-\udfff]/g;

// eslint-disable-next-line no-control-regex -- control characters are what is looked for
const NEEDS_ENCODING = /[&<>"_\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff\ufffe\uffff]/;

/** The inverse of `decodeXstring`: a literal `_xHHHH_` is escaped, what XML cannot hold becomes `_xHHHH_`. */
export function encodeXstring(text: string): string {
  if (!NEEDS_ENCODING.test(text)) return text;
  const escaped = text
    .replace(/_(?=x[0-9A-Fa-f]{4}_)/g, "_x005F_")
    .replace(NOT_XML, (c) =>
      c.length === 2 ? c : `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`,
    );
  return escapeXml(escaped);
}

const ATTRIBUTES = new Map<string, RegExp>();

/** An attribute of a start tag's attribute text, decoded; null when absent. */
export function attr(attrs: string, name: string): string | null {
  // The common case first: ` name="…"`, found without a regular expression.
  const quick = attrs.indexOf(` ${name}="`);
  if (quick >= 0) {
    const start = quick + name.length + 3;
    return decodeXml(attrs.slice(start, attrs.indexOf('"', start)));
  }
  let pattern = ATTRIBUTES.get(name);
  if (!pattern) {
    pattern = new RegExp(`(?:^|\\s)${name.replace(/[.:]/g, "\\$&")}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`);
    ATTRIBUTES.set(name, pattern);
  }
  const match = pattern.exec(attrs);
  return match ? decodeXml(match[1] ?? match[2] ?? "") : null;
}

/** `attrs` with `name` set to `value` (replaced where present, else added at the end). */
export function withAttr(attrs: string, name: string, value: string): string {
  const pattern = new RegExp(`(\\s${name.replace(/[.:]/g, "\\$&")}\\s*=\\s*)(?:"[^"]*"|'[^']*')`);
  const quoted = `"${escapeXml(value)}"`;
  return pattern.test(attrs) ? attrs.replace(pattern, `$1${quoted}`) : `${attrs} ${name}=${quoted}`;
}

export interface XmlElement {
  /** The qualified name as written (`c`, `x:c`). */
  tag: string;
  attrs: string;
  /** Content between the start and end tags; null for an empty-element tag. */
  inner: string | null;
  /** Offsets of the element in the text: `<` of the start tag, end of the start tag, end of the element. */
  start: number;
  openEnd: number;
  end: number;
}

const ELEMENT_PATTERNS = new Map<string, RegExp>();

/**
 * Each element named `name` (any prefix) in `xml` between `from` and `to`, in order. Not for elements that
 * nest inside themselves; nothing in the parts read here does.
 */
export function* elements(xml: string, name: string, from = 0, to = xml.length): Generator<XmlElement> {
  let pattern = ELEMENT_PATTERNS.get(name);
  if (!pattern) {
    pattern = new RegExp(`<((?:[\\w.-]+:)?${name})(?=[\\s/>])([^>]*?)(/?)>`, "g");
    ELEMENT_PATTERNS.set(name, pattern);
  }
  const re = new RegExp(pattern.source, "g");
  re.lastIndex = from;
  for (let m = re.exec(xml); m && m.index < to; m = re.exec(xml)) {
    const tag = m[1] as string;
    const openEnd = re.lastIndex;
    if (m[3]) {
      yield { tag, attrs: m[2] as string, inner: null, start: m.index, openEnd, end: openEnd };
      continue;
    }
    const close = xml.indexOf(`</${tag}>`, openEnd);
    if (close < 0) return;
    const end = close + tag.length + 3;
    re.lastIndex = end;
    yield { tag, attrs: m[2] as string, inner: xml.slice(openEnd, close), start: m.index, openEnd, end };
  }
}

/** The first element named `name`, or null. */
export function firstElement(xml: string, name: string, from = 0, to = xml.length): XmlElement | null {
  for (const element of elements(xml, name, from, to)) return element;
  return null;
}

const TEXT = /<(?:[\w.-]+:)?t(?:\s[^>]*)?>([^<]*)<\/(?:[\w.-]+:)?t>/g;

/** The concatenated `<t>` texts of a string item (`<si>`, `<is>`): runs joined, phonetic runs (`<rPh>`) left out. */
export function runText(inner: string): string {
  const text = inner.includes("rPh") ? inner.replace(/<((?:[\w.-]+:)?rPh)\b[\s\S]*?<\/\1>/g, "") : inner;
  let out = "";
  TEXT.lastIndex = 0;
  for (let m = TEXT.exec(text); m; m = TEXT.exec(text)) out += decodeXstring(m[1] as string);
  return out;
}

const encoder = new TextEncoder();

/**
 * Text written out as UTF-8 into one growing buffer: a part of hundreds of thousands of rows never exists
 * as one string, nor as pieces waiting to be joined.
 */
export class Utf8Writer {
  private buffer = new Uint8Array(1 << 16);
  private length = 0;

  write(text: string): void {
    // A UTF-16 code unit never takes more than three bytes in UTF-8.
    const needed = this.length + text.length * 3;
    if (needed > this.buffer.length) {
      const grown = new Uint8Array(Math.max(needed, this.buffer.length * 2));
      grown.set(this.buffer.subarray(0, this.length));
      this.buffer = grown;
    }
    this.length += encoder.encodeInto(text, this.buffer.subarray(this.length)).written;
  }

  bytes(): Uint8Array {
    return this.buffer.subarray(0, this.length);
  }
}

const utf8 = new TextDecoder("utf-8");
const utf16 = new TextDecoder("utf-16le");

/** A part's bytes as text: UTF-8 (BOM dropped), or UTF-16 where the part says so with its BOM. */
export function partText(bytes: Uint8Array): string {
  return bytes[0] === 0xff && bytes[1] === 0xfe ? utf16.decode(bytes) : utf8.decode(bytes);
}
