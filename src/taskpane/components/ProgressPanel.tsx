import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { parseISO } from "date-fns";
import { MISSING_KEY, groupProjects, type ProjectItem } from "../../core/alerts";
import { MARK_FILL, MARK_OUTLINE } from "../../core/marks";
import { monthLabel } from "../../core/progress/period";
import { PROGRESS_STATES } from "../../core/progress/table";
import type { ProgressCounts, ProgressState, TableResult } from "../../core/types";
import { projectName } from "../format";
import { useRovingTabIndex } from "../roving";
import { useI18n } from "../i18n";
import { FilterTiles } from "./StatusTiles";
import { useJumpRowStyles } from "./jump-row";

/** The tiles in the marks' colours: 未报送 and 滞后 also carry their marks' outlines (not hue alone). */
const PROGRESS_FILL: Record<ProgressState, string> = {
  done: MARK_FILL.done,
  notReported: MARK_FILL.notReported,
  notStarted: "#EDEBE9",
  behind: MARK_FILL.behind,
  onSchedule: "#FFFFFF",
};

/** The outline a state's mark has on the sheet, as a CSS border (`2px dashed #2F5597`), if it has one. */
export function markOutline(state: "notReported" | "behind"): string {
  const outline = MARK_OUTLINE[state];
  return outline ? `2px ${outline.style} ${outline.color}` : "none";
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  sentence: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  due: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  legend: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    margin: 0,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
  },
  swatch: {
    display: "inline-block",
    padding: `0 ${tokens.spacingHorizontalXS}`,
    color: "#242424",
  },
  groupHeading: { margin: `${tokens.spacingVerticalXS} 0 2px`, fontSize: tokens.fontSizeBase300 },
  department: {
    margin: `${tokens.spacingVerticalXS} 0 0`,
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground2,
  },
  rows: { listStyleType: "none", margin: 0, padding: 0 },
  name: { fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
  detail: { gridColumn: "1", color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
  cell: {
    gridColumn: "2",
    gridRow: "1",
    textAlign: "end",
    fontFamily: tokens.fontFamilyMonospace,
    color: tokens.colorBrandForegroundLink,
  },
  empty: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
});

/** The 信息员 at work: a project whose report is missing or behind, on the sheet of its table. */
function ReportRow({
  item,
  detail,
  onSelect,
}: {
  item: ProjectItem;
  detail: string;
  onSelect: (sheet: string, cell: string) => void;
}) {
  const styles = useStyles();
  const rows = useJumpRowStyles();
  const { t, lang } = useI18n();
  const { project } = item;
  const progress = project.progress;
  const cell = progress?.cell ?? null;
  const reason = progress ? (lang === "en" ? progress.reasonEn : progress.reason) : "";
  const body = (
    <>
      <span className={styles.name}>{projectName(project, t)}</span>{" "}
      {cell && <span className={styles.cell}>{cell}</span>}{" "}
      <span className={styles.detail}>{[detail, reason].filter(Boolean).join(" · ")}</span>
    </>
  );
  return (
    <li data-progress-state={progress?.state} data-cell={cell ?? undefined}>
      {cell ? (
        <button type="button" className={rows.row} onClick={() => onSelect(item.sheet, cell)}>
          {body}
        </button>
      ) : (
        // No column for the missing report yet (添加本月进展列 adds one): nothing to jump to.
        <div className={mergeClasses(rows.row, rows.plain)}>{body}</div>
      )}
    </li>
  );
}

function sumProgress(tables: TableResult[]): ProgressCounts {
  const counts: ProgressCounts = { done: 0, notReported: 0, notStarted: 0, behind: 0, onSchedule: 0 };
  for (const table of tables)
    for (const state of PROGRESS_STATES) counts[state] += table.progress?.counts[state] ?? 0;
  return counts;
}

export interface ProgressPanelProps {
  /** The checked tables; only those with progress columns count here. */
  tables: TableResult[];
  /** The check's reference date, `YYYY-MM-DD`. */
  asOf: string;
  /** Every project of the check as the pane lists it (`projectItems`). */
  items: ProjectItem[];
  /** The progress state the project list is filtered to, or null. */
  filter: ProgressState | null;
  onFilter: (filter: ProgressState | null) => void;
  onSelect: (sheet: string, cell: string) => void;
}

