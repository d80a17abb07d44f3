/**
 * Writing a plan through the Office.js adapter and taking it back, on the fake Excel host: every planned
 * cell lands, nothing else changes, the sync budget (2 + ⌈cells / 10,000⌉) and the 5 MB request limit
 * hold on a 5,000-row table (its scan, write and undo each a test), undo restores values, formulas, number
 * formats, fills, merges and sheets, and protected sheets, changed cells and cell-edit mode stop the write
 * before anything is written.
 */
import * as path from "path";
import ExcelJS from "exceljs";
import { readWorkbookFile, snapshotFromWorkbook } from "../src/xlsx/readWorkbook";
import { planWorkbook, DEFAULT_FILL, WritePlan } from "../src/core/writePlan";
import { auditWorkbook, highlightWrites, HIGHLIGHT_FILL } from "../src/core/audit";
import { DEFAULT_CHOICES, CHOICES_SETTING } from "../src/core/choices";
import type { WorkbookSnapshot } from "../src/core/grid";
import { describeOfficeError, excelWorkbook } from "../src/excel/workbook";
import { WriteBlocked } from "../src/excel/applyPlan";
import { FakeCell, FakeOfficeState, installFakeOffice } from "./support/fakeOffice";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { buildBigWorkbook } = require("../bench/bigWorkbook");

// Each fixture read once per file (the fake host copies what it needs; no test changes a snapshot).
const read = new Map<string, Promise<WorkbookSnapshot>>();
const fixture = (f: string) => read.get(f) ?? read.set(f, readWorkbookFile(path.join(__dirname, "fixtures/xlsx", f))).get(f)!;

