/**
 * The preview page end to end: built by webpack, served over http, driven in Debian's Chromium.
 * Set DUTYCHECK_DIST to a built dist/ to skip the build (e.g. after `npm run build`).
 */
import { existsSync, mkdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import type { Browser, Page } from "playwright-core";
import { checkSheet } from "../../src/core/check";
import { MARK_FILL, planMarks } from "../../src/core/marks";
import { resolveOptions } from "../../src/core/options";
import { parsePreviewData } from "../../src/preview/data";
import samples from "../../src/preview/samples.json";
import { launchChromium, productionBuild, serveStatic, type Build, type Site } from "../support/static-site";
import { zipEntry } from "../support/zip";

const ROOT = resolve(__dirname, "../..");
// The README's screenshot is refreshed only on request (`npm run screenshot`): a test run must not
// rewrite tracked files, and a machine without CJK fonts would draw boxes.
const SCREENSHOT_DIR = process.env.DUTYCHECK_SCREENSHOT ? join(ROOT, "docs/screenshots") : tmpdir();
const SCREENSHOT = join(SCREENSHOT_DIR, "preview.png");

/** The pane alone, as a clerk sees it in Excel's narrowest task pane (README: before, after, 逾期). */
async function screenshotPane(file: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, file);
  await page.locator("aside").screenshot({ path });
  expect(statSync(path).size).toBeGreaterThan(10_000);
}
const AS_OF = "2023-06-20";
// Bounded waits around the real build and browser, generous for a loaded two-core machine (a cold
// production build, dependencies through babel, takes minutes there).
jest.setTimeout(600_000);
const BROWSER_WAIT_MS = 120_000;

let build: Build;
let dist = "";
let site: Site;
let base = "";
let browser: Browser;
let page: Page;

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
  build = productionBuild("dutycheck-e2e-");
  dist = build.dir;
  if (!existsSync(join(dist, "preview.html"))) throw new Error(`${dist} has no preview.html`);
  site = await serveStatic(dist);
  base = site.base;
  browser = await launchChromium();
  // 760 px high: the pane below the preview's bar is about as tall as Excel's task pane on a laptop.
  page = await browser.newPage({ viewport: { width: 1280, height: 760 }, locale: "zh-CN" });
  page.setDefaultTimeout(BROWSER_WAIT_MS);
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  build?.remove();
});

/** The pane (the preview's aside, its scroll container): where it is and how far it is scrolled. */
async function paneBox(): Promise<{
  top: number;
  bottom: number;
  left: number;
  right: number;
  scrollTop: number;
}> {
  return page.locator("aside").evaluate((aside) => {
    const r = aside.getBoundingClientRect();
    return { top: r.top, bottom: r.bottom, left: r.left, right: r.right, scrollTop: aside.scrollTop };
  });
}

/** The toolbar's outcome line for `action`, once it is there. */
async function actionOutcome(action: string) {
  const found = page.locator(`[role="region"][aria-label="操作"] [data-action="${action}"]`);
  await found.waitFor();
  return found;
}

/** Whether the element lies wholly inside the pane's visible part (no scrolling needed to read it). */
async function inSight(selector: ReturnType<Page["locator"]>): Promise<boolean> {
  const pane = await paneBox();
  const box = await selector.boundingBox();
  if (!box) return false;
  return (
    box.y >= pane.top &&
    box.y + box.height <= pane.bottom &&
    box.x >= pane.left &&
    box.x + box.width <= pane.right
  );
}

async function openSample(query: string): Promise<void> {
  await page.goto(`${base}/preview.html?${query}`);
  await page.getByRole("table", { name: "责任分解表" }).waitFor();
}

async function checkOn(date: string, name = "检查进度", label = "检查日期"): Promise<void> {
  await page.getByLabel(label, { exact: true }).fill(date);
  await page.getByRole("button", { name, exact: true }).click();
  await page.locator('button[data-tile="overdue"]').waitFor();
}

