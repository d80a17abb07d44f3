/**
 * A header made mostly of predikat bands ("Sangat Tinggi | Tinggi | Sedang | Rendah | Sangat Rendah" beside
 * "Indikator | Capaian"), neither bold nor under a caption, is still a header: band words are header words.
 */
import { recogniseSheet } from "../src/core/recognise";
import { Sheet } from "./support/metamorphic";

const BANDS = [
  ["Sangat Tinggi", "Tinggi", "Sedang", "Rendah", "Sangat Rendah"],
  ["Tidak Tercapai (<100%)", "Tercapai (=100%)", "Melebihi (>100%)"],
];

describe.each(BANDS.map((b) => [b.join(" | "), b]))("a plain header of bands: %s", (_name, bands) => {
  test.each([0, 3])("at row %i: one table, its tick columns by band", (top) => {
    const s = new Sheet("Ikhtisar");
    ["No", "Indikator", "Capaian (%)", ...bands].forEach((w, c) => s.setText(top, c, w));
    const rows: [string, number][] = [["Indeks kepuasan masyarakat", 104.2], ["Persentase dokumen perencanaan tepat waktu", 88], ["Nilai SAKIP", 71.5]];
    rows.forEach(([name, cap], i) => {
      s.set(top + 1 + i, 0, { v: i + 1, f: null, nf: null, b: false, i: 0 });
      s.setText(top + 1 + i, 1, name);
      s.set(top + 1 + i, 2, { v: cap, f: null, nf: "0.00", b: false, i: 0 });
    });
    const tables = recogniseSheet(s.toSnapshot());
    expect(tables).toHaveLength(1);
    expect(tables[0].header).toEqual({ top, bottom: top });
    expect(tables[0].columns.slice(3).map((c) => c.role)).toEqual(bands.map(() => "predikat"));
    expect(tables[0].columns.slice(3).every((c) => c.tick)).toBe(true);
  });
});
