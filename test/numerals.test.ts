import fc from "fast-check";
import { parseNumeral, resolveColumnNumerals, interpretDigits } from "../src/core/numerals";

const group = (n: string, sep: string) => n.replace(/\B(?=(\d{3})+(?!\d))/g, sep);

describe("numerals as they appear in SAKIP tables (DOMAIN.md examples)", () => {
  test.each([
    ["19.124.105.360,00", 19124105360, "id"],
    ["90,76", 90.76, "id"],
    ["8,970,289,099", 8970289099, "en"],
    ["70.65", 70.65, "en"],
  ])("%s → %d (%s)", (text, value, conv) => {
    const n = parseNumeral(text);
    expect(n.kind).toBe("number");
    expect(n.value).toBeCloseTo(value, 6);
    expect(n.convention).toBe(conv);
  });

  test("rupiah amounts: Rp. prefix and ,- suffix", () => {
    expect(parseNumeral("Rp. 8.937.092.360")).toMatchObject({ kind: "number", value: 8937092360, currency: true });
    expect(parseNumeral("4.953.752.936,-")).toMatchObject({ kind: "number", value: 4953752936, currency: true });
  });

  test("percentages with a sign, and a fraction formatted as percent", () => {
    expect(parseNumeral("107.13%")).toMatchObject({ kind: "percent", value: 107.13, percent: "sign" });
    expect(parseNumeral("95,32 %")).toMatchObject({ kind: "percent", value: 95.32 });
    expect(parseNumeral("0.029%")).toMatchObject({ kind: "percent", value: 0.029 });
    expect(parseNumeral(0.9565, "0.00%")).toMatchObject({ kind: "percent", value: 0.9565, percent: "format" });
    expect(parseNumeral(95.65, "0.00")).toMatchObject({ kind: "number", value: 95.65 });
  });

  test("grades with a score compare by the score", () => {
    expect(parseNumeral("BB (75)")).toMatchObject({ kind: "grade", grade: "BB", value: 75 });
    expect(parseNumeral("A (80.35)")).toMatchObject({ kind: "grade", grade: "A", value: 80.35 });
    // A header such as "No (1)" is not a grade.
    expect(parseNumeral("No (1)").kind).toBe("text");
  });

  test("categorical ladders carry their rank", () => {
    expect(parseNumeral("Nindya").category).toEqual({ scale: "kla", rank: 3, rung: "Nindya" });
    expect(parseNumeral("WTP").category).toMatchObject({ scale: "opini-bpk", rank: 4 });
    expect(parseNumeral("CC").category).toMatchObject({ scale: "sakip", rank: 3 });
  });

  test("units in the cell and footnote stars", () => {
    expect(parseNumeral("8,00 Laporan")).toMatchObject({ kind: "number", value: 8, unit: "Laporan" });
    expect(parseNumeral("672,00 Orang/Bulan")).toMatchObject({ value: 672, unit: "Orang/Bulan" });
    expect(parseNumeral("5 orang")).toMatchObject({ value: 5, unit: "orang" });
    expect(parseNumeral("72,00*")).toMatchObject({ value: 72, footnote: true });
  });

  test("markers are no value, never zero", () => {
    for (const m of ["-", "N/A", "n/a", "–"]) {
      const n = parseNumeral(m);
      expect(n.kind).toBe("marker");
      expect(n.value).toBeUndefined();
    }
    expect(parseNumeral(null).kind).toBe("empty");
  });

  test("several figures packed in one cell are reported as a bundle", () => {
    const n = parseNumeral("90,76 70 5 orang 100% 40 OPD 100%");
    expect(n.kind).toBe("bundle");
    expect(n.parts!.map((p) => p.value)).toEqual([90.76, 70, 5, 100, 40, 100]);
  });

  test("a lone separator before three digits is ambiguous and not guessed", () => {
    const n = parseNumeral("1.234");
    expect(n.value).toBeUndefined();
    expect(n.ambiguous).toEqual({ asGrouping: 1234, asDecimal: 1.234, separator: "." });
  });
});

describe("column resolution decides ambiguous cells from their neighbours", () => {
  const cells = (...v: string[]) => v.map((value) => ({ value }));
  test("Indonesian neighbours make 1.234 a thousand", () => {
    const r = resolveColumnNumerals(cells("1.234", "2.500,50", "90,76"));
    expect(r.convention).toBe("id");
    expect(r.values[0]).toBe(1234);
    expect(r.unresolved).toEqual([]);
  });
  test("English neighbours make 1.234 a decimal", () => {
    const r = resolveColumnNumerals(cells("1.234", "70.65"));
    expect(r.convention).toBe("en");
    expect(r.values[0]).toBeCloseTo(1.234);
  });
  test("a column with no clue reports the cell instead of guessing", () => {
    const r = resolveColumnNumerals(cells("1.234", "5.678"));
    expect(r.unresolved).toEqual([0, 1]);
    expect(r.values).toEqual([undefined, undefined]);
  });
  test("money columns read lone groups as thousands", () => {
    const r = resolveColumnNumerals(cells("605.000", "933.500"), { money: true });
    expect(r.values).toEqual([605000, 933500]);
  });
  test("percent convention: fractions formatted as % versus numbers already in percent", () => {
    expect(resolveColumnNumerals([{ value: 0.9565, numberFormat: "0.00%" }, { value: 1, numberFormat: "0%" }]).percentScale).toBe("fraction");
    expect(resolveColumnNumerals(cells("95,65%", "102,13%")).percentScale).toBe("number");
  });
});

describe("properties", () => {
  const amount = fc.tuple(fc.integer({ min: 0, max: 999_999_999_999 }), fc.integer({ min: 0, max: 99 }));
  test("Indonesian form with decimals reads back exactly", () => {
    fc.assert(
      fc.property(amount, ([int, cents]) => {
        const text = `${group(String(int), ".")},${String(cents).padStart(2, "0")}`;
        const n = parseNumeral(text);
        return n.value !== undefined && Math.abs(n.value - (int + cents / 100)) < 1e-6 && n.convention === "id";
      }),
    );
  });
  test("English form with decimals reads back exactly", () => {
    fc.assert(
      fc.property(amount, ([int, cents]) => {
        const text = `${group(String(int), ",")}.${String(cents).padStart(2, "0")}`;
        const n = parseNumeral(text);
        return n.value !== undefined && Math.abs(n.value - (int + cents / 100)) < 1e-6 && n.convention === "en";
      }),
    );
  });
  test("grouped integers of 7+ digits are never ambiguous, in either form", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1_000_000, max: 999_999_999_999 }), fc.constantFrom(".", ","), (int, sep) => {
        const n = parseNumeral(group(String(int), sep));
        return n.value === int && n.ambiguous === undefined;
      }),
    );
  });
  test("a lone separator followed by exactly three digits is never silently resolved", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 999 }), fc.integer({ min: 0, max: 999 }), fc.constantFrom(".", ","), (a, b, sep) => {
        const t = interpretDigits(`${a}${sep}${String(b).padStart(3, "0")}`)!;
        return t.value === undefined && t.ambiguous!.asGrouping === a * 1000 + b;
      }),
    );
  });
  test("the parser never throws and never returns NaN", () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const n = parseNumeral(s);
        return n.value === undefined || Number.isFinite(n.value);
      }),
      { numRuns: 2000 },
    );
  });
});
