/**
 * Stage 4 — table-level resolution: the header words' proposals (candidates.ts) are confirmed or
 * changed with evidence only the whole table gives, in this order of authority:
 *   (a) a relation the table states in its number row ("16 = 13 / 8 x 100") or in its formulas (=H10/G10);
 *   (b) a standard form the table follows (forms.ts);
 *   (c) sibling columns ("Capaian Kinerja" beside "Persentase Capaian (%)" is the realised value; a "%"
 *       between K and Rp in a triplet is a ratio);
 *   (d) the figures: money vs performance from magnitude and format, percent columns, and an existing
 *       computed column REPRODUCED from candidate operands, which also picks the operand pair;
 *   (e) scope and groups: the period's realisasi over cumulative ("s.d.") and Renstra columns, the TOTAL
 *       pair over its parts.
 * The pairings of computed columns with their operands are made afterwards (pairings.ts), from the roles
 * decided here, so a user's role correction re-pairs the table the same way.
 */
import { columnLetter, Grid } from "../grid";
import { Message, message } from "../messages";
import { ColumnRole, Measure } from "../roles";
import { HeaderBand, LabelSpan, NumberCell } from "./band";
import { CandidateRole, HeaderReading, Scope } from "./candidates";
import { ColumnFigures, looksLikeMoney, readColumnFigures } from "./figures";
import { FormMatch, matchForm } from "./forms";
import { bestReproduction, Reproduction, sameGroup } from "./pairings";
import { markTickColumns, TickBand } from "./ticks";
import { isBareDash, polarityStatementKind } from "../polarity";
import type { ColumnRelation, RecognisedColumn } from "./types";

/** Pairings at or above this confidence are written; below it they need the user's confirmation. */
/** A column while the table is being resolved. */
export interface WorkColumn {
  col: number;
  path: string[];
  role: CandidateRole;
  year: number | null;
  period: string | null;
  measure: Measure | null;
  scope: Scope | null;
  confidence: number;
  evidence: Message[];
  number?: number;
  /** The lowest label spanning several columns above this one (its group: "TOTAL", "Tahun 2024"). */
  group: LabelSpan | null;
  figures: ColumnFigures;
  /** The operand pair that reproduces the column's typed values, when one does. */
  reproduced?: Reproduction;
  /** The words say it covers the whole year ("s.d. Triwulan IV"). */
  wholeYear?: boolean;
  /** A tick column of an ikhtisar: the predikat band it marks. */
  tick?: TickBand;
}

type Relation = ColumnRelation;

export interface Resolution {
  columns: RecognisedColumn[];
  relations: ColumnRelation[];
  form: FormMatch | null;
  warnings: Message[];
}

const MONEY: ReadonlySet<CandidateRole> = new Set(["pagu", "realisasi_anggaran", "sisa_anggaran"]);
const PERF_VALUE: ReadonlySet<CandidateRole> = new Set(["target", "realisasi", "target_akhir"]);

function setRole(c: WorkColumn, role: CandidateRole, confidence: number, why: Message) {
  if (c.role !== role) c.evidence.unshift(why);
  else c.evidence.push(why);
  c.role = role;
  c.confidence = Math.max(confidence, c.role === role ? c.confidence : 0);
}

/** The lowest multi-column label above each column. */
function groupOf(band: HeaderBand, col: number): LabelSpan | null {
  let best: LabelSpan | null = null;
  for (const l of band.labels) if (l.left <= col && col <= l.right && l.right > l.left && (!best || l.row > best.row)) best = l;
  return best;
}


// The fields of ResolvingColumn are WorkColumn's (declaration merging): written once, set in the constructor.
interface ResolvingColumn extends Omit<WorkColumn, "figures"> {}
/** A column as resolution starts it, from its header reading; its figures are parsed when a rule first needs them. */
class ResolvingColumn implements WorkColumn {
  private readonly hint: { money: boolean; percent: boolean };
  private read: ColumnFigures | undefined = undefined;

