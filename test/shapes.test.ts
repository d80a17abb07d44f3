/**
 * The layout-shape corpus (test/fixtures/shapes, one layout kind per workbook, copied from the shared
 * corpus with its expected.json): every case is checked in-process with the same rules as
 * ../shared/tools/check-shapes.mjs. Cases still failing are listed with the issue that owns them.
 */
import * as fs from "fs";
import * as path from "path";
import { readWorkbookFile } from "../src/xlsx/readWorkbook";
import { artefacts, checkShape, loadExpected } from "./support/shapeCheck";

const DIR = path.join(__dirname, "fixtures", "shapes");
const cases = fs.readdirSync(DIR).filter((f) => f.endsWith(".expected.json")).map((f) => f.replace(/\.expected\.json$/, "")).sort();

/** Cases whose remaining failures belong to work in progress, with the reason; the test fails if one starts passing (so the list shrinks). */
const KNOWN: Record<string, string> = {
};

describe("layout shapes", () => {
  test.each(cases.map((c) => [c]))("%s", async (name) => {
    const expected = loadExpected(path.join(DIR, `${name}.expected.json`));
    const snapshot = await readWorkbookFile(path.join(DIR, `${name}.xlsx`));
    const reasons = checkShape(expected, artefacts(snapshot, expected));
    if (KNOWN[name]) expect({ name, passes: reasons.length === 0 }).toEqual({ name, passes: false });
    else expect({ name, reasons }).toEqual({ name, reasons: [] });
  });
});
