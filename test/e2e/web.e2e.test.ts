/**
 * The web page (index.html) end to end, as a user without Excel meets it: built by webpack, served over
 * http on localhost, driven in Debian's Chromium. The workbooks are made here (the samples' own layout
 * script, for an office and a year no seed has), never read from a seed.
 * Set DUTYCHECK_DIST to a built dist/ to skip the build (e.g. after `npm run build`).
 */
import { existsSync, mkdirSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import ExcelJS from "exceljs";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { checkSheet } from "../../src/core/check";
import { planMarks } from "../../src/core/marks";
import { resolveOptions } from "../../src/core/options";
import type { SheetResult } from "../../src/core/types";
import { readWorkbook, RESULT_SHEET, WorkbookError } from "../../src/core/xlsx";
import { markArgb } from "../../src/core/xlsx/result-sheet";
import { launchChromium, productionBuild, serveStatic, type Build, type Site } from "../support/static-site";

const ROOT = resolve(__dirname, "../..");
// The README's screenshot is refreshed only on request (`npm run screenshot`), as in preview.e2e.
const SCREENSHOT_DIR = process.env.DUTYCHECK_SCREENSHOT ? join(ROOT, "docs/screenshots") : tmpdir();
const AS_OF = "2024-06-20";
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

// Bounded waits around the real build and browser, generous for a loaded two-core machine.
jest.setTimeout(600_000);
const BROWSER_WAIT_MS = 120_000;

let build: Build;
let site: Site;
let base = "";
let browser: Browser;
let context: BrowserContext;
let page: Page;
/** Every request the server answered, in order. */
const served: string[] = [];

// The samples' own layout script: a workbook as an office would lay its table out and save it.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { buildWorkbook } = require("../../scripts/samples/layout.js") as {
  buildWorkbook: (
    seed: { title: string; rows: Array<{ kind: string; cells: unknown[] }>; footer: string[] },
    meta: { sheetName: string; date: Date },
  ) => ExcelJS.Workbook;
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { parseSeed } = require("../../scripts/samples/seed.js") as {
  parseSeed: (text: string) => {
    title: string;
    rows: Array<{ kind: string; cells: unknown[] }>;
    footer: string[];
  };
};

/** A 东湖镇 2024 table (held-out style: an office, year and wording no seed has), with a notes sheet after it. */
async function donghuWorkbook(): Promise<Buffer> {
  const header = ["序号", "项目名称", "主要内容", "形象进度安排", "总投资 (万元)", "责任领导", "责任科室"];
  const rows = [
    [
      1,
      "老旧小区改造",
      "改造三个小区的管网和道路",
      "一季度完成设计；二季度完成招标；三季度开工；四季度竣工验收",
      320,
      "王建国",
      "城建办",
    ],
    [
      2,
      "农贸市场提升",
      "市场棚顶与排水改造",
      "3月底前完成方案，5月完成招投标，9月完工",
      85,
      "李红",
      "经济发展办",
    ],
    [
      3,
      "长者食堂",
      "新建两处长者食堂",
      "第二季度：选址并完成装修；第三季度：投入运营",
      40,
      "王建国",
      "社会事务办",
    ],
    [4, "河道清淤", "东湖溪清淤 2 公里", "6月25日前完成清淤", 60, "赵明", "农业农村办"],
    [
      5,
      "校园周边交通安全",
      "增设护栏和信号灯",
      "第一季度完成护栏安装；第四季度完成信号灯建设",
      18,
      "李红",
      "平安办",
    ],
    [6, "便民服务站", "在三个村设便民服务站", "全年持续推进", "", "赵明", "党政办"],
  ];
  const text = [
    "附件",
    "东湖镇 2024 年为民办实事项目责任分解表",
    header.join("\t"),
    ...rows.map((r) => r.join("\t")),
  ].join("\n");
  const workbook = buildWorkbook(parseSeed(text), {
    sheetName: "实事项目",
    date: new Date(Date.UTC(2024, 1, 1)),
  });
  workbook.addWorksheet("填表说明").addRow(["每月 20 日前更新进度，勿改表头。"]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** What the engine makes of a workbook's bytes on the test's date, sheet by sheet. */
function checked(bytes: Uint8Array): SheetResult[] {
  const options = resolveOptions({ asOf: AS_OF });
  if (!options.ok) throw new Error(options.message);
  return readWorkbook(bytes).map((grid) => checkSheet(grid, options.options));
}

/** The reader's message for bytes that are not a workbook, as the command line prints it. */
function readerMessage(bytes: Uint8Array, fileName: string): string {
  try {
    readWorkbook(bytes, { fileName });
  } catch (error) {
    if (error instanceof WorkbookError) return error.message;
  }
  throw new Error(`${fileName} was read`);
}

/** An OLE container (the start of a legacy .xls) and one holding an `EncryptionInfo` stream. */
function compoundFile(encrypted: boolean): Buffer {
  const bytes = Buffer.alloc(2048);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(bytes);
  if (encrypted) Buffer.from("EncryptionInfo", "utf16le").copy(bytes, 1024);
  return bytes;
}

beforeAll(async () => {
  build = productionBuild("dutycheck-web-e2e-");
  if (!existsSync(join(build.dir, "index.html"))) throw new Error(`${build.dir} has no index.html`);
  site = await serveStatic(build.dir, (url) => served.push(url));
  base = site.base;
  browser = await launchChromium();
  context = await browser.newContext({
    viewport: { width: 1280, height: 760 },
    locale: "zh-CN",
    acceptDownloads: true,
  });
  page = await context.newPage();
  page.setDefaultTimeout(BROWSER_WAIT_MS);
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  build?.remove();
});

/** Opens the page at the deployment root; resolves once it has loaded and settled. */
async function openPage(query = ""): Promise<void> {
  await page.goto(`${base}/${query}`, { waitUntil: "networkidle" });
  await page.getByRole("heading", { name: "检查自己的责任分解表" }).waitFor();
}

test("checks the user's workbook in the browser, downloads the marked copy, and sends nothing anywhere", async () => {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await openPage(`?date=${AS_OF}`);
  await page.getByText("文件只在这台电脑的浏览器里读取和检查，不会上传").waitFor();

  // From here on the page has loaded: nothing may be requested, from localhost or elsewhere.
  const servedAtLoad = served.length;
  const requested: string[] = [];
  page.on("request", (request) => requested.push(request.url()));

  const bytes = await donghuWorkbook();
  const expected = checked(bytes);
  const table = expected.find((s) => s.tables.length > 0);
  const counts = table?.tables[0]?.counts;
  if (!table || !counts) throw new Error("the test workbook has no table");
  expect(counts.overdue).toBeGreaterThan(0);

  // Whether the progress indicator was on the page while the file was read (it may be brief).
  await page.evaluate(() => {
    const seen = document.createElement("meta");
    seen.id = "reading-seen";
    document.head.append(seen);
    new MutationObserver((_, observer) => {
      if (!document.querySelector('[data-testid="reading"]')) return;
      seen.setAttribute("content", "yes");
      observer.disconnect();
    }).observe(document.body, { subtree: true, childList: true });
  });
  await page
    .getByTestId("file-input")
    .setInputFiles({ name: "东湖镇实事项目.xlsx", mimeType: XLSX, buffer: bytes });
  await page.locator('button[data-tile="overdue"]').waitFor();
  expect(await page.locator("#reading-seen").getAttribute("content")).toBe("yes");
  await expect(page.getByTestId("reading").count()).resolves.toBe(0);
  const projects = table.tables[0]?.projects ?? [];
  const countOf = (status: string) => projects.filter((p) => p.status === status).length;
  expect(await page.locator('button[data-tile="overdue"]').textContent()).toBe(
    `逾期 ${countOf("overdue")} 个项目`,
  );
  expect(await page.locator('button[data-tile="dueSoon"]').textContent()).toBe(
    `临期 ${countOf("dueSoon")} 个项目`,
  );
  await page.getByText(`实事项目 · 2024 年 · ${projects.length} 个项目`).waitFor();
  // The sheet with the table is shown, marked as the engine marks it; the notes sheet is a tab.
  const marks = new Map(planMarks(table).map((m) => [m.address, m.kind]));
  const onPage = await page
    .locator("td[data-mark]")
    .evaluateAll((cells) => cells.map((c) => [c.getAttribute("data-address"), c.getAttribute("data-mark")]));
  expect(new Map(onPage as Array<[string, string]>)).toEqual(marks);
  await page.getByRole("navigation", { name: "工作表" }).getByRole("button", { name: "填表说明" }).waitFor();

  const screenshot = join(SCREENSHOT_DIR, "web.png");
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: screenshot });
  expect(statSync(screenshot).size).toBeGreaterThan(10_000);

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "下载标记副本" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe("东湖镇实事项目.检查.xlsx");
  await page
    .getByText(/标记副本“东湖镇实事项目\.检查\.xlsx”已由浏览器下载.*原文件“东湖镇实事项目\.xlsx”未作任何改动/)
    .waitFor();
  const copy = new ExcelJS.Workbook();
  await copy.xlsx.readFile(await download.path());
  expect(copy.worksheets.map((w) => w.name)).toEqual(["实事项目", "填表说明", RESULT_SHEET]);
  const sheet = copy.getWorksheet("实事项目");
  for (const [address, kind] of marks) {
    const fill = sheet?.getCell(address).fill;
    expect(fill?.type === "pattern" ? fill.fgColor?.argb : undefined).toBe(markArgb(kind));
  }
  // The values are the user's, unchanged; the result sheet names the date of the check.
  expect(sheet?.getCell("B4").value).toBe("老旧小区改造");
  const results = copy.getWorksheet(RESULT_SHEET);
  const resultText = JSON.stringify(results?.getSheetValues());
  expect(resultText).toContain(AS_OF);
  expect(resultText).toContain("老旧小区改造");

  expect(requested.filter((url) => !url.startsWith("blob:"))).toEqual([]);
  expect(served.slice(servedAtLoad)).toEqual([]);
  expect(errors).toEqual([]);
});

test("says, naming each file, why a bad file cannot be checked; the good ones of the same drop open", async () => {
  await openPage(`?date=${AS_OF}`);
  const good = await donghuWorkbook();
  const truncated = good.subarray(0, Math.floor(good.length / 2));
  const noTable = new ExcelJS.Workbook();
  noTable.addWorksheet("Sheet1").addRows([
    ["姓名", "电话"],
    ["张三", "123"],
  ]);
  const files = [
    { name: "旧表.xls", buffer: compoundFile(false) },
    { name: "加密.xlsx", buffer: compoundFile(true) },
    { name: "半截.xlsx", buffer: truncated },
    { name: "通讯录.csv", buffer: Buffer.from("姓名,电话\n张三,123\n") },
    { name: "通讯录.xlsx", buffer: Buffer.from(await noTable.xlsx.writeBuffer()) },
    { name: "东湖镇.xlsx", buffer: good },
  ];
  await page.getByTestId("file-input").setInputFiles(files.map((f) => ({ ...f, mimeType: XLSX })));
  await page.locator('button[data-tile="overdue"]').waitFor();

  const notes = await page.locator("[data-note]").allTextContents();
  for (const file of files.slice(0, 4)) {
    const message = readerMessage(file.buffer, file.name);
    expect(notes.some((n) => n.startsWith(`无法检查“${file.name}”：${message}`))).toBe(true);
  }
  expect(notes.some((n) => n.startsWith("“通讯录.xlsx”中没有找到责任分解表"))).toBe(true);
  expect(notes).toHaveLength(5);
  // Both readable files are in the list to switch between, beside the samples.
  const picker = page.getByRole("combobox", { name: /^工作簿/ });
  expect(await picker.locator("option").allTextContents()).toEqual(
    expect.arrayContaining(["通讯录.xlsx", "东湖镇.xlsx", "xintang-2023.xlsx"]),
  );
  await picker.selectOption({ label: "通讯录.xlsx" });
  await page.getByRole("table", { name: "Sheet1" }).waitFor();
  await picker.selectOption({ label: "东湖镇.xlsx" });
  await page.locator('button[data-tile="overdue"]').waitFor();
});

test("preview.html forwards to the page, keeping the sample and date it was asked for", async () => {
  await page.goto(`${base}/preview.html?sample=zimao-2022.xlsx&date=2022-07-01`);
  await page.getByRole("table", { name: "责任分解表" }).waitFor();
  expect(new URL(page.url()).pathname).toBe("/index.html");
  expect(await page.getByRole("combobox", { name: /^工作簿/ }).inputValue()).toBe("zimao-2022.xlsx");
});
