import { Button, Field, Input, Select, makeStyles, tokens, useId } from "@fluentui/react-components";
import { ChevronDownRegular, ChevronRightRegular, SearchRegular } from "@fluentui/react-icons";
import { useState } from "react";
import { MISSING_KEY, groupProjects, type ProjectGroup, type ProjectItem } from "../../core/alerts";
import { MARK_FILL } from "../../core/marks";
import type { ProjectGrouping, ProjectSort } from "../../core/pane-settings";
import type { Milestone } from "../../core/types";
import { lateness, milestonePeriod, projectName } from "../format";
import { useRovingTabIndex } from "../roving";
import { useI18n, type Messages } from "../i18n";
import { STATUS_FILL } from "./StatusTiles";
import { useJumpRowStyles } from "./jump-row";

const useStyles = makeStyles({
  controls: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  selects: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  select: { flexGrow: 1, flexBasis: "120px" },
  shown: {
    margin: `${tokens.spacingVerticalXS} 0`,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground3,
  },
  list: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  groupHeading: { margin: `${tokens.spacingVerticalXS} 0 2px`, fontSize: tokens.fontSizeBase300 },
  groupToggle: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalXS,
    width: "100%",
    padding: `2px 0`,
    border: "none",
    background: "none",
    color: "inherit",
    fontFamily: "inherit",
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
    textAlign: "start",
    cursor: "pointer",
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  groupCounts: {
    marginInlineStart: "auto",
    fontWeight: tokens.fontWeightRegular,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
  },
  cards: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
  },
  card: {
    borderLeft: "4px solid transparent",
    borderRadius: tokens.borderRadiusSmall,
    padding: `${tokens.spacingVerticalXS} 0 ${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow2,
  },
  cardHead: {
    display: "flex",
    gap: tokens.spacingHorizontalS,
    alignItems: "baseline",
    paddingRight: tokens.spacingHorizontalS,
  },
  name: {
    flexGrow: 1,
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
    overflowWrap: "anywhere",
  },
  people: {
    margin: 0,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
    paddingRight: tokens.spacingHorizontalS,
  },
  milestones: { listStyleType: "none", margin: `2px 0 0`, padding: 0 },
  content: {
    overflowWrap: "anywhere",
    display: "-webkit-box",
    WebkitLineClamp: "3",
    WebkitBoxOrient: "vertical",
    overflow: "hidden",
  },
  period: { fontWeight: tokens.fontWeightSemibold },
  due: { color: tokens.colorNeutralForeground2 },
  // The same fill as the mark on the sheet: a colour means one thing in the pane and in the grid.
  late: {
    justifySelf: "end",
    alignSelf: "start",
    whiteSpace: "nowrap",
    padding: `0 ${tokens.spacingHorizontalXS}`,
    borderRadius: tokens.borderRadiusSmall,
    color: "#242424",
  },
  cell: {
    gridColumn: "2",
    textAlign: "end",
    fontFamily: tokens.fontFamilyMonospace,
    color: tokens.colorBrandForegroundLink,
  },
  empty: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
});

export interface ProjectListProps {
  /** The projects to list (already filtered by status and search). */
  items: ProjectItem[];
  /** The search as typed: matches names, leaders and departments. */
  query: string;
  onQueryChange: (query: string) => void;
  groupBy: ProjectGrouping;
  onGroupByChange: (groupBy: ProjectGrouping) => void;
  sort: ProjectSort;
  onSortChange: (sort: ProjectSort) => void;
  /** Said when there is nothing to list. */
  emptyText: string;
  onSelect: (sheet: string, cell: string) => void;
}

/**
 * Cards drawn per group at first, and each time 再显示 is pressed: a sheet of thousands of projects lists
 * in a moment instead of building every card before the pane appears.
 */
const CARDS_STEP = 50;

function groupLabel(group: ProjectGroup, by: ProjectGrouping, t: Messages): string {
  if (group.key !== MISSING_KEY) return group.key;
  return by === "department" ? t.noDepartment : t.noLeader;
}

/** One row under a project: a milestone (or why there is none), jumping to its cell. */
function MilestoneRow({
  item,
  milestone,
  onSelect,
}: {
  item: ProjectItem;
  milestone: Milestone;
  onSelect: (sheet: string, cell: string) => void;
}) {
  const styles = useStyles();
  const rows = useJumpRowStyles();
  const { t, lang } = useI18n();
  const late = milestone.status === "overdue" || milestone.status === "dueSoon";
  const fill = late ? MARK_FILL[milestone.status === "overdue" ? "overdue" : "dueSoon"] : undefined;
  return (
    <li>
      <button
        type="button"
        className={rows.row}
        data-milestone={milestone.status}
        onClick={() => onSelect(item.sheet, milestone.cell)}
      >
        <span className={styles.content}>
          {!late && `${t.nextMilestone} `}
          <span className={styles.period}>{milestonePeriod(milestone, lang)}</span>
          {milestone.text ? ` ${milestone.text}` : ""}
        </span>{" "}
        <span className={styles.late} style={fill ? { backgroundColor: fill } : undefined}>
          {lateness(milestone, t)}
        </span>{" "}
        {/* Under the clause, never clipped with it. The spaces only separate the parts for screen readers. */}
        <span className={styles.due}>{t.due(milestone.due)}</span>{" "}
        <span className={styles.cell}>{milestone.cell}</span>
      </button>
    </li>
  );
}

/** One card per project: its name, who is responsible, and the milestones that explain its status. */
function ProjectCard({
  item,
  grouped,
  onSelect,
}: {
  item: ProjectItem;
  /** Under a group heading (h3), the card's name is an h4; in the one ungrouped list an h3. */
  grouped: boolean;
  onSelect: (sheet: string, cell: string) => void;
}) {
  const styles = useStyles();
  const rows = useJumpRowStyles();
  const { t } = useI18n();
  const { project } = item;
  const name = projectName(project, t);
  const people = t.projectPeople(project.leaders, project.department);
  const Name = grouped ? "h4" : "h3";
  // A done or unscheduled project lists no milestone: its row says why and jumps to the cell that shows it.
  const fallbackCell =
    project.status === "unscheduled"
      ? (project.cells.schedule[0] ?? project.cells.name)
      : (project.cells.name ?? project.cells.schedule[0]);
  return (
    <li
      className={styles.card}
      style={{
        borderLeftColor:
          project.status === "onTrack" ? tokens.colorNeutralStroke1 : STATUS_FILL[project.status],
      }}
      data-project-status={project.status}
    >
      <div className={styles.cardHead}>
        <Name className={styles.name}>{name}</Name>
      </div>
      {people && <p className={styles.people}>{people}</p>}
      <ul className={styles.milestones}>
        {item.milestones.map((m) => (
          <MilestoneRow key={`${m.cell}:${m.start}:${m.due}`} item={item} milestone={m} onSelect={onSelect} />
        ))}
        {item.milestones.length === 0 && fallbackCell && (
          <li>
            <button
              type="button"
              className={rows.row}
              data-milestone={project.status}
              onClick={() => onSelect(item.sheet, fallbackCell)}
            >
              <span className={styles.content}>
                {project.status === "done" ? t.allDone(project.milestones.length) : t.noSchedule}
              </span>{" "}
              <span className={styles.cell}>{fallbackCell}</span>
            </button>
          </li>
        )}
      </ul>
    </li>
  );
}

/**
 * The projects as cards, found by name, leader or department, grouped (each group folds away) and sorted
 * by days late or as in the table. The whole list is one tab stop: the arrow keys move through it.
 */
export function ProjectList(props: ProjectListProps) {
  const { items, query, groupBy, sort, onSelect } = props;
  const styles = useStyles();
  const { t } = useI18n();
  const id = useId("projects");
  const arrows = useRovingTabIndex<HTMLDivElement>("vertical");
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const [drawn, setDrawn] = useState<ReadonlyMap<string, number>>(new Map());
  const groups = groupProjects(items, groupBy, sort);
  const toggle = (key: string) => {
    const next = new Set(collapsed);
    if (next.has(key)) next.delete(key);
    else next.add(key);
    setCollapsed(next);
  };
  return (
    <>
      <div className={styles.controls}>
        <Field label={t.search}>
          <Input
            type="search"
            value={query}
            placeholder={t.searchPlaceholder}
            contentBefore={<SearchRegular aria-hidden="true" />}
            onChange={(_, data) => props.onQueryChange(data.value)}
          />
        </Field>
        <div className={styles.selects}>
          <Field className={styles.select} label={t.groupBy} orientation="horizontal">
            <Select
              size="small"
              value={groupBy}
              onChange={(_, data) => props.onGroupByChange(data.value as ProjectGrouping)}
            >
              <option value="leader">{t.byLeader}</option>
              <option value="department">{t.byDepartment}</option>
              <option value="none">{t.noGrouping}</option>
            </Select>
          </Field>
          <Field className={styles.select} label={t.sortBy} orientation="horizontal">
            <Select
              size="small"
              value={sort}
              onChange={(_, data) => props.onSortChange(data.value as ProjectSort)}
            >
              <option value="daysLate">{t.byDaysLate}</option>
              <option value="table">{t.byTable}</option>
            </Select>
          </Field>
        </div>
      </div>
      <p className={styles.shown} role="status">
        {t.shown(items.length, query.trim())}
      </p>
      {groups.length === 0 ? (
        <p className={styles.empty}>{query.trim() ? t.noMatch(query.trim()) : props.emptyText}</p>
      ) : (
        <div className={styles.list} {...arrows}>
          {groups.map((group, g) => {
            const label = groupLabel(group, groupBy, t);
            const open = !collapsed.has(group.key);
            const Chevron = open ? ChevronDownRegular : ChevronRightRegular;
            const limit = drawn.get(group.key) ?? CARDS_STEP;
            const rest = group.items.length - limit;
            return (
              <div key={group.key}>
                {groupBy !== "none" && (
                  <h3 className={styles.groupHeading}>
                    <button
                      type="button"
                      className={styles.groupToggle}
                      aria-expanded={open}
                      aria-controls={`${id}-${g}`}
                      onClick={() => toggle(group.key)}
                    >
                      <Chevron aria-hidden="true" />
                      <span>{label}</span>
                      <span className={styles.groupCounts}>{t.groupCounts(group.counts)}</span>
                    </button>
                  </h3>
                )}
                <ul
                  id={`${id}-${g}`}
                  className={styles.cards}
                  aria-label={groupBy === "none" ? undefined : label}
                  hidden={!open}
                >
                  {group.items.slice(0, limit).map((item) => (
                    <ProjectCard
                      key={`${item.sheet}:${item.table}:${item.project.row}`}
                      item={item}
                      grouped={groupBy !== "none"}
                      onSelect={onSelect}
                    />
                  ))}
                  {rest > 0 && (
                    <li>
                      <Button
                        appearance="subtle"
                        size="small"
                        onClick={() => setDrawn(new Map(drawn).set(group.key, limit + CARDS_STEP))}
                      >
                        {t.showMore(Math.min(rest, CARDS_STEP), rest)}
                      </Button>
                    </li>
                  )}
                </ul>
              </div>
            );
          })}
        </div>
      )}
    </>
  );
}
