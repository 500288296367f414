import {
  readCompletion,
  readProgressText,
  readQuarterCell,
  type Completion,
} from "../../src/core/completion";
import type { Quarter } from "../../src/core/types";

function progress(text: string): Completion {
  const reading = readProgressText(text);
  return { allDone: reading.allDone, doneQuarters: new Set(reading.quarters) };
}
const quarters = (c: Completion): Quarter[] => [...c.doneQuarters].sort();

describe("progress column text", () => {
  it.each(["已完成", "已全部完成", "已竣工", "已完工", "已验收", "已办结", "项目已 完成", "全部完成"])(
    "%s → all done",
    (text) => {
      expect(progress(text)).toEqual({ allDone: true, doneQuarters: new Set() });
    },
  );

  it.each(["未完成", "滞后", "正在推进", "", "按计划推进中", "计划6月完成"])("%j → nothing done", (text) => {
    const c = progress(text);
    expect(c.allDone).toBe(false);
    expect(quarters(c)).toEqual([]);
  });

  it.each<[string, Quarter[]]>([
    ["第一季度已完成", [1]],
    ["一、二季度任务已完成", [1, 2]],
    ["第一季度已完成；第二季度未完成", [1]],
    ["第一季度已完成，第二季度滞后", [1]],
    ["已完成至第二季度", [1, 2]],
    ["已完成至第三季度", [1, 2, 3]],
    ["一季度完成", [1]],
    ["已完成第一季度任务", [1]],
    ["第一、二季度均已完成。", [1, 2]],
    ["第三季度正在推进", []],
  ])("%s → quarters %j", (text, expected) => {
    const c = progress(text);
    expect(c.allDone).toBe(false);
    expect(quarters(c)).toEqual(expected);
  });
});

describe("per-quarter completion cells", () => {
  it.each(["√", "✓", "是", "已完成", "完成", " 已完成 "])("%j is done", (v) =>
    expect(readQuarterCell(v)).toBe("done"),
  );
  it.each(["×", "✗", "否", "未完成", "滞后"])("%j is not done", (v) =>
    expect(readQuarterCell(v)).toBe("notDone"),
  );
  it("booleans and blanks", () => {
    expect(readQuarterCell(true)).toBe("done");
    expect(readQuarterCell(false)).toBe("notDone");
    expect(readQuarterCell("")).toBe("empty");
    expect(readQuarterCell(null)).toBe("empty");
  });
  it("anything else is reported with its cell", () => {
    const { completion, diagnostics } = readCompletion([], { 2: [{ address: "K7", value: "差不多" }] });
    expect(quarters(completion)).toEqual([]);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ cell: "K7", code: "completion.unreadable" });
    expect(diagnostics[0]!.message).toContain("K7");
  });
  it("a quarter's column written as a report (落实情况 over quarters): a done statement closes it, a narrative closes nothing and is no finding", () => {
    const { completion, diagnostics } = readCompletion([], {
      1: [{ address: "I5", value: "项目已全部完成" }],
      2: [{ address: "J5", value: "已建成 4 个" }],
      3: [{ address: "K5", value: "于7月5日进行方案汇报，装修施工已进场" }],
      4: [{ address: "L5", value: "已完成招投标，正在施工" }],
    });
    expect(quarters(completion)).toEqual([1]);
    expect(diagnostics.map((d) => [d.cell, d.code])).toEqual([["L5", "completion.ambiguous"]]);
  });
  it("combines a progress column with quarter columns", () => {
    const { completion } = readCompletion([{ address: "L5", value: "第一季度已完成" }], {
      2: [{ address: "M5", value: "√" }],
      3: [{ address: "N5", value: "×" }],
    });
    expect(quarters(completion)).toEqual([1, 2]);
  });
});

describe("done words that do not say what is done", () => {
  it.each(["已完成招投标，正在施工", "已完成方案设计", "第一季度已完成招标"])(
    "%s is not counted, and is reported",
    (text) => {
      const reading = readProgressText(text);
      expect(reading.allDone).toBe(false);
      expect(reading.quarters).toEqual([]);
      expect(reading.ambiguous).toBe(true);
      const { diagnostics } = readCompletion([{ address: "L5", value: text }], {});
      expect(diagnostics.map((d) => [d.code, d.cell, d.severity])).toEqual([
        ["completion.ambiguous", "L5", "info"],
      ]);
      expect(diagnostics[0]!.message).toContain("L5");
    },
  );

  it.each(["按计划推进中", "正在推进", "未完成", "已完成"])("%s needs no report", (text) => {
    expect(readCompletion([{ address: "L5", value: text }], {}).diagnostics).toEqual([]);
  });
});
