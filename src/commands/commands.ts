import { createExcelPort } from "../excel";
import type { WorkbookPort } from "../core/port";
import { officeIsSetSupported } from "./requirements";
import { completeAfter, runCheckProgress, runClearMarks, type CommandDeps } from "./run";

/**
 * Ribbon commands (manifest: ExecuteFunction checkProgress / clearMarks). In the shared runtime this file
 * is loaded by taskpane.html next to the pane and the functions, so the pane can show what a command did.
 */
let port: WorkbookPort | null = null;

const deps: CommandDeps = {
  // Made on first use: the port talks to Excel only inside a command.
  port: () => (port ??= createExcelPort()),
  showPane: () => Office.addin.showAsTaskpane(),
  isSetSupported: officeIsSetSupported,
  now: () => new Date(),
};

Office.onReady(() => {
  Office.actions.associate("checkProgress", (event: Office.AddinCommands.Event) =>
    completeAfter(event, () => runCheckProgress(deps)),
  );
  Office.actions.associate("clearMarks", (event: Office.AddinCommands.Event) =>
    completeAfter(event, () => runClearMarks(deps)),
  );
});
