/**
 * What every measure rule of a table shares: the grid, the table, the options, the plan being built, the
 * figures of each column (read once), where an appended column goes, and `put`, the one place a computed
 * cell is written or skipped with its reason. Rules register the cells they write (capaian, serapan) so
 * the rules after them (predikat, averages, efisiensi) can read them.
 */
import { cellAddress, columnLetter, flatText, Grid, parseCellAddress } from "../grid";
import { CellRef, message, Message } from "../messages";
import { parseNumeral, RowEvidence } from "../numerals";
import { isNumberingText } from "../recognition/band";
import { columnAt, ComputedMeasure, RecognisedColumn, RecognisedRow, RecognisedTable, tableRange } from "../recognise";
import { subtotalLabels } from "../hierarchy";
import { COMPUTED_ROLES, MEASURE_ROLES } from "../roles";
import type { PercentConvention } from "../formulas";
import { MethodCounter, MethodEntry } from "./catalogue";
import { Figure, percentFactors, readColumn } from "./figures";
import { cellRef, FillOptions, Phraser, WritePlan, WriteRole } from "./types";

/** A computed pair of columns: the reference (denominator) and the realised value (numerator), and the output column if it exists. */
export interface Pair {
  a: RecognisedColumn; // target / pagu / target akhir (denominator)
  b: RecognisedColumn; // realisasi / realisasi anggaran (numerator)
  out?: RecognisedColumn; // existing computed column
}

/** A computed cell as Excel will hold it after the plan. */
export interface HeldCell {
  cell: string;
  value: number | "";
}
/** A column of computed cells the plan wrote or found (capaian, serapan), by 0-based row. */
export interface ComputedColumn {
  col: number;
  pc: PercentConvention;
  like: RecognisedColumn;
  pair: Pair;
  cells: Map<number, HeldCell>;
}

export interface PutSpec {
  row: RecognisedRow;
  col: number;
  role: WriteRole;
  formula: string;
  inputs: string[];
  value: number | string;
  numberFormat?: string;
  appended: boolean;
  method: { id: string; entry: MethodEntry };
  /** Why the result is empty, when `value` is "". */
  empty?: Message | null;
  /** An operand read ×100 to match the other's percent unit. */
  reconciled?: Reconciled | null;
}

/** A body row where a pair's columns hold anything: both figures and their "E5" addresses. */
export interface Operands {
  row: RecognisedRow;
  a: Figure;
  b: Figure;
  aRef: string;
  bRef: string;
}

export interface Reconciled {
  scaled: string;
  other: string;
  reason: Message;
}

export const percentFormat = (pc: PercentConvention) => (pc === "fraction" ? "0.00%" : "0.00");
export function percentConventionOf(col: RecognisedColumn | undefined): PercentConvention {
  return col?.numerals?.percentScale === "fraction" ? "fraction" : "number";
}

/** Key of a user's pairing choice: the sheet, the measure and the output column (or the numerator when appended). */
/**
 * The key of a user's pair choice: the sheet, the measure, the computed column and the table's first header row
 * (1-based, as the user sees it), so a choice for column G of one table never reaches column G of another
 * table stacked on the same sheet.
 */
export function pairKey(sheet: string, measure: string, col: number, headerTop: number): string {
  return `${sheet}!${measure}@${columnLetter(col)}#${headerTop + 1}`;
}

export class TableContext {
  readonly bodyRows: RecognisedRow[];
  /** Body rows without totals: the rows of indicators and budget lines. */
  readonly indicatorRows: RecognisedRow[];
  readonly tableName: string;
  readonly capaian: ComputedColumn[] = [];
  readonly serapan: ComputedColumn[] = [];
  private readonly figureCache = new Map<number, Map<number, Figure>>();
  /** The numbers stored as text already listed in the plan (a cell read by several formulas is listed once). */
  private readonly listed = new Set<object>();
  private readonly right: number;
  private nextFree: number;

