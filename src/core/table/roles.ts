import { STATUS_HEADER } from "../status-column";
import { chineseNumber, splitUnit, stripBrackets } from "../text";
import type { Quarter, Role } from "../types";
import type { MoneyUnit } from "./layout";

/**
 * Column roles by the words of a header (SEMANTICS.md §1). A header matches every spelling it contains;
 * the longest spelling wins, so `工作任务安排` is a schedule though it contains `工作任务` (a name), and
 * `2023年计划投资` is annual though it contains `计划投资` (a total). Equal lengths: the earlier entry wins.
 */
const SPELLINGS: Array<[Role, string[]]> = [
  ["index", ["序号", "编号", "序"]],
  [
    "progress",
    [
      "目标完成情况",
      "完成情况",
      "进展情况",
      "推进情况",
      "落实情况",
      "进度情况",
      "办理情况",
      "实施情况",
      "当前进度",
      "目前进度",
      "实际进度",
      "目前进展",
      "工作进展",
      "进展",
    ],
  ],
  [
    "schedule",
    [
      "形象进度安排",
      "工作任务安排",
      "工作进度安排",
      "计划完成时间",
      "形象进度",
      "项目进度",
      "进度安排",
      "进度计划",
      "进度要求",
      "实施进度",
      "序时进度",
      "推进计划",
      "完成时限",
      "完成时间",
      "时间节点",
      "节点安排",
      "时间安排",
      "进度",
    ],
  ],
  [
    "name",
    ["项目名称", "任务名称", "事项名称", "实事名称", "工作任务", "重点工作", "实事项目", "名称", "项目"],
  ],
  [
    "content",
    [
      "建设规模及内容",
      "主要建设内容",
      "主要内容",
      "建设内容",
      "项目内容",
      "工作内容",
      "具体内容",
      "建设规模",
      "目标任务",
      "工作目标",
      "内容",
    ],
  ],
  ["period", ["建设起止年限", "建设年限", "建设期限", "起止年限", "建设周期", "实施年限", "建设期", "年限"]],
  [
    "annualInvestment",
    [
      "年度计划投资",
      "当年计划投资",
      "年度总投资",
      "年计划投资",
      "年度投资",
      "当年投资",
      "本年投资",
      "今年投资",
    ],
  ],
  [
    "totalInvestment",
    ["计划总投资", "项目总投资", "总投资额", "投资总额", "估算投资", "总投资", "计划投资", "总概算"],
  ],
  ["leader", ["责任领导", "分管领导", "牵头领导", "挂钩领导", "包挂领导", "领导"]],
  [
    "coDepartment",
    ["配合单位", "协办单位", "配合部门", "协助单位", "配合科室", "协办科室", "参与单位", "协作单位"],
  ],
  [
    "department",
    [
      "责任科室",
      "责任单位",
      "牵头单位",
      "牵头部门",
      "责任部门",
      "牵头科室",
      "承办单位",
      "承办科室",
      "主办单位",
      "实施单位",
      "业主单位",
      "责任主体",
    ],
  ],
  ["person", ["具体经办人", "具体责任人", "责任人员", "责任人", "经办人", "联系人"]],
];

/** `2023年计划投资`, `2023年度投资`, `本年度计划投资`: a year's investment. */
const ANNUAL_PATTERN = /(?:20\d{2}年|年度|当年|本年)度?(?:计划)?(?:完成)?投资/u;

/** `一季度完成情况`, `第二季度完成情况`, `Q3进展`: a per-quarter completion column. */
const QUARTER_PROGRESS = /^(?:第)?([一二三四1-4])季度(?:工作|任务)?(?:完成|进展|推进|落实|进度|办理)/u;
const QUARTER_Q = /^Q([1-4])(?:完成|进展|推进|落实|进度)/iu;
/** A bare quarter (`一季度`, `第三季度`, `Q2`) under a progress parent. */
const BARE_QUARTER = /^(?:第)?([一二三四1-4])季度$|^Q([1-4])$/iu;

