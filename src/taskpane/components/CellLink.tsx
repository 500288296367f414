import { makeStyles, tokens } from "@fluentui/react-components";
import { useI18n } from "../i18n";

const useStyles = makeStyles({
  link: {
    border: "none",
    background: "none",
    padding: "0 2px",
    color: tokens.colorBrandForegroundLink,
    fontFamily: "inherit",
    fontSize: "inherit",
    textDecorationLine: "underline",
    cursor: "pointer",
    ":hover": { color: tokens.colorBrandForegroundLinkHover },
    ":focus-visible": {
      outline: `2px solid ${tokens.colorStrokeFocus2}`,
      borderRadius: tokens.borderRadiusSmall,
    },
  },
  address: { fontFamily: tokens.fontFamilyMonospace },
});

/** A cell to go to; `label` replaces the bare address when the cell is on another sheet. */
export interface CellTarget {
  sheet: string;
  cell: string;
  /** Visible text and accessible name, e.g. 返回“责任分解表”; the address alone when absent. */
  label?: string;
}

export interface CellLinkProps extends CellTarget {
  onSelect: (sheet: string, cell: string) => void;
}

/** A cell address the user can click (or press Enter on) to jump to the cell. */
export function CellLink({ sheet, cell, label, onSelect }: CellLinkProps) {
  const styles = useStyles();
  const { t } = useI18n();
  return (
    <button
      type="button"
      className={styles.link}
      aria-label={label ?? t.goToCell(cell)}
      onClick={() => onSelect(sheet, cell)}
    >
      {label ?? <span className={styles.address}>{cell}</span>}
    </button>
  );
}
