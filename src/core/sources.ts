/**
 * What the Rencana Aksi and Perjanjian Kinerja generators take from the workbook: the PK list
 * (sasaran → indikator → satuan → target), the program / kegiatan / sub kegiatan budget (pagu, codes),
 * a quarterly allocation (TW 1–4) when there is one, and the responsible units. The user can name the
 * tables; otherwise:
 *   - the PK list is the table whose caption or title says Perjanjian Kinerja (the Perubahan one when
 *     both exist, unless the original is asked for), else the IKU list, else a table of targets of the
 *     document's year; a crosswalk of Renstra indicators ("Indikator Lama / Indikator Baru") never is;
 *   - the budget is the whole program / kegiatan / sub kegiatan table (program rows and more levels
 *     first), not a breakdown of one kegiatan into account lines;
 *   - amounts are summed from the lowest level present, and checked against a typed total.
 * What is missing or does not fit (another year's targets, a total that does not add up) is said as a
 * message, on the generated sheet and to the user.
 */
import { CellValue, Grid, WorkbookSnapshot } from "./grid";
import type { HierarchyLevel } from "./hierarchy";
import { message, Message } from "./messages";
import { Numeral, parseNumeral } from "./numerals";
import type { Polarity } from "./polarity";
import { RecognisedColumn, RecognisedTable, tableRange, WorkbookAnalysis } from "./recognise";
import { budgetCode, budgetTree } from "./rollup";

export interface Figure {
  /** The cell's value and number format, so a generated sheet shows it as the workbook does. */
  value: CellValue;
  numberFormat: string | null;
  numeral: Numeral;
}

export interface IndicatorTarget {
  sasaran: string;
  indikator: string;
  satuan: string;
  target: Figure;
  polarity: Polarity;
  penanggungJawab: string;
  source: { sheet: string; row: number };
}

export interface BudgetRow {
  level: HierarchyLevel | null;
  code: string;
  name: string;
  pagu: number | undefined;
  /** TW I–IV amounts from a quarterly allocation table, when the row has them. */
  quarters?: number[];
  penanggungJawab: string;
  keterangan: string;
  source: { sheet: string; row: number };
}

export interface SourceChoice {
  /** Tables named "sheet!range" (as the scan lists them); undefined: the best fitting one; null: none. */
  pk?: string | null;
  budget?: string | null;
  quarterly?: string | null;
  /** The document's year (the PK's or the Rencana Aksi's). */
  year?: number;
  /** The revised ("perubahan") PK and budget; false: the original ones; undefined: the latest PK. */
  perubahan?: boolean;
  /** The Perjanjian Kinerja wants programs (a program list first); the Rencana Aksi wants TW allocations. */
  purpose?: "pk" | "ra";
}

export interface Sources {
  year: number | null;
  pk: { table: RecognisedTable | null; rows: IndicatorTarget[]; targetYear: number | null };
  budget: { table: RecognisedTable | null; rows: BudgetRow[]; typedTotal: number | undefined };
  quarterly: { table: RecognisedTable | null; matched: number };
  candidates: { pk: RecognisedTable[]; budget: RecognisedTable[]; quarterly: RecognisedTable[] };
  /** What is missing or does not fit, for the sheet and the user. */
  notes: Message[];
}

export const tableId = (t: RecognisedTable) => `${t.sheet}!${tableRange(t)}`;

/** The tables a choice names that the scan did not find ("sheet!range"), so the caller can say so. */
export function unknownTables(analysis: WorkbookAnalysis, choice: SourceChoice): { which: "pk" | "budget" | "quarterly"; id: string }[] {
  const ids = new Set(analysis.sheets.flatMap((s) => s.tables.map(tableId)));
  return (["pk", "budget", "quarterly"] as const).filter((k) => choice[k] && !ids.has(choice[k]!)).map((which) => ({ which, id: choice[which]! }));
}

const PK_FAMILY_RANK: Record<string, number> = { "pk-list": 0, "capaian-iku": 1, "renstra-targets": 2, "year-comparison": 3, "single-indicator": 4, "program-indicators": 5 };
const BUDGET_FAMILY_RANK: Record<string, number> = { "quarterly-allocation": 0, "budget-allocation": 1, "budget-evaluation-k-rp": 2, "budget-realisation": 3, "budget-by-year": 4, efficiency: 5 };
const NAME_ROLES = ["program", "kegiatan", "subkegiatan", "nomenklatur"];

