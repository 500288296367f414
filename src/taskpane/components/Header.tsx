import { Button, Field, Input, Spinner, makeStyles, tokens } from "@fluentui/react-components";
import type { SheetResult } from "../../core/types";
import { useI18n } from "../i18n";

const useStyles = makeStyles({
  form: { display: "flex", flexWrap: "wrap", alignItems: "flex-start", gap: tokens.spacingHorizontalS },
  date: { flexGrow: 1, minWidth: "140px" },
  days: { width: "88px" },
  facts: {
    display: "grid",
    gridTemplateColumns: "auto 1fr",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
    margin: `${tokens.spacingVerticalS} 0 0`,
    fontSize: tokens.fontSizeBase200,
  },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0, overflowWrap: "anywhere" },
  tableHeading: { fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold, margin: 0 },
});

export interface HeaderProps {
  asOf: string;
  onAsOfChange: (asOf: string) => void;
  /** As typed: validated (zod, via the core's options) when the check runs. */
  dueSoonDays: string;
  onDueSoonDaysChange: (days: string) => void;
  onCheck: () => void;
  checking: boolean;
  result: SheetResult | null;
}

/** Reference date, the check button, and which sheet and table were read. */
export function Header({
  asOf,
  onAsOfChange,
  dueSoonDays,
  onDueSoonDaysChange,
  onCheck,
  checking,
  result,
}: HeaderProps) {
  const styles = useStyles();
  const { t } = useI18n();
  return (
    <header>
      <form
        className={styles.form}
        // The core's own (Chinese) messages explain bad input; the browser's native bubbles would not.
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          onCheck();
        }}
      >
        <Field className={styles.date} label={t.asOfLabel} hint={t.asOfHint}>
          <Input type="date" value={asOf} onChange={(_, data) => onAsOfChange(data.value)} />
        </Field>
        <Field className={styles.days} label={t.dueSoonLabel} hint={t.dueSoonHint}>
          <Input
            type="number"
            inputMode="numeric"
            min={0}
            max={366}
            value={dueSoonDays}
            onChange={(_, data) => onDueSoonDaysChange(data.value)}
          />
        </Field>
        <Button type="submit" appearance="primary" disabled={checking} aria-busy={checking}>
          {t.check}
        </Button>
      </form>
      {checking && <Spinner size="tiny" label={t.checking} labelPosition="after" />}
      {result &&
        result.tables.map((table, i) => (
          <section key={`${table.sheet}:${table.firstRow}`} aria-label={t.tableRead}>
            {result.tables.length > 1 && (
              <h3 className={styles.tableHeading}>{t.tableHeading(i + 1, result.tables.length)}</h3>
            )}
            <dl className={styles.facts}>
              <dt className={styles.term}>{t.sheet}</dt>
              <dd className={styles.value}>{table.sheet}</dd>
              <dt className={styles.term}>{t.title}</dt>
              <dd className={styles.value}>{table.title ?? t.noTitle}</dd>
              <dt className={styles.term}>{t.headerLabel}</dt>
              <dd className={styles.value}>{t.headerRows(table.headerRows)}</dd>
              <dt className={styles.term}>{t.year}</dt>
              <dd className={styles.value}>{table.year}</dd>
            </dl>
          </section>
        ))}
    </header>
  );
}
