import { format } from "date-fns";
import { z } from "zod";
import { parseAddress } from "../address";
import { WRITTEN_DATE_EXPECTED, WRITTEN_DATE_EXPECTED_EN, parseWrittenDate } from "../dates";
import { CheckOptionsSchema, DUE_SOON_DAYS_EXPECTED } from "../options";
import { serialToIso } from "../schedule";

/**
 * Arguments of the `DUTY.*` formulas as the spreadsheet hands them over (Excel's custom functions and
 * WPS's alike), checked at the boundary (zod) and turned into what the core wants. Pure, so both faces
 * read a date or an address by the same rule.
 */

/** A failed argument: `invalidValue` shows as `#VALUE!`, `notAvailable` as `#N/A`. */
export interface ArgError {
  ok: false;
  code: "invalidValue" | "notAvailable";
  message: string;
  messageEn: string;
}

export type Parsed<T> = { ok: true; value: T } | ArgError;

export function argError(code: ArgError["code"], message: string, messageEn: string): ArgError {
  return { ok: false, code, message, messageEn };
}

export const AS_OF_EXPECTED = WRITTEN_DATE_EXPECTED;
const AS_OF_EXPECTED_EN = WRITTEN_DATE_EXPECTED_EN;

/** Both forms become ISO `YYYY-MM-DD`; serials go through the core's 1900-system rule (no serial 60). */
const AsOfSchema = z.union([
  z.number().transform((serial, ctx) => {
    const iso = serialToIso(serial);
    if (iso === null) {
      ctx.addIssue({ code: "custom", message: AS_OF_EXPECTED });
      return z.NEVER;
    }
    return iso;
  }),
  z.string().transform((text, ctx) => {
    const date = parseWrittenDate(text);
    if (date === null) {
      ctx.addIssue({ code: "custom", message: AS_OF_EXPECTED });
      return z.NEVER;
    }
    return format(date, "yyyy-MM-dd");
  }),
]);

/** Parsed dates by argument: a column of formulas passes the same date 1,000 times in one wave. */
const asOfMemo = new Map<string, Parsed<string>>();
const AS_OF_MEMO_LIMIT = 256;

function parseGivenAsOf(value: unknown): Parsed<string> {
  const parsed = AsOfSchema.safeParse(value);
  if (parsed.success) return { ok: true, value: parsed.data };
  const shown = typeof value === "string" ? `“${value}”` : String(value);
  return argError("invalidValue", `${AS_OF_EXPECTED}，收到 ${shown}`, `${AS_OF_EXPECTED_EN}; got ${shown}`);
}

/**
 * The reference date argument: an Excel date serial, a written date (`2023-06-30`, `2023/6/30`,
 * `2023年6月30日`, `June 30, 2023`), or nothing (today). Returns `YYYY-MM-DD`.
 */
export function parseAsOf(value: unknown, today: Date): Parsed<string> {
  if (value === null || value === undefined || value === "") {
    return { ok: true, value: format(today, "yyyy-MM-dd") };
  }
  const key = `${typeof value}:${String(value)}`;
  const known = asOfMemo.get(key);
  if (known) return known;
  const parsed = parseGivenAsOf(value);
  if (asOfMemo.size >= AS_OF_MEMO_LIMIT) asOfMemo.clear();
  asOfMemo.set(key, parsed);
  return parsed;
}

const DueSoonDaysSchema = CheckOptionsSchema.shape.dueSoonDays.unwrap();

/**
 * The due-soon window argument of `DUTY.STATUS`: a whole number of days (0–366), or nothing (the core's
 * default). 插入状态列 writes it when the pane was checked with another window, so the column and the pane
 * give one answer.
 */
export function parseDueSoonDays(value: unknown): Parsed<number | undefined> {
  if (value === null || value === undefined || value === "") return { ok: true, value: undefined };
  const parsed = DueSoonDaysSchema.safeParse(value);
  if (parsed.success) return { ok: true, value: parsed.data };
  const shown = typeof value === "string" ? `“${value}”` : String(value);
  return argError(
    "invalidValue",
    `临期天数${DUE_SOON_DAYS_EXPECTED}，收到 ${shown}`,
    `Due-soon days should be a whole number from 0 to 366; got ${shown}`,
  );
}

/** Where the first argument points: a sheet and a 0-based cell (the top-left one of a range). */
export interface CellRef {
  sheet: string;
  row: number;
  col: number;
  /** The bare A1 address of that cell, for messages. */
  address: string;
}

/** The sheet part of `Sheet1!A2`, `'My ''big'' sheet'!A2`, `[Book1.xlsx]Sheet1!A2`. */
export function sheetName(part: string): string {
  const unquoted = /^'(.*)'$/su.exec(part);
  const name = unquoted ? (unquoted[1] as string).replace(/''/gu, "'") : part;
  return name.replace(/^\[[^\]]*\]/u, "");
}

/**
 * The address a host gives for the first argument (`SheetName!A2`, or a range `SheetName!A2:C2`). Without
 * a sheet, `defaultSheet` is used: the calling cell's sheet where the host knows it (WPS). Excel's
 * functions pass none: Excel names the sheet in every parameter address, and hands over the calling cell's
 * address only to functions declaring `@requiresAddress`, so an address without a sheet is refused there.
 */
export function parseCellRef(address: unknown, defaultSheet: string | null = null): Parsed<CellRef> {
  const bad = argError(
    "invalidValue",
    "第一个参数应为项目所在行的单元格，如 A5",
    "The first argument should be a cell in the project's row, such as A5",
  );
  if (typeof address !== "string" || address.trim() === "") return bad;
  const text = address.trim();
  const bang = text.lastIndexOf("!");
  const sheet = bang >= 0 ? sheetName(text.slice(0, bang)) : defaultSheet;
  const first = (bang >= 0 ? text.slice(bang + 1) : text).split(":")[0] ?? "";
  const cell = parseAddress(first);
  if (!cell || !sheet) return bad;
  return {
    ok: true,
    value: { sheet, row: cell.row, col: cell.col, address: first.replace(/\$/gu, "").toUpperCase() },
  };
}

export type InvestKind = "annual" | "total" | "share";

const KIND_WORDS: Record<string, InvestKind> = {
  年度: "annual",
  年度投资: "annual",
  年度计划投资: "annual",
  当年: "annual",
  annual: "annual",
  year: "annual",
  总: "total",
  总投资: "total",
  计划总投资: "total",
  total: "total",
  占比: "share",
  比例: "share",
  年度占比: "share",
  share: "share",
  ratio: "share",
};

const KindSchema = z
  .string()
  .transform((s) => s.replace(/\s+/gu, "").toLowerCase())
  .pipe(z.enum(Object.keys(KIND_WORDS) as [string, ...string[]]))
  .transform((word) => KIND_WORDS[word] as InvestKind);

/** `年度` / `总` / `占比` (or annual / total / share) → which total `DUTY.INVEST` returns. */
export function parseInvestKind(value: unknown): Parsed<InvestKind> {
  const parsed = KindSchema.safeParse(value);
  if (parsed.success) return { ok: true, value: parsed.data };
  return argError(
    "invalidValue",
    "类别应为 年度、总 或 占比",
    "The kind should be 年度 (annual), 总 (total) or 占比 (share)",
  );
}
