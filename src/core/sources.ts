/**
 * What the Rencana Aksi and Perjanjian Kinerja generators take from the workbook: the PK / IKU list
 * (sasaran → indikator → satuan → target), the program / kegiatan / sub kegiatan budget (pagu, codes),
 * a quarterly allocation (TW 1–4) when there is one, and the responsible units. The user can name the
 * tables; otherwise the most fitting recognised ones are taken, and a missing piece is reported.
 */
import { CellValue, Grid, WorkbookSnapshot } from "./grid";
import type { HierarchyLevel } from "./hierarchy";
import { Numeral, parseNumeral } from "./numerals";
import type { Polarity } from "./polarity";
import { RecognisedColumn, RecognisedTable, tableRange, WorkbookAnalysis } from "./recognise";

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
  year?: number;
  /** Prefer the "perubahan" (revised) budget and PK tables. */
  perubahan?: boolean;
  /** The Perjanjian Kinerja wants programs (a program list first); the Rencana Aksi wants TW allocations. */
  purpose?: "pk" | "ra";
}

export interface Sources {
  year: number | null;
  pk: { table: RecognisedTable | null; rows: IndicatorTarget[] };
  budget: { table: RecognisedTable | null; rows: BudgetRow[] };
  quarterly: { table: RecognisedTable | null; matched: number };
  candidates: { pk: RecognisedTable[]; budget: RecognisedTable[]; quarterly: RecognisedTable[] };
  /** What is missing, in words for the sheet and the user. */
  missing: string[];
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
const isPerubahan = (t: RecognisedTable) => /perubahan|apbd-?p\b/i.test(`${t.caption ?? ""} ${t.title ?? ""}`);
const isPk = (t: RecognisedTable) => /perjanjian\s+kinerja|\bPK\b/i.test(`${t.caption ?? ""} ${t.title ?? ""}`);

export function findSources(snapshot: WorkbookSnapshot, analysis: WorkbookAnalysis, choice: SourceChoice = {}): Sources {
  const tables = analysis.sheets.flatMap((s) => s.tables);
  const grid = (t: RecognisedTable) => new Grid(snapshot.sheets.find((s) => s.name === t.sheet)!);
  const prefer = (t: RecognisedTable) => (isPerubahan(t) === !!choice.perubahan ? 0 : 1);

  // Targets that read as one figure each (not several packed in a cell) make a usable PK list.
  const readable = new Map<RecognisedTable, boolean>();
  const isReadable = (t: RecognisedTable) => {
    if (!readable.has(t)) {
      const g = grid(t);
      const target = chooseYear(t, choice.year).targetColumn;
      const kinds = target ? t.rows.filter((r) => r.kind === "data" || r.kind === "group").map((r) => parseNumeral(g.value(r.row, target.col), g.numberFormat(r.row, target.col)).kind) : [];
      const packed = kinds.filter((k) => k === "bundle" || k === "text").length;
      readable.set(t, kinds.length > 0 && packed * 2 < kinds.length);
    }
    return readable.get(t)!;
  };
  const pkCandidates = tables
    .filter((t) => has(t, "indikator") && t.columns.some((c) => c.role === "target"))
    .sort((a, b) => prefer(a) - prefer(b) || (isReadable(a) ? 0 : 1) - (isReadable(b) ? 0 : 1) || (isPk(a) ? 0 : 1) - (isPk(b) ? 0 : 1) || (PK_FAMILY_RANK[a.family] ?? 9) - (PK_FAMILY_RANK[b.family] ?? 9));
  const programs = (t: RecognisedTable) => (has(t, "program") || t.rows.some((r) => r.level === "program") ? 0 : 1);
  const budgetCandidates = tables
    .filter((t) => has(t, "pagu") && t.columns.some((c) => NAME_ROLES.includes(c.role)))
    // A PK lists programs: a program table comes first, even for a PK Perubahan.
    .sort((a, b) => (choice.purpose === "pk" ? programs(a) - programs(b) : 0) || prefer(a) - prefer(b) || (choice.purpose === "pk" ? (isPk(a) ? 0 : 1) - (isPk(b) ? 0 : 1) : 0) || (BUDGET_FAMILY_RANK[a.family] ?? 9) - (BUDGET_FAMILY_RANK[b.family] ?? 9));
  const quarterlyCandidates = budgetCandidates.filter((t) => quarterColumns(t).length === 4);

  const pick = (wanted: string | null | undefined, candidates: RecognisedTable[]) =>
    wanted === null ? null : wanted === undefined ? candidates[0] ?? null : tables.find((t) => tableId(t) === wanted) ?? null;
  const pkTable = pick(choice.pk, pkCandidates);
  const budgetTable = pick(choice.budget, budgetCandidates);
  // A budget table with its own TW columns is its own quarterly allocation.
  const quarterlyTable = pick(choice.quarterly, budgetTable && quarterColumns(budgetTable).length === 4 ? [budgetTable] : quarterlyCandidates);

  const missing: string[] = [];
  const { year, targetColumn } = pkTable ? chooseYear(pkTable, choice.year) : { year: choice.year ?? yearFromCaptions(tables), targetColumn: undefined };
  const pkRows = pkTable && targetColumn ? readIndicators(grid(pkTable), pkTable, targetColumn, tables, grid) : [];
  if (!pkTable) missing.push("Tidak ada tabel Perjanjian Kinerja / IKU (sasaran, indikator, target) di buku kerja ini: isi sasaran, indikator dan targetnya di sini.");
  const budgetRows = budgetTable ? readBudget(grid(budgetTable), budgetTable) : [];
  if (!budgetTable) missing.push("Tidak ada tabel anggaran (program/kegiatan/sub kegiatan dengan pagu) di buku kerja ini: isi program, kegiatan dan anggarannya di sini.");
  let matched = 0;
  // No quarterly table (none found, or the user said none): the budget's own TW columns are not used either.
  if (!quarterlyTable) for (const row of budgetRows) delete row.quarters;
  if (quarterlyTable && budgetRows.length) matched = attachQuarters(budgetRows, quarterlyTable === budgetTable ? budgetRows : readBudget(grid(quarterlyTable), quarterlyTable));
  return {
    year: year ?? yearFromCaptions(tables),
    pk: { table: pkTable, rows: pkRows },
    budget: { table: budgetTable, rows: budgetRows },
    quarterly: { table: quarterlyTable, matched },
    candidates: { pk: pkCandidates, budget: budgetCandidates, quarterly: quarterlyCandidates },
    missing,
  };
}

function quarterColumns(t: RecognisedTable): RecognisedColumn[] {
  return ["TW1", "TW2", "TW3", "TW4"].map((p) => t.columns.find((c) => c.role === "pagu" && c.period === p)).filter((c): c is RecognisedColumn => !!c);
}

/** The target year: the one asked for, the year after the table's latest realisasi, or the earliest target. */
function chooseYear(t: RecognisedTable, wanted?: number): { year: number | null; targetColumn: RecognisedColumn | undefined } {
  const targets = t.columns.filter((c) => c.role === "target");
  if (wanted !== undefined) {
    const exact = targets.find((c) => c.year === wanted);
    if (exact) return { year: wanted, targetColumn: exact };
  }
  if (targets.length === 1) return { year: targets[0].year ?? wanted ?? null, targetColumn: targets[0] };
  const realisasiYears = t.columns.filter((c) => c.role === "realisasi" && c.year !== null).map((c) => c.year!);
  const next = realisasiYears.length ? Math.max(...realisasiYears) + 1 : null;
  const col = targets.find((c) => c.year === next) ?? [...targets].sort((a, b) => (a.year ?? 9999) - (b.year ?? 9999))[0];
  return { year: col?.year ?? wanted ?? null, targetColumn: col };
}

function yearFromCaptions(tables: RecognisedTable[]): number | null {
  for (const t of tables) {
    const m = /tahun\s+(20\d\d)/i.exec(`${t.caption ?? ""} ${t.title ?? ""}`);
    if (m) return parseInt(m[1], 10);
  }
  return null;
}

const norm = (s: string) => s.toLowerCase().replace(/^[\d.\s]+/, "").replace(/\s+/g, " ").trim();

function readIndicators(g: Grid, t: RecognisedTable, targetCol: RecognisedColumn, all: RecognisedTable[], gridOf: (t: RecognisedTable) => Grid): IndicatorTarget[] {
  const col = (role: string) => t.columns.find((c) => c.role === role);
  const [ind, sas, sat, pj] = [col("indikator")!, col("sasaran"), col("satuan"), col("penanggung_jawab")];
  const out: IndicatorTarget[] = [];
  let sasaran = "";
  for (const r of t.rows) {
    if (r.kind === "section" && r.level === "sasaran") sasaran = g.text(r.row, g.filledColumns(r.row)[0] ?? 0);
    if (r.kind !== "data" && r.kind !== "group") continue;
    const i = r.row;
    if (sas && g.text(i, sas.col)) sasaran = g.text(i, sas.col);
    const indikator = g.text(i, ind.col);
    if (!indikator) continue;
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

function readBudget(g: Grid, t: RecognisedTable): BudgetRow[] {
  const nameCol = NAME_ROLES.map((r) => t.columns.find((c) => c.role === r)).find((c) => c)!;
  const codeCol = t.columns.find((c) => c.role === "kode");
  const pagu = t.columns.find((c) => c.role === "pagu" && !c.period) ?? t.columns.find((c) => c.role === "pagu")!;
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
  return out;
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
