/**
 * Group-level formulas, evaluated in HyperFormula: roll-up SUMs in empty parent rows (sub kegiatan →
 * kegiatan → program → total), PMK 214 efficiency per row and per group (SUMPRODUCT over adjacent parts)
 * with nilai efisiensi clamped to 0–100 %, and the average capaian per sasaran (merged like the sasaran).
 * The PMK 214 rows are the DOMAIN seed's four (pagu, realisasi, capaian).
 */
import ExcelJS from "exceljs";
import { snapshotFromWorkbook } from "../src/xlsx/readWorkbook";
import { recogniseWorkbook } from "../src/core/recognise";
import { DEFAULT_FILL, planWorkbook } from "../src/core/writePlan";
import { evaluatePlan } from "./support/evaluate";
import { nilaiEfisiensiFormula, nilaiEfisiensiValue } from "../src/core/formulas";
import { phraser } from "../src/i18n";

const SEED = [
  { pagu: 8_970_289_099, ra: 8_096_791_689, t: 100, r: 102.13 },
  { pagu: 8_970_544_000, ra: 8_464_175_999, t: 100, r: 91.22 },
  { pagu: 9_013_749_730, ra: 8_168_415_867, t: 100, r: 100 },
  { pagu: 11_507_651_176, ra: 10_194_974_643, t: 100, r: 76.57 },
];

function renja(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Tabel 3.5");
  ws.getCell("A1").value = "Tabel 3.5";
  ws.getCell("A2").value = "Evaluasi Renja Tahun 2024";
  ws.getRow(3).values = ["No", "Kode", "Program/Kegiatan/Sub Kegiatan", "Indikator Kinerja", "Target", "Realisasi", "Capaian (%)", "Pagu (Rp)", "Realisasi Anggaran (Rp)", "Serapan (%)", "Efisiensi (%)"];
  const rows: unknown[][] = [
    ["1", "1.01.01", "Program Perencanaan Daerah", "Persentase dokumen tepat waktu", 100, 95, null, null, null],
    ["", "1.01.01.2.01", "Kegiatan Penyusunan Dokumen", "Jumlah dokumen", 10, 10, null, null, null],
    ["", "1.01.01.2.01.0001", "Sub Kegiatan Penyusunan RKPD", "Jumlah dokumen RKPD", SEED[0].t, SEED[0].r, null, SEED[0].pagu, SEED[0].ra],
    ["", "1.01.01.2.01.0002", "Sub Kegiatan Penyusunan Renja", "Jumlah dokumen Renja", SEED[1].t, SEED[1].r, null, SEED[1].pagu, SEED[1].ra],
    ["", "1.01.01.2.02", "Kegiatan Evaluasi Kinerja", "Jumlah laporan evaluasi", 4, 4, null, null, null],
    ["", "1.01.01.2.02.0001", "Sub Kegiatan Evaluasi RKPD", "Jumlah laporan evaluasi RKPD", SEED[2].t, SEED[2].r, null, SEED[2].pagu, SEED[2].ra],
    ["", "1.01.01.2.02.0002", "Sub Kegiatan Evaluasi Renja", "Jumlah laporan evaluasi Renja", SEED[3].t, SEED[3].r, null, SEED[3].pagu, SEED[3].ra],
    ["", "", "Jumlah", "", null, null, null, null, null],
  ];
  rows.forEach((r, i) => (ws.getRow(4 + i).values = r as ExcelJS.CellValue[]));
  for (const r of [4, 5, 8]) ws.getRow(r).font = { bold: true };

  const s = wb.addWorksheet("Tabel 3.1");
  s.getCell("A1").value = "Tabel 3.1";
  s.getCell("A2").value = "Capaian Indikator Kinerja Utama Tahun 2024";
  s.getRow(3).values = ["No", "Sasaran", "Indikator Kinerja", "Satuan", "Target", "Realisasi", "Capaian (%)"];
  s.getRow(4).values = [1, "Meningkatnya kualitas perencanaan", "Persentase dokumen tepat waktu", "%", 80, 90, null];
  s.getRow(5).values = [2, null, "Persentase program selaras RPJMD", "%", 100, 50, null];
  s.getRow(6).values = [3, "Meningkatnya akuntabilitas kinerja", "Nilai SAKIP", "Nilai", 70, 70, null];
  s.mergeCells("B4:B5");

  const e = wb.addWorksheet("Tabel 3.7");
  e.getCell("A1").value = "Tabel 3.7";
  e.getCell("A2").value = "Efisiensi dan Efektivitas Penggunaan Sumber Daya Tahun 2024";
  e.getRow(3).values = ["No", "Indikator Kinerja", "Target", "Realisasi", "Pagu (Rp)", "Realisasi Anggaran (Rp)", "Efektivitas (%)"];
  e.getRow(4).values = [1, "Jumlah dokumen perencanaan", 10, 8, 1_000_000_000, 900_000_000, null];
  return wb;
}

