/** @jest-environment jsdom */
/**
 * The pane's formula workflow on the fake Excel host (the real Office.js adapter, the real core):
 * choices saved in the workbook, the preview per table with its counts, "Tulis rumus" whose report
 * equals the preview and the cells changed, the written cells listed and selectable, all / ticked
 * tables / the selection, progress in steps with roll-back, and "Batalkan" — which keeps the user's later
 * edits and says so; a write that fails partway is taken back.
 */
import * as path from "path";
import { act, fireEvent, screen, within } from "@testing-library/react";
import { stubResizeObserver } from "./support/jsdom";
import { change, click, openCard, openSection, renderPane, scanNow, warmUp } from "./support/pane";
import { recogniseWorkbook, tableRange } from "../src/core/recognise";
import { CHOICES_SETTING, DEFAULT_CHOICES, fillOptionsFrom, parseSavedChoices, rowKey, withRoleOverrides } from "../src/core/choices";
import { planWorkbook } from "../src/core/writePlan";
import { countPlan, onlyTables, previewByTable, progressSteps, restrictToSelection, tableKey, tableOfWrite, tablesInSelection } from "../src/core/planScope";
import { cellAddress, columnLetter, parseCellAddress, WorkbookSnapshot } from "../src/core/grid";
import { readWorkbookFile } from "../src/xlsx/readWorkbook";
import { describeOfficeError, excelWorkbook, WorkbookPort } from "../src/excel/workbook";
import { excelPaneExtras } from "../src/excel/paneWorkbook";
import { formatNumber } from "../src/i18n";
import { PANE_STRINGS } from "../src/i18n/pane";
import { FakeOfficeState, installFakeOffice } from "./support/fakeOffice";

const t = PANE_STRINGS.id;
let serang: WorkbookSnapshot;
let bekasi: WorkbookSnapshot;
let state: FakeOfficeState;
beforeAll(async () => {
  stubResizeObserver();
  warmUp();
  [serang, bekasi] = await Promise.all(["serang-typed.xlsx", "bekasi-bab3-blank.xlsx"].map((f) => readWorkbookFile(path.join(__dirname, "fixtures/xlsx", f))));
});

const port = { ...excelWorkbook, ...excelPaneExtras };
async function scanned(snapshot: WorkbookSnapshot = serang, p: WorkbookPort = port) {
  state = installFakeOffice(globalThis, snapshot);
  renderPane({ port: p, describeError: describeOfficeError });
  await scanNow();
}
const saved = () => parseSavedChoices(state.settings[CHOICES_SETTING]);

test("the preview per table: counts of what the write will put in the workbook, each column under its own header with an example", async () => {
  await scanned();
  const analysis = recogniseWorkbook(serang);
  const plan = planWorkbook(serang, analysis);
  const counts = countPlan(plan, analysis);
  await openSection("formulas");
  const promised = screen.getByTestId("preview-cells").textContent!;
  expect(promised).toBe(t.previewCounts(counts, plan.legend!.sheet));
  expect(promised).toContain(`jumlah ${formatNumber(counts.cells, "id")} sel`);
  // One entry per table, each column under its own header with the example formula in Excel form and in words.
  const previews = previewByTable(plan, analysis, {});
  expect(screen.getAllByTestId("preview-table")).toHaveLength(previews.length);
  await click(within(screen.getAllByTestId("preview-table")[0]).getByTestId("preview-toggle"));
  const first = previews[0].columns[0];
  expect(screen.getAllByTestId("preview-formula")[0].textContent).toBe(first.example.formula);
  expect(screen.getAllByTestId(first.appended ? "preview-appended" : "preview-filled")[0].textContent).toContain(`«${first.header}»`);
  expect(screen.getAllByTestId("preview-words")[0].textContent).toMatch(/^(Capaian|Predikat|Serapan|Jumlah|Rata-rata|Efisiensi|Tingkat|Sisa)/);
});

