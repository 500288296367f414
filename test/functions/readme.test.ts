import { readFileSync } from "fs";
import { join } from "path";
import { seedGrid } from "../support/seed-grid";
import { harness, invocation, type ShownFunctions } from "./harness";

/**
 * Every `=DUTY.X(A9,"…")` → `answer` example of src/functions/README.md, evaluated on the Xintang seed
 * (DUTY.PROGRESS on the monthly sample, the same table with its 进展情况 columns).
 */

const README = readFileSync(join(__dirname, "..", "..", "src", "functions", "README.md"), "utf8");
const EXAMPLE = /`=DUTY\.([A-Z]+)\(A(\d+),"([^"]*)"\)` → `([^`]*)`/gu;

const examples = [...README.matchAll(EXAMPLE)].map((m) => ({
  name: m[1] as string,
  row: Number(m[2]),
  arg: m[3] as string,
  shown: m[4] as string,
}));

async function evaluate(fns: ShownFunctions, name: string, row: number, arg: string): Promise<unknown> {
  const at = invocation(`责任分解表!A${row}`);
  switch (name) {
    case "STATUS":
      return fns.status("", arg, null, at);
    case "DETAIL":
      return fns.detail("", arg, at);
    case "NEXT":
      return fns.next("", arg, at);
    case "OVERDUE":
      return String(await fns.overdue("", arg, at));
    case "MILESTONES":
      return ((await fns.milestones("", arg, at))[0] ?? []).join(" │ ");
    case "INVEST":
      return String(await fns.invest("", arg, at));
    case "PROGRESS":
      return fns.progress("", arg, at);
    default:
      throw new Error(`README names an unknown formula DUTY.${name}`);
  }
}

describe("README examples", () => {
  it("has an example for each formula", () => {
    expect(new Set(examples.map((e) => e.name))).toEqual(
      new Set(["STATUS", "DETAIL", "NEXT", "OVERDUE", "MILESTONES", "INVEST", "PROGRESS"]),
    );
  });

  it.each(examples)('=DUTY.$name(A$row,"$arg") shows $shown', async ({ name, row, arg, shown }) => {
    const { fns } = harness([{ grid: seedGrid(name === "PROGRESS" ? "monthly-2023" : "xintang-2023") }]);
    expect(await evaluate(fns, name, row, arg)).toBe(shown);
  });
});
