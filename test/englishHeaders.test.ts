/**
 * Headers in English read as the same roles as their Indonesian words, in several wordings, and the tables
 * they head are found and filled (capaian, serapan, sisa). Indonesian headers are not changed by the reading.
 */
import { CellValue, columnLetter } from "../src/core/grid";
import { roleOfText } from "../src/core/recognition/candidates";
import { recogniseWorkbook } from "../src/core/recognise";
import { planWorkbook, DEFAULT_FILL } from "../src/core/writePlan";
import { evaluatePlan } from "./support/evaluate";
import { Sheet } from "./support/metamorphic";

describe("English header words", () => {
  test.each([
    ["Key Performance Indicator", "indikator"], ["KPI", "indikator"], ["Performance Indicators", "indikator"], ["Indicator", "indikator"],
    ["Strategic Objective", "sasaran"], ["Strategic Goal", "sasaran"], ["Unit", "satuan"], ["Unit of Measure", "satuan"], ["UoM", "satuan"],
    ["Target 2024", "target"], ["Actual 2024", "realisasi"], ["Realization", "realisasi"], ["Realisation 2024", "realisasi"],
    ["Achievement (%)", "capaian"], ["% Achievement", "capaian"], ["Budget (IDR)", "pagu"], ["Budget Ceiling", "pagu"], ["Allocation (IDR)", "pagu"],
    ["Expenditure (IDR)", "realisasi_anggaran"], ["Budget Realization", "realisasi_anggaran"], ["Spending", "realisasi_anggaran"],
    ["Absorption (%)", "serapan"], ["Absorption Rate", "serapan"], ["Remaining Budget", "sisa_anggaran"], ["Unspent Budget", "sisa_anggaran"],
    ["Program / Activity", "nomenklatur"], ["Programme", "program"], ["Activity", "kegiatan"], ["Sub-Activity", "subkegiatan"], ["Code", "kode"],
    ["Remarks", "keterangan"], ["Notes", "keterangan"], ["Person in Charge", "penanggung_jawab"], ["Rating", "predikat"], ["Efficiency", "efisiensi"],
    ["End-of-Period Target", "target_akhir"], ["Final Target 2026", "target_akhir"],
  ])("%s → %s", (text, role) => {
    expect(roleOfText(text)?.role).toBe(role);
  });

  test("Indonesian headers read as before", () => {
    expect(roleOfText("Unit Kerja")?.role).toBe("penanggung_jawab");
    expect(roleOfText("Program")?.role).toBe("program");
    expect(roleOfText("Realisasi Anggaran")?.role).toBe("realisasi_anggaran");
    expect(roleOfText("Capaian (%)")?.role).toBe("capaian");
  });
});

interface Wording {
  head: string[];
  top: number;
  left: number;
}

/** KPI table with budget: indikator, satuan, target, actual, achievement, budget, spent, absorption (both ratios empty). */
function kpiSheet(w: Wording): Sheet {
  const s = new Sheet("Performance");
  const put = (r: number, c: number, v: CellValue, nf: string | null = null) => s.set(w.top + r, w.left + c, { v, f: null, nf, b: false, i: 0 });
  s.setText(0, w.left, "Performance and budget 2024");
  w.head.forEach((h, c) => put(0, c, h));
  const rows: [string, string, number, number, number, number][] = [
    ["Jumlah dokumen perencanaan", "Dokumen", 6, 6, 638273000, 529344400],
    ["Persentase arsip yang dikelola", "%", 85, 92.41, 221043000, 200458200],
    ["Jumlah peserta pelatihan", "Orang", 320, 365, 1284994000, 724348600],
  ];
  rows.forEach(([name, unit, t, r, b, e], i) => {
    [i + 1, name, unit, t, r, null].forEach((v, c) => put(1 + i, c, v));
    put(1 + i, 6, b, "#,##0");
    put(1 + i, 7, e, "#,##0");
  });
  return s;
}

const WORDINGS: [string, Wording][] = [
  ["KPI | Unit | Target | Actual | Achievement | Budget | Expenditure | Absorption", { head: ["No", "KPI", "Unit", "Target 2024", "Actual 2024", "Achievement (%)", "Budget (IDR)", "Expenditure (IDR)", "Absorption (%)"], top: 2, left: 0 }],
  ["Indicator | UoM | Target | Realization | % Achievement | Budget Ceiling | Budget Realization | Absorption Rate, moved", { head: ["No.", "Performance Indicator", "UoM", "Target", "Realization", "% Achievement", "Budget Ceiling", "Budget Realization", "Absorption Rate (%)"], top: 4, left: 2 }],
];

describe("English tables", () => {
  test.each(WORDINGS)("%s: capaian and serapan filled over their own pairs", (_n, w) => {
    const snapshot = { sheets: [kpiSheet(w).toSnapshot()] };
    const analysis = recogniseWorkbook(snapshot);
    const [t] = analysis.sheets[0].tables;
    const role = (c: number) => t.columns.find((x) => x.col === w.left + c)?.role;
    expect([1, 2, 3, 4, 5, 6, 7, 8].map(role)).toEqual(["indikator", "satuan", "target", "realisasi", "capaian", "pagu", "realisasi_anggaran", "serapan"]);
    const value = evaluatePlan(snapshot, planWorkbook(snapshot, analysis, DEFAULT_FILL));
    const at = (c: number, r: number) => Number(value("Performance", `${columnLetter(w.left + c)}${w.top + 2 + r}`));
    expect(at(5, 1)).toBeCloseTo((92.41 / 85) * 100, 2);
    expect(at(8, 2)).toBeCloseTo((724348600 / 1284994000) * 100, 2);
  });

  test("'Code | Program / Activity | Budget Ceiling | Realization | Remaining Budget | Realization Rate (%)' is found under a plain title", () => {
    const s = new Sheet("Budget");
    s.setText(0, 1, "Budget Realization by Program, Fiscal Year 2024");
    ["Code", "Program / Activity", "Budget Ceiling", "Realization", "Remaining Budget", "Realization Rate (%)"].forEach((h, c) => s.setText(2, 1 + c, h));
    [["2.17.02", "Program Pariwisata", 573596000, 534027700], ["2.17.03", "Program Arsip", 3495729000, 2934144500]].forEach((row, i) =>
      row.forEach((v, c) => s.set(3 + i, 1 + c, { v, f: null, nf: typeof v === "number" ? "#,##0" : null, b: false, i: 0 })),
    );
    const snapshot = { sheets: [s.toSnapshot()] };
    const analysis = recogniseWorkbook(snapshot);
    const [t] = analysis.sheets[0].tables;
    expect(t.columns.map((c) => c.role)).toEqual(["kode", "nomenklatur", "pagu", "realisasi_anggaran", "sisa_anggaran", "serapan"]);
    const value = evaluatePlan(snapshot, planWorkbook(snapshot, analysis, DEFAULT_FILL));
    expect(Number(value("Budget", "F4"))).toBe(573596000 - 534027700);
    expect(Number(value("Budget", "G5"))).toBeCloseTo((2934144500 / 3495729000) * 100, 2);
  });
});
