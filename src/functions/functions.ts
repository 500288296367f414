/// <reference types="custom-functions-runtime" />
import { PAYLOAD_CODES, describeError, errorCode } from "../office/errors";
import { readSheetGrid } from "../office/read";
import type { SheetGrid } from "../core/types";
import {
  parseAsOf,
  parseCellRef,
  parseDueSoonDays,
  parseInvestKind,
  type ArgError,
  type CellRef,
  type Parsed,
} from "../core/formulas/args";
import { SheetCache } from "./cache";
import {
  detailText,
  investValue,
  locate,
  locateTable,
  milestoneRows,
  nextText,
  overdueCount,
  progressText,
  statusText,
  type Located,
  type RowIndex,
} from "../core/formulas/format";

/**
 * The `DUTY.*` custom functions (namespace `DUTY` from the manifest). The JSDoc below is what
 * custom-functions-metadata turns into functions.json: keep `@requiresParameterAddresses` (the first
 * argument's address finds the table) and `@volatile` (answers depend on today and on cells other than the
 * argument; see cache.ts for the cost). Everything else lives in cache.ts and
 * src/core/formulas (args.ts, format.ts), which WPS's formulas share.
 *
 * Every function returns a matrix: the metadata docs allow `requiresParameterAddresses` only with a
 * `matrix` result, so the one-value formulas answer a 1×1 matrix, which the cell shows as that value.
 */

/** Sheets whose `onChanged` already drops their cache entry; one handler per sheet. */
const watched = new Set<string>();

/** Reads a sheet in the shared runtime; registers its `onChanged` in the same sync as the read. */
async function readWatched(sheetName: string): Promise<SheetGrid> {
  return Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem(sheetName);
    if (!watched.has(sheetName)) {
      sheet.onChanged.add(async () => cache.invalidate(sheetName));
    }
    const grid = await readSheetGrid(context, sheet);
    watched.add(sheetName);
    return grid;
  });
}

const cache = new SheetCache({ read: readWatched });

function toError(error: ArgError): CustomFunctions.Error {
  const code =
    error.code === "invalidValue"
      ? CustomFunctions.ErrorCode.invalidValue
      : CustomFunctions.ErrorCode.notAvailable;
  return new CustomFunctions.Error(code, `${error.message} (${error.messageEn})`);
}

const READ_FAILED: ArgError = {
  ok: false,
  code: "notAvailable",
  message: "读取失败，请重算",
  messageEn: "The sheet could not be read; recalculate",
};

const INTERNAL: ArgError = {
  ok: false,
  code: "notAvailable",
  message: "计算出错，请重算",
  messageEn: "The formula failed; recalculate",
};

/**
 * Runs a formula body: an `ArgError` becomes `#VALUE!` (arguments) or `#N/A` (no project, failed read),
 * thrown as `CustomFunctions.Error` as the docs prescribe. No other exception leaves a formula, and a failed
 * read is never answered from a guess.
 */
async function answer<T>(body: () => Promise<Parsed<T>>): Promise<T> {
  let result: Parsed<T>;
  try {
    result = await body();
  } catch {
    result = INTERNAL;
  }
  if (!result.ok) throw toError(result);
  return result.value;
}

/**
 * The checked sheet of `cell` on `asOf`. A failed read is `#N/A`: a sheet too large to read says so, as
 * the pane does; any other failure asks for a recalculation.
 */
async function checkedSheet(cell: CellRef, asOf: string, dueSoonDays?: number): Promise<Parsed<RowIndex>> {
  try {
    return { ok: true, value: await cache.checked(cell.sheet, asOf, dueSoonDays) };
  } catch (error) {
    if (!PAYLOAD_CODES.has(errorCode(error) ?? "")) return READ_FAILED;
    const { message, messageEn } = describeError(error);
    return { ok: false, code: "notAvailable", message, messageEn };
  }
}

