import { TextDecoder, TextEncoder } from "node:util";

/** jsdom has no TextEncoder/TextDecoder; the core's xlsx reader and writer use the browsers' own. */
if (typeof globalThis.TextEncoder === "undefined") Object.assign(globalThis, { TextEncoder, TextDecoder });
