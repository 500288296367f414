import { normalizeText } from "./text";
import type { MoneyUnit, TableLayout, TotalRowRecord } from "./table/layout";
import type { Amount, CellValue, Diagnostic, Project, TotalRowCheck, Totals } from "./types";

/**
 * Money as SEMANTICS.md §5 reads it. Amounts are integer 分 (1 万元 = 1,000,000 分) parsed from the
 * decimal digits themselves, so no binary float ever enters a sum.
 */

const FEN_PER_WAN = 1_000_000n;
/** Powers of ten from one unit to 分: 元 = 10², 万元 = 10⁶, 亿元 = 10¹⁰. */
const UNIT_EXPONENT: Record<MoneyUnit, number> = { yuan: 2, wan: 6, yi: 10 };

const CELL_UNIT: Record<string, MoneyUnit> = { 元: "yuan", 万: "wan", 万元: "wan", 亿: "yi", 亿元: "yi" };

/** Cells that say "no amount" (after normalisation): dashes, a slash, 无, 待定 and their kin. */
const NO_AMOUNT = new Set([
  "",
  "—",
  "——",
  "–",
  "-",
  "--",
  "－",
  "―",
  "─",
  "/",
  "\\",
  "无",
  "暂无",
  "待定",
  "未定",
]);

const QUALIFIER_BEFORE =
  "拟定|拟投入|拟投资|拟|大约|约|预计|计划|暂定|暂估|估算|概算|初定|不少于|不低于|超过|近";
const QUALIFIER_AFTER = "左右|以上|余|多";
const AMOUNT_TEXT = new RegExp(
  `^(${QUALIFIER_BEFORE})?([+-]?(?:\\d{1,3}(?:,\\d{3})+|\\d+)?(?:\\.\\d+)?)(亿元|亿|万元|万|元)?(${QUALIFIER_AFTER})?$`,
  "u",
);

interface Decimal {
  /** All digits as one integer. */
  digits: bigint;
  /** How many of them sit after the decimal point. */
  scale: number;
}

/** `"1,200.50"`, `"32.28"`, `"1e-7"` → exact decimal; null when the text is not a number. */
function parseDecimal(text: string): Decimal | null {
  const match = /^([+-]?)(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/iu.exec(text.replace(/,/gu, ""));
  if (!match) return null;
  const [, sign, whole = "", fraction = "", exponent] = match;
  if (whole === "" && fraction === "") return null;
  let scale = fraction.length - (exponent ? Number(exponent) : 0);
  let digits = BigInt(`${whole}${fraction}` || "0");
  if (scale < 0) {
    digits *= 10n ** BigInt(-scale);
    scale = 0;
  }
  return { digits: sign === "-" ? -digits : digits, scale };
}

/** Decimal × unit → 分, rounding half away from zero below the 分. Null when too large to hold exactly. */
function toFen(decimal: Decimal, unit: MoneyUnit): number | null {
  const shift = UNIT_EXPONENT[unit] - decimal.scale;
  let fen: bigint;
  if (shift >= 0) fen = decimal.digits * 10n ** BigInt(shift);
  else {
    const divisor = 10n ** BigInt(-shift);
    const magnitude = decimal.digits < 0n ? -decimal.digits : decimal.digits;
    const rounded = (magnitude * 2n + divisor) / (divisor * 2n);
    fen = decimal.digits < 0n ? -rounded : rounded;
  }
  const result = Number(fen);
  return Number.isSafeInteger(result) ? result : null;
}

export interface AmountParse {
  amount: Amount | null;
  /** Why the cell is not an amount (Chinese), or null. Never paired with an amount. */
  problem: string | null;
}

/**
 * One money cell in the header's unit. Numbers as Office gives them (converted through their shortest
 * decimal string); text such as `拟定100`, `约600`, `600万元`, `4.8亿`, `1,200`. `—`, `-`, `/`, `无`, `待定`
 * and empty cells hold no amount; any other text is a problem, never zero.
 */
export function parseAmount(value: CellValue, unit: MoneyUnit): AmountParse {
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return { amount: null, problem: "不是有限数值" };
    const decimal = parseDecimal(String(value));
    const fen = decimal ? toFen(decimal, unit) : null;
    if (fen === null) return { amount: null, problem: "数值过大" };
    return { amount: { fen, qualifier: null, writtenAsText: false }, problem: null };
  }
  if (typeof value === "boolean") return { amount: null, problem: "是逻辑值，不是金额" };
  const text = normalizeText(value ?? "");
  if (NO_AMOUNT.has(text)) return { amount: null, problem: null };
  const match = AMOUNT_TEXT.exec(text);
  const decimal = match ? parseDecimal(match[2] as string) : null;
  if (!match || !decimal) return { amount: null, problem: "不是可识别的金额写法" };
  const [, before, , cellUnit, after] = match;
  const fen = toFen(decimal, cellUnit ? (CELL_UNIT[cellUnit] as MoneyUnit) : unit);
  if (fen === null) return { amount: null, problem: "数值过大" };
  return { amount: { fen, qualifier: before ?? after ?? null, writtenAsText: true }, problem: null };
}

