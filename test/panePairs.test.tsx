/** @jest-environment jsdom */
/**
 * A computed column whose operands recognition is not sure of is offered as a choice under its table; the
 * choice is recorded in the saved choices, and the plan then writes that column with the chosen operands.
 */
import * as React from "react";
import ExcelJS from "exceljs";
import { fireEvent, render, screen } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { stubResizeObserver } from "./support/jsdom";
import { TableList } from "../src/taskpane/components/TableList";
import { PANE_STRINGS } from "../src/i18n/pane";
import { snapshotFromWorkbook } from "../src/xlsx/readWorkbook";
import { recogniseWorkbook } from "../src/core/recognise";
import { DEFAULT_CHOICES, fillOptionsFrom, SavedChoices } from "../src/core/choices";
import { planWorkbook } from "../src/core/writePlan";

beforeAll(stubResizeObserver);

test("the uncertain capaian is chosen in the pane and then written", () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("IKU");
  ws.getCell("A1").value = "Tabel 3.1";
  ws.getCell("A2").value = "Capaian Tahun 2024";
  ws.getRow(3).values = ["No", "Indikator Kinerja", "Target", "Realisasi", "Realisasi", "Capaian (%)"];
  ws.getRow(4).values = [1, "Jumlah dokumen perencanaan", 10, 12, 9, null];
  ws.getRow(5).values = [2, "Jumlah laporan evaluasi", 4, 5, 4, null];
  const snapshot = snapshotFromWorkbook(wb);
  const analysis = recogniseWorkbook(snapshot);
  expect(planWorkbook(snapshot, analysis, fillOptionsFrom(DEFAULT_CHOICES, false)).writes.filter((w) => w.role === "capaian")).toEqual([]);

  const saved: SavedChoices[] = [];
  render(
    <FluentProvider theme={webLightTheme}>
      <TableList sheets={analysis.sheets} t={PANE_STRINGS.id} lang="id" attention={new Map()} onSelect={() => undefined} checked={[]} onCheck={() => undefined} choices={DEFAULT_CHOICES} onChoices={(c) => saved.push(c)} />
    </FluentProvider>,
  );
  fireEvent.click(screen.getByTestId("table-toggle"));
  expect(screen.getByTestId("pairs-editor").textContent).toContain("Pasangan kolom yang perlu dipilih (1)");
  fireEvent.click(screen.getByTestId("pairs-editor"));
  const select = screen.getByTestId("pair-IKU-capaian-F") as HTMLSelectElement;
  expect([...select.options].map((o) => o.textContent)).toEqual(expect.arrayContaining(["(belum dipilih: tidak ditulis)", "E / C", "D / C"]));
  fireEvent.change(select, { target: { value: "3/2" } });
  // Keyed by sheet, measure, column and the table's first header row: another table's column F is not touched.
  expect(saved[0].pairs).toEqual({ "IKU!capaian@F#3": { numerator: 3, denominator: 2 } });

  const plan = planWorkbook(snapshot, analysis, fillOptionsFrom(saved[0], false));
  expect(plan.writes.filter((w) => w.role === "capaian").map((w) => w.formula)).toEqual([
    '=IF(AND(ISNUMBER(C4),ISNUMBER(D4),C4<>0),D4/C4*100,"")',
    '=IF(AND(ISNUMBER(C5),ISNUMBER(D5),C5<>0),D5/C5*100,"")',
  ]);
});
