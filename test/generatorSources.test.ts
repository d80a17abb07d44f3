/**
 * Where the Rencana Aksi and the Perjanjian Kinerja take their lists from, on workbooks built here: the
 * PK by its title over a Renstra crosswalk and over an IKU list (the Perubahan one when both exist), the
 * target year against the document's year, the whole budget over a breakdown of one kegiatan into account
 * lines, amounts from the lowest level present checked against a typed total, SIPD "TW 1–4" allocations,
 * the placeholder half of a merged indicator header, and the user's column corrections.
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { snapshotFromWorkbook, readWorkbookFile } from "../src/xlsx/readWorkbook";
import { recogniseWorkbook } from "../src/core/recognise";
import { findSources } from "../src/core/sources";
import { perjanjianKinerjaSheet } from "../src/core/perjanjianKinerja";
import { rencanaAksiSheet } from "../src/core/rencanaAksi";
import { readProfile } from "../src/core/profile";
import { columnKey, withRoleOverrides } from "../src/core/choices";
import { phrase, phraser } from "../src/i18n";
import { evaluateSpec } from "./support/evaluate";

const ID = phraser("id");
const profile = readProfile(JSON.parse(fs.readFileSync(path.join(__dirname, "..", "examples", "profile.json"), "utf8"))).profile;

function sheet(wb: ExcelJS.Workbook, name: string, title: string, header: string[], rows: unknown[][]): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name);
  ws.getCell("A1").value = title;
  ws.getRow(3).values = header;
  rows.forEach((r, i) => (ws.getRow(4 + i).values = r as ExcelJS.CellValue[]));
  return ws;
}
const analyse = (wb: ExcelJS.Workbook) => {
  const snapshot = snapshotFromWorkbook(wb);
  return { snapshot, analysis: recogniseWorkbook(snapshot) };
};
const texts = (spec: { cells: { value?: unknown }[] }) => spec.cells.map((c) => String(c.value ?? ""));

describe("the PK list", () => {
  test("the table titled Perjanjian Kinerja, not the Renstra crosswalk before it (shape g1-pk-sources)", async () => {
    const snapshot = await readWorkbookFile(path.join(__dirname, "fixtures", "shapes", "g1-pk-sources.xlsx"));
    const analysis = recogniseWorkbook(snapshot);
    const { spec, sources } = perjanjianKinerjaSheet(snapshot, analysis, profile, { phrase: ID });
    expect(sources.pk.table?.sheet).toBe("PK Perubahan");
    expect(sources.pk.rows.map((r) => r.indikator)).toEqual(["Indeks kepuasan layanan perizinan terpadu", "Persentase izin terbit sesuai standar waktu", "Nilai realisasi investasi daerah", "Jumlah proyek investasi yang terealisasi"]);
    expect(texts(spec)).not.toContain("Persentase pelayanan perizinan tepat waktu");
    // The crosswalk is not even a candidate the pane offers.
    expect(sources.candidates.pk.map((t) => t.sheet)).not.toContain("Crosswalk Renstra");
  });

  test("PK over IKU; the Perubahan one for the Rencana Aksi, the original when the original is asked for", () => {
    const wb = new ExcelJS.Workbook();
    const header = ["No", "Sasaran Strategis", "Indikator Kinerja", "Satuan", "Target"];
    sheet(wb, "IKU", "Indikator Kinerja Utama Tahun 2024", header, [[1, "Sasaran A", "Indikator IKU pertama", "%", 90], [2, null, "Indikator IKU kedua", "%", 80]]);
    sheet(wb, "PK", "Perjanjian Kinerja Tahun 2024", header, [[1, "Sasaran A", "Indikator PK murni", "%", 85]]);
    sheet(wb, "PK-P", "Perjanjian Kinerja Perubahan Tahun 2024", header, [[1, "Sasaran A", "Indikator PK perubahan", "%", 88]]);
    const { snapshot, analysis } = analyse(wb);
    expect(findSources(snapshot, analysis, {}).pk.rows.map((r) => r.indikator)).toEqual(["Indikator PK perubahan"]);
    expect(rencanaAksiSheet(snapshot, analysis, { phrase: ID }).sources.pk.table?.sheet).toBe("PK-P");
    expect(perjanjianKinerjaSheet(snapshot, analysis, profile, { phrase: ID, perubahan: false }).sources.pk.table?.sheet).toBe("PK");
    expect(perjanjianKinerjaSheet(snapshot, analysis, profile, { phrase: ID, perubahan: true }).sources.pk.table?.sheet).toBe("PK-P");
  });

  test("targets of another year than the document's: the output says so", () => {
    const wb = new ExcelJS.Workbook();
    sheet(wb, "PK", "Perjanjian Kinerja Tahun 2025", ["No", "Sasaran Strategis", "Indikator Kinerja", "Satuan", "Target 2025"], [[1, "Sasaran A", "Indeks kepuasan masyarakat", "Indeks", 82]]);
    const { snapshot, analysis } = analyse(wb);
    const { spec, sources } = perjanjianKinerjaSheet(snapshot, analysis, { ...profile, tahun: 2024 }, { phrase: ID });
    expect(sources.pk.targetYear).toBe(2025);
    const note = spec.notes.find((n) => n.code === "target-year-mismatch")!;
    expect(note.params).toMatchObject({ year: 2024, targetYear: 2025 });
    expect(phrase(note, "id")).toBe("Target diambil dari kolom tahun 2025 di PK!A1:E4, sedangkan dokumen ini tahun 2024: periksa targetnya atau pilih tabel lain.");
    // The same year: nothing to say.
    expect(perjanjianKinerjaSheet(snapshot, analysis, { ...profile, tahun: 2025 }, { phrase: ID }).spec.notes.filter((n) => n.code.startsWith("target-year"))).toEqual([]);
  });

  test("an indicator list of \"-\" from the placeholder half of a merged header is never taken", () => {
    const wb = new ExcelJS.Workbook();
    const ws = sheet(wb, "PK", "Perjanjian Kinerja Tahun 2024", ["No", "Sasaran Strategis", "Indikator Kinerja", "Indikator Kinerja", "Target"], [
      [1, "Sasaran A", "-", "Persentase dokumen tepat waktu", 90],
      [2, null, "-", "Indeks kepuasan masyarakat", 80],
    ]);
    ws.mergeCells("C3:D3");
    const { snapshot, analysis } = analyse(wb);
    const { sources } = perjanjianKinerjaSheet(snapshot, analysis, profile, { phrase: ID });
    expect(sources.pk.rows.map((r) => r.indikator)).toEqual(["Persentase dokumen tepat waktu", "Indeks kepuasan masyarakat"]);
  });
});

describe("the budget", () => {
  /** Program and kegiatan rows without amounts; the amounts at sub kegiatan level only; a typed JUMLAH. */
  function budget(typedTotal: number) {
    const wb = new ExcelJS.Workbook();
    sheet(wb, "PK", "Perjanjian Kinerja Tahun 2024", ["No", "Sasaran Strategis", "Indikator Kinerja", "Satuan", "Target"], [[1, "Sasaran A", "Indeks kepuasan masyarakat", "Indeks", 82]]);
    sheet(wb, "Anggaran", "Rencana Anggaran Tahun 2024", ["Kode", "Program/Kegiatan/Sub Kegiatan", "Pagu (Rp)"], [
      ["1.01.01", "Program Penunjang Urusan Pemerintahan Daerah", null],
      ["1.01.01.2.01", "Perencanaan, Penganggaran dan Evaluasi Kinerja", null],
      ["1.01.01.2.01.0001", "Penyusunan Dokumen Perencanaan", 50_000_000],
      ["1.01.01.2.01.0002", "Evaluasi Kinerja Perangkat Daerah", 30_000_000],
      ["1.01.01.2.02", "Administrasi Keuangan", null],
      ["1.01.01.2.02.0001", "Penyediaan Gaji dan Tunjangan ASN", 40_000_000],
      ["1.01.02", "Program Pelayanan Publik", null],
      ["1.01.02.2.01", "Peningkatan Layanan", null],
      ["1.01.02.2.01.0001", "Survei Kepuasan Masyarakat", 80_000_000],
      [null, "JUMLAH", typedTotal],
    ]);
    // A breakdown of one kegiatan into account lines: never taken as the budget.
    sheet(wb, "Rincian", "Rincian Belanja Kegiatan Perencanaan", ["Kode Rekening", "Uraian", "Pagu (Rp)"], [
      ["5.1.02.01.01.0024", "Belanja Alat Tulis Kantor", 10_000_000],
      ["5.1.02.01.01.0052", "Belanja Cetak", 20_000_000],
      ["5.1.02.02.01.0003", "Belanja Jasa Narasumber", 20_000_000],
    ]);
    return analyse(wb);
  }

  test("the PK's Jumlah Anggaran sums the sub kegiatan when only they have amounts; a typed total that agrees says nothing", () => {
    const { snapshot, analysis } = budget(200_000_000);
    const { spec, sources, programs, outline } = perjanjianKinerjaSheet(snapshot, analysis, profile, { phrase: ID });
    expect(sources.budget.table?.sheet).toBe("Anggaran");
    expect(programs.map((p) => [p.name, p.pagu])).toEqual([["Program Penunjang Urusan Pemerintahan Daerah", 120_000_000], ["Program Pelayanan Publik", 80_000_000]]);
    expect(outline.total).toBe(200_000_000);
    const { value } = evaluateSpec(spec);
    const totalRow = spec.cells.find((c) => c.value === "Jumlah Anggaran")!.row;
    expect(value(`D${totalRow + 1}`)).toBe(200_000_000);
    expect(spec.notes.filter((n) => n.code === "budget-total-mismatch")).toEqual([]);
    // The Rencana Aksi builds the same amounts as SUM formulas up the code tree: kegiatan, program, JUMLAH.
    const ra = rencanaAksiSheet(snapshot, analysis, { phrase: ID }).spec;
    const ev = evaluateSpec(ra).value;
    const rowOf = (name: string) => ra.cells.find((c) => c.col === 10 && typeof c.value === "string" && c.value.includes(name))!.row + 1;
    expect(ra.cells.find((c) => c.row === rowOf("Program Penunjang") - 1 && c.col === 11)?.formula).toBe(`=SUM(L${rowOf("Perencanaan, Penganggaran")},L${rowOf("Administrasi Keuangan")})`);
    expect(ev(`L${rowOf("Program Penunjang")}`)).toBe(120_000_000);
    expect(ev(`L${rowOf("Program Pelayanan Publik")}`)).toBe(80_000_000);
    const jumlah = ra.cells.find((c) => c.value === "JUMLAH ANGGARAN")!.row + 1;
    expect(ev(`L${jumlah}`)).toBe(200_000_000);
  });

  test("a typed total that does not add up is reported with its cell, and the sheet uses the sum of the lines", () => {
    const { snapshot, analysis } = budget(120_000_000);
    const { spec, outline } = perjanjianKinerjaSheet(snapshot, analysis, profile, { phrase: ID });
    expect(outline.total).toBe(200_000_000);
    const note = spec.notes.find((n) => n.code === "budget-total-mismatch")!;
    expect(note.params).toMatchObject({ at: { sheet: "Anggaran", row: 12, col: 2 }, typed: 120_000_000, computed: 200_000_000 });
    expect(phrase(note, "id")).toBe("Anggaran!C13: jumlah yang diketik 120.000.000 berbeda dari jumlah rinciannya 200.000.000; lembar ini memakai jumlah rinciannya.");
    // A signed document carries no warnings: the note is for the user (pane outline, CLI), not printed on the PK.
    expect(texts(spec)).not.toContain(phrase(note, "id"));
  });

  test("SIPD \"TW 1 … TW 4\" allocations beside the pagu feed the Rencana Aksi's quarters", () => {
    const wb = new ExcelJS.Workbook();
    sheet(wb, "PK", "Perjanjian Kinerja Tahun 2024", ["No", "Sasaran Strategis", "Indikator Kinerja", "Satuan", "Target"], [[1, "Sasaran A", "Indeks kepuasan masyarakat", "Indeks", 82]]);
    sheet(wb, "Anggaran Kas", "Anggaran Kas Tahun 2024", ["Kode", "Uraian", "Pagu", "TW 1", "TW 2", "TW 3", "TW 4"], [
      ["1.01.01", "Program Penunjang Urusan Pemerintahan Daerah", 300_000_000, 60_000_000, 90_000_000, 90_000_000, 60_000_000],
      ["1.01.01.2.01", "Perencanaan, Penganggaran dan Evaluasi Kinerja", 300_000_000, 60_000_000, 90_000_000, 90_000_000, 60_000_000],
      ["1.01.01.2.01.0001", "Penyusunan Dokumen Perencanaan", 100_000_000, 10_000_000, 40_000_000, 40_000_000, 10_000_000],
      ["1.01.01.2.01.0002", "Evaluasi Kinerja Perangkat Daerah", 200_000_000, 50_000_000, 50_000_000, 50_000_000, 50_000_000],
    ]);
    const { snapshot, analysis } = analyse(wb);
    const { spec, sources } = rencanaAksiSheet(snapshot, analysis, { phrase: ID });
    expect(sources.quarterly.table?.sheet).toBe("Anggaran Kas");
    expect(sources.quarterly.matched).toBe(4);
    const { value } = evaluateSpec(spec);
    const row = spec.cells.find((c) => typeof c.value === "string" && c.value.includes("Penyusunan Dokumen Perencanaan"))!.row;
    expect(["L", "M", "N", "O", "P"].map((c) => value(`${c}${row + 1}`))).toEqual([100_000_000, 10_000_000, 40_000_000, 40_000_000, 10_000_000]);
    expect(texts(spec)).not.toContain(phrase({ code: "ra-note-no-quarterly", params: {} }, "id"));
  });
});

