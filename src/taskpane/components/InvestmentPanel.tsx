import { makeStyles, tokens } from "@fluentui/react-components";
import type { TableResult } from "../../core/types";
import { diagnosticText, formatAmount, formatShare, isMoneyCode } from "../format";
import { useI18n } from "../i18n";
import { formatWan, investmentByDepartment } from "../../core/money";
import { CellLink } from "./CellLink";

const ANNUAL_COLOUR = "#0F6CBD";
const TOTAL_COLOUR = "#B4D6FA";
/** 8 万元 beside 48,000 万元 is 0.02 % of the track: drawn at least this wide so it is seen at all. */
const MIN_BAR_PX = 4;

const useStyles = makeStyles({
  figures: {
    display: "grid",
    gridTemplateColumns: "auto 1fr",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
    fontSize: tokens.fontSizeBase200,
  },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0, textAlign: "end", fontVariantNumeric: "tabular-nums" },
  shareTrack: {
    height: "6px",
    margin: `${tokens.spacingVerticalXS} 0`,
    backgroundColor: TOTAL_COLOUR,
    borderRadius: tokens.borderRadiusSmall,
    overflow: "hidden",
  },
  bar: { height: "100%", backgroundColor: ANNUAL_COLOUR },
  note: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3, margin: 0 },
  subheading: {
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
    margin: `${tokens.spacingVerticalS} 0 ${tokens.spacingVerticalXXS}`,
  },
  legend: {
    display: "flex",
    gap: tokens.spacingHorizontalM,
    fontSize: tokens.fontSizeBase200,
    margin: `0 0 ${tokens.spacingVerticalXS}`,
  },
  swatch: {
    display: "inline-block",
    width: "10px",
    height: "10px",
    marginInlineEnd: "4px",
    verticalAlign: "middle",
  },
  chart: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
  // Name and amounts on one line (wrapping, never cut off), the bars under them across the full width.
  chartRow: { display: "flex", flexDirection: "column", gap: "2px", fontSize: tokens.fontSizeBase200 },
  chartText: {
    display: "flex",
    flexWrap: "wrap",
    justifyContent: "space-between",
    columnGap: tokens.spacingHorizontalS,
  },
  chartLabel: { overflowWrap: "anywhere", fontWeight: tokens.fontWeightSemibold },
  track: { position: "relative", height: "14px" },
  totalBar: {
    position: "absolute",
    top: 0,
    left: 0,
    height: "100%",
    backgroundColor: TOTAL_COLOUR,
    borderRadius: "2px",
  },
  annualBar: {
    position: "absolute",
    top: "3px",
    left: 0,
    height: "8px",
    backgroundColor: ANNUAL_COLOUR,
    borderRadius: "2px",
  },
  chartValue: {
    color: tokens.colorNeutralForeground2,
    fontVariantNumeric: "tabular-nums",
    textAlign: "end",
  },
  anomalies: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    fontSize: tokens.fontSizeBase200,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
  },
});

export interface InvestmentPanelProps {
  table: TableResult;
  onSelect: (sheet: string, cell: string) => void;
}

/** A bar's width: to scale, but never thinner than a visible sliver for an amount above zero. */
export function barWidth(fen: number, maxFen: number): { width: string; minWidth: string } {
  return { width: `${(fen / maxFen) * 100}%`, minWidth: fen > 0 ? `${MIN_BAR_PX}px` : "0" };
}

interface Anomaly {
  key: string;
  text: string;
  cell: string | null;
}

/** 年度投资 vs 总投资, a bar per 责任科室, and the amounts that need a second look. */
export function InvestmentPanel({ table, onSelect }: InvestmentPanelProps) {
  const styles = useStyles();
  const { t, lang } = useI18n();
  const totals = table.totals;
  if (!totals) return <p className={styles.note}>{t.noInvestment}</p>;

  // Every money finding (annual above total, 合计 mismatch, unreadable or text amounts) comes from the core.
  const anomalies: Anomaly[] = table.warnings
    .filter((w) => isMoneyCode(w.code))
    .map((w, i) => ({ key: `w${i}`, text: diagnosticText(w, lang), cell: w.cell }));

  const departments = investmentByDepartment(table.projects);
  const maxFen = departments.reduce((max, d) => Math.max(max, d.totalFen, d.annualFen), 1);
  const share = totals.annualShareOfTotal;

  return (
    <>
      <dl className={styles.figures}>
        <dt className={styles.term}>{t.annualSum}</dt>
        <dd className={styles.value}>{t.wan(formatAmount(totals.annual))}</dd>
        <dt className={styles.term}>{t.totalSum}</dt>
        <dd className={styles.value}>{t.wan(formatAmount(totals.total))}</dd>
        <dt className={styles.term}>{t.share}</dt>
        <dd className={styles.value}>{share === null ? "—" : formatShare(share, lang)}</dd>
      </dl>
      {share !== null && (
        <div className={styles.shareTrack} aria-hidden="true">
          <div className={styles.bar} style={{ width: `${Math.min(100, share * 100)}%` }} />
        </div>
      )}
      <p className={styles.note}>{t.withWithout(totals.withInvestment, totals.withoutInvestment)}</p>

      {departments.length > 0 && (
        <>
          <h3 className={styles.subheading}>{t.chartHeading}</h3>
          <p className={styles.legend} aria-hidden="true">
            <span>
              <span className={styles.swatch} style={{ backgroundColor: ANNUAL_COLOUR }} />
              {t.legendAnnual}
            </span>
            <span>
              <span className={styles.swatch} style={{ backgroundColor: TOTAL_COLOUR }} />
              {t.legendTotal}
            </span>
          </p>
          <ul className={styles.chart}>
            {departments.map((d) => {
              const name = d.department ?? t.noDepartment;
              const annual = formatWan(d.annualFen);
              const total = formatWan(d.totalFen);
              return (
                <li key={name} className={styles.chartRow} aria-label={t.chartRow(name, annual, total)}>
                  <span className={styles.chartText} aria-hidden="true">
                    <span className={styles.chartLabel} title={name}>
                      {name}
                    </span>
                    <span className={styles.chartValue}>{t.chartValues(annual, total)}</span>
                  </span>
                  <span className={styles.track} aria-hidden="true">
                    <span className={styles.totalBar} style={barWidth(d.totalFen, maxFen)} />
                    <span className={styles.annualBar} style={barWidth(d.annualFen, maxFen)} />
                  </span>
                </li>
              );
            })}
          </ul>
        </>
      )}

      <h3 className={styles.subheading}>{t.anomaliesHeading}</h3>
      {anomalies.length === 0 ? (
        <p className={styles.note}>{t.noAnomalies}</p>
      ) : (
        <ul className={styles.anomalies}>
          {anomalies.map((a) => (
            <li key={a.key}>
              {a.text} {a.cell && <CellLink sheet={table.sheet} cell={a.cell} onSelect={onSelect} />}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
