/**
 * A lone separator before three digits ("1.234") means a thousand or one and a bit; a column decides it
 * by the convention most of its other cells show. Where the column mixes both conventions, or holds
 * performance figures rather than money, that decision is a guess an auditor must see: a finding per cell.
 */
import { cellAddress, Grid } from "../grid";
import { message } from "../messages";
import { resolveColumnNumerals } from "../numerals";
import type { RecognisedTable } from "../recognise";
import { MEASURE_ROLES, MONEY_ROLES } from "../roles";
import type { Finding } from "./types";
import { where } from "./where";

export function loneSeparatorFindings(g: Grid, t: RecognisedTable): Finding[] {
  const out: Finding[] = [];
  const rows = t.rows.filter((r) => r.kind === "data" || r.kind === "group" || r.kind === "total").map((r) => r.row);
  for (const c of t.columns.filter((x) => MEASURE_ROLES.has(x.role))) {
    const money = MONEY_ROLES.has(c.role) || c.measure === "Rp";
    const res = resolveColumnNumerals(rows.map((r) => ({ value: g.value(r, c.col), numberFormat: g.numberFormat(r, c.col) })), { money, percent: !money });
    const mixed = res.votes.id > 0 && res.votes.en > 0;
    if (!mixed && money) continue;
    res.numerals.forEach((n, i) => {
      const value = res.values[i];
      if (!n.ambiguous || value === undefined || res.unresolved.includes(i)) return;
      out.push({
        sheet: g.name, cell: cellAddress(rows[i], c.col), role: c.role, typed: n.raw, expected: value, reason: "lone-separator",
        detail: message("audit-lone-separator", { raw: n.raw, value, asGrouping: n.ambiguous.asGrouping, asDecimal: n.ambiguous.asDecimal, id: res.votes.id, en: res.votes.en }),
        ...where(g, t, rows[i]),
      });
    });
  }
  return out;
}
