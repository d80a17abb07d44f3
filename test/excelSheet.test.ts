/**
 * Generated sheets through the Office.js adapter on the fake Excel host: contents, formats, merges, print
 * layout, frozen panes and conditional fills as the spec says; text stays text; regenerating keeps the
 * earlier sheet hidden until "Batalkan" puts it back.
 */
import * as fs from "fs";
import * as path from "path";
import { readWorkbookFile, snapshotFromWorkbook } from "../src/xlsx/readWorkbook";
import { recogniseWorkbook } from "../src/core/recognise";
import { rencanaAksiSheet } from "../src/core/rencanaAksi";
import { perjanjianKinerjaSheet } from "../src/core/perjanjianKinerja";
import { readProfile } from "../src/core/profile";
import { cellAddress } from "../src/core/grid";
import { excelWorkbook } from "../src/excel/workbook";
import { installFakeOffice } from "./support/fakeOffice";
import { pkTableWorkbook } from "./support/workbooks";
import { phraser } from "../src/i18n";

/** The words of the generated sheets, in Indonesian as the CLI and the pane write them by default. */
const ID = phraser("id");

const profile = readProfile(JSON.parse(fs.readFileSync(path.join(__dirname, "..", "examples", "profile.json"), "utf8"))).profile;

test("Rencana Aksi: every cell, merge and layout setting of the spec lands; syncs stay few", async () => {
  const snapshot = await readWorkbookFile(path.join(__dirname, "fixtures/xlsx/bekasi-typed.xlsx"));
  const state = installFakeOffice(globalThis, snapshot);
  const scan = await excelWorkbook.scan();
  const { spec } = rencanaAksiSheet(scan.snapshot, scan.analysis, { phrase: ID });
  state.syncCount = 0;
  const progress: number[] = [];
  const undo = await excelWorkbook.generate(spec, (p) => progress.push(p.done));
  expect(state.syncCount).toBeLessThanOrEqual(3 + Math.ceil(spec.cells.length / 9000));
  expect(progress[progress.length - 1]).toBe(spec.cells.length);
  for (const c of spec.cells) {
    const got = state.cell(spec.name, cellAddress(c.row, c.col));
    if (c.formula) expect(got.formula).toBe(c.formula);
    else expect([cellAddress(c.row, c.col), got.value]).toEqual([cellAddress(c.row, c.col), c.value ?? null]);
    if (c.fill) expect(got.fill).toBe(c.fill);
    if (c.bold) expect(got.bold).toBe(true);
  }
  expect(state.merges(spec.name).sort()).toEqual([...spec.merges].sort());
  expect(state.layout[spec.name]).toMatchObject({ orientation: "Landscape", paperSize: "A4", zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 }, printArea: spec.print.area, titleRows: "$5:$7", freeze: "A1:C7" });
  expect(state.layout[spec.name].conditional).toEqual([{ range: spec.conditional[0].range, formula: `=${spec.conditional[0].range.split(":")[0]}="Periksa"`, fill: "#FFC7CE", fontColor: "#9C0006" }]);
  expect(state.activated).toBe(spec.name);
  await excelWorkbook.undoGenerate(undo);
  expect(state.sheetNames()).not.toContain(spec.name);
});

test("Perjanjian Kinerja: text that looks like a formula stays text; the page break before the lampiran; names bold and underlined", async () => {
  const snapshot = snapshotFromWorkbook(pkTableWorkbook('=HYPERLINK("http://x","klik")', "@Jumlah dokumen"));
  const state = installFakeOffice(globalThis, snapshot);
  const { spec } = perjanjianKinerjaSheet(snapshot, recogniseWorkbook(snapshot), profile, { phrase: ID });
  await excelWorkbook.generate(spec);
  const injected = spec.cells.filter((c) => c.value === '=HYPERLINK("http://x","klik")' || c.value === "@Jumlah dokumen");
  expect(injected.length).toBe(2);
  for (const c of injected) expect(state.cell(spec.name, cellAddress(c.row, c.col))).toMatchObject({ formula: null, value: c.value });
  expect(state.layout[spec.name].breaks).toEqual([`A${spec.print.breaksBefore[0] + 1}`]);
  const name = spec.cells.find((c) => c.value === profile.pihakPertama.nama)!;
  expect(state.cell(spec.name, cellAddress(name.row, name.col))).toMatchObject({ bold: true, underline: true });
});

test("regenerating hides the earlier generated sheet; Batalkan deletes the new one and brings the earlier one back", async () => {
  const snapshot = await readWorkbookFile(path.join(__dirname, "fixtures/xlsx/serang-typed.xlsx"));
  const state = installFakeOffice(globalThis, snapshot);
  let scan = await excelWorkbook.scan();
  const first = rencanaAksiSheet(scan.snapshot, scan.analysis, { phrase: ID, phasing: "akhir" }).spec;
  await excelWorkbook.generate(first);
  scan = await excelWorkbook.scan();
  const second = rencanaAksiSheet(scan.snapshot, scan.analysis, { phrase: ID, phasing: "flat" }).spec;
  expect([second.name, second.replaces]).toEqual([first.name, true]);
  const undo = await excelWorkbook.generate(second);
  expect(undo.replaced).toEqual({ name: first.name, backup: `${first.name} (lama)`, visibility: "Visible" });
  expect(state.visibility(`${first.name} (lama)`)).toBe("Hidden");
  const patternCell = (name: string) => state.cell(name, "F9").value;
  expect(patternCell(first.name)).toBe("Tetap");
  await excelWorkbook.undoGenerate(undo);
  expect(state.sheetNames().filter((n) => n.startsWith("Rencana Aksi"))).toEqual([first.name]);
  expect(state.visibility(first.name)).toBe("Visible");
  expect(patternCell(first.name)).toBe("Akhir tahun");
});
