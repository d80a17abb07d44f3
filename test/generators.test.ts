/**
 * The Rencana Aksi and Perjanjian Kinerja sheets generated from each shared report: structure, totals and
 * the check formulas, evaluated in HyperFormula (also after changing cells, so the checks are seen to fail).
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { loadWorkbookFile, snapshotFromWorkbook } from "../src/xlsx/readWorkbook";
import { recogniseWorkbook } from "../src/core/recognise";
import { cellAddress, parseCellAddress, WorkbookSnapshot } from "../src/core/grid";
import { defaultPhasing, phaseTarget, rencanaAksiSheet, splitInFour } from "../src/core/rencanaAksi";
import { perjanjianKinerjaSheet } from "../src/core/perjanjianKinerja";
import { readProfile } from "../src/core/profile";
import type { SheetSpec, SpecCell } from "../src/core/sheetSpec";
import { applySheetSpec } from "../src/xlsx/applySheetSpec";
import { evaluateSpec } from "./support/evaluate";
import { pkTableWorkbook } from "./support/workbooks";
import { phraser } from "../src/i18n";

/** The words of the generated sheets, in Indonesian as the CLI and the pane write them by default. */
const ID = phraser("id");

const profile = readProfile(JSON.parse(fs.readFileSync(path.join(__dirname, "..", "examples", "profile.json"), "utf8"))).profile;
const REPORTS = ["bekasi-typed", "serang-typed", "binjai-lkj2023-typed"];
const loaded = new Map<string, { wb: ExcelJS.Workbook; snapshot: WorkbookSnapshot }>();
async function load(name: string) {
  if (!loaded.has(name)) {
    const wb = await loadWorkbookFile(path.join(__dirname, "fixtures/xlsx", `${name}.xlsx`));
    loaded.set(name, { wb, snapshot: snapshotFromWorkbook(wb) });
  }
  return loaded.get(name)!;
}
const at = (spec: SheetSpec, address: string): SpecCell | undefined => {
  const { row, col } = parseCellAddress(address);
  return spec.cells.find((c) => c.row === row && c.col === col);
};
const rowsWhere = (spec: SheetSpec, col: number, test: (c: SpecCell) => boolean) => spec.cells.filter((c) => c.col === col && test(c)).map((c) => c.row);

