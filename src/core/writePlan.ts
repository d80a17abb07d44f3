/**
 * The write plan: for every recognised table, which cells get which live formula (capaian, predikat,
 * serapan, sisa anggaran, efisiensi, tingkat kemajuan), which computed columns are appended, what is
 * skipped and why, and which numbers stored as text could be converted. Pure data; the Excel and
 * ExcelJS adapters only carry it out. Each formula's result is computed here too (cached value).
 */
import { cellAddress, columnLetter, Grid, parseCellAddress, SheetSnapshot, WorkbookSnapshot } from "./grid";
import { CATEGORICAL_SCALES, Numeral, resolveColumnNumerals } from "./numerals";
import type { Polarity } from "./polarity";
import { columnAt, ComputedMeasure, RecognisedColumn, RecognisedRow, RecognisedTable, tableRange, WorkbookAnalysis } from "./recognise";
import { rowKey } from "./choices";
import type { Message } from "./messages";
import type { ColumnRole } from "./roles";
import { partsOfParents } from "./hierarchy";
import {
  CapaianLimits, CapaianMethod, CAPAIAN_METHODS, capaianFormula, capaianValue, differenceFormula, EfficiencyMethod,
  efektivitasFormula, gradeCapaianFormula, sumFormula, ladderCapaianFormula, NegativeMethod, nilaiEfisiensiFormula, nilaiEfisiensiValue, PercentConvention,
  pmk214Formula, pmk214GroupFormula, pmk214GroupValue, pmk214Value,
  predikatFormula, predikatValue, PredikatScale, PredikatScaleSpec, PREDIKAT_SCALES, ratioFormula, ratioValue, simpleEfficiencyFormula,
} from "./formulas";

export const LEGEND_SHEET = "Keterangan Rumus";
const PMK214_SOURCE = "PMK 214/PMK.02/2017 (diganti PMK 22/PMK.02/2021)";
export const LEGEND_MARK = "Keterangan Rumus — dibuat oleh add-in LKIP";
/** Where each categorical ladder is written on the legend sheet (column, first row), lowest rung first. */
export const LADDER_COLUMNS: Record<string, string> = { kla: "H", sakip: "I", "opini-bpk": "J" };
const LADDER_FIRST_ROW = 4;

export interface FillOptions {
  negative: NegativeMethod;
  scale: PredikatScale;
  efficiency: EfficiencyMethod;
  overwrite: boolean;
  /** Convert numbers stored as text into numbers (a separate, visible step of the plan). */
  convertText: boolean;
  limits?: CapaianLimits;
  /** The bands when `scale` is "custom" (see `customScale`). */
  customScale?: PredikatScaleSpec;
  /** Per indicator, keyed "sheet!row": the user's polarity and lower-is-better formula. */
  polarity?: Record<string, Polarity>;
  negativeByRow?: Record<string, NegativeMethod>;
  /** The user's operand choice for a computed column (CLI `--pair`, saved choices), keyed by `pairKey`. */
  pairs?: Record<string, { numerator: number; denominator: number }>;
  /** Words for messages written into the workbook (legend reasons); the caller passes src/i18n's phrase. */
  phrase?: (m: Message) => string;
}
export const DEFAULT_FILL: FillOptions = { negative: "A", scale: "permendagri86", efficiency: "sederhana", overwrite: false, convertText: false };

export type WriteRole =
  | "capaian" | "predikat" | "serapan" | "sisa_anggaran" | "efisiensi" | "nilai_efisiensi" | "tingkat_kemajuan" | "rata_rata_sasaran" | "total"
  | "header" | "legend" | "convert" | "highlight";

export interface CellWrite {
  sheet: string;
  cell: string;
  role: WriteRole;
  formula?: string;
  /** The cells the formula reads, in the formula's terms: [target, realisasi], [pagu, realisasi anggaran], [capaian]… */
  inputs?: string[];
  /** Cached result of the formula, or the text/number to write when there is no formula. */
  value: number | string | null;
  numberFormat?: string;
  /** Copy borders, fill and font from this cell (appended columns look like their neighbours). */
  styleFrom?: string;
  bold?: boolean;
  /** Fill colour ("#FFC7CE"); a "highlight" write changes only this. */
  fill?: string;
  /** A short note for the cell (header cells of written columns), where the Excel version allows notes. */
  note?: string;
}
export interface AppendedColumn {
  sheet: string;
  table: string;
  column: string;
  role: WriteRole;
  header: string;
  merge?: string; // header cells merged over the header band
}
export interface SkippedCell {
  sheet: string;
  cell: string;
  role?: WriteRole;
  reason: string;
}
export interface TextConversion {
  sheet: string;
  cell: string;
  text: string;
  value: number;
  numberFormat: string;
  /** A number stored as text, or a percent written in the other unit than its pair (100 against 100 %). */
  reason: "text" | "percent-unit";
}
export interface IndicatorChoice {
  sheet: string;
  row: number;
  indicator: string;
  polarity: Polarity;
  reason: Message | null;
  method: string;
}
export interface MethodUse {
  id: string;
  label: string;
  words: string;
  example: string;
  source: string;
  count: number;
}
export interface WritePlan {
  writes: CellWrite[];
  appended: AppendedColumn[];
  skipped: SkippedCell[];
  /** Numbers stored as text found in the inputs; applied as writes only when `convertText`. */
  textNumbers: TextConversion[];
  convertText: boolean;
  legend: { sheet: string; replaces: boolean; writes: CellWrite[] } | null;
  /** Body cells merged by the plan (an appended average merged over its sasaran's rows). */
  merges: { sheet: string; range: string }[];
  /** Notes on the header cells of written columns (where the Excel version has notes). */
  notes: { sheet: string; cell: string; text: string }[];
  methods: MethodUse[];
  choices: IndicatorChoice[];
}

// ---------------------------------------------------------------------------------------------

interface Figure {
  numeral: Numeral;
  /** The number Excel will see after the plan (undefined: not a number for Excel). */
  excel: number | undefined;
  conversion?: TextConversion;
}

