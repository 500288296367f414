/**
 * @jest-environment jsdom
 */
import "@testing-library/jest-dom";
import "./dom-shims";
import "./text-shims";
import { act, cleanup, fireEvent, screen, within } from "@testing-library/react";
import { inflateEntry, readZip } from "../../src/core/xlsx/zip";
import type { TableResult } from "../../src/core/types";
import { App, type AppProps } from "../../src/taskpane/App";
import { seedTable, withProgress } from "../core/report/fixtures";
import { RecordingPort, sampleResult } from "./fixtures";
import { renderPane as render } from "./render";

// A bound for a hung test only; nothing waits on time (see App.test.tsx).
jest.setTimeout(180_000);

async function settle(): Promise<void> {
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

async function click(element: HTMLElement): Promise<void> {
  fireEvent.click(element);
  await settle();
}

function button(name: string | RegExp): HTMLElement {
  return screen.getByRole("button", { name });
}

function outcome(): HTMLElement {
  return within(screen.getByRole("region", { name: /操作|Actions/ })).getByRole("status");
}

const TODAY = new Date(2023, 5, 20);
const XINTANG = seedTable("xintang-2023", "2023-06-20");

function checked(tables: TableResult[]) {
  return async () => ({ ok: true as const, value: sampleResult(tables) });
}

async function setup(
  port = new RecordingPort(),
  props: Partial<AppProps> = {},
  tables = [XINTANG],
): Promise<RecordingPort> {
  port.checkAnswer = checked(tables);
  render(<App port={port} lang="zh" today={TODAY} {...props} />);
  await settle();
  await click(button(props.lang === "en" ? "Check progress" : "检查进度"));
  return port;
}

/** The section of the 督办提醒, and its reminders by recipient. */
function reminderSection(name = "督办提醒"): HTMLElement {
  return screen.getByRole("region", { name });
}
function reminders(): string[] {
  return [...document.querySelectorAll("li[data-reminder]")].map(
    (li) => li.getAttribute("data-reminder") ?? "",
  );
}
function reminderText(recipient: string): string {
  return document.querySelector(`li[data-reminder="${recipient}"] p`)?.textContent ?? "";
}

/** A clipboard that keeps what is written to it, or refuses like a host without the permission. */
function installClipboard(refuse = false) {
  const written: { items: Array<Record<string, Blob>>; texts: string[] } = { items: [], texts: [] };
  class FakeClipboardItem {
    constructor(readonly types: Record<string, Blob>) {}
  }
  Object.defineProperty(globalThis, "ClipboardItem", { value: FakeClipboardItem, configurable: true });
  Object.defineProperty(navigator, "clipboard", {
    configurable: true,
    value: {
      write: async (items: FakeClipboardItem[]) => {
        if (refuse) throw new DOMException("Write permission denied.", "NotAllowedError");
        written.items.push(...items.map((item) => item.types));
      },
      writeText: async (text: string) => {
        if (refuse) throw new DOMException("Write permission denied.", "NotAllowedError");
        written.texts.push(text);
      },
    },
  });
  return written;
}

function removeClipboard(): void {
  Object.defineProperty(navigator, "clipboard", { value: undefined, configurable: true });
  Object.defineProperty(globalThis, "ClipboardItem", { value: undefined, configurable: true });
}

function blobText(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(blob);
  });
}

function blobBytes(blob: Blob): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(blob);
  });
}

/** Records the files the pane hands to the browser (jsdom has no object URLs and does not navigate). */
function captureDownloads() {
  const files: Array<{ name: string; blob: Blob }> = [];
  const blobs = new Map<string, Blob>();
  Object.assign(URL, {
    createObjectURL: (blob: Blob) => {
      const url = `blob:test/${blobs.size}`;
      blobs.set(url, blob);
      return url;
    },
    revokeObjectURL: (url: string) => blobs.delete(url),
  });
  const spy = jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (
    this: HTMLAnchorElement,
  ) {
    const blob = blobs.get(this.href);
    if (blob) files.push({ name: this.download, blob });
  });
  return { files, restore: () => spy.mockRestore() };
}

afterEach(() => {
  removeClipboard();
  jest.useRealTimers();
});

