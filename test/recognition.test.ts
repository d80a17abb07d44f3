import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { readWorkbookFile, snapshotFromWorkbook } from "../src/xlsx/readWorkbook";
import { recogniseWorkbook, RecognisedTable, tableRange, WorkbookAnalysis } from "../src/core/recognise";
import { columnLetter } from "../src/core/grid";
import { phrase } from "../src/i18n";
import { MEASUREMENT_FAMILIES } from "../src/core/family";
import { MEASURE_ROLES } from "../src/core/roles";

const DIR = path.join(__dirname, "fixtures", "xlsx");
/** Fixture role names that differ from the vocabulary. */
const ROLE_ALIAS: Record<string, string> = { month: "other", tw1: "pagu", tw2: "pagu", tw3: "pagu", tw4: "pagu", penyebab_keberhasilan: "penyebab", penyebab_kegagalan: "penyebab", alternatif_solusi: "solusi" };
/** Where we knowingly disagree with the fixture, and why. */
const DEVIATIONS: Record<string, { reason: string; onlyInBlankVariant?: boolean }> = {
  "serang-3.7:2": { reason: "header 'PENYEBAB/ PERMASALAHAN' is read as penyebab (fixture: keterangan)" },
  "binjai-lkj2023-3.5:5": { reason: "the blank variant erased the rating words under 'Capaian', so it stays capaian", onlyInBlankVariant: true },
};

interface LayoutTable { fixture: string; file: string; sheet: string; headerTop: number; headerRows: number; bodyTop: number; bodyRows: number; roles: string[] }
const layouts = fs.readdirSync(DIR).filter((f) => f.endsWith(".layout.json"));
const analyses = new Map<string, WorkbookAnalysis>();

beforeAll(async () => {
  for (const f of layouts) analyses.set(f, recogniseWorkbook(await readWorkbookFile(path.join(DIR, f.replace(".layout.json", ".xlsx")))));
});

/** The band's last row before its column-number row (the fixtures count a number row as the body's first row, a K/Rp row as a header row). */
const labelBottom = (t: RecognisedTable) => (t.numberRow !== null && t.numberRow > t.header.top ? t.numberRow - 1 : t.header.bottom);

function findTable(an: WorkbookAnalysis, t: LayoutTable): RecognisedTable | undefined {
  return an.sheets.find((s) => s.name === t.sheet)?.tables.find((x) => x.header.top + 1 <= t.headerTop + t.headerRows - 1 && x.header.bottom + 1 >= t.headerTop);
}

/** The fixture's last body row that is not a trailing note (notes after a table are ours to attach or not). */
function fixtureLastContentRow(t: LayoutTable): number {
  const kinds: string[] = JSON.parse(fs.readFileSync(path.join(DIR, t.file), "utf8")).rowKinds;
  let trailingNotes = 0;
  for (let i = kinds.length - 1; i >= 0 && kinds[i] === "note"; i--) trailingNotes++;
  return t.bodyTop + t.bodyRows - 1 - trailingNotes;
}
const lastContentRow = (found: RecognisedTable) => Math.max(...found.rows.filter((r) => r.kind !== "note" && r.kind !== "blank").map((r) => r.row + 1));

describe.each(layouts)("%s", (layoutFile) => {
  const layout = JSON.parse(fs.readFileSync(path.join(DIR, layoutFile), "utf8")) as { tables: LayoutTable[] };
  const tables = layout.tables.filter((t) => t.headerRows > 0);

  test("every table is found, with its body ending where the fixture's does", () => {
    const an = analyses.get(layoutFile)!;
    for (const t of tables) {
      const found = findTable(an, t);
      expect({ fixture: t.fixture, found: !!found }).toEqual({ fixture: t.fixture, found: true });
      expect({ fixture: t.fixture, last: lastContentRow(found!) }).toEqual({ fixture: t.fixture, last: fixtureLastContentRow(t) });
    }
  });

  test("header bands match the fixture (a text-matrix table excepted)", () => {
    const an = analyses.get(layoutFile)!;
    // Excluded: a text matrix (serang-2.2) and the report's non-Tabel reference pages ("-u…" fixtures).
    for (const t of tables.filter((x) => x.fixture !== "serang-2.2" && !x.fixture.includes("-u"))) {
      const found = findTable(an, t)!;
      expect({ fixture: t.fixture, header: [found.header.top, labelBottom(found)] }).toEqual({ fixture: t.fixture, header: [t.headerTop - 1, t.headerTop + t.headerRows - 2] });
    }
  });

  test("column roles match; unclassified fixture columns are never given a figure role", () => {
    const an = analyses.get(layoutFile)!;
    for (const t of tables.filter((x) => !x.fixture.includes("-u"))) {
      const found = findTable(an, t)!;
      t.roles.forEach((expected, i) => {
        const deviation = DEVIATIONS[`${t.fixture}:${i}`];
        if (deviation && (!deviation.onlyInBlankVariant || layoutFile.includes("blank"))) return;
        const want = ROLE_ALIAS[expected] ?? expected;
        const got = found.columns[i]?.role;
        if (want === "other") expect({ at: `${t.fixture}:${i}`, figure: MEASURE_ROLES.has(got as never) }).toEqual({ at: `${t.fixture}:${i}`, figure: false });
        else expect({ at: `${t.fixture}:${i}`, role: got }).toEqual({ at: `${t.fixture}:${i}`, role: want });
      });
    }
  });
});

