/**
 * Right numbers by default: each table here is built in the test for one kind of input that used to give
 * a wrong or an empty capaian. Every formula is evaluated in HyperFormula and compared with the plan's
 * cached value; every empty result and every skipped cell carries its reason (listed and as a note).
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { snapshotFromWorkbook, loadWorkbookFile } from "../src/xlsx/readWorkbook";
import { recogniseWorkbook } from "../src/core/recognise";
import { DEFAULT_FILL, FillOptions, pairKey, planWorkbook, WritePlan } from "../src/core/writePlan";
import { applyPlanToWorkbook } from "../src/xlsx/applyPlan";
import { columnIndex, WorkbookSnapshot } from "../src/core/grid";
import { isNumberingRow } from "../src/core/plan/context";
import { phrase, phraser } from "../src/i18n";
import { resolvePairs } from "../src/cli/main";
import { DEFAULT_CHOICES, fillOptionsFrom, parseSavedChoices, withPair } from "../src/core/choices";
import { evaluatePlan } from "./support/evaluate";

const FILL: FillOptions = { ...DEFAULT_FILL, phrase: phraser("id") };

/** A one-table workbook: caption, header row, body rows from row 4. */
function table(sheet: string, header: string[], rows: unknown[][], formats: Record<string, string> = {}): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  ws.getCell("A1").value = "Tabel 3.1";
  ws.getCell("A2").value = "Capaian Indikator Kinerja Utama Tahun 2024";
  ws.getRow(3).values = header;
  rows.forEach((r, i) => (ws.getRow(4 + i).values = r as ExcelJS.CellValue[]));
  for (const [cell, fmt] of Object.entries(formats)) ws.getCell(cell).numFmt = fmt;
  return wb;
}

function plan(wb: ExcelJS.Workbook, options: Partial<FillOptions> = {}): { snapshot: WorkbookSnapshot; plan: WritePlan; value: (sheet: string, cell: string) => unknown } {
  const snapshot = snapshotFromWorkbook(wb);
  const p = planWorkbook(snapshot, recogniseWorkbook(snapshot), { ...FILL, ...options });
  return { snapshot, plan: p, value: evaluatePlan(snapshot, p) };
}

/** Every formula's cached value is what HyperFormula computes from its text. */
function expectCachedValuesHold(p: WritePlan, value: (sheet: string, cell: string) => unknown) {
  for (const w of p.writes.filter((x) => x.formula)) {
    const got = value(w.sheet, w.cell);
    if (typeof w.value === "number") expect({ cell: w.cell, got: typeof got === "number" && Math.abs(got - w.value) <= 1e-9 * Math.max(1, Math.abs(w.value)) ? w.value : got }).toEqual({ cell: w.cell, got: w.value });
    else expect({ cell: w.cell, got }).toEqual({ cell: w.cell, got: w.value });
  }
}
const capaianAt = (p: WritePlan, cell: string) => p.writes.find((w) => w.role === "capaian" && w.cell === cell);

