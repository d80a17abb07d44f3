/**
 * Writing into the original package, piece by piece: formulas moved as Excel moves them (shared formulas),
 * text that stays text whatever it holds, a sheet written with a namespace prefix, notes beside existing ones.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { XlsxPackage } from "../src/xlsx/package";
import { snapshotFromPackage } from "../src/xlsx/packageRead";
import { WorkbookEditor } from "../src/xlsx/packageWrite";
import { shiftFormula } from "../src/xlsx/sheetXml";
import { loadWorkbookFile, snapshotFromWorkbook } from "../src/xlsx/readWorkbook";
import type { CellWrite, WritePlan } from "../src/core/writePlan";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const plan = (writes: Partial<CellWrite>[], extra: Partial<WritePlan> = {}): WritePlan => ({
  writes: writes.map((w) => ({ sheet: "S", role: "capaian", value: null, ...w }) as CellWrite),
  appended: [], skipped: [], current: [], empty: [], textNumbers: [], convertText: false, reconciled: [], legend: null, merges: [], notes: [], methods: [], choices: [], ...extra,
});

/** Applies a plan to the package of `bytes` and returns the copy's bytes. */
async function applied(bytes: Buffer, p: WritePlan): Promise<Buffer> {
  const pkg = await XlsxPackage.fromBytes(bytes, "t.xlsx");
  const editor = await WorkbookEditor.open(pkg);
  await editor.applyPlan(p);
  await editor.finish();
  return pkg.toBuffer();
}
const snapshot = async (bytes: Buffer) => snapshotFromPackage(await XlsxPackage.fromBytes(bytes, "t.xlsx"));
const cell = (s: Awaited<ReturnType<typeof snapshot>>, address: string) => {
  const sheet = s.sheets[0];
  const m = /^([A-Z]+)(\d+)$/.exec(address)!;
  const r = Number(m[2]) - 1 - sheet.top;
  const c = m[1].charCodeAt(0) - 65 - sheet.left;
  return { value: sheet.values[r]?.[c] ?? null, formula: sheet.formulas[r]?.[c] ?? null, format: sheet.numberFormats[r]?.[c] ?? null };
};

test("formulas move as Excel moves them: relative parts shift, $ parts, text, names and numbers stay", () => {
  expect(shiftFormula("A1*2+$B$1+C$1+$D1", 2, 1)).toBe("B3*2+$B$1+D$1+$D3");
  expect(shiftFormula('IF(A1>0,"A1 naik",LOG10(A1))+1E3', 1, 0)).toBe('IF(A2>0,"A1 naik",LOG10(A2))+1E3');
  expect(shiftFormula("SUM('Tabel 3.1'!E5:E9)+Sheet2!A1", 1, 0)).toBe("SUM('Tabel 3.1'!E6:E10)+Sheet2!A2");
  expect(shiftFormula("SUM(Tabel1[[#This Row],[Pagu]])+A1", 1, 0)).toBe("SUM(Tabel1[[#This Row],[Pagu]])+A2");
  expect(shiftFormula("A1", -1, 0)).toBe("#REF!");
});

test("overwriting the first cell of a shared formula writes the formula out in its other cells", async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("S");
  for (let r = 2; r <= 5; r++) ws.getCell(`A${r}`).value = r * 10;
  ws.getCell("C2").value = { formula: "A2*2", shareType: "shared", ref: "C2:C5", result: 40 } as ExcelJS.CellFormulaValue;
  for (let r = 3; r <= 5; r++) ws.getCell(`C${r}`).value = { sharedFormula: "C2", result: r * 20 } as ExcelJS.CellSharedFormulaValue;
  const bytes = Buffer.from(await wb.xlsx.writeBuffer());
  await expect((await JSZip.loadAsync(bytes)).file("xl/worksheets/sheet1.xml")!.async("string")).resolves.toMatch(/t="shared"/);
  const out = await applied(bytes, plan([{ cell: "C2", formula: "=A2/2", value: 10 }]));
  const s = await snapshot(out);
  expect(["C2", "C3", "C4", "C5"].map((a) => cell(s, a).formula)).toEqual(["=A2/2", "=A3*2", "=A4*2", "=A5*2"]);
  // ExcelJS reads the copy the same way.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lkip-pw-"));
  fs.writeFileSync(path.join(dir, "o.xlsx"), out);
  const theirs = snapshotFromWorkbook(await loadWorkbookFile(path.join(dir, "o.xlsx")));
  expect(theirs.sheets[0].formulas).toEqual(s.sheets[0].formulas);
  fs.rmSync(dir, { recursive: true, force: true });
});

