import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { runCli as run } from "./support/cli";

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
  test("human summary names sheets, ranges, kinds and roles in words, in the chosen language", async () => {
    const { code, out } = await run(["analyze", fixture("xlsx/serang-typed.xlsx")]);
    expect(code).toBe(0);
    expect(out).toMatch(/^\S+serang-typed\.xlsx: 19 tabel di 19 lembar\n/);
    expect(out).toContain('Lembar "serang-3.6" (1 tabel)\n  Tabel 3.6 — Realisasi Serapan Anggaran');
    expect(out).toContain("    A1:E42 · Realisasi anggaran · judul baris 3 · data baris 4–42\n");
    expect(out).toContain("    kolom: A Nomor · B Program/kegiatan/sub kegiatan · C Pagu anggaran (Rp) · D Realisasi anggaran (Rp) · E Serapan anggaran\n");
    expect(out).toContain("    Serapan anggaran E = D/C: siap ditulis (keyakinan 90 %)\n");
    expect(out).toMatch(/ {4}baris 7: semakin rendah semakin baik — indikator menyebut "KDRT"/);
    expect(out).toContain("    kolom: A–D Sasaran · E Indikator · F Satuan · G Target · H Pagu anggaran (Rp) · U Penanggung jawab (+12 kolom lain)\n");
    const en = (await run(["analyze", fixture("xlsx/serang-typed.xlsx"), "--lang", "en"])).out;
    expect(en).toContain('Sheet "serang-3.6" (1 table)\n');
    expect(en).toContain("    A1:E42 · Budget realisation · header row 3 · data rows 4–42\n");
    expect(en).toContain("    Absorption (serapan) E = D/C: will be written (confidence 90 %)\n");
    expect(en).toMatch(/^\S+serang-typed\.xlsx: 19 tables in 19 sheets\n/);
  });
  test("column relations: read from the cells' formulas said as such, printed ones quoted, both in the JSON with their text", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("IKU");
    ws.getCell("A1").value = "Tabel 3.1 Capaian Indikator Kinerja Utama Tahun 2024";
    ws.getRow(2).values = ["No", "Sasaran", "Indikator Kinerja", "Satuan", "Target", "Realisasi", "Capaian (%)"];
    [[1, "Meningkatnya kinerja", "Indeks kepuasan masyarakat", "Indeks", 80, 84], [2, "Meningkatnya kinerja", "Jumlah dokumen", "Dokumen", 12, 12]].forEach((r, i) => {
      ws.getRow(3 + i).values = r;
      ws.getCell(`G${3 + i}`).value = { formula: `F${3 + i}/E${3 + i}*100`, result: ((r[5] as number) / (r[4] as number)) * 100 } as ExcelJS.CellFormulaValue;
    });
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "lkip-")), "rumus.xlsx");
    await wb.xlsx.writeFile(file);
    const id = (await run(["analyze", file])).out;
    expect(id).toContain("    kolom G: rumus sel = F/E*100\n");
    expect(id).not.toContain('tertulis ""');
    expect((await run(["analyze", file, "--lang", "en"])).out).toContain("    column G: cells' formula = F/E*100\n");
    const json = JSON.parse((await run(["analyze", file, "--json"])).out);
    expect(json.sheets[0].tables[0].columnRelations).toEqual([{ column: "G", number: 0, text: "", kind: "ratio", expression: "F/E*100", operands: ["F", "E"], source: "formula" }]);
    // A form whose number row prints the relations: quoted; where the cells' formulas say the same, said once.
    const form = (await run(["analyze", fixture("shapes/renja86-no-merges.xlsx")])).out;
    expect(form).toContain('    kolom X tertulis "13 = 9 + 10 + 11 + 12" → L+O+R+U\n');
    expect(form).toContain('    kolom Y tertulis "13 = 9 + 10 + 11 + 12" → N+Q+T+W (rumus selnya sama)\n');
    expect(form).not.toContain("kolom Y: rumus sel");
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
    expect((await run(["frobnicate"])).err).toMatch(/^lkip: perintah "frobnicate" tidak dikenal\nCara pakai:/);
    expect((await run(["frobnicate", "--lang", "en"])).err).toMatch(/^lkip: unknown command "frobnicate"\nUsage:/);
    expect((await run(["analyze"])).code).toBe(2);
    expect((await run(["analyze", "a.xlsx", "--bogus"])).err).toMatch(/pilihan --bogus tidak dikenal untuk analyze/);
    expect((await run(["analyze", "a.xlsx", "--bogus", "--lang", "en"])).err).toMatch(/unknown option --bogus for analyze/);
  });
  test("unreadable files exit 3 with one line naming the file, in the chosen language", async () => {
    const missing = await run(["analyze", "does-not-exist.xlsx", "--lang", "en"]);
    expect(missing.code).toBe(3);
    expect(missing.err).toBe("lkip: does-not-exist.xlsx: file not found; check the name and the folder\n");
    expect((await run(["analyze", "does-not-exist.xlsx"])).err).toBe("lkip: does-not-exist.xlsx: berkas tidak ditemukan; periksa nama dan foldernya\n");
    const notXlsx = await run(["analyze", path.join(__dirname, "..", "package.json"), "--lang", "en"]);
    expect(notXlsx.code).toBe(3);
    expect(notXlsx.err).toMatch(/package.json: a text file \(CSV or similar\), not an .xlsx workbook/);
    const fakeFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "lkip-")), "bukan.xlsx");
    fs.writeFileSync(fakeFile, "not a zip package");
    const fake = await run(["analyze", fakeFile, "--lang", "en"]);
    expect(fake.code).toBe(3);
    expect(fake.err).toBe(`lkip: ${fakeFile}: a text file (CSV or similar), not an .xlsx workbook; open it in Excel and use File → Save As → Excel Workbook (*.xlsx)\n`);
  });
});

