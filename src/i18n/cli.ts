/**
 * The `lkip` command's own words, in Bahasa Indonesia (default) and English: the help, usage errors, and
 * the framing of what each command prints (the messages inside come from the core's codes through
 * `phrase()`). Counts are formatted for the language (id-ID: 1.234); row numbers and cell references are
 * printed as Excel shows them. test/cliLanguage.test.ts runs every command and fails on words of the
 * other language.
 */
import { formatNumber, Lang } from "./index";

const USAGE_ID = `Cara pakai:
  lkip analyze <berkas.xlsx> [--json]
  lkip fill <masukan.xlsx> -o <keluaran.xlsx> [--negative A|B|C] [--scale permendagri86|tercapai|sakip|none|skala.json]
            [--efficiency sederhana|pmk214|none] [--cap 120] [--floor 0] [--overwrite] [--keep-text]
            [--pair "Lembar!G=F/E"] [--json]
  lkip audit <masukan.xlsx> [--negative A|B|C] [--scale …] [--json]
  lkip rencana-aksi <masukan.xlsx> -o <keluaran.xlsx> [--year 2024] [--phasing auto|ramp|split|akhir|flat]
            [--profile profil.json] [--pk lembar!rentang] [--budget lembar!rentang|none] [--quarterly lembar!rentang|none] [--json]
  lkip perjanjian-kinerja <masukan.xlsx> -o <keluaran.xlsx> --profile profil.json [--perubahan] [--year 2024]
            [--pk lembar!rentang] [--budget lembar!rentang|none] [--json]

  analyze         mengenali tabel kinerja (Tabel 3.x) di buku kerja
  fill            menulis rumus capaian, predikat, serapan dan efisiensi ke salinan buku kerja
  audit           menghitung ulang setiap capaian, predikat, serapan, efisiensi dan jumlah yang diketik; memeriksa rumus
  rencana-aksi    menambah lembar Rencana Aksi: target dan anggaran TW I–IV, kolom realisasi/capaian, pengecekan
  perjanjian-kinerja  menambah lembar Perjanjian Kinerja siap cetak beserta lampirannya (A4 tegak)
  --phasing       target triwulan: auto (per indikator, menurut satuannya), ramp (kumulatif 25/50/75/100 %),
                  split (jumlah TW = target), akhir (TW IV saja), flat (sama setiap TW)
  --profile       perangkat daerah, pejabat penanda tangan, tempat dan tanggal (lihat examples/profile.json)
  --perubahan     PK Perubahan, dari anggaran perubahan bila buku kerja memilikinya
  --pk, --budget, --quarterly
                  tabel sumber sebagai "lembar!rentang" (seperti daftar lkip analyze), atau none;
                  bawaan: tabel yang paling sesuai
  --negative      rumus indikator "semakin rendah semakin baik": A (2T-R)/T (bawaan), B T/R, C (T-R)/T
  --scale         skala predikat (bawaan permendagri86), atau berkas JSON skala sendiri:
                  {"label": "…", "bands": [{"from": 0, "to": 60, "label": "Kurang"}, …]} (persen capaian)
  --efficiency    metode efisiensi (bawaan sederhana = 100 % - serapan)
  --cap, --floor  batas atas / bawah capaian dalam persen, terlihat di rumusnya (MIN/MAX)
  --overwrite     menimpa sel hitungan yang sudah berisi (bawaan: dilaporkan, tidak pernah ditimpa)
  --keep-text     membiarkan angka yang tersimpan sebagai teks (rumus yang membacanya kosong, masing-masing
                  dengan alasannya); bawaan: yang dibaca rumus diubah menjadi angka di salinan, dicantumkan per sel
  --pair          operand kolom hitungan, "Lembar!G=F/E" (G dihitung, F realisasinya, E target atau pagunya;
                  untuk kolom yang baru akan ditambahkan, sebut kolom realisasinya: "Lembar!F=F/E")
  --allow-loss    tetap menulis salinan walaupun ada bagian buku kerja yang tidak dapat dibawa (disebutkan dahulu)
  --lang id|en    bahasa pesan dan isi yang ditulis ke buku kerja (bawaan: dari LANG, selain itu Bahasa Indonesia)
  --json          mencetak hasil sebagai JSON
  --help          menampilkan bantuan ini
Kode keluar: 0 selesai, 2 cara pakai salah, 3 masalah berkas (masukan bukan .xlsx yang dapat dibaca, jalur keluaran
tidak dapat dipakai, ada bagian yang akan hilang), 1 penulisan gagal (berkas keluaran yang sudah ada dibiarkan).`;

