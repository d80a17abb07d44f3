/**
 * Tables side by side on one sheet, their headers on different rows: each is read as a table of its own,
 * wherever they sit and however they are worded; a blank spacer column inside one table (a PDF paste) does not
 * cut it. Sheets are built here, in several positions and wordings.
 */
import { CellValue } from "../src/core/grid";
import { recogniseSheet, tableRange } from "../src/core/recognise";
import { columnLetter } from "../src/core/grid";
import { Sheet } from "./support/metamorphic";

interface Layout {
  /** Top-left of the indicator table's caption; its header is two rows lower. */
  left: { row: number; col: number; words: string[] };
  /** Top-left of the budget table's caption; a two-row header follows right under it. */
  right: { row: number; col: number; parent: string };
  title?: boolean;
}

const INDICATORS: [string, string, number, number][] = [
  ["Persentase desa dengan dokumen perencanaan", "%", 80, 90.18],
  ["Jumlah kelompok tani yang dibina", "Kelompok", 40, 42],
  ["Cakupan pelayanan air minum layak", "%", 78, 88.41],
  ["Nilai akuntabilitas kinerja perangkat daerah", "Nilai", 72, 82.8],
  ["Jumlah dokumen perencanaan yang disusun", "Dokumen", 6, 6],
];
const PROGRAMS: [string, number, number][] = [
  ["Program Perencanaan dan Evaluasi", 740573000, 463227100],
  ["Program Pengelolaan Keuangan Daerah", 1422068000, 875719200],
  ["Program Pengelolaan Arsip", 994403000, 846781700],
  ["Program Pelatihan Kerja", 218161000, 123049300],
  ["Program Pengembangan Destinasi Pariwisata", 1355575000, 1248786300],
  ["Program Pemberdayaan Usaha Kecil", 465738000, 300978000],
];

function build(l: Layout): Sheet {
  const s = new Sheet("Rekap");
  const put = (r: number, c: number, v: CellValue, nf: string | null = null) => s.set(r, c, { v, f: null, nf, b: false, i: 0 });
  if (l.title) {
    put(0, 0, "LAPORAN KINERJA DINAS CONTOH TAHUN 2024");
    s.merges.push({ top: 0, left: 0, bottom: 0, right: l.right.col + 5 });
  }
  // Indicator table: caption, blank, one header row, five rows.
  const a = l.left;
  put(a.row, a.col, "Tabel 3.1 Capaian Indikator Kinerja 2024");
  const h = a.row + 2;
  ["No", ...a.words].forEach((w, i) => put(h, a.col + i, w));
  INDICATORS.forEach(([name, unit, target, real], i) => {
    put(h + 1 + i, a.col, i + 1);
    put(h + 1 + i, a.col + 1, name);
    put(h + 1 + i, a.col + 2, unit);
    put(h + 1 + i, a.col + 3, target);
    put(h + 1 + i, a.col + 4, real);
  });
  // Budget table: caption, then 'No | Program | Anggaran › Pagu | Realisasi | %'.
  const b = l.right;
  put(b.row, b.col, "Tabel 3.2 Realisasi Anggaran per Program");
  const t = b.row + 1;
  put(t, b.col, "No");
  put(t, b.col + 1, "Program");
  put(t, b.col + 2, b.parent);
  s.merges.push({ top: t, left: b.col, bottom: t + 1, right: b.col }, { top: t, left: b.col + 1, bottom: t + 1, right: b.col + 1 }, { top: t, left: b.col + 2, bottom: t, right: b.col + 4 });
  put(t + 1, b.col + 2, "Pagu");
  put(t + 1, b.col + 3, "Realisasi");
  put(t + 1, b.col + 4, "%");
  PROGRAMS.forEach(([name, pagu, real], i) => {
    put(t + 2 + i, b.col, i + 1);
    put(t + 2 + i, b.col + 1, name);
    put(t + 2 + i, b.col + 2, pagu, "#,##0");
    put(t + 2 + i, b.col + 3, real, "#,##0");
  });
  return s;
}

const WORDINGS = [
  ["Indikator Kinerja", "Satuan", "Target", "Realisasi", "Capaian (%)"],
  ["Indikator", "Sat.", "Target 2024", "Realisasi 2024", "% Capaian"],
];
const LAYOUTS: [string, Layout][] = [
  ["budget table higher, two blank columns", { left: { row: 2, col: 0, words: WORDINGS[0] }, right: { row: 1, col: 8, parent: "Anggaran" } }],
  ["indicator table higher, one blank column", { left: { row: 1, col: 0, words: WORDINGS[1] }, right: { row: 4, col: 7, parent: "Anggaran (Rp)" } }],
  ["both moved right and down, page title across both", { left: { row: 6, col: 2, words: WORDINGS[0] }, right: { row: 3, col: 10, parent: "Anggaran 2024" }, title: true }],
];

