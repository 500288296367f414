import fs from "fs";
import http from "http";
import type { AddressInfo } from "net";
import os from "os";
import path from "path";
import { createRequire } from "module";
import { chromium } from "playwright-core";
import webpack from "webpack";
import { checkManifest, pngSize, type Emitted } from "./check-manifest";

const floor = createRequire(__filename)("../../scripts/check-browser-floor.js") as {
  checkBrowserFloor: (dir: string) => Promise<{ files: number; problems: string[] }>;
};

/**
 * The gate for manifest.xml (Microsoft's validator is unreachable here): the source manifest and the one a
 * production build emits, checked against the files that same build emits. The build is the intranet one
 * (`--env officejs=local`), so the same files also show that office.js is served with the add-in and that
 * every emitted script stays within the browser floor.
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
  officeJsChoice: (env: Record<string, unknown>) => string;
  OFFICE_JS: Record<"cdn" | "china" | "local", string>;
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

/** Every file below `dir`, relative, with / separators. */
function filesIn(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"));
}

/** The src of every <script> of a page, quoted or not (the minifier drops quotes). */
function scriptSources(html: string): string[] {
  return [...html.matchAll(/<script\b[^>]*?\ssrc=(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gu)].map(
    (m) => m[1] ?? m[2] ?? m[3] ?? "",
  );
}

/** The action names commands.ts gives Office.actions.associate. */
function associatedNames(): string[] {
  const source = fs.readFileSync(path.join(ROOT, "src/commands/commands.ts"), "utf8");
  return [...source.matchAll(/Office\.actions\.associate\(\s*"([^"]+)"/g)].map((m) => m[1] ?? "");
}

beforeAll(async () => {
  outDir = fs.mkdtempSync(path.join(os.tmpdir(), "dutycheck-build-"));
  const config = await configFactory({ url: PROD, officejs: "local" }, { mode: "production" });
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
}, 600_000);

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

describe("--env officejs=local: office.js from the add-in's own server", () => {
  const read = (rel: string) => fs.readFileSync(path.join(outDir, rel), "utf8");

  it("loads every script of every page from dist/, office.js first on the page that uses Office", () => {
    const pages = filesIn(outDir).filter((f) => f.endsWith(".html"));
    expect(pages.sort()).toEqual(["help.html", "index.html", "preview.html", "taskpane.html"]);
    for (const page of pages) {
      for (const src of scriptSources(read(page))) {
        expect(src).not.toMatch(/^(?:[a-z]+:)?\/\//u);
        expect(emittedIn(outDir).has(src.split("?")[0] ?? "")).toBe(true);
      }
    }
    expect(scriptSources(read("taskpane.html"))[0]).toBe(configFactory.OFFICE_JS.local);
  });

  it("ships office.js with what it loads for Excel, as the package has it", () => {
    const packaged = path.dirname(load.resolve("@microsoft/office-js/dist/office.js"));
    for (const file of [
      "office.js",
      "excel-win32-16.01.js",
      "excel-mac-16.00.js",
      "excel-web-16.00.js",
      "zh-cn/office_strings.js",
      "en-us/office_strings.js",
      "telemetry/oteljs_agave.js",
      "ariatelemetry/aria-web-telemetry.js",
    ]) {
      expect(read(`office-js/${file}`)).toBe(fs.readFileSync(path.join(packaged, file), "utf8"));
    }
    expect(filesIn(outDir).some((f) => f.endsWith(".debug.js"))).toBe(false);
  });

  it("names no CDN: neither office.js CDN anywhere, no other one outside Microsoft's own files", () => {
    const officeJsHosts = [configFactory.OFFICE_JS.cdn, configFactory.OFFICE_JS.china].map(
      (u) => new URL(u).host,
    );
    const cdnHost = /(?:[a-z0-9-]+\.)*[a-z0-9-]*cdn[a-z0-9-]*(?:\.[a-z0-9-]+)+/giu;
    const found = new Map<string, Set<string>>();
    for (const file of filesIn(outDir).filter((f) => /\.(?:js|html|json|xml|txt|css)$/u.test(f))) {
      const text = read(file);
      for (const host of officeJsHosts) expect(`${file}: ${text.includes(host)}`).toBe(`${file}: false`);
      for (const [host] of text.matchAll(cdnHost)) {
        const where = file.startsWith("office-js/") ? "office-js" : file;
        found.set(where, (found.get(where) ?? new Set()).add(host.toLowerCase()));
      }
    }
    // Inside Microsoft's files, two URLs that an Excel add-in never fetches: MicrosoftAjax (loaded only
    // when office.js sets requiresMsAjax, which this version never does) and MSAL for Microsoft's own
    // first-party sign-in.
    expect(Object.fromEntries([...found].map(([k, v]) => [k, [...v].sort()]))).toEqual({
      "office-js": ["ajax.aspnetcdn.com", "alcdn.msauth.net"],
    });
  });
});

describe("the browser floor", () => {
  it("holds for every JavaScript file the build emits (office.js included)", async () => {
    const { files, problems } = await floor.checkBrowserFloor(outDir);
    expect(problems).toEqual([]);
    expect(files).toBeGreaterThan(5);
  }, 300_000);

  it("is what babel compiles to: package.json's browserslist, read by preset-env", () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as {
      browserslist: string[];
    };
    expect(pkg.browserslist).toEqual(["chrome >= 86", "edge >= 86", "safari >= 14.1"]);
    expect(fs.readFileSync(path.join(ROOT, "babel.config.js"), "utf8")).not.toMatch(
      /targets:\s*\{\s*(chrome|safari)/u,
    );
  });

  it("catches syntax and built-ins above it, and a real Array findLast", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dutycheck-floor-"));
    try {
      fs.writeFileSync(
        path.join(dir, "ok.js"),
        "var t = { focusable: { findLast() {} } }; t.focusable.findLast();\n",
      );
      expect((await floor.checkBrowserFloor(dir)).problems).toEqual([]);
      fs.writeFileSync(path.join(dir, "static.js"), "class A { static { this.x = 1; } }\n");
      fs.writeFileSync(path.join(dir, "at.js"), "var last = [1, 2].at(-1);\n");
      fs.writeFileSync(
        path.join(dir, "find.js"),
        "var last = [1, 2].findLast(function (x) { return x; });\n",
      );
      const { problems } = await floor.checkBrowserFloor(dir);
      for (const file of ["static.js", "at.js", "find.js"]) {
        expect(problems.some((p) => p.startsWith(path.join(dir, file)))).toBe(true);
      }
      expect(problems.some((p) => p.startsWith(path.join(dir, "ok.js")))).toBe(false);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);
});

describe("webpack --env officejs", () => {
  async function officeScript(env: Record<string, unknown>): Promise<string | undefined> {
    const config = await configFactory({ url: PROD, ...env }, { mode: "production" });
    const pane = (config.plugins ?? []).find(
      (p) => (p as { userOptions?: { filename?: string } }).userOptions?.filename === "taskpane.html",
    ) as { userOptions: { templateContent: string } } | undefined;
    return scriptSources(pane?.userOptions.templateContent ?? "")[0];
  }

  it("loads Microsoft's CDN by default, the 21Vianet CDN for china, the copy for local", async () => {
    expect(await officeScript({})).toBe("https://appsforoffice.microsoft.com/lib/1/hosted/office.js");
    expect(await officeScript({ officejs: "cdn" })).toBe(
      "https://appsforoffice.microsoft.com/lib/1/hosted/office.js",
    );
    expect(await officeScript({ officejs: "china" })).toBe(
      "https://appsforoffice.cdn.partner.office365.cn/appsforoffice/lib/1/hosted/office.js",
    );
    expect(await officeScript({ officejs: "local" })).toBe("office-js/office.js");
  });

  it.each(["CDN", "intranet", "true"])("refuses officejs=%s, naming the choices", (officejs) => {
    expect(() => configFactory.officeJsChoice({ officejs })).toThrow(/--env officejs=.*cdn、china 或 local/u);
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
 * needs an Office host to talk to.
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
      const requested: string[] = [];
      const origin = `http://127.0.0.1:${port}/`;
      page.on("pageerror", (error) => errors.push(error.message));
      page.on("request", (r) => requested.push(r.url()));
      page.on("response", (r) => {
        if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
      });
      await page.route(`${origin}${configFactory.OFFICE_JS.local}`, (route) =>
        route.fulfill({ status: 200, contentType: "text/javascript", body: FAKE_OFFICE_JS }),
      );
      await page.goto(`${origin}taskpane.html`, { waitUntil: "load" });
      await page.waitForFunction(() => (document.getElementById("root")?.childElementCount ?? 0) > 0, null, {
        timeout: 120_000,
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
      // Nothing leaves the add-in's own server: office.js included.
      expect(requested.filter((url) => !url.startsWith(origin))).toEqual([]);
      expect(requested).toContain(`${origin}${configFactory.OFFICE_JS.local}`);
      expect([...registered.functions].sort()).toEqual(metadata.functions.map((f) => f.id).sort());
      expect([...registered.actions].sort()).toEqual(associatedNames().sort());
    } finally {
      await browser.close();
      await new Promise((resolve) => server.close(resolve));
    }
  }, 300_000);
});
