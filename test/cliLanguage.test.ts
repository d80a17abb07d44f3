/**
 * Everything `lkip` prints goes through the phrase layer: every command (analyze, fill, audit,
 * rencana-aksi, perjanjian-kinerja, help and bad input) is run on real workbooks in Indonesian and in
 * English, and its output may hold no word of the other language — once the workbook's own texts (cell
 * text, sheet names), quoted text, file paths, cell references and option names are taken out. A text
 * that bypasses src/i18n shows up as such a word. Counts and figures follow the language's format.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../src/cli/main";
import { readWorkbookFile } from "../src/xlsx/readWorkbook";
import { recogniseWorkbook } from "../src/core/recognise";
import type { Lang } from "../src/i18n";
import { wrongLanguage } from "./support/language";
import { CLI_STRINGS } from "../src/i18n/cli";

const fixture = (f: string) => path.join(__dirname, "fixtures", f);
const PROFILE = path.join(__dirname, "..", "examples", "profile.json");

/**
 * The workbook's own texts: sheet names, cell text of four characters or more, and the captions and
 * titles recognition joins from cells — each also cut as the summaries cut them (60 and 89 characters).
 */
async function workbookTexts(file: string): Promise<string[]> {
  const snapshot = await readWorkbookFile(file);
  const texts = new Set<string>();
  const add = (v: string | null) => {
    if (!v || v.trim().length < 4) return;
    for (const t of [v, v.trim()]) texts.add(t).add(t.slice(0, 60)).add(t.slice(0, 89));
  };
  for (const s of snapshot.sheets) {
    add(s.name);
    for (const row of s.values) for (const v of row) if (typeof v === "string") add(v);
  }
  for (const t of recogniseWorkbook(snapshot).sheets.flatMap((s) => s.tables)) [t.caption, t.title].forEach(add);
  return [...texts].sort((a, b) => b.length - a.length);
}

async function run(args: string[], env: Record<string, string | undefined> = {}): Promise<{ code: number; text: string }> {
  let text = "";
  const code = await main(args, { out: (s) => (text += s), err: (s) => (text += s), env });
  return { code, text };
}

let dir: string;
beforeAll(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "lkip-lang-"))));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test("the detector finds words of the other language and lets the workbook's texts, quotes, paths and options pass", () => {
  const id = 'lkip: --profile /tmp/a b.json: "pihakPertama.nip": NIP PIHAK PERTAMA harus 18 angka (tertulis "the 123")\n  serang-3.1!F7 [polaritas terbalik] Tabel 3.1 · Rasio of KDRT: diketik 95,65\n  3 cell(s) skipped';
  expect(wrongLanguage(id, "id", ["Rasio of KDRT"])).toEqual(["3 cell(s) skipped ⟵ cell"]);
  expect(wrongLanguage("  'Tabel 3.1'!G5 is empty --keep-text", "id")).toEqual(["is empty ⟵ is"]);
  expect(wrongLanguage("Sheet \"x\": 3 tables, kolom baru", "en")).toEqual(["Sheet  : 3 tables, kolom baru ⟵ kolom"]);
  expect(wrongLanguage("lembar-lembar", "id")).toEqual([]);
  // What `analyze --json` once said in Indonesian: the core's own English sentences.
  for (const english of ["no cell shows its separators unambiguously", "0 cell(s) in Indonesian form, 1 in English form", 'program (name starts with "program")', "kegiatan (bold and indentation rank 1 of 2)", "sub kegiatan (bold and indentation rank 2 of 2)"])
    expect([english, wrongLanguage(english, "id").length > 0]).toEqual([english, true]);
});

