import { checkSheet } from "../../src/core/check";
import { resolveOptions } from "../../src/core/options";
import {
  diffSnapshots,
  emptyStore,
  hasChanges,
  parseSnapshot,
  parseStore,
  recordCheck,
  snapshotOf,
  type Snapshot,
} from "../../src/core/since";
import type { CellValue } from "../../src/core/types";
import { gridFromRows } from "../support/seed-grid";

const HEADER = ["序号", "项目名称", "形象进度安排", "责任领导", "责任科室", "5月进展情况", "6月进展情况"];

function snapshot(rows: CellValue[][], asOf: string): Snapshot {
  const resolved = resolveOptions({ asOf });
  if (!resolved.ok) throw new Error(resolved.message);
  return snapshotOf(
    checkSheet(gridFromRows([["2023年为民办实事项目表"], HEADER, ...rows]), resolved.options),
  );
}

const MAY: CellValue[][] = [
  [1, "道路改造", "第二季度:招标;第三季度:施工", "林舟", "城建办", "正在推进", ""],
  [2, "公厕建设", "第三季度:完工", "张育彪", "环卫办", "尚未开工", ""],
  [3, "医疗互助", "第四季度:办理", "张绍萍", "总工会", "正常推进", ""],
];

describe("snapshots", () => {
  it("keep each project's 序号, name, row, status, progress state and overdue milestones", () => {
    const s = snapshot(MAY, "2023-05-26");
    expect(s).toEqual({
      version: 1,
      asOf: "2023-05-26",
      tables: [
        {
          sheet: "Sheet1",
          projects: [
            ["1", "道路改造", 3, "onTrack", "onSchedule", []],
            ["2", "公厕建设", 4, "onTrack", "notStarted", []],
            ["3", "医疗互助", 5, "onTrack", "onSchedule", []],
          ],
        },
      ],
    });
  });

  it("read back only when they are snapshots", () => {
    const s = snapshot(MAY, "2023-05-26");
    expect(parseSnapshot(JSON.parse(JSON.stringify(s)))).toEqual(s);
    expect(parseSnapshot({ ...s, version: 2 })).toBeNull();
    expect(parseSnapshot({ version: 1, asOf: "yesterday", tables: [] })).toBeNull();
    expect(parseSnapshot("{}")).toBeNull();
  });
});

describe("diffSnapshots (PROGRESS.md §7)", () => {
  const before = snapshot(MAY, "2023-05-26");

  it("lists milestones newly overdue, projects newly done and progress states that changed", () => {
    const after = snapshot(
      [
        [1, "道路改造", "第二季度:招标;第三季度:施工", "林舟", "城建办", "正在推进", "进度滞后"],
        [2, "公厕建设", "第三季度:完工", "张育彪", "环卫办", "尚未开工", "已完成"],
        [3, "医疗互助", "第四季度:办理", "张绍萍", "总工会", "正常推进", "正常推进"],
      ],
      "2023-07-10",
    );
    const changes = diffSnapshots(before, after);
    expect(changes).toEqual({
      since: "2023-05-26",
      newlyOverdue: [
        {
          sheet: "Sheet1",
          index: "1",
          name: "道路改造",
          row: 3,
          period: "第二季度",
          due: "2023-06-30",
          cell: "C3",
        },
      ],
      newlyDone: [{ sheet: "Sheet1", index: "2", name: "公厕建设", row: 4 }],
      progressChanged: [
        { sheet: "Sheet1", index: "1", name: "道路改造", row: 3, from: "onSchedule", to: "behind" },
        { sheet: "Sheet1", index: "2", name: "公厕建设", row: 4, from: "notStarted", to: "done" },
      ],
      added: [],
      removed: [],
    });
    expect(hasChanges(changes)).toBe(true);
  });

  it("matches by name alone when the 序号 changed, and lists projects added and removed", () => {
    const after = snapshot(
      [
        [1, "公厕建设", "第三季度:完工", "张育彪", "环卫办", "尚未开工", "尚未开工"],
        [2, "医疗互助", "第四季度:办理", "张绍萍", "总工会", "正常推进", "正常推进"],
        [3, "文艺演出", "第四季度:演出", "刘铮铭", "文体中心", "", "正常推进"],
      ],
      "2023-06-26",
    );
    const changes = diffSnapshots(before, after);
    expect(changes.added).toEqual([{ sheet: "Sheet1", index: "3", name: "文艺演出", row: 5 }]);
    expect(changes.removed).toEqual([{ sheet: "Sheet1", index: "1", name: "道路改造", row: 3 }]);
    expect(changes.progressChanged).toEqual([]);
    expect(changes.newlyOverdue).toEqual([]);
  });

  it("the same check twice changes nothing", () => {
    expect(hasChanges(diffSnapshots(before, before))).toBe(false);
  });

  it("a table gone or new: its projects are removed or added", () => {
    const none: Snapshot = { version: 1, asOf: "2023-06-26", tables: [] };
    expect(diffSnapshots(before, none).removed.map((p) => p.name)).toEqual([
      "道路改造",
      "公厕建设",
      "医疗互助",
    ]);
    expect(diffSnapshots(none, before).added).toHaveLength(3);
  });
});

describe("the store kept in a workbook", () => {
  const may = snapshot(MAY, "2023-05-26");
  const june = snapshot(MAY, "2023-06-26");

  it("compares a check with the latest one of an earlier day", () => {
    const first = recordCheck(emptyStore(), "表", may);
    expect(first.base).toBeNull();
    const second = recordCheck(first.store, "表", june);
    expect(second.base).toEqual(may);
    // Checking again the same day still compares with May.
    const again = recordCheck(second.store, "表", june);
    expect(again.base).toEqual(may);
    expect(again.store.sheets["表"]).toEqual({ latest: june, previous: may });
  });

  it("keeps sheets apart", () => {
    const stored = recordCheck(recordCheck(emptyStore(), "甲", may).store, "乙", june).store;
    expect(recordCheck(stored, "乙", snapshot(MAY, "2023-07-26")).base).toEqual(june);
    expect(Object.keys(stored.sheets)).toEqual(["甲", "乙"]);
  });

  it("reads back only a valid store (JSON text or an object)", () => {
    const stored = recordCheck(emptyStore(), "表", may).store;
    expect(parseStore(JSON.stringify(stored))).toEqual(stored);
    expect(parseStore(stored)).toEqual(stored);
    expect(parseStore("not json")).toEqual(emptyStore());
    expect(parseStore({ version: 1, sheets: { 表: { latest: { version: 9 } } } })).toEqual(emptyStore());
    expect(parseStore(undefined)).toEqual(emptyStore());
  });
});
