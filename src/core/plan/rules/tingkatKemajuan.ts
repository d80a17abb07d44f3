/**
 * Tingkat kemajuan: realisasi against the Renstra end target (Permendagri 86/2017, evaluasi Renstra),
 * with percent units reconciled as for capaian.
 */
import { ratioFormula, ratioValue } from "../../formulas";
import { METHODS } from "../catalogue";
import { percentConventionOf, percentFormat, TableContext } from "../context";
import { implausible, MeasureRule } from "./rule";
import { rankedRatio } from "./capaian";

export const tingkatKemajuanRule: MeasureRule = {
  measure: "tingkat_kemajuan",
  apply(ctx: TableContext) {
    const method = { id: "tingkat-kemajuan", entry: METHODS["tingkat-kemajuan"] };
    for (const pair of ctx.pairs("tingkat_kemajuan")) {
      // A table's capaian already read as realisasi / target akhir is this ratio: appending it again repeats it.
      if (!pair.out && ctx.capaian.some((c) => c.pair.a.col === pair.a.col && c.pair.b.col === pair.b.col)) continue;
      const pc = percentConventionOf(pair.out);
      const col = ctx.target(pair.out, "tingkat_kemajuan", pair.b, null, pc);
      if (col === null) continue;
      for (const x of ctx.operands(pair, ctx.indicatorRows)) {
        const { row, a: af, b: rf, aRef, bRef: rRef } = x;
        // Grades and categorical rungs compare by score and rank, as for capaian.
        const ranked = rankedRatio(ctx, af, rf, aRef, rRef, pc);
        const units = ctx.unitFactors(row.row, { col: pair.b.col, figure: rf }, { col: pair.a.col, figure: af });
        const scaled = (x: number | undefined, k: number) => (x === undefined ? undefined : x * k);
        const value = ranked ? ranked.value : ratioValue(scaled(rf.excel, units.num), scaled(af.excel, units.den), pc);
        const wild = implausible(ctx, row.row, "tingkat_kemajuan", value, pc, pair);
        if (wild) {
          ctx.skip(row.row, col, "tingkat_kemajuan", wild);
          continue;
        }
        const empty = value === "" ? ctx.whyEmptyPair(pair, x, ["target_akhir", "realisasi"], true) : null;
        const formula = ranked ? ranked.formula : ratioFormula(rRef, aRef, pc, { part: units.num, whole: units.den });
        ctx.put({ row, col, role: "tingkat_kemajuan", formula, inputs: [aRef, rRef], value, numberFormat: percentFormat(pc), appended: !pair.out, method: ranked ? ranked.method : method, empty, reconciled: ranked ? null : units.reconciled });
      }
    }
  },
};
