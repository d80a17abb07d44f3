/**
 * Third variant corpus (test/fixtures/variants3, built by its build.js): the kinds of the shapes and the second
 * corpus in forms neither earlier corpus builds (see its README), checked
 * in-process with the same rules as ../shared/tools/check-shapes.mjs. A case still failing is listed in KNOWN
 * with the kind of problem; the test fails when one starts passing, so the list is the to-do list.
 */
import * as path from "path";
import { corpusCases, expectCorpusCase } from "./support/shapeCheck";

const DIR = path.join(__dirname, "fixtures", "variants3");
const cases = corpusCases(DIR);

/** Cases failing today, with the problem each shows (one line), grouped by kind of problem. */
const KNOWN: Record<string, string> = {
  // wrong formulas written (a false figure an auditor would sign)
  "polarity__sifat-indikator-sentences": "roles + polarity: 'Sifat Indikator' is taken as the indikator column (word 'Indikator'); 'Semakin rendah semakin baik' is not read, lower-is-better rows get the higher formula",
  "polarity__plus-minus-signs": "polarity: the 'Polaritas' column is recognised but its '(-)' / '(+)' values are not read; rows without a keyword (Hari, rasio belanja pegawai) get the higher formula",
  "totals__subtotal-per-program-and-total": "body rows + plan: 'Sub Total' rows are not seen as subtotals; sums and serapan are written into the programme label rows (no figures) and the bottom 'TOTAL' gets nothing",
  // nothing written where a formula is due (safe, but missing)
  "lkip__quarter-parents-t-r-pct": "roles: one-letter labels 'T | R | %' under 'TW I' … 'TW IV' stay 'other'; no capaian per quarter",
  "english__kpi-and-budget": "roles: English labels (Unit, Actual, Achievement, Budget, Expenditure, Absorption) are 'other'; nothing computed",
  "english__budget-remaining-realization-rate-total": "band: no table found for 'Code | Program / Activity | Budget Ceiling | Realization | Remaining Budget | Realization Rate (%)'",
  "renja86__unmerged-repeated-numbers-anggaran-units": "band/body: the unit row 'Kinerja | Anggaran (Rp)' under an unmerged number row with repeated numbers is read as the only body row (body 9-9); unlabelled Rp sub-columns get K roles",
  "totals__lra-group-rows-on-top": "plan (totals): the top row '5 BELANJA DAERAH' (sum of 5.1 and 5.2 below it) gets no sum; the 5.1 / 5.2 group rows do",
  // structure wrong, formulas right
  "renja86__quarter-numbers-as-header": "roles (periods): quarters typed as numbers 1 2 3 4 under '… pada Triwulan' get no period",
  "relation__kol-prefix": "band: the number row 'Kol. 1' … 'Kol. 6 = Kol. 5 : Kol. 4 x 100%' is not recognised (header ends a row early, the row is read as body)",
  "relation__two-targets-two-capaian": "roles: 'Capaian thd Renstra (%)' (7 = 6/4, over the Renstra target of the year) gets tingkat_kemajuan; formulas right",
  "position__stacked-shifted-columns": "body: the first table's body runs over a blank row into the 'Catatan: …' line below it (rows 5-11, want 5-9)",
};

describe("layout variants, third corpus", () => {
  test("the KNOWN list names only existing cases", () => {
    expect(cases.length).toBeGreaterThan(0);
    expect(Object.keys(KNOWN).filter((k) => !cases.includes(k))).toEqual([]);
  });
  test.each(cases.map((c) => [c]))("%s", (name) => expectCorpusCase(DIR, name, KNOWN));
});