/** Reads one column's figures over the table's rows, resolving ambiguous separators together. */
function readColumn(g: Grid, col: RecognisedColumn, rows: RecognisedRow[], money: boolean, convert: boolean): Map<number, Figure> {
  const cells = rows.map((r) => ({ value: g.value(r.row, col.col), numberFormat: g.numberFormat(r.row, col.col) }));
  const res = resolveColumnNumerals(cells, { money, percent: !money });
  const out = new Map<number, Figure>();
  rows.forEach((r, i) => {
    const n = res.numerals[i];
    const raw = cells[i].value;
    const v = res.values[i];
    if (typeof raw === "number") out.set(r.row, { numeral: n, excel: raw });
    else if (v === undefined || (n.kind !== "number" && n.kind !== "percent") || n.parts) out.set(r.row, { numeral: n, excel: undefined });
    else {
      const conversion = textConversion(g.name, cellAddress(r.row, col.col), String(raw), n, v);
      out.set(r.row, { numeral: n, excel: convert ? conversion.value : undefined, conversion });
    }
  });
  return out;
}

/**
 * "100%" typed as 1 with a % format against "100,00" typed as 100 in the same row: the plain number is
 * a percent in the other unit. Offered as a conversion of the plain cell to a fraction with a % format.
 */
function alignPercentUnits(g: Grid, tf: Figure, rf: Figure, tRef: string, rRef: string, convert: boolean, plan: WritePlan) {
  const fractionSide = (f: Figure) => f.numeral.kind === "percent" && f.numeral.percent === "format" && f.excel !== undefined && Math.abs(f.excel) <= 2;
  const plainSide = (f: Figure) => f.numeral.kind === "number" && f.excel !== undefined && Math.abs(f.excel) > 2 && !f.conversion;
  const fix = (f: Figure, ref: string) => {
    const conversion: TextConversion = { sheet: g.name, cell: ref, text: f.numeral.raw, value: f.excel! / 100, numberFormat: "0.00%", reason: "percent-unit" };
    f.conversion = conversion;
    plan.textNumbers.push(conversion);
    if (convert) f.excel = conversion.value;
  };
  if (fractionSide(tf) && plainSide(rf)) fix(rf, rRef);
  else if (fractionSide(rf) && plainSide(tf)) fix(tf, tRef);
}

/** The number a text cell means, and a number format that shows it as it was written ("8,00 Laporan"). */
function textConversion(sheet: string, cell: string, text: string, n: Numeral, v: number): TextConversion {
  const digits = /[.,](\d+)\s*(%|[A-Za-z]|$|\*)/.exec(text.replace(/,-$/, ""));
  const decimals = n.currency ? 0 : digits && !(n.ambiguous === undefined && digits[1].length === 3 && v === Math.round(v)) ? digits[1].length : 0;
  const body = decimals ? `#,##0.${"0".repeat(decimals)}` : "#,##0";
  let format = n.kind === "percent" ? `${decimals ? `0.${"0".repeat(decimals)}` : "0"}%` : v !== Math.round(v) && !decimals ? "General" : body;
  if (n.currency) format = `"Rp "${format}`;
  if (n.unit) format = `${format} "${n.unit.replace(/"/g, "")}"`;
  if (n.footnote) format = `${format}"*"`;
  return { sheet, cell, text, value: n.kind === "percent" ? v / 100 : v, numberFormat: format, reason: "text" };
}

/** The rows where at least one of the two operand columns holds something, with both figures. */
function* rowsWithFigures(rows: RecognisedRow[], a: Map<number, Figure>, b: Map<number, Figure>): Generator<[RecognisedRow, Figure, Figure]> {
  for (const row of rows) {
    const fa = a.get(row.row)!;
    const fb = b.get(row.row)!;
    if (fa.numeral.kind !== "empty" || fb.numeral.kind !== "empty") yield [row, fa, fb];
  }
}

interface Pair {
  a: RecognisedColumn; // target / pagu / target_akhir (denominator)
  b: RecognisedColumn; // realisasi / realisasi anggaran (numerator)
  out?: RecognisedColumn; // existing computed column
}

/**
 * The operand pairs recognition decided for a computed measure, with confidence. A pairing that needs the
 * user's confirmation is not written: each of its cells is listed as skipped with the reason.
 */
function pairsOf(g: Grid, t: RecognisedTable, measure: ComputedMeasure, plan: WritePlan, o: FillOptions): Pair[] {
  const out: Pair[] = [];
  for (const p of t.pairings.filter((x) => x.measure === measure)) {
    const chosen = o.pairs?.[pairKey(t.sheet, measure, p.output ?? p.numerator)];
    const a = columnAt(t, chosen ? chosen.denominator : p.denominator);
    const b = columnAt(t, chosen ? chosen.numerator : p.numerator);
    if (!a || !b) continue;
    if (p.status === "needs-confirmation" && !chosen) {
      const col = p.output ?? b.col;
      for (const r of t.rows.filter((x) => x.kind === "data" || x.kind === "group"))
        if (g.text(r.row, a.col) !== "" || g.text(r.row, b.col) !== "")
          plan.skipped.push({ sheet: g.name, cell: cellAddress(r.row, col), role: measure as WriteRole, reason: `${measure} = ${columnLetter(b.col)} / ${columnLetter(a.col)} needs confirmation (confidence ${p.confidence}); not written` });
      continue;
    }
    out.push({ a, b, out: p.output !== null ? columnAt(t, p.output) : undefined });
  }
  return out;
}

/** Key of a user's pairing choice: the sheet, the measure and the output column (or the numerator when appended). */
export function pairKey(sheet: string, measure: string, col: number): string {
  return `${sheet}!${measure}@${columnLetter(col)}`;
}

function percentConventionOf(col: RecognisedColumn | undefined): PercentConvention {
  return col?.numerals?.percentScale === "fraction" ? "fraction" : "number";
}
const pctFormat = (pc: PercentConvention) => (pc === "fraction" ? "0.00%" : "0.00");

const LABELS: Record<string, string> = {
  capaian: "Capaian", predikat: "Predikat", serapan: "Serapan Anggaran", efisiensi: "Efisiensi", tingkat_kemajuan: "Tingkat Kemajuan",
  nilai_efisiensi: "Nilai Efisiensi", rata_rata_sasaran: "Rata-rata Capaian Sasaran",
};
function headerText(role: WriteRole, like: RecognisedColumn | undefined, measure: string | null, pc: PercentConvention | null): string {
  const parts = [LABELS[role] ?? role];
  if (measure === "K") parts.push("K");
  if (like?.year) parts.push(String(like.year));
  if (like?.period) parts.push(like.period);
  return parts.join(" ") + (pc ? " (%)" : "");
}

