/**
 * A column that states each indicator's polarity, in words or signs, under any header ("Sifat Indikator",
 * "Arah", "Polaritas", "Jenis Indikator", "Keterangan Polaritas"), at any position: it is the polarity column
 * (never the indicator column, although its header says "Indikator"), and its cell decides the row's formula
 * over the keyword rules. Sheets are built here in several wordings; indicator names carry no keyword, so
 * only the column can make a row lower-is-better.
 */
import { CellValue, columnLetter } from "../src/core/grid";
import { recogniseWorkbook } from "../src/core/recognise";
import { planWorkbook, DEFAULT_FILL } from "../src/core/writePlan";
import { polarityStatementKind, statedPolarity } from "../src/core/polarity";
import { evaluatePlan } from "./support/evaluate";
import { Sheet } from "./support/metamorphic";

/** Indicators without a keyword of either direction, with target / realisasi; `lower` marks lower-is-better. */
const ROWS: { name: string; unit: string; target: number; real: number; lower: boolean }[] = [
  { name: "Indeks kepuasan layanan perizinan", unit: "Indeks", target: 82.5, real: 84.1, lower: false },
  { name: "Rata-rata waktu tanggap layanan darurat", unit: "Jam", target: 6, real: 5.5, lower: true },
  { name: "Rasio ketergantungan penduduk", unit: "%", target: 48, real: 49.2, lower: true },
  { name: "Persentase desa mandiri", unit: "%", target: 20, real: 18.5, lower: false },
  { name: "Lama penerbitan izin usaha", unit: "Hari", target: 3, real: 3.5, lower: true },
];

interface Layout {
  header: string;
  /** [higher, lower] as the column writes them. */
  words: [string, string];
  /** Where the polarity column sits: after the satuan, or last (after Keterangan). */
  last?: boolean;
  top?: number;
  left?: number;
}

function build(l: Layout): Sheet {
  const s = new Sheet("IKU");
  const top = l.top ?? 2;
  const left = l.left ?? 0;
  const put = (r: number, c: number, v: CellValue) => s.set(top + r, left + c, { v, f: null, nf: null, b: false, i: 0 });
  s.setText(0, 0, "Tabel 3.1 Capaian Indikator Kinerja Utama Tahun 2024");
  const head = l.last
    ? ["No", "Indikator Kinerja", "Satuan", "Target 2024", "Realisasi 2024", "Capaian (%)", "Keterangan", l.header]
    : ["No", "Indikator Kinerja", "Satuan", l.header, "Target 2024", "Realisasi 2024", "Capaian (%)"];
  head.forEach((h, c) => put(0, c, h));
  ROWS.forEach((row, i) => {
    const word = row.lower ? l.words[1] : l.words[0];
    const cells: CellValue[] = l.last
      ? [i + 1, row.name, row.unit, row.target, row.real, null, "Tercapai", word]
      : [i + 1, row.name, row.unit, word, row.target, row.real, null];
    cells.forEach((v, c) => put(1 + i, c, v));
  });
  return s;
}

const LAYOUTS: [string, Layout][] = [
  ["'Sifat Indikator' with sentences", { header: "Sifat Indikator", words: ["Semakin tinggi semakin baik", "Semakin rendah semakin baik"] }],
  ["'Sifat' with 'makin … makin' sentences", { header: "Sifat", words: ["Makin besar makin baik", "Makin kecil makin baik"] }],
  ["'Arah' with Maksimal / Minimal", { header: "Arah", words: ["Maksimal", "Minimal"] }],
  ["'Jenis Indikator' with Positif / Negatif", { header: "Jenis Indikator", words: ["Positif", "Negatif"] }],
  ["'Keterangan Polaritas' last with 'semakin tinggi semakin buruk'", { header: "Keterangan Polaritas", words: ["Semakin tinggi semakin baik", "Semakin tinggi semakin buruk"], last: true }],
  ["'Polaritas' with (+) / (-)", { header: "Polaritas", words: ["(+)", "(-)"] }],
  ["'Polaritas' with + / -, table moved", { header: "Polaritas", words: ["+", "-"], top: 5, left: 2 }],
  ["'Polarisasi' with arrows", { header: "Polarisasi", words: ["↑", "↓"] }],
  ["'Polaritas Indikator' last with Max / Min", { header: "Polaritas Indikator", words: ["Max", "Min"], last: true }],
  ["'Polaritas' with Maximize / Minimize", { header: "Polaritas", words: ["Maximize", "Minimize"] }],
  ["'Sifat Indikator' with the lower-is-better sentence only written out", { header: "Sifat Indikator", words: ["Positif", "semakin kecil nilainya semakin baik"] }],
  ["unnamed header 'Uraian Polaritas' with 'Higher is better' / 'Lower is better'", { header: "Uraian Polaritas", words: ["Higher is better", "Lower is better"] }],
];

/** Formula A (the default): lower-is-better capaian = (2 × target − realisasi) / target. */
const expectedCapaian = (r: (typeof ROWS)[number]) => (r.lower ? ((2 * r.target - r.real) / r.target) * 100 : (r.real / r.target) * 100);

