/**
 * Capaian: realisasi against target, per indicator row, with the indicator's polarity (higher or lower
 * is better, with the chosen lower-is-better formula), grades by their scores and categorical ladders by
 * rank. Operands in different percent units are reconciled in the formula and said so; a result outside
 * −1 000 … 1 000 % is not written (an empty cell with its reason), as it cannot be a right number.
 */
import { cellAddress } from "../../grid";
import { message } from "../../messages";
import { CATEGORICAL_SCALES } from "../../numerals";
import type { Polarity } from "../../polarity";
import type { RecognisedRow } from "../../recognise";
import { rowKey } from "../../choices";
import { CapaianMethod, capaianFormula, capaianValue, gradeCapaianFormula, ladderCapaianFormula, PercentConvention, ratioValue } from "../../formulas";
import { capaianMethodId, ladderMethod, MethodEntry, METHODS } from "../catalogue";
import { ComputedColumn, percentConventionOf, percentFormat, Reconciled, TableContext } from "../context";
import type { Figure } from "../figures";
import { ladderRanges } from "../ladders";
import { implausible, MeasureRule } from "./rule";

interface CapaianChoice {
  formula: string;
  value: number | "";
  polarity: Polarity;
  method: { id: string; entry: MethodEntry };
  reconciled: Reconciled | null;
}

export const capaianRule: MeasureRule = {
  measure: "capaian",
  apply(ctx: TableContext) {
    const { g, t, plan } = ctx;
    const indicatorCol = t.columns.find((c) => c.role === "indikator") ?? t.columns.find((c) => c.role === "nomenklatur");
    for (const pair of ctx.pairs("capaian")) {
      const pc = percentConventionOf(pair.out);
      const col = ctx.target(pair.out, "capaian", pair.b, pair.b.measure, pc);
      if (col === null) continue;
      const column: ComputedColumn = { col, pc, like: pair.b, pair, cells: new Map() };
      ctx.capaian.push(column);
      for (const x of ctx.operands(pair, ctx.indicatorRows)) {
        const { row, a: tf, b: rf, aRef: tRef, bRef: rRef } = x;
        const choice = capaianFor(ctx, row, { col: pair.a.col, figure: tf }, { col: pair.b.col, figure: rf }, pc);
        if (!choice) {
          ctx.skip(row.row, col, "capaian", message("skip-not-comparable", { target: ctx.ref(row.row, pair.a.col), targetRaw: tf.numeral.raw, targetKind: tf.numeral.kind, realisasi: ctx.ref(row.row, pair.b.col), realisasiRaw: rf.numeral.raw, realisasiKind: rf.numeral.kind }));
          continue;
        }
        const wild = implausible(ctx, row.row, "capaian", choice.value, pc, pair);
        if (wild) {
          ctx.skip(row.row, col, "capaian", wild);
          continue;
        }
        const empty = choice.value === "" ? ctx.whyEmptyPair(pair, x, ["target", "realisasi"], true) : null;
        const held = ctx.put({ row, col, role: "capaian", formula: choice.formula, inputs: [tRef, rRef], value: choice.value, numberFormat: percentFormat(pc), appended: !pair.out, method: choice.method, empty, reconciled: choice.reconciled });
        // A capaian typed as text ("95,56%") is read as the number it shows by the formulas after it (predikat).
        const typed = !held.written && pair.out ? ctx.figures(pair.out).get(row.row) : undefined;
        column.cells.set(row.row, { cell: cellAddress(row.row, col), value: typed?.conversion && typed.excel !== undefined ? typed.excel : held.value });
        if (held.written && indicatorCol) plan.choices.push({ sheet: g.name, row: row.row, indicator: g.text(row.row, indicatorCol.col), polarity: choice.polarity, reason: row.polarityReason ?? null, method: choice.method.id });
      }
    }
  },
};

/**
 * Two grades compare by their scores ("A (80.35)" / "BB (75)"), two rungs of one categorical ladder by
 * their ranks (Nindya / Madya); null for anything else.
 */
export function rankedRatio(ctx: TableContext, tf: Figure, rf: Figure, tRef: string, rRef: string, pc: PercentConvention): Omit<CapaianChoice, "reconciled"> | null {
  const limits = ctx.o.limits ?? {};
  if (tf.numeral.kind === "grade" && rf.numeral.kind === "grade") {
    const value = ratioValue(rf.numeral.value, tf.numeral.value, pc, limits);
    return { formula: gradeCapaianFormula(tRef, rRef, pc, limits), value, polarity: "higher-better", method: { id: "capaian-grade", entry: METHODS["capaian-grade"] } };
  }
  if (tf.numeral.kind === "category" && rf.numeral.kind === "category" && tf.numeral.category!.scale === rf.numeral.category!.scale) {
    const scale = CATEGORICAL_SCALES.find((s) => s.id === tf.numeral.category!.scale)!;
    const value = ratioValue(rf.numeral.category!.rank, tf.numeral.category!.rank, pc, limits);
    return { formula: ladderCapaianFormula(tRef, rRef, ladderRanges(ctx.legendName, scale.id), pc, limits), value, polarity: "categorical", method: ladderMethod(scale.id) };
  }
  return null;
}

/** The capaian formula for one row, from the kinds of its inputs and the indicator's polarity. */
function capaianFor(ctx: TableContext, row: RecognisedRow, target: { col: number; figure: Figure }, realisasi: { col: number; figure: Figure }, pc: PercentConvention): CapaianChoice | null {
  const { o, g } = ctx;
  const limits = o.limits ?? {};
  const [tf, rf] = [target.figure, realisasi.figure];
  const [tRef, rRef] = [cellAddress(row.row, target.col), cellAddress(row.row, realisasi.col)];
  const ranked = rankedRatio(ctx, tf, rf, tRef, rRef, pc);
  if (ranked) return { ...ranked, reconciled: null };
  const numeric = (f: Figure) => f.excel !== undefined || f.conversion !== undefined || f.numeral.kind === "marker" || f.numeral.kind === "empty";
  if (!numeric(tf) || !numeric(rf)) return null;
  const where = rowKey(g.name, row.row);
  const polarity = o.polarity?.[where] ?? (row.polarity === "lower-better" ? "lower-better" : "higher-better");
  const method: CapaianMethod = polarity === "lower-better" ? o.negativeByRow?.[where] ?? o.negative : "higher-better";
  const units = ctx.unitFactors(row.row, realisasi, target);
  const scaled = (f: Figure, k: number) => (f.excel === undefined ? undefined : f.excel * k);
  return {
    formula: capaianFormula(method, tRef, rRef, pc, limits, { target: units.den, realisasi: units.num }),
    value: capaianValue(method, scaled(tf, units.den), scaled(rf, units.num), pc, limits),
    polarity,
    method: { id: capaianMethodId(method), entry: METHODS[capaianMethodId(method)] },
    reconciled: units.reconciled,
  };
}
