/**
 * The preview page end to end: built by webpack, served over http, driven in Debian's Chromium.
 * Set DUTYCHECK_DIST to a built dist/ to skip the build (e.g. after `npm run build`).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { extname, join, normalize, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { chromium, type Browser, type Page } from "playwright-core";
import { checkSheet } from "../../src/core/check";
import { MARK_FILL, planMarks } from "../../src/core/marks";
import { resolveOptions } from "../../src/core/options";
import { parsePreviewData } from "../../src/preview/data";
import samples from "../../src/preview/samples.json";

const ROOT = resolve(__dirname, "../..");
const CHROMIUM = "/usr/bin/chromium";
// The README's screenshot is refreshed only on request (`npm run screenshot`): a test run must not
// rewrite tracked files, and a machine without CJK fonts would draw boxes.
const SCREENSHOT_DIR = process.env.DUTYCHECK_SCREENSHOT ? join(ROOT, "docs/screenshots") : tmpdir();
const SCREENSHOT = join(SCREENSHOT_DIR, "preview.png");
const AS_OF = "2023-06-20";
const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".png": "image/png",
  ".xml": "application/xml",
};

// Bounded waits around the real build and browser, generous for a loaded two-core machine (a cold
// production build, dependencies through babel, takes minutes there).
jest.setTimeout(600_000);
const BROWSER_WAIT_MS = 120_000;

let dist = process.env.DUTYCHECK_DIST ?? "";
let builtHere = false;
let server: Server;
let base = "";
let browser: Browser;
let page: Page;

/** Serves dist/ read-only on a random localhost port. */
function serve(dir: string): Promise<Server> {
  const srv = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? "/", "http://localhost").pathname));
    const file = join(dir, path);
    if (!file.startsWith(dir) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
    res.end(readFileSync(file));
  });
  return new Promise((done) => srv.listen(0, "127.0.0.1", () => done(srv)));
}

function rgb(hex: string): string {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgb(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255})`;
}

/** What the engine says the marks on the xintang sample are, on the test's reference date. */
function expectedMarks(): Map<string, string> {
  const data = parsePreviewData(samples);
  if (!data.ok) throw new Error(data.message);
  const grid = data.workbooks.find((w) => w.file === "xintang-2023.xlsx")?.sheets[0]?.grid;
  const options = resolveOptions({ asOf: AS_OF });
  if (!grid || !options.ok) throw new Error("xintang sample or options missing");
  return new Map(planMarks(checkSheet(grid, options.options)).map((m) => [m.address, m.kind]));
}

async function marksOnPage(): Promise<Map<string, string>> {
  const pairs = await page
    .locator("td[data-mark]")
    .evaluateAll((cells) =>
      cells.map((c) => [c.getAttribute("data-address") ?? "", c.getAttribute("data-mark") ?? ""]),
    );
  return new Map(pairs as Array<[string, string]>);
}

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install chromium`);
  if (!dist) {
    dist = mkdtempSync(join(tmpdir(), "dutycheck-e2e-"));
    builtHere = true;
    const build = spawnSync(
      process.execPath,
      [require.resolve("webpack-cli/bin/cli.js"), "--mode", "production", "--output-path", dist],
      { cwd: ROOT, encoding: "utf8" },
    );
    if (build.status !== 0) throw new Error(`webpack failed:\n${build.stdout}\n${build.stderr}`);
  }
  if (!existsSync(join(dist, "preview.html"))) throw new Error(`${dist} has no preview.html`);
  server = await serve(resolve(dist));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  });
  page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: "zh-CN" });
  page.setDefaultTimeout(BROWSER_WAIT_MS);
});

afterAll(async () => {
  await browser?.close();
  await new Promise((done) => (server ? server.close(done) : done(undefined)));
  if (builtHere) rmSync(dist, { recursive: true, force: true });
});

