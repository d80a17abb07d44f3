/**
 * Computed figures outside their plausible range, typed or given by a formula (whoever wrote it): a
 * capaian below 0 % or above 200 % (a unit or polarity mistake, or a target that was not the year's), a
 * serapan below 0 % or above 100 % (spending above the ceiling). Lower-is-better capaian under formulas A
 * and C go below 0 % legitimately and are checked against the upper bound only.
 */
import { cellAddress, Grid } from "../grid";
import { message } from "../messages";
import { parseNumeral, percentValue } from "../numerals";
import type { RecognisedTable } from "../recognise";
import type { FillOptions } from "../writePlan";
import { rowKey } from "../choices";
import type { Finding } from "./types";
import { round } from "./typed";
import { where } from "./where";

const RANGES: Record<string, [number, number]> = { capaian: [0, 200], serapan: [0, 100], tingkat_kemajuan: [0, 200] };

export function rangeFindings(g: Grid, t: RecognisedTable, o: FillOptions): Finding[] {
  const out: Finding[] = [];
  for (const c of t.columns.filter((x) => RANGES[x.role])) {
    const [low, high] = RANGES[c.role];
    for (const r of t.rows.filter((x) => x.kind === "data" || x.kind === "group" || x.kind === "total")) {
      const n = parseNumeral(g.value(r.row, c.col), g.numberFormat(r.row, c.col));
      const fraction = n.kind === "percent" || (c.numerals?.percentScale === "fraction" && Math.abs(n.value ?? 0) <= 10);
      const v = n.kind === "percent" ? percentValue(n, n.value) : n.value === undefined ? undefined : fraction ? n.value * 100 : n.value;
      if (v === undefined) continue;
      const lower = (o.polarity?.[rowKey(g.name, r.row)] ?? r.polarity) === "lower-better" && (o.negativeByRow?.[rowKey(g.name, r.row)] ?? o.negative) !== "B";
      if (v <= high && (v >= low || (c.role === "capaian" && lower))) continue;
      out.push({ sheet: g.name, cell: cellAddress(r.row, c.col), role: c.role, typed: round(v, 2), expected: null, reason: "implausible", detail: message("audit-implausible", { role: c.role, value: round(v, 2), low, high }), ...where(g, t, r.row) });
    }
  }
  return out;
}
