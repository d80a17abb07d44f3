/**
 * Serapan (realisasi anggaran / pagu) on every budget row and total, and sisa anggaran (pagu − realisasi
 * anggaran) in a table's sisa column. A serapan outside −1 000 … 1 000 % is not written: pagu and
 * realisasi are then not the same kind of amount.
 */
import { cellAddress } from "../../grid";
import { message } from "../../messages";
import { differenceFormula, ratioFormula, ratioValue } from "../../formulas";
import { METHODS } from "../catalogue";
import { ComputedColumn, percentConventionOf, percentFormat, TableContext } from "../context";
import { implausible, MeasureRule } from "./rule";

export const serapanRule: MeasureRule = {
  measure: "serapan",
  apply(ctx: TableContext) {
    const method = { id: "serapan", entry: METHODS.serapan };
    for (const pair of ctx.pairs("serapan")) {
      const pc = percentConventionOf(pair.out);
      const col = ctx.target(pair.out, "serapan", pair.b, null, pc);
      if (col === null) continue;
      const column: ComputedColumn = { col, pc, like: pair.b, pair, cells: new Map() };
      ctx.serapan.push(column);
      const P = ctx.figures(pair.a);
      const RA = ctx.figures(pair.b);
      for (const row of ctx.bodyRows) {
        const pf = P.get(row.row)!;
        const rf = RA.get(row.row)!;
        if (pf.numeral.kind === "empty" && rf.numeral.kind === "empty") continue;
        const pRef = cellAddress(row.row, pair.a.col);
        const rRef = cellAddress(row.row, pair.b.col);
        const value = ratioValue(rf.excel, pf.excel, pc);
        const wild = implausible(ctx, row.row, "serapan", value, pc, pair);
        if (wild) {
          ctx.skip(row.row, col, "serapan", wild);
          continue;
        }
        const empty = value === "" ? ctx.whyEmpty([{ row: row.row, col: pair.a.col, role: "pagu", figure: pf }, { row: row.row, col: pair.b.col, role: "realisasi_anggaran", figure: rf }]) ?? message("empty-zero-divisor", { at: ctx.ref(row.row, pair.a.col), role: "pagu" }) : null;
        const held = ctx.put({ row, col, role: "serapan", formula: ratioFormula(rRef, pRef, pc), inputs: [pRef, rRef], value, numberFormat: percentFormat(pc), appended: !pair.out, method, empty }).value;
        column.cells.set(row.row, { cell: cellAddress(row.row, col), value: held });
      }
    }
  },
};

export const sisaRule: MeasureRule = {
  measure: "sisa_anggaran",
  apply(ctx: TableContext) {
    const method = { id: "sisa", entry: METHODS.sisa };
    for (const pair of ctx.pairs("sisa_anggaran")) {
      if (!pair.out) continue; // a sisa column is filled where the table has one, never appended
      const P = ctx.figures(pair.a);
      const RA = ctx.figures(pair.b);
      for (const row of ctx.bodyRows) {
        const pf = P.get(row.row)!;
        const rf = RA.get(row.row)!;
        if (pf.numeral.kind === "empty" && rf.numeral.kind === "empty") continue;
        const pRef = cellAddress(row.row, pair.a.col);
        const rRef = cellAddress(row.row, pair.b.col);
        const value = pf.excel !== undefined && rf.excel !== undefined ? pf.excel - rf.excel : "";
        const empty = value === "" ? ctx.whyEmpty([{ row: row.row, col: pair.a.col, role: "pagu", figure: pf }, { row: row.row, col: pair.b.col, role: "realisasi_anggaran", figure: rf }]) : null;
        ctx.put({ row, col: pair.out.col, role: "sisa_anggaran", formula: differenceFormula(pRef, rRef), inputs: [pRef, rRef], value, numberFormat: ctx.g.numberFormat(row.row, pair.a.col) ?? "#,##0", appended: false, method, empty });
      }
    }
  },
};
