import { cellAddress } from "./grid";
import { message, Message } from "./messages";

/**
 * The formulas the add-in writes, as English Excel formula text with comma separators, using only
 * functions of Excel 2010 (IF, IFERROR, AND, ISNUMBER, INDEX, MATCH, TRIM, MID, FIND, SUBSTITUTE, MIN, MAX, ROUND).
 * Each builder has a twin that computes the same result in TypeScript: the write plan stores it as
 * the cell's cached value, and the tests check both against a formula engine.
 *
 * Every input is guarded: an empty, marker or text input gives "" — never #DIV/0! or #VALUE!.
 */

export type NegativeMethod = "A" | "B" | "C";
export type PredikatScale = "permendagri86" | "tercapai" | "sakip" | "custom" | "none";
export type BuiltInScale = "permendagri86" | "tercapai" | "sakip";
export type EfficiencyMethod = "sederhana" | "pmk214" | "none";
/** How a percent column holds its values: 95,65 ("number") or 0.9565 shown with a % format ("fraction"). */
export type PercentConvention = "number" | "fraction";

export interface CapaianLimits {
  cap?: number | null; // in percent (100, 120)
  floor?: number | null; // in percent (0)
}

/** The ratio expression of each capaian method, with T = target and R = realisasi. */
export const CAPAIAN_METHODS = {
  "higher-better": { expr: "R/T", words: "realisasi / target", divisor: "T" },
  A: { expr: "(2*T-R)/T", words: "(2 × target − realisasi) / target", divisor: "T" },
  B: { expr: "T/R", words: "target / realisasi", divisor: "R" },
  C: { expr: "(T-R)/T", words: "(target − realisasi) / target", divisor: "T" },
} as const;
export type CapaianMethod = keyof typeof CAPAIAN_METHODS;

const scaleSuffix = (pc: PercentConvention) => (pc === "number" ? "*100" : "");
const unit = (pc: PercentConvention) => (pc === "number" ? 100 : 1);

function limited(expr: string, limits: CapaianLimits, pc: PercentConvention): string {
  let e = expr;
  if (limits.floor !== null && limits.floor !== undefined) e = `MAX(${num(limits.floor / 100 * unit(pc))},${e})`;
  if (limits.cap !== null && limits.cap !== undefined) e = `MIN(${num(limits.cap / 100 * unit(pc))},${e})`;
  return e;
}
function limitValue(v: number, limits: CapaianLimits, pc: PercentConvention): number {
  let x = v;
  if (limits.floor !== null && limits.floor !== undefined) x = Math.max(limits.floor / 100 * unit(pc), x);
  if (limits.cap !== null && limits.cap !== undefined) x = Math.min(limits.cap / 100 * unit(pc), x);
  return x;
}
const num = (x: number) => String(Math.round(x * 1e10) / 1e10);

/**
 * Capaian of a numeric pair: `=IF(AND(ISNUMBER(E5),ISNUMBER(F5),E5<>0),F5/E5*100,"")`. `units` reads an
 * operand ×100 when it holds a percent as a fraction beside one in percent units: `F5/(E5*100)*100`.
 */
export function capaianFormula(method: CapaianMethod, target: string, realisasi: string, pc: PercentConvention, limits: CapaianLimits = {}, units: { target?: number; realisasi?: number } = {}): string {
  const m = CAPAIAN_METHODS[method];
  const scaled = (ref: string, k = 1) => (k === 1 ? ref : `(${ref}*${k})`);
  const expr = m.expr.replace(/[TR]/g, (x) => (x === "T" ? scaled(target, units.target) : scaled(realisasi, units.realisasi)));
  const divisor = m.divisor === "T" ? target : realisasi;
  return `=IF(AND(ISNUMBER(${target}),ISNUMBER(${realisasi}),${divisor}<>0),${limited(expr + scaleSuffix(pc), limits, pc)},"")`;
}
export function capaianValue(method: CapaianMethod, t: number | undefined, r: number | undefined, pc: PercentConvention, limits: CapaianLimits = {}): number | "" {
  if (t === undefined || r === undefined) return "";
  const ratio = method === "higher-better" ? (t === 0 ? NaN : r / t) : method === "A" ? (t === 0 ? NaN : (2 * t - r) / t) : method === "B" ? (r === 0 ? NaN : t / r) : t === 0 ? NaN : (t - r) / t;
  return Number.isNaN(ratio) ? "" : limitValue(ratio * unit(pc), limits, pc);
}