const USAGE_EN = `Usage:
  lkip analyze <file.xlsx> [--json]
  lkip fill <in.xlsx> -o <out.xlsx> [--negative A|B|C] [--scale permendagri86|tercapai|sakip|none|bands.json]
            [--efficiency sederhana|pmk214|none] [--cap 120] [--floor 0] [--overwrite] [--keep-text]
            [--pair "Sheet!G=F/E"] [--json]
  lkip audit <in.xlsx> [--negative A|B|C] [--scale …] [--json]
  lkip rencana-aksi <in.xlsx> -o <out.xlsx> [--year 2024] [--phasing auto|ramp|split|akhir|flat] [--profile profile.json]
            [--pk sheet!range] [--budget sheet!range|none] [--quarterly sheet!range|none] [--json]
  lkip perjanjian-kinerja <in.xlsx> -o <out.xlsx> --profile profile.json [--perubahan] [--year 2024]
            [--pk sheet!range] [--budget sheet!range|none] [--json]

  analyze         recognise the performance tables (Tabel 3.x) of a workbook
  fill            write capaian, predikat, serapan and efficiency formulas into a copy of the workbook
  audit           recompute every hand-typed capaian, predikat, serapan, efisiensi and total; lint formulas
  rencana-aksi    add a Rencana Aksi sheet: TW I–IV targets and budgets, realisasi/capaian columns, checks
  perjanjian-kinerja  add a printable Perjanjian Kinerja sheet with its lampiran (A4 portrait)
  --phasing       TW targets: auto (per indicator, from its satuan), ramp (cumulative 25/50/75/100 %),
                  split (quarters add up), akhir (TW IV only), flat (same each quarter)
  --profile       agency, officials, place and date (see examples/profile.json)
  --perubahan     a revised PK ("PK Perubahan"), from the revised budget when the workbook has one
  --pk, --budget, --quarterly
                  the source tables as "sheet!range" (as analyze lists them), or none; default: the best fitting
  --negative      formula for lower-is-better indicators: A (2T-R)/T (default), B T/R, C (T-R)/T
  --scale         predikat scale (default permendagri86), or a JSON file of your own bands:
                  {"label": "…", "bands": [{"from": 0, "to": 60, "label": "Kurang"}, …]} (percent of capaian)
  --efficiency    efficiency method (default sederhana = 100 % - serapan)
  --cap, --floor  limit capaian to at most / at least this percentage, visibly in the formula (MIN/MAX)
  --overwrite     replace non-empty computed cells (default: report them, never overwrite)
  --keep-text     leave numbers stored as text as they are (their formulas stay empty, each with its reason);
                  by default the ones the formulas read are converted in the copy, listed cell by cell
  --pair          the operands of a computed column, "Sheet!G=F/E" (G computed, F the realisasi, E the
                  target or pagu; for a column still to be appended, name its realisasi: "Sheet!F=F/E")
  --allow-loss    write the copy even if a part of the workbook cannot be carried into it (named first)
  --lang id|en    the language of messages and of what is written into the workbook (default: from LANG,
                  else Indonesian)
  --json          print the result as JSON on stdout
  --help          show this help
Exit codes: 0 done, 2 bad usage, 3 a file problem (input not a readable .xlsx, output path unusable, a part
that would be lost), 1 writing failed (an existing output file is left as it was).`;

/** "3 tables" / "1 table": English counts take their plural; Indonesian nouns do not change. */
const en = (n: number, one: string, many = `${one}s`) => `${formatNumber(n, "en")} ${n === 1 ? one : many}`;

