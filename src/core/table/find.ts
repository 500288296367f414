import { cellAddress, columnLetter } from "../address";
import { countDateExpressions } from "../schedule";
import { cellText, normalizeText, unitLine, yearsIn } from "../text";
import type { CellValue, Diagnostic, MergedArea, Quarter, Role, SheetGrid } from "../types";
import type { MoneyUnit, ProjectRecord, RawCell, TableLayout, TotalRowRecord } from "./layout";
import { bareQuarter, headerSized, matchHeader, ROLE_LABEL, type HeaderMatch } from "./roles";
import { byPeriod, byPlanColumn, namesReport, planColumn, planPeriod, type PlanColumnSpec } from "./plan";
import type { HeaderPeriod } from "../progress/period";
import { gridWidth } from "../grid";
import {
  groupProgressColumns,
  progressKind,
  type HeaderParent,
  type ProgressColumnSpec,
  type ProgressHeaderCell,
} from "../progress/columns";

/**
 * Finds breakdown tables in place (SEMANTICS.md §1). Rows and columns here are 0-based and relative to the
 * grid; addresses and layouts leave with absolute sheet coordinates.
 */

/** The grid with normalised text and merge lookup computed once. */
class Sheet {
  readonly rowCount: number;
  readonly colCount: number;
  /** Normalised text, filled on first use: most long cells (content, schedule) are never matched. */
  private readonly norm: (string | undefined)[][];
  private readonly covering = new Map<number, MergedArea>();
  private readonly filledRows = new Map<number, number[]>();
  private readonly matches = new Map<string, HeaderMatch>();
  private readonly hidden = new Set<number>();

  constructor(readonly grid: SheetGrid) {
    this.rowCount = grid.values.length;
    this.colCount = gridWidth(grid.values);
    this.norm = grid.values.map(() => []);
    // Merges are clipped to the grid (a whole-row merge must not cost 16,384 cells per row).
    for (const m of grid.merges ?? []) {
      const rowEnd = Math.min(m.row + m.rowCount, this.rowCount);
      const colEnd = Math.min(m.col + m.colCount, this.colCount);
      for (let r = Math.max(0, m.row); r < rowEnd; r += 1) {
        for (let c = Math.max(0, m.col); c < colEnd; c += 1) {
          this.covering.set(this.key(r, c), m);
          // Office gives a merge's value in its top-left cell only; a reader that echoes it elsewhere is evened out.
          if (r !== m.row || c !== m.col) this.hidden.add(this.key(r, c));
        }
      }
    }
    for (const key of this.hidden) {
      const r = Math.floor(key / (this.colCount + 1));
      const row = this.norm[r];
      if (row) row[key - r * (this.colCount + 1)] = "";
    }
  }

  private key(r: number, c: number): number {
    return r * (this.colCount + 1) + c;
  }

  value(r: number, c: number): CellValue {
    if (this.hidden.has(this.key(r, c))) return "";
    return this.grid.values[r]?.[c] ?? "";
  }

  text(r: number, c: number): string {
    const row = this.norm[r];
    if (!row) return "";
    let text = row[c];
    if (text === undefined) {
      const value = this.grid.values[r]?.[c];
      text = value === undefined || value === "" ? "" : normalizeText(cellText(value));
      row[c] = text;
    }
    return text;
  }

  /** The cell as typed, trimmed (for titles and categories, which are shown as written). */
  display(r: number, c: number): string {
    return cellText(this.value(r, c)).trim();
  }

  merge(r: number, c: number): MergedArea | undefined {
    return this.covering.get(this.key(r, c));
  }

  /** Columns holding text in row r, between `from` and `to` inclusive. */
  filled(r: number, from = 0, to = this.colCount - 1): number[] {
    let cols = this.filledRows.get(r);
    if (!cols) {
      cols = [];
      // Without normalising: long cells (content, schedule, progress reports) are rarely matched.
      for (let c = 0; c < this.colCount; c += 1) if (this.hasText(r, c)) cols.push(c);
      this.filledRows.set(r, cols);
    }
    return from === 0 && to >= this.colCount - 1 ? cols : cols.filter((c) => c >= from && c <= to);
  }

  /** `matchHeader` of a cell, remembered by text: headers repeat at every page break. */
  match(r: number, c: number): HeaderMatch {
    const text = this.display(r, c);
    let found = this.matches.get(text);
    if (!found) {
      found = matchHeader(text);
      this.matches.set(text, found);
    }
    return found;
  }

  address(r: number, c: number): string {
    return cellAddress(this.grid.origin.row + r, this.grid.origin.col + c);
  }

  sheetRow(r: number): number {
    return this.grid.origin.row + r + 1;
  }

  /** Whether a cell holds anything but white space, without normalising it (content cells are long). */
  hasText(r: number, c: number): boolean {
    const value = this.value(r, c);
    if (value === null || value === "") return false;
    return typeof value !== "string" || /[^\s\u200b-\u200d\u2060\ufeff]/u.test(value);
  }

  raw(r: number, c: number): RawCell {
    const format = this.grid.numberFormats?.[r]?.[c];
    return { address: this.address(r, c), value: this.value(r, c), numberFormat: format ?? null };
  }
}