test("Tulis rumus: the report equals the preview's counts; the written cells are listed and selectable; Batalkan restores", async () => {
  await scanned();
  const analysis = recogniseWorkbook(serang);
  const plan = planWorkbook(serang, analysis);
  const counts = countPlan(plan, analysis);
  await openSection("formulas");
  expect(screen.getByTestId("preview-cells").textContent).toBe(t.previewCounts(counts, plan.legend!.sheet));
  await click(screen.getByTestId("write"));
  const report = screen.getByTestId("write-result").textContent!;
  expect(report).toBe(t.written(counts));
  for (const w of plan.writes.filter((x) => x.formula)) expect(state.cell(w.sheet, w.cell).formula).toBe(w.formula);
  expect((screen.getByTestId("write") as HTMLButtonElement).disabled).toBe(true);

  await click(screen.getByTestId("show-written"));
  const links = within(screen.getByTestId("written-ranges")).getAllByRole("button");
  expect(links.length).toBeGreaterThan(1);
  await click(links[0]);
  expect(state.selected).not.toBeNull();
  const [sheet, address] = [state.selected!.sheet, state.selected!.address];
  expect(links[0].textContent).toContain(`${sheet}!${address}`);
  expect(plan.writes.some((w) => w.sheet === sheet && address.split(":")[0] === w.cell)).toBe(true);

  await click(screen.getByTestId("undo"));
  expect(screen.getByTestId("write-result").textContent).toContain("Dibatalkan");
  for (const w of plan.writes.filter((x) => x.formula)) expect(state.cell(w.sheet, w.cell).formula).toBeNull();
  expect(state.sheetNames()).not.toContain("Keterangan Rumus");
});

test("a long write moves the progress bar step by step; the legend is laid out for A4 landscape, one page wide", async () => {
  const analysis = recogniseWorkbook(bekasi);
  const plan = planWorkbook(bekasi, analysis);
  const steps = progressSteps(plan, analysis);
  expect(steps.length).toBeGreaterThan(2);
  // A port whose write waits after the second step, so the bar can be read mid-way.
  let release: () => void = () => undefined;
  const gate = new Promise<void>((r) => (release = r));
  let calls = 0;
  const slow: WorkbookPort = { ...port, write: async (batch, onProgress) => { const r = await port.write(batch, onProgress); if (++calls === 2) await gate; return r; } };
  await scanned(bekasi, slow);
  await openSection("formulas");
  let writing!: Promise<void>;
  await act(async () => {
    writing = Promise.resolve(fireEvent.click(screen.getByTestId("write"))).then(() => undefined);
  });
  const bar = screen.getByTestId("progress");
  const value = Number(bar.getAttribute("aria-valuenow"));
  const done = steps.slice(0, 2).reduce((n, s) => n + s.writes.length + (s.legend?.writes.length ?? 0), 0);
  const total = steps.reduce((n, s) => n + s.writes.length + (s.legend?.writes.length ?? 0), 0);
  expect(value).toBeCloseTo(done / total, 5);
  expect(value).toBeGreaterThan(0);
  expect(value).toBeLessThan(1);
  expect(screen.getByText(t.progress(done, total))).toBeTruthy();
  await act(async () => {
    release();
    await writing;
  });
  await act(async () => undefined);
  expect(screen.getByTestId("write-result").textContent).toBe(t.written(countPlan(plan, analysis)));
  expect(calls).toBe(steps.length);
  expect(state.layout["Keterangan Rumus"]).toMatchObject({ orientation: "Landscape", paperSize: "A4", zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 } });
  expect(state.cell("Keterangan Rumus", "B5").wrap).toBe(true);
});

test("ticked tables only, or the cells selected in Excel: the preview counts what is then written, and nothing else changes", async () => {
  const analysis = recogniseWorkbook(serang);
  const full = planWorkbook(serang, analysis);
  const tables = analysis.sheets.flatMap((s) => s.tables).filter((x) => full.writes.some((w) => w.formula && tableOfWrite(analysis, w) === x));
  const chosen = tables[1];
  await scanned();
  const card = screen.getAllByTestId("table-card").find((c) => within(c).getByTestId("table-range").textContent === tableRange(chosen))!;
  await click(within(card).getByTestId("include-table"));
  await openSection("formulas");
  await click(screen.getByTestId("scope-tables"));
  const plan = planWorkbook(serang, onlyTables(analysis, [tableKey(chosen)]));
  const counts = countPlan(plan, analysis);
  expect(counts.tables).toBe(1);
  expect(screen.getByTestId("preview-cells").textContent).toBe(t.previewCounts(counts, plan.legend!.sheet));
  expect(screen.getAllByTestId("preview-table")).toHaveLength(1);
  await click(screen.getByTestId("write"));
  expect(screen.getByTestId("write-result").textContent).toBe(t.written(counts));
  for (const w of full.writes.filter((x) => x.formula)) expect(state.cell(w.sheet, w.cell).formula).toBe(plan.writes.some((p) => p.sheet === w.sheet && p.cell === w.cell) ? w.formula : null);
  await click(screen.getByTestId("undo"));

  // The selection: two data rows of another table, across its full width.
  const other = tables[0];
  const rows = other.rows.filter((r) => r.kind === "data").slice(0, 2).map((r) => r.row);
  const address = `${cellAddress(rows[0], 0)}:${cellAddress(rows[rows.length - 1], other.area.right)}`;
  state.selected = { sheet: other.sheet, address };
  await click(screen.getByTestId("scope-selection"));
  expect(screen.getByTestId("selection").textContent).toBe(t.selectionIs(`${other.sheet}!${address}`, 1));
  const touched = planWorkbook(serang, onlyTables(analysis, tablesInSelection(analysis, other.sheet, address).map(tableKey)));
  const selPlan = restrictToSelection(touched, analysis, other.sheet, address);
  const selCounts = countPlan(selPlan, analysis);
  expect(selCounts.formulas).toBeGreaterThan(0);
  expect(screen.getByTestId("preview-cells").textContent).toBe(t.previewCounts(selCounts, selPlan.legend!.sheet));
  await click(screen.getByTestId("write"));
  expect(screen.getByTestId("write-result").textContent).toBe(t.written(selCounts));
  const written = full.writes.filter((w) => w.formula && state.cell(w.sheet, w.cell).formula);
  expect(written.map((w) => w.cell).sort()).toEqual(selPlan.writes.filter((w) => w.formula).map((w) => w.cell).sort());
  for (const w of written) expect(rows).toContain(parseCellAddress(w.cell).row);
});

