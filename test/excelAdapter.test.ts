import * as path from "path";
import ExcelJS from "exceljs";
import { readWorkbookFile, snapshotFromWorkbook } from "../src/xlsx/readWorkbook";
import { recogniseWorkbook, tableRange } from "../src/core/recognise";
import { excelWorkbook } from "../src/excel/workbook";
import { FakeOfficeState, installFakeOffice } from "./support/fakeOffice";
import type { WorkbookSnapshot } from "../src/core/grid";
import { FIRST_BLOCK_CELLS } from "../src/excel/snapshot";

describe("the Office.js adapter against a fake Excel host backed by an xlsx fixture", () => {
  // One sheet of 40 tables; 19 sheets; 7,766 rows (108,724 cells); and a workbook whose first sheet is empty.
  const WORKBOOKS: [string, () => Promise<WorkbookSnapshot>][] = [
    ...["xlsx/bekasi-bab3-blank.xlsx", "xlsx/serang-typed.xlsx", "workbooks/nomenklatur-subkegiatan.xlsx"].map((f): [string, () => Promise<WorkbookSnapshot>] => [path.basename(f), () => readWorkbookFile(path.join(__dirname, "fixtures", f))]),
    ["a workbook whose first sheet is empty", async () => {
      const withEmptySheet = new ExcelJS.Workbook();
      withEmptySheet.addWorksheet("Kosong");
      const table = withEmptySheet.addWorksheet("Tabel 3.1");
      table.getRow(1).values = ["No", "Indikator", "Target", "Realisasi", "Capaian (%)"];
      table.getRow(2).values = [1, "Persentase dokumen tepat waktu", 100, 95, null];
      return snapshotFromWorkbook(withEmptySheet);
    }],
  ];
  // Per workbook: the file read once (beforeAll), the scan once (by whichever of its two tests runs first),
  // so that neither test needs 10 s on a busy 2-core machine (all four workbooks in one test took 20–48 s).
  describe.each(WORKBOOKS)("%s", (_name, load) => {
    let snapshot: WorkbookSnapshot;
    beforeAll(async () => {
      snapshot = await load();
    });
    let scan: Promise<{ state: FakeOfficeState; viaExcel: Awaited<ReturnType<typeof excelWorkbook.scan>> }> | null = null;
    const scanned = () =>
      (scan ??= (async () => {
        const state = installFakeOffice(globalThis, snapshot);
        return { state, viaExcel: await excelWorkbook.scan() };
      })());

    test("the scan takes 3 syncs up to 8,000 cells and few more above, in one Excel.run, each response under 5 MB", async () => {
      const { state } = await scanned();
      const cells = snapshot.sheets.reduce((n, s) => n + s.values.length * s.values.reduce((w, r) => Math.max(w, r.length), 0), 0);
      if (cells <= FIRST_BLOCK_CELLS) expect(state.syncCount).toBeLessThanOrEqual(3);
      else expect(state.syncCount).toBeLessThanOrEqual(3 + Math.ceil((cells - FIRST_BLOCK_CELLS) / 10_000));
      console.log(`scan of ${cells} cells: ${state.syncCount} syncs, largest response ${(state.maxResponseBytes / 1e6).toFixed(2)} MB`);
      expect(state.maxResponseBytes).toBeLessThan(5 * 1024 * 1024);
      expect(state.runCount).toBe(1);
    });

    test("the scan finds the tables the file reader's snapshot gives", async () => {
      const { viaExcel } = await scanned();
      expect(viaExcel.analysis.sheets.flatMap((x) => x.tables).length).toBeGreaterThan(0);
      const direct = recogniseWorkbook(snapshot);
      expect(viaExcel.analysis.sheets.map((s) => s.tables.map((t) => [tableRange(t), t.family, t.columns.map((c) => c.role).join(",")]))).toEqual(
        direct.sheets.map((s) => s.tables.map((t) => [tableRange(t), t.family, t.columns.map((c) => c.role).join(",")])),
      );
    });
  });

  test("selecting a table activates its sheet and selects its range", async () => {
    const snapshot = await readWorkbookFile(path.join(__dirname, "fixtures/xlsx/serang-typed.xlsx"));
    const state = installFakeOffice(globalThis, snapshot);
    await excelWorkbook.selectRange("serang-3.6", "A1:E42");
    expect(state.activated).toBe("serang-3.6");
    expect(state.selected).toEqual({ sheet: "serang-3.6", address: "A1:E42" });
  });
});
