#!/usr/bin/env node
"use strict";
// Builds samples/*.xlsx from samples/seeds/*.txt: the attachment of each notice as a workbook, laid out as
// printed. Output is deterministic (fixed document and zip dates), so a rebuild leaves git clean.
const { Buffer } = require("node:buffer");
const fs = require("node:fs");
const path = require("node:path");
const { parseSeed } = require("./samples/seed");
const { buildWorkbook } = require("./samples/layout");
const { fixZipDates } = require("./samples/zip-dates");

/**
 * Each sample is dated by its notice (xintang: 2023-05-11; zimao: printed 2022-01-13). monthly-2023 is the
 * xintang table as the 党政办 compiles it in June: the 4月/5月/6月进展情况 the 信息员 sent in.
 */
const SAMPLES = [
  { seed: "xintang-2023.txt", out: "xintang-2023.xlsx", sheetName: "责任分解表", date: [2023, 5, 11] },
  { seed: "zimao-2022.txt", out: "zimao-2022.xlsx", sheetName: "责任分解表", date: [2022, 1, 13] },
  { seed: "monthly-2023.txt", out: "monthly-2023.xlsx", sheetName: "推进情况表", date: [2023, 6, 26] },
  // Layouts other offices publish (SEMANTICS.md §1): kept in samples/layouts/, outside the preview's list.
  {
    seed: "qingxi-2023-q1.txt",
    out: "layouts/qingxi-2023-q1.xlsx",
    sheetName: "一季度进展",
    date: [2023, 4, 12],
  },
  {
    seed: "guanghua-2017.txt",
    out: "layouts/guanghua-2017.xlsx",
    sheetName: "进度安排及落实情况",
    date: [2017, 10, 9],
  },
  { seed: "donghu-2023.txt", out: "layouts/donghu-2023.xlsx", sheetName: "推进计划", date: [2023, 7, 6] },
  { seed: "nanxi-2023.txt", out: "layouts/nanxi-2023.xlsx", sheetName: "推进情况", date: [2023, 7, 10] },
];

async function buildSample(sample, root) {
  const text = fs.readFileSync(path.join(root, "seeds", sample.seed), "utf8");
  const [year, month, day] = sample.date;
  const workbook = buildWorkbook(parseSeed(text), {
    sheetName: sample.sheetName,
    date: new Date(Date.UTC(year, month - 1, day)),
  });
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  const target = path.join(root, sample.out);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, fixZipDates(buffer, { year, month, day }));
  return target;
}

async function main() {
  const root = path.join(__dirname, "..", "samples");
  for (const sample of SAMPLES) {
    const target = await buildSample(sample, root);
    process.stdout.write(`已生成 ${path.relative(process.cwd(), target)}\n`);
  }
}

if (require.main === module) {
  main().catch((error) => {
    process.stderr.write(`生成样例失败：${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}

module.exports = { SAMPLES, buildSample };
