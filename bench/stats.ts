import { performance } from "node:perf_hooks";

/** Median wall time of `runs` calls after `warmup` unmeasured ones. */
export async function medianMs(fn: () => unknown, runs = 21, warmup = 8): Promise<number> {
  for (let i = 0; i < warmup; i += 1) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] as number;
}

export function line(label: string, value: string, goal?: string): void {
  console.log(`${label.padEnd(58)} ${value.padStart(12)}${goal ? `   (goal: ${goal})` : ""}`);
}
