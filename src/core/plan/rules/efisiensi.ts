/**
 * Efisiensi, next to each serapan column, by the chosen method: sederhana (100 % − serapan), or PMK 214
 * (E from pagu, capaian and realisasi anggaran per row; a program or total over the parts that have a
 * capaian) with its nilai efisiensi NE beside it.
 */
import { cellAddress } from "../../grid";
import { message } from "../../messages";
import { nilaiEfisiensiFormula, nilaiEfisiensiValue, pmk214Formula, pmk214GroupFormula, pmk214GroupValue, pmk214Value, simpleEfficiencyFormula } from "../../formulas";
import type { RecognisedRow } from "../../recognise";
import { rollupParts } from "../../rollup";
import { METHODS } from "../catalogue";
import { ComputedColumn, HeldCell, percentFormat, TableContext } from "../context";
import type { MeasureRule } from "./rule";
import { codeReader } from "./totals";

export const efisiensiRule: MeasureRule = {
  measure: "efisiensi",
  apply(ctx: TableContext) {
    const { o } = ctx;
    if (o.efficiency === "none") return;
    const claimed = new Set<number>();
    for (const serapan of ctx.serapan) {
      const existing = ctx.companion("efisiensi", serapan, ctx.serapan, claimed);
      const col = ctx.target(existing, "efisiensi", serapan.pair.b, null, serapan.pc);
      if (col === null) continue;
      const written = o.efficiency === "sederhana" ? sederhana(ctx, serapan, col, !existing) : pmk214(ctx, serapan, col, !existing);
      if (written.size) nilaiEfisiensi(ctx, serapan, written);
    }
  },
};

function sederhana(ctx: TableContext, serapan: ComputedColumn, col: number, appended: boolean): Map<number, HeldCell> {
  const method = { id: "efisiensi-sederhana", entry: METHODS["efisiensi-sederhana"] };
  const whole = serapan.pc === "number" ? 100 : 1;
  for (const row of ctx.bodyRows) {
    const s = serapan.cells.get(row.row);
    if (!s) continue;
    const empty = s.value === "" ? message("empty-input-empty", { at: ctx.refOf(s.cell), role: "serapan" }) : null;
    ctx.put({ row, col, role: "efisiensi", formula: simpleEfficiencyFormula(s.cell, serapan.pc), inputs: [s.cell], value: s.value === "" ? "" : whole - s.value, numberFormat: percentFormat(serapan.pc), appended, method, empty });
  }
  return new Map(); // nilai efisiensi belongs to PMK 214
}

function pmk214(ctx: TableContext, serapan: ComputedColumn, col: number, appended: boolean): Map<number, HeldCell> {
  const { g, t } = ctx;
  const { pair, pc } = serapan;
  const P = ctx.figures(pair.a);
  const RA = ctx.figures(pair.b);
  const firstCapaian = (row: number) => ctx.capaian.map((c) => c.cells.get(row) && { ...c.cells.get(row)!, pc: c.pc }).find((x) => x);
  const ratio = (cap: { value: number | ""; pc: string }) => (cap.value === "" ? undefined : cap.pc === "number" ? cap.value / 100 : cap.value);
  const parents = rollupParts(ctx.bodyRows, codeReader(g, t));
  const parentRows = new Set(parents.map((x) => x.parent.row));
  const out = new Map<number, HeldCell>();
  const single = { id: "efisiensi-pmk214", entry: METHODS["efisiensi-pmk214"] };
  // A parent row gets the group's E (below); any other row its own.
  for (const row of ctx.bodyRows) {
    if (!serapan.cells.has(row.row) || parentRows.has(row.row)) continue;
    const cap = firstCapaian(row.row);
    if (!cap) {
      ctx.skip(row.row, col, "efisiensi", message("skip-pmk214-no-capaian", {}));
      continue;
    }
    const [pRef, rRef] = [cellAddress(row.row, pair.a.col), cellAddress(row.row, pair.b.col)];
    const value = pmk214Value(P.get(row.row)?.excel, RA.get(row.row)?.excel, ratio(cap), pc);
    const empty = value === "" ? message("empty-input-empty", { at: ctx.refOf(cap.cell), role: "capaian" }) : null;
    const held = ctx.put({ row, col, role: "efisiensi", formula: pmk214Formula(pRef, rRef, cap.cell, cap.pc, pc), inputs: [pRef, rRef, cap.cell], value, numberFormat: percentFormat(pc), appended, method: single, empty }).value;
    out.set(row.row, { cell: cellAddress(row.row, col), value: held });
  }
  // Groups: Σ over the parts that have a capaian, SUMPRODUCT over adjacent parts.
  const group = { id: "efisiensi-pmk214-kelompok", entry: METHODS["efisiensi-pmk214-kelompok"] };
  for (const { parent, parts } of parents) {
    const withCap = parts.filter((r) => firstCapaian(r.row));
    if (!withCap.length) continue;
    const caps = withCap.map((r) => firstCapaian(r.row)!);
    const ref = (r: RecognisedRow, c: number) => cellAddress(r.row, c);
    const Pc = withCap.map((r) => ref(r, pair.a.col));
    const RAc = withCap.map((r) => ref(r, pair.b.col));
    const C = caps.map((x) => x.cell);
    const adjacent = withCap.length === parts.length && parts.every((r, i) => i === 0 || r.row === parts[i - 1].row + 1) && new Set(caps.map((x) => x.cell.replace(/\d+$/, ""))).size === 1;
    const span = (refs: string[]) => `${refs[0]}:${refs[refs.length - 1]}`;
    const formula = pmk214GroupFormula(Pc, RAc, C, caps[0].pc, pc, adjacent ? { pagu: span(Pc), realisasiAnggaran: span(RAc), capaian: span(C) } : undefined);
    const value = pmk214GroupValue(withCap.map((r, i) => ({ pagu: P.get(r.row)?.excel, ra: RA.get(r.row)?.excel, capaianRatio: ratio(caps[i]) })), pc);
    const empty = value === "" ? message("empty-input-empty", { at: ctx.refOf(C[0]), role: "capaian" }) : null;
    const held = ctx.put({ row: parent, col, role: "efisiensi", formula, inputs: [...Pc, ...RAc, ...C], value, numberFormat: percentFormat(pc), appended, method: group, empty }).value;
    out.set(parent.row, { cell: cellAddress(parent.row, col), value: held });
  }
  return out;
}

/** Nilai efisiensi NE next to E (PMK 214). */
function nilaiEfisiensi(ctx: TableContext, serapan: ComputedColumn, e: Map<number, HeldCell>) {
  const existing = ctx.t.columns.find((c) => /nilai\s+efisiensi/i.test(c.header));
  const col = ctx.target(existing, "nilai_efisiensi", serapan.pair.b, null, serapan.pc);
  if (col === null) return;
  const method = { id: "nilai-efisiensi", entry: METHODS["nilai-efisiensi"] };
  for (const row of ctx.bodyRows) {
    const held = e.get(row.row);
    if (!held) continue;
    const empty = held.value === "" ? message("empty-input-empty", { at: ctx.refOf(held.cell), role: "efisiensi" }) : null;
    ctx.put({ row, col, role: "nilai_efisiensi", formula: nilaiEfisiensiFormula(held.cell, serapan.pc), inputs: [held.cell], value: nilaiEfisiensiValue(held.value, serapan.pc), numberFormat: percentFormat(serapan.pc), appended: !existing, method, empty });
  }
}