describe("生成通报", () => {
  test("saves the 通报 as a .docx where the host allows it: A4, the title, the most overdue first", async () => {
    const downloads = captureDownloads();
    try {
      const port = await setup();
      await click(button("生成通报"));
      // The docx is built off the main path (a dynamic import, then the packer): settle until it is handed over.
      for (let i = 0; i < 50 && downloads.files.length === 0; i++) await settle();
      expect(downloads.files.map((f) => f.name)).toEqual([
        "新塘街道2023年6月为民办实事项目进展情况通报.docx",
      ]);
      expect(downloads.files[0]?.blob.type).toBe(
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      );
      expect(outcome()).toHaveTextContent("已生成《新塘街道2023年6月为民办实事项目进展情况通报.docx》");
      // No sheet written: the document is the output.
      expect(port.summaries).toEqual([]);

      const zip = readZip(await blobBytes(downloads.files[0]?.blob as Blob));
      const entry = zip.find((e) => e.name === "word/document.xml");
      const xml = new TextDecoder().decode(inflateEntry(entry as NonNullable<typeof entry>));
      expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/u);
      expect(xml).toContain("为民办实事项目");
      expect(xml).toContain("进展情况的通报");
      expect(xml.indexOf("拓展婴幼儿照护服务普惠项目")).toBeLessThan(xml.indexOf("卫生服务中心迁建工程"));
      // The reply date the 督办提醒 ask for (the next report day).
      expect(xml).toContain("6月22日前");
    } finally {
      downloads.restore();
    }
  });

  test("where the host cannot save files, writes the 通报表 sheet instead, says why, and offers 打开", async () => {
    const port = await setup(new RecordingPort(), { canDownload: false });
    await click(button("生成通报"));
    expect(outcome()).toHaveTextContent(
      "此处的 Excel 不能从加载项下载文件，已改为生成通报表“进度通报2023-06”，可直接打印；逾期清单可用“复制逾期清单”贴到 Word 或 WPS 文字。",
    );
    expect(port.summaries).toEqual([false]);
    expect(port.reportRequests).toEqual([{ groupBy: "leader", replyBy: "2023-06-22" }]);
    await click(within(outcome()).getByRole("button", { name: "打开" }));
    expect(port.selected).toEqual([["进度通报2023-06", "A1"]]);

    // The month's sheet already there: never replaced from here; it can be opened.
    port.summaryAnswer = async () => ({ ok: false, exists: true });
    await click(button("生成通报"));
    expect(outcome()).toHaveTextContent("本月通报表“进度通报2023-06”已存在");
    expect(port.summaries).toEqual([false, false]);
    expect(screen.queryByRole("dialog", { hidden: true })).not.toBeInTheDocument();
  });

  test("waits for a check first", async () => {
    render(<App port={new RecordingPort()} lang="zh" today={TODAY} />);
    await settle();
    expect(button("生成通报")).toHaveAttribute("aria-disabled", "true");
    expect(button("复制逾期清单")).toHaveAttribute("aria-disabled", "true");
  });
});

describe("复制逾期清单", () => {
  test("copies the overdue table as HTML and as tab-separated text", async () => {
    const clipboard = installClipboard();
    await setup();
    await click(button("复制逾期清单"));
    expect(clipboard.items).toHaveLength(1);
    const item = clipboard.items[0] as Record<string, Blob>;
    expect(Object.keys(item).sort()).toEqual(["text/html", "text/plain"]);
    const html = await blobText(item["text/html"] as Blob);
    const text = await blobText(item["text/plain"] as Blob);
    expect(html).toMatch(/^<table border="1"/u);
    expect(html).toContain("<td style=");
    expect(html).toContain("原因");
    const lines = text.trimEnd().split("\n");
    expect(lines[0]).toBe("项目\t节点\t计划完成\t逾期天数\t责任领导\t责任科室\t原因\t下步措施");
    expect(lines[1]?.split("\t")[0]).toBe("拓展婴幼儿照护服务普惠项目");
    expect(outcome()).toHaveTextContent(`已复制逾期和滞后项目清单（${lines.length - 1} 行）`);
  });

  test("where the clipboard is refused, shows the same table selected for Ctrl+C", async () => {
    installClipboard(true);
    await setup();
    await click(button("复制逾期清单"));
    const dialog = screen.getByRole("dialog", { hidden: true });
    expect(within(dialog).getByText(/下表已选中，请按 Ctrl\+C/u)).toBeInTheDocument();
    const table = dialog.querySelector("[data-copy-fallback] table");
    expect(table).not.toBeNull();
    expect(window.getSelection()?.toString()).toContain("拓展婴幼儿照护服务普惠项目");
    await click(within(dialog).getByRole("button", { name: "关闭", hidden: true }));
    expect(screen.queryByRole("dialog", { hidden: true })).not.toBeInTheDocument();
  });

  test("says so when nothing is overdue or behind", async () => {
    installClipboard();
    await setup(new RecordingPort(), {}, [{ ...XINTANG, projects: [] }]);
    await click(button("复制逾期清单"));
    expect(outcome()).toHaveTextContent("没有逾期或滞后的项目，无需复制。");
  });
});

