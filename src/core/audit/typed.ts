/**
 * Typed computed values (capaian, predikat, serapan, efisiensi, sisa, tingkat kemajuan, totals) against
 * what the write plan computes for the same cell with the same rules, each disagreement explained by the
 * likeliest known mistake: truncation, the other percent unit, the wrong polarity or lower-is-better
 * formula, another column of the row — or plain arithmetic.
 */
import { cellAddress, Grid, parseCellAddress } from "../grid";
import { message } from "../messages";
import { parseNumeral, percentValue } from "../numerals";
import { isTickMark } from "../recognition/ticks";
import type { RecognisedRow, RecognisedTable } from "../recognise";
import { capaianValue, CapaianMethod, predikatValue } from "../formulas";
import { FillOptions, predikatScaleOf, WritePlan } from "../writePlan";
import type { Finding, AuditReason } from "./types";
import { where } from "./where";

const METHODS: CapaianMethod[] = ["higher-better", "A", "B", "C"];
export const round = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d;
const trunc = (x: number, d: number) => Math.trunc(x * 10 ** d + 1e-9) / 10 ** d;

/** Decimals a typed figure shows (from its format, or from its text). */
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

export type RowIndex = Map<string, { t: RecognisedTable; row: RecognisedRow }>;

export function typedValueFindings(plan: WritePlan, grids: Map<string, Grid>, rows: RowIndex, o: FillOptions): Finding[] {
  const findings: Finding[] = [];
  for (const w of plan.writes) {
    if (!w.formula || w.role === "header") continue;
    const g = grids.get(w.sheet)!;
    const { row: r, col: c } = parseCellAddress(w.cell);
    if (g.formula(r, c) || g.isBlank(r, c)) continue;
    const ctx = rows.get(`${w.sheet}!${r}`);
    if (!ctx) continue;
    const at = where(g, ctx.t, r);
    if (w.role === "predikat") {
      const typed = g.text(r, c);
      // Consistent with the scale applied to the capaian the table shows (typed or not).
      const shown = w.inputs ? shownPercent(g, w.inputs[0]) : undefined;
      const scale = predikatScaleOf(o);
      const expected = shown === undefined ? w.value : predikatValue(scale, shown, "number");
      if (expected !== "" && typeof expected === "string" && typed.toLowerCase() !== expected.toLowerCase())
        findings.push({ sheet: w.sheet, cell: w.cell, role: "predikat", typed, expected, reason: "predikat-scale", detail: message("audit-predikat-scale", { capaian: shown ?? null, expected, scale: scale.id }), ...at });
      continue;
    }
    if (w.role === "tick") {
      const finding = tickFinding(plan, g, w, ctx);
      if (finding) findings.push({ ...finding, ...at });
      continue;
    }
    if (typeof w.value !== "number") continue;
    const fmt = g.numberFormat(r, c);
    const n = parseNumeral(g.value(r, c), fmt);
    if (n.value === undefined) continue;
    const toPct = (x: number) => (w.numberFormat === "0.00%" ? x * 100 : x);
    const typedPct = n.kind === "percent" && n.percent === "format" ? n.value * 100 : n.value;
    const expectedPct = toPct(w.value);
    const d = shownDecimals(n.raw, fmt);
    if (agrees(typedPct, expectedPct, Math.max(d, 0))) continue;
    findings.push({ sheet: w.sheet, cell: w.cell, role: w.role, typed: round(typedPct, 4), expected: round(expectedPct, 4), ...explain(g, w.inputs, w.role, typedPct, expectedPct, d, ctx), ...at });
  }
  return findings;
}

/**
 * A tick typed in a band the row's capaian is not in (a count or a note under the band is not a tick); the
 * detail names the band the capaian falls in.
 */
