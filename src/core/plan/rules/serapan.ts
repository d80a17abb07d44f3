/**
 * Serapan (realisasi anggaran / pagu) on every budget row and total, and sisa anggaran (pagu − realisasi
 * anggaran) in a table's sisa column. A serapan outside −1 000 … 1 000 % is not written: pagu and
 * realisasi are then not the same kind of amount.
 */
import { cellAddress } from "../../grid";
import { differenceFormula, ratioFormula, ratioValue } from "../../formulas";
import { METHODS } from "../catalogue";
import { ComputedColumn, percentConventionOf, percentFormat, TableContext } from "../context";
import { implausible, MeasureRule } from "./rule";

const BUDGET_ROLES: [string, string] = ["pagu", "realisasi_anggaran"];

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
      for (const x of ctx.operands(pair, ctx.bodyRows)) {
        const { row, aRef: pRef, bRef: rRef } = x;
        const value = ratioValue(x.b.excel, x.a.excel, pc);
        const wild = implausible(ctx, row.row, "serapan", value, pc, pair);
        if (wild) {
          ctx.skip(row.row, col, "serapan", wild);
          continue;
        }
        const empty = value === "" ? ctx.whyEmptyPair(pair, x, BUDGET_ROLES, true) : null;
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
      for (const x of ctx.operands(pair, ctx.bodyRows)) {
        const { row, aRef: pRef, bRef: rRef } = x;
        const value = x.a.excel !== undefined && x.b.excel !== undefined ? x.a.excel - x.b.excel : "";
        const empty = value === "" ? ctx.whyEmptyPair(pair, x, BUDGET_ROLES, false) : null;
        ctx.put({ row, col: pair.out.col, role: "sisa_anggaran", formula: differenceFormula(pRef, rRef), inputs: [pRef, rRef], value, numberFormat: ctx.g.numberFormat(row.row, pair.a.col) ?? "#,##0", appended: false, method, empty });
      }
    }
  },
};