const has = (t: RecognisedTable, role: string) => t.columns.some((c) => c.role === role);
const words = (t: RecognisedTable) => `${t.caption ?? ""} ${t.title ?? ""}`;
const isPerubahan = (t: RecognisedTable) => /perubahan|apbd-?p\b/i.test(words(t));
const isPkTitled = (t: RecognisedTable) => /perjanjian\s+kinerja|\bPK\b/i.test(words(t));
const isIku = (t: RecognisedTable) => /indikator\s+kinerja\s+utama|\bIKU\b/i.test(words(t)) || t.family === "capaian-iku";
/** "Indikator Lama | Indikator Baru": a crosswalk of Renstra indicators, never a list of targets to sign. */
const isCrosswalk = (t: RecognisedTable) => {
  const ind = t.columns.filter((c) => c.role === "indikator" || /indikator/i.test(c.header));
  return ind.length >= 2 && ind.some((c) => /\b(lama|semula|sebelum)\b/i.test(c.header)) && ind.some((c) => /\b(baru|menjadi|sesudah|perubahan)\b/i.test(c.header));
};

/** The year a table is about, from its caption or title ("… Tahun 2024"). */
function captionYear(t: RecognisedTable): number | null {
  const m = /tahun\s+(20\d\d)\b/i.exec(words(t));
  return m ? parseInt(m[1], 10) : null;
}

