import { buildClauses } from "../../../src/core/schedule/clauses";
import { attachYears, mergeRanges, resolveYears } from "../../../src/core/schedule/refine";
import { scan } from "../../../src/core/schedule/scanner";
import type { Token } from "../../../src/core/schedule/tokens";

function kinds(tokens: Token[]): string[] {
  return tokens.map((t) => `${t.kind}@${t.start}-${t.end}`);
}

function refined(text: string): { normalized: string; tokens: Token[] } {
  const { normalized, tokens } = scan(text);
  return { normalized, tokens: mergeRanges(attachYears(tokens, normalized), normalized) };
}

describe("scan", () => {
  it("finds markers in order without overlap", () => {
    const { tokens } = scan("1.2022年4月设计；第二季度：施工；年底验收");
    expect(kinds(tokens)).toEqual([
      "enumerator@0-2",
      "year@2-7",
      "date@7-9",
      "quarter@12-16",
      "period@20-22",
    ]);
  });

  it("returns a normalised copy of the same length", () => {
    const text = "Ｑ１：施工\u3000";
    const { normalized } = scan(text);
    expect(normalized).toBe("Q1:施工 ");
  });

  it("finds nothing in plain text", () => {
    expect(scan("按照时间节点开展项目建设").tokens).toEqual([]);
  });
});

describe("attachYears", () => {
  it("joins a year to the marker right after it, taking its start", () => {
    const { tokens } = refined("2022 年 1 月选定地块，2 月设计");
    expect(tokens.map((t) => [t.kind, t.start, t.kind === "date" ? t.year : null])).toEqual([
      ["date", 0, 2022],
      ["date", 15, null],
    ]);
  });

  it("joins a year to quarters and periods too (`2023年第一季度`, `2022年底`)", () => {
    expect(refined("2023年第一季度").tokens).toEqual([
      expect.objectContaining({ kind: "quarter", year: 2023, start: 0 }),
    ]);
    expect(refined("2022年底").tokens).toEqual([
      expect.objectContaining({ kind: "period", year: 2022, start: 0 }),
    ]);
  });

  it("leaves a year that text separates from the next marker", () => {
    expect(kinds(refined("2022年计划：6月完成").tokens)).toEqual(["year@0-5", "date@8-10"]);
  });

  it("does not modify its input", () => {
    const { normalized, tokens } = scan("2022年6月");
    const copy = JSON.parse(JSON.stringify(tokens)) as Token[];
    attachYears(tokens, normalized);
    expect(tokens).toEqual(copy);
  });
});

describe("mergeRanges", () => {
  it("merges two dates joined by one connector into a range", () => {
    expect(refined("4月至5月施工").tokens).toEqual([
      expect.objectContaining({ kind: "date", fromMonth: 4, month: 5, start: 0, end: 5 }),
    ]);
    expect(refined("2021年11月 到 2022年2月").tokens).toEqual([
      expect.objectContaining({ fromMonth: 11, fromYear: 2021, month: 2, year: 2022 }),
    ]);
  });

  it("does not merge dates separated by anything else", () => {
    expect(refined("4月，5月").tokens).toHaveLength(2);
    expect(refined("4月至至5月").tokens).toHaveLength(2);
  });
});

describe("resolveYears", () => {
  const years = (text: string, defaultYear = 2023) => {
    const { normalized, tokens } = refined(text);
    return resolveYears(tokens, normalized, defaultYear).map((r) => r.year);
  };

  it("uses the default year when none is written", () => {
    expect(years("3月；6月", 2025)).toEqual([2025, 2025]);
  });

  it("carries a written year forward within an item and resets at an enumerator", () => {
    expect(years("1.2021年3月，6月；2.9月")).toEqual([2021, 2021, 2023]);
  });

  it("makes a leading year (written or standalone) the base of every item", () => {
    expect(years("2024年计划：1.3月；2.6月")).toEqual([2024, 2024]);
    expect(years("2024年3月；1.6月")).toEqual([2024, 2024]);
  });

  it("ignores a standalone year after a date of the same item", () => {
    expect(years("第一季度：总结2022年工作；第二季度")).toEqual([2023, 2023]);
  });

  it("rolls a backwards range into the next year", () => {
    const { normalized, tokens } = refined("11月至2月");
    expect(resolveYears(tokens, normalized, 2023)).toEqual([
      expect.objectContaining({ fromYear: 2023, year: 2024 }),
    ]);
  });

  it("starts an item at its enumerator when the enumerator leads into the marker", () => {
    const { normalized, tokens } = refined("说明；（二）第二季度：施工");
    expect(resolveYears(tokens, normalized, 2023)[0]?.itemStart).toBe(3);
  });
});

describe("buildClauses", () => {
  const clauses = (text: string) => {
    const { normalized, tokens } = refined(text);
    return buildClauses(text, resolveYears(tokens, normalized, 2023));
  };

  it("lets quarters govern when there is any, and months make milestones otherwise", () => {
    expect(clauses("3月设计；第二季度：6月施工").milestones.map((m) => m.marker)).toEqual(["第二季度"]);
    expect(clauses("3月设计；6月施工").milestones.map((m) => m.marker)).toEqual(["3月", "6月"]);
  });

  it("reports impossible dates and drops them", () => {
    const result = clauses("2月30日设计；6月施工");
    expect(result.milestones.map((m) => m.due)).toEqual(["2023-06-30"]);
    expect(result.diagnostics.map((d) => d.code)).toEqual(["schedule.impossibleDate"]);
  });
});
