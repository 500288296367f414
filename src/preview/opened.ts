import { checkSheet } from "../core/check";
import type { CommandReport, CommandReportListener } from "../core/command-reports";
import { resolveOptions } from "../core/options";
import { settingsDate } from "../core/pane-settings";
import type { CheckedSheet, CheckRequest, Outcome } from "../core/port";
import type { SheetGrid } from "../core/types";
import { WorkbookError, writeMarkedCopy } from "../core/xlsx";
import { fitColumnWidths } from "./fit-widths";
import { PreviewPort, type SettingsStore } from "./PreviewPort";

/**
 * The preview's port for a workbook the user opened: it also tells the pane about checks the page ran
 * itself (the check made when the file is opened), through the channel the ribbon's commands use in Excel,
 * and remembers the latest check's request for the marked copy.
 */
export class OpenedPort extends PreviewPort {
  private latest: CommandReport | null = null;
  private readonly reportListeners = new Set<CommandReportListener>();
  private request: CheckRequest | null = null;

  override async checkActiveSheet(request: CheckRequest): Promise<Outcome<CheckedSheet>> {
    const outcome = await super.checkActiveSheet(request);
    if (outcome.ok) this.request = request;
    this.latest = { command: "checkProgress", at: new Date().toISOString(), outcome };
    for (const listener of [...this.reportListeners]) listener(this.latest);
    return outcome;
  }

  /** The request of the latest check that succeeded; null before any. */
  lastRequest(): CheckRequest | null {
    return this.request;
  }

  /** For the pane's `commandReports`: a remounted pane shows the latest check again. */
  readonly reports = {
    latest: (): CommandReport | null => this.latest,
    subscribe: (listener: CommandReportListener): (() => void) => {
      this.reportListeners.add(listener);
      return () => this.reportListeners.delete(listener);
    },
  };
}

/** A workbook the user opened: its bytes (for the marked copy), its sheets as read, and its port. */
export interface OpenedWorkbook {
  id: string;
  name: string;
  bytes: Uint8Array;
  grids: SheetGrid[];
  port: OpenedPort;
  /** No sheet holds a breakdown table (the CLI's exit 2); the workbook is still shown. */
  noTable: boolean;
}

/**
 * Opens what was read: a port over its sheets, checked at once as the pane would check it (the remembered
 * 临期天数 and date mode, on `today`), with the first sheet that holds a table left active.
 */
export async function openWorkbook(
  id: string,
  name: string,
  bytes: Uint8Array,
  grids: SheetGrid[],
  settings: SettingsStore | undefined,
  today: Date,
): Promise<OpenedWorkbook> {
  const port = new OpenedPort(
    grids.map((grid) => ({ grid, columnWidths: fitColumnWidths(grid) })),
    settings ? { settings } : {},
  );
  const read = await port.readSettings();
  const remembered = read.ok ? read.value : {};
  const request: CheckRequest = {
    asOf: settingsDate(remembered, today),
    ...(remembered.dueSoonDays === undefined ? {} : { dueSoonDays: remembered.dueSoonDays }),
  };
  let noTable = true;
  for (const grid of grids) {
    port.activate(grid.sheet);
    const checked = await port.checkActiveSheet(request);
    if (checked.ok && checked.value.tables.length > 0) {
      noTable = false;
      break;
    }
  }
  // Without a table anywhere the first sheet is shown, its check (and why it found none) in the pane.
  const first = grids[0];
  if (noTable && first && grids.length > 1) {
    port.activate(first.sheet);
    await port.checkActiveSheet(request);
  }
  return { id, name, bytes, grids, port, noTable };
}

/** The copy's name: the CLI's name for a copy written beside its original (`表.检查.xlsx`). */
export function markedCopyName(name: string): string {
  const dot = name.lastIndexOf(".");
  const stem = dot > 0 ? name.slice(0, dot) : name;
  return `${stem}.检查${dot > 0 ? name.slice(dot) : ".xlsx"}`;
}

/**
 * The marked copy `duty-check --out` writes (the core's `writeMarkedCopy`), of every sheet as the file was
 * read, checked with the latest check's date and 临期天数. The original's bytes are not changed.
 */
export function markedCopy(
  workbook: OpenedWorkbook,
): { ok: true; name: string; bytes: Uint8Array } | { ok: false; message: string; messageEn: string } {
  const request = workbook.port.lastRequest();
  if (!request)
    return { ok: false, message: "请先检查进度，再下载标记副本", messageEn: "Check progress first" };
  const options = resolveOptions(request);
  if (!options.ok) return { ok: false, message: options.message, messageEn: options.message };
  const results = workbook.grids.map((grid) => checkSheet(grid, options.options));
  try {
    const bytes = writeMarkedCopy(workbook.bytes, results, options.options.asOf);
    return { ok: true, name: markedCopyName(workbook.name), bytes };
  } catch (error) {
    if (error instanceof WorkbookError)
      return { ok: false, message: error.message, messageEn: error.messageEn };
    throw error;
  }
}
