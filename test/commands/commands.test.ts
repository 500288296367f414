import { OfficeMockObject } from "office-addin-mock";
import type { Outcome, WorkbookPort } from "../../src/core/port";
import type { SheetResult } from "../../src/core/types";
import {
  latestCommandReport,
  subscribeCommandReports,
  type CommandReport,
} from "../../src/core/command-reports";
import { REQUIRED_SETS, checkRequirements } from "../../src/commands/requirements";
import {
  completeAfter,
  runCheckProgress,
  runClearMarks,
  todayRequest,
  type CommandDeps,
} from "../../src/commands/run";

const sheetResult = (asOf: string): SheetResult => ({
  sheet: "Sheet1",
  asOf,
  dueSoonDays: 15,
  tables: [],
  warnings: [],
});

type FakePort = Pick<WorkbookPort, "checkActiveSheet" | "clearMarks">;

function depsWith(port: FakePort, overrides: Partial<CommandDeps> = {}) {
  const calls: string[] = [];
  const deps: CommandDeps = {
    port: () => port,
    showPane: async () => {
      calls.push("showPane");
    },
    isSetSupported: () => true,
    now: () => new Date(2023, 5, 20, 9, 30),
    ...overrides,
  };
  return { deps, calls };
}

describe("runCheckProgress", () => {
  it("checks as of today's local date, publishes the result, then shows the pane", async () => {
    const requests: unknown[] = [];
    const order: string[] = [];
    const port: FakePort = {
      checkActiveSheet: async (request) => {
        requests.push(request);
        order.push("check");
        return { ok: true, value: sheetResult(request.asOf) };
      },
      clearMarks: async () => ({ ok: true, value: undefined }),
    };
    const { deps } = depsWith(port, {
      showPane: async () => {
        order.push("showPane");
      },
    });
    const seen: CommandReport[] = [];
    const unsubscribe = subscribeCommandReports((r) => {
      seen.push(r);
      order.push("published");
    });
    const report = await runCheckProgress(deps);
    unsubscribe();

    expect(requests).toEqual([{ asOf: "2023-06-20" }]);
    expect(order).toEqual(["check", "published", "showPane"]);
    expect(report.command).toBe("checkProgress");
    expect(report.outcome).toEqual({ ok: true, value: sheetResult("2023-06-20") });
    expect(seen).toEqual([report]);
    expect(latestCommandReport()).toBe(report);
  });

  it("turns a thrown error into a Chinese message for the pane and still shows it", async () => {
    const port: FakePort = {
      checkActiveSheet: async () => {
        throw new Error("RichApi.Error: busy");
      },
      clearMarks: async () => ({ ok: true, value: undefined }),
    };
    const { deps, calls } = depsWith(port);
    const report = await runCheckProgress(deps);
    expect(report.outcome.ok).toBe(false);
    if (!report.outcome.ok) {
      expect(report.outcome.message).toBe("实事督办出错：RichApi.Error: busy");
      expect(report.outcome.messageEn).toBe("DutyCheck failed: RichApi.Error: busy");
    }
    expect(calls).toEqual(["showPane"]);
  });

  it("passes the port's own failure (with its cell) through unchanged", async () => {
    const failure: Outcome<SheetResult> = {
      ok: false,
      message: "工作表已保护，未作任何修改",
      messageEn: "The sheet is protected; nothing was changed",
      cell: "A1",
    };
    const { deps } = depsWith({
      checkActiveSheet: async () => failure,
      clearMarks: async () => ({ ok: true, value: undefined }),
    });
    expect((await runCheckProgress(deps)).outcome).toEqual(failure);
  });

  it("does not touch the workbook when a required set is missing, and names the set", async () => {
    let touched = false;
    const { deps, calls } = depsWith(
      {
        checkActiveSheet: async () => {
          touched = true;
          return { ok: true, value: sheetResult("2023-06-20") };
        },
        clearMarks: async () => ({ ok: true, value: undefined }),
      },
      { isSetSupported: (name) => name !== "ExcelApi" },
    );
    const report = await runCheckProgress(deps);
    expect(touched).toBe(false);
    expect(report.outcome.ok).toBe(false);
    if (!report.outcome.ok) {
      expect(report.outcome.message).toContain("ExcelApi 1.13");
      expect(report.outcome.message).not.toContain("SharedRuntime");
      expect(report.outcome.messageEn).toContain("ExcelApi 1.13");
    }
    expect(calls).toEqual(["showPane"]);
  });

  it("finishes even when the pane cannot be shown", async () => {
    const { deps } = depsWith(
      {
        checkActiveSheet: async (r) => ({ ok: true, value: sheetResult(r.asOf) }),
        clearMarks: async () => ({ ok: true, value: undefined }),
      },
      {
        showPane: () => Promise.reject(new Error("no pane")),
      },
    );
    const spy = jest.spyOn(console, "error").mockImplementation(() => undefined);
    await expect(runCheckProgress(deps)).resolves.toMatchObject({ outcome: { ok: true } });
    expect(spy).toHaveBeenCalled();
    spy.mockRestore();
  });
});

