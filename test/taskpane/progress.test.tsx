/**
 * @jest-environment jsdom
 */
import "@testing-library/jest-dom";
import "./dom-shims";
import { act, fireEvent, screen, within } from "@testing-library/react";
import { MARK_FILL, MARK_OUTLINE } from "../../src/core/marks";
import type { CheckedSheet } from "../../src/core/port";
import type { Changes } from "../../src/core/since";
import type { ProgressState, Project, TableResult } from "../../src/core/types";
import { App } from "../../src/taskpane/App";
import { RecordingPort, sampleResult, sampleTable } from "./fixtures";
import { renderPane as render } from "./render";

// Nothing here waits on a clock (see `settle` in App.test.tsx); this only stops a hung test on a loaded machine.
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

function hexToRgb(hex: string): string {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgb(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255})`;
}

function progressOf(state: ProgressState, cell: string | null, reason: string): Project["progress"] {
  return { state, period: "2023-06", text: null, percent: null, cell, reason, reasonEn: `en: ${reason}` };
}

/** The sample table with a 6月进展情况 column (K): one project in each state but 按序时, two 未报送. */
function monthlyTable(): TableResult {
  const base = sampleTable();
  const states: Array<Project["progress"]> = [
    progressOf("notReported", "K5", "6 月进展未填写"),
    progressOf("behind", "K6", "完成 25%，低于序时进度 48.5%"),
    progressOf("done", "K7", "6 月进展写明已完成"),
    progressOf("notReported", "K8", "6 月进展未填写"),
  ];
  const people = ["高平林", "柯金龙", "沈子龙", null];
  const projects = base.projects.map((p, i) => ({
    ...p,
    person: people[i] ?? null,
    progress: states[i] ?? null,
  }));
  return {
    ...base,
    projects,
    progress: {
      reportDay: 22,
      expectedPeriod: "2023-06",
      expectedPercent: 48.5,
      columns: [
        { column: "K", period: "2023-06", header: "6月进展情况", headerCell: "K4", percentColumn: null },
      ],
      counts: { done: 1, notReported: 2, notStarted: 0, behind: 1, onSchedule: 0 },
    },
  };
}

function monthlyResult(since?: Changes): CheckedSheet {
  return { ...sampleResult([monthlyTable()]), asOf: "2023-06-26", ...(since ? { since } : {}) };
}

async function setup(port: RecordingPort): Promise<RecordingPort> {
  render(<App port={port} lang="zh" today={new Date(2023, 5, 26)} />);
  await settle();
  return port;
}

function monthlyPort(result: CheckedSheet = monthlyResult()): RecordingPort {
  const port = new RecordingPort();
  port.checkAnswer = async () => ({ ok: true, value: result });
  return port;
}

async function check(): Promise<void> {
  await click(screen.getByRole("button", { name: "检查进度" }));
}

function section(name: string | RegExp): HTMLElement {
  return screen.getByRole("region", { name });
}

function progressTile(state: ProgressState): HTMLElement {
  const tiles = within(section("月度进展")).getByRole("group", { name: "按月度进展筛选项目" });
  const found = tiles.querySelector<HTMLElement>(`button[data-tile="${state}"]`);
  if (!found) throw new Error(`no progress tile ${state}`);
  return found;
}

function cards(): string[] {
  return [...document.querySelectorAll("li[data-project-status] :is(h3, h4)")].map(
    (h) => h.textContent ?? "",
  );
}

function outcome(): HTMLElement {
  return within(screen.getByRole("region", { name: "操作" })).getByRole("status");
}

describe("月度进展 in the task pane", () => {
  test("says 序时进度 as a sentence, counts the five states, and lists who has not reported and who is behind", async () => {
    const port = await setup(monthlyPort());
    await check();
    const panel = section("月度进展");
    expect(within(panel).getByText("截至 6 月 26 日，时间进度 48.5%")).toBeInTheDocument();
    expect(within(panel).getByText("应报送 6 月进展（每月 22 日前报送）")).toBeInTheDocument();
    expect(
      (["done", "notReported", "notStarted", "behind", "onSchedule"] as const).map(
        (s) => progressTile(s).textContent,
      ),
    ).toEqual(["已完成 1 个项目", "未报送 2 个项目", "未启动 0 个项目", "滞后 1 个项目", "按序时 0 个项目"]);

    // 未报送 by 责任科室, each with its 信息员; a department left empty is said so, never guessed.
    expect(within(panel).getByRole("heading", { name: "未报送（2）" })).toBeInTheDocument();
    const union = within(panel).getByRole("list", { name: "街道总工会" });
    expect(within(union).getByRole("button")).toHaveTextContent("开展职工医疗互助");
    expect(within(union).getByRole("button")).toHaveTextContent("信息员 高平林 · 6 月进展未填写");
    const none = within(panel).getByRole("list", { name: "（未填写科室）" });
    expect(within(none).getByRole("button")).toHaveTextContent("紫帽山植树绿化");
    expect(within(none).getByRole("button")).toHaveTextContent("未填写信息员");

    // 滞后 with the reason; the row jumps to the cell that decided it.
    const behind = within(panel).getByRole("list", { name: "滞后" });
    const row = within(behind).getByRole("button");
    expect(row).toHaveTextContent("实施送温暖工程");
    expect(row).toHaveTextContent("完成 25%，低于序时进度 48.5%");
    await click(row);
    expect(port.selected).toEqual([["责任分解表", "K6"]]);
  });

  test("a progress tile filters the project list, and a status tile takes over from it", async () => {
    await setup(monthlyPort());
    await check();
    await click(progressTile("notReported"));
    expect(progressTile("notReported")).toHaveAttribute("aria-pressed", "true");
    expect(screen.getByRole("heading", { name: "未报送的项目" })).toBeInTheDocument();
    expect(cards().sort()).toEqual(["开展职工医疗互助", "紫帽山植树绿化"].sort());

    await click(progressTile("onSchedule"));
    expect(screen.getByText("没有按序时的项目。")).toBeInTheDocument();

    // A status tile: the progress tile is released, the list follows the status.
    const unscheduled = document.querySelector<HTMLElement>(
      '[aria-label="按状态筛选项目"] button[data-tile="unscheduled"]',
    );
    if (!unscheduled) throw new Error("no status tile");
    await click(unscheduled);
    expect(progressTile("onSchedule")).toHaveAttribute("aria-pressed", "false");
    expect(cards()).toEqual(["实施四帮四扶工程"]);

    // 改回看逾期与临期 releases every tile.
    await click(progressTile("behind"));
    await click(screen.getByRole("button", { name: "改回看逾期与临期" }));
    expect(progressTile("behind")).toHaveAttribute("aria-pressed", "false");
    expect(screen.getByRole("heading", { name: "逾期与临期的项目" })).toBeInTheDocument();
  });

  test("the legend names the 未报送 and 滞后 marks in the marks' own fills and outlines", async () => {
    await setup(monthlyPort());
    // Before any check, the guide shows them beside the other marks.
    const guide = screen.getByRole("region", { name: "使用说明" });
    expect(within(guide).getByText("未报送（虚线框）").style.border).toContain("dashed");
    expect(within(guide).getByText("滞后（实线框）").style.border).toContain("solid");
    await check();
    for (const kind of ["notReported", "behind"] as const) {
      const swatch = document.querySelector<HTMLElement>(`[data-mark-legend="${kind}"]`);
      const outline = MARK_OUTLINE[kind];
      if (!swatch || !outline) throw new Error(`no legend for ${kind}`);
      expect(swatch.style.backgroundColor).toBe(hexToRgb(MARK_FILL[kind]));
      expect(swatch.style.border).toBe(`2px ${outline.style} ${outline.color.toLowerCase()}`);
    }
    expect(document.querySelector('[data-mark-legend="notReported"]')).toHaveTextContent("未报送（虚线框）");
    expect(document.querySelector('[data-mark-legend="behind"]')).toHaveTextContent("滞后（实线框）");
    expect(progressTile("notReported").style.border).toContain("dashed");
    expect(progressTile("behind").style.border).toContain("solid");
  });

  test("is absent when the table has no progress columns, and so is the comparison without an earlier check", async () => {
    await setup(new RecordingPort());
    await check();
    expect(screen.queryByRole("region", { name: "月度进展" })).toBeNull();
    expect(screen.queryByRole("region", { name: /与上次检查/ })).toBeNull();
    expect(document.querySelector("[data-mark-legend]")).toBeNull();
  });

  test("与上次检查（日期）相比 lists what changed, each row going to its cell", async () => {
    const since: Changes = {
      since: "2023-05-26",
      newlyOverdue: [
        {
          sheet: "责任分解表",
          index: "4",
          name: "紫帽山植树绿化",
          row: 8,
          period: "4至5月",
          due: "2023-05-31",
          cell: "D8",
        },
      ],
      newlyDone: [{ sheet: "责任分解表", index: "3", name: "实施四帮四扶工程", row: 7 }],
      progressChanged: [
        { sheet: "责任分解表", index: "2", name: "实施送温暖工程", row: 6, from: "onSchedule", to: "behind" },
      ],
      added: [],
      removed: [{ sheet: "责任分解表", index: "9", name: "旧项目", row: 12 }],
    };
    const port = await setup(monthlyPort(monthlyResult(since)));
    await check();
    const panel = section("与上次检查（2023-05-26）相比");
    expect(within(panel).getByRole("heading", { name: "新逾期（1）" })).toBeInTheDocument();
    expect(within(panel).queryByRole("heading", { name: /新增项目/ })).toBeNull();
    const changed = within(within(panel).getByRole("list", { name: "进展变化" })).getByRole("button");
    expect(changed).toHaveTextContent("实施送温暖工程：按序时 → 滞后");
    await click(changed);
    await click(within(within(panel).getByRole("list", { name: "新逾期" })).getByRole("button"));
    expect(port.selected).toEqual([
      ["责任分解表", "B6"],
      ["责任分解表", "D8"],
    ]);
    // A removed project is no longer on the sheet: named, with nothing to go to.
    const removed = within(panel).getByRole("list", { name: "移除项目" });
    expect(removed).toHaveTextContent("旧项目");
    expect(within(removed).queryByRole("button")).toBeNull();
  });

  test("an earlier check with nothing changed says so", async () => {
    const since: Changes = {
      since: "2023-05-26",
      newlyOverdue: [],
      newlyDone: [],
      progressChanged: [],
      added: [],
      removed: [],
    };
    await setup(monthlyPort(monthlyResult(since)));
    await check();
    expect(within(section(/与上次检查/)).getByText("与上次检查相比没有变化。")).toBeInTheDocument();
  });
});

describe("报送日 and 滞后容差", () => {
  test("go with the check and are remembered in the workbook", async () => {
    const port = await setup(monthlyPort());
    fireEvent.change(screen.getByLabelText("报送日"), { target: { value: "20" } });
    fireEvent.change(screen.getByLabelText("滞后容差"), { target: { value: "5" } });
    await check();
    expect(port.checks).toEqual([{ asOf: "2023-06-26", dueSoonDays: 15, reportDay: 20, behindTolerance: 5 }]);
    expect(port.savedSettings.at(-1)).toMatchObject({ reportDay: 20, behindTolerance: 5 });
    expect(screen.getByText("每月 20 日前报送进展，低于序时进度 5 个百分点以上算滞后")).toBeInTheDocument();
  });

  test("open as the workbook remembers them", async () => {
    const port = monthlyPort();
    port.settings = { reportDay: 25, behindTolerance: 15 };
    await setup(port);
    expect(screen.getByLabelText("报送日")).toHaveValue("25");
    expect(screen.getByLabelText("滞后容差")).toHaveValue("15");
    await check();
    expect(port.checks[0]).toMatchObject({ reportDay: 25, behindTolerance: 15 });
  });

  test("a bad value is said on its field in Chinese, the cursor put there, and nothing is checked", async () => {
    const port = await setup(monthlyPort());
    const day = screen.getByLabelText("报送日");
    fireEvent.change(day, { target: { value: "29" } });
    await check();
    expect(port.checks).toEqual([]);
    expect(screen.getByText("请填写 1–28 的整数（每月几号前报送）")).toBeInTheDocument();
    expect(day).toHaveFocus();

    fireEvent.change(day, { target: { value: "22" } });
    const tolerance = screen.getByLabelText("滞后容差");
    fireEvent.change(tolerance, { target: { value: "" } });
    await check();
    expect(port.checks).toEqual([]);
    expect(screen.queryByText("请填写 1–28 的整数（每月几号前报送）")).toBeNull();
    expect(screen.getByText("请填写 0–100 的百分点数")).toBeInTheDocument();
    expect(tolerance).toHaveFocus();

    fireEvent.change(tolerance, { target: { value: "7.5" } });
    await check();
    expect(port.checks).toEqual([
      { asOf: "2023-06-26", dueSoonDays: 15, reportDay: 22, behindTolerance: 7.5 },
    ]);
  });
});

describe("添加本月进展列", () => {
  test("waits for a check, then says which header it wrote and where, with a link to the cell", async () => {
    const port = await setup(monthlyPort());
    const button = screen.getByRole("button", { name: "添加本月进展列" });
    expect(button).toHaveAttribute("title", "请先检查进度。");
    await click(button);
    expect(port.progressColumns).toEqual([]);

    await check();
    await click(screen.getByRole("button", { name: "添加本月进展列" }));
    expect(port.progressColumns.map(([table, asOf]) => [table.sheet, asOf])).toEqual([
      ["责任分解表", "2023-06-26"],
    ]);
    expect(outcome()).toHaveTextContent(
      "已在单元格 K3 添加“7月进展情况”列。信息员填写后，再检查一次即可读入。",
    );
    await click(within(outcome()).getByRole("button", { name: "定位到单元格 K3" }));
    expect(port.selected).toEqual([["责任分解表", "K3"]]);
  });

  test("a refusal is said politely beside the button, naming the cell in the way", async () => {
    const port = await setup(monthlyPort());
    port.progressColumnAnswer = async () => ({
      ok: false,
      message: "表中已有 7 月的进展列（L4），本月进展列无需再添加",
      messageEn: "The table already has a progress column for July (L4); nothing to add",
      cell: "L4",
      sheet: "责任分解表",
    });
    await check();
    await click(screen.getByRole("button", { name: "添加本月进展列" }));
    expect(outcome()).toHaveTextContent("表中已有 7 月的进展列（L4），本月进展列无需再添加");
    await click(within(outcome()).getByRole("button", { name: "定位到单元格 L4" }));
    expect(port.selected).toEqual([["责任分解表", "L4"]]);
  });
});

test("the English pane words the sentence, the due month and the lists", async () => {
  render(<App port={monthlyPort()} lang="en" today={new Date(2023, 5, 26)} />);
  await settle();
  await click(screen.getByRole("button", { name: "Check progress" }));
  const panel = screen.getByRole("region", { name: "Monthly progress" });
  expect(within(panel).getByText("As of June 26, 48.5% of the year has passed")).toBeInTheDocument();
  expect(within(panel).getByText("Reports due for June (by day 22 of each month)")).toBeInTheDocument();
  expect(within(panel).getByRole("heading", { name: "Not reported (2)" })).toBeInTheDocument();
  expect(within(panel).getByText(/reporter 高平林 · en: 6 月进展未填写/)).toBeInTheDocument();
});
