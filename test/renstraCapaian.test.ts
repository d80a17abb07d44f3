/**
 * "Capaian terhadap (Target) Renstra" over the Renstra target OF THE YEAR is a capaian (scope Renstra); a
 * percentage over the END-of-period target ("Target Akhir Renstra", "Target Renstra 2026" in a 2024 table,
 * "Kondisi Akhir") is the tingkat kemajuan. Tables built here in several wordings, with and without the relation.
 */
import { CellValue, columnLetter } from "../src/core/grid";
import { recogniseSheet } from "../src/core/recognise";
import { Sheet } from "./support/metamorphic";

interface Form {
  renstraTarget: string;
  pkTarget: string;
  renstraRatio: string;
  pkRatio: string;
  /** Write the column-number row with the relations "7 = 6/4 x 100" and "8 = 6/5 x 100". */
  relations: boolean;
}

function build(f: Form): Sheet {
  const s = new Sheet("Capaian");
  s.setText(0, 0, "Tabel 3.6 Capaian Kinerja Tahun 2024");
  const head = ["No", "Indikator Kinerja", "Satuan", f.renstraTarget, f.pkTarget, "Realisasi 2024", f.renstraRatio, f.pkRatio];
  head.forEach((h, c) => s.setText(2, c, h));
  let row = 3;
  if (f.relations) {
    [1, 2, 3, 4, 5, 6, "7 = 6/4 x 100", "8 = 6/5 x 100"].forEach((v, c) => s.set(3, c, { v, f: null, nf: null, b: false, i: 0 }));
    row = 4;
  }
  const body: [string, string, number, number, number][] = [
    ["Persentase rekomendasi pengawasan yang ditindaklanjuti", "%", 93.6, 90, 86.63],
    ["Jumlah sekolah terakreditasi", "Sekolah", 70, 64, 51],
    ["Persentase produk hukum yang terpublikasi", "%", 100, 100, 100],
  ];
  body.forEach(([name, unit, ren, pk, real], i) => {
    const cells: CellValue[] = [i + 1, name, unit, ren, pk, real];
    cells.forEach((v, c) => s.set(row + i, c, { v, f: null, nf: null, b: false, i: 0 }));
  });
  return s;
}

const YEAR_TARGET: [string, Form][] = [
  ["'Capaian thd Renstra (%)' with the relation", { renstraTarget: "Target Renstra 2024", pkTarget: "Target PK 2024", renstraRatio: "Capaian thd Renstra (%)", pkRatio: "Capaian thd PK (%)", relations: true }],
  ["'Capaian terhadap Target Renstra' with the relation", { renstraTarget: "Target Renstra Tahun 2024", pkTarget: "Target Perjanjian Kinerja 2024", renstraRatio: "Capaian terhadap Target Renstra (%)", pkRatio: "Capaian terhadap Target PK (%)", relations: true }],
  ["'% Capaian Renstra' with the relation, years in 'Th.'", { renstraTarget: "Target Renstra Th. 2024", pkTarget: "Target PK Th. 2024", renstraRatio: "% Capaian Renstra", pkRatio: "% Capaian PK", relations: true }],
];

describe("capaian against the Renstra target of the year", () => {
  test.each(YEAR_TARGET)("%s: two capaian, each over the target its relation names", (_n, form) => {
    const [t] = recogniseSheet(build(form).toSnapshot());
    const role = (c: number) => t.columns.find((x) => x.col === c)?.role;
    expect([role(3), role(4), role(5), role(6), role(7)]).toEqual(["target", "target", "realisasi", "capaian", "capaian"]);
    expect(t.columns.find((x) => x.col === 6)?.scope).toBe("renstra");
    const pairs = t.pairings.map((p) => `${columnLetter(p.output!)}=${columnLetter(p.numerator)}/${columnLetter(p.denominator)}:${p.measure}`).sort();
    expect(pairs).toEqual(["G=F/D:capaian", "H=F/E:capaian"]);
  });

  test("without a relation row each percentage is still computed over its own target", () => {
    const [t] = recogniseSheet(build({ renstraTarget: "Target Renstra 2024", pkTarget: "Target PK 2024", renstraRatio: "Capaian thd Renstra (%)", pkRatio: "Capaian thd PK (%)", relations: false }).toSnapshot());
    const operands = (out: number) => t.pairings.filter((p) => p.output === out).map((p) => `${columnLetter(p.numerator)}/${columnLetter(p.denominator)}`);
    expect(operands(6)).toEqual(["F/D"]);
    expect(operands(7)).toEqual(["F/E"]);
    // Over the Renstra target of the table's own year it is a capaian (against the Renstra), not tingkat kemajuan.
    expect(t.columns.find((c) => c.col === 6)).toMatchObject({ role: "capaian", scope: "renstra" });
  });

  test.each([
    ["Target Akhir Renstra (2026)", "Tingkat Kemajuan (%)"],
    ["Target Renstra 2026", "Capaian thd Renstra (%)"],
    ["Kondisi Akhir Renstra", "Capaian terhadap Target Renstra (%)"],
  ])("over the end-of-period target '%s', '%s' is the tingkat kemajuan", (renstraTarget, renstraRatio) => {
    const [t] = recogniseSheet(build({ renstraTarget, pkTarget: "Target PK 2024", renstraRatio, pkRatio: "Capaian thd PK (%)", relations: true }).toSnapshot());
    const role = (c: number) => t.columns.find((x) => x.col === c)?.role;
    expect([role(3), role(6), role(7)]).toEqual(["target_akhir", "tingkat_kemajuan", "capaian"]);
    const kemajuan = t.pairings.find((p) => p.output === 6)!;
    expect([kemajuan.measure, kemajuan.numerator, kemajuan.denominator]).toEqual(["tingkat_kemajuan", 5, 3]);
  });
});
