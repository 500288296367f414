import { createRoot } from "react-dom/client";
import { languageFor } from "../taskpane/i18n";
import { parsePreviewData } from "./data";
import { PreviewApp } from "./PreviewApp";
import type { SettingsStore } from "./PreviewPort";
import { paneWidthFromQuery, todayFromQuery } from "./query";

/**
 * Each sample's pane settings in localStorage, as Excel keeps them in the workbook. A browser that refuses
 * storage (private mode, blocked cookies) only loses the memory, never the page.
 */
function localSettings(file: string): SettingsStore {
  const key = `dutycheck.pane:${file}`;
  return {
    read: () => {
      try {
        return window.localStorage.getItem(key);
      } catch {
        return null;
      }
    },
    write: (text) => {
      try {
        window.localStorage.setItem(key, text);
      } catch {
        // Nothing to do: the settings are just not remembered.
      }
    },
  };
}

/**
 * The preview page: `preview.html?sample=zimao-2022.xlsx&lang=en&date=2023-06-20&pane=500` (all optional).
 * The sample grids load as their own chunk, so the page shell appears at once.
 */
async function main(): Promise<void> {
  const container = document.getElementById("root");
  if (!container) return;
  const params = new URLSearchParams(window.location.search);
  // Chinese unless asked: the page is for the same offices the add-in serves.
  const lang = languageFor(params.get("lang"));
  const date = todayFromQuery(params.get("date"));
  const root = createRoot(container);
  // The page template is shared and unstyled; the pane and the preview draw edge to edge.
  document.body.style.margin = "0";
  // A bad date is refused, never silently replaced by today: the page would show other statuses.
  if (!date.ok) {
    root.render(<p role="alert">{date.message}</p>);
    return;
  }
  const data = parsePreviewData((await import("./samples.json")).default);
  if (!data.ok) {
    root.render(<p role="alert">{data.message}</p>);
    return;
  }
  root.render(
    <PreviewApp
      workbooks={data.workbooks}
      initialFile={params.get("sample")}
      lang={lang}
      today={date.today}
      paneWidth={paneWidthFromQuery(params.get("pane"))}
      settingsStore={localSettings}
    />,
  );
}

void main();
