import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { main } from "../src/cli/main";

async function run(args: string[]) {
  let out = "";
  let err = "";
  const code = await main(args, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}
const fixture = (f: string) => path.join(__dirname, "fixtures", f);

describe("lkip analyze", () => {
  test("--json prints the documented shape", async () => {
    const { code, out } = await run(["analyze", fixture("xlsx/bekasi-typed.xlsx"), "--json"]);
    expect(code).toBe(0);
    const json = JSON.parse(out);
    const sheet = json.sheets.find((s: { name: string }) => s.name === "bekasi-3.1");
    const t = sheet.tables[0];
    expect(t).toMatchObject({ caption: "Tabel 3.1", family: "capaian-iku", range: "A1:I9", header: { firstRow: 3, lastRow: 3 }, columnNumberRow: null, body: { firstRow: 4 } });
    expect(t.columns[4]).toMatchObject({ column: "E", role: "target", year: 2024, period: null, measure: null });
    expect(t.rows[0]).toMatchObject({ row: 4, kind: "data", level: "indikator", polarity: "higher-better" });
    expect(typeof t.rows[0].polarityReason).toBe("string");
    expect(Array.isArray(t.warnings)).toBe(true);
  });
  test("human summary names sheets, ranges, families and roles", async () => {
    const { code, out } = await run(["analyze", fixture("xlsx/serang-typed.xlsx")]);
    expect(code).toBe(0);
    expect(out).toMatch(/Sheet "serang-3.6": 1 table\(s\)/);
    expect(out).toMatch(/range A1:E42, family budget-realisation/);
    expect(out).toMatch(/C=pagu\[Rp\]\s+D=realisasi_anggaran\[Rp\]\s+E=serapan/);
  });
  test("a workbook with no tables is a success", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Catatan").getCell("A1").value = "Laporan ini belum berisi tabel.";
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "lkip-")), "kosong.xlsx");
    await wb.xlsx.writeFile(file);
    const { code, out } = await run(["analyze", file, "--json"]);
    expect(code).toBe(0);
    expect(JSON.parse(out).sheets).toEqual([{ name: "Catatan", tables: [] }]);
  });
  test("bad usage exits 2 with a message", async () => {
    expect((await run([])).code).toBe(2);
    expect((await run(["frobnicate"])).err).toMatch(/unknown command "frobnicate"/);
    expect((await run(["analyze"])).code).toBe(2);
    expect((await run(["analyze", "a.xlsx", "--bogus"])).err).toMatch(/unknown option --bogus/);
  });
  test("unreadable files exit 3 with one line naming the file", async () => {
    const missing = await run(["analyze", "does-not-exist.xlsx"]);
    expect(missing.code).toBe(3);
    expect(missing.err).toBe("lkip: does-not-exist.xlsx: file not found\n");
    const notXlsx = await run(["analyze", path.join(__dirname, "..", "package.json")]);
    expect(notXlsx.code).toBe(3);
    expect(notXlsx.err).toMatch(/package.json: not an .xlsx workbook/);
    const fakeFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "lkip-")), "bukan.xlsx");
    fs.writeFileSync(fakeFile, "not a zip package");
    const fake = await run(["analyze", fakeFile]);
    expect(fake.code).toBe(3);
    expect(fake.err).toBe(`lkip: ${fakeFile}: not an .xlsx workbook (it is not a zip package)\n`);
  });
});