/** The first argument's cell and the checked sheet around it, on `asOfArg` (today when omitted). */
async function findSheet(
  asOfArg: unknown,
  invocation: CustomFunctions.Invocation,
  dueSoonDays?: number,
): Promise<Parsed<{ cell: CellRef; index: RowIndex }>> {
  const cell = parseCellRef(invocation.parameterAddresses?.[0]);
  if (!cell.ok) return cell;
  const asOf = parseAsOf(asOfArg, new Date());
  if (!asOf.ok) return asOf;
  const index = await checkedSheet(cell.value, asOf.value, dueSoonDays);
  return index.ok ? { ok: true, value: { cell: cell.value, index: index.value } } : index;
}

/** The project of the first argument. */
async function findProject(
  asOfArg: unknown,
  invocation: CustomFunctions.Invocation,
  dueSoonDays?: number,
): Promise<Parsed<Located>> {
  const found = await findSheet(asOfArg, invocation, dueSoonDays);
  return found.ok ? locate(found.value.index, found.value.cell) : found;
}

/** A formula over one project: find it, then `pick` the answer. */
function projectAnswer<T>(
  asOfArg: unknown,
  invocation: CustomFunctions.Invocation,
  pick: (found: Located) => T,
): Promise<T> {
  return answer(async () => {
    const found = await findProject(asOfArg, invocation);
    return found.ok ? { ok: true, value: pick(found.value) } : found;
  });
}

/** One value as a 1×1 matrix (see the top of this file). */
function single<T>(value: T): T[][] {
  return [[value]];
}

/**
 * 项目进度状态：逾期、临期、正常、已完成或未排期 (Project status: overdue, due soon, on track, done or unscheduled).
 * @customfunction STATUS
 * @param cell 项目所在行的任一单元格，如 A5 (Any cell in the project's row, e.g. A5)
 * @param [asOf] 参考日期，省略为今天 (Reference date; today when omitted)
 * @param [dueSoonDays] 临期天数，省略为 15 (Due-soon days; 15 when omitted)
 * @param invocation 调用信息 (Invocation)
 * @returns 逾期 / 临期 / 正常 / 已完成 / 未排期
 * @requiresParameterAddresses
 * @volatile
 */
export async function status(
  cell: unknown,
  asOf: unknown,
  dueSoonDays: unknown,
  invocation: CustomFunctions.Invocation,
): Promise<string[][]> {
  return answer(async () => {
    const days = parseDueSoonDays(dueSoonDays);
    if (!days.ok) return days;
    const found = await findProject(asOf, invocation, days.value);
    return found.ok ? { ok: true, value: single(statusText(found.value.project)) } : found;
  });
}

/**
 * 进度说明：状态及决定它的节点 (The status and the milestone behind it).
 * @customfunction DETAIL
 * @param cell 项目所在行的任一单元格，如 A5 (Any cell in the project's row, e.g. A5)
 * @param [asOf] 参考日期，省略为今天 (Reference date; today when omitted)
 * @param invocation 调用信息 (Invocation)
 * @returns 如“逾期：第二季度 完成施工单位招投标（应于2023-06-30完成，已逾期20天）”
 * @requiresParameterAddresses
 * @volatile
 */
export async function detail(
  cell: unknown,
  asOf: unknown,
  invocation: CustomFunctions.Invocation,
): Promise<string[][]> {
  return projectAnswer(asOf, invocation, ({ project }) => single(detailText(project)));
}

/**
 * 下一个未完成节点及其期限 (The next unfinished milestone and its due date).
 * @customfunction NEXT
 * @param cell 项目所在行的任一单元格，如 A5 (Any cell in the project's row, e.g. A5)
 * @param [asOf] 参考日期，省略为今天 (Reference date; today when omitted)
 * @param invocation 调用信息 (Invocation)
 * @returns 如“第三季度 材料及施工班组进场（2023-09-30）”
 * @requiresParameterAddresses
 * @volatile
 */