/**
 * 月度进展 (PROGRESS.md): 序时进度 as a sentence, the five states as tiles that filter the project list,
 * who has not reported (by 责任科室, with the 信息员) and who is behind (with the reason), each row jumping
 * to the cell that decided it; and what the sheet's two progress marks look like. Nothing when no table has
 * progress columns.
 */
export function ProgressPanel({ tables, asOf, items, filter, onFilter, onSelect }: ProgressPanelProps) {
  const styles = useStyles();
  const { t, lang } = useI18n();
  const roving = useRovingTabIndex<HTMLDivElement>("vertical");
  const withProgress = tables.filter((table) => table.progress !== null);
  if (withProgress.length === 0) return null;
  const counts = sumProgress(withProgress);
  const total = PROGRESS_STATES.reduce((sum, state) => sum + counts[state], 0);
  const inState = (state: ProgressState) => items.filter((i) => i.project.progress?.state === state);
  const notReported = groupProjects(inState("notReported"), "department", "table");
  const behind = inState("behind");
  // Tables of one sheet share the year and date as a rule: one sentence per distinct one, never repeated.
  const lines = new Map<string, { sentence: string; due: string }>();
  for (const table of withProgress) {
    const progress = table.progress as NonNullable<TableResult["progress"]>;
    const month = monthLabel(progress.expectedPeriod, table.year);
    const sentence = t.progressSentence(parseISO(asOf), progress.expectedPercent);
    const due = t.progressDue(lang === "en" ? month.en : month.zh, progress.reportDay);
    lines.set(`${sentence}|${due}`, { sentence, due });
  }
  return (
    <div className={styles.root}>
      {[...lines].map(([key, line]) => (
        <div key={key}>
          <p className={styles.sentence}>{line.sentence}</p>
          <p className={styles.due}>{line.due}</p>
        </div>
      ))}
      <FilterTiles
        tiles={PROGRESS_STATES.map((state) => ({
          key: state,
          label: t.progressState[state],
          count: counts[state],
          fill: PROGRESS_FILL[state],
          ...(state === "notReported" || state === "behind" ? { border: markOutline(state) } : {}),
        }))}
        label={t.progressTilesLabel}
        unit={t.tileUnit}
        selected={filter}
        onSelect={onFilter}
        note={[t.projectsTotal(total), t.progressTilesHint]}
      />
      <p className={styles.legend} data-legend="progress">
        <span>{t.marksLegend}</span>
        {(["notReported", "behind"] as const).map((kind) => (
          <span
            key={kind}
            className={styles.swatch}
            data-mark-legend={kind}
            style={{ backgroundColor: MARK_FILL[kind], border: markOutline(kind) }}
          >
            {t.markLabel[kind]}
          </span>
        ))}
      </p>
      <div {...roving}>
        <h3 className={styles.groupHeading}>{t.progressGroup("notReported", counts.notReported)}</h3>
        {notReported.length === 0 ? (
          <p className={styles.empty}>{t.allReported}</p>
        ) : (
          notReported.map((group) => {
            const department = group.key === MISSING_KEY ? t.noDepartment : group.key;
            return (
              <div key={group.key}>
                <h4 className={styles.department}>{department}</h4>
                <ul className={styles.rows} aria-label={department}>
                  {group.items.map((item) => (
                    <ReportRow
                      key={`${item.sheet}:${item.table}:${item.project.row}`}
                      item={item}
                      detail={t.informant(item.project.person)}
                      onSelect={onSelect}
                    />
                  ))}
                </ul>
              </div>
            );
          })
        )}
        <h3 className={styles.groupHeading}>{t.progressGroup("behind", counts.behind)}</h3>
        {behind.length === 0 ? (
          <p className={styles.empty}>{t.noneBehind}</p>
        ) : (
          <ul className={styles.rows} aria-label={t.progressState.behind}>
            {behind.map((item) => (
              <ReportRow
                key={`${item.sheet}:${item.table}:${item.project.row}`}
                item={item}
                detail={item.project.department ?? t.noDepartment}
                onSelect={onSelect}
              />
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
