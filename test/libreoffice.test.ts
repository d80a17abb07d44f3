/**
 * Round trip through a second spreadsheet engine: fill the shared reports, store the formulas WITHOUT
 * cached results, let LibreOffice (headless) calculate them and save, and compare every result with the
 * plan's own cached value (which the fill test already holds to HyperFormula and to the fixtures'
 * expected values). Skipped when LibreOffice is not installed (apt-get install -y libreoffice-calc-nogui).
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { loadWorkbookFile, snapshotFromWorkbook } from "../src/xlsx/readWorkbook";
import { recogniseWorkbook } from "../src/core/recognise";
import { DEFAULT_FILL, planWorkbook, WritePlan } from "../src/core/writePlan";
import { applyPlanToWorkbook } from "../src/xlsx/applyPlan";

const SOFFICE = ["/usr/bin/soffice", "/usr/bin/libreoffice"].find((p) => fs.existsSync(p));
if (!SOFFICE) console.warn("LibreOffice round trip skipped: no soffice (apt-get install -y libreoffice-calc-nogui).");
const describeWithLibreOffice = SOFFICE ? describe : describe.skip;

const FILES: [string, Partial<typeof DEFAULT_FILL>][] = [
  ["bekasi-typed", { negative: "B", convertText: true }],
  ["serang-typed", { efficiency: "pmk214", convertText: true }],
  ["binjai-lkj2023-typed", { scale: "tercapai", convertText: true }],
];

describeWithLibreOffice("LibreOffice recalculates the filled workbooks to the plan's values", () => {
  // The filled copies are made, and LibreOffice started, once for all of them (one soffice call converting
  // every file: its start alone is ~1 s of CPU); each workbook's comparison is then a test of its own. The
  // whole round trip as one test took 22–47 s on a busy 2-core machine.
  let dir = "";
  const plans = new Map<string, WritePlan>();
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "lkip-lo-"));
    for (const [name, options] of FILES) {
      const wb = await loadWorkbookFile(path.join(__dirname, "fixtures/xlsx", `${name}.xlsx`));
      const snapshot = snapshotFromWorkbook(wb);
      const plan = planWorkbook(snapshot, recogniseWorkbook(snapshot), { ...DEFAULT_FILL, ...options });
      applyPlanToWorkbook(wb, plan);
      // No cached results: LibreOffice must calculate every formula itself.
      wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => c.formula && (c.value = { formula: c.formula } as ExcelJS.CellFormulaValue))));
      await wb.xlsx.writeFile(path.join(dir, `${name}.xlsx`));
      plans.set(name, plan);
    }
    // A private profile, so a user's LibreOffice settings neither interfere nor get touched.
    execFileSync(SOFFICE!, [`-env:UserInstallation=file://${dir}/profile`, "--headless", "--calc", "--convert-to", "xlsx", "--outdir", path.join(dir, "out"), ...FILES.map(([n]) => path.join(dir, `${n}.xlsx`))], { stdio: "pipe", timeout: 120_000 });
  }, 180_000);
  afterAll(() => dir && fs.rmSync(dir, { recursive: true, force: true }));

  test("the three reports hold over 400 formula cells to check", () => {
    expect([...plans.values()].reduce((n, plan) => n + plan.writes.filter((w) => w.formula).length, 0)).toBeGreaterThan(400);
  });

  test.each(FILES.map(([name]) => name))("%s: every formula cell", async (name) => {
    const plan = plans.get(name)!;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, "out", `${name}.xlsx`));
    const formulas = plan.writes.filter((x) => x.formula);
    const wrong: string[] = [];
    for (const w of formulas) {
      const cell = wb.getWorksheet(w.sheet)!.getCell(w.cell);
      const got = cell.result ?? ""; // (ExcelJS keeps a result of 0 here, not in cell.value)
      const ok = typeof w.value === "number" ? typeof got === "number" && Math.abs(got - w.value) <= 1e-9 * Math.max(1, Math.abs(w.value)) : got === (w.value ?? "");
      if (!ok) wrong.push(`${name} ${w.sheet}!${w.cell} ${w.formula}: LibreOffice ${JSON.stringify(got)}, plan ${JSON.stringify(w.value)}`);
    }
    console.log(`LibreOffice round trip, ${name}: ${formulas.length - wrong.length}/${formulas.length} formula results equal the plan's`);
    expect(formulas.length).toBeGreaterThan(0);
    expect(wrong).toEqual([]);
  });
});