/**
 * The score inside "BB (75)", "A (80.35)" or "A (80,5)", read the same way by an Excel of any locale: a
 * score has no digit grouping, so both "," and "." are its decimal mark, replaced by the evaluating Excel's
 * own (MID(1/2,2,1) is "." in an English Excel and "," in an Indonesian one) before the text becomes a number.
 */
function gradeScore(ref: string): string {
  const score = `MID(${ref},FIND("(",${ref})+1,FIND(")",${ref})-FIND("(",${ref})-1)`;
  return `SUBSTITUTE(SUBSTITUTE(${score},",","."),".",MID(1/2,2,1))*1`;
}
/** Capaian of two grades with scores ("A (80.35)" vs "BB (75)"): the scores decide. */
export function gradeCapaianFormula(target: string, realisasi: string, pc: PercentConvention, limits: CapaianLimits = {}): string {
  return `=IFERROR(${limited(`${gradeScore(realisasi)}/${gradeScore(target)}${scaleSuffix(pc)}`, limits, pc)},"")`;
}
/**
 * Capaian on a categorical ladder: rank of realisasi over rank of target (Nindya vs Nindya = 100 %). A rank
 * is looked up by the cell's text (TRIM, case-insensitive) among the ladder's spellings, beside their ranks
 * (`Wajar Tanpa Pengecualian (WTP)` and `WTP` are both rank 4 of the opini ladder).
 */
export function ladderCapaianFormula(target: string, realisasi: string, ladder: { names: string; ranks: string }, pc: PercentConvention, limits: CapaianLimits = {}): string {
  const rank = (ref: string) => `INDEX(${ladder.ranks},MATCH(TRIM(${ref}),${ladder.names},0))`;
  return `=IFERROR(${limited(`${rank(realisasi)}/${rank(target)}${scaleSuffix(pc)}`, limits, pc)},"")`;
}
export function ratioValue(numerator: number | undefined, denominator: number | undefined, pc: PercentConvention, limits: CapaianLimits = {}): number | "" {
  if (numerator === undefined || denominator === undefined || denominator === 0) return "";
  return limitValue((numerator / denominator) * unit(pc), limits, pc);
}

/**
 * Serapan, tingkat kemajuan and any plain part/whole ratio: `=IF(AND(ISNUMBER(P),ISNUMBER(Q),Q<>0),P/Q*100,"")`;
 * `units` reads an operand ×100 (a percent held as a fraction beside one in percent units).
 */
export function ratioFormula(part: string, whole: string, pc: PercentConvention, units: { part?: number; whole?: number } = {}): string {
  const scaled = (ref: string, k = 1) => (k === 1 ? ref : `(${ref}*${k})`);
  return `=IF(AND(ISNUMBER(${part}),ISNUMBER(${whole}),${whole}<>0),${scaled(part, units.part)}/${scaled(whole, units.whole)}${scaleSuffix(pc)},"")`;
}

export function differenceFormula(a: string, b: string): string {
  return `=IF(AND(ISNUMBER(${a}),ISNUMBER(${b})),${a}-${b},"")`;
}

/** Efisiensi (sederhana) = 100 % − serapan. */
export function simpleEfficiencyFormula(serapan: string, pc: PercentConvention): string {
  return `=IF(ISNUMBER(${serapan}),${pc === "number" ? 100 : 1}-${serapan},"")`;
}

/**
 * PMK 214/PMK.02/2017 efficiency of one row: E = (PAK × CK − RAK) / (PAK × CK), CK the capaian as a ratio.
 */
export function pmk214Formula(pagu: string, realisasiAnggaran: string, capaian: string, capaianPc: PercentConvention, pc: PercentConvention): string {
  const ck = capaianPc === "number" ? `${capaian}/100` : capaian;
  const pak = `${pagu}*${ck}`;
  return `=IF(AND(ISNUMBER(${pagu}),ISNUMBER(${realisasiAnggaran}),ISNUMBER(${capaian})),IF(${pak}<>0,(${pak}-${realisasiAnggaran})/(${pak})${scaleSuffix(pc)},""),"")`;
}
export function pmk214Value(pagu: number | undefined, ra: number | undefined, capaianRatio: number | undefined, pc: PercentConvention): number | "" {
  if (pagu === undefined || ra === undefined || capaianRatio === undefined) return "";
  const pak = pagu * capaianRatio;
  return pak === 0 ? "" : ((pak - ra) / pak) * unit(pc);
}

