/** Write-plan messages: skipped cells and empty results, conversions, notes, appended headers, the legend and the method catalogue. */
import type { PhraseBook, Formatters, Phrase } from "./index";
import type { PLAN_CODES } from "../core/messages/plan";
import type { MessageParams } from "../core/messages";

type Code = (typeof PLAN_CODES)[number];

const KIND_ID: Record<string, string> = { empty: "kosong", number: "angka", percent: "persen", grade: "nilai berpredikat", category: "kategori", marker: "tanda tanpa nilai", bundle: "beberapa angka dalam satu sel", text: "teks" };
const KIND_EN: Record<string, string> = { empty: "empty", number: "a number", percent: "a percentage", grade: "a graded score", category: "a category", marker: "a no-value marker", bundle: "several figures in one cell", text: "text" };

const HEADER_ID: Record<string, string> = {
  capaian: "Capaian", predikat: "Predikat", serapan: "Serapan Anggaran", efisiensi: "Efisiensi", tingkat_kemajuan: "Tingkat Kemajuan",
  nilai_efisiensi: "Nilai Efisiensi", rata_rata_sasaran: "Rata-rata Capaian Sasaran", sisa_anggaran: "Sisa Anggaran", total: "Jumlah",
};
const HEADER_EN: Record<string, string> = {
  capaian: "Achievement", predikat: "Rating", serapan: "Budget Absorption", efisiensi: "Efficiency", tingkat_kemajuan: "Progress to Renstra Target",
  nilai_efisiensi: "Efficiency Score", rata_rata_sasaran: "Average Achievement per Objective", sisa_anggaran: "Unspent Budget", total: "Total",
};
/** "Capaian K 2024 TW1 (%)": the label, K for a performance sub-column, the year and period of the column it sits beside. */
function header(words: Record<string, string>): Phrase {
  return (p: MessageParams, f: Formatters) => {
    const parts = [words[String(p.role)] ?? f.text(p.role)];
    if (p.measure === "K") parts.push("K");
    if (p.year) parts.push(String(p.year));
    if (p.period) parts.push(String(p.period));
    return parts.join(" ") + (p.percent ? " (%)" : "");
  };
}

const SCALE_ID: Record<string, string> = { kla: "Kota Layak Anak", sakip: "nilai SAKIP", "opini-bpk": "opini BPK" };
const SCALE_EN: Record<string, string> = { kla: "Child-Friendly City", sakip: "SAKIP score", "opini-bpk": "BPK audit opinion" };
const PREDIKAT_ID: Record<string, string> = { permendagri86: "Permendagri 86/2017 (lima tingkat)", tercapai: "Ketercapaian target (tiga tingkat)", sakip: "Evaluasi SAKIP (PermenPANRB 88/2021), nilai 0–100" };
const PREDIKAT_EN: Record<string, string> = { permendagri86: "Permendagri 86/2017 (five levels)", tercapai: "Target attainment (three levels)", sakip: "SAKIP evaluation (PermenPANRB 88/2021), score 0–100" };

/** What a non-vacant cell holds (`occupant` kind, `detail`), as a reader may not see it. */
function occupant(lang: "id" | "en") {
  return (p: MessageParams, f: Formatters) => {
    const d = f.text(p.detail);
    switch (p.occupant) {
      case "formula":
        return lang === "id" ? `rumus ${d}` : `the formula ${d}`;
      case "merged":
        return lang === "id" ? "bagian dari sel gabungan" : "part of a merged area";
      case "apostrophe":
        return lang === "id" ? "teks kosong (satu apostrof)" : "an empty text (a lone apostrophe)";
      case "spaces":
        return lang === "id" ? `${d} spasi` : `${d} space(s)`;
      default:
        return `"${d}"`;
    }
  };
}
const OCC_ID = occupant("id");
const OCC_EN = occupant("en");