interface Header {
  /** Grid rows: one, or two for a parent row over a child row. */
  rows: number[];
  columns: Map<Role, number>;
  quarterColumns: Map<Quarter, number>;
  /** Every progress column (grid columns), left to right; `columns` keeps the rightmost as `progress`. */
  progressColumns: ProgressColumnSpec[];
  /** Plan columns split by period, in period order (empty when the table has none). */
  planColumns: PlanColumnSpec[];
  /** Columns that may not be guessed to be the schedule: every column with a role, or naming a report. */
  refused: Set<number>;
  units: TableLayout["units"];
  firstCol: number;
  lastCol: number;
  /** The columns it was read over: the whole sheet, or its side of a blank column between two tables. */
  from: number;
  to: number;
  diagnostics: Diagnostic[];
}

interface Candidate {
  col: number;
  role: Role | null;
  quarter: Quarter | null;
  unit: MoneyUnit | null;
  score: number;
  /** Header text as written, for messages. */
  label: string;
  /** A1 address of the header cell. */
  address: string;
  /** The parent over a child of a two-row header. */
  parent: HeaderParent | null;
  /** Its part in the monthly cycle (PROGRESS.md §1), once the row is known to be a header. */
  progress: "progress" | "percent" | null;
  /** The period it plans for, when it is a plan column split by period (`一季度目标`, `第一季度` under `进度安排`). */
  plan: HeaderPeriod | null;
  /** Its reading were it no plan column (a named schedule column beside it wins). */
  unplanned: { role: Role | null; quarter: Quarter | null };
}

/** Role → the candidate holding it: the best-scoring one, the rightmost for progress (the latest report). */
function bestByRole(candidates: Candidate[]): Map<Role, Candidate> {
  const best = new Map<Role, Candidate>();
  for (const cand of candidates) {
    if (cand.quarter || !cand.role) continue;
    const held = best.get(cand.role);
    if (!held || (cand.role === "progress" ? cand.col > held.col : cand.score > held.score))
      best.set(cand.role, cand);
  }
  return best;
}

/** Plan columns split by period stand for the schedule in a header's shape. */
function isHeaderShape(
  best: Map<Role, Candidate>,
  matched: number,
  nonEmpty: number,
  plans: boolean,
): boolean {
  const size = best.size + (plans && !best.has("schedule") ? 1 : 0);
  return size >= 3 && (best.has("name") || best.has("schedule") || plans) && matched >= nonEmpty * 0.4;
}

/**
 * The monthly cycle's reading of a header's cells: progress columns (the parent deciding under a two-row
 * header) take the progress role even when their words look like a plan (`在建形象进度`), percent
 * sub-columns (`进度(%)`) take no role.
 */
function applyProgressKinds(candidates: Candidate[]): void {
  for (const cand of candidates) {
    if (cand.quarter || cand.plan) continue;
    if (cand.role !== null && cand.role !== "progress" && cand.role !== "schedule") continue;
    cand.progress = progressKind(cand.label, cand.parent?.text ?? null);
    if (cand.progress === "progress") cand.role = "progress";
    else if (cand.progress === "percent") cand.role = null;
    else if (cand.role === "progress") cand.role = null;
  }
}

/** Column spans of parent cells in row r that stand over child cells in row r + 1, within columns from–to. */
function parentSpans(sheet: Sheet, r: number, from: number, to: number): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (const c of sheet.filled(r, from, to)) {
    const m = sheet.merge(r, c);
    if (m) {
      if (m.row === r && m.col === c && m.rowCount === 1 && m.colCount > 1)
        spans.push([c, Math.min(c + m.colCount - 1, to)]);
      continue;
    }
    // Without merge information: a parent cell followed by empty cells, each over a child.
    let end = c;
    while (
      end + 1 <= to &&
      sheet.text(r, end + 1) === "" &&
      !sheet.merge(r, end + 1) &&
      sheet.text(r + 1, end + 1) !== ""
    ) {
      end += 1;
    }
    if (end > c && sheet.text(r + 1, c) !== "") spans.push([c, end]);
  }
  return spans;
}

function spanOf(spans: Array<[number, number]>, c: number): [number, number] | undefined {
  return spans.find(([from, to]) => c >= from && c <= to);
}

/** Whether row r + 1 holds only short names, each under one of the parent spans of row r. */
function childRowUnder(sheet: Sheet, r: number, spans: Array<[number, number]>, from: number, to: number) {
  if (spans.length === 0 || r + 1 >= sheet.rowCount) return false;
  const below = sheet.filled(r + 1, from, to);
  return (
    below.length > 0 &&
    below.every((c) => spanOf(spans, c) !== undefined && headerSized(sheet.text(r + 1, c)))
  );
}

/**
 * Reads row r as a header over columns from–to: one row; a parent row over a child row; or a title-like
 * band over a two-row header, whose children are parents of a third row. Null when it is not a header.
 */
