/** Column roles, measures and levels in words (never the code names). */
import type { ColumnRole } from "../core/roles";
import type { Lang } from "./index";

export const ROLE_WORDS: Record<Lang, Record<ColumnRole, string>> = {
  id: {
    no: "Nomor", kode: "Kode", tujuan: "Tujuan", sasaran: "Sasaran", program: "Program", kegiatan: "Kegiatan", subkegiatan: "Sub kegiatan",
    nomenklatur: "Program/kegiatan/sub kegiatan", indikator: "Indikator", satuan: "Satuan", target: "Target", realisasi: "Realisasi",
    capaian: "Capaian", predikat: "Predikat", pagu: "Pagu anggaran", realisasi_anggaran: "Realisasi anggaran", serapan: "Serapan anggaran",
    sisa_anggaran: "Sisa anggaran", efisiensi: "Efisiensi", efektivitas: "Efektivitas", target_akhir: "Target akhir Renstra",
    tingkat_kemajuan: "Tingkat kemajuan", pembanding: "Angka pembanding", penanggung_jawab: "Penanggung jawab", keterangan: "Keterangan",
    penyebab: "Penyebab/hambatan", solusi: "Solusi/upaya", polaritas: "Polaritas", rata_rata_sasaran: "Rata-rata capaian sasaran", other: "Lainnya",
  },
  en: {
    no: "Number", kode: "Code", tujuan: "Goal", sasaran: "Objective (sasaran)", program: "Program", kegiatan: "Activity (kegiatan)", subkegiatan: "Sub-activity",
    nomenklatur: "Program/activity/sub-activity", indikator: "Indicator", satuan: "Unit", target: "Target", realisasi: "Actual (realisasi)",
    capaian: "Achievement (capaian)", predikat: "Rating (predikat)", pagu: "Budget ceiling (pagu)", realisasi_anggaran: "Spending (realisasi anggaran)",
    serapan: "Absorption (serapan)", sisa_anggaran: "Unspent budget", efisiensi: "Efficiency", efektivitas: "Effectiveness",
    target_akhir: "Renstra end target", tingkat_kemajuan: "Progress to Renstra target", pembanding: "Benchmark figure",
    penanggung_jawab: "Responsible unit", keterangan: "Remarks", penyebab: "Causes/obstacles", solusi: "Solutions", polaritas: "Polarity",
    rata_rata_sasaran: "Objective's average achievement", other: "Other",
  },
};

/** A role (or a measure such as "capaian") in words; unknown names are returned as they are. */
export function roleWord(role: unknown, lang: Lang): string {
  const words = ROLE_WORDS[lang] as Record<string, string>;
  return typeof role === "string" && words[role] ? words[role] : String(role ?? "");
}

export const LEVEL_WORDS: Record<Lang, Record<string, string>> = {
  id: { sasaran: "sasaran", program: "program", kegiatan: "kegiatan", subkegiatan: "sub kegiatan", indikator: "indikator" },
  en: { sasaran: "objective", program: "program", kegiatan: "activity", subkegiatan: "sub-activity", indikator: "indicator" },
};