/**
 * PMK 214 efficiency of a group (a program over its kegiatan, a total over its programs):
 * E = Σ(PAKᵢ × CKᵢ − RAKᵢ) / Σ(PAKᵢ × CKᵢ) over the parts that have a capaian. Adjacent parts read as
 * ranges with SUMPRODUCT; scattered parts as an explicit sum (N() reads an empty capaian as 0).
 */
export function pmk214GroupFormula(pagu: string[], realisasiAnggaran: string[], capaian: string[], capaianPc: PercentConvention, pc: PercentConvention, ranges?: { pagu: string; realisasiAnggaran: string; capaian: string }): string {
  const div = capaianPc === "number" ? "/100" : "";
  const pk = ranges ? `SUMPRODUCT(${ranges.pagu},${ranges.capaian})${div}` : `(${pagu.map((p, i) => `${p}*N(${capaian[i]})`).join("+")})${div}`;
  const rak = ranges ? `SUMPRODUCT(${ranges.realisasiAnggaran},--ISNUMBER(${ranges.capaian}))` : `(${realisasiAnggaran.map((r, i) => `${r}*ISNUMBER(${capaian[i]})`).join("+")})`;
  return `=IFERROR(IF(${pk}<>0,(${pk}-${rak})/(${pk})${scaleSuffix(pc)},""),"")`;
}
export function pmk214GroupValue(parts: { pagu?: number; ra?: number; capaianRatio?: number }[], pc: PercentConvention): number | "" {
  let pk = 0;
  let rak = 0;
  for (const p of parts) {
    if (p.capaianRatio === undefined) continue;
    pk += (p.pagu ?? 0) * p.capaianRatio;
    rak += p.ra ?? 0;
  }
  return pk === 0 ? "" : ((pk - rak) / pk) * unit(pc);
}

/** Efektivitas (as one seed report prints it) = (target / pagu) / (realisasi / realisasi anggaran). */
export function efektivitasFormula(target: string, pagu: string, realisasi: string, realisasiAnggaran: string, pc: PercentConvention): string {
  const all = [target, pagu, realisasi, realisasiAnggaran];
  return `=IF(AND(${all.map((x) => `ISNUMBER(${x})`).join(",")},${pagu}<>0,${realisasi}<>0,${realisasiAnggaran}<>0),(${target}/${pagu})/(${realisasi}/${realisasiAnggaran})${scaleSuffix(pc)},"")`;
}

/** PMK 214 nilai efisiensi NE = 50 % + (E / 20 %) × 50 %, clamped to 0–100 %. */
export function nilaiEfisiensiFormula(e: string, pc: PercentConvention): string {
  const u = unit(pc);
  return `=IF(ISNUMBER(${e}),MAX(0,MIN(${u},${num(0.5 * u)}+${e}/${num(0.2 * u)}*${num(0.5 * u)})),"")`;
}
export function nilaiEfisiensiValue(e: number | "", pc: PercentConvention): number | "" {
  if (e === "") return "";
  const u = unit(pc);
  return Math.max(0, Math.min(u, 0.5 * u + (e / (0.2 * u)) * 0.5 * u));
}

export interface PredikatBand {
  min: number; // in percent; the band holds capaian ≥ min (or > min when `strict`)
  strict?: boolean;
  label: string;
}
export interface PredikatScaleSpec {
  id: Exclude<PredikatScale, "none">;
  label: string;
  source: string;
  /** Highest band first; the last band is the "otherwise". */
  bands: PredikatBand[];
  /** Compare after rounding to this many decimals of the percent (the three-level scale). */
  roundTo?: number;
}