test("checks the xintang sample in the preview, marks the grid, and clears the marks", async () => {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  // The page's "today" is the test's date, so the pane shows the 今天 quick date pressed, as a clerk would.
  await openSample(`sample=xintang-2023.xlsx&date=${AS_OF}`);
  expect(await page.locator("td[data-mark]").count()).toBe(0);
  await screenshotPane("pane-before.png");

  await page.getByRole("button", { name: "检查进度", exact: true }).click();
  await page.locator('button[data-tile="overdue"]').waitFor();
  expect(await page.locator('button[data-tile="overdue"]').textContent()).toBe("逾期 10 个项目");
  expect(await page.locator('button[data-tile="dueSoon"]').textContent()).toBe("临期 1 个项目");
  expect(await page.locator('button[data-tile="unscheduled"]').textContent()).toBe("未排期 1 个项目");
  await expect(page.getByText("责任分解表 · 2023 年 · 12 个项目").isVisible()).resolves.toBe(true);

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
  await screenshotPane("pane-after.png");
  await page.locator('button[data-tile="overdue"]').click();
  await page.getByRole("heading", { name: "逾期的项目" }).waitFor();
  expect(
    await page
      .locator("li[data-project-status]")
      .evaluateAll((cards) => cards.map((c) => c.getAttribute("data-project-status"))),
  ).toEqual(Array(10).fill("overdue"));
  await screenshotPane("pane-overdue.png");
  await page.locator('button[data-tile="overdue"]').click();

  // A milestone jumps to its schedule cell in the grid.
  const first = page.locator("button[data-milestone]").first();
  const cell = ((await first.textContent()) ?? "").match(/[A-Z]+\d+$/)?.[0];
  expect(cell).toBeTruthy();
  await first.click();
  // The selection arrives after the port's promise: wait for it rather than read at once.
  await page.locator(`td[data-address="${cell}"][data-selected="true"]`).waitFor();

  await page.getByRole("button", { name: "清除标记" }).click();
  await actionOutcome("clear");
  expect(await page.locator("td[data-mark]").count()).toBe(0);
  const address = [...expected.keys()][0];
  const fill = await page
    .locator(`td[data-address="${address}"]`)
    .evaluate((td) => getComputedStyle(td).backgroundColor);
  expect(fill).toBe("rgb(255, 255, 255)");
  expect(errors).toEqual([]);
});

test("writes the month's 通报 sheet as a tab, opens it from the outcome, and asks before replacing it", async () => {
  const name = `进度通报${AS_OF.slice(0, 7)}`;
  await page.getByRole("button", { name: "生成通报表" }).click();
  const written = await actionOutcome("summary");
  await expect(written.textContent()).resolves.toContain("可直接打印");
  await written.getByRole("button", { name: "打开" }).click();
  await page.getByRole("table", { name }).waitFor();
  await page.getByRole("button", { name: "生成通报表" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByText("替换本月通报表？").waitFor();
  await dialog.getByRole("button", { name: "取消" }).click();
  await dialog.waitFor({ state: "detached" });
  await page.getByText("已取消，原有通报表未改动。").waitFor();
});

test("生成通报 downloads the month's .docx; 复制逾期清单 and 复制 put the list and a reminder on the clipboard", async () => {
  // A context of its own: downloads accepted, and the clipboard granted as a clerk's browser would.
  const context = await browser.newContext({
    viewport: { width: 1280, height: 760 },
    locale: "zh-CN",
    acceptDownloads: true,
  });
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: base });
  const tab = await context.newPage();
  tab.setDefaultTimeout(BROWSER_WAIT_MS);
  try {
    for (const lang of ["zh", "en"] as const) {
      const en = lang === "en";
      await tab.goto(`${base}/preview.html?sample=xintang-2023.xlsx&date=${AS_OF}&lang=${lang}&pane=320`);
      await tab.getByRole("button", { name: en ? "Check progress" : "检查进度", exact: true }).click();
      await tab.locator('button[data-tile="overdue"]').waitFor();

      const [download] = await Promise.all([
        tab.waitForEvent("download"),
        tab.getByRole("button", { name: en ? "Write notice (.docx)" : "生成通报", exact: true }).click(),
      ]);
      expect(download.suggestedFilename()).toBe("新塘街道2023年6月为民办实事项目进展情况通报.docx");
      const docx = readFileSync(await download.path());
      const xml = zipEntry(docx, "word/document.xml") ?? "";
      expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/u);
      expect(xml).toContain("关于2023年6月为民办实事项目");
      expect(xml).toContain("进展情况的通报");
      await tab
        .locator('[data-action="notice"]')
        .getByText(/新塘街道2023年6月为民办实事项目进展情况通报\.docx/u)
        .waitFor();

      await tab.getByRole("button", { name: en ? "Copy overdue list" : "复制逾期清单", exact: true }).click();
      await tab.locator('[data-action="lateList"]').waitFor();
      const pasted = await tab.evaluate(async () => {
        const [item] = await navigator.clipboard.read();
        if (!item) return { types: [], html: "", text: "" };
        const read = async (type: string) => (await item.getType(type)).text();
        return {
          types: [...item.types].sort(),
          html: await read("text/html"),
          text: await read("text/plain"),
        };
      });
      expect(pasted.types).toEqual(["text/html", "text/plain"]);
      expect(pasted.html).toContain("<table");
      expect(pasted.html).toContain("拓展婴幼儿照护服务普惠项目");
      expect(pasted.text.split("\n")[0]).toBe(
        "项目\t节点\t计划完成\t逾期天数\t责任领导\t责任科室\t原因\t下步措施",
      );

      const reminder = tab.locator('li[data-reminder="街道总工会"]');
      await reminder
        .getByRole("button", { name: en ? "Copy the reminder to 街道总工会" : "复制给街道总工会的提醒" })
        .click();
      await reminder.getByText(en ? "Copied." : "已复制。").waitFor();
      const copied = await tab.evaluate(() => navigator.clipboard.readText());
      expect(copied).toBe(await reminder.locator("p").textContent());
      expect(copied).toMatch(/^街道总工会：你单位牵头的.*请于6月22日前书面报送进展及原因。$/u);
      if (!en) {
        // README: the 督办提醒 as the 320 px pane shows them.
        mkdirSync(SCREENSHOT_DIR, { recursive: true });
        const shot = join(SCREENSHOT_DIR, "pane-reminders.png");
        await tab.getByRole("region", { name: "操作" }).getByRole("button", { name: "关闭" }).click();
        // The section's heading right under the sticky toolbar, as a clerk scrolling to it sees it.
        await tab.locator("aside").evaluate((aside) => {
          const heading = [...aside.querySelectorAll("h2")].find((h) => h.textContent === "督办提醒");
          const bar = aside.querySelector('[role="region"]');
          if (!heading || !bar) throw new Error("no 督办提醒 heading or toolbar");
          const top = heading.getBoundingClientRect().top - aside.getBoundingClientRect().top;
          aside.scrollTop += top - bar.getBoundingClientRect().height - 8;
        });
        await tab.locator("aside").screenshot({ path: shot });
        expect(statSync(shot).size).toBeGreaterThan(10_000);
      }
    }
  } finally {
    await context.close();
  }
});