describe("percent units", () => {
  test("a target of 1 formatted as % beside a realisasi typed 100: capaian 100, reconciled inside the formula and said so", () => {
    const wb = table("IKU", ["No", "Indikator Kinerja", "Satuan", "Target", "Realisasi", "Capaian (%)"], [
      [1, "Persentase layanan selesai tepat waktu", "%", 1, 100, null],
      [2, "Persentase dokumen anggaran tepat waktu", "%", 0.9, 92, null],
      [3, "Indeks kepuasan pengguna layanan", "Indeks", 80, 83.4, null],
      [4, "Persentase aset tercatat", "%", 0.95, 0.9, null],
    ], { D4: "0%", D5: "0%", D7: "0%", E7: "0%" });
    const { plan: p, value } = plan(wb);
    expect(value("IKU", "F4")).toBeCloseTo(100, 9);
    expect(value("IKU", "F5")).toBeCloseTo(102.2222, 4);
    expect(value("IKU", "F6")).toBeCloseTo(104.25, 9);
    // Both as fractions: nothing to reconcile.
    expect(value("IKU", "F7")).toBeCloseTo(94.7368, 4);
    expect(capaianAt(p, "F4")!.formula).toBe('=IF(AND(ISNUMBER(D4),ISNUMBER(E4),D4<>0),E4/(D4*100)*100,"")');
    expect(p.reconciled.map((r) => [r.cell, r.scaled, r.other])).toEqual([["F4", "D4", "E4"], ["F5", "D5", "E5"]]);
    expect(phrase(p.reconciled[0].reason, "en")).toMatch(/'?IKU'?!D4 "1" is a percent held as a fraction/);
    expect(p.notes.find((n) => n.cell === "F4")?.text).toMatch(/IKU!D4 × 100/);
    // The input cells are not touched.
    expect(p.writes.some((w) => w.cell === "D4" || w.cell === "E4")).toBe(false);
    expectCachedValuesHold(p, value);
  });

  test("targets typed as text \"85,5%\" beside realisasi 0.9 formatted as %: converted by default, capaian 105.26", () => {
    const wb = table("IKU", ["No", "Indikator Kinerja Utama", "Target 2024", "Realisasi 2024", "Capaian (%)"], [
      [1, "Persentase desa dengan data profil mutakhir", "85,5%", 0.9, null],
      [2, "Persentase kegiatan yang dilaporkan tepat waktu", "100%", 1, null],
    ], { D4: "0.0%", D5: "0.0%" });
    const { plan: p, value } = plan(wb);
    expect(p.textNumbers.map((c) => [c.cell, c.text, c.value, c.applied])).toEqual([["C4", "85,5%", 0.855, true], ["C5", "100%", 1, true]]);
    // The conversion is a write of the plan (undoable like the rest), before the formulas that read it.
    const convert = p.writes.findIndex((w) => w.role === "convert" && w.cell === "C4");
    expect(convert).toBeGreaterThanOrEqual(0);
    expect(convert).toBeLessThan(p.writes.findIndex((w) => w.cell === "E4"));
    expect(p.writes[convert].numberFormat).toBe("0.0%");
    expect(value("IKU", "E4")).toBeCloseTo(105.2632, 4);
    expect(value("IKU", "E5")).toBeCloseTo(100, 9);
    expectCachedValuesHold(p, value);

    // Conversion off: the formula stays empty, and says why.
    const kept = plan(wb, { convertText: false });
    expect(kept.plan.writes.some((w) => w.role === "convert")).toBe(false);
    expect(kept.plan.textNumbers.every((c) => !c.applied)).toBe(true);
    expect(capaianAt(kept.plan, "E4")!.value).toBe("");
    const empty = kept.plan.empty.find((e) => e.cell === "E4")!;
    expect(empty.reason.code).toBe("empty-input-kept-text");
    expect(phrase(empty.reason, "id")).toBe(`hasil kosong: target IKU!C4 "85,5%" angka tersimpan sebagai teks (pengubahan teks dimatikan)`);
    expect(kept.plan.notes.find((n) => n.cell === "E4")?.text).toBe(`LKIP: ${phrase(empty.reason, "id")}`);
  });

  test("mixed separators typed as text (\"9,767,844,000,00\") are read, listed and converted; serapan reads its own row", () => {
    const wb = table("Belanja", ["Kode", "Uraian", "Anggaran", "Realisasi", "% Realisasi"], [
      ["5.1.01", "Belanja Barang dan Jasa", "9,767,844,000,00", "8,595,703,000,00", null],
      ["5.1.02", "Belanja Pegawai", 27234802000, 25873062000, null],
    ]);
    const { plan: p, value } = plan(wb);
    expect(p.textNumbers.map((c) => [c.cell, c.value])).toEqual([["C4", 9767844000], ["D4", 8595703000]]);
    const serapan = p.writes.find((w) => w.role === "serapan" && w.cell === "E4")!;
    expect(serapan.formula).toBe('=IF(AND(ISNUMBER(D4),ISNUMBER(C4),C4<>0),D4/C4*100,"")');
    expect(value("Belanja", "E4")).toBeCloseTo(88.0, 1);
    expectCachedValuesHold(p, value);
  });
});

describe("locale and grades", () => {
  test("a grade with a decimal comma \"A (80,5)\": 107.33 % in an English-locale engine, the score read with either mark", () => {
    const wb = table("IKU", ["No", "Indikator Kinerja", "Target", "Realisasi", "Capaian (%)"], [
      [1, "Nilai AKIP", "BB (75)", "A (80,5)", null],
      [2, "Nilai SAKIP", "BB (75)", "A (80.35)", null],
    ]);
    const { plan: p, value } = plan(wb);
    expect(value("IKU", "E4")).toBeCloseTo(107.3333, 4);
    expect(value("IKU", "E5")).toBeCloseTo(107.1333, 4);
    // Both marks become the evaluating Excel's own (MID(1/2,2,1)), so an Indonesian Excel reads them too.
    expect(capaianAt(p, "E4")!.formula).toContain('SUBSTITUTE(SUBSTITUTE(MID(D4,FIND("(",D4)+1,FIND(")",D4)-FIND("(",D4)-1),",","."),".",MID(1/2,2,1))*1');
    expectCachedValuesHold(p, value);
  });
});