  constructor(
    private readonly g: Grid,
    band: HeaderBand,
    col: number,
    path: string[],
    rd: HeaderReading,
    private readonly rows: number[],
  ) {
    this.col = col;
    this.path = path;
    this.role = rd.role;
    this.year = rd.year;
    this.period = rd.period;
    this.measure = rd.measure;
    this.scope = rd.scope;
    this.confidence = rd.confidence;
    this.evidence = [...rd.evidence];
    this.number = band.numbers.find((n) => n.left <= col && col <= n.right)?.number;
    this.wholeYear = rd.wholeYear;
    this.group = groupOf(band, col);
    // Set later by some rules: present from the start, so every column keeps one shape.
    this.reproduced = undefined;
    this.tick = undefined;
    // The hint is the header's proposal, not the role resolution may give the column later.
    this.hint = { money: MONEY.has(rd.role) || rd.measure === "Rp", percent: rd.role === "ratio" || rd.role === "capaian" || rd.role === "serapan" || rd.measure === "%" };
  }

  /** Read when a rule needs them: name columns of a 7,000-row table are never parsed as numbers. */
  get figures(): ColumnFigures {
    return (this.read ??= readColumnFigures(this.g, this.col, this.rows, this.hint));
  }
}

export function resolveTable(g: Grid, band: HeaderBand, readings: HeaderReading[], paths: string[][], figureRows: number[]): Resolution {
  const warnings: Message[] = [];
  const cols: WorkColumn[] = readings.map((rd, i) => new ResolvingColumn(g, band, band.left + i, paths[i], rd, figureRows));
  const byCol = new Map(cols.map((c) => [c.col, c]));
  const tableYear = yearOfTable(cols);

  // Tick columns: one column per predikat band, ticked from the capaian (before the "%" of a band's bounds reads as a ratio).
  markTickColumns(g, cols, figureRows, setRole);

  polarityColumnsFromValues(g, cols, figureRows);

  // (c) siblings and word-level context --------------------------------------------------------
  percentOfTriplet(cols);
  capaianValueBesidePercent(cols);

  // (b) a standard form ----------------------------------------------------------------------------
  const form = matchForm(band, cols, g);
  if (form) {
    for (const [col, fr] of form.roles) {
      const c = byCol.get(col);
      if (!c) continue;
      if (c.role !== fr.role && c.confidence < 0.9) setRole(c, fr.role, 0.85, message("evidence-form", { form: form.id, number: c.number ?? null, role: fr.role }));
      else if (c.role === fr.role) c.confidence = Math.max(c.confidence, 0.85);
      if (fr.scope && !c.scope) c.scope = fr.scope;
    }
  }

  // (d) money vs performance, from the figures ----------------------------------------------------
  const moneyTable = cols.some((c) => MONEY.has(c.role) && c.figures.numeric > 0 && looksLikeMoney(c.figures));
  for (const c of cols) {
    if ((c.role === "realisasi" || c.role === "target") && c.measure !== "K" && moneyTable && looksLikeMoney(c.figures) && c.figures.median >= 1e6) {
      const to = c.role === "realisasi" ? "realisasi_anggaran" : "pagu";
      setRole(c, to, 0.8, message("evidence-money-figures", { median: Math.round(c.figures.median), role: to }));
    }
    if (MONEY.has(c.role) && c.figures.numeric >= 2 && c.figures.percentFormat + c.figures.percentSign >= 0.5) {
      setRole(c, "ratio", 0.6, message("evidence-percent-figures", {}));
    }
  }
  // "Kumulatif" / "Jumlah" beside the quarters of the year is the year's own realisasi.
  for (const c of cols) {
    if (c.scope !== "cumulative" || c.period || c.role !== "realisasi" && c.role !== "realisasi_anggaran") continue;
    const quarters = cols.filter((x) => x.role === c.role && x.period && /^TW[1-4]$/.test(x.period) && (sameGroup(x, c) || !x.group));
    if (new Set(quarters.map((x) => x.period)).size === 4) {
      c.scope = null;
      c.wholeYear = true;
    }
  }
  // "Selisih" in a budget table is what is left of the pagu (in % the share left).
  for (const c of cols) {
    if (c.role === "other" && /\bselisih\b/i.test(c.path.join(" ")) && cols.some((x) => x.role === "pagu")) setRole(c, c.measure === "%" || /%/.test(c.path.join(" ")) ? "efisiensi" : "sisa_anggaran", 0.6, message("evidence-header-word", { text: c.path.join(" › "), role: "sisa_anggaran" }));
  }
  // A budget table without performance figures: its "capaian" is the serapan (unless it says "Capaian Kinerja").
  const budgetOnly = cols.some((c) => c.role === "realisasi_anggaran" || c.role === "pagu") && !cols.some((c) => (c.role === "target" || c.role === "realisasi") && c.measure !== "Rp");
  if (budgetOnly) for (const c of cols) if (c.role === "capaian" && !/kinerja|\bk\b/i.test(c.path.join(" "))) setRole(c, "serapan", 0.75, message("evidence-ratio-budget-table", {}));
  // A column holding only the currency sign ("Rp" beside the amount, under one merged label) is not the amount.
  for (const c of cols) {
    if (!MONEY.has(c.role) && c.role !== "target" && c.role !== "realisasi") continue;
    const texts = figureRows.map((r) => g.text(r, c.col)).filter(Boolean);
    if (texts.length && texts.every((t) => /^rp\.?$/i.test(t))) setRole(c, "other", 0.9, message("evidence-currency-column", {}));
  }

  // (e) scope: Renstra and cumulative columns --------------------------------------------------
  for (const c of cols) {
    if (c.role === "target" && c.scope === "renstra" && tableYear !== null && c.year !== null && c.year > tableYear) {
      setRole(c, "target_akhir", 0.8, message("evidence-renstra-target", { year: c.year, tableYear }));
    }
    // A cumulative capaian beside its own cumulative target ("Kumulatif s.d. 2024 › Target | Realisasi | Capaian") is that pair's capaian.
    const ownTarget = cols.some((x) => x !== c && x.role === "target" && x.scope === c.scope && !!x.group && !!c.group && x.group.row === c.group.row && x.group.left === c.group.left);
    if ((c.role === "capaian" || c.role === "serapan" || c.role === "ratio") && (c.scope === "renstra" || c.scope === "cumulative") && !ownTarget && cols.some((x) => x.role === "target_akhir" || (x !== c && x.scope === "renstra" && !["target", "capaian", "serapan", "ratio", "tingkat_kemajuan"].includes(x.role)))) {
      setRole(c, "tingkat_kemajuan", 0.75, message("evidence-renstra-ratio", {}));
    }
  }

  // (a) relations: stated in the number row, or held as formulas in the column's cells ------------
  const relations: Relation[] = [...statedRelations(band, cols), ...formulaRelations(g, cols, figureRows)];
  for (const rel of relations) applyRelation(rel, byCol, warnings, g.name, tableYear);

  // (d) reproduce existing ratio / capaian / serapan columns from candidate operands ---------------
  for (const c of cols) {
    if (!(c.role === "ratio" || c.role === "capaian" || c.role === "serapan" || c.role === "tingkat_kemajuan" || c.role === "efisiensi")) continue;
    if (relations.some((r) => r.col === c.col && r.kind === "ratio")) continue;
    const best = bestReproduction(c, cols);
    if (!best) continue;
    let role = ratioRoleOf(byCol.get(best.numerator)!, byCol.get(best.denominator)!);
    // "Capaian" against the Renstra end target when the table has no target of the year stays capaian.
    if (role === "tingkat_kemajuan" && c.role === "capaian" && !cols.some((x) => x.role === "target")) role = "capaian";
    if (role && best.share >= 0.6) {
      const why = message("evidence-reproduced", { numerator: best.numerator, denominator: best.denominator, matched: best.matched, total: best.rows });
      if (c.role !== role) setRole(c, role, 0.85, why);
      else {
        c.evidence.push(why);
        c.confidence = Math.max(c.confidence, 0.9);
      }
      c.reproduced = best;
    }
  }

  // A percentage nothing else explained: the table's only kind of ratio decides, else it stays unexplained.
  for (const c of cols) {
    if (c.role !== "ratio") continue;
    const perf = cols.some((x) => x.role === "realisasi") && cols.some((x) => x.role === "target");
    const budget = cols.some((x) => x.role === "realisasi_anggaran") && cols.some((x) => x.role === "pagu");
    const left = [...cols].reverse().find((x) => x.col < c.col && (x.role === "realisasi" || x.role === "realisasi_anggaran"));
    if (budget && !perf) setRole(c, "serapan", 0.65, message("evidence-ratio-budget-table", {}));
    else if (perf && !budget) setRole(c, "capaian", 0.65, message("evidence-ratio-performance-table", {}));
    else if (left) setRole(c, left.role === "realisasi" ? "capaian" : "serapan", 0.55, message("evidence-ratio-after", { col: left.col }));
  }

  // Column roles are final: the RecognisedColumn shape, unexplained ratios as "other".
  // (Optional keys are set one by one: V8 builds an object spread with more keys after it on its slow path.)
  const columns: RecognisedColumn[] = cols.map((c) => {
    const column: RecognisedColumn = {
      col: c.col,
      header: c.path.join(" / "),
      headerPath: c.path,
      role: c.role === "ratio" ? "other" : c.role,
      year: c.year,
      period: c.period,
      measure: c.measure,
      evidence: c.role === "ratio" ? [message("evidence-unexplained-percent", {}), ...c.evidence] : c.evidence,
      confidence: Math.round(c.confidence * 100) / 100,
      group: c.group,
    };
    if (c.scope) column.scope = c.scope;
    if (c.number !== undefined) column.number = c.number;
    if (c.tick) column.tick = c.tick;
    return column;
  });
  return { columns, relations, form, warnings };
}

