import { makeStyles, tokens } from "@fluentui/react-components";

/**
 * A list row that jumps to a cell: text on the left, the cell on the right, the whole row one button (or a
 * plain row when there is no cell to go to). The project cards, 月度进展 and 与上次检查相比 share it.
 */
export const useJumpRowStyles = makeStyles({
  row: {
    display: "grid",
    gridTemplateColumns: "1fr auto",
    gap: `0 ${tokens.spacingHorizontalS}`,
    width: "100%",
    padding: `3px ${tokens.spacingHorizontalS} 3px ${tokens.spacingHorizontalXS}`,
    border: "none",
    background: "none",
    color: tokens.colorNeutralForeground1,
    fontFamily: "inherit",
    fontSize: tokens.fontSizeBase200,
    textAlign: "start",
    cursor: "pointer",
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "-2px" },
  },
  plain: { cursor: "default", ":hover": { backgroundColor: "transparent" } },
});
