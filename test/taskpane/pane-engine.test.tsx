/**
 * @jest-environment jsdom
 */
import "@testing-library/jest-dom";
import "./dom-shims";
import { act, fireEvent, screen, within } from "@testing-library/react";
import { parsePreviewData } from "../../src/preview/data";
import { PreviewPort } from "../../src/preview/PreviewPort";
import samples from "../../src/preview/samples.json";
import { App } from "../../src/taskpane/App";
import { renderPane } from "./render";

// Nothing here waits for time to pass (see `settle`); this only stops a hung test. A test renders the whole
// pane in jsdom several times: ~1 s on a quiet machine, up to ~18 s seen with two cores shared by a dozen
// busy processes, so the default 30 s bound was too tight for a loaded machine.
jest.setTimeout(180_000);

function port(file: string): PreviewPort {
  const data = parsePreviewData(samples);
  if (!data.ok) throw new Error(data.message);
  const workbook = data.workbooks.find((w) => w.file === file);
  if (!workbook) throw new Error(`no sample ${file}`);
  return new PreviewPort(workbook.sheets);
}

/** Every promise the pane started has run once a macrotask passes (see App.test.tsx). */
async function settle(): Promise<void> {
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

async function check(date: string) {
  fireEvent.change(screen.getByLabelText("检查日期"), { target: { value: date } });
  fireEvent.click(screen.getByRole("button", { name: "检查进度" }));
  await settle();
}

function count(status: string): string | null {
  return document.querySelector(`button[data-tile="${status}"]`)?.textContent ?? null;
}

describe("the pane on the real engine (preview port)", () => {
  test("xintang at 2023-06-20: 10 overdue, 1 due soon, 1 unscheduled; totals as the seed expects", async () => {
    renderPane(<App port={port("xintang-2023.xlsx")} lang="zh" />);
    await settle();
    await check("2023-06-20");
    expect(count("overdue")).toBe("逾期 10 个项目");
    expect(count("dueSoon")).toBe("临期 1 个项目");
    expect(count("onTrack")).toBe("正常 0 个项目");
    expect(count("unscheduled")).toBe("未排期 1 个项目");
    expect(screen.getByText("18,158.28 万元")).toBeInTheDocument();
    expect(screen.getByText("55,358.28 万元")).toBeInTheDocument();
    expect(screen.getByText("32.8%")).toBeInTheDocument();
    expect(screen.getByText(/实施“四帮四扶”工程：进度安排中没有季度、月份或日期/)).toBeInTheDocument();
    // 曾运筹's group counts his three projects, all overdue — as many as the cards under it.
    const group = screen.getByRole("list", { name: "曾运筹" });
    expect(within(group).getAllByRole("heading")).toHaveLength(3);
    expect(screen.getByRole("button", { name: /^曾运筹/ })).toHaveTextContent("3 个项目（逾期 3）");
    // 和丰路“白改黑”: one card listing what is late, with what is to be done.
    const list = screen.getByRole("region", { name: "逾期与临期的项目" });
    expect(within(list).getAllByText(/完成预算编制及复核/)).toHaveLength(1);
    // Project 10's department cell is empty: it is grouped under "not filled in", never guessed.
    fireEvent.change(screen.getByLabelText("分组"), { target: { value: "department" } });
    await settle();
    expect(
      within(screen.getByRole("list", { name: "（未填写科室）" })).getByText(/爱在心淌/),
    ).toBeInTheDocument();
  });

  test("zimao has no investment columns: totals are not available, not zero", async () => {
    renderPane(<App port={port("zimao-2022.xlsx")} lang="zh" />);
    await settle();
    await check("2022-01-20");
    expect(count("dueSoon")).toBe("临期 1 个项目");
    expect(count("onTrack")).toBe("正常 9 个项目");
    expect(screen.getByText("本表没有投资列，投资合计不适用。")).toBeInTheDocument();
    // 许文理 and 曾智伟 share project 4's leader cell: both get a group once something is due.
    await check("2022-07-01");
    expect(count("overdue")).toBe("逾期 10 个项目");
    expect(screen.getByRole("list", { name: "许文理" })).toBeInTheDocument();
    expect(
      within(screen.getByRole("list", { name: "曾智伟" })).getByRole("heading", { name: "紫湖郊野公园建设" }),
    ).toBeInTheDocument();
  });

  test("monthly at 2023-06-26: 月度进展 as the CLI counts it; 添加本月进展列 is read by the next check", async () => {
    renderPane(<App port={port("monthly-2023.xlsx")} lang="zh" />);
    await settle();
    await check("2023-06-26");
    const panel = screen.getByRole("region", { name: "月度进展" });
    expect(within(panel).getByText("截至 6 月 26 日，时间进度 48.5%")).toBeInTheDocument();
    const group = within(panel).getByRole("group", { name: "按月度进展筛选项目" });
    expect([...group.querySelectorAll("button[data-tile]")].map((tile) => tile.textContent)).toEqual([
      "已完成 1 个项目",
      "未报送 3 个项目",
      "未启动 1 个项目",
      "滞后 3 个项目",
      "按序时 4 个项目",
    ]);
    const social = within(panel).getByRole("list", { name: "社会事务办" });
    expect(within(social).getByRole("button")).toHaveTextContent(/实施“四帮四扶”工程.*信息员 高平林/);

    fireEvent.click(screen.getByRole("button", { name: "添加本月进展列" }));
    await settle();
    const added = /已在单元格 ([A-Z]+)\d+ 添加“7月进展情况”列/.exec(
      document.querySelector('[data-action="progressColumn"]')?.textContent ?? "",
    );
    expect(added).not.toBeNull();
    const column = added?.[1] as string;

    // A month on, July's report is due: every 未报送 row points into the column just added.
    await check("2023-07-26");
    const july = screen.getByRole("region", { name: "月度进展" });
    expect(within(july).getByText("应报送 7 月进展（每月 22 日前报送）")).toBeInTheDocument();
    const rows = [...july.querySelectorAll('li[data-progress-state="notReported"]')];
    expect(rows.length).toBeGreaterThan(3);
    for (const row of rows) expect(row.getAttribute("data-cell")).toMatch(new RegExp(`^${column}\\d+$`));
  });
});
