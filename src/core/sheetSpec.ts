/**
 * A generated sheet as pure data (cells, styles, merges, widths, print setup, conditional formats) that
 * the ExcelJS and Office.js adapters lay out the same way. Text cells are text: adapters never let a
 * value beginning with = + - @ become a formula.
 */
import { cellAddress, columnLetter, Grid, parseCellAddress, WorkbookSnapshot } from "./grid";
import type { Message } from "./messages";

export interface CellStyle {
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  size?: number;
  align?: "left" | "center" | "right";
  valign?: "top" | "middle" | "bottom";
  wrap?: boolean;
  /** Thin border on all four sides. */
  border?: boolean;
  /** Fill colour, "#D9E1F2". */
  fill?: string;
  /** Font colour. */
  color?: string;
  numberFormat?: string;
}

export interface SpecCell extends CellStyle {
  /** 0-based row and column. */
  row: number;
  col: number;
  /** A number, or text written as text. */
  value?: string | number | null;
  /** A live formula (English names, comma separators). */
  formula?: string;
  /** The formula's result computed by the generator (cached for viewers that do not recalculate). */
  result?: string | number;
}

export interface ConditionalFill {
  /** "Y8:Z40" */
  range: string;
  /** The cell text that turns the fill on ("Periksa"): the rule is `=Y8="Periksa"` from the top-left cell. */
  text: string;
  fill: string;
  fontColor: string;
}

/** The formula of a conditional fill, relative to its range's top-left cell (Excel and LibreOffice alike). */
export function conditionalFormula(cf: ConditionalFill): string {
  const topLeft = cf.range.split(":")[0];
  return `${topLeft}="${cf.text.replace(/"/g, '""')}"`;
}

export interface SheetSpec {
  /** What generated it: "rencana-aksi" or "perjanjian-kinerja" (written beside the print area, row 1). */
  kind: string;
  name: string;
  /** An earlier sheet of the same kind and name is replaced; the user's own sheets never are. */
  replaces: boolean;
  cells: SpecCell[];
  merges: string[];
  /** Column widths in characters, by 0-based column. */
  widths: number[];
  /** Row heights in points, by 0-based row (only rows that need one). */
  heights: Record<number, number>;
  freeze?: { rows: number; columns: number };
  print: {
    orientation: "portrait" | "landscape";
    /** "A1:Z40" */
    area: string;
    /** 1-based rows repeated on every page ("5:6"). */
    titleRows?: string;
    /** Page breaks before these 0-based rows. */
    breaksBefore: number[];
  };
  conditional: ConditionalFill[];
  /** What the workbook did not have or what did not fit (another year's targets…), said on the sheet too. */
  notes: Message[];
}

/** The marker written right of the print area in row 1, so a later run knows the sheet is generated. */
export const GENERATED_MARK = "dibuat oleh add-in LKIP:";
export function generatedMark(kind: string): string {
  return `${GENERATED_MARK} ${kind}`;
}

/** Is this sheet one the add-in generated (of this kind)? Row 1 holds the marker. */
export function isGeneratedSheet(snapshot: WorkbookSnapshot, name: string, kind: string): boolean {
  const s = snapshot.sheets.find((x) => x.name.toLowerCase() === name.toLowerCase());
  if (!s) return false;
  const g = new Grid(s);
  for (let c = 0; c < 64; c++) if (g.text(0, c) === generatedMark(kind)) return true;
  return false;
}

/** The sheet name to use: the wanted one (replacing an earlier generated one), or the wanted one with a suffix. */
export function generatedSheetName(snapshot: WorkbookSnapshot, wanted: string, kind: string): { name: string; replaces: boolean } {
  const base = wanted.replace(/[\\/?*[\]:]/g, " ").slice(0, 31).trim();
  for (let i = 1; ; i++) {
    const name = i === 1 ? base : `${base.slice(0, 31 - ` (${i})`.length)} (${i})`;
    const exists = snapshot.sheets.some((x) => x.name.toLowerCase() === name.toLowerCase());
    if (!exists) return { name, replaces: false };
    if (isGeneratedSheet(snapshot, name, kind)) return { name, replaces: true };
  }
}

/** Where an earlier generated sheet waits, hidden, while a new one replaces it (until the user keeps the new one). */
export function backupName(name: string): string {
  return `${name.slice(0, 24)} (lama)`;
}

