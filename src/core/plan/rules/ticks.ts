/**
 * Ticks: an ikhtisar's columns, one per predikat band ("Tidak Tercapai | Tercapai | Melebihi", the five
 * Permendagri 86 bands), get in each row a formula from the row's capaian that shows the table's tick mark
 * (default "√") in the band the capaian falls in, "" in the others. The bounds are the ones printed in the
 * headers ("≥ 91%", "76 - 90%"); a header that prints none takes its band from the scale in use (the user's
 * scale when it has the band's words, else the standard scale of those words). As on the printed scales, a
 * capaian between two printed ranges falls to the lower band, the top band is open above, the lowest below.
 * Only empty cells are written; a row ticked by hand is the user's (the audit compares it with the capaian).
 */
import { cellAddress, parseCellAddress } from "../../grid";
import { Message, message } from "../../messages";
import { PREDIKAT_SCALES, PredikatBand, TickInterval, tickFormula, tickValue } from "../../formulas";
import type { RecognisedColumn } from "../../recognise";
import { isTickMark } from "../../recognition/ticks";
import { tickMethod } from "../catalogue";
import { HeldCell, percentConventionOf, TableContext } from "../context";
import type { FillOptions } from "../types";
import type { PercentConvention } from "../../formulas";
import type { MeasureRule } from "./rule";

export const DEFAULT_TICK = "√";

export const ticksRule: MeasureRule = {
  measure: "tick",
  apply(ctx: TableContext) {
    const { g, t, o } = ctx;
    if (o.scale === "none") return; // ticks are the predikat, and the user asked for none
    const groups = new Map<number, RecognisedColumn[]>();
    for (const c of t.columns) if (c.role === "predikat" && c.tick) groups.set(c.tick.group, [...(groups.get(c.tick.group) ?? []), c]);
    for (const cols of groups.values()) {
      const source = capaianOf(ctx, cols[0].col);
      if (!source) continue;
      const bands = tickBands(cols, o);
      if ("problem" in bands) {
        for (const c of cols) ctx.skip(t.header.bottom, c.col, "tick", bands.problem, false);
        continue;
      }
      const mark = tickMarkOf(ctx, cols);
      const method = tickMethod(cols.map((c, i) => ({ label: c.tick!.label || c.header, interval: bands.intervals[i] })), mark, bands.source);
      for (const row of ctx.indicatorRows) {
        const held = source.cell(row.row);
        if (!held) continue;
        // A row ticked by hand is the user's: its tick is compared by the audit, its other cells stay empty.
        const ticked = !o.overwrite && cols.some((c) => !g.isVacant(row.row, c.col));
        cols.forEach((c, i) => {
          if (ticked && g.isVacant(row.row, c.col)) return; // the typed tick's skip says why
          const formula = tickFormula(held.cell, bands.intervals[i], mark, source.pc, bands.roundTo);
          const empty = held.value === "" ? whyNoCapaian(ctx, held.cell) : null;
          ctx.put({ row, col: c.col, role: "tick", formula, inputs: [held.cell], value: tickValue(held.value, bands.intervals[i], mark, source.pc, bands.roundTo), appended: false, method, empty });
        });
      }
    }
  },
};

/**
 * The capaian the ticks read: a capaian column the plan writes or finds (nearest on the left of the group,
 * else the nearest), else a capaian column the table holds typed. Per row, its cell and the value Excel
 * will show there; undefined where the row has no capaian.
 */
function capaianOf(ctx: TableContext, groupCol: number): { pc: PercentConvention; cell: (row: number) => HeldCell | undefined } | null {
  const computed = ctx.capaian.map((c) => ({ col: c.col, pc: c.pc, cell: (row: number) => c.cells.get(row) }));
  const typed = ctx.t.columns
    .filter((c) => c.role === "capaian" && !ctx.capaian.some((x) => x.col === c.col))
    .map((c) => {
      const figures = ctx.figures(c);
      return {
        col: c.col,
        pc: percentConventionOf(c),
        cell: (row: number): HeldCell | undefined => {
          const f = figures.get(row);
          if (!f || f.numeral.kind === "empty") return undefined;
          return { cell: cellAddress(row, c.col), value: f.excel ?? "" };
        },
      };
    });
  const all = [...computed, ...typed];
  if (!all.length) return null;
  const left = all.filter((c) => c.col < groupCol).sort((a, b) => b.col - a.col)[0];
  return left ?? all.sort((a, b) => Math.abs(a.col - groupCol) - Math.abs(b.col - groupCol))[0];
}

