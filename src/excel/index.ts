import { cellAddress } from "../core/address";
import { checkSheet } from "../core/check";
import { planCompletionColumns, type CompletionPlan } from "../core/completion-columns";
import { firstOccupied } from "../core/grid";
import { planMarks } from "../core/marks";
import { resolveOptions } from "../core/options";
import { parsePaneSettings, withRememberedOptions, type PaneSettings } from "../core/pane-settings";
import type { CheckedSheet, CheckRequest, Outcome, ReportSheetRequest, WorkbookPort } from "../core/port";
import { readProductSheet } from "../core/product-sheet";
import { buildSheetReport } from "../core/report/model";
import { reportSheetLayout } from "../core/report/sheet";
import { diffSnapshots, recordCheck, snapshotOf, type SnapshotStore } from "../core/since";
import type { SheetResult } from "../core/types";
import { failure, mergedRefusal, occupiedRefusal, OK, PROTECTED, validationRefusal } from "../core/refusals";
import { describeError } from "../office/errors";
import { firstCellOf, parseRangeAddress, readSheet } from "../office/read";
import { queueCompletionWrite } from "./columns";
import { emptyRecord, type MarkRecord } from "../core/mark-record";
import { queueMarkScan, queueMarkWrite, queueRecordRead, queueRecordWrite } from "./marks";
import { addProgressColumn } from "./progress-column";
import { queueReportSheetWrite } from "./report-sheet";
import { queueSnapshotRead, queueSnapshotWrite } from "./snapshots";
import { insertStatusColumn } from "./status-column";

/** `Excel.run`, injectable so tests can hand in a mock workbook. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface ExcelPortOptions {
  run?: ExcelRun;
  /** "Today" for the default reference date. */
  today?: () => Date;
}

/** The pane's entry in the workbook's add-in settings (the marks record has its own). */
export const PANE_SETTINGS_KEY = "DutyCheck.pane";

async function guarded<T>(work: () => Promise<T>): Promise<T | ReturnType<typeof describeError>> {
  try {
    return await work();
  } catch (error) {
    return describeError(error);
  }
}

/**
 * After a failed mark write: Excel does not roll a batch back (commands before the failing one stay
 * applied, the rest never run), so some old rules may be gone and some new ones added. Remove every rule
 * of ours on the sheet and its record, so the sheet is left unmarked rather than half-marked.
 */
async function removeSheetMarks(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  name: string,
): Promise<void> {
  const scan = queueMarkScan(sheet);
  const record = queueRecordRead(context);
  await context.sync();
  for (const rule of scan()) rule.delete();
  const sheets = { ...record().sheets };
  delete sheets[name];
  queueRecordWrite(context, { version: 1, sheets });
  await context.sync();
}

/**
 * Queues the read of the block a completion plan writes into; after the sync, the reason it must stay
 * untouched (a value or formula, a merge, data validation), or null.
 */
function queueTargetRead(sheet: Excel.Worksheet, plan: CompletionPlan): () => Outcome | null {
  const rowCount = plan.lastRow - plan.headerRow + 1;
  const block = sheet.getRangeByIndexes(plan.headerRow, plan.firstCol, rowCount, plan.quarters.length);
  // Formulas too: a formula that shows "" has an empty value but must not be written over.
  block.load("values,formulas");
  const merged = block.getMergedAreasOrNullObject();
  merged.load("address");
  block.dataValidation.load("type");
  return () => {
    const occupied = firstOccupied(block.values, block.formulas, plan.headerRow, plan.firstCol);
    if (occupied) {
      return occupiedRefusal("completion", occupied, plan.sheet);
    }
    if (!merged.isNullObject) {
      return mergedRefusal(firstCellOf(merged.address), plan.sheet);
    }
    if (block.dataValidation.type !== "None") {
      const cell = cellAddress(plan.headerRow, plan.firstCol);
      return validationRefusal(cell, plan.sheet);
    }
    return null;
  };
}

interface CheckRead {
  isProtected: boolean;
  oldRules: Excel.ConditionalFormat[];
  record: MarkRecord;
  snapshots: SnapshotStore;
  settings: PaneSettings;
}

