/**
 * The audit: every computed value typed by hand (capaian, predikat, serapan, efisiensi, sisa,
 * tingkat kemajuan, totals) is recomputed with the same rules the write plan uses, and each
 * disagreement is reported with its cell, the typed and the expected value, and why it is probably
 * wrong. Existing formulas are linted too.
 */
import { cellAddress, columnIndex, columnLetter, Grid, parseCellAddress, WorkbookSnapshot } from "./grid";
import { parseNumeral, percentValue } from "./numerals";
import type { RecognisedRow, RecognisedTable, WorkbookAnalysis } from "./recognise";
import { capaianValue, CapaianMethod, PREDIKAT_SCALES, predikatValue } from "./formulas";
import { partsOfParents } from "./hierarchy";
import { CellWrite, DEFAULT_FILL, FillOptions, planWorkbook, predikatScaleOf } from "./writePlan";

export type AuditReason =
  | "wrong-polarity" // computed as if the indicator were higher-better (or the reverse)
  | "other-method" // another lower-is-better formula than the chosen one
  | "truncated" // cut instead of rounded
  | "other-column" // computed against another column (another year's target…)
  | "percent-unit" // a percentage in the other unit (0,95 for 95 %)
  | "arithmetic" // none of the above explains it
  | "total-mismatch" // a parent or total ≠ the sum of its parts
  | "predikat-scale" // predikat inconsistent with the scale
  | "constant-in-formula" // =20906000-R15
  | "inconsistent-formula" // differs from its neighbours down the column
  | "average-in-parent" // AVERAGE where SUM belongs
  | "capaian-above-200"; // suspicious

export interface Finding {
  sheet: string;
  cell: string;
  role: string;
  typed: number | string | null;
  expected: number | string | null;
  reason: AuditReason;
  detail: string;
}

const METHODS: CapaianMethod[] = ["higher-better", "A", "B", "C"];
const round = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d;
const trunc = (x: number, d: number) => Math.trunc(x * 10 ** d + 1e-9) / 10 ** d;

/** Decimals a typed figure shows (from its text, or 2 for a number). */
function shownDecimals(raw: string, numberFormat: string | null): number {
  if (numberFormat) {
    const m = /0\.(0+)/.exec(numberFormat);
    return m ? m[1].length : /0/.test(numberFormat) ? 0 : 2;
  }
  const m = /[.,](\d+)\s*%?\s*$/.exec(raw);
  return m ? m[1].length : 0;
}

/** Equal as shown: the expected value rounded to the typed value's decimals (at least a 0.01-point tolerance). */
function agrees(typed: number, expected: number, decimals: number): boolean {
  return Math.abs(typed - expected) <= 0.005 + 1e-9 || round(expected, decimals) === round(typed, decimals);
}

export function auditWorkbook(snapshot: WorkbookSnapshot, analysis: WorkbookAnalysis, options: Partial<FillOptions> = {}): Finding[] {
  const o: FillOptions = { ...DEFAULT_FILL, ...options, overwrite: true, convertText: true };
  const plan = planWorkbook(snapshot, analysis, o);
  const findings: Finding[] = [];
  const grids = new Map(snapshot.sheets.map((s) => [s.name, new Grid(s)]));
  const tableAt = new Map<string, { t: RecognisedTable; row: RecognisedRow }>();
  for (const s of analysis.sheets) for (const t of s.tables) for (const r of t.rows) tableAt.set(`${s.name}!${r.row}`, { t, row: r });

  for (const w of plan.writes) {
    if (!w.formula || w.role === "header") continue;
    const g = grids.get(w.sheet)!;
    const { row: r, col: c } = parseCellAddress(w.cell);
    if (g.formula(r, c) || g.isEmpty(r, c)) continue;
    const raw = g.value(r, c);
    const fmt = g.numberFormat(r, c);
    if (w.role === "predikat") {
      const typed = g.text(r, c);
      // Consistent with the scale applied to the capaian the table shows (typed or not).
      const shown = w.inputs ? shownPercent(g, w.inputs[0]) : undefined;
      const scale = predikatScaleOf(o);
      const expected = shown === undefined ? w.value : predikatValue(scale, shown, "number");
      if (expected !== "" && typeof expected === "string" && typed.toLowerCase() !== expected.toLowerCase())
        findings.push({ sheet: w.sheet, cell: w.cell, role: "predikat", typed, expected, reason: "predikat-scale", detail: `capaian ${shown ?? "?"} % is "${expected}" on ${scale.label}` });
      continue;
    }
    if (typeof w.value !== "number") continue;
    const n = parseNumeral(raw, fmt);
    if (n.value === undefined) continue;
    const pcFraction = w.numberFormat === "0.00%";
    const toPct = (x: number) => (pcFraction ? x * 100 : x);
    const typedPct = n.kind === "percent" && n.percent === "format" ? n.value * 100 : n.value;
    const expectedPct = toPct(w.value);
    const d = shownDecimals(n.raw, fmt);
    if (agrees(typedPct, expectedPct, Math.max(d, 0))) continue;
    const f: Finding = { sheet: w.sheet, cell: w.cell, role: w.role, typed: round(typedPct, 4), expected: round(expectedPct, 4), reason: "arithmetic", detail: "" };
    const ctx = tableAt.get(`${w.sheet}!${r}`);
    f.reason = explain(g, w.inputs, typedPct, expectedPct, d, ctx, f);
    findings.push(f);
  }
  for (const s of analysis.sheets) {
    const g = grids.get(s.name)!;
    for (const t of s.tables) {
      findings.push(...checkTotals(g, t), ...lintFormulas(g, t));
      for (const c of t.columns.filter((x) => x.role === "capaian")) {
        for (const row of t.rows.filter((x) => x.kind === "data")) {
          const n = parseNumeral(g.value(row.row, c.col), g.numberFormat(row.row, c.col));
          const p = percentValue(n, n.value);
          if (p !== undefined && p > 200)
            findings.push({ sheet: s.name, cell: cellAddress(row.row, c.col), role: "capaian", typed: round(p, 2), expected: null, reason: "capaian-above-200", detail: "capaian above 200 %: check the target, the unit or the polarity" });
        }
      }
    }
  }
  return findings;
}

