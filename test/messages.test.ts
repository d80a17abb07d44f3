/** Every code the core can emit has a phrase in both languages, and phrases never leak placeholders. */
import { MESSAGE_CODES, message } from "../src/core/messages";
import { formatNumber, hasPhrase, LANGS, languageFrom, phrase } from "../src/i18n";

/** One value for every parameter name the codes use (a code reads only its own). */
const sample = {
  at: { sheet: "Tabel 3.1", row: 4, col: 6 }, sheet: "Tabel 3.1", row: 4, col: 6, cols: [5, 6], rows: [3, 4], raw: "1.234", asGrouping: 1234, asDecimal: 1.234,
  role: "capaian", year: 2024, tableYear: 2023, relation: "7=6/5*100", operandRoles: ["target", "realisasi"], column: 6, reason: "x", value: 1234.5,
  measure: "capaian", output: 6, numerator: 5, denominator: 4, confidence: 0.6, text: "Capaian (%)", because: "capaian", header: "Capaian › 2024",
  period: "TW1", scope: "cumulative", form: "permendagri86-evaluasi-renja", number: 16, median: 1250000000, expression: "F/E*100", matched: 5, total: 6,
  sibling: 7, levels: ["program", "kegiatan"], detected: "realisasi", share: 80, level: "kegiatan", cue: "code depth rank 2 of 3", scale: "kla",
  quote: "semakin rendah semakin baik", satuan: "Persen (Target Negatif)", keyword: "kekerasan", targets: [10, 9, 8],
  file: "laporan.xlsx", folder: "hasil", input: "laporan.xlsx", part: "chart", expected: ".xlsx", example: "hasil/hasil.xlsx", kind: "Word",
};

describe("message codes", () => {
  test.each(MESSAGE_CODES.map((c) => [c]))("%s is phrased in every language", (code) => {
    for (const lang of LANGS) {
      expect(hasPhrase(code, lang)).toBe(true);
      const text = phrase(message(code, sample), lang);
      expect(text.length).toBeGreaterThan(3);
      expect(text).not.toMatch(/undefined|\[object Object\]|NaN/);
    }
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
