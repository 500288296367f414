import fc from "fast-check";
import {
  computeTotals,
  fenToWan,
  formatWan,
  formatWanNumber,
  investmentByDepartment,
  parseAmount,
  shareOfTotal,
  sumFen,
  wanToFen,
  type ProjectAmounts,
} from "../../src/core/money";
import type { TotalRowRecord } from "../../src/core/table/layout";
import type { Amount, Investment } from "../../src/core/types";

const WAN = 1_000_000;

describe("parseAmount", () => {
  it.each([
    [8, "wan", 8 * WAN],
    [32.28, "wan", 32_280_000],
    [0.1, "wan", 100_000],
    [6500, "wan", 6500 * WAN],
    [1234.56, "yuan", 123_456],
    [4.8, "yi", 48_000 * WAN],
    [1e-7, "wan", 0],
    [0, "wan", 0],
  ] as const)("number %d in %s → %d 分", (value, unit, fen) => {
    expect(parseAmount(value, unit)).toEqual({
      amount: { fen, qualifier: null, writtenAsText: false },
      problem: null,
    });
  });

  it.each([
    ["拟定100", "wan", 100 * WAN, "拟定"],
    ["约600", "wan", 600 * WAN, "约"],
    ["约 600 万元", "wan", 600 * WAN, "约"],
    ["600万", "wan", 600 * WAN, null],
    ["600万元", "yuan", 600 * WAN, null],
    ["4.8亿", "wan", 48_000 * WAN, null],
    ["1.2亿元", "wan", 12_000 * WAN, null],
    ["1,200", "wan", 1200 * WAN, null],
    ["1，200.5", "wan", 1_200_500_000, null],
    ["１２００", "wan", 1200 * WAN, null],
    ["32.28", "wan", 32_280_000, null],
    ["5000元", "wan", 500_000, null],
    ["2,500,000", "yuan", 250_000_000, null],
    ["3", "yi", 30_000 * WAN, null],
    ["600万元左右", "wan", 600 * WAN, "左右"],
    ["预计50", "wan", 50 * WAN, "预计"],
  ] as const)("text %j in %s → %d 分, qualifier %s", (value, unit, fen, qualifier) => {
    expect(parseAmount(value, unit)).toEqual({
      amount: { fen, qualifier, writtenAsText: true },
      problem: null,
    });
  });

  it.each(["", "  ", "—", "——", "–", "-", "－", "/", "／", "无", "待定", "暂无"])(
    "%j holds no amount and is no problem",
    (value) => {
      expect(parseAmount(value, "wan")).toEqual({ amount: null, problem: null });
    },
  );

  it("reads null as an empty cell", () => {
    expect(parseAmount(null, "wan")).toEqual({ amount: null, problem: null });
  });

  it.each(["另行申请", "1,20", "100万美元", "1.2.3", "一百万", "五十"])(
    "%j is unreadable, never zero",
    (value) => {
      const read = parseAmount(value, "wan");
      expect(read.amount).toBeNull();
      expect(read.problem).toEqual(expect.any(String));
    },
  );

  it("rejects booleans and infinities", () => {
    expect(parseAmount(true, "wan").problem).not.toBeNull();
    expect(parseAmount(Number.POSITIVE_INFINITY, "wan").problem).not.toBeNull();
  });

  it("rounds below the 分 half away from zero", () => {
    expect(parseAmount("0.0000005", "wan").amount?.fen).toBe(1);
    expect(parseAmount("0.0000004", "wan").amount?.fen).toBe(0);
    expect(parseAmount("12.345", "yuan").amount?.fen).toBe(1235);
  });
});

describe("fenToWan and formatWan", () => {
  it("turns 分 into an exact 万元 number", () => {
    expect(fenToWan(55_358_280_000)).toBe(55358.28);
    expect(fenToWan(32_280_000)).toBe(32.28);
    expect(fenToWan(1)).toBe(0.000001);
    expect(fenToWan(-1_500_000)).toBe(-1.5);
    expect(fenToWan(0)).toBe(0);
  });

  it("formats with thousands separators and no trailing zeros", () => {
    expect(formatWan(55_358_280_000)).toBe("55,358.28");
    expect(formatWan(8 * WAN)).toBe("8");
    expect(formatWan(1_234_567 * WAN + 500_000)).toBe("1,234,567.5");
    expect(formatWan(-2500 * WAN)).toBe("-2,500");
  });
});

