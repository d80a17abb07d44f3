/**
 * The audit, kind by kind, each on a workbook built here: the false-positive kinds seen on real SIPD and
 * Renja workbooks (code trees with account rows, repeated urusan rows, digits in a quoted sheet name,
 * total / subtotal / share-of-total rows, column-number rows, the add-in's own formulas) give nothing, and
 * the kinds that were missed are found: a figure outside its plausible range, a formula against its
 * column's stated relation, a lone separator decided by the column's majority, and the same indicator with
 * another figure in another table. Every finding names its table and indicator.
 */
import * as path from "path";
import ExcelJS from "exceljs";
import { loadWorkbookFile, snapshotFromWorkbook } from "../src/xlsx/readWorkbook";
import { recogniseWorkbook } from "../src/core/recognise";
import { auditWorkbook, Finding } from "../src/core/audit";
import { DEFAULT_FILL, planWorkbook } from "../src/core/writePlan";
import { applyPlanToWorkbook } from "../src/xlsx/applyPlan";
import { phrase, phraser } from "../src/i18n";

function audit(wb: ExcelJS.Workbook): Finding[] {
  const s = snapshotFromWorkbook(wb);
  return auditWorkbook(s, recogniseWorkbook(s));
}
const brief = (fs: Finding[]) => fs.map((f) => `${f.sheet}!${f.cell}:${f.reason}`);

/** A sheet with a caption, a header row (row 3) and body rows from row 4. */
function sheet(wb: ExcelJS.Workbook, name: string, caption: string, header: string[], rows: unknown[][]): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name);
  ws.getCell("A1").value = caption.split(" — ")[0];
  ws.getCell("A2").value = caption.split(" — ")[1] ?? "";
  ws.getRow(3).values = header;
  rows.forEach((r, i) => (ws.getRow(4 + i).values = r as ExcelJS.CellValue[]));
  return ws;
}

