import type { AddinRoot } from "../../src/wps/et";
import { NAMESPACE, WAVE_IDLE_MS, WpsFormulas, registerFunctions } from "../../src/wps/functions";
import { FakeET } from "../support/fake-et";
import { seedGrid } from "../support/seed-grid";

const SHEET = "责任分解表";

/** The 新塘 sample at A1, as the README's formula examples use it (row 9 is project 5). */
function setup() {
  const et = new FakeET();
  et.addSheet(SHEET, seedGrid("xintang-2023", { sheet: SHEET, origin: { row: 0, col: 0 } }));
  et.activate(SHEET);
  let clock = 0;
  const formulas = new WpsFormulas({
    app: et.application,
    now: () => clock,
    today: () => new Date(2023, 6, 20),
  });
  const at = (address: string) => {
    et.thisCell = { sheet: SHEET, address };
  };
  return { et, formulas, at, tick: (ms: number) => (clock += ms) };
}

describe("DUTY.* in WPS", () => {
  it("answers like Excel's for the formula in the project's row (README examples, row 9)", () => {
    const { formulas, at } = setup();
    at("L9");
    expect(formulas.status(5, "2023-07-20")).toBe("逾期");
    expect(formulas.overdue(5, "2023-07-20")).toBe(2);
    expect(formulas.next(5, "2023-07-20")).toBe("第一季度 完成预算编制及复核（2023-03-31）");
    expect(formulas.invest(5, "年度")).toBe(18158.28);
    expect(formulas.milestones(5, "2023-07-20")).toEqual([
      ["第一季度", 45016, "完成预算编制及复核", "逾期"],
      expect.any(Array),
      expect.any(Array),
      expect.any(Array),
    ]);
  });

  it("takes the due-soon days 插入状态列 writes for a window other than 15", () => {
    const { formulas, at } = setup();
    // Project 10 (row 15) is due 2023-06-30: 10 days after 2023-06-20.
    at("L15");
    expect(formulas.status(10, "2023-06-20")).toBe("临期");
    expect(formulas.status(10, "2023-06-20", 5)).toBe("正常");
    expect(formulas.status(10, "2023-06-20", 400)).toMatch(/^#VALUE! 临期天数应为 0 到 366/u);
  });

  it("takes an address written as text, pointing at any row", () => {
    const { formulas, at } = setup();
    at("L20");
    expect(formulas.status("A9", "2023-07-20")).toBe("逾期");
    expect(formulas.status(`${SHEET}!B9`, "2023-07-20")).toBe("逾期");
  });

  it("refuses, saying why, a formula whose argument is in another row instead of describing the wrong project", () => {
    const { formulas, at } = setup();
    at("L10");
    expect(formulas.status("和丰路“白改黑”项目-不在本行", "2023-07-20")).toMatch(
      /^#VALUE! WPS 中公式按所在行找项目/u,
    );
  });

  it("says #N/A outside a table and #VALUE! for a bad date", () => {
    const { formulas, at } = setup();
    at("L1");
    expect(formulas.status("", "2023-07-20")).toMatch(/^#N\/A 不在责任分解表内/u);
    at("L9");
    expect(formulas.status(5, "2023-02-30")).toMatch(/^#VALUE! 日期应为/u);
  });

  it("asks for a text address when this WPS does not say which cell calls", () => {
    const { formulas } = setup();
    expect(formulas.status(5)).toMatch(/^#VALUE! 此版本 WPS 未告知公式所在的单元格/u);
  });

  it("reads the sheet once for a wave of formulas, again after a quiet spell or a change", () => {
    const { et, formulas, at, tick } = setup();
    for (let row = 5; row <= 16; row += 1) {
      at(`L${row}`);
      formulas.status("", "2023-07-20");
      tick(10);
    }
    expect(formulas.reads).toBe(1);
    expect(et.reads("Range.Value2")).toBe(1);
    tick(WAVE_IDLE_MS + 1);
    formulas.status("", "2023-07-20");
    expect(formulas.reads).toBe(2);
    formulas.invalidate(SHEET);
    formulas.status("", "2023-07-20");
    expect(formulas.reads).toBe(3);
  });
});

describe("registerFunctions", () => {
  it("registers the six formulas under DUTY with metadata where AddCustomFunction exists", () => {
    const { et, formulas } = setup();
    const added: Array<{ ns: string; name: string; meta: { parameters: unknown[] } }> = [];
    const listeners: string[] = [];
    const root = {
      AddCustomFunction: (ns: string, name: string, _fn: unknown, meta: { parameters: unknown[] }) =>
        added.push({ ns, name, meta }),
      ApiEvent: { AddApiEventListener: (event: string) => listeners.push(event) },
    } as unknown as AddinRoot;
    expect(registerFunctions(root, formulas)).toBe(true);
    expect(added.map((a) => `${a.ns}.${a.name}`)).toEqual(
      ["STATUS", "DETAIL", "NEXT", "OVERDUE", "MILESTONES", "PROGRESS", "INVEST"].map(
        (n) => `${NAMESPACE}.${n}`,
      ),
    );
    expect(listeners).toEqual(["SheetChange"]);
    expect(et.totalCalls()).toBe(0);
  });

  it("registers nothing on a WPS without custom functions", () => {
    const { formulas } = setup();
    expect(registerFunctions({} as AddinRoot, formulas)).toBe(false);
  });
});
