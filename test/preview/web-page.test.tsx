/**
 * @jest-environment jsdom
 */
import "@testing-library/jest-dom";
import "../taskpane/dom-shims";
import { act, fireEvent, screen } from "@testing-library/react";
import { checkSheet } from "../../src/core/check";
import { resolveOptions } from "../../src/core/options";
import { readWorkbook, RESULT_SHEET } from "../../src/core/xlsx";
import { parsePreviewData, type PreviewWorkbook } from "../../src/preview/data";
import { fitColumnWidths } from "../../src/preview/fit-widths";
import { markedCopyName } from "../../src/preview/opened";
import { PreviewApp } from "../../src/preview/PreviewApp";
import { readBytes } from "../../src/preview/read-file";
import samples from "../../src/preview/samples.json";
import { buildXlsx } from "../support/xlsx-build";
import { renderPane } from "../taskpane/render";

// Nothing waits for time to pass (see `settle`); this only stops a hung test on a loaded machine.
jest.setTimeout(180_000);

const AS_OF = "2023-06-20";

/** Every promise the page started has run once a few macrotasks pass (reading, checking, the pane). */
async function settle(): Promise<void> {
  for (let i = 0; i < 5; i += 1) {
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
  }
}

function workbooks(): PreviewWorkbook[] {
  const data = parsePreviewData(samples);
  if (!data.ok) throw new Error(data.message);
  return data.workbooks;
}

const HEADER = ["序号", "项目名称", "形象进度安排", "责任领导", "责任科室"];

/** A small table with one overdue, one due-soon and one later project on AS_OF, after a cover sheet. */
function workbook(): Uint8Array {
  return buildXlsx(
    [
      { name: "封面", rows: [["2023 年为民办实事"]] },
      {
        name: "项目表",
        rows: [
          ["某镇 2023 年为民办实事项目责任分解表"],
          HEADER,
          [1, "道路硬化", "5月底前完工", "甲", "城建办"],
          [2, "路灯安装", "6月30日前完成安装", "乙", "城建办"],
          [3, "公园提升", "第四季度完成建设", "甲", "社会事务办"],
        ],
      },
    ],
    { sharedStrings: true },
  );
}

/** jsdom's File has no arrayBuffer(), which the page uses in browsers: the bytes are given here. */
function file(name: string, bytes: Uint8Array): File {
  const made = new File([], name);
  Object.defineProperty(made, "arrayBuffer", { value: async () => bytes.slice().buffer });
  return made;
}

function choose(files: File[]): void {
  fireEvent.change(screen.getByLabelText("选择要检查的 .xlsx 工作簿"), { target: { files } });
}

