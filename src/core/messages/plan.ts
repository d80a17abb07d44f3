/**
 * Codes of the write plan: why a cell is not written or its formula is empty, numbers stored as text and
 * percent units reconciled, the notes and the legend sheet the plan writes into the workbook, and the
 * method catalogue (src/core/plan/catalogue.ts). Parameters: `at`, `target`, `realisasi`, `scaled`,
 * `other` CellRefs; `col` a 0-based column; `role`, `measure` role names (src/core/roles.ts).
 */
export const PLAN_CODES = [
  // a computed cell not written
  "skip-needs-confirmation", // {measure, numerator, denominator, confidence}
  "skip-column-not-empty", // {col, table, role, occupant, detail}
  "skip-last-column", // {table, role}
  "skip-looks-empty", // {occupant, detail} — spaces, a lone apostrophe: content the user put there
  "skip-beyond-range", // {inputs}
  "skip-inside-merge", // {range}
  "skip-holds-formula", // {formula}
  "skip-holds-value", // {typed, expected}
  "skip-not-comparable", // {target, targetRaw, targetKind, realisasi, realisasiRaw, realisasiKind}
  "skip-implausible", // {role, value, numerator, denominator}
  "skip-text-kept", // {at, raw} — a number stored as text, conversion turned off
  "skip-pmk214-no-capaian", // {}
  "skip-tick-bands-overlap", // {bands} — two tick columns for the same band, or two without a lower bound
  "skip-total-average-row", // {text} — a "Rata-rata" row is not a sum
  "skip-total-after-subtotals", // {text} — a grand total under a block its own subtotal does not close
  // a formula written whose result is empty
  "empty-input-missing", // {at, role}
  "empty-input-marker", // {at, raw, role}
  "empty-input-text", // {at, raw, role}
  "empty-input-kept-text", // {at, raw, role}
  "empty-zero-divisor", // {at, role}
  "empty-input-empty", // {at, role} — reads a computed cell that is itself empty
  // conversions and units
  "text-number", // {at, raw, value}
  "text-number-by-row", // {at, raw, value, grouping, separator, partner, partnerValue, unit} — a lone separator read from its row
  "percent-unit-reconciled", // {scaled, scaledRaw, other, otherRaw}
  // notes written on cells
  "note-capaian", "note-predikat", "note-serapan", "note-sisa_anggaran", "note-efisiensi", "note-nilai_efisiensi",
  "note-tingkat_kemajuan", "note-rata_rata_sasaran", "note-total", "note-tick", // {}
  "note-written-by", // {legend}
  "note-empty", // {reason} — the phrased reason, as text
  // headers of appended columns
  "header-column", // {role, measure, year, period, percent}
  // the legend sheet
  "legend-intro", "legend-method", "legend-words", "legend-example", "legend-source", "legend-count",
  "legend-choices", "legend-sheet", "legend-row", "legend-indicator", "legend-polarity", "legend-reason", "legend-formula", "legend-rank", // {}
  "polarity-higher-better", "polarity-lower-better", "polarity-categorical", // {}
  // the method catalogue: label, words, source
  "method-capaian-higher-better", "method-capaian-lower-better", // {method}
  "method-capaian-grade", "method-rata-rata-sasaran", "method-jumlah", "method-serapan", "method-sisa",
  "method-efisiensi-sederhana", "method-efisiensi-pmk214", "method-efisiensi-pmk214-kelompok", "method-nilai-efisiensi",
  "method-efektivitas", "method-tingkat-kemajuan", // {}
  "method-capaian-ladder", // {scale}
  "method-predikat", // {scale, label}
  "method-tick", // {labels} — a tick per predikat band
  "words-capaian-higher-better", "words-capaian-A", "words-capaian-B", "words-capaian-C", "words-capaian-grade",
  "words-rata-rata-sasaran", "words-jumlah", "words-serapan", "words-sisa", "words-efisiensi-sederhana", "words-efisiensi-pmk214",
  "words-efisiensi-pmk214-kelompok", "words-nilai-efisiensi", "words-efektivitas", "words-tingkat-kemajuan", // {}
  "words-capaian-ladder", // {rungs}
  "words-predikat", // {bands, otherwise}
  "words-tick", // {bands, mark}
  "source-permenpanrb-53", "source-permenpanrb-53-choice", "source-permendagri-86", "source-common-practice", "source-pmk-214",
  "source-efektivitas-report", "source-renstra-evaluation", "source-custom-scale", "source-permenpanrb-88", "source-tercapai",
  "source-header-bands", // {}
] as const;
