/**
 * Tick columns of an ikhtisar (one column per predikat band, ticked "√"/"v" in the band the capaian falls
 * in), in several wordings and positions: recognised as predikat columns with their band, filled with a
 * formula from the row's capaian (evaluated by HyperFormula, equal to the plan's value and to the band the
 * capaian belongs to), only where empty; a tick typed in the wrong band is an audit finding. Columns of band
 * words that hold counts, or a table without a capaian, are not tick columns.
 */
import ExcelJS from "exceljs";
import { snapshotFromWorkbook } from "../src/xlsx/readWorkbook";
import { recogniseWorkbook, RecognisedTable } from "../src/core/recognise";
import { DEFAULT_FILL, FillOptions, planWorkbook, WritePlan } from "../src/core/writePlan";
import { auditWorkbook } from "../src/core/audit";
import { readTickBand } from "../src/core/recognition/ticks";
import type { WorkbookSnapshot } from "../src/core/grid";
import { phrase } from "../src/i18n";
import { evaluatePlan } from "./support/evaluate";

describe("band headers", () => {
  test.each([
    ["Tidak Tercapai (<100%)", "Tidak Tercapai", null, { value: 100, strict: true }, "Tidak Tercapai"],
    ["Tercapai (=100%)", "Tercapai", { value: 100, strict: false }, { value: 100, strict: false }, "Tercapai"],
    ["Melebihi (>100%)", "Melebihi", { value: 100, strict: true }, null, "Melebihi Target"],
    ["Sangat Tinggi (≥ 91%)", "Sangat Tinggi", { value: 91, strict: false }, null, "Sangat Tinggi"],
    ["Tinggi (76 - 90%)", "Tinggi", { value: 76, strict: false }, { value: 90, strict: false }, "Tinggi"],
    ["Tinggi 76% ≤ 90%", "Tinggi", { value: 76, strict: false }, { value: 90, strict: false }, "Tinggi"],
    ["Sedang (66 s.d. 75)", "Sedang", { value: 66, strict: false }, { value: 75, strict: false }, "Sedang"],
    ["Sangat Rendah (≤ 50%)", "Sangat Rendah", null, { value: 50, strict: false }, "Sangat Rendah"],
    ["Baik (80 ≤ x < 90,5)", "Baik", { value: 80, strict: false }, { value: 90.5, strict: true }, null],
    ["Kurang (kurang dari 60%)", "Kurang", null, { value: 60, strict: true }, null],
    ["Belum Tercapai", "Belum Tercapai", null, null, "Tidak Tercapai"],
    ["Melampaui Target", "Melampaui Target", null, null, "Melebihi Target"],
  ])("%s", (text, label, lower, upper, standard) => {
    const b = readTickBand(text)!;
    expect(b).toMatchObject({ label, lower, upper });
    expect(b.standard?.label ?? null).toBe(standard);
  });

  test("other headers are not bands", () => {
    for (const t of ["Capaian (%)", "Target 2024", "Realisasi 2023-2024", "Indikator Kinerja", "Keterangan", "Tahun 2024"]) expect(readTickBand(t)).toBeNull();
  });
});

interface Layout {
  /** Header rows (row 0 first); null cells are blank. */
  header: (string | null)[][];
  merges?: string[];
  rows: (string | number | null)[][];
  /** Where the table's top-left corner goes (1-based row and column). */
  at?: { row: number; col: number };
  format?: Record<number, string>; // number format per table column (0-based)
}

function build(l: Layout): WorkbookSnapshot {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Ikhtisar");
  const at = l.at ?? { row: 3, col: 1 };
  ws.getCell(at.row - 1, at.col).value = "Tabel 3.9 Ikhtisar Capaian Kinerja Tahun 2024";
  [...l.header, ...l.rows].forEach((r, i) =>
    r.forEach((v, c) => {
      if (v === null) return;
      const cell = ws.getCell(at.row + i, at.col + c);
      cell.value = v;
      if (i >= l.header.length && l.format?.[c]) cell.numFmt = l.format[c];
    }),
  );
  for (const m of l.merges ?? []) ws.mergeCells(m);
  return snapshotFromWorkbook(wb);
}

