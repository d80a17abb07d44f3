/** @jest-environment jsdom */
/**
 * The pane's formula workflow on the fake Excel host (the real Office.js adapter, the real core):
 * choices saved in the workbook, the preview, "Tulis rumus", "Batalkan", "Periksa" with clickable
 * findings and highlighting; undo that keeps the user's later edits and says so, a failed write taken back.
 */
import * as React from "react";
import * as path from "path";
import { act, fireEvent, render, screen, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { stubResizeObserver } from "./support/jsdom";
import { App } from "../src/taskpane/components/App";
import { recogniseWorkbook } from "../src/core/recognise";
import { CHOICES_SETTING, DEFAULT_CHOICES, fillOptionsFrom, parseSavedChoices, withRoleOverrides } from "../src/core/choices";
import { planWorkbook, summarisePlan } from "../src/core/writePlan";
import { auditWorkbook, HIGHLIGHT_FILL } from "../src/core/audit";
import { columnLetter, WorkbookSnapshot } from "../src/core/grid";
import { readWorkbookFile } from "../src/xlsx/readWorkbook";
import { describeOfficeError, excelWorkbook } from "../src/excel/workbook";
import { FakeOfficeState, installFakeOffice } from "./support/fakeOffice";

let snapshot: WorkbookSnapshot;
let state: FakeOfficeState;
beforeAll(async () => {
  stubResizeObserver();
  snapshot = await readWorkbookFile(path.join(__dirname, "fixtures/xlsx/serang-typed.xlsx"));
});
beforeEach(() => {
  state = installFakeOffice(globalThis, snapshot);
});

async function scanned() {
  render(
    <FluentProvider theme={webLightTheme}>
      <App host="excel" port={excelWorkbook} describeError={describeOfficeError} initialLanguage="id" />
    </FluentProvider>,
  );
  await act(async () => fireEvent.click(screen.getByRole("button", { name: "Pindai buku kerja" })));
}
const click = (el: HTMLElement) => act(async () => fireEvent.click(el));
const saved = () => parseSavedChoices(state.settings[CHOICES_SETTING]);

test("preview → Tulis rumus → Batalkan: the cells the plan names are written, then restored", async () => {
  await scanned();
  const expected = planWorkbook(snapshot, recogniseWorkbook(snapshot));
  const summary = summarisePlan(expected);
  expect(screen.getByTestId("preview-cells").textContent).toBe(`${summary.formulas} sel akan diisi rumus`);
  expect(screen.getAllByTestId("preview-appended").length).toBe(summary.columns.filter((c) => c.appended).length);
  expect(screen.getByTestId("preview-skipped").textContent).toBe(`${expected.skipped.length} sel dilewati`);

  await click(screen.getByTestId("write"));
  expect(screen.getByTestId("write-result").textContent).toContain(`${expected.writes.length + expected.legend!.writes.length} sel ditulis`);
  for (const w of expected.writes.filter((x) => x.formula)) expect(state.cell(w.sheet, w.cell).formula).toBe(w.formula);
  expect((screen.getByTestId("write") as HTMLButtonElement).disabled).toBe(true);

  await click(screen.getByTestId("undo"));
  expect(screen.getByTestId("write-result").textContent).toContain("Dibatalkan");
  for (const w of expected.writes.filter((x) => x.formula)) expect(state.cell(w.sheet, w.cell).formula).toBeNull();
  expect(state.sheetNames()).not.toContain("Keterangan Rumus");
});

test("choices change the plan and are saved in the workbook; a colleague's scan finds them", async () => {
  await scanned();
  const analysis = recogniseWorkbook(snapshot);
  // Serang's Rasio KDRT row is lower-is-better; turning it off makes its capaian realisasi/target.
  const table = analysis.sheets.flatMap((s) => s.tables).find((t) => t.columns.some((c) => c.role === "capaian") && t.rows.some((r) => r.polarity === "lower-better"))!;
  const row = table.rows.find((r) => r.polarity === "lower-better")!;
  const toggle = screen.getByTestId(`polarity-${table.sheet}-${row.row + 1}`);
  await click(toggle);
  expect(saved().polarity).toEqual({ [`${table.sheet}!${row.row + 1}`]: "higher-better" });

  fireEvent.change(screen.getByTestId("negative-method"), { target: { value: "B" } });
  fireEvent.change(screen.getByTestId("scale"), { target: { value: "tercapai" } });
  const capaian = table.columns.find((c) => c.role === "capaian")!;
  fireEvent.change(screen.getByTestId(`role-${table.sheet}-${columnLetter(capaian.col)}`), { target: { value: "keterangan" } });
  await act(async () => undefined);
  const choices = saved();
  expect(choices).toMatchObject({ negative: "B", scale: "tercapai", roles: { [`${table.sheet}!${columnLetter(capaian.col)}@${table.header.top + 1}`]: "keterangan" } });

  const plan = planWorkbook(snapshot, withRoleOverrides(recogniseWorkbook(snapshot), choices.roles, snapshot), fillOptionsFrom(choices, false));
  expect(screen.getByTestId("preview-cells").textContent).not.toBe(`${summarisePlan(planWorkbook(snapshot, analysis)).formulas} sel akan diisi rumus`);
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

test("Periksa lists the audit's findings; a click selects the cell; highlighting is undone when unticked", async () => {
  await scanned();
  const findings = auditWorkbook(snapshot, recogniseWorkbook(snapshot));
  // Serang's 6 errors within tables, and the 2 they cause between Tabel 3.1 and Tabel 3.3 (the same capaian, two values).
  expect(findings.length).toBe(8);
  expect(findings.filter((f) => f.reason === "between-tables").map((f) => f.other?.cell)).toEqual(["F7", "F9"]);
  await click(screen.getByTestId("audit"));
  const items = within(screen.getByTestId("findings")).getAllByTestId("finding");
  expect(items.length).toBe(findings.length);
  expect(items[0].textContent).toContain("polaritas terbalik");
  // Each finding says its table and indicator, and why, in the pane's language.
  expect(within(items[0]).getByTestId("finding-where").textContent).toBe("Tabel 3.1 · Rasio KDRT");
  expect(items[0].textContent).toContain("semakin rendah semakin baik");
  await click(within(items[0]).getByRole("button"));
  expect(state.selected).toEqual({ sheet: findings[0].sheet, address: findings[0].cell });

  await click(screen.getByRole("checkbox", { name: "Tandai sel temuan di lembar kerja" }));
  for (const f of findings) expect(state.cell(f.sheet, f.cell).fill).toBe(HIGHLIGHT_FILL);
  await click(screen.getByRole("checkbox", { name: "Tandai sel temuan di lembar kerja" }));
  for (const f of findings) expect(state.cell(f.sheet, f.cell).fill).toBeNull();
});

test("a protected sheet: a clear message, nothing written", async () => {
  await scanned();
  const plan = planWorkbook(snapshot, recogniseWorkbook(snapshot));
  state.protect(plan.writes[0].sheet);
  await click(screen.getByTestId("write"));
  expect(screen.getByTestId("write-error").textContent).toBe(`Penulisan gagal: Lembar "${plan.writes[0].sheet}" diproteksi; buka proteksinya (Tinjau › Buka Proteksi Lembar) untuk menulis di sana. Tidak ada yang ditulis.`);
  for (const w of plan.writes.filter((x) => x.formula)) expect(state.cell(w.sheet, w.cell).formula).toBeNull();
});

test("a custom scale typed in the pane: its thresholds in the predikat formulas; a bad line is named", async () => {
  await scanned();
  fireEvent.change(screen.getByTestId("scale"), { target: { value: "custom" } });
  fireEvent.change(screen.getByTestId("custom-scale"), { target: { value: "90 Sangat Baik\nBaik\n0 Kurang" } });
  await act(async () => undefined);
  expect(screen.getByText(/line 2: "Baik" needs a lower bound and a label/)).toBeTruthy();
  expect(screen.queryAllByTestId("preview-appended").some((e) => /Predikat/.test(e.textContent ?? ""))).toBe(false);

  fireEvent.change(screen.getByTestId("custom-scale"), { target: { value: "90 Sangat Baik\n75 Baik\n0 Kurang" } });
  fireEvent.change(screen.getByTestId("cap"), { target: { value: "120" } });
  await act(async () => undefined);
  expect(saved()).toMatchObject({ scale: "custom", customBands: "90 Sangat Baik\n75 Baik\n0 Kurang", cap: 120 });
  const choices = saved();
  const plan = planWorkbook(snapshot, recogniseWorkbook(snapshot), fillOptionsFrom(choices, false));
  const predikat = plan.writes.filter((w) => w.role === "predikat");
  expect(predikat.length).toBeGreaterThan(0);
  await click(screen.getByTestId("write"));
  for (const w of plan.writes.filter((x) => x.role === "capaian")) expect(state.cell(w.sheet, w.cell).formula).toMatch(/MIN\((120|1\.2),/);
  for (const w of predikat) expect(state.cell(w.sheet, w.cell).formula).toMatch(/>=(90|0\.9),"Sangat Baik",IF\(\w+>=(75|0\.75),"Baik","Kurang"\)/);
});

// --- undo that respects the user, and a write that fails partway --------------------------------

/** The user typing into a cell in Excel. */
const type = (sheet: string, cell: string, input: string | number) =>
  act(() =>
    Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem(sheet).getRange(cell).formulas = [[input]];
      await ctx.sync();
    }),
  );

test("Batalkan after the user typed into a written cell: the typing stays and the pane names the cell", async () => {
  await scanned();
  const plan = planWorkbook(snapshot, recogniseWorkbook(snapshot));
  await click(screen.getByTestId("write"));
  const typed = plan.writes.find((w) => w.role === "capaian")!;
  await type(typed.sheet, typed.cell, 97.5);
  await click(screen.getByTestId("undo"));
  expect(screen.getByTestId("write-result").textContent).toContain("Dibatalkan");
  expect(within(screen.getByTestId("write-notices")).getAllByTestId("write-notices-item").map((e) => e.textContent)).toEqual([
    `'${typed.sheet}'!${typed.cell} diubah sejak ditulis add-in (sekarang "97.5"); dibiarkan seperti isian Anda.`,
  ]);
  expect(state.cell(typed.sheet, typed.cell).value).toBe(97.5);
  for (const w of plan.writes.filter((x) => x.formula && x !== typed)) expect(state.cell(w.sheet, w.cell).formula).toBeNull();
});

test("un-highlighting after a correction: the corrected value stays, its fill goes", async () => {
  await scanned();
  const finding = auditWorkbook(snapshot, recogniseWorkbook(snapshot))[0];
  await click(screen.getByTestId("audit"));
  await click(screen.getByRole("checkbox", { name: "Tandai sel temuan di lembar kerja" }));
  expect(state.cell(finding.sheet, finding.cell).fill).toBe(HIGHLIGHT_FILL);
  await type(finding.sheet, finding.cell, 100);
  await click(screen.getByRole("checkbox", { name: "Tandai sel temuan di lembar kerja" }));
  expect(state.cell(finding.sheet, finding.cell)).toMatchObject({ value: 100, fill: null });
  expect(screen.queryByTestId("highlight-notices")).toBeNull();
});

test("a write that fails partway is taken back and the pane says so in Indonesian; nothing is left to undo", async () => {
  await scanned();
  const plan = planWorkbook(snapshot, recogniseWorkbook(snapshot));
  const cells = plan.writes.length + plan.legend!.writes.length;
  state.failSync({ after: 2 }); // the read and the cells go through; merging the appended headers fails
  await click(screen.getByTestId("write"));
  expect(screen.getByTestId("write-error").textContent).toBe(`Penulisan gagal: Excel menolak di tengah jalan, setelah ${cells} dari ${cells} sel (GeneralException); yang sudah ditulis telah dikembalikan seperti semula.`);
  expect(screen.queryByTestId("undo")).toBeNull();
  for (const w of plan.writes.filter((x) => x.formula)) expect(state.cell(w.sheet, w.cell).formula).toBeNull();
  expect(state.sheetNames()).not.toContain("Keterangan Rumus");
  expect(state.notes).toEqual({});
});
