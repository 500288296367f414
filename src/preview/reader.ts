import { readBytes, type ReadOutcome } from "./read-file";
import type { ReadAnswer, ReadRequest } from "./read.worker";

export type Reader = (bytes: Uint8Array, fileName: string) => Promise<ReadOutcome>;

/** Lets the browser paint what was just rendered (the progress indicator) before the thread gets busy. */
function nextPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

/** Reads on the page's own thread, after a paint: where no worker can run (a page opened from file://). */
const readHere: Reader = async (bytes, fileName) => {
  await nextPaint();
  return readBytes(bytes, fileName);
};

function startWorker(): Worker | null {
  try {
    // webpack bundles the worker as its own chunk from this `new Worker(new URL(…, import.meta.url))`.
    // @ts-expect-error -- tsconfig types src/ as CommonJS for Jest and Node; webpack builds this file as an ES module, where import.meta exists
    return new Worker(new URL("./read.worker.ts", import.meta.url));
  } catch {
    return null;
  }
}

/**
 * The page's reader: one Web Worker, started with the page (so its script loads with the page, not after),
 * reading one file per message; on this thread when no worker can run. The bytes are copied to the
 * worker: the page keeps them for the marked copy.
 */
export function workerReader(): Reader {
  const worker = startWorker();
  if (!worker) return readHere;
  const pending = new Map<
    number,
    { resolve: (outcome: Promise<ReadOutcome> | ReadOutcome) => void; request: ReadRequest }
  >();
  let broken = false;
  let next = 1;
  worker.onmessage = (event: MessageEvent<ReadAnswer>) => {
    pending.get(event.data.id)?.resolve(event.data.outcome);
    pending.delete(event.data.id);
  };
  // The worker's script could not load or run: the same reader, here, for this file and the next ones.
  worker.onerror = (event) => {
    event.preventDefault();
    broken = true;
    worker.terminate();
    for (const { resolve, request } of pending.values()) resolve(readHere(request.bytes, request.fileName));
    pending.clear();
  };
  return (bytes, fileName) => {
    if (broken) return readHere(bytes, fileName);
    return new Promise((resolve) => {
      const request: ReadRequest = { id: next++, bytes, fileName };
      pending.set(request.id, { resolve, request });
      worker.postMessage(request);
    });
  };
}
