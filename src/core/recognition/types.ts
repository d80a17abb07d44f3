/**
 * What recognition says about a workbook: every table with its header band, body rows, column roles,
 * the computed columns paired with their operands (with a confidence), and the evidence for each
 * decision. All positions are 0-based sheet rows and columns; "E5" strings and 1-based rows are made
 * only at the edges (JSON, CLI, pane, formulas).
 */
import { MergeArea, rangeAddress } from "../grid";
import type { HierarchyLevel } from "../hierarchy";
import type { Message } from "../messages";
import type { Polarity, PolarityReason } from "../polarity";
import type { ColumnRole, Measure } from "../roles";
import type { TableFamily } from "../family";
import type { TickBand } from "./ticks";

export type RowKind = "data" | "group" | "section" | "total" | "column-number" | "unit" | "repeated-header" | "note" | "blank";

export interface RecognisedColumn {
  col: number; // 0-based sheet column
  header: string; // header path joined with " / "
  headerPath: string[];
  role: ColumnRole;
  year: number | null;
  period: string | null; // "TW1".."TW4", "S1"/"S2", "JAN".."DES"
  measure: Measure | null;
  /** Why the column has its role, most decisive first. */
  evidence: Message[];
  /** 0–1: how sure the role is (header words alone are weaker than a stated relation or reproduced figures). */
  confidence: number;
  /** The figures' number convention ("id", "en", …) and percent scale, for figure columns. */
  numerals?: { convention: string; percentScale?: "fraction" | "number"; reason: Message };
  /** The column is cumulative ("s.d.", "kumulatif") or belongs to the Renstra period rather than the year. */
  scope?: "cumulative" | "renstra" | "baseline" | "murni" | "perubahan";
  /** The column-number printed above/below the column, when the table has a number row. */
  number?: number;
  /** The lowest header label spanning several columns above this one ("TOTAL", "Tahun 2024"), if any. */
  group: { row: number; left: number; right: number; text: string } | null;
  /** A tick column of an ikhtisar (role predikat): the band whose rows it marks. */
  tick?: TickBand;
}

export interface RecognisedRow {
  row: number; // 0-based sheet row
  kind: RowKind;
  level: HierarchyLevel | null;
  polarity?: Polarity;
  /** Why, as a message (code + the evidence quoted). */
  polarityReason?: Message;
  /** The indicator's name, on rows whose polarity was decided. */
  indicator?: string;
  polarityBasis?: PolarityReason;
  polarityConfidence?: number;
  evidence: Message | null;
}

/** A relation printed in the column-number row: "7=6/5*100", "13 = 9 + 10 + 11 + 12". */
export interface ColumnRelation {
  col: number; // the column it defines (for a K/Rp span: each column of the span gets its own relation)
  number: number;
  text: string; // as printed
  kind: "ratio" | "sum" | "difference" | "other";
  /** The operand columns, in the order printed (for a ratio: numerator, denominator). */
  operands: number[];
  /** "F/E*100" with column letters, for people. */
  expression: string;
  /** Printed in the number row, or read from the formulas the column's cells hold. */
  source: "stated" | "formula";
}

/** What a computed column computes. */
export type ComputedMeasure = "capaian" | "serapan" | "sisa_anggaran" | "tingkat_kemajuan";

/**
 * A computed column paired with the operand columns it is computed from, with the confidence of the
 * pairing and its evidence. `output` is the existing column, or null when the column is missing and may
 * be appended. Below the confidence threshold nothing is written: the pairing is reported as needing
 * confirmation with its candidates, and the user's choice (`--pair`, saved choices) decides.
 */
export interface Pairing {
  measure: ComputedMeasure;
  output: number | null;
  /** The realised value (realisasi, realisasi anggaran) — numerator of the ratio; minuend's partner for sisa. */
  numerator: number;
  /** The reference (target, pagu, target akhir) — denominator of the ratio. */
  denominator: number;
  confidence: number;
  evidence: Message[];
  /** confirmed: written; needs-confirmation: reported, not written; chosen: the user decided. */
  status: "confirmed" | "needs-confirmation" | "chosen";
  /** Other operand pairs considered, best first (shown when the pairing needs confirmation). */
  alternatives: { numerator: number; denominator: number; confidence: number }[];
}

export interface RecognisedTable {
  sheet: string;
  caption: string | null;
  title: string | null;
  family: TableFamily;
  familyReason: Message;
  /** The standard form the table follows, when recognised (Permendagri 86 Renja evaluation, SIPD export…). */
  form: { id: string; confidence: number } | null;
  /** Caption to the last body row, band's columns. */
  area: MergeArea;
  /** Header band rows (labels, period, number and unit rows). */
  header: { top: number; bottom: number };
  numberRow: number | null;
  unitRow: number | null;
  relations: ColumnRelation[];
  body: { top: number; bottom: number };
  columns: RecognisedColumn[];
  rows: RecognisedRow[];
  pairings: Pairing[];
  warnings: Message[];
}

export interface SheetAnalysis {
  name: string;
  tables: RecognisedTable[];
}

export interface WorkbookAnalysis {
  file?: string;
  sheets: SheetAnalysis[];
}

/** The column a table has at a sheet column, if any. */
export function columnAt(t: Pick<RecognisedTable, "columns">, col: number): RecognisedColumn | undefined {
  return t.columns.find((c) => c.col === col);
}

/** "A3:G22": the table's area as people and the CLI name it (also its id within a sheet). */
export function tableRange(t: Pick<RecognisedTable, "area">): string {
  return rangeAddress(t.area.top, t.area.left, t.area.bottom, t.area.right);
}
