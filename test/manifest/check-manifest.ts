import { XMLParser, XMLValidator } from "fast-xml-parser";
import { REQUIRED_SETS } from "../../src/commands/requirements";

/**
 * An offline stand-in for Microsoft's manifest validator (unreachable here): the rules of the XML
 * manifest reference that this add-in relies on, checked on a parsed manifest. Returns every problem
 * found, so a failing test names them all.
 */
export interface Element {
  name: string;
  attrs: Record<string, string>;
  children: Element[];
  text: string;
}

type Ordered = Record<string, unknown> & { ":@"?: Record<string, string> };

function toElement(node: Ordered): Element | null {
  const name = Object.keys(node).find((k) => k !== ":@");
  if (!name || name.startsWith("?") || name === "#comment") return null;
  const raw = node[name];
  if (name === "#text") return null;
  const items = Array.isArray(raw) ? (raw as Ordered[]) : [];
  const children = items.map(toElement).filter((e): e is Element => e !== null);
  const text = items
    .filter((item) => "#text" in item)
    .map((item) => String(item["#text"]))
    .join("")
    .trim();
  return { name, attrs: node[":@"] ?? {}, children, text };
}

export function parseManifest(xml: string): Element {
  const valid = XMLValidator.validate(xml);
  if (valid !== true)
    throw new Error(`manifest is not well-formed XML: ${valid.err.msg} (line ${valid.err.line})`);
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "",
    preserveOrder: true,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
  });
  const roots = (parser.parse(xml) as Ordered[]).map(toElement).filter((e): e is Element => e !== null);
  const root = roots.find((e) => e.name === "OfficeApp");
  if (!root) throw new Error("no <OfficeApp> root element");
  return root;
}

/** Every element below `root` (depth first, document order) with its ancestors' names. */
export function walk(root: Element): Array<{ el: Element; path: string[] }> {
  const out: Array<{ el: Element; path: string[] }> = [];
  const visit = (el: Element, path: string[]) => {
    out.push({ el, path });
    for (const child of el.children) visit(child, [...path, el.name]);
  };
  visit(root, []);
  return out;
}

export const child = (el: Element | undefined, name: string): Element | undefined =>
  el?.children.find((c) => c.name === name);
export const childrenNamed = (el: Element | undefined, name: string): Element[] =>
  el?.children.filter((c) => c.name === name) ?? [];

/** Length limits from the XML manifest reference (String, DisplayName, Description, resid attributes). */
export const LIMITS = {
  shortString: 125,
  longString: 250,
  displayName: 125,
  /** The unified manifest's name.short, which DisplayName becomes on conversion. */
  displayNameShort: 30,
  description: 250,
  resid: 32,
  controlId: 125,
};

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface Emitted {
  /** Is `relativePath` (below the base URL) a file the build emits? */
  has(relativePath: string): boolean;
  /** PNG width × height of an emitted file, read from its header; null if it is not a PNG. */
  pngSize(relativePath: string): { width: number; height: number } | null;
  /** Text of an emitted file. */
  text(relativePath: string): string;
}