function readHeader(sheet: Sheet, r: number, from = 0, to = sheet.colCount - 1): Header | null {
  const top = sheet.filled(r, from, to);
  // A header never starts with a number (a data row's index does): checked first, it spares normalising
  // every cell of every data row. And it has at least three short names.
  if (top.length === 0 || typeof sheet.value(r, top[0] as number) === "number") return null;
  if (top.filter((c) => headerSized(sheet.text(r, c))).length < 3) return null;
  let spans = r + 1 < sheet.rowCount ? parentSpans(sheet, r, from, to) : [];
  const childRow = childRowUnder(sheet, r, spans, from, to);
  if (!childRow) spans = [];
  // A band over a two-row header: row r + 1 holds parents over row r + 2 (`进度安排` over `第一季度 | …`).
  let inner = childRow && r + 2 < sheet.rowCount ? parentSpans(sheet, r + 1, from, to) : [];
  const grandRow = childRowUnder(sheet, r + 1, inner, from, to);
  if (!grandRow) inner = [];
  const below = r + 1 < sheet.rowCount ? sheet.filled(r + 1, from, to) : [];

  const candidates: Candidate[] = [];
  let nonEmpty = top.length + inner.length;
  let matched = 0;
  const headerRow = grandRow ? r + 2 : childRow ? r + 1 : r;
  const addChild = (row: number, c: number, parentRow: number, parentCol: number) => {
    const child = sheet.display(row, c);
    if (child === "") return;
    nonEmpty += 1;
    const parentText = sheet.display(parentRow, parentCol);
    const parent = sheet.match(parentRow, parentCol);
    const own = sheet.match(row, c);
    // The parent decides: `第一季度工作进展` under `进度安排` plans, `第一季度` under `落实情况` reports.
    const plan = planPeriod(child, parentText);
    const quarter = plan ? null : (own.quarter ?? (parent.role === "progress" ? bareQuarter(child) : null));
    candidates.push({
      col: c,
      role: plan ? null : own.role,
      quarter,
      unplanned: {
        role: own.role,
        quarter: own.quarter ?? (parent.role === "progress" ? bareQuarter(child) : null),
      },
      unit: own.unit ?? parent.unit,
      score: own.score,
      label: child,
      address: sheet.address(row, c),
      parent: { col: parentCol, text: parentText, address: sheet.address(parentRow, parentCol) },
      progress: null,
      plan,
    });
    if (own.role || quarter || plan) matched += 1;
  };
  for (let c = from; c <= to; c += 1) {
    const innerSpan = spanOf(inner, c);
    const span = spanOf(spans, c);
    if (innerSpan) addChild(r + 2, c, r + 1, innerSpan[0]);
    else if (span) addChild(r + 1, c, r, span[0]);
    else {
      const text = sheet.display(r, c);
      if (text === "") continue;
      const match = sheet.match(r, c);
      const plan = planPeriod(text, null);
      candidates.push({
        col: c,
        ...match,
        role: plan ? null : match.role,
        quarter: plan ? null : match.quarter,
        unplanned: { role: match.role, quarter: match.quarter },
        label: text,
        address: sheet.address(r, c),
        parent: null,
        progress: null,
        plan,
      });
      if (match.role || match.quarter || plan) matched += 1;
    }
  }
  // Parents were counted among the cells; matched parents (`完成情况` over quarters) count as named.
  for (const [col] of spans) if (sheet.match(r, col).role) matched += 1;
  for (const [col] of inner) if (sheet.match(r + 1, col).role) matched += 1;
  const plans = candidates.some((c) => c.plan !== null);
  // Data rows fail here cheaply; only a header row pays for reading the monthly cycle's columns.
  if (!isHeaderShape(bestByRole(candidates), matched, nonEmpty, plans)) return null;
  applyProgressKinds(candidates);
  let best = bestByRole(candidates);
  const diagnostics: Diagnostic[] = [];
  const named = best.get("schedule");
  const planned = candidates.filter((c) => c.plan !== null);
  const firstPlan = [...planned].sort((a, b) => byPeriod(a.plan as HeaderPeriod, b.plan as HeaderPeriod))[0];
  if (named && firstPlan) {
    // One plan per table: the named schedule column is read, the period columns beside it as they would be.
    const kept = columnLetter(sheet.grid.origin.col + named.col);
    diagnostics.push({
      cell: firstPlan.address,
      code: "table.planColumnsIgnored",
      message: `列名“${firstPlan.label}”（${firstPlan.address}）等按时段分列的计划未读取：已采用 ${kept} 列“${named.label}”为形象进度安排列`,
      messageEn: `Header "${firstPlan.label}" (${firstPlan.address}) and other plan columns by period were not read; column ${kept} ("${named.label}") is the schedule`,
      severity: "info",
    });
    for (const cand of planned) {
      cand.role = cand.unplanned.role;
      cand.quarter = cand.unplanned.quarter;
      cand.plan = null;
    }
    applyProgressKinds(planned);
    best = bestByRole(candidates);
  }
  const percents = candidates.filter((c) => c.progress === "percent").length;
  if (!isHeaderShape(best, matched + percents, nonEmpty, plans)) return null;

  const columns = new Map<Role, number>();
  const quarterColumns = new Map<Quarter, number>();
  for (const cand of candidates) {
    if (cand.quarter && !quarterColumns.has(cand.quarter)) quarterColumns.set(cand.quarter, cand.col);
  }
  for (const [role, cand] of best) columns.set(role, cand.col);
  const progressColumns = groupProgressColumns(
    candidates.flatMap((c): ProgressHeaderCell[] =>
      c.progress
        ? [{ col: c.col, kind: c.progress, text: c.label, address: c.address, parent: c.parent }]
        : [],
    ),
  );
  const planColumns = candidates
    .flatMap((c) => (c.plan ? [planColumn(c.col, c.plan, c.address, c.label, progressColumns)] : []))
    .sort(byPlanColumn);
  if (planColumns[0]) columns.set("schedule", planColumns[0].col);
  // Only a column with no part at all may be guessed to be the schedule from its dates.
  const refused = new Set<number>();
  for (const cand of candidates) {
    if (
      cand.role ||
      cand.quarter ||
      cand.progress ||
      cand.plan ||
      namesReport(cand.label) ||
      (cand.parent && namesReport(cand.parent.text))
    )
      refused.add(cand.col);
  }

  for (const cand of candidates) {
    const chosen = cand.role ? best.get(cand.role) : undefined;
    // Every progress column is read (PROGRESS.md §1): a second one is no duplicate.
    if (!cand.role || !chosen || chosen === cand || cand.role === "progress") continue;
    const label = ROLE_LABEL[cand.role];
    const kept = columnLetter(sheet.grid.origin.col + chosen.col);
    diagnostics.push({
      cell: sheet.address(headerRow, cand.col),
      code: "table.duplicateColumn",
      message: `列名“${cand.label}”（${sheet.address(headerRow, cand.col)}）也像“${label.zh}”列，已采用 ${kept} 列“${chosen.label}”`,
      messageEn: `Header "${cand.label}" (${sheet.address(headerRow, cand.col)}) also looks like the ${label.en} column; column ${kept} ("${chosen.label}") is used`,
      severity: "info",
    });
  }

  // A row of bare units under the header (`（万元）` under `总投资`) belongs to the header.
  const unitRow =
    !childRow && below.length > 0 && below.every((c) => unitLine(sheet.display(r + 1, c)) !== null);
  const units: TableLayout["units"] = {};
  for (const role of ["totalInvestment", "annualInvestment"] as const) {
    const chosen = best.get(role);
    const unit = chosen?.unit ?? (chosen && unitRow ? unitLine(sheet.display(r + 1, chosen.col)) : null);
    if (unit) units[role] = unit;
  }
  const twoRows = childRow || unitRow;
  const edges = [
    ...top,
    ...(twoRows ? below : []),
    ...(grandRow ? sheet.filled(r + 2, from, to) : []),
    ...spans.map(([, end]) => end),
  ];
  for (const c of top) {
    const m = sheet.merge(r, c);
    if (m) edges.push(Math.min(m.col + m.colCount - 1, to));
  }
  return {
    rows: grandRow ? [r, r + 1, r + 2] : twoRows ? [r, r + 1] : [r],
    columns,
    quarterColumns,
    progressColumns,
    planColumns,
    refused,
    units,
    firstCol: edges.reduce((min, c) => Math.min(min, c)),
    lastCol: edges.reduce((max, c) => Math.max(max, c)),
    from,
    to,
    diagnostics,
  };
}

