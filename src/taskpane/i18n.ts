/** UI strings: Indonesian (the users' language) by default, English on request. */
import type { Language } from "../excel/preferences";

const id = {
  appTitle: "LKIP — Tabel Kinerja",
  appSubtitle: "Mengenali tabel capaian kinerja dan anggaran (Tabel 3.x) di buku kerja ini.",
  scan: "Pindai buku kerja",
  scanning: "Memindai…",
  language: "Bahasa",
  noTables: "Tidak ada tabel kinerja yang dikenali di buku kerja ini.",
  tablesFound: (n: number, s: number) => `${n} tabel ditemukan di ${s} lembar kerja`,
  sheet: "Lembar",
  range: "Rentang",
  family: "Jenis tabel",
  keyColumns: "Kolom utama",
  warnings: "Peringatan",
  selectHint: "Klik untuk memilih rentang tabel di Excel",
  noCaption: "(tanpa judul tabel)",
  lowerBetter: (n: number) => `${n} indikator: semakin rendah semakin baik`,
  outsideExcel: "Add-in ini berjalan di luar Excel. Buka dari tab Beranda (Home) di Excel untuk memindai buku kerja.",
  officeMissing: "Office.js tidak dapat dimuat (tidak ada koneksi ke Microsoft). Add-in hanya bekerja di dalam Excel.",
  scanFailed: "Pemindaian gagal",
  selectFailed: "Rentang tidak dapat dipilih",
  privacy: "Data buku kerja tidak dikirim ke mana pun; semua pengolahan terjadi di komputer Anda.",
};

export type Strings = typeof id;

const en: Strings = {
  appTitle: "LKIP — Performance Tables",
  appSubtitle: "Recognises the performance and budget tables (Tabel 3.x) in this workbook.",
  scan: "Scan workbook",
  scanning: "Scanning…",
  language: "Language",
  noTables: "No performance tables were recognised in this workbook.",
  tablesFound: (n: number, s: number) => `${n} table(s) found in ${s} sheet(s)`,
  sheet: "Sheet",
  range: "Range",
  family: "Table type",
  keyColumns: "Key columns",
  warnings: "Warnings",
  selectHint: "Click to select the table's range in Excel",
  noCaption: "(no caption)",
  lowerBetter: (n: number) => `${n} indicator(s): lower is better`,
  outsideExcel: "This add-in is running outside Excel. Open it from the Home tab in Excel to scan a workbook.",
  officeMissing: "Office.js could not be loaded (no connection to Microsoft). The add-in only works inside Excel.",
  scanFailed: "Scan failed",
  selectFailed: "The range could not be selected",
  privacy: "Workbook data is never sent anywhere; everything is processed on your computer.",
};

export const STRINGS: Record<Language, Strings> = { id, en };

/** Family names as the users say them. */
export const FAMILY_LABELS: Record<Language, Record<string, string>> = {
  id: {
    "capaian-iku": "Capaian IKU", "single-indicator": "Indikator tunggal", "year-comparison": "Perbandingan antar tahun",
    "multi-year-trend": "Tren beberapa tahun", "renstra-progress": "Kemajuan terhadap target akhir Renstra",
    "against-national": "Perbandingan nasional/provinsi", "program-indicators": "Indikator program", ikhtisar: "Ikhtisar capaian",
    "budget-evaluation-k-rp": "Evaluasi Renja (K/Rp)", "budget-realisation": "Realisasi anggaran", "budget-by-year": "Anggaran per tahun",
    "budget-allocation": "Alokasi anggaran", efficiency: "Efisiensi", "quarterly-allocation": "Alokasi triwulan",
    "renstra-targets": "Target Renstra", "pk-list": "Daftar Perjanjian Kinerja", "rencana-aksi-schedule": "Jadwal Rencana Aksi",
    reference: "Data rujukan", other: "Lainnya",
  },
  en: {
    "capaian-iku": "IKU achievement", "single-indicator": "Single indicator", "year-comparison": "Year comparison",
    "multi-year-trend": "Multi-year trend", "renstra-progress": "Progress to Renstra end target", "against-national": "Against national/provincial",
    "program-indicators": "Program indicators", ikhtisar: "Achievement summary", "budget-evaluation-k-rp": "Renja evaluation (K/Rp)",
    "budget-realisation": "Budget realisation", "budget-by-year": "Budget by year", "budget-allocation": "Budget allocation",
    efficiency: "Efficiency", "quarterly-allocation": "Quarterly allocation", "renstra-targets": "Renstra targets",
    "pk-list": "Performance agreement list", "rencana-aksi-schedule": "Action plan schedule", reference: "Reference data", other: "Other",
  },
};
