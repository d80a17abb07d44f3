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
import { DEFAULT_FILL, WritePlan } from "../src/core/writePlan";
import JSZip from "jszip";
import { fillByPackage } from "./support/packageFill";
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

/**
 * Fills each workbook with the default options, drops the cached results, and lets LibreOffice recalculate
 * all of them under `locale` in one call (its start alone is ~1 s of CPU). Returns each workbook's plan and
 * the path of LibreOffice's copy.
 */
async function recalculate(dir: string, inputs: { name: string; file: string }[], locale: "en-US" | "id-ID"): Promise<Map<string, { plan: WritePlan; result: string }>> {
  const out = path.join(dir, "out");
  const done = new Map<string, { plan: WritePlan; result: string }>();
  for (const { name, file } of inputs) {
    // The copy as the CLI writes it (the plan written into the original package).
    const { plan, bytes } = await fillByPackage(fs.readFileSync(file), { ...DEFAULT_FILL, negative: name.startsWith("bekasi") ? "B" : "A", phrase: phraser("id") });
    // No cached results: LibreOffice must calculate every formula itself.
    const zip = await JSZip.loadAsync(bytes);
    for (const part of Object.keys(zip.files).filter((n) => /^xl\/worksheets\/[^/]+\.xml$/.test(n))) {
      const xml = await zip.file(part)!.async("string");
      zip.file(part, xml.replace(/(<f>[^<]*<\/f>)<v>[^<]*<\/v>/g, "$1"));
    }
    fs.writeFileSync(path.join(dir, `${name}.xlsx`), await zip.generateAsync({ type: "nodebuffer" }));
    done.set(name, { plan, result: path.join(out, `${name}.xlsx`) });
  }
  // A private profile in the wanted locale, so a user's LibreOffice settings neither interfere nor get touched.
  fs.mkdirSync(path.join(dir, "profile", "user"), { recursive: true });
  fs.writeFileSync(
    path.join(dir, "profile", "user", "registrymodifications.xcu"),
    `<?xml version="1.0" encoding="UTF-8"?>\n<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse"><value>${locale}</value></prop></item>\n</oor:items>\n`,
  );
  execFileSync(SOFFICE!, [`-env:UserInstallation=file://${dir}/profile`, "--headless", "--calc", "--convert-to", "xlsx", "--outdir", out, ...inputs.map(({ name }) => path.join(dir, `${name}.xlsx`))], { stdio: "pipe", timeout: 150_000 });
  return done;
}

/** Every formula cell of the plan against LibreOffice's result in its copy: how many, and those that differ. */
async function compare(name: string, plan: WritePlan, result: string): Promise<{ checked: number; wrong: string[] }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(result);
  let checked = 0;
  const wrong: string[] = [];
  for (const w of plan.writes.filter((x) => x.formula)) {
    const cell = wb.getWorksheet(w.sheet)!.getCell(w.cell);
    const got = cell.result ?? ""; // (ExcelJS keeps a result of 0 here, not in cell.value)
    const ok = typeof w.value === "number" ? typeof got === "number" && Math.abs(got - w.value) <= 1e-9 * Math.max(1, Math.abs(w.value)) : got === (w.value ?? "");
    if (!ok) wrong.push(`${name} ${w.sheet}!${w.cell} ${w.formula}: LibreOffice ${JSON.stringify(got)}, plan ${JSON.stringify(w.value)}`);
    checked++;
  }
  return { checked, wrong };
}

const ROUNDS = [
  {
    title: "the shared reports and the README example, English locale",
    locale: "en-US" as const,
    names: ["bekasi-typed", "serang-typed", "binjai-lkj2023-typed", "contoh-bab3-bekasi"],
    inputs: async (_dir: string) => [...["bekasi-typed", "serang-typed", "binjai-lkj2023-typed"].map((name) => ({ name, file: FIXTURE(name) })), { name: "contoh-bab3-bekasi", file: EXAMPLE }],
    minimum: 900,
  },
  {
    title: "the README example and decimal commas, Indonesian locale",
    locale: "id-ID" as const,
    names: ["contoh-bab3-bekasi", "koma"],
    inputs: async (dir: string) => {
      const comma = path.join(dir, "input", "koma.xlsx");
      fs.mkdirSync(path.dirname(comma));
      await commaWorkbook(comma);
      return [{ name: "contoh-bab3-bekasi", file: EXAMPLE }, { name: "koma", file: comma }];
    },
    minimum: 500,
  },
];

describeWithLibreOffice("LibreOffice recalculates the filled workbooks to the plan's values", () => {
  // Per locale, the filled copies are made and LibreOffice run once for all of them (beforeAll); each
  // workbook's comparison is then a test of its own. The round trip as one test took 22–47 s on a busy
  // 2-core machine; a comparison takes well under a second.
  describe.each(ROUNDS)("$title", ({ locale, names, inputs, minimum }) => {
    let dir = "";
    let recalculated = new Map<string, { plan: WritePlan; result: string }>();
    beforeAll(async () => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), "lkip-lo-"));
      recalculated = await recalculate(dir, await inputs(dir), locale);
    }, 180_000);
    afterAll(() => dir && fs.rmSync(dir, { recursive: true, force: true }));

    test(`over ${minimum} formula cells to check in all`, () => {
      expect([...recalculated.values()].reduce((n, { plan }) => n + plan.writes.filter((w) => w.formula).length, 0)).toBeGreaterThan(minimum);
    });

    test.each(names)("%s: every formula cell", async (name) => {
      const { plan, result } = recalculated.get(name)!;
      const { checked, wrong } = await compare(name, plan, result);
      console.log(`LibreOffice (${locale}), ${name}: ${checked - wrong.length}/${checked} formula results equal the plan's`);
      expect(checked).toBeGreaterThan(0);
      expect(wrong).toEqual([]);
    });
  });
});
