/// <reference types="custom-functions-runtime" />
import { performance } from "node:perf_hooks";
import { cellAddress } from "../src/core/address";
import type { SheetGrid } from "../src/core/types";
import { status } from "../src/functions/functions";
import { generateGrid } from "./generate";

const STATUS_WORDS = new Set(["逾期", "临期", "正常", "已完成", "未排期"]);

/** Just enough of Office.js for `readSheetGrid`: a used range, no merged areas, events accepted. */
function fakeExcel(grid: SheetGrid): { run: typeof Excel.run; runs: () => number } {
  const width = grid.values[0]?.length ?? 1;
  const usedRange = {
    load: () => usedRange,
    isNullObject: false,
    address: `${grid.sheet}!A1:${cellAddress(grid.values.length - 1, width - 1)}`,
    values: grid.values,
    numberFormat: grid.values.map((row) => row.map(() => "General")),
  };
  const noMerges = { load: () => noMerges, isNullObject: true, address: "" };
  const sheet = {
    name: grid.sheet,
    load: () => sheet,
    getUsedRangeOrNullObject: () => usedRange,
    getRange: () => ({ getMergedAreasOrNullObject: () => noMerges }),
    onChanged: { add: () => ({}) },
  };
  const context = { workbook: { worksheets: { getItem: () => sheet } }, sync: async () => undefined };
  let runs = 0;
  const run = async (batch: (context: Excel.RequestContext) => Promise<unknown>) => {
    runs += 1;
    return batch(context as unknown as Excel.RequestContext);
  };
  return { run: run as unknown as typeof Excel.run, runs: () => runs };
}

/**
 * Milliseconds for `calls` `=DUTY.STATUS(A<row>, "2023-06-20")` evaluations arriving in one wave against a
 * 1,000-project table that the functions' cache already holds (read and checked once, before timing).
 */
export async function functionsBench(calls = 1000): Promise<number> {
  const grid = generateGrid(1000);
  const excel = fakeExcel(grid);
  const globals = globalThis as unknown as Record<string, unknown>;
  globals.Excel = { run: excel.run };
  globals.CustomFunctions = {
    Error: class {
      constructor(
        readonly code: string,
        readonly message?: string,
      ) {}
    },
    ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A" },
  };
  const rows = grid.values.flatMap((row, r) => (typeof row[0] === "number" ? [r + 1] : [])).slice(0, calls);
  const call = (row: number) =>
    status(`A${row}`, "2023-06-20", null, {
      parameterAddresses: [`${grid.sheet}!A${row}`, ""],
    });

  await call(rows[0] as number);
  const readsBefore = excel.runs();
  const start = performance.now();
  const answers = await Promise.all(rows.map(call));
  const elapsed = performance.now() - start;

  if (answers.length !== calls || !answers.every((a) => STATUS_WORDS.has(a[0]?.[0] ?? ""))) {
    throw new Error(`DUTY.STATUS bench: ${answers.length} answers, some not a status`);
  }
  if (excel.runs() !== readsBefore) throw new Error("DUTY.STATUS bench: the cached table was read again");
  return elapsed;
}
