import fc from "fast-check";
import { isValid, parse } from "date-fns";
import { countDateExpressions, parseScheduleText, type ScheduleResult } from "../../../src/core/schedule";

/**
 * Properties of the schedule parser over arbitrary and adversarial text: it never throws, every due date
 * is a real ISO date, markers point into the text, and time grows linearly with the length of the cell.
 */

const ctx = { defaultYear: 2023 };

/** Every kind of marker the parser knows, plus the near-misses that must not match. */
const PIECES = [
  "第一季度",
  "一季度",
  "1季度",
  "Q1",
  "q4",
  "Ｑ２",
  "１季度",
  "第一、二季度",
  "第二、第三季度",
  "第二三季度",
  "第三季度和第四季度",
  "及",
  "与",
  "、",
  "二至四季度",
  "2-4季度",
  "前三季度",
  "第四季度前",
  "第一季度前",
  "上半年",
  "下半年",
  "年底",
  "年末",
  "年内",
  "全年",
  "6月",
  "6月份",
  "6月底",
  "6月末",
  "3月初",
  "3月上旬",
  "3月中旬",
  "3月下旬",
  "6月30日",
  "6月30号",
  "4月至5月",
  "4-5月",
  "4～5月",
  "4月到5月",
  "10月前",
  "10月份前",
  "十二月",
  "十月",
  "元月",
  "10 月份",
  "2022 年 1 月",
  "2022年",
  "2021.8",
  "2021.12",
  "2021-08",
  "2023年12月份",
  "1.",
  "2、",
  "（三）",
  "(3)",
  "①",
  "1.4月底前",
  "1.2021年8月",
  "2.5",
  "2月30日",
  "13月",
  "第五季度",
  "前期",
  "初步",
  "每一季度",
  "统一",
  "个月",
  "至",
  "到",
  "-",
  "~",
  "—",
  "前",
  "季度",
  "月",
  "日",
  "年",
  "第",
  "：",
  "；",
  "，",
  "。",
  " ",
  "\n",
  "　",
  "完成",
  "施工",
  "验收",
  "0",
  "9",
  "99",
  "2099",
  "1999",
];

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Everything that is wrong with a parse of `text`; plain checks, so that 5,000-milestone cells stay quick. */
function problems(text: string, result: ScheduleResult): string[] {
  const found: string[] = [];
  let lastStart = -1;
  for (const m of result.milestones) {
    const where = `${m.marker}@${m.start}`;
    if (!DATE.test(m.due) || !isValid(parse(m.due, "yyyy-MM-dd", new Date(2000, 0, 1))))
      found.push(`${where}: due ${m.due}`);
    if (m.marker.length === 0 || text.slice(m.start, m.start + m.marker.length) !== m.marker)
      found.push(`${where}: marker not in text`);
    if (m.start <= lastStart) found.push(`${where}: out of order`);
    lastStart = m.start;
    if (m.quarters !== null) {
      const ok =
        m.quarters.length > 0 &&
        m.quarters.every((q, k) => q >= 1 && q <= 4 && (k === 0 || q > (m.quarters?.[k - 1] ?? 0)));
      if (!ok) found.push(`${where}: quarters ${m.quarters.join(",")}`);
    }
    if (
      m.months !== null &&
      !m.months.every((month) => Number.isInteger(month) && month >= 1 && month <= 12)
    ) {
      found.push(`${where}: months ${m.months.join(",")}`);
    }
    if (m.quarters === null && m.months === null) found.push(`${where}: neither quarters nor months`);
  }
  for (const d of result.diagnostics) {
    if (!d.code.startsWith("schedule.") || d.message === "" || d.messageEn === "")
      found.push(`diagnostic ${d.code}`);
  }
  if (result.milestones.length === 0 && !result.diagnostics.some((d) => d.code === "schedule.unscheduled")) {
    found.push("no milestone and no unscheduled diagnostic");
  }
  return found;
}

function checkInvariants(text: string, result: ScheduleResult): void {
  expect(problems(text, result)).toEqual([]);
}

const noisy = fc
  .array(
    fc.oneof(
      fc.constantFrom(...PIECES),
      fc.string({ maxLength: 3 }),
      fc.string({ unit: "binary", maxLength: 3 }),
    ),
    {
      maxLength: 40,
    },
  )
  .map((parts) => parts.join(""));