export function pngSize(bytes: Buffer): { width: number; height: number } | null {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (bytes.length < 24 || !bytes.subarray(0, 8).equals(signature)) return null;
  if (bytes.subarray(12, 16).toString("latin1") !== "IHDR") return null;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

interface Resources {
  images: Map<string, Element>;
  urls: Map<string, Element>;
  shortStrings: Map<string, Element>;
  longStrings: Map<string, Element>;
}

function resources(root: Element): Resources {
  const res = child(child(root, "VersionOverrides"), "Resources");
  const index = (group: string) =>
    new Map(
      childrenNamed(
        child(res, group),
        group === "bt:Images" ? "bt:Image" : group === "bt:Urls" ? "bt:Url" : "bt:String",
      ).map((e) => [e.attrs.id ?? "", e]),
    );
  return {
    images: index("bt:Images"),
    urls: index("bt:Urls"),
    shortStrings: index("bt:ShortStrings"),
    longStrings: index("bt:LongStrings"),
  };
}

/** Which resource group an element's resid must name, by the element (and its parent). */
function residKind(name: string, parent: string): keyof Resources | null {
  if (name === "bt:Image") return "images";
  if (["Runtime", "FunctionFile", "SourceLocation", "LearnMoreUrl"].includes(name)) return "urls";
  if (name === "Label" || name === "Title" || name === "Namespace") return "shortStrings";
  if (name === "Description" && (parent === "Supertip" || parent === "GetStarted")) return "longStrings";
  if (name === "Description") return "shortStrings";
  return null;
}

/** Every value a user can read, with its limit, for length and translation checks. */
function visibleStrings(root: Element, res: Resources) {
  const out: Array<{ where: string; value: string; limit: number; overrides: Element[] }> = [];
  const displayName = child(root, "DisplayName");
  const description = child(root, "Description");
  if (displayName)
    out.push({
      where: "DisplayName",
      value: displayName.attrs.DefaultValue ?? "",
      limit: LIMITS.displayName,
      overrides: childrenNamed(displayName, "Override"),
    });
  if (description)
    out.push({
      where: "Description",
      value: description.attrs.DefaultValue ?? "",
      limit: LIMITS.description,
      overrides: childrenNamed(description, "Override"),
    });
  for (const [id, el] of res.shortStrings)
    out.push({
      where: `ShortStrings ${id}`,
      value: el.attrs.DefaultValue ?? "",
      limit: LIMITS.shortString,
      overrides: childrenNamed(el, "bt:Override"),
    });
  for (const [id, el] of res.longStrings)
    out.push({
      where: `LongStrings ${id}`,
      value: el.attrs.DefaultValue ?? "",
      limit: LIMITS.longString,
      overrides: childrenNamed(el, "bt:Override"),
    });
  return out;
}

/** Characters as Office counts them (code points, not UTF-16 units). */
const length = (s: string) => [...s].length;

export interface CheckInput {
  xml: string;
  /** Every URL must start with this (https://localhost:3000/ for the source manifest). */
  base: string;
  emitted: Emitted;
  /** Names given to Office.actions.associate by the commands code. */
  associated: string[];
}

export function checkManifest({ xml, base, emitted, associated }: CheckInput): string[] {
  const problems: string[] = [];
  const root = parseManifest(xml);
  const res = resources(root);
  const all = walk(root);

  if (root.attrs["xsi:type"] !== "TaskPaneApp")
    problems.push(`OfficeApp xsi:type is ${root.attrs["xsi:type"]}, not TaskPaneApp`);
  const id = child(root, "Id")?.text ?? "";
  if (!GUID.test(id)) problems.push(`Id "${id}" is not a GUID`);
  if (child(root, "DefaultLocale")?.text !== "zh-CN") problems.push("DefaultLocale is not zh-CN");
  if (child(root, "Permissions")?.text !== "ReadWriteDocument")
    problems.push("Permissions is not ReadWriteDocument");
  const hosts = childrenNamed(child(root, "Hosts"), "Host").map((h) => h.attrs.Name);
  if (hosts.join() !== "Workbook") problems.push(`Hosts are [${hosts.join()}], expected [Workbook]`);
  if (!child(root, "ProviderName")?.text) problems.push("ProviderName is empty");

  const vo = child(root, "VersionOverrides");
  if (
    vo?.attrs["xsi:type"] !== "VersionOverridesV1_0" ||
    vo.attrs.xmlns !== "http://schemas.microsoft.com/office/taskpaneappversionoverrides"
  )
    problems.push(
      "VersionOverrides must be VersionOverridesV1_0 in the taskpaneappversionoverrides namespace (the only one TaskPaneApp supports)",
    );

  // Requirement sets: exactly those the run-time check knows.
  const sets = childrenNamed(child(child(root, "Requirements"), "Sets"), "Set").map(
    (s) => `${s.attrs.Name} ${s.attrs.MinVersion}`,
  );
  const expectedSets = REQUIRED_SETS.map((s) => `${s.name} ${s.minVersion}`);
  if ([...sets].sort().join("; ") !== [...expectedSets].sort().join("; "))
    problems.push(
      `Requirements declare [${sets.join("; ")}], src/commands/requirements.ts has [${expectedSets.join("; ")}]`,
    );

  // resids: short, resolvable, of the right kind.
  for (const { el, path } of all) {
    const resid = el.attrs.resid;
    if (resid === undefined) continue;
    if (length(resid) > LIMITS.resid)
      problems.push(`resid "${resid}" is longer than ${LIMITS.resid} characters`);
    const kind = residKind(el.name, path[path.length - 1] ?? "");
    if (!kind) problems.push(`<${el.name} resid="${resid}"> is not an element this check knows`);
    else if (!res[kind].has(resid)) problems.push(`<${el.name} resid="${resid}"> names no ${kind} resource`);
  }
  // Resource ids are unique and each is used.
  const used = new Set(all.map(({ el }) => el.attrs.resid).filter(Boolean));
  for (const group of Object.values(res) as Array<Map<string, Element>>)
    for (const rid of group.keys()) if (!used.has(rid)) problems.push(`resource "${rid}" is never used`);
  const ids = [
    ...all
      .filter(({ el }) => ["Control", "Group", "CustomTab"].includes(el.name))
      .map(({ el }) => el.attrs.id ?? ""),
  ];
  for (const cid of ids) {
    if (ids.indexOf(cid) !== ids.lastIndexOf(cid)) problems.push(`id "${cid}" is not unique`);
    if (!cid || length(cid) > LIMITS.controlId)
      problems.push(`id "${cid}" is empty or longer than ${LIMITS.controlId}`);
  }

  // URLs: https, below the base, naming an emitted file.
  const urls: Array<{ where: string; url: string }> = [];
  for (const name of ["IconUrl", "HighResolutionIconUrl", "SupportUrl"]) {
    const el = child(root, name);
    if (el) urls.push({ where: name, url: el.attrs.DefaultValue ?? "" });
  }
  const defaultSource = child(child(root, "DefaultSettings"), "SourceLocation");
  urls.push({ where: "DefaultSettings/SourceLocation", url: defaultSource?.attrs.DefaultValue ?? "" });
  for (const [rid, el] of [...res.urls, ...res.images]) {
    urls.push({ where: rid, url: el.attrs.DefaultValue ?? "" });
    for (const o of childrenNamed(el, "bt:Override"))
      urls.push({ where: `${rid} (${o.attrs.Locale})`, url: o.attrs.Value ?? "" });
  }
  for (const { where, url } of urls) {
    if (!url.startsWith("https://")) problems.push(`${where}: ${url} is not https`);
    else if (!url.startsWith(base)) problems.push(`${where}: ${url} is not below ${base}`);
    else {
      const file = url.slice(base.length).replace(/[?#].*$/, "");
      if (!file || !emitted.has(file)) problems.push(`${where}: ${url} names no file the build emits`);
    }
  }
  for (const domain of childrenNamed(child(root, "AppDomains"), "AppDomain")) {
    if (domain.text !== new URL(base).origin)
      problems.push(`AppDomain ${domain.text} is not the origin of ${base}`);
  }

  // Icons: declared sizes match the PNG files.
  const fileOf = (url: string | undefined) => (url ?? "").slice(base.length);
  const expectSize = (where: string, url: string | undefined, size: number) => {
    const file = fileOf(url);
    if (!emitted.has(file)) return; // reported above
    const got = emitted.pngSize(file);
    if (!got) problems.push(`${where}: ${url} is not a PNG`);
    else if (got.width !== size || got.height !== size)
      problems.push(`${where}: ${url} is ${got.width}×${got.height}, declared ${size}×${size}`);
  };
  expectSize("IconUrl", child(root, "IconUrl")?.attrs.DefaultValue, 32);
  expectSize("HighResolutionIconUrl", child(root, "HighResolutionIconUrl")?.attrs.DefaultValue, 64);
  for (const { el } of all) {
    if (el.name === "bt:Image" && el.attrs.size && el.attrs.resid) {
      const image = res.images.get(el.attrs.resid);
      expectSize(
        `<bt:Image size="${el.attrs.size}" resid="${el.attrs.resid}">`,
        image?.attrs.DefaultValue,
        Number(el.attrs.size),
      );
    }
  }
  for (const { el } of all) {
    if (["Group", "Control"].includes(el.name)) {
      const sizes = childrenNamed(child(el, "Icon"), "bt:Image").map((i) => i.attrs.size);
      if (sizes.join() !== "16,32,80")
        problems.push(`${el.name} ${el.attrs.id} has icon sizes [${sizes.join()}], expected [16,32,80]`);
    }
  }

  // Strings: within limits, translated.
  for (const s of visibleStrings(root, res)) {
    if (!s.value) problems.push(`${s.where} is empty`);
    if (length(s.value) > s.limit)
      problems.push(`${s.where} has ${length(s.value)} characters, limit ${s.limit}`);
    const isNamespace = s.where === "ShortStrings Functions.Namespace";
    const en = s.overrides.find((o) => o.attrs.Locale === "en-US");
    if (!isNamespace && !en) problems.push(`${s.where} has no en-US override`);
    if (en && length(en.attrs.Value ?? "") > s.limit)
      problems.push(`${s.where} (en-US) is longer than ${s.limit}`);
    if (en && !en.attrs.Value) problems.push(`${s.where} (en-US) is empty`);
  }
  const name = child(root, "DisplayName")?.attrs.DefaultValue ?? "";
  if (length(name) > LIMITS.displayNameShort)
    problems.push(`DisplayName is longer than ${LIMITS.displayNameShort} (unified manifest name.short)`);

  // Shared runtime: one page for runtime, pane, commands and functions.
  const host = child(child(vo, "Hosts"), "Host");
  const runtimes = childrenNamed(child(host, "Runtimes"), "Runtime");
  const runtime = runtimes[0];
  if (runtimes.length !== 1 || runtime?.attrs.lifetime !== "long")
    problems.push("there must be exactly one Runtime, with lifetime long");
  const pageResid = runtime?.attrs.resid;
  const cf = childrenNamed(child(host, "AllFormFactors"), "ExtensionPoint").find(
    (e) => e.attrs["xsi:type"] === "CustomFunctions",
  );
  if (!cf) problems.push("no CustomFunctions extension point");
  const cfPage = child(child(cf, "Page"), "SourceLocation")?.attrs.resid;
  const cfScript = child(child(cf, "Script"), "SourceLocation")?.attrs.resid;
  const cfMetadata = child(child(cf, "Metadata"), "SourceLocation")?.attrs.resid;
  if (res.shortStrings.get(child(cf, "Namespace")?.attrs.resid ?? "")?.attrs.DefaultValue !== "DUTY")
    problems.push("functions namespace is not DUTY");
  const desktop = child(host, "DesktopFormFactor");
  const functionFile = child(desktop, "FunctionFile")?.attrs.resid;
  const actions = all.filter(({ el }) => el.name === "Action");
  const showPane = actions.filter(({ el }) => el.attrs["xsi:type"] === "ShowTaskpane");
  for (const [where, rid] of [
    ["CustomFunctions Page", cfPage],
    ["FunctionFile", functionFile],
    ...showPane.map(({ el }) => ["ShowTaskpane", child(el, "SourceLocation")?.attrs.resid] as const),
  ] as const) {
    if (rid !== pageResid)
      problems.push(`${where} uses ${rid}, the runtime uses ${pageResid}: the shared runtime would not load`);
  }
  if (showPane.length === 0) problems.push("no ShowTaskpane button");
  for (const { el } of showPane)
    if (!child(el, "TaskpaneId")?.text)
      problems.push("ShowTaskpane without TaskpaneId (counts as a second pane)");
  const pageUrl = res.urls.get(pageResid ?? "")?.attrs.DefaultValue;
  if (defaultSource?.attrs.DefaultValue !== pageUrl)
    problems.push(
      `DefaultSettings SourceLocation ${defaultSource?.attrs.DefaultValue} is not the runtime page ${pageUrl}`,
    );

  const metadataUrl = res.urls.get(cfMetadata ?? "")?.attrs.DefaultValue ?? "";
  if (!metadataUrl.endsWith("/functions.json"))
    problems.push(`functions Metadata ${metadataUrl} is not the emitted functions.json`);
  else if (emitted.has(fileOf(metadataUrl))) {
    try {
      const metadata = JSON.parse(emitted.text(fileOf(metadataUrl))) as { functions?: unknown[] };
      if (!Array.isArray(metadata.functions) || metadata.functions.length === 0)
        problems.push("functions.json declares no function");
    } catch {
      problems.push("functions.json is not JSON");
    }
  }
  const scriptUrl = res.urls.get(cfScript ?? "")?.attrs.DefaultValue ?? "";
  if (!scriptUrl.endsWith("/functions.js"))
    problems.push(`functions Script ${scriptUrl} is not functions.js`);
  if (pageUrl && emitted.has(fileOf(pageUrl))) {
    const html = emitted.text(fileOf(pageUrl));
    const scripts = [...html.matchAll(/<script[^>]*\bsrc="?([^"\s>]+)/g)].map((m) =>
      (m[1] ?? "").replace(/\?.*$/, ""),
    );
    // office.js first, from Microsoft's CDN or (officejs=local) from a copy the build emitted.
    const office = scripts[0] ?? "";
    if (!/(?:^|\/)office\.js$/u.test(office)) problems.push("the runtime page does not load office.js first");
    else if (!/^https:\/\//u.test(office) && !emitted.has(office))
      problems.push(`the runtime page loads ${office}, which the build does not emit`);
    const order = ["functions.js", "commands.js", "taskpane.js"].map((f) => scripts.indexOf(f));
    if (order.some((i) => i < 0) || order.some((v, i) => i > 0 && v < (order[i - 1] ?? 0)))
      problems.push(
        `the runtime page must load functions.js, commands.js, then taskpane.js; it loads [${scripts.join(", ")}]`,
      );
  }

  // Ribbon: own tab (groups before its label), buttons whose functions the commands code associates.
  const surface = childrenNamed(desktop, "ExtensionPoint").find(
    (e) => e.attrs["xsi:type"] === "PrimaryCommandSurface",
  );
  const tab = child(surface, "CustomTab");
  if (!tab) problems.push("no CustomTab on the PrimaryCommandSurface");
  else {
    const names = tab.children.map((c) => c.name);
    if (names.lastIndexOf("Group") > names.indexOf("Label"))
      problems.push("CustomTab: every Group must come before the tab's Label");
    if (res.shortStrings.get(child(tab, "Label")?.attrs.resid ?? "")?.attrs.DefaultValue !== "实事督办")
      problems.push("the tab is not labelled 实事督办");
  }
  const executed = actions
    .filter(({ el }) => el.attrs["xsi:type"] === "ExecuteFunction")
    .map(({ el }) => child(el, "FunctionName")?.text ?? "");
  if ([...executed].sort().join() !== [...associated].sort().join())
    problems.push(
      `ExecuteFunction buttons call [${executed.join()}], the commands code associates [${associated.join()}]`,
    );
  for (const { el } of all.filter(({ el }) => el.name === "Control")) {
    for (const required of ["Label", "Supertip", "Icon", "Action"])
      if (!child(el, required)) problems.push(`Control ${el.attrs.id} lacks <${required}>`);
  }

  return problems;
}