/** Header text longer than this (bracketed notes aside) is prose, not a column name. */
const MAX_HEADER_LENGTH = 24;

export interface HeaderMatch {
  role: Role | null;
  quarter: Quarter | null;
  unit: MoneyUnit | null;
  /** Length of the spelling that matched, plus a bonus when the header is exactly that spelling. */
  score: number;
}

const NO_MATCH: HeaderMatch = { role: null, quarter: null, unit: null, score: 0 };

function quarterOf(digit: string | undefined): Quarter | null {
  const n = digit ? chineseNumber(digit) : null;
  return n !== null && n >= 1 && n <= 4 ? (n as Quarter) : null;
}

function bestRole(text: string): { role: Role; score: number } | null {
  const candidates: Array<{ role: Role; spelling: string }> = [];
  for (const [role, spellings] of SPELLINGS) {
    for (const spelling of spellings) if (text.includes(spelling)) candidates.push({ role, spelling });
  }
  const annual = ANNUAL_PATTERN.exec(text);
  if (annual) candidates.push({ role: "annualInvestment", spelling: annual[0] });
  let best: { role: Role; score: number } | null = null;
  for (const { role, spelling } of candidates) {
    // A column name is mostly its spelling; `按照时间节点开展项目建设` is a sentence that mentions one.
    if (text.length > spelling.length * 2 + 2) continue;
    const score = spelling.length + (text === spelling ? 100 : 0);
    if (!best || score > best.score) best = { role, score };
  }
  return best;
}

/** A normalised cell short enough to be a column name (bracketed notes aside). */
export function headerSized(text: string): boolean {
  const bare = stripBrackets(text);
  return bare.length > 0 && bare.length <= MAX_HEADER_LENGTH && !/^[\d.,-]+$/u.test(bare);
}

/** What a header cell names: a role, a quarter's completion, and a money unit. Expects any cell text. */
export function matchHeader(raw: string): HeaderMatch {
  const { text, unit } = splitUnit(raw);
  if (text === "" || text.length > MAX_HEADER_LENGTH * 3 || /^[\d.,-]+$/u.test(text)) return NO_MATCH;
  // A long bracketed note (`（需细化到季度，写明每季度目标）`) does not make a name prose.
  const bare = stripBrackets(text);
  // The product's own 插入状态列 (`进度状态（截至 …）`) names no column of the table, though it says 进度.
  if (bare.length > MAX_HEADER_LENGTH || bare === STATUS_HEADER) return NO_MATCH;
  const quarterMatch = QUARTER_PROGRESS.exec(bare) ?? QUARTER_Q.exec(bare);
  const quarter = quarterOf(quarterMatch?.[1]);
  if (quarter) return { role: null, quarter, unit, score: 10 };
  const found = bestRole(bare) ?? bestRole(text);
  return found ? { role: found.role, quarter: null, unit, score: found.score } : { ...NO_MATCH, unit };
}

/** A bare quarter header (`一季度`, `第二季度`, `Q3`), read as a completion column under a progress parent. */
export function bareQuarter(raw: string): Quarter | null {
  const match = BARE_QUARTER.exec(stripBrackets(splitUnit(raw).text));
  return match ? quarterOf(match[1] ?? match[2]) : null;
}

/** Role names for messages. */
export const ROLE_LABEL: Record<Role, { zh: string; en: string }> = {
  index: { zh: "序号", en: "index" },
  name: { zh: "项目名称", en: "project name" },
  content: { zh: "主要内容", en: "content" },
  schedule: { zh: "形象进度安排", en: "schedule" },
  period: { zh: "建设年限", en: "period" },
  totalInvestment: { zh: "总投资", en: "total investment" },
  annualInvestment: { zh: "年度投资", en: "annual investment" },
  leader: { zh: "责任领导", en: "responsible leader" },
  department: { zh: "责任科室", en: "responsible department" },
  person: { zh: "责任人员", en: "responsible person" },
  coDepartment: { zh: "配合单位", en: "co-operating department" },
  progress: { zh: "完成情况", en: "progress" },
};