describe("督办提醒", () => {
  test("one text per 责任科室 with something late, each copied on its own", async () => {
    const clipboard = installClipboard();
    await setup();
    const section = reminderSection();
    expect(reminders()).toEqual([
      "社会事务办(卫计)",
      "街道总工会",
      "环卫办",
      "教育办",
      "沙塘社区",
      "社会事务办",
      "文体服务中心",
    ]);
    expect(reminderText("社会事务办(卫计)")).toMatch(
      /^社会事务办\(卫计\)：你单位牵头的“拓展婴幼儿照护服务普惠项目”第一季度节点.*请于6月22日前书面报送进展及原因。$/u,
    );
    expect(within(section).getByText("默认为下一个报送日 2023-06-22。")).toBeInTheDocument();
    await click(within(section).getByRole("button", { name: "复制给街道总工会的提醒" }));
    expect(clipboard.texts).toEqual([reminderText("街道总工会")]);
    const card = document.querySelector('li[data-reminder="街道总工会"]') as HTMLElement;
    expect(within(card).getByRole("status")).toHaveTextContent("已复制。");
  });

  test("goes to leaders on request; the choice and a reply date are remembered and used by the 通报 too", async () => {
    const port = await setup(new RecordingPort(), { canDownload: false });
    const section = reminderSection();
    fireEvent.change(within(section).getByRole("combobox", { name: "发给" }), {
      target: { value: "leader" },
    });
    await settle();
    expect(reminders()).toContain("张绍萍");
    expect(reminderText("张绍萍")).toMatch(/^张绍萍同志：你分管的/u);
    fireEvent.change(within(section).getByLabelText("报送期限"), { target: { value: "2023年6月30日" } });
    await settle();
    expect(reminderText("张绍萍")).toContain("请督促责任科室于6月30日前书面报送");
    expect(port.savedSettings.at(-1)).toMatchObject({ remindBy: "leader", replyBy: "2023-06-30" });
    await click(button("生成通报"));
    expect(port.reportRequests.at(-1)).toEqual({ groupBy: "leader", replyBy: "2023-06-30" });

    // A date on or before the check is refused and the texts keep the date in use.
    fireEvent.change(within(section).getByLabelText("报送期限"), { target: { value: "2023-06-01" } });
    await settle();
    expect(within(section).getByText("请填写检查日期之后的日期，例如 2023-06-30。")).toBeInTheDocument();
    expect(reminderText("张绍萍")).toContain("6月30日前");
  });

  test("starts from the remembered grouping and reply date; a date already past gives way to the next report day", async () => {
    const port = new RecordingPort();
    port.settings = { remindBy: "leader", replyBy: "2023-06-28" };
    await setup(port);
    expect(reminderText("张绍萍")).toContain("6月28日前");

    cleanup();
    const later = new RecordingPort();
    later.settings = { replyBy: "2023-05-30" };
    await setup(later);
    expect(reminderText("街道总工会")).toContain("6月22日前");
  });

  test("where the clipboard is refused, selects the text for Ctrl+C", async () => {
    installClipboard(true);
    await setup();
    await click(within(reminderSection()).getByRole("button", { name: "复制给环卫办的提醒" }));
    expect(window.getSelection()?.toString()).toBe(reminderText("环卫办"));
    const card = document.querySelector('li[data-reminder="环卫办"]') as HTMLElement;
    expect(within(card).getByRole("status")).toHaveTextContent("提醒已选中，请按 Ctrl+C 复制");
  });

  test("tells the monthly states where the table has progress columns: behind and unreported", async () => {
    const clipboard = installClipboard();
    const monthly = withProgress(XINTANG, {
      拓展婴幼儿照护服务普惠项目: { state: "notReported" },
      "新塘街道“爱在心淌”公益慈善基金会": { state: "behind", reason: "完成 25%，低于序时进度 46.6%" },
    });
    await setup(new RecordingPort(), {}, [monthly]);
    const behind = reminders().find((r) =>
      reminderText(r).includes("进展滞后（完成 25%，低于序时进度 46.6%）"),
    );
    expect(behind).toBeDefined();
    expect(reminderText("社会事务办(卫计)")).toContain("5月进展未报送");
    const card = document.querySelector('li[data-reminder="社会事务办(卫计)"] h3') as HTMLElement;
    expect(card).toHaveTextContent("逾期 3 · 未报送 1");

    await click(button("复制逾期清单"));
    const text = await blobText(clipboard.items[0]?.["text/plain"] as Blob);
    expect(text).toContain("进展滞后：完成 25%，低于序时进度 46.6%");
  });

  test("in an English Office the pane speaks English and the texts stay as they are sent", async () => {
    installClipboard();
    await setup(new RecordingPort(), { lang: "en" });
    const section = reminderSection("Reminders");
    expect(
      within(section).getByText("The reminders are written in Chinese, as they are sent."),
    ).toBeInTheDocument();
    expect(
      within(section).getByRole("button", { name: "Copy the reminder to 街道总工会" }),
    ).toBeInTheDocument();
    expect(reminderText("街道总工会")).toMatch(/^街道总工会：你单位牵头的/u);
    await click(button("Copy overdue list"));
    expect(outcome()).toHaveTextContent("The overdue and behind list");
    expect(button("Write notice (.docx)")).toBeInTheDocument();
  });
});
