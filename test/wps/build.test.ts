import fs from "fs";
import os from "os";
import path from "path";
import vm from "vm";
import { createRequire } from "module";
import * as acorn from "acorn";
import webpack from "webpack";

/**
 * The WPS package as `npm run build -- --env host=wps` emits it (minus minification and source maps):
 * every script is what Chromium 67 (the floor, see webpack.wps.js) parses — ES2018 plus BigInt literals,
 * checked with acorn, the parser es-check uses —
 * every ribbon.xml callback is a function once the add-in page's script has run, nothing is fetched from
 * outside, and the online and offline layouts are complete.
 */
const load = createRequire(__filename);
const ROOT = path.resolve(__dirname, "../..");
const { wpsConfig, OFFLINE_DIR } = load(path.join(ROOT, "webpack.wps.js")) as {
  wpsConfig: (env: Record<string, unknown>, mode: string) => webpack.Configuration;
  OFFLINE_DIR: string;
};
const BASE = "https://intranet.example/dutycheck-wps/";

let out = "";

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? files(full) : [path.relative(out, full).split(path.sep).join("/")];
  });
}

const text = (rel: string) => fs.readFileSync(path.join(out, rel), "utf8");

beforeAll(async () => {
  out = fs.mkdtempSync(path.join(os.tmpdir(), "dutycheck-wps-"));
  const config = wpsConfig({ url: BASE }, "production");
  config.output = { ...config.output, path: out };
  config.optimization = { ...config.optimization, minimize: false };
  config.devtool = false;
  const stats = await new Promise<webpack.Stats>((resolve, reject) =>
    webpack(config, (error, result) =>
      error || !result ? reject(error ?? new Error("no stats")) : resolve(result),
    ),
  );
  if (stats.hasErrors()) throw new Error(stats.toString({ all: false, errors: true }));
}, 600_000);

afterAll(() => {
  if (out) fs.rmSync(out, { recursive: true, force: true });
});

describe("dist/wps", () => {
  it("holds the add-in page, the pane, ribbon.xml, icons and jsplugins.xml", () => {
    const emitted = files(out);
    for (const name of [
      "index.html",
      "addin.js",
      "taskpane.html",
      "taskpane.js",
      "ribbon.xml",
      "jsplugins.xml",
    ]) {
      expect(emitted).toContain(name);
    }
    expect(text("ribbon.xml").startsWith("<customUI")).toBe(true);
    expect(text("jsplugins.xml")).toContain(`<jspluginonline name="DutyCheck" type="et" url="${BASE}"`);
  });

  it("has an offline package: publish.xml naming a folder that holds every file of the online one", () => {
    const emitted = files(out);
    const folder = OFFLINE_DIR.split("/").pop() as string;
    expect(text("offline/jsaddons/publish.xml")).toContain(`url="${folder}"`);
    const online = emitted.filter((f) => !f.startsWith("offline/") && f !== "jsplugins.xml");
    for (const name of online) expect(emitted).toContain(`${OFFLINE_DIR}/${name}`);
  });

  it("emits only scripts Chromium 67 parses: ES2018 plus BigInt literals, no ?. or ??", () => {
    const scripts = files(out).filter((f) => f.endsWith(".js"));
    expect(scripts.length).toBeGreaterThanOrEqual(4);
    for (const script of scripts) {
      const newer: string[] = [];
      expect(() =>
        acorn.parse(text(script), {
          ecmaVersion: 2020,
          sourceType: "script",
          // ES2020 syntax other than BigInt: Chromium 80.
          onToken: (token) => {
            if (token.type.label === "?." || token.type.label === "??")
              newer.push(`${script}:${token.start}`);
          },
        }),
      ).not.toThrow();
      expect(newer).toEqual([]);
    }
  });

  it("loads nothing from outside: pages and XML name no external address", () => {
    for (const name of files(out).filter((f) => /\.(html|xml)$/u.test(f) && !f.endsWith("jsplugins.xml"))) {
      const urls = text(name).match(/https?:\/\/[^\s"'<>]+/gu) ?? [];
      // The customUI namespace is an identifier, never fetched.
      expect(urls.filter((u) => u !== "http://schemas.microsoft.com/office/2006/01/customui")).toEqual([]);
      expect(text(name)).not.toMatch(/<(script|link)[^>]+(src|href)="(https?:)?\/\//u);
    }
    for (const script of files(out).filter((f) => f.endsWith(".js"))) {
      // Addresses inside scripts are documentation strings of dependencies; none is loaded.
      expect(text(script)).not.toMatch(/(import\(|src\s*=\s*|fetch\()\s*["'`]https?:/u);
      expect(text(script)).not.toMatch(/appsforoffice|cdn\./u);
    }
  });

  it("defines, once the add-in page's script has run, every callback ribbon.xml names, and the icons it asks for exist", () => {
    const names = new Set(
      [
        ...text("ribbon.xml").matchAll(
          /\b(?:onLoad|onAction|getImage|getEnabled|getLabel|getVisible)="([^"]+)"/gu,
        ),
      ].map((m) => m[1] as string),
    );
    expect([...names].sort()).toEqual(["GetImage", "OnAction", "OnAddinLoad", "OnGetEnabled"]);
    const storage = new Map<string, string>();
    const root = {
      PluginStorage: {
        getItem: (k: string) => storage.get(k) ?? "",
        setItem: (k: string, v: string) => storage.set(k, v),
      },
    };
    const window: Record<string, unknown> = {
      wps: root,
      Application: { ...root, ActiveSheet: null, ActiveWorkbook: null },
      document: { location: { href: `${BASE}index.html` } },
      navigator: { userAgent: "Chrome/67" },
      console,
      // What every browser has and core-js builds on.
      DOMException,
      URL,
      URLSearchParams,
    };
    window.window = window;
    window.self = window;
    window.globalThis = window;
    vm.runInNewContext(text("addin.js"), window);
    for (const name of names) expect(typeof window[name]).toBe("function");
    const getImage = window.GetImage as (control: { Id: string }) => string;
    for (const id of [...text("ribbon.xml").matchAll(/<button id="([^"]+)"/gu)].map((m) => m[1] as string)) {
      expect(files(out)).toContain(getImage({ Id: id }));
    }
  });
});
