/**
 * Layout variants (test/fixtures/variants, built by its build.js): for each layout kind of the shapes
 * corpus, workbooks of the same kind with other wording, positions and sizes, checked in-process with
 * the same rules as ../shared/tools/check-shapes.mjs. A variant still failing is listed in KNOWN with
 * the kind of problem; the test fails when one starts passing, so the list is the to-do list.
 */
import * as fs from "fs";
import * as path from "path";
import { readWorkbookFile } from "../src/xlsx/readWorkbook";
import { artefacts, checkShape, loadExpected } from "./support/shapeCheck";

const DIR = path.join(__dirname, "fixtures", "variants");
const cases = fs.readdirSync(DIR).filter((f) => f.endsWith(".expected.json")).map((f) => f.replace(/\.expected\.json$/, "")).sort();

/** Variants failing today, with the problem each shows (one line), grouped by kind of problem. */
const KNOWN: Record<string, string> = {
  // wrong operands: a formula is written, over the wrong pair
  "r2-tingkat-realisasi__renstra-and-pk-targets-same-year": "capaian over 'Target Renstra 2024' instead of 'Target PK 2024'; a tingkat kemajuan over that Renstra year target is appended",
  "w2-cumulative-realisasi__pagu-murni-perubahan": "serapan over 'Pagu Murni' instead of 'Pagu Perubahan'",
  "w2-cumulative-realisasi__sd-tw3-tw4-sd-tw4": "capaian over the quarter 'Triwulan IV' instead of 's.d. Triwulan IV' (the year to date)",
  "c14-capaian-kinerja-value__kinerja-keuangan-groups": "'Capaian' beside '%' under 'Kinerja' read as capaian; the Kinerja '%' gets a serapan formula over the Keuangan pair, the Keuangan '%' stays empty",
  "r2-pct-realisasi-anggaran__realisasi-rp-and-realisasi-pct": "'Realisasi (%)' after 'Realisasi (Rp)' read as a second realisasi; a serapan column is appended instead",
  "r3-fisik-percent__single-row-keuangan-fisik": "'Realisasi Keuangan (%)' read as realisasi anggaran; a serapan column is appended instead of filling it",
  // roles from header words
  "h1-unmerged-2row__three-label-rows": "a 'Tahun Anggaran 2024' parent over Kinerja and Anggaran turns Target / Realisasi / Capaian into pagu / realisasi anggaran / serapan",
  "h1-unmerged-2row__target-realisasi-capaian-over-kinerja-anggaran": "'Anggaran (Rp)' under a 'Realisasi' parent read as pagu, so the Anggaran '%' under 'Capaian' becomes a capaian and no serapan is written",
  "renja86-unit-below__at-b12-kinerja-keuangan-units": "unit words 'Kinerja' / 'Keuangan' not read as K / Rp: the Rp columns of the pairs get K roles, the Renja serapan column is read as capaian",
  "c14-capaian-kinerja-value__single-row-capaian-and-pct": "'Capaian 2024' beside 'Capaian (%)' read as a capaian, so nothing is computed",
  "c15-rasio-baseline__caps-baseline-pagu-indikatif": "'CAPAIAN KINERJA TAHUN DASAR (BASELINE)' read as serapan",
  "r2-pct-realisasi-anggaran__prosentase-typo": "'DPA (RP)' (the budget document) not read as pagu",
  "r2-persen-di-lra__lra-columns-at-b4": "'Persen RAK' (planned cash, a plan) read as a second serapan when '% LRA' holds typed values",
  "r3-harga-satuan-sumber-dana__vol-sat-abbrev-at-b4": "the abbreviation 'Sat.' not read as satuan",
  "h1-unmerged-2row__abbrev-th-parent": "abbreviations 'Tgt' / 'Real.' / '% Cap.' under 'Th. 2024' not read (roles other, nothing computed)",
  "b2-goal-section-rows__roman-caps-sections": "mixed 'Sasaran / Indikator Kinerja' column read as sasaran though its data rows hold the indicators",
  "h3-group-row__unmerged-roman-program-rows": "mixed 'Program / Indikator' column read as nomenklatur though its data rows hold the indicators",
  // confidence: the right pair is found but left below the threshold, nothing written
  "r1-sipd-rekap-belanja__total-pct-empty": "empty TOTAL '%' paired with the TOTAL pair at confidence 0.6 only: needs confirmation, nothing written",
  "w2-cumulative-realisasi__semester-columns": "capaian = 'Tahun 2024' / target found at confidence 0.6 only (semester parts beside it): nothing written",
  // body
  "b3-repeated-header__lanjutan-line": "a 'Tabel 3.2 (Lanjutan)' line before the repeated header ends the table; the continuation becomes a second table",
  // polarity
  "r3-iku-pic-polarisasi__resolved-percentages-higher-better": "'pengaduan / temuan / kasus / tunggakan' make '… yang diselesaikan / ditindaklanjuti / ditangani / tertagih' lower-is-better",
  // text numbers
  "p16-percent-text-target__capaian-typed-as-text": "an existing capaian typed as text ('102,13%') is not listed among the numbers stored as text",
  // the shapes' open kinds (issue 9): section-row averages, percent units, percent text, code-tree totals
  "b2-goal-section-rows__sasaran-merged-text": "average capaian per sasaran written into the section rows (as shape b2, issue 9)",
  "b2-goal-section-rows__tujuan-sasaran-labels-at-b7": "average capaian per sasaran written into the section rows (as shape b2, issue 9)",
  "p16-percent-format-mismatch__realisasi-fraction-formatted": "realisasi 0,95 formatted % over target 100 gives 0,95 % (units not reconciled, as shape p16); 'pengaduan … diselesaikan' also lower-is-better",
  "p16-percent-format-mismatch__year-comparison-mixed": "2024 target 0,78 formatted % over realisasi 79,2 gives 10 154 % (as shape p16)",
  "p16-percent-text-target__both-text": "percentages typed as text ('85,5%') give an empty capaian (as shape p16)",
  "p16-percent-text-target__realisasi-text-percent": "realisasi typed as text ('90,00 %') gives an empty capaian (as shape p16)",
  "w3-code-tree-totals__three-levels-total-row": "the TOTAL sums rows of several code levels (as shape w3)",
  "w3-code-tree-totals__rekening-at-b6-jumlah": "the Jumlah sums rows of several code levels and the audit reports total-mismatch (as shape w3)",
};

describe("layout variants", () => {
  test("every shape kind has variants", () => {
    const shapes = fs.readdirSync(path.join(__dirname, "fixtures", "shapes")).filter((f) => f.endsWith(".expected.json")).map((f) => f.replace(/\.expected\.json$/, ""));
    const kinds = new Set(cases.map((c) => c.split("__")[0]));
    expect(shapes.filter((s) => !kinds.has(s))).toEqual([]);
    expect(Object.keys(KNOWN).filter((k) => !cases.includes(k))).toEqual([]);
  });
  test.each(cases.map((c) => [c]))("%s", async (name) => {
    const expected = loadExpected(path.join(DIR, `${name}.expected.json`));
    const snapshot = await readWorkbookFile(path.join(DIR, `${name}.xlsx`));
    const reasons = checkShape(expected, artefacts(snapshot, expected));
    if (process.env.VARIANTS_REPORT) fs.appendFileSync(process.env.VARIANTS_REPORT, JSON.stringify({ name, reasons }) + "\n");
    if (KNOWN[name]) expect({ name, passes: reasons.length === 0 }).toEqual({ name, passes: false });
    else expect({ name, reasons }).toEqual({ name, reasons: [] });
  });
});
