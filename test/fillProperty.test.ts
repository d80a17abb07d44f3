/**
 * Property: for random small workbooks (a capaian table somewhere on a sheet, typed and empty cells,
 * formulas, number formats, fonts, fills, merges and stray cells around it) and random fill options,
 * `lkip fill` keeps every non-empty input cell exactly (value, formula, style) in its copy — except a number
 * stored as text that a formula reads, which becomes the number it shows and is listed — and `fill` on its
 * own copy writes nothing more.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import fc from "fast-check";
import { runCli as run } from "./support/cli";


const figure = fc.oneof(
  fc.integer({ min: 0, max: 200 }),
  fc.double({ min: 0, max: 1000, noNaN: true, noDefaultInfinity: true }).map((x) => Math.round(x * 100) / 100),
  fc.constantFrom(null, "-", "12,5", "100 %", "N/A"),
);
const style = fc.record({
  bold: fc.boolean(),
  numFmt: fc.constantFrom(undefined, "0.00", "#,##0", "0%", '"Rp "#,##0'),
  fill: fc.constantFrom(undefined, "FFFFF2CC", "FFD9E1F2"),
});
const stray = fc.record({
  row: fc.integer({ min: 0, max: 25 }),
  col: fc.integer({ min: 0, max: 14 }),
  value: fc.oneof(fc.string({ maxLength: 12 }), fc.integer({ min: -5, max: 5000 }), fc.constant({ formula: "SUM(1,2)", result: 3 })),
  style,
});
const workbook = fc.record({
  top: fc.integer({ min: 0, max: 3 }),
  left: fc.integer({ min: 0, max: 2 }),
  capaianColumn: fc.boolean(),
  rows: fc.array(fc.record({ name: fc.constantFrom("Indeks Kepuasan Masyarakat", "Persentase dokumen tepat waktu", "Jumlah laporan", "Angka kemiskinan"), target: figure, realisasi: figure, typedCapaian: fc.option(fc.integer({ min: 0, max: 150 }), { nil: null }), style }), { minLength: 1, maxLength: 6 }),
  strays: fc.array(stray, { maxLength: 6 }),
  mergeTitle: fc.boolean(),
  secondSheet: fc.boolean(),
});
const options = fc.record({
  negative: fc.constantFrom("A", "B", "C"),
  scale: fc.constantFrom("permendagri86", "tercapai", "sakip", "none"),
  efficiency: fc.constantFrom("sederhana", "pmk214", "none"),
  cap: fc.option(fc.constantFrom("120", "150"), { nil: null }),
});

type Spec = typeof workbook extends fc.Arbitrary<infer T> ? T : never;

function build(spec: Spec): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Tabel 3.1");
  const at = (r: number, c: number) => ws.getCell(spec.top + r + 1, spec.left + c + 1);
  const styled = (cell: ExcelJS.Cell, s: Spec["rows"][number]["style"]) => {
    if (s.bold) cell.font = { bold: true };
    if (s.numFmt) cell.numFmt = s.numFmt;
    if (s.fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: s.fill } };
  };
  at(0, 0).value = "Tabel 3.1";
  at(1, 0).value = "Pengukuran Kinerja Dinas Contoh Tahun 2024";
  if (spec.mergeTitle) ws.mergeCells(spec.top + 2, spec.left + 1, spec.top + 2, spec.left + 4);
  const header = ["No", "Indikator Kinerja", "Satuan", "Target 2024", "Realisasi 2024", ...(spec.capaianColumn ? ["Capaian (%)"] : [])];
  header.forEach((h, c) => {
    at(2, c).value = h;
    at(2, c).font = { bold: true };
    at(2, c).border = { bottom: { style: "thin" } };
  });
  spec.rows.forEach((r, i) => {
    at(3 + i, 0).value = i + 1;
    at(3 + i, 1).value = r.name;
    at(3 + i, 2).value = "%";
    at(3 + i, 3).value = r.target;
    at(3 + i, 4).value = r.realisasi;
    styled(at(3 + i, 4), r.style);
    if (spec.capaianColumn && r.typedCapaian !== null) at(3 + i, 5).value = r.typedCapaian;
  });
  // Stray cells below and right of the table, never inside it.
  const bottom = spec.top + 3 + spec.rows.length;
  for (const s of spec.strays) {
    const cell = ws.getCell(bottom + 2 + s.row, s.col + 1);
    cell.value = s.value as ExcelJS.CellValue;
    styled(cell, s.style);
  }
  if (spec.secondSheet) {
    const other = wb.addWorksheet("Catatan");
    other.getCell("A1").value = "Catatan kaki";
    other.getCell("B2").value = { formula: "'Tabel 3.1'!A1", result: "Tabel 3.1" } as ExcelJS.CellFormulaValue;
  }
  return wb;
}

/** Every non-empty cell of the input, as ExcelJS reads it back: value, formula and style. */
async function cells(file: string): Promise<Map<string, unknown>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const out = new Map<string, unknown>();
  wb.eachSheet((ws) =>
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (c) => {
        if (c.value === null || c.value === undefined || c.type === ExcelJS.ValueType.Merge) return;
        out.set(`${ws.name}!${c.address}`, { value: c.value, formula: c.formula ?? null, style: c.style });
      }),
    ),
  );
  return out;
}