/** typed / pasted (values as text) / stacked (the whole Bab III on one sheet, as in the report). */
const flavourOf = (layoutFile: string) => (layoutFile.includes("bab3") ? "stacked" : layoutFile.includes("pasted") ? "pasted" : "typed");
const KEY_ROLES = ["target", "realisasi", "capaian", "pagu", "realisasi_anggaran", "serapan"];
const isMeasurementTable = (t: LayoutTable) =>
  (t.roles.includes("target") && t.roles.includes("realisasi")) || (t.roles.includes("pagu") && t.roles.includes("realisasi_anggaran"));

test("recognition rates per flavour on the measurement tables (target + realisasi or pagu + realisasi anggaran)", () => {
  const rates: Record<string, { tables: number; found: number; header: number; body: number; keyRoles: number }> = {};
  for (const layoutFile of layouts) {
    const an = analyses.get(layoutFile)!;
    const r = (rates[flavourOf(layoutFile)] ??= { tables: 0, found: 0, header: 0, body: 0, keyRoles: 0 });
    const layout = JSON.parse(fs.readFileSync(path.join(DIR, layoutFile), "utf8")) as { tables: LayoutTable[] };
    for (const t of layout.tables.filter((x) => x.headerRows > 0 && isMeasurementTable(x))) {
      r.tables++;
      const found = findTable(an, t);
      if (!found) continue;
      r.found++;
      if (found.header.top + 1 === t.headerTop && labelBottom(found) + 1 === t.headerTop + t.headerRows - 1) r.header++;
      // The fixtures count a column-number row as the body's first row ("colnum"); we keep it apart.
      const bodyRows = found.rows.filter((x) => x.kind !== "blank").map((x) => x.row + 1);
      if (found.numberRow !== null && found.numberRow > labelBottom(found)) bodyRows.push(found.numberRow + 1);
      if (Math.min(...bodyRows) === t.bodyTop && lastContentRow(found) === fixtureLastContentRow(t)) r.body++;
      const keyOk = t.roles.every((want, i) => {
        const deviation = DEVIATIONS[`${t.fixture}:${i}`];
        if (deviation && (!deviation.onlyInBlankVariant || layoutFile.includes("blank"))) return true;
        return !KEY_ROLES.includes(want) || found.columns[i]?.role === want;
      });
      if (keyOk) r.keyRoles++;
    }
  }
  const pct = (n: number, d: number) => `${((100 * n) / d).toFixed(1)} %`;
  console.log(
    "Recognition rates on measurement tables\n" +
      Object.entries(rates)
        .map(([f, r]) => `  ${f.padEnd(8)} ${r.tables} tables: found ${pct(r.found, r.tables)}, header rows ${pct(r.header, r.tables)}, body rows ${pct(r.body, r.tables)}, key roles ${pct(r.keyRoles, r.tables)}`)
        .join("\n"),
  );
  expect(Object.keys(rates).sort()).toEqual(["pasted", "stacked", "typed"]);
  for (const r of Object.values(rates)) expect([r.found, r.header, r.body, r.keyRoles]).toEqual([r.tables, r.tables, r.tables, r.tables]);
});

