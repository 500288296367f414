/**
 * The Office requirement sets the add-in needs. manifest.xml declares exactly these in its <Requirements>
 * (test/manifest checks the two agree), so Office hides the add-in where they are missing; the run-time
 * check is for clients that load it anyway (older builds, sideloading) and says what to upgrade.
 */
export interface RequirementSet {
  name: string;
  minVersion: string;
  /** What the add-in uses it for, in Chinese and English. */
  purpose: string;
  purposeEn: string;
}

export const REQUIRED_SETS: readonly RequirementSet[] = [
  {
    name: "ExcelApi",
    minVersion: "1.13",
    purpose: "读取表格（含合并单元格）并做标记",
    purposeEn: "reading the table (merged cells included) and marking it",
  },
  {
    name: "SharedRuntime",
    minVersion: "1.1",
    purpose: "功能区按钮、任务窗格和公式共用同一运行环境",
    purposeEn: "ribbon buttons, task pane and formulas sharing one runtime",
  },
  {
    name: "CustomFunctionsRuntime",
    // 1.3: the formulas find their project from the argument's address (requiresParameterAddresses).
    minVersion: "1.3",
    purpose: "DUTY.* 公式",
    purposeEn: "the DUTY.* formulas",
  },
];

export type IsSetSupported = (name: string, minVersion: string) => boolean;

export type RequirementCheck =
  { ok: true } | { ok: false; missing: RequirementSet[]; message: string; messageEn: string };

/** Which of `sets` this Excel lacks, with a message naming each set and what it is for. */
export function checkRequirements(
  isSetSupported: IsSetSupported,
  sets: readonly RequirementSet[] = REQUIRED_SETS,
): RequirementCheck {
  const missing = sets.filter((set) => {
    try {
      return !isSetSupported(set.name, set.minVersion);
    } catch {
      // A client too old to answer the question lacks the set too.
      return true;
    }
  });
  if (missing.length === 0) return { ok: true };
  return {
    ok: false,
    missing,
    message:
      `此版本的 Excel 不支持实事督办所需的功能：${missing
        .map((s) => `${s.name} ${s.minVersion}（${s.purpose}）`)
        .join("；")}。` + "请升级到 Microsoft 365 版 Excel（或 Excel 2021 及以上），或改用网页版 Excel。",
    messageEn:
      `This version of Excel lacks what DutyCheck needs: ${missing
        .map((s) => `${s.name} ${s.minVersion} (${s.purposeEn})`)
        .join("; ")}. ` +
      "Please update to Excel for Microsoft 365 (or Excel 2021 or later), or use Excel on the web.",
  };
}

/** Office's own answer, or "unsupported" where Office.js is absent (the preview page, tests). */
export function officeIsSetSupported(name: string, minVersion: string): boolean {
  if (typeof Office === "undefined" || !Office.context?.requirements) return false;
  return Office.context.requirements.isSetSupported(name, minVersion);
}
