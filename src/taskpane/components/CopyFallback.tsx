import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  tokens,
  useId,
} from "@fluentui/react-components";
import { useRef } from "react";
import { useI18n } from "../i18n";
import { selectContents, type RichText } from "../share";

const useStyles = makeStyles({
  table: {
    maxHeight: "50vh",
    overflow: "auto",
    marginTop: tokens.spacingVerticalS,
    userSelect: "text",
    backgroundColor: tokens.colorNeutralBackground1,
  },
});

export interface CopyFallbackProps {
  /** The list to copy by hand, or null when there is none to show. */
  content: RichText | null;
  onClose: () => void;
}

/**
 * Where the host keeps the clipboard from the pane: the list as the same HTML table, already selected, so
 * Ctrl+C copies it with its table structure (the browser puts the selection's HTML on the clipboard).
 */
export function CopyFallback({ content, onClose }: CopyFallbackProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const table = useRef<HTMLDivElement | null>(null);
  const bodyId = useId("copy-fallback");
  return (
    <Dialog open={content !== null} onOpenChange={(_, data) => !data.open && onClose()}>
      <DialogSurface aria-describedby={bodyId}>
        <DialogBody>
          <DialogTitle>{t.lateListFallback}</DialogTitle>
          <DialogContent>
            <p id={bodyId}>{t.lateListFallbackBody}</p>
            {content && (
              <div
                className={styles.table}
                data-copy-fallback=""
                ref={(element) => {
                  table.current = element;
                  if (element) selectContents(element);
                }}
                // The core's HTML: every text in it escaped (src/core/report/paste.ts).
                dangerouslySetInnerHTML={{ __html: content.html }}
              />
            )}
          </DialogContent>
          <DialogActions>
            <Button onClick={() => table.current && selectContents(table.current)}>{t.selectAgain}</Button>
            <Button appearance="primary" onClick={onClose}>
              {t.dismiss}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