describe("empty results and skipped cells say why", () => {
  test("an empty realisasi, a marker, a zero target, an implausible ratio", () => {
    const wb = table("IKU", ["No", "Indikator Kinerja", "Target", "Realisasi", "Capaian (%)"], [
      [1, "Jumlah dokumen perencanaan", 10, null, null],
      [2, "Jumlah laporan evaluasi", "-", 4, null],
      [3, "Jumlah forum koordinasi", 0, 3, null],
      [4, "Jumlah kader terlatih", 0.5, 12, null],
      [5, "Jumlah desa binaan", 10, 9, null],
    ]);
    const { plan: p, value } = plan(wb);
    const reasons = Object.fromEntries(p.empty.filter((e) => e.role === "capaian").map((e) => [e.cell, e.reason.code]));
    expect(reasons).toEqual({ E4: "empty-input-missing", E5: "empty-input-marker", E6: "empty-zero-divisor" });
    // 12 / 0.5 = 2 400 %: not written, listed with the reason, noted on the empty cell.
    expect(capaianAt(p, "E7")).toBeUndefined();
    const skip = p.skipped.find((s) => s.cell === "E7")!;
    expect(skip.reason.code).toBe("skip-implausible");
    expect(phrase(skip.reason, "en")).toMatch(/= 2,400\.00 % is implausible/);
    expect(p.notes.some((n) => n.cell === "E7" && /tidak masuk akal/.test(n.text))).toBe(true);
    expect(value("IKU", "E8")).toBeCloseTo(90, 9);
    // Every empty formula result is listed.
    const emptyWrites = p.writes.filter((w) => w.formula && w.value === "").map((w) => w.cell).sort();
    expect(p.empty.map((e) => e.cell).sort()).toEqual(emptyWrites);
    expectCachedValuesHold(p, value);
  });

  test("a column-number row is never a row of figures", () => {
    expect(isNumberingRow(["1", "2", "3", "4", "5", "6", "7"])).toBe(true);
    expect(isNumberingRow(["(1)", "(2)", "(3)", "(4)"])).toBe(true);
    expect(isNumberingRow(["1", "2", "3", "4", "5", "6", "5"])).toBe(true);
    expect(isNumberingRow(["6", "7", "8=(7/6)"])).toBe(true);
    expect(isNumberingRow(["1", "Persentase dokumen", "100", "95"])).toBe(false);
    expect(isNumberingRow(["1", "12", "4"])).toBe(false);
  });
});

