/** Recognition messages: table warnings, the evidence for roles and pairings, row kinds, polarity. */
import type { PhraseBook } from "./index";
import type { RECOGNITION_CODES } from "../core/messages/recognition";

type Code = (typeof RECOGNITION_CODES)[number];

const SCOPE_ID: Record<string, string> = { cumulative: "kumulatif (s.d.)", renstra: "periode Renstra", baseline: "tahun awal (baseline)" };
const SCOPE_EN: Record<string, string> = { cumulative: "cumulative (to date)", renstra: "Renstra period", baseline: "baseline year" };
/** The word a name starts with that states its level, as it is written in the workbook (Indonesian). */
const LEVEL_KEYWORD: Record<string, string> = { program: "program", kegiatan: "kegiatan", subkegiatan: "sub kegiatan" };
const LEVEL_CUE_ID: Record<string, string> = { "code-depth": "kedalaman kode", numbering: "gaya penomoran", "bold-indent": "cetak tebal dan inden" };
const LEVEL_CUE_EN: Record<string, string> = { "code-depth": "code depth", numbering: "numbering style", "bold-indent": "bold and indentation" };
const SCALE: Record<string, string> = { kla: "Kota Layak Anak", sakip: "nilai SAKIP", "opini-bpk": "opini BPK" };