test("at 320 px every action's outcome is in sight right after its click, however far the pane is scrolled", async () => {
  await openSample(`sample=xintang-2023.xlsx&pane=320`);
  await page.getByRole("button", { name: "检查进度", exact: true }).click();
  await page.locator('button[data-tile="overdue"]').waitFor();
  expect(await inSight(page.getByText("责任分解表 · 2023 年 · 12 个项目"))).toBe(true);

  const bottom = async () => {
    await page.locator("aside").evaluate((aside) => (aside.scrollTop = aside.scrollHeight));
    return (await paneBox()).scrollTop;
  };
  const steps: Array<{ button: string; action: string; text: RegExp; confirm?: string; recheck?: boolean }> =
    [
      { button: "清除标记", action: "clear", text: /已清除全部标记/ },
      { button: "生成通报表", action: "summary", text: /已生成本月的进度通报工作表/ },
      { button: "生成通报表", action: "summary", text: /已生成本月的进度通报工作表/, confirm: "替换" },
      { button: "添加完成情况列", action: "completion", text: /已在表格右侧添加各季度完成情况列/ },
      { button: "添加完成情况列", action: "completion", text: /不为空：完成情况列只加在表格右侧的空白列中/ },
      // Checked again, the table takes in its new columns: the status column goes right of them.
      { button: "插入状态列", action: "statusColumn", text: /已在表格右侧插入“进度状态”列/, recheck: true },
      { button: "插入状态列", action: "statusColumn", text: /已有进度状态列/ },
    ];
  for (const step of steps) {
    // The summary's 打开 moves to its tab; each action is about the table, so come back to it first.
    await page
      .getByRole("navigation", { name: "工作表" })
      .getByRole("button", { name: "责任分解表" })
      .click();
    if (step.recheck) {
      await page.locator("aside").evaluate((aside) => (aside.scrollTop = 0));
      await page.getByRole("button", { name: "检查进度", exact: true }).click();
      // The re-check has read the completion columns it added (K–N) as the table's.
      await page.getByText(/季度完成情况 K、L、M、N/).waitFor({ state: "attached" });
    }
    const scrolled = await bottom();
    expect(scrolled).toBeGreaterThan(1000);
    await page.getByRole("button", { name: step.button, exact: true }).click();
    if (step.confirm) await page.getByRole("dialog").getByRole("button", { name: step.confirm }).click();
    const shown = await actionOutcome(step.action);
    await expect(shown.textContent()).resolves.toMatch(step.text);
    // Still far down the results (the browser may keep the same content in view as the bar grows), and
    // the outcome in sight without the user scrolling back up.
    expect((await paneBox()).scrollTop).toBeGreaterThan(1000);
    expect(await inSight(shown)).toBe(true);
  }
});