test("text stays text, whatever it begins with or holds; numbers get their format", async () => {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("S").getCell("A1").value = "judul";
  const texts = ['=HYPERLINK("http://x","klik")', "+62 812", "a < b & c > d", "_x0041_ bukan A", "baris\nbaru", "tab\there", "ctl\u0001x"];
  const out = await applied(Buffer.from(await wb.xlsx.writeBuffer()), plan([...texts.map((t, i) => ({ cell: `B${i + 1}`, value: t, role: "header" as const })), { cell: "C1", value: 0.5, numberFormat: "0.00%" }, { cell: "C2", value: 1234.5, numberFormat: '#,##0.00 "Laporan"' }]));
  const s = await snapshot(out);
  texts.forEach((t, i) => expect(cell(s, `B${i + 1}`)).toEqual({ value: t === "ctl\u0001x" ? "ctl\u0001x" : t, formula: null, format: null }));
  expect(cell(s, "C1")).toEqual({ value: 0.5, formula: null, format: "0.00%" });
  expect(cell(s, "C2")).toEqual({ value: 1234.5, formula: null, format: '#,##0.00 "Laporan"' });
});

const NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
/** A minimal package as some programs write it: every element with the x: prefix. */
function prefixedPackage(): JSZip {
  const zip = new JSZip();
  zip.file("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>');
  zip.file("_rels/.rels", '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>');
  zip.file("xl/workbook.xml", `<?xml version="1.0"?><x:workbook xmlns:x="${NS}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><x:sheets><x:sheet name="S" sheetId="1" r:id="rId1"/></x:sheets></x:workbook>`);
  zip.file("xl/_rels/workbook.xml.rels", '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>');
  zip.file("xl/styles.xml", `<?xml version="1.0"?><x:styleSheet xmlns:x="${NS}"><x:fonts count="1"><x:font><x:sz val="11"/><x:name val="Calibri"/></x:font></x:fonts><x:fills count="1"><x:fill><x:patternFill patternType="none"/></x:fill></x:fills><x:borders count="1"><x:border/></x:borders><x:cellXfs count="1"><x:xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></x:cellXfs></x:styleSheet>`);
  zip.file("xl/worksheets/sheet1.xml", `<?xml version="1.0"?><x:worksheet xmlns:x="${NS}"><x:sheetData><x:row r="1"><x:c r="A1"><x:v>80</x:v></x:c><x:c r="B1"><x:v>84</x:v></x:c></x:row></x:sheetData></x:worksheet>`);
  return zip;
}

test("a sheet written with a namespace prefix (x:worksheet) is read and written in its own terms", async () => {
  const bytes = await prefixedPackage().generateAsync({ type: "nodebuffer" });
  expect(cell(await snapshot(bytes), "B1").value).toBe(84);
  const out = await applied(bytes, plan([{ cell: "C1", formula: "=B1/A1*100", value: 105, numberFormat: "0.00", bold: true }, { cell: "A2", value: "catatan", role: "header" }]));
  const xml = await (await JSZip.loadAsync(out)).file("xl/worksheets/sheet1.xml")!.async("string");
  expect(xml).toMatch(/<x:c r="C1" s="1"><x:f>B1\/A1\*100<\/x:f><x:v>105<\/x:v><\/x:c><\/x:row><x:row r="2"><x:c r="A2" t="inlineStr"><x:is><x:t xml:space="preserve">catatan<\/x:t><\/x:is><\/x:c><\/x:row>/);
  const s = await snapshot(out);
  expect(cell(s, "C1")).toEqual({ value: 105, formula: "=B1/A1*100", format: "0.00" });
  expect(s.sheets[0].bold![0][2]).toBe(true);
});

test("notes join a sheet's existing notes; a cell that has one keeps it", async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("S");
  ws.getCell("A1").value = "Target";
  ws.getCell("B1").value = "Realisasi";
  ws.getCell("A1").note = "catatan pengguna";
  const out = await applied(Buffer.from(await wb.xlsx.writeBuffer()), plan([], { notes: [{ sheet: "S", cell: "A1", text: "dari add-in" }, { sheet: "S", cell: "B1", text: "dari add-in" }] }));
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(out as unknown as ArrayBuffer);
  const notes = (c: string) => {
    const n = back.getWorksheet("S")!.getCell(c).note;
    return typeof n === "string" ? n : n?.texts?.map((t) => t.text).join("");
  };
  expect([notes("A1"), notes("B1")]).toEqual(["catatan pengguna", "dari add-in"]);
  const zip = await JSZip.loadAsync(out);
  const vml = Object.keys(zip.files).filter((n) => n.endsWith(".vml"));
  expect(vml).toHaveLength(1);
  expect((await zip.file(vml[0])!.async("string")).match(/ObjectType="Note"/g)).toHaveLength(2);
});

test("a workbook without a styles part gets Excel's default one for the formats it needs", async () => {
  const zip = prefixedPackage();
  zip.remove("xl/styles.xml");
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  zip.file("xl/_rels/workbook.xml.rels", rels.replace(/<Relationship Id="rId2"[^>]*\/>/, ""));
  const out = await applied(await zip.generateAsync({ type: "nodebuffer" }), plan([{ cell: "C1", formula: "=B1/A1", value: 1.05, numberFormat: "0.00%" }]));
  expect(cell(await snapshot(out), "C1")).toEqual({ value: 1.05, formula: "=B1/A1", format: "0.00%" });
  expect(Object.keys((await JSZip.loadAsync(out)).files)).toContain("xl/styles.xml");
});