/** What each command prints, on real workbooks; `args` get `--lang` appended. */
const RUNS: { name: string; input: string; args: (out: string) => string[] }[] = [
  { name: "analyze, several tables, lower-is-better rows", input: "xlsx/serang-typed.xlsx", args: (f) => ["analyze", f] },
  { name: "analyze, warnings", input: "xlsx/bekasi-typed.xlsx", args: (f) => ["analyze", f] },
  { name: "analyze, a standard form with stated column relations", input: "shapes/renja86-no-merges.xlsx", args: (f) => ["analyze", f] },
  { name: "analyze, categorical indicators", input: "variants2/categorical__kla-opini-grade-score.xlsx", args: (f) => ["analyze", f] },
  { name: "fill", input: "xlsx/serang-typed.xlsx", args: (f) => ["fill", f, "-o", path.join(dir, "fill.xlsx"), "--overwrite"] },
  { name: "fill, numbers stored as text kept", input: "xlsx/binjai-lkj2023-pasted.xlsx", args: (f) => ["fill", f, "-o", path.join(dir, "keep.xlsx"), "--keep-text"] },
  { name: "fill, percent units reconciled", input: "shapes/p16-percent-format-mismatch.xlsx", args: (f) => ["fill", f, "-o", path.join(dir, "p16.xlsx")] },
  { name: "audit", input: "xlsx/serang-typed.xlsx", args: (f) => ["audit", f] },
  { name: "rencana-aksi", input: "xlsx/bekasi-typed.xlsx", args: (f) => ["rencana-aksi", f, "-o", path.join(dir, "ra.xlsx")] },
  { name: "rencana-aksi, no budget table", input: "xlsx/binjai-lkj2023-typed.xlsx", args: (f) => ["rencana-aksi", f, "-o", path.join(dir, "ra2.xlsx")] },
  { name: "perjanjian-kinerja", input: "xlsx/serang-typed.xlsx", args: (f) => ["perjanjian-kinerja", f, "-o", path.join(dir, "pk.xlsx"), "--profile", PROFILE] },
];

describe.each(["id", "en"] as Lang[])("every command in %s", (lang) => {
  test.each(RUNS.map((r) => [r.name, r]))("%s", async (_, r) => {
    const input = fixture(r.input);
    const { code, text } = await run([...r.args(input), "--lang", lang]);
    expect(code).toBe(0);
    expect(text.length).toBeGreaterThan(20);
    expect(wrongLanguage(text, lang, await workbookTexts(input))).toEqual([]);
  });
});

/**
 * `analyze --json`: every field that holds a phrase (not a workbook text, not a code name), with where it is.
 * The JSON's shape is the one src/cli/report.ts prints.
 */
interface AnalysisJson {
  sheets: { name: string; tables: {
    familyReason: string; warnings: string[];
    columns: { column: string; evidence: string; numerals?: { reason: string } }[];
    pairings: { numerator: string; denominator: string; evidence: string[] }[];
    rows: { row: number; evidence: string | null; polarityReason: string | null }[];
  }[] }[];
}
function phraseFields(json: AnalysisJson): { field: string; at: string; text: string }[] {
  const out: { field: string; at: string; text: string }[] = [];
  const add = (field: string, at: string, text: string | null | undefined) => text && out.push({ field, at, text });
  json.sheets.forEach((s) => s.tables.forEach((t, ti) => {
    const where = `${s.name} #${ti + 1}`;
    add("familyReason", where, t.familyReason);
    t.warnings.forEach((w) => add("warnings", where, w));
    for (const c of t.columns) {
      add("columns.evidence", `${where} ${c.column}`, c.evidence);
      add("columns.numerals.reason", `${where} ${c.column}`, c.numerals?.reason);
    }
    for (const p of t.pairings) p.evidence.forEach((e) => add("pairings.evidence", `${where} ${p.numerator}/${p.denominator}`, e));
    for (const r of t.rows) {
      add("rows.evidence", `${where} row ${r.row}`, r.evidence);
      add("rows.polarityReason", `${where} row ${r.row}`, r.polarityReason);
    }
  }));
  return out;
}

const JSON_INPUTS = ["xlsx/serang-typed.xlsx", "xlsx/bekasi-typed.xlsx", "shapes/renja86-no-merges.xlsx", "variants2/categorical__kla-opini-grade-score.xlsx", "xlsx/binjai-lkj2023-pasted.xlsx"];
const PHRASE_FIELDS = ["familyReason", "warnings", "columns.evidence", "columns.numerals.reason", "pairings.evidence", "rows.evidence", "rows.polarityReason"];

describe.each(["id", "en"] as Lang[])("analyze --json in %s: every phrase field is in the language", (lang) => {
  const seen = new Set<string>();
  test.each(JSON_INPUTS)("%s", async (input) => {
    const { code, text } = await run(["analyze", fixture(input), "--json", "--lang", lang]);
    expect(code).toBe(0);
    const fields = phraseFields(JSON.parse(text));
    fields.forEach((f) => seen.add(f.field));
    const known = await workbookTexts(fixture(input));
    const wrong = fields.map((f) => [f.field, f.at, wrongLanguage(f.text, lang, known)] as const).filter(([, , w]) => w.length);
    expect(wrong).toEqual([]);
  });
  // Runs after the cases above: the inputs hold every kind of phrase field, so none is checked vacuously.
  test("the inputs hold every kind of phrase field", () => expect([...seen].sort()).toEqual([...PHRASE_FIELDS].sort()));
});

