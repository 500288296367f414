import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  FluentProvider,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
  webLightTheme,
} from "@fluentui/react-components";
import { format } from "date-fns";
import { useCallback, useEffect, useMemo, useState } from "react";
import type { GroupBy } from "../core/alerts";
import { DEFAULT_DUE_SOON_DAYS, resolveOptions } from "../core/options";
import type { Outcome, WorkbookPort } from "../core/port";
import type { SheetResult } from "../core/types";
import type { CommandReport, CommandReportListener } from "../core/command-reports";
import { ActionBar, type ActionKind } from "./components/ActionBar";
import { AlertList } from "./components/AlertList";
import { CellLink } from "./components/CellLink";
import { Header } from "./components/Header";
import { InvestmentPanel } from "./components/InvestmentPanel";
import { Section } from "./components/Section";
import { StatusSummary } from "./components/StatusSummary";
import { WarningList } from "./components/WarningList";
import { I18nContext, MESSAGES, type Lang } from "./i18n";
import { sumCounts } from "../core/status";

const useStyles = makeStyles({
  root: {
    boxSizing: "border-box",
    minWidth: "280px",
    maxWidth: "100%",
    minHeight: "100vh",
    padding: tokens.spacingHorizontalM,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  appTitle: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  hint: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, margin: 0 },
  messages: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  tableTitle: {
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
    margin: `0 0 ${tokens.spacingVerticalXS}`,
  },
});

/** A failure to show: the port's bilingual message, and the cell it concerns when there is one. */
interface Failure {
  message: string;
  messageEn: string;
  sheet?: string;
  cell?: string;
}

export interface AppProps {
  port: WorkbookPort;
  lang?: Lang;
  /** "Today" for the default reference date; injectable so tests are stable. */
  today?: Date;
  dueSoonDays?: number;
  /** What the ribbon's 检查进度 / 清除标记 did: the pane shows it (the buttons have no UI of their own). */
  commandReports?: {
    latest: () => CommandReport | null;
    subscribe: (listener: CommandReportListener) => () => void;
  };
}

type ExistsOutcome = { ok: false; exists: true };