  constructor(
    readonly g: Grid,
    readonly t: RecognisedTable,
    readonly o: FillOptions,
    readonly plan: WritePlan,
    readonly methods: MethodCounter,
    readonly legendName: string,
    readonly phrase: Phraser,
  ) {
    // A programme label row whose block a subtotal closes holds no figures: the subtotal is its amount.
    const labels = subtotalLabels(t.rows);
    const blankLabel = (r: RecognisedRow) => labels.has(r) && t.columns.every((c) => !MEASURE_ROLES.has(c.role) || g.text(r.row, c.col) === "");
    this.bodyRows = t.rows.filter((r) => (r.kind === "data" || r.kind === "group" || r.kind === "total") && !this.isNumberingRow(r.row) && !blankLabel(r));
    this.indicatorRows = this.bodyRows.filter((r) => r.kind !== "total");
    this.tableName = t.caption ?? tableRange(t);
    this.right = Math.max(...t.columns.map((c) => c.col));
    this.nextFree = this.right + 1;
  }

  /** A row whose filled cells are all column numbers ("1 2 3", "(1)", "8=(7/6)"): never a row of figures. */
  private isNumberingRow(row: number): boolean {
    return isNumberingRow(this.t.columns.map((c) => this.g.text(row, c.col)));
  }

  /** A column's figures over the body rows, read once. */
  figures(c: RecognisedColumn): Map<number, Figure> {
    let f = this.figureCache.get(c.col);
    if (!f) {
      const money = c.role === "pagu" || c.role === "realisasi_anggaran" || c.role === "sisa_anggaran" || c.measure === "Rp";
      // A computed column holding percent units (95,56 or "95,56%") keeps them when its text is converted.
      const percentUnits = COMPUTED_ROLES.has(c.role) && percentConventionOf(c) === "number";
      f = readColumn(this.g, c, this.bodyRows.map((r) => r.row), money, this.o.convertText, percentUnits, this.rowEvidence(c));
      this.figureCache.set(c.col, f);
    }
    return f;
  }

  /**
   * What each body row says about the size of a column's figures: the figure of the column it is paired with
   * (target ↔ realisasi, pagu ↔ realisasi anggaran) and the row's satuan. Undefined when the table has neither.
   */
  private rowEvidence(c: RecognisedColumn): (RowEvidence & { partnerAt?: CellRef })[] | undefined {
    const { g, t } = this;
    const p = t.pairings.find((x) => x.numerator === c.col || x.denominator === c.col);
    const partner = p ? (p.numerator === c.col ? p.denominator : p.numerator) : undefined;
    const satuan = t.columns.find((x) => x.role === "satuan");
    if (partner === undefined && !satuan) return undefined;
    return this.bodyRows.map((r) => ({
      partner: partner === undefined ? undefined : parseNumeral(g.value(r.row, partner), g.numberFormat(r.row, partner)).value,
      partnerAt: partner === undefined ? undefined : this.ref(r.row, partner),
      unit: satuan ? g.text(r.row, satuan.col) : undefined,
    }));
  }

  /** The figure the plan knows at a cell, if its column was read. */
  figureAt(cell: string): Figure | undefined {
    const { row, col } = parseCellAddress(cell);
    return this.figureCache.get(col)?.get(row);
  }

  ref(row: number, col: number) {
    return cellRef(this.g.name, row, col);
  }
  /** The message reference of an "E5" address on this sheet. */
  refOf(cell: string) {
    const { row, col } = parseCellAddress(cell);
    return cellRef(this.g.name, row, col);
  }

  /** The operand pairs recognition decided for a measure; a pairing needing confirmation is reported, not written. */
  pairs(measure: ComputedMeasure): Pair[] {
    const { t, g, o } = this;
    const out: Pair[] = [];
    for (const p of t.pairings.filter((x) => x.measure === measure)) {
      const chosen = o.pairs?.[pairKey(t.sheet, measure, p.output ?? p.numerator, t.header.top)];
      const a = columnAt(t, chosen ? chosen.denominator : p.denominator);
      const b = columnAt(t, chosen ? chosen.numerator : p.numerator);
      if (!a || !b) continue;
      if (p.status === "needs-confirmation" && !chosen) {
        const reason = message("skip-needs-confirmation", { measure, numerator: b.col, denominator: a.col, confidence: p.confidence });
        if (p.output === null) this.skip(t.header.top, b.col, measure as WriteRole, reason, false);
        else for (const r of this.indicatorRows) if (g.text(r.row, a.col) !== "" || g.text(r.row, b.col) !== "") this.skip(r.row, p.output, measure as WriteRole, reason);
        continue;
      }
      out.push({ a, b, out: p.output !== null ? columnAt(t, p.output) : undefined });
    }
    return out;
  }

