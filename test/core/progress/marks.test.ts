import { MARK_FILL, MARK_LABEL, MARK_OUTLINE, planMarks } from "../../../src/core/marks";
import type { ProjectProgress, SheetResult } from "../../../src/core/types";
import { project, sampleTable } from "../../taskpane/fixtures";

function progress(state: ProjectProgress["state"], cell: string | null): ProjectProgress {
  return {
    state,
    period: "2023-06",
    text: null,
    percent: null,
    cell,
    reason: `原因 ${state}`,
    reasonEn: state,
  };
}

function sheet(projects: ReturnType<typeof project>[]): SheetResult {
  return {
    sheet: "表",
    asOf: "2023-06-26",
    dueSoonDays: 15,
    tables: [{ ...sampleTable(), projects }],
    warnings: [],
  };
}

describe("planMarks and the monthly cycle", () => {
  it("marks the current report cell of 未报送 and 滞后 projects, with the state's reason; the others stay plain", () => {
    const states: Array<ProjectProgress["state"]> = [
      "notReported",
      "behind",
      "notStarted",
      "onSchedule",
      "done",
    ];
    const marks = planMarks(
      sheet(
        states.map((state, i) =>
          project({
            row: 5 + i,
            status: "onTrack",
            milestones: [],
            cells: { index: null, name: null, schedule: [] },
            progress: progress(state, `M${5 + i}`),
          }),
        ),
      ),
    );
    expect(marks).toEqual([
      { address: "M5", kind: "notReported", reason: "原因 notReported" },
      { address: "M6", kind: "behind", reason: "原因 behind" },
    ]);
  });

  it("a missing report with nowhere to go is not marked", () => {
    const marks = planMarks(
      sheet([
        project({
          status: "onTrack",
          milestones: [],
          cells: { index: null, name: null, schedule: [] },
          progress: progress("notReported", null),
        }),
      ]),
    );
    expect(marks).toEqual([]);
  });

  it("the progress marks are told apart by outline, not only by hue, and are named for a legend", () => {
    expect(MARK_OUTLINE.notReported?.style).toBe("dashed");
    expect(MARK_OUTLINE.behind?.style).toBe("solid");
    expect([MARK_OUTLINE.overdue, MARK_OUTLINE.dueSoon, MARK_OUTLINE.done]).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
    expect(new Set(Object.values(MARK_FILL)).size).toBe(5);
    expect(MARK_LABEL.notReported.zh).toContain("未报送");
    expect(MARK_LABEL.behind.zh).toContain("滞后");
  });
});