describe("sumFen", () => {
  it("adds exactly where floats drift", () => {
    const amounts = [4.28, "4"].map((v) => parseAmount(v, "wan").amount?.fen ?? NaN);
    expect(fenToWan(sumFen(amounts))).toBe(8.28);
    expect(4.28 + 4 + 0.1 + 0.2).not.toBe(8.28);
  });

  it("never throws, even past exact integers (computeTotals reports that)", () => {
    expect(Number.isSafeInteger(sumFen([Number.MAX_SAFE_INTEGER, 10]))).toBe(false);
  });
});

describe("shareOfTotal", () => {
  it("rounds to 3 decimals, half up", () => {
    expect(shareOfTotal(18_158_280_000, 55_358_280_000)).toBe(0.328);
    expect(shareOfTotal(1, 2)).toBe(0.5);
    expect(shareOfTotal(1, 3)).toBe(0.333);
    expect(shareOfTotal(2, 3)).toBe(0.667);
    expect(shareOfTotal(1, 2000)).toBe(0.001);
    expect(shareOfTotal(5, 0)).toBeNull();
  });
});

function amount(text: string | number): Amount | null {
  return parseAmount(text, "wan").amount;
}

function project(row: number, total: string | number | null, annual: string | number | null): ProjectAmounts {
  return {
    row,
    total: { amount: total === null ? null : amount(total), cell: total === null ? null : `F${row}` },
    annual: { amount: annual === null ? null : amount(annual), cell: annual === null ? null : `G${row}` },
  };
}

function totalRow(
  row: number,
  total: string | number | null,
  annual: string | number | null,
  label = "合计",
): TotalRowRecord {
  const cells: TotalRowRecord["cells"] = {};
  if (total !== null) cells.totalInvestment = { address: `F${row}`, value: total, numberFormat: null };
  if (annual !== null) cells.annualInvestment = { address: `G${row}`, value: annual, numberFormat: null };
  return { row, cells, label };
}

/** The 新塘 2023 seed's money columns, in source order (projects 1–11 and 14). */
const XINTANG: Array<[string | number | null, string | number | null]> = [
  [null, null],
  [8, 8],
  ["拟定100", 100],
  [8, 8],
  [600, 600],
  [80, 80],
  [32.28, 32.28],
  [6500, 2300],
  [null, null],
  [null, null],
  [48000, 15000],
  [30, 30],
];

describe("computeTotals", () => {
  const seedProjects = XINTANG.map(([t, a], i) => project(30 + i, t, a));

  it("sums the 新塘 seed exactly", () => {
    const { totals, diagnostics } = computeTotals(seedProjects, [], {});
    expect(totals).toEqual({
      projects: 12,
      withInvestment: 9,
      withoutInvestment: 3,
      total: 55358.28,
      annual: 18158.28,
      annualShareOfTotal: 0.328,
      sheetTotalRow: null,
      incomplete: false,
    });
    expect(diagnostics).toEqual([]);
  });

  it("counts a project with only one of the two amounts as having investment", () => {
    const { totals } = computeTotals(
      [project(5, null, 10), project(6, 20, null), project(7, "—", "待定")],
      [],
      {},
    );
    expect(totals.withInvestment).toBe(2);
    expect(totals.withoutInvestment).toBe(1);
    expect(totals.total).toBe(20);
    expect(totals.annual).toBe(10);
  });

  it("flags an annual amount above the total with both figures", () => {
    const { diagnostics } = computeTotals([project(9, 100, 120.5), project(10, 100, 100)], [], {});
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ cell: "G9", code: "money.annualAboveTotal", severity: "warning" });
    expect(diagnostics[0]?.message).toContain("120.5");
    expect(diagnostics[0]?.message).toContain("100");
    expect(diagnostics[0]?.messageEn).toContain("120.5");
  });

  it("accepts a 合计 row that matches, column by column", () => {
    const { totals, diagnostics } = computeTotals(seedProjects, [totalRow(50, "55,358.28", 18158.28)], {});
    expect(diagnostics).toEqual([]);
    expect(totals.sheetTotalRow).toEqual({
      row: 50,
      total: 55358.28,
      annual: 18158.28,
      totalMatches: true,
      annualMatches: true,
    });
  });

  it("reports a 合计 row that disagrees, with both figures", () => {
    const { totals, diagnostics } = computeTotals(seedProjects, [totalRow(50, 55358.3, null)], {});
    expect(totals.sheetTotalRow).toEqual({
      row: 50,
      total: 55358.3,
      annual: null,
      totalMatches: false,
      annualMatches: null,
    });
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ cell: "F50", code: "money.totalRowMismatch" });
    expect(diagnostics[0]?.message).toContain("55,358.3");
    expect(diagnostics[0]?.message).toContain("55,358.28");
  });

  it("reads the 合计 row in the header's unit", () => {
    const { totals } = computeTotals([project(3, 1.5, 1)], [totalRow(4, 15000, 10000)], {
      totalInvestment: "yuan",
      annualInvestment: "yuan",
    });
    expect(totals.sheetTotalRow?.totalMatches).toBe(true);
    expect(totals.sheetTotalRow?.annualMatches).toBe(true);
  });

  it("reports an unreadable 合计 cell and does not compare it", () => {
    const { totals, diagnostics } = computeTotals([project(3, 10, 5)], [totalRow(4, "见附表", 5)], {});
    expect(totals.sheetTotalRow).toMatchObject({ total: null, totalMatches: null, annualMatches: true });
    expect(diagnostics.map((d) => [d.code, d.cell])).toEqual([["money.unreadable", "F4"]]);
  });

  it("leaves 小计 rows out of the comparison", () => {
    const { totals, diagnostics } = computeTotals(
      [project(3, 10, 5), project(5, 20, 5)],
      [totalRow(4, 10, 5, "小计"), totalRow(6, 30, 10, "合计")],
      {},
    );
    expect(diagnostics).toEqual([]);
    expect(totals.sheetTotalRow?.row).toBe(6);
  });

  it("gives no share when the total is zero", () => {
    const { totals } = computeTotals([project(3, null, 5)], [], {});
    expect(totals.annualShareOfTotal).toBeNull();
    expect(totals.total).toBe(0);
  });
});

