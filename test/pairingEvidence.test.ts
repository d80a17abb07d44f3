/**
 * Pairing from what the header says about the figures, in several wordings: spending to date against the pagu
 * (not this month's, not last month's total), an output naming its reference ("% thd Pagu"), parts named in one
 * header row paired part with part and the percentage over the Jumlah/Total pair.
 */
import { CellValue } from "../src/core/grid";
import { recogniseSheet } from "../src/core/recognise";
import { Sheet } from "./support/metamorphic";

/** A one-table sheet: header rows (null = blank), then body rows of numbers after a name column. */
function sheet(header: (string | null)[][], body: CellValue[][], merges: { top: number; left: number; bottom: number; right: number }[] = []): Sheet {
  const s = new Sheet("Lembar");
  s.setText(0, 0, "Tabel 3.9 Realisasi Anggaran");
  header.forEach((row, i) => row.forEach((t, c) => t !== null && s.setText(2 + i, c, t)));
  body.forEach((row, i) => row.forEach((v, c) => v !== null && s.set(2 + header.length + i, c, { v, f: null, nf: typeof v === "number" ? "#,##0" : null, b: false, i: 0 })));
  s.merges.push(...merges.map((m) => ({ ...m, top: m.top + 2, bottom: m.bottom + 2 })));
  return s;
}

function pairing(s: Sheet, measure: string) {
  const [t] = recogniseSheet(s.toSnapshot());
  const p = t.pairings.find((x) => x.measure === measure);
  return p && { output: p.output, numerator: p.numerator, denominator: p.denominator, status: p.status };
}

const NAMES = ["Belanja Alat Tulis Kantor", "Belanja Makanan dan Minuman Rapat", "Belanja Jasa Tenaga Administrasi", "Belanja Perjalanan Dinas Biasa"];

describe("spending to date against the pagu", () => {
  test.each([
    ["Bulan", "s.d. Bulan Lalu", "Bulan Ini", "s.d. Bulan Ini"],
    ["Triwulan", "s.d. Triwulan Lalu", "Triwulan Ini", "s.d. Triwulan Ini"],
    ["sampai dengan", "Sampai dengan Bulan Lalu", "Bulan Ini", "Sampai dengan Bulan Ini"],
  ])("%s: serapan and sisa over the column to date", (_w, before, now, toDate) => {
    const body = NAMES.map((n, i) => {
      const pagu = 100_000_000 + i * 7_000_000;
      const prev = 50_000_000 + i * 3_000_000;
      const month = 8_000_000 + i * 1_000_000;
      return [n, pagu, prev, month, prev + month, null, null];
    });
    const s = sheet(
      [["Uraian", "Jumlah Anggaran (Rp)", "Realisasi", null, null, "Sisa Anggaran (Rp)", "%"], [null, null, before, now, toDate, null, null]],
      body,
      [{ top: 0, left: 2, bottom: 0, right: 4 }, { top: 0, left: 0, bottom: 1, right: 0 }, { top: 0, left: 1, bottom: 1, right: 1 }, { top: 0, left: 5, bottom: 1, right: 5 }, { top: 0, left: 6, bottom: 1, right: 6 }],
    );
    expect(pairing(s, "serapan")).toEqual({ output: 6, numerator: 4, denominator: 1, status: "confirmed" });
    expect(pairing(s, "sisa_anggaran")).toMatchObject({ output: 5, numerator: 4, denominator: 1 });
  });
});

describe("an output naming its reference: the pagu, not the anggaran kas to date beside it", () => {
  test.each([
    ["% thd Pagu", 1],
    ["% terhadap Pagu", 1],
    ["Persentase atas Pagu", 1],
  ])("%s", (label, reference) => {
    const body = NAMES.map((n, i) => [n, 1_000_000_000 + i * 1e8, 750_000_000 + i * 7e7, 700_000_000 + i * 6e7, null]);
    const s = sheet([["Sub Kegiatan", "Pagu (Rp)", "Anggaran Kas s.d. TW III (Rp)", "Realisasi s.d. TW III (Rp)", label]], body);
    expect(pairing(s, "serapan")).toMatchObject({ output: 4, numerator: 3, denominator: reference, status: "confirmed" });
  });
});

describe("parts named in one header row", () => {
  test.each([
    [["Anggaran Belanja Operasi", "Realisasi Belanja Operasi", "Anggaran Belanja Modal", "Realisasi Belanja Modal", "Jumlah Anggaran", "Jumlah Realisasi", "Persentase Realisasi (%)"]],
    [["Pagu Pegawai", "Realisasi Pegawai", "Pagu Barang Jasa", "Realisasi Barang Jasa", "Total Pagu", "Total Realisasi", "Serapan (%)"]],
  ])("%j: the percentage over the total pair", (labels) => {
    const body = NAMES.map((n, i) => {
      const [a, b, c, d] = [300e6 + i * 1e7, 200e6 + i * 9e6, 100e6 + i * 5e6, 40e6 + i * 2e6];
      return [n, a, b, c, d, a + c, b + d, null];
    });
    const s = sheet([["Uraian", ...labels]], body);
    expect(pairing(s, "serapan")).toEqual({ output: 7, numerator: 6, denominator: 5, status: "confirmed" });
  });
});
