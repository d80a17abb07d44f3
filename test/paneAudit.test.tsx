/** @jest-environment jsdom */
/**
 * "Periksa" in the pane on the fake Excel host: the workbook is read again (a figure typed after the
 * scan is checked), each finding names its table and indicator, in natural sheet-and-row order with
 * id-ID numbers; a click selects the cell; highlighting and "Ekspor temuan" are writes that undo.
 */
import * as path from "path";
import { screen, within } from "@testing-library/react";
import { stubResizeObserver } from "./support/jsdom";
import { click, openSection, renderPane, scanNow, warmUp } from "./support/pane";
import { recogniseWorkbook } from "../src/core/recognise";
import { auditWorkbook, HIGHLIGHT_FILL } from "../src/core/audit";
import { cellLink, placeFindings } from "../src/core/findingsView";
import type { WorkbookSnapshot } from "../src/core/grid";
import { readWorkbookFile } from "../src/xlsx/readWorkbook";
import { describeOfficeError, excelWorkbook } from "../src/excel/workbook";
import { excelPaneExtras } from "../src/excel/paneWorkbook";
import { PANE_STRINGS } from "../src/i18n/pane";
import { FakeOfficeState, installFakeOffice } from "./support/fakeOffice";

const t = PANE_STRINGS.id;
let snapshot: WorkbookSnapshot;
let state: FakeOfficeState;
beforeAll(async () => {
  stubResizeObserver();
  warmUp();
  snapshot = await readWorkbookFile(path.join(__dirname, "fixtures/xlsx/serang-typed.xlsx"));
});

/** What a user does in Excel between the scan and the check: types a figure into a cell. */
const typeInExcel = (sheet: string, cell: string, value: number) =>
  Excel.run(async (context) => {
    context.workbook.worksheets.getItem(sheet).getRange(cell).values = [[value]];
    await context.sync();
  });

test("Periksa reads the workbook again, names table and indicator, in natural order with id-ID numbers; a click selects the cell", async () => {
  state = installFakeOffice(globalThis, snapshot);
  renderPane({ port: { ...excelWorkbook, ...excelPaneExtras }, describeError: describeOfficeError });
  await scanNow();
  const before = auditWorkbook(snapshot, recogniseWorkbook(snapshot));
  // Serang's six errors within tables and the two they cause between Tabel 3.1 and Tabel 3.3.
  expect(before).toHaveLength(8);
  // After the scan, a wrong capaian is typed in Tabel 3.4 (E8 has a % format: 0,9 shows as 90 %; 100 % is right).
  await typeInExcel("serang-3.4", "E8", 0.9);
  await openSection("audit");
  expect(screen.getByText(t.auditIntro)).toBeTruthy();
  await click(screen.getByTestId("audit"));
  const items = within(screen.getByTestId("findings")).getAllByTestId("finding");
  // The wrong capaian is two findings: against its formula, and against the same indicator in Tabel 3.1.
  expect(items).toHaveLength(before.length + 2);
  expect(screen.getByTestId("audit-summary").textContent).toMatch(/^Dibaca ulang pukul \d\d[.:]\d\d\. 10 temuan di 4 tabel$/);
  // Grouped under each table, in sheet-and-row order; the new finding is there with its indicator.
  const tables = screen.getAllByTestId("finding-table").map((g) => within(g).getByRole("heading").textContent);
  expect(tables).toEqual(["Tabel 3.1 — serang-3.1", "Tabel 3.3 — serang-3.3", "Tabel 3.4 — serang-3.4", "Tabel 3.6 — serang-3.6"]);
  const texts = items.map((i) => i.textContent!);
  expect(texts[0]).toMatch(/^F7 Rasio KDRT — polaritas terbalik: diketik 95,65, seharusnya 104,35 \(/);
  expect(texts).toContain("E8 Persentase Perlindungan Perempuan dan Hak Anak — salah hitung: diketik 90,00, seharusnya 100,00 (diketik 90, rumusnya memberi 100)");
  expect(texts.find((x) => x.includes("jumlah ≠ total rinciannya"))).toContain("diketik 1.289.187.250,00, seharusnya 1.280.187.250,00");
  await click(within(items[0]).getByRole("button"));
  expect(state.selected).toEqual({ sheet: "serang-3.1", address: "F7" });

  await click(screen.getByRole("checkbox", { name: t.highlight }));
  const cells = placeFindings(auditWorkbook((await excelWorkbook.scan()).snapshot, recogniseWorkbook(snapshot)), snapshot, recogniseWorkbook(snapshot));
  for (const f of cells) expect(state.cell(f.sheet, f.cell).fill).toBe(HIGHLIGHT_FILL);
  await click(screen.getByRole("checkbox", { name: t.highlight }));
  for (const f of cells) expect(state.cell(f.sheet, f.cell).fill).toBeNull();
});

test("Ekspor temuan writes a findings sheet with a link to every cell, typed and expected as numbers, and undoes", async () => {
  state = installFakeOffice(globalThis, snapshot);
  renderPane({ port: { ...excelWorkbook, ...excelPaneExtras }, describeError: describeOfficeError });
  await scanNow();
  await openSection("audit");
  await click(screen.getByTestId("audit"));
  await click(screen.getByTestId("export-findings"));
  const name = t.findingsSheet.sheetName;
  expect(screen.getByTestId("export-result").textContent).toBe(t.exported(name));
  expect(state.sheetNames()).toContain(name);
  expect(state.cell(name, "A1").value).toBe(t.findingsSheet.title);
  expect(["A4", "B4", "C4", "D4", "E4", "F4", "G4", "H4"].map((c) => state.cell(name, c).value)).toEqual(Object.values(t.findingsSheet.headers));
  const first = cellLink("serang-3.1", "F7");
  expect(state.cell(name, "B5").formula).toBe(first.formula);
  expect(first.formula).toBe(`=HYPERLINK("#'serang-3.1'!F7","serang-3.1!F7")`);
  expect([state.cell(name, "C5").value, state.cell(name, "D5").value, state.cell(name, "E5").value, state.cell(name, "F5").value, state.cell(name, "G5").value]).toEqual(["Tabel 3.1", "Rasio KDRT", 95.65, 104.3478, "polaritas terbalik"]);
  expect(state.layout[name]).toMatchObject({ orientation: "Landscape", paperSize: "A4", zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 }, titleRows: "$4:$4" });
  await click(screen.getByTestId("undo-export"));
  expect(state.sheetNames()).not.toContain(name);
  expect(screen.getByTestId("export-result").textContent).toBe(t.exportUndone);
});

test("un-highlighting after a correction: the corrected value stays, its fill goes", async () => {
  state = installFakeOffice(globalThis, snapshot);
  renderPane({ port: { ...excelWorkbook, ...excelPaneExtras }, describeError: describeOfficeError });
  await scanNow();
  const finding = placeFindings(auditWorkbook(snapshot, recogniseWorkbook(snapshot)), snapshot, recogniseWorkbook(snapshot))[0];
  await openSection("audit");
  await click(screen.getByTestId("audit"));
  await click(screen.getByRole("checkbox", { name: t.highlight }));
  expect(state.cell(finding.sheet, finding.cell).fill).toBe(HIGHLIGHT_FILL);
  await typeInExcel(finding.sheet, finding.cell, 100);
  await click(screen.getByRole("checkbox", { name: t.highlight }));
  expect(state.cell(finding.sheet, finding.cell)).toMatchObject({ value: 100, fill: null });
  expect(screen.queryByTestId("highlight-notices")).toBeNull();
});
