/**
 * The audit's findings placed for a reader (src/core/findingsView): table and indicator of each, the
 * natural order of sheets ("3.9" before "3.10"), and the findings sheet "Ekspor temuan" writes — links
 * that open each cell, numbers as numbers, text copied from cells (a typed formula too) as text.
 */
import * as path from "path";
import { message } from "../src/core/messages";
import { readWorkbookFile } from "../src/xlsx/readWorkbook";
import { recogniseWorkbook, tableRange } from "../src/core/recognise";
import { auditWorkbook } from "../src/core/audit";
import { cellLink, findingsSheet, groupByTable, naturalCompare, placeFindings } from "../src/core/findingsView";
import { Grid, parseCellAddress } from "../src/core/grid";
import { excelWorkbook } from "../src/excel/workbook";
import { findingsWords } from "../src/taskpane/components/AuditPanel";
import { PANE_STRINGS } from "../src/i18n/pane";
import { installFakeOffice } from "./support/fakeOffice";

test("natural order: numbers inside names compare as numbers", () => {
  const names = ["bekasi-3.12", "bekasi-3.2", "bekasi-3.10", "bekasi-3.9", "bekasi-3.1"];
  expect([...names].sort(naturalCompare)).toEqual(["bekasi-3.1", "bekasi-3.2", "bekasi-3.9", "bekasi-3.10", "bekasi-3.12"]);
});

test("each finding names its table and indicator; sheets in natural order, then rows", async () => {
  const snapshot = await readWorkbookFile(path.join(__dirname, "fixtures/xlsx/bekasi-typed.xlsx"));
  const analysis = recogniseWorkbook(snapshot);
  // The workbook's own order is text order: 3.1, 3.10, 3.11 … 3.2 — the findings are not.
  expect(snapshot.sheets.map((s) => s.name).slice(12, 15)).toEqual(["bekasi-3.1", "bekasi-3.10", "bekasi-3.11"]);
  const placed = placeFindings(auditWorkbook(snapshot, analysis), snapshot, analysis);
  expect(placed.length).toBeGreaterThan(10);
  const sheets = [...new Set(placed.map((f) => f.sheet))];
  expect(sheets).toEqual([...sheets].sort(naturalCompare));
  expect(sheets.indexOf("bekasi-3.9")).toBeLessThan(sheets.indexOf("bekasi-3.12"));
  for (let i = 1; i < placed.length; i++) if (placed[i].sheet === placed[i - 1].sheet) expect(placed[i].row).toBeGreaterThanOrEqual(placed[i - 1].row);
  for (const f of placed) {
    const t = analysis.sheets.find((s) => s.name === f.sheet)!.tables.find((x) => f.row >= x.area.top && f.row <= x.area.bottom)!;
    expect(f.table).toBe(t.caption ?? tableRange(t));
    const ind = t.columns.find((c) => c.role === "indikator");
    if (ind) expect(f.indicator).toBe(new Grid(snapshot.sheets.find((s) => s.name === f.sheet)!).text(f.row, ind.col).trim() || f.indicator);
  }
  expect(placed.filter((f) => f.indicator).length).toBeGreaterThan(placed.length / 2);
  // Grouped by table for the pane, nothing lost.
  expect(groupByTable(placed).flatMap((g) => g.findings)).toEqual(placed);
});

test("the findings sheet: links, numbers, and text written as text even when it reads like a formula", async () => {
  const snapshot = await readWorkbookFile(path.join(__dirname, "fixtures/xlsx/serang-typed.xlsx"));
  const analysis = recogniseWorkbook(snapshot);
  const placed = placeFindings(auditWorkbook(snapshot, analysis), snapshot, analysis);
  // A formula with a constant typed in (the audit reports the formula text as "typed").
  placed.push({ ...placed[0], cell: "Z99", row: 98, col: 25, typed: "=20906000-R15", expected: null, reason: "constant-in-formula", detail: message("audit-constant-in-formula", { constant: "20906000" }), table: "Tabel 9.9", indicator: "=SUM(A1)" });
  const words = findingsWords(PANE_STRINGS.id, "id", new Date(2026, 10, 30, 9, 5));
  const spec = findingsSheet(snapshot, placed, words);
  expect(spec).toMatchObject({ name: "Temuan Pemeriksaan", replaces: false, print: { orientation: "landscape", titleRows: "4:4" } });
  const at = (r: number, c: number) => spec.cells.find((x) => x.row === r && x.col === c);
  expect(at(1, 0)!.value).toBe(`Dibaca ulang dari buku kerja pada ${PANE_STRINGS.id.dateTime(new Date(2026, 10, 30, 9, 5))}. Setiap tautan membuka sel temuan.`);
  expect(at(4, 1)).toMatchObject({ formula: cellLink(placed[0].sheet, placed[0].cell).formula, result: `${placed[0].sheet}!${placed[0].cell}` });
  expect(at(4, 4)!.value).toBe(95.65);
  expect(cellLink("Tabel 'A'", "E5").formula).toBe(`=HYPERLINK("#'Tabel ''A'''!E5","Tabel 'A'!E5")`);
  expect(cellLink('Data "X"', "E5").formula).toBe(`=HYPERLINK("#'Data ""X""'!E5","Data ""X""!E5")`);

  const state = installFakeOffice(globalThis, snapshot);
  await excelWorkbook.generate(spec);
  const last = 4 + placed.length - 1;
  expect(state.cell(spec.name, `E${last + 1}`)).toMatchObject({ value: "=20906000-R15", formula: null });
  expect(state.cell(spec.name, `D${last + 1}`)).toMatchObject({ value: "=SUM(A1)", formula: null });
  expect(state.cell(spec.name, "B5").formula).toBe(cellLink(placed[0].sheet, placed[0].cell).formula);
  expect(parseCellAddress(spec.print.area.split(":")[1]).row).toBe(last);
  // The next scan does not take the findings sheet for a table to compute.
  const again = await excelWorkbook.scan();
  expect(again.analysis.sheets.find((s) => s.name === spec.name)!.tables).toEqual([]);
});
