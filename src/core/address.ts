/** A1-style addresses. Rows and columns are 0-based inside the core; addresses are what users see. */

/** Letters of the columns a table uses, computed once: every cell address of a check needs one. */
const LETTERS: string[] = [];
const CACHED_COLUMNS = 1024;

export function columnLetter(col: number): string {
  const cached = LETTERS[col];
  if (cached !== undefined) return cached;
  const letters = lettersOf(col);
  if (col >= 0 && col < CACHED_COLUMNS) LETTERS[col] = letters;
  return letters;
}

function lettersOf(col: number): string {
  let n = col + 1;
  let letters = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** `cellAddress(4, 3)` → "D5". */
export function cellAddress(row: number, col: number): string {
  return `${columnLetter(col)}${row + 1}`;
}

/** "D5" (or "Sheet1!$D$5") → { row: 4, col: 3 }; null when it is not a cell address. */
export function parseAddress(address: string): { row: number; col: number } | null {
  const bare = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const match = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(bare);
  if (!match) return null;
  return { row: Number(match[2]) - 1, col: columnIndex(match[1] as string) };
}