test("from the date field to 生成通报表 in at most 8 Tab presses; arrow keys move inside a list", async () => {
  await openSample(`sample=xintang-2023.xlsx&pane=320`);
  await checkOn(AS_OF);
  await page.getByLabel("检查日期", { exact: true }).focus();
  let presses = 0;
  const focusedName = () => page.evaluate(() => document.activeElement?.textContent ?? "");
  while (presses < 20 && (await focusedName()) !== "生成通报表") {
    await page.keyboard.press("Tab");
    presses += 1;
  }
  console.log(`Tab presses from the date field to 生成通报表: ${presses}`);
  expect(presses).toBeLessThanOrEqual(8);
  await page.keyboard.press("Enter");
  expect(await inSight(await actionOutcome("summary"))).toBe(true);

  // Tab on into the project list: the whole list is one stop, the arrow keys walk it.
  const inList = () =>
    page.evaluate(() =>
      Boolean(document.activeElement?.closest("[data-roving]")?.querySelector("li[data-project-status]")),
    );
  for (let i = 0; i < 30 && !(await inList()); i++) await page.keyboard.press("Tab");
  expect(await inList()).toBe(true);
  const first = await focusedName();
  await page.keyboard.press("ArrowDown");
  expect(await inList()).toBe(true);
  expect(await focusedName()).not.toBe(first);
  await page.keyboard.press("Tab");
  expect(await inList()).toBe(false);
});

test("works from the keyboard and fits 320 px and 500 px panes, in English too", async () => {
  for (const width of [320, 500]) {
    for (const lang of ["zh", "en"]) {
      await openSample(`sample=zimao-2022.xlsx&lang=${lang}&pane=${width}`);
      const en = lang === "en";
      await checkOn("2022-07-01", en ? "Check progress" : "检查进度", en ? "Reference date" : "检查日期");
      const overflow = await page.locator("aside").evaluate((aside) => {
        const main = aside.querySelector("main");
        return {
          width: aside.getBoundingClientRect().width,
          wider: main ? main.scrollWidth > main.clientWidth : true,
        };
      });
      expect(overflow).toEqual({ width, wider: false });
    }
  }
  expect(await page.locator('button[data-tile="overdue"]').textContent()).toBe("Overdue 10 projects");
  await page.getByText("This table has no investment columns: totals are not available.").waitFor();

  // Focus a milestone and press Enter: the grid selects its cell.
  const milestone = page.locator("button[data-milestone]").first();
  await milestone.focus();
  const cell = /[A-Z]+\d+$/u.exec((await milestone.textContent()) ?? "")?.[0];
  await page.keyboard.press("Enter");
  await page.locator(`td[data-address="${cell}"][data-selected="true"]`).waitFor();
});