test("analyze --json says how a column's numerals and a row's level were read, in words of the language", async () => {
  const json = async (input: string, lang: Lang) => phraseFields(JSON.parse((await run(["analyze", fixture(input), "--json", "--lang", lang])).text));
  const texts = (fs: { field: string; text: string }[], field: string) => new Set(fs.filter((f) => f.field === field).map((f) => f.text));
  const bekasi = await json("xlsx/bekasi-typed.xlsx", "id");
  expect(texts(bekasi, "columns.numerals.reason")).toContain("16 sel ditulis cara Indonesia (1.234,5), 0 sel cara Inggris (1,234.5)");
  for (const t of ['program (nama diawali "program")', "kegiatan (cetak tebal dan inden: tingkat 1 dari 2)", "sub kegiatan (cetak tebal dan inden: tingkat 2 dari 2)", "sub kegiatan (kolom nama: Sub kegiatan)"])
    expect(texts(bekasi, "rows.evidence")).toContain(t);
  const serang = await json("xlsx/serang-typed.xlsx", "id");
  expect(texts(serang, "columns.numerals.reason")).toContain("tidak ada sel yang pemisah angkanya jelas");
  expect(texts(serang, "rows.evidence")).toContain("kegiatan (gaya penomoran: tingkat 2 dari 2, diselaraskan dengan baris yang namanya menyebut tingkat)");
  const renja = await json("shapes/renja86-no-merges.xlsx", "en");
  expect(texts(renja, "rows.evidence")).toContain("program (code depth: rank 1 of 2)");
  const en = await json("xlsx/bekasi-typed.xlsx", "en");
  expect(texts(en, "columns.numerals.reason")).toContain("16 cell(s) in Indonesian form (1.234,5), 0 in English form (1,234.5)");
  expect(texts(en, "rows.evidence")).toContain('program (the name starts with "program")');
});

