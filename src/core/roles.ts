/**
 * Column roles from header wording. A column's header is a path of texts (parent › child); the
 * lowest text that means something decides, parents supply the year, the K/Rp pairing and the money
 * context ("Anggaran › Realisasi" is spending, not performance).
 */
import { headerTokens, periodIn, yearIn } from "./vocabulary";

export const COLUMN_ROLES = [
  "no", "kode", "tujuan", "sasaran", "program", "kegiatan", "subkegiatan", "nomenklatur", "indikator", "satuan",
  "target", "realisasi", "capaian", "predikat", "pagu", "realisasi_anggaran", "serapan", "sisa_anggaran",
  "efisiensi", "efektivitas", "target_akhir", "tingkat_kemajuan", "pembanding", "penanggung_jawab", "keterangan",
  "penyebab", "solusi", "other",
] as const;
export type ColumnRole = (typeof COLUMN_ROLES)[number];

export type Measure = "K" | "Rp" | "%";

/** Roles whose cells are figures of performance or money. */
export const MEASURE_ROLES: ReadonlySet<ColumnRole> = new Set<ColumnRole>([
  "target", "realisasi", "capaian", "pagu", "realisasi_anggaran", "serapan", "sisa_anggaran", "efisiensi",
  "efektivitas", "target_akhir", "tingkat_kemajuan", "pembanding",
]);

/** Roles that name things (the body's hierarchy). */
export const NAME_ROLES: ReadonlySet<ColumnRole> = new Set<ColumnRole>([
  "tujuan", "sasaran", "program", "kegiatan", "subkegiatan", "nomenklatur", "indikator",
]);

export interface RoleReading {
  role: ColumnRole;
  because: string;
  /** The text announces both performance and money ("Target Kinerja dan Anggaran"): K/Rp children decide. */
  pairParent?: boolean;
  /** The text speaks of money (anggaran, keuangan, Rp) and not of performance. */
  money?: boolean;
}

const has = (t: Set<string>, ...words: string[]) => words.some((w) => t.has(w));

/** Words that override position: whatever else the header says, these decide. */
function overridingRole(t: Set<string>, text: string): RoleReading | null {
  // Plain patterns, not fuzzy words: "peringkat" is one letter from "perangkat", "interval" from "internal".
  if (/\b(interval|rentang|skala)\b/i.test(text)) return { role: "other", because: "a scale's interval, not a measurement" };
  if (has(t, "penanggung", "jawab") || /penanggung\s*jawab|\bp\s*j\b/i.test(text) || has(t, "pelaksana") || (t.has("unit") && t.has("kerja")))
    return { role: "penanggung_jawab", because: "penanggung jawab / pelaksana" };
  if (has(t, "keterangan", "ket", "catatan")) return { role: "keterangan", because: "keterangan" };
  if (has(t, "penyebab", "hambatan", "kendala", "permasalahan", "faktor")) return { role: "penyebab", because: "penyebab / hambatan" };
  if (has(t, "solusi", "alternatif", "upaya", "tindak")) return { role: "solusi", because: "solusi / upaya" };
  if (has(t, "efisiensi")) return { role: "efisiensi", because: "efisiensi" };
  if (has(t, "efektivitas", "efektifitas")) return { role: "efektivitas", because: "efektivitas" };
  if (t.has("sisa")) return { role: "sisa_anggaran", because: "sisa anggaran" };
  if (t.has("kemajuan")) return { role: "tingkat_kemajuan", because: "tingkat kemajuan" };
  if (t.has("serapan")) return { role: "serapan", because: "serapan" };
  if (has(t, "nasional", "provinsi", "pembanding")) return { role: "pembanding", because: "national / provincial figure" };
  if (has(t, "predikat", "kriteria", "kategori") || /\bperingkat\b/i.test(text)) return { role: "predikat", because: "predikat / kriteria" };
  return null;
}

const PRIMARY = new Set([
  "no", "nomor", "kode", "tujuan", "sasaran", "program", "kegiatan", "subkegiatan", "uraian", "nomenklatur",
  "indikator", "satuan", "target", "realisasi", "capaian", "pencapaian", "persentase", "prosentase", "pagu",
  "anggaran", "alokasi", "dana",
]);

