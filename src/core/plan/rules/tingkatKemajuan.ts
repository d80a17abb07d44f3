/**
 * Tingkat kemajuan: realisasi against the Renstra end target (Permendagri 86/2017, evaluasi Renstra),
 * with percent units reconciled as for capaian.
 */
import { cellAddress } from "../../grid";
import { message } from "../../messages";
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
      const pc = percentConventionOf(pair.out);
      const col = ctx.target(pair.out, "tingkat_kemajuan", pair.b, null, pc);
      if (col === null) continue;
      const A = ctx.figures(pair.a);
      const R = ctx.figures(pair.b);
      for (const row of ctx.indicatorRows) {
        const af = A.get(row.row)!;
        const rf = R.get(row.row)!;
        if (af.numeral.kind === "empty" && rf.numeral.kind === "empty") continue;
        const aRef = cellAddress(row.row, pair.a.col);
        const rRef = cellAddress(row.row, pair.b.col);
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
        const empty = value === "" ? ctx.whyEmpty([{ row: row.row, col: pair.a.col, role: "target_akhir", figure: af }, { row: row.row, col: pair.b.col, role: "realisasi", figure: rf }]) ?? message("empty-zero-divisor", { at: ctx.ref(row.row, pair.a.col), role: "target_akhir" }) : null;
        const formula = ranked ? ranked.formula : ratioFormula(rRef, aRef, pc, { part: units.num, whole: units.den });
        ctx.put({ row, col, role: "tingkat_kemajuan", formula, inputs: [aRef, rRef], value, numberFormat: percentFormat(pc), appended: !pair.out, method: ranked ? ranked.method : method, empty, reconciled: ranked ? null : units.reconciled });
      }
    }
  },
};
