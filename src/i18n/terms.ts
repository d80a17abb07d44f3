/**
 * The domain's words for the core's identifiers, in Bahasa Indonesia and English: column and write roles
 * ("Realisasi anggaran", not `realisasi_anggaran`), table families, polarities, audit reasons. Used by the
 * pane, the CLI and the phrases; an identifier without a word is shown as it is (and a test lists them).
 */
import type { Lang } from "./index";
import { COLUMN_ROLES, ColumnRole } from "../core/roles";
import { roleWord } from "./roles";
import type { WriteRole } from "../core/writePlan";
import type { AuditReason } from "../core/audit";
import type { TableFamily } from "../core/family";
import type { Polarity } from "../core/polarity";

/** Roles that only the write plan has (column roles are in roles.ts). */
type WriteOnlyRole = Exclude<WriteRole, ColumnRole>;
const WRITE_ROLES: Record<Lang, Record<WriteOnlyRole, string>> = {
  id: {
    nilai_efisiensi: "Nilai efisiensi", total: "Jumlah", header: "Judul kolom",
    legend: "Keterangan Rumus", convert: "Angka dari teks", highlight: "Tanda temuan", tick: "Centang predikat",
  },
  en: {
    nilai_efisiensi: "Efficiency score", total: "Total", header: "Column header",
    legend: "Formula legend", convert: "Number from text", highlight: "Finding mark", tick: "Rating tick",
  },
};

/** A column role or a written cell's role in words. */
export function roleName(role: string, lang: Lang): string {
  return (WRITE_ROLES[lang] as Record<string, string>)[role] ?? roleWord(role, lang);
}
export const ROLE_CHOICES: readonly ColumnRole[] = COLUMN_ROLES;

const FAMILIES: Record<Lang, Record<TableFamily, string>> = {
  id: {
    "capaian-iku": "Capaian IKU", "single-indicator": "Indikator tunggal", "year-comparison": "Perbandingan antar tahun",
    "multi-year-trend": "Tren beberapa tahun", "renstra-progress": "Kemajuan terhadap target akhir Renstra",
    "against-national": "Perbandingan nasional/provinsi", "program-indicators": "Indikator program", ikhtisar: "Ikhtisar capaian",
    "budget-evaluation-k-rp": "Evaluasi Renja (K/Rp)", "budget-realisation": "Realisasi anggaran", "budget-by-year": "Anggaran per tahun",
    "budget-allocation": "Alokasi anggaran", efficiency: "Efisiensi", "quarterly-allocation": "Alokasi triwulan",
    "renstra-targets": "Target Renstra", "pk-list": "Daftar Perjanjian Kinerja", "rencana-aksi-schedule": "Jadwal Rencana Aksi",
    reference: "Data rujukan", other: "Lainnya",
  } as Record<TableFamily, string>,
  en: {
    "capaian-iku": "IKU achievement", "single-indicator": "Single indicator", "year-comparison": "Year comparison",
    "multi-year-trend": "Multi-year trend", "renstra-progress": "Progress to Renstra end target", "against-national": "Against national/provincial",
    "program-indicators": "Program indicators", ikhtisar: "Achievement summary", "budget-evaluation-k-rp": "Renja evaluation (K/Rp)",
    "budget-realisation": "Budget realisation", "budget-by-year": "Budget by year", "budget-allocation": "Budget allocation",
    efficiency: "Efficiency", "quarterly-allocation": "Quarterly allocation", "renstra-targets": "Renstra targets",
    "pk-list": "Performance agreement list", "rencana-aksi-schedule": "Action plan schedule", reference: "Reference data", other: "Other",
  } as Record<TableFamily, string>,
};
export function familyName(family: string, lang: Lang): string {
  return (FAMILIES[lang] as Record<string, string>)[family] ?? family;
}

const POLARITIES: Record<Lang, Record<Polarity, string>> = {
  id: { "higher-better": "semakin tinggi semakin baik", "lower-better": "semakin rendah semakin baik", categorical: "kategori (peringkat)" },
  en: { "higher-better": "higher is better", "lower-better": "lower is better", categorical: "category (rank)" },
};
export function polarityName(p: Polarity, lang: Lang): string {
  return POLARITIES[lang][p] ?? p;
}

const REASONS: Record<Lang, Record<AuditReason, string>> = {
  id: {
    "wrong-polarity": "polaritas terbalik", "other-method": "rumus \"semakin rendah\" lain", truncated: "dipotong, bukan dibulatkan",
    "other-column": "dihitung dari kolom lain", "percent-unit": "satuan persen berbeda", arithmetic: "salah hitung",
    "total-mismatch": "jumlah ≠ total rinciannya", "predikat-scale": "predikat tidak sesuai skala", "constant-in-formula": "angka diketik di dalam rumus",
    "inconsistent-formula": "rumus berbeda dari baris lain", "average-in-parent": "AVERAGE di baris induk (seharusnya SUM)", implausible: "di luar rentang wajar",
    "relation-contradiction": "rumus bertentangan dengan hubungan kolom", "lone-separator": "pemisah tunggal ditebak dari kolomnya", "between-tables": "berbeda dengan tabel lain",
  },
  en: {
    "wrong-polarity": "polarity reversed", "other-method": "another lower-is-better formula", truncated: "truncated, not rounded", "other-column": "computed from another column",
    "percent-unit": "percent in the other unit", arithmetic: "arithmetic error", "total-mismatch": "total ≠ sum of its parts", "predikat-scale": "rating does not match the scale",
    "constant-in-formula": "constant typed inside a formula", "inconsistent-formula": "formula differs from its neighbours", "average-in-parent": "AVERAGE in a parent row (SUM belongs)",
    implausible: "outside the plausible range", "relation-contradiction": "formula contradicts the column relation", "lone-separator": "lone separator guessed from its column",
    "between-tables": "differs from another table",
  },
};
export function reasonName(reason: string, lang: Lang): string {
  return (REASONS[lang] as Record<string, string>)[reason] ?? reason;
}

/** The standard forms recognition knows (src/core/recognition/forms.ts), by id. */
const FORMS: Record<Lang, Record<string, string>> = {
  id: { "permendagri86-evaluasi-renja": "evaluasi Renja Permendagri 86/2017", "permendagri54-evaluasi-renja": "evaluasi Renja Permendagri 54/2010" },
  en: { "permendagri86-evaluasi-renja": "Renja evaluation, Permendagri 86/2017", "permendagri54-evaluasi-renja": "Renja evaluation, Permendagri 54/2010" },
};
export function formName(form: string, lang: Lang): string {
  return FORMS[lang][form] ?? form;
}
