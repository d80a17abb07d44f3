/** Codes of the write preview: a planned formula in words (the cells are "E7"-style references). */
export const PREVIEW_CODES = [
  "explain-capaian", // {method: "higher-better"|"A"|"B"|"C", target, realisasi, percent: boolean, limited: boolean}
  "explain-capaian-rank", // {target, realisasi}: categorical ladder (Pratama < Madya …)
  "explain-capaian-score", // {target, realisasi}: grades with a score ("BB (75)")
  "explain-predikat", // {capaian}
  "explain-serapan", // {pagu, realisasi}
  "explain-sisa", // {pagu, realisasi}
  "explain-efisiensi-sederhana", // {serapan}
  "explain-efisiensi-pmk214", // {cells}: rows summed (1 for a single row)
  "explain-efektivitas", // {target, pagu, realisasi, realisasiAnggaran}
  "explain-nilai-efisiensi", // {efisiensi}
  "explain-tingkat-kemajuan", // {targetAkhir, realisasi}
  "explain-rata-rata", // {first, last, cells}
  "explain-total", // {first, last, cells}
  "explain-other", // {role}
] as const;
