/**
 * Predikat: the rating word of each capaian cell on the chosen scale, as nested IFs whose thresholds can
 * be read, in the table's predikat column right of the capaian column, or in a column appended beside it.
 */
import { message } from "../../messages";
import { predikatFormula, predikatValue } from "../../formulas";
import { predikatMethod } from "../catalogue";
import { predikatScaleOf } from "../options";
import type { TableContext } from "../context";
import type { MeasureRule } from "./rule";

export const predikatRule: MeasureRule = {
  measure: "predikat",
  apply(ctx: TableContext) {
    const { o } = ctx;
    if (o.scale === "none") return;
    const scale = predikatScaleOf(o);
    const method = predikatMethod(scale);
    const claimed = new Set<number>();
    for (const cap of ctx.capaian) {
      // A quarter's share of the annual target is progress, not an achievement to grade, when the year has its own capaian.
      if (cap.like.period && /^TW/.test(cap.like.period) && ctx.capaian.some((c) => !c.like.period)) continue;
      // The predikat column of this capaian's year and period ("Predikat 2023" beside "Capaian 2023"), else the one beside it.
      const existing = ctx.companion("predikat", cap, ctx.capaian, claimed);
      // A table that marks its predikat with ticks per band (ticks.ts) gets no column of rating words besides.
      if (!existing && ctx.t.columns.some((c) => c.tick)) continue;
      const col = ctx.target(existing, "predikat", cap.like, null, null);
      if (col === null) continue;
      for (const row of ctx.indicatorRows) {
        const held = cap.cells.get(row.row);
        if (!held) continue;
        const formula = predikatFormula(scale, held.cell, cap.pc);
        const empty = held.value === "" ? message("empty-input-empty", { at: ctx.refOf(held.cell), role: "capaian" }) : null;
        ctx.put({ row, col, role: "predikat", formula, inputs: [held.cell], value: predikatValue(scale, held.value, cap.pc), appended: !existing, method, empty });
      }
    }
  },
};