describe("side-by-side tables with headers on different rows", () => {
  test.each(LAYOUTS)("%s: two tables, each with its own header and roles", (_name, layout) => {
    const tables = recogniseSheet(build(layout).toSnapshot());
    expect(tables).toHaveLength(2);
    const letter = (c: number) => columnLetter(c);
    const ind = tables.find((t) => t.columns.some((c) => c.role === "indikator"))!;
    const bud = tables.find((t) => t.columns.some((c) => c.role === "pagu"))!;
    expect(ind).toBeDefined();
    expect(bud).toBeDefined();
    const L = layout.left;
    const R = layout.right;
    expect(ind.header).toEqual({ top: L.row + 2, bottom: L.row + 2 });
    expect(tableRange(ind).split(":")[1]).toBe(`${letter(L.col + 5)}${L.row + 2 + INDICATORS.length + 1}`);
    expect(bud.header).toEqual({ top: R.row + 1, bottom: R.row + 2 });
    expect(bud.body).toEqual({ top: R.row + 3, bottom: R.row + 2 + PROGRAMS.length });
    // No column of one table is read into the other.
    expect(ind.columns.every((c) => c.col >= L.col && c.col <= L.col + 5)).toBe(true);
    expect(bud.columns.every((c) => c.col >= R.col && c.col <= R.col + 4)).toBe(true);
    const cap = ind.pairings.find((p) => p.measure === "capaian")!;
    expect([cap.output, cap.numerator, cap.denominator, cap.status]).toEqual([L.col + 5, L.col + 4, L.col + 3, "confirmed"]);
    const ser = bud.pairings.find((p) => p.measure === "serapan")!;
    expect([ser.output, ser.numerator, ser.denominator]).toEqual([R.col + 4, R.col + 3, R.col + 2]);
  });

  test("moving the right table up or down keeps the answer of each table", () => {
    const answers = [1, 2, 5, 6].map((row) => {
      const tables = recogniseSheet(build({ left: { row: 3, col: 0, words: WORDINGS[0] }, right: { row, col: 8, parent: "Anggaran" } }).toSnapshot());
      return tables.map((t) => t.columns.map((c) => `${columnLetter(c.col)}=${c.role}`).join(" ")).sort();
    });
    // Row 4 puts both headers on one row (one reading, by design); every other position reads the same two tables.
    for (const a of answers) expect(a).toEqual(answers[0]);
    expect(answers[0]).toHaveLength(2);
  });

  test("a blank spacer column inside one table (same header row) does not cut it", () => {
    const s = new Sheet("Tempel PDF");
    const head: CellValue[] = ["No", "Indikator Kinerja", "Satuan", null, "Target", "Realisasi", "Capaian (%)"];
    head.forEach((v, c) => v !== null && s.setText(2, c, String(v)));
    INDICATORS.forEach(([name, unit, target, real], i) => {
      const row: CellValue[] = [i + 1, name, unit, null, target, real];
      row.forEach((v, c) => v !== null && s.set(3 + i, c, { v, f: null, nf: null, b: false, i: 0 }));
    });
    const tables = recogniseSheet(s.toSnapshot());
    expect(tables).toHaveLength(1);
    const cap = tables[0].pairings.find((p) => p.measure === "capaian")!;
    expect([cap.output, cap.numerator, cap.denominator]).toEqual([6, 5, 4]);
  });

  test.each([
    ["same header row, no blank column", 0],
    ["the right header a row lower, no blank column", 1],
  ])("%s: each caption opens its own table", (_name, drop) => {
    const s = new Sheet("Ringkasan");
    s.setText(0, 0, "Tabel 3.1 Capaian IKU");
    s.setText(0, 6, "Tabel 3.2 Realisasi Anggaran");
    ["No", "Indikator Kinerja", "Satuan", "Target", "Realisasi", "Capaian (%)"].forEach((w, c) => s.setText(2, c, w));
    ["No", "Program", "Pagu (Rp)", "Realisasi (Rp)", "Serapan (%)"].forEach((w, c) => s.setText(2 + drop, 6 + c, w));
    INDICATORS.forEach(([name, unit, target, real], i) => {
      [i + 1, name, unit, target, real].forEach((v, c) => s.set(3 + i, c, { v, f: null, nf: null, b: false, i: 0 }));
    });
    PROGRAMS.forEach(([name, pagu, real], i) => {
      [i + 1, name, pagu, real].forEach((v, c) => s.set(3 + drop + i, 6 + c, { v, f: null, nf: c >= 2 ? "#,##0" : null, b: false, i: 0 }));
    });
    const tables = recogniseSheet(s.toSnapshot());
    expect(tables.map((t) => tableRange(t))).toEqual(["A1:F8", `G1:K${3 + drop + PROGRAMS.length}`]);
    expect(tables[0].pairings.find((p) => p.measure === "capaian")).toMatchObject({ output: 5, numerator: 4, denominator: 3, status: "confirmed" });
    expect(tables[1].pairings.find((p) => p.measure === "serapan")).toMatchObject({ output: 10, numerator: 9, denominator: 8, status: "confirmed" });
  });
});
