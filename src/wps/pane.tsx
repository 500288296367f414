import { createRoot } from "react-dom/client";
import { App } from "../taskpane/App";
import { languageFor } from "../taskpane/i18n";
import { addinRoot, etApplication } from "./et";
import { createWpsPort } from "./port";
import { paneReports } from "./reports";

/** The task pane page (taskpane.html): the same React pane as in Excel, over the WPS port. */
const container = document.getElementById("root");
const app = etApplication();
const root = addinRoot();
if (container) {
  document.body.style.margin = "0";
  if (!app || !root) {
    container.textContent =
      "请在 WPS 表格中通过“实事督办”选项卡打开此面板。Open this pane from the 实事督办 tab in WPS 表格.";
  } else {
    createRoot(container).render(
      <App
        port={createWpsPort({ app, today: () => new Date() })}
        lang={languageFor(navigator.language)}
        commandReports={paneReports(root.PluginStorage)}
      />,
    );
  }
}
