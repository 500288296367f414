import { MESSAGES, languageFor, type Messages } from "../../src/taskpane/i18n";
import { formatAmount, lateness, milestonePeriod } from "../../src/taskpane/format";
import { milestone } from "./fixtures";

describe("i18n", () => {
  test("English only when Office's display language is English", () => {
    expect(languageFor("en-US")).toBe("en");
    expect(languageFor("EN-gb")).toBe("en");
    expect(languageFor("zh-CN")).toBe("zh");
    expect(languageFor("fr-FR")).toBe("zh");
    expect(languageFor(undefined)).toBe("zh");
  });

  test("both dictionaries fill every key with text, and differ", () => {
    const keys = Object.keys(MESSAGES.zh) as Array<keyof Messages>;
    expect(Object.keys(MESSAGES.en).sort()).toEqual([...keys].sort());
    const counts = { overdue: 3, dueSoon: 1, onTrack: 2, done: 1, unscheduled: 1 };
    // Arguments the way the pane passes them; every other function takes (1, 2, "x", "y").
    const args: Partial<Record<keyof Messages, unknown[]>> = {
      detailRangeText: [3, 20, [3, 4]],
      checked: [8, counts],
      groupCounts: [counts],
      listHeading: ["overdue"],
      noneToList: [null],
      projectPeople: [["许文理", "曾智伟"], "社会事务办"],
      tableLine: ["Sheet1", 2023, 12],
      progressSentence: [new Date(2023, 5, 26), 48.5],
      progressDue: ["June", 22],
      progressListHeading: ["behind"],
      noneInProgressState: ["notStarted"],
      progressGroup: ["notReported", 3],
      informant: [null],
      stateChange: ["x", "onSchedule", "behind"],
    };
    const render = (value: unknown, key: keyof Messages): string =>
      typeof value === "function"
        ? String((value as (...a: unknown[]) => unknown)(...(args[key] ?? [1, 2, "x", "y"])))
        : typeof value === "object" && value !== null
          ? Object.values(value).join("|")
          : String(value);
    for (const key of keys) {
      const zh = render(MESSAGES.zh[key], key);
      const en = render(MESSAGES.en[key], key);
      expect(zh.trim()).not.toBe("");
      expect(en.trim()).not.toBe("");
      // English strings carry no Han characters except the names the add-in writes (进度检查结果, 进度状态).
      expect(en.replace(/进度检查结果|进度状态|许文理|曾智伟|社会事务办/gu, "")).not.toMatch(
        /\p{Script=Han}/u,
      );
    }
  });
});

describe("format", () => {
  test("amounts print exactly through the core", () => {
    expect(formatAmount(0.1 + 0.2)).toBe("0.3");
    expect(formatAmount(55358.28)).toBe("55,358.28");
    expect(formatAmount(1e-7)).toBe("0");
  });

  test("milestone periods and lateness read naturally in both languages", () => {
    const zh = MESSAGES.zh;
    const en = MESSAGES.en;
    const q23 = milestone({ quarters: [2, 3], due: "2023-09-30" });
    expect(milestonePeriod(q23, "zh")).toBe("第二、三季度");
    expect(milestonePeriod(q23, "en")).toBe("Q2+Q3");
    expect(milestonePeriod(milestone({ quarters: null, months: [6], due: "2023-06-30" }), "zh")).toBe("6月");
    expect(lateness(milestone({ daysLate: 3 }), zh)).toBe("已逾期 3 天");
    expect(lateness(milestone({ daysLate: 0 }), zh)).toBe("今天到期");
    expect(lateness(milestone({ daysLate: -1 }), en)).toBe("1 day left");
  });
});
