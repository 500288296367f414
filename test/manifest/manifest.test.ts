import fs from "fs";
import http from "http";
import type { AddressInfo } from "net";
import os from "os";
import path from "path";
import { createRequire } from "module";
import { chromium } from "playwright-core";
import webpack from "webpack";
import { checkManifest, pngSize, type Emitted } from "./check-manifest";

/**
 * The gate for manifest.xml (Microsoft's validator is unreachable here): the source manifest and the one a
 * production build emits, checked against the files that same build emits.
 */
const ROOT = path.resolve(__dirname, "../..");
const DEV = "https://localhost:3000/";
const PROD = "https://intranet.example/dutycheck/";
const load = createRequire(__filename);

type ConfigFactory = ((
  env: Record<string, unknown>,
  argv: Record<string, unknown>,
) => Promise<webpack.Configuration>) & {
  baseUrl: (env: Record<string, unknown>) => string;
  rewriteManifest: (xml: string, base: string) => string;
};
const configFactory = load(path.join(ROOT, "webpack.config.js")) as ConfigFactory;
const icons = load(path.join(ROOT, "scripts/icons.js")) as {
  render: (layers: unknown, size: number) => Buffer;
  ICONS: Record<string, unknown>;
  SIZES: Record<string, number[]>;
};

let outDir = "";

function emittedIn(dir: string): Emitted {
  const file = (rel: string) => path.join(dir, ...rel.split("/"));
  return {
    has: (rel) =>
      rel !== "" && !rel.includes("..") && fs.existsSync(file(rel)) && fs.statSync(file(rel)).isFile(),
    pngSize: (rel) => pngSize(fs.readFileSync(file(rel))),
    text: (rel) => fs.readFileSync(file(rel), "utf8"),
  };
}

