/**
 * Numerals as they appear in SAKIP tables: Indonesian (1.234.567,89) and English (1,234,567.89)
 * digit grouping, percentages, rupiah amounts ("Rp. 8.937.092.360", "4.953.752.936,-"), grades with
 * a score ("BB (75)"), categorical ladders (Nindya, WTP, A), units in the cell ("8,00 Laporan"),
 * footnote stars and "no value" markers. A lone separator followed by exactly three digits
 * ("1.234") is ambiguous; it is never resolved here but by `resolveColumnNumerals` from the
 * column's other cells, and reported when the column cannot decide.
 */
import { CellValue, isErrorValue } from "./grid";
import { message, Message } from "./messages";

export type NumeralConvention = "id" | "en";

export type NumeralKind =
  | "empty"
  | "number" // plain number, maybe with unit / currency / footnote
  | "percent" // written with % or formatted as percent
  | "grade" // "BB (75)": a label and a score
  | "category" // a rung of a categorical ladder ("Nindya", "WTP", "A")
  | "marker" // "-", "N/A": explicitly no value (never zero)
  | "bundle" // several numbers packed in one cell
  | "text"; // anything else

export interface CategoricalScale {
  id: "kla" | "sakip" | "opini-bpk";
  label: string;
  rungs: string[]; // lowest first
  /** Each rung's names written out (same order as `rungs`), accepted alone and beside the short name. */
  words: string[][];
  /** Words accepted only beside the short name ("BB (Sangat Baik)"): alone they are too common ("Baik"). */
  besides?: string[][];
}

export const CATEGORICAL_SCALES: CategoricalScale[] = [
  {
    id: "kla",
    label: "Kota Layak Anak",
    rungs: ["Pratama", "Madya", "Nindya", "Utama", "KLA"],
    words: [[], [], [], [], ["Kota Layak Anak", "Kabupaten Layak Anak", "Kabupaten/Kota Layak Anak"]],
  },
  {
    id: "sakip",
    label: "Nilai SAKIP",
    rungs: ["D", "C", "CC", "B", "BB", "A", "AA"],
    words: [[], [], [], [], [], [], []],
    // PermenPANRB 88/2021's words for each letter.
    besides: [["Sangat Kurang"], ["Kurang"], ["Cukup"], ["Baik"], ["Sangat Baik"], ["Memuaskan"], ["Sangat Memuaskan"]],
  },
  {
    id: "opini-bpk",
    label: "Opini BPK",
    rungs: ["TMP", "TW", "WDP", "WTP"],
    words: [
      ["Tidak Memberikan Pendapat", "Tidak Menyatakan Pendapat", "Disclaimer", "Tidak Memberikan Pendapat / Disclaimer", "Disclaimer / Tidak Memberikan Pendapat"],
      ["Tidak Wajar"],
      ["Wajar Dengan Pengecualian"],
      ["Wajar Tanpa Pengecualian"],
    ],
  },
];

/**
 * Every spelling of a ladder's rungs the add-in reads, with its rank (1 = lowest): the short name, the
 * words written out, and each word beside the short name either way ("Wajar Tanpa Pengecualian (WTP)",
 * "WTP (Wajar Tanpa Pengecualian)", "BB (Sangat Baik)"). The legend sheet lists them and the capaian
 * formulas look a cell up in that list (MATCH of TRIM, case-insensitive), so a text is a rung exactly when
 * the formula finds it.
 */
export function ladderNames(scale: CategoricalScale): { name: string; rank: number }[] {
  const out: { name: string; rank: number }[] = [];
  scale.rungs.forEach((rung, i) => {
    const rank = i + 1;
    out.push({ name: rung, rank });
    for (const w of scale.words[i]) out.push({ name: w, rank });
    for (const w of [...scale.words[i], ...(scale.besides?.[i] ?? [])]) out.push({ name: `${w} (${rung})`, rank }, { name: `${rung} (${w})`, rank });
  });
  return out;
}

/** Spelling (spaces collapsed, lower case) → rung, over every ladder. */
const CATEGORY_NAMES = new Map<string, NonNullable<Numeral["category"]>>();
for (const scale of CATEGORICAL_SCALES)
  for (const { name, rank } of ladderNames(scale)) CATEGORY_NAMES.set(spelling(name), { scale: scale.id, rank, rung: scale.rungs[rank - 1] });

