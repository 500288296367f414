/**
 * Getting what the pane made out of it: a file to save, text or a table to paste elsewhere. Each answers
 * whether the host let it happen, so the pane can offer its fallback (the 通报表 sheet, a selected text)
 * where it did not.
 */

/** How long a saved file's object URL is kept: the browser reads it after the click, asynchronously. */
const KEEP_URL_MS = 60_000;

/** Hands `bytes` to the browser as a download named `name`. */
export function saveFile(bytes: Uint8Array, name: string, type: string): void {
  // A copy typed as backed by a plain ArrayBuffer, which is what a Blob takes.
  const url = URL.createObjectURL(new Blob([bytes.slice()], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  link.style.display = "none";
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), KEEP_URL_MS);
}

/** Rich HTML and its plain-text twin, as the core's `lateListClipboard` gives them. */
export interface RichText {
  html: string;
  text: string;
}

/**
 * Puts HTML and plain text on the clipboard together, so Word and WPS 文字 paste a table and a plain
 * editor tab-separated lines. False where the host has no async clipboard or refuses it (a webview without
 * the permission, an iframe without `clipboard-write`).
 */
export async function copyRich(content: RichText): Promise<boolean> {
  if (typeof ClipboardItem === "undefined" || !navigator.clipboard?.write) return false;
  try {
    await navigator.clipboard.write([
      new ClipboardItem({
        "text/html": new Blob([content.html], { type: "text/html" }),
        "text/plain": new Blob([content.text], { type: "text/plain" }),
      }),
    ]);
    return true;
  } catch {
    return false;
  }
}

/** Puts plain text on the clipboard; false where the host does not allow it. */
export async function copyText(text: string): Promise<boolean> {
  if (!navigator.clipboard?.writeText) return false;
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** Selects everything inside `element`, so Ctrl+C copies it (with its formatting) where the API would not. */
export function selectContents(element: HTMLElement): void {
  const selection = window.getSelection();
  if (!selection) return;
  selection.removeAllRanges();
  const range = document.createRange();
  range.selectNodeContents(element);
  selection.addRange(range);
}