describe("Rencana Aksi", () => {
  test.each(REPORTS)("%s: one row per PK indicator and per budget row, checks and totals evaluate as cached", async (name) => {
    const { snapshot } = await load(name);
    const { spec, sources, phasings } = rencanaAksiSheet(snapshot, recogniseWorkbook(snapshot), { phrase: ID });
    const { value } = evaluateSpec(spec);
    // Header and column numbers.
    expect(at(spec, "A5")?.value).toBe("No");
    expect(at(spec, "G5")?.value).toBe("Target Triwulan");
    expect(["G6", "H6", "I6", "J6"].map((a) => at(spec, a)?.value)).toEqual(["TW I", "TW II", "TW III", "TW IV"]);
    expect(at(spec, "AB7")?.value).toBe("28");
    // One indicator row per PK row, in order, each with its TW targets and a target check.
    const indicatorRows = rowsWhere(spec, 2, (c) => c.row > 7 && typeof c.value === "string" && sources.pk.rows.some((r) => r.indikator === c.value));
    expect(indicatorRows.length).toBe(sources.pk.rows.length);
    expect(phasings.length).toBe(sources.pk.rows.length);
    // Budget rows under B, each with a budget check.
    const budgetRows = rowsWhere(spec, 10, (c) => typeof c.value === "string" && c.row > 7 && c.value.trim() !== "" && !/PROGRAM, KEGIATAN/.test(c.value));
    expect(budgetRows.length).toBe(sources.budget.rows.length);
    // Every formula's cached result is what HyperFormula computes.
    let formulas = 0;
    for (const c of spec.cells.filter((x) => x.formula)) {
      const got = value(cellAddress(c.row, c.col));
      if (typeof c.result === "number") expect([cellAddress(c.row, c.col), got]).toEqual([cellAddress(c.row, c.col), c.result]);
      else expect([cellAddress(c.row, c.col), got ?? ""]).toEqual([cellAddress(c.row, c.col), c.result ?? ""]);
      formulas++;
    }
    expect(formulas).toBeGreaterThanOrEqual(sources.pk.rows.length * 5); // 4 capaian + 1 check per indicator
    // Print and view setup.
    expect(spec.print).toMatchObject({ orientation: "landscape", titleRows: "5:7" });
    expect(spec.freeze).toEqual({ rows: 7, columns: 3 });
    expect(spec.conditional[0]).toMatchObject({ text: "Periksa", fill: "#FFC7CE" });
    if (!sources.budget.table) expect(spec.cells.some((c) => typeof c.value === "string" && c.value.startsWith("Tidak ada tabel anggaran"))).toBe(true);
  });

  test("Bekasi: TW budgets from the quarterly table, kegiatan as SUM of their sub kegiatan, failing checks where the source's quarters do not add up", async () => {
    const { snapshot } = await load("bekasi-typed");
    const { spec, sources } = rencanaAksiSheet(snapshot, recogniseWorkbook(snapshot), { phrase: ID });
    expect(sources.quarterly.table?.caption).toBe("Tabel 2.4");
    expect(sources.quarterly.matched).toBe(48);
    const { value } = evaluateSpec(spec);
    const row = rowsWhere(spec, 10, (c) => typeof c.value === "string" && c.value.includes("221116"))[0];
    expect(["L", "M", "N", "O", "P"].map((c) => value(`${c}${row + 1}`))).toEqual([4_000_000, 1_300_000, 900_000, 900_000, 900_000]);
    const kegiatan = row - 1;
    expect(at(spec, `L${kegiatan + 1}`)?.formula).toBe(`=SUM(L${row + 1})`);
    // The check says "Periksa" exactly where TW I–IV do not add up to the pagu (computed here from the values).
    const checked = rowsWhere(spec, 27, (c) => !!c.formula);
    for (const r of checked) {
      const [pagu, ...tw] = ["L", "M", "N", "O", "P"].map((c) => value(`${c}${r + 1}`) as number);
      expect([r + 1, value(`AB${r + 1}`)]).toEqual([r + 1, Math.round(tw.reduce((a, x) => a + (x || 0), 0) - pagu) === 0 ? "Sesuai" : "Periksa"]);
    }
    // In Bekasi's Tabel 2.4 one sub kegiatan's quarters add up to more than its pagu (2.39 bn): it, its kegiatan and the total fail.
    const failing = checked.filter((r) => value(`AB${r + 1}`) === "Periksa").map((r) => String(at(spec, `K${r + 1}`)?.value ?? at(spec, `A${r + 1}`)?.value).trim());
    expect(failing).toEqual([expect.stringMatching(/^Penguatan dan Pengembangan Lembaga/), expect.stringMatching(/^2211231 Advokasi/), "JUMLAH ANGGARAN"]);
    // JUMLAH: the sum of the top level.
    const total = rowsWhere(spec, 0, (c) => c.value === "JUMLAH ANGGARAN")[0];
    const kegiatanRows = rowsWhere(spec, 10, (c) => typeof c.value === "string" && /^ {2}\S/.test(c.value));
    expect(value(`L${total + 1}`)).toBe(kegiatanRows.reduce((a, r) => a + (value(`L${r + 1}`) as number), 0));
    expect(value(`L${total + 1}`)).toBe(sources.budget.rows.filter((b) => b.level === "subkegiatan").reduce((a, b) => a + (b.pagu ?? 0), 0));
  });

  test("the checks follow the sheet: TW IV ≠ annual, a decreasing cumulative target, a changed Pola Target", async () => {
    const { snapshot } = await load("serang-typed");
    const { spec } = rencanaAksiSheet(snapshot, recogniseWorkbook(snapshot), { phrase: ID, phasing: "ramp" });
    const { hf, sheet, value } = evaluateSpec(spec);
    const first = rowsWhere(spec, 26, (c) => !!c.formula)[0];
    const r = first + 1;
    const set = (a: string, v: unknown) => hf.setCellContents({ sheet, ...rc(a) }, [[v as never]]);
    expect(value(`F${r}`)).toBe("Kumulatif");
    expect(value(`AA${r}`)).toBe("Sesuai");
    set(`H${r}`, 0.1); // TW II below TW I
    expect(value(`AA${r}`)).toBe("Periksa");
    set(`H${r}`, value(`G${r}`));
    expect(value(`AA${r}`)).toBe("Sesuai");
    set(`J${r}`, 0.5); // TW IV is not the annual target
    expect(value(`AA${r}`)).toBe("Periksa");
    set(`F${r}`, "Dibagi"); // now the four quarters must add up
    set(`G${r}`, 0.25);
    set(`H${r}`, 0.25);
    set(`I${r}`, 0.25);
    set(`J${r}`, (value(`E${r}`) as number) - 0.75);
    expect(value(`AA${r}`)).toBe("Sesuai");
    // Capaian per quarter: realisasi / target.
    set(`R${r}`, 0.2);
    expect(value(`V${r}`)).toBeCloseTo(80, 6);
  });

  test("capaian TW formulas follow the polarity and formula chosen for each indicator", async () => {
    const { snapshot } = await load("bekasi-typed");
    const analysis = recogniseWorkbook(snapshot);
    const rowOf = (spec: SheetSpec, text: string) => rowsWhere(spec, 2, (c) => typeof c.value === "string" && c.value.startsWith(text))[0];
    const base = rencanaAksiSheet(snapshot, analysis, { phrase: ID }).spec;
    const rasio = rowOf(base, "Rasio kekerasan");
    expect(at(base, `V${rasio + 1}`)?.formula).toBe(`=IF(AND(ISNUMBER(G${rasio + 1}),ISNUMBER(R${rasio + 1}),G${rasio + 1}<>0),(2*G${rasio + 1}-R${rasio + 1})/G${rasio + 1}*100,"")`);
    const chosen = rencanaAksiSheet(snapshot, analysis, { phrase: ID, polarity: { "bekasi-2.3!6": "higher-better" }, negativeByRow: { "bekasi-2.3!8": "B" } }).spec;
    expect(at(chosen, `V${rasio + 1}`)?.formula).toBe(`=IF(AND(ISNUMBER(G${rasio + 1}),ISNUMBER(R${rasio + 1}),G${rasio + 1}<>0),R${rasio + 1}/G${rasio + 1}*100,"")`);
    const anak = rowOf(chosen, "Persentase anak korban");
    expect(at(chosen, `Y${anak + 1}`)?.formula).toBe(`=IF(AND(ISNUMBER(J${anak + 1}),ISNUMBER(U${anak + 1}),U${anak + 1}<>0),J${anak + 1}/U${anak + 1}*100,"")`);
    expect(at(chosen, `Z${anak + 1}`)?.value).toBe("semakin rendah semakin baik (rumus B)");
  });

  test("phasing: defaults from the satuan and kind; splits add up exactly", () => {
    const ind = (indikator: string, satuan: string, value: number | string, kind: string, polarity = "higher-better") =>
      ({ sasaran: "", indikator, satuan, target: { value, numberFormat: null, numeral: { kind, raw: String(value) } }, polarity, penanggungJawab: "", source: { sheet: "", row: 0 } }) as never;
    expect(defaultPhasing(ind("Jumlah dokumen perencanaan yang disusun", "Dokumen", 10, "number")).phasing).toBe("split");
    expect(defaultPhasing(ind("Persentase realisasi fisik kegiatan", "%", 100, "percent")).phasing).toBe("ramp");
    expect(defaultPhasing(ind("Indeks Pembangunan Gender", "Indeks", 90.76, "number")).phasing).toBe("akhir");
    expect(defaultPhasing(ind("Nilai AKIP", "Predikat", "BB (75)", "grade")).phasing).toBe("akhir");
    expect(defaultPhasing(ind("Jumlah kasus kekerasan", "Kasus", 20, "number", "lower-better")).phasing).toBe("akhir");
    expect(splitInFour(10)).toEqual([2, 2, 3, 3]);
    expect(splitInFour(1_000_000_001)).toEqual([250_000_000, 250_000_000, 250_000_000, 250_000_001]);
    expect(phaseTarget(100, "ramp")).toEqual([25, 50, 75, 100]);
    expect(phaseTarget(0.6575, "akhir", 4)).toEqual(["-", "-", "-", 0.6575]);
    expect(phaseTarget("Nindya", "akhir")).toEqual(["-", "-", "-", "Nindya"]);
    expect(phaseTarget(7, "flat")).toEqual([7, 7, 7, 7]);
  });
});

