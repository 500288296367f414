import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  makeStyles,
  tokens,
  useId,
} from "@fluentui/react-components";
import { useI18n } from "../i18n";
import { CellLink, type CellTarget } from "./CellLink";

const useStyles = makeStyles({
  // Stays at the top of the pane while the results scroll under it: the actions, and what the last one
  // did, are always in sight (at 320 px 生成汇总表 was ~2,300 px down, and its outcome far above it).
  bar: {
    position: "sticky",
    top: 0,
    zIndex: 2,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    margin: `0 calc(-1 * ${tokens.spacingHorizontalM})`,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground2,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS },
  busy: { fontSize: tokens.fontSizeBase200 },
});

/** One button of the toolbar; other features add theirs (生成通报, 复制逾期清单) the same way. */
export interface ToolbarAction {
  id: string;
  label: string;
  /** Shown as the button's tooltip: what it does. */
  hint?: string;
  /** Why it cannot run yet (e.g. "请先检查进度"); the button stays focusable and says so. */
  unavailable?: string | null;
  run: () => void;
}

/** What an action did, shown right under the toolbar and announced to screen readers. */
export interface ActionOutcome {
  /** The `ToolbarAction.id` that caused it. */
  action: string;
  intent: "success" | "error" | "info";
  text: string;
  /** A cell the outcome is about (a refusal names the cell in the way). */
  cell?: CellTarget;
  /** A created sheet (or file) the user can open from here. */
  open?: { label: string; run: () => void };
}

export interface ActionToolbarProps {
  actions: ToolbarAction[];
  /** The action running now, if any: every button waits for it. */
  busy: string | null;
  outcome: ActionOutcome | null;
  onDismiss: () => void;
  onSelect: (sheet: string, cell: string) => void;
}

export function ActionToolbar({ actions, busy, outcome, onDismiss, onSelect }: ActionToolbarProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const outcomeId = useId("outcome");
  const running = actions.find((a) => a.id === busy);
  const source = actions.find((a) => a.id === outcome?.action);
  return (
    <div className={styles.bar} role="region" aria-label={t.actionsHeading}>
      <div className={styles.buttons} role="group" aria-label={t.actionsHeading}>
        {actions.map((action) => (
          <Button
            key={action.id}
            size="small"
            disabled={busy !== null}
            disabledFocusable={Boolean(action.unavailable)}
            title={action.unavailable ?? action.hint}
            aria-describedby={outcome?.action === action.id ? outcomeId : undefined}
            onClick={action.run}
          >
            {action.label}
          </Button>
        ))}
      </div>
      <div id={outcomeId} role="status" aria-live="polite">
        {running ? (
          <Spinner className={styles.busy} size="extra-tiny" label={`${running.label} · ${t.working}`} />
        ) : (
          outcome && (
            <MessageBar intent={outcome.intent} data-action={outcome.action}>
              <MessageBarBody>
                {source && <MessageBarTitle>{source.label}</MessageBarTitle>}
                {outcome.text} {outcome.cell && <CellLink {...outcome.cell} onSelect={onSelect} />}
              </MessageBarBody>
              <MessageBarActions
                containerAction={
                  <Button appearance="transparent" size="small" onClick={onDismiss}>
                    {t.dismiss}
                  </Button>
                }
              >
                {outcome.open && (
                  <Button size="small" onClick={outcome.open.run}>
                    {outcome.open.label}
                  </Button>
                )}
              </MessageBarActions>
            </MessageBar>
          )
        )}
      </div>
    </div>
  );
}
