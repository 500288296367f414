import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  FluentProvider,
  Link,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
  webLightTheme,
} from "@fluentui/react-components";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { NEEDS_ATTENTION, matchesQuery, projectItems } from "../core/alerts";
import type { GroupBy } from "../core/alerts";
import { quickDate, writtenDateToIso, type DateMode, type QuickDateMode } from "../core/dates";
import {
  CheckOptionsSchema,
  DEFAULT_BEHIND_TOLERANCE,
  DEFAULT_DUE_SOON_DAYS,
  DEFAULT_REPORT_DAY,
} from "../core/options";
import {
  settingsDate,
  type PaneSettings,
  type ProjectGrouping,
  type ProjectSort,
} from "../core/pane-settings";
import type { CheckRequest, CheckedSheet, Outcome, WorkbookPort } from "../core/port";
import { buildSheetReport } from "../core/report/model";
import type * as DocxModule from "../core/report/docx";
import { lateListClipboard } from "../core/report/paste";
import { replyByFor } from "../core/report/reply";
import { sumCounts } from "../core/status";
import type { ProgressState, ProjectStatus } from "../core/types";
import type { CommandReport, CommandReportListener } from "../core/command-reports";
import { ActionToolbar, type ActionOutcome, type ToolbarAction } from "./components/ActionToolbar";
import { CellLink, type CellTarget } from "./components/CellLink";
import { CheckForm, type FieldErrors } from "./components/CheckForm";
import { CopyFallback } from "./components/CopyFallback";
import { FirstRun } from "./components/FirstRun";
import { InvestmentPanel } from "./components/InvestmentPanel";
import { ProgressPanel } from "./components/ProgressPanel";
import { ProjectList } from "./components/ProjectList";
import { ReminderSection } from "./components/ReminderSection";
import { Section } from "./components/Section";
import { SincePanel } from "./components/SincePanel";
import { StatusTiles } from "./components/StatusTiles";
import { TableLine } from "./components/TableLine";
import { WarningList } from "./components/WarningList";
import { I18nContext, MESSAGES, type Lang, type Messages } from "./i18n";
import { copyRich, saveFile, type RichText } from "./share";

const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

