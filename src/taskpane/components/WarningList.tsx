import { makeStyles, tokens } from "@fluentui/react-components";
import type { Diagnostic, SheetResult } from "../../core/types";
import { diagnosticText, isMoneyCode, projectCell, projectName } from "../format";
import { useRovingTabIndex } from "../roving";
import { useI18n } from "../i18n";
import { CellLink } from "./CellLink";

const useStyles = makeStyles({
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    fontSize: tokens.fontSizeBase200,
  },
  item: { borderLeft: `3px solid ${tokens.colorNeutralStroke1}`, paddingLeft: tokens.spacingHorizontalS },
  warning: { borderLeftColor: tokens.colorPaletteMarigoldBorderActive },
  error: { borderLeftColor: tokens.colorPaletteRedBorderActive },
  empty: { color: tokens.colorNeutralForeground3, margin: 0, fontSize: tokens.fontSizeBase200 },
});

interface Item {
  key: string;
  sheet: string;
  text: string;
  cell: string | null;
  severity: Diagnostic["severity"];
}

/** Everything the check could not read: unscheduled projects, schedule text not understood, odd rows. */
export function WarningList({
  result,
  onSelect,
}: {
  result: SheetResult;
  onSelect: (sheet: string, cell: string) => void;
}) {
  const styles = useStyles();
  const { t, lang } = useI18n();
  // One tab stop for the whole list: the arrow keys move between its cells.
  const arrows = useRovingTabIndex<HTMLUListElement>("vertical");
  const items: Item[] = [];
  result.warnings.forEach((w, i) =>
    items.push({
      key: `s${i}`,
      sheet: result.sheet,
      text: diagnosticText(w, lang),
      cell: w.cell,
      severity: w.severity,
    }),
  );
  result.tables.forEach((table, ti) => {
    for (const project of table.projects) {
      if (project.status !== "unscheduled") continue;
      items.push({
        key: `u${ti}:${project.row}`,
        sheet: table.sheet,
        text: t.unscheduled(projectName(project, t)),
        cell: projectCell(project),
        severity: "warning",
      });
    }
    // The engine also reports each unscheduled project at its schedule cell; the line above already names it.
    const listed = new Set(
      table.projects.filter((p) => p.status === "unscheduled").flatMap((p) => p.cells.schedule),
    );
    table.warnings.forEach((w, i) => {
      if (isMoneyCode(w.code)) return;
      if (w.code === "schedule.unscheduled" && w.cell !== null && listed.has(w.cell)) return;
      items.push({
        key: `w${ti}:${i}`,
        sheet: table.sheet,
        text: diagnosticText(w, lang),
        cell: w.cell,
        severity: w.severity,
      });
    });
  });
  if (items.length === 0) return <p className={styles.empty}>{t.noWarnings}</p>;
  return (
    <ul className={styles.list} {...arrows}>
      {items.map((item) => (
        <li
          key={item.key}
          className={`${styles.item} ${item.severity === "error" ? styles.error : item.severity === "warning" ? styles.warning : ""}`}
        >
          {item.text} {item.cell && <CellLink sheet={item.sheet} cell={item.cell} onSelect={onSelect} />}
        </li>
      ))}
    </ul>
  );
}
