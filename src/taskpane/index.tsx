import { createRoot } from "react-dom/client";
import { latestCommandReport, subscribeCommandReports } from "../core/command-reports";
import { createExcelPort } from "../excel/index";
import { App } from "./App";
import { languageFor } from "./i18n";

/**
 * Whether a file made in the pane can be saved through a `<a download>` link, by the platform
 * `Office.onReady` reports. Office on the web runs the pane in a browser iframe and Office on Windows in
 * WebView2 (this add-in's floor, README "Browsers"): both save it. Office on the Mac and the iPad run it in
 * WKWebView, which ignores such links without a word (OfficeDev/office-js#2700, closed "by design"); the
 * OpenBrowserWindow API Microsoft offers instead opens a URL the add-in serves, and a 通报 made in the pane
 * has none. There 生成通报 writes the 通报表 sheet.
 */
function downloadsAllowed(platform: Office.PlatformType | null): boolean {
  // office.js's PlatformType values are these strings; its typings declare a numeric enum.
  const name: unknown = platform;
  return name === "PC" || name === "OfficeOnline";
}

Office.onReady((info) => {
  const container = document.getElementById("root");
  if (!container) return;
  // The page template is shared and unstyled; the pane and the preview draw edge to edge.
  document.body.style.margin = "0";
  createRoot(container).render(
    <App
      port={createExcelPort()}
      lang={languageFor(Office.context.displayLanguage)}
      commandReports={{ latest: latestCommandReport, subscribe: subscribeCommandReports }}
      // The web page is deployed beside the pane: the sample table, checked on a day with something to see.
      sampleHref={new URL("index.html?sample=xintang-2023.xlsx&date=2023-06-20", window.location.href).href}
      canDownload={downloadsAllowed(info.platform)}
    />,
  );
});
