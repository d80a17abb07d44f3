/**
 * Pairings: each computed column (capaian, serapan, tingkat kemajuan, sisa anggaran) with the operand
 * columns it is computed from, a confidence, the evidence, and the alternatives. Made from the column
 * roles the resolution decided (or the user corrected), in this order of authority: a stated or formula
 * relation; the operand pair that reproduces the column's typed figures; header keys (year, period, K/Rp,
 * group) with a unique best candidate; parallel blocks of repeated headers. Pairings whose planned values
 * are implausible (most capaian outside −1 000 … 1 000 %, money against non-money) are demoted.
 * Below CONFIDENT nothing is written: the pairing "needs confirmation" and the user chooses.
 */
import { Grid } from "../grid";
import { Message, message } from "../messages";
import { Measure } from "../roles";
import { byText, remembered } from "../remembered";
import type { CandidateRole, Scope } from "./candidates";
import { ColumnFigures, looksLikeMoney, percentUnits, readColumnFigures } from "./figures";
import type { ColumnRelation, ComputedMeasure, Pairing, RecognisedColumn, RecognisedTable } from "./types";

/** Pairings at or above this confidence are written; below it they need the user's confirmation. */
export const CONFIDENT = 0.7;

/** What pairing needs to know of a column. */
export interface PairColumn {
  col: number;
  role: CandidateRole;
  year: number | null;
  period: string | null;
  measure: Measure | null;
  scope?: Scope | null;
  group: { row: number; left: number; right: number; text: string } | null;
  /** Within the year, to date ("s.d. Bulan Ini", "s.d. TW III"), or to the end of the previous period ("s.d. Bulan Lalu"). */
  toDate?: "now" | "previous" | null;
  /** The header words, lower case ("% thd anggaran kas"): an output may name its reference. */
  words?: string;
  /** What part of the budget a one-row header names beside its role ("Realisasi Belanja Modal" → "belanja modal"; "Jumlah Anggaran" → "jumlah"). */
  part?: string;
  figures: ColumnFigures;
  reproduced?: Reproduction;
}

export const sameGroup = (a: Pick<PairColumn, "group">, b: Pick<PairColumn, "group">) => !!a.group && !!b.group && a.group.row === b.group.row && a.group.left === b.group.left;

/** A cumulative column within the year: to date, or to the end of the previous month / quarter. */
function toDateOf(c: RecognisedColumn): PairColumn["toDate"] {
  const text = c.headerPath.join(" ");
  if (!/\b(s\.?\s?d\.?|s\/d|sampai( dengan)?|kumulatif)\b/i.test(text) || !/\b(bulan|triwulan|tw|semester|saat ini|periode)\b/i.test(text)) return null;
  return /\b(lalu|sebelumnya|sebelum)\b/i.test(text) ? "previous" : "now";
}

/** The words of a label beside its role and unit words: the part of the budget or group it names. */
function partOf(label: string): string {
  return partOfLabel(label);
}
/** Parts already read, by label (labels repeat from table to table). */
const partOfLabel = remembered((label: string) => readPart(label), byText);

function readPart(label: string): string {
  return label
    .toLowerCase()
    .replace(/\(.*?\)/g, " ")
    .split(/[^a-z]+/)
    .filter((w) => w && !/^(anggaran|pagu|realisasi|rp|persen|persentase|capaian|target|nilai|tahun|dan|s|d|sd)$/.test(w))
    .join(" ");
}
const isTotalPart = (p: string | undefined) => !!p && /^(jumlah|total)\b/.test(p);
/** Under a "Total" / "Jumlah" group label ("Total › Anggaran | Realisasi"). */
const inTotalGroup = (c: PairColumn) => !!c.group && /\b(total|jumlah)\b/i.test(c.group.text);

/** A column as pairing reads it; its figures are parsed when a rule first needs them (name columns never are). */
class PairingColumn implements PairColumn {
  readonly col: number;
  readonly role: CandidateRole;
  readonly year: number | null;
  readonly period: string | null;
  readonly measure: Measure | null;
  readonly scope: Scope | null;
  readonly group: PairColumn["group"];
  readonly toDate: PairColumn["toDate"];
  reproduced?: Reproduction;
  private read: ColumnFigures | undefined = undefined;
  private wordsRead: string | undefined = undefined;
  private partRead: string | undefined = undefined;