describe("Rencana Aksi: categorical indicators", () => {
  /** A PK table of rung targets on three ladders beside a count, each target as typed. */
  function ladderPk(): WorkbookSnapshot {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Tabel 2.3");
    ws.getCell("A1").value = "Tabel 2.3";
    ws.getCell("A2").value = "Perjanjian Kinerja Dinas Contoh Tahun 2024";
    ws.getRow(3).values = ["No", "Sasaran Strategis", "Indikator Kinerja", "Satuan", "Target"];
    const rows: [string, string, string, string | number][] = [
      ["Meningkatnya perlindungan anak", "Predikat Kota Layak Anak", "Predikat", "Nindya"],
      ["Meningkatnya akuntabilitas keuangan", "Opini BPK atas LKPD", "Opini", "WTP"],
      ["Meningkatnya akuntabilitas kinerja", "Nilai SAKIP", "Predikat", "BB"],
      ["Meningkatnya akuntabilitas kinerja", "Jumlah laporan kinerja", "Dokumen", 12],
    ];
    rows.forEach((r, i) => (ws.getRow(4 + i).values = [i + 1, ...r]));
    return snapshotFromWorkbook(wb);
  }
  const rowOf = (spec: SheetSpec, text: string) => rowsWhere(spec, 2, (c) => c.value === text)[0] + 1;

  test("capaian TW = rank of the typed rung / rank of the target rung × 100, on each indicator's ladder placed beside the print area", () => {
    const snapshot = ladderPk();
    const { spec } = rencanaAksiSheet(snapshot, recogniseWorkbook(snapshot), { phrase: ID });
    const { hf, sheet, value } = evaluateSpec(spec);
    const set = (a: string, v: unknown) => hf.setCellContents({ sheet, ...rc(a) }, [[v as never]]);
    const [kla, opini, sakip, laporan] = ["Predikat Kota Layak Anak", "Opini BPK atas LKPD", "Nilai SAKIP", "Jumlah laporan kinerja"].map((t) => rowOf(spec, t));
    // Empty realisasi: empty capaian.
    for (const r of [kla, opini, sakip]) expect(["V", "W", "X", "Y"].map((c) => value(`${c}${r}`))).toEqual(["", "", "", ""]);
    // TW IV against the annual rung (end-of-year phasing: TW I–III have no target, so no capaian).
    const cases: [number, string, number][] = [
      [kla, "Madya", (2 / 3) * 100],
      [kla, "Nindya", 100],
      [kla, "  kla ", (5 / 3) * 100], // TRIM, any case
      [kla, "Kota Layak Anak (KLA)", (5 / 3) * 100],
      [opini, "Wajar Dengan Pengecualian (WDP)", 75],
      [opini, "Tidak Memberikan Pendapat / Disclaimer", 25],
      [sakip, "A", 120],
      [sakip, "CC", 60],
      [sakip, "BB (Sangat Baik)", 100],
    ];
    for (const [r, typed, expected] of cases) {
      set(`U${r}`, typed);
      expect([r, typed, value(`Y${r}`)]).toEqual([r, typed, expect.closeTo(expected, 6)]);
    }
    // Not a rung of that ladder (a word, a number, another ladder's rung): empty, never an error.
    for (const typed of ["Baik", 3, "WTP"]) {
      set(`U${kla}`, typed);
      expect([typed, value(`Y${kla}`)]).toEqual([typed, ""]);
    }
    set(`R${kla}`, "Nindya");
    expect(value(`V${kla}`)).toBe("");
    // A numeric indicator keeps realisasi / target.
    set(`U${laporan}`, 3);
    expect(value(`Y${laporan}`)).toBe(100);
    // The formulas read only this sheet's ladder columns AD:AE, which hold text and numbers, outside the print area A:AB.
    const f = at(spec, `Y${kla}`)!.formula!;
    expect(f).toMatch(/^=IFERROR\(INDEX\(\$AE\$\d+:\$AE\$\d+,MATCH\(TRIM\(U\d+\),\$AD\$\d+:\$AD\$\d+,0\)\)/);
    expect(f).not.toContain("!");
    expect(spec.print.area).toMatch(/^A1:AB\d+$/);
    const ladderCells = spec.cells.filter((c) => c.col === 29 || c.col === 30);
    expect(ladderCells.every((c) => !c.formula)).toBe(true);
    expect(ladderCells.map((c) => c.value)).toEqual(expect.arrayContaining(["Tangga Kota Layak Anak", "Tangga Opini BPK", "Tangga Nilai SAKIP", "Nindya", "Wajar Tanpa Pengecualian (WTP)", "AA"]));
    expect(spec.cells.some((c) => typeof c.value === "string" && c.value.startsWith("Capaian indikator berupa kategori") && c.value.includes("AD:AE"))).toBe(true);
  });

  test("a flat phasing measures every quarter against the rung; a sheet without rung targets has no ladder columns", () => {
    const snapshot = ladderPk();
    const { spec } = rencanaAksiSheet(snapshot, recogniseWorkbook(snapshot), { phrase: ID, phasing: "flat" });
    const { hf, sheet, value } = evaluateSpec(spec);
    const kla = rowOf(spec, "Predikat Kota Layak Anak");
    expect(["G", "H", "I", "J"].map((c) => value(`${c}${kla}`))).toEqual(["Nindya", "Nindya", "Nindya", "Nindya"]);
    ["Pratama", "Madya", "Nindya", "Utama"].forEach((rung, q) => hf.setCellContents({ sheet, ...rc(`${"RSTU"[q]}${kla}`) }, [[rung]]));
    expect(["V", "W", "X", "Y"].map((c) => Math.round((value(`${c}${kla}`) as number) * 100) / 100)).toEqual([33.33, 66.67, 100, 133.33]);
    const plain = snapshotFromWorkbook(pkTableWorkbook("Meningkatnya kinerja", "Jumlah dokumen"));
    const none = rencanaAksiSheet(plain, recogniseWorkbook(plain), { phrase: ID }).spec;
    expect(none.cells.filter((c) => c.col > 28)).toEqual([]);
  });
});

describe("Perjanjian Kinerja", () => {
  test.each([
    ["bekasi-typed", 5, 5, 19_228_422_485],
    ["serang-typed", 7, 11, 13_953_545_705],
    ["binjai-lkj2023-typed", 15, 0, 0],
  ])("%s: %i indicators, %i programs, total %i as a SUM", async (name, indicators, programs, total) => {
    const { snapshot } = await load(name);
    const { spec, sources, programs: progs } = perjanjianKinerjaSheet(snapshot, recogniseWorkbook(snapshot), profile, { phrase: ID });
    expect(sources.pk.rows.length).toBe(indicators);
    expect(progs.length).toBe(programs);
    const { value } = evaluateSpec(spec);
    const totalRow = rowsWhere(spec, 0, (c) => c.value === "Jumlah Anggaran")[0];
    expect(at(spec, `D${totalRow + 1}`)?.formula).toMatch(programs ? /^=SUM\(D\d+:D\d+\)$/ : /^=0$/);
    expect(value(`D${totalRow + 1}`)).toBe(total);
    expect(at(spec, `D${totalRow + 1}`)?.numberFormat).toBe('"Rp "#,##0');
    // Title block, statement and signatures.
    expect(at(spec, "A1")?.value).toBe("PERJANJIAN KINERJA TAHUN 2024");
    const texts = spec.cells.map((c) => String(c.value ?? ""));
    expect(texts).toContain("Selaku atasan langsung PIHAK PERTAMA, selanjutnya disebut PIHAK KEDUA.");
    expect(texts).toContain("Plt. Wali Kota Bekasi");
    const names = spec.cells.filter((c) => c.value === profile.pihakPertama.nama);
    expect(names.length).toBe(2); // under the statement and under the lampiran
    for (const n of names) expect(n).toMatchObject({ bold: true, underline: true });
    expect(texts.filter((t) => t === `NIP. ${profile.pihakPertama.nip}`).length).toBe(2);
    expect(texts.some((t) => t.startsWith("NIP.") && t !== `NIP. ${profile.pihakPertama.nip}`)).toBe(false); // the Wali Kota has none
    // The lampiran starts on a new page; sasaran are merged over their indicators.
    const lampiran = rowsWhere(spec, 0, (c) => c.value === "LAMPIRAN PERJANJIAN KINERJA TAHUN 2024")[0];
    expect(spec.print.breaksBefore[0]).toBe(lampiran);
    expect(spec.print.orientation).toBe("portrait");
    const sasaranMerges = spec.merges.filter((m) => /^B\d+:B\d+$/.test(m));
    expect(sasaranMerges.length).toBe([...new Set(sources.pk.rows.map((r) => r.sasaran))].filter((s) => sources.pk.rows.filter((r) => r.sasaran === s).length > 1).length);
    if (!programs) expect(texts.some((t) => t.startsWith("Tidak ada tabel anggaran"))).toBe(true);
  });

  test("a budget without program rows: its kegiatan, each the sum of its sub kegiatan when it has no amount of its own", async () => {
    const { snapshot } = await load("bekasi-typed");
    const { spec, sources, programs } = perjanjianKinerjaSheet(snapshot, recogniseWorkbook(snapshot), profile, { phrase: ID, budget: "bekasi-2.4!A1:G55" });
    const kegiatan = sources.budget.rows.filter((b) => b.level === "kegiatan");
    expect(programs.length).toBe(kegiatan.length);
    // Each kegiatan: its own amount, or the sum of the sub kegiatan listed under it.
    const rows = sources.budget.rows;
    const expected = kegiatan.map((k) => {
      if (k.pagu !== undefined) return k.pagu;
      const i = rows.indexOf(k);
      let sum = 0;
      for (let j = i + 1; j < rows.length && rows[j].level === "subkegiatan"; j++) sum += rows[j].pagu ?? 0;
      return sum;
    });
    expect(programs.map((p) => p.pagu)).toEqual(expected);
    const totalRow = rowsWhere(spec, 0, (c) => c.value === "Jumlah Anggaran")[0];
    expect(evaluateSpec(spec).value(`D${totalRow + 1}`)).toBe(expected.reduce((a, b) => a + b, 0));
  });

  test("targets as the workbook shows them; PK Perubahan renames sheet and title", async () => {
    const { snapshot } = await load("bekasi-typed");
    const { spec } = perjanjianKinerjaSheet(snapshot, recogniseWorkbook(snapshot), profile, { phrase: ID, perubahan: true });
    expect(spec.name).toBe("PK Perubahan 2024");
    expect(at(spec, "A1")?.value).toBe("PERJANJIAN KINERJA PERUBAHAN TAHUN 2024");
    const targets = spec.cells.filter((c) => c.col === 4 && c.row > spec.print.breaksBefore[0] + 3 && c.value !== null && c.border);
    expect(targets.slice(1, 4).map((c) => [c.value, c.numberFormat ?? null])).toEqual([["BB (75)", null], [0.6575, "0.00%"], [23, "0.00"]]);
  });
});

describe("generated sheets in a workbook", () => {
  test("text from cells stays text: a sasaran =HYPERLINK(...) arrives as text in both sheets, also after saving", async () => {
    const wb = pkTableWorkbook('=HYPERLINK("http://x","klik")', "+Jumlah dokumen");
    const snapshot = snapshotFromWorkbook(wb);
    const analysis = recogniseWorkbook(snapshot);
    for (const spec of [rencanaAksiSheet(snapshot, analysis, { phrase: ID }).spec, perjanjianKinerjaSheet(snapshot, analysis, profile, { phrase: ID }).spec]) {
      const cell = spec.cells.find((c) => c.value === '=HYPERLINK("http://x","klik")')!;
      expect(cell.formula).toBeUndefined();
      applySheetSpec(wb, spec);
    }
    const buffer = await wb.xlsx.writeBuffer();
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(buffer as ArrayBuffer);
    for (const name of ["Rencana Aksi 2024", "Perjanjian Kinerja 2024"]) {
      const found: ExcelJS.Cell[] = [];
      back.getWorksheet(name)!.eachRow((row) => row.eachCell((c) => (String(c.value).includes("HYPERLINK") || String(c.value).startsWith("+Jumlah")) && found.push(c)));
      expect(found.length).toBeGreaterThanOrEqual(2);
      for (const c of found) expect(c.type).toBe(ExcelJS.ValueType.String);
    }
  });

  test("generating again replaces the generated sheet; a user's sheet of that name is kept and the new one gets a suffix", async () => {
    const { wb: original } = await load("serang-typed");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await original.xlsx.writeBuffer()) as ArrayBuffer);
    let snapshot = snapshotFromWorkbook(wb);
    const first = rencanaAksiSheet(snapshot, recogniseWorkbook(snapshot), { phrase: ID }).spec;
    expect([first.name, first.replaces]).toEqual(["Rencana Aksi 2021", false]);
    applySheetSpec(wb, first);
    snapshot = snapshotFromWorkbook(wb);
    const again = rencanaAksiSheet(snapshot, recogniseWorkbook(snapshot), { phrase: ID }).spec;
    expect([again.name, again.replaces]).toEqual(["Rencana Aksi 2021", true]);
    applySheetSpec(wb, again);
    expect(wb.worksheets.filter((w) => w.name.startsWith("Rencana Aksi")).length).toBe(1);
    // The user's own sheet by that name.
    wb.removeWorksheet(wb.getWorksheet("Rencana Aksi 2021")!.id);
    wb.addWorksheet("Rencana Aksi 2021").getCell("A1").value = "catatan saya";
    snapshot = snapshotFromWorkbook(wb);
    const third = rencanaAksiSheet(snapshot, recogniseWorkbook(snapshot), { phrase: ID }).spec;
    expect([third.name, third.replaces]).toEqual(["Rencana Aksi 2021 (2)", false]);
    applySheetSpec(wb, third);
    expect(wb.getWorksheet("Rencana Aksi 2021")!.getCell("A1").value).toBe("catatan saya");
  });
});

function rc(address: string) {
  const { row, col } = parseCellAddress(address);
  return { row, col };
}
