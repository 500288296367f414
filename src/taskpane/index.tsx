import { createRoot } from "react-dom/client";
import { latestCommandReport, subscribeCommandReports } from "../core/command-reports";
import { createExcelPort } from "../excel/index";
import { App } from "./App";
import { languageFor } from "./i18n";

Office.onReady(() => {
  const container = document.getElementById("root");
  if (!container) return;
  // The page template is shared and unstyled; the pane and the preview draw edge to edge.
  document.body.style.margin = "0";
  createRoot(container).render(
    <App
      port={createExcelPort()}
      lang={languageFor(Office.context.displayLanguage)}
      commandReports={{ latest: latestCommandReport, subscribe: subscribeCommandReports }}
    />,
  );
});
