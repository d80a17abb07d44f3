/**
 * Totals: an empty program / kegiatan / total amount is the SUM of its direct parts — by the code tree
 * when the table has budget codes (to any depth, account rows included), else by hierarchy level — built
 * bottom-up so a program's SUM reads its kegiatan's SUMs. Typed totals are the audit's business. Only
 * money is summed, never percentages, indices or ratios.
 */
import { cellAddress } from "../../grid";
import { sumFormula } from "../../formulas";
import { message, Message } from "../../messages";
import type { RecognisedColumn, RecognisedRow, RecognisedTable } from "../../recognise";
import { TOTAL_RE } from "../../recognition/body";
import { rollupParts } from "../../rollup";
import type { Grid } from "../../grid";
import { METHODS } from "../catalogue";
import type { TableContext } from "../context";
import type { MeasureRule } from "./rule";

/** The text a row's budget code is read from: the kode cell, else the name cell (codes typed before the name). */
export function codeReader(g: Grid, t: Pick<RecognisedTable, "columns">): (r: { row: number }) => string {
  const kode = t.columns.find((c) => c.role === "kode");
  const name = t.columns.find((c) => ["nomenklatur", "program", "kegiatan", "subkegiatan"].includes(c.role));
  return (r) => (kode && g.text(r.row, kode.col)) || (name ? g.text(r.row, name.col) : "");
}

/** The label of a total row: the first of its first cells that reads as a total ("Sub Total", "TOTAL", "Rata-rata"). */
function totalLabel(g: Grid, row: number): string {
  const texts = g.filledColumns(row).slice(0, 3).map((c) => g.text(row, c));
  return texts.find((x) => TOTAL_RE.test(x)) ?? texts.find((x) => /[a-z]/i.test(x)) ?? "";
}
const AVERAGE_RE = /^rata[\s-]*rata\b/i;
/** "TOTAL", "JUMLAH TOTAL", "Total Keseluruhan", "Grand Total", "Jumlah Seluruhnya": the total of the whole table. */
const GRAND_RE = /^(grand\s*total|total|jumlah\s+(total|keseluruhan|seluruhnya|semua)|total\s+(keseluruhan|seluruhnya|semua))\s*:?$/i;

/**
 * Why a total row gets no SUM, or null: an average row; a grand total closing a block whose own subtotal is
 * missing while earlier blocks have one (it may be the block's subtotal or the sum of everything: unclear).
 */
function unclearTotal(g: Grid, rows: RecognisedRow[], parent: RecognisedRow, parts: RecognisedRow[]): Message | null {
  if (parent.kind !== "total") return null;
  const text = totalLabel(g, parent.row);
  if (AVERAGE_RE.test(text)) return message("skip-total-average-row", { text });
  const subtotalsAbove = rows.some((r) => r.kind === "total" && r.row < parent.row);
  if (subtotalsAbove && GRAND_RE.test(text) && !parts.some((p) => p.kind === "total")) return message("skip-total-after-subtotals", { text });
  return null;
}

const isMoney = (c: RecognisedColumn) => c.role === "pagu" || c.role === "realisasi_anggaran" || (c.measure === "Rp" && (c.role === "target" || c.role === "realisasi"));

export const totalsRule: MeasureRule = {
  measure: "total",
  apply(ctx: TableContext) {
    const { g, t } = ctx;
    const parents = rollupParts(ctx.bodyRows, codeReader(g, t));
    const method = { id: "jumlah", entry: METHODS.jumlah };
    const unclear = new Map(parents.map(({ parent, parts }) => [parent.row, unclearTotal(g, ctx.bodyRows, parent, parts)]));
    for (const c of t.columns.filter(isMoney)) {
      const F = ctx.figures(c);
      for (const { parent, parts } of parents) {
        const pf = F.get(parent.row)!;
        if (pf.numeral.kind !== "empty") continue; // typed totals are the audit's business
        const why = unclear.get(parent.row);
        if (why) {
          ctx.skip(parent.row, c.col, "total", why);
          continue;
        }
        const figures = parts.map((r) => F.get(r.row));
        if (figures.every((f) => f?.excel === undefined)) continue;
        // SUM skips text: a part kept as text would make the total wrong, so no total is written.
        const kept = parts.find((r) => F.get(r.row)?.conversion && F.get(r.row)?.excel === undefined);
        if (kept) {
          ctx.skip(parent.row, c.col, "total", ctx.whyEmpty([{ row: kept.row, col: c.col, role: c.role, figure: F.get(kept.row) }])!);
          continue;
        }
        const refs = parts.map((r) => cellAddress(r.row, c.col));
        const f = sumFormula(parts.map((r) => r.row), c.col);
        const sum = figures.reduce<number>((a, x) => a + (x?.excel ?? 0), 0);
        const total = ctx.put({ row: parent, col: c.col, role: "total", formula: f, inputs: refs, value: sum, numberFormat: g.numberFormat(parts[0].row, c.col) ?? "#,##0", appended: false, method }).value;
        if (typeof total === "number") F.set(parent.row, { numeral: { kind: "number", raw: "", value: total }, excel: total });
      }
    }
  },
};