export function findSources(snapshot: WorkbookSnapshot, analysis: WorkbookAnalysis, choice: SourceChoice = {}): Sources {
  const tables = analysis.sheets.flatMap((s) => s.tables);
  const grids = new Map<string, Grid>();
  const grid = (t: RecognisedTable) => {
    if (!grids.has(t.sheet)) grids.set(t.sheet, new Grid(snapshot.sheets.find((s) => s.name === t.sheet)!));
    return grids.get(t.sheet)!;
  };
  const notes: Message[] = [];

  // --- the PK list --------------------------------------------------------------------------------
  const docYear = choice.year ?? null;
  const indicatorsCache = new Map<RecognisedTable, IndicatorTarget[]>();
  const indicatorsOf = (t: RecognisedTable) => {
    if (!indicatorsCache.has(t)) {
      const target = chooseYear(t, docYear ?? undefined).targetColumn;
      indicatorsCache.set(t, target ? readIndicators(grid(t), t, target, tables, grid) : []);
    }
    return indicatorsCache.get(t)!;
  };
  // Targets that read as one figure each (not several packed in a cell) make a usable list.
  const readable = (t: RecognisedTable) => {
    const rows = indicatorsOf(t);
    const packed = rows.filter((r) => r.target.numeral.kind === "bundle" || r.target.numeral.kind === "text").length;
    return rows.length > 0 && packed * 2 < rows.length;
  };
  const wantPerubahan = choice.perubahan ?? true;
  const pkKind = (t: RecognisedTable) => (isPkTitled(t) ? 0 : isIku(t) ? 1 : docYear !== null && t.columns.some((c) => c.role === "target" && (c.year ?? captionYear(t)) === docYear) ? 2 : 3);
  const pkCandidates = tables
    .filter((t) => has(t, "indikator") && has(t, "target") && !isCrosswalk(t))
    .sort(
      (a, b) =>
        (readable(a) ? 0 : 1) - (readable(b) ? 0 : 1) ||
        pkKind(a) - pkKind(b) ||
        (isPerubahan(a) === wantPerubahan ? 0 : 1) - (isPerubahan(b) === wantPerubahan ? 0 : 1) ||
        (PK_FAMILY_RANK[a.family] ?? 9) - (PK_FAMILY_RANK[b.family] ?? 9),
    );

  // --- the budget ---------------------------------------------------------------------------------
  const prefer = (t: RecognisedTable) => (isPerubahan(t) === !!choice.perubahan ? 0 : 1);
  const structures = new Map<RecognisedTable, number>();
  const structure = (t: RecognisedTable) => {
    if (!structures.has(t)) structures.set(t, budgetStructure(grid(t), t));
    return structures.get(t)!;
  };
  // A plan of the budget (an allocation, with or without quarters) before a report of its realisation.
  const planning = (t: RecognisedTable) => (t.family === "budget-allocation" || t.family === "quarterly-allocation" ? 0 : 1);
  // A PK lists programs: a program table comes first, the PK's own attachment before any other.
  const forPk = (t: RecognisedTable) => (choice.purpose === "pk" ? (hasPrograms(grid(t), t) ? 0 : 2) + (isPkTitled(t) ? 0 : 1) : 0);
  const budgetCandidates = tables
    .filter((t) => has(t, "pagu") && t.columns.some((c) => NAME_ROLES.includes(c.role)))
    .sort((a, b) => forPk(a) - forPk(b) || prefer(a) - prefer(b) || planning(a) - planning(b) || structure(a) - structure(b) || (BUDGET_FAMILY_RANK[a.family] ?? 9) - (BUDGET_FAMILY_RANK[b.family] ?? 9));
  const quarterlyCandidates = budgetCandidates.filter((t) => quarterColumns(t).length === 4);

  const pick = (wanted: string | null | undefined, candidates: RecognisedTable[]) =>
    wanted === null ? null : wanted === undefined ? candidates[0] ?? null : tables.find((t) => tableId(t) === wanted) ?? null;
  const pkTable = pick(choice.pk, pkCandidates);
  const budgetTable = pick(choice.budget, budgetCandidates);
  // A budget table with its own TW columns is its own quarterly allocation.
  const quarterlyTable = pick(choice.quarterly, budgetTable && quarterColumns(budgetTable).length === 4 ? [budgetTable] : quarterlyCandidates);

  const { year, targetColumn } = pkTable ? chooseYear(pkTable, docYear ?? undefined) : { year: docYear ?? yearFromCaptions(tables), targetColumn: undefined };
  const pkRows = pkTable ? indicatorsOf(pkTable) : [];
  const targetYear = targetColumn ? targetColumn.year ?? captionYear(pkTable!) : null;
  if (!pkTable) notes.push(message("missing-pk-table", {}));
  else if (!pkRows.length) notes.push(message("missing-indicators", {}));
  const wantedYear = docYear ?? (pkTable ? captionYear(pkTable) : null);
  if (pkTable && targetColumn && wantedYear !== null) {
    if (targetYear !== null && targetYear !== wantedYear) notes.push(message("target-year-mismatch", { year: wantedYear, targetYear, table: pkTable.caption ?? tableId(pkTable) }));
    if (targetYear === null) notes.push(message("target-year-unknown", { year: wantedYear, table: pkTable.caption ?? tableId(pkTable) }));
  }

  const budget = budgetTable ? readBudget(grid(budgetTable), budgetTable) : { rows: [] as BudgetRow[], typedTotal: undefined };
  if (!budgetTable) notes.push(message("missing-budget-table", {}));
  let matched = 0;
  // No quarterly table (none found, or the user said none): the budget's own TW columns are not used either.
  if (!quarterlyTable) for (const row of budget.rows) delete row.quarters;
  if (quarterlyTable && budget.rows.length) matched = attachQuarters(budget.rows, quarterlyTable === budgetTable ? budget.rows : readBudget(grid(quarterlyTable), quarterlyTable).rows);
  if (budgetTable) {
    // Amounts from the lowest level present, checked against what the table types at higher levels.
    const { amount, top, mismatches } = budgetAmounts(budget.rows);
    const at = (row: number) => ({ sheet: budgetTable.sheet, row, col: budgetTable.columns.find((c) => c.role === "pagu" && !c.period)?.col ?? budgetTable.columns.find((c) => c.role === "pagu")!.col });
    for (const m of mismatches) notes.push(message("budget-total-mismatch", { at: at(m.row.source.row), typed: m.typed, computed: m.computed }));
    const sum = top.reduce((a, r) => a + (amount.get(r) ?? 0), 0);
    const totalRow = budgetTable.rows.find((r) => r.kind === "total");
    if (budget.typedTotal !== undefined && totalRow && Math.abs(budget.typedTotal - sum) > 0.5) notes.push(message("budget-total-mismatch", { at: at(totalRow.row), typed: budget.typedTotal, computed: sum }));
  }
  return {
    year: year ?? wantedYear ?? yearFromCaptions(tables),
    pk: { table: pkTable, rows: pkRows, targetYear },
    budget: { table: budgetTable, rows: budget.rows, typedTotal: budget.typedTotal },
    quarterly: { table: quarterlyTable, matched },
    candidates: { pk: pkCandidates, budget: budgetCandidates, quarterly: quarterlyCandidates },
    notes,
  };
}