describe("group formulas on a Renja table", () => {
  const snapshot = snapshotFromWorkbook(renja());
  const analysis = recogniseWorkbook(snapshot);
  const plan = planWorkbook(snapshot, analysis, { ...DEFAULT_FILL, efficiency: "pmk214", phrase: phraser("id") });
  const value = evaluatePlan(snapshot, plan);
  const formula = (sheet: string, cell: string) => plan.writes.find((w) => w.sheet === sheet && w.cell === cell)?.formula;
  const close = (sheet: string, cell: string, expected: number) => expect([cell, value(sheet, cell) as number]).toEqual([cell, expect.closeTo(expected, 6)]);

  test("empty parent amounts become SUMs of their parts, bottom-up to the total", () => {
    expect(formula("Tabel 3.5", "H5")).toBe("=SUM(H6:H7)");
    expect(formula("Tabel 3.5", "H8")).toBe("=SUM(H9:H10)");
    expect(formula("Tabel 3.5", "H4")).toBe("=SUM(H5,H8)");
    expect(formula("Tabel 3.5", "H11")).toBe("=SUM(H4)");
    expect(formula("Tabel 3.5", "I4")).toBe("=SUM(I5,I8)");
    const pagu = SEED.reduce((a, r) => a + r.pagu, 0);
    close("Tabel 3.5", "H4", pagu);
    close("Tabel 3.5", "H11", pagu);
    close("Tabel 3.5", "I11", SEED.reduce((a, r) => a + r.ra, 0));
    // Serapan of the program reads the SUMs.
    close("Tabel 3.5", "J4", (SEED.reduce((a, r) => a + r.ra, 0) / pagu) * 100);
    // Cached values equal the engine's.
    for (const w of plan.writes.filter((x) => x.formula && typeof x.value === "number")) close(w.sheet, w.cell, w.value as number);
  });

  test("PMK 214: E per sub kegiatan (the seed's 12 %, −3 %, 9 %, −16 %), per group with SUMPRODUCT, NE clamped", () => {
    const rows = [6, 7, 9, 10];
    const perRow = SEED.map((s) => ((s.pagu * (s.r / s.t) - s.ra) / (s.pagu * (s.r / s.t))) * 100);
    expect(perRow.map(Math.round)).toEqual([12, -3, 9, -16]);
    rows.forEach((r, i) => close("Tabel 3.5", `K${r}`, perRow[i]));
    // Kegiatan rows: their sub kegiatan are adjacent → SUMPRODUCT.
    expect(formula("Tabel 3.5", "K5")).toContain("SUMPRODUCT(H6:H7,G6:G7)/100");
    const group = (parts: typeof SEED) => {
      const pk = parts.reduce((a, s) => a + s.pagu * (s.r / s.t), 0);
      return ((pk - parts.reduce((a, s) => a + s.ra, 0)) / pk) * 100;
    };
    close("Tabel 3.5", "K5", group(SEED.slice(0, 2)));
    close("Tabel 3.5", "K8", group(SEED.slice(2)));
    // The program's parts are its two kegiatan (rows 5 and 8, not adjacent): an explicit sum.
    expect(formula("Tabel 3.5", "K4")).toContain("H5*N(G5)+H8*N(G8)");
    // Nilai efisiensi, appended next to E: 50 % + E / 20 % × 50 %, within 0–100.
    const ne = plan.appended.find((a) => a.role === "nilai_efisiensi")!;
    expect(ne.header).toBe("Nilai Efisiensi (%)");
    rows.forEach((r, i) => close("Tabel 3.5", `${ne.column}${r}`, Math.max(0, Math.min(100, 50 + (perRow[i] / 20) * 50))));
    // Clamped at both ends (E = −30 % → 0, E = +30 % → 100), in both percent conventions.
    const probe = evaluatePlan({ sheets: [] }, { ...plan, legend: null, writes: [
      { sheet: "P", cell: "A1", role: "efisiensi", value: -30 }, { sheet: "P", cell: "B1", role: "nilai_efisiensi", formula: nilaiEfisiensiFormula("A1", "number"), value: null },
      { sheet: "P", cell: "A2", role: "efisiensi", value: 0.3 }, { sheet: "P", cell: "B2", role: "nilai_efisiensi", formula: nilaiEfisiensiFormula("A2", "fraction"), value: null },
    ] });
    expect([probe("P", "B1"), probe("P", "B2")]).toEqual([0, 1]);
    expect([nilaiEfisiensiValue(-30, "number"), nilaiEfisiensiValue(0.3, "fraction")]).toEqual([0, 1]);
    expect(plan.methods.map((m) => m.id)).toEqual(expect.arrayContaining(["efisiensi-pmk214", "efisiensi-pmk214-kelompok", "nilai-efisiensi", "jumlah"]));
  });

  test("the average capaian per sasaran, merged over its indicators", () => {
    const avg = plan.appended.find((a) => a.sheet === "Tabel 3.1" && a.role === "rata_rata_sasaran")!;
    expect(avg.header).toBe("Rata-rata Capaian Sasaran (%)");
    expect(formula("Tabel 3.1", `${avg.column}4`)).toBe('=IF(COUNT(G4:G5)>0,AVERAGE(G4:G5),"")');
    close("Tabel 3.1", `${avg.column}4`, (112.5 + 50) / 2);
    close("Tabel 3.1", `${avg.column}6`, 100);
    expect(plan.merges).toContainEqual({ sheet: "Tabel 3.1", range: `${avg.column}4:${avg.column}5` });
  });

  test("efektivitas = (target / pagu) / (realisasi / realisasi anggaran), in the table's own column", () => {
    expect(formula("Tabel 3.7", "G4")).toBe('=IF(AND(ISNUMBER(C4),ISNUMBER(E4),ISNUMBER(D4),ISNUMBER(F4),E4<>0,D4<>0,F4<>0),(C4/E4)/(D4/F4)*100,"")');
    close("Tabel 3.7", "G4", (10 / 1_000_000_000 / (8 / 900_000_000)) * 100);
  });

  test("a note on the header of each written column, the legend lists every method", () => {
    // Every column that gets formulas (totals aside) has exactly one note, on its header row.
    for (const sheet of ["Tabel 3.1", "Tabel 3.5", "Tabel 3.7"]) {
      const written = [...new Set(plan.writes.filter((w) => w.sheet === sheet && w.formula && w.role !== "total").map((w) => w.cell.replace(/\d+$/, "")))].sort();
      const noted = plan.notes.filter((n) => n.sheet === sheet);
      expect(noted.map((n) => n.cell.replace(/\d+$/, "")).sort()).toEqual(written);
      for (const n of noted) expect(n.cell).toMatch(/^[A-Z]+3$/);
    }
    expect(plan.notes.find((n) => n.sheet === "Tabel 3.1" && n.cell === "G3")?.text).toMatch(/^Capaian = realisasi \/ target/);
    expect(plan.legend!.writes.some((w) => String(w.value).startsWith("Nilai efisiensi PMK 214"))).toBe(true);
  });
});