describe("lkip fill", () => {
  let dir: string;
  beforeAll(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "lkip-fill-"))));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test("writes live formulas with cached results into a copy; the input and everything else stay as they were", async () => {
    const input = fixture("xlsx/serang-bab3-blank.xlsx");
    const before = fs.readFileSync(input);
    const out = path.join(dir, "serang-filled.xlsx");
    const { code, out: stdout } = await run(["fill", input, "-o", out, "--json"]);
    expect(code).toBe(0);
    expect(fs.readFileSync(input).equals(before)).toBe(true);
    const json = JSON.parse(stdout);
    expect(json.writes.length).toBeGreaterThan(50);
    expect(json.writes[0]).toEqual({ sheet: expect.any(String), cell: expect.stringMatching(/^[A-Z]+\d+$/), role: expect.any(String), formula: expect.stringMatching(/^=/), value: expect.anything() });
    expect(Array.isArray(json.appended) && Array.isArray(json.skipped)).toBe(true);

    const original = new ExcelJS.Workbook();
    await original.xlsx.readFile(input);
    const filled = new ExcelJS.Workbook();
    await filled.xlsx.readFile(out);
    // Same sheets plus the legend; merges and untouched cells identical.
    expect(filled.worksheets.map((w) => w.name)).toEqual([...original.worksheets.map((w) => w.name), "Keterangan Rumus"]);
    // Written: the formulas, and the numbers stored as text they read, converted (listed in `converted`).
    const written = new Set([...json.writes, ...json.converted].map((w: { sheet: string; cell: string }) => `${w.sheet}!${w.cell}`));
    for (const ws of original.worksheets) {
      const fw = filled.getWorksheet(ws.name)!;
      ws.eachRow({ includeEmpty: false }, (row) =>
        row.eachCell({ includeEmpty: false }, (cell) => {
          if (!written.has(`${ws.name}!${cell.address}`)) expect({ at: `${ws.name}!${cell.address}`, v: fw.getCell(cell.address).value }).toEqual({ at: `${ws.name}!${cell.address}`, v: cell.value });
        }),
      );
      expect(Object.keys((fw as unknown as { _merges: object })._merges)).toEqual(expect.arrayContaining(Object.keys((ws as unknown as { _merges: object })._merges)));
    }
    // A formula cell carries its computed result for viewers that do not recalculate.
    const w = json.writes.find((x: { role: string; value: unknown }) => x.role === "capaian" && typeof x.value === "number");
    const cell = filled.getWorksheet(w.sheet)!.getCell(w.cell).value as ExcelJS.CellFormulaValue;
    expect("=" + cell.formula).toBe(w.formula);
    expect(cell.result).toBeCloseTo(w.value, 9);
  });

  test("the legend sheet states every method and its source; its texts are text, never formulas", async () => {
    const out = path.join(dir, "bekasi-filled.xlsx");
    expect((await run(["fill", fixture("xlsx/bekasi-bab3-blank.xlsx"), "-o", out, "--negative", "B", "--convert-text"])).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const legend = wb.getWorksheet("Keterangan Rumus")!;
    const texts: string[] = [];
    legend.eachRow((row) => row.eachCell((c) => {
      expect(c.type).not.toBe(ExcelJS.ValueType.Formula);
      texts.push(String(c.value));
    }));
    const all = texts.join("\n");
    expect(all).toMatch(/semakin rendah semakin baik, rumus B/);
    expect(all).toMatch(/PermenPANRB 53\/2014/);
    expect(all).toMatch(/Permendagri 86/);
    expect(all).toContain("Nindya");
    // It prints on A4 landscape, one page wide, its text wrapped at the top and its rows as tall as their text.
    expect(legend.pageSetup).toMatchObject({ orientation: "landscape", paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    expect(legend.pageSetup.printArea).toMatch(/^A1:[A-Z]+\d+$/);
    const longest = [...texts].sort((a, b) => b.length - a.length)[0];
    let found = false;
    legend.eachRow((row) => row.eachCell((c) => {
      if (String(c.value) !== longest || found) return;
      found = true;
      expect(c.alignment).toMatchObject({ wrapText: true, vertical: "top" });
      expect(row.height).toBeGreaterThan(15); // more than the one line of a default row
    }));
    expect(found).toBe(true);
  });

  test("bad usage: no -o, -o equal to the input, unknown choice", async () => {
    const input = fixture("xlsx/serang-typed.xlsx");
    expect((await run(["fill", input])).err).toMatch(/fill memerlukan -o <keluaran.xlsx>/);
    expect((await run(["fill", input, "--lang", "en"])).err).toMatch(/fill needs -o <out.xlsx>/);
    const same = await run(["fill", input, "-o", input, "--lang", "en"]);
    expect(same.code).toBe(3); // a file problem, like the other path problems (test/cliFiles.test.ts)
    expect(same.err).toMatch(/is the input file itself; the input is never written/);
    const bad = await run(["fill", input, "-o", path.join(dir, "x.xlsx"), "--negative", "D"]);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--negative harus salah satu dari A, B, C \(tertulis "D"\)/);
  });

  test("--cap and --floor limit capaian visibly in the formula", async () => {
    const out = path.join(dir, "capped.xlsx");
    const r = await run(["fill", fixture("xlsx/serang-typed.xlsx"), "-o", out, "--cap", "120", "--floor", "0", "--json"]);
    expect(r.code).toBe(0);
    const capaian = JSON.parse(r.out).writes.filter((w: { role: string }) => w.role === "capaian");
    expect(capaian.length).toBeGreaterThan(0);
    for (const w of capaian) expect(w.formula).toMatch(/MIN\((120|1\.2),MAX\(0,/);
    for (const w of capaian) if (typeof w.value === "number") expect(w.value).toBeLessThanOrEqual(120);
    expect((await run(["fill", fixture("xlsx/serang-typed.xlsx"), "-o", out, "--cap", "banyak", "--lang", "en"])).err).toMatch(/--cap takes a percentage such as 120 \(got "banyak"\)/);
  });

  test("--scale bands.json: a custom predikat scale, refused with its gaps and overlaps named", async () => {
    const input = fixture("xlsx/serang-typed.xlsx");
    const scale = path.join(dir, "skala.json");
    fs.writeFileSync(scale, JSON.stringify({ label: "Skala dinas", bands: [{ from: 0, to: 70, label: "Kurang" }, { from: 70, to: 90, label: "Baik" }, { from: 90, to: 1000, label: "Sangat Baik" }] }));
    const out = path.join(dir, "custom.xlsx");
    const ok = await run(["fill", input, "-o", out, "--scale", scale, "--json"]);
    expect(ok.code).toBe(0);
    const predikat = JSON.parse(ok.out).writes.filter((w: { role: string }) => w.role === "predikat");
    expect(predikat.length).toBeGreaterThan(0);
    expect(predikat[0].formula).toMatch(/^=IF\(ISNUMBER\((\w+)\),IF\(\1>=(90|0\.9),"Sangat Baik",IF\(\1>=(70|0\.7),"Baik","Kurang"\)\),""\)$/);

    fs.writeFileSync(scale, JSON.stringify({ bands: [{ from: 0, to: 60, label: "Kurang" }, { from: 70, to: 95, label: "Baik" }, { from: 90, to: 100, label: "Sangat Baik" }] }));
    const bad = await run(["fill", input, "-o", out, "--scale", scale, "--lang", "en"]);
    expect(bad.code).toBe(2);
    expect(bad.err).toBe(`lkip: --scale ${scale}: gap between 60 ("Kurang") and 70 ("Baik"); "Baik" (to 95) overlaps "Sangat Baik" (from 90)\n`);
    expect((await run(["fill", input, "-o", out, "--scale", scale])).err).toBe(`lkip: --scale ${scale}: ada celah antara 60 ("Kurang") dan 70 ("Baik"); "Baik" (sampai 95) bertumpang tindih dengan "Sangat Baik" (mulai 90)\n`);
    fs.writeFileSync(scale, '{"bands": [\n  {"from": 0, "to": 60 "label": "Kurang"}\n]}');
    expect((await run(["fill", input, "-o", out, "--scale", scale])).err).toBe(`lkip: --scale ${scale}: bukan JSON yang sah (periksa baris 2, kolom 24)\n`);
  });
});

describe("lkip audit", () => {
  test("--json lists findings with cell, typed, expected, reason, detail, and the table and indicator they belong to", async () => {
    const { code, out } = await run(["audit", fixture("xlsx/serang-typed.xlsx"), "--json"]);
    expect(code).toBe(0);
    const { findings } = JSON.parse(out);
    expect(findings).toContainEqual(expect.objectContaining({ sheet: "serang-3.1", cell: "F7", role: "capaian", typed: 95.65, reason: "wrong-polarity", table: "Tabel 3.1", indicator: "Rasio KDRT" }));
    for (const f of findings) expect(Object.keys(f).slice(0, 10)).toEqual(["sheet", "cell", "role", "typed", "expected", "reason", "detail", "table", "tableRange", "indicator"]);
    // Indonesian by default, English on request.
    expect(findings.find((f: { cell: string }) => f.cell === "F7").detail).toMatch(/semakin rendah semakin baik/);
    const en = JSON.parse((await run(["audit", fixture("xlsx/serang-typed.xlsx"), "--json", "--lang", "en"])).out).findings;
    expect(en.find((f: { cell: string }) => f.cell === "F7").detail).toMatch(/lower-is-better/);
  });
});

describe("lkip rencana-aksi and lkip perjanjian-kinerja", () => {
  let dir: string;
  beforeAll(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "lkip-gen-"))));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const profile = path.join(__dirname, "..", "examples", "profile.json");

  test("rencana-aksi writes the sheet into a copy and reports sources, phasing and what is missing", async () => {
    const out = path.join(dir, "ra.xlsx");
    const r = await run(["rencana-aksi", fixture("xlsx/bekasi-typed.xlsx"), "-o", out, "--phasing", "akhir", "--json"]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json).toMatchObject({ sheet: "Rencana Aksi 2024", replaces: false, sources: { pk: "bekasi-2.3!A1:D9", budget: "bekasi-2.4!A1:G55", quarterly: "bekasi-2.4!A1:G55", year: 2024 }, budgetRows: 48, quarterlyRows: 48, missing: [] });
    expect(json.indicators.map((i: { phasing: string }) => i.phasing)).toEqual(["akhir", "akhir", "akhir", "akhir", "akhir"]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.getWorksheet("Rencana Aksi 2024")!.getCell("A1").value).toBe("RENCANA AKSI TAHUN 2024");
    expect(wb.worksheets.length).toBe((await (async () => { const w = new ExcelJS.Workbook(); await w.xlsx.readFile(fixture("xlsx/bekasi-typed.xlsx")); return w.worksheets.length; })()) + 1);
    const binjai = JSON.parse((await run(["rencana-aksi", fixture("xlsx/binjai-lkj2023-typed.xlsx"), "-o", path.join(dir, "b.xlsx"), "--json"])).out);
    expect(binjai.missing).toEqual([expect.stringMatching(/^Tidak ada tabel anggaran/)]);
  });

  test("--pk / --budget / --quarterly name the source tables; an unknown one is refused with the list", async () => {
    const out = path.join(dir, "ra2.xlsx");
    const r = await run(["rencana-aksi", fixture("xlsx/bekasi-typed.xlsx"), "-o", out, "--pk", "bekasi-2.2!A1:J10", "--budget", "bekasi-2.5!A1:G55", "--quarterly", "none", "--json"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ sources: { pk: "bekasi-2.2!A1:J10", budget: "bekasi-2.5!A1:G55", quarterly: null }, quarterlyRows: 0 });
    // The IKU table 2.2 has satuan and penanggung jawab of its own; the 2024 target column is taken.
    expect(JSON.parse(r.out).indicators[1]).toMatchObject({ indikator: "Indeks Pemberdayaan Gender (IDG)", satuan: "Persen" });
    const bad = await run(["rencana-aksi", fixture("xlsx/bekasi-typed.xlsx"), "-o", out, "--pk", "bekasi-2.2!A1:B2"]);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/^lkip: --pk bekasi-2\.2!A1:B2: tidak ada tabel yang dikenali di sana \(tabel: bekasi-1\.1!/);
  });

  test("perjanjian-kinerja needs a valid profile; --perubahan names the sheet", async () => {
    const input = fixture("xlsx/serang-typed.xlsx");
    const out = path.join(dir, "pk.xlsx");
    const none = await run(["perjanjian-kinerja", input, "-o", out]);
    expect(none.code).toBe(2);
    expect(none.err).toMatch(/perjanjian-kinerja memerlukan --profile profil.json/);
    const bad = path.join(dir, "bad.json");
    fs.writeFileSync(bad, JSON.stringify({ instansi: "Dinas", tempat: "Serang", tanggal: "2 Januari 2024", pihakPertama: { nama: "A", jabatan: "Kepala", nip: "123" }, pihakKedua: { jabatan: "Wali Kota" } }));
    const wrong = await run(["perjanjian-kinerja", input, "-o", out, "--profile", bad]);
    expect(wrong.code).toBe(2);
    expect(wrong.err).toBe(`lkip: --profile ${bad}: "pihakPertama.nip": NIP PIHAK PERTAMA harus 18 angka (tertulis "123"); "pihakKedua.nama": Nama PIHAK KEDUA belum diisi\n`);
    const wrongEn = await run(["perjanjian-kinerja", input, "-o", out, "--profile", bad, "--lang", "en"]);
    expect(wrongEn.err).toBe(`lkip: --profile ${bad}: "pihakPertama.nip": NIP of PIHAK PERTAMA (first party) should have 18 digits (got "123"); "pihakKedua.nama": Name of PIHAK KEDUA (second party) is missing\n`);
    expect((await run(["perjanjian-kinerja", input, "-o", out, "--profile", path.join(dir, "tidak-ada.json")])).err).toBe(`lkip: --profile ${path.join(dir, "tidak-ada.json")}: berkas tidak ditemukan; periksa nama dan foldernya\n`);
    const ok = await run(["perjanjian-kinerja", input, "-o", out, "--profile", profile, "--perubahan", "--json"]);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.out)).toMatchObject({ sheet: "PK Perubahan 2024", sources: { pk: "serang-2.3!A1:D11", budget: "serang-2.4!A1:C43" } });
    expect(JSON.parse(ok.out).programs.length).toBe(11);
  });
});

test("audit between tables: both figures said, neither called expected; a computed capaian is said to be computed", async () => {
  const example = path.join(__dirname, "..", "examples", "contoh-bab3-bekasi.xlsx");
  const r = await run(["audit", example]);
  const line = r.out.split("\n").find((l) => l.includes("'bekasi-3.1'!D24"))!; // quoted as Excel writes the sheet
  expect(line).toMatch(/\[berbeda dengan tabel lain\] .*: di sini 125,0973, di tabel lain 107,1333 — .*\(dihitung dari target dan realisasi tabel ini\)/);
  expect(line).not.toMatch(/diketik|seharusnya/);
  const en = await run(["audit", example, "--lang", "en"]);
  expect(en.out).toMatch(/here 125\.0973, in the other table 107\.1333 — .*computed from this table's target and realisasi/);
});