/** Every non-empty cell of every sheet, as the fake host holds it. */
function dump(state: FakeOfficeState, snapshot: WorkbookSnapshot, extra: { sheet: string; cell: string }[] = []): Record<string, FakeCell> {
  const out: Record<string, FakeCell> = {};
  const cells = new Set<string>();
  for (const s of snapshot.sheets)
    s.values.forEach((row, r) => row.forEach((_, c) => cells.add(`${s.name}!${String.fromCharCode(0)}${s.top + r},${s.left + c}`)));
  for (const k of cells) {
    const [sheet, rc] = k.split(`!${String.fromCharCode(0)}`);
    const [r, c] = rc.split(",").map(Number);
    const address = `${colLetter(c)}${r + 1}`;
    out[`${sheet}!${address}`] = state.cell(sheet, address);
  }
  for (const e of extra) out[`${e.sheet}!${e.cell}`] = state.cell(e.sheet, e.cell);
  return out;
}
function colLetter(c: number): string {
  let s = "";
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

async function scanAndPlan(snapshot: WorkbookSnapshot, options = DEFAULT_FILL) {
  const state = installFakeOffice(globalThis, snapshot);
  const scan = await excelWorkbook.scan();
  const plan = planWorkbook(scan.snapshot, scan.analysis, options);
  const scanSyncs = state.syncCount;
  const scanResponse = state.maxResponseBytes;
  Object.assign(state, { syncCount: 0, runCount: 0, maxRequestBytes: 0, maxResponseBytes: 0 });
  return { state, scan, plan, scanSyncs, scanResponse };
}

const budget = (plan: WritePlan) => 2 + Math.ceil((plan.writes.length + (plan.legend?.writes.length ?? 0)) / 10_000);

describe("writing a plan with the Office.js adapter", () => {
  test("Serang: every planned cell lands; undo restores the workbook exactly", async () => {
    const snapshot = await fixture("serang-typed.xlsx");
    const { state, plan } = await scanAndPlan(snapshot, { ...DEFAULT_FILL, convertText: true });
    expect(plan.writes.filter((w) => w.formula).length).toBeGreaterThan(50);
    const touched = plan.writes.map((w) => ({ sheet: w.sheet, cell: w.cell }));
    const before = dump(state, snapshot, touched);
    const progress: number[] = [];
    const record = await excelWorkbook.write(plan, (p) => progress.push(p.done));
    expect(state.runCount).toBe(1);
    expect(state.syncCount).toBeLessThanOrEqual(budget(plan));
    expect(progress[progress.length - 1]).toBe(plan.writes.length + plan.legend!.writes.length);
    for (const w of plan.writes) {
      const cell = state.cell(w.sheet, w.cell);
      if (w.formula) expect(cell.formula).toBe(w.formula);
      else expect(cell.value).toBe(w.value);
      if (w.numberFormat) expect(cell.numberFormat).toBe(w.numberFormat);
    }
    for (const a of plan.appended.filter((x) => x.merge)) expect(state.merges(a.sheet)).toContain(a.merge);
    expect(plan.notes.length).toBeGreaterThan(0);
    for (const n of plan.notes) expect(state.notes[`${n.sheet}!${n.cell}`]).toBe(n.text);
    expect(state.sheetNames()).toContain("Keterangan Rumus");
    for (const w of plan.legend!.writes) expect(state.cell(w.sheet, w.cell).value).toBe(w.value);
    // Cells outside the plan are untouched.
    const planned = new Set(touched.map((t) => `${t.sheet}!${t.cell}`));
    const after = dump(state, snapshot);
    for (const [k, v] of Object.entries(before)) if (!planned.has(k)) expect([k, after[k]]).toEqual([k, v]);

    state.syncCount = 0;
    await excelWorkbook.undo(record);
    expect(state.syncCount).toBeLessThanOrEqual(budget(plan));
    expect(dump(state, snapshot, touched)).toEqual(before);
    expect(state.sheetNames()).toEqual(snapshot.sheets.map((s) => s.name));
    for (const s of snapshot.sheets) expect(state.merges(s.name).length).toBe(s.merges.length);
    expect(state.notes).toEqual({});
  });

  test("Bekasi: appended columns copy their neighbour's look; undo clears it again", async () => {
    const snapshot = await fixture("bekasi-typed.xlsx");
    const { state, plan } = await scanAndPlan(snapshot);
    const styled = plan.writes.filter((w) => w.styleFrom);
    expect(styled.length).toBeGreaterThan(0);
    const touched = plan.writes.map((w) => ({ sheet: w.sheet, cell: w.cell }));
    const before = dump(state, snapshot, touched);
    const record = await excelWorkbook.write(plan);
    for (const w of styled) expect(state.cell(w.sheet, w.cell).bold).toBe(state.cell(w.sheet, w.styleFrom!).bold);
    await excelWorkbook.undo(record);
    expect(dump(state, snapshot, touched)).toEqual(before);
  });

  test("a protected sheet, a cell typed into since the scan, and cell-edit mode: nothing is written", async () => {
    const snapshot = await fixture("serang-typed.xlsx");
    const { state, plan } = await scanAndPlan(snapshot);
    const before = dump(state, snapshot);
    const first = plan.writes.find((w) => w.formula)!;
    state.protect(first.sheet);
    const e1 = await excelWorkbook.write(plan).catch((e) => e);
    expect(e1).toBeInstanceOf(WriteBlocked);
    expect(describeOfficeError(e1, "en")).toContain(`Sheet "${first.sheet}" is protected`);
    expect(describeOfficeError(e1)).toContain(`Lembar "${first.sheet}" diproteksi`);
    expect(dump(state, snapshot)).toEqual(before);
    expect(state.sheetNames()).not.toContain("Keterangan Rumus");

    const again = await scanAndPlan(snapshot);
    const target = again.plan.writes.find((w) => w.formula && w.role === "capaian")!;
    await globalThis.Excel.run(async (ctx: Excel.RequestContext) => {
      ctx.workbook.worksheets.getItem(target.sheet).getRange(target.cell).values = [[123]];
      await ctx.sync();
    });
    const e2 = await excelWorkbook.write(again.plan).catch((e) => e);
    expect(describeOfficeError(e2, "en")).toBe(`'${target.sheet}'!${target.cell} changed since the scan (it was empty, now "123"); scan again. Nothing was written.`);
    expect(again.state.sheetNames()).not.toContain("Keterangan Rumus");

    const third = await scanAndPlan(snapshot);
    third.state.cellEditMode = true;
    const e3 = await excelWorkbook.write(third.plan).catch((e) => e);
    expect(describeOfficeError(e3, "en")).toMatch(/^Excel is editing a cell.*\[InvalidOperationInCellEditMode\]$/);
    expect(describeOfficeError(e3)).toMatch(/^Excel sedang menyunting sebuah sel.*\[InvalidOperationInCellEditMode\]$/);
  });

  test("text that looks like a formula is written as text; highlights change only the fill and are undone", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Tabel 3.1");
    ws.getRow(1).values = ["No", "Indikator", "Satuan", "Target", "Realisasi", "Capaian (%)"];
    ws.getRow(2).values = [1, '=HYPERLINK("http://x","klik")', "%", 80, 90, null];
    ws.getRow(3).values = [2, "Persentase dokumen tepat waktu", "%", 100, 95, 96];
    const snapshot = snapshotFromWorkbook(wb);
    // ExcelJS reads the cell as text; the fake host holds it as text too.
    const { state, plan } = await scanAndPlan(snapshot);
    await excelWorkbook.write(plan);
    const legendCell = plan.legend!.writes.find((w) => String(w.value).startsWith("=HYPERLINK"))!;
    expect(state.cell(legendCell.sheet, legendCell.cell)).toMatchObject({ formula: null, value: '=HYPERLINK("http://x","klik")' });

    const findings = auditWorkbook(snapshot, (await excelWorkbook.scan()).analysis);
    expect(findings.map((f) => f.cell)).toEqual(["F3"]);
    const record = await excelWorkbook.write({ writes: highlightWrites(findings), appended: [], legend: null, overwrite: true });
    expect(state.cell("Tabel 3.1", "F3")).toMatchObject({ fill: HIGHLIGHT_FILL, value: 96 });
    await excelWorkbook.undo(record);
    expect(state.cell("Tabel 3.1", "F3")).toMatchObject({ fill: null, value: 96 });
  });

  test("choices are saved in the workbook and come back with the next scan", async () => {
    const snapshot = await fixture("serang-typed.xlsx");
    const state = installFakeOffice(globalThis, snapshot);
    expect((await excelWorkbook.scan()).choicesSaved).toBe(false);
    const choices = { ...DEFAULT_CHOICES, negative: "B" as const, roles: { "serang-3.6!C@3": "target" as const } };
    await excelWorkbook.saveChoices(choices);
    expect(JSON.parse(String(state.settings[CHOICES_SETTING]))).toEqual(choices);
    const again = await excelWorkbook.scan();
    expect(again.choicesSaved).toBe(true);
    expect(again.choices).toEqual(choices);
  });
});