test("checks the xintang sample in the preview, marks the grid, and clears the marks", async () => {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto(`${base}/preview.html?sample=xintang-2023.xlsx`);
  await page.getByRole("table", { name: "责任分解表" }).waitFor();
  expect(await page.locator("td[data-mark]").count()).toBe(0);

  await page.getByLabel("检查日期").fill(AS_OF);
  await page.getByRole("button", { name: "检查进度" }).click();
  await page.getByRole("heading", { name: "项目状态" }).waitFor();

  expect(await page.locator('li[data-status="overdue"]').getAttribute("aria-label")).toBe("逾期 10");
  expect(await page.locator('li[data-status="dueSoon"]').getAttribute("aria-label")).toBe("临期 1");
  expect(await page.locator('li[data-status="unscheduled"]').getAttribute("aria-label")).toBe("未排期 1");
  await expect(
    page.getByText("新塘街道 2023 年度为民办实事项目责任分解表").first().isVisible(),
  ).resolves.toBe(true);

  const expected = expectedMarks();
  expect(expected.size).toBeGreaterThan(10);
  expect(await marksOnPage()).toEqual(expected);
  for (const kind of ["overdue", "dueSoon"] as const) {
    const address = [...expected].find(([, k]) => k === kind)?.[0];
    const fill = await page
      .locator(`td[data-address="${address}"]`)
      .evaluate((td) => getComputedStyle(td).backgroundColor);
    expect(fill).toBe(rgb(MARK_FILL[kind]));
  }

  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: SCREENSHOT });
  expect(statSync(SCREENSHOT).size).toBeGreaterThan(10_000);

  // An alert jumps to its schedule cell in the grid.
  const firstAlert = page.locator("button[data-status]").first();
  const cell = ((await firstAlert.textContent()) ?? "").match(/[A-Z]+\d+$/)?.[0];
  expect(cell).toBeTruthy();
  await firstAlert.click();
  // The selection arrives after the port's promise: wait for it rather than read at once.
  await page.locator(`td[data-address="${cell}"][data-selected="true"]`).waitFor();

  await page.getByRole("button", { name: "清除标记" }).click();
  await page.getByText("已清除本加载项所做的全部标记。").waitFor();
  expect(await page.locator("td[data-mark]").count()).toBe(0);
  const address = [...expected.keys()][0];
  const fill = await page
    .locator(`td[data-address="${address}"]`)
    .evaluate((td) => getComputedStyle(td).backgroundColor);
  expect(fill).toBe("rgb(255, 255, 255)");
  expect(errors).toEqual([]);
});

test("writes the month's 通报 sheet as a tab and asks before replacing it", async () => {
  const name = `进度通报${AS_OF.slice(0, 7)}`;
  await page.getByRole("button", { name: "生成通报表" }).click();
  await page.getByText("已生成本月的进度通报工作表，可直接打印。").waitFor();
  await page.getByRole("button", { name }).click();
  await page.getByRole("table", { name }).waitFor();
  await page.getByRole("button", { name: "生成通报表" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByText("替换本月通报表？").waitFor();
  await dialog.getByRole("button", { name: "取消" }).click();
  await dialog.waitFor({ state: "detached" });
});

test("works from the keyboard and fits the 320 px pane, in English too", async () => {
  await page.goto(`${base}/preview.html?sample=zimao-2022.xlsx&lang=en`);
  const date = page.getByLabel("Reference date");
  await date.fill("2022-07-01");
  await date.press("Enter");
  await page.getByRole("heading", { name: "Projects by status" }).waitFor();
  expect(await page.locator('li[data-status="overdue"]').getAttribute("aria-label")).toBe("Overdue 10");
  await page.getByText("This table has no investment columns: totals are not available.").waitFor();

  const overflow = await page.locator("aside").evaluate((aside) => {
    const main = aside.querySelector("main");
    return {
      width: aside.getBoundingClientRect().width,
      wider: main ? main.scrollWidth > main.clientWidth : true,
    };
  });
  expect(overflow).toEqual({ width: 320, wider: false });

  // Tab from the check button to the first alert and press Enter: the grid selects its cell.
  await page.getByRole("button", { name: "Check progress" }).focus();
  let focused: { status: string | null; text: string } = { status: null, text: "" };
  for (let i = 0; i < 30 && !focused.status; i++) {
    await page.keyboard.press("Tab");
    focused = await page.evaluate(() => ({
      status: document.activeElement?.getAttribute("data-status") ?? null,
      text: document.activeElement?.textContent ?? "",
    }));
  }
  expect(focused.status).toBe("overdue");
  const cell = /[A-Z]+\d+$/u.exec(focused.text)?.[0];
  await page.keyboard.press("Enter");
  await page.locator(`td[data-address="${cell}"][data-selected="true"]`).waitFor();
});

test("the task pane's own initial JavaScript stays within 250 KB gzipped", () => {
  const html = readFileSync(join(dist, "taskpane.html"), "utf8");
  const scripts = [...html.matchAll(/<script[^>]*\ssrc="?([^"\s>?]+)/gu)].map((m) => m[1] as string);
  const sizes = new Map(
    scripts
      .filter((s) => !s.startsWith("http"))
      .map((s) => [s, gzipSync(readFileSync(join(dist, s))).length]),
  );
  // functions.js and commands.js share the page (shared runtime) but are not the pane's; they are reported, not counted.
  const pane = [...sizes].filter(([s]) => s !== "functions.js" && s !== "commands.js");
  expect(pane.map(([s]) => s)).toEqual(expect.arrayContaining(["taskpane.js"]));
  const paneBytes = pane.reduce((sum, [, n]) => sum + n, 0);
  const pageBytes = [...sizes.values()].reduce((sum, n) => sum + n, 0);
  console.log(
    `task pane initial JS (gzip): ${(paneBytes / 1024).toFixed(1)} KB; whole taskpane.html with functions and commands: ${(pageBytes / 1024).toFixed(1)} KB`,
  );
  expect(paneBytes).toBeLessThanOrEqual(250 * 1024);
});