/** The predikat scale the options name (a custom one must come with its bands). */
export function predikatScaleOf(o: Pick<FillOptions, "scale" | "customScale">): PredikatScaleSpec {
  if (o.scale === "custom") {
    if (!o.customScale) throw new Error("a custom predikat scale needs its bands");
    return o.customScale;
  }
  return PREDIKAT_SCALES[o.scale === "none" ? "permendagri86" : o.scale];
}

/** The plan for a whole workbook. */
export function planWorkbook(snapshot: WorkbookSnapshot, analysis: WorkbookAnalysis, options: FillOptions = DEFAULT_FILL): WritePlan {
  const plan: WritePlan = { writes: [], appended: [], skipped: [], textNumbers: [], convertText: options.convertText, legend: null, merges: [], notes: [], methods: [], choices: [] };
  const methods = new Map<string, MethodUse>();
  const legendName = legendSheetName(snapshot);
  const useMethod = (id: string, label: string, words: string, example: string, source: string) => {
    const m = methods.get(id) ?? { id, label, words, example, source, count: 0 };
    m.count++;
    methods.set(id, m);
  };
  for (const sheetAn of analysis.sheets) {
    const sheet = snapshot.sheets.find((s) => s.name === sheetAn.name);
    if (!sheet) continue;
    const g = new Grid(sheet);
    for (const t of sheetAn.tables) planTable(g, t, options, plan, useMethod, legendName);
  }
  plan.methods = [...methods.values()];
  if (plan.convertText) {
    // Conversions go first (formulas read the converted numbers); built aside, as unshift per cell is quadratic.
    const seen = new Set<string>();
    const conversions: CellWrite[] = [];
    for (const c of plan.textNumbers) {
      if (seen.has(`${c.sheet}!${c.cell}`)) continue;
      seen.add(`${c.sheet}!${c.cell}`);
      conversions.push({ sheet: c.sheet, cell: c.cell, role: "convert", value: c.value, numberFormat: c.numberFormat });
    }
    plan.writes = [...conversions.reverse(), ...plan.writes];
  }
  if (plan.methods.length || plan.choices.length) plan.legend = legendPlan(plan, legendName, snapshot, options.phrase ?? ((m) => m.code));
  return plan;
}

/** "Keterangan Rumus", or the add-in's earlier one (replaced), or a suffixed name if the user has a sheet by that name. */
function legendSheetName(snapshot: WorkbookSnapshot): string {
  for (let i = 1; ; i++) {
    const name = i === 1 ? LEGEND_SHEET : `${LEGEND_SHEET} (${i})`;
    const s = snapshot.sheets.find((x) => x.name.toLowerCase() === name.toLowerCase());
    if (!s || isLegendSheet(s)) return name;
  }
}
export function isLegendSheet(s: SheetSnapshot): boolean {
  return new Grid(s).text(0, 0) === LEGEND_MARK;
}

type UseMethod = (id: string, label: string, words: string, example: string, source: string) => void;

function planTable(g: Grid, t: RecognisedTable, o: FillOptions, plan: WritePlan, useMethod: UseMethod, legendName: string) {
  const first = plan.writes.length;
  planTableCells(g, t, o, plan, useMethod, legendName);
  headerNotes(g, t, plan, plan.writes.slice(first), legendName);
}

const NOTE_WORDS: Partial<Record<WriteRole, string>> = {
  capaian: "Capaian = realisasi / target; indikator \"semakin rendah semakin baik\" dengan rumus yang dipilih (PermenPANRB 53/2014)",
  predikat: "Predikat dari sel capaian menurut skala yang dipilih",
  serapan: "Serapan = realisasi anggaran / pagu",
  sisa_anggaran: "Sisa anggaran = pagu − realisasi anggaran",
  efisiensi: "Efisiensi menurut metode yang dipilih",
  nilai_efisiensi: "Nilai efisiensi NE = 50 % + (E / 20 %) × 50 %, dibatasi 0–100 % (PMK 214/PMK.02/2017)",
  tingkat_kemajuan: "Tingkat kemajuan = realisasi / target akhir Renstra",
  rata_rata_sasaran: "Rata-rata capaian indikator per sasaran",
  total: "Jumlah = SUM rincian di bawahnya",
};

/** A short note on the header cell of each column the plan writes formulas into. */
function headerNotes(g: Grid, t: RecognisedTable, plan: WritePlan, writes: CellWrite[], legendName: string) {
  const byColumn = new Map<number, WriteRole>();
  for (const w of writes) if (w.formula && w.role !== "total") byColumn.set(parseCellAddress(w.cell).col, w.role);
  for (const [col, role] of byColumn) {
    const appended = plan.appended.some((a) => a.sheet === g.name && a.column === columnLetter(col));
    let r = appended ? t.header.top : t.header.bottom;
    const m = appended ? null : g.merge(r, col);
    if (m) r = m.top;
    const text = `${NOTE_WORDS[role] ?? role}. Ditulis sebagai rumus oleh add-in LKIP; metode dan sumber di lembar "${legendName}".`;
    plan.notes.push({ sheet: g.name, cell: cellAddress(r, m ? m.left : col), text });
  }
}

