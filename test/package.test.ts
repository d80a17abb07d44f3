/**
 * The copy `fill`, `rencana-aksi` and `perjanjian-kinerja` write keeps what the workbook holds: a chart, an
 * image, a pivot table, a comment, a data validation, a conditional format and a defined name, in a
 * workbook saved by LibreOffice (test/fixtures/parts, built by build-parts.py) and one saved by ExcelJS
 * (built here). Checked in the package (the parts, byte for byte where the tool has no business) and by
 * LibreOffice: it opens each copy, recalculates every formula (cached results removed first) and saves it
 * again with every part still there; the results equal the tool's own (HyperFormula-checked in
 * test/fill.test.ts and test/generators.test.ts), also for the three shared reports filled by the CLI.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { runCli as run } from "./support/cli";
import { XlsxPackage } from "../src/xlsx/package";
import { snapshotFromPackage } from "../src/xlsx/packageRead";
import { loadWorkbookFile, snapshotFromWorkbook } from "../src/xlsx/readWorkbook";
import { columnLetter, parseCellAddress, WorkbookSnapshot } from "../src/core/grid";
import { partBytes, partsSummary, PartsSummary, withoutCachedResults } from "./support/packageParts";

const SOFFICE = ["/usr/bin/soffice", "/usr/bin/libreoffice"].find((p) => fs.existsSync(p));
const PROFILE = path.join(__dirname, "..", "examples", "profile.json");
const ICON = path.join(__dirname, "..", "assets", "icon-64.png");


/** The same tables and parts as build-parts.py, saved by ExcelJS (no chart or pivot: ExcelJS cannot write them). */
async function excelJsWorkbook(file: string) {
  const wb = new ExcelJS.Workbook();
  const t31 = wb.addWorksheet("Tabel 3.1");
  t31.getCell("A1").value = "Tabel 3.1";
  t31.getCell("A2").value = "Pengukuran Kinerja Dinas Contoh Tahun 2024";
  t31.getRow(3).values = ["No", "Sasaran Strategis", "Indikator Kinerja", "Satuan", "Target 2024", "Realisasi 2024", "Capaian (%)"];
  const rows: [number, string, string, string, number, number][] = [
    [1, "Meningkatnya kualitas pelayanan publik", "Indeks Kepuasan Masyarakat", "Indeks", 80, 84],
    [2, "Meningkatnya kualitas pelayanan publik", "Persentase dokumen perencanaan tepat waktu", "Persen", 100, 95],
    [3, "Meningkatnya akuntabilitas kinerja", "Jumlah laporan kinerja yang disusun", "Dokumen", 12, 12],
  ];
  rows.forEach((r, i) => (t31.getRow(4 + i).values = r));
  const t23 = wb.addWorksheet("Tabel 2.3");
  t23.getCell("A1").value = "Tabel 2.3";
  t23.getCell("A2").value = "Perjanjian Kinerja Dinas Contoh Tahun 2024";
  t23.getRow(3).values = ["No", "Sasaran Strategis", "Indikator Kinerja", "Satuan", "Target"];
  rows.forEach((r, i) => (t23.getRow(4 + i).values = r.slice(0, 5)));
  t31.addImage(wb.addImage({ filename: ICON, extension: "png" }), "I2:J5");
  t31.getCell("F6").note = "Realisasi dari laporan triwulan IV";
  for (const a of ["F4", "F5", "F6"]) t31.getCell(a).dataValidation = { type: "decimal", operator: "between", formulae: [0, 1000], showErrorMessage: true, error: "Realisasi harus angka" };
  t31.addConditionalFormatting({ ref: "F4:F6", rules: [{ type: "cellIs", operator: "greaterThan", formulae: [100], priority: 1, style: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: "FFC6EFCE" } } } }] });
  wb.definedNames.add("'Tabel 3.1'!$F$4:$F$6", "RealisasiTahun2024");
  await wb.xlsx.writeFile(file);
}