function fill(s: WorkbookSnapshot, o: Partial<FillOptions> = {}): { plan: WritePlan; table: RecognisedTable; value: (cell: string) => unknown } {
  const analysis = recogniseWorkbook(s);
  const plan = planWorkbook(s, analysis, { ...DEFAULT_FILL, ...o });
  const value = evaluatePlan(s, plan);
  return { plan, table: analysis.sheets[0].tables[0], value: (cell) => value("Ikhtisar", cell) };
}

/** Which band column each body row is ticked in (by the formulas, evaluated), "" for none, "?" for several. */
function ticked(f: ReturnType<typeof fill>, cols: string[], rows: number[]): string[] {
  return rows.map((r) => {
    const hit = cols.filter((c) => {
      const w = f.plan.writes.find((x) => x.cell === `${c}${r}`);
      const got = f.value(`${c}${r}`);
      if (w) expect(got ?? "").toBe(w.value); // the engine agrees with the plan's cached value
      return got !== "" && got !== null;
    });
    return hit.length > 1 ? "?" : hit[0] ?? "";
  });
}

describe("tick columns are filled from the capaian", () => {
  test("'Predikat › Tidak Tercapai (<100%) | Tercapai (=100%) | Melebihi (>100%)', merged, at C6: 100 % as shown is Tercapai", () => {
    const s = build({
      at: { row: 6, col: 3 },
      header: [["No", "Indikator Kinerja", "Capaian (%)", "Predikat", null, null], [null, null, null, "Tidak Tercapai (<100%)", "Tercapai (=100%)", "Melebihi (>100%)"]],
      merges: ["C6:C7", "D6:D7", "E6:E7", "F6:H6"],
      rows: [[1, "Indeks kepuasan masyarakat", 96.4], [2, "Persentase dokumen tepat waktu", 100], [3, "Jumlah UMKM binaan", 99.999], [4, "Cakupan air minum", 100.01], [5, "Persentase arsip tertata", "-"], [6, "Jumlah wisatawan", 130]],
    });
    const f = fill(s);
    expect(f.table.columns.filter((c) => c.tick).map((c) => [c.role, c.tick!.label])).toEqual([["predikat", "Tidak Tercapai"], ["predikat", "Tercapai"], ["predikat", "Melebihi"]]);
    expect(ticked(f, ["F", "G", "H"], [8, 9, 10, 11, 12, 13])).toEqual(["F", "G", "G", "H", "", "H"]);
    expect(f.plan.writes.find((w) => w.cell === "G9")?.formula).toBe('=IF(ISNUMBER(E9),IF(ROUND(E9,2)=100,"√",""),"")');
    // The marker row gets formulas that stay empty, with the reason (nothing to tick from).
    expect(f.plan.writes.filter((w) => w.cell.endsWith("12")).map((w) => w.value)).toEqual(["", "", ""]);
    expect(f.plan.empty.filter((e) => e.cell.endsWith("12")).map((e) => e.reason.code)).toEqual(["empty-input-marker", "empty-input-marker", "empty-input-marker"]);
    expect(f.plan.appended).toEqual([]);
  });

  test("five Permendagri 86 bands without printed bounds, under 'Kriteria', capaian computed from target and realisasi", () => {
    const s = build({
      header: [["No", "Indikator", "Target", "Realisasi", "Capaian (%)", "Kriteria", null, null, null, null], [null, null, null, null, null, "Sangat Tinggi", "Tinggi", "Sedang", "Rendah", "Sangat Rendah"]],
      merges: ["A3:A4", "B3:B4", "C3:C4", "D3:D4", "E3:E4", "F3:J3"],
      rows: [[1, "Indeks A", 100, 90.5], [2, "Indeks B", 100, 91], [3, "Indeks C", 100, 75.9], [4, "Indeks D", 100, 51], [5, "Indeks E", 100, 50.99], [6, "Indeks F", 80, 120]],
    });
    const f = fill(s);
    expect(f.plan.writes.filter((w) => w.role === "capaian")).toHaveLength(6);
    // 90,5 lies between the printed 76–90 and 91–100: it falls to the lower band (Tinggi); above 100 is Sangat Tinggi.
    expect(ticked(f, ["F", "G", "H", "I", "J"], [5, 6, 7, 8, 9, 10])).toEqual(["G", "F", "H", "I", "J", "F"]);
    expect(f.plan.writes.find((w) => w.cell === "G5")?.formula).toBe('=IF(ISNUMBER(E5),IF(AND(E5>=76,E5<91),"√",""),"")');
    // The ticks are the predikat: no column of rating words is appended beside them.
    expect(f.plan.appended).toEqual([]);
    expect(f.plan.methods.map((m) => m.id).filter((id) => id.startsWith("predikat"))).toEqual([]);
  });

  test("own words with printed bounds under 'Kategori', the table's own mark 'v', a row ticked by hand kept", () => {
    const s = build({
      header: [["Indikator", "Capaian", "Kategori", null, null], [null, null, "Kurang (< 60%)", "Cukup (60% - 80%)", "Baik (> 80%)"]],
      merges: ["A3:A4", "B3:B4", "C3:E3"],
      rows: [["Indeks A", 59.99, null, null, null], ["Indeks B", 80, null, "v", null], ["Indeks C", 80.01, null, null, null], ["Indeks D", 60, null, null, null]],
    });
    const f = fill(s);
    expect(ticked(f, ["C", "D", "E"], [5, 6, 7, 8])).toEqual(["C", "D", "E", "D"]);
    expect(f.plan.writes.find((w) => w.cell === "D8")?.value).toBe("v");
    expect(f.plan.writes.some((w) => /6$/.test(w.cell) && w.role === "tick")).toBe(false);
    expect(f.plan.skipped.find((x) => x.cell === "D6")?.reason.code).toBe("skip-holds-value");
  });

  test("band words alone, in reverse order, capaian held as a fraction with a % format", () => {
    const s = build({
      header: [["No", "Indikator Kinerja", "Capaian", "Melampaui Target", "Sesuai Target", "Belum Tercapai"]],
      rows: [[1, "Indeks A", 0.995], [2, "Indeks B", 1], [3, "Indeks C", 1.2]],
      format: { 2: "0.00%" },
    });
    const f = fill(s);
    expect(ticked(f, ["D", "E", "F"], [4, 5, 6])).toEqual(["F", "E", "D"]);
    expect(f.plan.writes.find((w) => w.cell === "D4")?.formula).toBe('=IF(ISNUMBER(C4),IF(ROUND(C4,4)>1,"√",""),"")');
  });

  test("a capaian typed as Indonesian text is converted and ticked", () => {
    const s = build({
      header: [["Indikator", "Capaian (%)", "Tidak Tercapai", "Tercapai", "Melebihi"]],
      rows: [["Indeks A", "99,50"], ["Indeks B", "100,00"], ["Indeks C", "104,25"]],
    });
    const f = fill(s);
    expect(ticked(f, ["C", "D", "E"], [4, 5, 6])).toEqual(["C", "D", "E"]);
    expect(f.plan.textNumbers.map((t) => t.cell)).toEqual(["B4", "B5", "B6"]);
  });

  test("a rerun on the filled workbook writes nothing new", () => {
    const s = build({
      header: [["Indikator", "Capaian (%)", "Tidak Tercapai", "Tercapai", "Melebihi"]],
      rows: [["Indeks A", 99], ["Indeks B", 100]],
    });
    const first = fill(s).plan;
    const sheet = s.sheets[0];
    for (const w of first.writes.filter((x) => x.formula)) {
      const r = Number(w.cell.replace(/^[A-Z]+/, "")) - 1 - sheet.top;
      const c = w.cell.charCodeAt(0) - 65 - sheet.left;
      sheet.formulas[r] ??= [];
      sheet.formulas[r][c] = w.formula!;
      sheet.values[r][c] = w.value as string;
    }
    const again = fill(s).plan;
    expect(again.writes.filter((w) => w.role === "tick")).toEqual([]);
    expect(again.current).toHaveLength(6);
  });
});