/** The action names commands.ts gives Office.actions.associate. */
function associatedNames(): string[] {
  const source = fs.readFileSync(path.join(ROOT, "src/commands/commands.ts"), "utf8");
  return [...source.matchAll(/Office\.actions\.associate\(\s*"([^"]+)"/g)].map((m) => m[1] ?? "");
}

beforeAll(async () => {
  outDir = fs.mkdtempSync(path.join(os.tmpdir(), "dutycheck-build-"));
  const config = await configFactory({ url: PROD }, { mode: "production" });
  // Same build as `npm run build`, minus minification and source maps: what is checked here is which
  // files exist and what the manifest says, and these two steps take most of the time.
  config.output = { ...config.output, path: outDir };
  config.optimization = { ...config.optimization, minimize: false };
  config.devtool = false;
  const stats = await new Promise<webpack.Stats>((resolve, reject) => {
    webpack(config, (error, result) => {
      if (error || !result) reject(error ?? new Error("webpack gave no stats"));
      else resolve(result);
    });
  });
  if (stats.hasErrors()) throw new Error(stats.toString({ all: false, errors: true, errorDetails: true }));
}, 240_000);

afterAll(() => {
  if (outDir) fs.rmSync(outDir, { recursive: true, force: true });
});

describe("manifest.xml", () => {
  it("passes every check against the files a build emits (dev URLs)", () => {
    const xml = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
    expect(
      checkManifest({ xml, base: DEV, emitted: emittedIn(outDir), associated: associatedNames() }),
    ).toEqual([]);
  });

  it("is emitted by a production build with every URL under --env url", () => {
    const xml = fs.readFileSync(path.join(outDir, "manifest.xml"), "utf8");
    expect(xml).not.toContain("localhost");
    expect(
      checkManifest({ xml, base: PROD, emitted: emittedIn(outDir), associated: associatedNames() }),
    ).toEqual([]);
    const source = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
    expect(xml.split(PROD).join(DEV).split("https://intranet.example").join("https://localhost:3000")).toBe(
      source,
    );
  });

  it("ships each ribbon icon the icon script draws, at the size it is named for", () => {
    for (const [name, sizes] of Object.entries(icons.SIZES)) {
      for (const size of sizes) {
        const committed = fs.readFileSync(path.join(ROOT, "assets", `${name}-${size}.png`));
        expect(pngSize(committed)).toEqual({ width: size, height: size });
        expect(icons.render(icons.ICONS[name], size).equals(committed)).toBe(true);
      }
    }
  });
});

describe("checkManifest catches what Office would reject", () => {
  const source = () => fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
  const problemsOf = (xml: string) =>
    checkManifest({ xml, base: DEV, emitted: emittedIn(outDir), associated: associatedNames() });

  it.each([
    [
      "an unresolved resid",
      (x: string) => x.replace('<Label resid="ClearButton.Label" />', '<Label resid="ClearButton.Lable" />'),
      /ClearButton\.Lable.*names no shortStrings resource/,
    ],
    [
      "an http URL",
      (x: string) =>
        x.replace('"https://localhost:3000/functions.json"', '"http://localhost:3000/functions.json"'),
      /functions\.json is not https/,
    ],
    [
      "a URL naming no emitted file",
      (x: string) => x.replace("assets/pane-80.png", "assets/pane-81.png"),
      /pane-81\.png names no file the build emits/,
    ],
    [
      "a label over 125 characters",
      (x: string) => x.replace('DefaultValue="清除标记"', `DefaultValue="${"清".repeat(126)}"`),
      /ClearButton\.Label has 126 characters, limit 125/,
    ],
    [
      "a tooltip over 250 characters",
      (x: string) => x.replace('Value="Removes every mark', `Value="${"x".repeat(250)}`),
      /ClearButton\.Tooltip \(en-US\) is longer than 250/,
    ],
    [
      "a string without English",
      (x: string) => x.replace('<bt:Override Locale="en-US" Value="Open pane" />', ""),
      /PaneButton\.Label has no en-US override/,
    ],
    ["an id that is not a GUID", (x: string) => x.replace("<Id>17fc38cd-", "<Id>duty-"), /is not a GUID/],
    [
      "a functions page outside the shared runtime",
      (x: string) =>
        x.replace(
          /<Page>\s*<SourceLocation resid="Taskpane.Url" \/>/,
          '<Page><SourceLocation resid="GetStarted.LearnMoreUrl" />',
        ),
      /CustomFunctions Page uses GetStarted\.LearnMoreUrl/,
    ],
    [
      "an icon of the wrong size",
      (x: string) =>
        x.replace(
          '"https://localhost:3000/assets/check-16.png"',
          '"https://localhost:3000/assets/check-32.png"',
        ),
      /check-32\.png is 32×32, declared 16×16/,
    ],
    [
      "the tab label before its group",
      (x: string) =>
        x
          .replace(/(<CustomTab id="DutyCheck.Tab">)/, '$1<Label resid="Tab.Label" />')
          .replace(/<\/Group>\s*<Label resid="Tab.Label" \/>/, "</Group>"),
      /every Group must come before the tab's Label/,
    ],
    [
      "a short-lived runtime",
      (x: string) => x.replace('lifetime="long"', 'lifetime="short"'),
      /exactly one Runtime, with lifetime long/,
    ],
    [
      "a button calling an unknown function",
      (x: string) =>
        x.replace("<FunctionName>clearMarks</FunctionName>", "<FunctionName>clearAll</FunctionName>"),
      /associates \[checkProgress,clearMarks\]/,
    ],
    [
      "a requirement the run-time check does not know",
      (x: string) =>
        x.replace('<Set Name="ExcelApi" MinVersion="1.13" />', '<Set Name="ExcelApi" MinVersion="1.17" />'),
      /ExcelApi 1\.17/,
    ],
  ])("reports %s", (_what, mutate, expected) => {
    const xml = mutate(source());
    expect(xml).not.toBe(source());
    const problems = problemsOf(xml);
    expect(problems.some((p) => expected.test(p))).toBe(true);
  });
});

describe("webpack --env url", () => {
  it("accepts an https base and ends it with a slash", () => {
    expect(configFactory.baseUrl({ url: "https://intranet.example/dutycheck" })).toBe(PROD);
    expect(configFactory.baseUrl({})).toBe(DEV);
  });

  it.each(["http://intranet.example/dutycheck/", "intranet.example", "https://intranet.example/a/?v=1"])(
    "refuses %s",
    (url) => {
      expect(() => configFactory.baseUrl({ url })).toThrow(/--env url=/);
    },
  );

  it("rewrites full URLs to the base and the AppDomain to its origin", () => {
    const xml = '<a u="https://localhost:3000/x.html"/><AppDomain>https://localhost:3000</AppDomain>';
    expect(configFactory.rewriteManifest(xml, "https://h.example:8443/d/")).toBe(
      '<a u="https://h.example:8443/d/x.html"/><AppDomain>https://h.example:8443</AppDomain>',
    );
  });
});

/**
 * Office.js stand-in for the page test: records what the page registers with Excel. The real office.js
 * comes from Microsoft's CDN, which is unreachable here.
 */
const FAKE_OFFICE_JS = `
window.__registered = { functions: [], actions: [] };
window.CustomFunctions = { associate: function (id) { window.__registered.functions.push(id); } };
window.Office = {
  onReady: function (callback) {
    var info = { host: "Excel", platform: "PC" };
    if (callback) setTimeout(function () { callback(info); }, 0);
    return Promise.resolve(info);
  },
  actions: { associate: function (id) { window.__registered.actions.push(id); } },
  addin: { showAsTaskpane: function () { return Promise.resolve(); } },
  context: {
    displayLanguage: "zh-CN",
    requirements: { isSetSupported: function () { return true; } },
  },
  HostType: { Excel: "Excel" },
};
`;

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".png": "image/png",
  ".xml": "application/xml",
};

