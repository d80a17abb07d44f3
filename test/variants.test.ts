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