export const PLAN_PHRASES: PhraseBook<Code> = {
  id: {
    "skip-needs-confirmation": (p, f) => `${f.role(p.measure)} = ${f.col(p.numerator)} / ${f.col(p.denominator)} belum pasti (keyakinan ${f.num(p.confidence, 2)}); tidak ditulis sampai Anda memilih pasangan kolomnya`,
    "skip-column-not-empty": (p, f) => `kolom ${f.col(p.col)} di samping ${f.text(p.table)} tidak kosong (selnya berisi ${OCC_ID(p, f)}); kolom ${f.role(p.role)} tidak ditambahkan`,
    "skip-last-column": (p, f) => `${f.text(p.table)} berakhir di kolom terakhir Excel (XFD); tidak ada tempat untuk kolom ${f.role(p.role)}`,
    "skip-looks-empty": (p, f) => `tampak kosong tetapi berisi ${OCC_ID(p, f)}; tidak ditimpa (kosongkan selnya, atau pilih "timpa")`,
    "skip-beyond-range": (p, f) => `hasilnya di luar rentang angka Excel (masukan ${f.list(p.inputs)}); tidak ditulis`,
    "skip-inside-merge": (p, f) => `di dalam sel gabungan ${f.text(p.range)}; hanya sel kiri atasnya yang dapat berisi`,
    "skip-holds-formula": (p, f) => `sudah berisi rumus (${f.text(p.formula)}); pilih "timpa" untuk menggantinya`,
    "skip-holds-value": (p, f) => `berisi angka ketikan (${f.text(p.typed)}); tidak ditimpa — pemeriksaan membandingkannya dengan ${p.expected === null ? "hasil kosong" : f.num(p.expected)}`,
    "skip-not-comparable": (p, f) => `target ${f.cell(p.target)} "${f.text(p.targetRaw)}" (${KIND_ID[String(p.targetKind)] ?? p.targetKind}) dan realisasi ${f.cell(p.realisasi)} "${f.text(p.realisasiRaw)}" (${KIND_ID[String(p.realisasiKind)] ?? p.realisasiKind}) tidak dapat dibandingkan`,
    "skip-implausible": (p, f) => `${f.role(p.role)} ${f.cell(p.numerator)} / ${f.cell(p.denominator)} = ${f.num(p.value, 2)} % tidak masuk akal (di luar −1.000 … 1.000 %); periksa satuan dan kolomnya — tidak ditulis`,
    "skip-text-kept": (p, f) => `${f.cell(p.at)} "${f.text(p.raw)}" adalah angka yang tersimpan sebagai teks dan tidak diubah`,
    "skip-pmk214-no-capaian": () => "efisiensi PMK 214 memerlukan capaian baris ini, dan baris ini tidak memilikinya",
    "skip-tick-bands-overlap": (p, f) => `kolom centang ${Array.isArray(p.bands) ? p.bands.map((b) => `"${f.text(b)}"`).join(", ") : ""} tidak membentuk jenjang yang jelas (dua kolom untuk batas yang sama); tidak ada centang yang ditulis`,
    "skip-total-average-row": (p, f) => `baris "${f.text(p.text)}" adalah rata-rata, bukan jumlah; tidak diisi SUM`,
    "skip-total-after-subtotals": (p, f) => `baris "${f.text(p.text)}" tampak sebagai total keseluruhan, tetapi blok di atasnya tidak ditutup subtotalnya sendiri; tidak jelas baris mana yang dijumlahkan, jadi tidak ditulis`,
    "empty-input-missing": (p, f) => `hasil kosong: ${f.role(p.role).toLowerCase()} ${f.cell(p.at)} kosong`,
    "empty-input-marker": (p, f) => `hasil kosong: ${f.role(p.role).toLowerCase()} ${f.cell(p.at)} berisi "${f.text(p.raw)}" (tanpa nilai)`,
    "empty-input-text": (p, f) => `hasil kosong: ${f.role(p.role).toLowerCase()} ${f.cell(p.at)} "${f.text(p.raw)}" bukan angka`,
    "empty-input-kept-text": (p, f) => `hasil kosong: ${f.role(p.role).toLowerCase()} ${f.cell(p.at)} "${f.text(p.raw)}" angka tersimpan sebagai teks (pengubahan teks dimatikan)`,
    "empty-zero-divisor": (p, f) => `hasil kosong: ${f.role(p.role).toLowerCase()} ${f.cell(p.at)} bernilai 0`,
    "empty-input-empty": (p, f) => `hasil kosong: ${f.role(p.role).toLowerCase()} ${f.cell(p.at)} kosong`,
    "text-number": (p, f) => `${f.cell(p.at)} "${f.text(p.raw)}" → ${f.num(p.value)}`,
    "text-number-by-row": (p, f) =>
      `${f.cell(p.at)} "${f.text(p.raw)}" dibaca ${f.num(p.value)} (${p.separator === "," ? "koma" : "titik"} ${p.grouping ? "sebagai pemisah ribuan" : "sebagai tanda desimal"}), karena ${[p.unit ? `satuannya ${f.text(p.unit)} dihitung utuh` : "", p.partner ? `angka pembandingnya di ${f.cell(p.partner)} adalah ${f.num(p.partnerValue)}` : ""].filter(Boolean).join(" dan ")}`,
    "percent-unit-reconciled": (p, f) => `${f.cell(p.scaled)} "${f.text(p.scaledRaw)}" adalah persen dalam bentuk pecahan (format %), ${f.cell(p.other)} "${f.text(p.otherRaw)}" dalam satuan persen: rumus membaca ${f.cell(p.scaled)} × 100`,
    "note-capaian": () => 'Capaian = realisasi / target; indikator "semakin rendah semakin baik" dengan rumus yang dipilih (PermenPANRB 53/2014).',
    "note-predikat": () => "Predikat dari sel capaian menurut skala yang dipilih.",
    "note-serapan": () => "Serapan = realisasi anggaran / pagu.",
    "note-sisa_anggaran": () => "Sisa anggaran = pagu − realisasi anggaran.",
    "note-efisiensi": () => "Efisiensi menurut metode yang dipilih.",
    "note-nilai_efisiensi": () => "Nilai efisiensi NE = 50 % + (E / 20 %) × 50 %, dibatasi 0–100 % (PMK 214/PMK.02/2017).",
    "note-tingkat_kemajuan": () => "Tingkat kemajuan = realisasi / target akhir Renstra.",
    "note-rata_rata_sasaran": () => "Rata-rata capaian indikator per sasaran.",
    "note-total": () => "Jumlah = SUM rincian di bawahnya.",
    "note-tick": () => "Centang = tanda bila capaian baris ini berada dalam rentang predikat kolom ini.",
    "note-written-by": (p, f) => `Ditulis sebagai rumus oleh add-in LKIP; metode dan sumber di lembar "${f.text(p.legend)}".`,
    "note-empty": (p, f) => `LKIP: ${f.text(p.reason)}`,
    "header-column": header(HEADER_ID),
    "legend-intro": () => "Setiap angka yang ditulis add-in adalah rumus Excel yang dapat diklik dan ditelusuri. Data tidak dikirim ke mana pun.",
    "legend-method": () => "Metode",
    "legend-words": () => "Rumus (kata)",
    "legend-example": () => "Rumus Excel (contoh)",
    "legend-source": () => "Sumber",
    "legend-count": () => "Jumlah sel",
    "legend-choices": () => "Pilihan per indikator",
    "legend-sheet": () => "Lembar",
    "legend-row": () => "Baris",
    "legend-indicator": () => "Indikator",
    "legend-polarity": () => "Polaritas",
    "legend-reason": () => "Alasan",
    "legend-formula": () => "Rumus capaian",
    "legend-rank": () => "Peringkat",
    "polarity-higher-better": () => "semakin tinggi semakin baik",
    "polarity-lower-better": () => "semakin rendah semakin baik",
    "polarity-categorical": () => "kategori (peringkat)",
    "method-capaian-higher-better": () => "Capaian (semakin tinggi semakin baik)",
    "method-capaian-lower-better": (p) => `Capaian (semakin rendah semakin baik, rumus ${p.method})`,
    "method-capaian-grade": () => "Capaian nilai berpredikat",
    "method-rata-rata-sasaran": () => "Rata-rata capaian per sasaran",
    "method-jumlah": () => "Jumlah (roll-up)",
    "method-serapan": () => "Serapan anggaran",
    "method-sisa": () => "Sisa anggaran",
    "method-efisiensi-sederhana": () => "Efisiensi (sederhana)",
    "method-efisiensi-pmk214": () => "Efisiensi PMK 214/PMK.02/2017",
    "method-efisiensi-pmk214-kelompok": () => "Efisiensi PMK 214 kelompok (program/total)",
    "method-nilai-efisiensi": () => "Nilai efisiensi PMK 214",
    "method-efektivitas": () => "Efektivitas",
    "method-tingkat-kemajuan": () => "Tingkat kemajuan",
    "method-capaian-ladder": (p) => `Capaian kategori (${SCALE_ID[String(p.scale)] ?? p.scale})`,
    "method-predikat": (p, f) => `Predikat: ${PREDIKAT_ID[String(p.scale)] ?? f.text(p.label)}`,
    "method-tick": (p, f) => `Centang predikat (${Array.isArray(p.labels) ? p.labels.map(f.text).join(" / ") : f.text(p.labels)})`,
    "words-capaian-higher-better": () => "realisasi / target",
    "words-capaian-A": () => "(2 × target − realisasi) / target",
    "words-capaian-B": () => "target / realisasi",
    "words-capaian-C": () => "(target − realisasi) / target",
    "words-capaian-grade": () => 'skor realisasi / skor target, skor = angka dalam kurung ("A (80.35)" / "BB (75)")',
    "words-rata-rata-sasaran": () => "rata-rata capaian indikator sasaran (sel kosong tidak dihitung)",
    "words-jumlah": () => "induk = Σ rincian satu tingkat di bawahnya (menurut kode atau tingkat); total = Σ baris teratas",
    "words-serapan": () => "realisasi anggaran / pagu",
    "words-sisa": () => "pagu − realisasi anggaran",
    "words-efisiensi-sederhana": () => "100 % − serapan; bermakna bila capaian ≥ 100 %",
    "words-efisiensi-pmk214": () => "E = (pagu × capaian − realisasi anggaran) / (pagu × capaian)",
    "words-efisiensi-pmk214-kelompok": () => "E = Σ(pagu × capaian − realisasi anggaran) / Σ(pagu × capaian) atas rincian yang bercapaian",
    "words-nilai-efisiensi": () => "NE = 50 % + (E / 20 %) × 50 %, dibatasi 0–100 %",
    "words-efektivitas": () => "(target / pagu) / (realisasi / realisasi anggaran)",
    "words-tingkat-kemajuan": () => "realisasi / target akhir Renstra",
    "words-capaian-ladder": (p, f) => `peringkat realisasi / peringkat target pada tangga ${Array.isArray(p.rungs) ? p.rungs.map(f.text).join(" < ") : f.text(p.rungs)}`,
    "words-predikat": (p, f) => `${Array.isArray(p.bands) ? p.bands.map(f.text).join(" · ") : f.text(p.bands)} · lainnya ${f.text(p.otherwise)}`,
    "words-tick": (p, f) => `"${f.text(p.mark)}" pada kolom yang rentangnya memuat capaian: ${Array.isArray(p.bands) ? p.bands.map(f.text).join(" · ") : f.text(p.bands)}`,
    "source-permenpanrb-53": () => "PermenPANRB 53/2014",
    "source-permenpanrb-53-choice": () => "PermenPANRB 53/2014; rumus dipilih pengguna (tidak diatur satu rumus baku)",
    "source-permendagri-86": () => "Permendagri 86/2017",
    "source-common-practice": () => "praktik umum perangkat daerah",
    "source-pmk-214": () => "PMK 214/PMK.02/2017 (diganti PMK 22/PMK.02/2021)",
    "source-efektivitas-report": () => "rumus yang dipakai laporan rujukan",
    "source-renstra-evaluation": () => "Permendagri 86/2017 (evaluasi Renstra)",
    "source-custom-scale": () => "skala ditetapkan pengguna",
    "source-permenpanrb-88": () => "PermenPANRB 88/2021",
    "source-tercapai": () => "PermenPANRB 53/2014 (capaian terhadap target)",
    "source-header-bands": () => "rentang yang tertulis pada judul kolom tabel",
  },
  en: {
    "skip-needs-confirmation": (p, f) => `${f.role(p.measure)} = ${f.col(p.numerator)} / ${f.col(p.denominator)} is uncertain (confidence ${f.num(p.confidence, 2)}); not written until you choose the columns`,
    "skip-column-not-empty": (p, f) => `column ${f.col(p.col)} is not empty next to ${f.text(p.table)} (the cell holds ${OCC_EN(p, f)}); no ${f.role(p.role)} column appended`,
    "skip-last-column": (p, f) => `${f.text(p.table)} ends at Excel's last column (XFD); no room for a ${f.role(p.role)} column`,
    "skip-looks-empty": (p, f) => `looks empty but holds ${OCC_EN(p, f)}; not overwritten (clear the cell, or choose overwrite)`,
    "skip-beyond-range": (p, f) => `the result is beyond Excel's number range (inputs ${f.list(p.inputs)}); nothing written`,
    "skip-inside-merge": (p, f) => `inside the merged area ${f.text(p.range)}; only its top-left cell can hold a value`,
    "skip-holds-formula": (p, f) => `already holds a formula (${f.text(p.formula)}); use overwrite to replace it`,
    "skip-holds-value": (p, f) => `holds a typed value (${f.text(p.typed)}); not overwritten — the audit compares it with ${p.expected === null ? "an empty result" : f.num(p.expected)}`,
    "skip-not-comparable": (p, f) => `target ${f.cell(p.target)} "${f.text(p.targetRaw)}" (${KIND_EN[String(p.targetKind)] ?? p.targetKind}) and realisasi ${f.cell(p.realisasi)} "${f.text(p.realisasiRaw)}" (${KIND_EN[String(p.realisasiKind)] ?? p.realisasiKind}) cannot be compared`,
    "skip-implausible": (p, f) => `${f.role(p.role)} ${f.cell(p.numerator)} / ${f.cell(p.denominator)} = ${f.num(p.value, 2)} % is implausible (outside −1,000 … 1,000 %); check the units and columns — not written`,
    "skip-text-kept": (p, f) => `${f.cell(p.at)} "${f.text(p.raw)}" is a number stored as text and was not converted`,
    "skip-pmk214-no-capaian": () => "PMK 214 efficiency needs the row's capaian, and this row has none",
    "skip-tick-bands-overlap": (p, f) => `the tick columns ${Array.isArray(p.bands) ? p.bands.map((b) => `"${f.text(b)}"`).join(", ") : ""} do not form a clear ladder (two columns for the same bound); no ticks written`,
    "skip-total-average-row": (p, f) => `the row "${f.text(p.text)}" is an average, not a sum; no SUM written`,
    "skip-total-after-subtotals": (p, f) => `the row "${f.text(p.text)}" reads as a grand total, but the block above it has no subtotal of its own; which rows it sums is unclear, so nothing is written`,
    "empty-input-missing": (p, f) => `empty result: ${f.role(p.role)} ${f.cell(p.at)} is empty`,
    "empty-input-marker": (p, f) => `empty result: ${f.role(p.role)} ${f.cell(p.at)} holds "${f.text(p.raw)}" (no value)`,
    "empty-input-text": (p, f) => `empty result: ${f.role(p.role)} ${f.cell(p.at)} "${f.text(p.raw)}" is not a number`,
    "empty-input-kept-text": (p, f) => `empty result: ${f.role(p.role)} ${f.cell(p.at)} "${f.text(p.raw)}" is a number stored as text (conversion is off)`,
    "empty-zero-divisor": (p, f) => `empty result: ${f.role(p.role)} ${f.cell(p.at)} is 0`,
    "empty-input-empty": (p, f) => `empty result: ${f.role(p.role)} ${f.cell(p.at)} is empty`,
    "text-number": (p, f) => `${f.cell(p.at)} "${f.text(p.raw)}" → ${f.num(p.value)}`,
    "text-number-by-row": (p, f) =>
      `${f.cell(p.at)} "${f.text(p.raw)}" read as ${f.num(p.value)} (the ${p.separator === "," ? "comma" : "point"} ${p.grouping ? "groups thousands" : "is the decimal mark"}), because ${[p.unit ? `its unit ${f.text(p.unit)} counts whole things` : "", p.partner ? `the figure it is compared with in ${f.cell(p.partner)} is ${f.num(p.partnerValue)}` : ""].filter(Boolean).join(" and ")}`,
    "percent-unit-reconciled": (p, f) => `${f.cell(p.scaled)} "${f.text(p.scaledRaw)}" is a percent held as a fraction (% format), ${f.cell(p.other)} "${f.text(p.otherRaw)}" is in percent units: the formula reads ${f.cell(p.scaled)} × 100`,
    "note-capaian": () => "Achievement = realisasi / target; lower-is-better indicators with the chosen formula (PermenPANRB 53/2014).",
    "note-predikat": () => "Rating of the achievement cell on the chosen scale.",
    "note-serapan": () => "Absorption = spending / budget ceiling.",
    "note-sisa_anggaran": () => "Unspent budget = budget ceiling − spending.",
    "note-efisiensi": () => "Efficiency by the chosen method.",
    "note-nilai_efisiensi": () => "Efficiency score NE = 50 % + (E / 20 %) × 50 %, limited to 0–100 % (PMK 214/PMK.02/2017).",
    "note-tingkat_kemajuan": () => "Progress = realisasi / Renstra end target.",
    "note-rata_rata_sasaran": () => "Average achievement of the objective's indicators.",
    "note-total": () => "Total = SUM of the lines below it.",
    "note-tick": () => "Tick = a mark when this row's capaian falls in this column's rating band.",
    "note-written-by": (p, f) => `Written as a formula by the LKIP add-in; methods and sources on the sheet "${f.text(p.legend)}".`,
    "note-empty": (p, f) => `LKIP: ${f.text(p.reason)}`,
    "header-column": header(HEADER_EN),
    "legend-intro": () => "Every number the add-in writes is an Excel formula that can be clicked and traced. No data is sent anywhere.",
    "legend-method": () => "Method",
    "legend-words": () => "Formula (words)",
    "legend-example": () => "Excel formula (example)",
    "legend-source": () => "Source",
    "legend-count": () => "Cells",
    "legend-choices": () => "Choices per indicator",
    "legend-sheet": () => "Sheet",
    "legend-row": () => "Row",
    "legend-indicator": () => "Indicator",
    "legend-polarity": () => "Polarity",
    "legend-reason": () => "Reason",
    "legend-formula": () => "Achievement formula",
    "legend-rank": () => "Rank",
    "polarity-higher-better": () => "higher is better",
    "polarity-lower-better": () => "lower is better",
    "polarity-categorical": () => "category (rank)",
    "method-capaian-higher-better": () => "Achievement (higher is better)",
    "method-capaian-lower-better": (p) => `Achievement (lower is better, formula ${p.method})`,
    "method-capaian-grade": () => "Achievement of graded scores",
    "method-rata-rata-sasaran": () => "Average achievement per objective",
    "method-jumlah": () => "Total (roll-up)",
    "method-serapan": () => "Budget absorption",
    "method-sisa": () => "Unspent budget",
    "method-efisiensi-sederhana": () => "Efficiency (simple)",
    "method-efisiensi-pmk214": () => "Efficiency PMK 214/PMK.02/2017",
    "method-efisiensi-pmk214-kelompok": () => "Efficiency PMK 214 of a group (program/total)",
    "method-nilai-efisiensi": () => "Efficiency score PMK 214",
    "method-efektivitas": () => "Effectiveness",
    "method-tingkat-kemajuan": () => "Progress to Renstra target",
    "method-capaian-ladder": (p) => `Achievement on a ladder (${SCALE_EN[String(p.scale)] ?? p.scale})`,
    "method-predikat": (p, f) => `Rating: ${PREDIKAT_EN[String(p.scale)] ?? f.text(p.label)}`,
    "method-tick": (p, f) => `Rating ticks (${Array.isArray(p.labels) ? p.labels.map(f.text).join(" / ") : f.text(p.labels)})`,
    "words-capaian-higher-better": () => "realisasi / target",
    "words-capaian-A": () => "(2 × target − realisasi) / target",
    "words-capaian-B": () => "target / realisasi",
    "words-capaian-C": () => "(target − realisasi) / target",
    "words-capaian-grade": () => 'realised score / target score, the score being the number in brackets ("A (80.35)" / "BB (75)")',
    "words-rata-rata-sasaran": () => "average achievement of the objective's indicators (empty cells not counted)",
    "words-jumlah": () => "parent = Σ of the lines one level below (by code or level); total = Σ of the top level",
    "words-serapan": () => "spending / budget ceiling",
    "words-sisa": () => "budget ceiling − spending",
    "words-efisiensi-sederhana": () => "100 % − absorption; meaningful where achievement ≥ 100 %",
    "words-efisiensi-pmk214": () => "E = (ceiling × achievement − spending) / (ceiling × achievement)",
    "words-efisiensi-pmk214-kelompok": () => "E = Σ(ceiling × achievement − spending) / Σ(ceiling × achievement) over the parts with an achievement",
    "words-nilai-efisiensi": () => "NE = 50 % + (E / 20 %) × 50 %, limited to 0–100 %",
    "words-efektivitas": () => "(target / ceiling) / (realisasi / spending)",
    "words-tingkat-kemajuan": () => "realisasi / Renstra end target",
    "words-capaian-ladder": (p, f) => `rank of realisasi / rank of target on the ladder ${Array.isArray(p.rungs) ? p.rungs.map(f.text).join(" < ") : f.text(p.rungs)}`,
    "words-predikat": (p, f) => `${Array.isArray(p.bands) ? p.bands.map(f.text).join(" · ") : f.text(p.bands)} · otherwise ${f.text(p.otherwise)}`,
    "words-tick": (p, f) => `"${f.text(p.mark)}" in the column whose band holds the capaian: ${Array.isArray(p.bands) ? p.bands.map(f.text).join(" · ") : f.text(p.bands)}`,
    "source-permenpanrb-53": () => "PermenPANRB 53/2014",
    "source-permenpanrb-53-choice": () => "PermenPANRB 53/2014; formula chosen by the user (no single formula is prescribed)",
    "source-permendagri-86": () => "Permendagri 86/2017",
    "source-common-practice": () => "common practice of regional agencies",
    "source-pmk-214": () => "PMK 214/PMK.02/2017 (replaced by PMK 22/PMK.02/2021)",
    "source-efektivitas-report": () => "the formula of the reference report",
    "source-renstra-evaluation": () => "Permendagri 86/2017 (Renstra evaluation)",
    "source-custom-scale": () => "scale set by the user",
    "source-permenpanrb-88": () => "PermenPANRB 88/2021",
    "source-tercapai": () => "PermenPANRB 53/2014 (achievement against target)",
    "source-header-bands": () => "the bands printed in the table's column headers",
  },
};