  constructor(
    private readonly g: Grid,
    private readonly c: RecognisedColumn,
    private readonly rows: number[],
  ) {
    this.col = c.col;
    this.role = c.role;
    this.year = c.year;
    this.period = c.period;
    this.measure = c.measure;
    this.scope = c.scope ?? null;
    this.group = c.group;
    this.toDate = toDateOf(c);
  }

  get words(): string {
    return (this.wordsRead ??= this.c.headerPath.join(" ").toLowerCase());
  }

  get part(): string {
    return (this.partRead ??= partOf(this.c.headerPath[this.c.headerPath.length - 1] ?? ""));
  }

  get figures(): ColumnFigures {
    const money = this.role === "pagu" || this.role === "realisasi_anggaran" || this.measure === "Rp";
    const percent = this.role === "capaian" || this.role === "serapan" || this.measure === "%";
    return (this.read ??= readColumnFigures(this.g, this.col, this.rows, { money, percent }));
  }
}

/** The pairings of a recognised table (recomputed when the user changes a role). */
export function pairTable(g: Grid, t: Pick<RecognisedTable, "columns" | "relations" | "rows">): Pairing[] {
  const rows = t.rows.filter((r) => r.kind === "data" || r.kind === "group" || r.kind === "total").map((r) => r.row);
  const cols: PairColumn[] = t.columns.map((c: RecognisedColumn) => new PairingColumn(g, c, rows));
  for (const c of cols) {
    if (c.role !== "capaian" && c.role !== "serapan" && c.role !== "tingkat_kemajuan") continue;
    const best = bestReproduction(c, cols);
    if (best && best.share >= 0.6) c.reproduced = best;
  }
  // A table that names nothing (a chart's data range: Tahun | Target | Realisasi) gets no new computed columns.
  const names = t.columns.some((c) => ["indikator", "sasaran", "tujuan", "program", "kegiatan", "subkegiatan", "nomenklatur"].includes(c.role));
  return pairMeasures(cols, t.relations, names);
}

// ---------------------------------------------------------------------------------------------
// Reproduction

export interface Reproduction {
  numerator: number;
  denominator: number;
  matched: number;
  rows: number;
  share: number;
}

/** Does a typed percentage equal num/den (as a percent, a fraction shown as %, or a plain ratio)? */
/**
 * Does a typed percentage equal num/den? Compared in percent units (0,9565 shown as % is 95,65), within
 * 0,01 point or 0,1 % of the value, rounded or truncated to two decimals; a plain ratio in a % column too.
 */
function reproduces(typed: number, typedIsFraction: boolean, num: number, den: number): boolean {
  if (den === 0) return false;
  const want = (num / den) * 100;
  const got = typedIsFraction ? typed * 100 : typed;
  const tol = Math.max(0.0051, Math.abs(want) * 0.0005);
  if (Math.abs(got - want) <= tol || Math.abs(Math.trunc(want * 100) / 100 - got) <= 0.0001) return true;
  return !typedIsFraction && Math.abs(typed - num / den) <= Math.max(0.00051, Math.abs(num / den) * 0.0005);
}

function reproduction(out: PairColumn, num: PairColumn, den: PairColumn): Reproduction {
  let rows = 0;
  let matched = 0;
  out.figures.values.forEach((v, i) => {
    const a = num.figures.values[i];
    const b = den.figures.values[i];
    if (v === undefined || a === undefined || b === undefined || b === 0) return;
    rows++;
    const fraction = out.figures.numerals[i].kind === "percent" && out.figures.numerals[i].percent === "format";
    const an = percentUnits(num.figures, i) !== a && num.figures.numerals[i].percent === "format" ? a * 100 : a;
    const bn = percentUnits(den.figures, i) !== b && den.figures.numerals[i].percent === "format" ? b * 100 : b;
    if (reproduces(v, fraction, a, b) || reproduces(v, fraction, an, bn)) matched++;
  });
  return { numerator: num.col, denominator: den.col, matched, rows, share: rows ? matched / rows : 0 };
}