function indonesian() {
  const n = (v: number) => formatNumber(v, "id");
  return {
    usage: USAGE_ID,
    // usage errors
    unknownCommand: (c: string) => `perintah "${c}" tidak dikenal`,
    unknownOption: (o: string, c: string) => `pilihan ${o} tidak dikenal untuk ${c}`,
    needsValue: (o: string) => `${o} memerlukan nilai`,
    badChoice: (o: string, allowed: readonly string[], v: string) => `${o} harus salah satu dari ${allowed.join(", ")} (tertulis "${v}")`,
    badYear: (v: string) => `--year memerlukan tahun seperti 2024 (tertulis "${v}")`,
    badPercent: (o: string, v: string) => `${o} memerlukan persentase seperti 120 (tertulis "${v}")`,
    oneFile: (c: string, k: number) => `${c} memerlukan tepat satu berkas .xlsx (tertulis ${n(k)})`,
    needsOutput: (c: string) => `${c} memerlukan -o <keluaran.xlsx> (berkas masukan tidak pernah ditulis)`,
    needsProfile: "perjanjian-kinerja memerlukan --profile profil.json (perangkat daerah, pejabat, tempat dan tanggal; lihat examples/profile.json)",
    pairForm: (v: string) => `--pair ${v}: tulis sebagai "Lembar!G=F/E" (kolom hitungan = realisasi / target)`,
    pairWhichTable: (v: string, cells: string[]) => `--pair ${v}: beberapa tabel di lembar itu punya kolom hitungan ini; sebutkan barisnya, misalnya ${cells.slice(0, 6).join(", ")}`,
    pairUnknown: (v: string, col: string, sheet: string, known: string[]) => `--pair ${v}: tidak ada kolom hitungan ${col} di lembar "${sheet}"${known.length ? ` (kolom hitungan di sana: ${known.join(", ")})` : ""}`,
    tableUnknown: (which: string, id: string, ids: string[], more: boolean) => `--${which} ${id}: tidak ada tabel yang dikenali di sana (tabel: ${ids.join(", ")}${more ? ", …" : ""}; lihat lkip analyze)`,
    // progress bar
    recognising: "mengenali",
    writing: "menulis",
    // analyze
    workbook: "buku kerja",
    sheetHead: (sheet: string, tables: number) => `Lembar "${sheet}" (${n(tables)} tabel)`,
    noCaption: "(tanpa judul tabel)",
    form: (name: string) => `format ${name}`,
    headerRows: (top: number, bottom: number) => (top === bottom ? `judul baris ${top}` : `judul baris ${top}–${bottom}`),
    numberRow: (r: number) => `nomor kolom baris ${r}`,
    unitRow: (r: number) => `satuan baris ${r}`,
    bodyRows: (top: number, bottom: number) => `data baris ${top}–${bottom}`,
    columns: "kolom",
    otherColumns: (k: number) => `(+${n(k)} kolom lain)`,
    noKeyColumns: "tanpa kolom kinerja atau anggaran",
    polarityRow: (row: number, polarity: string, why: string) => `baris ${row}: ${polarity}${why ? ` — ${why}` : ""}`,
    relation: (col: string, text: string, expression: string) => `kolom ${col} tertulis "${text}" → ${expression}`,
    newColumn: "kolom baru",
    pairing: { confirmed: "siap ditulis", "needs-confirmation": "perlu dikonfirmasi (--pair), tidak ditulis", chosen: "dipilih pengguna" } as Record<string, string>,
    confidence: (share: number) => `keyakinan ${n(Math.round(share * 100))} %`,
    tablesIn: (tables: number, sheets: number) => `${n(tables)} tabel di ${n(sheets)} lembar`,
    // fill
    formulas: (k: number, roles: string) => `${n(k)} rumus: ${roles || "tidak ada"}`,
    appended: (at: string, header: string, table: string) => `  kolom baru ${at} "${header}" pada ${table}`,
    converted: (k: number) => `${n(k)} angka yang tersimpan sebagai teks diubah menjadi angka di salinan (tampilannya tetap; daftar lengkap dengan --json):`,
    kept: (k: number) => `${n(k)} angka tersimpan sebagai teks dibiarkan (--keep-text); rumus yang membacanya kosong:`,
    reconciled: (k: number) => `${n(k)} pasangan operand dengan satuan persen berbeda, diselaraskan di dalam rumus:`,
    empty: (k: number) => `${n(k)} rumus dengan hasil kosong, masing-masing dengan alasannya (juga sebagai catatan di selnya):`,
    skipped: (k: number) => `${n(k)} sel dilewati:`,
    current: (k: number) => `${n(k)} sel sudah berisi rumus yang sama dari add-in (tidak diubah)`,
    more: (k: number) => `  … ${n(k)} lagi (gunakan --json)`,
    legend: (sheet: string) => `metode dan pilihan per indikator dicatat di lembar "${sheet}"`,
    // audit
    findings: (file: string, k: number) => `${file}: ${n(k)} temuan`,
    typed: "diketik",
    expected: "seharusnya",
    // rencana-aksi, perjanjian-kinerja
    generatedSheet: (name: string, replaces: boolean) => `Lembar "${name}"${replaces ? " (menggantikan lembar yang dibuat sebelumnya)" : ""}`,
    sources: (pk: string, budget: string) => `Sumber: ${pk}; ${budget}`,
    pkSource: (table: string, sheet: string, indicators: number, year: number | null) => `${table} (lembar ${sheet}): ${n(indicators)} indikator${year ? `, target tahun ${year}` : ""}`,
    budgetSource: (table: string, sheet: string, rows: number) => `${table} (lembar ${sheet}): ${n(rows)} baris anggaran`,
    noPk: "tidak ada tabel PK/IKU",
    noBudget: "tidak ada tabel anggaran",
    programs: (k: number, total: number) => `${n(k)} program, jumlah anggaran Rp ${n(total)}`,
  };
}

export type CliStrings = ReturnType<typeof indonesian>;

