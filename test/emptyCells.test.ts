/**
 * Empty means empty: a cell of spaces, a formula showing "", a zero-length text (a lone apostrophe) look
 * blank but are content. The write plan (the CLI's path, read by ExcelJS) and the Office.js adapter (the
 * pane's path, on the fake host) never write into them without the user's consent, say so, and a stale scan
 * is refused naming the cell — then a fresh scan lets the write proceed.
 */
import ExcelJS from "exceljs";
import { snapshotFromWorkbook } from "../src/xlsx/readWorkbook";
import { recogniseWorkbook } from "../src/core/recognise";
import { DEFAULT_FILL, planWorkbook, WritePlan } from "../src/core/writePlan";
import { Grid, WorkbookSnapshot } from "../src/core/grid";
import { phrase } from "../src/i18n";
import { excelWorkbook } from "../src/excel/workbook";
import { WriteBlocked } from "../src/excel/applyPlan";
import { installFakeOffice } from "./support/fakeOffice";

/**
 * A capaian table: F2 holds spaces, F3 a formula showing "", F4 a zero-length text, F5 is truly empty; G3
 * (where a predikat column would be appended) holds a single space.
 */
async function blankLookingCells(): Promise<WorkbookSnapshot> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Tabel 3.1");
  ws.getRow(1).values = ["No", "Indikator", "Satuan", "Target", "Realisasi", "Capaian (%)"];
  ws.getRow(2).values = [1, "Persentase dokumen tepat waktu", "%", 100, 95, "   "];
  ws.getRow(3).values = [2, "Persentase program selaras", "%", 80, 60, null, " "];
  ws.getCell("F3").value = { formula: 'IF(E3="","",E3/D3*100)', result: "" } as ExcelJS.CellFormulaValue;
  ws.getRow(4).values = [3, "Persentase laporan lengkap", "%", 90, 90, ""];
  ws.getRow(5).values = [4, "Persentase aduan selesai", "%", 100, 80, null];
  // Through a file, as the CLI reads it.
  const read = new ExcelJS.Workbook();
  await read.xlsx.load(await wb.xlsx.writeBuffer());
  return snapshotFromWorkbook(read);
}

const writtenCells = (plan: WritePlan) => plan.writes.map((w) => `${w.sheet}!${w.cell}`);

describe("Grid: blank for reading, vacant for writing", () => {
  test("spaces, a formula showing \"\" and a zero-length text are blank to read but not vacant", async () => {
    const g = new Grid((await blankLookingCells()).sheets[0]);
    const at = (a: string) => [parseInt(a.slice(1), 10) - 1, a.charCodeAt(0) - 65] as const;
    for (const cell of ["F2", "F3", "F4", "G3"]) expect([cell, g.isBlank(...at(cell)), g.isVacant(...at(cell))]).toEqual([cell, true, false]);
    expect([g.isBlank(...at("F5")), g.isVacant(...at("F5"))]).toEqual([true, true]);
    expect([g.isBlank(...at("E5")), g.isVacant(...at("E5"))]).toEqual([false, false]);
  });
});

describe("the write plan (CLI path)", () => {
  test("fills only the truly empty cell; the others are skipped with what they hold; no column is appended over a space", async () => {
    const snapshot = await blankLookingCells();
    const plan = planWorkbook(snapshot, recogniseWorkbook(snapshot));
    expect(writtenCells(plan).filter((c) => c.startsWith("Tabel 3.1!F"))).toEqual(["Tabel 3.1!F5"]);
    const reason = (cell: string) => phrase(plan.skipped.find((s) => s.cell === cell)!.reason, "en");
    expect(reason("F2")).toBe("looks empty but holds 3 space(s); not overwritten (clear the cell, or choose overwrite)");
    expect(reason("F3")).toMatch(/^already holds a formula \(=IF\(E3="","",E3\/D3\*100\)\)/);
    expect(reason("F4")).toBe("looks empty but holds an empty text (a lone apostrophe); not overwritten (clear the cell, or choose overwrite)");
    expect(reason("G3")).toMatch(/^column G is not empty next to .* \(the cell holds 1 space\(s\)\); no Rating \(predikat\) column appended$/);
    expect(plan.appended).toEqual([]);
    expect(writtenCells(plan).some((c) => c.startsWith("Tabel 3.1!G"))).toBe(false);
  });

  test("with the user's consent (overwrite) the blank-looking cells are written", async () => {
    const snapshot = await blankLookingCells();
    const plan = planWorkbook(snapshot, recogniseWorkbook(snapshot), { ...DEFAULT_FILL, overwrite: true });
    expect(writtenCells(plan).filter((c) => c.startsWith("Tabel 3.1!F"))).toEqual(["Tabel 3.1!F2", "Tabel 3.1!F3", "Tabel 3.1!F4", "Tabel 3.1!F5"]);
  });
});