export const PREDIKAT_SCALES: Record<BuiltInScale, PredikatScaleSpec> = {
  permendagri86: {
    id: "permendagri86",
    label: "Permendagri 86/2017 (lima tingkat)",
    source: "Permendagri 86 Tahun 2017",
    bands: [
      { min: 91, label: "Sangat Tinggi" },
      { min: 76, label: "Tinggi" },
      { min: 66, label: "Sedang" },
      { min: 51, label: "Rendah" },
      { min: -Infinity, label: "Sangat Rendah" },
    ],
  },
  tercapai: {
    id: "tercapai",
    label: "Ketercapaian target (tiga tingkat)",
    source: "PermenPANRB 53/2014 (capaian terhadap target)",
    bands: [
      { min: 100, strict: true, label: "Melebihi Target" },
      { min: 100, label: "Tercapai" },
      { min: -Infinity, label: "Tidak Tercapai" },
    ],
    roundTo: 2,
  },
  sakip: {
    id: "sakip",
    label: "Evaluasi SAKIP (PermenPANRB 88/2021), nilai 0–100",
    source: "PermenPANRB 88 Tahun 2021",
    bands: [
      { min: 90, strict: true, label: "AA" },
      { min: 80, strict: true, label: "A" },
      { min: 70, strict: true, label: "BB" },
      { min: 60, strict: true, label: "B" },
      { min: 50, strict: true, label: "CC" },
      { min: 30, strict: true, label: "C" },
      { min: -Infinity, label: "D" },
    ],
  },
};

/** Nested IFs whose thresholds can be read: `=IF(ISNUMBER(G5),IF(G5>=91,"Sangat Tinggi",IF(…))),"")`. */
export function predikatFormula(scale: PredikatScaleSpec, capaian: string, pc: PercentConvention): string {
  const roundTo = scale.roundTo === undefined ? undefined : pc === "number" ? scale.roundTo : scale.roundTo + 2;
  const x = roundTo === undefined ? capaian : `ROUND(${capaian},${roundTo})`;
  const bands = scale.bands;
  let inner = `"${bands[bands.length - 1].label}"`;
  for (let i = bands.length - 2; i >= 0; i--) {
    const b = bands[i];
    inner = `IF(${x}${b.strict ? ">" : ">="}${num(b.min / 100 * unit(pc))},"${b.label}",${inner})`;
  }
  return `=IF(ISNUMBER(${capaian}),${inner},"")`;
}
export function predikatValue(scale: PredikatScaleSpec, capaian: number | "", pc: PercentConvention): string {
  if (capaian === "") return "";
  const roundTo = scale.roundTo === undefined ? undefined : pc === "number" ? scale.roundTo : scale.roundTo + 2;
  const x = roundTo === undefined ? capaian : Math.round(capaian * 10 ** roundTo) / 10 ** roundTo;
  for (const b of scale.bands) {
    const limit = b.min / 100 * unit(pc);
    if (b.strict ? x > limit : x >= limit) return b.label;
  }
  return scale.bands[scale.bands.length - 1].label;
}

/** One band of a tick group, in percent of capaian: from `lower` (≥, or > when strict) up to `upper` (<, or ≤ when not strict); null is open. */
export interface TickInterval {
  lower: { value: number; strict: boolean } | null;
  upper: { value: number; strict: boolean } | null;
}

function tickCondition(x: string, band: TickInterval, pc: PercentConvention): string {
  const { lower, upper } = band;
  if (lower && upper && lower.value === upper.value && !lower.strict && !upper.strict) return `${x}=${num(lower.value / 100 * unit(pc))}`;
  const parts: string[] = [];
  if (band.lower) parts.push(`${x}${band.lower.strict ? ">" : ">="}${num(band.lower.value / 100 * unit(pc))}`);
  if (band.upper) parts.push(`${x}${band.upper.strict ? "<" : "<="}${num(band.upper.value / 100 * unit(pc))}`);
  return parts.length > 1 ? `AND(${parts.join(",")})` : parts[0] ?? "TRUE";
}

/**
 * The tick of one predikat band (an ikhtisar's column per band): the mark when the capaian falls in the
 * band, "" otherwise, with the band's bounds readable: `=IF(ISNUMBER(C4),IF(AND(C4>=76,C4<91),"√",""),"")`.
 * `roundTo` compares the capaian rounded to that many decimals of the percent (a band "= 100 %").
 */
