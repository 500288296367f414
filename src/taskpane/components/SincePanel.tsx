import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { Changes, ProjectRef } from "../../core/since";
import type { TableResult } from "../../core/types";
import { useRovingTabIndex } from "../roving";
import { useI18n, type Messages } from "../i18n";
import { useJumpRowStyles } from "./jump-row";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  heading: { margin: `${tokens.spacingVerticalXS} 0 2px`, fontSize: tokens.fontSizeBase300 },
  rows: { listStyleType: "none", margin: 0, padding: 0 },
  text: { overflowWrap: "anywhere" },
  cell: { textAlign: "end", fontFamily: tokens.fontFamilyMonospace, color: tokens.colorBrandForegroundLink },
  empty: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
});

interface ChangeRow {
  key: string;
  text: string;
  sheet: string;
  /** Where to go: the milestone's cell, or the project's name cell in this check; null for a removed one. */
  cell: string | null;
}

function refName(ref: ProjectRef, t: Messages): string {
  return ref.name ?? (ref.index ? `#${ref.index}` : t.unnamedProject);
}

/** The project's name cell in the current check (its row there), so a change can jump to it. */
function nameCell(tables: TableResult[], ref: ProjectRef): string | null {
  for (const table of tables) {
    if (table.sheet !== ref.sheet) continue;
    const project = table.projects.find((p) => p.row === ref.row);
    if (project) return project.cells.name ?? project.cells.index;
  }
  return null;
}

export interface SincePanelProps {
  changes: Changes;
  /** The current check's tables (where the changed projects are now). */
  tables: TableResult[];
  onSelect: (sheet: string, cell: string) => void;
}

/**
 * 与上次检查相比 (PROGRESS.md §7): the lists of what changed since the earlier check the workbook kept —
 * milestones newly overdue, projects newly done, progress states changed, projects added and removed.
 * Every row that has a cell in this check jumps to it; the lists are one Tab stop, the arrow keys walk them.
 */
export function SincePanel({ changes, tables, onSelect }: SincePanelProps) {
  const styles = useStyles();
  const rows = useJumpRowStyles();
  const { t } = useI18n();
  const roving = useRovingTabIndex<HTMLDivElement>("vertical");
  const project = (ref: ProjectRef, prefix: string): ChangeRow => ({
    key: `${prefix}:${ref.sheet}:${ref.row}`,
    text: refName(ref, t),
    sheet: ref.sheet,
    cell: prefix === "removed" ? null : nameCell(tables, ref),
  });
  const lists: Array<{ id: string; heading: string; rows: ChangeRow[] }> = [
    {
      id: "newlyOverdue",
      heading: t.sinceNewlyOverdue,
      rows: changes.newlyOverdue.map((m) => ({
        key: `overdue:${m.sheet}:${m.cell}:${m.period}:${m.due}`,
        text: `${refName(m, t)} · ${m.period} · ${t.due(m.due)}`,
        sheet: m.sheet,
        cell: m.cell,
      })),
    },
    { id: "newlyDone", heading: t.sinceNewlyDone, rows: changes.newlyDone.map((r) => project(r, "done")) },
    {
      id: "progressChanged",
      heading: t.sinceProgressChanged,
      rows: changes.progressChanged.map((c) => ({
        ...project(c, "progress"),
        text: t.stateChange(refName(c, t), c.from, c.to),
      })),
    },
    { id: "added", heading: t.sinceAdded, rows: changes.added.map((r) => project(r, "added")) },
    { id: "removed", heading: t.sinceRemoved, rows: changes.removed.map((r) => project(r, "removed")) },
  ].filter((list) => list.rows.length > 0);
  if (lists.length === 0) return <p className={styles.empty}>{t.sinceNothing}</p>;
  return (
    <div className={styles.root} {...roving}>
      {lists.map((list) => (
        <div key={list.id} data-since={list.id}>
          <h3 className={styles.heading}>{t.sinceList(list.heading, list.rows.length)}</h3>
          <ul className={styles.rows} aria-label={list.heading}>
            {list.rows.map((row) => (
              <li key={row.key}>
                {row.cell ? (
                  <button
                    type="button"
                    className={rows.row}
                    onClick={() => onSelect(row.sheet, row.cell as string)}
                  >
                    <span className={styles.text}>{row.text}</span>{" "}
                    <span className={styles.cell}>{row.cell}</span>
                  </button>
                ) : (
                  <div className={mergeClasses(rows.row, rows.plain)}>
                    <span className={styles.text}>{row.text}</span>
                  </div>
                )}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </div>
  );
}
