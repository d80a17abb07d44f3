/** @jest-environment jsdom */
/**
 * The pane's components with a WorkbookPort that reads an .xlsx fixture (no Excel): what a user sees
 * and clicks, in both languages, the table cards (collapsed, filterable by sheet and by what needs a
 * look), and the messages when the scan or the selection fails.
 */
import * as path from "path";
import { act, fireEvent, screen, within } from "@testing-library/react";
import { stubResizeObserver } from "./support/jsdom";
import { change, click, openCard, renderPane, scanNow, warmUp } from "./support/pane";
import { recogniseWorkbook, tableRange, WorkbookAnalysis } from "../src/core/recognise";
import { DEFAULT_CHOICES } from "../src/core/choices";
import type { WorkbookSnapshot } from "../src/core/grid";
import { readWorkbookFile } from "../src/xlsx/readWorkbook";
import type { ScanResult, WorkbookPort } from "../src/excel/workbook";
import { roleName } from "../src/i18n/terms";

let analysis: WorkbookAnalysis;
let snapshot: WorkbookSnapshot;
beforeAll(async () => {
  stubResizeObserver();
  warmUp();
  snapshot = await readWorkbookFile(path.join(__dirname, "fixtures/xlsx/serang-typed.xlsx"));
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

test("scan lists every recognised table per sheet, collapsed; 'Pilih di Excel' selects that table's range", async () => {
  const { port, selected } = portOver(async () => analysis);
  renderPane({ port });
  expect(screen.getByTestId("scan").textContent).toBe("Pindai buku kerja");
  await scanNow();
  const tables = analysis.sheets.flatMap((s) => s.tables);
  const sheets = analysis.sheets.filter((s) => s.tables.length);
  expect(screen.getByTestId("scan-summary").textContent).toBe(`${tables.length} tabel ditemukan di ${sheets.length} lembar kerja`);
  expect(screen.getAllByTestId("table-range").map((e) => e.textContent)).toEqual(tables.map((t) => tableRange(t)));
  // Collapsed: no editor is rendered until a card is opened.
  expect(screen.queryAllByTestId("columns-editor")).toHaveLength(0);
  for (const s of sheets) {
    const section = screen.getByRole("region", { name: `Lembar ${s.name}` });
    expect(within(section).getAllByTestId("table-card")).toHaveLength(s.tables.length);
  }
  const last = tables[tables.length - 1];
  const card = screen.getAllByTestId("table-card")[tables.length - 1];
  await click(within(card).getByRole("button", { name: "Pilih di Excel" }));
  expect(selected).toEqual([[last.sheet, tableRange(last)]]);
  // The card is an article named by its caption; its controls sit beside the disclosure, not inside it.
  expect(card.tagName).toBe("ARTICLE");
  expect(within(card).getByTestId("table-toggle").querySelectorAll("button, input, select")).toHaveLength(0);
  expect(screen.getByTestId("scan").textContent).toBe("Pindai ulang");
});

test("an opened card shows column roles in words; the filters narrow the list by sheet and by what needs a look", async () => {
  const { port } = portOver(async () => analysis);
  renderPane({ port });
  await scanNow();
  const budget = analysis.sheets.flatMap((s) => s.tables).find((t) => t.columns.some((c) => c.role === "realisasi_anggaran"))!;
  const card = await openCard(tableRange(budget));
  expect(within(card).getByRole("group", { name: "Kolom utama" }).textContent).toContain("Realisasi anggaran");
  expect(card.textContent).not.toContain("realisasi_anggaran");
  await click(within(card).getByTestId("columns-editor"));
  const roleSelect = within(card).getAllByRole("combobox")[0] as HTMLSelectElement;
  expect(roleSelect.labels?.[0]?.textContent).toMatch(/^[A-Z]+: /);
  expect([...roleSelect.options].map((o) => o.textContent)).toContain("Realisasi anggaran");

  const sheet = analysis.sheets.find((s) => s.tables.length > 1) ?? analysis.sheets.find((s) => s.tables.length)!;
  await change(screen.getByTestId("filter-sheet"), sheet.name);
  expect(screen.getAllByTestId("table-range").map((e) => e.textContent)).toEqual(sheet.tables.map((t) => tableRange(t)));
  expect(screen.getByTestId("filter-count").textContent).toBe(`${sheet.tables.length} dari ${analysis.sheets.flatMap((s) => s.tables).length} tabel ditampilkan`);
  await change(screen.getByTestId("filter-sheet"), "");

  await click(screen.getByTestId("filter-attention"));
  const flagged = screen.getAllByTestId("table-card");
  expect(flagged.length).toBeGreaterThan(0);
  expect(flagged.length).toBeLessThan(analysis.sheets.flatMap((s) => s.tables).length);
  for (const c of flagged) expect(within(c).getByTestId("table-attention").textContent).toMatch(/peringatan|sel dilewati|polaritas ragu|temuan/);
});

test("the language switch changes every label and is reported for saving", async () => {
  const { port } = portOver(async () => analysis);
  const languages: string[] = [];
  renderPane({ port, onLanguageChange: (l) => languages.push(l) });
  fireEvent.change(screen.getByRole("combobox", { name: "Bahasa" }), { target: { value: "en" } });
  expect(languages).toEqual(["en"]);
  await act(async () => fireEvent.click(screen.getByRole("button", { name: "Scan workbook" })));
  expect(screen.getByTestId("scan-summary").textContent).toMatch(/table\(s\) found in \d+ sheet\(s\)$/);
  expect(screen.getAllByTestId("table-family").map((e) => e.textContent)).toContain("IKU achievement");
  const budget = analysis.sheets.flatMap((s) => s.tables).find((t) => t.columns.some((c) => c.role === "realisasi_anggaran"))!;
  expect((await openCard(tableRange(budget))).textContent).toContain(roleName("realisasi_anggaran", "en"));
  expect(screen.queryByText(/Pindai|Lembar|tabel ditemukan/)).toBeNull();
});

test("a workbook without performance tables says so", async () => {
  const { port } = portOver(async () => ({ sheets: [{ name: "Sheet1", tables: [] }] }));
  renderPane({ port });
  await scanNow();
  expect(screen.getByTestId("scan-summary").textContent).toBe("Tidak ada tabel kinerja yang dikenali di buku kerja ini.");
  expect(screen.queryAllByTestId("table-card")).toHaveLength(0);
  expect(screen.queryByTestId("tab-formulas")).toBeNull();
});

test("a failed scan or selection shows Office's message instead of failing silently", async () => {
  const port: WorkbookPort = {
    ...portOver(async () => analysis).port,
    selectRange: async () => {
      throw new Error("ItemNotFound: the sheet was renamed");
    },
  };
  const first = renderPane({ port });
  await scanNow();
  await click(screen.getAllByTestId("select-table")[0]);
  expect(screen.getByText(/Rentang tidak dapat dipilih: ItemNotFound: the sheet was renamed/)).toBeTruthy();
  first.unmount();

  const failing = portOver(async () => {
    throw new Error("GeneralException: workbook busy");
  });
  renderPane({ port: failing.port });
  await scanNow();
  expect(screen.getByText(/Pemindaian gagal: GeneralException: workbook busy/)).toBeTruthy();
});

test("outside Excel there is no scan button, only the reason", () => {
  renderPane({ host: "no-host", port: null });
  expect(screen.queryByRole("button", { name: "Pindai buku kerja" })).toBeNull();
  expect(screen.getByTestId("host-message").textContent).toContain("berjalan di luar Excel");
});
