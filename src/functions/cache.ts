import { checkSheet } from "../core/check";
import { resolveOptions, type CheckOptions } from "../core/options";
import type { SheetGrid } from "../core/types";
import { indexRows, type RowIndex } from "../core/formulas/format";

/**
 * One read of a sheet per recalculation wave, however many `DUTY.*` cells ask.
 *
 * Excel evaluates a column of 1,000 `=DUTY.STATUS(A…)` cells as 1,000 calls arriving together. The first
 * call for a sheet starts the read; every other call, while it is in flight or afterwards, awaits the SAME
 * promise. The checked result is kept per reference date (`asOf`), because the calls of one wave may ask
 * for different dates (`=DUTY.STATUS(A5)` beside `=DUTY.STATUS(A5,"2023-06-30")`).
 *
 * When an entry is dropped, and what that costs:
 * - On the sheet's `onChanged` (`invalidate`, wired by `functions.ts`): the next call reads the sheet again.
 *   One read per edit, only when a `DUTY.*` cell is recalculated afterwards.
 * - After `waveIdleMs` without any call: the wave is over. Excel may run the formulas of the next edit
 *   before it delivers that edit's `onChanged` event; ending the entry with the wave keeps such a
 *   recalculation from answering from the grid as it was before the edit. Cost: one read per wave.
 * - A read that fails is dropped at once, so the next recalculation retries instead of repeating the error.
 *
 * The change of day: a call without `asOf` asks for today's date as the key (`today()` is read per call).
 * After midnight the key is new, so the sheet is checked again for the new day — from the cached grid when
 * the wave is still going (one `checkSheet` per distinct date, no read). Excel itself re-evaluates the
 * formulas on a new day only because they are declared `@volatile` (like `TODAY()`): their answer depends
 * on the date and on cells other than their argument (the schedule, the progress columns).
 */

export type GridReader = (sheet: string) => Promise<SheetGrid>;

export interface SheetCacheOptions {
  read: GridReader;
  /** Milliseconds since some origin; injectable for tests. */
  now?: () => number;
  /** A gap this long between calls ends a wave (see above). */
  waveIdleMs?: number;
  /** A milestone due within this many days is `dueSoon` (CheckOptions default when omitted). */
  dueSoonDays?: number;
}

interface Entry {
  grid: Promise<SheetGrid>;
  /** Checked results by `asOf` (and due-soon window when given), filled once the grid has arrived. */
  checked: Map<string, RowIndex>;
  lastUsed: number;
  settled: boolean;
}

export const DEFAULT_WAVE_IDLE_MS = 2000;

export class SheetCache {
  private readonly entries = new Map<string, Entry>();
  private readonly read: GridReader;
  private readonly now: () => number;
  private readonly waveIdleMs: number;
  private readonly dueSoonDays: number | undefined;
  private readCount = 0;

  constructor(options: SheetCacheOptions) {
    this.read = options.read;
    this.now = options.now ?? (() => Date.now());
    this.waveIdleMs = options.waveIdleMs ?? DEFAULT_WAVE_IDLE_MS;
    this.dueSoonDays = options.dueSoonDays;
  }

  /** How many sheet reads were started (for tests and the bench). */
  get reads(): number {
    return this.readCount;
  }

  /** Drops what is known of `sheet` (its `onChanged` fired). */
  invalidate(sheet: string): void {
    this.entries.delete(sheet);
  }

  private entry(sheet: string): Entry {
    const now = this.now();
    const existing = this.entries.get(sheet);
    if (existing && (!existing.settled || now - existing.lastUsed <= this.waveIdleMs)) {
      existing.lastUsed = now;
      return existing;
    }
    this.readCount += 1;
    const entry: Entry = { grid: this.read(sheet), checked: new Map(), lastUsed: now, settled: false };
    this.entries.set(sheet, entry);
    entry.grid.then(
      () => {
        entry.settled = true;
        entry.lastUsed = this.now();
      },
      () => {
        if (this.entries.get(sheet) === entry) this.entries.delete(sheet);
      },
    );
    return entry;
  }

  /** The sheet's grid, read at most once per wave. Rejects when the read fails. */
  grid(sheet: string): Promise<SheetGrid> {
    return this.entry(sheet).grid;
  }

  /**
   * The sheet checked on `asOf` (YYYY-MM-DD), indexed by row; computed once per sheet, date, due-soon
   * window and wave. `dueSoonDays` omitted: the cache's window.
   */
  async checked(sheet: string, asOf: string, dueSoonDays?: number): Promise<RowIndex> {
    const entry = this.entry(sheet);
    const grid = await entry.grid;
    const key = dueSoonDays === undefined ? asOf : `${asOf}|${dueSoonDays}`;
    const known = entry.checked.get(key);
    if (known) return known;
    const index = indexRows(checkSheet(grid, this.options(asOf, dueSoonDays ?? this.dueSoonDays)));
    entry.checked.set(key, index);
    return index;
  }

  private options(asOf: string, dueSoonDays: number | undefined): CheckOptions {
    const resolved = resolveOptions({ asOf, dueSoonDays });
    if (!resolved.ok) throw new Error(resolved.message);
    return resolved.options;
  }
}