/** The operand pair that best reproduces an existing percent column's typed values. */
export function bestReproduction(out: PairColumn, cols: PairColumn[]): Reproduction | null {
  const numerators = cols.filter((c) => c !== out && (c.role === "realisasi" || c.role === "realisasi_anggaran" || c.role === "sisa_anggaran") && c.figures.numeric > 0);
  const denominators = cols.filter((c) => c !== out && (c.role === "target" || c.role === "pagu" || c.role === "target_akhir") && c.figures.numeric > 0);
  let best: Reproduction | null = null;
  for (const n of numerators) {
    for (const d of denominators) {
      const r = reproduction(out, n, d);
      if (r.rows < 2 && !(r.rows === 1 && out.figures.numeric === 1)) continue;
      if (!best || r.share > best.share || (r.share === best.share && r.rows > best.rows)) best = r;
    }
  }
  return best;
}

// ---------------------------------------------------------------------------------------------
// Pairings

const NUMERATOR: Record<ComputedMeasure, CandidateRole[]> = { capaian: ["realisasi"], serapan: ["realisasi_anggaran"], tingkat_kemajuan: ["realisasi", "realisasi_anggaran"], sisa_anggaran: ["realisasi_anggaran"] };
const DENOMINATOR: Record<ComputedMeasure, CandidateRole[]> = { capaian: ["target"], serapan: ["pagu"], tingkat_kemajuan: ["target_akhir"], sisa_anggaran: ["pagu"] };

const periodKey = (c: PairColumn) => `${c.year ?? ""}|${c.period ?? ""}`;

/** "% thd Pagu", "Capaian terhadap Target Renstra": does the output name this reference (null: it names none)? */
function namesReference(out: PairColumn, den: PairColumn): boolean | null {
  const named = out.words && /\b(?:thd\.?|terhadap|atas)\s+([a-z]+(?:\s+[a-z]+)?)/.exec(out.words);
  if (!named || !den.words) return null;
  return named[1].split(" ").every((w) => den.words!.includes(w));
}

/** How well a numerator/denominator pair fits an output (or each other, when there is no output). */
function keyScore(out: PairColumn | null, num: PairColumn, den: PairColumn, measure: ComputedMeasure, latestYear: number | null = null): number {
  let s = 0;
  const ref = out ?? num;
  if (periodKey(num) === periodKey(ref)) s += 2;
  else if (num.year !== null && num.year === ref.year) s += 1;
  // The reference of the same period first (a quarter's capaian over the quarter's target), a yearless one next.
  if (periodKey(den) === periodKey(ref) && (den.year !== null || den.period !== null)) s += 2;
  else if (den.year === null && den.period === null) s += 1.5;
  else if (den.year !== null && den.year === ref.year) s += 1;
  if (out && sameGroup(num, out)) s += 1;
  if (out && sameGroup(den, out)) s += 0.5;
  if (sameGroup(num, den)) s += 0.5;
  // The period's realisasi, not a cumulative or baseline one (unless the output is cumulative).
  if (measure === "capaian" && num.scope && out?.scope !== num.scope) s -= 3;
  if (measure === "tingkat_kemajuan" && num.scope === "cumulative") s += 1.5;
  // A cumulative target goes with the cumulative realisasi, and only with it.
  if (measure === "capaian" && den.scope === "cumulative") s += num.scope === "cumulative" ? 1.5 : -3;
  // Spending against the year's pagu is the spending to date ("s.d. Bulan Ini"), not this month's nor last month's total.
  if ((measure === "serapan" || measure === "sisa_anggaran") && num.toDate === "now") s += 1.5;
  if (num.toDate === "previous") s -= 2;
  if (num.measure === "%" || den.measure === "%") s -= 2;
  // A column of the year against a part of it: "Tahun 2024" over "Semester I", the year's capaian over a quarter.
  if (out && !out.period && num.period) s -= 1.5;
  if (num.year !== null && num.year === den.year) s += 0.5;
  // The revised budget (Perubahan, APBD-P) is what is spent against, not the original (Murni).
  if (den.scope === "perubahan") s += 1;
  // The year's own target (Renja, PK) before the Renstra's figure for that year.
  if (measure === "capaian" && den.scope === "renstra") s += out?.scope === "renstra" ? 1.5 : -1.5;
  if (den.scope === "murni") s -= 1;
  // A ratio right after its operands: "Anggaran | Realisasi | %".
  if (out && num.col === out.col - 1) s += 0.8;
  if (out && den.col === out.col - 2 && num.col === out.col - 1) s += 0.4;
  // K with K, Rp with Rp.
  if (out?.measure && num.measure && out.measure !== "%" && num.measure !== out.measure) s -= 3;
  if (num.measure && den.measure && num.measure !== "%" && den.measure !== "%" && num.measure !== den.measure) s -= 3;
  // A capaian without a year is the table's year: its latest realisasi, not last year's.
  if (out && out.year === null && !out.period && latestYear !== null && num.year !== null) s += num.year === latestYear ? 1 : -1;
  // One-row headers naming parts: "Anggaran Belanja Modal" with "Realisasi Belanja Modal"; an output naming no part takes the total.
  if (num.part && den.part && !num.group && !den.group) s += num.part === den.part ? 1.5 : -1.5;
  if (out && !out.part && !out.group && (isTotalPart(num.part) || inTotalGroup(num))) s += 1;
  const named = out ? namesReference(out, den) : null;
  if (named !== null) s += named ? 2 : -1;
  if (out) s -= Math.abs(out.col - num.col) * 0.01;
  return s;
}