describe("false-positive kinds give no finding", () => {
  test("a code tree of any depth, account rows and a repeated urusan row: totals over one level; a real gap deep in the tree is found", () => {
    const wb = new ExcelJS.Workbook();
    sheet(wb, "Belanja", "Tabel 3.6 — Realisasi Anggaran per Kode Rekening Tahun 2024", ["Kode", "Uraian", "Anggaran (Rp)", "Realisasi (Rp)"], [
      ["1.02", "URUSAN PEMERINTAHAN BIDANG KESEHATAN", 243295000, 163241000],
      ["1.02.01", "Program Penguatan Data dan Statistik Sektoral", 111338000, 75189900],
      ["1.02.01.2.01", "Pengumpulan dan Validasi Data Sektoral", 111338000, 75189900],
      ["1.02.01.2.01.0001", "Penyusunan Profil Data Kecamatan", 54559000, 41100000],
      ["5.1.02", "Belanja Barang dan Jasa", 54559000, 41100000],
      ["5.1.02.01.01.0024", "Belanja Jasa Narasumber", 12163000, 8879000],
      ["5.1.02.01.01.0052", "Belanja Cetak", 42396000, 32221000],
      ["1.02.01.2.01.0002", "Survei Kepuasan Pengguna Layanan", 56779000, 34089900],
      ["5.1.02", "Belanja Barang dan Jasa", 56779000, 34089900],
      ["5.1.02.01.01.0024", "Belanja Sewa Gedung", 40396000, 22621800],
      ["5.1.02.01.01.0052", "Belanja Alat Tulis Kantor", 16383000, 11468100],
      ["1.02", "URUSAN PEMERINTAHAN BIDANG KESEHATAN", 243295000, 163241000],
      ["1.02.02", "Program Penataan Arsip", 131957000, 88051100],
      ["1.02.02.2.01", "Penyusunan Dokumen Perencanaan", 131957000, 88051100],
      ["1.02.02.2.01.0004", "Digitalisasi Arsip Statis", 131957000, 88051100],
      ["5.1.02", "Belanja Barang dan Jasa", 131957000, 88051100],
      ["5.1.02.01.01.0024", "Belanja Cetak", 35674000, 32820100],
      ["5.1.02.01.01.0052", "Belanja Cetak", 46944000, 29574700],
      ["5.1.02.01.01.0080", "Belanja Jasa Narasumber", 49339000, 25656300],
      [null, "JUMLAH", 243295000, 163241000],
    ]);
    expect(audit(wb).filter((f) => f.reason === "total-mismatch")).toEqual([]);
    // One account line typed wrong: its account group (5.1.02 under sub kegiatan 0004) no longer adds up, and only it.
    wb.getWorksheet("Belanja")!.getCell("C21").value = 45674000;
    const found = audit(wb).filter((f) => f.reason === "total-mismatch");
    expect(brief(found)).toEqual(["Belanja!C19:total-mismatch"]);
    expect(found[0]).toMatchObject({ typed: 131957000, expected: 35674000 + 45674000 + 49339000, table: "Tabel 3.6", indicator: "Belanja Barang dan Jasa" });
  });

  test("digits inside a quoted sheet name are not a constant typed into a formula; a real one is", () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("APBDES 2025").getCell("E41").value = 1000;
    const ws = sheet(wb, "Tabel 3.5", "Tabel 3.5 — Realisasi Anggaran Tahun 2025", ["No", "Program/Kegiatan", "Pagu (Rp)", "Realisasi (Rp)"], [
      ["1", "Administrasi Keuangan", 5000, null],
      ["2", "Administrasi Umum", 7000, null],
      ["3", "Perencanaan", 9000, null],
    ]);
    ws.getCell("D4").value = { formula: "'APBDES 2025'!E41*4", result: 4000 };
    ws.getCell("D5").value = { formula: "'APBDES 2025'!E41*6", result: 6000 };
    ws.getCell("D6").value = { formula: "20906000-'APBDES 2025'!E41", result: 20905000 };
    const found = audit(wb).filter((f) => f.reason === "constant-in-formula");
    expect(brief(found)).toEqual(["Tabel 3.5!D6:constant-in-formula"]);
    expect(phrase(found[0].detail, "id")).toBe("angka 20906000 diketik di dalam rumus; seharusnya diambil dari sel");
  });

  test("total, subtotal and share-of-total rows are not inconsistent formulas; a row unlike its column is", () => {
    const wb = new ExcelJS.Workbook();
    const ws = sheet(wb, "Tabel 3.7", "Tabel 3.7 — Proporsi Anggaran Tahun 2024", ["No", "Program", "Pagu (Rp)", "Proporsi (%)"], [
      ["1", "Program Penunjang", 400, null],
      ["2", "Program Perencanaan", 300, null],
      ["", "Sub Total", null, null],
      ["3", "Program Pengawasan", 200, null],
      ["4", "Program Pelayanan", 100, null],
      ["", "Jumlah", null, null],
    ]);
    ws.getCell("C6").value = { formula: "SUM(C4:C5)", result: 700 };
    ws.getCell("C9").value = { formula: "C6+C7+C8", result: 1000 };
    for (const r of [4, 5, 7, 8]) ws.getCell(`D${r}`).value = { formula: `C${r}/C9*100`, result: 0 };
    ws.getCell("D6").value = { formula: "SUM(D4:D5)", result: 70 };
    ws.getCell("D9").value = { formula: "SUM(D4,D5,D7,D8)", result: 100 };
    expect(audit(wb).filter((f) => f.reason === "inconsistent-formula")).toEqual([]);
    ws.getCell("D8").value = { formula: "C8/C7*100", result: 50 };
    expect(brief(audit(wb).filter((f) => f.reason === "inconsistent-formula"))).toEqual(["Tabel 3.7!D8:inconsistent-formula"]);
  });

  test("a column-number row, even inside the body, is never an arithmetic error", () => {
    const wb = new ExcelJS.Workbook();
    sheet(wb, "Tabel 3.1", "Tabel 3.1 — Capaian Kinerja Tahun 2024", ["No", "Indikator Kinerja", "Satuan", "Target", "Realisasi", "Capaian (%)"], [
      ["1", "2", "3", "4", "5", "6"],
      [1, "Jumlah dokumen perencanaan", "Dokumen", 10, 9, 90],
      [2, "Jumlah laporan evaluasi", "Laporan", 4, 4, 100],
      ["1", "2", "3", "4", "5", "6"],
      [3, "Jumlah forum koordinasi", "Forum", 6, 3, 50],
    ]);
    expect(audit(wb)).toEqual([]);
  });

  test("the add-in's own formulas are never findings: the README example filled, then audited", async () => {
    const wb = await loadWorkbookFile(path.join(__dirname, "..", "examples", "contoh-bab3-bekasi.xlsx"));
    const before = snapshotFromWorkbook(wb);
    const plan = planWorkbook(before, recogniseWorkbook(before), { ...DEFAULT_FILL, phrase: phraser("id") });
    applyPlanToWorkbook(wb, plan);
    const written = new Set(plan.writes.filter((w) => w.formula).map((w) => `${w.sheet}!${w.cell}`));
    const findings = audit(wb);
    expect(findings.filter((f) => written.has(`${f.sheet}!${f.cell}`) && f.reason !== "between-tables")).toEqual([]);
    expect(findings.filter((f) => ["constant-in-formula", "inconsistent-formula", "average-in-parent", "relation-contradiction", "implausible"].includes(f.reason))).toEqual([]);
  }, 15_000);
});

