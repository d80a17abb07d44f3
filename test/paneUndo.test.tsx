/** @jest-environment jsdom */
/**
 * What the pane tells the user when undo leaves their later edits alone, and when a write fails partway
 * and is taken back — in their language — on the fake Excel host with the real adapter and core.
 */
import * as React from "react";
import * as path from "path";
import { act, fireEvent, render, screen, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { stubResizeObserver } from "./support/jsdom";
import { App } from "../src/taskpane/components/App";
import { recogniseWorkbook } from "../src/core/recognise";
import { planWorkbook } from "../src/core/writePlan";
import { auditWorkbook, HIGHLIGHT_FILL } from "../src/core/audit";
import type { WorkbookSnapshot } from "../src/core/grid";
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
