/**
 * Codes of the Rencana Aksi and Perjanjian Kinerja generators: what is missing, which year the targets
 * are of, budget totals checked against a typed total, the default phasing of each indicator, and the
 * labels and texts the generated sheets carry (written in the caller's language).
 */
export const GENERATOR_CODES = [
  // what the sources lack or say
  "missing-pk-table", "missing-budget-table", // {}
  "missing-indicators", "missing-programs", // {}
  "target-year-mismatch", // {year, targetYear, table}
  "target-year-unknown", // {year, table}
  "budget-total-mismatch", // {at, typed, computed}
  // default phasing of an indicator
  "phasing-grade", "phasing-lower-better", "phasing-index", "phasing-progress", "phasing-count", "phasing-percent", "phasing-annual", "phasing-chosen", "phasing-carried", // {}
  "phasing-ramp", "phasing-split", "phasing-akhir", "phasing-flat", // {} (the labels the checks compare)
  // sheet texts
  "ra-title", // {year}
  "ra-sources", // {tables, sheets}
  "ra-section-indicators", "ra-section-budget", "ra-total", // {}
  "ra-no", "ra-sasaran", "ra-indikator", "ra-satuan", "ra-target", "ra-pola", "ra-program", "ra-pagu", "ra-pj", "ra-keterangan", "ra-cek-target", "ra-cek-anggaran", // {}
  "ra-target-tw", "ra-anggaran-tw", "ra-realisasi-tw", "ra-capaian-tw", // {}
  "ra-tw", // {q}
  "ra-lower-better", // {method}
  "ra-note-phasing", "ra-note-realisasi", "ra-note-no-quarterly", // {}
  "ra-note-quarterly", // {table, rows}
  "ra-ladder-head", "ra-ladder-name", "ra-ladder-rank", // {}
  "ra-ladder-title", // {scale}: a ladder's id (kla, sakip, opini-bpk)
  "ra-note-ladder", // {columns}
  "check-ok", "check-bad", // {}
  "pk-title", // {perubahan, year}
  "pk-lampiran", // {title}
  "pk-name", "pk-position", // {}
  "pk-called-first", // {first}
  "pk-called-second", // {first, superior}
  "pk-statement-open", "pk-statement-first", "pk-statement-second", // {first}
  "pk-second-party", // {}
  "pk-sasaran", "pk-indikator", "pk-satuan", "pk-target", "pk-program", "pk-anggaran", "pk-keterangan", "pk-jumlah", // {}
] as const;
