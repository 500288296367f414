import { readFileSync } from "fs";
import { join, resolve } from "path";
import { XMLParser } from "fast-xml-parser";
import { generateCustomFunctionsMetadata, type IFunction } from "custom-functions-metadata";
import type { Configuration, WebpackPluginInstance } from "webpack";

/**
 * functions.json as the build makes it (custom-functions-metadata, the library behind the webpack plugin),
 * and the manifest and webpack entries that point Excel at it.
 */

const ROOT = join(__dirname, "..", "..");
const SOURCE = join(ROOT, "src", "functions", "functions.ts");

const IDS = ["STATUS", "DETAIL", "NEXT", "OVERDUE", "MILESTONES", "INVEST", "PROGRESS"];

interface Metadata {
  functions: IFunction[];
}

let metadata: Metadata;
let associate: Array<{ functionName: string; id: string }>;

beforeAll(async () => {
  const generated = await generateCustomFunctionsMetadata(SOURCE);
  expect(generated.errors).toEqual([]);
  metadata = JSON.parse(generated.metadataJson) as Metadata;
  associate = generated.associate;
});

function fn(id: string): IFunction {
  const found = metadata.functions.find((f) => f.id === id);
  if (!found) throw new Error(`no function ${id} in functions.json`);
  return found;
}

describe("functions.json", () => {
  it("declares exactly the DUTY functions, with the name equal to the id", () => {
    expect(metadata.functions.map((f) => f.id).sort()).toEqual([...IDS].sort());
    for (const f of metadata.functions) expect(f.name).toBe(f.id);
  });

  it("asks for the first argument's address and recalculates like TODAY()", () => {
    for (const id of IDS) {
      expect(fn(id).options).toEqual({ requiresParameterAddresses: true, volatile: true });
    }
  });

  it("takes a cell and an optional date (STATUS also the due-soon days), or a cell and a kind", () => {
    for (const id of IDS.filter((i) => i !== "INVEST")) {
      expect(fn(id).parameters).toEqual([
        expect.objectContaining({ name: "cell", type: "any" }),
        expect.objectContaining({ name: "asOf", type: "any", optional: true }),
        ...(id === "STATUS"
          ? [expect.objectContaining({ name: "dueSoonDays", type: "any", optional: true })]
          : []),
      ]);
      expect(fn(id).parameters[0]?.optional).toBeUndefined();
    }
    expect(fn("INVEST").parameters).toEqual([
      expect.objectContaining({ name: "cell", type: "any" }),
      expect.objectContaining({ name: "kind", type: "any" }),
    ]);
    expect(fn("INVEST").parameters[1]?.optional).toBeUndefined();
  });

  it("returns a matrix from every function that asks for parameter addresses, as the metadata docs require", () => {
    const addressed = metadata.functions.filter((f) => f.options?.requiresParameterAddresses);
    expect(addressed.map((f) => f.id).sort()).toEqual([...IDS].sort());
    for (const f of addressed) expect(f.result).toMatchObject({ dimensionality: "matrix" });
  });

  it("returns text or numbers in a 1×1 matrix, and a spilled matrix for MILESTONES", () => {
    for (const id of ["STATUS", "DETAIL", "NEXT"])
      expect(fn(id).result).toEqual({ type: "string", dimensionality: "matrix" });
    for (const id of ["OVERDUE", "INVEST"])
      expect(fn(id).result).toEqual({ type: "number", dimensionality: "matrix" });
    expect(fn("MILESTONES").result).toEqual({ dimensionality: "matrix" });
    expect(fn("PROGRESS").result).toEqual({ type: "string", dimensionality: "matrix" });
  });

  it("asks for the calling cell's address only where it is read", () => {
    const source = readFileSync(SOURCE, "utf8");
    const reads = /invocation\.address\b/u.test(source);
    expect(metadata.functions.some((f) => f.options?.requiresAddress)).toBe(reads);
  });

  it("describes every function and parameter in Chinese with an English twin", () => {
    for (const f of metadata.functions) {
      for (const text of [f.description, ...f.parameters.map((p) => p.description)]) {
        expect(text).toMatch(/[\u4e00-\u9fff].*\([A-Za-z]/u);
        // Excel shows at most 128 characters of a parameter description.
        expect((text ?? "").length).toBeLessThanOrEqual(128);
      }
    }
  });

  it("associates each id with an exported function of functions.ts", () => {
    const globals = globalThis as unknown as Record<string, unknown>;
    globals.Excel = { run: () => Promise.reject(new Error("not used")) };
    const module = jest.requireActual<Record<string, unknown>>("../../src/functions/functions");
    expect(associate.map((a) => a.id).sort()).toEqual([...IDS].sort());
    for (const { functionName } of associate) expect(typeof module[functionName]).toBe("function");
  });
});

describe("the add-in points Excel at functions.json", () => {
  type Node = Record<string, unknown>;
  const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@" }).parse(
    readFileSync(join(ROOT, "manifest.xml"), "utf8"),
  ) as Node;
  const app = xml.OfficeApp as Node;

  /** Every object below `node` (depth first), for finding elements wherever the manifest nests them. */
  function all(node: unknown): Node[] {
    if (Array.isArray(node)) return node.flatMap(all);
    if (node === null || typeof node !== "object") return [];
    return [node as Node, ...Object.values(node).flatMap(all)];
  }

  const resources = all(app.VersionOverrides);
  function resource(kind: "bt:Url" | "bt:String", id: string): string | undefined {
    const entries = resources.flatMap((n) => (kind in n ? [n[kind]].flat() : [])) as Node[];
    return entries.find((e) => e["@id"] === id)?.["@DefaultValue"] as string | undefined;
  }

  const point = resources.find((n) => n["@xsi:type"] === "CustomFunctions");

  it("has a CustomFunctions extension point whose metadata is functions.json and script functions.js", () => {
    expect(point).toBeDefined();
    const source = (name: string) => ((point?.[name] as Node).SourceLocation as Node)["@resid"] as string;
    expect(resource("bt:Url", source("Metadata"))).toMatch(/\/functions\.json$/u);
    expect(resource("bt:Url", source("Script"))).toMatch(/\/functions\.js$/u);
    expect(resource("bt:String", (point?.Namespace as Node)["@resid"] as string)).toBe("DUTY");
  });

  it("requires the CustomFunctionsRuntime that gives parameter addresses (1.3)", () => {
    const sets = all(app.Requirements).flatMap((n) => ("Set" in n ? [n.Set].flat() : [])) as Node[];
    const runtime = sets.find((s) => s["@Name"] === "CustomFunctionsRuntime");
    expect(Number(runtime?.["@MinVersion"])).toBeGreaterThanOrEqual(1.3);
  });

  it("builds functions.ts as the functions entry and emits functions.json from it", async () => {
    const make =
      jest.requireActual<(env: object, argv: object) => Promise<Configuration>>("../../webpack.config.js");
    const config = await make({}, { mode: "production" });
    const entry = (config.entry as Record<string, string>).functions;
    expect(resolve(ROOT, entry ?? "")).toBe(SOURCE);
    const plugin = (config.plugins ?? []).find(
      (p) => p?.constructor.name === "CustomFunctionsMetadataPlugin",
    ) as (WebpackPluginInstance & { options: { output: string; input: string } }) | undefined;
    expect(plugin?.options.output).toBe("functions.json");
    expect(resolve(ROOT, plugin?.options.input ?? "")).toBe(SOURCE);
  });
});