test("choices change the plan and are saved in the workbook; a colleague's scan finds them", async () => {
  await scanned();
  const analysis = recogniseWorkbook(serang);
  // Serang's Rasio KDRT row is lower-is-better; turning it off makes its capaian realisasi/target.
  const table = analysis.sheets.flatMap((s) => s.tables).find((x) => x.columns.some((c) => c.role === "capaian") && x.rows.some((r) => r.polarity === "lower-better"))!;
  const row = table.rows.find((r) => r.polarity === "lower-better")!;
  const card = await openCard(tableRange(table));
  await click(within(card).getByTestId("polarity-editor"));
  await click(screen.getByTestId(`polarity-${table.sheet}-${row.row + 1}`));
  expect(saved().polarity).toEqual({ [rowKey(table.sheet, row.row)]: "higher-better" });
  await click(within(card).getByTestId("columns-editor"));
  const capaian = table.columns.find((c) => c.role === "capaian")!;
  await change(screen.getByTestId(`role-${table.sheet}-${columnLetter(capaian.col)}`), "keterangan");

  await openSection("formulas");
  await click(screen.getByTestId("choices-toggle"));
  await change(screen.getByTestId("negative-method"), "B");
  await change(screen.getByTestId("scale"), "tercapai");
  const choices = saved();
  expect(choices).toMatchObject({ negative: "B", scale: "tercapai", roles: { [`${table.sheet}!${columnLetter(capaian.col)}@${table.header.top + 1}`]: "keterangan" } });

  const plan = planWorkbook(serang, withRoleOverrides(recogniseWorkbook(serang), choices.roles, serang), fillOptionsFrom(choices, false));
  await click(screen.getByTestId("write"));
  // What the pane wrote is the plan under the saved choices, cell for cell: predikat by the three-level
  // scale, lower-is-better by formula B, and the user's column role (F no longer capaian: appended instead).
  const formulas = plan.writes.filter((w) => w.formula);
  for (const w of formulas) expect(state.cell(w.sheet, w.cell).formula).toBe(w.formula);
  expect(formulas.some((w) => w.role === "predikat" && w.formula!.includes('"Tercapai"'))).toBe(true);
  const appended = plan.appended.find((a) => a.sheet === table.sheet && a.role === "capaian")!;
  expect(appended.column).not.toBe(columnLetter(capaian.col));
  // The KDRT row, now higher-is-better by the user's say: realisasi / target, not formula A or B.
  const n = row.row + 1;
  expect(state.cell(table.sheet, `${appended.column}${n}`).formula).toBe(`=IF(AND(ISNUMBER(D${n}),ISNUMBER(E${n}),D${n}<>0),E${n}/D${n}*100,"")`);

  // The next person to open the workbook sees the same choices.
  const again = await excelWorkbook.scan();
  expect(again.choices).toEqual(choices);
  expect(again.choices).not.toEqual(DEFAULT_CHOICES);
});