describe("details on real tables", () => {
  const table = (file: string, sheet: string, caption: string) =>
    analyses.get(file)!.sheets.find((s) => s.name === sheet)!.tables.find((t) => t.caption === caption)!;

  test("polarity agrees with the fixtures, with reasons", () => {
    const t = table("bekasi-typed.layout.json", "bekasi-3.1", "Tabel 3.1");
    const byRow = Object.fromEntries(t.rows.filter((r) => r.polarity).map((r) => [r.row + 1, r]));
    expect(byRow[4].polarity).toBe("higher-better"); // Nilai AKIP BB (75) → A (80.35)
    expect(byRow[4].polarityReason?.code).toBe("polarity-scored-grade");
    expect(byRow[6].polarity).toBe("lower-better"); // Rasio kekerasan
    expect(byRow[7].polarity).toBe("categorical"); // Predikat KLA
    expect(byRow[8].polarity).toBe("lower-better"); // note: semakin tinggi … semakin kurang baik
    expect(byRow[8].polarityReason).toMatchObject({ code: "polarity-note", params: { quote: expect.stringMatching(/semakin tinggi/) } });
    const s = table("serang-typed.layout.json", "serang-3.1", "Tabel 3.1");
    const lower = s.rows.filter((r) => r.polarity === "lower-better").length;
    expect(lower).toBe(2); // Rasio KDRT and Tingkat kelahiran / RJAK
  });

  test("K/Rp evaluation table: mixed name column, levels and group rows", () => {
    const t = table("bekasi-typed.layout.json", "bekasi-3.8", "Tabel 3.8");
    expect(t.family).toBe("budget-evaluation-k-rp");
    const fx = JSON.parse(fs.readFileSync(path.join(__dirname, "fixtures/json/bekasi-3.8.json"), "utf8"));
    const levels: (string | null)[] = fx.rowLevels.map((l: string | null) => (l === "programIndicator" ? "indikator" : l));
    const kinds: string[] = fx.rowKinds;
    const mine = t.rows.filter((r) => r.kind === "data" || r.kind === "group");
    expect(mine.map((r) => r.level)).toEqual(levels);
    expect(mine.map((r) => r.kind)).toEqual(kinds);
  });

  test("roman/arabic numbering gives program and kegiatan levels", () => {
    const t = table("serang-typed.layout.json", "serang-3.6", "Tabel 3.6");
    const levels = t.rows.filter((r) => r.level === "program" || r.level === "kegiatan");
    expect(levels.filter((r) => r.level === "program").map((r) => r.kind)).toEqual(Array(11).fill("group"));
    expect(t.columns.map((c) => c.role)).toEqual(["no", "nomenklatur", "pagu", "realisasi_anggaran", "serapan"]);
    expect(t.rows[0].kind).toBe("total"); // BELANJA
  });

  test("several tables on one sheet, none overlapping", () => {
    const sheet = analyses.get("bekasi-bab3-blank.layout.json")!.sheets[0];
    expect(sheet.tables).toHaveLength(40);
    for (let i = 1; i < sheet.tables.length; i++) expect(sheet.tables[i].header.top).toBeGreaterThan(sheet.tables[i - 1].body.bottom);
  });
});

