/**
 * Categorical ratings written in words ("Wajar Tanpa Pengecualian (WTP)", "Tidak Memberikan Pendapat /
 * Disclaimer", "Kabupaten Layak Anak", "BB (Sangat Baik)") are rungs of their ladder like the short names:
 * the capaian compares ranks, the formula finds the same rank in the legend's list of spellings
 * (evaluated by HyperFormula), and a text the formula could not find is not read as a rung either.
 */
import ExcelJS from "exceljs";
import { snapshotFromWorkbook } from "../src/xlsx/readWorkbook";
import { recogniseWorkbook } from "../src/core/recognise";
import { DEFAULT_FILL, ladderBlocks, planWorkbook } from "../src/core/writePlan";
import { CATEGORICAL_SCALES, ladderNames, parseNumeral } from "../src/core/numerals";
import { evaluatePlan } from "./support/evaluate";

describe("ratings in words are rungs of their ladder", () => {
  test.each([
    ["Wajar Tanpa Pengecualian (WTP)", "opini-bpk", 4],
    ["WTP (Wajar Tanpa Pengecualian)", "opini-bpk", 4],
    ["wajar  tanpa pengecualian", "opini-bpk", 4],
    ["Wajar Dengan Pengecualian", "opini-bpk", 3],
    ["WDP (Wajar Dengan Pengecualian)", "opini-bpk", 3],
    ["Tidak Wajar", "opini-bpk", 2],
    ["Tidak Memberikan Pendapat / Disclaimer", "opini-bpk", 1],
    ["Disclaimer", "opini-bpk", 1],
    ["Tidak Menyatakan Pendapat (TMP)", "opini-bpk", 1],
    ["Utama", "kla", 4],
    ["Kabupaten Layak Anak", "kla", 5],
    ["Kota Layak Anak (KLA)", "kla", 5],
    ["BB (Sangat Baik)", "sakip", 5],
    ["Sangat Memuaskan (AA)", "sakip", 7],
    [" CC ", "sakip", 3],
  ])("%s", (text, scale, rank) => {
    expect(parseNumeral(text)).toMatchObject({ kind: "category", category: { scale, rank } });
  });

  test("common words alone, other texts and a rung split over lines are not rungs", () => {
    for (const t of ["Baik", "Sangat Baik", "Cukup", "Wajar", "Pengecualian", "WTP 2023", "Wajar Tanpa\nPengecualian"]) expect(parseNumeral(t).kind).not.toBe("category");
  });

  test("every spelling is listed once, on one ladder", () => {
    const all = CATEGORICAL_SCALES.flatMap((s) => ladderNames(s).map((n) => n.name.toLowerCase()));
    expect(new Set(all).size).toBe(all.length);
  });
});

describe("capaian of ratings in words, evaluated", () => {
  /** Target and realisasi of each row, the capaian the ranks give (percent). */
  const ROWS: [string, string | number, string | number, number | null][] = [
    ["Opini BPK atas LKPD", "Wajar Tanpa Pengecualian (WTP)", "WTP", 100],
    ["Opini BPK atas laporan BLUD", "WTP", "Wajar Dengan Pengecualian", 75],
    ["Opini BPK atas laporan BUMD", "Wajar Dengan Pengecualian", "Tidak Memberikan Pendapat / Disclaimer", 33.33],
    ["Opini BPK atas laporan yayasan", "Tidak Wajar", "wajar tanpa pengecualian", 200],
    ["Predikat Kabupaten Layak Anak", "Nindya", "Utama", 133.33],
    ["Predikat KLA provinsi", "Utama", "Kabupaten Layak Anak", 125],
    ["Nilai SAKIP", "BB (Sangat Baik)", "A", 120],
    ["Persentase temuan yang ditindaklanjuti", 90, 92.4, 102.67],
    ["Opini dibandingkan dengan KLA", "WTP", "Utama", null],
  ];

  function workbook(origin: { row: number; col: number }): ExcelJS.Workbook {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Tata Kelola");
    const put = (r: number, c: number, v: unknown) => (ws.getCell(origin.row + r, origin.col + c).value = v as ExcelJS.CellValue);
    put(0, 0, "Tabel 3.2 Capaian Indikator Tata Kelola Tahun 2024");
    ["No", "Indikator Kinerja", "Target 2024", "Realisasi 2024", "Capaian (%)"].forEach((h, i) => put(2, i, h));
    ROWS.forEach(([ind, t, r], i) => [i + 1, ind, t, r].forEach((v, c) => put(3 + i, c, v)));
    return wb;
  }

  test.each([
    ["at A1", { row: 1, col: 1 }],
    ["at D5", { row: 5, col: 4 }],
  ])("%s: each capaian is the ranks' ratio, in the plan and in the formula engine", (_, origin) => {
    const snapshot = snapshotFromWorkbook(workbook(origin));
    const plan = planWorkbook(snapshot, recogniseWorkbook(snapshot), DEFAULT_FILL);
    const value = evaluatePlan(snapshot, plan);
    const capCol = String.fromCharCode(64 + origin.col + 4);
    ROWS.forEach(([, , , want], i) => {
      const cell = `${capCol}${origin.row + 3 + i}`;
      const w = plan.writes.find((x) => x.sheet === "Tata Kelola" && x.cell === cell);
      if (want === null) {
        expect(w).toBeUndefined();
        expect(plan.skipped.find((s) => s.cell === cell)?.reason.code).toBe("skip-not-comparable");
        return;
      }
      expect(w?.role).toBe("capaian");
      expect(Number(w!.value)).toBeCloseTo(want, 2);
      expect(Number(value("Tata Kelola", cell))).toBeCloseTo(want, 2);
    });
  });

  test("the legend lists every spelling beside its rank, where the formulas look", () => {
    const snapshot = snapshotFromWorkbook(workbook({ row: 1, col: 1 }));
    const plan = planWorkbook(snapshot, recogniseWorkbook(snapshot), DEFAULT_FILL);
    const at = (cell: string) => plan.legend!.writes.find((w) => w.cell === cell)?.value;
    for (const b of ladderBlocks()) {
      expect(at(`H${b.titleRow}`)).toBe(b.scale.label);
      b.names.forEach((n, i) => {
        expect(at(`H${b.first + i}`)).toBe(n.name);
        expect(at(`I${b.first + i}`)).toBe(n.rank);
      });
    }
    const opini = ladderBlocks().find((b) => b.scale.id === "opini-bpk")!;
    expect(plan.writes.find((w) => w.cell === "E4")?.formula).toBe(
      `=IFERROR(INDEX('Keterangan Rumus'!$I$${opini.first}:$I$${opini.last},MATCH(TRIM(D4),'Keterangan Rumus'!$H$${opini.first}:$H$${opini.last},0))/INDEX('Keterangan Rumus'!$I$${opini.first}:$I$${opini.last},MATCH(TRIM(C4),'Keterangan Rumus'!$H$${opini.first}:$H$${opini.last},0))*100,"")`,
    );
  });
});
