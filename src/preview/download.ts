const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/**
 * Hands bytes to the browser as a download named `name`: an object URL of a Blob, never a request to a
 * server. The browser saves it where it saves downloads (or asks, if the user set it to).
 */
export function saveDownload(name: string, bytes: Uint8Array): void {
  // The bytes are the core's own output, in an ordinary (never a shared) ArrayBuffer.
  const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: XLSX_TYPE }));
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  link.style.display = "none";
  document.body.append(link);
  link.click();
  link.remove();
  // Released a minute later: some browsers read the blob after the click's task has ended.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
