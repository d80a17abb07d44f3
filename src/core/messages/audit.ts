/**
 * Codes of the audit: the detail of each finding (why a typed number is probably wrong), and the table
 * and indicator it belongs to. Parameters: `at`, `other` CellRefs; `col` a 0-based column; numbers raw.
 */
export const AUDIT_CODES = [
  "audit-truncated", // {exact, typed, rounded}
  "audit-percent-unit", // {}
  "audit-matches-method", // {method, lowerBetter}
  "audit-matches-other-column", // {numerator, denominator, role, year}
  "audit-arithmetic", // {typed, expected}
  "audit-total-mismatch", // {level, parts, partLevel, difference}
  "audit-predikat-scale", // {capaian, expected, scale}
  "audit-tick-band", // {capaian, band, expected} — a tick typed in a band the capaian is not in
  "audit-constant-in-formula", // {constant}
  "audit-inconsistent-formula", // {count, col}
  "audit-average-in-parent", // {}
  "audit-implausible", // {role, value, low, high}
  "audit-relation-contradiction", // {formula, relation, expression}
  "audit-lone-separator", // {raw, value, asGrouping, asDecimal, id, en}
  "audit-between-tables", // {field, value, other, otherValue, otherTable, year, computed, otherComputed}
] as const;