describe("a column stating each row's polarity", () => {
  test.each(LAYOUTS)("%s: the polarity column decides every row", (_name, layout) => {
    const snapshot = { sheets: [build(layout).toSnapshot()] };
    const analysis = recogniseWorkbook(snapshot);
    const [table] = analysis.sheets[0].tables;
    const left = layout.left ?? 0;
    const polCol = left + (layout.last ? 7 : 3);
    const roleAt = (c: number) => table.columns.find((x) => x.col === c)?.role;
    expect(roleAt(polCol)).toBe("polaritas");
    expect(roleAt(left + 1)).toBe("indikator");
    expect(table.columns.filter((c) => c.role === "indikator")).toHaveLength(1);
    const top = layout.top ?? 2;
    const polarities = ROWS.map((_, i) => table.rows.find((r) => r.row === top + 1 + i)?.polarity);
    expect(polarities).toEqual(ROWS.map((r) => (r.lower ? "lower-better" : "higher-better")));
    // The capaian written is the one the stated polarity asks for.
    const plan = planWorkbook(snapshot, analysis, DEFAULT_FILL);
    const value = evaluatePlan(snapshot, plan);
    const capCol = columnLetter(left + (layout.last ? 5 : 6));
    ROWS.forEach((r, i) => expect(Number(value("IKU", `${capCol}${top + 2 + i}`))).toBeCloseTo(expectedCapaian(r), 1));
  });

  test("a Keterangan saying 'Naik' / 'Turun' (the change over last year) is no polarity column", () => {
    const s = build({ header: "Sifat Indikator", words: ["Semakin tinggi semakin baik", "Semakin tinggi semakin baik"] });
    ["Naik", "Turun", "Naik", "Turun", "Turun"].forEach((w, i) => s.setText(3 + i, 7, w));
    s.setText(2, 7, "Keterangan");
    const [table] = recogniseWorkbook({ sheets: [s.toSnapshot()] }).sheets[0].tables;
    expect(table.columns.find((c) => c.col === 7)?.role).toBe("keterangan");
    expect(table.rows.filter((r) => r.polarity).every((r) => r.polarity === "higher-better")).toBe(true);
  });

  test("'Jenis Indikator' holding Outcome / Output is neither the indicator nor a polarity column", () => {
    const s = build({ header: "Jenis Indikator", words: ["Outcome", "Output"] });
    const [table] = recogniseWorkbook({ sheets: [s.toSnapshot()] }).sheets[0].tables;
    const d = table.columns.find((c) => c.col === 3)!;
    expect(d.role).toBe("other");
    expect(table.columns.filter((c) => c.role === "indikator").map((c) => c.col)).toEqual([1]);
  });

  test("a column of bare '-' under 'Polaritas' is a column of missing values, not of lower-is-better signs", () => {
    const s = build({ header: "Polaritas", words: ["-", "-"] });
    const [table] = recogniseWorkbook({ sheets: [s.toSnapshot()] }).sheets[0].tables;
    // Only the keyword rules speak: none of these names has a keyword, so every row is higher-is-better by default.
    expect(table.rows.filter((r) => r.polarity).map((r) => r.polarity)).toEqual(ROWS.map(() => "higher-better"));
  });

  test.each([
    ["Semakin rendah semakin baik", "lower-better"], ["semakin tinggi semakin baik", "higher-better"],
    ["Semakin tinggi nilainya semakin kurang baik", "lower-better"], ["Makin rendah makin buruk", "higher-better"],
    ["Semakin kecil", "lower-better"], ["The lower the better", "lower-better"], ["Higher is better", "higher-better"],
    ["(-)", "lower-better"], ["( + )", "higher-better"], ["-", "lower-better"], ["+", "higher-better"], ["[-]", "lower-better"],
    ["↓", "lower-better"], ["↑", "higher-better"], ["Negatif", "lower-better"], ["Negatif (-)", "lower-better"], ["POSITIF", "higher-better"],
    ["Max", "higher-better"], ["Min.", "lower-better"], ["Maksimal", "higher-better"], ["Minimal", "lower-better"], ["Maksimum", "higher-better"],
    ["Minimize", "lower-better"], ["Maximise", "higher-better"], ["Menurun", "lower-better"], ["Meningkat", "higher-better"],
    ["Outcome", null], ["Tercapai", null], ["", null], ["Indeks kepuasan", null],
  ])("statedPolarity(%j) → %s", (text, want) => {
    expect(statedPolarity(text)).toBe(want);
  });

  test("an indicator name that starts with a direction word is no polarity statement", () => {
    expect(polarityStatementKind("Menurunnya angka pengangguran terbuka")).toBeNull();
    expect(polarityStatementKind("Semakin rendah semakin baik")).toBe("sentence");
    expect(polarityStatementKind("Turun")).toBe("trend");
    expect(polarityStatementKind("Minimal")).toBe("word");
    expect(polarityStatementKind("(-)")).toBe("sign");
  });
});
