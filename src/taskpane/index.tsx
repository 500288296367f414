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
      // The preview is deployed beside the pane: the sample table, checked on a day with something to see.
      sampleHref={new URL("index.html?sample=xintang-2023.xlsx&date=2023-06-20", window.location.href).href}
    />,
  );
});
