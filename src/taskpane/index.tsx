import { createRoot } from "react-dom/client";
import { createExcelPort } from "../excel/index";
import { App } from "./App";
import { languageFor } from "./i18n";

Office.onReady(() => {
  const container = document.getElementById("root");
  if (!container) return;
  createRoot(container).render(
    <App port={createExcelPort()} lang={languageFor(Office.context.displayLanguage)} />,
  );
});
