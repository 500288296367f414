import { makeStyles } from "@fluentui/react-components";
import { useMemo, useState, useSyncExternalStore } from "react";
import { App } from "../taskpane/App";
import type { Lang } from "../taskpane/i18n";
import type { PreviewWorkbook } from "./data";
import { GridView } from "./GridView";
import { PreviewPort, type SettingsStore } from "./PreviewPort";
import { PANE_WIDTHS, type PaneWidth } from "./query";

const useStyles = makeStyles({
  page: {
    display: "grid",
    gridTemplateRows: "auto 1fr",
    height: "100vh",
    fontFamily: "'Microsoft YaHei', 'PingFang SC', 'Noto Sans CJK SC', 'Segoe UI', sans-serif",
    margin: 0,
  },
  bar: {
    display: "flex",
    alignItems: "center",
    gap: "12px",
    padding: "6px 12px",
    backgroundColor: "#107C41",
    color: "#FFFFFF",
    fontSize: "14px",
  },
  barTitle: { fontSize: "15px", fontWeight: 600, margin: 0 },
  picker: { fontSize: "13px", padding: "2px 4px" },
  body: { display: "grid", minHeight: 0 },
  sheetArea: { display: "grid", gridTemplateRows: "1fr auto", minHeight: 0, minWidth: 0 },
  grid: { overflow: "auto", backgroundColor: "#FFFFFF" },
  tabs: {
    display: "flex",
    gap: "2px",
    padding: "0 8px",
    backgroundColor: "#F3F2F1",
    borderTop: "1px solid #D1D1D1",
    overflowX: "auto",
  },
  tab: {
    border: "none",
    borderBottom: "3px solid transparent",
    background: "none",
    padding: "4px 12px",
    fontSize: "13px",
    cursor: "pointer",
    fontFamily: "inherit",
    ":focus-visible": { outline: "2px solid #107C41" },
  },
  activeTab: { backgroundColor: "#FFFFFF", borderBottomColor: "#107C41", color: "#107C41", fontWeight: 600 },
  pane: { overflowY: "auto", borderLeft: "1px solid #D1D1D1", boxSizing: "border-box" },
});

const TEXT = {
  zh: {
    title: "实事督办 · 预览",
    sample: "样例工作簿",
    sheets: "工作表",
    pane: "任务窗格",
    language: "界面语言",
    paneWidth: "窗格宽度",
  },
  en: {
    title: "DutyCheck · Preview",
    sample: "Sample workbook",
    sheets: "Sheets",
    pane: "Task pane",
    language: "Language",
    paneWidth: "Pane width",
  },
} as const;

function Workbook({
  workbook,
  lang,
  today,
  paneWidth,
  settingsStore,
}: {
  workbook: PreviewWorkbook;
  lang: Lang;
  today: Date | undefined;
  paneWidth: PaneWidth;
  settingsStore: ((file: string) => SettingsStore) | undefined;
}) {
  const styles = useStyles();
  const port = useMemo(
    () => new PreviewPort(workbook.sheets, settingsStore ? { settings: settingsStore(workbook.file) } : {}),
    [workbook, settingsStore],
  );
  const state = useSyncExternalStore(port.subscribe, port.getState);
  const active = state.sheets.find((s) => s.grid.sheet === state.activeSheet) ?? state.sheets[0];
  if (!active) return null;
  const sheet = active.grid.sheet;
  return (
    <div className={styles.body} style={{ gridTemplateColumns: `minmax(0, 1fr) ${paneWidth}px` }}>
      <div className={styles.sheetArea}>
        <div className={styles.grid} data-testid="grid">
          <GridView
            grid={active.grid}
            columnWidths={active.columnWidths}
            marks={state.marks.get(sheet)}
            dropDowns={state.dropDowns.get(sheet)}
            links={state.links.get(sheet)}
            selected={state.selected?.sheet === sheet ? state.selected.cell : null}
            selectionCount={state.selectionCount}
            onSetCell={(address, value) => port.setCell(sheet, address, value)}
            onFollowLink={(link) => void port.selectCell(link.sheet, link.cell)}
          />
        </div>
        <nav className={styles.tabs} aria-label={TEXT[lang].sheets}>
          {state.sheets.map((s) => (
            <button
              key={s.grid.sheet}
              type="button"
              className={`${styles.tab} ${s.grid.sheet === sheet ? styles.activeTab : ""}`}
              aria-current={s.grid.sheet === sheet ? "page" : undefined}
              onClick={() => port.activate(s.grid.sheet)}
            >
              {s.grid.sheet}
            </button>
          ))}
        </nav>
      </div>
      <aside className={styles.pane} style={{ width: `${paneWidth}px` }} aria-label={TEXT[lang].pane}>
        {/* The sample is already on the page: the first screen needs no link to it. */}
        <App port={port} lang={lang} today={today} sampleHref={null} />
      </aside>
    </div>
  );
}

export interface PreviewAppProps {
  workbooks: PreviewWorkbook[];
  initialFile?: string | null;
  lang: Lang;
  today?: Date;
  paneWidth?: PaneWidth;
  /** Where each sample's pane settings are kept (the page: localStorage); none in tests that need none. */
  settingsStore?: (file: string) => SettingsStore;
}

/** The sample workbook on the left, the very same task pane on the right; only the port differs. */
export function PreviewApp({
  workbooks,
  initialFile,
  lang: initialLang,
  today,
  paneWidth: initialWidth = 320,
  settingsStore,
}: PreviewAppProps) {
  const styles = useStyles();
  const [lang, setLang] = useState<Lang>(initialLang);
  const [paneWidth, setPaneWidth] = useState<PaneWidth>(initialWidth);
  const [file, setFile] = useState(
    () => workbooks.find((w) => w.file === initialFile)?.file ?? workbooks[0]?.file ?? "",
  );
  const workbook = workbooks.find((w) => w.file === file);
  return (
    <div className={styles.page}>
      <header className={styles.bar}>
        <h1 className={styles.barTitle}>{TEXT[lang].title}</h1>
        <label>
          {TEXT[lang].sample}{" "}
          <select className={styles.picker} value={file} onChange={(event) => setFile(event.target.value)}>
            {workbooks.map((w) => (
              <option key={w.file} value={w.file}>
                {w.file}
              </option>
            ))}
          </select>
        </label>
        {/* Stands in for Office's display language, which decides the pane's language in Excel. */}
        <label>
          {TEXT[lang].language}{" "}
          <select
            className={styles.picker}
            value={lang}
            onChange={(event) => setLang(event.target.value === "en" ? "en" : "zh")}
          >
            <option value="zh">中文</option>
            <option value="en">English</option>
          </select>
        </label>
        <label>
          {TEXT[lang].paneWidth}{" "}
          <select
            className={styles.picker}
            value={paneWidth}
            onChange={(event) =>
              setPaneWidth(PANE_WIDTHS.find((w) => String(w) === event.target.value) ?? PANE_WIDTHS[0])
            }
          >
            {PANE_WIDTHS.map((w) => (
              <option key={w} value={w}>
                {w} px
              </option>
            ))}
          </select>
        </label>
      </header>
      {/* A new workbook gets a fresh port and a fresh pane, as opening another file in Excel would. */}
      {workbook && (
        <Workbook
          key={workbook.file}
          workbook={workbook}
          lang={lang}
          today={today}
          paneWidth={paneWidth}
          settingsStore={settingsStore}
        />
      )}
    </div>
  );
}