function isExists(outcome: Outcome<unknown> | ExistsOutcome): outcome is ExistsOutcome {
  return !outcome.ok && "exists" in outcome && outcome.exists;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function App({ port, lang = "zh", today, dueSoonDays, commandReports }: AppProps) {
  const styles = useStyles();
  const i18n = useMemo(() => ({ lang, t: MESSAGES[lang] }), [lang]);
  const { t } = i18n;
  const [asOf, setAsOf] = useState(() => format(today ?? new Date(), "yyyy-MM-dd"));
  const [dueSoonText, setDueSoonText] = useState(() => String(dueSoonDays ?? DEFAULT_DUE_SOON_DAYS));
  const [groupBy, setGroupBy] = useState<GroupBy>("leader");
  const [result, setResult] = useState<SheetResult | null>(null);
  const [busy, setBusy] = useState<"check" | ActionKind | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [confirmOverwrite, setConfirmOverwrite] = useState(false);

  /** Runs one port call with the busy flag set; thrown errors become a failure instead of a blank pane. */
  const run = useCallback(
    async <T,>(kind: "check" | ActionKind, call: () => Promise<T>): Promise<T | null> => {
      setBusy(kind);
      setFailure(null);
      setNotice(null);
      try {
        return await call();
      } catch (error) {
        const detail = errorText(error);
        setFailure({ message: MESSAGES.zh.unexpected(detail), messageEn: MESSAGES.en.unexpected(detail) });
        return null;
      } finally {
        setBusy(null);
      }
    },
    [],
  );

  /** The sheet of the failing cell: the port's own answer first, else the sheet the action was about. */
  const fail = (outcome: Failure, fallbackSheet?: string) => {
    const { message, messageEn, cell } = outcome;
    const sheet = outcome.sheet ?? fallbackSheet;
    setFailure({ message, messageEn, ...(cell ? { cell, ...(sheet ? { sheet } : {}) } : {}) });
  };

  useEffect(() => {
    if (!commandReports) return undefined;
    const show = (report: CommandReport) => {
      setNotice(null);
      setFailure(null);
      if (!report.outcome.ok) {
        const { message, messageEn, cell, sheet } = report.outcome;
        setFailure({ message, messageEn, ...(cell ? { cell, ...(sheet ? { sheet } : {}) } : {}) });
      } else if (report.command === "checkProgress") {
        setResult(report.outcome.value);
        setAsOf(report.outcome.value.asOf);
      } else {
        setNotice(MESSAGES[lang].marksCleared);
      }
    };
    const latest = commandReports.latest();
    if (latest) show(latest);
    return commandReports.subscribe(show);
  }, [commandReports, lang]);

  const check = async () => {
    const days = dueSoonText.trim() === "" ? Number.NaN : Number(dueSoonText);
    const options = resolveOptions({ asOf, dueSoonDays: days });
    if (!options.ok) {
      const which = resolveOptions({ asOf }).ok ? "invalidDueSoon" : "invalidDate";
      setFailure({
        message: MESSAGES.zh[which](options.message),
        messageEn: MESSAGES.en[which](options.message),
      });
      return;
    }
    const outcome = await run("check", () =>
      port.checkActiveSheet({ asOf: options.options.asOf, dueSoonDays: options.options.dueSoonDays }),
    );
    if (!outcome) return;
    if (outcome.ok) setResult(outcome.value);
    else fail(outcome, result?.sheet);
  };

  const select = async (sheet: string, cell: string) => {
    setFailure(null);
    try {
      const outcome = await port.selectCell(sheet, cell);
      if (!outcome.ok) fail(outcome);
    } catch (error) {
      const detail = errorText(error);
      setFailure({ message: MESSAGES.zh.unexpected(detail), messageEn: MESSAGES.en.unexpected(detail) });
    }
  };

  const writeSummary = async (overwrite: boolean) => {
    if (!result) return;
    const outcome = await run("summary", () => port.writeReportSheet(result, { groupBy }, overwrite));
    if (!outcome) return;
    if (outcome.ok) setNotice(t.summaryWritten);
    else if (isExists(outcome)) setConfirmOverwrite(true);
    else fail(outcome, result.sheet);
  };

  const action = async (kind: ActionKind) => {
    if (kind === "summary") return writeSummary(false);
    if (kind === "clear") {
      const outcome = await run("clear", () => port.clearMarks());
      if (!outcome) return;
      if (outcome.ok) setNotice(t.marksCleared);
      else fail(outcome);
      return;
    }
    if (kind === "statusColumn") {
      const outcome = await run("statusColumn", () => port.insertStatusColumn());
      if (!outcome) return;
      if (outcome.ok) setNotice(t.statusColumnAdded);
      else fail(outcome, result?.sheet);
      return;
    }
    if (!result) return;
    const outcome = await run("completion", () => port.addCompletionColumns(result));
    if (!outcome) return;
    if (outcome.ok) setNotice(t.completionAdded);
    else fail(outcome, result.sheet);
  };

  const onSelect = (sheet: string, cell: string) => void select(sheet, cell);
  const tables = result?.tables ?? [];

  return (
    <I18nContext.Provider value={i18n}>
      <FluentProvider theme={webLightTheme} lang={lang === "en" ? "en" : "zh-CN"}>
        <main className={styles.root}>
          <h1 className={styles.appTitle}>{t.appTitle}</h1>
          <Header
            asOf={asOf}
            onAsOfChange={setAsOf}
            dueSoonDays={dueSoonText}
            onDueSoonDaysChange={setDueSoonText}
            onCheck={() => void check()}
            checking={busy === "check"}
            result={result}
          />
          <div className={styles.messages} aria-live="polite">
            {failure && (
              <MessageBar intent="error">
                <MessageBarBody>
                  <MessageBarTitle>{t.errorTitle}</MessageBarTitle>
                  {lang === "en" ? failure.messageEn : failure.message}{" "}
                  {failure.cell && (failure.sheet ?? result?.sheet) ? (
                    <CellLink
                      sheet={(failure.sheet ?? result?.sheet) as string}
                      cell={failure.cell}
                      onSelect={onSelect}
                    />
                  ) : (
                    // Without a known sheet the address can only be shown, not selected.
                    failure.cell
                  )}
                </MessageBarBody>
                <MessageBarActions
                  containerAction={
                    <Button appearance="transparent" size="small" onClick={() => setFailure(null)}>
                      {t.dismiss}
                    </Button>
                  }
                />
              </MessageBar>
            )}
            {notice && (
              <MessageBar intent="success">
                <MessageBarBody>{notice}</MessageBarBody>
              </MessageBar>
            )}
          </div>

          {!result && busy !== "check" && <p className={styles.hint}>{t.idleHint}</p>}

          {result && tables.length === 0 && (
            <MessageBar intent="warning">
              <MessageBarBody>
                <MessageBarTitle>{t.noTable}</MessageBarTitle>
                {result.warnings.map((w) => (lang === "en" ? w.messageEn : w.message)).join(" ")}
              </MessageBarBody>
            </MessageBar>
          )}

          {tables.length > 0 && (
            <>
              <Section title={t.summaryHeading}>
                <StatusSummary counts={sumCounts(tables)} />
              </Section>
              <Section title={t.alertsHeading}>
                <AlertList
                  tables={tables}
                  groupBy={groupBy}
                  onGroupByChange={setGroupBy}
                  onSelect={onSelect}
                />
              </Section>
              <Section title={t.investmentHeading}>
                {tables.map((table, i) => (
                  <div key={`${table.sheet}:${table.firstRow}`}>
                    {tables.length > 1 && (
                      <h3 className={styles.tableTitle}>{t.tableHeading(i + 1, tables.length)}</h3>
                    )}
                    <InvestmentPanel table={table} onSelect={onSelect} />
                  </div>
                ))}
              </Section>
            </>
          )}
          {result && tables.length > 0 && (
            <Section title={t.warningsHeading}>
              <WarningList result={result} onSelect={onSelect} />
            </Section>
          )}
          <Section title={t.actionsHeading}>
            <ActionBar
              hasResult={tables.length > 0}
              busy={busy !== null}
              onAction={(kind) => void action(kind)}
            />
          </Section>

          <Dialog open={confirmOverwrite} onOpenChange={(_, data) => setConfirmOverwrite(data.open)}>
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
                  <Button onClick={() => setConfirmOverwrite(false)}>{t.cancel}</Button>
                </DialogActions>
              </DialogBody>
            </DialogSurface>
          </Dialog>
        </main>
      </FluentProvider>
    </I18nContext.Provider>
  );
}
