import { normalize } from "./chars";
import { matchMonth, matchPeriod, matchRelativeYear, matchYear, mayStartDate } from "./date";
import { matchEnumerator, mayStartEnumerator } from "./enumerator";
import { matchQuarter } from "./quarter";
import type { Token } from "./tokens";

type Matcher = (s: string, i: number) => Token | null;

/**
 * Order matters where two readings start at the same place: a quarter group wins over an enumerator
 * (`一、二季度` is quarters 1–2), a year-month over a month, and an enumerator is tried last (`1.4月`).
 */
const MATCHERS: Matcher[] = [
  matchQuarter,
  matchYear,
  matchMonth,
  matchPeriod,
  matchRelativeYear,
  matchEnumerator,
];

function mayStart(ch: string): boolean {
  return ch === "第" || ch === "前" || ch === "Q" || ch === "q" || mayStartDate(ch) || mayStartEnumerator(ch);
}

/**
 * Every marker in a schedule text, in source order, non-overlapping. One left-to-right pass: at each
 * position the matchers read a bounded number of characters, and a match resumes after itself.
 */
export function scan(text: string): { normalized: string; tokens: Token[] } {
  const s = normalize(text);
  const tokens: Token[] = [];
  let i = 0;
  while (i < s.length) {
    if (!mayStart(s.charAt(i))) {
      i++;
      continue;
    }
    let found: Token | null = null;
    for (const match of MATCHERS) {
      found = match(s, i);
      if (found) break;
    }
    if (found) {
      tokens.push(found);
      i = found.end;
    } else {
      i++;
    }
  }
  return { normalized: s, tokens };
}
