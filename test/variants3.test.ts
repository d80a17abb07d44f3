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
};

describe("layout variants, third corpus", () => {
  test("the KNOWN list names only existing cases", () => {
    expect(cases.length).toBeGreaterThan(0);
    expect(Object.keys(KNOWN).filter((k) => !cases.includes(k))).toEqual([]);
  });
  test.each(cases.map((c) => [c]))("%s", (name) => expectCorpusCase(DIR, name, KNOWN));
});