const useStyles = makeStyles({
  root: {
    boxSizing: "border-box",
    minWidth: "280px",
    maxWidth: "100%",
    minHeight: "100vh",
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM} ${tokens.spacingVerticalXXL}`,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  appTitle: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  tables: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  tableTitle: {
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
    margin: `0 0 ${tokens.spacingVerticalXS}`,
  },
  visuallyHidden: {
    position: "absolute",
    width: "1px",
    height: "1px",
    margin: "-1px",
    overflow: "hidden",
    clipPath: "inset(50%)",
    whiteSpace: "nowrap",
  },
});

/** A failure to show: the port's bilingual message, and the cell it concerns when there is one. */
interface Failure {
  message: string;
  messageEn: string;
  sheet?: string;
  cell?: string;
}

type ActionKind =
  "clear" | "summary" | "completion" | "statusColumn" | "progressColumn" | "notice" | "lateList";

export interface AppProps {
  port: WorkbookPort;
  lang?: Lang;
  /** "Today" for the default reference date and the quick dates; injectable so tests are stable. */
  today?: Date;
  /** What the ribbon's 检查进度 / 清除标记 did: the pane shows it (the buttons have no UI of their own). */
  commandReports?: {
    latest: () => CommandReport | null;
    subscribe: (listener: CommandReportListener) => () => void;
  };
  /** The preview page with the sample table, offered on the first screen; null where the pane is on it. */
  sampleHref?: string | null;
  /** Whether the host saves a file the pane makes (`downloadsAllowed`); where not, 生成通报 writes the sheet. */
  canDownload?: boolean;
}

type ExistsOutcome = { ok: false; exists: true };

function isExists<T>(outcome: Outcome<T> | ExistsOutcome): outcome is ExistsOutcome {
  return !outcome.ok && "exists" in outcome && outcome.exists;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function unexpected(error: unknown): Failure {
  const detail = errorText(error);
  return { message: MESSAGES.zh.unexpected(detail), messageEn: MESSAGES.en.unexpected(detail) };
}

const DueSoonDaysSchema = CheckOptionsSchema.shape.dueSoonDays.unwrap();
const ReportDaySchema = CheckOptionsSchema.shape.reportDay.unwrap();
const BehindToleranceSchema = CheckOptionsSchema.shape.behindTolerance.unwrap();

/** A number field as typed: blank is no number (so the schema refuses it rather than reading 0). */
function typedNumber(text: string): number {
  return text.trim() === "" ? Number.NaN : Number(text);
}

/**
 * Where a failure's cell link leads, and how it reads. A check that names a cell on another sheet (a check
 * of a result sheet points back at its source) reads 返回“责任分解表”; a cell on a sheet other than the
 * checked one names that sheet; otherwise the bare address. Without a known sheet there is no link.
 */
function failureTarget(
  failure: Failure,
  t: Messages,
  context: { fromCheck: boolean; checkedSheet: string | undefined },
): CellTarget | null {
  const sheet = failure.sheet ?? context.checkedSheet;
  if (!failure.cell || !sheet) return null;
  if (context.fromCheck && failure.sheet) return { sheet, cell: failure.cell, label: t.backToSheet(sheet) };
  if (failure.sheet && failure.sheet !== context.checkedSheet)
    return { sheet, cell: failure.cell, label: t.goToSheetCell(sheet, failure.cell) };
  return { sheet, cell: failure.cell };
}

/** A failed action's outcome: its message in the pane's language and a link to its cell. */
function failedOutcome(
  action: ActionKind,
  failure: Failure,
  lang: Lang,
  checkedSheet: string | undefined,
): ActionOutcome {
  const target = failureTarget(failure, MESSAGES[lang], { fromCheck: false, checkedSheet });
  const text = lang === "en" ? failure.messageEn : failure.message;
  return target
    ? { action, intent: "error", text, cell: target }
    : { action, intent: "error", text: failure.cell ? `${text} ${failure.cell}` : text };
}

export function App({
  port,
  lang = "zh",
  today,
  commandReports,
  sampleHref = null,
  canDownload = true,
}: AppProps) {
  const styles = useStyles();
  const i18n = useMemo(() => ({ lang, t: MESSAGES[lang] }), [lang]);
  const { t } = i18n;
  const now = useCallback(() => today ?? new Date(), [today]);

  const [dateMode, setDateMode] = useState<DateMode>("today");
  const [asOf, setAsOf] = useState(() => quickDate("today", today ?? new Date()));
  const [dueSoonText, setDueSoonText] = useState(String(DEFAULT_DUE_SOON_DAYS));
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [groupBy, setGroupBy] = useState<ProjectGrouping>("leader");
  const [sort, setSort] = useState<ProjectSort>("daysLate");
  const [filter, setFilter] = useState<ProjectStatus | null>(null);
  const [reportDayText, setReportDayText] = useState(String(DEFAULT_REPORT_DAY));
  const [toleranceText, setToleranceText] = useState(String(DEFAULT_BEHIND_TOLERANCE));
  /** The 月度进展 tile the list is filtered to; a status tile and a progress tile are never both pressed. */
  const [pickedProgress, setProgressFilter] = useState<ProgressState | null>(null);
  const [query, setQuery] = useState("");
  const [result, setResult] = useState<CheckedSheet | null>(null);
  const [busy, setBusy] = useState<"check" | ActionKind | null>(null);
  const [checkFailure, setCheckFailure] = useState<Failure | null>(null);
  const [outcome, setOutcome] = useState<ActionOutcome | null>(null);
  const [confirmOverwrite, setConfirmOverwrite] = useState(false);
  /** 督办提醒's remembered choices; the reply date applies while it is ahead of the check (`replyByFor`). */
  const [reminding, setReminding] = useState<Pick<PaneSettings, "replyBy" | "remindBy">>({});
  const [copyFallback, setCopyFallback] = useState<RichText | null>(null);
  const dateRef = useRef<HTMLInputElement>(null);
  const daysRef = useRef<HTMLInputElement>(null);
  const reportDayRef = useRef<HTMLInputElement>(null);
  const toleranceRef = useRef<HTMLInputElement>(null);
  /** What this workbook remembers; the user's own edits before it arrives are not overwritten. */
  const settings = useRef<PaneSettings>({});
  const edited = useRef(false);

  useEffect(() => {
    let live = true;
    port.readSettings().then(
      (read) => {
        if (!live || !read.ok) return;
        settings.current = read.value;
        const { dueSoonDays, groupBy: group, sort: order, dateMode: mode } = read.value;
        if (group) setGroupBy(group);
        if (order) setSort(order);
        const { replyBy: reply, remindBy } = read.value;
        if (reply || remindBy) setReminding({ replyBy: reply, remindBy });
        if (edited.current) return;
        if (dueSoonDays !== undefined) setDueSoonText(String(dueSoonDays));
        if (read.value.reportDay !== undefined) setReportDayText(String(read.value.reportDay));
        if (read.value.behindTolerance !== undefined) setToleranceText(String(read.value.behindTolerance));
        if (mode) {
          setDateMode(mode);
          setAsOf(settingsDate(read.value, now()));
        }
      },
      // Unreadable settings are no settings: the pane starts from its defaults.
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [port, now]);

  /** Remembers a change in the workbook; a failed write costs only the memory of it. */
  const remember = (change: PaneSettings) => {
    settings.current = { ...settings.current, ...change };
    port.writeSettings(settings.current).then(
      () => undefined,
      () => undefined,
    );
  };

  useEffect(() => {
    if (!commandReports) return undefined;
    const show = (report: CommandReport) => {
      if (report.command === "checkProgress") {
        edited.current = true;
        if (report.outcome.ok) {
          setCheckFailure(null);
          setResult(report.outcome.value);
          setAsOf(report.outcome.value.asOf);
        } else {
          setCheckFailure(report.outcome);
        }
      } else {
        setOutcome(
          report.outcome.ok
            ? { action: "clear", intent: "success", text: MESSAGES[lang].marksCleared }
            : failedOutcome("clear", report.outcome, lang, undefined),
        );
      }
    };
    const latest = commandReports.latest();
    if (latest) show(latest);
    return commandReports.subscribe(show);
  }, [commandReports, lang]);

  /** The fields read as a request, or the first field to correct (focused, its message on it). */
  const readFields = (): CheckRequest | null => {
    const iso = asOf.trim() === "" ? null : writtenDateToIso(asOf);
    const days = dueSoonText.trim() === "" ? Number.NaN : Number(dueSoonText);
    const daysOk = DueSoonDaysSchema.safeParse(days);
    const dayOk = ReportDaySchema.safeParse(typedNumber(reportDayText));
    const toleranceOk = BehindToleranceSchema.safeParse(typedNumber(toleranceText));
    const errors: FieldErrors = {
      ...(iso ? {} : { asOf: asOf.trim() === "" ? t.dateRequired : t.dateInvalid }),
      ...(daysOk.success ? {} : { dueSoonDays: t.dueSoonInvalid }),
      ...(dayOk.success ? {} : { reportDay: t.reportDayInvalid }),
      ...(toleranceOk.success ? {} : { behindTolerance: t.behindToleranceInvalid }),
    };
    setFieldErrors(errors);
    if (!iso) dateRef.current?.focus();
    else if (!daysOk.success) daysRef.current?.focus();
    else if (!dayOk.success) reportDayRef.current?.focus();
    else if (!toleranceOk.success) toleranceRef.current?.focus();
    if (!iso || !daysOk.success || !dayOk.success || !toleranceOk.success) return null;
    if (iso !== asOf) setAsOf(iso);
    return {
      asOf: iso,
      dueSoonDays: daysOk.data,
      reportDay: dayOk.data,
      behindTolerance: toleranceOk.data,
    };
  };

  const check = async () => {
    const request = readFields();
    if (!request) return;
    remember({
      dueSoonDays: request.dueSoonDays,
      reportDay: request.reportDay,
      behindTolerance: request.behindTolerance,
      dateMode,
      ...(dateMode === "fixed" ? { fixedDate: request.asOf } : {}),
    });
    setBusy("check");
    setCheckFailure(null);
    try {
      const checked = await port.checkActiveSheet(request);
      if (checked.ok) setResult(checked.value);
      else setCheckFailure(checked);
    } catch (error) {
      setCheckFailure(unexpected(error));
    } finally {
      setBusy(null);
    }
  };

  const select = async (sheet: string, cell: string) => {
    try {
      const selected = await port.selectCell(sheet, cell);
      if (!selected.ok) setCheckFailure(selected);
    } catch (error) {
      setCheckFailure(unexpected(error));
    }
  };
  const onSelect = (sheet: string, cell: string) => void select(sheet, cell);

  /** Runs one action with the busy flag set; what it did (or why not) goes under the toolbar. */
  const act = async (kind: ActionKind, work: () => Promise<ActionOutcome | null>) => {
    setBusy(kind);
    setOutcome(null);
    try {
      setOutcome(await work());
    } catch (error) {
      setOutcome(failedOutcome(kind, unexpected(error), lang, result?.sheet));
    } finally {
      setBusy(null);
    }
  };

  /** A refusal: the port's message, its cell on the port's sheet, else on the sheet the action was about. */
  const failed = (kind: ActionKind, outcome: Failure, sheet?: string): ActionOutcome =>
    failedOutcome(kind, { ...outcome, sheet: outcome.sheet ?? sheet }, lang, result?.sheet);

  // The 通报 groups its second part as the list does (by 责任领导 unless the list is by 责任科室); its reply
  // date is the 督办提醒's.
  const reportGroupBy: GroupBy = groupBy === "department" ? "department" : "leader";
  const replyBy = result ? replyByFor(result.asOf, result.tables, reminding.replyBy) : null;

  const writeSummary = (overwrite: boolean) =>
    act("summary", async () => {
      if (!result) return null;
      const request = { groupBy: reportGroupBy, replyBy };
      const written = await port.writeReportSheet(result, request, overwrite);
      if (isExists(written)) {
        setConfirmOverwrite(true);
        return null;
      }
      if (!written.ok) return failed("summary", written, result.sheet);
      const sheet = written.value;
      return {
        action: "summary",
        intent: "success",
        text: t.summaryWritten(sheet),
        open: { label: t.open, run: () => onSelect(sheet, "A1") },
      };
    });

  /** 生成通报: the .docx saved where the host allows it, else the 通报表 sheet and the copy to paste. */
  const writeNotice = () =>
    act("notice", async () => {
      if (!result) return null;
      const report = buildSheetReport(result, { groupBy: reportGroupBy, replyBy });
      const openSheet = (sheet: string) => ({ label: t.open, run: () => onSelect(sheet, "A1") });
      if (!canDownload) {
        const written = await port.writeReportSheet(result, { groupBy: reportGroupBy, replyBy }, false);
        if (isExists(written))
          return {
            action: "notice",
            intent: "info",
            text: t.noticeSheetExists(report.sheetName),
            open: openSheet(report.sheetName),
          };
        if (!written.ok) return failed("notice", written, result.sheet);
        return {
          action: "notice",
          intent: "success",
          text: t.noticeAsSheet(written.value),
          open: openSheet(written.value),
        };
      }
      // The docx library is most of a 通报's weight: fetched on the first one, in its own chunk. (The path
      // is widened to string for TypeScript, whose node16 rules would ask a dynamic import for a ".js"
      // that webpack and Jest do not map; the bundler still sees the literal.)
      const { reportDocx } = (await import(
        /* webpackChunkName: "docx" */ "../core/report/docx" as string
      )) as typeof DocxModule;
      const file = `${report.fileStem}.docx`;
      saveFile(await reportDocx(report), file, DOCX_TYPE);
      return { action: "notice", intent: "success", text: t.noticeDownloaded(file) };
    });

  /** 复制逾期清单: the 通报's section 二 as HTML and text; a selected table where the clipboard is shut. */
  const copyLateList = () =>
    act("lateList", async () => {
      if (!result) return null;
      const report = buildSheetReport(result, { groupBy: reportGroupBy, replyBy });
      const content = lateListClipboard(report);
      if (!content) return { action: "lateList", intent: "info", text: t.noLateList };
      if (await copyRich(content)) {
        const late = report.sections.find((section) => section.kind === "late");
        const rows = late?.kind === "late" ? late.groups.reduce((n, g) => n + g.rows.length, 0) : 0;
        return { action: "lateList", intent: "success", text: t.lateListCopied(rows) };
      }
      setCopyFallback(content);
      return null;
    });

  const clearMarks = () =>
    act("clear", async () => {
      const cleared = await port.clearMarks();
      return cleared.ok
        ? { action: "clear", intent: "success", text: t.marksCleared }
        : failed("clear", cleared);
    });

  const addCompletion = () =>
    act("completion", async () => {
      if (!result) return null;
      const added = await port.addCompletionColumns(result);
      return added.ok
        ? { action: "completion", intent: "success", text: t.completionAdded }
        : failed("completion", added, result.sheet);
    });

  /** On the checked date and window once there is a result (the pane shows that day), else the fields'. */
  const insertStatusColumn = () => {
    const fields = result ? null : readFields();
    // The status column answers on the date and window only (DUTY.STATUS knows no monthly cycle).
    const request = result
      ? { asOf: result.asOf, dueSoonDays: result.dueSoonDays }
      : fields && { asOf: fields.asOf, dueSoonDays: fields.dueSoonDays };
    if (!request) {
      setOutcome({ action: "statusColumn", intent: "error", text: t.needValidDate });
      return;
    }
    void act("statusColumn", async () => {
      const inserted = await port.insertStatusColumn(request);
      return inserted.ok
        ? { action: "statusColumn", intent: "success", text: t.statusColumnAdded(request.asOf) }
        : failed("statusColumn", inserted, result?.sheet);
    });
  };

  /**
   * 添加本月进展列 on the checked table with progress columns (else the first): the header written and where,
   * or the port's polite refusal with the cell in the way. The next check reads the new column.
   */
  const addProgressColumn = () =>
    act("progressColumn", async () => {
      const table = result?.tables.find((tb) => tb.progress !== null) ?? result?.tables[0];
      if (!result || !table) return null;
      const added = await port.addProgressColumn(table, result.asOf);
      if (!added.ok) return failed("progressColumn", added, table.sheet);
      const { sheet, cell, header } = added.value;
      return {
        action: "progressColumn",
        intent: "success",
        text: t.progressColumnAdded(header, cell),
        cell: { sheet, cell },
      };
    });

  const tables = result?.tables ?? [];
  const hasTables = tables.length > 0;
  const needsResult = hasTables ? null : t.needCheckFirst;
  const actions: ToolbarAction[] = [
    { id: "clear", label: t.clearMarks, run: () => void clearMarks() },
    { id: "summary", label: t.writeSummary, unavailable: needsResult, run: () => void writeSummary(false) },
    {
      id: "notice",
      label: t.writeNotice,
      hint: t.writeNoticeHint,
      unavailable: needsResult,
      run: () => void writeNotice(),
    },
    {
      id: "lateList",
      label: t.copyLateList,
      hint: t.copyLateListHint,
      unavailable: needsResult,
      run: () => void copyLateList(),
    },
    { id: "completion", label: t.addCompletion, unavailable: needsResult, run: () => void addCompletion() },
    {
      id: "statusColumn",
      label: t.insertStatusColumn,
      hint: t.insertStatusColumnHint,
      run: insertStatusColumn,
    },
    {
      id: "progressColumn",
      label: t.addProgressColumn,
      hint: t.addProgressColumnHint,
      unavailable: needsResult,
      run: () => void addProgressColumn(),
    },
  ].map((action) => (action.unavailable ? { ...action, run: () => undefined } : action));

  const items = useMemo(() => projectItems(tables), [tables]);
  const hasProgress = tables.some((table) => table.progress !== null);
  // A progress tile picked on an earlier check stops filtering once the checked sheet has no progress columns.
  const progressFilter = hasProgress ? pickedProgress : null;
  const shown = items.filter(
    (item) =>
      (progressFilter
        ? item.project.progress?.state === progressFilter
        : filter
          ? item.project.status === filter
          : NEEDS_ATTENTION.includes(item.project.status)) && matchesQuery(item.project, query),
  );
  // A search looks through every status when no tile is picked: a clerk looking for a project by name
  // should find it whether or not it is late.
  const searchingAll = filter === null && progressFilter === null && query.trim() !== "";
  const searched = searchingAll ? items.filter((i) => matchesQuery(i.project, query)) : shown;
  const counts = sumCounts(tables);
  const checkTarget = checkFailure
    ? failureTarget(checkFailure, t, { fromCheck: true, checkedSheet: result?.sheet })
    : null;

  return (
    <I18nContext.Provider value={i18n}>
      <FluentProvider theme={webLightTheme} lang={lang === "en" ? "en" : "zh-CN"}>
        <main className={styles.root}>
          <h1 className={styles.appTitle}>{t.appTitle}</h1>
          <CheckForm
            asOf={asOf}
            onAsOfChange={(text) => {
              edited.current = true;
              setAsOf(text);
              setDateMode("fixed");
              setFieldErrors({ ...fieldErrors, asOf: undefined });
            }}
            dateMode={dateMode}
            onQuickDate={(mode: QuickDateMode) => {
              edited.current = true;
              setDateMode(mode);
              setAsOf(quickDate(mode, now()));
              setFieldErrors({ ...fieldErrors, asOf: undefined });
            }}
            dueSoonDays={dueSoonText}
            onDueSoonDaysChange={(days) => {
              edited.current = true;
              setDueSoonText(days);
              setFieldErrors({ ...fieldErrors, dueSoonDays: undefined });
            }}
            errors={fieldErrors}
            onCheck={() => void check()}
            checking={busy === "check"}
            dateRef={dateRef}
            daysRef={daysRef}
            reportDay={reportDayText}
            onReportDayChange={(day) => {
              edited.current = true;
              setReportDayText(day);
              setFieldErrors({ ...fieldErrors, reportDay: undefined });
            }}
            behindTolerance={toleranceText}
            onBehindToleranceChange={(points) => {
              edited.current = true;
              setToleranceText(points);
              setFieldErrors({ ...fieldErrors, behindTolerance: undefined });
            }}
            reportDayRef={reportDayRef}
            toleranceRef={toleranceRef}
          />
          <div role="status" aria-live="polite">
            {checkFailure && (
              <MessageBar intent="error">
                <MessageBarBody>
                  <MessageBarTitle>{t.errorTitle}</MessageBarTitle>
                  {lang === "en" ? checkFailure.messageEn : checkFailure.message}{" "}
                  {checkTarget ? (
                    <CellLink {...checkTarget} onSelect={onSelect} />
                  ) : (
                    // Without a known sheet the address can only be shown, not selected.
                    checkFailure.cell
                  )}
                </MessageBarBody>
                <MessageBarActions
                  containerAction={
                    <Button appearance="transparent" size="small" onClick={() => setCheckFailure(null)}>
                      {t.dismiss}
                    </Button>
                  }
                />
              </MessageBar>
            )}
            {hasTables && result && (
              <span className={styles.visuallyHidden}>
                {t.checked(
                  tables.reduce((n, table) => n + table.projects.length, 0),
                  counts,
                )}
              </span>
            )}
          </div>

          <ActionToolbar
            actions={actions}
            busy={busy === "check" ? null : busy}
            outcome={outcome}
            onDismiss={() => setOutcome(null)}
            onSelect={onSelect}
          />

          {!result && busy !== "check" && <FirstRun sampleHref={sampleHref} />}

          {result && !hasTables && (
            <MessageBar intent="warning">
              <MessageBarBody>
                <MessageBarTitle>{t.noTable}</MessageBarTitle>
                {result.warnings.map((w) => (lang === "en" ? w.messageEn : w.message)).join(" ")}
              </MessageBarBody>
            </MessageBar>
          )}

          {hasTables && (
            <>
              <div className={styles.tables}>
                {tables.map((table, i) => (
                  <TableLine
                    key={`${table.sheet}:${table.firstRow}`}
                    table={table}
                    index={i}
                    count={tables.length}
                  />
                ))}
              </div>
              <StatusTiles
                counts={counts}
                filter={filter}
                onFilter={(status) => {
                  setFilter(status);
                  setProgressFilter(null);
                }}
              />
              {hasProgress && result && (
                <Section title={t.progressHeading} collapsible>
                  <ProgressPanel
                    tables={tables}
                    asOf={result.asOf}
                    items={items}
                    filter={progressFilter}
                    onFilter={(state) => {
                      setProgressFilter(state);
                      setFilter(null);
                    }}
                    onSelect={onSelect}
                  />
                </Section>
              )}
              {result?.since && (
                <Section title={t.sinceHeading(result.since.since)} collapsible>
                  <SincePanel changes={result.since} tables={tables} onSelect={onSelect} />
                </Section>
              )}
              <Section
                title={
                  searchingAll
                    ? t.searchResults
                    : progressFilter
                      ? t.progressListHeading(progressFilter)
                      : t.listHeading(filter)
                }
                aside={
                  (filter || progressFilter) && (
                    <Link
                      as="button"
                      onClick={() => {
                        setFilter(null);
                        setProgressFilter(null);
                      }}
                    >
                      {t.showAttention}
                    </Link>
                  )
                }
              >
                <ProjectList
                  items={searched}
                  query={query}
                  onQueryChange={setQuery}
                  groupBy={groupBy}
                  onGroupByChange={(group) => {
                    setGroupBy(group);
                    remember({ groupBy: group });
                  }}
                  sort={sort}
                  onSortChange={(order) => {
                    setSort(order);
                    remember({ sort: order });
                  }}
                  emptyText={progressFilter ? t.noneInProgressState(progressFilter) : t.noneToList(filter)}
                  onSelect={onSelect}
                />
              </Section>
              {result && (
                <ReminderSection
                  result={result}
                  remindBy={reminding.remindBy ?? "department"}
                  onRemindByChange={(remindBy) => {
                    setReminding({ ...reminding, remindBy });
                    remember({ remindBy });
                  }}
                  chosenReplyBy={reminding.replyBy}
                  onReplyByChange={(chosen) => {
                    setReminding({ ...reminding, replyBy: chosen });
                    remember({ replyBy: chosen });
                  }}
                />
              )}
              <Section title={t.investmentHeading} collapsible>
                {tables.map((table, i) => (
                  <div key={`${table.sheet}:${table.firstRow}`}>
                    {tables.length > 1 && (
                      <h3 className={styles.tableTitle}>{t.tableNumber(i + 1, tables.length)}</h3>
                    )}
                    <InvestmentPanel table={table} onSelect={onSelect} />
                  </div>
                ))}
              </Section>
              {result && (
                <Section title={t.warningsHeading} collapsible>
                  <WarningList result={result} onSelect={onSelect} />
                </Section>
              )}
            </>
          )}

          <CopyFallback content={copyFallback} onClose={() => setCopyFallback(null)} />
          <Dialog
            open={confirmOverwrite}
            onOpenChange={(_, data) => {
              setConfirmOverwrite(data.open);
              if (!data.open) setOutcome({ action: "summary", intent: "info", text: t.overwriteCancelled });
            }}
          >
            <DialogSurface>
              <DialogBody>
                <DialogTitle>{t.overwriteTitle}</DialogTitle>
                <DialogContent>{t.overwriteBody}</DialogContent>
                <DialogActions>
                  <Button
                    appearance="primary"
                    onClick={() => {
                      setConfirmOverwrite(false);
                      void writeSummary(true);
                    }}
                  >
                    {t.overwrite}
                  </Button>
                  <Button
                    onClick={() => {
                      setConfirmOverwrite(false);
                      setOutcome({ action: "summary", intent: "info", text: t.overwriteCancelled });
                    }}
                  >
                    {t.cancel}
                  </Button>
                </DialogActions>
              </DialogBody>
            </DialogSurface>
          </Dialog>
        </main>
      </FluentProvider>
    </I18nContext.Provider>
  );
}