/** Read one header text. Null when the text carries no role (a year, "K", "Rp", a blank). */
export function roleOfText(text: string): RoleReading | null {
  const tokens = headerTokens(text);
  if (tokens.length === 0) return null;
  const t = new Set(tokens);
  const over = overridingRole(t, text);
  if (over) return over;
  const money = has(t, "anggaran", "keuangan", "rp", "rupiah", "dana", "belanja") && !has(t, "kinerja", "indikator");
  const pair = has(t, "anggaran", "rp") && t.has("kinerja") && !t.has("indikator");
  const first = tokens.find((w) => PRIMARY.has(w));
  if (!first) {
    if (tokens.length <= 2 && t.has("nmr")) return { role: "no", because: "numbering header" };
    return null;
  }
  switch (first) {
    case "no":
    case "nomor":
      return tokens.length <= 3 ? { role: "no", because: "numbering header" } : null;
    case "kode":
      return { role: "kode", because: "kode" };
    case "tujuan":
      return { role: "tujuan", because: "tujuan" };
    case "sasaran":
      return { role: "sasaran", because: "sasaran" };
    case "uraian":
    case "nomenklatur":
      return { role: "nomenklatur", because: `"${first}" names programs, kegiatan and sub kegiatan together` };
    case "program":
    case "kegiatan":
    case "subkegiatan": {
      const levels = ["program", "kegiatan", "subkegiatan"].filter((w) => t.has(w));
      if (levels.length > 1) return { role: "nomenklatur", because: "one column names several levels (program/kegiatan/sub kegiatan)" };
      return { role: first, because: first };
    }
    case "indikator":
      return { role: "indikator", because: "indikator" };
    case "satuan":
      return { role: "satuan", because: "satuan" };
    case "target":
      if (t.has("akhir")) return { role: "target_akhir", because: "target akhir (end of the Renstra period)" };
      return { role: "target", because: "target", pairParent: pair, money: money && !pair };
    case "realisasi":
      if (pair) return { role: "realisasi", because: "realisasi kinerja dan anggaran", pairParent: true };
      return money ? { role: "realisasi_anggaran", because: "realisasi anggaran", money: true } : { role: "realisasi", because: "realisasi" };
    case "capaian":
    case "pencapaian":
    case "persentase":
    case "prosentase":
      if (pair) return { role: "capaian", because: "capaian kinerja dan anggaran", pairParent: true };
      if (money) return { role: "serapan", because: "capaian anggaran = serapan", money: true };
      if (first === "persentase" || first === "prosentase") {
        if (has(t, "capaian", "pencapaian")) return { role: "capaian", because: "persentase capaian" };
        if (t.has("realisasi")) return { role: "capaian", because: "persentase realisasi" };
        return null;
      }
      return { role: "capaian", because: first };
    case "pagu":
    case "anggaran":
    case "alokasi":
    case "dana":
      return { role: "pagu", because: `${first} (budget ceiling)`, money: true };
  }
  return null;
}

export function measureOfText(text: string): Measure | null {
  const raw = text.trim().replace(/[()[\].]/g, "").trim().toLowerCase();
  if (raw === "k" || raw === "kinerja") return "K";
  if (raw === "rp" || raw === "rupiah" || raw === "rp 000" || raw === "rp juta") return "Rp";
  if (raw === "%" || raw === "persen") return "%";
  return null;
}

export interface ColumnReading {
  role: ColumnRole;
  year: number | null;
  period: string | null;
  measure: Measure | null;
  evidence: string;
}

/**
 * Decide a column's role from its header path (top → bottom, distinct texts).
 * The lowest meaningful text decides; a measure (K/Rp) or a year below a parent inherits the
 * parent's role; a money parent turns realisasi/capaian/target into spending roles.
 */
export function readColumnHeader(path: string[]): ColumnReading {
  let year: number | null = null;
  let period: string | null = null;
  let measure: Measure | null = null;
  for (let i = path.length - 1; i >= 0; i--) {
    if (year === null) year = yearIn(path[i]);
    if (period === null) period = periodIn(path[i]);
    if (measure === null) {
      measure = measureOfText(path[i]);
      if (measure === null && /\(\s*rp\.?\s*\)|\brp\.?\s*$/i.test(path[i])) measure = "Rp";
      if (measure === null && /\(\s*%\s*\)/.test(path[i])) measure = "%";
    }
  }
  let reading: RoleReading | null = null;
  let at = -1;
  for (let i = path.length - 1; i >= 0; i--) {
    reading = roleOfText(path[i]);
    if (reading) {
      at = i;
      break;
    }
  }
  if (!reading) {
    return { role: "other", year, period, measure, evidence: path.length ? `no role word in "${path.join(" › ")}"` : "no header text" };
  }
  let role = reading.role;
  const evidence = [`"${path[at]}" → ${reading.because}`];
  // A money parent above a performance word: "Anggaran › Realisasi" is spending.
  const moneyAbove = path.slice(0, at).some((p) => roleOfText(p)?.money);
  if (moneyAbove && !reading.money) {
    const spending: Partial<Record<ColumnRole, ColumnRole>> = { target: "pagu", realisasi: "realisasi_anggaran", capaian: "serapan" };
    if (spending[role]) {
      evidence.push(`under a money header → ${spending[role]}`);
      role = spending[role]!;
    }
  }
  if (measure === "Rp") {
    const spending: Partial<Record<ColumnRole, ColumnRole>> = { target: "pagu", realisasi: "realisasi_anggaran", capaian: "serapan" };
    if (spending[role]) {
      evidence.push(`Rp column of a ${role} group → ${spending[role]}`);
      role = spending[role]!;
    }
  }
  if (year !== null) evidence.push(`year ${year}`);
  if (period) evidence.push(`period ${period}`);
  if (measure) evidence.push(`measure ${measure}`);
  return { role, year, period, measure, evidence: evidence.join("; ") };
}