function planTableCells(g: Grid, t: RecognisedTable, o: FillOptions, plan: WritePlan, useMethod: UseMethod, legendName: string) {
  const bodyRows = t.rows.filter((r) => r.kind === "data" || r.kind === "group" || r.kind === "total");
  const indicatorRows = bodyRows.filter((r) => r.kind !== "total");
  const cache = new Map<number, Map<number, Figure>>();
  const figures = (c: RecognisedColumn) => {
    let f = cache.get(c.col);
    if (!f) {
      f = readColumn(g, c, bodyRows, c.role === "pagu" || c.role === "realisasi_anggaran" || c.measure === "Rp", o.convertText);
      cache.set(c.col, f);
      for (const fig of f.values()) if (fig.conversion) plan.textNumbers.push(fig.conversion);
    }
    return f;
  };
  const right = Math.max(...t.columns.map((c) => c.col));
  let nextFree = right + 1;
  const tableName = `${t.caption ?? tableRange(t)}`;
  const indicatorCol = t.columns.find((c) => c.role === "indikator") ?? t.columns.find((c) => c.role === "nomenklatur");

  /** Where a computed column's cells go: its existing column, or a new one appended on the right. */
  const target = (existing: RecognisedColumn | undefined, role: WriteRole, like: RecognisedColumn, measure: string | null, pc: PercentConvention | null): number | null => {
    if (existing) return existing.col;
    const col = nextFree;
    if (col > LAST_COLUMN) {
      plan.skipped.push({ sheet: g.name, cell: cellAddress(t.header.top, right), role, reason: `${tableName} ends at Excel's last column (XFD); no room for a ${LABELS[role] ?? role} column` });
      return null;
    }
    for (let r = t.header.top; r <= t.body.bottom; r++) {
      // Empty for writing: a cell of spaces or a formula showing "" is the user's, and keeps the column.
      if (!g.isVacant(r, col) || g.merge(r, col)) {
        plan.skipped.push({ sheet: g.name, cell: cellAddress(r, col), role, reason: `column ${columnLetter(col)} is not empty next to ${tableName} (the cell holds ${occupant(g, r, col)}); no ${LABELS[role] ?? role} column appended` });
        return null;
      }
    }
    nextFree++;
    const header = headerText(role, like, measure, pc);
    const top = t.header.top;
    const styleFrom = cellAddress(top, right);
    plan.writes.push({ sheet: g.name, cell: cellAddress(top, col), role: "header", value: header, styleFrom });
    // The new column's header is merged over the label rows (not the number / unit rows).
    const labelBottom = Math.min(...[t.numberRow, t.unitRow, t.header.bottom + 1].filter((x): x is number => x !== null && x > top)) - 1;
    const merge = labelBottom > top ? `${cellAddress(top, col)}:${cellAddress(labelBottom, col)}` : undefined;
    plan.appended.push({ sheet: g.name, table: tableName, column: columnLetter(col), role, header, merge });
    if (t.numberRow !== null) {
      const nums = t.columns.map((c) => c.number).filter((n): n is number => n !== undefined);
      if (nums.length) plan.writes.push({ sheet: g.name, cell: cellAddress(t.numberRow, col), role: "header", value: String(Math.max(...nums) + (col - right)), styleFrom: cellAddress(t.numberRow, right) });
    }
    return col;
  };

  /**
   * Writes one computed cell unless something is there; a typed value is compared, not replaced.
   * Returns what Excel will hold there after the plan — the formula's result, or the number already in
   * the cell — so formulas reading this cell (predikat, efisiensi, averages) cache the right result.
   */
  const put = (row: RecognisedRow, col: number, role: WriteRole, formula: string, inputs: string[], value: number | string, numberFormat: string | undefined, appended: boolean): number | string => {
    const r = row.row;
    const cell = cellAddress(r, col);
    const m = g.merge(r, col);
    if (m && (m.top !== r || m.left !== col)) {
      plan.skipped.push({ sheet: g.name, cell, role, reason: `inside the merged area ${cellAddress(m.top, m.left)}:${cellAddress(m.bottom, m.right)}; only its top-left cell can hold a value` });
      return held(r, col);
    }
    if (!o.overwrite) {
      if (g.formula(r, col)) {
        plan.skipped.push({ sheet: g.name, cell, role, reason: `already holds a formula (${g.formula(r, col)}); use overwrite to replace it` });
        return held(r, col);
      }
      if (g.isBlank(r, col) && !g.isVacant(r, col)) {
        plan.skipped.push({ sheet: g.name, cell, role, reason: `looks empty but holds ${occupant(g, r, col)}; not overwritten (clear the cell, or choose overwrite)` });
        return held(r, col);
      }
      if (!g.isVacant(r, col)) {
        const typed = g.text(r, col);
        plan.skipped.push({ sheet: g.name, cell, role, reason: `holds a typed value (${typed}); not overwritten — the audit compares it with ${value === "" ? "an empty result" : formatNumber(value)}` });
        return held(r, col);
      }
    }
    if (typeof value === "number" && !Number.isFinite(value)) {
      // Beyond Excel's number range (±1.8e308): Excel would show #NUM!, and no file may hold Infinity.
      plan.skipped.push({ sheet: g.name, cell, role, reason: `the result is beyond Excel's number range (inputs ${inputs.join(", ")}); nothing written` });
      return "";
    }
    plan.writes.push({ sheet: g.name, cell, role, formula, inputs, value, numberFormat, styleFrom: appended ? cellAddress(r, col - 1) : undefined });
    return value;
  };
  const held = (r: number, col: number): number | "" => {
    const v = g.value(r, col);
    return typeof v === "number" ? v : "";
  };

  // --- capaian (target × realisasi) ---------------------------------------------------------
  const capaianByRow = new Map<string, { cell: string; value: number | ""; pc: PercentConvention }>();
  let lastCapaian: { col: number; pc: PercentConvention; like: RecognisedColumn } | null = null;
  /** Each row's first capaian cell (the one PMK 214 reads). */
  const firstCapaian = new Map<number, { cell: string; value: number | ""; pc: PercentConvention }>();
  for (const p of pairsOf(g, t, "capaian", plan, o)) {
    const pc = percentConventionOf(p.out);
    const col = target(p.out, "capaian", p.b, p.b.measure, pc);
    if (col === null) continue;
    const T = figures(p.a);
    const R = figures(p.b);
    for (const [row, tf, rf] of rowsWithFigures(indicatorRows, T, R)) {
      const tRef = cellAddress(row.row, p.a.col);
      const rRef = cellAddress(row.row, p.b.col);
      alignPercentUnits(g, tf, rf, tRef, rRef, o.convertText, plan);
      const choice = capaianFor(g, row, tf, rf, tRef, rRef, pc, o, legendName);
      if (!choice) {
        plan.skipped.push({ sheet: g.name, cell: cellAddress(row.row, col), role: "capaian", reason: `target ${tRef} "${tf.numeral.raw}" and realisasi ${rRef} "${rf.numeral.raw}" cannot be compared (${tf.numeral.kind} vs ${rf.numeral.kind})` });
        continue;
      }
      useMethod(choice.methodId, choice.label, choice.words, choice.formula.replace(/^=/, ""), choice.source);
      if (indicatorCol) plan.choices.push({ sheet: g.name, row: row.row, indicator: g.text(row.row, indicatorCol.col), polarity: choice.polarity, reason: row.polarityReason ?? null, method: choice.label });
      const held = put(row, col, "capaian", choice.formula, [tRef, rRef], choice.value, pctFormat(pc), !p.out);
      const cap = { cell: cellAddress(row.row, col), value: typeof held === "number" ? held : ("" as const), pc };
      capaianByRow.set(`${col}:${row.row}`, cap);
      if (!firstCapaian.has(row.row)) firstCapaian.set(row.row, cap);
      lastCapaian = { col, pc, like: p.b };
    }
    // --- predikat next to capaian ---
    if (o.scale === "none") continue;
    // A quarter's share of the annual target is progress, not an achievement to grade, when the year has its own capaian.
    if (p.b.period && /^TW/.test(p.b.period) && t.pairings.some((x) => x.measure === "capaian" && !columnAt(t, x.numerator)?.period)) continue;
    const scale = predikatScaleOf(o);
    // Its predikat column: the one of the same year/period (the add-in appends them together on the right), else the next one.
    const capKey = `${p.b.year ?? ""}|${p.b.period ?? ""}`;
    const existing =
      t.columns.find((c) => c.role === "predikat" && c.col > col && (c.year !== null || c.period !== null) && `${c.year ?? ""}|${c.period ?? ""}` === capKey) ??
      t.columns.find((c) => c.role === "predikat" && c.col > col && !t.columns.some((x) => x.role === "capaian" && x.col > col && x.col < c.col));
    const pcol = target(existing, "predikat", p.b, null, null);
    if (pcol === null) continue;
    for (const row of indicatorRows) {
      const cap = capaianByRow.get(`${col}:${row.row}`);
      if (!cap) continue;
      const formula = predikatFormula(scale, cap.cell, pc);
      useMethod(`predikat-${scale.id}`, `Predikat: ${scale.label}`, scale.bands.map((b) => (b.min === -Infinity ? `lainnya ${b.label}` : `${b.strict ? ">" : "≥"} ${b.min} % ${b.label}`)).join(" · "), formula.replace(/^=/, ""), scale.source);
      put(row, pcol, "predikat", formula, [cap.cell], predikatValue(scale, cap.value, pc), undefined, !existing);
    }
  }

  // --- average capaian per sasaran ----------------------------------------------------------------
  if (lastCapaian) averagePerSasaran(g, t, indicatorRows, lastCapaian, capaianByRow, plan, put, target, useMethod);

  const capaianOf = (row: number) => firstCapaian.get(row);
  const capRatio = (cap: { value: number | ""; pc: PercentConvention }) => (cap.value === "" ? undefined : cap.pc === "number" ? cap.value / 100 : cap.value);

  // --- roll-up totals: an empty program / kegiatan / total amount = SUM of its parts -----------------
  const parents = partsOfParents(bodyRows);
  const parentRows = new Set(parents.map((x) => x.parent.row));
  for (const c of t.columns.filter((x) => x.role === "pagu" || x.role === "realisasi_anggaran" || (x.measure === "Rp" && (x.role === "target" || x.role === "realisasi")))) {
    const F = figures(c);
    for (const { parent, parts } of parents) {
      const pf = F.get(parent.row)!;
      if (pf.numeral.kind !== "empty") continue; // typed totals are the audit's business
      const values = parts.map((r) => F.get(r.row)?.excel);
      if (values.every((v) => v === undefined)) continue;
      const refs = parts.map((r) => cellAddress(r.row, c.col));
      const f = sumFormula(parts.map((r) => r.row), c.col);
      useMethod("jumlah", "Jumlah (roll-up)", "program = Σ kegiatan = Σ sub kegiatan; total = Σ baris teratas", f.replace(/^=/, ""), "Permendagri 86/2017");
      const sum = values.reduce<number>((a, v) => a + (v ?? 0), 0);
      const total = put(parent, c.col, "total", f, refs, sum, g.numberFormat(parts[0].row, c.col) ?? "#,##0", false);
      if (typeof total === "number") F.set(parent.row, { numeral: { kind: "number", raw: "", value: total }, excel: total });
    }
  }

  // --- serapan, sisa anggaran, efisiensi (pagu × realisasi anggaran) ---------------------------
  for (const p of pairsOf(g, t, "serapan", plan, o)) {
    const pc = percentConventionOf(p.out);
    const P = figures(p.a);
    const RA = figures(p.b);
    const col = target(p.out, "serapan", p.b, null, pc);
    if (col === null) continue;
    const sisa = t.columns.find((c) => c.role === "sisa_anggaran" && (c.year ?? null) === (p.b.year ?? null));
    const eff = o.efficiency === "none" ? undefined : t.columns.find((c) => c.role === "efisiensi" && (c.year ?? null) === (p.b.year ?? null));
    const ecol = o.efficiency === "none" ? null : target(eff, "efisiensi", p.b, null, pc);
    const eByRow = new Map<number, { cell: string; value: number | "" }>();
    for (const [row, pf, rf] of rowsWithFigures(bodyRows, P, RA)) {
      const pRef = cellAddress(row.row, p.a.col);
      const rRef = cellAddress(row.row, p.b.col);
      const f = ratioFormula(rRef, pRef, pc);
      const serapan = ratioValue(rf.excel, pf.excel, pc);
      useMethod("serapan", "Serapan anggaran", "realisasi anggaran / pagu", f.replace(/^=/, ""), "PermenPANRB 53/2014; Permendagri 86/2017");
      const heldSerapan = put(row, col, "serapan", f, [pRef, rRef], serapan, pctFormat(pc), !p.out);
      if (sisa) {
        const d = differenceFormula(pRef, rRef);
        useMethod("sisa", "Sisa anggaran", "pagu − realisasi anggaran", d.replace(/^=/, ""), "Permendagri 86/2017");
        put(row, sisa.col, "sisa_anggaran", d, [pRef, rRef], pf.excel !== undefined && rf.excel !== undefined ? pf.excel - rf.excel : "", g.numberFormat(row.row, p.a.col) ?? "#,##0", false);
      }
      if (ecol === null) continue;
      const sCell = cellAddress(row.row, col);
      if (o.efficiency === "sederhana") {
        const e = simpleEfficiencyFormula(sCell, pc);
        useMethod("efisiensi-sederhana", "Efisiensi (sederhana)", "100 % − serapan; bermakna bila capaian ≥ 100 %", e.replace(/^=/, ""), "praktik umum perangkat daerah");
        put(row, ecol, "efisiensi", e, [sCell], typeof heldSerapan === "number" ? (pc === "number" ? 100 : 1) - heldSerapan : "", pctFormat(pc), !eff);
        continue;
      }
      // PMK 214: a parent row gets the group's E (below); any other row its own.
      if (parentRows.has(row.row)) continue;
      const cap = capaianOf(row.row);
      if (!cap) {
        plan.skipped.push({ sheet: g.name, cell: cellAddress(row.row, ecol), role: "efisiensi", reason: "PMK 214 needs the row's capaian, and this row has none" });
        continue;
      }
      const e = pmk214Formula(pRef, rRef, cap.cell, cap.pc, pc);
      useMethod("efisiensi-pmk214", "Efisiensi PMK 214/PMK.02/2017", "E = (pagu × capaian − realisasi anggaran) / (pagu × capaian)", e.replace(/^=/, ""), PMK214_SOURCE);
      const value = pmk214Value(pf.excel, rf.excel, capRatio(cap), pc);
      const heldE = put(row, ecol, "efisiensi", e, [pRef, rRef, cap.cell], value, pctFormat(pc), !eff);
      eByRow.set(row.row, { cell: cellAddress(row.row, ecol), value: typeof heldE === "number" ? heldE : "" });
    }
    if (o.efficiency !== "pmk214" || ecol === null) continue;
    // --- PMK 214 for groups, with SUMPRODUCT over adjacent parts ---
    for (const { parent, parts } of parents) {
      const withCap = parts.filter((r) => capaianOf(r.row));
      if (!withCap.length) continue;
      const caps = withCap.map((r) => capaianOf(r.row)!);
      const ref = (r: RecognisedRow, c: number) => cellAddress(r.row, c);
      const P = withCap.map((r) => ref(r, p.a.col));
      const RA = withCap.map((r) => ref(r, p.b.col));
      const C = caps.map((x) => x.cell);
      const adjacent = withCap.length === parts.length && parts.every((r, i) => i === 0 || r.row === parts[i - 1].row + 1) && new Set(caps.map((x) => x.cell.replace(/\d+$/, ""))).size === 1;
      const span = (refs: string[]) => `${refs[0]}:${refs[refs.length - 1]}`;
      const e = pmk214GroupFormula(P, RA, C, caps[0].pc, pc, adjacent ? { pagu: span(P), realisasiAnggaran: span(RA), capaian: span(C) } : undefined);
      useMethod("efisiensi-pmk214-kelompok", "Efisiensi PMK 214 kelompok (program/total)", "E = Σ(pagu × capaian − realisasi anggaran) / Σ(pagu × capaian) atas rincian yang bercapaian", e.replace(/^=/, ""), PMK214_SOURCE);
      const Pf = figures(p.a);
      const RAf = figures(p.b);
      const value = pmk214GroupValue(withCap.map((r, i) => ({ pagu: Pf.get(r.row)?.excel, ra: RAf.get(r.row)?.excel, capaianRatio: capRatio(caps[i]) })), pc);
      const heldE = put(parent, ecol, "efisiensi", e, [...P, ...RA, ...C], value, pctFormat(pc), !eff);
      eByRow.set(parent.row, { cell: cellAddress(parent.row, ecol), value: typeof heldE === "number" ? heldE : "" });
    }
    // --- nilai efisiensi NE next to E ---
    if (!eByRow.size) continue;
    const existingNe = t.columns.find((c) => /nilai\s+efisiensi/i.test(c.header));
    const necol = target(existingNe, "nilai_efisiensi", p.b, null, pc);
    if (necol === null) continue;
    for (const row of bodyRows) {
      const e = eByRow.get(row.row);
      if (!e) continue;
      const f = nilaiEfisiensiFormula(e.cell, pc);
      useMethod("nilai-efisiensi", "Nilai efisiensi PMK 214", "NE = 50 % + (E / 20 %) × 50 %, dibatasi 0–100 %", f.replace(/^=/, ""), PMK214_SOURCE);
      put(row, necol, "nilai_efisiensi", f, [e.cell], nilaiEfisiensiValue(e.value, pc), pctFormat(pc), !existingNe);
    }
  }

  // --- efektivitas, where the table has the column: (target / pagu) / (realisasi / realisasi anggaran) ---
  const efektivitas = t.columns.filter((c) => c.role === "efektivitas");
  const [T0, R0, P0, RA0] = (["target", "realisasi", "pagu", "realisasi_anggaran"] as const).map((role) => t.columns.find((c) => c.role === role));
  if (efektivitas.length && T0 && R0 && P0 && RA0) {
    const [T, R, P, RA] = [T0, R0, P0, RA0].map((c) => figures(c));
    for (const out of efektivitas) {
      const pc = percentConventionOf(out);
      for (const row of indicatorRows) {
        const refs = [T0, P0, R0, RA0].map((c) => cellAddress(row.row, c.col));
        const [t_, p_, r_, ra_] = [T, P, R, RA].map((f) => f.get(row.row)?.excel);
        if ([T, P, R, RA].every((f) => f.get(row.row)?.numeral.kind === "empty")) continue;
        const f = efektivitasFormula(refs[0], refs[1], refs[2], refs[3], pc);
        useMethod("efektivitas", "Efektivitas", "(target / pagu) / (realisasi / realisasi anggaran)", f.replace(/^=/, ""), "rumus yang dipakai laporan rujukan (DOMAIN: efektivitas)");
        const v = t_ !== undefined && p_ && r_ && ra_ ? ((t_ / p_) / (r_ / ra_)) * (pc === "number" ? 100 : 1) : "";
        put(row, out.col, "efisiensi", f, refs, v, pctFormat(pc), false);
      }
    }
  }

  // --- tingkat kemajuan (realisasi / target akhir Renstra) -------------------------------------
  for (const p of pairsOf(g, t, "tingkat_kemajuan", plan, o)) {
    const pc = percentConventionOf(p.out);
    const col = target(p.out, "tingkat_kemajuan", p.b, null, pc);
    if (col === null) continue;
    const A = figures(p.a);
    const R = figures(p.b);
    for (const [row, af, rf] of rowsWithFigures(indicatorRows, A, R)) {
      const aRef = cellAddress(row.row, p.a.col);
      const rRef = cellAddress(row.row, p.b.col);
      const f = ratioFormula(rRef, aRef, pc);
      useMethod("tingkat-kemajuan", "Tingkat kemajuan", "realisasi / target akhir Renstra", f.replace(/^=/, ""), "Permendagri 86/2017 (evaluasi Renstra)");
      put(row, col, "tingkat_kemajuan", f, [aRef, rRef], ratioValue(rf.excel, af.excel, pc), pctFormat(pc), !p.out);
    }
  }
}

