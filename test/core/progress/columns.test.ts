import {
  groupProgressColumns,
  progressKind,
  type HeaderParent,
  type ProgressHeaderCell,
} from "../../../src/core/progress/columns";

function top(col: number, text: string): ProgressHeaderCell {
  const kind = progressKind(text, null);
  if (!kind) throw new Error(`${text} is no progress header`);
  return { col, kind, text, address: `${String.fromCharCode(65 + col)}1`, parent: null };
}

function child(col: number, text: string, parent: HeaderParent): ProgressHeaderCell {
  const kind = progressKind(text, parent.text);
  if (!kind) throw new Error(`${text} is no progress header under ${parent.text}`);
  return { col, kind, text, address: `${String.fromCharCode(65 + col)}2`, parent };
}

describe("progressKind: the parent decides under a two-row header", () => {
  it("children of a progress parent are progress, whatever their own words", () => {
    expect(progressKind("前期手续", "本月进展情况")).toBe("progress");
    expect(progressKind("在建形象进度", "本月进展情况")).toBe("progress");
    expect(progressKind("完成比例(%)", "本月进展情况")).toBe("percent");
  });

  it("children of a plan parent are not", () => {
    expect(progressKind("第一季度工作进展", "2022年工作计划")).toBeNull();
    expect(progressKind("完成情况", "进度安排")).toBeNull();
  });

  it("a period parent over progress children", () => {
    expect(progressKind("进展情况", "6月")).toBe("progress");
    expect(progressKind("前期手续", "6月")).toBeNull();
  });
});

describe("groupProgressColumns", () => {
  it("one column per single-row progress header, a percent beside one joins it", () => {
    const columns = groupProgressColumns([
      top(6, "4月进展情况"),
      top(7, "5月进展情况"),
      top(8, "6月进展情况"),
      top(9, "完成比例(%)"),
    ]);
    expect(columns.map((c) => [c.textCols, c.percentCol, c.period?.lastMonth, c.label])).toEqual([
      [[6], null, 4, "4月进展情况"],
      [[7], null, 5, "5月进展情况"],
      [[8], 9, 6, "6月进展情况"],
    ]);
  });

  it("a percent column beside no progress column is none", () => {
    expect(groupProgressColumns([top(3, "完成比例(%)")])).toEqual([]);
    expect(groupProgressColumns([top(2, "进展情况"), top(4, "完成率")])).toEqual([
      expect.objectContaining({ textCols: [2], percentCol: null }),
    ]);
  });

  it("children naming no period are read together, with the parent's period and header cell", () => {
    const parent = { col: 6, text: "6月进展情况", address: "G1" };
    const [column, ...rest] = groupProgressColumns([
      child(6, "前期手续", parent),
      child(7, "在建形象进度", parent),
      child(8, "完成比例(%)", parent),
    ]);
    expect(rest).toEqual([]);
    expect(column).toMatchObject({ textCols: [6, 7], percentCol: 8, headerCell: "G1", label: "6月进展情况" });
    expect(column?.period?.lastMonth).toBe(6);
  });

  it("children naming their own periods are columns of their own", () => {
    const parent = { col: 5, text: "推进情况", address: "F1" };
    const columns = groupProgressColumns([
      child(5, "1-10月", parent),
      child(6, "完成比例", parent),
      child(7, "1-11月", parent),
      child(8, "%", parent),
    ]);
    expect(columns.map((c) => [c.textCols, c.percentCol, c.period?.lastMonth, c.headerCell])).toEqual([
      [[5], 6, 10, "F2"],
      [[7], 8, 11, "H2"],
    ]);
  });

  it("a percent under a progress parent without a text child still makes a column", () => {
    const parent = { col: 4, text: "截至10月底", address: "E1" };
    expect(groupProgressColumns([child(4, "完成比例(%)", parent)])).toEqual([
      expect.objectContaining({ textCols: [], percentCol: 4, headerCell: "E1" }),
    ]);
  });
});
