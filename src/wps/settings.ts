import { parsePaneSettings, type PaneSettings } from "../core/pane-settings";
import type { Outcome } from "../core/port";
import { failure, OK } from "../core/refusals";
import type { WpsContext } from "./context";
import { activeWorkbook, addTextProperty, deleteProperties, readProperties } from "./et";

/** The pane's settings as one custom document property (short JSON), saved with the workbook. */
export const SETTINGS_PROPERTY = "DutyCheck.pane";

/** The active workbook's pane settings, validated by the core; none when absent or unreadable. */
export function readSettings(ctx: WpsContext): Outcome<PaneSettings> {
  const book = activeWorkbook(ctx.app);
  return { ok: true, value: book ? rememberedSettings(book) : {} };
}

/** The settings remembered in `book`; none when absent or unreadable. */
export function rememberedSettings(book: Et.Workbook): PaneSettings {
  const stored = readProperties(book, SETTINGS_PROPERTY).get(SETTINGS_PROPERTY);
  return stored === undefined ? {} : parsePaneSettings(stored);
}

export function writeSettings(ctx: WpsContext, settings: PaneSettings): Outcome {
  const book = activeWorkbook(ctx.app);
  if (!book) return failure("没有打开的工作簿", "No workbook is open");
  deleteProperties(book, SETTINGS_PROPERTY);
  addTextProperty(book, SETTINGS_PROPERTY, JSON.stringify(settings));
  return OK;
}
