import { TextDecoder, TextEncoder } from "node:util";

/** jsdom has no layout, so no ResizeObserver; Fluent's MessageBar only uses it to reflow long text. */
class NoLayoutResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}

if (typeof window !== "undefined" && !("ResizeObserver" in window)) {
  Object.defineProperty(window, "ResizeObserver", { value: NoLayoutResizeObserver, writable: true });
}

/** jsdom does not scroll; the grid view asks the selected cell to scroll into view. */
if (typeof Element !== "undefined" && !Element.prototype.scrollIntoView) {
  Element.prototype.scrollIntoView = function scrollIntoView(): void {};
}

/** jsdom has no TextEncoder/TextDecoder; the core's xlsx reader and writer (the web page's) use the browsers' own. */
if (typeof globalThis.TextEncoder === "undefined") Object.assign(globalThis, { TextEncoder, TextDecoder });