/** A small builder: cells by position, styled rows, merged blocks. */
export class SpecBuilder {
  readonly cells = new Map<string, SpecCell>();
  readonly merges: string[] = [];
  readonly heights: Record<number, number> = {};

  set(row: number, col: number, cell: Omit<SpecCell, "row" | "col">): SpecCell {
    const c: SpecCell = { row, col, ...cell };
    // No file may hold Infinity or NaN (sums of amounts near 1e308): the cell stays empty, a formula uncached.
    if (typeof c.value === "number" && !Number.isFinite(c.value)) c.value = null;
    if (typeof c.result === "number" && !Number.isFinite(c.result)) c.result = "";
    this.cells.set(`${row},${col}`, c);
    return c;
  }
  text(row: number, col: number, value: string | number | null | undefined, style: CellStyle = {}): SpecCell {
    return this.set(row, col, { value: value ?? null, ...style });
  }
  formula(row: number, col: number, formula: string, result: string | number, style: CellStyle = {}): SpecCell {
    return this.set(row, col, { formula, result, ...style });
  }
  /** Merges a block and writes its top-left; the other cells of the block get the same border/fill. */
  merge(top: number, left: number, bottom: number, right: number, value: string | number | null, style: CellStyle = {}): void {
    this.text(top, left, value, style);
    for (let r = top; r <= bottom; r++) for (let c = left; c <= right; c++) if (r !== top || c !== left) this.set(r, c, { value: null, border: style.border, fill: style.fill });
    if (bottom > top || right > left) this.merges.push(`${cellAddress(top, left)}:${cellAddress(bottom, right)}`);
  }
  /** The finished spec: the built cells, merges and row heights with the sheet's own settings. */
  build(sheet: Omit<SheetSpec, "cells" | "merges" | "heights">): SheetSpec {
    return { ...sheet, cells: this.list(), merges: this.merges, heights: this.heights };
  }

  list(): SpecCell[] {
    return [...this.cells.values()].sort((a, b) => a.row - b.row || a.col - b.col);
  }

  /**
   * Row heights for wrapped text: Excel does not grow a row for text written by a program until the cell is
   * edited, and never for merged cells, so long names would be cut off when printed.
   */
  fitHeights(widths: number[]): void {
    const mergedWidth = new Map<string, { chars: number; rows: number }>();
    for (const m of this.merges) {
      const [a, z] = m.split(":");
      const p = parseCellAddress(a);
      const q = parseCellAddress(z);
      let chars = 0;
      for (let c = p.col; c <= q.col; c++) chars += widths[c] ?? 9;
      mergedWidth.set(`${p.row},${p.col}`, { chars, rows: q.row - p.row + 1 });
    }
    const need = new Map<number, number>();
    for (const c of this.cells.values()) {
      if (!c.wrap || c.value === null || c.value === undefined || typeof c.value !== "string") continue;
      const m = mergedWidth.get(`${c.row},${c.col}`);
      const h = wrappedHeight(c.value, m?.chars ?? widths[c.col] ?? 9, c.size && c.size < 10 ? 12 : 15) / (m?.rows ?? 1);
      need.set(c.row, Math.max(need.get(c.row) ?? 15, h));
    }
    for (const [row, h] of need) if (this.heights[row] === undefined && h > 15) this.heights[row] = Math.ceil(h);
  }
}

function parseCellAddressLoose(a: string): { row: number; col: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(a)!;
  return { row: parseInt(m[2], 10) - 1, col: m[1].split("").reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1 };
}

export function areaAddress(lastRow: number, lastCol: number): string {
  return `A1:${columnLetter(lastCol)}${lastRow + 1}`;
}

/** Rough row height for wrapped text in a merged width (Excel does not grow merged rows by itself). */
export function wrappedHeight(text: string, widthChars: number, pointsPerLine = 15): number {
  // Greedy word wrap at about one character per unit of column width, as Excel and LibreOffice break lines.
  const capacity = Math.max(6, Math.floor(widthChars * 1.05));
  let lines = 0;
  for (const paragraph of text.split("\n")) {
    let used = 0;
    lines++;
    for (const word of paragraph.split(/\s+/)) {
      if (!word) continue;
      const need = (used ? 1 : 0) + word.length;
      if (used + need > capacity && used > 0) {
        lines += Math.ceil(word.length / capacity);
        used = word.length % capacity;
      } else used += need;
    }
  }
  return Math.max(pointsPerLine, lines * pointsPerLine);
}
