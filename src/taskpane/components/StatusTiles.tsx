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
    // Each tile as wide as its longest word at least (Unscheduled), the rest shared out (columns set inline).
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

/** One tile: a state, its count and the colour it has on the sheet. */
export interface Tile<K extends string> {
  key: K;
  label: string;
  count: number;
  fill: string;
  /** A CSS border when the state's mark on the sheet has an outline (the monthly cycle's 未报送, 滞后). */
  border?: string;
}

export interface FilterTilesProps<K extends string> {
  tiles: Tile<K>[];
  /** The group's name for screen readers, e.g. 按状态筛选项目. */
  label: string;
  /** After each number, heard not seen: what the tiles count (" 个项目"). */
  unit: (count: number) => string;
  /** The tile the list is filtered to, or null. */
  selected: K | null;
  /** A tile pressed again gives null: back to the list's default. */
  onSelect: (key: K | null) => void;
  /** Under the tiles: the total, and how to use them. */
  note: [string, string];
}

/**
 * Counts by state as a row of tiles that filter a list: each tile is a toggle (aria-pressed), the row is one
 * Tab stop, the arrow keys move between tiles. The project statuses use it; so can other counts by state
 * (the monthly cycle's five progress states).
 */
export function FilterTiles<K extends string>({
  tiles,
  label,
  unit,
  selected,
  onSelect,
  note,
}: FilterTilesProps<K>) {
  const styles = useStyles();
  const roving = useRovingTabIndex<HTMLDivElement>("horizontal");
  return (
    <>
      <div
        className={styles.tiles}
        style={{ gridTemplateColumns: `repeat(${tiles.length}, minmax(min-content, 1fr))` }}
        role="group"
        aria-label={label}
        {...roving}
      >
        {tiles.map((tile) => (
          <button
            key={tile.key}
            type="button"
            className={`${styles.tile} ${selected === tile.key ? styles.pressed : ""}`}
            style={{ backgroundColor: tile.fill, ...(tile.border ? { border: tile.border } : {}) }}
            data-tile={tile.key}
            aria-pressed={selected === tile.key}
            onClick={() => onSelect(selected === tile.key ? null : tile.key)}
          >
            <span className={styles.label}>{tile.label}</span>{" "}
            <span className={styles.count}>
              {tile.count}
              <span className={styles.unit}>{unit(tile.count)}</span>
            </span>
          </button>
        ))}
      </div>
      <p className={styles.note}>
        <span>{note[0]}</span>
        <span>{note[1]}</span>
      </p>
    </>
  );
}

export interface StatusTilesProps {
  counts: StatusCounts;
  /** The status the list is filtered to, or null for the default (overdue and due soon). */
  filter: ProjectStatus | null;
  onFilter: (filter: ProjectStatus | null) => void;
}

/** Projects by status in the marks' colours, counted in projects and said so; each tile filters the list. */
export function StatusTiles({ counts, filter, onFilter }: StatusTilesProps) {
  const { t } = useI18n();
  const projects = STATUS_ORDER.reduce((sum, status) => sum + counts[status], 0);
  return (
    <FilterTiles
      tiles={STATUS_ORDER.map((status) => ({
        key: status,
        label: t.status[status],
        count: counts[status],
        fill: STATUS_FILL[status],
      }))}
      label={t.tilesLabel}
      unit={t.tileUnit}
      selected={filter}
      onSelect={onFilter}
      note={[t.projectsTotal(projects), t.tilesHint]}
    />
  );
}