type Put = (row: RecognisedRow, col: number, role: WriteRole, formula: string, inputs: string[], value: number | string, numberFormat: string | undefined, appended: boolean) => number | string;
type Target = (existing: RecognisedColumn | undefined, role: WriteRole, like: RecognisedColumn, measure: string | null, pc: PercentConvention | null) => number | null;

/**
 * The average capaian of each sasaran's indicators: in a column appended beside the table, merged over
 * the sasaran's rows like its name (when the table has a sasaran column and some sasaran has several
 * indicators), or in the capaian cell of a "Sasaran …" section row.
 */
function averagePerSasaran(
  g: Grid, t: RecognisedTable, rows: RecognisedRow[], cap: { col: number; pc: PercentConvention; like: RecognisedColumn },
  capaianByRow: Map<string, { cell: string; value: number | "" }>, plan: WritePlan, put: Put, target: Target, useMethod: UseMethod,
) {
  const groups: { anchor: RecognisedRow; rows: RecognisedRow[]; appended: boolean }[] = [];
  const sasaranCol = t.columns.find((c) => c.role === "sasaran");
  if (sasaranCol) {
    for (const r of rows) {
      const m = g.merge(r.row, sasaranCol.col);
      const starts = g.text(r.row, sasaranCol.col) !== "" && (!m || m.top === r.row);
      if (starts) groups.push({ anchor: r, rows: [r], appended: true });
      else if (groups.length && !g.text(r.row, sasaranCol.col)) groups[groups.length - 1].rows.push(r);
    }
  } else {
    const sections = t.rows.filter((r) => r.kind === "section" && r.level === "sasaran");
    for (const s of sections) {
      const next = t.rows.find((r) => r.kind === "section" && r.row > s.row)?.row ?? Infinity;
      groups.push({ anchor: s, rows: rows.filter((r) => r.row > s.row && r.row < next), appended: false });
    }
  }
  const usable = groups.map((gr) => ({ ...gr, rows: gr.rows.filter((r) => capaianByRow.has(`${cap.col}:${r.row}`)) })).filter((gr) => gr.rows.length);
  if (!usable.some((gr) => gr.rows.length > 1)) return;
  // An average column already there (the add-in's own from an earlier run, or typed) is filled, not appended again.
  const existing = t.columns.find((c) => c.role === "rata_rata_sasaran");
  const col = usable[0].appended ? target(existing, "rata_rata_sasaran", cap.like, null, cap.pc) : cap.col;
  if (col === null) return;
  for (const gr of usable) {
    const cells = gr.rows.map((r) => capaianByRow.get(`${cap.col}:${r.row}`)!);
    const first = cells[0].cell;
    const last = cells[cells.length - 1].cell;
    const adjacent = gr.rows.every((r, i) => i === 0 || r.row === gr.rows[i - 1].row + 1);
    const args = adjacent ? (first === last ? first : `${first}:${last}`) : cells.map((c) => c.cell).join(",");
    const f = `=IF(COUNT(${args})>0,AVERAGE(${args}),"")`;
    const values = cells.map((c) => c.value).filter((v): v is number => v !== "");
    useMethod("rata-rata-sasaran", "Rata-rata capaian per sasaran", "rata-rata capaian indikator sasaran (sel kosong tidak dihitung)", f.replace(/^=/, ""), "PermenPANRB 53/2014 (capaian sasaran)");
    put(gr.anchor, col, "rata_rata_sasaran", f, cells.map((c) => c.cell), values.length ? values.reduce((a, b) => a + b, 0) / values.length : "", cap.pc === "fraction" ? "0.00%" : "0.00", gr.appended);
    const bottom = gr.rows[gr.rows.length - 1].row;
    if (gr.appended && bottom > gr.anchor.row) plan.merges.push({ sheet: g.name, range: `${cellAddress(gr.anchor.row, col)}:${cellAddress(bottom, col)}` });
  }
}

