import { Radio, RadioGroup, makeStyles, tokens } from "@fluentui/react-components";
import { groupAlerts, MISSING_KEY, type GroupBy } from "../../core/alerts";
import { MARK_FILL } from "../../core/marks";
import type { TableResult } from "../../core/types";
import { lateness, milestonePeriod, projectName } from "../format";
import { useI18n } from "../i18n";

const useStyles = makeStyles({
  groups: { listStyleType: "none", margin: 0, padding: 0 },
  groupHeading: {
    display: "flex",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalS,
    margin: `${tokens.spacingVerticalS} 0 ${tokens.spacingVerticalXXS}`,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
  },
  groupCounts: {
    fontWeight: tokens.fontWeightRegular,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground3,
  },
  alerts: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: "2px",
  },
  alert: {
    display: "grid",
    gridTemplateColumns: "1fr auto",
    width: "100%",
    textAlign: "start",
    gap: `0 ${tokens.spacingHorizontalS}`,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    border: "none",
    borderLeft: "4px solid transparent",
    borderRadius: tokens.borderRadiusSmall,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    fontFamily: "inherit",
    fontSize: tokens.fontSizeBase200,
    cursor: "pointer",
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  project: { fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
  late: { textAlign: "end", whiteSpace: "nowrap" },
  detail: { gridColumn: "1 / span 2", color: tokens.colorNeutralForeground2 },
  empty: { color: tokens.colorNeutralForeground3, margin: 0 },
});

export interface AlertListProps {
  tables: TableResult[];
  groupBy: GroupBy;
  onGroupByChange: (groupBy: GroupBy) => void;
  onSelect: (sheet: string, cell: string) => void;
}

/** Overdue and due-soon milestones by 责任领导 or 责任科室; each one jumps to its schedule cell. */
export function AlertList({ tables, groupBy, onGroupByChange, onSelect }: AlertListProps) {
  const styles = useStyles();
  const { t, lang } = useI18n();
  const groups = groupAlerts(tables, groupBy);
  return (
    <>
      <RadioGroup
        layout="horizontal"
        aria-label={t.groupBy}
        value={groupBy}
        onChange={(_, data) => onGroupByChange(data.value === "department" ? "department" : "leader")}
      >
        <Radio value="leader" label={t.byLeader} />
        <Radio value="department" label={t.byDepartment} />
      </RadioGroup>
      {groups.length === 0 ? (
        <p className={styles.empty}>{t.noAlerts}</p>
      ) : (
        <ul className={styles.groups}>
          {groups.map((group) => {
            const label =
              group.key !== MISSING_KEY ? group.key : groupBy === "department" ? t.noDepartment : t.noLeader;
            return (
              <li key={group.key}>
                <h3 className={styles.groupHeading}>
                  <span>{label}</span>
                  <span className={styles.groupCounts}>{t.groupCounts(group.overdue, group.dueSoon)}</span>
                </h3>
                <ul className={styles.alerts} aria-label={label}>
                  {group.alerts.map(({ sheet, project, milestone }) => (
                    <li key={`${milestone.cell}:${milestone.start}:${project.row}`}>
                      <button
                        type="button"
                        className={styles.alert}
                        style={{
                          borderLeftColor: MARK_FILL[milestone.status === "overdue" ? "overdue" : "dueSoon"],
                        }}
                        data-status={milestone.status}
                        onClick={() => onSelect(sheet, milestone.cell)}
                      >
                        <span className={styles.project}>{projectName(project, t)}</span>
                        <span className={styles.late}>{lateness(milestone, t)}</span>
                        <span className={styles.detail}>
                          {milestonePeriod(milestone, lang)} · {t.due(milestone.due)} · {milestone.cell}
                        </span>
                      </button>
                    </li>
                  ))}
                </ul>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
