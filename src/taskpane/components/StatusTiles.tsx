import { makeStyles, tokens } from "@fluentui/react-components";
import { MARK_FILL } from "../../core/marks";
import type { ProjectStatus, StatusCounts } from "../../core/types";
import { useRovingTabIndex } from "../roving";
import { useI18n } from "../i18n";

/** Same fills as the marks on the sheet, so a colour means the same thing in the pane and in the grid. */
export const STATUS_FILL: Record<ProjectStatus, string> = {
  overdue: MARK_FILL.overdue,
  dueSoon: MARK_FILL.dueSoon,
  onTrack: "#FFFFFF",
  done: MARK_FILL.done,
  unscheduled: "#EDEBE9",
};

export const STATUS_ORDER: ProjectStatus[] = ["overdue", "dueSoon", "onTrack", "done", "unscheduled"];

const useStyles = makeStyles({
  tiles: {
    display: "grid",
    // As wide as its longest word at least (Unscheduled), the rest shared out.
    gridTemplateColumns: "repeat(5, minmax(min-content, 1fr))",
    gap: tokens.spacingHorizontalXS,
  },
  tile: {
    position: "relative",
    display: "flex",
    // The word comes first in the page (so the tile's name reads 逾期 10 个项目), the number shows on top.
    flexDirection: "column-reverse",
    alignItems: "center",
    padding: `${tokens.spacingVerticalXS} 0`,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    color: "#242424",
    fontFamily: "inherit",
    cursor: "pointer",
    ":hover": {
      borderTopColor: "#616161",
      borderRightColor: "#616161",
      borderBottomColor: "#616161",
      borderLeftColor: "#616161",
    },
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "1px" },
  },
  pressed: {
    borderTopColor: "#242424",
    borderRightColor: "#242424",
    borderBottomColor: "#242424",
    borderLeftColor: "#242424",
    boxShadow: "inset 0 0 0 1px #242424",
  },
  count: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, lineHeight: 1.2 },
  label: { fontSize: tokens.fontSizeBase200, textAlign: "center", lineHeight: 1.2, padding: "0 2px" },
  unit: {
    position: "absolute",
    width: "1px",
    height: "1px",
    overflow: "hidden",
    clipPath: "inset(50%)",
    whiteSpace: "nowrap",
  },
  note: {
    display: "flex",
    flexWrap: "wrap",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalS,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground3,
    margin: `${tokens.spacingVerticalXS} 0 0`,
  },
});

export interface StatusTilesProps {
  counts: StatusCounts;
  /** The status the list is filtered to, or null for the default (overdue and due soon). */
  filter: ProjectStatus | null;
  onFilter: (filter: ProjectStatus | null) => void;
}

/**
 * Projects by status, counted in projects and said so; each tile filters the project list to its status
 * (pressed again, back to the default). One tab stop; the arrow keys move between tiles.
 */
export function StatusTiles({ counts, filter, onFilter }: StatusTilesProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const arrows = useRovingTabIndex<HTMLDivElement>("horizontal");
  const projects = STATUS_ORDER.reduce((sum, status) => sum + counts[status], 0);
  return (
    <>
      <div className={styles.tiles} role="group" aria-label={t.tilesLabel} {...arrows}>
        {STATUS_ORDER.map((status) => (
          <button
            key={status}
            type="button"
            className={`${styles.tile} ${filter === status ? styles.pressed : ""}`}
            style={{ backgroundColor: STATUS_FILL[status] }}
            data-status={status}
            aria-pressed={filter === status}
            onClick={() => onFilter(filter === status ? null : status)}
          >
            <span className={styles.label}>{t.status[status]}</span>{" "}
            <span className={styles.count}>
              {counts[status]}
              {/* Heard, not seen: the tiles count projects (the group headings say so in words). */}
              <span className={styles.unit}>{t.tileUnit(counts[status])}</span>
            </span>
          </button>
        ))}
      </div>
      <p className={styles.note}>
        <span>{t.projectsTotal(projects)}</span>
        <span>{t.tilesHint}</span>
      </p>
    </>
  );
}
