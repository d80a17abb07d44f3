/**
 * What a column's cells say about it, whatever its header: how many hold numbers (typed or as text),
 * their magnitude, whether they are shown as percents, whether they are money amounts, and the formulas
 * they hold. Resolution reads these to tell money from performance, percent columns from values, and to
 * reproduce an existing computed column from candidate operands.
 */
import { Grid } from "../grid";
import { Numeral, resolveColumnNumerals } from "../numerals";
import { Message } from "../messages";

export interface ColumnFigures {
  col: number;
  /** Non-empty cells among the rows read. */
  filled: number;
  /** Cells holding a number (typed, formula result or number stored as text). */
  numeric: number;
  /** Per row read (same order as the rows given), the number as written; fractions shown as % stay fractions. */
  values: (number | undefined)[];
  numerals: Numeral[];
  /** Share of numeric cells shown as percent (number format) or written with "%". */
  percentFormat: number;
  percentSign: number;
  /** Median of the absolute numbers (0 when none). */
  median: number;
  /** Share of numeric cells that are whole numbers. */
  integers: number;
  /** Share of numeric cells with a thousands-grouping number format or written with grouping. */
  grouped: number;
  /** Cells holding a formula, with their text. */
  formulas: (string | null)[];
  convention: string;
  percentScale?: "fraction" | "number";
  /** How the column's numeral convention was decided (a message code). */
  reason: Message;
  unresolved: number[];
}

/** Median of numbers (0 for none). */
function median(xs: number[]): number {
  if (!xs.length) return 0;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/**
 * Read a column over the given rows. `money` reads a lone "1.234" as a thousand when the column gives no
 * other clue (amounts are never written with three decimals).
 */
export function readColumnFigures(g: Grid, col: number, rows: number[], hint: { money?: boolean; percent?: boolean } = {}): ColumnFigures {
  // The stages read the same column over the same rows more than once (roles, pairings, polarity): parse once.
  let cache = figureCache.get(g);
  if (!cache) figureCache.set(g, (cache = new Map()));
  const key = `${col}|${hint.money ? 1 : 0}${hint.percent ? 1 : 0}`;
  const hit = cache.get(key);
  if (hit && hit.rows.length === rows.length && hit.rows.every((r, i) => r === rows[i])) return hit.figures;
  const figures = parseColumn(g, col, rows, hint);
  cache.set(key, { rows: [...rows], figures });
  return figures;
}

const figureCache = new WeakMap<Grid, Map<string, { rows: number[]; figures: ColumnFigures }>>();

function parseColumn(g: Grid, col: number, rows: number[], hint: { money?: boolean; percent?: boolean }): ColumnFigures {
  const cells = rows.map((r) => ({ value: g.value(r, col), numberFormat: g.numberFormat(r, col) }));
  const res = resolveColumnNumerals(cells, hint);
  const values: (number | undefined)[] = [];
  const abs: number[] = [];
  let percentFormat = 0;
  let percentSign = 0;
  let integers = 0;
  let grouped = 0;
  let numeric = 0;
  let filled = 0;
  res.numerals.forEach((n, i) => {
    if (n.kind !== "empty") filled++;
    const v = (n.kind === "number" || n.kind === "percent") && !n.parts ? res.values[i] : undefined;
    values.push(v);
    if (v === undefined || !Number.isFinite(v)) return;
    numeric++;
    abs.push(Math.abs(v));
    if (n.kind === "percent" && n.percent === "format") percentFormat++;
    if (n.kind === "percent" && n.percent === "sign") percentSign++;
    if (Number.isInteger(v)) integers++;
    const fmt = cells[i].numberFormat ?? "";
    if (/#,##0|#\.##0/.test(fmt) || (typeof cells[i].value === "string" && /\d[.,]\d{3}[.,]\d{3}/.test(String(cells[i].value)))) grouped++;
  });
  const share = (k: number) => (numeric ? k / numeric : 0);
  return {
    col,
    filled,
    numeric,
    values,
    numerals: res.numerals,
    percentFormat: share(percentFormat),
    percentSign: share(percentSign),
    median: median(abs),
    integers: share(integers),
    grouped: share(grouped),
    formulas: rows.map((r) => g.formula(r, col)),
    convention: res.convention,
    percentScale: res.percentScale,
    reason: res.reason,
    unresolved: res.unresolved,
  };
}

/** Money amounts: large numbers (rupiah), typically grouped. */
export function looksLikeMoney(f: ColumnFigures): boolean {
  return f.numeric > 0 && f.median >= 100000 && f.percentFormat < 0.5;
}

/** A percent column: shown as percent, or fractions within 0–3, or numbers in a percent range. */
export function looksLikePercent(f: ColumnFigures): boolean {
  if (!f.numeric) return false;
  if (f.percentFormat + f.percentSign >= 0.5) return true;
  return false;
}

/** A number written as a ratio in percent units: 95,65 for 95,65 %, or 0,9565 shown with a % format. */
export function percentUnits(f: ColumnFigures, i: number): number | undefined {
  const v = f.values[i];
  if (v === undefined) return undefined;
  const n = f.numerals[i];
  return n.kind === "percent" && n.percent === "format" ? v * 100 : v;
}