describe("not tick columns, or not ticked", () => {
  test("band columns holding counts (a summary per predikat) are not tick columns", () => {
    const s = build({
      header: [["Sasaran", "Capaian (%)", "Sangat Tinggi", "Tinggi", "Sedang", "Rendah", "Sangat Rendah"]],
      rows: [["Sasaran 1", 92, 3, 1, 0, 0, 0], ["Sasaran 2", 81, 1, 2, 1, 0, 0], ["Sasaran 3", 70, 0, 1, 2, 1, 0]],
    });
    const f = fill(s);
    expect(f.table.columns.some((c) => c.tick)).toBe(false);
    expect(f.plan.writes.filter((w) => /^[C-G]\d/.test(w.cell))).toEqual([]);
  });

  test("a table with no capaian has no tick columns", () => {
    const s = build({ header: [["Indikator", "Satuan", "Tercapai", "Tidak Tercapai"]], rows: [["Indeks A", "Indeks", null, null]] });
    expect(fill(s).table.columns.some((c) => c.tick)).toBe(false);
  });

  test("two columns for the same band: nothing is written, and the reason is given", () => {
    const s = build({
      header: [["Indikator", "Capaian (%)", "Predikat", null, null], [null, null, "Tercapai (≥ 100%)", "Sesuai Target (≥ 100%)", "Tidak Tercapai (< 100%)"]],
      merges: ["C3:E3"],
      rows: [["Indeks A", 99], ["Indeks B", 100]],
    });
    const f = fill(s);
    expect(f.plan.writes.filter((w) => w.role === "tick")).toEqual([]);
    expect(f.plan.skipped.filter((x) => x.role === "tick").map((x) => x.reason.code)).toEqual(["skip-tick-bands-overlap", "skip-tick-bands-overlap", "skip-tick-bands-overlap"]);
  });

  test("no predikat asked for: no ticks", () => {
    const s = build({ header: [["Indikator", "Capaian (%)", "Tidak Tercapai", "Tercapai", "Melebihi"]], rows: [["Indeks A", 99]] });
    expect(fill(s, { scale: "none" }).plan.writes.filter((w) => w.role === "tick")).toEqual([]);
  });
});

