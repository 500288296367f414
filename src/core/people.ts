/**
 * A cell naming people or units: `许文理 曾智伟`, `许文理、曾智伟`, `张三，李四`, one per line.
 * Brackets are kept whole (`社会事务办(卫计)` is one unit even though it holds no separator).
 */
const SEPARATORS = /[\s\u3000、，,;；/／]+/u;

export function splitPeople(text: string | null): string[] {
  if (!text) return [];
  return text
    .split(SEPARATORS)
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
}
