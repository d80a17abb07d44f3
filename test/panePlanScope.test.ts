/**
 * The write plan table by table (src/core/planScope): the counts the pane promises are the cells the
 * Office.js adapter then changes, tables stacked on one sheet keep their own headers, the plan narrowed
 * to checked tables or to a selection, formulas in words, and the steps that move the progress bar.
 */
import * as path from "path";
import { readWorkbookFile } from "../src/xlsx/readWorkbook";
import { recogniseWorkbook, tableRange, WorkbookAnalysis } from "../src/core/recognise";
import { DEFAULT_FILL, planWorkbook, summarisePlan, WritePlan } from "../src/core/writePlan";
import { cellAddress, columnLetter, parseCellAddress, WorkbookSnapshot } from "../src/core/grid";
import {
  countPlan, explainWrite, onlyTables, previewByTable, progressSteps, restrictToSelection, selectionAreas, tableKey, tableOfWrite, tablesInSelection, writtenRanges,
} from "../src/core/planScope";
import { phrase } from "../src/i18n";
import { excelWorkbook } from "../src/excel/workbook";
import { installFakeOffice } from "./support/fakeOffice";

const fixture = (f: string) => readWorkbookFile(path.join(__dirname, "fixtures/xlsx", f));
let serang: WorkbookSnapshot;
let bekasi: WorkbookSnapshot;
let serangAn: WorkbookAnalysis;
let bekasiAn: WorkbookAnalysis;
let serangPlan: WritePlan;
let bekasiPlan: WritePlan;
beforeAll(async () => {
  [serang, bekasi] = await Promise.all([fixture("serang-typed.xlsx"), fixture("bekasi-bab3-blank.xlsx")]);
  serangAn = recogniseWorkbook(serang);
  bekasiAn = recogniseWorkbook(bekasi);
  serangPlan = planWorkbook(serang, serangAn);
  bekasiPlan = planWorkbook(bekasi, bekasiAn);
});

/** Every cell whose formula or value differs between two snapshots (a new sheet: all its cells). */
function changedCells(before: WorkbookSnapshot, after: WorkbookSnapshot): string[] {
  const read = (s: WorkbookSnapshot["sheets"][number]) => {
    const m = new Map<string, string>();
    s.values.forEach((row, r) => row.forEach((v, c) => {
      const f = s.formulas[r]?.[c];
      if (f || (v !== null && v !== "")) m.set(cellAddress(s.top + r, s.left + c), JSON.stringify(f ?? v));
    }));
    return m;
  };
  const out: string[] = [];
  for (const s of after.sheets) {
    const was = before.sheets.find((x) => x.name === s.name);
    const a = was ? read(was) : new Map<string, string>();
    const b = read(s);
    for (const k of new Set([...a.keys(), ...b.keys()])) if (a.get(k) !== b.get(k)) out.push(`${s.name}!${k}`);
  }
  return out;
}

test("the preview's counts are the cells the write changes (not formulas vs. every cell of the legend)", async () => {
  for (const [snapshot, analysis, plan] of [[serang, serangAn, serangPlan], [bekasi, bekasiAn, bekasiPlan]] as const) {
    const counts = countPlan(plan, analysis);
    expect(counts.formulas).toBe(summarisePlan(plan).formulas);
    expect(counts.cells).toBe(counts.formulas + counts.headers + counts.conversions + counts.legend);
    expect(counts.headers).toBeGreaterThan(0);
    installFakeOffice(globalThis, snapshot);
    await excelWorkbook.write(plan);
    const after = (await excelWorkbook.scan()).snapshot;
    expect(changedCells(snapshot, after).length).toBe(counts.cells);
  }
});

test("tables stacked on one sheet: each preview column carries its own table's header, not the sheet column's", () => {
  const previews = previewByTable(bekasiPlan, bekasiAn, DEFAULT_FILL);
  expect(new Set(previews.map((p) => p.table.sheet)).size).toBe(1); // 40 tables on one sheet
  expect(previews.length).toBeGreaterThan(20);
  expect(previews.reduce((n, p) => n + p.formulas, 0)).toBe(countPlan(bekasiPlan, bekasiAn).formulas);
  let existing = 0;
  for (const p of previews)
    for (const c of p.columns) {
      const col = p.table.columns.find((x) => columnLetter(x.col) === c.column);
      if (c.appended) expect(bekasiPlan.appended.find((a) => a.sheet === p.table.sheet && a.column === c.column && a.header === c.header)).toBeTruthy();
      else {
        existing++;
        expect(col).toBeTruthy();
        for (const part of col!.headerPath.filter(Boolean)) expect(c.header).toContain(part);
      }
      // The example is a real planned cell of this table and column.
      const w = bekasiPlan.writes.find((x) => x.sheet === p.table.sheet && x.cell === c.example.cell)!;
      expect(w.formula).toBe(c.example.formula);
      expect(tableKey(tableOfWrite(bekasiAn, w)!)).toBe(p.key);
      expect(c.example.cell.replace(/\d+$/, "")).toBe(c.column);
    }
  expect(existing).toBeGreaterThan(0);
});