export const RECOGNITION_PHRASES: PhraseBook<Code> = {
  id: {
    "header-no-text": (p, f) => `${f.cell(p.at)}: kolom ${f.col(p.column)} tidak berjudul`,
    "column-hidden": (p, f) => `${p.sheet}: kolom ${f.col(p.col)} tersembunyi`,
    "rows-hidden": (p, f) => `${p.sheet}: baris tersembunyi di dalam tabel: ${Array.isArray(p.rows) ? p.rows.map((r) => f.row(r)).join(", ") : ""}`,
    "duplicate-role": (p, f) => `${p.sheet}: kolom ${f.cols(p.cols)} sama-sama ${f.role(p.role)}${p.year ? " " + p.year : ""}; periksa judul kolom`,
    "ambiguous-numeral": (p, f) => `${f.cell(p.at)}: "${f.text(p.raw)}" bisa berarti ${f.num(p.asGrouping)} atau ${f.num(p.asDecimal)}; kolomnya tidak memberi petunjuk`,
    "bundled-figures": (p, f) => `${f.cell(p.at)}: beberapa angka dalam satu sel ("${f.text(p.raw)}")`,
    "relation-mismatch": (p, f) => `${p.sheet}: kolom ${f.col(p.col)} dinyatakan "${f.text(p.relation)}", tetapi operandnya ${f.role(p.operandRoles)}`,
    "family-evidence": (p) => {
      const n = p.n as number | undefined;
      const words: Record<string, string> = {
        "month-columns": `${n} kolom bulan`, "efficiency-column": "kolom efisiensi / efektivitas", "k-rp-pairs": "pasangan K/Rp target dan realisasi",
        quarters: "anggaran dibagi per triwulan", pembanding: "angka nasional / provinsi di samping realisasi", "renstra-progress": "target akhir Renstra / tingkat kemajuan",
        "budget-years": "pagu dan realisasi beberapa tahun", "budget-realisation": "pagu dan realisasi anggaran", "pagu-only": "pagu tanpa realisasi",
        "target-years": `target untuk ${n} tahun`, "one-target": "indikator dengan satu target", "realisasi-years": `realisasi untuk ${n} tahun`,
        "predikat-only": "predikat tanpa target/realisasi", "target-realisasi-years": `target dan realisasi untuk ${n} tahun`,
        "realisasi-capaian-years": `realisasi / capaian untuk ${n} tahun`, "program-indicators": "program dengan indikatornya",
        indicators: "indikator dengan target, realisasi dan capaian", "single-indicator": "satu indikator dengan target dan realisasi",
        "realisasi-of-indicators": "realisasi indikator", "names-only": "nama dan indikator tanpa angka untuk dihitung", "no-measures": "tidak ada kolom ukuran",
      };
      return words[String(p.basis)] ?? "dari peran kolomnya";
    },
    "capaian-can-be-added": () => "tidak ada kolom capaian: target dan realisasi ada, capaian dapat ditambahkan sebagai rumus",
    "pairing-needs-confirmation": (p, f) =>
      `${p.sheet}: ${f.role(p.measure)}${p.output !== null ? ` kolom ${f.col(p.output)}` : ""} = ${f.col(p.numerator)} / ${f.col(p.denominator)} belum pasti (keyakinan ${f.num(p.confidence, 2)}); tidak ditulis sampai Anda memilih`,
    "evidence-header-word": (p, f) => `judul "${f.text(p.text)}" → ${f.role(p.role)}`,
    "evidence-no-role-word": (p, f) => `judul "${f.text(p.header)}" tidak menyebut peran kolom`,
    "evidence-no-header": () => "kolom tanpa judul",
    "evidence-money-parent": (p, f) => `di bawah judul anggaran → ${f.role(p.role)}`,
    "evidence-rp-measure": (p, f) => `kolom Rp → ${f.role(p.role)}`,
    "evidence-year": (p) => `tahun ${p.year}`,
    "evidence-period": (p, f) => `periode ${f.text(p.period)}`,
    "evidence-measure": (p, f) => `satuan kolom ${f.text(p.measure)}`,
    "evidence-scope": (p) => `cakupan ${SCOPE_ID[String(p.scope)] ?? p.scope}`,
    "evidence-form": (p, f) => `formulir baku ${f.text(p.form)}, kolom nomor ${f.text(p.number)} → ${f.role(p.role)}`,
    "evidence-money-figures": (p, f) => `isinya nilai rupiah (median ${f.num(p.median, 0)}) → ${f.role(p.role)}`,
    "evidence-percent-figures": () => "isinya persentase, bukan nilai rupiah",
    "evidence-renstra-target": (p) => `target Renstra tahun ${p.year}, sesudah tahun tabel ${p.tableYear} → target akhir`,
    "evidence-renstra-ratio": () => "persentase terhadap target Renstra → tingkat kemajuan",
    "evidence-stated-relation": (p, f) => `baris nomor kolom menyatakan "${f.text(p.text)}" (${f.text(p.expression)})`,
    "evidence-formula-relation": (p, f) => `rumus di sel kolom ini: ${f.text(p.expression)}`,
    "evidence-operand-of": (p, f) => `operand rumus kolom ${f.col(p.col)} → ${f.role(p.role)}`,
    "evidence-reproduced": (p, f) => `angka ketikan sama dengan ${f.col(p.numerator)} / ${f.col(p.denominator)} pada ${p.matched} dari ${p.total} baris`,
    "evidence-ratio-budget-table": () => "persentase di tabel anggaran → serapan",
    "evidence-ratio-performance-table": () => "persentase di tabel kinerja → capaian",
    "evidence-ratio-after": (p, f) => `persentase sesudah kolom ${f.col(p.col)}`,
    "evidence-unexplained-percent": () => "persentase yang maknanya tidak dapat dipastikan",
    "evidence-percent-in-triplet": () => "kolom % dalam kelompok K | % | Rp",
    "evidence-capaian-value": (p, f) => `"Capaian" di samping persentase capaian (kolom ${f.col(p.sibling)}) berisi nilai realisasi`,
    "evidence-numbering-column": () => "kolom tanpa judul berisi penomoran",
    "evidence-currency-column": () => "kolom hanya berisi tanda mata uang \"Rp\"; nilainya di kolom sebelahnya",
    "evidence-names-not-figures": () => "isinya nama, bukan angka",
    "evidence-rating-words": () => "isinya kata predikat",
    "evidence-tick-band": (p, f) => `kolom centang untuk predikat "${f.text(p.band)}"${p.parent ? ` di bawah "${f.text(p.parent)}"` : ""}, diisi dari capaian`,
    "evidence-several-levels": (p, f) => `barisnya memuat beberapa tingkat (${Array.isArray(p.levels) ? p.levels.map((l) => f.level(l)).join(", ") : ""}) → nomenklatur`,
    "evidence-polarity-values": (p) => `${p.matched} dari ${p.total} sel menyatakan arah polaritas (mis. "semakin rendah semakin baik") → kolom polaritas`,
    "evidence-no-polarity-values": () => "judul seperti kolom polaritas, tetapi isinya tidak menyatakan arah polaritas",
    "evidence-user-choice": (p, f) => `dipilih pengguna (terdeteksi: ${f.role(p.detected)})`,
    "evidence-pair-by-header": (p, f) => `pasangan dari judul kolom: ${f.col(p.numerator)} / ${f.col(p.denominator)}`,
    "evidence-remaining-pair": (p, f) => `satu-satunya pasangan realisasi/target yang tersisa: ${f.col(p.numerator)} / ${f.col(p.denominator)}`,
    "evidence-parallel-columns": (p, f) => `kolom berulang berpasangan menurut urutan: ${f.col(p.numerator)} / ${f.col(p.denominator)}`,
    "evidence-pair-ambiguous": (p, f) => `beberapa pasangan mungkin; dipilih ${f.col(p.numerator)} / ${f.col(p.denominator)}`,
    "pairing-implausible": (p, f) => `hasil ${f.col(p.numerator)} / ${f.col(p.denominator)} tidak masuk akal (${p.share} % di luar −1.000 … 1.000 %)`,
    "pairing-units-differ": (p, f) => `${f.col(p.numerator)} dan ${f.col(p.denominator)} berbeda jenis (rupiah vs bukan rupiah)`,
    "row-note": () => "catatan atau sumber",
    "row-blank": () => "baris kosong",
    "row-repeated-header": () => "judul tabel diulang (pindah halaman)",
    "row-column-numbers": () => "nomor kolom",
    "row-units": () => "satuan kolom",
    "row-total": (p, f) => `baris jumlah ("${f.text(p.text)}")`,
    "row-section-label": (p, f) => `baris bagian ("${f.text(p.text)}")`,
    "row-text-across": (p, f) => `satu teks melintang tabel ("${f.text(p.text)}")`,
    "row-level": (p, f) => {
      const cue =
        p.cue === "keyword" ? `nama diawali "${LEVEL_KEYWORD[String(p.level)] ?? f.text(p.level)}"`
        : p.cue === "name-column" ? `kolom nama: ${f.role(p.role)}`
        : `${LEVEL_CUE_ID[String(p.cue)] ?? f.text(p.cue)}: tingkat ${f.num(p.rank)} dari ${f.num(p.depth)}${p.aligned ? ", diselaraskan dengan baris yang namanya menyebut tingkat" : ""}`;
      return `${f.level(p.level)} (${cue})`;
    },
    "row-indicator-under-name": () => "indikator di bawah nama di atasnya",
    "row-indicator": () => "baris indikator",
    "row-no-hierarchy": () => "tanpa petunjuk tingkat",
    "numerals-votes": (p, f) => `${f.num(p.id)} sel ditulis cara Indonesia (1.234,5), ${f.num(p.en)} sel cara Inggris (1,234.5)`,
    "numerals-no-clue": () => "tidak ada sel yang pemisah angkanya jelas",
    "numerals-money-grouping": () => "kolom rupiah: satu pemisah sebelum tiga angka dibaca sebagai pemisah ribuan",
    "polarity-column": (p, f) => `kolom polaritas menyatakan "${f.text(p.text)}"`,
    "polarity-categorical-ladder": (p) => `target/realisasi adalah jenjang ${SCALE[String(p.scale)] ?? p.scale}; capaian membandingkan peringkatnya`,
    "polarity-note": (p, f) => `catatan tabel: "${f.text(p.quote)}"`,
    "polarity-satuan-negative": (p, f) => `satuan "${f.text(p.satuan)}" bertanda negatif`,
    "polarity-keyword-lower": (p, f) => `indikator menyebut "${f.text(p.keyword)}", hal yang makin sedikit makin baik`,
    "polarity-targets-fall": (p, f) => `target turun setiap tahun (${Array.isArray(p.targets) ? p.targets.map((t) => f.num(t)).join(" → ") : ""})`,
    "polarity-scored-grade": () => "predikat bernilai dalam kurung; nilainya yang dibandingkan",
    "polarity-reduction": () => "indikator mengukur penurunan, jadi penurunan lebih besar lebih baik",
    "polarity-handled-share": () => "indikator mengukur bagian kasus yang ditangani/diselesaikan, jadi semakin tinggi semakin baik",
    "polarity-default": () => "tidak ada tanda indikator \"semakin rendah semakin baik\"",
  },
  en: {
    "header-no-text": (p, f) => `${f.cell(p.at)}: column ${f.col(p.column)} has no header text`,
    "column-hidden": (p, f) => `${p.sheet}: column ${f.col(p.col)} is hidden`,
    "rows-hidden": (p, f) => `${p.sheet}: hidden rows inside the table: ${Array.isArray(p.rows) ? p.rows.map((r) => f.row(r)).join(", ") : ""}`,
    "duplicate-role": (p, f) => `${p.sheet}: columns ${f.cols(p.cols)} are both ${f.role(p.role)}${p.year ? " " + p.year : ""}; check the header`,
    "ambiguous-numeral": (p, f) => `${f.cell(p.at)}: "${f.text(p.raw)}" could be ${f.num(p.asGrouping)} or ${f.num(p.asDecimal)}; the column gives no clue`,
    "bundled-figures": (p, f) => `${f.cell(p.at)}: several figures packed in one cell ("${f.text(p.raw)}")`,
    "relation-mismatch": (p, f) => `${p.sheet}: column ${f.col(p.col)} is stated as "${f.text(p.relation)}" but its operands are ${f.role(p.operandRoles)}`,
    "family-evidence": (p) => {
      const n = p.n as number | undefined;
      const words: Record<string, string> = {
        "month-columns": `${n} month columns`, "efficiency-column": "efisiensi / efektivitas column", "k-rp-pairs": "K/Rp pairs of target and realisasi",
        quarters: "budget split over quarters", pembanding: "national / provincial figures beside realisasi", "renstra-progress": "Renstra end target / progress (tingkat kemajuan)",
        "budget-years": "pagu and realisasi for several years", "budget-realisation": "pagu and realisasi anggaran", "pagu-only": "pagu without realisasi",
        "target-years": `targets for ${n} years`, "one-target": "indicators with one target", "realisasi-years": `realisasi for ${n} years`,
        "predikat-only": "predikat without target/realisasi", "target-realisasi-years": `target and realisasi for ${n} years`,
        "realisasi-capaian-years": `realisasi / capaian for ${n} years`, "program-indicators": "program with its indicators",
        indicators: "indicators with target, realisasi and capaian", "single-indicator": "one indicator with target and realisasi",
        "realisasi-of-indicators": "realisasi of indicators", "names-only": "names and indicators without figures to compute", "no-measures": "no measurement roles",
      };
      return words[String(p.basis)] ?? "from its columns' roles";
    },
    "capaian-can-be-added": () => "no capaian column: target and realisasi are there, capaian can be added as formulas",
    "pairing-needs-confirmation": (p, f) =>
      `${p.sheet}: ${f.role(p.measure)}${p.output !== null ? ` column ${f.col(p.output)}` : ""} = ${f.col(p.numerator)} / ${f.col(p.denominator)} is uncertain (confidence ${f.num(p.confidence, 2)}); not written until you choose`,
    "evidence-header-word": (p, f) => `header "${f.text(p.text)}" → ${f.role(p.role)}`,
    "evidence-no-role-word": (p, f) => `header "${f.text(p.header)}" names no role`,
    "evidence-no-header": () => "no header text",
    "evidence-money-parent": (p, f) => `under a budget header → ${f.role(p.role)}`,
    "evidence-rp-measure": (p, f) => `Rp column → ${f.role(p.role)}`,
    "evidence-year": (p) => `year ${p.year}`,
    "evidence-period": (p, f) => `period ${f.text(p.period)}`,
    "evidence-measure": (p, f) => `measure ${f.text(p.measure)}`,
    "evidence-scope": (p) => `scope: ${SCOPE_EN[String(p.scope)] ?? p.scope}`,
    "evidence-form": (p, f) => `standard form ${f.text(p.form)}, column number ${f.text(p.number)} → ${f.role(p.role)}`,
    "evidence-money-figures": (p, f) => `its figures are rupiah amounts (median ${f.num(p.median, 0)}) → ${f.role(p.role)}`,
    "evidence-percent-figures": () => "its figures are percentages, not rupiah amounts",
    "evidence-renstra-target": (p) => `Renstra target for ${p.year}, after the table's year ${p.tableYear} → end target`,
    "evidence-renstra-ratio": () => "a percentage of the Renstra target → progress (tingkat kemajuan)",
    "evidence-stated-relation": (p, f) => `the number row states "${f.text(p.text)}" (${f.text(p.expression)})`,
    "evidence-formula-relation": (p, f) => `formulas in this column: ${f.text(p.expression)}`,
    "evidence-operand-of": (p, f) => `operand of column ${f.col(p.col)}'s formula → ${f.role(p.role)}`,
    "evidence-reproduced": (p, f) => `typed figures equal ${f.col(p.numerator)} / ${f.col(p.denominator)} in ${p.matched} of ${p.total} rows`,
    "evidence-ratio-budget-table": () => "a percentage in a budget table → serapan",
    "evidence-ratio-performance-table": () => "a percentage in a performance table → capaian",
    "evidence-ratio-after": (p, f) => `a percentage after column ${f.col(p.col)}`,
    "evidence-unexplained-percent": () => "a percentage whose meaning cannot be established",
    "evidence-percent-in-triplet": () => "% column of a K | % | Rp group",
    "evidence-capaian-value": (p, f) => `"Capaian" beside a capaian percentage (column ${f.col(p.sibling)}) holds the realised value`,
    "evidence-numbering-column": () => "unlabelled column holding numbering",
    "evidence-currency-column": () => "the column holds only the currency sign \"Rp\"; the amount is beside it",
    "evidence-names-not-figures": () => "its cells are names, not figures",
    "evidence-rating-words": () => "its cells are rating words",
    "evidence-tick-band": (p, f) => `tick column of the rating "${f.text(p.band)}"${p.parent ? ` under "${f.text(p.parent)}"` : ""}, ticked from the capaian`,
    "evidence-several-levels": (p, f) => `its rows hold several levels (${Array.isArray(p.levels) ? p.levels.map((l) => f.level(l)).join(", ") : ""}) → nomenklatur`,
    "evidence-polarity-values": (p) => `${p.matched} of ${p.total} cells state a polarity (e.g. "semakin rendah semakin baik") → polarity column`,
    "evidence-no-polarity-values": () => "the header reads like a polarity column, but its cells state no polarity",
    "evidence-user-choice": (p, f) => `chosen by the user (detected: ${f.role(p.detected)})`,
    "evidence-pair-by-header": (p, f) => `pair from the headers: ${f.col(p.numerator)} / ${f.col(p.denominator)}`,
    "evidence-remaining-pair": (p, f) => `the only realisasi/reference pair left: ${f.col(p.numerator)} / ${f.col(p.denominator)}`,
    "evidence-parallel-columns": (p, f) => `repeated columns paired in order: ${f.col(p.numerator)} / ${f.col(p.denominator)}`,
    "evidence-pair-ambiguous": (p, f) => `several pairs possible; took ${f.col(p.numerator)} / ${f.col(p.denominator)}`,
    "pairing-implausible": (p, f) => `${f.col(p.numerator)} / ${f.col(p.denominator)} gives implausible values (${p.share} % outside −1,000 … 1,000 %)`,
    "pairing-units-differ": (p, f) => `${f.col(p.numerator)} and ${f.col(p.denominator)} are of different kinds (rupiah vs not)`,
    "row-note": () => "footnote or source line",
    "row-blank": () => "empty row",
    "row-repeated-header": () => "repeats the header (the table crossed a page)",
    "row-column-numbers": () => "column numbers",
    "row-units": () => "column units",
    "row-total": (p, f) => `total row ("${f.text(p.text)}")`,
    "row-section-label": (p, f) => `section row ("${f.text(p.text)}")`,
    "row-text-across": (p, f) => `one text across the table ("${f.text(p.text)}")`,
    "row-level": (p, f) => {
      const cue =
        p.cue === "keyword" ? `the name starts with "${LEVEL_KEYWORD[String(p.level)] ?? f.text(p.level)}"`
        : p.cue === "name-column" ? `name column: ${f.role(p.role)}`
        : `${LEVEL_CUE_EN[String(p.cue)] ?? f.text(p.cue)}: rank ${f.num(p.rank)} of ${f.num(p.depth)}${p.aligned ? ", aligned on the rows whose name states the level" : ""}`;
      return `${f.level(p.level)} (${cue})`;
    },
    "row-indicator-under-name": () => "indicator row under the name above",
    "row-indicator": () => "indicator row",
    "row-no-hierarchy": () => "no hierarchy cue",
    "numerals-votes": (p, f) => `${f.num(p.id)} cell(s) in Indonesian form (1.234,5), ${f.num(p.en)} in English form (1,234.5)`,
    "numerals-no-clue": () => "no cell shows its separators unambiguously",
    "numerals-money-grouping": () => "money column: a lone separator before three digits is read as digit grouping",
    "polarity-column": (p, f) => `the polarity column says "${f.text(p.text)}"`,
    "polarity-categorical-ladder": (p) => `target/realisasi are rungs of the ${SCALE[String(p.scale)] ?? p.scale} ladder; capaian compares their ranks`,
    "polarity-note": (p, f) => `note says: "${f.text(p.quote)}"`,
    "polarity-satuan-negative": (p, f) => `satuan "${f.text(p.satuan)}" is marked negative`,
    "polarity-keyword-lower": (p, f) => `indicator mentions "${f.text(p.keyword)}", where less is better`,
    "polarity-targets-fall": (p, f) => `targets fall every year (${Array.isArray(p.targets) ? p.targets.map((t) => f.num(t)).join(" → ") : ""})`,
    "polarity-scored-grade": () => "grades carry scores in parentheses; the scores are compared",
    "polarity-reduction": () => "indicator measures a reduction, so more reduction is better",
    "polarity-handled-share": () => "indicator measures the share of cases handled or resolved, so higher is better",
    "polarity-default": () => "no sign of a lower-is-better indicator",
  },
};
