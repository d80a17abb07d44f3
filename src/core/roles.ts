/**
 * The roles a table column can play (what its cells are), shared by recognition, the write plan, the
 * audit, the generators and the pane. How a role is recognised lives in src/core/recognition.
 */
export const COLUMN_ROLES = [
  "no", "kode", "tujuan", "sasaran", "program", "kegiatan", "subkegiatan", "nomenklatur", "indikator", "satuan",
  "target", "realisasi", "capaian", "predikat", "pagu", "realisasi_anggaran", "serapan", "sisa_anggaran",
  "efisiensi", "efektivitas", "target_akhir", "tingkat_kemajuan", "pembanding", "penanggung_jawab", "keterangan",
  "penyebab", "solusi", "polaritas", "rata_rata_sasaran", "other",
] as const;
export type ColumnRole = (typeof COLUMN_ROLES)[number];

/** K (kinerja, performance), Rp (money) or % sub-column of a group. */
export type Measure = "K" | "Rp" | "%";

/** Roles whose cells are figures of performance or money. */
export const MEASURE_ROLES: ReadonlySet<ColumnRole> = new Set<ColumnRole>([
  "target", "realisasi", "capaian", "pagu", "realisasi_anggaran", "serapan", "sisa_anggaran", "efisiensi",
  "efektivitas", "target_akhir", "tingkat_kemajuan", "pembanding",
]);

/** Roles computed from other columns (a ratio or a difference), never inputs of the plan. */
export const COMPUTED_ROLES: ReadonlySet<ColumnRole> = new Set<ColumnRole>(["capaian", "serapan", "sisa_anggaran", "efisiensi", "efektivitas", "tingkat_kemajuan", "rata_rata_sasaran"]);

/** Roles that hold money amounts. */
export const MONEY_ROLES: ReadonlySet<ColumnRole> = new Set<ColumnRole>(["pagu", "realisasi_anggaran", "sisa_anggaran"]);

/** Roles that name things (the body's hierarchy). */
export const NAME_ROLES: ReadonlySet<ColumnRole> = new Set<ColumnRole>([
  "tujuan", "sasaran", "program", "kegiatan", "subkegiatan", "nomenklatur", "indikator",
]);