/** Exact 分 → 万元 as a JS number for JSON (`5535828000000` → 55358.28): built from the decimal string. */
export function fenToWan(fen: number): number {
  return Number(wanDecimal(fen));
}

function wanDecimal(fen: number): string {
  const value = BigInt(fen);
  const magnitude = value < 0n ? -value : value;
  const whole = (magnitude / FEN_PER_WAN).toString();
  const fraction = (magnitude % FEN_PER_WAN).toString().padStart(6, "0").replace(/0+$/u, "");
  return `${value < 0n ? "-" : ""}${whole}${fraction ? `.${fraction}` : ""}`;
}

/**
 * A 万元 number the core itself produced (Investment, Totals) → exact 分. It is read back through its
 * shortest decimal string with the same parser as a cell, so `828.28` gives 828,280,000 分 and the float
 * sum `0.1 + 0.2` still gives 300,000 分. Null only for a value no cell could have held (∞, NaN, too large).
 */
export function wanToFen(wan: number): number | null {
  return parseAmount(wan, "wan").amount?.fen ?? null;
}

/** A 万元 number from the core, formatted exactly as `formatWan` does (`55,358.28`); `—` when unreadable. */
export function formatWanNumber(wan: number): string {
  const fen = wanToFen(wan);
  return fen === null ? "—" : formatWan(fen);
}

/** 万元 with thousands separators, exact, without trailing zeros: `55,358.28`, `8`, `1,200.5`. */
export function formatWan(fen: number): string {
  const [whole = "", fraction] = wanDecimal(fen).split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/gu, ",");
  return fraction ? `${grouped}.${fraction}` : grouped;
}

/**
 * Sum of 分, added as BigInt so no partial sum drifts. Exact while the result is a safe integer (up to
 * about 90 亿万元); beyond that the caller reports it (`money.sumOutOfRange`) rather than anything throwing.
 */
export function sumFen(values: Iterable<number>): number {
  let sum = 0n;
  for (const v of values) sum += BigInt(v);
  return Number(sum);
}

/** annual ÷ total rounded half-up to 3 decimals (`0.328`); null when the total is zero. */
export function shareOfTotal(annualFen: number, totalFen: number): number | null {
  if (totalFen === 0) return null;
  const a = BigInt(annualFen) * 1000n;
  const t = BigInt(totalFen);
  const negative = a < 0n !== t < 0n;
  const absA = a < 0n ? -a : a;
  const absT = t < 0n ? -t : t;
  const thousandths = (absA * 2n + absT) / (absT * 2n);
  return Number(negative ? -thousandths : thousandths) / 1000;
}

export interface DepartmentInvestment {
  /** null when the department cell is empty. */
  department: string | null;
  annualFen: number;
  totalFen: number;
}

/**
 * Investment per 责任科室 (the pane's chart), largest total or annual first, then by department name.
 * Summed as BigInt 分 like the table totals; projects with neither amount are left out.
 */
export function investmentByDepartment(
  projects: ReadonlyArray<Pick<Project, "department" | "investment">>,
): DepartmentInvestment[] {
  const byDepartment = new Map<string | null, { annual: number[]; total: number[] }>();
  for (const { department, investment } of projects) {
    const total = investment.total === null ? null : wanToFen(investment.total);
    const annual = investment.annual === null ? null : wanToFen(investment.annual);
    if (total === null && annual === null) continue;
    const entry = byDepartment.get(department) ?? { annual: [], total: [] };
    if (total !== null) entry.total.push(total);
    if (annual !== null) entry.annual.push(annual);
    byDepartment.set(department, entry);
  }
  return [...byDepartment]
    .map(([department, sums]) => ({
      department,
      annualFen: sumFen(sums.annual),
      totalFen: sumFen(sums.total),
    }))
    .sort(
      (a, b) =>
        Math.max(b.totalFen, b.annualFen) - Math.max(a.totalFen, a.annualFen) ||
        (a.department ?? "").localeCompare(b.department ?? "", "zh-Hans-CN"),
    );
}

/** One amount read from a cell, with the cell it came from (null when the column has no entry). */
export interface AmountRead {
  amount: Amount | null;
  cell: string | null;
}

/** A project's two amounts, by its first sheet row. */
export interface ProjectAmounts {
  row: number;
  total: AmountRead;
  annual: AmountRead;
}

export interface TotalsResult {
  totals: Totals;
  diagnostics: Diagnostic[];
}

function isGrandTotal(row: TotalRowRecord): boolean {
  return !row.label || !/^小计/u.test(row.label);
}

