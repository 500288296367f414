import { z } from "zod";
import {
  BEHIND_TOLERANCE_EXPECTED,
  CheckOptionsSchema,
  DUE_SOON_DAYS_EXPECTED,
  REPORT_DAY_EXPECTED,
} from "../core/options";

export type ParsedArgs = { ok: true; flags: Flags } | { ok: false; message: string };

/** Options that take a value, by flag, with the field they fill. */
const VALUE_FLAGS = {
  "--as-of": "asOf",
  "--due-soon-days": "dueSoonDays",
  "--sheet": "sheet",
  "--out": "out",
  "--report-day": "reportDay",
  "--behind-tolerance": "behindTolerance",
  "--since": "since",
  "--report": "report",
  "--group-by": "groupBy",
  "--reply-by": "replyBy",
} as const;

const SWITCHES = {
  "--json": "json",
  "--fail-on-overdue": "failOnOverdue",
  "--reminders": "reminders",
  "--help": "help",
  "-h": "help",
  "--version": "version",
  "-v": "version",
} as const;

const FLAG_OF: Record<string, string> = {
  asOf: "--as-of",
  dueSoonDays: "--due-soon-days",
  sheet: "--sheet",
  out: "--out",
  reportDay: "--report-day",
  behindTolerance: "--behind-tolerance",
  since: "--since",
  report: "--report",
  groupBy: "--group-by",
  replyBy: "--reply-by",
  reminders: "--reminders",
  files: "文件",
};

const FlagsSchema = z
  .object({
    files: z.array(z.string().min(1, "文件名不能为空")),
    // The core's own rules (format, real date, 0–366 days); only the text-to-number step is the CLI's.
    asOf: CheckOptionsSchema.shape.asOf,
    dueSoonDays: z
      .string()
      .regex(/^\d+$/, DUE_SOON_DAYS_EXPECTED)
      .transform(Number)
      .pipe(CheckOptionsSchema.shape.dueSoonDays.unwrap())
      .default(15),
    reportDay: z
      .string()
      .regex(/^\d+$/, REPORT_DAY_EXPECTED)
      .transform(Number)
      .pipe(CheckOptionsSchema.shape.reportDay.unwrap())
      .optional(),
    behindTolerance: z
      .string()
      .regex(/^\d+(?:\.\d+)?$/, BEHIND_TOLERANCE_EXPECTED)
      .transform(Number)
      .pipe(CheckOptionsSchema.shape.behindTolerance.unwrap())
      .optional(),
    since: z.string().min(1, "文件名不能为空").optional(),
    sheet: z.string().min(1, "工作表名称不能为空").optional(),
    json: z.boolean().default(false),
    out: z.string().min(1, "输出目录不能为空").optional(),
    failOnOverdue: z.boolean().default(false),
    report: z.string().min(1, "输出目录不能为空").optional(),
    reminders: z.boolean().default(false),
    groupBy: z
      .enum(["department", "leader"], { error: "应为 department（按责任科室）或 leader（按责任领导）" })
      .default("department"),
    replyBy: CheckOptionsSchema.shape.asOf,
    help: z.boolean().default(false),
    version: z.boolean().default(false),
  })
  .refine((f) => f.help || f.version || f.files.length > 0, {
    message: "请至少指定一个 .xlsx 文件",
    path: ["files"],
  })
  .refine((f) => !(f.json && f.reminders), {
    message: "不能与 --json 同时使用",
    path: ["reminders"],
  });

/** The command line once validated. */
export type Flags = z.output<typeof FlagsSchema>;

