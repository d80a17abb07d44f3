/**
 * The user's choices for writing formulas — column roles, polarity per indicator, the lower-is-better
 * formula, predikat scale, efficiency method — kept with the workbook so a colleague who opens it sees
 * the same mapping. Pure data; the Excel adapter stores it as a workbook setting.
 */
import { customScale, EfficiencyMethod, NegativeMethod, PredikatScale } from "./formulas";
import { columnLetter, Grid, WorkbookSnapshot } from "./grid";
import { pairTable } from "./recognition/pairings";
import { message, Message } from "./messages";
import type { FillOptions } from "./writePlan";
import type { Polarity } from "./polarity";
import type { RecognisedColumn, RecognisedTable, WorkbookAnalysis } from "./recognise";
import { COLUMN_ROLES, ColumnRole } from "./roles";

export const CHOICES_SETTING = "lkip.choices";

export interface SavedChoices {
  version: 1;
  negative: NegativeMethod;
  scale: PredikatScale;
  efficiency: EfficiencyMethod;
  /** Convert numbers stored as text that the formulas read (default on; each conversion listed and undoable). */
  convertText: boolean;
  /** Column roles the user changed, keyed by `columnKey`. */
  roles: Record<string, ColumnRole>;
  /** Polarity and lower-is-better formula per indicator, keyed "sheet!row". */
  polarity: Record<string, Polarity>;
  negativeByRow: Record<string, NegativeMethod>;
  /** The user's own predikat scale, one line per band: "90 Sangat Baik" (lower bound in percent, label). */
  customBands?: string;
  /** Capaian limited to at most / at least this percentage (MIN/MAX in the formula); null = no limit. */
  cap?: number | null;
  floor?: number | null;
  /** The operand columns the user chose for a computed column (0-based), keyed by `pairKey`. */
  pairs?: Record<string, { numerator: number; denominator: number }>;
}

export const DEFAULT_CHOICES: SavedChoices = { version: 1, negative: "A", scale: "permendagri86", efficiency: "sederhana", convertText: true, roles: {}, polarity: {}, negativeByRow: {} };

/**
 * A column is known by sheet, letter and the first header row: stable when columns are appended on the
 * right. Stored in the workbook, so written like people read it ("Tabel 3.1!G@4", 1-based row).
 */
export function columnKey(t: Pick<RecognisedTable, "sheet" | "header">, c: Pick<RecognisedColumn, "col">): string {
  return `${t.sheet}!${columnLetter(c.col)}@${t.header.top + 1}`;
}
/** An indicator row's key in saved choices: "sheet!row" with the 1-based row people see (`row` is 0-based). */
export function rowKey(sheet: string, row: number): string {
  return `${sheet}!${row + 1}`;
}

/**
 * A user's choice recorded as an override only where it differs from what recognition detected, so a
 * later, better recognition is not pinned down by choices that merely confirmed it.
 */
function override<T extends string>(map: Record<string, T>, key: string, detected: T | undefined, wanted: T): Record<string, T> {
  const next = { ...map };
  if (wanted === detected) delete next[key];
  else next[key] = wanted;
  return next;
}
export function withColumnRole(choices: SavedChoices, key: string, detected: ColumnRole, role: ColumnRole): SavedChoices {
  return { ...choices, roles: override(choices.roles, key, detected, role) };
}
export function withPolarity(choices: SavedChoices, key: string, detected: Polarity | undefined, polarity: Polarity): SavedChoices {
  return { ...choices, polarity: override(choices.polarity, key, detected, polarity) };
}

/**
 * The analysis with the user's column roles in place of the detected ones; the tables whose roles changed
 * are paired again (computed columns with their operands) from the corrected roles.
 */
export function withRoleOverrides(analysis: WorkbookAnalysis, roles: Record<string, ColumnRole>, snapshot: WorkbookSnapshot): WorkbookAnalysis {
  if (!Object.keys(roles).length) return analysis;
  return {
    ...analysis,
    sheets: analysis.sheets.map((s) => ({
      ...s,
      tables: s.tables.map((t) => {
        let changed = false;
        const columns = t.columns.map((c) => {
          const role = roles[columnKey(t, c)];
          if (!role || role === c.role) return c;
          changed = true;
          return { ...c, role, confidence: 1, evidence: [message("evidence-user-choice", { detected: c.role }), ...c.evidence] };
        });
        if (!changed) return t;
        const sheet = snapshot.sheets.find((x) => x.name === t.sheet);
        return { ...t, columns, pairings: sheet ? pairTable(new Grid(sheet), { ...t, columns }) : t.pairings };
      }),
    })),
  };
}

/**
 * "90 Sangat Baik / 75 Baik / 0 Kurang" → a custom scale: each band runs from its lower bound to the next
 * one up, so bands can neither leave gaps nor overlap; a bound given twice or a line without a number is
 * reported with its line number.
 */
