/**
 * Kinds of table end and total rows, in several wordings, on workbooks built here and evaluated in
 * HyperFormula: subtotal rows closing each programme's block and a grand total over the subtotals (the
 * programme label rows get nothing), an LRA code tree with its group rows on top ("5 BELANJA DAERAH"), a
 * note line under a blank row ends the body, "Kol. n" number rows with relations, and a unit row
 * "Kinerja | Anggaran (Rp)" under an unmerged number row that repeats each number over its K / Rp pair.
 */
import ExcelJS from "exceljs";
import { snapshotFromWorkbook } from "../src/xlsx/readWorkbook";
import { recogniseWorkbook } from "../src/core/recognise";
import { DEFAULT_FILL, planWorkbook } from "../src/core/writePlan";
import { evaluatePlan } from "./support/evaluate";
import { phraser } from "../src/i18n";

type Row = (string | number | null)[];
function book(rows: Row[], name = "Tabel"): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(name);
  rows.forEach((r, i) => (ws.getRow(i + 1).values = r as ExcelJS.CellValue[]));
  return wb;
}
function run(wb: ExcelJS.Workbook) {
  const snapshot = snapshotFromWorkbook(wb);
  const analysis = recogniseWorkbook(snapshot);
  const plan = planWorkbook(snapshot, analysis, { ...DEFAULT_FILL, phrase: phraser("id") });
  const value = evaluatePlan(snapshot, plan);
  const sheet = snapshot.sheets[0].name;
  const writesIn = (row: number) => plan.writes.filter((w) => w.sheet === sheet && +w.cell.replace(/^[A-Z]+/, "") === row);
  const at = (cell: string) => plan.writes.find((w) => w.sheet === sheet && w.cell === cell);
  return { analysis, plan, writesIn, at, value: (cell: string) => value(sheet, cell) as number, tables: analysis.sheets[0].tables };
}

const A = [[292_241_000, 284_710_200], [799_787_000, 708_561_500], [1_031_236_000, 660_524_600]];
const B = [[392_550_000, 255_722_700], [741_503_000, 552_789_900]];
const sum = (xs: number[][], i: number) => xs.reduce((a, r) => a + r[i], 0);

describe.each([
  ["Sub Total", "TOTAL"],
  ["Subtotal", "JUMLAH TOTAL"],
  ["Jumlah Program", "Total Keseluruhan"],
  ["Sub-Total", "Grand Total"],
])("subtotal '%s' per programme and a final '%s'", (sub, grand) => {
  const r = run(
    book([
      ["Tabel 3.14 Realisasi Anggaran per Program"],
      [],
      ["No", "Program / Kegiatan", "Pagu (Rp)", "Realisasi (Rp)", "Serapan (%)"],
      ["I", "Program Perencanaan Daerah"],
      ...A.map((x, i) => [String(i + 1), `Kegiatan perencanaan ${i + 1}`, ...x]),
      [null, sub],
      ["II", "Program Pengelolaan Arsip"],
      ...B.map((x, i) => [String(i + 1), `Kegiatan kearsipan ${i + 1}`, ...x]),
      [null, sub],
      [grand],
    ]),
  );
  test("each subtotal sums its block, the grand total the subtotals; label rows get nothing", () => {
    expect(r.at("C8")?.formula).toBe("=SUM(C5:C7)");
    expect(r.value("C8")).toBeCloseTo(sum(A, 0), 0);
    expect(r.value("D12")).toBeCloseTo(sum(B, 1), 0);
    expect(r.at("C13")?.formula).toBe("=SUM(C8,C12)");
    expect(r.value("C13")).toBeCloseTo(sum(A, 0) + sum(B, 0), 0);
    expect(r.value("D13")).toBeCloseTo(sum(A, 1) + sum(B, 1), 0);
    expect(r.value("E13")).toBeCloseTo(((sum(A, 1) + sum(B, 1)) / (sum(A, 0) + sum(B, 0))) * 100, 6);
    expect([...r.writesIn(4), ...r.writesIn(9)]).toEqual([]);
  });
});