// ---------------------------------------------------------------------------------------------
// Polarity columns

/**
 * A column whose cells are polarity statements ("Semakin rendah semakin baik", "Maksimal", "(-)") is the
 * polarity column whatever its header says ("Sifat Indikator" is no indicator); one proposed only by a weak
 * word ("Sifat", "Arah", "Jenis Indikator") whose cells state no direction is not.
 */
function polarityColumnsFromValues(g: Grid, cols: WorkColumn[], rows: number[]) {
  for (const c of cols) {
    // Only a polarity column, or a text column that may turn out to be one, is read cell by cell.
    if (c.role !== "polaritas" && c.role !== "other" && c.role !== "indikator" && c.role !== "keterangan") continue;
    // A column whose first cells state no direction is no polarity column (80 % must): stop reading it early.
    // A column named "Polarisasi / Polaritas" is one whatever it holds; one proposed by a weak word is not.
    const weakHeader = !/pola(risasi|ritas)|polarity/i.test(c.path.join(" "));
    if (c.role !== "polaritas" || weakHeader) {
      let misses = 0;
      let seen = 0;
      for (const r of rows) {
        const t = g.text(r, c.col);
        if (t === "") continue;
        if (polarityStatementKind(t) === null) misses++;
        if (++seen === 5) break;
      }
      if (misses > 1) {
        if (c.role === "polaritas") setRole(c, "other", 0.6, message("evidence-no-polarity-values", {}));
        continue;
      }
    }
    const texts = rows.map((r) => g.text(r, c.col)).filter((t) => t !== "");
    if (!texts.length) continue;
    const kinds = texts.map(polarityStatementKind);
    const stated = kinds.filter((k) => k !== null).length;
    // A column of bare "-" is a column of missing values, not of signs.
    const confirmed = stated >= texts.length * 0.8 && texts.some((t, i) => kinds[i] !== null && !isBareDash(t));
    if (c.role === "polaritas") {
      if (weakHeader && !confirmed) setRole(c, "other", 0.6, message("evidence-no-polarity-values", {}));
      else if (confirmed) c.evidence.push(message("evidence-polarity-values", { matched: stated, total: texts.length }));
      continue;
    }
    // Under another header only sentences and polarity words count: "Naik" / "Turun" in a Keterangan is the change
    // over last year, and a "+" / "-" column under no polarity header proves little.
    const worded = kinds.filter((k) => k === "sentence" || k === "word").length;
    if ((c.role === "other" || c.role === "indikator" || c.role === "keterangan") && texts.length >= 2 && worded >= texts.length * 0.8) {
      setRole(c, "polaritas", 0.85, message("evidence-polarity-values", { matched: worded, total: texts.length }));
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Siblings

/**
 * In a "K | % | Rp" triplet (or "Rp | %", "K | %"), or right after the same header in rupiah ("Realisasi (Rp)",
 * "Realisasi (%)"), the % column is a ratio of its sibling, not a value.
 */
function percentOfTriplet(cols: WorkColumn[]) {
  const stem = (c: WorkColumn) => c.path.join(" ").replace(/\(\s*(rp\.?|%|k)\s*\)|\b(rp\.?|%)\s*$/gi, "").replace(/\s+/g, " ").trim().toLowerCase();
  for (const c of cols) {
    if (c.measure !== "%" || !(PERF_VALUE.has(c.role) || MONEY.has(c.role))) continue;
    const left = cols.find((x) => x.col === c.col - 1);
    const sameStem = left && (left.measure === "Rp" || left.measure === "K") && stem(left) === stem(c);
    if (sameStem || cols.some((x) => x !== c && sameGroup(x, c) && (x.measure === "K" || x.measure === "Rp"))) {
      setRole(c, "ratio", 0.6, message("evidence-percent-in-triplet", {}));
    }
  }
}

/**
 * "Capaian Kinerja" beside "Persentase Capaian (%)" for the same year and no realisasi: the plain one
 * holds the realised value, the percentage is the capaian.
 */
function capaianValueBesidePercent(cols: WorkColumn[]) {
  // "Anggaran › Pagu | Capaian | %": a bare "Capaian" under money beside its percentage is the amount spent.
  for (const c of cols.filter((x) => x.role === "serapan" && x.measure !== "%" && !/%|persen|prosen|tingkat|rasio|serapan/i.test(x.path.join(" ")))) {
    const sibling = cols.find((x) => x !== c && sameGroup(x, c) && (x.role === "serapan" || x.role === "ratio") && /%|persen|prosen|rasio/i.test(x.path.join(" ")));
    if (sibling && !cols.some((x) => x.role === "realisasi_anggaran" && sameGroup(x, c))) setRole(c, "realisasi_anggaran", 0.8, message("evidence-capaian-value", { sibling: sibling.col }));
  }
  const percentish = (c: WorkColumn) => /%|persen|prosen|tingkat|rasio/i.test(c.path.join(" ")) || c.role === "ratio";
  // The same year (a percentage without a year belongs to every year of its row of groups).
  const near = (a: WorkColumn, b: WorkColumn) => (a.year === b.year || a.year === null || b.year === null) && a.period === b.period;
  for (const c of cols.filter((x) => x.role === "capaian" && !percentish(x))) {
    // Its percentage: in the same group, or in a parallel group of the same header row ("CAPAIAN KINERJA › 2019" / "TINGKAT CAPAIAN (%) › 2019").
    const parallel = (x: WorkColumn) => near(x, c) && (!x.group || !c.group || x.group.row === c.group.row);
    const sibling = cols.find((x) => x !== c && (x.role === "capaian" || x.role === "ratio") && percentish(x) && (sameGroup(x, c) || parallel(x)));
    const hasRealisasi = cols.some((x) => x.role === "realisasi" && near(x, c) && (sameGroup(x, c) || !x.group || !c.group));
    if (sibling && !hasRealisasi) setRole(c, "realisasi", 0.8, message("evidence-capaian-value", { sibling: sibling.col }));
  }
}

function yearOfTable(cols: WorkColumn[]): number | null {
  const years = cols.filter((c) => (c.role === "realisasi" || c.role === "capaian" || c.role === "realisasi_anggaran") && c.year !== null && c.scope !== "cumulative" && c.scope !== "baseline").map((c) => c.year!);
  if (years.length) return Math.max(...years);
  const targets = cols.filter((c) => c.role === "target" && c.year !== null).map((c) => c.year!);
  return targets.length ? Math.min(...targets) : null;
}

// ---------------------------------------------------------------------------------------------
// Relations

/** "9 + 10 + 11 + 12" → numbers and operators, or null when it is not a plain expression of numbers. */
function parseExpression(expr: string): { kind: ColumnRelation["kind"]; numbers: number[] } | null {
  const e = expr.replace(/[x×]/gi, "*").replace(/:/g, "/").replace(/%/g, "").replace(/\s+/g, "");
  const stripped = e.replace(/\*100$/, "").replace(/^\((.*)\)$/, "$1").replace(/\*100$/, "");
  const nums = (s: string) => (s.match(/\d+/g) ?? []).map((n) => parseInt(n, 10));
  if (/^\(?\d+\)?\/\(?\d+\)?$/.test(stripped)) return { kind: "ratio", numbers: nums(stripped) };
  if (/^\d+(\+\d+)+$/.test(stripped)) return { kind: "sum", numbers: nums(stripped) };
  if (/^\d+-\d+$/.test(stripped)) return { kind: "difference", numbers: nums(stripped) };
  return nums(stripped).length ? { kind: "other", numbers: nums(stripped) } : null;
}

/** The column a number stands for, picking within a K/Rp span the column of the same measure (or offset). */
function columnOfNumber(n: NumberCell, like: WorkColumn, offset: number, byCol: Map<number, WorkColumn>): WorkColumn | undefined {
  const span: WorkColumn[] = [];
  for (let c = n.left; c <= n.right; c++) if (byCol.has(c)) span.push(byCol.get(c)!);
  if (span.length <= 1) return span[0];
  return span.find((x) => x.measure && x.measure === like.measure) ?? span[Math.min(offset, span.length - 1)];
}

function statedRelations(band: HeaderBand, cols: WorkColumn[]): Relation[] {
  const byCol = new Map(cols.map((c) => [c.col, c]));
  const byNumber = new Map(band.numbers.map((n) => [n.number, n]));
  const out: Relation[] = [];
  for (const cell of band.numbers) {
    if (!cell.expression) continue;
    const parsed = parseExpression(cell.expression);
    if (!parsed) continue;
    for (let col = cell.left; col <= cell.right; col++) {
      const like = byCol.get(col);
      if (!like) continue;
      const operands: number[] = [];
      for (const n of parsed.numbers) {
        if (n === 100 && parsed.kind === "ratio") continue;
        const ref = byNumber.get(n);
        const target = ref && columnOfNumber(ref, like, col - cell.left, byCol);
        if (target) operands.push(target.col);
      }
      if (operands.length !== parsed.numbers.filter((n) => !(n === 100 && parsed.kind === "ratio")).length) continue;
      out.push({ col, number: cell.number, text: cell.text, kind: parsed.kind, operands, expression: expressionText(parsed.kind, operands), source: "stated" });
    }
  }
  return out;
}

function expressionText(kind: ColumnRelation["kind"], operands: number[]): string {
  const l = operands.map(columnLetter);
  if (kind === "ratio") return `${l[0]}/${l[1]}*100`;
  if (kind === "sum") return l.join("+");
  if (kind === "difference") return l.join("-");
  return l.join(",");
}

/** Same-row formulas shared by most of a column's formula cells: =H10/G10, =IFERROR(H10/G10,0), =C3-D3, =N13+Q13+T13. */
function formulaRelations(g: Grid, cols: WorkColumn[], rows: number[]): Relation[] {
  const out: Relation[] = [];
  const known = new Set(cols.map((c) => c.col));
  for (const c of cols) {
    const shapes = new Map<string, { kind: ColumnRelation["kind"]; operands: number[]; n: number }>();
    let formulas = 0;
    for (const r of rows) {
      const f = g.formula(r, c.col);
      if (!f) continue;
      formulas++;
      const shape = formulaShape(f, r);
      if (!shape || !shape.operands.every((x) => known.has(x) && x !== c.col)) continue;
      const k = `${shape.kind}:${shape.operands.join(",")}`;
      const s = shapes.get(k) ?? { kind: shape.kind, operands: shape.operands, n: 0 };
      s.n++;
      shapes.set(k, s);
    }
    if (!formulas) continue;
    const best = [...shapes.values()].sort((a, b) => b.n - a.n)[0];
    if (best && best.n >= Math.max(1, formulas * 0.5)) {
      out.push({ col: c.col, number: c.number ?? 0, text: "", kind: best.kind, operands: best.operands, expression: expressionText(best.kind, best.operands), source: "formula" });
    }
  }
  return out;
}

/**
 * The shape of a formula that reads cells of its own row only: a ratio (maybe ×100 or ×100 %, inside
 * IFERROR or the add-in's own IF(AND(ISNUMBER…)) guard), a sum or a difference. Null otherwise.
 */
const RATIO_SHAPE = /^\(?([A-Z]{1,3})(\d+)\/([A-Z]{1,3})(\d+)\)?(\*100%?|\*100)?$/;
const DIFFERENCE_SHAPE = /^([A-Z]{1,3})(\d+)-([A-Z]{1,3})(\d+)$/;

export function formulaShape(formula: string, row: number): { kind: ColumnRelation["kind"]; operands: number[] } | null {
  let f = formula.replace(/^=/, "").replace(/\$/g, "").replace(/\s+/g, "").toUpperCase();
  const iferror = /^IFERROR\((.*),[^,()]*\)$/.exec(f);
  if (iferror) f = iferror[1];
  // The add-in's own guard: IF(AND(ISNUMBER(D7),ISNUMBER(E7),D7<>0),E7/D7*100,"")
  const guard = /^IF\(AND\([^()]*(?:\([^()]*\)[^()]*)*\),(.*),""\)$/.exec(f);
  if (guard) f = guard[1];
  f = f.replace(/^\((.*)\)$/, "$1");
  const same = (...rs: string[]) => rs.every((r) => parseInt(r, 10) - 1 === row);
  let m = RATIO_SHAPE.exec(f);
  if (m && same(m[2], m[4])) return { kind: "ratio", operands: [colIndex(m[1]), colIndex(m[3])] };
  m = DIFFERENCE_SHAPE.exec(f);
  if (m && same(m[2], m[4])) return { kind: "difference", operands: [colIndex(m[1]), colIndex(m[3])] };
  const sum = /^SUM\(([^()]*)\)$/.exec(f)?.[1]?.split(",") ?? (/^[A-Z]{1,3}\d+(\+[A-Z]{1,3}\d+)+$/.test(f) ? f.split("+") : null);
  if (sum && sum.every((s) => /^[A-Z]{1,3}\d+$/.test(s))) {
    const refs = sum.map((s) => /^([A-Z]{1,3})(\d+)$/.exec(s)!);
    if (refs.every((x) => same(x[2]))) return { kind: "sum", operands: refs.map((x) => colIndex(x[1])) };
  }
  return null;
}

function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** What a ratio of these two columns measures, by their roles. */
function ratioRoleOf(num: WorkColumn, den: WorkColumn): ColumnRole | null {
  if (num.role === "realisasi_anggaran" && den.role === "pagu") return "serapan";
  if (num.role === "sisa_anggaran" && den.role === "pagu") return "efisiensi";
  if ((num.role === "realisasi" || num.role === "realisasi_anggaran") && den.role === "target_akhir") return "tingkat_kemajuan";
  if (num.role === "realisasi" && den.role === "target") return num.scope === "cumulative" && den.scope === "renstra" ? "tingkat_kemajuan" : "capaian";
  return null;
}

/** A stated or formula relation decides the output's role, and the operands' roles where words left them open. */
function applyRelation(rel: Relation, byCol: Map<number, WorkColumn>, warnings: Message[], sheet: string, tableYear: number | null) {
  const out = byCol.get(rel.col);
  if (!out) return;
  const ops = rel.operands.map((c) => byCol.get(c)!);
  const why = message(rel.source === "stated" ? "evidence-stated-relation" : "evidence-formula-relation", { text: rel.text, expression: rel.expression });
  const confidence = rel.source === "stated" ? 0.95 : 0.9;
  if (rel.kind === "sum") {
    // "13 = 9 + 10 + 11 + 12": the year's realisasi from its quarters; "14 = 7 + 13": cumulative (adds a "s.d." column).
    // (…but "s.d. TW III + TW IV" = "s.d. TW IV" is the year's own figure.)
    if (!out.wholeYear && ops.some((o) => o.scope === "cumulative" || o.scope === "renstra")) out.scope = "cumulative";
    const roles = new Set(ops.map((o) => o.role));
    const valueRole = roles.size === 1 && (PERF_VALUE.has(ops[0].role) || MONEY.has(ops[0].role));
    if (valueRole && out.role !== ops[0].role && (out.role === "other" || out.role === "ratio")) setRole(out, ops[0].role, confidence, why);
    else out.evidence.push(why);
    if (out.scope !== "cumulative" && out.period) out.period = null;
    return;
  }
  if (rel.kind === "difference") {
    if (ops[0]?.role === "pagu" && ops[1]?.role === "realisasi_anggaran" && out.role !== "sisa_anggaran") setRole(out, "sisa_anggaran", confidence, why);
    else out.evidence.push(why);
    return;
  }
  if (rel.kind !== "ratio" || ops.length !== 2) return;
  const [num, den] = ops;
  // Operands the words left open take the roles the output implies.
  if (out.role === "capaian" || out.role === "tingkat_kemajuan") {
    if (!PERF_VALUE.has(num.role) && num.role !== "capaian") setRole(num, "realisasi", 0.8, message("evidence-operand-of", { col: out.col, role: "realisasi" }));
    // A benchmark ("Target Nasional") stays one when a capaian is measured against it.
    if (!PERF_VALUE.has(den.role) && den.role !== "pembanding") setRole(den, out.role === "tingkat_kemajuan" ? "target_akhir" : "target", 0.8, message("evidence-operand-of", { col: out.col, role: "target" }));
  }
  // The Renstra target OF THE TABLE'S YEAR under the year's realisasi: "Capaian thd Renstra" is a capaian of scope
  // Renstra, not progress towards the end of the period ("Target Akhir Renstra", "Kondisi Akhir").
  const yearsRenstraTarget = den.role === "target" && den.scope === "renstra" && den.year !== null && den.year === tableYear && num.scope !== "cumulative";
  if (num.role === "realisasi" && den.role === "target" && den.scope === "renstra" && !yearsRenstraTarget && (num.scope === "cumulative" || out.role === "tingkat_kemajuan")) {
    setRole(den, "target_akhir", 0.85, message("evidence-operand-of", { col: out.col, role: "target_akhir" }));
  }
  const role = ratioRoleOf(num, den);
  // A column headed "Capaian" whose cells divide by the end target keeps its name: the formula (the add-in's own,
  // on a rerun) says which operands, not that the header is wrong.
  const keepsHeader = rel.source === "formula" && out.role === "capaian" && role === "tingkat_kemajuan";
  if (role) {
    if (out.role !== role && !keepsHeader) setRole(out, role, confidence, why);
    else {
      out.evidence.unshift(why);
      out.confidence = Math.max(out.confidence, confidence);
    }
  } else {
    warnings.push(message("relation-mismatch", { sheet, col: out.col, relation: rel.text || rel.expression, operandRoles: [num.role, den.role] }));
  }
}