export function createExcelPort(options: ExcelPortOptions = {}): WorkbookPort {
  const run: ExcelRun = options.run ?? ((batch) => Excel.run(batch));
  const today = options.today ?? (() => new Date());

  /**
   * Two syncs: (1) the read — values, number formats, merges, protection, our old rules, the record, the
   * snapshots of earlier checks and the pane's remembered options (for what the request leaves out); (2) the write — old rules deleted, new ones added, record and
   * snapshots updated, all in one batch.
   */
  async function checkActiveSheet(request: CheckRequest): Promise<Outcome<CheckedSheet>> {
    const resolve = (r: CheckRequest) =>
      resolveOptions(
        {
          asOf: r.asOf,
          dueSoonDays: r.dueSoonDays,
          reportDay: r.reportDay,
          behindTolerance: r.behindTolerance,
        },
        today(),
      );
    // Refused before anything is read; remembered settings (validated when read) only fill what is left out.
    const given = resolve(request);
    if (!given.ok) return failure(given.message, `Invalid options: ${given.message}`);
    return guarded(() =>
      run(async (context): Promise<Outcome<CheckedSheet>> => {
        const sheet = context.workbook.worksheets.getActiveWorksheet();
        const read = await readSheet<CheckRead>(context, sheet, () => {
          sheet.protection.load("protected");
          const scan = queueMarkScan(sheet);
          const record = queueRecordRead(context);
          const snapshots = queueSnapshotRead(context);
          const settings = context.workbook.settings.getItemOrNullObject(PANE_SETTINGS_KEY);
          settings.load("value");
          return () => ({
            isProtected: sheet.protection.protected,
            oldRules: scan(),
            record: record(),
            snapshots: snapshots(),
            settings: settings.isNullObject ? {} : parsePaneSettings(settings.value),
          });
        });
        const resolved = resolve(withRememberedOptions(request, read.extra.settings));
        if (!resolved.ok) return failure(resolved.message, `Invalid options: ${resolved.message}`);
        if (read.extra.isProtected) return PROTECTED;
        const result = checkSheet(read.grid, resolved.options);
        const { oldRules, record } = read.extra;
        if (result.tables.length === 0) {
          // The marks of an earlier check would now describe a table that is gone: remove them (and the
          // record) in one write, so the sheet never shows marks that this check contradicts.
          if (oldRules.length > 0 || record.sheets[read.grid.sheet]) {
            queueMarkWrite(context, sheet, read.grid.sheet, [], oldRules, record, result.asOf);
            await context.sync();
          }
          const warning = result.warnings[0];
          if (!warning) return failure("未找到责任分解表", "No breakdown table found");
          // One of the product's own sheets: the failure's cell link leads back to the sheet it came from.
          const source = readProductSheet(read.grid)?.source;
          return source
            ? failure(warning.message, warning.messageEn, "A1", source)
            : failure(warning.message, warning.messageEn);
        }
        queueMarkWrite(context, sheet, read.grid.sheet, planMarks(result), oldRules, record, result.asOf);
        const snapshot = snapshotOf(result);
        const { base, store } = recordCheck(read.extra.snapshots, read.grid.sheet, snapshot);
        queueSnapshotWrite(context, store);
        try {
          await context.sync();
        } catch (error) {
          try {
            await removeSheetMarks(context, sheet, read.grid.sheet);
          } catch {
            // The original error is the one to report; the clean-up is best effort.
          }
          return describeError(error);
        }
        return { ok: true, value: base ? { ...result, since: diffSnapshots(base, snapshot) } : result };
      }),
    );
  }

  /** Three syncs: the sheet list; each sheet's rules and protection; the deletions. */
  async function clearMarks(): Promise<Outcome> {
    return guarded(() =>
      run(async (context): Promise<Outcome> => {
        const worksheets = context.workbook.worksheets;
        worksheets.load("items/name");
        await context.sync();
        const scans = worksheets.items.map((sheet) => {
          sheet.protection.load("protected");
          return { sheet, scan: queueMarkScan(sheet) };
        });
        const readRecord = queueRecordRead(context);
        await context.sync();
        const record = readRecord();
        const kept: MarkRecord = emptyRecord();
        const blocked: string[] = [];
        for (const { sheet, scan } of scans) {
          const rules = scan();
          if (rules.length === 0) continue;
          if (sheet.protection.protected) {
            blocked.push(sheet.name);
            const entry = record.sheets[sheet.name];
            if (entry) kept.sheets[sheet.name] = entry;
            continue;
          }
          for (const rule of rules) rule.delete();
        }
        queueRecordWrite(context, kept);
        await context.sync();
        if (blocked.length > 0) {
          const names = blocked.map((n) => `“${n}”`).join("、");
          return failure(
            `工作表${names}已保护，其上的标记未清除；其余标记已清除`,
            `Marks on protected sheet(s) ${blocked.join(", ")} were not removed; all others were`,
          );
        }
        return OK;
      }),
    );
  }

  async function selectCell(sheetName: string, address: string): Promise<Outcome> {
    if (!parseRangeAddress(address))
      return failure(`地址“${address}”无效`, `"${address}" is not a cell address`);
    return guarded(() =>
      run(async (context): Promise<Outcome> => {
        const sheet = context.workbook.worksheets.getItem(sheetName);
        sheet.activate();
        sheet.getRange(address).select();
        await context.sync();
        return OK;
      }),
    );
  }

  /**
   * Two syncs: whether the month's sheet exists; then (delete it and) add it, write and set it up. Only
   * the sheet of the check's own month is looked at, so an earlier month's 通报 is never touched.
   */
  async function writeReportSheet(
    result: SheetResult,
    request: ReportSheetRequest,
    overwrite: boolean,
  ): Promise<Outcome<string> | { ok: false; exists: true }> {
    if (result.tables.length === 0)
      return failure("没有可通报的表格，请先检查进度", "Nothing to report: check a table first");
    const layout = reportSheetLayout(buildSheetReport(result, request));
    return guarded(() =>
      run(async (context): Promise<Outcome<string> | { ok: false; exists: true }> => {
        const worksheets = context.workbook.worksheets;
        const existing = worksheets.getItemOrNullObject(layout.name);
        existing.load("name");
        await context.sync();
        if (!existing.isNullObject) {
          if (!overwrite) return { ok: false, exists: true };
          existing.delete();
        }
        const sheet = worksheets.add(layout.name);
        queueReportSheetWrite(sheet, layout);
        sheet.activate();
        await context.sync();
        return { ok: true, value: layout.name };
      }),
    );
  }

  /**
   * Two syncs for every table of the sheet: (1) protection and, right of each table, the cells' values and
   * formulas (must be empty), merges and data validation; (2) all the writes. A refusal of any table
   * writes nothing at all.
   */
  async function addCompletionColumns(result: SheetResult): Promise<Outcome> {
    const planned = planCompletionColumns(result);
    if (!planned.ok) return planned;
    return guarded(() =>
      run(async (context): Promise<Outcome> => {
        const sheet = context.workbook.worksheets.getItem(result.sheet);
        sheet.protection.load("protected");
        const reads = planned.value.map((plan) => queueTargetRead(sheet, plan));
        await context.sync();
        if (sheet.protection.protected) return PROTECTED;
        for (const read of reads) {
          const refusal = read();
          if (refusal) return refusal;
        }
        for (const plan of planned.value) queueCompletionWrite(sheet, plan);
        await context.sync();
        return OK;
      }),
    );
  }

  /** One sync: the pane's entry of the workbook's add-in settings, validated by the core. */
  async function readSettings(): Promise<Outcome<PaneSettings>> {
    return guarded(() =>
      run(async (context): Promise<Outcome<PaneSettings>> => {
        const item = context.workbook.settings.getItemOrNullObject(PANE_SETTINGS_KEY);
        item.load("value");
        await context.sync();
        return { ok: true, value: item.isNullObject ? {} : parsePaneSettings(item.value) };
      }),
    );
  }

  /** One sync. Workbook settings are saved with the file, so they come back in the next session. */
  async function writeSettings(settings: PaneSettings): Promise<Outcome> {
    return guarded(() =>
      run(async (context): Promise<Outcome> => {
        context.workbook.settings.add(PANE_SETTINGS_KEY, JSON.stringify(settings));
        await context.sync();
        return OK;
      }),
    );
  }

  return {
    checkActiveSheet,
    clearMarks,
    selectCell,
    writeReportSheet,
    addCompletionColumns,
    insertStatusColumn: (request) => insertStatusColumn(request, run),
    readSettings,
    writeSettings,
    addProgressColumn: (table, asOf) => guarded(() => addProgressColumn(run, table, asOf)),
  };
}