describe("the Office.js adapter (pane path)", () => {
  async function scanAndPlan() {
    const scan = await excelWorkbook.scan();
    return { scan, plan: planWorkbook(scan.snapshot, scan.analysis) };
  }
  /** The fake host over the workbook; it holds no zero-length text from a snapshot, so F4's apostrophe is typed, as a user would. */
  async function host() {
    const state = installFakeOffice(globalThis, await blankLookingCells());
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Tabel 3.1").getRange("F4").formulas = [["'"]];
      await ctx.sync();
    });
    return state;
  }

  test("the scan sees the blank-looking cells; the write leaves them alone and is not refused", async () => {
    const state = await host();
    const { scan, plan } = await scanAndPlan();
    expect(new Grid(scan.snapshot.sheets[0]).isVacant(3, 5)).toBe(false);
    expect(writtenCells(plan).filter((c) => c.startsWith("Tabel 3.1!F"))).toEqual(["Tabel 3.1!F5"]);
    await excelWorkbook.write({ ...plan, scanned: scan.snapshot });
    expect(state.cell("Tabel 3.1", "F2")).toMatchObject({ value: "   ", formula: null });
    expect(state.cell("Tabel 3.1", "F3").formula).toBe('=IF(E3="","",E3/D3*100)');
    expect(state.cell("Tabel 3.1", "F4")).toMatchObject({ value: "", formula: null });
    expect(state.cell("Tabel 3.1", "G3").value).toBe(" ");
    expect(state.cell("Tabel 3.1", "F5").formula).toMatch(/^=IF\(/);
  });

  test("a cell typed into since the scan: refused naming the cell and both contents; a fresh scan proceeds", async () => {
    const state = await host();
    const stale = await scanAndPlan();
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Tabel 3.1").getRange("F5").formulas = [["  "]];
      await ctx.sync();
    });
    const e = (await excelWorkbook.write({ ...stale.plan, scanned: stale.scan.snapshot }).catch((x) => x)) as WriteBlocked;
    expect(e).toBeInstanceOf(WriteBlocked);
    expect([e.sheet, e.cell]).toEqual(["Tabel 3.1", "F5"]);
    expect(phrase(e.detail, "id")).toBe("'Tabel 3.1'!F5 berubah sejak pemindaian (tadinya kosong, sekarang 2 spasi); pindai ulang. Tidak ada yang ditulis.");
    expect(e.message).toBe("'Tabel 3.1'!F5 changed since the scan (it was empty, now 2 space(s)); scan again. Nothing was written.");
    expect(state.sheetNames()).not.toContain("Keterangan Rumus");

    const fresh = await scanAndPlan();
    expect(writtenCells(fresh.plan).filter((c) => c.startsWith("Tabel 3.1!F"))).toEqual([]);
    await excelWorkbook.write({ ...fresh.plan, scanned: fresh.scan.snapshot });
    expect(state.cell("Tabel 3.1", "F5").value).toBe("  ");
    // Nothing left to write, so no legend either (it documents the formulas written; a rerun adds nothing).
    expect(fresh.plan.legend).toBeNull();
    expect(state.sheetNames()).not.toContain("Keterangan Rumus");
  });

  test("with overwrite, a cell changed since the scan is still refused: the consent was for what the scan showed", async () => {
    await host();
    const scan = await excelWorkbook.scan();
    const plan = planWorkbook(scan.snapshot, scan.analysis, { ...DEFAULT_FILL, overwrite: true });
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Tabel 3.1").getRange("F2").formulas = [[88]];
      await ctx.sync();
    });
    const e = (await excelWorkbook.write({ ...plan, overwrite: true, scanned: scan.snapshot }).catch((x) => x)) as WriteBlocked;
    expect(e.detail).toEqual({ code: "cell-changed-since-scan", params: { at: { sheet: "Tabel 3.1", row: 1, col: 5 }, before: "   ", now: "88" } });
  });
});
