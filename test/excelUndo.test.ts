/**
 * Undo that respects the user, on the fake Excel host: "Batalkan" and un-highlighting put a cell back only
 * while it still holds what the add-in put there (the user's later edits survive and are listed); a write or
 * a generation that fails partway takes itself back (or hands over its undo record); regenerating the
 * Rencana Aksi keeps the typed realisasi; a selected chart or shape does not make a write fail.
 */
import * as path from "path";
import ExcelJS from "exceljs";
import { readWorkbookFile, snapshotFromWorkbook } from "../src/xlsx/readWorkbook";
import { DEFAULT_FILL, planWorkbook, WritePlan } from "../src/core/writePlan";
import { recogniseWorkbook } from "../src/core/recognise";
import { auditWorkbook, highlightWrites, HIGHLIGHT_FILL } from "../src/core/audit";
import { rencanaAksiSheet } from "../src/core/rencanaAksi";
import { backupName } from "../src/core/sheetSpec";
import { cellAddress, parseCellAddress, WorkbookSnapshot } from "../src/core/grid";
import { phrase } from "../src/i18n";
import { excelWorkbook } from "../src/excel/workbook";
import { UndoRecord, WriteFailed } from "../src/excel/applyPlan";
import type { SheetUndo } from "../src/excel/applySheet";
import { FakeCell, FakeOfficeState, installFakeOffice } from "./support/fakeOffice";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { buildBigWorkbook } = require("../bench/bigWorkbook");

const fixture = (f: string) => readWorkbookFile(path.join(__dirname, "fixtures/xlsx", f));

/** What the user does in Excel between the add-in's actions. */
const user = {
  type: (sheet: string, cell: string, input: string | number) =>
    Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem(sheet).getRange(cell).formulas = [[input]];
      await ctx.sync();
    }),
  fill: (sheet: string, cell: string, color: string) =>
    Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem(sheet).getRange(cell).format.fill.color = color;
      await ctx.sync();
    }),
};

/** Every cell of the snapshot's used ranges (and the extra cells), as the fake host holds them. */
function dump(state: FakeOfficeState, snapshot: WorkbookSnapshot, extra: { sheet: string; cell: string }[] = []): Record<string, FakeCell> {
  const out: Record<string, FakeCell> = {};
  for (const s of snapshot.sheets) s.values.forEach((row, r) => row.forEach((_, c) => (out[`${s.name}!${cellAddress(s.top + r, s.left + c)}`] = state.cell(s.name, cellAddress(s.top + r, s.left + c)))));
  for (const e of extra) out[`${e.sheet}!${e.cell}`] = state.cell(e.sheet, e.cell);
  return out;
}

async function scanned(snapshot: WorkbookSnapshot) {
  const state = installFakeOffice(globalThis, snapshot);
  const scan = await excelWorkbook.scan();
  return { state, scan, plan: planWorkbook(scan.snapshot, scan.analysis, DEFAULT_FILL) };
}