function tickFinding(plan: WritePlan, g: Grid, w: WritePlan["writes"][number], ctx: { t: RecognisedTable; row: RecognisedRow }): Omit<Finding, "table" | "tableRange" | "indicator"> | null {
  const { row, col } = parseCellAddress(w.cell);
  const typed = g.text(row, col);
  if (!isTickMark(typed) || w.value !== "") return null;
  const band = (c: number) => ctx.t.columns.find((x) => x.col === c)?.tick?.label ?? "";
  const right = plan.writes.find((x) => x.role === "tick" && x.sheet === w.sheet && x.value !== "" && parseCellAddress(x.cell).row === row && x.inputs?.[0] === w.inputs?.[0]);
  const shown = w.inputs ? shownPercent(g, w.inputs[0]) : undefined;
  const detail = message("audit-tick-band", { capaian: shown ?? null, band: band(col), expected: right ? band(parseCellAddress(right.cell).col) : null });
  return { sheet: w.sheet, cell: w.cell, role: "tick", typed, expected: "", reason: "predikat-scale", detail };
}

/** A figure as the sheet shows it, in percent units. */
function shownPercent(g: Grid, cell: string): number | undefined {
  const { row, col } = parseCellAddress(cell);
  const n = parseNumeral(g.value(row, col), g.numberFormat(row, col));
  return percentValue(n, n.value);
}

/** Why a typed value differs: the likeliest known mistake, or plain arithmetic. */
function explain(g: Grid, inputs: string[] | undefined, role: string, typed: number, expected: number, d: number, ctx: { t: RecognisedTable; row: RecognisedRow }): Pick<Finding, "reason" | "detail"> {
  const is = (reason: AuditReason, detail: Finding["detail"]) => ({ reason, detail });
  if (d >= 1 && Math.abs(trunc(expected, d) - typed) < 1e-9) return is("truncated", message("audit-truncated", { exact: round(expected, d + 2), typed: round(typed, d), rounded: round(expected, d) }));
  if (agrees(typed * 100, expected, 2) || agrees(typed / 100, expected, 4)) return is("percent-unit", message("audit-percent-unit", {}));
  if (role === "capaian" && inputs?.length === 2) {
    const [tCell, rCell] = inputs;
    const T = num(g, tCell);
    const R = num(g, rCell);
    const lower = ctx.row.polarity === "lower-better";
    for (const m of METHODS) {
      const v = capaianValue(m, T, R, "number");
      if (typeof v === "number" && agrees(typed, v, d)) {
        const isLower = m !== "higher-better";
        return is(isLower === lower ? "other-method" : "wrong-polarity", message("audit-matches-method", { method: m, lowerBetter: lower }));
      }
    }
    // Against another figure of the same row (another year's target, the national figure…).
    for (const c of ctx.t.columns.filter((x) => ["target", "realisasi", "target_akhir", "pembanding"].includes(x.role))) {
      const ref = cellAddress(ctx.row.row, c.col);
      if (ref === tCell || ref === rCell) continue;
      const v = num(g, ref);
      if (v === undefined) continue;
      for (const [a, b, numerator, denominator] of [[R, v, rCell, ref], [v, T, ref, tCell]] as const) {
        if (a !== undefined && b !== undefined && b !== 0 && agrees(typed, (a / b) * 100, d))
          return is("other-column", message("audit-matches-other-column", { numerator: refOf(g, numerator), denominator: refOf(g, denominator), role: c.role, year: c.year }));
      }
    }
  }
  return is("arithmetic", message("audit-arithmetic", { typed: round(typed, 4), expected: round(expected, 4) }));
}

const refOf = (g: Grid, cell: string) => ({ sheet: g.name, ...parseCellAddress(cell) });

function num(g: Grid, cell: string): number | undefined {
  const { row, col } = parseCellAddress(cell);
  const n = parseNumeral(g.value(row, col), g.numberFormat(row, col));
  return n.kind === "percent" && n.percent === "format" ? n.value : n.kind === "percent" ? (n.value ?? 0) / 100 : n.value;
}
