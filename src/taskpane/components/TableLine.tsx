import { makeStyles, tokens, useId } from "@fluentui/react-components";
import { useState } from "react";
import type { Role, TableResult } from "../../core/types";
import { useI18n } from "../i18n";

const useStyles = makeStyles({
  line: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "baseline",
    columnGap: tokens.spacingHorizontalS,
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
  },
  number: { fontWeight: tokens.fontWeightRegular, color: tokens.colorNeutralForeground3 },
  toggle: {
    border: "none",
    background: "none",
    padding: 0,
    color: tokens.colorBrandForegroundLink,
    fontFamily: "inherit",
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightRegular,
    textDecorationLine: "underline",
    cursor: "pointer",
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  facts: {
    display: "grid",
    gridTemplateColumns: "auto 1fr",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
    margin: `${tokens.spacingVerticalXS} 0 0`,
    fontSize: tokens.fontSizeBase200,
  },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0, overflowWrap: "anywhere" },
});

const ROLE_ORDER: Role[] = [
  "index",
  "name",
  "content",
  "schedule",
  "period",
  "totalInvestment",
  "annualInvestment",
  "leader",
  "department",
  "person",
  "coDepartment",
  "progress",
];

/**
 * Which table was read, in one line a clerk recognises (`责任分解表 · 2023 年 · 12 个项目`); the title, the
 * rows read and the columns recognised only on request.
 */
export function TableLine({ table, index, count }: { table: TableResult; index: number; count: number }) {
  const styles = useStyles();
  const { t } = useI18n();
  const id = useId("table-details");
  const [open, setOpen] = useState(false);
  const columns = ROLE_ORDER.flatMap((role) => {
    const letter = table.columns[role];
    return letter ? [`${t.column[role]} ${letter}`] : [];
  });
  const quarters = Object.values(table.quarterColumns);
  if (quarters.length > 0) columns.push(`${t.column.quarter} ${quarters.join("、")}`);
  return (
    <div>
      <p className={styles.line}>
        {count > 1 && <span className={styles.number}>{t.tableNumber(index + 1, count)}</span>}
        <span>{t.tableLine(table.sheet, table.year, table.projects.length)}</span>
        <button
          type="button"
          className={styles.toggle}
          aria-expanded={open}
          aria-controls={id}
          onClick={() => setOpen(!open)}
        >
          {t.details}
        </button>
      </p>
      {/* Kept in the page for aria-controls; `hidden` alone loses to the grid's display. */}
      <dl id={id} className={styles.facts} hidden={!open} style={open ? undefined : { display: "none" }}>
        <dt className={styles.term}>{t.detailTitle}</dt>
        <dd className={styles.value}>{table.title ?? t.noTitle}</dd>
        <dt className={styles.term}>{t.detailRange}</dt>
        <dd className={styles.value}>{t.detailRangeText(table.firstRow, table.lastRow, table.headerRows)}</dd>
        <dt className={styles.term}>{t.detailColumns}</dt>
        <dd className={styles.value}>{columns.join(" · ")}</dd>
      </dl>
    </div>
  );
}