test("fill keeps every non-empty input cell and adds nothing the second time", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lkip-prop-"));
  let n = 0;
  let wrote = 0;
  const secondTime: string[] = [];
  try {
    await fc.assert(
      fc.asyncProperty(workbook, options, async (spec, o) => {
        const input = path.join(dir, `in${++n}.xlsx`);
        await build(spec).xlsx.writeFile(input);
        const flags = ["--negative", o.negative, "--scale", o.scale, "--efficiency", o.efficiency, ...(o.cap ? ["--cap", o.cap] : [])];
        const once = path.join(dir, `once${n}.xlsx`);
        const first = await run(["fill", input, "-o", once, "--json", ...flags]);
        expect(first.err).toBe("");
        expect(first.code).toBe(0);
        if (JSON.parse(first.out).writes.length) wrote++;
        const before = await cells(input);
        const after = await cells(once);
        // A number stored as text that a formula reads becomes the number it shows (listed in `converted`); the rest is kept exactly.
        const converted = new Map<string, number>(JSON.parse(first.out).converted.map((c: { sheet: string; cell: string; value: number }) => [`${c.sheet}!${c.cell}`, c.value]));
        for (const [at, cell] of before) {
          if (converted.has(at)) expect({ at, value: (after.get(at) as { value: unknown }).value }).toEqual({ at, value: converted.get(at) });
          else expect({ at, cell: after.get(at) }).toEqual({ at, cell });
        }
        const twice = path.join(dir, `twice${n}.xlsx`);
        const second = await run(["fill", once, "-o", twice, "--json", ...flags]);
        expect(second.code).toBe(0);
        const json = JSON.parse(second.out);
        if (json.writes.length || json.appended.length) secondTime.push(`${JSON.stringify(spec.rows.map((r) => [r.target, r.realisasi]))}: ${json.writes.map((w: { cell: string; role: string }) => `${w.cell} ${w.role}`).join(", ")} ${json.appended.map((a: { column: string; header: string }) => `+${a.column} ${a.header}`).join(", ")}`);
        expect({ writes: json.writes, appended: json.appended }).toEqual({ writes: [], appended: [] });
      }),
      { numRuns: 12, seed: 20241130 },
    );
    expect(wrote).toBeGreaterThan(n / 2); // the copies do get formulas: the property is not vacuous
  } finally {
    if (secondTime.length) console.log(`fill on its own copy wrote again:\n${secondTime.join("\n")}`);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}, 30_000);
