import { makeStyles, tokens } from "@fluentui/react-components";
import { MARK_FILL } from "../../core/marks";
import type { ProjectStatus, StatusCounts } from "../../core/types";
import { useI18n } from "../i18n";

/** Same fills as the marks on the sheet, so a colour means the same thing in the pane and in the grid. */
const STATUS_FILL: Record<ProjectStatus, string> = {
  overdue: MARK_FILL.overdue,
  dueSoon: MARK_FILL.dueSoon,
  onTrack: "#FFFFFF",
  done: MARK_FILL.done,
  unscheduled: "#EDEBE9",
};

const ORDER: ProjectStatus[] = ["overdue", "dueSoon", "onTrack", "done", "unscheduled"];

const useStyles = makeStyles({
  list: {
    display: "grid",
    gridTemplateColumns: "repeat(5, minmax(0, 1fr))",
    gap: tokens.spacingHorizontalXS,
    listStyleType: "none",
    margin: 0,
    padding: 0,
  },
  tile: {
    display: "flex",
    flexDirection: "column",
    alignItems: "center",
    padding: `${tokens.spacingVerticalXS} 0`,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    color: "#242424",
  },
  count: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, lineHeight: 1.2 },
  label: { fontSize: tokens.fontSizeBase200 },
  total: {
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground3,
    margin: `${tokens.spacingVerticalXS} 0 0`,
  },
});

export function StatusSummary({ counts }: { counts: StatusCounts }) {
  const styles = useStyles();
  const { t } = useI18n();
  const projects = ORDER.reduce((sum, status) => sum + counts[status], 0);
  return (
    <>
      <ul className={styles.list}>
        {ORDER.map((status) => (
          <li
            key={status}
            className={styles.tile}
            style={{ backgroundColor: STATUS_FILL[status] }}
            data-status={status}
            aria-label={`${t.status[status]} ${counts[status]}`}
          >
            <span className={styles.count}>{counts[status]}</span>
            <span className={styles.label}>{t.status[status]}</span>
          </li>
        ))}
      </ul>
      <p className={styles.total}>{t.summaryTotal(projects)}</p>
    </>
  );
}