/** A text as Excel's TRIM leaves it, in lower case (MATCH ignores case). */
function spelling(text: string): string {
  return text.replace(/ +/g, " ").trim().toLowerCase();
}

export interface Numeral {
  kind: NumeralKind;
  raw: string;
  /** The number as written (107.13 for "107.13%", 0.9565 for a 0.9565 cell formatted 0.00%). */
  value?: number;
  /** How a percent was expressed: a % sign in text, or a percent number format on a number. */
  percent?: "sign" | "format";
  /** Unit text after the number ("Laporan", "Orang/Bulan"). */
  unit?: string;
  currency?: boolean;
  footnote?: boolean;
  /** Grade label ("BB") with its score in `value`. */
  grade?: string;
  /** Category rung and scale. */
  category?: { scale: CategoricalScale["id"]; rank: number; rung: string };
  /** Both readings of a lone separator followed by three digits; `value` stays undefined. */
  ambiguous?: { asGrouping: number; asDecimal: number; separator: "." | "," };
  /** Convention evidenced by the text itself, if any. */
  convention?: NumeralConvention;
  parts?: Numeral[];
}

const MARKERS = new Set(["-", "--", "—", "–", "n/a", "na", "n.a", "n.a.", "tidak ada data", "belum ada data", "tad", "x"]);

/** The rung a text names, when it is one of the spellings of `ladderNames` (as TRIM and MATCH read it). */
function findCategory(text: string): Numeral["category"] | undefined {
  return CATEGORY_NAMES.get(spelling(text));
}

interface NumberToken {
  value?: number;
  ambiguous?: Numeral["ambiguous"];
  convention?: NumeralConvention;
}

/** Interpret a digit string with separators ("19.124.105.360,00", "70.65", "1.234"). */
export function interpretDigits(token: string): NumberToken | undefined {
  let sign = 1;
  let s = token;
  if (s.startsWith("-") || s.startsWith("−")) {
    sign = -1;
    s = s.slice(1);
  } else if (s.startsWith("+")) s = s.slice(1);
  if (!/^\d[\d.,]*$/.test(s) || /[.,]$/.test(s)) return undefined;
  const dots = (s.match(/\./g) || []).length;
  const commas = (s.match(/,/g) || []).length;
  const read = readDigits(s, sign, dots, commas);
  // 309 digits and more overflow to Infinity: not a number any spreadsheet can hold.
  return read && (read.value === undefined || Number.isFinite(read.value)) ? read : undefined;
}

function readDigits(s: string, sign: number, dots: number, commas: number): NumberToken | undefined {
  const groupsOk = (intPart: string, sep: string) =>
    intPart.split(sep).every((g, i) => (i === 0 ? g.length >= 1 && g.length <= 3 : g.length === 3));
  if (dots === 0 && commas === 0) return { value: sign * parseInt(s, 10) };
  if (dots > 0 && commas > 0) {
    const lastDot = s.lastIndexOf(".");
    const lastComma = s.lastIndexOf(",");
    const decimalSep = lastDot > lastComma ? "." : ",";
    const groupSep = decimalSep === "." ? "," : ".";
    const [intPart, frac] = [s.slice(0, s.lastIndexOf(decimalSep)), s.slice(s.lastIndexOf(decimalSep) + 1)];
    if (intPart.includes(decimalSep) || !groupsOk(intPart, groupSep)) return undefined;
    return {
      value: sign * parseFloat(intPart.split(groupSep).join("") + "." + frac),
      convention: decimalSep === "," ? "id" : "en",
    };
  }
  const sep = dots > 0 ? "." : ",";
  const count = dots + commas;
  const parts = s.split(sep);
  if (count > 1) {
    // Repeated separator: digit grouping, or (exports that print one separator for both, "9,767,844,000,00")
    // groups of three with the last separator before one or two decimals. The latter votes for no convention.
    if (groupsOk(s, sep)) return { value: sign * parseInt(parts.join(""), 10), convention: sep === "." ? "id" : "en" };
    const last = parts[parts.length - 1];
    if (last.length >= 1 && last.length <= 2 && groupsOk(parts.slice(0, -1).join(sep), sep)) return { value: sign * parseFloat(parts.slice(0, -1).join("") + "." + last) };
    return undefined;
  }
  const [intPart, frac] = parts;
  const decimalReading = sign * parseFloat(intPart + "." + frac);
  const decimalConvention: NumeralConvention = sep === "," ? "id" : "en";
  if (frac.length !== 3 || intPart === "0" || intPart.length > 3 || /^0\d/.test(intPart)) {
    // A group needs exactly three digits after it and a non-zero lead of at most three digits.
    return { value: decimalReading, convention: decimalConvention };
  }
  return {
    ambiguous: { asGrouping: sign * parseInt(intPart + frac, 10), asDecimal: decimalReading, separator: sep },
  };
}

