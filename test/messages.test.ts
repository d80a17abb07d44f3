/** Every code the core can emit has a phrase in both languages, and phrases never leak placeholders. */
import { MESSAGE_AREAS, MESSAGE_CODES, message } from "../src/core/messages";
import { formatNumber, hasPhrase, LANGS, languageFrom, phrase } from "../src/i18n";
import { Message, MessageError } from "../src/core/messages";
import { INPUT_CODES } from "../src/core/messages/input";
import { readProfile } from "../src/core/profile";
import { customScale } from "../src/core/formulas";
import { scaleFromLines } from "../src/core/choices";
import { predikatScaleOf } from "../src/core/plan/options";
import { describeOfficeError, officeErrorMessage } from "../src/excel/workbook";
import { wrongLanguage } from "./support/language";

/** One value for every parameter name the codes use (a code reads only its own). */
const sample = {
  at: { sheet: "Tabel 3.1", row: 4, col: 6 }, sheet: "Tabel 3.1", row: 4, col: 6, cols: [5, 6], rows: [3, 4], raw: "1.234", asGrouping: 1234, asDecimal: 1.234,
  role: "capaian", year: 2024, tableYear: 2023, relation: "7=6/5*100", operandRoles: ["target", "realisasi"], column: 6, reason: "x", value: 1234.5,
  measure: "capaian", output: 6, numerator: 5, denominator: 4, confidence: 0.6, text: "Capaian (%)", header: "Capaian › 2024",
  period: "TW1", scope: "cumulative", form: "permendagri86-evaluasi-renja", number: 16, median: 1250000000, expression: "F/E*100", matched: 5, total: 6,
  sibling: 7, levels: ["program", "kegiatan"], detected: "realisasi", share: 80, level: "kegiatan", cue: "code-depth", rank: 2, depth: 3, aligned: true, scale: "kla",
  quote: "semakin rendah semakin baik", satuan: "Persen (Target Negatif)", keyword: "kekerasan", targets: [10, 9, 8],
  // write plan, audit, generators
  target: { sheet: "Tabel 3.1", row: 4, col: 4 }, realisasi: { sheet: "Tabel 3.1", row: 4, col: 5 }, targetRaw: "1", targetKind: "percent", realisasiRaw: "100", realisasiKind: "number",
  scaled: { sheet: "Tabel 3.1", row: 4, col: 4 }, scaledRaw: "1", other: { sheet: "IKU", row: 6, col: 3 }, otherRaw: "100", otherValue: 70.65, otherTable: "Tabel 2.2", field: "target",
  typed: 103.87, exact: 103.8783, rounded: 103.88, method: "A", lowerBetter: true, parts: 3, partLevel: "kegiatan", difference: 9000000,
  count: 4, constant: "20906000", formula: "=(L14/M14)*100", low: 0, high: 200, id: 3, en: 1, legend: "Keterangan Rumus", range: "E5:E7", table: "Tabel 2.3",
  percent: true, rungs: ["Pratama", "Madya"], bands: ["≥ 91 % Sangat Tinggi"], otherwise: "Sangat Rendah", label: "Skala dinas", capaian: 95.5,
  targetYear: 2025, computed: 1200, first: "PIHAK PERTAMA", superior: true, perubahan: true, title: "PERJANJIAN KINERJA TAHUN 2024", q: "I", tables: ["Tabel 2.3"], sheets: ["PK"],
  file: "laporan.xlsx", folder: "hasil", input: "laporan.xlsx", part: "chart", expected: ".xlsx", example: "hasil/hasil.xlsx", kind: "Word",
  // what the user types in (profile, own scale), Office errors
  line: 3, band: 2, below: "Baik", above: "Sangat Baik", bound: 90, from: 60, to: 70, code: "AccessDenied", where: "Range.values",
};

describe("message codes", () => {
  test.each(MESSAGE_CODES.map((c) => [c]))("%s is phrased in every language", (code) => {
    for (const lang of LANGS) {
      expect(hasPhrase(code, lang)).toBe(true);
      const text = phrase(message(code, sample), lang);
      // Column labels such as "No" are short; anything shorter than two letters is a missing phrase.
      expect(text.length).toBeGreaterThan(1);
      expect(text).not.toMatch(/undefined|\[object Object\]|NaN/);
    }
  });
  test("no code is declared in two areas (one phrase would hide the other)", () => {
    const areas = Object.entries(MESSAGE_AREAS).flatMap(([area, codes]) => codes.map((c) => [c, area] as const));
    const twice = areas.filter(([c], i) => areas.findIndex(([d]) => d === c) !== i).map(([c, area]) => `${c} (${area})`);
    expect(twice).toEqual([]);
  });
  test("unknown codes are shown with their code, not hidden", () => {
    expect(phrase({ code: "no-such-code", params: {} } as never, "id")).toBe("[no-such-code]");
  });
  test("numbers and cells follow the language", () => {
    expect(formatNumber(1234.5, "id")).toBe("1.234,5");
    expect(formatNumber(1234.5, "en")).toBe("1,234.5");
    expect(phrase(message("ambiguous-numeral", sample), "id")).toContain("'Tabel 3.1'!G5");
    expect(phrase(message("ambiguous-numeral", sample), "id")).toContain("1.234");
  });
  test("language from the flag, then LANG, Indonesian by default", () => {
    expect(languageFrom("en", {})).toBe("en");
    expect(languageFrom(undefined, { LANG: "en_US.UTF-8" })).toBe("en");
    expect(languageFrom(undefined, { LANG: "id_ID.UTF-8" })).toBe("id");
    expect(languageFrom(undefined, {})).toBe("id");
  });
});

