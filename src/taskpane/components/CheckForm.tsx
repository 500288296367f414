import { Button, Field, Input, Spinner, makeStyles, tokens } from "@fluentui/react-components";
import type { RefObject } from "react";
import { QUICK_DATE_MODES, type DateMode, type QuickDateMode } from "../../core/dates";
import { useRovingTabIndex } from "../roving";
import { useI18n } from "../i18n";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  fields: { display: "flex", flexWrap: "wrap", alignItems: "flex-start", gap: tokens.spacingHorizontalS },
  date: { flexGrow: 1, flexBasis: "150px", minWidth: 0 },
  // As wide as its label (one line in either language), at least room for three digits.
  days: { flexShrink: 0, width: "min-content", minWidth: "80px", "& label": { whiteSpace: "nowrap" } },
  // Fluent's Input keeps the native input's intrinsic width (about 20 characters) unless told otherwise.
  input: { width: "100%", minWidth: 0 },
  inputElement: { minWidth: 0 },
  quick: { display: "flex", flexWrap: "wrap", gap: "2px" },
  quickButton: { minWidth: "auto", paddingInline: tokens.spacingHorizontalS },
  hint: { margin: 0, color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  submit: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS },
});

export interface FieldErrors {
  asOf?: string;
  dueSoonDays?: string;
  reportDay?: string;
  behindTolerance?: string;
}

export interface CheckFormProps {
  /** The date field as typed (read as a date when the check runs). */
  asOf: string;
  onAsOfChange: (text: string) => void;
  /** The mode the date came from: its quick button shows pressed. */
  dateMode: DateMode;
  onQuickDate: (mode: QuickDateMode) => void;
  /** As typed: validated when the check runs. */
  dueSoonDays: string;
  onDueSoonDaysChange: (days: string) => void;
  errors: FieldErrors;
  onCheck: () => void;
  checking: boolean;
  /** So the pane can put the cursor in a field that needs correcting. */
  dateRef: RefObject<HTMLInputElement>;
  daysRef: RefObject<HTMLInputElement>;
  /** The monthly cycle's 报送日 and 滞后容差 (PROGRESS.md §2, §4), as typed: validated when the check runs. */
  reportDay: string;
  onReportDayChange: (day: string) => void;
  behindTolerance: string;
  onBehindToleranceChange: (points: string) => void;
  reportDayRef: RefObject<HTMLInputElement>;
  toleranceRef: RefObject<HTMLInputElement>;
}

/** A short number field (临期天数, 报送日, 滞后容差): as typed, its error said on the field itself. */
function NumberField({
  label,
  error,
  inputRef,
  value,
  onChange,
  decimal = false,
}: {
  label: string;
  error: string | undefined;
  inputRef: RefObject<HTMLInputElement>;
  value: string;
  onChange: (text: string) => void;
  decimal?: boolean;
}) {
  const styles = useStyles();
  return (
    <Field
      className={styles.days}
      label={label}
      validationState={error ? "error" : "none"}
      validationMessage={error}
    >
      <Input
        ref={inputRef}
        className={styles.input}
        input={{ className: styles.inputElement }}
        inputMode={decimal ? "decimal" : "numeric"}
        value={value}
        onChange={(_, data) => onChange(data.value)}
      />
    </Field>
  );
}

/**
 * The reference date (typed as 年-月-日 whatever the system's locale, or picked from the quick dates), the
 * due-soon window, and the check button. A bad value is said on its own field, in words a clerk can act on.
 */
export function CheckForm({
  asOf,
  onAsOfChange,
  dateMode,
  onQuickDate,
  dueSoonDays,
  onDueSoonDaysChange,
  errors,
  onCheck,
  checking,
  dateRef,
  daysRef,
  reportDay,
  onReportDayChange,
  behindTolerance,
  onBehindToleranceChange,
  reportDayRef,
  toleranceRef,
}: CheckFormProps) {
  const styles = useStyles();
  const { t } = useI18n();
  // One tab stop for the four quick dates; the arrow keys move between them.
  const arrows = useRovingTabIndex<HTMLDivElement>("horizontal");
  return (
    <form
      className={styles.form}
      // The pane's own messages explain bad input; the browser's native bubbles would not.
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        onCheck();
      }}
    >
      <div className={styles.fields}>
        <Field
          className={styles.date}
          label={t.asOfLabel}
          validationState={errors.asOf ? "error" : "none"}
          validationMessage={errors.asOf}
        >
          <Input
            ref={dateRef}
            className={styles.input}
            input={{ className: styles.inputElement }}
            value={asOf}
            placeholder={t.asOfPlaceholder}
            autoComplete="off"
            onChange={(_, data) => onAsOfChange(data.value)}
          />
        </Field>
        <NumberField
          label={t.dueSoonLabel}
          error={errors.dueSoonDays}
          inputRef={daysRef}
          value={dueSoonDays}
          onChange={onDueSoonDaysChange}
        />
        <NumberField
          label={t.reportDayLabel}
          error={errors.reportDay}
          inputRef={reportDayRef}
          value={reportDay}
          onChange={onReportDayChange}
        />
        <NumberField
          label={t.behindToleranceLabel}
          error={errors.behindTolerance}
          inputRef={toleranceRef}
          value={behindTolerance}
          onChange={onBehindToleranceChange}
          decimal
        />
      </div>
      <div className={styles.quick} role="group" aria-label={t.quickDates} {...arrows}>
        {QUICK_DATE_MODES.map((mode) => (
          <Button
            key={mode}
            size="small"
            appearance={dateMode === mode ? "primary" : "secondary"}
            className={styles.quickButton}
            aria-pressed={dateMode === mode}
            onClick={() => onQuickDate(mode)}
          >
            {t.quickDate[mode]}
          </Button>
        ))}
      </div>
      <p className={styles.hint}>{t.formHint(dueSoonDays.trim())}</p>
      <p className={styles.hint}>{t.progressHint(reportDay.trim(), behindTolerance.trim())}</p>
      <div className={styles.submit}>
        <Button type="submit" appearance="primary" disabled={checking} aria-busy={checking}>
          {t.check}
        </Button>
        {checking && <Spinner size="tiny" label={t.checking} labelPosition="after" />}
      </div>
    </form>
  );
}