describe("Batalkan keeps what the user changed since the write", () => {
  test("a value typed over a written formula survives undo and is listed; every other cell comes back", async () => {
    const snapshot = await fixture("serang-typed.xlsx");
    const { state, scan, plan } = await scanned(snapshot);
    const touched = plan.writes.map((w) => ({ sheet: w.sheet, cell: w.cell }));
    const before = dump(state, snapshot, touched);
    const record = await excelWorkbook.write({ ...plan, scanned: scan.snapshot });
    const [typedOver, cleared] = plan.writes.filter((w) => w.role === "capaian");
    await user.type(typedOver.sheet, typedOver.cell, 97.5);
    await user.type(cleared.sheet, cleared.cell, ""); // cleared by the user: back to how it was anyway

    const result = await excelWorkbook.undo(record);
    expect(state.cell(typedOver.sheet, typedOver.cell)).toMatchObject({ value: 97.5, formula: null });
    const at = parseCellAddress(typedOver.cell);
    expect(result.kept).toEqual([{ code: "undo-cell-kept", params: { at: { sheet: typedOver.sheet, ...at }, now: "97.5" } }]);
    expect(phrase(result.kept[0], "id")).toBe(`'${typedOver.sheet}'!${typedOver.cell} diubah sejak ditulis add-in (sekarang "97.5"); dibiarkan seperti isian Anda.`);
    const after = dump(state, snapshot, touched);
    for (const [k, v] of Object.entries(before)) if (k !== `${typedOver.sheet}!${typedOver.cell}`) expect([k, after[k]]).toEqual([k, v]);
    expect(state.sheetNames()).not.toContain("Keterangan Rumus");
    expect(result.restored).toBe(plan.writes.length - 2); // all but the typed and the cleared cell (already as before)
  });

  test("the legend sheet typed into is kept, the table cells still come back", async () => {
    const snapshot = await fixture("serang-typed.xlsx");
    const { state, plan } = await scanned(snapshot);
    const record = await excelWorkbook.write(plan);
    await user.type("Keterangan Rumus", "F2", "catatan saya");
    const result = await excelWorkbook.undo(record);
    expect(state.sheetNames()).toContain("Keterangan Rumus");
    expect(state.cell("Keterangan Rumus", "F2").value).toBe("catatan saya");
    expect(result.kept.map((m) => m.code)).toEqual(["undo-sheet-kept"]);
    for (const w of plan.writes.filter((x) => x.formula)) expect(state.cell(w.sheet, w.cell).formula).toBeNull();
  });

  test("a note edited since the write stays; the others are removed", async () => {
    const snapshot = await fixture("serang-typed.xlsx");
    const { state, plan } = await scanned(snapshot);
    const record = await excelWorkbook.write(plan);
    const [edited, ...others] = record.notes;
    state.notes[`${edited.sheet}!${edited.cell}`] = "Dicek oleh Inspektorat";
    const result = await excelWorkbook.undo(record);
    expect(state.notes).toEqual({ [`${edited.sheet}!${edited.cell}`]: "Dicek oleh Inspektorat" });
    expect(others.length).toBeGreaterThan(0);
    expect(result.kept.map((m) => m.code)).toEqual(["undo-note-kept"]);
  });
});

describe("un-highlighting keeps the user's corrections", () => {
  /** Two typed capaian values that do not match realisasi / target: two findings. */
  function twoWrongCapaian(): WorkbookSnapshot {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Tabel 3.1");
    ws.getRow(1).values = ["No", "Indikator", "Satuan", "Target", "Realisasi", "Capaian (%)"];
    ws.getRow(2).values = [1, "Persentase dokumen tepat waktu", "%", 100, 95, 96];
    ws.getRow(3).values = [2, "Persentase program selaras", "%", 80, 60, 70];
    ws.getRow(4).values = [3, "Persentase laporan lengkap", "%", 90, 90, 100];
    return snapshotFromWorkbook(wb);
  }

  test("a corrected value stays, its fill goes; a fill the user recoloured stays and is listed", async () => {
    const snapshot = twoWrongCapaian();
    const { state, scan } = await scanned(snapshot);
    const findings = auditWorkbook(scan.snapshot, scan.analysis);
    expect(findings.map((f) => f.cell)).toEqual(["F2", "F3"]);
    const record = await excelWorkbook.write({ writes: highlightWrites(findings), appended: [], legend: null, overwrite: true });
    expect([state.cell("Tabel 3.1", "F2").fill, state.cell("Tabel 3.1", "F3").fill]).toEqual([HIGHLIGHT_FILL, HIGHLIGHT_FILL]);
    await user.type("Tabel 3.1", "F2", 95); // the auditor's finding, corrected by hand
    await user.fill("Tabel 3.1", "F3", "#FFFF00"); // marked for a colleague

    const result = await excelWorkbook.undo(record);
    expect(state.cell("Tabel 3.1", "F2")).toMatchObject({ value: 95, fill: null });
    expect(state.cell("Tabel 3.1", "F3")).toMatchObject({ value: 70, fill: "#FFFF00" });
    expect(result.kept).toEqual([{ code: "undo-fill-kept", params: { at: { sheet: "Tabel 3.1", row: 2, col: 5 } } }]);
  });
});

