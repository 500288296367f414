/** Office.js failures turned into the port's bilingual messages. */
import { failure, PROTECTED, type Failure } from "../core/refusals";

/** Error codes Office.js puts on `OfficeExtension.Error.code` (application-specific-api-error-handling). */
export const PAYLOAD_CODES: ReadonlySet<string> = new Set([
  "RequestPayloadSizeLimitExceeded",
  "ResponsePayloadSizeLimitExceeded",
  "RangeExceedsLimit",
]);

/**
 * Above about 5 million cells Excel answers `Range.values` (and the number formats) with null instead of
 * failing the batch; this turns that answer into the error an over-large read gets.
 */
export function tooLargeToRead(): Error & { code: string } {
  return Object.assign(new Error("Excel returned null values: the range is too large to read at once"), {
    code: "RangeExceedsLimit",
  });
}

export function errorCode(error: unknown): string | null {
  if (typeof error === "object" && error !== null && "code" in error) {
    const code = (error as { code: unknown }).code;
    return typeof code === "string" ? code : null;
  }
  return null;
}

/** Maps an error thrown by `context.sync()` (or our own code) to a message for the user. */
export function describeError(error: unknown): Failure {
  const code = errorCode(error);
  switch (code) {
    case "InvalidOperationInCellEditMode":
      return failure(
        "请先退出单元格编辑状态再检查",
        "Finish editing the cell (press Enter or Esc) and try again",
      );
    case "InvalidOperation":
    case "ActivityLimitReached":
    case "ServiceNotAvailable":
    case "RequestAborted":
      return failure(
        "Excel 暂时无法执行此操作（可能正在编辑单元格或忙碌），请退出编辑后重试",
        "Excel cannot do this right now (a cell may be in edit mode, or Excel is busy); try again",
      );
    case "AccessDenied":
      return PROTECTED;
    case "RequestPayloadSizeLimitExceeded":
    case "ResponsePayloadSizeLimitExceeded":
    case "RangeExceedsLimit":
      return failure("工作表过大，无法一次读取", "The sheet is too large to read");
    case "ItemNotFound":
      return failure("找不到指定的工作表或单元格，可能已被删除或改名", "The sheet or cell no longer exists");
    default: {
      const detail = error instanceof Error ? error.message : String(error);
      return failure(
        `Excel 操作失败${code ? `（${code}）` : ""}：${detail}`,
        `Excel reported an error${code ? ` (${code})` : ""}: ${detail}`,
      );
    }
  }
}