/** The same column layout as the table's own header: a header repeated at a page break. */
function sameLayout(again: Header, header: Header): boolean {
  let same = 0;
  for (const [role, col] of again.columns) if (header.columns.get(role) === col) same += 1;
  return same >= 2 && same >= again.columns.size * 0.6;
}

const TOTAL_ROW = /^(合计|总计|小计|共计|总合计|累计)/u;
const FOOTER_START =
  /^(附件|抄送|印发|制表|审核|审签|联系人|联系电话|填报人|填表人|填报单位|报送|签发|主送|注:|备注:|说明:)/u;
const FOOTER_END = /印发$/u;
/** `一、民生保障类（5项）`, `（二）教育`, `第一部分`, `民生类`: a section heading. */
const HEADING =
  /^(?:[一二三四五六七八九十]+[、.,]|\([一二三四五六七八九十]+\)|第[一二三四五六七八九十]+(?:部分|类|篇|章)|[A-Z][、.])|类(?:\([^()]*\))?$|\(?(?:共)?\d+(?:项|个)\)?$/u;

/** What a title line says and a section row does not: `…责任分解表`, `…项目清单`. */
const TITLE_WORDS = /(?:表|清单|一览)$/u;

interface Title {
  title: string | null;
  titleYear: number | null;
  unit: MoneyUnit | null;
}

/** The title lines above a header (over its side of the sheet), back to the previous table or the `附件` line. */
function findTitle(sheet: Sheet, headerRow: number, floor: number, header: Header): Title {
  const lines: string[] = [];
  let unit: MoneyUnit | null = null;
  for (let t = headerRow - 1; t > floor && t >= headerRow - 8 && lines.length < 3; t -= 1) {
    const cols = sheet.filled(t, header.from, header.to);
    if (cols.length === 0) continue;
    if (cols.length > 1) break;
    const text = sheet.display(t, cols[0] as number);
    // The attachment marker (`附件`, `附件2`, `附件：…`) closes the notice's prose above the table.
    if (/^附件/u.test(normalizeText(text))) break;
    const declared = unitLine(text);
    if (declared) {
      unit ??= declared;
      continue;
    }
    lines.push(text);
  }
  const title = lines.find((l) => /表|清单|项目|实事|计划|任务/u.test(l)) ?? lines[0] ?? null;
  const ordered = title ? [title, ...lines.filter((l) => l !== title)] : lines;
  const titleYear = ordered.map((l) => yearsIn(l)[0]).find((y) => y !== undefined) ?? null;
  return { title, titleYear, unit };
}