describe("a write that fails partway", () => {
  // A 1,200-row Renja table: over 10,000 cells to write, so two batches at least. Planned once from the
  // snapshot the fake host starts from (what a scan of it gives), to keep the tests quick.
  let snapshot: WorkbookSnapshot;
  let plan: WritePlan;
  let touched: { sheet: string; cell: string }[];
  beforeAll(() => {
    snapshot = snapshotFromWorkbook(buildBigWorkbook(1, 1200) as ExcelJS.Workbook);
    plan = planWorkbook(snapshot, recogniseWorkbook(snapshot), { ...DEFAULT_FILL, convertText: true });
    touched = plan.writes.map((w) => ({ sheet: w.sheet, cell: w.cell }));
  });

  test("the second batch fails: the first is taken back, and the error says so", async () => {
    const state = installFakeOffice(globalThis, snapshot);
    const total = touched.length + plan.legend!.writes.length;
    expect(total).toBeGreaterThan(10_000); // two batches at least
    const before = dump(state, snapshot, touched);
    state.failSync({ after: 2 }); // the read and the first batch go through; the second batch half-applies and fails

    const e = (await excelWorkbook.write({ ...plan, scanned: snapshot }).catch((x) => x)) as WriteFailed;
    expect(e).toBeInstanceOf(WriteFailed);
    expect([e.rolledBack, e.undo, e.undone!.kept]).toEqual([true, null, []]);
    expect(e.detail).toEqual({ code: "write-rolled-back", params: { cause: "GeneralException", total, done: 10_000 } });
    expect(phrase(e.detail, "id")).toBe(`Excel menolak di tengah jalan, setelah 10.000 dari ${total.toLocaleString("id-ID")} sel (GeneralException); yang sudah ditulis telah dikembalikan seperti semula.`);
    expect(dump(state, snapshot, touched)).toEqual(before);
    expect(state.sheetNames()).toEqual(snapshot.sheets.map((s) => s.name));
    expect(state.merges(snapshot.sheets[0].name).length).toBe(snapshot.sheets[0].merges.length);
  });

  test("when taking back fails too, the record comes with the error and Batalkan later restores everything", async () => {
    const state = installFakeOffice(globalThis, snapshot);
    const before = dump(state, snapshot, touched);
    state.failSync({ after: 2, times: 2 }); // Excel stays busy through the attempt to take it back

    const e = (await excelWorkbook.write(plan).catch((x) => x)) as WriteFailed;
    expect([e.rolledBack, e.detail.code]).toEqual([false, "write-not-rolled-back"]);
    expect(phrase(e.detail, "id")).toContain('klik "Batalkan"');
    const result = await excelWorkbook.undo(e.undo as UndoRecord);
    expect(result.kept).toEqual([]);
    expect(dump(state, snapshot, touched)).toEqual(before);
    expect(state.sheetNames()).toEqual(snapshot.sheets.map((s) => s.name));
  });
});