  /**
   * The table's column of `role` that belongs to a computed column (predikat beside its capaian, efisiensi
   * beside its serapan), not yet `claimed`: the one of the same year and period; else the nearest one right of
   * it before the next column of `among`; else, when the table has as many such columns as `among`, the one
   * in the same place (two serapan columns, then their two efisiensi columns).
   */
  companion(role: WriteRole, of: ComputedColumn, among: ComputedColumn[], claimed: Set<number>): RecognisedColumn | undefined {
    const { t } = this;
    const all = t.columns.filter((c) => c.role === role && !c.tick); // tick columns are the ticks rule's
    const free = all.filter((c) => !claimed.has(c.col));
    const found =
      (of.like.year !== null ? free.find((c) => c.year === of.like.year && c.period === of.like.period) : undefined) ??
      free.find((c) => c.col > of.col && c.year === null && !among.some((x) => x.col > of.col && x.col < c.col)) ??
      (all.length === among.length ? free.find((c) => c === all[among.indexOf(of)] && c.year === null) : undefined);
    if (found) claimed.add(found.col);
    return found;
  }

  /** Lists a cell the plan does not write; an empty one gets a note with the reason. */
  skip(row: number, col: number, role: WriteRole | undefined, reason: Message, note = true): void {
    const cell = cellAddress(row, col);
    this.plan.skipped.push({ sheet: this.g.name, cell, role, reason });
    if (note && this.g.isVacant(row, col)) this.plan.notes.push({ sheet: this.g.name, cell, text: this.phrase(message("note-empty", { reason: this.phrase(reason) })) });
  }

  /** Where a computed column's cells go: its existing column, or a new one appended on the right. */
  target(existing: RecognisedColumn | undefined, role: WriteRole, like: RecognisedColumn, measure: string | null, pc: PercentConvention | null): number | null {
    if (existing) return existing.col;
    const { g, t, plan } = this;
    const col = this.nextFree;
    if (col > LAST_COLUMN) {
      this.skip(t.header.top, this.right, role, message("skip-last-column", { table: this.tableName, role }), false);
      return null;
    }
    for (let r = t.header.top; r <= t.body.bottom; r++) {
      // Empty for writing: a cell of spaces or a formula showing "" is the user's, and keeps the column.
      if (!g.isVacant(r, col) || g.merge(r, col)) {
        this.skip(r, col, role, message("skip-column-not-empty", { col, table: this.tableName, role, ...occupant(g, r, col) }), false);
        return null;
      }
    }
    this.nextFree++;
    const header = this.phrase(message("header-column", { role, measure, year: like.year, period: like.period, percent: pc !== null }));
    const top = t.header.top;
    plan.writes.push({ sheet: g.name, cell: cellAddress(top, col), role: "header", value: header, styleFrom: cellAddress(top, this.right) });
    // The new column's header is merged over the label rows (not the number / unit rows).
    const labelBottom = Math.min(...[t.numberRow, t.unitRow, t.header.bottom + 1].filter((x): x is number => x !== null && x > top)) - 1;
    const merge = labelBottom > top ? `${cellAddress(top, col)}:${cellAddress(labelBottom, col)}` : undefined;
    plan.appended.push({ sheet: g.name, table: this.tableName, column: columnLetter(col), role, header, merge });
    if (t.numberRow !== null) {
      const nums = t.columns.map((c) => c.number).filter((n): n is number => n !== undefined);
      if (nums.length) plan.writes.push({ sheet: g.name, cell: cellAddress(t.numberRow, col), role: "header", value: String(Math.max(...nums) + (col - this.right)), styleFrom: cellAddress(t.numberRow, this.right) });
    }
    return col;
  }

