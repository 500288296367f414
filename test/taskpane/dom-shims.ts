/** jsdom has no layout, so no ResizeObserver; Fluent's MessageBar only uses it to reflow long text. */
class NoLayoutResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}

if (typeof window !== "undefined" && !("ResizeObserver" in window)) {
  Object.defineProperty(window, "ResizeObserver", { value: NoLayoutResizeObserver, writable: true });
}