function english(): CliStrings {
  const n = (v: number) => formatNumber(v, "en");
  return {
    usage: USAGE_EN,
    unknownCommand: (c) => `unknown command "${c}"`,
    unknownOption: (o, c) => `unknown option ${o} for ${c}`,
    needsValue: (o) => `${o} needs a value`,
    badChoice: (o, allowed, v) => `${o} must be one of ${allowed.join(", ")} (got "${v}")`,
    badYear: (v) => `--year takes a year such as 2024 (got "${v}")`,
    badPercent: (o, v) => `${o} takes a percentage such as 120 (got "${v}")`,
    oneFile: (c, k) => `${c} takes exactly one .xlsx file (got ${n(k)})`,
    needsOutput: (c) => `${c} needs -o <out.xlsx> (the input file is never written)`,
    needsProfile: "perjanjian-kinerja needs --profile profile.json (agency, officials, place and date; see examples/profile.json)",
    pairForm: (v) => `--pair ${v}: write it as "Sheet!G=F/E" (computed column = realisasi / target)`,
    pairWhichTable: (v, cells) => `--pair ${v}: several tables on that sheet have this computed column; name its row, e.g. ${cells.slice(0, 6).join(", ")}`,
    pairUnknown: (v, col, sheet, known) => `--pair ${v}: no computed column ${col} on sheet "${sheet}"${known.length ? ` (computed columns there: ${known.join(", ")})` : ""}`,
    tableUnknown: (which, id, ids, more) => `--${which} ${id}: no recognised table there (tables: ${ids.join(", ")}${more ? ", …" : ""}; see lkip analyze)`,
    recognising: "recognising",
    writing: "writing",
    workbook: "workbook",
    sheetHead: (sheet, tables) => `Sheet "${sheet}" (${en(tables, "table")})`,
    noCaption: "(no caption)",
    form: (name) => `form ${name}`,
    headerRows: (top, bottom) => (top === bottom ? `header row ${top}` : `header rows ${top}–${bottom}`),
    numberRow: (r) => `column numbers row ${r}`,
    unitRow: (r) => `units row ${r}`,
    bodyRows: (top, bottom) => `data rows ${top}–${bottom}`,
    columns: "columns",
    otherColumns: (k) => `(+${en(k, "other column")})`,
    noKeyColumns: "no performance or budget columns",
    polarityRow: (row, polarity, why) => `row ${row}: ${polarity}${why ? ` — ${why}` : ""}`,
    relation: (col, text, expression) => `column ${col} stated as "${text}" → ${expression}`,
    newColumn: "new column",
    pairing: { confirmed: "will be written", "needs-confirmation": "needs confirming (--pair), not written", chosen: "chosen by the user" },
    confidence: (share) => `confidence ${n(Math.round(share * 100))} %`,
    tablesIn: (tables, sheets) => `${en(tables, "table")} in ${en(sheets, "sheet")}`,
    formulas: (k, roles) => `${en(k, "formula")}: ${roles || "none"}`,
    appended: (at, header, table) => `  appended ${at} "${header}" to ${table}`,
    converted: (k) => `${en(k, "number")} stored as text converted into numbers in the copy (shown as before; full list with --json):`,
    kept: (k) => `${en(k, "number")} stored as text left as text (--keep-text); the formulas reading them are empty:`,
    reconciled: (k) => `${en(k, "operand pair")} in different percent units, reconciled inside the formula:`,
    empty: (k) => `${en(k, "formula")} with an empty result, each with its reason (also as a note on its cell):`,
    skipped: (k) => `${en(k, "cell")} skipped:`,
    current: (k) => `${en(k, "cell")} already ${k === 1 ? "holds" : "hold"} the same formula from the add-in (left as they are)`,
    more: (k) => `  … ${n(k)} more (use --json)`,
    legend: (sheet) => `methods and per-indicator choices are listed on the sheet "${sheet}"`,
    findings: (file, k) => `${file}: ${en(k, "finding")}`,
    typed: "typed",
    expected: "expected",
    generatedSheet: (name, replaces) => `Sheet "${name}"${replaces ? " (replaces the one generated before)" : ""}`,
    sources: (pk, budget) => `From ${pk}; ${budget}`,
    pkSource: (table, sheet, indicators, year) => `${table} (sheet ${sheet}): ${en(indicators, "indicator")}${year ? `, targets of ${year}` : ""}`,
    budgetSource: (table, sheet, rows) => `${table} (sheet ${sheet}): ${en(rows, "budget row")}`,
    noPk: "no PK/IKU table",
    noBudget: "no budget table",
    programs: (k, total) => `${en(k, "program")}, total budget Rp ${n(total)}`,
  };
}

export const CLI_STRINGS: Record<Lang, CliStrings> = { id: indonesian(), en: english() };
