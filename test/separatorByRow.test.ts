/**
 * A lone separator in a number pasted as text ("1.340") that its column cannot decide is read from its
 * row: a count (satuan Orang, Kunjungan…) has no decimals, and a realisasi is of the size of its target.
 * The reading is a conversion listed cell by cell with its reason (and a note on the cell), the capaian is
 * written on the row, evaluated by HyperFormula; a row that says nothing, or contradicts itself, stays
 * ambiguous and is reported as before.
 */
import ExcelJS from "exceljs";
import { snapshotFromWorkbook } from "../src/xlsx/readWorkbook";
import { recogniseWorkbook } from "../src/core/recognise";
import { DEFAULT_FILL, planWorkbook } from "../src/core/writePlan";
import { resolveColumnNumerals } from "../src/core/numerals";
import { phrase } from "../src/i18n";
import { evaluatePlan } from "./support/evaluate";

describe("a lone separator read from its row", () => {
  const column = (texts: (string | number)[], rows: { partner?: number; unit?: string }[]) => resolveColumnNumerals(texts.map((value) => ({ value })), { rows });

  test("a count has no decimals; a figure is of the size of its partner", () => {
    const r = column(["1.340", "1.187", "1.250", "2,500"], [{ unit: "Orang" }, { partner: 1250, unit: "Ha" }, { partner: 1.2, unit: "Indeks" }, { partner: 2.4 }]);
    expect(r.values).toEqual([1340, 1187, 1.25, 2.5]);
    expect(r.unresolved).toEqual([]);
    expect(r.byRow.map((x) => [x.index, x.asGrouping, x.basis])).toEqual([[0, true, ["whole"]], [1, true, ["partner"]], [2, false, ["partner"]], [3, false, ["partner"]]]);
  });

  test("a unit in the cell counts too", () => {
    expect(column(["1.340 orang"], [{}]).values).toEqual([1340]);
  });

  test("a row that says nothing, or contradicts itself, leaves it open", () => {
    const r = column(["1.340", "1.340", "1.340"], [{ unit: "Indeks" }, { partner: 1.3, unit: "Orang" }, { partner: 50000 }]);
    expect(r.values).toEqual([undefined, undefined, undefined]);
    expect(r.unresolved).toEqual([0, 1, 2]);
  });

  test("the column's own convention comes first", () => {
    const r = column(["1.340", "12,5"], [{ partner: 1.3 }, {}]);
    expect(r.values).toEqual([1340, 12.5]);
    expect(r.byRow).toEqual([]);
  });
});

describe("counts pasted as text with a lone thousands dot get their capaian", () => {
  test.each([
    ["at A2, satuan column", { row: 2, col: 1 }],
    ["at C5", { row: 5, col: 3 }],
  ])("%s", (_, at) => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("IKK");
    const rows: (string | number)[][] = [
      ["No", "Indikator Kegiatan", "Satuan", "Target", "Realisasi", "Capaian (%)"],
      [1, "Jumlah peserta pelatihan kerja", "Orang", 1250, "1.340"],
      [2, "Luas lahan sawah yang terairi", "Ha", 1250, "1.187"],
      [3, "Indeks kepuasan masyarakat", "Indeks", 1.2, "1.250"],
      [4, "Jumlah UMKM yang dibina", "UMKM", 150, 163],
    ];
    rows.forEach((r, i) => r.forEach((v, c) => (ws.getCell(at.row + i, at.col + c).value = v)));
    const s = snapshotFromWorkbook(wb);
    const plan = planWorkbook(s, recogniseWorkbook(s), DEFAULT_FILL);
    const value = evaluatePlan(s, plan);
    const cell = (dr: number, dc: number) => `${String.fromCharCode(64 + at.col + dc)}${at.row + dr}`;
    const conv = plan.textNumbers.map((t) => [t.cell, t.value, t.numberFormat, t.applied]);
    expect(conv).toEqual([[cell(1, 4), 1340, "#,##0", true], [cell(2, 4), 1187, "#,##0", true], [cell(3, 4), 1.25, "#,##0.000", true]]);
    expect(phrase(plan.textNumbers[0].reason!, "en")).toBe(`IKK!${cell(1, 4)} "1.340" read as 1,340 (the point groups thousands), because its unit Orang counts whole things and the figure it is compared with in IKK!${cell(1, 3)} is 1,250`);
    expect(plan.notes.some((n) => n.cell === cell(2, 4) && /1\.187/.test(n.text))).toBe(true);
    [107.2, 94.96, 104.17, 108.67].forEach((want, i) => {
      const w = plan.writes.find((x) => x.cell === cell(1 + i, 5))!;
      expect(w.role).toBe("capaian");
      expect(Number(value("IKK", w.cell))).toBeCloseTo(want, 2);
      expect(Number(w.value)).toBeCloseTo(want, 2);
    });
  });
});
