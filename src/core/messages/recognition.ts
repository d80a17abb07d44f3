/** Codes of the recognition stages (band, body, roles, resolution, forms). */
export const RECOGNITION_CODES = [
  "header-no-text", // {at: CellRef, column}
  "column-hidden", // {sheet, col}
  "rows-hidden", // {sheet, rows: number[]}
  "duplicate-role", // {sheet, cols: number[], role, year}
  "ambiguous-numeral", // {at, raw, asGrouping, asDecimal, reason}
  "bundled-figures", // {at, raw}
  "relation-mismatch", // {sheet, col, relation, operandRoles: string[]}
  "capaian-can-be-added", // {sheet}
] as const;
