import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { extname, join, normalize, resolve } from "node:path";
import { chromium, type Browser } from "playwright-core";

/**
 * What the browser tests and the web page's benchmark share: a production build, served read-only on a
 * random localhost port, and Debian's Chromium with the project's flags.
 */

const ROOT = resolve(__dirname, "../..");
export const CHROMIUM = "/usr/bin/chromium";
const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".png": "image/png",
  ".xml": "application/xml",
};

export interface Site {
  base: string;
  close: () => Promise<void>;
}

/** Serves `dir` read-only on 127.0.0.1 (`/` is index.html); `onRequest` hears every request's URL. */
export function serveStatic(dir: string, onRequest?: (url: string) => void): Promise<Site> {
  const root = resolve(dir);
  const server = createServer((req, res) => {
    onRequest?.(req.url ?? "");
    const path = normalize(decodeURIComponent(new URL(req.url ?? "/", "http://localhost").pathname));
    const file = join(root, path === "/" ? "index.html" : path);
    if (!file.startsWith(root) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
    res.end(readFileSync(file));
  });
  return new Promise((done) =>
    server.listen(0, "127.0.0.1", () =>
      done({
        base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        close: () => new Promise((closed) => server.close(() => closed())),
      }),
    ),
  );
}

export interface Build {
  dir: string;
  /** Removes the build when this test made it; one given through DUTYCHECK_DIST is left alone. */
  remove: () => void;
}

/**
 * The production build the browser tests run against: DUTYCHECK_DIST when set (e.g. after `npm run
 * build`), else a fresh webpack build into a temporary folder.
 */
export function productionBuild(prefix: string): Build {
  const given = process.env.DUTYCHECK_DIST;
  if (given) return { dir: given, remove: () => undefined };
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const build = spawnSync(
    process.execPath,
    [require.resolve("webpack-cli/bin/cli.js"), "--mode", "production", "--output-path", dir],
    { cwd: ROOT, encoding: "utf8" },
  );
  if (build.status !== 0) throw new Error(`webpack failed:\n${build.stdout}\n${build.stderr}`);
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install chromium`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  });
}