describe.each([
  ["Jumlah", "", "TOTAL"],
  ["Sub Total", ":", "Jumlah Total"],
  ["JUMLAH", "", "Total Keseluruhan"],
])("subtotals that repeat their programme's name: '%s Program …%s'", (word, end, grand) => {
  const programmes = ["Program Perencanaan Daerah", "Program Pengelolaan Arsip"];
  const r = run(
    book([
      ["Tabel 3.14 Realisasi Anggaran per Program"],
      [],
      ["No", "Program / Kegiatan", "Pagu (Rp)", "Realisasi (Rp)", "Serapan (%)"],
      ["I", programmes[0]],
      ...A.map((x, i) => [String(i + 1), `Kegiatan perencanaan ${i + 1}`, ...x]),
      [null, `${word} ${word === "JUMLAH" ? programmes[0].toUpperCase() : programmes[0]}${end}`],
      ["II", programmes[1]],
      ...B.map((x, i) => [String(i + 1), `Kegiatan kearsipan ${i + 1}`, ...x]),
      [null, `${word} ${programmes[1]}${end}`],
      [grand],
    ]),
  );
  test("each closes its block with a sum; the grand total adds the subtotals", () => {
    expect(r.tables[0].rows.filter((b) => b.kind === "total").map((b) => b.row)).toEqual([7, 11, 12]);
    expect(r.at("C8")?.formula).toBe("=SUM(C5:C7)");
    expect(r.value("D12")).toBeCloseTo(sum(B, 1), 0);
    expect(r.at("C13")?.formula).toBe("=SUM(C8,C12)");
    expect(r.value("C13")).toBeCloseTo(sum(A, 0) + sum(B, 0), 0);
  });
});

test("'Jumlah program yang terlaksana' is an indicator, not a total: it gets its capaian", () => {
  const r = run(
    book([
      ["No", "Indikator Kinerja", "Satuan", "Target", "Realisasi", "Capaian (%)"],
      [1, "Persentase dokumen perencanaan tepat waktu", "%", 80, 90],
      [2, "Jumlah program yang terlaksana", "Program", 12, 11],
      [3, "Jumlah kegiatan yang dievaluasi", "Kegiatan", 40, 44],
    ]),
  );
  expect(r.tables[0].rows.map((b) => b.kind)).toEqual(["data", "data", "data"]);
  expect(r.value("F3")).toBeCloseTo((11 / 12) * 100, 6);
});

test("a grand total under a block without its own subtotal is left empty, with the reason", () => {
  const r = run(
    book([
      ["No", "Program / Kegiatan", "Pagu (Rp)", "Realisasi (Rp)", "Serapan (%)"],
      ["I", "Program Perencanaan Daerah"],
      ...A.map((x, i) => [String(i + 1), `Kegiatan perencanaan ${i + 1}`, ...x]),
      [null, "Sub Total"],
      ["II", "Program Pengelolaan Arsip"],
      ...B.map((x, i) => [String(i + 1), `Kegiatan kearsipan ${i + 1}`, ...x]),
      ["TOTAL"],
    ]),
  );
  expect(r.value("C6")).toBeCloseTo(sum(A, 0), 0);
  expect(r.at("C10")).toBeUndefined();
  expect(r.plan.skipped.filter((s) => s.cell === "C10").map((s) => s.reason.code)).toEqual(["skip-total-after-subtotals"]);
});

test("a 'Rata-rata' row under a 'Jumlah' row is not summed", () => {
  const r = run(
    book([
      ["No", "Program", "Pagu (Rp)", "Realisasi (Rp)", "Serapan (%)"],
      ...A.map((x, i) => [i + 1, `Program ${i + 1}`, ...x]),
      [null, "Jumlah"],
      [null, "Rata-rata"],
    ]),
  );
  expect(r.value("C5")).toBeCloseTo(sum(A, 0), 0);
  expect(r.writesIn(6).filter((w) => w.role === "total")).toEqual([]);
});

describe.each([
  ["5", "BELANJA DAERAH", "5.1", "5.2"],
  ["4", "PENDAPATAN DAERAH", "4.1", "4.2"],
])("LRA code tree with the group rows on top: '%s %s'", (top, name, g1, g2) => {
  const r = run(
    book([
      ["Kode Rekening", "Uraian", "Anggaran (Rp)", "Realisasi (Rp)", "%"],
      [top, name],
      [g1, "KELOMPOK SATU"],
      [`${g1}.01`, "Jenis satu", 24_999_557_000, 23_573_310_400],
      [`${g1}.02`, "Jenis dua", 18_665_516_000, 13_820_866_800],
      [g2, "KELOMPOK DUA"],
      [`${g2}.02`, "Jenis tiga", 13_443_240_000, 11_343_401_700],
      [`${g2}.03`, "Jenis empat", 12_823_044_000, 9_859_893_300],
    ]),
  );
  test("the top row sums its direct children, which sum theirs", () => {
    expect(r.at("C3")?.formula).toBe("=SUM(C4:C5)");
    expect(r.at("C2")?.formula).toBe("=SUM(C3,C6)");
    expect(r.value("C2")).toBeCloseTo(24_999_557_000 + 18_665_516_000 + 13_443_240_000 + 12_823_044_000, 0);
    expect(r.value("D2")).toBeCloseTo(23_573_310_400 + 13_820_866_800 + 11_343_401_700 + 9_859_893_300, 0);
  });
});

