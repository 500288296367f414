import type { Diagnostic } from "../types";

/** Schedule findings; the caller adds the cell address. Chinese first, with an English twin. */
export type ScheduleDiagnostic = Omit<Diagnostic, "cell">;

/** Long fragments are cut in messages so that a runaway cell does not flood the list. */
function quote(fragment: string): string {
  const clean = fragment.replace(/\s+/g, " ").trim();
  return clean.length > 30 ? `${clean.slice(0, 30)}…` : clean;
}

export function impossibleDate(fragment: string): ScheduleDiagnostic {
  return {
    code: "schedule.impossibleDate",
    message: `进度安排中的“${quote(fragment)}”不是有效日期，未计入节点`,
    messageEn: `"${quote(fragment)}" in the schedule is not a valid date; no milestone was made from it`,
    severity: "error",
  };
}

export function unscheduled(empty: boolean): ScheduleDiagnostic {
  return empty
    ? {
        code: "schedule.unscheduled",
        message: "进度安排为空，无法排期",
        messageEn: "The schedule is empty; the project cannot be scheduled",
        severity: "warning",
      }
    : {
        code: "schedule.unscheduled",
        message: "进度安排中未找到季度、月份或日期，无法排期",
        messageEn: "The schedule names no quarter, month or date; the project cannot be scheduled",
        severity: "warning",
      };
}

/** A date written before the first quarter clause: quarters govern, so it made no milestone. */
export function fragmentBeforeQuarters(fragment: string): ScheduleDiagnostic {
  return {
    code: "schedule.fragmentIgnored",
    message: `进度安排中的“${quote(fragment)}”写在季度安排之前，未计入节点`,
    messageEn: `"${quote(fragment)}" comes before the quarterly plan in the schedule; no milestone was made from it`,
    severity: "warning",
  };
}

export function tooLong(length: number, max: number): ScheduleDiagnostic {
  return {
    code: "schedule.tooLong",
    message: `进度安排过长（${length} 字），只读取前 ${max} 字`,
    messageEn: `The schedule is too long (${length} characters); only the first ${max} were read`,
    severity: "warning",
  };
}

export function invalidContext(detail: string): ScheduleDiagnostic {
  return {
    code: "schedule.invalidYear",
    message: `默认年份无效（${detail}），无法排期`,
    messageEn: `The default year is invalid (${detail}); the schedule cannot be read`,
    severity: "error",
  };
}