/** The value of `make()`, made once, on the first call. */
function once<T>(make: () => Promise<T>): () => Promise<T> {
  let made: Promise<T> | null = null;
  return () => (made ??= make());
}

describe("a 5,000-row table (26,004 cells and a legend of 30,053)", () => {
  // Scan, write and undo on one fake host, each step its own test (each under 10 s on a busy 2-core machine;
  // together they took 15–31 s there). A step runs the steps before it when its test runs alone.
  let snapshot: WorkbookSnapshot;
  beforeAll(() => {
    snapshot = snapshotFromWorkbook(buildBigWorkbook(1, 5000) as ExcelJS.Workbook);
  });
  let host: Pick<typeof globalThis, "Excel" | "Office">;
  /** Back to this table's fake host, should a test in between have installed another. */
  const useHost = () => Object.assign(globalThis, host);
  const scanned = once(async () => {
    const s = await scanAndPlan(snapshot, { ...DEFAULT_FILL, convertText: true });
    host = { Excel: globalThis.Excel, Office: globalThis.Office };
    return s;
  });
  const written = once(async () => {
    const s = await scanned();
    useHost();
    const record = await excelWorkbook.write(s.plan);
    return { ...s, record, syncs: s.state.syncCount, maxRequestBytes: s.state.maxRequestBytes, maxResponseBytes: s.state.maxResponseBytes };
  });
  const undone = once(async () => {
    const w = await written();
    useHost();
    Object.assign(w.state, { syncCount: 0, maxRequestBytes: 0, maxResponseBytes: 0 });
    await excelWorkbook.undo(w.record);
    return { ...w, undoSyncs: w.state.syncCount, undoRequestBytes: w.state.maxRequestBytes, undoResponseBytes: w.state.maxResponseBytes };
  });
  test("the scan's responses stay under 5 MB, and the plan has K and Rp formulas for every row", async () => {
    const { plan, scanResponse } = await scanned();
    expect(scanResponse).toBeLessThan(5 * 1024 * 1024);
    expect(plan.writes.filter((w) => w.role === "capaian" || w.role === "serapan").length).toBe(10_000); // K and Rp for 5,000 rows
  });

  test("the write: 2 + ⌈cells / 10,000⌉ syncs, every request and response under 5 MB, every formula lands", async () => {
    const { state, plan, syncs, maxRequestBytes, maxResponseBytes } = await written();
    expect(syncs).toBeLessThanOrEqual(budget(plan));
    expect(maxRequestBytes).toBeLessThan(5 * 1024 * 1024);
    expect(maxResponseBytes).toBeLessThan(5 * 1024 * 1024);
    const formulas = plan.writes.filter((w) => w.formula);
    expect(formulas.filter((w) => w.role === "capaian" && w.cell.startsWith("J")).length).toBe(5_000);
    expect(formulas.filter((w) => state.cell(w.sheet, w.cell).formula !== w.formula)).toEqual([]);
  });

  test("the undo: within the same sync budget, every request and response under 5 MB, every formula gone again", async () => {
    const u = await undone();
    expect(u.undoSyncs).toBeLessThanOrEqual(budget(u.plan));
    expect(u.undoRequestBytes).toBeLessThan(5 * 1024 * 1024);
    expect(u.undoResponseBytes).toBeLessThan(5 * 1024 * 1024);
    expect(u.plan.writes.filter((w) => w.formula && u.state.cell(w.sheet, w.cell).formula !== null)).toEqual([]);
    const cells = u.plan.writes.length + u.plan.legend!.writes.length;
    console.log(`5,000-row table: scan ${u.scanSyncs} syncs (largest response ${(u.scanResponse / 1e6).toFixed(2)} MB); write ${cells} cells in ${u.syncs} syncs (budget ${budget(u.plan)}), largest request ${(u.maxRequestBytes / 1e6).toFixed(2)} MB, response ${(u.maxResponseBytes / 1e6).toFixed(2)} MB; undo ${u.undoSyncs} syncs, largest request ${(u.undoRequestBytes / 1e6).toFixed(2)} MB, response ${(u.undoResponseBytes / 1e6).toFixed(2)} MB`);
  });
});