interface Case {
  input: string;
  command: string;
  output: string;
  json: { writes?: { sheet: string; cell: string; formula: string; value: unknown }[]; converted?: { sheet: string; cell: string }[]; sheet?: string };
  /** A workbook built with the parts (else one of the shared reports, for LibreOffice's recalculation). */
  parts: boolean;
}

/** The shared reports, filled as test/libreoffice.test.ts fills them through ExcelJS. */
const REPORTS: [string, string[]][] = [
  ["bekasi-typed", ["--negative", "B", "--convert-text"]],
  ["serang-typed", ["--efficiency", "pmk214", "--convert-text"]],
  ["binjai-lkj2023-typed", ["--scale", "tercapai", "--convert-text"]],
];

let dir: string;
const inputs: Record<string, string> = {};
const cases: Case[] = [];
const resaved = new Map<string, Buffer>();

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "lkip-parts-"));
  inputs.libreoffice = path.join(__dirname, "fixtures/parts/parts-libreoffice.xlsx");
  inputs.exceljs = path.join(dir, "parts-exceljs.xlsx");
  await excelJsWorkbook(inputs.exceljs);
  for (const [producer, input] of Object.entries(inputs)) {
    for (const [command, extra] of [["fill", []], ["rencana-aksi", []], ["perjanjian-kinerja", ["--profile", PROFILE]]] as const) {
      const output = path.join(dir, `${producer}-${command}.xlsx`);
      const r = await run([command, input, "-o", output, "--json", ...extra]);
      if (r.code !== 0) throw new Error(`${command} ${producer}: ${r.err}`);
      cases.push({ input, command, output, json: JSON.parse(r.out), parts: true });
    }
  }
  for (const [name, flags] of REPORTS) {
    const input = path.join(__dirname, "fixtures/xlsx", `${name}.xlsx`);
    const output = path.join(dir, `${name}-fill.xlsx`);
    const r = await run(["fill", input, "-o", output, "--json", ...flags]);
    if (r.code !== 0) throw new Error(`fill ${name}: ${r.err}`);
    cases.push({ input, command: "fill", output, json: JSON.parse(r.out), parts: false });
  }
  if (SOFFICE) {
    // LibreOffice opens each copy without cached results, recalculates and saves it again.
    const bare = path.join(dir, "bare");
    fs.mkdirSync(bare);
    for (const c of cases) fs.writeFileSync(path.join(bare, path.basename(c.output)), await withoutCachedResults(fs.readFileSync(c.output)));
    execFileSync(SOFFICE, [`-env:UserInstallation=file://${dir}/profile`, "--headless", "--calc", "--convert-to", "xlsx", "--outdir", path.join(dir, "lo"), ...cases.map((c) => path.join(bare, path.basename(c.output)))], { stdio: "pipe", timeout: 120_000 });
    for (const c of cases) resaved.set(c.output, fs.readFileSync(path.join(dir, "lo", path.basename(c.output))));
  }
}, 180_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const KINDS: [string, (s: PartsSummary) => unknown, string[]][] = [
  ["chart", (s) => s.charts, ["libreoffice"]],
  ["image", (s) => s.images, ["libreoffice", "exceljs"]],
  ["pivot table", (s) => s.pivotTables, ["libreoffice"]],
  ["comment", (s) => s.comments.includes("F6"), ["libreoffice", "exceljs"]],
  ["data validation", (s) => s.validations, ["libreoffice", "exceljs"]],
  ["conditional format", (s) => s.conditionalFormats.filter((r) => /^F4:F[67]$/.test(r)), ["libreoffice", "exceljs"]],
  ["defined name", (s) => s.definedNames.includes("RealisasiTahun2024"), ["libreoffice", "exceljs"]],
];
const producerOf = (c: Case) => Object.keys(inputs).find((k) => inputs[k] === c.input) ?? "report";

