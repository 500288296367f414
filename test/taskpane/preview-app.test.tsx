/**
 * @jest-environment jsdom
 */
import "@testing-library/jest-dom";
import "./dom-shims";
import { act, fireEvent, render, screen, within } from "@testing-library/react";
import { parsePreviewData, type PreviewWorkbook } from "../../src/preview/data";
import { GridView, displayValue } from "../../src/preview/GridView";
import { PreviewApp } from "../../src/preview/PreviewApp";
import { renderPane } from "./render";
import samples from "../../src/preview/samples.json";

// Nothing here waits for time to pass (see `settle`); this only stops a hung test. A test renders the whole
// pane in jsdom several times: ~1 s on a quiet machine, up to ~18 s seen with two cores shared by a dozen
// busy processes, so the default 30 s bound was too tight for a loaded machine.
jest.setTimeout(180_000);

/** Every promise the page started has run once a macrotask passes (see App.test.tsx). */
async function settle(): Promise<void> {
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

function workbooks(): PreviewWorkbook[] {
  const data = parsePreviewData(samples);
  if (!data.ok) throw new Error(data.message);
  return data.workbooks;
}

describe("preview page", () => {
  test("draws the sample as a sheet, marks it on a check, jumps to cells and switches samples and language", async () => {
    renderPane(<PreviewApp workbooks={workbooks()} initialFile="xintang-2023.xlsx" lang="zh" />);
    await settle();
    const grid = screen.getByRole("table", { name: "责任分解表" });
    expect(within(grid).getByRole("columnheader", { name: "D" })).toBeInTheDocument();
    expect(within(grid).getByText("新塘街道 2023 年度为民办实事项目责任分解表")).toBeInTheDocument();
    expect(document.querySelectorAll("td[data-mark]")).toHaveLength(0);

    fireEvent.change(screen.getByLabelText("检查日期"), { target: { value: "2023-06-20" } });
    fireEvent.click(screen.getByRole("button", { name: "检查进度" }));
    await settle();
    const marked = document.querySelectorAll<HTMLElement>("td[data-mark]");
    expect(marked.length).toBeGreaterThan(10);
    expect([...marked].some((td) => td.dataset.mark === "dueSoon")).toBe(true);

    const alert = document.querySelector<HTMLButtonElement>("button[data-milestone]")!;
    const cell = /[A-Z]+\d+$/.exec(alert.textContent ?? "")![0];
    fireEvent.click(alert);
    await settle();
    expect(document.querySelector(`td[data-address="${cell}"]`)).toHaveAttribute("data-selected");

    fireEvent.change(screen.getByLabelText("界面语言"), { target: { value: "en" } });
    expect(screen.getByRole("button", { name: "Check progress" })).toBeInTheDocument();
    // The check's result stays: only the language changed.
    expect(screen.getByRole("heading", { name: "Overdue and due-soon projects" })).toBeInTheDocument();

    fireEvent.change(screen.getByLabelText("Sample workbook"), { target: { value: "zimao-2022.xlsx" } });
    expect(screen.getByText("紫帽镇 2022 年为民办实事项目责任分解表")).toBeInTheDocument();
    expect(document.querySelectorAll("td[data-mark]")).toHaveLength(0);
  });

  test("remembers each sample's pane settings, and tries the pane at 320, 400 and 500 px", async () => {
    const stores = new Map<string, string>();
    const settingsStore = (file: string) => ({
      read: () => stores.get(file) ?? null,
      write: (text: string) => void stores.set(file, text),
    });
    renderPane(
      <PreviewApp
        workbooks={workbooks()}
        initialFile="xintang-2023.xlsx"
        lang="zh"
        settingsStore={settingsStore}
      />,
    );
    await settle();
    fireEvent.click(screen.getByRole("button", { name: "上月末" }));
    fireEvent.change(screen.getByLabelText("临期天数"), { target: { value: "30" } });
    fireEvent.click(screen.getByRole("button", { name: "检查进度" }));
    await settle();
    expect(JSON.parse(stores.get("xintang-2023.xlsx") ?? "{}")).toMatchObject({
      dueSoonDays: 30,
      dateMode: "lastMonthEnd",
    });

    // Another sample starts from its own (no) settings; coming back brings xintang's again.
    fireEvent.change(screen.getByLabelText("样例工作簿"), { target: { value: "zimao-2022.xlsx" } });
    await settle();
    expect(screen.getByLabelText("临期天数")).toHaveValue("15");
    fireEvent.change(screen.getByLabelText("样例工作簿"), { target: { value: "xintang-2023.xlsx" } });
    await settle();
    expect(screen.getByLabelText("临期天数")).toHaveValue("30");
    expect(screen.getByRole("button", { name: "上月末" })).toHaveAttribute("aria-pressed", "true");

    const pane = screen.getByRole("complementary", { name: "任务窗格" });
    expect(pane).toHaveStyle({ width: "320px" });
    fireEvent.change(screen.getByLabelText("窗格宽度"), { target: { value: "500" } });
    expect(pane).toHaveStyle({ width: "500px" });
  });

  test("shows date cells as dates and numbers as typed", () => {
    expect(displayValue(45107, "yyyy-mm-dd")).toBe("2023-06-30");
    expect(displayValue(45107, "General")).toBe("45107");
    expect(displayValue(32.28)).toBe("32.28");
    expect(displayValue(true)).toBe("TRUE");
    expect(displayValue(null)).toBe("");
  });

  test("draws merged areas once and selects a merged cell through its top-left cell", () => {
    render(
      <GridView
        grid={{
          sheet: "S",
          origin: { row: 1, col: 1 },
          values: [
            ["标题", "", ""],
            ["序号", "项目名称", "进度"],
          ],
          merges: [{ row: 0, col: 0, rowCount: 1, colCount: 3 }],
        }}
        marks={new Map([["C3", { kind: "overdue", reason: "有逾期节点" }]])}
        dropDowns={undefined}
        links={undefined}
        selected="D2"
        selectionCount={1}
        onSetCell={() => undefined}
        onFollowLink={() => undefined}
      />,
    );
    const title = document.querySelector('td[data-address="B2"]')!;
    expect(title).toHaveAttribute("colspan", "3");
    expect(title).toHaveAttribute("data-selected", "true");
    expect(document.querySelector('td[data-address="D2"]')).toBeNull();
    expect(screen.getByRole("rowheader", { name: "3" })).toBeInTheDocument();
    expect(document.querySelector('td[data-address="C3"]')).toHaveStyle({ backgroundColor: "#FFC7CE" });
  });
});