/**
 * Typed figures that match a pair the header keys (year, period) do not suggest may be a mistake in the
 * table (a capaian computed against another year's target): such a reproduction decides only when it
 * holds on at least three rows; otherwise the keys decide and the audit reports the typed figures.
 */
function reproductionStands(out: PairColumn, ranked: { n: PairColumn; d: PairColumn; s: number }[]): boolean {
  const r = out.reproduced!;
  const top = ranked[0];
  const mine = ranked.find((x) => x.n.col === r.numerator && x.d.col === r.denominator);
  if (!top || !mine || mine.s >= top.s - 0.5) return true;
  return r.rows >= 3 && r.share >= 0.8;
}

/** Are the planned values plausible? Most capaian/serapan within −1 000 … 1 000 %, like units on both sides. */
function plausibility(num: PairColumn, den: PairColumn, measure: ComputedMeasure): Message | null {
  if (measure === "sisa_anggaran") return null;
  const ratios: number[] = [];
  num.figures.values.forEach((a, i) => {
    const b = den.figures.values[i];
    if (a !== undefined && b !== undefined && b !== 0) ratios.push((percentUnits(num.figures, i)! / percentUnits(den.figures, i)!) * 100);
  });
  const moneyNum = looksLikeMoney(num.figures);
  const moneyDen = looksLikeMoney(den.figures);
  if (num.figures.numeric && den.figures.numeric && moneyNum !== moneyDen && (measure === "serapan" || Math.max(num.figures.median, den.figures.median) >= 1e6))
    return message("pairing-units-differ", { numerator: num.col, denominator: den.col });
  if (ratios.length >= 2) {
    const wild = ratios.filter((x) => !Number.isFinite(x) || x < -1000 || x > 1000).length;
    if (wild > ratios.length / 2) return message("pairing-implausible", { numerator: num.col, denominator: den.col, share: Math.round((100 * wild) / ratios.length) });
  }
  return null;
}