describe.each(KINDS)("a %s is kept", (kind, measure, producers) => {
  test("in the package of every copy, as in the input", async () => {
    for (const c of cases.filter((x) => producers.includes(producerOf(x)))) {
      const before = measure(await partsSummary(fs.readFileSync(c.input)));
      expect(before).toBeTruthy();
      expect({ copy: path.basename(c.output), kind, got: measure(await partsSummary(fs.readFileSync(c.output))) }).toEqual({ copy: path.basename(c.output), kind, got: before });
    }
  });
  (SOFFICE ? test : test.skip)("by LibreOffice, which opens each copy and saves it again with it", async () => {
    for (const c of cases.filter((x) => producers.includes(producerOf(x)))) {
      const before = measure(await partsSummary(fs.readFileSync(c.input)));
      expect({ copy: path.basename(c.output), kind, got: measure(await partsSummary(resaved.get(c.output)!)) }).toEqual({ copy: path.basename(c.output), kind, got: before });
    }
  });
});

describe("the copies", () => {
  test("every part of the input is in the copy; parts the command has no business with are byte-identical", async () => {
    for (const c of cases.filter((x) => x.parts)) {
      const a = await partBytes(fs.readFileSync(c.input));
      const b = await partBytes(fs.readFileSync(c.output));
      // Parts a command may change: the workbook's lists, styles, the sheets it writes into and their notes.
      const written = c.command === "fill" ? /^xl\/(worksheets\/sheet1\.xml|worksheets\/_rels\/sheet1\.xml\.rels|comments\d*\.xml|drawings\/vmlDrawing\d*\.vml)$/ : /^$/;
      const listed = /^(\[Content_Types\]\.xml|xl\/workbook\.xml|xl\/_rels\/workbook\.xml\.rels|xl\/styles\.xml)$/;
      for (const [name, bytes] of a) {
        expect({ copy: path.basename(c.output), name, there: b.has(name) }).toEqual({ copy: path.basename(c.output), name, there: true });
        if (!written.test(name) && !listed.test(name)) expect({ copy: path.basename(c.output), name, same: b.get(name)!.equals(bytes) }).toEqual({ copy: path.basename(c.output), name, same: true });
      }
      // The notes of the written columns join the input's comment, which stays as it was.
      if (c.command === "fill") expect((await partsSummary(fs.readFileSync(c.output))).comments).toEqual(expect.arrayContaining(["F6", "G3"]));
    }
  });

  test("every cell of the input is unchanged in the copy except those the command wrote", async () => {
    for (const c of cases) {
      const a = await snapshotFromPackage(await XlsxPackage.open(c.input));
      const b = await snapshotFromPackage(await XlsxPackage.open(c.output));
      const written = new Set([...(c.json.writes ?? []), ...(c.json.converted ?? [])].map((w) => `${w.sheet}!${w.cell}`));
      for (const s of a.sheets) {
        const t = b.sheets.find((x) => x.name === s.name)!;
        s.values.forEach((row, r) =>
          row.forEach((v, col) => {
            const at = `${s.name}!${columnLetter(s.left + col)}${s.top + r + 1}`;
            if (written.has(at) || v === null) return;
            expect({ at, v: valueAt(t, s.top + r, s.left + col), f: formulaAt(t, s.top + r, s.left + col), fmt: t.numberFormats[s.top + r - t.top]?.[s.left + col - t.left] }).toEqual({ at, v, f: s.formulas[r][col], fmt: s.numberFormats[r][col] });
          }),
        );
      }
    }
  });

  (SOFFICE ? test : test.skip)("LibreOffice calculates every written formula to the tool's own result", async () => {
    let checked = 0;
    for (const c of cases) {
      const lo = await snapshotFromPackage(await XlsxPackage.fromBytes(resaved.get(c.output)!, c.output));
      const ours = await snapshotFromPackage(await XlsxPackage.open(c.output));
      for (const s of ours.sheets) {
        const t = lo.sheets.find((x) => x.name === s.name)!;
        s.formulas.forEach((row, r) =>
          row.forEach((f, col) => {
            if (!f) return;
            const want = s.values[r][col];
            const got = valueAt(t, s.top + r, s.left + col);
            const same = typeof want === "number" ? typeof got === "number" && Math.abs(got - want) <= 1e-9 * Math.max(1, Math.abs(want)) : (got ?? "") === (want ?? "");
            expect({ copy: path.basename(c.output), cell: `${s.name}!${col + s.left}:${r + s.top}`, f, same: same ? true : got }).toEqual({ copy: path.basename(c.output), cell: `${s.name}!${col + s.left}:${r + s.top}`, f, same: true });
            checked++;
          }),
        );
      }
    }
    expect(checked).toBeGreaterThan(400);
  });

  test("the capaian written by fill is realisasi / target × 100 of its row", async () => {
    for (const c of cases.filter((x) => x.command === "fill" && x.parts)) {
      const s = (await snapshotFromPackage(await XlsxPackage.open(c.output))).sheets[0];
      const capaian = c.json.writes!.filter((w) => /^G\d+$/.test(w.cell));
      expect(capaian.length).toBeGreaterThanOrEqual(3);
      for (const w of capaian) {
        const { row } = parseCellAddress(w.cell);
        expect(valueAt(s, row, 6)).toBeCloseTo(((valueAt(s, row, 5) as number) / (valueAt(s, row, 4) as number)) * 100, 9);
      }
    }
  });
});