describe("kinds that were missed are found", () => {
  test("a capaian or serapan outside its plausible range, typed or computed by someone's formula", () => {
    const wb = new ExcelJS.Workbook();
    const ws = sheet(wb, "Tabel 3.8", "Tabel 3.8 — Capaian Kinerja dan Anggaran Tahun 2024", ["No", "Indikator Kinerja", "Target", "Realisasi", "Capaian (%)", "Pagu (Rp)", "Realisasi Anggaran (Rp)", "Serapan (%)"], [
      [1, "Persentase layanan tepat waktu", 1, 100, 10000, 1000, 900, 90],
      [2, "Jumlah dokumen perencanaan", 10, 9, null, 1000, 1500, 150],
      [3, "Jumlah laporan evaluasi", 4, 4, 100, 1000, 1000, 100],
    ]);
    ws.getCell("C4").numFmt = "0%";
    ws.getCell("E5").value = { formula: "D5/C5*10000", result: 9000 };
    const found = audit(wb).filter((f) => f.reason === "implausible");
    expect(brief(found).sort()).toEqual(["Tabel 3.8!E4:implausible", "Tabel 3.8!E5:implausible", "Tabel 3.8!H5:implausible"]);
    expect(found.find((f) => f.cell === "E4")).toMatchObject({ typed: 10000, table: "Tabel 3.8", indicator: "Persentase layanan tepat waktu" });
    expect(phrase(found.find((f) => f.cell === "H5")!.detail, "en")).toBe("Absorption (serapan) 150 % is outside the plausible 0–100 %: check the target, the unit or the polarity");
  });

  test("a formula against its column's stated relation (the number row says 5=(4/3), the cell computes 3/4)", () => {
    const wb = new ExcelJS.Workbook();
    const ws = sheet(wb, "Evaluasi", "Tabel 3.2 — Evaluasi Capaian Tahun 2024", ["No", "Indikator Kinerja", "Target", "Realisasi", "Capaian (%)"], [
      ["1", "2", "3", "4", "5=(4/3)"],
      [1, "Jumlah dokumen perencanaan", 10, 9, null],
      [2, "Jumlah laporan evaluasi", 4, 4, null],
      [3, "Jumlah forum koordinasi", 8, 6, null],
    ]);
    ws.getCell("E5").value = { formula: "D5/C5*100", result: 90 };
    ws.getCell("E6").value = { formula: "(C6/D6)*100", result: 100 };
    ws.getCell("E7").value = { formula: "D7/C7*100", result: 75 };
    const found = audit(wb).filter((f) => f.reason === "relation-contradiction");
    expect(brief(found)).toEqual(["Evaluasi!E6:relation-contradiction"]);
    expect(found[0]).toMatchObject({ typed: "=(C6/D6)*100", table: "Tabel 3.2", indicator: "Jumlah laporan evaluasi" });
    expect(phrase(found[0].detail, "id")).toMatch(/bertentangan dengan hubungan kolom yang dinyatakan tabel "5=\(4\/3\)"/);
  });

  test("a lone separator read by the column's majority convention, with its cell", () => {
    const wb = new ExcelJS.Workbook();
    sheet(wb, "IKU", "Tabel 3.1 — Capaian Kinerja Tahun 2024", ["No", "Indikator Kinerja", "Target", "Realisasi"], [
      [1, "Indeks kepuasan masyarakat", "82,5", "83,75"],
      [2, "Nilai evaluasi kinerja", "70,25", "1.234"],
      [3, "Indeks profesionalitas ASN", "65,5", "66,10"],
    ]);
    const found = audit(wb).filter((f) => f.reason === "lone-separator");
    expect(brief(found)).toEqual(["IKU!D5:lone-separator"]);
    expect(found[0]).toMatchObject({ typed: "1.234", expected: 1234, indicator: "Nilai evaluasi kinerja" });
    expect(phrase(found[0].detail, "en")).toBe('"1.234" may mean 1,234 or 1.234; read as 1,234 by the column\'s majority (2 cell(s) in Indonesian form, 0 in English form) — please confirm');
  });

  test("the same indicator with another target in another table: both cells named", () => {
    const wb = new ExcelJS.Workbook();
    sheet(wb, "IKU", "Tabel 2.2 — Indikator Kinerja Utama Tahun 2024", ["No", "Indikator Kinerja", "Satuan", "Target 2024"], [
      [1, "Indeks Pemberdayaan Gender (IDG)", "Indeks", 70.65],
      [2, "Persentase perempuan korban kekerasan yang dilayani", "%", 95],
    ]);
    sheet(wb, "PK", "Tabel 2.3 — Perjanjian Kinerja Tahun 2024", ["No", "Sasaran Strategis", "Indikator Kinerja", "Satuan", "Target"], [
      [1, "Meningkatnya kualitas hidup perempuan", "Indeks Pemberdayaan Gender (IDG)", "Indeks", 70.61],
      [2, null, "Persentase perempuan korban kekerasan yang dilayani", "%", 95],
    ]);
    const found = audit(wb).filter((f) => f.reason === "between-tables");
    expect(found).toEqual([
      expect.objectContaining({ sheet: "PK", cell: "E4", role: "target", typed: 70.61, expected: 70.65, table: "Tabel 2.3", indicator: "Indeks Pemberdayaan Gender (IDG)", other: { sheet: "IKU", cell: "D4", table: "Tabel 2.2", value: 70.65 } }),
    ]);
    expect(phrase(found[0].detail, "id")).toBe("target 2024 70,61 di sini, tetapi 70,65 di Tabel 2.2 (IKU!D4); mana yang benar perlu diperiksa");
  });
});
