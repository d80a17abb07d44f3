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
  // nothing written where a formula is due (safe, but missing)
  "lkip__quarter-parents-t-r-pct": "roles: one-letter labels 'T | R | %' under 'TW I' … 'TW IV' stay 'other'; no capaian per quarter",
  "english__kpi-and-budget": "roles: English labels (Unit, Actual, Achievement, Budget, Expenditure, Absorption) are 'other'; nothing computed",
  "english__budget-remaining-realization-rate-total": "band: no table found for 'Code | Program / Activity | Budget Ceiling | Realization | Remaining Budget | Realization Rate (%)'",
  // structure wrong, formulas right
  "renja86__quarter-numbers-as-header": "roles (periods): quarters typed as numbers 1 2 3 4 under '… pada Triwulan' get no period",
  "relation__two-targets-two-capaian": "roles: 'Capaian thd Renstra (%)' (7 = 6/4, over the Renstra target of the year) gets tingkat_kemajuan; formulas right",
};

describe("layout variants, third corpus", () => {
  test("the KNOWN list names only existing cases", () => {
    expect(cases.length).toBeGreaterThan(0);
    expect(Object.keys(KNOWN).filter((k) => !cases.includes(k))).toEqual([]);
  });
  test.each(cases.map((c) => [c]))("%s", (name) => expectCorpusCase(DIR, name, KNOWN));
});