function valueAt(s: WorkbookSnapshot["sheets"][number], row: number, col: number) {
  return s.values[row - s.top]?.[col - s.left] ?? null;
}
function formulaAt(s: WorkbookSnapshot["sheets"][number], row: number, col: number) {
  return s.formulas[row - s.top]?.[col - s.left] ?? null;
}

test("the package reader and the ExcelJS reader give the same snapshot of every fixture", async () => {
  const files = [
    ...fs.readdirSync(path.join(__dirname, "fixtures/xlsx")).filter((f) => f.endsWith(".xlsx")).map((f) => path.join(__dirname, "fixtures/xlsx", f)),
    path.join(__dirname, "fixtures/parts/parts-libreoffice.xlsx"),
  ];
  for (const f of files) {
    const ours = await snapshotFromPackage(await XlsxPackage.open(f));
    const theirs = snapshotFromWorkbook(await loadWorkbookFile(f), f);
    expect({ f, sheets: ours.sheets }).toEqual({ f, sheets: theirs.sheets });
  }
});

test("replacing a generated sheet that holds a part of the user's is refused, naming it; --allow-loss goes on", async () => {
  const first = path.join(dir, "ra-first.xlsx");
  expect((await run(["rencana-aksi", inputs.exceljs, "-o", first])).code).toBe(0);
  // The user writes a note on the generated sheet; generating again would replace the sheet and its note.
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(first);
  wb.getWorksheet("Rencana Aksi 2024")!.getCell("C9").note = "cek ulang target";
  const noted = path.join(dir, "ra-noted.xlsx");
  await wb.xlsx.writeFile(noted);
  const again = path.join(dir, "ra-again.xlsx");
  const refused = await run(["rencana-aksi", noted, "-o", again, "--lang", "en"]);
  expect(refused.code).toBe(3);
  expect(refused.err).toBe(`lkip: ${noted}: comments on sheet "Rencana Aksi 2024" cannot be carried into the copy and would be lost; run with --allow-loss to write without it\n`);
  expect(fs.existsSync(again)).toBe(false);
  expect((await run(["rencana-aksi", noted, "-o", again, "--allow-loss"])).code).toBe(0);
  const sheets = (await XlsxPackage.open(again)).sheets.map((s) => s.name);
  expect(sheets.filter((s) => s.startsWith("Rencana Aksi"))).toEqual(["Rencana Aksi 2024"]);
});
