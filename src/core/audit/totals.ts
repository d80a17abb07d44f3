/**
 * Typed totals: a parent's pagu / realisasi anggaran against the sum of its direct parts (by the code tree
 * when the table has budget codes, to any depth and over account rows; else by hierarchy level), a total
 * against the sum of the top level. Only where every part has an amount.
 */
import { cellAddress, Grid, parseCellAddress } from "../grid";
import { message } from "../messages";
import { parseNumeral } from "../numerals";
import type { RecognisedTable } from "../recognise";
import { rollupParts } from "../rollup";
import { codeReader } from "../plan/rules/totals";
import { isNumberingRow } from "../plan/context";
import type { Finding } from "./types";
import { round } from "./typed";
import { where } from "./where";

export function totalFindings(g: Grid, t: RecognisedTable): Finding[] {
  const out: Finding[] = [];
  const money = t.columns.filter((c) => c.role === "pagu" || c.role === "realisasi_anggaran");
  if (!money.length) return out;
  const rows = t.rows.filter((r) => !isNumberingRow(t.columns.map((c) => g.text(r.row, c.col))));
  for (const { parent, parts } of rollupParts(rows, codeReader(g, t))) {
    for (const c of money) {
      const typed = moneyAt(g, parent.row, c.col);
      if (typed === undefined) continue;
      const amounts = parts.map((p) => moneyAt(g, p.row, c.col));
      if (amounts.some((p) => p === undefined)) continue;
      const sum = amounts.reduce<number>((a, b) => a + b!, 0);
      if (Math.abs(sum - typed) > 0.5)
        out.push({
          sheet: g.name, cell: cellAddress(parent.row, c.col), role: c.role, typed, expected: sum, reason: "total-mismatch",
          detail: message("audit-total-mismatch", { level: parent.kind === "total" ? "total" : parent.level ?? "", parts: parts.length, partLevel: parts[0].level ?? "", difference: round(typed - sum, 2) }),
          ...where(g, t, parent.row),
        });
    }
  }
  return out.sort((a, b) => parseCellAddress(a.cell).row - parseCellAddress(b.cell).row);
}

function moneyAt(g: Grid, row: number, col: number): number | undefined {
  const n = parseNumeral(g.value(row, col), g.numberFormat(row, col));
  return n.value ?? (n.ambiguous ? n.ambiguous.asGrouping : undefined);
}
