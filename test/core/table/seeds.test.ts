import { computeTotals, fenToWan, parseAmount, type AmountRead } from "../../../src/core/money";
import { findTables, findTablesWithDiagnostics } from "../../../src/core/table";
import type { MoneyUnit, ProjectRecord, RawCell, TableLayout } from "../../../src/core/table/layout";
import type { Role } from "../../../src/core/types";
import expectations from "../../fixtures/seed-expectations.json";
import { seedGrid, type SeedName } from "../../support/seed-grid";

interface ExpectedProject {
  index: string;
  name: string;
  period?: string;
  total?: number | null;
  totalQualifier?: string;
  annual?: number | null;
  leader: string[];
  department: string | null;
  person: string;
}

const SEEDS: Array<[SeedName, (typeof expectations.documents)[number]]> = [
  ["xintang-2023", expectations.documents[0] as (typeof expectations.documents)[number]],
  ["zimao-2022", expectations.documents[1] as (typeof expectations.documents)[number]],
];

function text(cells: RawCell[] | undefined): string | null {
  return cells && cells.length > 0 ? cells.map((c) => String(c.value)).join("\n") : null;
}

function amountOf(
  record: ProjectRecord,
  role: "totalInvestment" | "annualInvestment",
  unit: MoneyUnit | undefined,
): AmountRead {
  const cell = record.cells[role]?.[0];
  return { amount: cell ? parseAmount(cell.value, unit ?? "wan").amount : null, cell: cell?.address ?? null };
}

function only(tables: TableLayout[]): TableLayout {
  expect(tables).toHaveLength(1);
  return tables[0] as TableLayout;
}

describe.each(SEEDS)("seed %s", (name, expected) => {
  const projects = expected.projects as ExpectedProject[];

  describe.each([
    ["as printed", {}],
    ["with the source's blank lines", { keepBlankLines: true }],
    ["without merge information", { merges: false }],
  ])("%s", (_label, options) => {
    const table = only(findTables(seedGrid(name, options)));

    it("finds the header, its columns and the title", () => {
      const headerRow = table.headerRows[0] as number;
      expect(table.headerRows).toEqual([3]);
      expect(table.firstRow).toBe(headerRow);
      const columns = Object.entries(table.columns).sort((a, b) => a[1] - b[1]);
      expect(columns).toHaveLength(expected.columns.length);
      expect(table.title).toBe(expected.title);
      expect(table.titleYear).toBe(expected.tableYear);
      expect(table.firstCol).toBe(0);
      expect(table.lastCol).toBe(expected.columns.length - 1);
    });

    it("reads every project once, skipping the repeated headers", () => {
      expect(table.projects.map((p) => text(p.cells.index))).toEqual(projects.map((p) => p.index));
      expect(table.projects.map((p) => text(p.cells.name))).toEqual(projects.map((p) => p.name));
      expect(table.projects.every((p) => p.rows.length === 1 && p.category === null)).toBe(true);
      expect(table.totalRows).toEqual([]);
      expect(table.diagnostics).toEqual([]);
    });

    it("keeps people and departments in their own columns", () => {
      expect(table.projects.map((p) => text(p.cells.leader))).toEqual(
        projects.map((p) => p.leader.join(" ")),
      );
      expect(table.projects.map((p) => text(p.cells.department))).toEqual(projects.map((p) => p.department));
      expect(table.projects.map((p) => text(p.cells.person))).toEqual(projects.map((p) => p.person));
    });

    it("ends at the last project row, before any footer", () => {
      const last = table.projects[table.projects.length - 1] as ProjectRecord;
      expect(table.lastRow).toBe(last.rows[0]);
    });
  });

  it("keeps each cell's own value and address", () => {
    const table = only(findTables(seedGrid(name)));
    const first = table.projects[0] as ProjectRecord;
    expect(first.cells.index).toEqual([{ address: "A4", value: 1, numberFormat: null }]);
    expect(first.cells.name?.[0]?.address).toBe("B4");
    expect(first.cells.schedule?.[0]?.address).toBe("D4");
    expect(String(first.cells.schedule?.[0]?.value)).toMatch(/^第一季度/u);
  });

  it("finds the same table when it starts at C4 (grid origin)", () => {
    const table = only(findTables(seedGrid(name, { origin: { row: 3, col: 2 } })));
    expect(table.headerRows).toEqual([6]);
    expect(table.firstCol).toBe(2);
    expect(table.columns.index).toBe(2);
    expect(table.columns.name).toBe(3);
    expect(table.projects[0]?.cells.name?.[0]?.address).toBe("D7");
    expect(table.projects).toHaveLength(projects.length);
  });

  it("finds the same table when blank rows and columns come first (used range from A1)", () => {
    const table = only(findTables(seedGrid(name, { pad: { rows: 3, cols: 2 } })));
    expect(table.headerRows).toEqual([6]);
    expect(table.columns.index).toBe(2);
    expect(table.projects[0]?.cells.index?.[0]?.address).toBe("C7");
    expect(table.title).toBe(expected.title);
  });

  it("reports no sheet-wide problem", () => {
    expect(findTablesWithDiagnostics(seedGrid(name)).diagnostics).toEqual([]);
  });
});

describe("新塘 seed columns and money", () => {
  const table = only(findTables(seedGrid("xintang-2023")));
  const expected = expectations.documents[0] as (typeof expectations.documents)[number];

  it("maps every column to its role, units included", () => {
    const roles: Role[] = [
      "index",
      "name",
      "content",
      "schedule",
      "period",
      "totalInvestment",
      "annualInvestment",
      "leader",
      "department",
      "person",
    ];
    expect(table.columns).toEqual(Object.fromEntries(roles.map((r, i) => [r, i])));
    expect(table.units).toEqual({ totalInvestment: "wan", annualInvestment: "wan" });
    expect(table.quarterColumns).toEqual({});
  });

  it("reads each project's amounts and period as the expectations say", () => {
    const projects = expected.projects as ExpectedProject[];
    table.projects.forEach((record, i) => {
      const want = projects[i] as ExpectedProject;
      const total = amountOf(record, "totalInvestment", table.units.totalInvestment).amount;
      const annual = amountOf(record, "annualInvestment", table.units.annualInvestment).amount;
      expect([
        text(record.cells.period),
        total ? fenToWan(total.fen) : null,
        annual ? fenToWan(annual.fen) : null,
      ]).toEqual([want.period, want.total ?? null, want.annual ?? null]);
      expect(total?.qualifier ?? null).toBe(want.totalQualifier ?? null);
    });
  });

  it("gives the expected totals", () => {
    const { totals, diagnostics } = computeTotals(
      table.projects.map((p) => ({
        row: p.rows[0] as number,
        total: amountOf(p, "totalInvestment", table.units.totalInvestment),
        annual: amountOf(p, "annualInvestment", table.units.annualInvestment),
      })),
      table.totalRows,
      table.units,
    );
    expect(diagnostics).toEqual([]);
    expect({ ...totals, sheetTotalRow: undefined }).toEqual({
      ...expected.totals,
      sheetTotalRow: undefined,
      incomplete: false,
    });
  });
});

describe("紫帽 seed columns", () => {
  it("has no investment columns and puts 责任人 before 责任科室", () => {
    const table = only(findTables(seedGrid("zimao-2022")));
    expect(table.columns).toEqual({
      index: 0,
      name: 1,
      content: 2,
      schedule: 3,
      leader: 4,
      person: 5,
      department: 6,
    });
    expect(table.units).toEqual({});
  });
});
