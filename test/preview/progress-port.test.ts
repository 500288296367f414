import { join } from "node:path";
import { readFileSync } from "node:fs";
import { readWorkbook } from "../../src/core/xlsx";
import { parsePreviewData, type PreviewWorkbook } from "../../src/preview/data";
import { PreviewPort, valueAt } from "../../src/preview/PreviewPort";
import samples from "../../src/preview/samples.json";

/** The preview over the monthly sample: the same marks, snapshots and 添加本月进展列 as in Excel. */

const FILE = "monthly-2023.xlsx";

function workbook(): PreviewWorkbook {
  const data = parsePreviewData(samples);
  if (!data.ok) throw new Error(data.message);
  const found = data.workbooks.find((w) => w.file === FILE);
  if (!found) throw new Error(`no sample ${FILE}`);
  return found;
}

it("the preview offers the monthly sample as the .xlsx reader gives it (rerun npm run build:preview-data)", async () => {
  const grids = readWorkbook(readFileSync(join(__dirname, "../../samples", FILE)));
  expect(workbook().sheets.map((s) => s.grid)).toEqual(JSON.parse(JSON.stringify(grids)));
  // The page's default sample stays the first one the samples script builds.
  const data = parsePreviewData(samples);
  expect(data.ok && data.workbooks[0]?.file).toBe("xintang-2023.xlsx");
});

describe("PreviewPort and the monthly cycle", () => {
  it("draws 未报送 and 滞后 marks on the current report cells, with their reasons", async () => {
    const port = new PreviewPort(workbook().sheets);
    const out = await port.checkActiveSheet({ asOf: "2023-06-26" });
    if (!out.ok) throw new Error(out.message);
    const marks = port.getState().marks.get("推进情况表");
    const progress = out.value.tables[0]?.projects.flatMap((p) => (p.progress ? [p.progress] : [])) ?? [];
    for (const p of progress) {
      const mark = marks?.get(p.cell ?? "");
      if (p.state === "notReported" || p.state === "behind")
        expect(mark).toEqual({ kind: p.state, reason: p.reason });
      else if (p.cell) expect(mark).toBeUndefined();
    }
    expect(marks?.get("M6")).toEqual({ kind: "notReported", reason: "6 月进展未填写" });
  });

  it("keeps each check's snapshot in memory and says what changed since an earlier day", async () => {
    const port = new PreviewPort(workbook().sheets);
    const first = await port.checkActiveSheet({ asOf: "2023-05-26" });
    expect(first.ok && first.value.since).toBeUndefined();
    port.setCell("推进情况表", "M6", "已完成");
    const second = await port.checkActiveSheet({ asOf: "2023-06-26" });
    if (!second.ok) throw new Error(second.message);
    expect(second.value.since?.since).toBe("2023-05-26");
    expect(second.value.since?.newlyDone.map((p) => p.index)).toEqual(["3"]);
  });

  it("添加本月进展列 writes the header beside the table, as wide as the last progress column", async () => {
    const port = new PreviewPort(workbook().sheets);
    const out = await port.checkActiveSheet({ asOf: "2023-06-26" });
    if (!out.ok) throw new Error(out.message);
    const table = out.value.tables[0];
    if (!table) throw new Error("no table");
    expect(await port.addProgressColumn(table, "2023-06-26")).toEqual({
      ok: true,
      value: { sheet: "推进情况表", cell: "N3", header: "7月进展情况", period: "2023-07" },
    });
    const sheet = port.getState().sheets.find((s) => s.grid.sheet === "推进情况表");
    if (!sheet) throw new Error("no sheet");
    expect(valueAt(sheet.grid, 2, 13)).toBe("7月进展情况");
    expect(sheet.columnWidths?.[13]).toBe(sheet.columnWidths?.[12]);
    const again = await port.checkActiveSheet({ asOf: "2023-07-25" });
    if (!again.ok) throw new Error(again.message);
    expect(again.value.tables[0]?.progress?.columns.map((c) => c.period)).toEqual([
      "2023-04",
      "2023-05",
      "2023-06",
      "2023-07",
    ]);
    // A second time: July is there already.
    const table2 = again.value.tables[0];
    if (!table2) throw new Error("no table");
    expect(await port.addProgressColumn(table2, "2023-06-26")).toMatchObject({ ok: false, cell: "N3" });
  });

  it("refuses, naming the cell, when the column beside the table is taken", async () => {
    const port = new PreviewPort(workbook().sheets);
    const out = await port.checkActiveSheet({ asOf: "2023-06-26" });
    if (!out.ok) throw new Error(out.message);
    port.setCell("推进情况表", "N9", "备注");
    const table = out.value.tables[0];
    if (!table) throw new Error("no table");
    expect(await port.addProgressColumn(table, "2023-06-26")).toMatchObject({
      ok: false,
      cell: "N9",
      sheet: "推进情况表",
    });
  });
});