describe("money properties", () => {
  it("reads back exactly what it formats, in every unit", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 14 }), (fen) => {
        expect(parseAmount(formatWan(fen), "wan").amount?.fen).toBe(fen);
        expect(parseAmount(fenToWan(fen), "wan").amount?.fen).toBe(fen);
        expect(parseAmount(`${formatWan(fen)}万元`, "yuan").amount?.fen).toBe(fen);
      }),
    );
  });

  it("sums exactly whatever the order", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10 ** 12 }), { maxLength: 50 }), (fens) => {
        const forward = sumFen(fens);
        expect(sumFen([...fens].reverse())).toBe(forward);
        expect(forward).toBe(fens.reduce((a, b) => a + b, 0));
      }),
    );
  });
});

describe("sums out of range", () => {
  it("are reported, not thrown", () => {
    const huge = {
      amount: { fen: Number.MAX_SAFE_INTEGER - 1, qualifier: null, writtenAsText: false },
      cell: "F3",
    };
    const none = { amount: null, cell: null };
    const { diagnostics } = computeTotals(
      [
        { row: 3, total: huge, annual: none },
        { row: 4, total: huge, annual: none },
      ],
      [],
      {},
    );
    expect(diagnostics.map((d) => d.code)).toContain("money.sumOutOfRange");
  });
});

describe("万元 numbers from the core back to 分", () => {
  it("reads the decimal digits, not the float", () => {
    expect(wanToFen(828.28)).toBe(828_280_000);
    expect(wanToFen(0.1 + 0.2)).toBe(300_000);
    expect(wanToFen(-1.5)).toBe(-1_500_000);
    expect(wanToFen(Number.NaN)).toBeNull();
    expect(formatWanNumber(55358.28)).toBe("55,358.28");
    expect(formatWanNumber(1234567.891)).toBe("1,234,567.891");
    expect(formatWanNumber(Number.POSITIVE_INFINITY)).toBe("—");
  });

  it("sums each department exactly, largest first, skipping projects without amounts", () => {
    const money = (total: number | null, annual: number | null): Investment => ({
      total,
      annual,
      totalQualifier: null,
      annualQualifier: null,
      totalCell: null,
      annualCell: null,
    });
    const rows = investmentByDepartment([
      { department: "A", investment: money(0.1, 0.1) },
      { department: "A", investment: money(0.2, null) },
      { department: "B", investment: money(828.28, 828.28) },
      { department: null, investment: money(null, 5) },
      { department: "C", investment: money(null, null) },
    ]);
    expect(rows).toEqual([
      { department: "B", totalFen: 828_280_000, annualFen: 828_280_000 },
      { department: null, totalFen: 0, annualFen: 5 * WAN },
      { department: "A", totalFen: 300_000, annualFen: 100_000 },
    ]);
  });
});