test("a planned formula in words names its cells and its method, in both languages", () => {
  const lower = serangPlan.writes.find((w) => w.role === "capaian" && w.formula!.includes("(2*"))!;
  const [t, r] = lower.inputs!;
  expect(phrase(explainWrite(lower), "id")).toContain(`(2 × target ${t} − realisasi ${r}) ÷ target ${t} × 100`);
  expect(phrase(explainWrite(lower), "id")).toContain("semakin rendah semakin baik, rumus A");
  expect(phrase(explainWrite(lower), "en")).toContain("lower is better, formula A");
  const higher = serangPlan.writes.find((w) => w.role === "capaian" && !w.formula!.includes("(2*"))!;
  expect(phrase(explainWrite(higher), "id")).toMatch(/^Capaian = realisasi [A-Z]+\d+ ÷ target [A-Z]+\d+/);
  const predikat = serangPlan.writes.find((w) => w.role === "predikat")!;
  expect(phrase(explainWrite(predikat), "id")).toBe(`Predikat dari capaian ${predikat.inputs![0]} menurut skala yang dipilih`);
});

test("checked tables: their plan is the full plan's cells for those tables, with a legend of their own", () => {
  const tables = bekasiAn.sheets.flatMap((s) => s.tables).filter((t) => bekasiPlan.writes.some((w) => w.formula && tableOfWrite(bekasiAn, w) === t));
  const chosen = [tables[1], tables[4]].map(tableKey);
  const plan = planWorkbook(bekasi, onlyTables(bekasiAn, chosen));
  const expected = bekasiPlan.writes.filter((w) => chosen.includes(tableKey(tableOfWrite(bekasiAn, w)!)));
  expect(plan.writes.map((w) => [w.cell, w.formula ?? w.value])).toEqual(expected.map((w) => [w.cell, w.formula ?? w.value]));
  expect(countPlan(plan, bekasiAn).tables).toBe(2);
  expect(plan.legend).not.toBeNull();
});

test("the selection: cells inside it, and the new columns on the right when it reaches the table's last column", () => {
  const t = serangAn.sheets.flatMap((s) => s.tables).find((x) => serangPlan.appended.some((a) => a.sheet === x.sheet) && x.rows.filter((r) => r.kind === "data").length >= 3)!;
  const data = t.rows.filter((r) => r.kind === "data");
  const right = t.area.right;
  const left = t.area.left;
  const rows = [data[0].row, data[1].row];
  const whole = restrictToSelection(serangPlan, serangAn, t.sheet, `${cellAddress(rows[0], left)}:${cellAddress(rows[1], right)}`);
  const formulas = whole.writes.filter((w) => w.formula);
  expect(formulas.length).toBeGreaterThan(0);
  for (const w of formulas) expect(rows).toContain(parseCellAddress(w.cell).row);
  const expected = serangPlan.writes.filter((w) => w.formula && w.sheet === t.sheet && rows.includes(parseCellAddress(w.cell).row));
  expect(formulas.map((w) => w.cell).sort()).toEqual(expected.map((w) => w.cell).sort());
  // An appended column's header goes with its cells.
  const appendedCols = new Set(whole.appended.map((a) => a.column));
  expect(appendedCols.size).toBeGreaterThan(0);
  for (const c of appendedCols) expect(whole.writes.some((w) => w.role === "header" && w.cell.replace(/\d+$/, "") === c)).toBe(true);
  // One column of the table only: no appended column, nothing outside it.
  const col = formulas.find((w) => !appendedCols.has(w.cell.replace(/\d+$/, "")))?.cell.replace(/\d+$/, "");
  if (col) {
    const narrow = restrictToSelection(serangPlan, serangAn, t.sheet, `${col}:${col}`);
    expect(narrow.appended).toEqual([]);
    expect(new Set(narrow.writes.map((w) => w.cell.replace(/\d+$/, "")))).toEqual(new Set([col]));
  }
  // Elsewhere on the workbook: nothing.
  expect(restrictToSelection(serangPlan, serangAn, t.sheet, "ZZ1000").writes).toEqual([]);
  expect(tablesInSelection(serangAn, t.sheet, `${rows[0] + 1}:${rows[1] + 1}`)).toEqual([t]);
});

