/**
 * Quarters typed as numbers ("1 2 3 4") or roman numerals under a "… pada Triwulan" parent are the periods
 * TW1…TW4, a label row of the header, not the column-number row (which numbers every column of the table,
 * and may sit right below). Renja evaluation sheets built here in several forms.
 */
import { CellValue, MergeArea } from "../src/core/grid";
import { recogniseSheet } from "../src/core/recognise";
import { Sheet } from "./support/metamorphic";

interface Form {
  parent: string;
  quarters: string[] | number[];
  /** Each quarter spans K | Rp (two columns) or K only. */
  pairs: boolean;
  merged: boolean;
  /** Whether the unit row sits above or below the number row. */
  unitsBelow?: boolean;
}

/** Builds the sheet; returns it with the first quarter column and the rows of the header. */
function build(f: Form): { sheet: Sheet; firstQuarter: number; width: number } {
  const s = new Sheet("Renja");
  const rows: CellValue[][] = [[], [], [], []];
  const merges: MergeArea[] = [];
  const top = 3;
  s.setText(0, 0, "EVALUASI HASIL PELAKSANAAN RENJA TAHUN 2024");
  let c = 0;
  const single = (label: string) => {
    rows[0][c] = label;
    if (f.merged) merges.push({ top, left: c, bottom: top + 1, right: c });
    c++;
  };
  const group = (label: string, subs: CellValue[], span: number) => {
    rows[0][c] = label;
    if (f.merged) merges.push({ top, left: c, bottom: top, right: c + subs.length * span - 1 });
    subs.forEach((sub, i) => {
      rows[1][c + i * span] = sub;
      if (f.merged && span > 1) merges.push({ top: top + 1, left: c + i * span, bottom: top + 1, right: c + i * span + span - 1 });
    });
    c += subs.length * span;
  };
  single("No");
  single("Program / Kegiatan");
  single("Indikator Kinerja");
  const tgt = c;
  single("Target Tahun 2024");
  c++;
  const firstQuarter = c;
  group(f.parent, f.quarters, f.pairs ? 2 : 1);
  const real = c;
  single("Realisasi Tahun 2024");
  c++;
  single("Tingkat Capaian (%)");
  c++;
  const width = c;
  // Unit row over every figure column; number row over every column.
  const unitRow = f.unitsBelow ? 3 : 2;
  const numberRow = f.unitsBelow ? 2 : 3;
  for (let k = tgt; k < width; k++) {
    const isRp = f.pairs || k < firstQuarter || k >= real ? (k - tgt) % 2 === 1 : false;
    rows[unitRow][k] = isRp ? "Rp" : "K";
  }
  // Target / realisasi / capaian are K | Rp pairs under labels that span two columns.
  for (const at of [tgt, real, real + 2]) {
    if (f.merged) merges.push({ top, left: at, bottom: top + 1, right: at + 1 });
    rows[0][at + 1] = null;
  }
  let n = 1;
  for (let k = 0; k < width; k++) {
    const pairStart = k >= tgt && (k < firstQuarter || k >= real || f.pairs) && (k - tgt) % 2 === 0;
    if (k < tgt || pairStart || (!f.pairs && k >= firstQuarter && k < real)) rows[numberRow][k] = n++;
  }
  rows.forEach((row, r) => row.forEach((v, k) => v !== null && v !== undefined && s.set(top + r, k, { v, f: null, nf: null, b: false, i: 0 })));
  s.merges.push(...merges.filter((m) => m.right > m.left || m.bottom > m.top));
  // Three body rows.
  for (let r = 0; r < 3; r++) {
    const at = top + 4 + r;
    s.set(at, 0, { v: r + 1, f: null, nf: null, b: false, i: 0 });
    s.setText(at, 1, `Kegiatan Contoh ${r + 1}`);
    s.setText(at, 2, `Jumlah dokumen contoh ${r + 1}`);
    for (let k = tgt; k < real + 2; k++) {
      const rp = f.pairs || k < firstQuarter || k >= real ? (k - tgt) % 2 === 1 : false;
      s.set(at, k, { v: rp ? 250000000 + 1000000 * k : 4 + r, f: null, nf: rp ? "#,##0" : null, b: false, i: 0 });
    }
  }
  return { sheet: s, firstQuarter, width };
}

const FORMS: [string, Form][] = [
  ["numbers over K | Rp pairs, merged, units above the numbers", { parent: "Realisasi Kinerja dan Anggaran pada Triwulan", quarters: [1, 2, 3, 4], pairs: true, merged: true }],
  ["numbers over K | Rp pairs, units below the numbers", { parent: "Realisasi Kinerja pada Triwulan", quarters: [1, 2, 3, 4], pairs: true, merged: true, unitsBelow: true }],
  ["roman numerals over K | Rp pairs", { parent: "Realisasi Kinerja dan Anggaran Pada Triwulan", quarters: ["I", "II", "III", "IV"], pairs: true, merged: true }],
  ["numbers, K only, one column each", { parent: "Realisasi per Triwulan", quarters: [1, 2, 3, 4], pairs: false, merged: true }],
  ["numbers under an unmerged label (K only)", { parent: "Realisasi pada Triwulan", quarters: [1, 2, 3, 4], pairs: false, merged: false }],
];

describe("quarters typed as numbers under a Triwulan parent", () => {
  test.each(FORMS)("%s: TW1…TW4, and the real number row stays the number row", (_n, form) => {
    const { sheet, firstQuarter } = build(form);
    const tables = recogniseSheet(sheet.toSnapshot());
    expect(tables).toHaveLength(1);
    const [t] = tables;
    const span = form.pairs ? 2 : 1;
    const periods = [0, 1, 2, 3].map((q) => t.columns.find((c) => c.col === firstQuarter + q * span)?.period);
    expect(periods).toEqual(["TW1", "TW2", "TW3", "TW4"]);
    expect(t.columns.find((c) => c.col === firstQuarter)?.role).toBe("realisasi");
    if (form.pairs) expect(t.columns.find((c) => c.col === firstQuarter + 1)).toMatchObject({ role: "realisasi_anggaran", period: "TW1" });
    expect(t.numberRow).toBe(form.unitsBelow ? 5 : 6);
    expect(t.body.top).toBe(7);
    const cap = t.pairings.find((p) => p.measure === "capaian");
    expect(cap && [cap.numerator, cap.denominator]).toEqual([firstQuarter + 4 * span, 3]);
  });
});
