/**
 * Regenerating the Rencana Aksi carries what was typed into the earlier one (realisasi TW I–IV, Pola Target,
 * Keterangan) to the new rows by indicator, and lists what it cannot carry so the pane asks first.
 */
import ExcelJS from "exceljs";
import { snapshotFromWorkbook } from "../src/xlsx/readWorkbook";
import { recogniseWorkbook } from "../src/core/recognise";
import { rencanaAksiSheet } from "../src/core/rencanaAksi";
import { cellAddress, CellValue, SheetSnapshot, WorkbookSnapshot } from "../src/core/grid";
import type { SheetSpec } from "../src/core/sheetSpec";
import { phrase } from "../src/i18n";
import { evaluateSpec } from "./support/evaluate";

type Indicator = [sasaran: string, indikator: string, satuan: string, target: number | string];

/** A workbook with a PK table of the given indicators. */
function pkWorkbook(indicators: Indicator[]): WorkbookSnapshot {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Tabel 2.3");
  ws.getCell("A1").value = "Tabel 2.3";
  ws.getCell("A2").value = "Perjanjian Kinerja Dinas Contoh Tahun 2024";
  ws.getRow(3).values = ["No", "Sasaran Strategis", "Indikator Kinerja", "Satuan", "Target"];
  indicators.forEach((ind, i) => (ws.getRow(4 + i).values = [i + 1, ...ind]));
  return snapshotFromWorkbook(wb);
}

/** The generated sheet as Excel would hold it, with the user's typing applied ("R9" → value or "=formula"). */
function asSheet(spec: SheetSpec, typed: Record<string, CellValue> = {}): SheetSnapshot {
  const rows = Math.max(...spec.cells.map((c) => c.row)) + 1;
  const cols = Math.max(...spec.cells.map((c) => c.col)) + 1;
  const values: CellValue[][] = Array.from({ length: rows }, () => Array(cols).fill(null));
  const formulas: (string | null)[][] = Array.from({ length: rows }, () => Array(cols).fill(null));
  for (const c of spec.cells) {
    if (c.formula) formulas[c.row][c.col] = c.formula;
    values[c.row][c.col] = c.formula ? (c.result ?? null) : c.value ?? null;
  }
  for (const [address, v] of Object.entries(typed)) {
    const c = spec.cells.find((x) => cellAddress(x.row, x.col) === address)!;
    if (typeof v === "string" && v.startsWith("=")) formulas[c.row][c.col] = v;
    else values[c.row][c.col] = v;
  }
  const merges = spec.merges.map((m) => {
    const [a, b] = m.split(":").map((x) => spec.cells.find((c) => cellAddress(c.row, c.col) === x)!);
    return { top: a.row, left: a.col, bottom: b.row, right: b.col };
  });
  return { name: spec.name, top: 0, left: 0, values, formulas, numberFormats: values.map((r) => r.map(() => null)), merges, hiddenRows: [], hiddenColumns: [] };
}

const IND: Indicator[] = [
  ["Meningkatnya kualitas perencanaan", "Persentase dokumen perencanaan tepat waktu", "%", 100],
  ["Meningkatnya kualitas perencanaan", "Jumlah laporan kinerja", "Dokumen", 12],
  ["Meningkatnya perlindungan anak", "Jumlah laporan kinerja", "Dokumen", 4], // same text, another sasaran
];

/** Generates, lets the user type into the sheet, then regenerates from `next` indicators. */
function regenerate(typed: Record<string, CellValue>, next: Indicator[] = IND, options = {}, earlier: Indicator[] = IND) {
  const first = pkWorkbook(earlier);
  const spec = rencanaAksiSheet(first, recogniseWorkbook(first)).spec;
  const source = pkWorkbook(next);
  const snapshot = { sheets: [...source.sheets, asSheet(spec, typed)] };
  const again = rencanaAksiSheet(snapshot, recogniseWorkbook(snapshot), options);
  const at = (address: string) => again.spec.cells.find((c) => cellAddress(c.row, c.col) === address);
  return { ...again, at };
}

test("reordered indicators: each row's realisasi and keterangan follow its indicator, by sasaran where the text repeats", () => {
  // Rows 9–11 hold the three indicators in order; R–U are Realisasi TW I–IV, Z Keterangan.
  const { carryOver, at, spec } = regenerate({ R9: 25, S10: 3, T11: 2, Z11: "data Dinas Sosial" }, [IND[2], IND[0], IND[1]]);
  expect(spec.replaces).toBe(true);
  expect(carryOver.unmatched).toBe(0);
  expect(carryOver.messages).toEqual([{ code: "carry-over-done", params: { sheet: spec.name, indicators: 3, cells: 4 } }]);
  expect(at("C9")!.value).toBe(IND[2][1]);
  expect([at("T9")!.value, at("Z9")!.value]).toEqual([2, "data Dinas Sosial"]); // perlindungan anak's, from row 11
  expect(at("R10")!.value).toBe(25);
  expect(at("S11")!.value).toBe(3);
  expect(phrase(carryOver.messages[0], "id")).toContain("3 indikator (4 sel) dibawa ke lembar baru menurut indikatornya");
});