describe("what the user types in, and Office's errors, come back as codes phrased in both languages", () => {
  /** Every problem readProfile, customScale and scaleFromLines can report, from inputs that make each one. */
  function everyInputProblem(): Message[] {
    const profile = readProfile({ instansi: { nama: "Dinas" }, tahun: "dua ribu", tanggal: "2 Januari 2024", pihakPertama: { nama: "", jabatan: "Kepala Dinas", nip: "12 345", status: "Pj." }, pemerintah: ["Kota"] });
    const json = readProfile('{"instansi": "Dinas",\n "tempat": }'); // an unexpected token, or where it is
    const ended = readProfile('{"instansi": "Dinas"');
    const scales = [
      customScale({ bands: [{ from: 0, to: 60, label: "Kurang" }] }),
      customScale({ bands: [{ from: 0, to: 60, label: "Kurang" }, { from: 70, to: 50, label: "Baik" }, { from: 65, label: "Cukup" }, { from: 90, to: 100, label: 'Sangat "Baik"' }] }),
      customScale({ bands: [{ from: 0, to: 60, label: "Kurang" }, { from: 50, to: 100, label: "Baik" }] }),
      scaleFromLines("90 Sangat Baik\nBaik\n90 Baik sekali\n0 Kurang"),
    ];
    let missing: unknown = null;
    try {
      predikatScaleOf({ scale: "custom" });
    } catch (e) {
      missing = e;
    }
    expect(missing).toBeInstanceOf(MessageError);
    return [...profile.problems, ...json.problems, ...ended.problems, ...scales.flatMap((x) => x.problems), (missing as MessageError).detail];
  }

  test("profile and scale problems: every input code is reached, none is a sentence built in the core", () => {
    const problems = everyInputProblem();
    for (const p of problems) expect(typeof p === "object" && (INPUT_CODES as readonly string[]).includes(p.code)).toBe(true);
    expect([...new Set(problems.map((p) => p.code))].sort()).toEqual([...INPUT_CODES].sort());
  });

  test("each is phrased in Indonesian and in English, with no word of the other language; fields are words", () => {
    for (const m of everyInputProblem()) {
      const [id, en] = [phrase(m, "id"), phrase(m, "en")];
      expect([m.code, id === en]).toEqual([m.code, false]);
      expect([m.code, wrongLanguage(id, "id"), wrongLanguage(en, "en")]).toEqual([m.code, [], []]);
      expect(`${id} ${en}`).not.toMatch(/pihakPertama|pihakKedua|\[/);
    }
    const nip = readProfile({ pihakPertama: { nip: "123" } }).problems.find((p) => p.code === "profile-nip-invalid")!;
    expect(phrase(nip, "id")).toBe('NIP PIHAK PERTAMA harus 18 angka (tertulis "123")');
    expect(phrase(nip, "en")).toBe('NIP of PIHAK PERTAMA (first party) should have 18 digits (got "123")');
    expect(phrase(readProfile('{"a": 1,\n "b" 2}').problems[0], "id")).toBe("bukan JSON yang sah (periksa baris 2, kolom 6)");
    expect(phrase(readProfile('{"a": 1').problems[0], "en")).toBe("not valid JSON (check line 1, column 8)");
    expect(phrase(readProfile('{"a": }').problems[0], "id")).toMatch(/^bukan JSON yang sah \((tanda } tidak pada tempatnya|periksa baris 1, kolom 7)\)$/); // the parser's words differ between Node versions
  });

  test("Office's error codes: explained in the pane's language, the code kept for support", () => {
    const errors = ["InvalidOperationInCellEditMode", "AccessDenied", "RequestPayloadSizeLimitExceeded", "ItemNotFound", "GeneralException"].map((code) => ({ code, message: "Office's own text", debugInfo: { errorLocation: "Range.values" } }));
    for (const e of errors) {
      const m = officeErrorMessage(e) as Message;
      expect(typeof m).toBe("object");
      const [id, en] = [describeOfficeError(e, "id"), describeOfficeError(e, "en")];
      expect(id).not.toBe(en);
      for (const t of [id, en]) expect(t).toContain(`[${e.code} (Range.values)]`);
      const support = [`[${e.code} (Range.values)]`]; // Office's code and place stay as Office names them
      expect([e.code, wrongLanguage(id, "id", support), wrongLanguage(en, "en", support)]).toEqual([e.code, [], []]);
    }
    expect(describeOfficeError({ code: "AccessDenied" })).toBe("Excel menolak perubahan (lembar atau buku kerja diproteksi, atau berkas hanya-baca). Tidak ada yang ditulis. [AccessDenied]");
    expect(describeOfficeError(new MessageError({ code: "scale-missing", params: {} }), "en")).toBe("a custom predikat scale was chosen without its bands");
  });
});
