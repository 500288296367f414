import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { useI18n } from "../i18n";

export type ActionKind = "clear" | "summary" | "completion" | "statusColumn";

const useStyles = makeStyles({
  bar: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

export interface ActionBarProps {
  /** Summary and completion columns need a check's result; clearing never does. */
  hasResult: boolean;
  busy: boolean;
  onAction: (kind: ActionKind) => void;
}

export function ActionBar({ hasResult, busy, onAction }: ActionBarProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const needsResult = hasResult ? undefined : t.needCheckFirst;
  return (
    <div className={styles.bar} role="group" aria-label={t.actionsHeading}>
      <Button disabled={busy} onClick={() => onAction("clear")}>
        {t.clearMarks}
      </Button>
      <Button
        disabled={busy}
        disabledFocusable={!hasResult}
        title={needsResult}
        onClick={() => onAction("summary")}
      >
        {t.writeSummary}
      </Button>
      <Button
        disabled={busy}
        disabledFocusable={!hasResult}
        title={needsResult}
        onClick={() => onAction("completion")}
      >
        {t.addCompletion}
      </Button>
      <Button disabled={busy} title={t.insertStatusColumnHint} onClick={() => onAction("statusColumn")}>
        {t.insertStatusColumn}
      </Button>
    </div>
  );
}