describe("the web page", () => {
  test("opens on its drop zone with the samples offered as 示例, and says nothing leaves the machine", async () => {
    renderPane(<PreviewApp workbooks={workbooks()} lang="zh" />);
    await settle();
    expect(screen.getByRole("heading", { name: "检查自己的责任分解表" })).toBeInTheDocument();
    expect(screen.getByTestId("privacy")).toHaveTextContent("不会上传");
    expect(screen.queryByRole("complementary")).not.toBeInTheDocument();
    fireEvent.click(screen.getByRole("button", { name: "xintang-2023.xlsx" }));
    expect(screen.getByRole("table", { name: "责任分解表" })).toBeInTheDocument();
    expect(screen.getByRole("group", { name: "示例" })).toBeInTheDocument();
  });

  test("reads a chosen workbook, checks the sheet with the table at once, and downloads the marked copy", async () => {
    const saved: Array<{ name: string; bytes: Uint8Array }> = [];
    const today = new Date(2023, 5, 20);
    renderPane(
      <PreviewApp
        workbooks={workbooks()}
        lang="zh"
        today={today}
        save={(name, bytes) => saved.push({ name, bytes })}
      />,
    );
    const bytes = workbook();
    choose([file("某镇.xlsx", bytes)]);
    await settle();
    // The table's sheet is shown (the cover has none), checked on the page's date without a click.
    expect(screen.getByRole("table", { name: "项目表" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "逾期 1 个项目" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "临期 1 个项目" })).toBeInTheDocument();
    expect(document.querySelector('td[data-address="B3"]')).toHaveAttribute("data-mark", "overdue");

    fireEvent.click(screen.getByRole("button", { name: "下载标记副本" }));
    expect(saved.map((s) => s.name)).toEqual(["某镇.检查.xlsx"]);
    expect(screen.getByText(/原文件“某镇\.xlsx”未作任何改动/)).toBeInTheDocument();
    const copy = readWorkbook(saved[0]?.bytes ?? new Uint8Array());
    expect(copy.map((g) => g.sheet)).toEqual(["封面", "项目表", RESULT_SHEET]);
    // The copy holds the same check as the command line's: the results of every sheet on that date.
    const options = resolveOptions({ asOf: AS_OF });
    if (!options.ok) throw new Error(options.message);
    const project = copy.find((g) => g.sheet === "项目表");
    expect(project && checkSheet(project, options.options).tables[0]?.counts).toEqual(
      checkSheet(readWorkbook(bytes)[1]!, options.options).tables[0]?.counts,
    );
  });

  test("names each file that cannot be read, with the reader's message, and opens the good ones", async () => {
    renderPane(<PreviewApp workbooks={workbooks()} lang="zh" today={new Date(2023, 5, 20)} />);
    const legacy = new Uint8Array(1024);
    legacy.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const outcome = readBytes(legacy, "旧表.xls");
    if (outcome.ok) throw new Error("an OLE file was read");
    choose([file("旧表.xls", legacy), file("空.xlsx", new Uint8Array()), file("某镇.xlsx", workbook())]);
    await settle();
    expect(screen.getByText(`无法检查“旧表.xls”：${outcome.message}`)).toBeInTheDocument();
    expect(screen.getByText(/^无法检查“空\.xlsx”：文件是空的/)).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "逾期 1 个项目" })).toBeInTheDocument();
  });

  test("shows a file without a breakdown table, and says so naming it", async () => {
    renderPane(<PreviewApp workbooks={workbooks()} lang="zh" today={new Date(2023, 5, 20)} />);
    choose([file("通讯录.xlsx", buildXlsx([{ name: "Sheet1", rows: [["姓名", "电话"]] }]))]);
    await settle();
    expect(screen.getByText(/^“通讯录\.xlsx”中没有找到责任分解表/)).toBeInTheDocument();
    expect(screen.getByRole("table", { name: "Sheet1" })).toBeInTheDocument();
  });
});

test("a long list draws 50 cards per group at first, and 50 more at each 再显示", async () => {
  const rows = Array.from({ length: 120 }, (_, i) => [i + 1, `道路${i + 1}`, "5月底前完工", "甲", "城建办"]);
  const bytes = buildXlsx([{ name: "表", rows: [HEADER, ...rows] }]);
  renderPane(<PreviewApp workbooks={workbooks()} lang="zh" today={new Date(2023, 5, 20)} />);
  choose([file("长表.xlsx", bytes)]);
  await settle();
  expect(screen.getByRole("button", { name: "逾期 120 个项目" })).toBeInTheDocument();
  expect(document.querySelectorAll("li[data-project-status]")).toHaveLength(50);
  fireEvent.click(screen.getByRole("button", { name: "再显示 50 个（还有 70 个）" }));
  expect(document.querySelectorAll("li[data-project-status]")).toHaveLength(100);
  fireEvent.click(screen.getByRole("button", { name: "再显示 20 个（还有 20 个）" }));
  expect(document.querySelectorAll("li[data-project-status]")).toHaveLength(120);
  expect(screen.queryByRole("button", { name: /^再显示/ })).not.toBeInTheDocument();
});

test("the marked copy is named as the command line names a copy beside its original", () => {
  expect(markedCopyName("表.xlsx")).toBe("表.检查.xlsx");
  expect(markedCopyName("a.b.XLSX")).toBe("a.b.检查.XLSX");
  expect(markedCopyName("无扩展名")).toBe("无扩展名.检查.xlsx");
});

test("a sheet read from a file is drawn with columns as wide as their text, long text wrapping", () => {
  const widths = fitColumnWidths({
    sheet: "S",
    origin: { row: 0, col: 0 },
    values: [
      ["某镇 2023 年为民办实事项目责任分解表（标题跨列）", "", "", ""],
      ["序号", "项目名称", "形象进度安排", ""],
      [1, "道路", "第一季度完成设计；第二季度完成招标；第三季度开工建设；第四季度竣工验收", ""],
    ],
    merges: [{ row: 0, col: 0, rowCount: 1, colCount: 3 }],
  });
  expect(widths).toEqual([5, 9, 40, null]);
});
