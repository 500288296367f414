import { Button, Field, Input, Select, makeStyles, tokens } from "@fluentui/react-components";
import { useMemo, useRef, useState } from "react";
import { MISSING_KEY, type GroupBy } from "../../core/alerts";
import { writtenDateToIso } from "../../core/dates";
import { buildReminders, type Reminder } from "../../core/report/reminders";
import { nextReportDay, replyByFor, reportDayOf } from "../../core/report/reply";
import type { SheetResult } from "../../core/types";
import { useI18n } from "../i18n";
import { copyText, selectContents } from "../share";
import { Section } from "./Section";

const useStyles = makeStyles({
  controls: { display: "flex", flexWrap: "wrap", alignItems: "flex-start", gap: tokens.spacingHorizontalS },
  control: { flexGrow: 1, flexBasis: "130px", minWidth: 0 },
  // Fluent's Input keeps the native input's intrinsic width unless told otherwise (as in CheckForm).
  input: { width: "100%", minWidth: 0 },
  inputElement: { minWidth: 0 },
  note: { margin: `${tokens.spacingVerticalXS} 0`, fontSize: tokens.fontSizeBase200 },
  list: {
    listStyleType: "none",
    margin: `${tokens.spacingVerticalS} 0 0`,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
  card: {
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusSmall,
    boxShadow: tokens.shadow2,
  },
  recipient: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalS,
    alignItems: "baseline",
    margin: 0,
    fontSize: tokens.fontSizeBase300,
  },
  counts: {
    fontWeight: tokens.fontWeightRegular,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
  },
  text: { margin: `${tokens.spacingVerticalXS} 0`, userSelect: "text", overflowWrap: "anywhere" },
  copyLine: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  copied: { fontSize: tokens.fontSizeBase200 },
});

export interface ReminderSectionProps {
  result: SheetResult;
  /** One text per 责任科室 or per 责任领导. */
  remindBy: GroupBy;
  onRemindByChange: (by: GroupBy) => void;
  /** The reply-by date the clerk chose, if any (`replyByFor` says when it still applies). */
  chosenReplyBy: string | undefined;
  /** A valid date after the check, or undefined to go back to the next report day. */
  onReplyByChange: (iso: string | undefined) => void;
}

type CopyState = { recipient: string; how: "copied" | "selected" };

/**
 * 督办提醒: the core's reminders for the checked tables, one per department (or leader) with something
 * overdue, behind or unreported, each with its own 复制. The texts are the documents the clerk sends, so
 * they stay Chinese in an English pane.
 */
export function ReminderSection(props: ReminderSectionProps) {
  const { result, remindBy, chosenReplyBy } = props;
  const styles = useStyles();
  const { t } = useI18n();
  const replyBy = replyByFor(result.asOf, result.tables, chosenReplyBy);
  const byDefault = nextReportDay(result.asOf, reportDayOf(result.tables));
  const reminders = useMemo(
    () => buildReminders(result.tables, { asOf: result.asOf, groupBy: remindBy, replyBy }),
    [result, remindBy, replyBy],
  );
  /** The date field while it is being typed in; null shows the date in use. */
  const [draft, setDraft] = useState<string | null>(null);
  const [invalid, setInvalid] = useState(false);
  const [copy, setCopy] = useState<CopyState | null>(null);
  const texts = useRef(new Map<string, HTMLElement>());

  const onDateChange = (text: string) => {
    setDraft(text);
    if (text.trim() === "") {
      setInvalid(false);
      props.onReplyByChange(undefined);
      return;
    }
    const iso = writtenDateToIso(text);
    const ok = iso !== null && iso > result.asOf;
    setInvalid(!ok);
    if (ok) props.onReplyByChange(iso);
  };

  const copyReminder = async (reminder: Reminder) => {
    if (await copyText(reminder.text)) {
      setCopy({ recipient: reminder.recipient, how: "copied" });
      return;
    }
    const element = texts.current.get(reminder.recipient);
    if (element) selectContents(element);
    setCopy({ recipient: reminder.recipient, how: "selected" });
  };

  const label = (recipient: string) =>
    recipient === MISSING_KEY ? (remindBy === "department" ? t.noDepartment : t.noLeader) : recipient;

  return (
    <Section title={t.remindersHeading} collapsible>
      <div className={styles.controls}>
        <Field className={styles.control} label={t.remindTo}>
          <Select
            size="small"
            value={remindBy}
            onChange={(_, data) => props.onRemindByChange(data.value === "leader" ? "leader" : "department")}
          >
            <option value="department">{t.byDepartment}</option>
            <option value="leader">{t.byLeader}</option>
          </Select>
        </Field>
        <Field
          className={styles.control}
          label={t.replyByLabel}
          validationState={invalid ? "error" : "none"}
          validationMessage={invalid ? t.replyByInvalid : undefined}
          hint={t.replyByHint(byDefault)}
        >
          <Input
            className={styles.input}
            input={{ className: styles.inputElement }}
            size="small"
            value={draft ?? replyBy}
            placeholder="2023-06-30"
            onChange={(_, data) => onDateChange(data.value)}
            onBlur={() => {
              if (!invalid) setDraft(null);
            }}
          />
        </Field>
      </div>
      {t.remindersLanguage && <p className={styles.note}>{t.remindersLanguage}</p>}
      {reminders.length === 0 ? (
        <p className={styles.note}>{t.remindersNone}</p>
      ) : (
        <ul className={styles.list}>
          {reminders.map((reminder) => {
            const name = label(reminder.recipient);
            const shown = copy?.recipient === reminder.recipient ? copy.how : null;
            return (
              <li key={reminder.recipient} className={styles.card} data-reminder={reminder.recipient}>
                <h3 className={styles.recipient}>
                  {name}
                  <span className={styles.counts}>
                    {t.reminderCounts(reminder.overdue, reminder.behind, reminder.notReported)}
                  </span>
                </h3>
                <p
                  className={styles.text}
                  lang="zh-CN"
                  ref={(element) => {
                    if (element) texts.current.set(reminder.recipient, element);
                    else texts.current.delete(reminder.recipient);
                  }}
                >
                  {reminder.text}
                </p>
                <div className={styles.copyLine}>
                  <Button
                    size="small"
                    aria-label={t.copyNamed(name)}
                    onClick={() => void copyReminder(reminder)}
                  >
                    {t.copy}
                  </Button>
                  <span className={styles.copied} role="status">
                    {shown === "copied" ? t.copied : shown === "selected" ? t.copySelected : ""}
                  </span>
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </Section>
  );
}