/**
 * How much a budget table looks like the whole budget (lower is better): not a list of account lines
 * ("Belanja …", 5.1.02…, the breakdown of one kegiatan), then more budget levels (program, kegiatan, sub
 * kegiatan), then more lines.
 */
function budgetStructure(g: Grid, t: RecognisedTable): number {
  const nameCol = NAME_ROLES.map((r) => t.columns.find((c) => c.role === r)).find((c) => c);
  const rows = t.rows.filter((r) => r.kind === "data" || r.kind === "group");
  const names = nameCol ? rows.map((r) => g.text(r.row, nameCol.col)) : [];
  const levels = new Set(rows.map((r) => r.level).filter((l) => l === "program" || l === "kegiatan" || l === "subkegiatan"));
  if (hasPrograms(g, t)) levels.add("program");
  const kode = t.columns.find((c) => c.role === "kode");
  const accounts = rows.filter((r, i) => /^belanja\b/i.test(names[i] ?? "") || /^[4-6]\.\d\./.test(budgetCode((kode && g.text(r.row, kode.col)) || names[i] || "") ?? "")).length;
  const accountList = rows.length > 0 && accounts > rows.length / 2;
  return (accountList ? 10_000 : 0) + (3 - levels.size) * 1_000 + Math.max(0, 999 - rows.length);
}

/** The table lists programs (a program column, program rows, or names that start with "Program"). */
function hasPrograms(g: Grid, t: RecognisedTable): boolean {
  if (has(t, "program") || t.rows.some((r) => r.level === "program")) return true;
  const nameCol = NAME_ROLES.map((r) => t.columns.find((c) => c.role === r)).find((c) => c);
  return !!nameCol && t.rows.some((r) => /^(\d+(\.\d+)*\s+)?program\b/i.test(g.text(r.row, nameCol.col)));
}

/** "TW 1", "TW II", "Triwulan III", "Trw 4" in a header path: the quarter (1–4), or null. */
function quarterOf(c: RecognisedColumn): number | null {
  if (c.period && /^TW[1-4]$/.test(c.period)) return Number(c.period[2]);
  const m = /\b(?:tw|trw|triwulan|tri\s+wulan)\s*[-.]?\s*(iv|i{1,3}|[1-4])\b/i.exec(c.headerPath.join(" "));
  if (!m) return null;
  const q = m[1].toLowerCase();
  return /\d/.test(q) ? Number(q) : { i: 1, ii: 2, iii: 3, iv: 4 }[q] ?? null;
}

/**
 * A budget table's TW I–IV allocation columns: pagu columns of a quarter, or (SIPD anggaran kas exports,
 * bare "TW 1 … TW 4" beside the pagu) columns of a quarter that hold amounts.
 */
function quarterColumns(t: RecognisedTable): RecognisedColumn[] {
  const main = t.columns.find((c) => c.role === "pagu" && quarterOf(c) === null);
  if (!main) return [];
  return [1, 2, 3, 4]
    .map((q) => t.columns.find((c) => c !== main && (c.role === "pagu" || c.role === "other") && quarterOf(c) === q))
    .filter((c): c is RecognisedColumn => !!c);
}

/** The target column: the document's year, the only one, the year after the latest realisasi, or the earliest. */
function chooseYear(t: RecognisedTable, wanted?: number): { year: number | null; targetColumn: RecognisedColumn | undefined } {
  const targets = t.columns.filter((c) => c.role === "target" && !c.period);
  const yearOf = (c: RecognisedColumn) => c.year ?? captionYear(t);
  if (wanted !== undefined) {
    const exact = targets.find((c) => yearOf(c) === wanted);
    if (exact) return { year: wanted, targetColumn: exact };
  }
  if (targets.length === 1) return { year: yearOf(targets[0]) ?? wanted ?? null, targetColumn: targets[0] };
  const realisasiYears = t.columns.filter((c) => c.role === "realisasi" && c.year !== null).map((c) => c.year!);
  const next = realisasiYears.length ? Math.max(...realisasiYears) + 1 : null;
  const col = targets.find((c) => c.year === next) ?? [...targets].sort((a, b) => (a.year ?? 9999) - (b.year ?? 9999))[0];
  return { year: (col && yearOf(col)) ?? wanted ?? null, targetColumn: col };
}

