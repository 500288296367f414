import { MESSAGES, languageFor, type Messages } from "../../src/taskpane/i18n";
import {
  formatAmount,
  investmentByDepartment,
  lateness,
  milestonePeriod,
  wanToFen,
} from "../../src/taskpane/format";
import { milestone, project, sampleTable } from "./fixtures";

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
    const render = (value: unknown, key: keyof Messages): string =>
      typeof value === "function"
        ? String(key === "headerRows" ? value([3, 4]) : value(1, 2, "x", "y"))
        : typeof value === "object" && value !== null
          ? Object.values(value).join("|")
          : String(value);
    for (const key of keys) {
      const zh = render(MESSAGES.zh[key], key);
      const en = render(MESSAGES.en[key], key);
      expect(zh.trim()).not.toBe("");
      expect(en.trim()).not.toBe("");
      // English strings carry no Han characters except the names the add-in writes (进度检查结果, 进度状态).
      expect(en.replace(/进度检查结果|进度状态/gu, "")).not.toMatch(/\p{Script=Han}/u);
    }
  });
});

describe("format", () => {
  test("department sums are exact in 分", () => {
    const money = (total: number | null, annual: number | null) => ({
      total,
      annual,
      totalQualifier: null,
      annualQualifier: null,
      totalCell: null,
      annualCell: null,
    });
    const table = {
      ...sampleTable(),
      projects: [
        project({ row: 5, department: "A", investment: money(0.1, 0.1) }),
        project({ row: 6, department: "A", investment: money(0.2, null) }),
        project({ row: 7, department: "B", investment: money(828.28, 828.28) }),
        project({ row: 8, department: null, investment: money(null, 5) }),
        project({ row: 9, department: "C", investment: money(null, null) }),
      ],
    };
    const rows = investmentByDepartment(table);
    expect(rows.map((r) => r.department)).toEqual(["B", null, "A"]);
    expect(rows.find((r) => r.department === "A")).toEqual({
      department: "A",
      totalFen: wanToFen(0.3),
      annualFen: 100_000,
    });
    expect(formatAmount(0.1 + 0.2)).toBe("0.3");
    expect(formatAmount(55358.28)).toBe("55,358.28");
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