describe("the shared runtime page (taskpane.html)", () => {
  it("registers every DUTY function and both ribbon commands, and renders the pane, without errors", async () => {
    const server = http.createServer((request, response) => {
      const rel = decodeURIComponent(new URL(request.url ?? "/", "http://x").pathname).replace(/^\/+/, "");
      const file = path.join(outDir, rel);
      if (!file.startsWith(outDir) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
        response.writeHead(404).end();
        return;
      }
      response.writeHead(200, {
        "Content-Type": CONTENT_TYPES[path.extname(file)] ?? "application/octet-stream",
      });
      response.end(fs.readFileSync(file));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    const browser = await chromium.launch({
      executablePath: "/usr/bin/chromium",
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
    });
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      const failed: string[] = [];
      page.on("pageerror", (error) => errors.push(error.message));
      page.on("response", (r) => {
        if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
      });
      await page.route("https://appsforoffice.microsoft.com/**", (route) =>
        route.fulfill({ status: 200, contentType: "text/javascript", body: FAKE_OFFICE_JS }),
      );
      await page.goto(`http://127.0.0.1:${port}/taskpane.html`, { waitUntil: "load" });
      await page.waitForFunction(() => (document.getElementById("root")?.childElementCount ?? 0) > 0, null, {
        timeout: 15_000,
      });
      const registered = (await page.evaluate("window.__registered")) as {
        functions: string[];
        actions: string[];
      };
      const metadata = JSON.parse(fs.readFileSync(path.join(outDir, "functions.json"), "utf8")) as {
        functions: Array<{ id: string }>;
      };
      expect(errors).toEqual([]);
      expect(failed).toEqual([]);
      expect([...registered.functions].sort()).toEqual(metadata.functions.map((f) => f.id).sort());
      expect([...registered.actions].sort()).toEqual(associatedNames().sort());
    } finally {
      await browser.close();
      await new Promise((resolve) => server.close(resolve));
    }
  }, 60_000);
});
