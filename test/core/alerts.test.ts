import { MISSING_KEY, groupProjects, matchesQuery, projectItems } from "../../src/core/alerts";
import { milestone, project, sampleTable } from "../taskpane/fixtures";

describe("projects as the pane lists them", () => {
  const items = projectItems([sampleTable()]);

  it("one item per project, with its late milestones most days late first, or an on-track project's next one", () => {
    expect(items.map((i) => i.project.name)).toEqual([
      "开展职工医疗互助",
      "实施送温暖工程",
      "实施四帮四扶工程",
      "紫帽山植树绿化",
    ]);
    const first = items[0]!;
    expect(first.milestones.map((m) => [m.status, m.daysLate])).toEqual([
      ["overdue", 81],
      ["dueSoon", -10],
    ]);
    expect(first.daysLate).toBe(81);
    expect(items[2]!.milestones).toEqual([]);
    expect(items[2]!.daysLate).toBeNull();

    const calm = project({
      status: "onTrack",
      milestones: [
        milestone({ due: "2023-12-31", daysLate: -194, cell: "D9" }),
        milestone({ due: "2023-09-30", daysLate: -102, cell: "D9", start: 5 }),
      ],
    });
    const [next] = projectItems([{ ...sampleTable(), projects: [calm] }]);
    expect(next!.milestones.map((m) => m.due)).toEqual(["2023-09-30"]);
  });

  it("groups by leader (a shared project under each), counting projects, worst groups first", () => {
    const groups = groupProjects(items, "leader", "daysLate");
    expect(
      groups.map((g) => [g.key, g.items.map((i) => i.project.row), g.counts.overdue, g.counts.dueSoon]),
    ).toEqual([
      ["张绍萍", [5, 6], 1, 1],
      [MISSING_KEY, [8], 1, 0],
      ["丁劲松", [6, 7], 0, 1],
    ]);
  });

  it("sorts by days late (none last) or in table order, in one list when ungrouped", () => {
    const [byLate] = groupProjects(items, "none", "daysLate");
    expect(byLate!.items.map((i) => i.project.row)).toEqual([5, 8, 6, 7]);
    const [inTable] = groupProjects(items, "none", "table");
    expect(inTable!.items.map((i) => i.project.row)).toEqual([5, 6, 7, 8]);
    expect(groupProjects([], "none", "table")).toEqual([]);
  });

  it("finds a project by name, leader or department, ignoring spaces, width and case", () => {
    const p = project({ name: "紫湖郊野公园建设", leaders: ["许文理"], department: "招商项目组" });
    expect(matchesQuery(p, "郊野")).toBe(true);
    expect(matchesQuery(p, "许 文理")).toBe(true);
    expect(matchesQuery(p, "招商")).toBe(true);
    expect(matchesQuery(p, "  ")).toBe(true);
    expect(matchesQuery(p, "教育办")).toBe(false);
    expect(matchesQuery(project({ name: "Ｑ１ Project" }), "q1project")).toBe(true);
  });
});