describe("sections, code trees and a rerun", () => {
  test("the average per sasaran goes into an appended column, on the section row: section rows of the table stay empty", () => {
    const wb = table("Tabel 3.1", ["No", "Tujuan/Sasaran", "Indikator Kinerja", "Satuan", "Target", "Realisasi", "Capaian (%)"], [
      [null, "SASARAN 1.1", "Meningkatnya kualitas perencanaan", null, null, null, null],
      [1, null, "Persentase dokumen perencanaan tepat waktu", "%", 100, 90, null],
      [2, null, "Jumlah usaha mikro bersertifikat", "Unit", 120, 115, null],
      [null, "SASARAN 1.2", "Meningkatnya akuntabilitas keuangan", null, null, null, null],
      [3, null, "Indeks kepuasan pengguna perpustakaan", "Indeks", 82, 68, null],
      [4, null, "Persentase arsip terdigitalisasi", "%", 65, 55.25, null],
    ]);
    const { plan: p, value } = plan(wb);
    const averages = p.writes.filter((w) => w.role === "rata_rata_sasaran");
    expect(averages.map((w) => w.cell)).toEqual(["I4", "I7"]);
    expect(p.appended.find((a) => a.role === "rata_rata_sasaran")?.header).toBe("Rata-rata Capaian Sasaran (%)");
    expect(p.writes.filter((w) => /^[A-H](4|7)$/.test(w.cell) && w.formula)).toEqual([]);
    expect(value("Tabel 3.1", "I4")).toBeCloseTo((90 + (115 / 120) * 100) / 2, 9);
    expectCachedValuesHold(p, value);
  });

  test("a code tree with account rows and a repeated urusan row: the JUMLAH sums the top level only", () => {
    const wb = table("Belanja", ["Kode", "Uraian", "Anggaran (Rp)", "Realisasi (Rp)"], [
      ["1.02", "URUSAN KESEHATAN", 300, 200],
      ["1.02.01", "Program Data Sektoral", 300, 200],
      ["1.02.01.2.01", "Pengumpulan Data", 300, 200],
      ["1.02.01.2.01.0001", "Profil Kecamatan", 100, 80],
      ["5.1.02", "Belanja Barang dan Jasa", 100, 80],
      ["5.1.02.01.01.0024", "Belanja Narasumber", 40, 30],
      ["5.1.02.01.01.0052", "Belanja Cetak", 60, 50],
      ["1.02", "URUSAN KESEHATAN", null, null],
      ["1.02.01.2.01.0002", "Survei Kepuasan", 200, 120],
      ["5.1.02", "Belanja Barang dan Jasa", 200, 120],
      [null, "JUMLAH", null, null],
    ]);
    const { plan: p, value } = plan(wb);
    const totals = p.writes.filter((w) => w.role === "total");
    expect(totals.map((w) => [w.cell, w.formula])).toEqual([["C14", "=SUM(C4)"], ["D14", "=SUM(D4)"]]);
    expect(value("Belanja", "C14")).toBe(300);
    expect(value("Belanja", "D14")).toBe(200);
    expectCachedValuesHold(p, value);
  });

  test("fill on its own output adds nothing (the add-in's own formulas and columns are recognised)", async () => {
    const files = ["examples/contoh-bab3-bekasi.xlsx", "test/fixtures/xlsx/serang-bab3-blank.xlsx", "test/fixtures/shapes/b2-goal-section-rows.xlsx", "test/fixtures/shapes/p16-percent-format-mismatch.xlsx"];
    for (const f of files) {
      const wb = await loadWorkbookFile(path.join(__dirname, "..", f));
      const first = planWorkbook(snapshotFromWorkbook(wb), recogniseWorkbook(snapshotFromWorkbook(wb)), FILL);
      expect(first.writes.filter((w) => w.formula).length).toBeGreaterThan(0);
      applyPlanToWorkbook(wb, first);
      const again = snapshotFromWorkbook(wb);
      const second = planWorkbook(again, recogniseWorkbook(again), FILL);
      expect({ f, writes: second.writes.map((w) => `${w.sheet}!${w.cell} ${w.role}`), appended: second.appended.length, legend: second.legend }).toEqual({ f, writes: [], appended: 0, legend: null });
      // Its own formulas are found as they are, not reported as cells holding a formula to overwrite.
      expect({ f, holding: second.skipped.filter((s) => s.reason.code === "skip-holds-formula").map((s) => `${s.sheet}!${s.cell}`) }).toEqual({ f, holding: [] });
      expect(second.current.length).toBeGreaterThan(0);
    }
  }, 20_000);
});