test("a Pola Target chosen by hand is kept and re-phases the TW targets; a choice made now in the pane wins", () => {
  // "Jumlah laporan kinerja", 12 Dokumen: split by default (3 a quarter); the user made it "Tetap".
  const kept = regenerate({ F10: "Tetap" });
  expect(kept.at("F10")!.value).toBe("Tetap");
  expect([6, 7, 8, 9].map((c) => kept.at(cellAddress(9, c))!.value)).toEqual([12, 12, 12, 12]);
  expect(kept.phasings[1]).toMatchObject({ phasing: "flat", reason: { code: "phasing-carried" } });
  expect(phrase(kept.phasings[1].reason, "id")).toBe("dari lembar sebelumnya");
  expect(kept.carryOver.messages[0].params).toMatchObject({ indicators: 1, cells: 1 });
  const now = regenerate({ F10: "Tetap" }, IND, { phasing: "ramp" });
  expect(now.at("F10")!.value).toBe("Kumulatif");
  // The default Pola Target of the other rows is the generator's own: not "carried".
  expect(regenerate({ F9: kept.at("F9")!.value as string }).carryOver.messages).toEqual([]);
});

test("an indicator gone from the source with realisasi typed: listed, so the pane asks before replacing", () => {
  const { carryOver, spec } = regenerate({ R9: 25, R10: 4, Z11: "catatan" }, [IND[0], IND[2]]);
  expect(carryOver.unmatched).toBe(1);
  expect(carryOver.messages[1]).toEqual({ code: "carry-over-unmatched", params: { at: { sheet: spec.name, row: 9, col: 2 }, indicator: IND[1][1], what: ["realisasi"] } });
  expect(phrase(carryOver.messages[1], "en")).toBe(`'${spec.name}'!C10: indicator "${IND[1][1]}" is no longer in the source; the realisasi typed there is not carried (it stays in the earlier sheet, kept hidden).`);
});

test("a realisasi formula stays a formula where its row stays; where the row moves it is listed, not moved", () => {
  const same = regenerate({ R9: "='Tabel 2.3'!E4*0.5" });
  expect(same.at("R9")).toMatchObject({ formula: "='Tabel 2.3'!E4*0.5" });
  const moved = regenerate({ R9: "=R10+1" }, [IND[1], IND[0], IND[2]]);
  expect(moved.at("R10")!.formula).toBeUndefined();
  expect(moved.carryOver.messages.map((m) => m.code)).toEqual(["carry-over-formula-moved"]);
  expect(moved.carryOver.unmatched).toBe(1);
});

test("an earlier sheet whose columns are not the generator's is not guessed at", () => {
  const first = pkWorkbook(IND);
  const spec = rencanaAksiSheet(first, recogniseWorkbook(first)).spec;
  const old = asSheet(spec, { R9: 25 });
  old.values[4][17] = "Realisasi"; // a header the user retitled
  const snapshot = { sheets: [...first.sheets, old] };
  const again = rencanaAksiSheet(snapshot, recogniseWorkbook(snapshot));
  expect(again.carryOver.messages.map((m) => m.code)).toEqual(["carry-over-layout-unknown"]);
  expect(again.carryOver.unmatched).toBe(1);
  expect(again.spec.cells.find((c) => c.row === 8 && c.col === 17)!.value).toBeNull();
});

test("realisasi of an indicator whose sasaran is gone never lands on a namesake under another sasaran", () => {
  // Row 10 (perencanaan) has realisasi; row 11 (perlindungan anak) has the same indicator text and none.
  const { carryOver, at } = regenerate({ R10: 7 }, [IND[0], IND[2]]);
  expect(carryOver.messages.map((m) => m.code)).toEqual(["carry-over-unmatched"]);
  expect(at("R10")!.value).toBeNull();
});

test("a rung typed as realisasi of a categorical indicator is carried as text and its capaian computes by rank", () => {
  const KLA: Indicator = ["Meningkatnya perlindungan anak", "Predikat Kota Layak Anak", "Predikat", "Nindya"];
  // Row 12 holds the KLA indicator; U is Realisasi TW IV, Y its capaian. Regenerated with the KLA indicator first.
  const { carryOver, at, spec } = regenerate({ U12: "Utama", Z12: "SK Menteri PPPA" }, [KLA, ...IND], {}, [...IND, KLA]);
  expect(carryOver.unmatched).toBe(0);
  expect([at("C9")!.value, at("U9")!.value, at("Z9")!.value]).toEqual(["Predikat Kota Layak Anak", "Utama", "SK Menteri PPPA"]);
  expect(at("U9")!.formula).toBeUndefined();
  expect(at("Y9")!.formula).toMatch(/^=IFERROR\(INDEX\(\$AE\$/);
  // The cached result is the rank ratio, and a formula engine computes the same from the sheet's own ladder.
  expect(at("Y9")!.result).toBeCloseTo(400 / 3, 9);
  expect(evaluateSpec(spec).value("Y9")).toBeCloseTo(400 / 3, 6);
});