describe("generated sheets", () => {
  let snapshot: WorkbookSnapshot;
  beforeAll(async () => {
    snapshot = await fixture("serang-typed.xlsx");
  });

  async function generateRa(options: Parameters<typeof rencanaAksiSheet>[2] = {}) {
    const scan = await excelWorkbook.scan();
    const ra = rencanaAksiSheet(scan.snapshot, scan.analysis, options);
    return { ...ra, undo: await excelWorkbook.generate(ra.spec) };
  }

  test("a generation that fails partway leaves no partial sheet and brings both earlier sheets back", async () => {
    const state = installFakeOffice(globalThis, snapshot);
    const first = await generateRa({ phasing: "akhir" });
    const second = await generateRa({ phasing: "split" });
    const name = first.spec.name;
    expect(state.sheetNames().filter((n) => n.startsWith("Rencana Aksi"))).toEqual([backupName(name), name]);
    const names = state.sheetNames();
    const merges = state.merges(name);
    const scan = await excelWorkbook.scan();
    const third = rencanaAksiSheet(scan.snapshot, scan.analysis, { phasing: "flat" }).spec;
    state.failSync({ after: 2 }); // the names and the contents go through; the layout half-applies and fails

    const e = (await excelWorkbook.generate(third).catch((x) => x)) as WriteFailed<SheetUndo>;
    expect(e).toBeInstanceOf(WriteFailed);
    expect(e.detail).toEqual({ code: "generate-rolled-back", params: { sheet: name, cause: "GeneralException", restored: name } });
    expect(state.sheetNames()).toEqual(names);
    expect([state.visibility(name), state.visibility(backupName(name))]).toEqual(["Visible", "Hidden"]);
    expect(state.cell(name, "F9").value).toBe("Dibagi"); // the second generation, as it was
    expect(state.cell(backupName(name), "F9").value).toBe("Akhir tahun"); // the first, still kept hidden
    expect(state.merges(name)).toEqual(merges);
    expect(second.undo.replaced?.backup).toBe(backupName(name));
  });

  test("regenerating the Rencana Aksi keeps the typed realisasi, pola target and keterangan, by indicator", async () => {
    const state = installFakeOffice(globalThis, snapshot);
    const first = await generateRa();
    const name = first.spec.name;
    // Row 9 and 10 are the first two indicators; R–U are Realisasi TW I–IV, F Pola Target, Z Keterangan.
    await user.type(name, "R9", 25);
    await user.type(name, "S9", 50.5);
    await user.type(name, "F9", "Dibagi");
    await user.type(name, "Z10", "data dari Dinkes");
    const indicator = state.cell(name, "C9").value;

    const second = await generateRa();
    expect(second.carryOver.unmatched).toBe(0);
    expect(second.carryOver.messages).toEqual([{ code: "carry-over-done", params: { sheet: name, indicators: 2, cells: 4 } }]);
    expect(state.cell(name, "C9").value).toBe(indicator);
    expect([state.cell(name, "R9").value, state.cell(name, "S9").value, state.cell(name, "T9").value]).toEqual([25, 50.5, null]);
    expect(state.cell(name, "F9").value).toBe("Dibagi");
    expect(second.phasings[0]).toMatchObject({ phasing: "split", reason: { code: "phasing-carried" } });
    expect(state.cell(name, "Z10").value).toBe("data dari Dinkes");
  });

  test("Batalkan after realisasi was typed into the generated sheet keeps the sheet and says which cell", async () => {
    const state = installFakeOffice(globalThis, snapshot);
    const { spec, undo } = await generateRa();
    await user.type(spec.name, "R9", 40);
    const result = await excelWorkbook.undoGenerate(undo);
    expect(state.sheetNames()).toContain(spec.name);
    expect(state.cell(spec.name, "R9").value).toBe(40);
    expect(result.kept).toEqual([{ code: "undo-sheet-kept", params: { sheet: spec.name, cells: [{ sheet: spec.name, row: 8, col: 17 }], more: 0 } }]);
  });
});

describe("a chart or shape selected while writing", () => {
  test("a selected chart: the merges still happen, the chart is selected again, and the user is told", async () => {
    const snapshot = await fixture("bekasi-typed.xlsx");
    const { state, plan } = await scanned(snapshot);
    const merged = plan.appended.filter((a) => a.merge);
    expect(merged.length).toBeGreaterThan(0);
    state.selectedObject = { sheet: plan.writes[0].sheet, kind: "chart", name: "Grafik Capaian" };
    const record = await excelWorkbook.write(plan);
    for (const a of merged) expect(state.merges(a.sheet)).toContain(a.merge);
    expect(state.selectedObject).toEqual({ sheet: plan.writes[0].sheet, kind: "chart", name: "Grafik Capaian" });
    expect(record.notices.map((m) => m.code)).toEqual(["selection-moved"]);
    expect(record.notices[0].params.chart).toBe("Grafik Capaian");
    await excelWorkbook.undo(record);
    for (const a of merged) expect(state.merges(a.sheet)).not.toContain(a.merge);
  });

  test("a selected shape: A1 of the active sheet is selected instead; a generated sheet merges too", async () => {
    const snapshot = await fixture("bekasi-typed.xlsx");
    const { state, scan, plan } = await scanned(snapshot);
    const sheet = plan.writes[0].sheet;
    state.activated = sheet;
    state.selectedObject = { sheet, kind: "shape", name: "Logo" };
    const record = await excelWorkbook.write(plan);
    expect(record.notices[0]).toEqual({ code: "selection-moved", params: { sheet, chart: null } });
    expect(state.selected).toEqual({ sheet, address: "A1" });

    state.selectedObject = { sheet, kind: "chart", name: "Grafik" };
    const { spec } = rencanaAksiSheet(scan.snapshot, scan.analysis);
    await excelWorkbook.generate(spec);
    expect(state.merges(spec.name).sort()).toEqual([...spec.merges].sort());
  });
});
