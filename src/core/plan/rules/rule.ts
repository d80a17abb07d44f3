/**
 * A measure rule writes one measure's cells into one table, through the table's context. The rules run in
 * the order of `RULES` (src/core/plan/index.ts): later rules read the cells earlier ones wrote (predikat
 * reads capaian, efisiensi reads serapan). A new measure is a new rule file added to that list.
 */
import { message, Message } from "../../messages";
import type { PercentConvention } from "../../formulas";
import type { Pair, TableContext } from "../context";
import type { WriteRole } from "../types";

export interface MeasureRule {
  /** What the rule writes (for people reading the list of rules). */
  measure: WriteRole;
  apply(ctx: TableContext): void;
}

/** Capaian, serapan and tingkat kemajuan beyond this many percent (either sign) are not a right number. */
export const PLAUSIBLE_PERCENT = 1000;

/** A ratio too far out to be right (units or operands are wrong): the reason not to write it, or null. */
export function implausible(ctx: TableContext, row: number, role: WriteRole, value: number | "", pc: PercentConvention, pair: Pair): Message | null {
  if (value === "" || !Number.isFinite(value)) return null; // beyond Excel's range: put() says so
  const percent = pc === "fraction" ? value * 100 : value;
  if (Math.abs(percent) <= PLAUSIBLE_PERCENT) return null;
  return message("skip-implausible", { role, value: percent, numerator: ctx.ref(row, pair.b.col), denominator: ctx.ref(row, pair.a.col) });
}
