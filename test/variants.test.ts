/**
 * Layout variants (test/fixtures/variants, built by its build.js): for each layout kind of the shapes
 * corpus, workbooks of the same kind with other wording, positions and sizes, checked in-process with
 * the same rules as ../shared/tools/check-shapes.mjs. A variant still failing is listed in KNOWN with
 * the kind of problem; the test fails when one starts passing, so the list is the to-do list.
 */
import * as path from "path";
import { corpusCases, expectCorpusCase } from "./support/shapeCheck";

const DIR = path.join(__dirname, "fixtures", "variants");
const cases = corpusCases(DIR);

/** Variants failing today, with the problem each shows (one line), grouped by kind of problem. */
const KNOWN: Record<string, string> = {
};

describe("layout variants", () => {
  test("every shape kind has variants", () => {
    const shapes = corpusCases(path.join(__dirname, "fixtures", "shapes"));
    const kinds = new Set(cases.map((c) => c.split("__")[0]));
    expect(shapes.filter((s) => !kinds.has(s))).toEqual([]);
    expect(Object.keys(KNOWN).filter((k) => !cases.includes(k))).toEqual([]);
  });
  test.each(cases.map((c) => [c]))("%s", (name) => expectCorpusCase(DIR, name, KNOWN));
});
