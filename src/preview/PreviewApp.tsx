import {
  Button,
  FluentProvider,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Spinner,
  makeStyles,
  webLightTheme,
} from "@fluentui/react-components";
import { useMemo, useRef, useState, useSyncExternalStore, type DragEvent } from "react";
import type { CommandReport, CommandReportListener } from "../core/command-reports";
import { App } from "../taskpane/App";
import type { Lang } from "../taskpane/i18n";
import type { PreviewWorkbook } from "./data";
import { saveDownload } from "./download";
import { GridView } from "./GridView";
import { markedCopy, openWorkbook, type OpenedWorkbook } from "./opened";
import { PreviewPort, type SettingsStore } from "./PreviewPort";
import { PANE_WIDTHS, type PaneWidth } from "./query";
import { readBytes, type ReadOutcome } from "./read-file";

const useStyles = makeStyles({
  page: {
    display: "grid",
    gridTemplateRows: "auto auto 1fr",
    height: "100vh",
    fontFamily: "'Microsoft YaHei', 'PingFang SC', 'Noto Sans CJK SC', 'Segoe UI', sans-serif",
    margin: 0,
  },
  dragging: { outline: "4px dashed #107C41", outlineOffset: "-4px" },
  bar: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    gap: "6px 12px",
    padding: "6px 12px",
    backgroundColor: "#107C41",
    color: "#FFFFFF",
    fontSize: "14px",
  },
  barTitle: { fontSize: "15px", fontWeight: 600, margin: 0 },
  picker: { fontSize: "13px", padding: "2px 4px", maxWidth: "16rem" },
  barButton: {
    fontSize: "13px",
    padding: "2px 10px",
    border: "1px solid #FFFFFF",
    borderRadius: "4px",
    backgroundColor: "transparent",
    color: "#FFFFFF",
    cursor: "pointer",
    fontFamily: "inherit",
    ":hover": { backgroundColor: "#0E6B38" },
    ":focus-visible": { outline: "2px solid #FFFFFF", outlineOffset: "2px" },
    ":disabled": { opacity: 0.6, cursor: "default" },
  },
  fileInput: { display: "none" },
  notes: { display: "flex", flexDirection: "column", gap: "4px", padding: "4px 12px" },
  privacy: { margin: 0, fontSize: "12px", color: "#424242" },
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
  centre: { display: "grid", placeItems: "center", padding: "24px", overflow: "auto" },
  landing: {
    maxWidth: "36rem",
    padding: "32px",
    border: "2px dashed #8A8886",
    borderRadius: "8px",
    textAlign: "center",
    lineHeight: 1.7,
    fontSize: "14px",
  },
  landingTitle: { fontSize: "20px", fontWeight: 600, margin: "0 0 8px" },
  samples: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    justifyContent: "center",
    gap: "8px",
    marginTop: "12px",
  },
});

