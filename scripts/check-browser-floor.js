#!/usr/bin/env node
/**
 * The browser floor, checked on a build: every JavaScript file below a folder must run in the browsers of
 * package.json's `browserslist` (the oldest webviews the add-in meets: README, 浏览器 · Browsers). es-check
 * parses each file as the ECMAScript edition all of them support and looks for newer features and
 * built-ins they lack.
 *
 *   node scripts/check-browser-floor.js dist [dist/wps …]      exit 1 with the offending files
 */
const fs = require("fs");
const path = require("path");
const { runChecks } = require("es-check");

const ROOT = path.resolve(__dirname, "..");
const BROWSERS = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")).browserslist;

/**
 * es-check reports these by name alone; each is allowed only where every occurrence is the harmless one
 * (`pattern`), so a real use still fails.
 */
const LOOKALIKES = [
  {
    feature: "ArrayFindLast",
    // tabster's focus API has a findLast() of its own; Array.prototype.findLast needs Chromium 97.
    use: /\.findLast\(/gu,
    harmless: /\bfocusable\.findLast\($/u,
  },
];

function jsFiles(dir) {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".js"))
    .map((entry) => path.join(entry.parentPath ?? entry.path, entry.name));
}

/** Problems of the build in `dir` (empty when every file is within the floor of `browsers`). */
async function checkBrowserFloor(dir, browsers = BROWSERS) {
  const files = jsFiles(dir);
  if (files.length === 0) return { files: 0, problems: [`${dir}: no .js files`] };
  const problems = [];
  for (const file of files) {
    const text = fs.readFileSync(file, "utf8");
    for (const { feature, use, harmless } of LOOKALIKES) {
      for (const match of text.matchAll(use)) {
        const before = text.slice(Math.max(0, match.index - 40), match.index + match[0].length);
        if (!harmless.test(before)) problems.push(`${file}: ${feature}: …${before}`);
      }
    }
  }
  const result = await runChecks([
    {
      ecmaVersion: "checkBrowser",
      checkBrowser: true,
      browserslistQuery: browsers.join(", "),
      checkFeatures: true,
      ignore: LOOKALIKES.map((l) => l.feature).join(","),
      files,
    },
  ]);
  for (const error of result.errors) problems.push(`${error.file}: ${error.err?.message ?? error.err}`);
  return { files: files.length, problems };
}

if (require.main === module) {
  const dirs = process.argv.slice(2);
  if (dirs.length === 0) {
    console.error("用法 Usage: node scripts/check-browser-floor.js <build folder>…");
    process.exit(2);
  }
  (async () => {
    let failed = false;
    for (const dir of dirs) {
      const { files, problems } = await checkBrowserFloor(dir);
      if (problems.length > 0) {
        failed = true;
        console.error(`${dir}: 超出浏览器下限 (above the browser floor: ${BROWSERS.join(", ")})`);
        for (const problem of problems) console.error(`  ${problem}`);
      } else console.log(`${dir}: ${files} 个 .js 文件均在浏览器下限之内 (${BROWSERS.join(", ")})`);
    }
    process.exit(failed ? 1 : 0);
  })();
}

module.exports = { checkBrowserFloor, BROWSERS };
