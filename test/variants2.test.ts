/**
 * Second variant corpus (test/fixtures/variants2, built by its build.js): table kinds the shapes and the first
 * variants do not cover (DOMAIN families, several/wide/long/hidden tables, negatives, messy values), checked
 * in-process with the same rules as ../shared/tools/check-shapes.mjs. A case still failing is listed in KNOWN
 * with the kind of problem; the test fails when one starts passing, so the list is the to-do list.
 */
import * as path from "path";
import { corpusCases, expectCorpusCase } from "./support/shapeCheck";

const DIR = path.join(__dirname, "fixtures", "variants2");
const cases = corpusCases(DIR);

/** Cases failing today, with the problem each shows (one line), grouped by kind of problem. */
const KNOWN: Record<string, string> = {
  // wrong formulas written (a false statement an auditor would sign)
  "rencana-aksi__monitoring-tw-target-realisasi-capaian": "each quarter's capaian divides by the annual target, not the quarter's under 'Target › TW I…IV' (25 % instead of 102 %)",
  "messy-rp__rp-in-its-own-column": "serapan divides by the 'Rp' text column under the merged 'Pagu Anggaran', not by the amount beside it: every result empty",
  "neg-chart-data__tahun-target-realisasi-series": "a 'Tahun | Target | Realisasi' chart series on a 'Data Grafik' sheet gets capaian and predikat columns appended",
  "lower-better__star-note-under-table": "indicators marked '*)' with the note '*) indikator negatif: semakin rendah … semakin baik' under the table get the higher-is-better formula",
  "messy-markers__lower-better-zero-cases": "'Jumlah kejadian luar biasa penyakit menular' is not known as lower-is-better: 0 cases give 0 % instead of 200 %",
  // wrong table structure or roles
  "several-tables__right-table-header-higher": "an indicator table at A5 and a table at I3 whose header starts two rows higher are read as one table A1:O14; the left columns lose their roles",
  "efficiency__seed-figures-capaian-typed": "a typed 'Capaian Kinerja (%)' (no target/realisasi) is taken as the existing serapan C = E/D ('confirmed'); the empty 'Serapan (%)' gets nothing",
  "year-comparison__selisih-capaian-column": "'Selisih Capaian (%)' (2024 minus 2023 capaian) is read as a third capaian column",
  "nasional-provinsi__realisasi-parent-kab-prov-nas": "under 'Realisasi 2024 › Kab. … | Prov. … | Nasional' the provincial column is a second realisasi; capaian needs confirmation, nothing written",
  // nothing written where a formula is due (safe, but missing)
  "hidden__hidden-columns-kode-and-last-year": "'Capaian (%)' without a year after a hidden 'Realisasi 2023': last year's column is the preferred candidate (0,60), nothing written",
  "categorical__full-words-opini-kla": "ratings in words ('Wajar Tanpa Pengecualian (WTP)', 'Wajar Dengan Pengecualian') are not read as opini ranks; no capaian there",
  "messy-ambiguous__thousands-dot-text-in-counts": "count realisasi pasted as text with a lone thousands dot ('1.340' Orang) are skipped as 'number vs number', not reported as text numbers",
  "ikhtisar__tercapai-melebihi-ticks-empty": "tick columns 'Tidak Tercapai | Tercapai | Melebihi' under 'Predikat' are not recognised and get no tick formula from the capaian",
  "ikhtisar__five-level-kriteria-ticks": "the five Permendagri 86 tick columns under 'Kriteria Capaian' are not recognised and get no tick formula from the capaian",
};

describe("layout variants, second corpus", () => {
  test("the KNOWN list names only existing cases", () => {
    expect(cases.length).toBeGreaterThan(0);
    expect(Object.keys(KNOWN).filter((k) => !cases.includes(k))).toEqual([]);
  });
  test.each(cases.map((c) => [c]))("%s", (name) => expectCorpusCase(DIR, name, KNOWN));
});