describe("the user's operands for an uncertain computed column", () => {
  /** Two realisasi columns, nothing to tell them apart: the capaian needs the user's choice. */
  const twoTargets = () =>
    table("IKU", ["No", "Indikator Kinerja", "Target", "Realisasi", "Realisasi", "Capaian (%)"], [
      [1, "Jumlah dokumen perencanaan", 10, 12, 9, null],
      [2, "Jumlah laporan evaluasi", 4, 5, 4, null],
    ]);

  test("not written until chosen; --pair and saved choices name the operands", () => {
    const snapshot = snapshotFromWorkbook(twoTargets());
    const analysis = recogniseWorkbook(snapshot);
    const pairing = analysis.sheets[0].tables[0].pairings.find((p) => p.measure === "capaian")!;
    expect(pairing.status).toBe("needs-confirmation");
    const before = planWorkbook(snapshot, analysis, FILL);
    expect(before.writes.filter((w) => w.role === "capaian")).toEqual([]);
    expect(before.skipped.filter((s) => s.role === "capaian").map((s) => s.reason.code)).toContain("skip-needs-confirmation");

    const pairs = resolvePairs(analysis, ["IKU!F=D/C"]);
    expect(pairs).toEqual({ [pairKey("IKU", "capaian", columnIndex("F"), analysis.sheets[0].tables[0].header.top)]: { numerator: columnIndex("D"), denominator: columnIndex("C") } });
    if (typeof pairs === "string") throw new Error(pairs);
    const chosen = planWorkbook(snapshot, analysis, { ...FILL, pairs });
    expect(chosen.writes.filter((w) => w.role === "capaian").map((w) => w.formula)).toEqual([
      '=IF(AND(ISNUMBER(C4),ISNUMBER(D4),C4<>0),D4/C4*100,"")',
      '=IF(AND(ISNUMBER(C5),ISNUMBER(D5),C5<>0),D5/C5*100,"")',
    ]);
    // The same choice saved with the workbook reaches the plan through the fill options.
    const saved = parseSavedChoices(JSON.stringify(withPair(DEFAULT_CHOICES, Object.keys(pairs)[0], { numerator: columnIndex("D"), denominator: columnIndex("C") })));
    expect(planWorkbook(snapshot, analysis, { ...fillOptionsFrom(saved, false), phrase: phraser("id") }).writes.filter((w) => w.role === "capaian").length).toBe(2);
    expect(resolvePairs(analysis, ["IKU!Z=E/D"], "en")).toMatch(/no computed column Z on sheet "IKU"/);
    expect(resolvePairs(analysis, ["IKU!Z=E/D"])).toMatch(/tidak ada kolom hitungan Z di lembar "IKU"/);
    expect(resolvePairs(analysis, ["IKU F=E"], "en")).toMatch(/write it as "Sheet!G=F\/E"/);
  });

  test("a choice for column G of one table never reaches column G of another table on the same sheet", async () => {
    const wb = twoTargets();
    const ws = wb.getWorksheet("IKU")!;
    // A second table below with the same columns: its capaian pairs from the headers (Target | Realisasi | Capaian).
    ws.getCell("A9").value = "Tabel 3.2";
    ws.getRow(10).values = ["No", "Indikator Kinerja", "Target", "Realisasi", "Keterangan", "Capaian (%)"];
    ws.getRow(11).values = [1, "Indeks kepuasan masyarakat", 80, 84, "", null];
    ws.getRow(12).values = [2, "Nilai SAKIP", 70, 72.5, "", null];
    const snapshot = snapshotFromWorkbook(wb);
    const analysis = recogniseWorkbook(snapshot);
    const [first, second] = analysis.sheets[0].tables;
    expect(second.pairings.find((p) => p.measure === "capaian")).toMatchObject({ output: columnIndex("F"), numerator: columnIndex("D"), denominator: columnIndex("C"), status: "confirmed" });
    // Column F of both tables is computed: the bare column is refused with the rows to choose from; a row names the table.
    expect(resolvePairs(analysis, ["IKU!F=E/C"], "en")).toMatch(/several tables on that sheet have this computed column; name its row, e\.g\. F\d+ .*, F11 /);
    const pairs = resolvePairs(analysis, [`IKU!F${first.body.top + 1}=E/C`]);
    if (typeof pairs === "string") throw new Error(pairs);
    const plan = planWorkbook(snapshot, analysis, { ...FILL, pairs });
    const formula = (cell: string) => plan.writes.find((w) => w.cell === cell)?.formula;
    expect(formula(`F${first.body.top + 1}`)).toBe(`=IF(AND(ISNUMBER(C${first.body.top + 1}),ISNUMBER(E${first.body.top + 1}),C${first.body.top + 1}<>0),E${first.body.top + 1}/C${first.body.top + 1}*100,"")`);
    // The second table keeps its own pair.
    expect(formula("F11")).toBe('=IF(AND(ISNUMBER(C11),ISNUMBER(D11),C11<>0),D11/C11*100,"")');
  });
});

test("the README example: no capaian or serapan outside −1 000 … 1 000 %, every empty result listed with its reason", async () => {
  const snapshot = snapshotFromWorkbook(await loadWorkbookFile(path.join(__dirname, "..", "examples", "contoh-bab3-bekasi.xlsx")));
  const p = planWorkbook(snapshot, recogniseWorkbook(snapshot), FILL);
  const ratios = p.writes.filter((w) => ["capaian", "serapan", "tingkat_kemajuan"].includes(w.role) && typeof w.value === "number");
  const percent = (w: (typeof ratios)[number]) => (w.numberFormat === "0.00%" ? (w.value as number) * 100 : (w.value as number));
  expect(ratios.length).toBeGreaterThan(200);
  expect(ratios.filter((w) => Math.abs(percent(w)) > 1000).map((w) => w.cell)).toEqual([]);
  const empty = p.writes.filter((w) => w.formula && w.value === "").map((w) => w.cell);
  expect(p.empty.map((e) => e.cell).sort()).toEqual(empty.sort());
  for (const e of p.empty) expect(phrase(e.reason, "id")).toMatch(/^hasil kosong: /);
  expect(fs.existsSync(path.join(__dirname, "..", "README.md"))).toBe(true);
  expectCachedValuesHold(p, evaluatePlan(snapshot, p));
});