export function tickFormula(capaian: string, band: TickInterval, mark: string, pc: PercentConvention, roundTo?: number): string {
  const digits = roundTo === undefined ? undefined : pc === "number" ? roundTo : roundTo + 2;
  const x = digits === undefined ? capaian : `ROUND(${capaian},${digits})`;
  return `=IF(ISNUMBER(${capaian}),IF(${tickCondition(x, band, pc)},"${mark.replace(/"/g, '""')}",""),"")`;
}
export function tickValue(capaian: number | "", band: TickInterval, mark: string, pc: PercentConvention, roundTo?: number): string {
  if (capaian === "") return "";
  const digits = roundTo === undefined ? undefined : pc === "number" ? roundTo : roundTo + 2;
  const x = digits === undefined ? capaian : Math.round(capaian * 10 ** digits) / 10 ** digits;
  const limit = (v: number) => Math.round((v / 100) * unit(pc) * 1e10) / 1e10;
  const above = !band.lower || (band.lower.strict ? x > limit(band.lower.value) : x >= limit(band.lower.value));
  const below = !band.upper || (band.upper.strict ? x < limit(band.upper.value) : x <= limit(band.upper.value));
  return above && below ? mark : "";
}

/** A custom scale's bands must cover everything once: gaps, overlaps and reversed bands as message codes. */
export function validateCustomScale(bands: { from: number; to: number; label: string }[]): Message[] {
  const problems: Message[] = [];
  const sorted = [...bands].sort((a, b) => a.from - b.from);
  for (const b of sorted) if (b.from > b.to) problems.push(message("scale-band-reversed", { label: b.label, from: b.from, to: b.to }));
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1];
    const cur = sorted[i];
    if (cur.from > prev.to) problems.push(message("scale-gap", { below: prev.label, above: cur.label, from: prev.to, to: cur.from }));
    if (cur.from < prev.to) problems.push(message("scale-overlap", { below: prev.label, above: cur.label, from: cur.from, to: prev.to }));
  }
  return problems;
}

/**
 * A scale the user defines: `{ "label": "…", "bands": [{ "from": 0, "to": 60, "label": "Kurang" }, …] }`
 * in percent of capaian. Bands must meet end to end (each `from` is the previous `to`); a value equal to a
 * boundary belongs to the upper band; the lowest band takes everything below, the highest everything above.
 * What is wrong comes back as message codes (src/core/messages/input.ts).
 */
export function customScale(input: unknown): { scale?: PredikatScaleSpec; problems: Message[] } {
  const o = (input && typeof input === "object" ? input : {}) as { label?: unknown; bands?: unknown };
  if (!Array.isArray(o.bands) || o.bands.length < 2) return { problems: [message("scale-needs-bands")] };
  const bands: { from: number; to: number; label: string }[] = [];
  const problems: Message[] = [];
  o.bands.forEach((b: { from?: unknown; to?: unknown; label?: unknown }, i: number) => {
    if (typeof b?.from !== "number" || typeof b?.to !== "number" || typeof b?.label !== "string" || !b.label) problems.push(message("scale-band-incomplete", { band: i + 1 }));
    else if (/["]/.test(b.label)) problems.push(message("scale-band-quote", { band: i + 1 }));
    else bands.push({ from: b.from, to: b.to, label: b.label });
  });
  problems.push(...validateCustomScale(bands));
  if (problems.length) return { problems };
  const sorted = [...bands].sort((a, b) => b.from - a.from);
  return {
    problems,
    scale: {
      id: "custom",
      label: typeof o.label === "string" && o.label ? o.label : "Skala predikat pengguna",
      source: "skala ditetapkan pengguna",
      bands: sorted.map((b, i) => ({ min: i === sorted.length - 1 ? -Infinity : b.from, label: b.label })),
    },
  };
}

/** `=SUM(C6:C9)` for adjacent rows, `=SUM(C6,C9,C12)` otherwise (several SUMs past Excel's 255 arguments). */
export function sumFormula(rows: number[], col: number): string {
  const contiguous = rows.every((r, i) => i === 0 || r === rows[i - 1] + 1);
  if (contiguous) return `=SUM(${cellAddress(rows[0], col)}${rows.length > 1 ? `:${cellAddress(rows[rows.length - 1], col)}` : ""})`;
  const sums: string[] = [];
  for (let i = 0; i < rows.length; i += 255) sums.push(`SUM(${rows.slice(i, i + 255).map((r) => cellAddress(r, col)).join(",")})`);
  return `=${sums.join("+")}`;
}