const TEXT = {
  zh: {
    title: "实事督办 · 网页版",
    open: "打开工作簿…",
    fileInput: "选择要检查的 .xlsx 工作簿",
    workbook: "工作簿",
    samples: "示例",
    download: "下载标记副本",
    sheets: "工作表",
    pane: "任务窗格",
    language: "界面语言",
    paneWidth: "窗格宽度",
    privacy: "文件只在这台电脑的浏览器里读取和检查，不会上传；页面加载完成后不再发出任何网络请求。",
    landingTitle: "检查自己的责任分解表",
    landingDrop: "把 .xlsx 工作簿拖到这里，或",
    landingMore:
      "可一次选多个文件，用上方的“工作簿”列表切换。Excel 和 WPS 保存的 .xlsx 都可以；旧版 .xls、.et 请先另存为 .xlsx。",
    trySample: "没有手头的表格？打开示例：",
    reading: (name: string, index: number, count: number) =>
      `正在读取并检查“${name}”${count > 1 ? `（第 ${index} 个，共 ${count} 个）` : ""}…`,
    cannotCheck: (name: string) => `无法检查“${name}”`,
    unreadable: "无法读取这个文件（可能是文件夹，或已被移走），请重新选择",
    noTable: (name: string) =>
      `“${name}”中没有找到责任分解表：请确认文件和工作表（右侧面板列出每张表的原因）`,
    saved: (copy: string, original: string) =>
      `标记副本“${copy}”已由浏览器下载到“下载”文件夹（可在浏览器的下载列表中打开）；原文件“${original}”未作任何改动。`,
    cannotSave: "无法生成标记副本",
    dismiss: "关闭",
  },
  en: {
    title: "DutyCheck · Web",
    open: "Open workbooks…",
    fileInput: "Choose .xlsx workbooks to check",
    workbook: "Workbook",
    samples: "Samples",
    download: "Download marked copy",
    sheets: "Sheets",
    pane: "Task pane",
    language: "Language",
    paneWidth: "Pane width",
    privacy:
      "Files are read and checked in this browser only and never uploaded; once loaded, the page makes no network requests.",
    landingTitle: "Check your own breakdown table",
    landingDrop: "Drop .xlsx workbooks here, or",
    landingMore:
      "Several files at once become a list to switch between. Workbooks saved by Excel or WPS work; save old .xls or .et files as .xlsx first.",
    trySample: "No table at hand? Open a sample:",
    reading: (name: string, index: number, count: number) =>
      `Reading and checking "${name}"${count > 1 ? ` (${index} of ${count})` : ""}…`,
    cannotCheck: (name: string) => `Cannot check "${name}"`,
    unreadable: "The file cannot be read (a folder, or moved away); choose it again",
    noTable: (name: string) =>
      `No breakdown table found in "${name}": check the file and its sheets (the pane says why for each)`,
    saved: (copy: string, original: string) =>
      `The browser downloaded the marked copy "${copy}" to your Downloads folder (open it from the browser's download list); the original "${original}" is unchanged.`,
    cannotSave: "Cannot make the marked copy",
    dismiss: "Dismiss",
  },
} as const;

/** Accepted by the file chooser: the workbook formats; anything else dropped still gets its message. */
const ACCEPT = ".xlsx,.xlsm,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** A line under the bar: a file that could not be checked, or what a download did. */
interface Note {
  id: number;
  intent: "error" | "warning" | "success";
  zh: string;
  en: string;
}

type Current = { kind: "sample"; file: string } | { kind: "opened"; id: string } | null;

interface WorkbookViewProps {
  port: PreviewPort;
  lang: Lang;
  today: Date | undefined;
  paneWidth: PaneWidth;
  commandReports?: {
    latest: () => CommandReport | null;
    subscribe: (listener: CommandReportListener) => () => void;
  };
}

function WorkbookView({ port, lang, today, paneWidth, commandReports }: WorkbookViewProps) {
  const styles = useStyles();
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
        {/* The workbook is already on the page: the first screen needs no link to a sample. */}
        <App
          port={port}
          lang={lang}
          today={today}
          sampleHref={null}
          {...(commandReports ? { commandReports } : {})}
        />
      </aside>
    </div>
  );
}

/** A sample drawn from the bundled grids: a fresh port (and pane) each time it is chosen, as before. */
function SampleView({
  workbook,
  settingsStore,
  ...view
}: Omit<WorkbookViewProps, "port"> & {
  workbook: PreviewWorkbook;
  settingsStore: ((file: string) => SettingsStore) | undefined;
}) {
  const port = useMemo(
    () => new PreviewPort(workbook.sheets, settingsStore ? { settings: settingsStore(workbook.file) } : {}),
    [workbook, settingsStore],
  );
  return <WorkbookView port={port} {...view} />;
}

export interface PreviewAppProps {
  /** The built-in samples, offered as 示例. */
  workbooks: PreviewWorkbook[];
  /** A sample to show at once (`?sample=`); otherwise the page opens on its drop zone. */
  initialFile?: string | null;
  lang: Lang;
  today?: Date;
  paneWidth?: PaneWidth;
  /** Where each workbook's pane settings are kept, by file name (the page: localStorage). */
  settingsStore?: (file: string) => SettingsStore;
  /** Reads a chosen file's bytes: the page reads in a Web Worker; by default here, on this thread. */
  read?: (bytes: Uint8Array, fileName: string) => Promise<ReadOutcome>;
  /** Hands a file to the browser as a download (the marked copy). */
  save?: (name: string, bytes: Uint8Array) => void;
}