describe("undo after overwriting", () => {
  test("a formula comes back as a formula, a number stored as text as text, a text that reads like a formula as text", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Tabel 3.1");
    ws.getRow(1).values = ["No", "Indikator", "Satuan", "Target", "Realisasi", "Capaian (%)", "Predikat"];
    ws.getRow(2).values = [1, "Persentase dokumen tepat waktu", "%", 80, 90, null, null];
    ws.getCell("F2").value = { formula: "E2/D2*100", result: 112.5 } as ExcelJS.CellFormulaValue;
    ws.getCell("G2").value = { formula: 'IF(F2>=91,"Sangat Tinggi","Lainnya")', result: "Sangat Tinggi" } as ExcelJS.CellFormulaValue;
    ws.getRow(3).values = [2, "Persentase program selaras", "%", 100, 95, "96", null];
    ws.getRow(4).values = [3, "Indeks kepuasan", "Nilai", 80, 82, "=x", null];
    const snapshot = snapshotFromWorkbook(wb);
    const { state, plan } = await scanAndPlan(snapshot, { ...DEFAULT_FILL, overwrite: true });
    expect(plan.writes.filter((w) => w.role === "capaian" || w.role === "predikat").map((w) => w.cell)).toEqual(["F2", "F3", "F4", "G2", "G3", "G4"]);
    const before = ["F2", "F3", "F4", "G2"].map((c) => state.cell("Tabel 3.1", c));
    expect(before.map((c) => [c.formula, c.value])).toEqual([["=E2/D2*100", 112.5], [null, "96"], [null, "=x"], [`=IF(F2>=91,"Sangat Tinggi","Lainnya")`, "Sangat Tinggi"]]);
    const record = await excelWorkbook.write({ ...plan, overwrite: true });
    expect(state.cell("Tabel 3.1", "F3").formula).toMatch(/^=IF\(/);
    await excelWorkbook.undo(record);
    // (the fake host stores formulas without calculating them, so F2's value is not compared)
    const after = ["F2", "F3", "F4", "G2"].map((c) => state.cell("Tabel 3.1", c));
    expect({ ...after[0], value: 112.5 }).toEqual(before[0]);
    expect(after.slice(1, 3)).toEqual(before.slice(1, 3));
    expect({ ...after[3], value: "Sangat Tinggi" }).toEqual(before[3]); // a formula with a text result stays a formula
  });
});