function yearFromCaptions(tables: RecognisedTable[]): number | null {
  for (const t of tables) {
    const y = captionYear(t);
    if (y) return y;
  }
  return null;
}

const norm = (s: string) => s.toLowerCase().replace(/^[\d.\s]+/, "").replace(/\s+/g, " ").trim();
/** A cell that names nothing: empty, a dash or another placeholder. */
const placeholder = (s: string) => s === "" || parseNumeral(s).kind === "marker";

function readIndicators(g: Grid, t: RecognisedTable, targetCol: RecognisedColumn, all: RecognisedTable[], gridOf: (t: RecognisedTable) => Grid): IndicatorTarget[] {
  const col = (role: string) => t.columns.find((c) => c.role === role);
  const data = t.rows.filter((r) => r.kind === "data" || r.kind === "group");
  // Of several indicator columns (the halves of a merged "Indikator" header), the one that names indicators.
  const ind = t.columns
    .filter((c) => c.role === "indikator")
    .map((c) => ({ c, named: data.filter((r) => !placeholder(g.text(r.row, c.col))).length }))
    .sort((a, b) => b.named - a.named)[0];
  if (!ind || ind.named === 0) return [];
  const [sas, sat, pj] = [col("sasaran"), col("satuan"), col("penanggung_jawab")];
  const out: IndicatorTarget[] = [];
  let sasaran = "";
  for (const r of t.rows) {
    if (r.kind === "section" && r.level === "sasaran") sasaran = g.text(r.row, g.filledColumns(r.row)[0] ?? 0);
    if (r.kind !== "data" && r.kind !== "group") continue;
    const i = r.row;
    if (sas && g.text(i, sas.col)) sasaran = g.text(i, sas.col);
    const indikator = g.text(i, ind.c.col);
    if (placeholder(indikator)) continue;
    const value = g.value(i, targetCol.col);
    const numberFormat = g.numberFormat(i, targetCol.col);
    const numeral = parseNumeral(value, numberFormat);
    out.push({
      sasaran,
      indikator,
      satuan: (sat && g.text(i, sat.col)) || lookup(all, t, indikator, "satuan", gridOf) || unitOf(numeral),
      target: { value, numberFormat, numeral },
      polarity: r.polarity ?? "higher-better",
      penanggungJawab: (pj && g.text(i, pj.col)) || lookup(all, t, indikator, "penanggung_jawab", gridOf),
      source: { sheet: t.sheet, row: r.row },
    });
  }
  return out;
}

/** The same indicator's satuan or penanggung jawab in another table of the workbook (IKU tables have them). */
function lookup(all: RecognisedTable[], self: RecognisedTable, indikator: string, role: string, gridOf: (t: RecognisedTable) => Grid): string {
  const key = norm(indikator).slice(0, 40);
  for (const t of all) {
    if (t === self) continue;
    const ind = t.columns.find((c) => c.role === "indikator");
    const want = t.columns.find((c) => c.role === role);
    if (!ind || !want) continue;
    const g = gridOf(t);
    for (const r of t.rows) {
      const other = norm(g.text(r.row, ind.col));
      if (other && (other.startsWith(key) || key.startsWith(other.slice(0, 40))) && g.text(r.row, want.col)) return g.text(r.row, want.col);
    }
  }
  return "";
}

function unitOf(n: Numeral): string {
  if (n.unit) return n.unit;
  if (n.kind === "percent") return "%";
  if (n.kind === "grade" || n.kind === "category") return "Predikat";
  return "";
}

