/**
 * Round trip through a second spreadsheet engine: fill the shared reports and the README's example with
 * the default options (numbers stored as text converted, percent units reconciled), store the formulas
 * WITHOUT cached results, let LibreOffice (headless) calculate them and save, and compare every result
 * with the plan's own cached value (which the fill tests already hold to HyperFormula and to the fixtures'
 * expected values). Once in an English and once in an Indonesian locale (decimal comma): the formulas must
 * give the same numbers in an Excel of any locale. Skipped when LibreOffice is not installed
 * (apt-get install -y libreoffice-calc-nogui).
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
import { phraser } from "../src/i18n";

const SOFFICE = ["/usr/bin/soffice", "/usr/bin/libreoffice"].find((p) => fs.existsSync(p));
if (!SOFFICE) console.warn("LibreOffice round trip skipped: no soffice (apt-get install -y libreoffice-calc-nogui).");
const describeWithLibreOffice = SOFFICE ? describe : describe.skip;

const FIXTURE = (name: string) => path.join(__dirname, "fixtures/xlsx", `${name}.xlsx`);
const EXAMPLE = path.join(__dirname, "..", "examples", "contoh-bab3-bekasi.xlsx");

/** A grade whose score has a decimal comma, a target typed as text with a decimal comma, opini ratings in words, ticks per band. */
async function commaWorkbook(file: string) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("IKU");
  ws.getCell("A1").value = "Tabel 3.1";
  ws.getCell("A2").value = "Capaian Indikator Kinerja Utama Tahun 2024";
  ws.getRow(3).values = ["No", "Indikator Kinerja", "Target", "Realisasi", "Capaian (%)"];
  ws.getRow(4).values = [1, "Nilai AKIP", "BB (75)", "A (80,5)", null];
  ws.getRow(5).values = [2, "Indeks kepuasan masyarakat", "82,5", 85, null];
  ws.getRow(6).values = [3, "Opini BPK atas LKPD", "Wajar Tanpa Pengecualian (WTP)", "wajar dengan pengecualian", null];
  // An ikhtisar whose predikat is ticked per band, from a capaian held as a fraction (0.00 %).
  const ik = wb.addWorksheet("Ikhtisar");
  ik.getCell("A1").value = "Tabel 3.9 Ikhtisar Capaian Kinerja";
  ik.getRow(2).values = ["No", "Indikator Kinerja", "Capaian", "Predikat"];
  ik.getRow(3).values = [null, null, null, "Tidak Tercapai (<100%)", "Tercapai (=100%)", "Melebihi (>100%)"];
  ik.mergeCells("D2:F2");
  [[1, "Indeks A", 0.99996], [2, "Indeks B", 1.0042], [3, "Indeks C", 0.875]].forEach((r, i) => {
    ik.getRow(4 + i).values = r;
    ik.getCell(`C${4 + i}`).numFmt = "0.00%";
  });
  await wb.xlsx.writeFile(file);
}

/** Fills each workbook with the default options, drops the cached results, recalculates in LibreOffice under `locale`. */
async function recalculated(inputs: { name: string; file: string }[], locale: "en-US" | "id-ID"): Promise<{ checked: number; wrong: string[] }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lkip-lo-"));
  const plans = new Map<string, WritePlan>();
  for (const { name, file } of inputs) {
    const wb = await loadWorkbookFile(file);
    const snapshot = snapshotFromWorkbook(wb);
    const plan = planWorkbook(snapshot, recogniseWorkbook(snapshot), { ...DEFAULT_FILL, negative: name.startsWith("bekasi") ? "B" : "A", phrase: phraser("id") });
    applyPlanToWorkbook(wb, plan);
    // No cached results: LibreOffice must calculate every formula itself.
    wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => c.formula && (c.value = { formula: c.formula } as ExcelJS.CellFormulaValue))));
    await wb.xlsx.writeFile(path.join(dir, `${name}.xlsx`));
    plans.set(name, plan);
  }
  // A private profile in the wanted locale, so a user's LibreOffice settings neither interfere nor get touched.
  fs.mkdirSync(path.join(dir, "profile", "user"), { recursive: true });
  fs.writeFileSync(
    path.join(dir, "profile", "user", "registrymodifications.xcu"),
    `<?xml version="1.0" encoding="UTF-8"?>\n<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse"><value>${locale}</value></prop></item>\n</oor:items>\n`,
  );
  const out = path.join(dir, "out");
  execFileSync(SOFFICE!, [`-env:UserInstallation=file://${dir}/profile`, "--headless", "--calc", "--convert-to", "xlsx", "--outdir", out, ...inputs.map(({ name }) => path.join(dir, `${name}.xlsx`))], { stdio: "pipe", timeout: 150_000 });
  let checked = 0;
  const wrong: string[] = [];
  for (const [name, plan] of plans) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(out, `${name}.xlsx`));
    for (const w of plan.writes.filter((x) => x.formula)) {
      const cell = wb.getWorksheet(w.sheet)!.getCell(w.cell);
      const got = cell.result ?? ""; // (ExcelJS keeps a result of 0 here, not in cell.value)
      const ok = typeof w.value === "number" ? typeof got === "number" && Math.abs(got - w.value) <= 1e-9 * Math.max(1, Math.abs(w.value)) : got === (w.value ?? "");
      if (!ok) wrong.push(`${name} ${w.sheet}!${w.cell} ${w.formula}: LibreOffice ${JSON.stringify(got)}, plan ${JSON.stringify(w.value)}`);
      checked++;
    }
  }
  fs.rmSync(dir, { recursive: true, force: true });
  return { checked, wrong };
}

describeWithLibreOffice("LibreOffice recalculates the filled workbooks to the plan's values", () => {
  test("the shared reports and the README example, English locale", async () => {
    const { checked, wrong } = await recalculated(
      [...["bekasi-typed", "serang-typed", "binjai-lkj2023-typed"].map((name) => ({ name, file: FIXTURE(name) })), { name: "contoh-bab3-bekasi", file: EXAMPLE }],
      "en-US",
    );
    console.log(`LibreOffice (en-US): ${checked - wrong.length}/${checked} formula results equal the plan's`);
    expect(wrong).toEqual([]);
    expect(checked).toBeGreaterThan(900);
  }, 180_000);

  test("the README example and decimal commas, Indonesian locale", async () => {
    const comma = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "lkip-comma-")), "koma.xlsx");
    await commaWorkbook(comma);
    const { checked, wrong } = await recalculated([{ name: "contoh-bab3-bekasi", file: EXAMPLE }, { name: "koma", file: comma }], "id-ID");
    console.log(`LibreOffice (id-ID): ${checked - wrong.length}/${checked} formula results equal the plan's`);
    expect(wrong).toEqual([]);
    expect(checked).toBeGreaterThan(500);
  }, 180_000);
});
