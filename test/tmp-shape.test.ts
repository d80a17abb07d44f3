import * as path from "path";
import { readWorkbookFile } from "../src/xlsx/readWorkbook";
import { artefacts, checkShape, loadExpected } from "./support/shapeCheck";
test("one", async () => {
  const name = process.env.SHAPE!;
  const DIR = path.join(__dirname, "fixtures", "shapes");
  const expected = loadExpected(path.join(DIR, `${name}.expected.json`));
  const snapshot = await readWorkbookFile(path.join(DIR, `${name}.xlsx`));
  console.log(checkShape(expected, artefacts(snapshot, expected)));
});