describe("the audit compares typed ticks with the capaian", () => {
  const header = [["No", "Indikator Kinerja", "Capaian (%)", "Tidak Tercapai", "Tercapai", "Melebihi Target"]];
  test("ticks in the right bands, and a count row under them: no finding", () => {
    const s = build({ header, rows: [[1, "Indeks A", 102.5, null, null, "v"], [2, "Indeks B", 100, null, "v", null], [3, "Indeks C", 96.4, "v", null, null], [null, "Jumlah", null, 1, 1, 1]] });
    expect(auditWorkbook(s, recogniseWorkbook(s)).filter((f) => f.role === "tick")).toEqual([]);
  });

  test("a tick in the wrong band is found, naming the band the capaian belongs to", () => {
    const s = build({ header, rows: [[1, "Indeks A", 102.5, null, "v", null], [2, "Indeks B", 100, null, "v", null], [3, "Indeks C", 96.4, "v", null, null]] });
    const findings = auditWorkbook(s, recogniseWorkbook(s)).filter((f) => f.role === "tick");
    expect(findings.map((f) => [f.cell, f.reason, f.indicator])).toEqual([["E4", "predikat-scale", "Indeks A"]]);
    expect(phrase(findings[0].detail, "en")).toBe('ticked under "Tercapai", but achievement 102.5 % belongs to "Melebihi Target"');
  });
});