/** A figure as the sheet shows it, in percent units. */
function shownPercent(g: Grid, cell: string): number | undefined {
  const { row, col } = parseCellAddress(cell);
  const n = parseNumeral(g.value(row, col), g.numberFormat(row, col));
  return percentValue(n, n.value);
}

/** Why a typed value differs: the likeliest known mistake, or plain arithmetic. */
function explain(g: Grid, inputs: string[] | undefined, typed: number, expected: number, d: number, ctx: { t: RecognisedTable; row: RecognisedRow } | undefined, f: Finding): AuditReason {
  if (d >= 1 && Math.abs(trunc(expected, d) - typed) < 1e-9) {
    f.detail = `${round(expected, d + 2)} cut to ${round(typed, d)} instead of rounded to ${round(expected, d)}`;
    return "truncated";
  }
  if (agrees(typed * 100, expected, 2) || agrees(typed / 100, expected, 4)) {
    f.detail = "the same figure in the other percent unit";
    return "percent-unit";
  }
  if (f.role === "capaian" && inputs?.length === 2 && ctx) {
    const [tCell, rCell] = inputs;
    const T = num(g, tCell);
    const R = num(g, rCell);
    const lower = ctx.row.polarity === "lower-better";
    for (const m of METHODS) {
      const v = capaianValue(m, T, R, "number");
      if (typeof v === "number" && agrees(typed, v, d)) {
        const isLower = m !== "higher-better";
        f.detail = isLower ? `matches formula ${m} (${m === "A" ? "2T−R" : m === "B" ? "T/R" : "T−R"})` : "matches realisasi / target";
        f.detail += lower ? `; the indicator is lower-is-better (${ctx.row.polarityReason?.code ?? ""})` : "; the indicator is higher-is-better";
        return isLower === lower ? "other-method" : "wrong-polarity";
      }
    }
    // Against another figure of the same row (another year's target, the national figure…).
    for (const c of ctx.t.columns.filter((x) => ["target", "realisasi", "target_akhir", "pembanding"].includes(x.role))) {
      const ref = cellAddress(ctx.row.row, c.col);
      if (ref === tCell || ref === rCell) continue;
      const v = num(g, ref);
      if (v === undefined) continue;
      for (const [a, b, text] of [[R, v, `${rCell} / ${ref}`], [v, T, `${ref} / ${tCell}`]] as const) {
        if (a !== undefined && b !== undefined && b !== 0 && agrees(typed, (a / b) * 100, d)) {
          f.detail = `matches ${text} (${c.role}${c.year ? " " + c.year : ""})`;
          return "other-column";
        }
      }
    }
  }
  f.detail = `typed ${round(typed, 4)}, the formula gives ${round(expected, 4)}`;
  return "arithmetic";
}

function num(g: Grid, cell: string): number | undefined {
  const { row, col } = parseCellAddress(cell);
  const n = parseNumeral(g.value(row, col), g.numberFormat(row, col));
  return n.kind === "percent" && n.percent === "format" ? n.value : n.kind === "percent" ? (n.value ?? 0) / 100 : n.value;
}