describe("schedule parser properties", () => {
  it("never throws on arbitrary text and keeps its invariants", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.string({ unit: "binary" }), fc.string({ unit: "grapheme" })),
        (text) => {
          checkInvariants(text, parseScheduleText(text, ctx));
        },
      ),
      { numRuns: 500 },
    );
  });

  it("never throws on every marker mixed with noise, and counts no more expressions than it scans", () => {
    fc.assert(
      fc.property(noisy, fc.integer({ min: 2000, max: 2099 }), (text, defaultYear) => {
        const result = parseScheduleText(text, { defaultYear });
        checkInvariants(text, result);
        expect(result.milestones.length).toBeLessThanOrEqual(countDateExpressions(text));
      }),
      { numRuns: 1000 },
    );
  });

  it("reads full-width digits and punctuation exactly like half-width ones", () => {
    const fullWidth = (text: string) =>
      text.replace(/[!-~]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));
    const view = (r: ScheduleResult) =>
      r.milestones.map((m) => [m.quarters, m.months, m.due, m.before, m.start]);
    fc.assert(
      fc.property(noisy, (text) => {
        expect(view(parseScheduleText(fullWidth(text), ctx))).toEqual(view(parseScheduleText(text, ctx)));
      }),
      { numRuns: 500 },
    );
  });

  it("survives deep enumerations (`1.2.3.4…`, `（一）（二）…`)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3000 }),
        fc.constantFrom(".", "、", ".4月", "）("),
        (depth, sep) => {
          const text = Array.from({ length: depth }, (_, k) => `${(k % 99) + 1}${sep}`).join("");
          checkInvariants(text, parseScheduleText(text, ctx));
        },
      ),
      { numRuns: 30 },
    );
  });

  it("survives 100 KB cells", () => {
    fc.assert(
      fc.property(
        noisy.filter((s) => s.length > 0),
        (chunk) => {
          const text = chunk.repeat(Math.ceil(100_000 / chunk.length)).slice(0, 100_000);
          const result = parseScheduleText(text, ctx);
          expect(result.diagnostics.map((d) => d.code)).toContain("schedule.tooLong");
          checkInvariants(text, result);
        },
      ),
      { numRuns: 5 },
    );
  });
});

/** Inputs that would hurt a backtracking or rescanning reader: long near-matches that fail at the end. */
const ADVERSARIAL = [
  "1.2.",
  "第一、二、三、",
  "2021.2021.",
  "1 1 1 ",
  "第一季度",
  "一二三四五六七八九十",
  "Q1-Q1-",
  "4-5-",
  "1月至",
  "前前",
  "（（一",
  "2022 年 ",
  "6月30日至",
  "十十十",
];

function medianMs(run: () => void, samples: number): number {
  const times: number[] = [];
  for (let k = 0; k < samples; k++) {
    const t0 = performance.now();
    run();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(samples / 2)] as number;
}

/**
 * t(8n) / t(n) for one input shape. t(n) is timed over eight calls (then divided) so that both samples are
 * the same size and neither is lost in timer noise; the best of three tries absorbs a busy machine, while a
 * quadratic reader (≈ 64) would fail all three.
 */
function growth(unit: string): number {
  const small = unit.repeat(Math.ceil(4_000 / unit.length)).slice(0, 4_000);
  const large = unit.repeat(Math.ceil(32_000 / unit.length)).slice(0, 32_000);
  parseScheduleText(large, ctx);
  let best = Number.POSITIVE_INFINITY;
  for (let attempt = 0; attempt < 3 && best >= 30; attempt++) {
    const tSmall =
      medianMs(() => {
        for (let k = 0; k < 8; k++) parseScheduleText(small, ctx);
      }, 5) / 8;
    const tLarge = medianMs(() => parseScheduleText(large, ctx), 5);
    best = Math.min(best, tLarge / Math.max(tSmall, 0.01));
  }
  return best;
}

describe("schedule parser time", () => {
  it.each(ADVERSARIAL)("grows linearly on `%s…`", (unit) => {
    // 8× the input: linear ≈ 8, quadratic ≈ 64; the bound leaves room for a loaded machine.
    expect(growth(unit)).toBeLessThan(30);
  });
});