interface CapaianChoice {
  formula: string;
  value: number | "";
  polarity: Polarity;
  methodId: string;
  label: string;
  words: string;
  source: string;
}

/** The capaian formula for one row, from the kinds of its inputs and the indicator's polarity. */
function capaianFor(g: Grid, row: RecognisedRow, tf: Figure, rf: Figure, tRef: string, rRef: string, pc: PercentConvention, o: FillOptions, legendName: string): CapaianChoice | null {
  const limits = o.limits ?? {};
  const tk = tf.numeral.kind;
  const rk = rf.numeral.kind;
  if (tk === "grade" && rk === "grade") {
    return {
      formula: gradeCapaianFormula(tRef, rRef, pc, limits),
      value: ratioValue(rf.numeral.value, tf.numeral.value, pc, limits),
      polarity: "higher-better",
      methodId: "capaian-grade",
      label: "Capaian nilai berpredikat",
      words: "skor realisasi / skor target, skor = angka dalam kurung (\"A (80.35)\" / \"BB (75)\")",
      source: "PermenPANRB 53/2014",
    };
  }
  if (tk === "category" && rk === "category" && tf.numeral.category!.scale === rf.numeral.category!.scale) {
    const scale = CATEGORICAL_SCALES.find((s) => s.id === tf.numeral.category!.scale)!;
    const col = LADDER_COLUMNS[scale.id];
    const ladder = `'${legendName}'!$${col}$${LADDER_FIRST_ROW}:$${col}$${LADDER_FIRST_ROW + scale.rungs.length - 1}`;
    return {
      formula: ladderCapaianFormula(tRef, rRef, ladder, pc, limits),
      value: ratioValue(rf.numeral.category!.rank, tf.numeral.category!.rank, pc, limits),
      polarity: "categorical",
      methodId: `capaian-ladder-${scale.id}`,
      label: `Capaian kategori (${scale.label})`,
      words: `peringkat realisasi / peringkat target pada tangga ${scale.rungs.join(" < ")}`,
      source: "PermenPANRB 53/2014",
    };
  }
  const numeric = (f: Figure) => f.excel !== undefined || f.conversion !== undefined || f.numeral.kind === "marker" || f.numeral.kind === "empty";
  if (!numeric(tf) || !numeric(rf)) return null;
  const where = rowKey(g.name, row.row);
  const polarity = o.polarity?.[where] ?? (row.polarity === "lower-better" ? "lower-better" : "higher-better");
  const method: CapaianMethod = polarity === "lower-better" ? o.negativeByRow?.[where] ?? o.negative : "higher-better";
  const m = CAPAIAN_METHODS[method];
  return {
    formula: capaianFormula(method, tRef, rRef, pc, limits),
    value: capaianValue(method, tf.excel, rf.excel, pc, limits),
    polarity,
    methodId: `capaian-${method}`,
    label: method === "higher-better" ? "Capaian (semakin tinggi semakin baik)" : `Capaian (semakin rendah semakin baik, rumus ${method})`,
    words: m.words,
    source: method === "higher-better" ? "PermenPANRB 53/2014" : "PermenPANRB 53/2014; rumus dipilih pengguna (tidak diatur satu rumus baku)",
  };
}

