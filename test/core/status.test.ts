import {
  closingQuarter,
  countStatuses,
  MILESTONE_STATUS_LABEL,
  milestoneStatus,
  PROJECT_STATUS_LABEL,
  projectStatus,
  StatusClock,
  sumCounts,
} from "../../src/core/status";
import type { Completion } from "../../src/core/completion";
import type { ParsedMilestone, Quarter } from "../../src/core/types";

const milestone = (over: Partial<ParsedMilestone>): ParsedMilestone => ({
  quarters: [2],
  months: null,
  due: "2023-06-30",
  before: false,
  text: "完成招投标",
  marker: "第二季度",
  start: 0,
  ...over,
});
const none: Completion = { allDone: false, doneQuarters: new Set() };
const done = (...qs: Quarter[]): Completion => ({ allDone: false, doneQuarters: new Set(qs) });
const ctx = (asOf: string, dueSoonDays = 15) => new StatusClock(asOf, dueSoonDays);

describe("milestoneStatus", () => {
  it("is overdue the day after its due date, not on it", () => {
    expect(milestoneStatus(milestone({}), none, ctx("2023-06-30"))).toEqual({
      status: "dueSoon",
      daysLate: 0,
    });
    expect(milestoneStatus(milestone({}), none, ctx("2023-07-01"))).toEqual({
      status: "overdue",
      daysLate: 1,
    });
    expect(milestoneStatus(milestone({}), none, ctx("2023-07-20")).daysLate).toBe(20);
  });

  it("is due soon within dueSoonDays, upcoming beyond", () => {
    expect(milestoneStatus(milestone({}), none, ctx("2023-06-15")).status).toBe("dueSoon");
    expect(milestoneStatus(milestone({}), none, ctx("2023-06-14")).status).toBe("upcoming");
    expect(milestoneStatus(milestone({}), none, ctx("2023-06-14", 16)).status).toBe("dueSoon");
    expect(milestoneStatus(milestone({}), none, ctx("2023-06-30", 0)).status).toBe("dueSoon");
    expect(milestoneStatus(milestone({}), none, ctx("2023-06-29", 0)).status).toBe("upcoming");
  });

  it("is done when its closing quarter is recorded done, whatever the date", () => {
    expect(milestoneStatus(milestone({}), done(2), ctx("2023-12-01")).status).toBe("done");
    expect(milestoneStatus(milestone({}), done(1), ctx("2023-12-01")).status).toBe("overdue");
    expect(
      milestoneStatus(milestone({}), { allDone: true, doneQuarters: new Set() }, ctx("2023-12-01")).status,
    ).toBe("done");
  });

  it("a milestone over several quarters is closed by its last quarter", () => {
    const m = milestone({ quarters: [2, 3], due: "2023-09-30" });
    expect(closingQuarter(m)).toBe(3);
    expect(milestoneStatus(m, done(2), ctx("2023-10-10")).status).toBe("overdue");
    expect(milestoneStatus(m, done(3), ctx("2023-10-10")).status).toBe("done");
  });

  it("a month or date milestone is closed by the quarter its date falls in", () => {
    expect(closingQuarter(milestone({ quarters: null, months: [5], due: "2023-05-31" }))).toBe(2);
    expect(closingQuarter(milestone({ quarters: null, due: "2023-11-10" }))).toBe(4);
    expect(closingQuarter(milestone({ quarters: [4], before: true, due: "2023-09-30" }))).toBe(3);
  });
});

describe("projectStatus", () => {
  it("ranks worst first", () => {
    expect(projectStatus([])).toBe("unscheduled");
    expect(projectStatus([{ status: "done" }, { status: "done" }])).toBe("done");
    expect(projectStatus([{ status: "done" }, { status: "dueSoon" }, { status: "overdue" }])).toBe("overdue");
    expect(projectStatus([{ status: "upcoming" }, { status: "dueSoon" }])).toBe("dueSoon");
    expect(projectStatus([{ status: "done" }, { status: "upcoming" }])).toBe("onTrack");
  });

  it("counts every status", () => {
    expect(countStatuses(["overdue", "overdue", "unscheduled", "onTrack"])).toEqual({
      overdue: 2,
      dueSoon: 0,
      onTrack: 1,
      done: 0,
      unscheduled: 1,
    });
  });
});

describe("sumCounts", () => {
  it("adds every status over the tables", () => {
    const counts = (
      overdue: number,
      dueSoon: number,
      onTrack: number,
      done: number,
      unscheduled: number,
    ) => ({
      counts: { overdue, dueSoon, onTrack, done, unscheduled },
    });
    expect(sumCounts([counts(1, 2, 3, 4, 5), counts(10, 0, 1, 0, 2)])).toEqual({
      overdue: 11,
      dueSoon: 2,
      onTrack: 4,
      done: 4,
      unscheduled: 7,
    });
    expect(sumCounts([])).toEqual({ overdue: 0, dueSoon: 0, onTrack: 0, done: 0, unscheduled: 0 });
  });
});

describe("status words", () => {
  it("a milestone not yet due says 正常, the word DUTY.STATUS and the pane use for an on-track project", () => {
    expect(MILESTONE_STATUS_LABEL.upcoming).toEqual(PROJECT_STATUS_LABEL.onTrack);
    expect(Object.values(MILESTONE_STATUS_LABEL).map((w) => w.zh)).not.toContain("未到期");
  });
});