describe("runClearMarks", () => {
  it("clears without opening the pane when it succeeds", async () => {
    let cleared = 0;
    const { deps, calls } = depsWith({
      checkActiveSheet: async (r) => ({ ok: true, value: sheetResult(r.asOf) }),
      clearMarks: async () => {
        cleared++;
        return { ok: true, value: undefined };
      },
    });
    const report = await runClearMarks(deps);
    expect(cleared).toBe(1);
    expect(report).toMatchObject({ command: "clearMarks", outcome: { ok: true } });
    expect(calls).toEqual([]);
  });

  it("opens the pane to explain a failure", async () => {
    const { deps, calls } = depsWith({
      checkActiveSheet: async (r) => ({ ok: true, value: sheetResult(r.asOf) }),
      clearMarks: async () => ({
        ok: false,
        message: "请先退出单元格编辑状态再检查",
        messageEn: "Leave cell editing first",
      }),
    });
    const report = await runClearMarks(deps);
    expect(report.outcome).toMatchObject({ ok: false, message: "请先退出单元格编辑状态再检查" });
    expect(calls).toEqual(["showPane"]);
  });
});

describe("completeAfter", () => {
  it("calls completed once after the work, even when the work throws", async () => {
    const order: string[] = [];
    const event = { completed: () => order.push("completed") };
    await completeAfter(event, async () => {
      order.push("work");
    });
    const spy = jest.spyOn(console, "error").mockImplementation(() => undefined);
    await completeAfter(event, async () => {
      order.push("failing work");
      throw new Error("boom");
    });
    spy.mockRestore();
    expect(order).toEqual(["work", "completed", "failing work", "completed"]);
  });
});

describe("requirements", () => {
  it("accepts a client with every declared set", () => {
    expect(checkRequirements(() => true)).toEqual({ ok: true });
  });

  it("treats a client that throws on the question as lacking the set", () => {
    const check = checkRequirements(() => {
      throw new Error("old client");
    });
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.missing.map((s) => s.name)).toEqual(REQUIRED_SETS.map((s) => s.name));
  });

  it("compares versions through Office's answer, not by name alone", () => {
    const check = checkRequirements((name, version) => !(name === "ExcelApi" && version === "1.13"));
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.missing).toEqual([REQUIRED_SETS.find((s) => s.name === "ExcelApi")]);
  });
});

describe("todayRequest", () => {
  it("uses the local calendar date, not UTC", () => {
    expect(todayRequest(new Date(2023, 11, 31, 23, 59))).toEqual({ asOf: "2023-12-31" });
  });
});

describe("commands.ts under Office", () => {
  it("associates both ribbon functions on Office.onReady and runs them against the Excel port", async () => {
    const handlers = new Map<string, (event: { completed: () => void }) => unknown>();
    const shown: number[] = [];
    const checked: unknown[] = [];
    const officeMock = new OfficeMockObject({
      onReady: async (callback: () => void) => callback(),
      actions: {
        associate: (id: string, fn: (event: { completed: () => void }) => unknown) => handlers.set(id, fn),
      },
      addin: {
        showAsTaskpane: async () => {
          shown.push(1);
        },
      },
      context: { requirements: { isSetSupported: () => true } },
    });
    (globalThis as unknown as { Office: unknown }).Office = officeMock;

    jest.isolateModules(() => {
      jest.doMock(
        "../../src/excel",
        () => ({
          createExcelPort: () => ({
            checkActiveSheet: async (request: { asOf: string }) => {
              checked.push(request);
              return { ok: true, value: sheetResult(request.asOf) };
            },
            clearMarks: async () => ({ ok: true, value: undefined }),
          }),
        }),
        { virtual: true },
      );
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- loads commands.ts inside Jest's isolated registry, after Office is set up
      require("../../src/commands/commands");
    });
    await Promise.resolve();

    expect([...handlers.keys()].sort()).toEqual(["checkProgress", "clearMarks"]);
    let completed = 0;
    await handlers.get("checkProgress")?.({ completed: () => completed++ });
    expect(completed).toBe(1);
    expect(checked).toHaveLength(1);
    expect(shown).toHaveLength(1);
    expect(latestCommandReport()).toMatchObject({ command: "checkProgress", outcome: { ok: true } });

    await handlers.get("clearMarks")?.({ completed: () => completed++ });
    expect(completed).toBe(2);
    expect(shown).toHaveLength(1);
    delete (globalThis as unknown as { Office?: unknown }).Office;
  });
});
