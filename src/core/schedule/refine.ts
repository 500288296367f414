import { isRangeConnector } from "./chars";
import { isDated, type DateToken, type DatedToken, type Token } from "./tokens";

/**
 * Refiners run over the scanner's tokens in order, chrono-style: attach written years to the marker after
 * them, merge `4月至5月` into one range, then settle every marker's year item by item.
 */

function onlySpaces(s: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (s.charAt(i) !== " ") return false;
  return true;
}

/** The year (`2022年`) or relative year (`次年`) right before a dated marker, joined into it. */
function joinYear(year: Token, next: DatedToken): DatedToken | null {
  const range = next.kind === "date" && next.fromMonth !== null;
  if (year.kind === "year") {
    return range
      ? { ...next, year: year.year, fromYear: year.year, start: year.start }
      : { ...next, year: year.year, start: year.start };
  }
  if (year.kind === "relativeYear") {
    return range
      ? { ...next, yearOffset: year.offset, fromYearOffset: year.offset, start: year.start }
      : { ...next, yearOffset: year.offset, start: year.start };
  }
  return null;
}

/**
 * `2022 年 1 月`, `2023年第一季度`, `2022年底`, `次年3月`: the year joins the marker right after it
 * (spaces allowed).
 */
export function attachYears(input: Token[], s: string): Token[] {
  const tokens = [...input];
  const out: Token[] = [];
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k] as Token;
    const next = tokens[k + 1];
    const free =
      next &&
      isDated(next) &&
      next.year === null &&
      next.yearOffset === undefined &&
      onlySpaces(s, t.end, next.start);
    const joined = free ? joinYear(t, next) : null;
    if (joined) {
      tokens[k + 1] = joined;
      continue;
    }
    out.push(t);
  }
  return out;
}

/** The gap between two dates is one range connector (`至`, `到`, `-`, `~`, `—`) with optional spaces. */
function isRangeGap(s: string, from: number, to: number): boolean {
  let connectors = 0;
  for (let i = from; i < to; i++) {
    const ch = s.charAt(i);
    if (ch === " ") continue;
    if (!isRangeConnector(ch) || ++connectors > 1) return false;
  }
  return connectors === 1;
}

/** `4月至5月`, `6月1日至6月30日`, `2023.01-2023.12`, `12月至次年3月`: one marker due at the end of the range. */
export function mergeRanges(input: Token[], s: string): Token[] {
  const tokens = [...input];
  const out: Token[] = [];
  for (let k = 0; k < tokens.length; k++) {
    const a = tokens[k] as Token;
    const b = tokens[k + 1];
    if (
      a.kind === "date" &&
      b?.kind === "date" &&
      a.fromMonth === null &&
      b.fromMonth === null &&
      isRangeGap(s, a.end, b.start)
    ) {
      const merged: DateToken = {
        ...b,
        start: a.start,
        fromMonth: a.month,
        fromYear: a.year,
        fromYearOffset: a.yearOffset,
      };
      tokens[k + 1] = merged;
      continue;
    }
    out.push(a);
  }
  return out;
}

/** A dated marker with its year settled (and the first year of a range). */
export interface Resolved {
  token: DatedToken;
  year: number;
  fromYear: number;
  /** Where the marker's item starts when an enumerator leads straight into it (`1.4月底前` → at `1.`). */
  itemStart: number;
}

function onlyTrim(s: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const ch = s.charAt(i);
    if (ch !== " " && ch !== ":" && ch !== "," && ch !== ";" && ch !== "。" && ch !== "、" && ch !== "，")
      return false;
  }
  return true;
}

/** Years of one dated marker given the year in force; `written` when the text names them. */
function yearsOf(t: DatedToken, itemYear: number): { year: number; fromYear: number; written: boolean } {
  const relative = t.yearOffset === undefined ? null : itemYear + t.yearOffset;
  if (t.kind !== "date" || t.fromMonth === null) {
    const year = t.year ?? relative ?? itemYear;
    return { year, fromYear: year, written: t.year !== null || relative !== null };
  }
  const fromWritten = t.fromYear ?? (t.fromYearOffset === undefined ? null : itemYear + t.fromYearOffset);
  let fromYear = fromWritten ?? t.year ?? itemYear;
  // `2022年12月至次年3月`: the end of a range counts from its start.
  const toWritten = t.year ?? (t.yearOffset === undefined ? null : fromYear + t.yearOffset);
  let year = toWritten ?? fromYear;
  if (year * 12 + t.month < fromYear * 12 + t.fromMonth) {
    if (toWritten === null) year = fromYear + 1;
    else if (fromWritten === null) fromYear = year - 1;
  }
  return { year, fromYear, written: fromWritten !== null || toWritten !== null };
}

/**
 * Years, item by item (SEMANTICS §2–3). A year written before any date expression and before any
 * enumerator is the base year of the whole text; a year next to a date applies to it and to the later
 * dates of the same item; an enumerator starts a new item at the base year.
 */
export function resolveYears(tokens: Token[], s: string, defaultYear: number): Resolved[] {
  let base = defaultYear;
  let itemYear = defaultYear;
  let inItem = false;
  let datedInText = false;
  let datedInItem = false;
  const out: Resolved[] = [];
  tokens.forEach((t, k) => {
    if (t.kind === "enumerator") {
      inItem = true;
      itemYear = base;
      datedInItem = false;
      return;
    }
    // A relative year that no date follows (`明年继续推进`) says nothing about any milestone.
    if (t.kind === "relativeYear") return;
    if (t.kind === "year") {
      if (datedInItem) return;
      itemYear = t.year;
      if (!inItem && !datedInText) base = t.year;
      return;
    }
    const { year, fromYear, written } = yearsOf(t, itemYear);
    if (written) {
      itemYear = year;
      if (!inItem && !datedInText) base = year;
    }
    datedInText = true;
    datedInItem = true;
    const prev = tokens[k - 1];
    const itemStart = prev?.kind === "enumerator" && onlyTrim(s, prev.end, t.start) ? prev.start : t.start;
    out.push({ token: t, year, fromYear, itemStart });
  });
  return out;
}
