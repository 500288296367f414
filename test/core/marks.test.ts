import { planMarks, STATUS_MARK } from "../../src/core/marks";
import { PROJECT_STATUS_LABEL, MILESTONE_STATUS_LABEL } from "../../src/core/status";
import type { SheetResult } from "../../src/core/types";
import { milestone, project, sampleTable } from "../taskpane/fixtures";

function sheet(projects: ReturnType<typeof project>[]): SheetResult {
  return {
    sheet: "责任分解表",
    asOf: "2023-06-20",
    dueSoonDays: 15,
    tables: [{ ...sampleTable(), projects }],
    warnings: [],
  };
}

describe("STATUS_MARK", () => {
  it("marks overdue, due soon and done; leaves 正常 and 未排期 plain", () => {
    const statuses = [...Object.keys(PROJECT_STATUS_LABEL), ...Object.keys(MILESTONE_STATUS_LABEL)];
    const marked = Object.fromEntries(
      [...new Set(statuses)].map((s) => [s, STATUS_MARK[s as keyof typeof STATUS_MARK] ?? null]),
    );
    expect(marked).toEqual({
      overdue: "overdue",
      dueSoon: "dueSoon",
      onTrack: null,
      done: "done",
      unscheduled: null,
      upcoming: null,
    });
  });
});

describe("planMarks", () => {
  it("marks a project's name by its status and each schedule cell by its worst milestone", () => {
    const marks = planMarks(
      sheet([
        project({
          status: "overdue",
          cells: { index: "A5", name: "B5", schedule: ["D5", "E5"] },
          milestones: [
            milestone({ cell: "D5", status: "done" }),
            milestone({ cell: "D5", status: "overdue" }),
            milestone({ cell: "E5", status: "upcoming" }),
          ],
        }),
        project({
          row: 6,
          status: "onTrack",
          cells: { index: "A6", name: "B6", schedule: ["D6"] },
          milestones: [milestone({ cell: "D6", status: "done" })],
        }),
      ]),
    );
    expect(marks.map((m) => [m.address, m.kind])).toEqual([
      ["B5", "overdue"],
      ["D5", "overdue"],
      ["D6", "done"],
    ]);
    expect(marks[0]?.reason).toBe("有逾期节点");
  });
});
