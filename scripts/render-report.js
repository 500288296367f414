"use strict";
// `npm run render:report`: writes the 通报 of the 新塘 sample checked on 2023-06-20 with the command line,
// converts it to PDF with LibreOffice and its first page to docs/screenshots/report-page1.png with
// poppler's pdftoppm. Not part of `npm test`: it needs Debian's
//   apt-get install -y libreoffice-writer poppler-utils fonts-noto-cjk
// LibreOffice has none of the 仿宋_GB2312 / 方正小标宋简体 fonts an office PC has, so it draws the
// document in the CJK fonts it finds (Noto CJK); the layout (A4, margins, sizes, table) is the document's.
const { execFileSync } = require("node:child_process");
const { copyFileSync, mkdtempSync, readdirSync, rmSync } = require("node:fs");
const { tmpdir } = require("node:os");
const { join } = require("node:path");

const root = join(__dirname, "..");
const work = mkdtempSync(join(tmpdir(), "duty-render-"));
try {
  const run = (command, args) =>
    execFileSync(command, args, { cwd: root, stdio: ["ignore", "inherit", "inherit"] });
  run(process.execPath, [
    "bin/duty-check.js",
    "--as-of",
    "2023-06-20",
    "--report",
    work,
    "samples/xintang-2023.xlsx",
  ]);
  const docx = readdirSync(work).find((name) => name.endsWith(".docx"));
  if (!docx) throw new Error("no .docx written");
  run("soffice", [
    "--headless",
    `-env:UserInstallation=file://${join(work, "profile")}`,
    "--convert-to",
    "pdf",
    "--outdir",
    work,
    join(work, docx),
  ]);
  const pdf = join(work, docx.replace(/\.docx$/u, ".pdf"));
  run("pdftoppm", ["-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", pdf, join(work, "page1")]);
  copyFileSync(join(work, "page1.png"), join(root, "docs", "screenshots", "report-page1.png"));
  console.log("docs/screenshots/report-page1.png");
} finally {
  rmSync(work, { recursive: true, force: true });
}