/** Excel's last column, XFD (0-based). */
const LAST_COLUMN = 16_383;

/** What a cell that is not vacant holds, saying what a reader may not see (spaces, an empty text, a formula). */
function occupant(g: Grid, r: number, c: number): string {
  const v = g.value(r, c);
  const f = g.formula(r, c);
  if (f) return `the formula ${f}`;
  if (g.merge(r, c) && v === null) return "part of a merged area";
  if (v === "") return "an empty text (a lone apostrophe)";
  if (typeof v === "string" && v.trim() === "") return `${v.length} space(s)`;
  return `"${g.text(r, c)}"`;
}

function formatNumber(v: number | string): string {
  return typeof v === "number" ? String(Math.round(v * 10000) / 10000) : v;
}

/** The legend sheet: methods, per-indicator choices, and the ladders the categorical formulas match against. */
function legendPlan(plan: WritePlan, sheet: string, snapshot: WorkbookSnapshot, phrase: (m: Message) => string): WritePlan["legend"] {
  const writes: CellWrite[] = [];
  const text = (cell: string, value: string | number, bold = false) => writes.push({ sheet, cell, role: "legend", value, bold: bold || undefined });
  text("A1", LEGEND_MARK, true);
  text("A2", "Setiap angka yang ditulis add-in adalah rumus Excel yang dapat diklik dan ditelusuri. Data tidak dikirim ke mana pun.");
  ["Metode", "Rumus (kata)", "Rumus Excel (contoh)", "Sumber", "Jumlah sel"].forEach((h, i) => text(`${columnLetter(i)}4`, h, true));
  let r = 5;
  for (const m of plan.methods) {
    [m.label, m.words, m.example, m.source, m.count].forEach((v, i) => text(`${columnLetter(i)}${r}`, v));
    r++;
  }
  r += 1;
  text(`A${r}`, "Pilihan per indikator", true);
  r++;
  ["Lembar", "Baris", "Indikator", "Polaritas", "Alasan", "Rumus capaian"].forEach((h, i) => text(`${columnLetter(i)}${r}`, h, true));
  r++;
  const POLARITY_ID: Record<Polarity, string> = { "higher-better": "semakin tinggi semakin baik", "lower-better": "semakin rendah semakin baik", categorical: "kategori (peringkat)" };
  for (const c of plan.choices) {
    [c.sheet, c.row + 1, c.indicator, POLARITY_ID[c.polarity], c.reason ? phrase(c.reason) : "", c.method].forEach((v, i) => text(`${columnLetter(i)}${r}`, v));
    r++;
  }
  for (const scale of CATEGORICAL_SCALES) {
    const col = LADDER_COLUMNS[scale.id];
    text(`${col}${LADDER_FIRST_ROW - 1}`, scale.label, true);
    scale.rungs.forEach((rung, i) => text(`${col}${LADDER_FIRST_ROW + i}`, rung));
  }
  return { sheet, replaces: snapshot.sheets.some((s) => s.name === sheet), writes };
}