  /**
   * Writes one computed cell unless something is there; a typed value is compared by the audit, not
   * replaced. Returns what Excel will hold there after the plan — the formula's result, or the number
   * already in the cell — so formulas reading this cell (predikat, efisiensi, averages) cache the right
   * result, and whether the plan writes it.
   */
  put(s: PutSpec): { value: number | ""; written: boolean } {
    const { g, o, plan } = this;
    const r = s.row.row;
    const cell = cellAddress(r, s.col);
    const m = g.merge(r, s.col);
    if (m && (m.top !== r || m.left !== s.col)) {
      this.skip(r, s.col, s.role, message("skip-inside-merge", { range: `${cellAddress(m.top, m.left)}:${cellAddress(m.bottom, m.right)}` }), false);
      return { value: this.held(r, s.col), written: false };
    }
    if (!o.overwrite) {
      const existing = g.formula(r, s.col);
      if (existing && sameFormula(existing, s.formula)) {
        plan.current.push({ sheet: g.name, cell });
        return { value: this.held(r, s.col), written: false };
      }
      if (existing) {
        this.skip(r, s.col, s.role, message("skip-holds-formula", { formula: existing }), false);
        return { value: this.held(r, s.col), written: false };
      }
      if (g.isBlank(r, s.col) && !g.isVacant(r, s.col)) {
        this.skip(r, s.col, s.role, message("skip-looks-empty", occupant(g, r, s.col)), false);
        return { value: this.held(r, s.col), written: false };
      }
      if (!g.isVacant(r, s.col)) {
        // A text that is just the stored number (no display format known: the .xlsx reader) goes as the
        // number, for the phrase layer to write in the reader's format; Excel's own text goes as it is.
        const [text, value] = [g.text(r, s.col), g.value(r, s.col)];
        const typed = typeof value === "number" && text === String(value) ? value : text;
        this.skip(r, s.col, s.role, message("skip-holds-value", { typed, expected: s.value === "" ? null : s.value }), false);
        return { value: this.held(r, s.col), written: false };
      }
    }
    if (typeof s.value === "number" && !Number.isFinite(s.value)) {
      // Beyond Excel's number range (±1.8e308): Excel would show #NUM!, and no file may hold Infinity.
      this.skip(r, s.col, s.role, message("skip-beyond-range", { inputs: s.inputs }));
      return { value: "", written: false };
    }
    // A formula built piece by piece is held by V8 as a tree of its pieces, several times its length; a plan of
    // half a million cells lives until written, so each formula (one per cell, never shared) is made flat here.
    plan.writes.push({ sheet: g.name, cell, role: s.role, formula: flatText(s.formula), inputs: s.inputs, value: s.value, numberFormat: s.numberFormat, styleFrom: s.appended ? cellAddress(r, s.col - 1) : undefined });
    this.methods.use(s.method.id, s.method.entry, s.formula);
    for (const input of s.inputs) {
      const conversion = this.figureAt(input)?.conversion;
      if (conversion && !this.listed.has(conversion)) {
        this.listed.add(conversion);
        plan.textNumbers.push(conversion);
        // "1.340" read from its row: the converted cell says how.
        if (conversion.reason && conversion.applied) plan.notes.push({ sheet: g.name, cell: conversion.cell, text: this.phrase(conversion.reason) });
      }
    }
    if (s.reconciled) {
      plan.reconciled.push({ sheet: g.name, cell, scaled: s.reconciled.scaled, other: s.reconciled.other, reason: s.reconciled.reason });
      plan.notes.push({ sheet: g.name, cell, text: this.phrase(s.reconciled.reason) });
    }
    if (s.value === "" && s.empty) {
      plan.empty.push({ sheet: g.name, cell, role: s.role, reason: s.empty });
      plan.notes.push({ sheet: g.name, cell, text: this.phrase(message("note-empty", { reason: this.phrase(s.empty) })) });
    }
    return { value: typeof s.value === "number" ? s.value : "", written: true };
  }

  private held(r: number, col: number): number | "" {
    const v = this.g.value(r, col);
    return typeof v === "number" ? v : "";
  }

  /**
   * The percent units of a ratio's operands, reconciled: factors (1 or 100) for the numerator and the
   * denominator, and what to say about it when one side is read ×100.
   */
  unitFactors(row: number, num: { col: number; figure: Figure }, den: { col: number; figure: Figure }): { num: 1 | 100; den: 1 | 100; reconciled: Reconciled | null } {
    const f = percentFactors(num.figure, den.figure);
    if (f.num === 1 && f.den === 1) return { ...f, reconciled: null };
    const [scaled, other] = f.num !== 1 ? [num, den] : [den, num];
    const reason = message("percent-unit-reconciled", { scaled: this.ref(row, scaled.col), scaledRaw: scaled.figure.numeral.raw, other: this.ref(row, other.col), otherRaw: other.figure.numeral.raw });
    return { ...f, reconciled: { scaled: cellAddress(row, scaled.col), other: cellAddress(row, other.col), reason } };
  }