/** `s` without the run of `chars` at its end (linear, unlike a regex anchored at the end only). */
function trimTrailing(s: string, chars: string): string {
  let end = s.length;
  while (end > 0 && chars.includes(s[end - 1])) end--;
  return s.slice(0, end);
}

const NUMBER_RE = /^[-+−]?\d[\d.,]*\d|^[-+−]?\d/;

/** Parse one cell's content. `numberFormat` tells whether a numeric cell is shown as a percent. */
export function parseNumeral(input: CellValue, numberFormat?: string | null): Numeral {
  // Texts repeat across a workbook's tables and are read by several stages: parse each text once.
  // The returned numeral is shared: callers treat it as read-only.
  if (typeof input === "string" && input.length <= 200) {
    let n = textNumerals.get(input);
    if (!n) {
      if (textNumerals.size > 50000) textNumerals.clear();
      textNumerals.set(input, (n = parseText(input)));
    }
    return n;
  }
  return parseValue(input, numberFormat);
}

const textNumerals = new Map<string, Numeral>();

function parseText(input: string): Numeral {
  return parseValue(input, null);
}

function parseValue(input: CellValue, numberFormat?: string | null): Numeral {
  if (input === null || input === undefined) return { kind: "empty", raw: "" };
  if (typeof input === "number") {
    const pct = !!numberFormat && /%/.test(numberFormat.replace(/"[^"]*"/g, ""));
    return pct ? { kind: "percent", raw: String(input), value: input, percent: "format" } : { kind: "number", raw: String(input), value: input };
  }
  if (typeof input === "boolean" || isErrorValue(input)) return { kind: "text", raw: typeof input === "boolean" ? String(input) : input.error };
  const raw = input;
  let s = raw.replace(/\u00a0/g, " ").replace(/\s+/g, " ").trim();
  if (s === "") return { kind: "empty", raw };
  if (MARKERS.has(s.toLowerCase())) return { kind: "marker", raw };

  // Read as the formulas read it (TRIM collapses spaces only): a rung across a line break is text to Excel too.
  const category = findCategory(raw);
  if (category) return { kind: "category", raw, category };

  // Grade with score: "BB (75)", "A (80.35)", "Nindya (75)".
  const grade = /^([A-Za-z][A-Za-z ]{0,20}?)\s*\(\s*([\d.,]+)\s*\)$/.exec(s);
  // Only rating letters (A, BB, CC…) or ladder rungs carry a score; "No (1)" is a header.
  if (grade && (/^[A-E]{1,2}[+-]?$/.test(grade[1].trim()) || findCategory(grade[1]))) {
    const tok = interpretDigits(grade[2]);
    if (tok) {
      const cat = findCategory(grade[1]);
      return { kind: "grade", raw, grade: grade[1].trim(), value: tok.value, ambiguous: tok.ambiguous, convention: tok.convention, category: cat };
    }
  }

  // Footnote stars at the end ("85,5*", "80 **"). Scanned by hand: /\*+$/ retries from every star of
  // a run that does not end the text, quadratic in a cell of 32,767 stars followed by a letter.
  const footnote = s.endsWith("*");
  if (footnote) s = trimTrailing(s, "* ");
  let currency = false;
  const rp = /^rp\.?\s*/i.exec(s);
  if (rp) {
    currency = true;
    s = s.slice(rp[0].length);
  }
  if (/,-$|\.-$/.test(s)) {
    currency = true;
    s = s.slice(0, -2).trim();
  }

  const m = NUMBER_RE.exec(s);
  if (!m) return { kind: "text", raw };
  const tok = interpretDigits(m[0]);
  if (!tok) return { kind: "text", raw };
  let rest = s.slice(m[0].length).trim();
  let percent: Numeral["percent"];
  if (rest.startsWith("%")) {
    percent = "sign";
    rest = rest.slice(1).trim();
  }
  if (/\d/.test(rest)) {
    // Several figures in one cell ("90,76 70 5 orang 100% 40 OPD 100%").
    const parts = splitBundle(s);
    return parts.length > 1 ? { kind: "bundle", raw, parts } : { kind: "text", raw };
  }
  if (rest && !/^[A-Za-z][A-Za-z./ ()-]*$/.test(rest)) return { kind: "text", raw };
  if (rest.length > 40) return { kind: "text", raw };
  const out: Numeral = {
    kind: percent ? "percent" : "number",
    raw,
    value: tok.value,
    ambiguous: tok.ambiguous,
    convention: tok.convention,
  };
  if (percent) out.percent = percent;
  if (rest) out.unit = rest;
  if (currency) out.currency = true;
  if (footnote) out.footnote = true;
  return out;
}

/** Split a packed cell into its figures, each with the unit words that follow it. */
function splitBundle(s: string): Numeral[] {
  const re = /([-+]?\d[\d.,]*\d|\d)\s*(%|[A-Za-z][A-Za-z/]*)?/g;
  const parts: Numeral[] = [];
  let m: RegExpExecArray | null;
  while ((m = re.exec(s))) parts.push(parseNumeral(m[0]));
  return parts.filter((p) => p.kind === "number" || p.kind === "percent");
}

/** True when the numeral carries a usable number (possibly still ambiguous). */
export function hasNumber(n: Numeral): boolean {
  return n.value !== undefined || n.ambiguous !== undefined;
}

export interface ColumnNumerals {
  numerals: Numeral[];
  /** Resolved values (undefined for no value); ambiguous cells resolved when the column decides. */
  values: (number | undefined)[];
  convention: NumeralConvention | "mixed" | "unknown";
  /** Indexes of cells whose ambiguity the column could not resolve. */
  unresolved: number[];
  /** Cells whose separators show a convention unambiguously, per convention (the majority decides). */
  votes: { id: number; en: number };
  /** How percents are held: "fraction" (0.9565 shown as 95,65 %) or "number" (95,65 in a % column). */
  percentScale?: "fraction" | "number";
  /** How the convention was decided, as a message code ("numerals-votes", "numerals-no-clue", "numerals-money-grouping"). */
  reason: Message;
  /** Lone separators the column left open and their rows decided (`hint.rows`). */
  byRow: RowReading[];
}

export interface ColumnHint {
  /** The column holds money (pagu, Rp): a lone separator with three digits is grouping. */
  money?: boolean;
  /** The column holds percentages or ratios: small decimals are the norm. */
  percent?: boolean;
  /** Per cell (same order as the cells), what its row says about its size, for what the column leaves open. */
  rows?: (RowEvidence | undefined)[];
}

/** What a row says about the size of one of its figures. */
export interface RowEvidence {
  /** The figure it is compared with in its row (the target beside a realisasi, and back). */
  partner?: number;
  /** The row's satuan ("Orang", "Ha", "%"). */
  unit?: string;
}

/** How a row decided a lone separator: the partner's magnitude, a unit that counts whole things, or both. */
export interface RowReading {
  index: number;
  asGrouping: boolean;
  basis: ("partner" | "whole")[];
}

/** Satuan that count whole things: a count of them has no decimals ("1.340 Orang" is one thousand three hundred forty). */
const COUNT_UNITS = new Set([
  "orang", "jiwa", "penduduk", "peserta", "pegawai", "asn", "siswa", "pasien", "balita", "bayi", "kk", "keluarga", "rumah", "rumah tangga",
  "unit", "buah", "dokumen", "laporan", "paket", "kasus", "kegiatan", "kali", "kunjungan", "desa", "kelurahan", "kecamatan", "opd",
  "sekolah", "umkm", "koperasi", "kelompok", "lembaga", "titik", "lokasi", "event", "usaha", "produk", "judul", "eksemplar",
  "sertifikat", "izin", "berkas", "aduan", "pengaduan", "ekor", "pohon", "perda", "peraturan", "pelaku usaha", "wisatawan", "perkara",
]);

/** A satuan that counts whole things ("Orang", "Dokumen", "Kunjungan"). */
export function isCountUnit(unit: string | undefined): boolean {
  return !!unit && COUNT_UNITS.has(unit.trim().toLowerCase().replace(/\s+/g, " "));
}

/**
 * A lone separator read from its row, when its column gave no clue: a count ("Orang") has no decimals, so
 * "1.340" is 1340; and a realisasi is of the size of its target, so "1.187" beside 1 250 is 1187 (within a
 * factor of ten, the other reading a thousand times off). Undefined when the row says nothing or contradicts itself.
 */
function readFromRow(a: NonNullable<Numeral["ambiguous"]>, e: RowEvidence | undefined, cellUnit: string | undefined): RowReading | undefined {
  const votes: { grouping: boolean; basis: "partner" | "whole" }[] = [];
  if ((isCountUnit(e?.unit) || isCountUnit(cellUnit)) && !Number.isInteger(a.asDecimal)) votes.push({ grouping: true, basis: "whole" });
  const p = e?.partner;
  if (p !== undefined && p !== 0 && Number.isFinite(p) && Math.sign(p) === Math.sign(a.asGrouping)) {
    const off = (x: number) => Math.abs(Math.log10(x / p));
    const [g, d] = [off(a.asGrouping), off(a.asDecimal)];
    if (Math.min(g, d) <= 1) votes.push({ grouping: g < d, basis: "partner" });
  }
  if (!votes.length || votes.some((v) => v.grouping !== votes[0].grouping)) return undefined;
  return { index: -1, asGrouping: votes[0].grouping, basis: votes.map((v) => v.basis) };
}

/**
 * Resolve a column's numerals together: the unambiguous cells vote for a convention, which then
 * decides the ambiguous ones. With no votes, money columns read a lone "1.234" as 1234; anything
 * else stays unresolved and is reported.
 */
export function resolveColumnNumerals(cells: { value: CellValue; numberFormat?: string | null }[], hint: ColumnHint = {}): ColumnNumerals {
  const numerals = cells.map((c) => parseNumeral(c.value, c.numberFormat));
  const votes = { id: 0, en: 0 };
  for (const n of numerals) {
    if (n.convention) votes[n.convention]++;
    for (const p of n.parts ?? []) if (p.convention) votes[p.convention]++;
  }
  let convention: ColumnNumerals["convention"] =
    votes.id && votes.en ? "mixed" : votes.id ? "id" : votes.en ? "en" : "unknown";
  const decided: NumeralConvention | undefined =
    votes.id > votes.en ? "id" : votes.en > votes.id ? "en" : undefined;
  const unresolved: number[] = [];
  const byRow: RowReading[] = [];
  let reason: Message = convention === "unknown" ? message("numerals-no-clue") : message("numerals-votes", { id: votes.id, en: votes.en });
  const values = numerals.map((n, i) => {
    if (n.value !== undefined) return n.value;
    if (!n.ambiguous) return undefined;
    const sepIsDecimal = decided ? (decided === "id" ? n.ambiguous.separator === "," : n.ambiguous.separator === ".") : undefined;
    if (sepIsDecimal !== undefined) return sepIsDecimal ? n.ambiguous.asDecimal : n.ambiguous.asGrouping;
    if (hint.money) return n.ambiguous.asGrouping;
    const row = readFromRow(n.ambiguous, hint.rows?.[i], n.unit);
    if (row) {
      byRow.push({ ...row, index: i });
      return row.asGrouping ? n.ambiguous.asGrouping : n.ambiguous.asDecimal;
    }
    unresolved.push(i);
    return undefined;
  });
  if (convention === "unknown" && hint.money && numerals.some((n) => n.ambiguous)) {
    reason = message("numerals-money-grouping");
  }
  const pct = numerals.filter((n) => n.kind === "percent");
  let percentScale: ColumnNumerals["percentScale"];
  if (pct.length) percentScale = pct.filter((n) => n.percent === "format").length > pct.length / 2 ? "fraction" : "number";
  else if (hint.percent) percentScale = "number";
  if (convention === "mixed") convention = decided ?? "mixed";
  return { numerals, values, convention, votes, unresolved, percentScale, reason, byRow };
}

/** A numeral's value in percent units (95.65 for "95,65 %", 0.9565 formatted as %, or 95.65 in a % column). */
export function percentValue(n: Numeral, resolved: number | undefined): number | undefined {
  if (resolved === undefined) return undefined;
  if (n.kind === "percent" && n.percent === "format") return resolved * 100;
  return resolved;
}
