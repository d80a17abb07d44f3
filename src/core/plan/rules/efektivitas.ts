/**
 * Efektivitas, where the table has the column: (target / pagu) / (realisasi / realisasi anggaran), the
 * formula one seed report prints.
 */
import { cellAddress } from "../../grid";
import { efektivitasFormula } from "../../formulas";
import { METHODS } from "../catalogue";
import { percentConventionOf, percentFormat, TableContext } from "../context";
import type { MeasureRule } from "./rule";

export const efektivitasRule: MeasureRule = {
  measure: "efisiensi",
  apply(ctx: TableContext) {
    const { t } = ctx;
    const outs = t.columns.filter((c) => c.role === "efektivitas");
    const operands = (["target", "pagu", "realisasi", "realisasi_anggaran"] as const).map((role) => t.columns.find((c) => c.role === role));
    if (!outs.length || operands.some((c) => !c)) return;
    const cols = operands.map((c) => c!);
    const figures = cols.map((c) => ctx.figures(c));
    const method = { id: "efektivitas", entry: METHODS.efektivitas };
    for (const out of outs) {
      const pc = percentConventionOf(out);
      for (const row of ctx.indicatorRows) {
        const f = figures.map((F) => F.get(row.row));
        if (f.every((x) => x?.numeral.kind === "empty")) continue;
        const refs = cols.map((c) => cellAddress(row.row, c.col));
        const [tv, pv, rv, rav] = f.map((x) => x?.excel);
        const value = tv !== undefined && pv && rv && rav ? (tv / pv / (rv / rav)) * (pc === "number" ? 100 : 1) : "";
        const empty = value === "" ? ctx.whyEmpty(cols.map((c, i) => ({ row: row.row, col: c.col, role: c.role, figure: f[i] }))) : null;
        ctx.put({ row, col: out.col, role: "efisiensi", formula: efektivitasFormula(refs[0], refs[1], refs[2], refs[3], pc), inputs: refs, value, numberFormat: percentFormat(pc), appended: false, method, empty });
      }
    }
  },
};