  /** The rows (of `rows`) where a pair's denominator or numerator holds anything, with both figures. */
  operands(pair: Pair, rows: RecognisedRow[]): Operands[] {
    const A = this.figures(pair.a);
    const B = this.figures(pair.b);
    const out: Operands[] = [];
    for (const row of rows) {
      const a = A.get(row.row)!;
      const b = B.get(row.row)!;
      if (a.numeral.kind === "empty" && b.numeral.kind === "empty") continue;
      out.push({ row, a, b, aRef: cellAddress(row.row, pair.a.col), bRef: cellAddress(row.row, pair.b.col) });
    }
    return out;
  }

  /**
   * Why a result read from a pair is empty: the operand (denominator `a`, then numerator `b`, under the
   * roles given) that gives no number; for a ratio, else the denominator being zero.
   */
  whyEmptyPair(pair: Pair, x: Operands, roles: [string, string], ratio: boolean): Message | null {
    const row = x.row.row;
    const missing = this.whyEmpty([{ row, col: pair.a.col, role: roles[0], figure: x.a }, { row, col: pair.b.col, role: roles[1], figure: x.b }]);
    return missing ?? (ratio ? message("empty-zero-divisor", { at: this.ref(row, pair.a.col), role: roles[0] }) : null);
  }

  /** Why a formula reading these operands is empty: the first operand that gives no number. */
  whyEmpty(operands: { row: number; col: number; role: string; figure: Figure | undefined }[]): Message | null {
    for (const x of operands) {
      const f = x.figure;
      const at = this.ref(x.row, x.col);
      if (!f || f.numeral.kind === "empty") return message("empty-input-missing", { at, role: x.role });
      if (f.excel !== undefined) continue;
      if (f.numeral.kind === "marker") return message("empty-input-marker", { at, raw: f.numeral.raw, role: x.role });
      if (f.conversion) return message("empty-input-kept-text", { at, raw: f.numeral.raw, role: x.role });
      return message("empty-input-text", { at, raw: f.numeral.raw.slice(0, 60), role: x.role });
    }
    return null;
  }
}

/**
 * A row of column numbers ("1 2 3 4", "(1) (2) (3)", "8=(7/6)"), whatever kind recognition gave it: at
 * least three cells, all numbering, mostly counting up by one. Such a row never holds figures.
 */
export function isNumberingRow(texts: string[]): boolean {
  const filled = texts.filter(Boolean);
  if (filled.length < 3 || !filled.every((x) => isNumberingText(x) || /^\(?\d+\)?\s*=/.test(x))) return false;
  const numbers = filled.map((x) => parseInt(x.replace(/^\(/, ""), 10)).filter((n) => Number.isFinite(n));
  if (numbers.length < filled.length / 2) return true; // letters "a b c", relations in words
  let steps = 0;
  for (let i = 1; i < numbers.length; i++) if (numbers[i] === numbers[i - 1] + 1) steps++;
  return steps >= (numbers.length - 1) * 0.6;
}

/**
 * Two formulas read alike (no "=", case and spaces aside, and the two guards `AND(ISNUMBER(x),ISNUMBER(y),…`
 * in either order: a capaian and a tingkat kemajuan over the same cells): the add-in's own formula on a rerun.
 */
export function sameFormula(a: string, b: string): boolean {
  const norm = (f: string) =>
    f
      .replace(/^=/, "")
      .replace(/\s+/g, "")
      .toUpperCase()
      .replace(/AND\(ISNUMBER\(([^()]+)\),ISNUMBER\(([^()]+)\),/g, (_, x: string, y: string) => `AND(ISNUMBER(${x < y ? x : y}),ISNUMBER(${x < y ? y : x}),`);
  return norm(a) === norm(b);
}

/** Excel's last column, XFD (0-based). */
const LAST_COLUMN = 16_383;

/** What a cell that is not vacant holds, for messages (spaces, an empty text, a formula a reader may not see). */
function occupant(g: Grid, r: number, c: number): { occupant: string; detail: string | number } {
  const v = g.value(r, c);
  const f = g.formula(r, c);
  if (f) return { occupant: "formula", detail: f };
  if (g.merge(r, c) && v === null) return { occupant: "merged", detail: "" };
  if (v === "") return { occupant: "apostrophe", detail: "" };
  if (typeof v === "string" && v.trim() === "") return { occupant: "spaces", detail: v.length };
  return { occupant: "value", detail: g.text(r, c) };
}

