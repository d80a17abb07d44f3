/** @jest-environment jsdom */
/**
 * "Buat Rencana Aksi" and "Buat Perjanjian Kinerja" in the pane, on the fake Excel host: sources
 * preselected, the outline, phasing per indicator, the profile form with its checks, generating with the
 * sheet's cells asserted, the profile remembered in the workbook and for the user, and Batalkan.
 */
import * as fs from "fs";
import * as path from "path";
import { act, fireEvent, screen } from "@testing-library/react";
import { stubResizeObserver } from "./support/jsdom";
import { click, openSection, renderPane, scanNow, warmUp } from "./support/pane";
import { recogniseWorkbook } from "../src/core/recognise";
import { rencanaAksiSheet } from "../src/core/rencanaAksi";
import { perjanjianKinerjaSheet } from "../src/core/perjanjianKinerja";
import { PkProfile, readProfile } from "../src/core/profile";
import { cellAddress, WorkbookSnapshot } from "../src/core/grid";
import { readWorkbookFile } from "../src/xlsx/readWorkbook";
import { describeOfficeError, excelWorkbook, PROFILE_SETTING } from "../src/excel/workbook";
import { FakeOfficeState, installFakeOffice } from "./support/fakeOffice";
import { phraser } from "../src/i18n";

/** The words of the generated sheets, in Indonesian as the CLI and the pane write them by default. */
const ID = phraser("id");

let snapshot: WorkbookSnapshot;
let state: FakeOfficeState;
const profile = readProfile(JSON.parse(fs.readFileSync(path.join(__dirname, "..", "examples", "profile.json"), "utf8"))).profile;
beforeAll(async () => {
  stubResizeObserver();
  warmUp();
  const full = await readWorkbookFile(path.join(__dirname, "fixtures/xlsx/bekasi-typed.xlsx"));
  // The sheets the generators read (PK list, budget with quarterly allocation) and two others: a small
  // workbook scans and renders in a fraction of the 62-sheet report's time.
  snapshot = { ...full, sheets: full.sheets.filter((s) => ["bekasi-2.3", "bekasi-2.3b", "bekasi-2.4", "bekasi-3.1", "bekasi-3.2"].includes(s.name)) };
});
beforeEach(() => {
  state = installFakeOffice(globalThis, snapshot);
});

async function open(userProfile: unknown = null) {
  const saved: PkProfile[] = [];
  renderPane({ port: excelWorkbook, describeError: describeOfficeError, userProfile, onProfileSave: (p) => saved.push(p) });
  await scanNow();
  return saved;
}
const type = (testId: string, value: string) => act(async () => fireEvent.change(screen.getByTestId(testId), { target: { value } }));

test("Buat Rencana Aksi: sources preselected, a phasing changed for one indicator, the sheet generated and undone", async () => {
  await open();
  await openSection("ra");
  expect((screen.getByTestId("ra-source-pk") as HTMLSelectElement).value).toBe("bekasi-2.3!A1:D9");
  expect((screen.getByTestId("ra-source-budget") as HTMLSelectElement).value).toBe("bekasi-2.4!A1:G55");
  expect((screen.getByTestId("ra-source-quarterly") as HTMLSelectElement).value).toBe("bekasi-2.4!A1:G55");
  expect(screen.getByTestId("outline-ra").textContent).toContain('Lembar "Rencana Aksi 2024"');
  expect(screen.getByTestId("outline-ra").textContent).toContain("5 indikator dengan target TW I–IV · 48 baris program/kegiatan/sub kegiatan · 48 dengan alokasi triwulan");
  // The second indicator (IDG) flat instead of year-end.
  await click(screen.getByTestId("phasing-per-indicator"));
  expect(screen.getByLabelText(/^Indeks Pemberdayaan Gender|IDG/)).toBe(screen.getByTestId("phasing-bekasi-2.3!5"));
  await type("phasing-bekasi-2.3!5", "flat");
  await click(screen.getByTestId("generate-ra"));
  expect(screen.getByTestId("result-ra").textContent).toContain('Lembar "Rencana Aksi 2024" dibuat');
  const expected = rencanaAksiSheet(snapshot, recogniseWorkbook(snapshot), { phrase: ID, phasingByIndicator: { "bekasi-2.3!5": "flat" }, negative: "A" }).spec;
  for (const c of expected.cells.filter((x) => x.value !== null && x.value !== undefined)) expect([cellAddress(c.row, c.col), state.cell("Rencana Aksi 2024", cellAddress(c.row, c.col)).value]).toEqual([cellAddress(c.row, c.col), c.value]);
  expect(state.cell("Rencana Aksi 2024", "F10").value).toBe("Tetap");
  await click(screen.getByTestId("undo-ra"));
  expect(state.sheetNames()).not.toContain("Rencana Aksi 2024");
  expect(screen.getByTestId("result-ra").textContent).toContain("Dibatalkan");
});

test("Buat Perjanjian Kinerja: the profile is checked, remembered in the workbook and for the user, and the sheet carries it", async () => {
  const saved = await open({ ...profile, pihakPertama: { ...profile.pihakPertama, nip: "123" } });
  await openSection("pk");
  expect((screen.getByTestId("pk-source-budget") as HTMLSelectElement).value).toBe("bekasi-2.3b!A1:D10");
  expect(screen.getByTestId("profile-problems").textContent).toContain('NIP PIHAK PERTAMA harus 18 angka (tertulis "123")');
  expect((screen.getByTestId("generate-pk") as HTMLButtonElement).disabled).toBe(true);
  await type("pihakPertama-nip", profile.pihakPertama.nip!);
  expect(screen.queryByTestId("profile-problems")).toBeNull();
  await type("pihakPertama-status", "Plt.");
  await click(screen.getByTestId("perubahan"));
  expect(screen.getByTestId("outline-pk").textContent).toContain("5 sasaran, 5 indikator · 5 program, jumlah anggaran Rp 19.228.422.485");
  await click(screen.getByTestId("generate-pk"));
  expect(screen.getByTestId("result-pk").textContent).toContain('Lembar "PK Perubahan 2024" dibuat');
  const used = { ...profile, pihakPertama: { ...profile.pihakPertama, status: "Plt." as const } };
  const spec = perjanjianKinerjaSheet(snapshot, recogniseWorkbook(snapshot), used, { phrase: ID, perubahan: true }).spec;
  for (const c of spec.cells.filter((x) => x.value !== null && x.value !== undefined)) expect(state.cell(spec.name, cellAddress(c.row, c.col)).value).toBe(c.value);
  expect(spec.cells.some((c) => c.value === `Plt. ${profile.pihakPertama.jabatan}`)).toBe(true);
  // Remembered: in the workbook (a colleague's scan finds it) and for this user.
  expect(readProfile(JSON.parse(String(state.settings[PROFILE_SETTING]))).profile.pihakPertama.status).toBe("Plt.");
  expect(saved.map((p) => p.pihakPertama.nip)).toEqual([profile.pihakPertama.nip]);
  expect((await excelWorkbook.scan()).profile?.pihakPertama.nama).toBe(profile.pihakPertama.nama);
});
