#!/usr/bin/env node
/**
 * Turns the sample workbooks (samples/*.xlsx) into the grids the preview page draws and checks:
 * src/preview/samples.json, bundled by webpack as a chunk only preview.html loads.
 *
 *   npm run build:preview-data        (after npm run build:cli, which compiles the .xlsx reader to lib/)
 *
 * The grids come from the same reader the command line uses (`src/core/xlsx`), so the preview sees a
 * sheet exactly as the CLI and — by that reader's contract — Office.js would. Column widths (read with
 * ExcelJS) are added for drawing only. test/taskpane/preview-data.test.ts fails when the committed file no longer matches the samples.
 */
const fs = require("fs");
const path = require("path");
const ExcelJS = require("exceljs");
const prettier = require("prettier");

const ROOT = path.resolve(__dirname, "..");
const SAMPLES = path.join(ROOT, "samples");
const OUT = path.join(ROOT, "src", "preview", "samples.json");

function loadReader() {
  const compiled = path.join(ROOT, "lib", "core", "xlsx", "index.js");
  if (!fs.existsSync(compiled)) {
    throw new Error(
      `找不到 ${path.relative(ROOT, compiled)}，请先运行 npm run build:cli (compile the reader first)`,
    );
  }
  return require(compiled);
}

/** Excel's column width is in characters of the default font; the preview draws about 7 px each. */
function columnWidths(worksheet, count, originCol) {
  const widths = [];
  for (let i = 0; i < count; i += 1) {
    const width = worksheet.getColumn(originCol + i + 1).width;
    widths.push(typeof width === "number" ? Math.round(width * 10) / 10 : null);
  }
  return widths;
}

async function main() {
  const { readWorkbook } = loadReader();
  // In the order the samples script builds them (the first is the page's default), others after.
  const built = require("./build-samples.js").SAMPLES.map((s) => s.out);
  const rank = (name) => (built.includes(name) ? built.indexOf(name) : built.length);
  const files = fs
    .readdirSync(SAMPLES)
    .filter((name) => name.endsWith(".xlsx"))
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  if (files.length === 0) throw new Error(`samples/ 下没有 .xlsx 样例 (no sample workbooks in ${SAMPLES})`);
  const workbooks = [];
  for (const file of files) {
    const bytes = fs.readFileSync(path.join(SAMPLES, file));
    const grids = readWorkbook(bytes);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes);
    workbooks.push({
      file,
      sheets: grids.map((grid) => ({
        grid,
        columnWidths: columnWidths(
          workbook.getWorksheet(grid.sheet),
          grid.values.reduce((width, row) => Math.max(width, row.length), 0),
          grid.origin.col,
        ),
      })),
    });
  }
  const options = (await prettier.resolveConfig(OUT)) ?? {};
  const text = await prettier.format(JSON.stringify({ workbooks }), { ...options, parser: "json" });
  fs.writeFileSync(OUT, text);
  console.log(`预览样例已写入 ${path.relative(ROOT, OUT)}：${files.join("、")}`);
}

main().catch((error) => {
  console.error(`生成预览样例失败：${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