test.each(["Catatan: data dari aplikasi e-SAKIP", "Keterangan: angka sementara", "Sumber: Bagian Perencanaan", "*) data tahun 2023"])(
  "the body ends at the note line '%s' under a blank row",
  (note) => {
    const r = run(
      book([
        ["No", "Indikator Kinerja", "Satuan", "Target", "Realisasi", "Capaian (%)"],
        [1, "Persentase dokumen tepat waktu", "%", 80, 90],
        [2, "Jumlah kelompok tani yang dibina", "Kelompok", 40, 44],
        [],
        [note],
      ]),
    );
    expect(r.tables[0].body).toEqual({ top: 1, bottom: 2 });
    expect(r.writesIn(5)).toEqual([]);
  },
);

test.each([
  [["Kol. 1", "Kol. 2", "Kol. 3", "Kol. 4", "Kol. 5", "Kol. 6 = Kol. 5 : Kol. 4 x 100%"]],
  [["Kolom 1", "Kolom 2", "Kolom 3", "Kolom 4", "Kolom 5", "Kolom 6 = Kolom 5 / Kolom 4 x 100"]],
  [["(Kol.1)", "(Kol.2)", "(Kol.3)", "(Kol.4)", "(Kol.5)", "(Kol.6) = (Kol.5) : (Kol.4)"]],
  [["k1", "k2", "k3", "k4", "k5", "k6 = k5 / k4 x 100%"]],
])("a number row %j is a number row with its relation", (numbers) => {
  const r = run(
    book([
      ["No", "Indikator Kinerja", "Satuan", "Target", "Realisasi", "Kinerja (%)"],
      numbers,
      [1, "Persentase dokumen tepat waktu", "%", 80, 90],
      [2, "Jumlah kelompok tani yang dibina", "Kelompok", 40, 44],
    ]),
  );
  const t = r.tables[0];
  expect([t.numberRow, t.body.top]).toEqual([1, 2]);
  expect(t.pairings.filter((p) => p.status === "confirmed").map((p) => [p.measure, p.output, p.numerator, p.denominator])).toEqual([["capaian", 5, 4, 3]]);
  expect(r.value("F3")).toBeCloseTo(112.5, 6);
  expect(r.writesIn(2).filter((w) => w.formula)).toEqual([]); // the appended predikat column gets its number, no formula
});

test.each([["Kinerja", "Anggaran (Rp)"], ["K", "Rp"], ["Kinerja (K)", "Keuangan (Rp.)"]])(
  "a unit row '%s | %s' under a number row repeated over each pair belongs to the band",
  (k, rp) => {
    const r = run(
      book([
        ["No", "Program/Kegiatan", "Indikator", "Target Tahun 2024", null, "Realisasi Tahun 2024", null, "Tingkat Capaian (%)", null],
        [1, 2, 3, 4, 4, 5, 5, "6 = 5 / 4 x 100", "6 = 5 / 4 x 100"],
        [null, null, null, k, rp, k, rp, k, rp],
        ["1", "Program Perencanaan", "Dokumen tepat waktu", 80, 1_000_000_000, 72, 850_000_000],
        ["2", "Program Kearsipan", "Arsip tertata", 50, 400_000_000, 50, 300_000_000],
      ]),
    );
    const t = r.tables[0];
    expect([t.header.bottom, t.numberRow, t.unitRow, t.body.top]).toEqual([2, 1, 2, 3]);
    expect(t.columns.filter((c) => c.col >= 3).map((c) => [c.col, c.role, c.measure])).toEqual([
      [3, "target", "K"], [4, "pagu", "Rp"], [5, "realisasi", "K"], [6, "realisasi_anggaran", "Rp"], [7, "capaian", "K"], [8, "serapan", "Rp"],
    ]);
    expect(r.value("H4")).toBeCloseTo(90, 6);
    expect(r.value("I4")).toBeCloseTo(85, 6);
    expect([...r.writesIn(2), ...r.writesIn(3)].filter((w) => w.formula)).toEqual([]);
  },
);