/**
 * Sums and checks of §5 for a table that has investment columns (a table without them has no totals at
 * all: the caller reports null). Flags rows whose annual amount exceeds the total, reads each `合计`/`总计`
 * row in the header's units and compares it with the computed sums column by column.
 */
export function computeTotals(
  projects: ProjectAmounts[],
  totalRows: TotalRowRecord[],
  units: TableLayout["units"],
  /** Whether some amount cell is a formula without a saved result (the grid says; the amounts cannot). */
  incomplete = false,
): TotalsResult {
  const diagnostics: Diagnostic[] = [];
  let withInvestment = 0;
  for (const p of projects) {
    if (p.total.amount || p.annual.amount) withInvestment += 1;
    if (p.total.amount && p.annual.amount && p.annual.amount.fen > p.total.amount.fen) {
      const cell = p.annual.cell ?? p.total.cell;
      const annual = formatWan(p.annual.amount.fen);
      const total = formatWan(p.total.amount.fen);
      diagnostics.push({
        cell,
        code: "money.annualAboveTotal",
        message: `第 ${p.row} 行年度投资 ${annual} 万元大于总投资 ${total} 万元`,
        messageEn: `Row ${p.row}: annual investment ${annual} (10k yuan) exceeds the total of ${total}`,
        severity: "warning",
      });
    }
  }
  const totalFen = sumFen(projects.map((p) => p.total.amount?.fen ?? 0));
  const annualFen = sumFen(projects.map((p) => p.annual.amount?.fen ?? 0));
  if (!Number.isSafeInteger(totalFen) || !Number.isSafeInteger(annualFen)) {
    diagnostics.push({
      cell: null,
      code: "money.sumOutOfRange",
      message: "投资合计超出可精确计算的范围（约 90 亿万元），合计值不精确，请检查金额单位",
      messageEn: "The investment sums exceed the exactly representable range; check the amounts' units",
      severity: "error",
    });
  }

  let sheetTotalRow: TotalRowCheck | null = null;
  for (const row of totalRows.filter(isGrandTotal)) {
    const total = readTotalCell(row, "totalInvestment", units.totalInvestment, diagnostics);
    const annual = readTotalCell(row, "annualInvestment", units.annualInvestment, diagnostics);
    const totalMatches = total ? compare(row, total, totalFen, "总投资", "total", diagnostics) : null;
    const annualMatches = annual ? compare(row, annual, annualFen, "年度投资", "annual", diagnostics) : null;
    sheetTotalRow = {
      row: row.row,
      total: total ? fenToWan(total.fen) : null,
      annual: annual ? fenToWan(annual.fen) : null,
      totalMatches,
      annualMatches,
    };
  }

  return {
    totals: {
      projects: projects.length,
      withInvestment,
      withoutInvestment: projects.length - withInvestment,
      total: fenToWan(totalFen),
      annual: fenToWan(annualFen),
      annualShareOfTotal: shareOfTotal(annualFen, totalFen),
      sheetTotalRow,
      incomplete,
    },
    diagnostics,
  };
}

interface CellAmount {
  fen: number;
  cell: string;
}

function readTotalCell(
  row: TotalRowRecord,
  role: "totalInvestment" | "annualInvestment",
  unit: MoneyUnit | undefined,
  diagnostics: Diagnostic[],
): CellAmount | null {
  const cell = row.cells[role];
  if (!cell) return null;
  const { amount, problem } = parseAmount(cell.value, unit ?? "wan");
  if (problem) diagnostics.push(unreadableDiagnostic(cell.address, cell.value, problem));
  return amount ? { fen: amount.fen, cell: cell.address } : null;
}

function compare(
  row: TotalRowRecord,
  written: CellAmount,
  computedFen: number,
  label: string,
  labelEn: string,
  diagnostics: Diagnostic[],
): boolean {
  if (written.fen === computedFen) return true;
  const sheet = formatWan(written.fen);
  const computed = formatWan(computedFen);
  diagnostics.push({
    cell: written.cell,
    code: "money.totalRowMismatch",
    message: `第 ${row.row} 行合计的${label} ${sheet} 万元与各项目之和 ${computed} 万元不符`,
    messageEn: `Row ${row.row}: the ${labelEn} written in the total row, ${sheet}, differs from the sum of the projects, ${computed} (10k yuan)`,
    severity: "warning",
  });
  return false;
}

/** `money.unreadable` for a cell whose text is not an amount (never read as zero). */
export function unreadableDiagnostic(address: string, value: CellValue, problem: string): Diagnostic {
  return {
    cell: address,
    code: "money.unreadable",
    message: `单元格 ${address} 的“${String(value)}”无法识别为金额：${problem}`,
    messageEn: `Cell ${address}: "${String(value)}" is not an amount`,
    severity: "warning",
  };
}
