import { makeStyles, tokens, useId } from "@fluentui/react-components";
import { ChevronDownRegular, ChevronRightRegular } from "@fluentui/react-icons";
import { useState, type ReactNode } from "react";

const useStyles = makeStyles({
  section: { borderTop: `1px solid ${tokens.colorNeutralStroke2}`, paddingTop: tokens.spacingVerticalS },
  head: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "baseline",
    columnGap: tokens.spacingHorizontalS,
    margin: `0 0 ${tokens.spacingVerticalS}`,
  },
  heading: {
    flexGrow: 1,
    display: "flex",
    alignItems: "center",
    fontSize: tokens.fontSizeBase400,
    fontWeight: tokens.fontWeightSemibold,
    margin: 0,
  },
  toggle: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalXS,
    flexGrow: 1,
    padding: 0,
    border: "none",
    background: "none",
    color: "inherit",
    font: "inherit",
    textAlign: "start",
    cursor: "pointer",
    ":focus-visible": {
      outline: `2px solid ${tokens.colorStrokeFocus2}`,
      borderRadius: tokens.borderRadiusSmall,
    },
  },
  aside: { fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightRegular },
});

export interface SectionProps {
  title: string;
  children: ReactNode;
  /** A heading that folds the section away (long sections a clerk may not need every time). */
  collapsible?: boolean;
  defaultOpen?: boolean;
  /** Beside the title, outside the toggle: a small control or note (e.g. "back to all"). */
  aside?: ReactNode;
}

/**
 * A titled region, so screen readers can jump between the pane's parts; optionally collapsible through a
 * button in its heading (aria-expanded). The pattern every section of the pane uses, including ones other
 * features add (月度进展, 通报, 督办提醒).
 */
export function Section({ title, children, collapsible = false, defaultOpen = true, aside }: SectionProps) {
  const styles = useStyles();
  const id = useId("section");
  const [open, setOpen] = useState(defaultOpen);
  const Chevron = open ? ChevronDownRegular : ChevronRightRegular;
  return (
    <section className={styles.section} aria-labelledby={id}>
      <div className={styles.head}>
        <h2 className={styles.heading}>
          {collapsible ? (
            <button
              type="button"
              id={id}
              className={styles.toggle}
              aria-expanded={open}
              aria-controls={`${id}-body`}
              onClick={() => setOpen(!open)}
            >
              <Chevron aria-hidden="true" />
              {title}
            </button>
          ) : (
            <span id={id}>{title}</span>
          )}
        </h2>
        {aside && <span className={styles.aside}>{aside}</span>}
      </div>
      <div id={`${id}-body`} hidden={!open}>
        {children}
      </div>
    </section>
  );
}