function pairMeasures(cols: PairColumn[], relations: ColumnRelation[], mayAppend = true): Pairing[] {
  const pairings: Pairing[] = [];
  for (const measure of ["capaian", "serapan", "tingkat_kemajuan", "sisa_anggaran"] as ComputedMeasure[]) {
    const outs = cols.filter((c) => c.role === measure);
    const nums = cols.filter((c) => NUMERATOR[measure].includes(c.role) && !(measure === "capaian" && c.scope === "baseline"));
    let dens = cols.filter((c) => DENOMINATOR[measure].includes(c.role));
    if (measure === "tingkat_kemajuan" && !dens.length && outs.length) dens = cols.filter((c) => c.role === "target" && c.scope === "renstra");
    // A capaian column with no target of the year is measured against the Renstra end target or a benchmark.
    if (measure === "capaian" && !dens.length && outs.length) dens = cols.filter((c) => c.role === "target_akhir" || c.role === "pembanding");
    if (!nums.length || !dens.length) continue;
    const used = new Set<number>();
    // Repeated headers ("PAGU PAGU REALISASI REALISASI CAPAIAN CAPAIAN", years dropped): parallel blocks pair by order.
    const keys = (cs: PairColumn[]) => new Set(cs.map(periodKey)).size;
    const parallel = nums.length > 1 && nums.length === dens.length && (outs.length === 0 || outs.length === nums.length) && (keys(nums) < nums.length || keys(dens) < dens.length);
    const years = nums.map((n) => n.year).filter((y): y is number => y !== null);
    const latest = years.length ? Math.max(...years) : null;
    // The end target of the Renstra period is its last year's.
    const lastTarget = Math.max(...dens.map((d) => d.year ?? -1));
    const rank = (out: PairColumn | null) => {
      const pairs: { n: PairColumn; d: PairColumn; s: number }[] = [];
      for (const n of nums) {
        for (const d of dens) {
          if (n.col === d.col) continue;
          pairs.push({ n, d, s: keyScore(out, n, d, measure, latest) + (measure === "tingkat_kemajuan" && d.year !== null && d.year === lastTarget ? 1 : 0) });
        }
      }
      return pairs.sort((a, b) => b.s - a.s);
    };
    // Each numerator with its best reference, by keys alone.
    // A numerator of its own period: no cumulative or baseline scope, except spending to date against the pagu.
    const ownPeriod = (n: PairColumn) => !n.scope || ((measure === "serapan" || measure === "sisa_anggaran") && n.toDate === "now");
    const byKeys = rank(null);
    const natural = nums.filter((n) => ownPeriod(n) && n.measure !== "%").map((n) => byKeys.find((x) => x.n === n)).filter((x): x is NonNullable<typeof x> => !!x);
    for (const out of outs) {
      const rankedForOut = rank(out);
      const evidence: Message[] = [];
      let numerator: number | undefined;
      let denominator: number | undefined;
      let confidence = 0;
      const rel = relations.find((r) => r.col === out.col && (r.kind === "ratio" || r.kind === "difference"));
      if (rel && rel.operands.length === 2) {
        [numerator, denominator] = measure === "sisa_anggaran" ? [rel.operands[1], rel.operands[0]] : rel.operands;
        confidence = rel.source === "stated" ? 0.95 : 0.92;
        evidence.push(message(rel.source === "stated" ? "evidence-stated-relation" : "evidence-formula-relation", { text: rel.text, expression: rel.expression }));
      } else if (out.reproduced && out.reproduced.share >= 0.6 && reproductionStands(out, rankedForOut)) {
        numerator = out.reproduced.numerator;
        denominator = out.reproduced.denominator;
        confidence = out.reproduced.share >= 0.8 ? 0.9 : 0.75;
        evidence.push(message("evidence-reproduced", { numerator, denominator, matched: out.reproduced.matched, total: out.reproduced.rows }));
      }
      const ranked = rankedForOut.filter((x) => !used.has(x.n.col * 100000 + x.d.col));
      if (numerator === undefined && parallel) {
        const i = outs.indexOf(out);
        numerator = nums[i].col;
        denominator = dens[i].col;
        confidence = 0.75;
        evidence.push(message("evidence-parallel-columns", { numerator, denominator }));
      }
      if (numerator === undefined && ranked.length) {
        // Ambiguity is judged among each realisasi's own reference: a realisasi against another group's target is no rival.
        // The reference the output names comes first; else each realisasi's own reference.
        const byName = ranked.filter((x) => namesReference(out, x.d) === true);
        const own = byName.length ? byName : ranked.filter((x) => natural.some((y) => y.n === x.n && y.d === x.d) || (!!out.scope && x.n.scope === out.scope));
        const [top, second] = own.length ? own : ranked;
        const clear = !second || top.s - second.s >= 1;
        // Each realisasi with its own reference; the one pair no other output claims goes to this output.
        const left = natural.filter((x) => !used.has(x.n.col * 100000 + x.d.col) && !outs.some((o) => o !== out && periodKey(o) === periodKey(x.n)));
        if (!clear && left.length === 1) {
          numerator = left[0].n.col;
          denominator = left[0].d.col;
          confidence = 0.7;
          evidence.push(message("evidence-remaining-pair", { numerator, denominator }));
        } else {
          numerator = top.n.col;
          denominator = top.d.col;
          confidence = clear ? 0.8 : 0.6;
          evidence.push(message(clear ? "evidence-pair-by-header" : "evidence-pair-ambiguous", { numerator, denominator }));
        }
      }
      if (numerator === undefined || denominator === undefined) continue;
      used.add(numerator * 100000 + denominator);
      pairings.push(finish(measure, out.col, cols, numerator, denominator, confidence, evidence, ranked));
    }
    // No column of this measure yet: the table's main pairs may get one appended.
    // Tingkat kemajuan is appended to a progress table, not beside capaian columns the table already has.
    const progressExtra = measure === "tingkat_kemajuan" && cols.some((c) => c.role === "capaian");
    if (outs.length === 0 && measure !== "sisa_anggaran" && mayAppend && !progressExtra) {
      const byNumerator = new Map<number, ReturnType<typeof rank>[number]>();
      for (const x of rank(null)) if (!byNumerator.has(x.n.col)) byNumerator.set(x.n.col, x);
      let candidates = [...byNumerator.values()].filter((x) => ownPeriod(x.n) && x.n.measure !== "%");
      // Spending to date stands for the month's or quarter's own spending beside it.
      const toDate = candidates.find((x) => x.n.toDate === "now");
      if (toDate) candidates = candidates.filter((x) => x.n.toDate === "now" || !sameGroup(x.n, toDate.n));
      // A TOTAL pair over its parts: only the total gets the computed column.
      const totals = candidates.filter((x) => inTotalGroup(x.n));
      if (totals.length) candidates = totals;
      // Quarter realisasi against the annual target are not appended (the year's pair is).
      if (candidates.some((x) => !x.n.period)) candidates = candidates.filter((x) => !x.n.period);
      // Progress toward the end target is measured from the latest year's realisasi, not from every year's (a
      // cumulative sum against a yearly end target would be no measure at all: it is never appended).
      if (measure === "tingkat_kemajuan") {
        const latestYear = Math.max(...candidates.map((x) => x.n.year ?? -1));
        candidates = candidates.filter((x) => (x.n.year ?? -1) === latestYear);
      }
      if (parallel) candidates = nums.map((n, i) => ({ n, d: dens[i], s: 0 }));
      for (const x of candidates) {
        const ranked = rank(null).filter((y) => y.n === x.n);
        if (parallel) {
          pairings.push(finish(measure, null, cols, x.n.col, x.d.col, 0.75, [message("evidence-parallel-columns", { numerator: x.n.col, denominator: x.d.col })], ranked));
          continue;
        }
        const clear = ranked.length < 2 || ranked[0].s - ranked[1].s >= 1;
        pairings.push(finish(measure, null, cols, x.n.col, x.d.col, clear ? 0.8 : 0.6, [message(clear ? "evidence-pair-by-header" : "evidence-pair-ambiguous", { numerator: x.n.col, denominator: x.d.col })], ranked));
      }
    }
  }
  return pairings;
}

function finish(measure: ComputedMeasure, output: number | null, cols: PairColumn[], numerator: number, denominator: number, confidence: number, evidence: Message[], ranked: { n: PairColumn; d: PairColumn; s: number }[]): Pairing {
  const num = cols.find((c) => c.col === numerator)!;
  const den = cols.find((c) => c.col === denominator)!;
  const implausible = plausibility(num, den, measure);
  if (implausible) {
    evidence.push(implausible);
    confidence = Math.min(confidence, 0.3);
  }
  const alternatives = ranked
    .filter((x) => x.n.col !== numerator || x.d.col !== denominator)
    .slice(0, 3)
    .map((x) => ({ numerator: x.n.col, denominator: x.d.col, confidence: Math.round(Math.max(0.1, Math.min(0.6, 0.4 + x.s / 10)) * 100) / 100 }));
  return {
    measure,
    output,
    numerator,
    denominator,
    confidence: Math.round(confidence * 100) / 100,
    evidence,
    status: confidence >= CONFIDENT ? "confirmed" : "needs-confirmation",
    alternatives,
  };
}

