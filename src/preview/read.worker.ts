import { readBytes, type ReadOutcome } from "./read-file";

/** What the page posts to the worker: one file's bytes and its name (for the messages). */
export interface ReadRequest {
  id: number;
  bytes: Uint8Array;
  fileName: string;
}

export interface ReadAnswer {
  id: number;
  outcome: ReadOutcome;
}

// Reading a large workbook takes a moment: here, off the page's thread, the page keeps painting its
// progress indicator and stays responsive meanwhile.
self.onmessage = (event: MessageEvent<ReadRequest>) => {
  const answer: ReadAnswer = { id: event.data.id, outcome: readBytes(event.data.bytes, event.data.fileName) };
  self.postMessage(answer);
};