test("the user's column correction reaches both generators", () => {
  const wb = new ExcelJS.Workbook();
  sheet(wb, "PK", "Perjanjian Kinerja Tahun 2024", ["No", "Sasaran Strategis", "Indikator Kinerja", "Satuan", "Nilai 2024"], [[1, "Sasaran A", "Indeks kepuasan masyarakat", "Indeks", 82], [2, null, "Persentase dokumen tepat waktu", "%", 95]]);
  const { snapshot, analysis } = analyse(wb);
  const t = analysis.sheets[0].tables[0];
  const e = t.columns.find((c) => c.col === 4)!;
  expect(e.role).not.toBe("target");
  expect(perjanjianKinerjaSheet(snapshot, analysis, profile, { phrase: ID }).sources.pk.rows).toEqual([]);
  // The pane passes the analysis with the user's roles (useFormulas' withRoleOverrides) to both generators.
  const corrected = withRoleOverrides(analysis, { [columnKey(t, e)]: "target" }, snapshot);
  const pk = perjanjianKinerjaSheet(snapshot, corrected, profile, { phrase: ID });
  expect(pk.sources.pk.rows.map((r) => r.target.value)).toEqual([82, 95]);
  expect(rencanaAksiSheet(snapshot, corrected, { phrase: ID }).sources.pk.rows.length).toBe(2);
});
