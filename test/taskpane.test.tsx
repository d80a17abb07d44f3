/** @jest-environment jsdom */
/**
 * The pane's components with a WorkbookPort that reads an .xlsx fixture (no Excel): what a user sees
 * and clicks, in both languages, and the messages when the scan or the selection fails.
 */
import * as React from "react";
import * as path from "path";
import { act, fireEvent, render, screen, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { stubResizeObserver } from "./support/jsdom";
import { App, AppProps } from "../src/taskpane/components/App";
import { recogniseWorkbook, tableRange, WorkbookAnalysis } from "../src/core/recognise";
import { DEFAULT_CHOICES } from "../src/core/choices";
import type { WorkbookSnapshot } from "../src/core/grid";
import { readWorkbookFile } from "../src/xlsx/readWorkbook";
import type { ScanResult, WorkbookPort } from "../src/excel/workbook";

let analysis: WorkbookAnalysis;
let snapshot: WorkbookSnapshot;
beforeAll(async () => {
  stubResizeObserver();
  snapshot = await readWorkbookFile(path.join(__dirname, "fixtures/xlsx/bekasi-bab3-blank.xlsx"));
  analysis = recogniseWorkbook(snapshot);
});

const scanOf = (a: WorkbookAnalysis, s: WorkbookSnapshot = snapshot): ScanResult => ({ snapshot: s, analysis: a, choices: DEFAULT_CHOICES, choicesSaved: false, profile: null });

function portOver(result: () => Promise<WorkbookAnalysis>) {
  const selected: [string, string][] = [];
  const port: WorkbookPort = {
    scan: async () => scanOf(await result()),
    selectRange: async (sheet, address) => {
      selected.push([sheet, address]);
    },
    write: async () => ({ runs: [], merges: [], notes: [], legend: null, cells: 0, notices: [] }),
    undo: async () => ({ restored: 0, kept: [] }),
    saveChoices: async () => undefined,
    generate: async (spec) => ({ created: spec.name, replaced: null, written: [], notices: [] }),
    undoGenerate: async () => ({ restored: 1, kept: [] }),
    saveProfile: async () => undefined,
  };
  return { port, selected };
}

function renderApp(props: Partial<AppProps>) {
  const languages: string[] = [];
  render(
    <FluentProvider theme={webLightTheme}>
      <App host="excel" port={null} describeError={(e) => String((e as Error).message)} initialLanguage="id" onLanguageChange={(l) => languages.push(l)} {...props} />
    </FluentProvider>,
  );
  return { languages };
}

test("scan lists every recognised table per sheet and a click selects that table's range", async () => {
  const { port, selected } = portOver(async () => analysis);
  renderApp({ port });
  await act(async () => fireEvent.click(screen.getByRole("button", { name: "Pindai buku kerja" })));
  const tables = analysis.sheets.flatMap((s) => s.tables);
  const sheets = analysis.sheets.filter((s) => s.tables.length);
  expect(screen.getByTestId("scan-summary").textContent).toBe(`${tables.length} tabel ditemukan di ${sheets.length} lembar kerja`);
  expect(screen.getAllByTestId("table-range").map((e) => e.textContent)).toEqual(tables.map((t) => tableRange(t)));
  // Grouped under their sheet, in workbook order.
  for (const s of sheets) {
    const section = screen.getByRole("region", { name: `Lembar ${s.name}` });
    expect(within(section).getAllByTestId("table-card")).toHaveLength(s.tables.length);
  }
  const last = tables[tables.length - 1];
  await act(async () => fireEvent.click(screen.getAllByTestId("table-card")[tables.length - 1]));
  expect(selected).toEqual([[last.sheet, tableRange(last)]]);
});

test("the language switch changes every label and is reported for saving", async () => {
  const { port } = portOver(async () => analysis);
  const { languages } = renderApp({ port });
  fireEvent.change(screen.getByRole("combobox", { name: "Bahasa" }), { target: { value: "en" } });
  expect(languages).toEqual(["en"]);
  await act(async () => fireEvent.click(screen.getByRole("button", { name: "Scan workbook" })));
  expect(screen.getByTestId("scan-summary").textContent).toMatch(/table\(s\) found in \d+ sheet\(s\)$/);
  expect(screen.getAllByTestId("table-family").map((e) => e.textContent)).toContain("IKU achievement");
  expect(screen.queryByText(/Pindai|Lembar/)).toBeNull();
});

test("a workbook without performance tables says so", async () => {
  const { port } = portOver(async () => ({ sheets: [{ name: "Sheet1", tables: [] }] }));
  // (the snapshot is Bekasi's, but the analysis has no tables: the pane shows neither tables nor formulas)
  renderApp({ port });
  await act(async () => fireEvent.click(screen.getByRole("button", { name: "Pindai buku kerja" })));
  expect(screen.getByTestId("scan-summary").textContent).toBe("Tidak ada tabel kinerja yang dikenali di buku kerja ini.");
  expect(screen.queryAllByTestId("table-card")).toHaveLength(0);
});

test("a failed scan or selection shows Office's message instead of failing silently", async () => {
  const port: WorkbookPort = {
    ...portOver(async () => analysis).port,
    selectRange: async () => {
      throw new Error("ItemNotFound: the sheet was renamed");
    },
  };
  renderApp({ port });
  await act(async () => fireEvent.click(screen.getByRole("button", { name: "Pindai buku kerja" })));
  await act(async () => fireEvent.click(screen.getAllByTestId("table-card")[0]));
  expect(screen.getByText(/Rentang tidak dapat dipilih: ItemNotFound: the sheet was renamed/)).toBeTruthy();

  const failing = portOver(async () => {
    throw new Error("GeneralException: workbook busy");
  });
  renderApp({ port: failing.port });
  await act(async () => fireEvent.click(screen.getAllByRole("button", { name: "Pindai buku kerja" })[1]));
  expect(screen.getByText(/Pemindaian gagal: GeneralException: workbook busy/)).toBeTruthy();
});

test("outside Excel there is no scan button, only the reason", () => {
  renderApp({ host: "no-host" });
  expect(screen.queryByRole("button", { name: "Pindai buku kerja" })).toBeNull();
  expect(screen.getByTestId("host-message").textContent).toContain("berjalan di luar Excel");
});
