import { TextDecoder, TextEncoder } from "node:util";

/** jsdom's window has no TextEncoder/TextDecoder (browsers do): the docx library and the zip reader use them. */
if (typeof globalThis.TextEncoder === "undefined") Object.assign(globalThis, { TextEncoder, TextDecoder });