/**
 * The web page: the user's own workbooks (or the samples) on the left, the very same task pane on the
 * right; only the port differs. Files are read and checked here, by the core, and never sent anywhere.
 */
export function PreviewApp({
  workbooks,
  initialFile,
  lang: initialLang,
  today,
  paneWidth: initialWidth = 320,
  settingsStore,
  read = async (bytes, fileName) => readBytes(bytes, fileName),
  save = saveDownload,
}: PreviewAppProps) {
  const styles = useStyles();
  const [lang, setLang] = useState<Lang>(initialLang);
  const [paneWidth, setPaneWidth] = useState<PaneWidth>(initialWidth);
  const [opened, setOpened] = useState<OpenedWorkbook[]>([]);
  const [current, setCurrent] = useState<Current>(() => {
    const sample = workbooks.find((w) => w.file === initialFile);
    return sample ? { kind: "sample", file: sample.file } : null;
  });
  const [reading, setReading] = useState<{ name: string; index: number; count: number } | null>(null);
  const [notes, setNotes] = useState<Note[]>([]);
  const [dragging, setDragging] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const nextId = useRef(1);
  const t = TEXT[lang];

  const note = (intent: Note["intent"], zh: string, en: string): Note => ({
    id: nextId.current++,
    intent,
    zh,
    en,
  });

  /** Reads and checks the files one after the other; each bad one gets its message, naming it. */
  const openFiles = async (files: readonly File[]) => {
    if (files.length === 0 || reading) return;
    const found: Note[] = [];
    setNotes([]);
    let first: OpenedWorkbook | null = null;
    for (const [i, file] of files.entries()) {
      setReading({ name: file.name, index: i + 1, count: files.length });
      let bytes: Uint8Array;
      try {
        bytes = new Uint8Array(await file.arrayBuffer());
      } catch {
        found.push(
          note(
            "error",
            `${TEXT.zh.cannotCheck(file.name)}：${TEXT.zh.unreadable}`,
            `${TEXT.en.cannotCheck(file.name)}: ${TEXT.en.unreadable}`,
          ),
        );
        continue;
      }
      const outcome = await read(bytes, file.name);
      if (!outcome.ok) {
        const detail = outcome.detail ? `（${outcome.detail}）` : "";
        found.push(
          note(
            "error",
            `${TEXT.zh.cannotCheck(file.name)}：${outcome.message}${detail}`,
            `${TEXT.en.cannotCheck(file.name)}: ${outcome.messageEn}${outcome.detail ? ` (${outcome.detail})` : ""}`,
          ),
        );
        continue;
      }
      const workbook = await openWorkbook(
        `opened:${nextId.current++}`,
        file.name,
        bytes,
        outcome.grids,
        settingsStore?.(file.name),
        today ?? new Date(),
      );
      if (workbook.noTable)
        found.push(note("warning", TEXT.zh.noTable(file.name), TEXT.en.noTable(file.name)));
      // A file opened again (saved anew in Excel or WPS) replaces the one of the same name.
      setOpened((list) => [...list.filter((w) => w.name !== workbook.name), workbook]);
      // The first of the files with a table is shown; a file without one only when no other has one.
      if (!first || (first.noTable && !workbook.noTable)) first = workbook;
    }
    if (first) setCurrent({ kind: "opened", id: first.id });
    setNotes(found);
    setReading(null);
  };

  const openedNow = current?.kind === "opened" ? opened.find((w) => w.id === current.id) : undefined;
  const sampleNow = current?.kind === "sample" ? workbooks.find((w) => w.file === current.file) : undefined;

  const download = () => {
    if (!openedNow) return;
    const copy = markedCopy(openedNow);
    if (!copy.ok) {
      setNotes([
        note("error", `${TEXT.zh.cannotSave}：${copy.message}`, `${TEXT.en.cannotSave}: ${copy.messageEn}`),
      ]);
      return;
    }
    save(copy.name, copy.bytes);
    setNotes([
      note("success", TEXT.zh.saved(copy.name, openedNow.name), TEXT.en.saved(copy.name, openedNow.name)),
    ]);
  };

  const dropped = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    void openFiles([...event.dataTransfer.files]);
  };

  const chooser = (
    <input
      ref={fileInput}
      className={styles.fileInput}
      type="file"
      accept={ACCEPT}
      multiple
      aria-label={t.fileInput}
      data-testid="file-input"
      onChange={(event) => {
        const files = [...(event.target.files ?? [])];
        // Cleared, so choosing the same file again (saved anew) reads it again.
        event.target.value = "";
        void openFiles(files);
      }}
    />
  );

  return (
    <div
      className={`${styles.page} ${dragging ? styles.dragging : ""}`}
      onDragOver={(event) => {
        if (!event.dataTransfer.types.includes("Files")) return;
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={(event) => {
        if (event.relatedTarget === null) setDragging(false);
      }}
      onDrop={dropped}
    >
      <header className={styles.bar}>
        <h1 className={styles.barTitle}>{t.title}</h1>
        {chooser}
        <button
          type="button"
          className={styles.barButton}
          disabled={reading !== null}
          onClick={() => fileInput.current?.click()}
        >
          {t.open}
        </button>
        <label>
          {t.workbook}{" "}
          <select
            className={styles.picker}
            value={current ? (current.kind === "sample" ? current.file : current.id) : ""}
            onChange={(event) => {
              const value = event.target.value;
              const sample = workbooks.find((w) => w.file === value);
              setCurrent(sample ? { kind: "sample", file: sample.file } : { kind: "opened", id: value });
            }}
          >
            {current === null && <option value="" />}
            {opened.map((w) => (
              <option key={w.id} value={w.id}>
                {w.name}
              </option>
            ))}
            <optgroup label={t.samples}>
              {workbooks.map((w) => (
                <option key={w.file} value={w.file}>
                  {w.file}
                </option>
              ))}
            </optgroup>
          </select>
        </label>
        {openedNow && (
          <button type="button" className={styles.barButton} onClick={download}>
            {t.download}
          </button>
        )}
        {/* Stands in for Office's display language, which decides the pane's language in Excel. */}
        <label>
          {t.language}{" "}
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
          {t.paneWidth}{" "}
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
      <FluentProvider theme={webLightTheme} className={styles.notes}>
        <p className={styles.privacy} data-testid="privacy">
          {t.privacy}
        </p>
        {notes.map((n) => (
          <MessageBar key={n.id} intent={n.intent} data-note={n.intent}>
            <MessageBarBody>{lang === "en" ? n.en : n.zh}</MessageBarBody>
            <MessageBarActions
              containerAction={
                <Button
                  appearance="transparent"
                  size="small"
                  aria-label={t.dismiss}
                  onClick={() => setNotes((list) => list.filter((x) => x.id !== n.id))}
                >
                  ×
                </Button>
              }
            />
          </MessageBar>
        ))}
      </FluentProvider>
      {reading ? (
        <FluentProvider theme={webLightTheme} className={styles.centre}>
          <div role="status" data-testid="reading">
            <Spinner label={t.reading(reading.name, reading.index, reading.count)} />
          </div>
        </FluentProvider>
      ) : openedNow ? (
        // A new workbook gets a fresh pane, as opening another file in Excel would; its port (and marks) stay.
        <WorkbookView
          key={openedNow.id}
          port={openedNow.port}
          lang={lang}
          today={today}
          paneWidth={paneWidth}
          commandReports={openedNow.port.reports}
        />
      ) : sampleNow ? (
        <SampleView
          key={sampleNow.file}
          workbook={sampleNow}
          settingsStore={settingsStore}
          lang={lang}
          today={today}
          paneWidth={paneWidth}
        />
      ) : (
        <FluentProvider theme={webLightTheme} className={styles.centre}>
          <section className={styles.landing} aria-labelledby="dutycheck-landing">
            <h2 id="dutycheck-landing" className={styles.landingTitle}>
              {t.landingTitle}
            </h2>
            <p>
              {t.landingDrop}{" "}
              <Button appearance="primary" onClick={() => fileInput.current?.click()}>
                {t.open}
              </Button>
            </p>
            <p>{t.landingMore}</p>
            <div className={styles.samples}>
              <span>{t.trySample}</span>
              {workbooks.map((w) => (
                <Button key={w.file} onClick={() => setCurrent({ kind: "sample", file: w.file })}>
                  {w.file}
                </Button>
              ))}
            </div>
          </section>
        </FluentProvider>
      )}
    </div>
  );
}