test("a protected sheet among several steps: a clear message, what was written is put back, nothing changed", async () => {
  const analysis = recogniseWorkbook(bekasi);
  const plan = planWorkbook(bekasi, analysis);
  const steps = progressSteps(plan, analysis);
  // Protect the sheet only after the first step has landed.
  let calls = 0;
  const sheet = plan.writes[0].sheet;
  const guarded: WorkbookPort = { ...port, write: async (b, p) => { if (++calls === 2) state.protect(sheet); return port.write(b, p); } };
  await scanned(bekasi, guarded);
  await openSection("formulas");
  await click(screen.getByTestId("write"));
  expect(steps.length).toBeGreaterThan(1);
  expect(screen.getByTestId("write-error").textContent).toBe(`Penulisan gagal: Lembar "${sheet}" diproteksi; buka proteksinya (Tinjau › Buka Proteksi Lembar) untuk menulis di sana. Tidak ada yang ditulis. ${t.rolledBack}`);
  for (const w of plan.writes.filter((x) => x.formula)) expect(state.cell(w.sheet, w.cell).formula).toBeNull();
  expect(state.sheetNames()).not.toContain("Keterangan Rumus");
});

test("a custom scale typed in the pane: its thresholds in the predikat formulas; a bad line is named", async () => {
  await scanned();
  await openSection("formulas");
  await click(screen.getByTestId("choices-toggle"));
  await change(screen.getByTestId("scale"), "custom");
  await change(screen.getByTestId("custom-scale"), "90 Sangat Baik\nBaik\n0 Kurang");
  expect(screen.getByText(/baris 2: "Baik" perlu batas bawah dan predikat/)).toBeTruthy();
  expect(screen.queryAllByText(/«Predikat/)).toHaveLength(0);

  await change(screen.getByTestId("custom-scale"), "90 Sangat Baik\n75 Baik\n0 Kurang");
  await change(screen.getByTestId("cap"), "120");
  expect(saved()).toMatchObject({ scale: "custom", customBands: "90 Sangat Baik\n75 Baik\n0 Kurang", cap: 120 });
  const choices = saved();
  const plan = planWorkbook(serang, recogniseWorkbook(serang), fillOptionsFrom(choices, false));
  const predikat = plan.writes.filter((w) => w.role === "predikat");
  expect(predikat.length).toBeGreaterThan(0);
  await click(screen.getByTestId("write"));
  for (const w of plan.writes.filter((x) => x.role === "capaian")) expect(state.cell(w.sheet, w.cell).formula).toMatch(/MIN\((120|1\.2),/);
  for (const w of predikat) expect(state.cell(w.sheet, w.cell).formula).toMatch(/>=(90|0\.9),"Sangat Baik",IF\(\w+>=(75|0\.75),"Baik","Kurang"\)/);
});

// --- undo that respects the user, and a write that fails partway --------------------------------

/** The user typing into a cell in Excel. */
const typeInExcel = (sheet: string, cell: string, input: string | number) =>
  act(() =>
    Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem(sheet).getRange(cell).formulas = [[input]];
      await ctx.sync();
    }),
  );

test("Batalkan after the user typed into a written cell: the typing stays and the pane names the cell", async () => {
  await scanned();
  const plan = planWorkbook(serang, recogniseWorkbook(serang));
  await openSection("formulas");
  await click(screen.getByTestId("write"));
  const typed = plan.writes.find((w) => w.role === "capaian")!;
  await typeInExcel(typed.sheet, typed.cell, 97.5);
  await click(screen.getByTestId("undo"));
  expect(screen.getByTestId("write-result").textContent).toContain("Dibatalkan");
  expect(within(screen.getByTestId("write-notices")).getAllByTestId("write-notices-item").map((e) => e.textContent)).toEqual([
    `'${typed.sheet}'!${typed.cell} diubah sejak ditulis add-in (sekarang "97.5"); dibiarkan seperti isian Anda.`,
  ]);
  expect(state.cell(typed.sheet, typed.cell).value).toBe(97.5);
  for (const w of plan.writes.filter((x) => x.formula && x !== typed)) expect(state.cell(w.sheet, w.cell).formula).toBeNull();
});

test("a write that fails partway is taken back and the pane says so in Indonesian; nothing is left to undo", async () => {
  await scanned();
  const plan = planWorkbook(serang, recogniseWorkbook(serang));
  const cells = plan.writes.length + plan.legend!.writes.length;
  expect(progressSteps(plan, recogniseWorkbook(serang))).toHaveLength(1);
  state.failSync({ after: 2 }); // the read and the cells go through; merging the appended headers fails
  await openSection("formulas");
  await click(screen.getByTestId("write"));
  expect(screen.getByTestId("write-error").textContent).toBe(`Penulisan gagal: Excel menolak di tengah jalan, setelah ${cells} dari ${cells} sel (GeneralException); yang sudah ditulis telah dikembalikan seperti semula.`);
  expect(screen.queryByTestId("undo")).toBeNull();
  for (const w of plan.writes.filter((x) => x.formula)) expect(state.cell(w.sheet, w.cell).formula).toBeNull();
  expect(state.sheetNames()).not.toContain("Keterangan Rumus");
  expect(state.notes).toEqual({});
});