test("Excel's selection addresses: cells, ranges, whole columns and rows, several areas", () => {
  expect(selectionAreas("Sheet1!B3")).toEqual([{ top: 2, left: 1, bottom: 2, right: 1 }]);
  expect(selectionAreas("'Tabel 3.1'!$E$5:$H$9")).toEqual([{ top: 4, left: 4, bottom: 8, right: 7 }]);
  expect(selectionAreas("E:F")[0]).toMatchObject({ top: 0, left: 4, right: 5 });
  expect(selectionAreas("5:9")[0]).toMatchObject({ top: 4, bottom: 8, left: 0 });
  expect(selectionAreas("A1:B2,D4")).toHaveLength(2);
  expect(() => selectionAreas("Sheet1!")).toThrow(/not a range address/);
});

test("progress steps: whole tables per step, every cell once, the legend last", () => {
  const steps = progressSteps(bekasiPlan, bekasiAn);
  expect(steps.length).toBeGreaterThan(1);
  expect(steps.length).toBeLessThanOrEqual(6);
  expect(steps.flatMap((s) => s.writes)).toHaveLength(bekasiPlan.writes.length);
  expect(new Set(steps.flatMap((s) => s.writes))).toEqual(new Set(bekasiPlan.writes));
  expect(steps.slice(0, -1).every((s) => s.legend === null)).toBe(true);
  expect(steps[steps.length - 1].legend).toBe(bekasiPlan.legend);
  for (const t of bekasiAn.sheets.flatMap((s) => s.tables)) expect(new Set(steps.map((s, i) => (s.writes.some((w) => tableOfWrite(bekasiAn, w) === t) ? i : -1)).filter((i) => i >= 0)).size).toBeLessThanOrEqual(1);
  expect(steps.flatMap((s) => s.appended)).toHaveLength(bekasiPlan.appended.length);
  expect(steps.flatMap((s) => s.notes ?? [])).toHaveLength(bekasiPlan.notes.length);
  // A small plan is one step.
  expect(progressSteps({ ...serangPlan, writes: serangPlan.writes.slice(0, 10) }, serangAn)).toHaveLength(1);
});

test("written ranges: the runs of each table in sheet order, then the legend", () => {
  const ranges = writtenRanges(serangPlan, serangAn);
  expect(ranges.slice(0, -1).reduce((n, r) => n + r.cells, 0)).toBe(new Set(serangPlan.writes.map((w) => `${w.sheet}!${w.cell}`)).size);
  expect(ranges[ranges.length - 1]).toMatchObject({ sheet: serangPlan.legend!.sheet, table: null });
  expect(ranges.filter((r) => r.table).length).toBeGreaterThan(0);
});

test("tables stacked on one sheet share column letters: a selection in one keeps only its own new columns, headers and merges", () => {
  // Two tables of the one-sheet Bab III that both append a column under the same letter.
  const byLetter = new Map<string, Set<string>>();
  for (const a of bekasiPlan.appended) byLetter.set(a.column, (byLetter.get(a.column) ?? new Set()).add(a.table));
  const [letter] = [...byLetter].find(([, tables]) => tables.size > 1)!;
  const t = bekasiAn.sheets[0].tables.find((x) => bekasiPlan.appended.some((a) => a.column === letter && a.table === (x.caption ?? tableRange(x))))!;
  const sel = `${cellAddress(t.area.top, t.area.left)}:${cellAddress(t.area.bottom, t.area.right)}`;
  const part = restrictToSelection(bekasiPlan, bekasiAn, t.sheet, sel);
  expect(part.writes.length).toBeGreaterThan(0);
  for (const w of part.writes) expect(tableOfWrite(bekasiAn, w)).toBe(t);
  expect(part.appended.length).toBeGreaterThan(0);
  for (const a of part.appended) expect(a.table).toBe(t.caption ?? tableRange(t));
  for (const m of part.merges.concat(part.appended.filter((a) => a.merge).map((a) => ({ sheet: a.sheet, range: a.merge! })))) {
    const top = parseCellAddress(m.range.split(":")[0]).row;
    expect(top >= t.area.top && top <= t.area.bottom).toBe(true);
  }
  // The selection is this whole table: exactly the plan of this table alone.
  const alone = planWorkbook(bekasi, onlyTables(bekasiAn, [tableKey(t)]));
  expect(part.writes.map((w) => w.cell)).toEqual(alone.writes.map((w) => w.cell));
  expect(part.appended).toEqual(alone.appended);
  // Its preview shows the new column under this table's own header.
  const preview = previewByTable(part, bekasiAn, DEFAULT_FILL)[0];
  const header = alone.appended.find((a) => a.column === letter)?.header;
  if (header) expect(preview.columns.find((c) => c.column === letter)?.header).toBe(header);
});