describe("bad input is said in the chosen language", () => {
  const input = fixture("xlsx/serang-typed.xlsx");
  const out = () => path.join(dir, "bad.xlsx");
  const files = () => {
    const badProfile = path.join(dir, "profil-salah.json");
    fs.writeFileSync(badProfile, JSON.stringify({ instansi: 7, tahun: "dua ribu", pihakPertama: { nama: "A", jabatan: "Kepala", nip: "123", status: "Pj." }, pihakKedua: "Wali Kota" }));
    const brokenJson = path.join(dir, "rusak.json");
    fs.writeFileSync(brokenJson, '{"instansi": "Dinas",\n "tempat": }');
    const scale = path.join(dir, "skala-salah.json");
    fs.writeFileSync(scale, JSON.stringify({ bands: [{ from: 0, to: 60, label: "Kurang" }, { from: 70, to: 50, label: "Baik" }, { from: 65, label: "Cukup" }, { from: 90, to: 100, label: 'Sangat "Baik"' }] }));
    return { badProfile, brokenJson, scale };
  };
  const CASES: [string, (f: ReturnType<typeof files>) => string[], number][] = [
    ["no command", () => [], 2],
    ["unknown command", () => ["frobnicate"], 2],
    ["unknown option", () => ["analyze", input, "--bogus"], 2],
    ["option without its value", () => ["fill", input, "-o"], 2],
    ["a choice not offered", () => ["fill", input, "-o", out(), "--negative", "D"], 2],
    ["a year that is not one", () => ["rencana-aksi", input, "-o", out(), "--year", "24"], 2],
    ["a percentage that is not one", () => ["fill", input, "-o", out(), "--cap", "banyak"], 2],
    ["two input files", () => ["analyze", input, input], 2],
    ["no output", () => ["fill", input], 2],
    ["perjanjian-kinerja without a profile", () => ["perjanjian-kinerja", input, "-o", out()], 2],
    ["a profile with every kind of mistake", (f) => ["perjanjian-kinerja", input, "-o", out(), "--profile", f.badProfile], 2],
    ["a profile that is not JSON", (f) => ["perjanjian-kinerja", input, "-o", out(), "--profile", f.brokenJson], 2],
    ["a profile that is not there", () => ["perjanjian-kinerja", input, "-o", out(), "--profile", path.join(dir, "tidak-ada.json")], 3], // a file problem, like every file that cannot be read
    ["a scale with every kind of mistake", (f) => ["fill", input, "-o", out(), "--scale", f.scale], 2],
    ["--pair not in its form", () => ["fill", input, "-o", out(), "--pair", "G=F/E"], 2],
    ["--pair naming no computed column", () => ["fill", input, "-o", out(), "--pair", "serang-3.1!Z=E/D"], 2],
    ["--pk naming no table", () => ["rencana-aksi", input, "-o", out(), "--pk", "serang-2.2!A1:B2"], 2],
    ["an input that is not there", () => ["analyze", path.join(dir, "tidak-ada.xlsx")], 3],
    ["an input that is not a workbook", () => ["analyze", path.join(__dirname, "..", "package.json")], 3],
    ["the output is the input", () => ["fill", input, "-o", input], 3],
    ["the output folder is not there", () => ["fill", input, "-o", path.join(dir, "tidak", "ada.xlsx")], 3],
  ];
  test.each(CASES)("%s", async (_, args, exit) => {
    const f = files();
    for (const lang of ["id", "en"] as Lang[]) {
      const { code, text } = await run([...args(f), "--lang", lang]);
      expect([lang, code]).toEqual([lang, exit]);
      expect(text).toMatch(/^(lkip: |Cara pakai:|Usage:)/);
      // The usage text follows a usage error: it is checked on its own below.
      const said = text.split(/\n(?=Cara pakai:|Usage:)/)[0];
      expect([lang, wrongLanguage(said, lang)]).toEqual([lang, []]);
    }
  });
  test("the help, in Indonesian by default, in English with --lang en or LANG", async () => {
    const id = await run(["--help"]);
    expect(id.text).toBe(CLI_STRINGS.id.usage + "\n");
    expect(id.text).toMatch(/^Cara pakai:/);
    expect(wrongLanguage(id.text, "id")).toEqual([]);
    const en = await run(["--help", "--lang", "en"]);
    expect(en.text).toMatch(/^Usage:/);
    expect(wrongLanguage(en.text, "en")).toEqual([]);
    expect((await run(["--help"], { LANG: "en_US.UTF-8" })).text).toBe(en.text);
    expect((await run(["--help", "--lang", "id"], { LANG: "en_US.UTF-8" })).text).toBe(id.text);
  });
});

test("counts and figures follow the language: id-ID (1.234,5) in Indonesian, en (1,234.5) in English", async () => {
  const input = fixture("xlsx/serang-typed.xlsx");
  const id = (await run(["audit", input])).text;
  expect(id).toContain("diketik 95,65, seharusnya 104,3478");
  expect(id).toContain("diketik 1.289.187.250, seharusnya 1.280.187.250");
  const en = (await run(["audit", input, "--lang", "en"])).text;
  expect(en).toContain("typed 95.65, expected 104.3478");
  expect(en).toContain("typed 1,289,187,250, expected 1,280,187,250");
  const pk = (await run(["perjanjian-kinerja", input, "-o", path.join(dir, "pk-n.xlsx"), "--profile", PROFILE, "--lang", "en"])).text;
  expect(pk).toContain("11 programs, total budget Rp 13,953,545,705");
  const fill = (await run(["fill", input, "-o", path.join(dir, "fill-n.xlsx")])).text;
  // A typed number the .xlsx holds without a display format is written in the reader's format.
  expect(fill).toContain("berisi angka ketikan (0,942)");
  expect(fill).not.toMatch(/\d\.\d{3}\)/);
});

test("the CLI's words: the same keys in both languages, none empty, and each differs from its translation", () => {
  const keys = (o: object) => Object.keys(o).sort();
  expect(keys(CLI_STRINGS.en)).toEqual(keys(CLI_STRINGS.id));
  expect(keys(CLI_STRINGS.en.pairing)).toEqual(keys(CLI_STRINGS.id.pairing));
  for (const [k, v] of Object.entries(CLI_STRINGS.id)) {
    const other = (CLI_STRINGS.en as unknown as Record<string, unknown>)[k];
    if (typeof v === "string") expect([k, v.trim().length > 0, v !== other]).toEqual([k, true, true]);
  }
});
