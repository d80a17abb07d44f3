/**
 * The audit on the shared reports: every error the fixtures' notes describe is found, with the reason
 * the note gives (truncation, wrong polarity, a wrong figure, a program that is not the sum of its kegiatan).
 */
import * as path from "path";
import { readWorkbookFile } from "../src/xlsx/readWorkbook";
import { recogniseWorkbook } from "../src/core/recognise";
import { auditWorkbook, Finding } from "../src/core/audit";

const DIR = path.join(__dirname, "fixtures", "xlsx");
async function audit(file: string, negative: "A" | "B"): Promise<Finding[]> {
  const s = await readWorkbookFile(path.join(DIR, file));
  return auditWorkbook(s, recogniseWorkbook(s), { negative });
}

/** [fixture note, sheet!cell, reason] — what each note says is wrong in the published table. */
const NOTED: [string, string, string, Finding["reason"] | null][] = [
  ["serang-typed.xlsx", "serang-3.1!F7", "Rasio KDRT 95,65 % computed higher-is-better", "wrong-polarity"],
  ["serang-typed.xlsx", "serang-3.1!F9", "RJAK 64,10 % computed higher-is-better", "wrong-polarity"],
  ["serang-typed.xlsx", "serang-3.4!E7", "the same KDRT figure in Tabel 3.4", "wrong-polarity"],
  ["serang-typed.xlsx", "serang-3.4!E9", "the same RJAK figure in Tabel 3.4", "wrong-polarity"],
  ["serang-typed.xlsx", "serang-3.6!D30", "kegiatan 16 realisasi differs from its program VIII by 9.000.000", "total-mismatch"],
  ["serang-typed.xlsx", "serang-3.6!E31", "kegiatan 16's printed serapan does not follow from its figures", null],
  ["bekasi-typed.xlsx", "bekasi-3.1!G5", "103,87 % truncated", "truncated"],
  ["bekasi-typed.xlsx", "bekasi-3.9!E5", "103,87 % truncation", "truncated"],
  ["bekasi-typed.xlsx", "bekasi-3.12!G5", "103,87 % truncation", "truncated"],
  ["bekasi-typed.xlsx", "bekasi-3.16!G4", "95,48 % truncation", "truncated"],
  ["bekasi-typed.xlsx", "bekasi-3.18!E4", "54,25 % truncation", "truncated"],
  ["bekasi-typed.xlsx", "bekasi-3.24!G9", "92,95 % WRONG", null],
  ["bekasi-typed.xlsx", "bekasi-3.35!E6", "100,3 % WRONG (85,2 / 83 = 102,65)", null],
  ["bekasi-typed.xlsx", "bekasi-3.3!D5", "107,13 % copied from Tabel 3.2 against a national target of 64,23", null],
  ["bekasi-typed.xlsx", "bekasi-3.38!G11", "95,97 % (the fixture notes a truncation)", null],
];

test("every error noted in the fixtures is found", async () => {
  const found = new Map<string, Finding[]>();
  for (const f of [...new Set(NOTED.map((n) => n[0]))]) found.set(f, await audit(f, f.startsWith("bekasi") ? "B" : "A"));
  const missing: string[] = [];
  for (const [file, at, note, reason] of NOTED) {
    const hit = found.get(file)!.find((x) => `${x.sheet}!${x.cell}` === at);
    if (!hit) missing.push(`${at}: ${note}`);
    else if (reason) expect({ at, reason: hit.reason }).toEqual({ at, reason });
  }
  const total = [...found.values()].reduce((n, f) => n + f.length, 0);
  console.log(`Audit: ${NOTED.length - missing.length}/${NOTED.length} noted errors found; ${total} findings in all (serang ${found.get("serang-typed.xlsx")!.length}, bekasi ${found.get("bekasi-typed.xlsx")!.length})`);
  expect(missing).toEqual([]);
});

test("Binjai's tables agree within themselves; the one finding is between two tables, naming both cells; the pasted flavour finds what the typed one finds", async () => {
  const binjai = await audit("binjai-lkj2023-typed.xlsx", "A");
  // "Jumlah Posyandu Aktif", realisasi 2023: 43 in Tabel 3.5 and 241 in Tabel 3.6 of the published report.
  expect(binjai).toEqual([expect.objectContaining({ sheet: "binjai-lkj2023-3.6", cell: "D19", reason: "between-tables", typed: 241, expected: 43, table: "Tabel 3.6", indicator: "4.1.3 Jumlah Posyandu Aktif", other: { sheet: "binjai-lkj2023-3.5", cell: "E13", table: "Tabel 3.5", value: 43 } })]);
  const typed = (await audit("serang-typed.xlsx", "A")).map((f) => `${f.sheet}!${f.cell}:${f.reason}`).sort();
  const pasted = (await audit("serang-pasted.xlsx", "A")).map((f) => `${f.sheet}!${f.cell}:${f.reason}`).sort();
  expect(pasted).toEqual(typed);
});

test("formula lint: a constant typed inside, a formula unlike its column, AVERAGE in a parent row", async () => {
  const ExcelJS = (await import("exceljs")).default;
  const { snapshotFromWorkbook } = await import("../src/xlsx/readWorkbook");
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Tabel 3.5");
  ws.getCell("A1").value = "Tabel 3.5 Realisasi Anggaran";
  ws.getRow(2).values = ["No", "Program/Kegiatan", "Pagu (Rp)", "Realisasi (Rp)", "Sisa Anggaran (Rp)"];
  ws.getRow(3).values = ["I", "Program Penunjang Urusan", 3000, 2700, null];
  ws.getCell("C3").value = { formula: "AVERAGE(C4:C6)", result: 1000 };
  ws.getCell("D3").value = { formula: "SUM(D4:D6)", result: 2700 };
  ws.getRow(4).values = ["1", "Administrasi Keuangan", 1000, 900];
  ws.getRow(5).values = ["2", "Administrasi Umum", 1000, 900];
  ws.getRow(6).values = ["3", "Perencanaan", 1000, 900];
  ws.getCell("E4").value = { formula: "C4-D4", result: 100 };
  ws.getCell("E5").value = { formula: "C5-D5", result: 100 };
  ws.getCell("E6").value = { formula: "20906000-D6", result: 20905100 };
  const s = snapshotFromWorkbook(wb);
  const reasons = auditWorkbook(s, recogniseWorkbook(s)).map((f) => `${f.cell}:${f.reason}`);
  expect(reasons).toEqual(expect.arrayContaining(["E6:constant-in-formula", "E6:inconsistent-formula", "C3:average-in-parent"]));
});

test("Bekasi's K/Rp tables, whose sums the fixture notes as consistent, give no total finding (indicator rows under a program are not its parts)", async () => {
  const bekasi = await audit("bekasi-typed.xlsx", "B");
  expect(bekasi.filter((f) => f.reason === "total-mismatch")).toEqual([]);
});