export async function next(
  cell: unknown,
  asOf: unknown,
  invocation: CustomFunctions.Invocation,
): Promise<string[][]> {
  return projectAnswer(asOf, invocation, ({ project }) => single(nextText(project)));
}

/**
 * 逾期节点个数 (Number of overdue milestones).
 * @customfunction OVERDUE
 * @param cell 项目所在行的任一单元格，如 A5 (Any cell in the project's row, e.g. A5)
 * @param [asOf] 参考日期，省略为今天 (Reference date; today when omitted)
 * @param invocation 调用信息 (Invocation)
 * @returns 逾期节点个数
 * @requiresParameterAddresses
 * @volatile
 */
export async function overdue(
  cell: unknown,
  asOf: unknown,
  invocation: CustomFunctions.Invocation,
): Promise<number[][]> {
  return projectAnswer(asOf, invocation, ({ project }) => single(overdueCount(project)));
}

/**
 * 全部节点（溢出为多行）：时段、期限（日期序列号）、内容、状态 (All milestones, spilled: period, due date, clause, status).
 * @customfunction MILESTONES
 * @param cell 项目所在行的任一单元格，如 A5 (Any cell in the project's row, e.g. A5)
 * @param [asOf] 参考日期，省略为今天 (Reference date; today when omitted)
 * @param invocation 调用信息 (Invocation)
 * @returns 每个节点一行 (One row per milestone)
 * @requiresParameterAddresses
 * @volatile
 */
export async function milestones(
  cell: unknown,
  asOf: unknown,
  invocation: CustomFunctions.Invocation,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- metadata maps only any/number/string/boolean; rows mix text and serials
): Promise<any[][]> {
  return projectAnswer(asOf, invocation, ({ project }) => milestoneRows(project));
}

/**
 * 月度进展：已完成、未报送、未启动、滞后或按序时 (Monthly progress: done, not reported, not started, behind, on schedule).
 * @customfunction PROGRESS
 * @param cell 项目所在行的任一单元格，如 A5 (Any cell in the project's row, e.g. A5)
 * @param [asOf] 参考日期，省略为今天 (Reference date; today when omitted)
 * @param invocation 调用信息 (Invocation)
 * @returns 已完成 / 未报送 / 未启动 / 滞后 / 按序时（1×1）
 * @requiresParameterAddresses
 * @volatile
 */
export async function progress(
  cell: unknown,
  asOf: unknown,
  invocation: CustomFunctions.Invocation,
): Promise<string[][]> {
  // A 1×1 matrix, the DUTY.* convention for results Excel must not implicitly intersect.
  return answer(async () => {
    const found = await findProject(asOf, invocation);
    if (!found.ok) return found;
    const text = progressText(found.value.project);
    return text.ok ? { ok: true, value: [[text.value]] } : text;
  });
}

/**
 * 本表投资合计（万元）：年度、总 或 占比 (The table's investment total in 万元: annual, total or share).
 * @customfunction INVEST
 * @param cell 表内任一项目行的单元格，如 A5 (Any cell in a project row of the table, e.g. A5)
 * @param kind 年度 / 总 / 占比 (annual / total / share)
 * @param invocation 调用信息 (Invocation)
 * @returns 万元，或年度投资占总投资的比例 (万元, or annual ÷ total)
 * @requiresParameterAddresses
 * @volatile
 */
export async function invest(
  cell: unknown,
  kind: unknown,
  invocation: CustomFunctions.Invocation,
): Promise<number[][]> {
  return answer(async () => {
    const parsedKind = parseInvestKind(kind);
    if (!parsedKind.ok) return parsedKind;
    const found = await findSheet(null, invocation);
    if (!found.ok) return found;
    const table = locateTable(found.value.index, found.value.cell);
    const value = table.ok ? investValue(table.value, parsedKind.value) : table;
    return value.ok ? { ok: true, value: single(value.value) } : value;
  });
}