/** Why a row's capaian gives no number: its typed cell's content (a marker, a text), or a computed capaian left empty. */
function whyNoCapaian(ctx: TableContext, cell: string): Message {
  const { row, col } = parseCellAddress(cell);
  const figure = ctx.capaian.some((c) => c.col === col) ? undefined : ctx.figureAt(cell);
  return (figure && ctx.whyEmpty([{ row, col, role: "capaian", figure }])) ?? message("empty-input-empty", { at: ctx.refOf(cell), role: "capaian" });
}

/** The mark the table already uses in these columns (the commonest), else "√". */
function tickMarkOf(ctx: TableContext, cols: RecognisedColumn[]): string {
  const count = new Map<string, number>();
  for (const r of ctx.indicatorRows)
    for (const c of cols) {
      const text = ctx.g.text(r.row, c.col).trim();
      if (text && isTickMark(text)) count.set(text, (count.get(text) ?? 0) + 1);
    }
  return [...count].sort((a, b) => b[1] - a[1])[0]?.[0] ?? DEFAULT_TICK;
}

type Bound = { value: number; strict: boolean };

/**
 * Each column's interval (in the columns' order), from the lower bounds: printed, or the band of the scale
 * in use that has the column's words. Upper bounds follow from the next band up, so the bands never leave a
 * gap or overlap; the highest is open above and the lowest below. A problem when two columns share a lower
 * bound or several have none.
 */
export function tickBands(cols: RecognisedColumn[], o: Pick<FillOptions, "scale" | "customScale">): { intervals: TickInterval[]; roundTo?: number; source: string } | { problem: Message } {
  let roundTo: number | undefined;
  const sources = new Set<string>();
  const lowers: (Bound | null)[] = cols.map((c) => {
    const band = c.tick!;
    if (band.lower || band.upper) {
      sources.add("header");
      if (band.lower && band.upper && band.lower.value === band.upper.value) roundTo = 2; // "= 100 %": compare as shown
      return band.lower;
    }
    const scale = scaleWithBand(band.standard!, o);
    sources.add(scale.id);
    if (scale.roundTo !== undefined) roundTo = scale.roundTo;
    const b = scale.bands.find((x) => sameWords(x.label, band.standard!.label)) as PredikatBand;
    return b.min === -Infinity ? null : { value: b.min, strict: !!b.strict };
  });
  const order = cols.map((_, i) => i).sort((a, b) => rank(lowers[b]) - rank(lowers[a]));
  const problem = message("skip-tick-bands-overlap", { bands: cols.map((c) => c.tick!.label || c.header) });
  for (let k = 1; k < order.length; k++) if (rank(lowers[order[k]]) === rank(lowers[order[k - 1]])) return { problem };
  const intervals: TickInterval[] = cols.map(() => ({ lower: null, upper: null }));
  order.forEach((i, k) => {
    const above = k > 0 ? lowers[order[k - 1]] : null;
    intervals[i] = { lower: k === order.length - 1 ? null : lowers[i], upper: above ? { value: above.value, strict: !above.strict } : null };
  });
  const source = sources.size === 1 ? [...sources][0] : "header";
  return { intervals, roundTo, source };
}

/** Orders lower bounds: none lowest, then by value, "> x" just above "≥ x". */
const rank = (b: Bound | null) => (b ? b.value * 2 + (b.strict ? 1 : 0) : -Infinity);

const sameWords = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** The scale in use when it has the band's words (the user's own, or the one chosen), else the words' standard scale. */
function scaleWithBand(standard: { scale: keyof typeof PREDIKAT_SCALES; label: string }, o: Pick<FillOptions, "scale" | "customScale">) {
  const inUse = o.scale === "custom" ? o.customScale : o.scale === "none" ? undefined : PREDIKAT_SCALES[o.scale];
  if (inUse?.bands.some((b) => sameWords(b.label, standard.label))) return inUse;
  return PREDIKAT_SCALES[standard.scale];
}
