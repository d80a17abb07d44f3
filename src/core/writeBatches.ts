/**
 * How a write plan travels to Excel: cells grouped into runs (consecutive rows of one column, written as
 * one range), runs cut into batches of at most 10,000 cells and ~4 MB of request (Excel on the web refuses
 * requests over 5 MB). One batch = one `context.sync()`. Pure: the Office.js adapter only carries it out.
 */
import { cellAddress, parseCellAddress } from "./grid";
import type { CellWrite } from "./writePlan";

export const BATCH_CELLS = 10_000;
/** Bytes of request per batch: below Excel on the web's 5 MB limit, with room for the request's envelope. */
export const BATCH_BYTES = 4_000_000;

export interface WriteRun {
  sheet: string;
  /** 0-based column and first row. */
  col: number;
  top: number;
  cells: CellWrite[];
  /** "C5:C9" */
  address: string;
}

/** Consecutive rows of one column of one sheet, in plan order of first appearance. */
export function groupRuns(writes: CellWrite[]): WriteRun[] {
  const byColumn = new Map<string, { sheet: string; col: number; cells: Map<number, CellWrite> }>();
  for (const w of writes) {
    const { row, col } = parseCellAddress(w.cell);
    const k = `${w.sheet}\u0000${col}`;
    let entry = byColumn.get(k);
    if (!entry) byColumn.set(k, (entry = { sheet: w.sheet, col, cells: new Map() }));
    entry.cells.set(row, w); // a later write of the same cell wins, as it would in Excel
  }
  const runs: WriteRun[] = [];
  for (const { sheet, col, cells } of byColumn.values()) {
    const rows = [...cells.keys()].sort((a, b) => a - b);
    let start = 0;
    for (let i = 1; i <= rows.length; i++) {
      if (i === rows.length || rows[i] !== rows[i - 1] + 1) {
        const top = rows[start];
        const bottom = rows[i - 1];
        runs.push({ sheet, col, top, cells: rows.slice(start, i).map((r) => cells.get(r)!), address: top === bottom ? cellAddress(top, col) : `${cellAddress(top, col)}:${cellAddress(bottom, col)}` });
        start = i;
      }
    }
  }
  return runs;
}

/** What Excel receives for a cell: the formula, a number, or text that can never turn into a formula. */
export function cellInput(w: CellWrite): string | number | boolean {
  if (w.formula) return w.formula;
  if (typeof w.value === "number") return w.value;
  if (w.value === null || w.value === undefined) return "";
  return textInput(String(w.value));
}

/**
 * Text written so Excel keeps it as text: a leading apostrophe (Excel's own "this is text" mark, not
 * shown in the cell) when the text would otherwise be read as a formula (= + - @) or a number/date.
 */
export function textInput(text: string): string {
  if (text === "") return "";
  return /^[=+\-@']/.test(text) || looksLikeNumber(text) ? `'${text}` : text;
}
function looksLikeNumber(text: string): boolean {
  const t = text.trim();
  // The currency prefix is taken whole (a lookahead + backreference acts as an atomic group): its class
  // shares "." and spaces with the digits', and backtracking between them was quadratic in the text's length.
  return /^[(]?(?=([$Rp.\s]*))\1[\d.,\s]+%?[)]?$/i.test(t) || /^\d{1,4}[/-]\d{1,2}([/-]\d{1,4})?$/.test(t) || /^(true|false|benar|salah)$/i.test(t);
}

/** Rough size of a run's request: formulas, number formats and the JSON around them. */
export function runBytes(cells: CellWrite[]): number {
  let n = 200;
  for (const w of cells) n += 24 + String(cellInput(w)).length + (w.numberFormat?.length ?? 0) + (w.styleFrom ? 60 : 0);
  return n;
}

/** Cuts runs into batches under both limits; a run longer than a batch is split at the boundary. */
export function batchRuns(runs: WriteRun[], maxCells = BATCH_CELLS, maxBytes = BATCH_BYTES): WriteRun[][] {
  const batches: WriteRun[][] = [];
  let current: WriteRun[] = [];
  let cells = 0;
  let bytes = 0;
  const flush = () => {
    if (current.length) batches.push(current);
    current = [];
    cells = 0;
    bytes = 0;
  };
  for (const run of runs) {
    let offset = 0;
    while (offset < run.cells.length) {
      // As many of the remaining cells as fit in the current batch (at least one, in a fresh batch).
      let take = Math.min(run.cells.length - offset, maxCells - cells);
      while (take > 1 && bytes + runBytes(run.cells.slice(offset, offset + take)) > maxBytes) take = Math.max(1, Math.floor(take / 2));
      if (take <= 0 || (current.length && bytes + runBytes(run.cells.slice(offset, offset + take)) > maxBytes)) {
        flush();
        continue;
      }
      const part = run.cells.slice(offset, offset + take);
      const top = run.top + offset;
      const bottom = top + take - 1;
      current.push({ ...run, top, cells: part, address: top === bottom ? cellAddress(top, run.col) : `${cellAddress(top, run.col)}:${cellAddress(bottom, run.col)}` });
      cells += take;
      bytes += runBytes(part);
      offset += take;
      if (cells >= maxCells) flush();
    }
  }
  flush();
  return batches;
}
