import { resolveOptions } from "../core/options";
import type { Outcome } from "../core/port";
import type { SheetResult } from "../core/types";
import { checkActiveSheet } from "./check";
import { clearMarks } from "./clear";
import { guarded, type WpsContext } from "./context";
import { activeWorkbook, type AddinRoot } from "./et";
import { publishReport, type CommandReport } from "./reports";

/**
 * The ribbon's callbacks (ribbon.xml names them; addin.ts puts them on `window`). WPS calls them
 * synchronously and uses what they return at once, so every one does its work before returning: the ET
 * API itself is synchronous, and the operations are called directly, not through the pane's async port.
 */

export const PANE_KEY = "dutycheck.taskpane";

/** What ribbon.xml shows: button id → icon file (copied from assets/ by the build). */
export const BUTTON_IMAGES: Record<string, string> = {
  dutyCheck: "images/check-32.png",
  dutyClear: "images/clear-32.png",
  dutyPane: "images/pane-32.png",
};

export interface RibbonHost {
  root: AddinRoot;
  app: () => Et.Application | null;
  /** The pane page's URL, beside the add-in's page. */
  paneUrl: string;
  now: () => Date;
}

export interface RibbonControl {
  Id: string;
}

export interface RibbonCallbacks {
  OnAddinLoad: (ribbonUI: WPS.RibbonUi) => boolean;
  OnAction: (control: RibbonControl) => boolean;
  GetImage: (control: RibbonControl) => string;
  OnGetEnabled: (control: RibbonControl) => boolean;
}

function unavailable(): Outcome<never> {
  return { ok: false, message: "请先打开要检查的工作表", messageEn: "Open the sheet to check first" };
}

export function createRibbon(host: RibbonHost): RibbonCallbacks {
  const { root } = host;

  function context(): WpsContext | null {
    const app = host.app();
    return app ? { app, today: host.now } : null;
  }

  function showPane(): void {
    const storage = root.PluginStorage;
    const id = storage.getItem(PANE_KEY);
    let pane: WPS.CustomTaskpane | null = null;
    if (id) {
      try {
        pane = root.GetTaskPane(Number(id));
      } catch {
        pane = null;
      }
    }
    if (!pane) {
      pane = root.CreateTaskPane(host.paneUrl, "实事督办");
      storage.setItem(PANE_KEY, String(pane.ID));
    }
    pane.Visible = true;
  }

  function report(report: CommandReport, show: boolean): void {
    publishReport(root.PluginStorage, report);
    if (show) showPane();
  }

  function check(): void {
    const ctx = context();
    const options = resolveOptions({}, host.now());
    const outcome: Outcome<SheetResult> = !ctx
      ? unavailable()
      : options.ok
        ? guarded(() => checkActiveSheet(ctx, { asOf: options.options.asOf }))
        : { ok: false, message: options.message, messageEn: options.message };
    report({ command: "checkProgress", at: host.now().toISOString(), outcome }, true);
  }

  function clear(): void {
    const ctx = context();
    const outcome: Outcome = ctx ? guarded(() => clearMarks(ctx)) : unavailable();
    // Like Excel's ribbon: the pane opens only to explain a failure.
    report({ command: "clearMarks", at: host.now().toISOString(), outcome }, !outcome.ok);
  }

  return {
    OnAddinLoad: (ribbonUI) => {
      try {
        (root as { ribbonUI?: WPS.RibbonUi }).ribbonUI = ribbonUI;
      } catch {
        // Read-only on some builds; the add-in does not need it back.
      }
      return true;
    },
    OnAction: (control) => {
      try {
        if (control.Id === "dutyCheck") check();
        else if (control.Id === "dutyClear") clear();
        else if (control.Id === "dutyPane") showPane();
      } catch (error) {
        console.error("实事督办：命令未完成", error);
      }
      return true;
    },
    GetImage: (control) => BUTTON_IMAGES[control.Id] ?? "images/icon-32.png",
    OnGetEnabled: (control) => {
      if (control.Id === "dutyPane") return true;
      const app = host.app();
      return app !== null && activeWorkbook(app) !== null;
    },
  };
}