/** A parent's pagu / realisasi anggaran = the sum of its children's; a total = the sum of the top level. */
function checkTotals(g: Grid, t: RecognisedTable): Finding[] {
  const out: Finding[] = [];
  const money = t.columns.filter((c) => c.role === "pagu" || c.role === "realisasi_anggaran");
  if (!money.length) return out;
  for (const { parent, parts: children } of partsOfParents(t.rows)) {
    for (const c of money) {
      const typed = moneyAt(g, parent.row, c.col);
      if (typed === undefined) continue;
      const parts = children.map((ch) => moneyAt(g, ch.row, c.col));
      if (parts.some((p) => p === undefined)) continue;
      const sum = parts.reduce((a, b) => a! + b!, 0)!;
      if (Math.abs(sum - typed) > 0.5)
        out.push({ sheet: g.name, cell: cellAddress(parent.row, c.col), role: c.role, typed, expected: sum, reason: "total-mismatch", detail: `${parent.kind === "total" ? "total" : parent.level} ≠ sum of its ${children.length} ${children[0].level ?? "row"}(s) (difference ${round(typed - sum, 2)})` });
    }
  }
  return out.sort((a, b) => parseCellAddress(a.cell).row - parseCellAddress(b.cell).row);
}

function moneyAt(g: Grid, row: number, col: number): number | undefined {
  const n = parseNumeral(g.value(row, col), g.numberFormat(row, col));
  return n.value ?? (n.ambiguous ? n.ambiguous.asGrouping : undefined);
}

/** Formulas already in the table: constants typed inside, one that differs from its column, AVERAGE in a parent. */
function lintFormulas(g: Grid, t: RecognisedTable): Finding[] {
  const out: Finding[] = [];
  const body = t.rows.filter((r) => r.kind === "data" || r.kind === "group" || r.kind === "total");
  for (const c of t.columns) {
    const shapes = new Map<string, number>();
    const cells = body.map((r) => ({ r, f: g.formula(r.row, c.col) })).filter((x) => x.f) as { r: RecognisedRow; f: string }[];
    for (const x of cells) {
      const shape = relativeShape(x.f, x.r.row + 1, c.col);
      shapes.set(shape, (shapes.get(shape) ?? 0) + 1);
      const cell = cellAddress(x.r.row, c.col);
      const constant = /(?<![A-Z$\d.])(\d{4,}(?:\.\d+)?)(?![\d(])/.exec(x.f.replace(/\*100\b|\/100\b/g, ""));
      if (constant) out.push({ sheet: g.name, cell, role: c.role, typed: x.f, expected: null, reason: "constant-in-formula", detail: `the number ${constant[1]} is typed inside the formula; it should come from a cell` });
      if (x.r.kind !== "data" && /\bAVERAGE\(/i.test(x.f) && (c.role === "pagu" || c.role === "realisasi_anggaran" || c.role === "sisa_anggaran"))
        out.push({ sheet: g.name, cell, role: c.role, typed: x.f, expected: null, reason: "average-in-parent", detail: "a parent's amount is the SUM of its parts, not their AVERAGE" });
    }
    const dataCells = cells.filter((x) => x.r.kind === "data");
    if (dataCells.length >= 3) {
      const dataShapes = new Map<string, number>();
      for (const x of dataCells) {
        const s = relativeShape(x.f, x.r.row + 1, c.col);
        dataShapes.set(s, (dataShapes.get(s) ?? 0) + 1);
      }
      const [common, count] = [...dataShapes.entries()].sort((a, b) => b[1] - a[1])[0];
      if (count >= dataCells.length / 2 && count >= 2)
        for (const x of dataCells)
          if (relativeShape(x.f, x.r.row + 1, c.col) !== common)
            out.push({ sheet: g.name, cell: cellAddress(x.r.row, c.col), role: c.role, typed: x.f, expected: null, reason: "inconsistent-formula", detail: `differs from the ${count} other formulas of column ${columnLetter(c.col)}` });
    }
  }
  return out;
}

/** A formula with its references made relative to its own cell (R[0]C[-2]), so a column's formulas compare. */
function relativeShape(formula: string, row: number, col: number): string {
  return formula.replace(/(\$?)([A-Z]{1,3})(\$?)(\d+)/g, (_, ca, letters, ra, digits) => {
    const c = ca ? `C${columnIndex(letters)}` : `C[${columnIndex(letters) - col}]`;
    const r = ra ? `R${digits}` : `R[${Number(digits) - row}]`;
    return r + c;
  });
}

/** Light red, Excel's own "bad" fill: the cells of the findings, marked so they can be found in the sheet. */
export const HIGHLIGHT_FILL = "#FFC7CE";

/** Highlighting the findings is a write like any other (undoable): only the fill changes. */
export function highlightWrites(findings: Finding[]): CellWrite[] {
  const seen = new Set<string>();
  const out: CellWrite[] = [];
  for (const f of findings) {
    const k = `${f.sheet}!${f.cell}`;
    if (seen.has(k)) continue;
    seen.add(k);
    out.push({ sheet: f.sheet, cell: f.cell, role: "highlight", value: null, fill: HIGHLIGHT_FILL });
  }
  return out;
}