interface ProjectRows {
  rows: number[];
  category: string | null;
}

interface Scan {
  projects: ProjectRows[];
  totals: Array<{ row: number; label: string }>;
  lastRow: number;
  /** Grid row where the next search starts. */
  stop: number;
  diagnostics: Diagnostic[];
}

/** Reads the rows under a header until a footer, the next table, or the end of the grid. */
function scanRows(sheet: Sheet, header: Header, title: string | null): Scan {
  const { firstCol, lastCol } = header;
  const indexCol = header.columns.get("index");
  const nameCol = header.columns.get("name");
  const leftEdge = nameCol ?? indexCol ?? firstCol;
  const projects: ProjectRows[] = [];
  const totals: Scan["totals"] = [];
  const diagnostics: Diagnostic[] = [];
  let current: ProjectRows | null = null;
  let category: string | null = null;
  let lastRow = header.rows[header.rows.length - 1] as number;
  let r = lastRow + 1;

  const startProject = (row: number) => {
    current = { rows: [row], category };
    projects.push(current);
  };
  const continueProject = (row: number, col: number) => {
    if (current) current.rows.push(row);
    else {
      const address = sheet.address(row, col);
      diagnostics.push({
        cell: address,
        code: "table.rowUnreadable",
        message: `第 ${sheet.sheetRow(row)} 行（${address}）没有序号和项目名称，上方也没有可归属的项目，未能读取`,
        messageEn: `Row ${sheet.sheetRow(row)} (${address}) has neither an index nor a project name and no project above it; it was not read`,
        severity: "warning",
      });
    }
  };

  for (; r < sheet.rowCount; r += 1) {
    const cols = sheet.filled(r, firstCol, lastCol);
    if (cols.length === 0) continue;
    const again = readHeader(sheet, r, firstCol, lastCol);
    if (again) {
      if (!sameLayout(again, header)) break;
      lastRow = again.rows[again.rows.length - 1] as number;
      r = lastRow;
      continue;
    }
    if (isFooter(sheet, r, cols, leftEdge)) break;
    if (cols.length === 1) {
      const next = headerAhead(sheet, r, firstCol, lastCol);
      if (next) {
        // Over the same columns: the title repeated at a page top is skipped, a section row just before a
        // repeated header is read as one, another title opens a new table. Over other columns: a new table.
        const line = sheet.display(r, cols[0] as number);
        const same = sameLayout(next, header);
        if (same && line === title) {
          lastRow = r;
          continue;
        }
        if (!same || TITLE_WORDS.test(normalizeText(line))) break;
      }
    }

    if (isColumnNumbering(sheet, r, cols)) {
      lastRow = r;
      continue;
    }
    const first = cols[0] as number;
    const label = [first, indexCol, nameCol]
      .map((c) => (c === undefined ? "" : sheet.text(r, c)))
      .find((t) => TOTAL_ROW.test(t));
    if (label) {
      lastRow = r;
      totals.push({ row: r, label });
      current = null;
      continue;
    }
    const hasIndex = indexCol !== undefined && sheet.text(r, indexCol) !== "";
    const hasName = nameCol !== undefined && sheet.text(r, nameCol) !== "";

    // A section row only extends the table once a row under it does (trailing lines belong to no table).
    const section = sectionText(sheet, r, cols, indexCol, nameCol, leftEdge);
    if (section !== null) {
      category = section;
      current = null;
      continue;
    }
    lastRow = r;
    if (cols.length === 1 && first > leftEdge) {
      continueProject(r, first);
      continue;
    }

    if (hasIndex || hasName || (indexCol === undefined && nameCol === undefined)) {
      startProject(r);
      if (!hasName && nameCol !== undefined) {
        const address = sheet.address(r, nameCol);
        diagnostics.push({
          cell: address,
          code: "table.missingName",
          message: `第 ${sheet.sheetRow(r)} 行有序号“${sheet.display(r, indexCol as number)}”，但项目名称（${address}）为空`,
          messageEn: `Row ${sheet.sheetRow(r)} has index "${sheet.display(r, indexCol as number)}" but its project name (${address}) is empty`,
          severity: "warning",
        });
      }
      continue;
    }
    continueProject(r, first);
  }
  return { projects, totals, lastRow, stop: r, diagnostics };
}

/**
 * A section row's text, or null: one cell at the left (`一、民生保障类（5项）`) or spanning the table; an
 * enumerated heading in the index column with the section's sums beside it; a Chinese numeral index with
 * only a name beside it (`一 | 民生保障类`).
 */
