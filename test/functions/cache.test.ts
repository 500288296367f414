import { generateGrid } from "../../bench/generate";
import type { SheetGrid } from "../../src/core/types";
import { DEFAULT_WAVE_IDLE_MS, SheetCache } from "../../src/functions/cache";
import { seedGrid } from "../support/seed-grid";
import { harness, invocation, rowOf } from "./harness";

/** A reader that counts reads and resolves when the test says so. */
function deferredReader(grid: SheetGrid) {
  const pending: Array<() => void> = [];
  let reads = 0;
  const read = (): Promise<SheetGrid> => {
    reads += 1;
    return new Promise((resolve) => pending.push(() => resolve(grid)));
  };
  return {
    read,
    get reads() {
      return reads;
    },
    release: () => pending.splice(0).forEach((resolve) => resolve()),
  };
}

describe("SheetCache", () => {
  const grid = generateGrid(30);

  /** A clock that stands still: no wave ends during a test, however slow the machine. */
  const still = () => 0;

  it("makes concurrent calls await the same in-flight read", async () => {
    const reader = deferredReader(grid);
    const cache = new SheetCache({ read: reader.read, now: still });
    const calls = Array.from({ length: 50 }, () => cache.checked("Sheet1", "2023-06-20"));
    expect(reader.reads).toBe(1);
    reader.release();
    const results = await Promise.all(calls);
    expect(new Set(results).size).toBe(1);
    expect(results[0]?.projects.size).toBeGreaterThanOrEqual(30);
  });

  it("keeps one checked result per date on the same grid", async () => {
    const reader = deferredReader(grid);
    const cache = new SheetCache({ read: reader.read, now: still });
    const a = cache.checked("Sheet1", "2023-06-20");
    const b = cache.checked("Sheet1", "2023-01-10");
    reader.release();
    const [june, january] = await Promise.all([a, b]);
    expect(june).not.toBe(january);
    expect(june?.result.asOf).toBe("2023-06-20");
    expect(january?.result.asOf).toBe("2023-01-10");
    expect(await cache.checked("Sheet1", "2023-06-20")).toBe(june);
    expect(reader.reads).toBe(1);
  });

  it("reads again after invalidate and after the wave has been idle", async () => {
    let now = 1_000;
    const reads: string[] = [];
    const cache = new SheetCache({
      read: async (sheet) => {
        reads.push(sheet);
        return grid;
      },
      now: () => now,
      waveIdleMs: 500,
    });
    await cache.checked("Sheet1", "2023-06-20");
    now += 400;
    await cache.checked("Sheet1", "2023-06-20");
    now += 400;
    await cache.checked("Sheet1", "2023-06-20");
    expect(reads).toHaveLength(1);
    now += 501;
    await cache.checked("Sheet1", "2023-06-20");
    expect(reads).toHaveLength(2);
    cache.invalidate("Sheet1");
    await cache.checked("Sheet1", "2023-06-20");
    expect(reads).toHaveLength(3);
    expect(cache.reads).toBe(3);
  });

  it("drops a failed read so that the next call retries", async () => {
    let attempt = 0;
    const cache = new SheetCache({
      read: async () => {
        attempt += 1;
        if (attempt === 1) throw new Error("GeneralException");
        return grid;
      },
      now: still,
    });
    await expect(cache.checked("Sheet1", "2023-06-20")).rejects.toThrow("GeneralException");
    await expect(cache.checked("Sheet1", "2023-06-20")).resolves.toBeDefined();
    expect(attempt).toBe(2);
  });

  it("keeps sheets apart", async () => {
    const reads: string[] = [];
    const cache = new SheetCache({
      read: async (sheet) => {
        reads.push(sheet);
        return { ...grid, sheet };
      },
      now: still,
    });
    const [a, b] = await Promise.all([cache.checked("A", "2023-06-20"), cache.checked("B", "2023-06-20")]);
    expect(a?.result.sheet).toBe("A");
    expect(b?.result.sheet).toBe("B");
    expect(reads.sort()).toEqual(["A", "B"]);
  });
});

describe("the functions' cache in Excel", () => {
  it("reads a 1,000-project table once for 1,000 DUTY.STATUS calls in one wave", async () => {
    const grid = generateGrid(1000);
    const { fns, wb } = harness([{ grid }]);
    const rows = grid.values.flatMap((row, r) => (typeof row[0] === "number" ? [r + 1] : []));
    expect(rows).toHaveLength(1000);
    const statuses = await Promise.all(
      rows.map((row) => fns.status(`A${row}`, "2023-06-20", null, invocation(`Sheet1!A${row}`))),
    );
    expect(wb.runs).toBe(1);
    expect(wb.syncs).toBe(1);
    expect(statuses.every((s) => ["逾期", "临期", "正常", "已完成", "未排期"].includes(s))).toBe(true);
    expect(new Set(statuses).size).toBeGreaterThan(1);
  });

  it("registers onChanged once per sheet and reads again after it fires", async () => {
    const grid = seedGrid("xintang-2023");
    const { fns, wb, handlers, change } = harness([{ grid }]);
    const at = invocation(`责任分解表!A${rowOf(grid, 10)}`);
    await fns.status("", "2023-06-20", null, at);
    await fns.detail("", "2023-06-20", at);
    expect(wb.runs).toBe(1);
    expect(handlers.get("责任分解表")).toHaveLength(1);

    // The user records project 10 as done: the next recalculation must see it.
    const sheet = wb.sheet("责任分解表");
    const r = rowOf(grid, 10) - 1;
    const progressCol = grid.values[0]?.length ?? 0;
    sheet?.cells.set(`${r},${progressCol}`, {
      value: "已完成",
      numberFormat: "General",
      formula: null,
      format: {},
      note: null,
      validation: null,
    });
    const headerRow = grid.values.findIndex((row) => row[0] === "序号");
    sheet?.cells.set(`${headerRow},${progressCol}`, {
      value: "完成情况",
      numberFormat: "General",
      formula: null,
      format: {},
      note: null,
      validation: null,
    });
    expect(await fns.status("", "2023-06-20", null, at)).toBe("临期");
    await change("责任分解表");
    expect(await fns.status("", "2023-06-20", null, at)).toBe("已完成");
    expect(wb.runs).toBe(2);
    expect(handlers.get("责任分解表")).toHaveLength(1);
  });

  it("follows the change of day without reading the sheet again", async () => {
    const grid = seedGrid("xintang-2023");
    const { fns, wb } = harness([{ grid }]);
    const at = invocation(`责任分解表!A${rowOf(grid, 10)}`);
    jest.setSystemTime(new Date(2023, 5, 30, 23, 59, 59, 500));
    expect(await fns.status("", null, null, at)).toBe("临期");
    jest.setSystemTime(new Date(2023, 6, 1, 0, 0, 0, 200));
    expect(await fns.status("", null, null, at)).toBe("逾期");
    expect(wb.runs).toBe(1);
  });

  it("reads again once a wave has been idle longer than the wave gap", async () => {
    const grid = seedGrid("xintang-2023");
    const { fns, wb } = harness([{ grid }]);
    const at = invocation(`责任分解表!A${rowOf(grid, 10)}`);
    await fns.status("", "2023-06-20", null, at);
    jest.setSystemTime(Date.now() + DEFAULT_WAVE_IDLE_MS);
    await fns.status("", "2023-06-20", null, at);
    expect(wb.runs).toBe(1);
    jest.setSystemTime(Date.now() + DEFAULT_WAVE_IDLE_MS + 1);
    await fns.status("", "2023-06-20", null, at);
    expect(wb.runs).toBe(2);
  });
});
