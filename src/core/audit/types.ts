/**
 * A finding of the audit: the cell, what is typed and what the rule gives, the kind of mistake, its
 * detail as a message, and where it belongs — the table (caption or range) and the indicator of its row —
 * and, for a finding between two tables, the other cell.
 */
import type { Message } from "../messages";

export type AuditReason =
  | "wrong-polarity" // computed as if the indicator were higher-better (or the reverse)
  | "other-method" // another lower-is-better formula than the chosen one
  | "truncated" // cut instead of rounded
  | "other-column" // computed against another column (another year's target…)
  | "percent-unit" // a percentage in the other unit (0,95 for 95 %)
  | "arithmetic" // none of the above explains it
  | "total-mismatch" // a parent or total ≠ the sum of its parts
  | "predikat-scale" // predikat inconsistent with the scale
  | "constant-in-formula" // =20906000-R15
  | "inconsistent-formula" // differs from its neighbours down the column
  | "average-in-parent" // AVERAGE where SUM belongs
  | "implausible" // a capaian or serapan outside its plausible range
  | "relation-contradiction" // a formula against its column's stated relation (8=(7/6) but =L14/M14)
  | "lone-separator" // "1.234" read by the column's majority convention
  | "between-tables"; // the same indicator with another figure in another table

export interface Finding {
  sheet: string;
  cell: string;
  role: string;
  typed: number | string | null;
  expected: number | string | null;
  reason: AuditReason;
  detail: Message;
  /** The table's caption ("Tabel 3.4"), else its range. */
  table: string;
  /** "A3:G22" */
  tableRange: string;
  /** The indicator (or program / kegiatan) of the finding's row, if the row names one. */
  indicator: string | null;
  /** The cell of the other table, for a finding between tables. */
  other?: { sheet: string; cell: string; table: string; value: number | string | null };
}