function sectionText(
  sheet: Sheet,
  r: number,
  cols: number[],
  indexCol: number | undefined,
  nameCol: number | undefined,
  leftEdge: number,
): string | null {
  const first = cols[0] as number;
  const text = sheet.text(r, first);
  const span = sheet.merge(r, first)?.colCount ?? 1;
  if (cols.length === 1) {
    if (first > leftEdge) return span >= 3 ? sheet.display(r, first) : null;
    const lonePart =
      (first === nameCol && !HEADING.test(text) && span < 2) || (first === indexCol && /^\d+$/u.test(text));
    return lonePart ? null : sheet.display(r, first);
  }
  const hasName = nameCol !== undefined && sheet.text(r, nameCol) !== "";
  if (!hasName && first <= leftEdge && first !== nameCol && HEADING.test(text) && !/^\d+$/u.test(text))
    return sheet.display(r, first);
  const numeralIndex =
    indexCol !== undefined && /^[一二三四五六七八九十]+[、.]?$/u.test(sheet.text(r, indexCol));
  if (numeralIndex && cols.length === 2 && cols.every((c) => c === indexCol || c === nameCol)) {
    return cols.map((c) => sheet.display(r, c)).join(" ");
  }
  return null;
}

/** A row numbering the columns (`1 | 2 | 3 | …`, a 栏次 row under some headers). */
function isColumnNumbering(sheet: Sheet, r: number, cols: number[]): boolean {
  return cols.length >= 4 && cols.every((c, i) => sheet.value(r, c) === i + 1);
}

function isFooter(sheet: Sheet, r: number, cols: number[], leftEdge: number): boolean {
  if (cols.length > 3) return false;
  const first = cols[0] as number;
  if (first <= leftEdge && FOOTER_START.test(sheet.text(r, first))) return true;
  return cols.some((c) => FOOTER_END.test(sheet.text(r, c)) || /^抄送/u.test(sheet.text(r, c)));
}

/** A header over columns from–to within the next few rows, past blank rows and single-cell lines (title, unit line). */
function headerAhead(sheet: Sheet, r: number, from: number, to: number): Header | null {
  for (let t = r + 1; t < sheet.rowCount && t <= r + 4; t += 1) {
    const cols = sheet.filled(t, from, to);
    if (cols.length === 0) continue;
    const header = readHeader(sheet, t, from, to);
    if (header) return header;
    if (cols.length > 1) return null;
  }
  return null;
}

/**
 * The column with no part at all whose cells hold the most quarter, month and date expressions. Columns
 * with a role, and columns naming a report (progress, actuals, problems, next steps, remarks), are refused:
 * their dates are past events (`3月10日，…赴江山中学开展交流`), never the plan.
 */
function guessSchedule(sheet: Sheet, header: Header, projects: ProjectRows[]): number | null {
  let best: { col: number; count: number } | null = null;
  for (let c = header.firstCol; c <= header.lastCol; c += 1) {
    if (header.refused.has(c)) continue;
    let count = 0;
    for (const p of projects) {
      for (const r of p.rows) {
        const value = sheet.value(r, c);
        if (typeof value === "string" && value.trim() !== "") count += countDateExpressions(value);
      }
    }
    if (count > 0 && (!best || count > best.count)) best = { col: c, count };
  }
  return best ? best.col : null;
}

function headerLabel(sheet: Sheet, header: Header, col: number): string {
  return header.rows
    .map((r) => sheet.display(r, col))
    .filter((t) => t !== "")
    .join(" / ");
}

/** No cells, shared: most projects leave most columns empty, and a fresh array each is garbage. */
const NONE: RawCell[] = Object.freeze([]) as unknown as RawCell[];
const NO_PLANS: RawCell[][] = Object.freeze([]) as unknown as RawCell[][];

/** A refused column naming a report whose cells hold dates (said when no schedule column is found). */
function datedReport(sheet: Sheet, header: Header, projects: ProjectRows[]): number | null {
  for (let c = header.firstCol; c <= header.lastCol; c += 1) {
    if (!header.refused.has(c) || header.planColumns.some((p) => p.col === c)) continue;
    if (!namesReport(headerLabel(sheet, header, c))) continue;
    for (const p of projects)
      for (const r of p.rows) if (countDateExpressions(sheet.value(r, c)) > 0) return c;
  }
  return null;
}

/** Non-empty cells of a column over a project's rows; a first row covered by a merge from above reads its top-left cell. */
function cellsOf(sheet: Sheet, rows: number[], col: number, fillFromAbove: boolean): RawCell[] {
  let cells: RawCell[] = NONE;
  const add = (cell: RawCell) => {
    if (cells === NONE) cells = [];
    cells.push(cell);
  };
  for (let i = 0; i < rows.length; i += 1) {
    const r = rows[i] as number;
    if (sheet.hasText(r, col)) add(sheet.raw(r, col));
    else if (i === 0 && fillFromAbove) {
      const m = sheet.merge(r, col);
      if (m && m.row < r && sheet.hasText(m.row, m.col)) add(sheet.raw(m.row, m.col));
    }
  }
  return cells;
}

