import { runCheckProgress } from "../../src/commands/run";
import { checkSheet } from "../../src/core/check";
import { resolveOptions } from "../../src/core/options";
import { createExcelPort } from "../../src/excel";
import { MockWorkbook } from "../support/mock-workbook";
import { seedGrid } from "../support/seed-grid";

describe("检查进度 on an output sheet (Excel port over office-addin-mock)", () => {
  it("reports the core's message with a link back to the checked sheet, and marks nothing", async () => {
    const grid = seedGrid("xintang-2023", { sheet: "责任分解表" });
    const wb = new MockWorkbook([{ grid }]);
    const port = createExcelPort({ run: wb.run, today: () => new Date(2023, 5, 20) });
    const options = resolveOptions({ asOf: "2023-06-20" });
    if (!options.ok) throw new Error(options.message);
    const written = await port.writeReportSheet(
      checkSheet(grid, options.options),
      { groupBy: "department" },
      false,
    );
    if (!written.ok) throw new Error("no 通报 sheet");
    const output = written.value;
    expect(wb.active).toBe(output);

    const report = await runCheckProgress({
      port: () => port,
      showPane: async () => undefined,
      isSetSupported: () => true,
      now: () => new Date(2023, 5, 20, 9, 30),
    });
    expect(report.outcome).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^这是检查结果表，请切换到责任分解表“责任分解表”/),
      sheet: "责任分解表",
      cell: "A1",
    });
    expect(wb.sheet(output)?.conditionalFormats).toEqual([]);
  });
});
