import expectations from "../fixtures/seed-expectations.json";
import { checkSheet } from "../../src/core/check";
import { resolveOptions } from "../../src/core/options";
import { seedGrid, type SeedName } from "../support/seed-grid";
import type { SheetResult } from "../../src/core/types";

const SEEDS: Record<string, SeedName> = {
  "000_66d9d59c06a574fd.txt": "xintang-2023",
  "001_4348887117f79764.txt": "zimao-2022",
};

function check(name: SeedName, asOf: string): SheetResult {
  const resolved = resolveOptions({ asOf, dueSoonDays: 15 });
  if (!resolved.ok) throw new Error(resolved.message);
  return checkSheet(seedGrid(name), resolved.options);
}

describe.each(expectations.documents)("seed $seed", (doc) => {
  const name = SEEDS[doc.seed] as SeedName;
  const firstDate = Object.keys(doc.statusAt)[0] as string;
  const result = check(name, firstDate);
  const table = result.tables[0]!;

  it("finds exactly one table with the table's year and title", () => {
    expect(result.tables).toHaveLength(1);
    expect(table.year).toBe(doc.tableYear);
    expect(table.title?.replace(/\s/gu, "")).toBe(doc.title.replace(/\s/gu, ""));
    expect(Object.keys(table.columns)).toHaveLength(doc.columns.length);
  });

  it("reads every project, in order, with its people", () => {
    expect(table.projects.map((p) => p.index)).toEqual(doc.projects.map((p) => p.index));
    for (const [i, expected] of doc.projects.entries()) {
      const project = table.projects[i]!;
      expect(project.name).toBe(expected.name);
      expect(project.leaders).toEqual(expected.leader);
      expect(project.department).toBe(expected.department);
      expect(project.person).toBe(expected.person);
      if ("period" in expected) expect(project.period).toBe(expected.period);
    }
  });

  it.each(doc.projects.map((p) => [p.index, p] as const))("project %s: milestones", (index, expected) => {
    const project = table.projects.find((p) => p.index === index)!;
    const actual = project.milestones.map((m) => ({
      quarters: m.quarters,
      months: m.months,
      due: m.due,
      before: m.before,
    }));
    const wanted = expected.milestones.map((m) => ({
      quarters: "quarters" in m ? m.quarters : null,
      months: "months" in m ? m.months : null,
      due: m.due,
      before: "before" in m ? m.before : false,
    }));
    expect(actual).toEqual(wanted);
    expected.milestones.forEach((m, i) =>
      expect(project.milestones[i]!.text.startsWith(m.textStartsWith)).toBe(true),
    );
    if (expected.milestones.length === 0) {
      expect(project.status).toBe("unscheduled");
      expect(
        table.warnings.some((w) => w.code === "schedule.unscheduled" && w.cell === project.cells.schedule[0]),
      ).toBe(true);
    }
  });

  it("reads money with qualifiers", () => {
    for (const expected of doc.projects) {
      const project = table.projects.find((p) => p.index === expected.index)!;
      if (!("total" in expected)) {
        expect(project.investment.total).toBeNull();
        continue;
      }
      expect(project.investment.total).toBe(expected.total);
      expect(project.investment.annual).toBe(expected.annual);
      expect(project.investment.totalQualifier).toBe(
        "totalQualifier" in expected ? expected.totalQualifier : null,
      );
    }
  });

  it("computes totals exactly (or none without money columns)", () => {
    if (doc.totals === null) {
      expect(table.totals).toBeNull();
      return;
    }
    expect(table.totals).toMatchObject(doc.totals);
  });

  it.each(Object.entries(doc.statusAt))("status counts on %s", (asOf, counts) => {
    const { why: _why, ...expected } = counts as Record<string, number | string>;
    expect(check(name, asOf).tables[0]!.counts).toEqual(expected);
  });
});

describe("seed details", () => {
  it("reports the empty department of 新塘 project 10 as missing, without shifting the person", () => {
    const table = check("xintang-2023", "2023-06-20").tables[0]!;
    const project = table.projects.find((p) => p.index === "10")!;
    const warning = table.warnings.find((w) => w.code === "project.missing.department");
    expect(warning?.cell).toBe(`I${project.row}`);
    expect(warning?.message).toContain(`I${project.row}`);
  });

  it("puts every milestone on its schedule cell and counts days late", () => {
    const table = check("xintang-2023", "2023-07-20").tables[0]!;
    const project = table.projects.find((p) => p.index === "5")!;
    const q2 = project.milestones[1]!;
    expect(q2.cell).toBe(`D${project.row}`);
    expect(q2.status).toBe("overdue");
    expect(q2.daysLate).toBe(20);
  });
});