function buildLayout(sheet: Sheet, header: Header, title: Title, scan: Scan): TableLayout {
  const diagnostics = [...header.diagnostics];
  const columns = new Map(header.columns);
  const headerRow = header.rows[header.rows.length - 1] as number;
  if (!columns.has("schedule")) {
    const guessed = guessSchedule(sheet, header, scan.projects);
    if (guessed !== null) {
      columns.set("schedule", guessed);
      const address = sheet.address(headerRow, guessed);
      const label = headerLabel(sheet, header, guessed);
      diagnostics.push({
        cell: address,
        code: "table.roleGuessed",
        message: `列名“${label}”（${address}）未能识别，按其内容中的季度、月份和日期判定为形象进度安排列`,
        messageEn: `Header "${label}" (${address}) was not recognised; its quarters, months and dates make it the schedule column`,
        severity: "info",
      });
    } else {
      const address = sheet.address(header.rows[0] as number, header.firstCol);
      const report = datedReport(sheet, header, scan.projects);
      const why = report
        ? `；“${headerLabel(sheet, header, report)}”（${sheet.address(headerRow, report)}）是进展、问题或备注列，其中的日期不作为计划`
        : "";
      const whyEn = report
        ? `; "${headerLabel(sheet, header, report)}" (${sheet.address(headerRow, report)}) reports progress, problems or remarks, so its dates are not the plan`
        : "";
      diagnostics.push({
        cell: address,
        code: "table.noSchedule",
        message: `表头（第 ${sheet.sheetRow(header.rows[0] as number)} 行）中没有形象进度安排列，无法读出任何节点${why}`,
        messageEn: `The header in row ${sheet.sheetRow(header.rows[0] as number)} has no schedule column; no milestones can be read${whyEn}`,
        severity: "warning",
      });
    }
  }
  for (const d of scan.diagnostics) diagnostics.push(d);

  const units = { ...header.units };
  for (const role of ["totalInvestment", "annualInvestment"] as const) {
    if (!units[role] && title.unit && columns.has(role)) units[role] = title.unit;
  }

  const split = header.planColumns.length > 0;
  const projects: ProjectRecord[] = scan.projects.map((p) => {
    const cells: ProjectRecord["cells"] = {};
    for (const [role, col] of columns) {
      // Progress is read per progress column below (every column, not only the role's); a plan split by
      // period per plan column.
      if (role === "progress" || (split && role === "schedule")) continue;
      const found = cellsOf(sheet, p.rows, col, role !== "index" && role !== "name");
      if (found.length > 0) cells[role] = found;
    }
    const plans = split ? header.planColumns.map((plan) => cellsOf(sheet, p.rows, plan.col, true)) : NO_PLANS;
    if (split) {
      const schedule = plans.flat();
      if (schedule.length > 0) cells.schedule = schedule;
    }
    const quarterCells: ProjectRecord["quarterCells"] = {};
    for (const [quarter, col] of header.quarterColumns) {
      const found = cellsOf(sheet, p.rows, col, true);
      if (found.length > 0) quarterCells[quarter] = found;
    }
    const progress = header.progressColumns.map((column) => ({
      text:
        column.textCols.length === 1
          ? cellsOf(sheet, p.rows, column.textCols[0] as number, true)
          : column.textCols.flatMap((col) => cellsOf(sheet, p.rows, col, true)),
      percent: column.percentCol === null ? NONE : cellsOf(sheet, p.rows, column.percentCol, true),
    }));
    return {
      rows: p.rows.map((r) => sheet.sheetRow(r)),
      category: p.category,
      cells,
      quarterCells,
      progress,
      plans,
    };
  });
  const totalRows: TotalRowRecord[] = scan.totals.map(({ row, label }) => {
    const cells: TotalRowRecord["cells"] = {};
    for (const [role, col] of columns) if (sheet.text(row, col) !== "") cells[role] = sheet.raw(row, col);
    return { row: sheet.sheetRow(row), cells, label };
  });

  const originCol = sheet.grid.origin.col;
  const absolute = <K>(map: Map<K, number>) =>
    Object.fromEntries([...map].map(([k, c]) => [k, c + originCol]));
  return {
    headerRows: header.rows.map((r) => sheet.sheetRow(r)),
    columns: absolute(columns) as TableLayout["columns"],
    units,
    quarterColumns: absolute(header.quarterColumns) as TableLayout["quarterColumns"],
    planColumns: header.planColumns.map((plan) => ({ ...plan, col: plan.col + originCol })),
    progressColumns: header.progressColumns.map((column) => ({
      ...column,
      textCols: column.textCols.map((c) => c + originCol),
      percentCol: column.percentCol === null ? null : column.percentCol + originCol,
    })),
    title: title.title,
    titleYear: title.titleYear,
    firstRow: sheet.sheetRow(header.rows[0] as number),
    lastRow: sheet.sheetRow(scan.lastRow),
    firstCol: header.firstCol + originCol,
    lastCol: header.lastCol + originCol,
    projects,
    totalRows,
    diagnostics,
  };
}

export interface FoundTables {
  tables: TableLayout[];
  /** Sheet-wide findings: `table.notFound` when no header row was found. */
  diagnostics: Diagnostic[];
}

/**
 * Every table on a sheet, top to bottom, with sheet-wide diagnostics. Never throws: a sheet with no header
 * yields no tables and one `table.notFound`, naming the row that came closest when one did.
 */