export function scaleFromLines(text: string): ReturnType<typeof customScale> {
  const problems: Message[] = [];
  const rows: { from: number; label: string }[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    const m = /^\s*[≥>=]*\s*(-?\d+(?:[.,]\d+)?)\s*%?\s+(.+?)\s*$/.exec(line);
    if (!m) problems.push(message("scale-line-unreadable", { line: i + 1, text: line.trim() }));
    else if (rows.some((r) => r.from === parseFloat(m[1].replace(",", ".")))) problems.push(message("scale-line-twice", { line: i + 1, bound: parseFloat(m[1].replace(",", ".")) }));
    else rows.push({ from: parseFloat(m[1].replace(",", ".")), label: m[2] });
  });
  if (problems.length) return { problems };
  const sorted = [...rows].sort((a, b) => a.from - b.from);
  return customScale({ bands: sorted.map((r, i) => ({ from: r.from, to: sorted[i + 1]?.from ?? 1e9, label: r.label })) });
}

/** Fill options from the choices; a custom scale that does not parse gives no predikat (the pane says why). */
export function fillOptionsFrom(choices: SavedChoices, overwrite: boolean): FillOptions {
  const custom = choices.scale === "custom" ? scaleFromLines(choices.customBands ?? "").scale : undefined;
  return {
    negative: choices.negative,
    scale: choices.scale === "custom" && !custom ? "none" : choices.scale,
    customScale: custom,
    limits: { cap: choices.cap ?? null, floor: choices.floor ?? null },
    efficiency: choices.efficiency,
    convertText: choices.convertText,
    overwrite,
    polarity: choices.polarity,
    negativeByRow: choices.negativeByRow,
    pairs: choices.pairs,
  };
}

const NEGATIVE: readonly string[] = ["A", "B", "C"];
const SCALES: readonly string[] = ["permendagri86", "tercapai", "sakip", "custom", "none"];
const EFFICIENCY: readonly string[] = ["sederhana", "pmk214", "none"];
const POLARITIES: readonly string[] = ["higher-better", "lower-better", "categorical"];

/** Reads stored choices defensively: a damaged or foreign setting falls back to defaults, field by field. */
export function parseSavedChoices(stored: unknown): SavedChoices {
  let o: Record<string, unknown> = {};
  try {
    const v = typeof stored === "string" ? JSON.parse(stored) : stored;
    if (v && typeof v === "object") o = v as Record<string, unknown>;
  } catch {
    o = {};
  }
  const pick = <T extends string>(value: unknown, allowed: readonly string[], fallback: T): T => (typeof value === "string" && allowed.includes(value) ? (value as T) : fallback);
  const record = <T extends string>(value: unknown, allowed: readonly string[]): Record<string, T> => {
    const out: Record<string, T> = {};
    if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) if (typeof v === "string" && allowed.includes(v)) out[k] = v as T;
    return out;
  };
  return {
    version: 1,
    negative: pick(o.negative, NEGATIVE, DEFAULT_CHOICES.negative),
    scale: pick(o.scale, SCALES, DEFAULT_CHOICES.scale),
    efficiency: pick(o.efficiency, EFFICIENCY, DEFAULT_CHOICES.efficiency),
    convertText: o.convertText !== false,
    roles: record<ColumnRole>(o.roles, COLUMN_ROLES),
    polarity: record<Polarity>(o.polarity, POLARITIES),
    negativeByRow: record<NegativeMethod>(o.negativeByRow, NEGATIVE),
    ...(typeof o.customBands === "string" ? { customBands: o.customBands } : {}),
    ...(typeof o.cap === "number" && Number.isFinite(o.cap) ? { cap: o.cap } : {}),
    ...(typeof o.floor === "number" && Number.isFinite(o.floor) ? { floor: o.floor } : {}),
    ...(pairsOf(o.pairs) ? { pairs: pairsOf(o.pairs) } : {}),
  };
}

/** Stored operand choices, each a pair of non-negative column numbers; anything else is dropped. */
function pairsOf(value: unknown): Record<string, { numerator: number; denominator: number }> | undefined {
  if (!value || typeof value !== "object") return undefined;
  const out: Record<string, { numerator: number; denominator: number }> = {};
  const column = (x: unknown) => typeof x === "number" && Number.isInteger(x) && x >= 0;
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    const p = v as { numerator?: unknown; denominator?: unknown } | null;
    if (p && column(p.numerator) && column(p.denominator)) out[k] = { numerator: p.numerator as number, denominator: p.denominator as number };
  }
  return Object.keys(out).length ? out : undefined;
}

/** The choices with the user's operands for one computed column (`pairKey`), or without them (`null`). */
export function withPair(choices: SavedChoices, key: string, pair: { numerator: number; denominator: number } | null): SavedChoices {
  const pairs = { ...(choices.pairs ?? {}) };
  if (pair) pairs[key] = pair;
  else delete pairs[key];
  return { ...choices, pairs };
}
