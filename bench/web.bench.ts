import { launchChromium, serveStatic } from "../test/support/static-site";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export interface WebFigures {
  /** From the file input's change to the counts on the pane (read, check, grid and pane drawn). */
  totalMs: number;
  /** From the change to the first frame with the progress indicator. */
  indicatorMs: number;
}

/**
 * The web page in Chromium with a workbook chosen on its file input: the median of `runs` fresh page loads.
 * Times are the page's own (`performance.now()`): from the input's change event, to the first animation
 * frame after the progress indicator appears, and to the first frame after the pane shows the counts.
 */
export async function webBench(dist: string, bytes: Uint8Array, asOf: string, runs = 3): Promise<WebFigures> {
  const site = await serveStatic(dist);
  const base = site.base;
  const browser = await launchChromium();
  try {
    const figures: WebFigures[] = [];
    for (let run = 0; run < runs; run += 1) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 760 } });
      page.setDefaultTimeout(120_000);
      await page.goto(`${base}/?date=${asOf}`, { waitUntil: "networkidle" });
      await page.getByTestId("file-input").waitFor({ state: "attached" });
      await page.evaluate(() => {
        const times = {} as Record<string, number>;
        (window as unknown as { benchTimes: Record<string, number> }).benchTimes = times;
        const frameAfter = (key: string) => requestAnimationFrame(() => (times[key] = performance.now()));
        const input = document.querySelector('[data-testid="file-input"]');
        input?.addEventListener("change", () => (times.start = performance.now()), { capture: true });
        new MutationObserver(() => {
          if (times.indicatorSeen === undefined && document.querySelector('[data-testid="reading"]')) {
            times.indicatorSeen = 1;
            frameAfter("indicator");
          }
          if (times.doneSeen === undefined && document.querySelector('button[data-tile="overdue"]')) {
            times.doneSeen = 1;
            frameAfter("done");
          }
        }).observe(document.body, { subtree: true, childList: true });
      });
      await page
        .getByTestId("file-input")
        .setInputFiles({ name: "bench-5000.xlsx", mimeType: XLSX, buffer: Buffer.from(bytes) });
      await page.waitForFunction(
        () => (window as unknown as { benchTimes: Record<string, number> }).benchTimes.done !== undefined,
      );
      const times = await page.evaluate(
        () => (window as unknown as { benchTimes: Record<string, number> }).benchTimes,
      );
      const start = times.start ?? 0;
      figures.push({ totalMs: (times.done ?? 0) - start, indicatorMs: (times.indicator ?? 0) - start });
      await page.close();
    }
    figures.sort((a, b) => a.totalMs - b.totalMs);
    return figures[Math.floor(runs / 2)] as WebFigures;
  } finally {
    await browser.close();
    await site.close();
  }
}
