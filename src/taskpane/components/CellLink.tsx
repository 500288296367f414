import { makeStyles, tokens } from "@fluentui/react-components";
import { useI18n } from "../i18n";

const useStyles = makeStyles({
  link: {
    border: "none",
    background: "none",
    padding: "0 2px",
    color: tokens.colorBrandForegroundLink,
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    textDecorationLine: "underline",
    cursor: "pointer",
    ":hover": { color: tokens.colorBrandForegroundLinkHover },
    ":focus-visible": {
      outline: `2px solid ${tokens.colorStrokeFocus2}`,
      borderRadius: tokens.borderRadiusSmall,
    },
  },
});

export interface CellLinkProps {
  sheet: string;
  cell: string;
  onSelect: (sheet: string, cell: string) => void;
}

/** A cell address the user can click (or press Enter on) to jump to the cell. */
export function CellLink({ sheet, cell, onSelect }: CellLinkProps) {
  const styles = useStyles();
  const { t } = useI18n();
  return (
    <button
      type="button"
      className={styles.link}
      aria-label={t.goToCell(cell)}
      onClick={() => onSelect(sheet, cell)}
    >
      {cell}
    </button>
  );
}
