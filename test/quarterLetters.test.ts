/**
 * Renaksi shorthand: one-letter (or abbreviated) labels "T | R | %" under quarter, semester or year parents
 * are target / realisasi / capaian of that period, and each period's capaian pairs with its own T and R,
 * never with the annual target. Sheets built here in several wordings and positions.
 */
import { CellValue, columnLetter } from "../src/core/grid";
import { recogniseSheet } from "../src/core/recognise";
import { Sheet } from "./support/metamorphic";

interface Layout {
  parents: string[];
  labels: [string, string, string];
  top?: number;
  left?: number;
  merged?: boolean;
}

const INDICATORS = ["Jumlah UMKM yang didampingi", "Jumlah kelompok tani yang dibina", "Persentase arsip yang dikelola"];

function build(l: Layout): Sheet {
  const s = new Sheet("Renaksi");
  const top = l.top ?? 2;
  const left = l.left ?? 0;
  const put = (r: number, c: number, v: CellValue) => s.set(top + r, left + c, { v, f: null, nf: null, b: false, i: 0 });
  s.setText(0, 0, "RENCANA AKSI DAN REALISASI TAHUN 2024");
  ["No", "Indikator Kinerja", "Satuan", "Target Tahun 2024"].forEach((h, c) => {
    put(0, c, h);
    if (l.merged !== false) s.merges.push({ top: top, left: left + c, bottom: top + 1, right: left + c });
  });
  l.parents.forEach((p, i) => {
    const c = 4 + 3 * i;
    put(0, c, p);
    if (l.merged !== false) s.merges.push({ top, left: left + c, bottom: top, right: left + c + 2 });
    l.labels.forEach((w, j) => put(1, c + j, w));
  });
  INDICATORS.forEach((name, r) => {
    put(2 + r, 0, r + 1);
    put(2 + r, 1, name);
    put(2 + r, 2, "Unit");
    put(2 + r, 3, 40 + r);
    l.parents.forEach((_, i) => {
      put(2 + r, 4 + 3 * i, 10 + r);
      if (i < l.parents.length - 1) put(2 + r, 5 + 3 * i, 9 + r + i);
    });
  });
  return s;
}

const LAYOUTS: [string, Layout, (string | null)[]][] = [
  ["TW I … TW IV › T | R | %", { parents: ["TW I", "TW II", "TW III", "TW IV"], labels: ["T", "R", "%"] }, ["TW1", "TW2", "TW3", "TW4"]],
  ["Triwulan I … IV › Tgt | Real | %, moved", { parents: ["Triwulan I", "Triwulan II", "Triwulan III", "Triwulan IV"], labels: ["Tgt", "Real.", "%"], top: 6, left: 3 }, ["TW1", "TW2", "TW3", "TW4"]],
  ["TW 1 … TW 4 › T | R | %, no merges", { parents: ["TW 1", "TW 2", "TW 3", "TW 4"], labels: ["T", "R", "%"], merged: false }, ["TW1", "TW2", "TW3", "TW4"]],
  ["Trw I … IV › T | R | C", { parents: ["Trw I", "Trw II", "Trw III", "Trw IV"], labels: ["T", "R", "C"] }, ["TW1", "TW2", "TW3", "TW4"]],
  ["2023 | 2024 › T | R | %", { parents: ["2023", "2024"], labels: ["T", "R", "%"] }, [null, null]],
  ["Semester I | II › T. | R. | %", { parents: ["Semester I", "Semester II"], labels: ["T.", "R.", "%"] }, ["S1", "S2"]],
  // Unmerged "T | R | C": the lone "C" reads as a SAKIP grade unless the row is read as letters under periods.
  ["Trw I … IV › T | R | C, no merges", { parents: ["Trw I", "Trw II", "Trw III", "Trw IV"], labels: ["T", "R", "C"], merged: false }, ["TW1", "TW2", "TW3", "TW4"]],
  ["TW I | TW II › t | r | c, no merges, moved", { parents: ["TW I", "TW II"], labels: ["t", "r", "c"], merged: false, top: 5, left: 2 }, ["TW1", "TW2"]],
  ["2023 | 2024 › T. | R. | C., no merges", { parents: ["2023", "2024"], labels: ["T.", "R.", "C."], merged: false }, [null, null]],
  ["Semester I | II › T | R | C, no merges", { parents: ["Semester I", "Semester II"], labels: ["T", "R", "C"], merged: false }, ["S1", "S2"]],
];

describe("one-letter T | R | % under period parents", () => {
  test.each(LAYOUTS)("%s: target / realisasi / capaian per period, each capaian over its own pair", (_n, layout, periods) => {
    const [table] = recogniseSheet(build(layout).toSnapshot());
    const left = layout.left ?? 0;
    const col = (c: number) => table.columns.find((x) => x.col === left + c)!;
    expect(col(3).role).toBe("target");
    periods.forEach((p, i) => {
      const [t, r, pct] = [4 + 3 * i, 5 + 3 * i, 6 + 3 * i].map(col);
      expect([t.role, r.role, pct.role]).toEqual(["target", "realisasi", "capaian"]);
      expect([t.period, r.period, pct.period]).toEqual([p, p, p]);
      const pair = table.pairings.find((x) => x.output === pct.col);
      expect(pair && [columnLetter(pair.numerator), columnLetter(pair.denominator)]).toEqual([columnLetter(r.col), columnLetter(t.col)]);
    });
  });

  test("a body row of the letters T, R and C under an ordinary header stays out of the band", () => {
    const s = new Sheet("Nilai");
    ["No", "Unit Kerja", "Nilai SAKIP", "Predikat"].forEach((h, c) => s.setText(1, c, h));
    [[1, "Dinas A", 45, "C"], [2, "Dinas B", 62, "B"], [3, "Dinas C", 44, "C"]].forEach((row, r) => row.forEach((v, c) => s.set(2 + r, c, { v, f: null, nf: null, b: false, i: 0 })));
    const [table] = recogniseSheet(s.toSnapshot());
    expect(table.header).toEqual({ top: 1, bottom: 1 });
    expect(table.rows.map((b) => b.row)).toEqual([2, 3, 4]);
  });

  test("'T' and 'R' without a period parent name no role", () => {
    const s = new Sheet("Lain");
    ["No", "Nama", "T", "R"].forEach((h, c) => s.setText(1, c, h));
    [[1, "Budi", 3, 4], [2, "Ani", 5, 6]].forEach((row, r) => row.forEach((v, c) => s.set(2 + r, c, { v, f: null, nf: null, b: false, i: 0 })));
    for (const t of recogniseSheet(s.toSnapshot())) {
      expect(t.columns.filter((c) => c.role === "target" || c.role === "realisasi")).toEqual([]);
    }
  });
});