function readBudget(g: Grid, t: RecognisedTable): { rows: BudgetRow[]; typedTotal: number | undefined } {
  const nameCol = NAME_ROLES.map((r) => t.columns.find((c) => c.role === r)).find((c) => c)!;
  const codeCol = t.columns.find((c) => c.role === "kode");
  const pagu = t.columns.find((c) => c.role === "pagu" && quarterOf(c) === null) ?? t.columns.find((c) => c.role === "pagu")!;
  const pj = t.columns.find((c) => c.role === "penanggung_jawab");
  const ket = t.columns.find((c) => c.role === "keterangan");
  const quarters = quarterColumns(t);
  const money = (i: number, c: RecognisedColumn) => {
    const n = parseNumeral(g.value(i, c.col), g.numberFormat(i, c.col));
    return n.kind === "marker" ? 0 : n.value ?? n.ambiguous?.asGrouping;
  };
  const rows = t.rows.filter((r) => r.kind === "data" || r.kind === "group");
  const levelled = rows.some((r) => r.level === "program" || r.level === "kegiatan" || r.level === "subkegiatan");
  const out: BudgetRow[] = [];
  for (const r of rows) {
    if (levelled && r.level !== "program" && r.level !== "kegiatan" && r.level !== "subkegiatan") continue; // "BELANJA PEGAWAI" and the like
    const i = r.row;
    const name = g.text(i, nameCol.col);
    if (!name) continue;
    const code = codeCol ? g.text(i, codeCol.col) : /^(\d+(?:\.\d+)+)\s/.exec(name)?.[1] ?? "";
    out.push({
      level: r.level === "program" || r.level === "kegiatan" || r.level === "subkegiatan" ? r.level : nameCol.role === "program" ? "program" : null,
      code,
      name,
      pagu: money(i, pagu),
      quarters: quarters.length === 4 ? quarters.map((c) => money(i, c) ?? 0) : undefined,
      penanggungJawab: pj ? g.text(i, pj.col) : "",
      keterangan: ket ? g.text(i, ket.col) : "",
      source: { sheet: t.sheet, row: r.row },
    });
  }
  const total = t.rows.filter((r) => r.kind === "total").map((r) => money(r.row, pagu)).find((v) => v !== undefined);
  return { rows: out, typedTotal: total };
}

/** TW amounts from the quarterly table, matched by code, else by name. Returns how many rows got them. */
function attachQuarters(rows: BudgetRow[], quarterly: BudgetRow[]): number {
  let n = 0;
  for (const row of rows) {
    if (row.quarters) {
      n++;
      continue;
    }
    const q = quarterly.find((x) => x.quarters && ((row.code && x.code === row.code) || norm(x.name) === norm(row.name)));
    if (q) {
      row.quarters = q.quarters;
      n++;
    }
  }
  return n;
}

/**
 * Each top-level budget line's amount from the lowest level present: a line without its own amount is
 * the sum of its parts one level down (by the code tree when the lines have codes, else by level), each of
 * which is (recursively) its own amount or the sum of its parts. Returns the amounts by row, the top-level
 * rows and each typed amount that disagrees with the sum of its parts.
 */
export function budgetAmounts(rows: BudgetRow[]): { amount: Map<BudgetRow, number | undefined>; top: BudgetRow[]; mismatches: { row: BudgetRow; typed: number; computed: number }[] } {
  const lines = rows.map((r) => ({ r, row: r.source.row, kind: r.level === "subkegiatan" || !r.level ? "data" : "group", level: r.level }));
  const tree = budgetTree(lines, (x) => x.r.code || x.r.name);
  const children = new Map(tree.parts.map((p) => [p.parent.r, p.parts.map((x) => x.r)]));
  const amount = new Map<BudgetRow, number | undefined>();
  const mismatches: { row: BudgetRow; typed: number; computed: number }[] = [];
  const sumOf = (r: BudgetRow): number | undefined => {
    if (amount.has(r)) return amount.get(r);
    const kids = children.get(r) ?? [];
    const parts = kids.map(sumOf).filter((x): x is number => x !== undefined);
    const computed = parts.length ? parts.reduce((a, b) => a + b, 0) : undefined;
    if (r.pagu !== undefined && computed !== undefined && Math.abs(r.pagu - computed) > 0.5 && parts.length === kids.length) mismatches.push({ row: r, typed: r.pagu, computed });
    const v = r.pagu !== undefined && (r.pagu !== 0 || computed === undefined) ? r.pagu : computed;
    amount.set(r, v);
    return v;
  };
  const top = tree.top.map((x) => x.r);
  for (const r of top) sumOf(r);
  return { amount, top, mismatches };
}