export function findTablesWithDiagnostics(grid: SheetGrid): FoundTables {
  const sheet = new Sheet(grid);
  const tables: TableLayout[] = [];
  const diagnostics: Diagnostic[] = [];
  let floor = -1;
  for (let r = 0; r < sheet.rowCount;) {
    const headers = readHeaders(sheet, r, 0, sheet.colCount - 1);
    if (headers.length === 0) {
      r += 1;
      continue;
    }
    let next = r + 1;
    let last = floor;
    for (const header of headers) {
      const deeper = headerBelowHeader(sheet, header);
      if (deeper) {
        // A header deeper than the rules read: say so rather than read its columns wrongly.
        diagnostics.push(deeper);
        next = Math.max(next, (header.rows[header.rows.length - 1] as number) + 2);
        continue;
      }
      const title = findTitle(sheet, r, floor, header);
      const scan = scanRows(sheet, header, title.title);
      tables.push(buildLayout(sheet, header, title, scan));
      last = Math.max(last, scan.lastRow);
      next = Math.max(next, scan.stop);
    }
    floor = last;
    r = next;
  }
  if (tables.length === 0) diagnostics.push(notFound(sheet));
  return { tables, diagnostics };
}

/**
 * The headers row r starts, left to right: one, or several side by side with a blank column between them
 * (each naming its own projects). A split is taken only when every part reads as a header of its own.
 */
function readHeaders(sheet: Sheet, r: number, from: number, to: number): Header[] {
  const whole = readHeader(sheet, r, from, to);
  if (!whole) return [];
  for (let c = whole.firstCol + 1; c <= whole.lastCol; c += 1) {
    // Split at a blank column, or right before a second 序号 (a column written into the blank one later —
    // 进度状态 — leaves the two tables apart).
    const blank = whole.rows.every((hr) => sheet.text(hr, c) === "" && !sheet.merge(hr, c));
    const index = !blank && sheet.match(r, c).role === "index";
    if (!blank && !index) continue;
    const left = readHeader(sheet, r, from, c - 1);
    if (!left || !left.columns.has("name")) continue;
    const right = readHeaders(sheet, r, blank ? c + 1 : c, to);
    if (right.length > 0 && right.every((h) => h.columns.has("name"))) return [left, ...right];
  }
  return [whole];
}

/**
 * `table.headerUnreadable`: the row under a header is more header (no index or name; short names, most of
 * them periods or column names), as under a header of four rows. Null when the row is anything else.
 */
function headerBelowHeader(sheet: Sheet, header: Header): Diagnostic | null {
  const row = (header.rows[header.rows.length - 1] as number) + 1;
  if (row >= sheet.rowCount) return null;
  const cols = sheet.filled(row, header.firstCol, header.lastCol);
  if (cols.length < 2) return null;
  for (const role of ["index", "name"] as const) {
    const col = header.columns.get(role);
    if (col !== undefined && sheet.text(row, col) !== "") return null;
  }
  if (!cols.every((c) => typeof sheet.value(row, c) === "string" && headerSized(sheet.text(row, c))))
    return null;
  const named = cols.filter((c) => {
    const match = sheet.match(row, c);
    return match.role !== null || match.quarter !== null || planPeriod(sheet.display(row, c), null) !== null;
  });
  if (named.length < 2 || named.length * 2 < cols.length) return null;
  const cell = sheet.address(row, named[0] as number);
  const headerCell = sheet.address(header.rows[0] as number, header.firstCol);
  return {
    cell,
    code: "table.headerUnreadable",
    message: `表头（${headerCell} 起）下方第 ${sheet.sheetRow(row)} 行仍是表头（${cell}“${sheet.display(row, named[0] as number)}”），超出可识别的层数，本表未读取；请将表头整理为不超过三行`,
    messageEn: `The header starting at ${headerCell} continues in row ${sheet.sheetRow(row)} (${cell}); headers deeper than three rows are not read, so this table was not read`,
    severity: "warning",
  };
}

/** Every table on a sheet (see `findTablesWithDiagnostics` for the sheet-wide findings). */
export function findTables(grid: SheetGrid): TableLayout[] {
  return findTablesWithDiagnostics(grid).tables;
}

function notFound(sheet: Sheet): Diagnostic {
  let closest: { row: number; names: string[] } | null = null;
  for (let r = 0; r < sheet.rowCount; r += 1) {
    const names = sheet
      .filled(r)
      .map((c) => sheet.match(r, c).role)
      .filter((role): role is Role => role !== null)
      .map((role) => ROLE_LABEL[role].zh);
    if (names.length >= 2 && (!closest || names.length > closest.names.length)) closest = { row: r, names };
  }
  const sheetName = sheet.grid.sheet;
  const hint = closest ? `；第 ${sheet.sheetRow(closest.row)} 行只认出 ${closest.names.join("、")}` : "";
  const hintEn = closest
    ? `; row ${sheet.sheetRow(closest.row)} only names ${closest.names.length} known columns`
    : "";
  return {
    cell: null,
    code: "table.notFound",
    message: `工作表“${sheetName}”中未找到责任分解表：需要一行表头，含“项目名称”或“形象进度安排”等至少三个可识别的列名${hint}`,
    messageEn: `No breakdown table found on sheet "${sheetName}": a header row naming at least three known columns, including the project name or schedule, is needed${hintEn}`,
    severity: "error",
  };
}
