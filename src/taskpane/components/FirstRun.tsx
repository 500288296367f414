import { Link, makeStyles, tokens } from "@fluentui/react-components";
import { MARK_FILL } from "../../core/marks";
import { useI18n } from "../i18n";
import { markOutline } from "./ProgressPanel";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  steps: {
    margin: 0,
    padding: 0,
    listStyleType: "none",
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    counterReset: "step",
  },
  step: {
    display: "grid",
    gridTemplateColumns: "24px 1fr",
    columnGap: tokens.spacingHorizontalS,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
  },
  number: {
    width: "22px",
    height: "22px",
    borderRadius: "50%",
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase200,
    display: "flex",
    alignItems: "center",
    justifyContent: "center",
  },
  picture: { display: "block", marginTop: tokens.spacingVerticalXS, maxWidth: "100%" },
  colours: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, marginTop: "2px" },
  swatch: {
    display: "inline-block",
    padding: `0 ${tokens.spacingHorizontalXS}`,
    borderRadius: tokens.borderRadiusSmall,
    fontSize: tokens.fontSizeBase200,
    color: "#242424",
  },
});

const COLOURS = [MARK_FILL.overdue, MARK_FILL.dueSoon, MARK_FILL.done];

/** A sheet in miniature with the three marks, so the colours are known before the first check. */
function MarkedSheet() {
  const rows = [MARK_FILL.overdue, "#FFFFFF", MARK_FILL.dueSoon, MARK_FILL.done];
  return (
    <svg width="168" height="62" viewBox="0 0 168 62" aria-hidden="true" focusable="false">
      <rect x="0.5" y="0.5" width="167" height="61" fill="#FFFFFF" stroke="#C7C7C7" />
      <rect x="0.5" y="0.5" width="167" height="13" fill="#F3F2F1" stroke="#C7C7C7" />
      {rows.map((fill, i) => (
        <g key={i}>
          <rect x="0.5" y={13.5 + i * 12} width="28" height="12" fill="#FFFFFF" stroke="#E1E1E1" />
          <rect x="28.5" y={13.5 + i * 12} width="70" height="12" fill={fill} stroke="#E1E1E1" />
          <rect x="98.5" y={13.5 + i * 12} width="69" height="12" fill="#FFFFFF" stroke="#E1E1E1" />
          <rect x="34" y={17.5 + i * 12} width={30 + ((i * 13) % 24)} height="4" fill="#8A8886" />
        </g>
      ))}
    </svg>
  );
}

export interface FirstRunProps {
  /** Where the sample table can be tried (the preview page); null where the pane already shows it. */
  sampleHref: string | null;
}

/** The first screen before any check: what to do, in three steps, and where to try it. */
export function FirstRun({ sampleHref }: FirstRunProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const [open, check, use] = t.firstRunSteps;
  return (
    <section className={styles.root} aria-labelledby="dutycheck-first-run">
      <h2 id="dutycheck-first-run" className={styles.heading}>
        {t.firstRunHeading}
      </h2>
      <ol className={styles.steps}>
        <li className={styles.step}>
          <span className={styles.number} aria-hidden="true">
            1
          </span>
          <span>{open}</span>
        </li>
        <li className={styles.step}>
          <span className={styles.number} aria-hidden="true">
            2
          </span>
          <span>
            {check}
            <span className={styles.colours}>
              {t.firstRunColours.map((part, i) => (
                <span key={part} className={styles.swatch} style={{ backgroundColor: COLOURS[i] }}>
                  {part}
                </span>
              ))}
              {/* The monthly cycle's marks, outlined as on the sheet (tables with progress columns). */}
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
            </span>
            <span className={styles.picture}>
              <MarkedSheet />
            </span>
          </span>
        </li>
        <li className={styles.step}>
          <span className={styles.number} aria-hidden="true">
            3
          </span>
          <span>{use}</span>
        </li>
      </ol>
      {sampleHref && (
        <Link href={sampleHref} target="_blank" rel="noopener">
          {t.trySample}
        </Link>
      )}
    </section>
  );
}