export interface PlanColumn {
  sheet: string;
  column: string;
  role: WriteRole;
  cells: number;
  /** A new column on the right of its table (with its header), or cells filled in an existing one. */
  appended: boolean;
  header?: string;
}
export interface PlanSummary {
  formulas: number;
  byRole: [WriteRole, number][];
  columns: PlanColumn[];
}

/** What a plan will do, column by column: the preview the pane shows and the CLI prints. */
export function summarisePlan(plan: WritePlan): PlanSummary {
  const byRole = new Map<WriteRole, number>();
  const columns = new Map<string, PlanColumn>();
  for (const w of plan.writes) {
    if (!w.formula) continue;
    byRole.set(w.role, (byRole.get(w.role) ?? 0) + 1);
    const column = w.cell.replace(/\d+$/, "");
    const k = `${w.sheet}!${column}`;
    let c = columns.get(k);
    if (!c) {
      const a = plan.appended.find((x) => x.sheet === w.sheet && x.column === column);
      columns.set(k, (c = { sheet: w.sheet, column, role: w.role, cells: 0, appended: !!a, header: a?.header }));
    }
    c.cells++;
  }
  return { formulas: [...byRole.values()].reduce((a, b) => a + b, 0), byRole: [...byRole], columns: [...columns.values()] };
}