/** Splits argv into raw strings per field; reports unknown flags and missing values in Chinese. */
function split(argv: string[]): { ok: true; raw: Record<string, unknown> } | { ok: false; message: string } {
  const raw: Record<string, unknown> = { files: [] as string[] };
  const files = raw.files as string[];
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] as string;
    if (arg === "--") {
      for (const rest of argv.slice(i + 1)) files.push(rest);
      break;
    }
    if (!arg.startsWith("-") || arg === "-") {
      files.push(arg);
      continue;
    }
    const eq = arg.indexOf("=");
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (name in SWITCHES) {
      if (eq > 0) return { ok: false, message: `选项 ${name} 不接受取值` };
      raw[SWITCHES[name as keyof typeof SWITCHES]] = true;
      continue;
    }
    if (name in VALUE_FLAGS) {
      const field = VALUE_FLAGS[name as keyof typeof VALUE_FLAGS];
      const value = eq > 0 ? arg.slice(eq + 1) : argv[i + 1];
      if (value === undefined || (eq < 0 && value.startsWith("--")))
        return { ok: false, message: `选项 ${name} 需要一个取值` };
      if (field in raw) return { ok: false, message: `选项 ${name} 只能指定一次` };
      raw[field] = value;
      if (eq < 0) i += 1;
      continue;
    }
    return { ok: false, message: `未知选项 ${name}（用 --help 查看用法）` };
  }
  return { ok: true, raw };
}

/** Parses and validates the command line; never throws. */
export function parseArgs(argv: string[]): ParsedArgs {
  const split_ = split(argv);
  if (!split_.ok) return split_;
  const parsed = FlagsSchema.safeParse(split_.raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = String(issue?.path[0] ?? "");
    const flag = FLAG_OF[field] ?? field;
    const value = split_.raw[field];
    const shown = typeof value === "string" && value !== "" ? ` “${value}”` : "";
    return { ok: false, message: `${flag}${shown} 无效：${issue?.message ?? "格式错误"}` };
  }
  return { ok: true, flags: parsed.data };
}

export const USAGE = `用法：duty-check 文件.xlsx... [选项]
Usage: duty-check FILE.xlsx... [options]

检查为民办实事项目责任分解表中各节点的进度（逾期、临期、已完成、未排期）和月度进展（未报送、滞后等）。
Checks the milestones and the monthly progress reports of a 为民办实事项目责任分解表.

选项 / Options:
  --as-of YYYY-MM-DD     检查日期，默认今天 / reference date (default: today)
  --due-soon-days N      N 天内到期算临期，默认 15 / due within N days is "due soon" (default 15)
  --report-day N         每月 N 日前报送进展，默认 22（1–28）/ progress reports are due on day N (default 22)
  --behind-tolerance N   完成比例低于序时进度超过 N 个百分点算滞后，默认 10
                         a percent more than N points below time elapsed is behind (default 10)
  --since 上次.json      与上次 --json 输出相比，列出变化 / compare with an earlier --json output
  --sheet 名称           只检查这个工作表 / check only this sheet
  --json                 输出 JSON / print JSON
  --out 目录             另存一份标好颜色的副本，并加“检查结果”工作表（原文件不改动、不覆盖）
                         write a marked copy with a 检查结果 sheet (no input is ever changed)
  --report 目录          每张表写一份进展情况通报（.docx，GB/T 9704 版式）到该目录
                         write one 通报 (.docx laid out per GB/T 9704) per table into the folder
  --reminders            输出督办提醒（每个责任科室一段），代替检查报告
                         print the 督办提醒 (one block per department) instead of the report
  --group-by department|leader
                         通报和督办提醒按责任科室（默认）或责任领导分组
                         group the 通报 and reminders by department (default) or leader
  --reply-by YYYY-MM-DD  要求书面报送的日期，默认下一个报送日（每月 22 日）
                         reply date in the 通报 and reminders (default: the next report day, the 22nd)
  --fail-on-overdue      有逾期节点时退出码为 1 / exit 1 when something is overdue
  -h, --help             显示帮助 / show this help
  -v, --version          显示版本 / show the version

退出码 / Exit codes: 0 正常；1 有逾期（需 --fail-on-overdue）；
  2 参数或输出目录错误、有文件无法读取、没有找到责任分解表或副本无法写出（其余文件照常检查）。
  2 bad flags or --out folder, or a file unreadable, without a table, or not copied (others still checked).
`;
