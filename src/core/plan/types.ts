/**
 * The shape of a write plan: what the Excel and ExcelJS adapters carry out (cells, appended columns,
 * merges, notes, the legend sheet) and what the pane and the CLI show before anything is written
 * (skipped cells and empty results with their reasons, numbers stored as text, percent units reconciled).
 * Cell addresses ("E5") appear here because the plan is the edge the adapters read; rows inside the
 * core stay 0-based.
 */
import type { CapaianLimits, EfficiencyMethod, NegativeMethod, PredikatScale, PredikatScaleSpec } from "../formulas";
import type { CellRef, Message } from "../messages";
import type { Polarity } from "../polarity";

/** Turns a message into the words written into the workbook (legend, notes); the caller passes src/i18n's. */
export type Phraser = (m: Message) => string;

export interface FillOptions {
  negative: NegativeMethod;
  scale: PredikatScale;
  efficiency: EfficiencyMethod;
  overwrite: boolean;
  /**
   * Convert the numbers stored as text that the written formulas read into numbers (the default): each
   * conversion is a write of the plan, listed cell by cell, shown as it was written, undoable in the pane.
   * Off: those formulas stay empty, each with its reason.
   */
  convertText: boolean;
  limits?: CapaianLimits;
  /** The bands when `scale` is "custom" (see `customScale`). */
  customScale?: PredikatScaleSpec;
  /** Per indicator, keyed "sheet!row" (`rowKey`): the user's polarity and lower-is-better formula. */
  polarity?: Record<string, Polarity>;
  negativeByRow?: Record<string, NegativeMethod>;
  /** The user's operand choice for a computed column (CLI `--pair`, saved choices), keyed by `pairKey`. */
  pairs?: Record<string, { numerator: number; denominator: number }>;
  /** Words for what is written into the workbook (legend, notes, headers); without it, Indonesian (src/i18n). */
  phrase?: Phraser;
}
export const DEFAULT_FILL: FillOptions = { negative: "A", scale: "permendagri86", efficiency: "sederhana", overwrite: false, convertText: true };

export type WriteRole =
  | "capaian" | "predikat" | "tick" | "serapan" | "sisa_anggaran" | "efisiensi" | "nilai_efisiensi" | "tingkat_kemajuan" | "rata_rata_sasaran" | "total"
  | "header" | "legend" | "convert" | "highlight";

export interface CellWrite {
  sheet: string;
  cell: string;
  role: WriteRole;
  formula?: string;
  /** The cells the formula reads, in the formula's terms: [target, realisasi], [pagu, realisasi anggaran], [capaian]… */
  inputs?: string[];
  /** Cached result of the formula, or the text/number to write when there is no formula. */
  value: number | string | null;
  numberFormat?: string;
  /** Copy borders, fill and font from this cell (appended columns look like their neighbours). */
  styleFrom?: string;
  bold?: boolean;
  /** Fill colour ("#FFC7CE"); a "highlight" write changes only this. */
  fill?: string;
  /** A short note for the cell, where the Excel version allows notes. */
  note?: string;
}
export interface AppendedColumn {
  sheet: string;
  table: string;
  column: string;
  role: WriteRole;
  header: string;
  merge?: string; // header cells merged over the header band
}
/** A computed cell the plan does not write, and why. */
export interface SkippedCell {
  sheet: string;
  cell: string;
  role?: WriteRole;
  reason: Message;
}
/** A formula the plan writes whose result is empty, and why (an input missing, a marker, a zero target…). */
export interface EmptyResult {
  sheet: string;
  cell: string;
  role: WriteRole;
  reason: Message;
}
export interface TextConversion {
  sheet: string;
  cell: string;
  text: string;
  value: number;
  numberFormat: string;
  /** Written by the plan (a formula reads it and conversion is on). */
  applied: boolean;
  /** How an ambiguous text ("1.340") was read when its column gave no clue: from its row (a count, its target). */
  reason?: Message;
}
/**
 * A ratio whose operands are in different percent units (1 shown as 100 % beside 100): the formula reads
 * the fraction side ×100, visibly (`E5/(D5*100)*100`). Nothing in the input cells changes.
 */
export interface UnitReconciliation {
  sheet: string;
  /** The formula cell. */
  cell: string;
  /** The operand read ×100 and the operand it is matched to. */
  scaled: string;
  other: string;
  reason: Message;
}
export interface IndicatorChoice {
  sheet: string;
  row: number;
  indicator: string;
  polarity: Polarity;
  reason: Message | null;
  /** The capaian method used (an id of the catalogue, src/core/plan/catalogue.ts). */
  method: string;
}
export interface MethodUse {
  id: string;
  label: Message;
  words: Message;
  /** The formula of one cell, as an example. */
  example: string;
  source: Message;
  count: number;
}
export interface WritePlan {
  writes: CellWrite[];
  appended: AppendedColumn[];
  skipped: SkippedCell[];
  /** Cells that already hold the very formula the plan would write (a rerun on the add-in's output): neither written nor skipped. */
  current: { sheet: string; cell: string }[];
  empty: EmptyResult[];
  /** Numbers stored as text in the inputs of the written formulas; `applied` ones are writes of the plan. */
  textNumbers: TextConversion[];
  convertText: boolean;
  reconciled: UnitReconciliation[];
  legend: { sheet: string; replaces: boolean; writes: CellWrite[] } | null;
  /** Body cells merged by the plan (an appended average merged over its sasaran's rows). */
  merges: { sheet: string; range: string }[];
  /** Notes on cells (where the Excel version has notes): written columns' headers, empty results and their reasons. */
  notes: { sheet: string; cell: string; text: string }[];
  methods: MethodUse[];
  choices: IndicatorChoice[];
}

export function emptyPlan(convertText: boolean): WritePlan {
  return { writes: [], appended: [], skipped: [], current: [], empty: [], textNumbers: [], convertText, reconciled: [], legend: null, merges: [], notes: [], methods: [], choices: [] };
}

/** A cell reference as messages carry it. */
export const cellRef = (sheet: string, row: number, col: number): CellRef => ({ sheet, row, col });