/** Serious or critical axe-core findings in the pane as it is now. */
async function serious(): Promise<string[]> {
  await page.addScriptTag({ path: require.resolve("axe-core/axe.min.js") });
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (el: Element) => Promise<{
            violations: Array<{ id: string; impact: string | null; nodes: Array<{ target: unknown }> }>;
          }>;
        };
      }
    ).axe;
    const pane = document.querySelector("aside");
    if (!pane) throw new Error("no pane");
    return (await axe.run(pane)).violations;
  });
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${JSON.stringify(v.nodes.map((n) => n.target))}`);
}

test("the pane has no serious or critical accessibility findings (axe-core), before and after a check", async () => {
  for (const lang of ["zh", "en"]) {
    await openSample(`sample=xintang-2023.xlsx&lang=${lang}`);
    expect(await serious()).toEqual([]);
    const en = lang === "en";
    await checkOn(AS_OF, en ? "Check progress" : "检查进度", en ? "Reference date" : "检查日期");
    await page.getByRole("button", { name: en ? "Details" : "详情" }).click();
    await page.locator('button[data-tile="overdue"]').click();
    await page.getByRole("button", { name: en ? "Clear marks" : "清除标记" }).click();
    await page.locator('[data-action="clear"]').waitFor();
    expect(await serious()).toEqual([]);
  }
});

test("the monthly sample: 月度进展, a tile filter, 添加本月进展列 and a re-check that reads the new column", async () => {
  const errors: string[] = [];
  const onError = (error: Error) => errors.push(error.message);
  page.on("pageerror", onError);
  await page.goto(`${base}/preview.html?sample=monthly-2023.xlsx&date=2023-06-26&pane=320`);
  await page.getByRole("table", { name: "推进情况表" }).waitFor();
  await page.getByRole("button", { name: "检查进度", exact: true }).click();
  const panel = page.getByRole("region", { name: "月度进展" });
  await panel.getByText("截至 6 月 26 日，时间进度 48.5%").waitFor();
  const tiles = panel.getByRole("group", { name: "按月度进展筛选项目" });
  expect(await tiles.locator("button[data-tile]").allTextContents()).toEqual([
    "已完成 1 个项目",
    "未报送 3 个项目",
    "未启动 1 个项目",
    "滞后 3 个项目",
    "按序时 4 个项目",
  ]);
  // README's picture of the section: scrolled to just under the sticky toolbar.
  await page.locator("aside").evaluate((aside) => {
    const section = aside.querySelector('[data-legend="progress"]')?.closest("section");
    const bar = aside.querySelector('[role="region"][aria-label="操作"]');
    if (section && bar)
      aside.scrollTop += section.getBoundingClientRect().top - bar.getBoundingClientRect().bottom;
  });
  await screenshotPane("pane-monthly.png");
  // The grid's 未报送 cells carry the dashed outline the legend shows, in the same colours.
  const legend = panel.locator('[data-mark-legend="notReported"]');
  const legendStyle = await legend.evaluate((el) => {
    const style = getComputedStyle(el);
    return [style.backgroundColor, style.borderTopStyle, style.borderTopColor];
  });
  const unreported = page.locator('td[data-mark="notReported"]').first();
  const cellStyle = await unreported.evaluate((el) => {
    const style = getComputedStyle(el);
    return [style.backgroundColor, style.outlineStyle, style.outlineColor];
  });
  expect(legendStyle).toEqual(cellStyle);
  expect(cellStyle[1]).toBe("dashed");

  // A tile filters the project list to the projects in that state.
  await tiles.locator('button[data-tile="behind"]').click();
  await page.getByRole("heading", { name: "滞后的项目" }).waitFor();
  expect(await page.locator("li[data-project-status]").count()).toBe(3);
  await tiles.locator('button[data-tile="behind"]').click();

  // 添加本月进展列: the header lands right of the table; a check a month on reads the column.
  await page.getByRole("button", { name: "添加本月进展列", exact: true }).click();
  const added = await actionOutcome("progressColumn");
  const text = (await added.textContent()) ?? "";
  const cell = /已在单元格 ([A-Z]+)(\d+) 添加“7月进展情况”列/u.exec(text);
  expect(cell).not.toBeNull();
  const [, column] = cell as RegExpExecArray;
  expect(await page.locator(`td[data-address="${cell?.[1]}${cell?.[2]}"]`).textContent()).toBe("7月进展情况");
  expect(await inSight(added)).toBe(true);

  await page.getByLabel("检查日期", { exact: true }).fill("2023-07-26");
  await page.getByRole("button", { name: "检查进度", exact: true }).click();
  await panel.getByText("应报送 7 月进展（每月 22 日前报送）").waitFor();
  const rows = panel.locator('li[data-progress-state="notReported"]');
  const cells = await rows.evaluateAll((items) => items.map((li) => li.getAttribute("data-cell") ?? ""));
  expect(cells.length).toBeGreaterThan(3);
  for (const address of cells) expect(address).toMatch(new RegExp(`^${column}\\d+$`, "u"));
  // The second check compares with the first: June's check is the earlier one the preview kept.
  const since = page.getByRole("region", { name: "与上次检查（2023-06-26）相比" });
  await since.getByRole("list", { name: "进展变化" }).waitFor();
  // …and marks them on the grid, in the new column.
  expect(await page.locator(`td[data-mark="notReported"][data-address^="${column}"]`).count()).toBe(
    cells.length,
  );
  expect(await serious()).toEqual([]);
  page.off("pageerror", onError);
  expect(errors).toEqual([]);
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
