/**
 * The figures a formula reads, as Excel will see them after the plan: a number, a number stored as text
 * (converted by the plan unless conversion is off), a marker, an empty cell. And the reconciliation of
 * percent units between the two operands of a ratio (1 shown as 100 % beside 100).
 */
import { cellAddress, Grid } from "../grid";
import { CellRef, message } from "../messages";
import { Numeral, resolveColumnNumerals, RowEvidence } from "../numerals";
import type { RecognisedColumn } from "../recognise";
import type { TextConversion } from "./types";

export interface Figure {
  numeral: Numeral;
  /** The number Excel will see after the plan (undefined: not a number for Excel). */
  excel: number | undefined;
  /** A number stored as text, and how the plan converts it. */
  conversion?: TextConversion;
}

/**
 * Reads one column's figures over the given rows, resolving ambiguous separators together. `percentUnits`:
 * a percent typed as text ("95,56%") converts to 95,56 shown with a "%" (a column holding percent units, as
 * a typed capaian column does), else to the fraction 0,9556 with a % format (as Excel reads "95,56%").
 */
export function readColumn(g: Grid, col: RecognisedColumn, rows: number[], money: boolean, convert: boolean, percentUnits = false, evidence?: (RowEvidence & { partnerAt?: CellRef })[]): Map<number, Figure> {
  const cells = rows.map((r) => ({ value: g.value(r, col.col), numberFormat: g.numberFormat(r, col.col) }));
  const res = resolveColumnNumerals(cells, { money, percent: !money, rows: evidence });
  const byRow = new Map(res.byRow.map((x) => [x.index, x]));
  const out = new Map<number, Figure>();
  rows.forEach((r, i) => {
    const n = res.numerals[i];
    const raw = cells[i].value;
    const v = res.values[i];
    if (typeof raw === "number") out.set(r, { numeral: n, excel: raw });
    else if (v === undefined || (n.kind !== "number" && n.kind !== "percent") || n.parts) out.set(r, { numeral: n, excel: undefined });
    else {
      const conversion = textConversion(g.name, cellAddress(r, col.col), String(raw), n, v, convert, percentUnits);
      const decided = byRow.get(i);
      if (decided) conversion.reason = message("text-number-by-row", { at: { sheet: g.name, row: r, col: col.col }, raw: String(raw), value: v, grouping: decided.asGrouping, separator: n.ambiguous!.separator, partner: decided.basis.includes("partner") ? evidence![i].partnerAt ?? null : null, partnerValue: evidence![i].partner ?? null, unit: decided.basis.includes("whole") ? evidence![i].unit || n.unit || null : null });
      out.set(r, { numeral: n, excel: convert ? conversion.value : undefined, conversion });
    }
  });
  return out;
}

/** The number a text cell means, and a number format that shows it as it was written ("8,00 Laporan"). */
function textConversion(sheet: string, cell: string, text: string, n: Numeral, v: number, applied: boolean, percentUnits: boolean): TextConversion {
  const digits = /[.,](\d+)\s*(%|[A-Za-z]|$|\*)/.exec(text.replace(/,-$/, ""));
  // Three digits after a separator are decimals only when the separator was read as the decimal mark.
  const grouping = n.ambiguous ? v === n.ambiguous.asGrouping : digits?.[1].length === 3 && v === Math.round(v);
  const decimals = n.currency || !digits || grouping ? 0 : digits[1].length;
  const body = decimals ? `#,##0.${"0".repeat(decimals)}` : "#,##0";
  const digitsFormat = decimals ? `0.${"0".repeat(decimals)}` : "0";
  const asFraction = n.kind === "percent" && !percentUnits;
  let format = n.kind === "percent" ? (percentUnits ? `${digitsFormat}"%"` : `${digitsFormat}%`) : v !== Math.round(v) && !decimals ? "General" : body;
  if (n.currency) format = `"Rp "${format}`;
  if (n.unit) format = `${format} "${n.unit.replace(/"/g, "")}"`;
  if (n.footnote) format = `${format}"*"`;
  return { sheet, cell, text, value: asFraction ? v / 100 : v, numberFormat: format, applied };
}

/** Does Excel see a percent held as a fraction (0.9 shown as 90 %) in this figure? */
const heldAsFraction = (f: Figure) => f.excel !== undefined && f.numeral.kind === "percent";
/** A plain number (no % sign, no % format). */
const plain = (f: Figure) => f.excel !== undefined && f.numeral.kind === "number";
/** Distance of a ratio from 1 in orders of magnitude. */
const spread = (x: number) => Math.abs(Math.log10(Math.abs(x)));

/**
 * Factors that bring a ratio's operands into one percent unit: 1 with a % format (100 %) against a
 * plain 100 reads the fraction side ×100. Only when one side is a percent held as a fraction, the other
 * a plain number, and the reconciled ratio is at least ten times closer to 1 than the raw one.
 */
export function percentFactors(num: Figure, den: Figure): { num: 1 | 100; den: 1 | 100 } {
  const none = { num: 1, den: 1 } as const;
  if (!num.excel || !den.excel) return none;
  const raw = num.excel / den.excel;
  if (heldAsFraction(num) && plain(den)) return spread(raw) - spread(raw * 100) >= 1 ? { num: 100, den: 1 } : none;
  if (heldAsFraction(den) && plain(num)) return spread(raw) - spread(raw / 100) >= 1 ? { num: 1, den: 100 } : none;
  return none;
}