describe("a workbook built for the cases the fixtures lack", () => {
  let an: WorkbookAnalysis;
  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Bab III");
    ws.getCell("C2").value = "Tabel 3.4 Capaian Indikator Kinerja Utama";
    ws.getCell("C3").value = "No";
    ws.getCell("D3").value = "Indikator Kinerja";
    ws.getCell("E3").value = "Tahun 2024";
    ws.mergeCells("E3:F3");
    ws.getCell("E4").value = "Target";
    ws.getCell("F4").value = "Realiasi";
    ws.getCell("G3").value = "Penca paian (%)";
    ws.mergeCells("C3:C4");
    ws.mergeCells("D3:D4");
    ws.mergeCells("G3:G4");
    ["1", "2", "3", "4", "5=4/3*100"].forEach((v, i) => (ws.getCell(5, 3 + i).value = v));
    ws.getRow(6).values = [, , , "1", "Angka kematian ibu", "1.250", "1.100", ""];
    ws.getRow(7).values = [, , , "2", "Jumlah dokumen perencanaan", "1.234", "1.300", ""];
    // Page break in the report: the header repeats mid-body.
    ws.getRow(8).values = [, , , "No", "Indikator Kinerja", "Target", "Realiasi", "Penca paian (%)"];
    ws.getRow(9).values = [, , , "3", "Rasio KDRT", "0,0046", "0,0044", ""];
    ws.getCell("C10").value = "Sumber: diolah";
    // A second table on the same sheet, separated by blank rows and a paragraph.
    ws.getCell("B13").value = "Tabel 3.5";
    ws.getCell("B14").value = "Realisasi Anggaran per Program";
    ws.getRow(15).values = [, , "No", "Program/Kegiatan/Sub Kegiatan", "Pagu (Rp)", "Realisasi (Rp)", "%"];
    ws.getRow(16).values = [, , "1", "2", "3", "4", "5 = 4 / 3 x 100"];
    ws.getRow(17).values = [, , "I", "Program Penunjang Urusan", "Rp. 1.000.000", "900.000,00", ""];
    ws.getRow(18).values = [, , "1", "Administrasi Keuangan", "600.000,00", "550.000,00", ""];
    ws.getRow(19).values = [, , "2", "Administrasi Umum", "400.000,00", "350.000,00", ""];
    ws.getRow(20).values = [, , "Jumlah", "", "1.000.000,00", "900.000,00", ""];
    const amb = wb.addWorksheet("Ambigu");
    amb.getRow(2).values = [, "No", "Indikator", "Target", "Realisasi"];
    amb.getRow(3).values = [, "1", "Panjang jalan (km)", "1.234", "2.345"];
    amb.getRow(4).values = [, "2", "Jumlah peserta", "5.000", "4.500"];
    amb.getRow(2).font = { bold: true };
    an = recogniseWorkbook(snapshotFromWorkbook(wb));
  });

  test("a table away from A1 with merges, broken words and a column-number formula", () => {
    const [t] = an.sheets[0].tables;
    expect(t.caption).toBe("Tabel 3.4");
    expect(t.title).toBe("Capaian Indikator Kinerja Utama");
    expect(tableRange(t).startsWith("C2:")).toBe(true);
    expect(t.header).toEqual({ top: 2, bottom: 4 });
    expect(t.numberRow).toBe(4);
    expect(t.columns.map((c) => [columnLetter(c.col), c.role, c.year])).toEqual([
      ["C", "no", null], ["D", "indikator", null], ["E", "target", 2024], ["F", "realisasi", 2024], ["G", "capaian", null],
    ]);
    expect(t.relations).toEqual([{ col: 6, number: 5, text: "5=4/3*100", kind: "ratio", expression: "F/E*100", operands: [5, 4], source: "stated" }]);
    expect(t.pairings).toMatchObject([{ measure: "capaian", output: 6, numerator: 5, denominator: 4, status: "confirmed" }]);
    expect(t.rows.map((r) => r.kind)).toEqual(["data", "data", "repeated-header", "data", "note"]);
    expect(t.rows.find((r) => r.row === 5)!.polarity).toBe("lower-better");
    expect(t.rows.find((r) => r.row === 8)!.polarity).toBe("lower-better");
  });

  test("a second table on the sheet: hierarchy, totals, relation check, money numerals", () => {
    const t = an.sheets[0].tables[1];
    expect(an.sheets[0].tables).toHaveLength(2);
    expect(t.caption).toBe("Tabel 3.5");
    expect(t.family).toBe("budget-realisation");
    expect(t.columns.map((c) => c.role)).toEqual(["no", "nomenklatur", "pagu", "realisasi_anggaran", "serapan"]);
    expect(t.relations[0]).toMatchObject({ col: 5, expression: "E/D*100" });
    expect(t.rows.map((r) => [r.kind, r.level])).toEqual([["group", "program"], ["data", "kegiatan"], ["data", "kegiatan"], ["total", null]]);
    expect(t.warnings).toEqual([]);
  });

  test("ambiguous numerals with no clue are reported with sheet and cell", () => {
    // On the first sheet the Indonesian decimals ("0,0046") decide: "1.234" is a thousand, no warning.
    expect(an.sheets[0].tables[0].columns[2].numerals).toMatchObject({ convention: "id" });
    expect(an.sheets[0].tables[0].warnings.map((w) => phrase(w, "en")).join("\n")).not.toMatch(/E7/);
    const t = an.sheets[1].tables[0];
    const ambiguous = t.warnings.filter((w) => w.code === "ambiguous-numeral");
    expect(ambiguous.map((w) => [w.params.at, w.params.raw, w.params.asGrouping, w.params.asDecimal])).toEqual([
      [{ sheet: "Ambigu", row: 2, col: 2 }, "1.234", 1234, 1.234],
      [{ sheet: "Ambigu", row: 3, col: 2 }, "5.000", 5000, 5],
      [{ sheet: "Ambigu", row: 2, col: 3 }, "2.345", 2345, 2.345],
      [{ sheet: "Ambigu", row: 3, col: 3 }, "4.500", 4500, 4.5],
    ]);
    expect(phrase(ambiguous[0], "id")).toBe('Ambigu!C3: "1.234" bisa berarti 1.234 atau 1,234; kolomnya tidak memberi petunjuk');
    expect(phrase(ambiguous[0], "en")).toBe('Ambigu!C3: "1.234" could be 1,234 or 1.234; the column gives no clue');
  });
});

describe("the national nomenclature workbook (7,766 rows) is not a Tabel 3.x", () => {
  test("no measurement table is invented", async () => {
    const an = recogniseWorkbook(await readWorkbookFile(path.join(__dirname, "fixtures/workbooks/nomenklatur-subkegiatan.xlsx")));
    const tables = an.sheets.flatMap((s) => s.tables);
    expect(tables.filter((t) => MEASUREMENT_FAMILIES.has(t.family))).toEqual([]);
    for (const t of tables) expect(t.columns.filter((c) => MEASURE_ROLES.has(c.role))).toEqual([]);
  });
});
