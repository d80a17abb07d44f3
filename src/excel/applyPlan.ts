/**
 * Carries a write plan out in Excel, and takes it back. Office.js has no undo for add-ins, so the write
 * keeps its own record: for every cell it changes, what was there before (formulas and values, number
 * format, and the cell format where the look changes), what the add-in sent, and what Excel held right
 * after the write. Undo puts a cell back only while it still holds what the add-in put there: a cell the
 * user changed since is left as the user made it, and listed.
 *
 * A write that fails partway (a batch refused, Excel gone busy) takes back what it had written before
 * reporting the failure; when even that fails, the record comes with the error so the pane offers
 * "Batalkan" for it.
 *
 * Round trips: 1 to read what is there (and check protection and that nothing changed since the scan),
 * 1 per batch of ≤ 10,000 cells / ~4 MB (each batch's cells read back in the same sync), 1 for merges and
 * notes — 2 + ⌈cells / 10,000⌉ for ordinary plans. Undo: 1 + 1 per batch, plus 1 for a legend sheet.
 */
import { CellContent, describeContent, Grid, parseRangeAddress, rangeAddress, sameContent, WorkbookSnapshot } from "../core/grid";
import { CellRef, message, Message } from "../core/messages";
import { batchRuns, cellInput, groupRuns, textInput, WriteRun } from "../core/writeBatches";
import type { CellWrite, WritePlan } from "../core/writePlan";
import { phrase } from "../i18n";
import { syncDespiteSelection } from "./selection";
import { officeContent } from "./snapshot";

export type WriteBatch = Pick<WritePlan, "writes" | "appended" | "legend"> &
  Partial<Pick<WritePlan, "merges" | "notes">> & {
    overwrite?: boolean;
    /** The snapshot the plan was made from: a cell that no longer holds what the scan saw stops the write. */
    scanned?: WorkbookSnapshot;
  };

/** Notes need ExcelApi 1.18 (Microsoft 365, Excel 2024); older Excel gets the legend sheet only. */
function notesSupported(): boolean {
  try {
    return typeof Office !== "undefined" && !!Office.context?.requirements?.isSetSupported("ExcelApi", "1.18");
  } catch {
    return false;
  }
}

export interface WriteProgress {
  done: number;
  total: number;
}

/** A write that Excel refused before anything was written, with the sheet and cell it concerns. */
export class WriteBlocked extends Error {
  constructor(
    public readonly reason: "protected" | "changed" | "sheet-missing",
    public readonly sheet: string,
    public readonly cell: string | null,
    /** What to tell the user, as a message code (the English phrase is the Error's message). */
    public readonly detail: Message,
  ) {
    super(phrase(detail, "en"));
    this.name = "WriteBlocked";
  }
}

/**
 * A write or a generation that failed after it had started changing the workbook. `rolledBack`: what it
 * had done was taken back (`undone` lists cells left alone because they had changed meanwhile); otherwise
 * `undo` (an UndoRecord for a write, a SheetUndo for a generation) lets the user take it back with "Batalkan".
 */
export class WriteFailed<U = UndoRecord> extends Error {
  constructor(
    public readonly detail: Message,
    public readonly failure: unknown,
    public readonly rolledBack: boolean,
    public readonly undone: UndoResult | null,
    public readonly undo: U | null,
  ) {
    super(phrase(detail, "en"));
    this.name = "WriteFailed";
  }
}

/** The Office error code of a failure (or its message), for messages. */
export function failureCode(e: unknown): string {
  const err = e as { code?: string; message?: string };
  return err?.code ?? err?.message ?? String(e);
}

/** The formats an appended column or a highlight changes, captured and restored with get/setCellProperties. */
const FORMAT_PROPS: Excel.CellPropertiesLoadOptions = {
  format: {
    fill: { color: true, pattern: true },
    font: { bold: true, italic: true, color: true, name: true, size: true, underline: true },
    borders: { color: true, style: true, weight: true },
    horizontalAlignment: true,
    verticalAlignment: true,
    wrapText: true,
  },
};

type Input = string | number | boolean;

interface CellsState {
  /** Formulas as `restorable` makes them: what can be given back to `range.formulas` unchanged. */
  formulas: Input[][];
  numberFormat: string[][];
}

interface RunBefore extends CellsState {
  sheet: string;
  address: string;
  /** Cell formats, only for runs whose look changes (appended columns, highlights). */
  formats?: Excel.SettableCellProperties[][];
}

/** One range (consecutive rows of one column) the write changed. */
export interface WrittenRun {
  sheet: string;
  address: string;
  /** 0-based position of the first cell. */
  top: number;
  col: number;
  /** A run on the legend sheet: taken back with its sheet, not cell by cell. */
  legend: boolean;
  /** Per cell: only its fill changed (a highlight); the contents are the user's and never restored. */
  fillOnly: boolean[];
  /** What the add-in sent per cell (formula, number or text as `cellInput` gives it), its number format and fill. */
  sent: Input[];
  numberFormats: (string | null)[];
  fills: (string | null)[];
  /** What the cells held before (not kept for legend runs). */
  before: RunBefore | null;
  /** What Excel held right after the write, read back in the batch's own sync; null when that sync failed. */
  after: CellsState | null;
}

export interface UndoRecord {
  runs: WrittenRun[];
  merges: { sheet: string; address: string }[];
  /** Notes the write added (deleted on undo while unchanged); cells that already had a note were left alone. */
  notes: { sheet: string; cell: string; text: string }[];
  /** A legend sheet the write created (deleted on undo) or replaced (its contents restored). */
  legend: { sheet: string; created: boolean; before: RunBefore | null } | null;
  cells: number;
  /** Things the user should know about the write (a chart that had to be deselected). */
  notices: Message[];
}

/** What an undo did: cells put back, and cells (or sheets, notes) left alone because the user changed them. */
export interface UndoResult {
  restored: number;
  kept: Message[];
}

const changesLook = (w: CellWrite) => !!w.styleFrom || !!w.fill || !!w.bold;

/**
 * Formulas as Excel gives them back, made safe to give back again: a formula stays a formula (its text
 * differs from its value), a text constant stays text even if it reads like a number or a formula.
 */
export function restorable(formulas: unknown[][], values: unknown[][], types: string[][]): Input[][] {
  return formulas.map((row, r) =>
    row.map((f, c) => {
      const isFormula = typeof f === "string" && f.startsWith("=") && f !== values[r][c];
      return types[r][c] === "String" && typeof f === "string" && !isFormula ? textInput(f) : (f as Input);
    }),
  );
}

/** A cell's content as the scan saw it, or null: the plan's cells are compared with it before writing. */
function scannedContent(scanned: WorkbookSnapshot, grids: Map<string, Grid | null>, sheet: string, row: number, col: number): CellContent | null {
  if (!grids.has(sheet)) {
    const s = scanned.sheets.find((x) => x.name === sheet);
    grids.set(sheet, s ? new Grid(s) : null);
  }
  return grids.get(sheet)?.content(row, col) ?? null;
}

export async function applyWritePlan(context: Excel.RequestContext, plan: WriteBatch, onProgress?: (p: WriteProgress) => void): Promise<UndoRecord> {
  const legendSheetName = plan.legend?.sheet ?? null;
  const legendWrites = plan.legend?.writes ?? [];
  // Runs split at the batch boundaries: each batch is one sync, its runs recorded as they are written.
  const batches = batchRuns([...groupRuns(legendWrites), ...groupRuns(plan.writes)]);
  const isLegend = (run: WriteRun) => run.sheet === legendSheetName;
  const runs = batches.flat().filter((r) => !isLegend(r));
  const total = plan.writes.length + legendWrites.length;
  onProgress?.({ done: 0, total });

  // --- round trip 1: what is there now -----------------------------------------------------------
  const sheetNames = [...new Set(runs.map((r) => r.sheet))];
  const sheets = new Map(sheetNames.map((n) => [n, context.workbook.worksheets.getItemOrNullObject(n)]));
  const protections = new Map<string, Excel.WorksheetProtection>();
  for (const [name, ws] of sheets) {
    ws.load("name");
    protections.set(name, ws.protection.load("protected"));
  }
  const reads = new Map(
    runs.map((run) => {
      const range = context.workbook.worksheets.getItem(run.sheet).getRange(run.address);
      range.load("formulas,values,numberFormat,valueTypes");
      const formats = run.cells.some(changesLook) ? range.getCellProperties(FORMAT_PROPS) : null;
      return [run, { range, formats }];
    }),
  );
  const legendSheet = plan.legend ? context.workbook.worksheets.getItemOrNullObject(plan.legend.sheet) : null;
  const legendUsed = legendSheet?.getUsedRangeOrNullObject();
  legendUsed?.load("address,formulas,values,numberFormat,valueTypes");
  legendSheet?.protection.load("protected");
  const wantedNotes = notesSupported() ? plan.notes ?? [] : [];
  const noteChecks = wantedNotes.map((n) => ({ n, existing: context.workbook.worksheets.getItem(n.sheet).notes.getItemOrNullObject(n.cell) }));
  await context.sync();

  for (const [name, ws] of sheets) {
    if (ws.isNullObject) throw new WriteBlocked("sheet-missing", name, null, message("sheet-missing", { sheet: name }));
    if (protections.get(name)!.protected) throw new WriteBlocked("protected", name, null, message("sheet-protected", { sheet: name }));
  }
  if (legendSheet && !legendSheet.isNullObject && legendSheet.protection.protected) throw new WriteBlocked("protected", plan.legend!.sheet, null, message("sheet-protected", { sheet: plan.legend!.sheet }));
  const grids = new Map<string, Grid | null>();
  for (const [run, { range }] of reads) {
    run.cells.forEach((w, i) => {
      if (w.role === "highlight") return; // a highlight changes the fill only
      const now = officeContent(range.formulas[i][0], range.values[i][0], range.valueTypes[i][0]);
      // Against the scan when the plan comes with it; else the plan fills only vacant cells.
      const expected = plan.scanned ? scannedContent(plan.scanned, grids, run.sheet, run.top + i, run.col) : null;
      const check = plan.scanned || (!plan.overwrite && w.role !== "convert");
      if (check && !sameContent(expected, now)) {
        const at: CellRef = { sheet: run.sheet, row: run.top + i, col: run.col };
        throw new WriteBlocked("changed", run.sheet, w.cell, message("cell-changed-since-scan", { at, before: describeContent(expected), now: describeContent(now) }));
      }
    });
  }

  // --- round trips 2…: the batches (legend cells travel with the others) ----------------------------
  const record: UndoRecord = { runs: [], merges: [], notes: [], legend: null, cells: total, notices: [] };
  let done = 0;
  try {
    if (plan.legend) {
      const existed = !!legendSheet && !legendSheet.isNullObject;
      const before = existed && legendUsed && !legendUsed.isNullObject ? { sheet: plan.legend.sheet, address: legendUsed.address.split("!").pop()!, formulas: restorable(legendUsed.formulas, legendUsed.values, legendUsed.valueTypes), numberFormat: legendUsed.numberFormat } : null;
      const ws = existed ? legendSheet! : context.workbook.worksheets.add(plan.legend.sheet);
      record.legend = { sheet: plan.legend.sheet, created: !existed, before };
      if (existed) ws.getRange().clear(Excel.ClearApplyTo.contents);
      ws.getRange("A:A").format.columnWidth = 220;
      ws.getRange("B:D").format.columnWidth = 260;
    }
    for (const batch of batches) {
      const readBack: [WrittenRun, Excel.Range][] = [];
      for (const run of batch) {
        const ws = context.workbook.worksheets.getItem(run.sheet);
        writeRun(ws, run);
        const read = reads.get(run);
        const written = writtenRun(run, isLegend(run), read ? beforeOf(run, read.range, read.formats) : null);
        record.runs.push(written);
        readBack.push([written, ws.getRange(run.address).load("formulas,values,valueTypes,numberFormat")]);
      }
      await context.sync();
      for (const [written, range] of readBack) written.after = { formulas: restorable(range.formulas, range.values, range.valueTypes), numberFormat: range.numberFormat };
      done += batch.reduce((n, r) => n + r.cells.length, 0);
      onProgress?.({ done, total });
    }
    const merges = [...plan.appended.filter((a) => a.merge).map((a) => ({ sheet: a.sheet, address: a.merge! })), ...(plan.merges ?? []).map((m) => ({ sheet: m.sheet, address: m.range }))];
    const notes = noteChecks.filter(({ existing }) => existing.isNullObject).map(({ n }) => n); // a note the user wrote stays
    if (merges.length || notes.length) {
      record.merges = merges;
      record.notes = notes.map(({ sheet, cell, text }) => ({ sheet, cell, text }));
      const notice = await syncDespiteSelection(context, () => {
        for (const m of merges) context.workbook.worksheets.getItem(m.sheet).getRange(m.address).merge(false);
        for (const n of notes) context.workbook.worksheets.getItem(n.sheet).notes.add(n.cell, n.text);
      });
      if (notice) record.notices.push(notice);
    }
  } catch (e) {
    throw await rollBack(context, record, e, done, total);
  }
  return record;
}

function beforeOf(run: WriteRun, range: Excel.Range, formats: OfficeExtension.ClientResult<Excel.CellProperties[][]> | null): RunBefore {
  return { sheet: run.sheet, address: run.address, formulas: restorable(range.formulas, range.values, range.valueTypes), numberFormat: range.numberFormat, formats: formats?.value as Excel.SettableCellProperties[][] | undefined };
}

function writtenRun(run: WriteRun, legend: boolean, before: RunBefore | null): WrittenRun {
  return {
    sheet: run.sheet, address: run.address, top: run.top, col: run.col, legend, before, after: null,
    fillOnly: run.cells.map((w) => w.role === "highlight"),
    sent: run.cells.map((w) => cellInput(w)),
    numberFormats: run.cells.map((w) => w.numberFormat ?? null),
    fills: run.cells.map((w) => w.fill ?? null),
  };
}

/** Takes back what a failed write had done, in the same context; the error says whether that worked. */
async function rollBack(context: Excel.RequestContext, record: UndoRecord, failure: unknown, done: number, total: number): Promise<WriteFailed> {
  const params = { done, total, cause: failureCode(failure) };
  try {
    const undone = await undoWritePlan(context, record);
    return new WriteFailed<UndoRecord>(message("write-rolled-back", params), failure, true, undone, null);
  } catch {
    return new WriteFailed(message("write-not-rolled-back", params), failure, false, null, record);
  }
}

/** One run: formats copied from the neighbour first (they include a number format), then contents. */
function writeRun(ws: Excel.Worksheet, run: WriteRun) {
  const range = ws.getRange(run.address);
  const styled = run.cells.filter((w) => w.styleFrom);
  if (styled.length === run.cells.length && sameOffset(run)) {
    const src = parseRangeAddress(run.cells[0].styleFrom!);
    range.copyFrom(ws.getRange(rangeAddress(src.top, src.left, src.top + run.cells.length - 1, src.left)), Excel.RangeCopyType.formats);
  } else for (const w of styled) ws.getRange(w.cell).copyFrom(ws.getRange(w.styleFrom!), Excel.RangeCopyType.formats);
  const writes = run.cells.filter((w) => w.role !== "highlight");
  if (writes.length === run.cells.length) {
    range.formulas = run.cells.map((w) => [cellInput(w)]);
    if (run.cells.some((w) => w.numberFormat)) range.numberFormat = run.cells.map((w) => [w.numberFormat ?? (null as unknown as string)]);
  } else for (const w of writes) ws.getRange(w.cell).formulas = [[cellInput(w)]];
  for (const w of run.cells) {
    if (w.fill) ws.getRange(w.cell).format.fill.color = w.fill;
    if (w.bold) ws.getRange(w.cell).format.font.bold = true;
  }
}

/** Every cell of the run copies from the same relative place (one copyFrom instead of one per cell). */
function sameOffset(run: WriteRun): boolean {
  const first = parseRangeAddress(run.cells[0].styleFrom!);
  return run.cells.every((w, i) => {
    const s = parseRangeAddress(w.styleFrom!);
    return s.left === first.left && s.top === first.top + i;
  });
}

// --- undo ------------------------------------------------------------------------------------------

const UNDO_CHUNK_CELLS = 10_000;

interface RunNow {
  run: WrittenRun;
  range: Excel.Range;
  fills: OfficeExtension.ClientResult<Excel.CellProperties[][]> | null;
}

/** Queues the read of a run's cells as they are now: contents, number formats, and the fills of highlights. */
function readNow(context: Excel.RequestContext, run: WrittenRun): RunNow {
  const range = context.workbook.worksheets.getItem(run.sheet).getRange(run.address);
  range.load("formulas,values,valueTypes,numberFormat");
  const fills = run.fillOnly.some(Boolean) ? range.getCellProperties({ format: { fill: { color: true } } }) : null;
  return { run, range, fills };
}

/** Whether cell i still holds the contents the add-in put there. */
function holdsOurs(run: WrittenRun, i: number, formula: Input): boolean {
  // Without a read-back (the batch's sync failed) the comparison is with what was sent.
  return formula === (run.after ? run.after.formulas[i][0] : run.sent[i]);
}

/**
 * Puts back what `applyWritePlan` found — values and formulas, number formats, formats, merges, notes, the
 * legend sheet — wherever the cell still holds what the add-in put there. A cell changed since (a value
 * typed over a formula, a highlighted cell's fill recoloured, an edited note, a legend sheet typed into) is
 * left as it is and listed in the result. A highlight's undo restores the fill only: the value is the user's.
 */
export async function undoWritePlan(context: Excel.RequestContext, record: UndoRecord, onProgress?: (p: WriteProgress) => void): Promise<UndoResult> {
  const cellRuns = record.runs.filter((r) => !r.legend);
  const chunks: WrittenRun[][] = [];
  let chunkCells = 0;
  for (const run of cellRuns) {
    if (!chunks.length || chunkCells + run.sent.length > UNDO_CHUNK_CELLS) {
      chunks.push([]);
      chunkCells = 0;
    }
    chunks[chunks.length - 1].push(run);
    chunkCells += run.sent.length;
  }
  const total = cellRuns.reduce((n, r) => n + r.sent.length, 0);
  let done = 0;
  onProgress?.({ done, total });
  const result: UndoResult = { restored: 0, kept: [] };
  const keptCells = new Set<string>();

  // --- 1: the legend sheet and the notes as they are, and the first chunk's cells ---
  const legendSheet = record.legend ? context.workbook.worksheets.getItemOrNullObject(record.legend.sheet).load("name") : null;
  const notes = record.notes.map((n) => ({ n, item: context.workbook.worksheets.getItem(n.sheet).notes.getItemOrNullObject(n.cell).load("content") }));
  let pending = chunks.length ? chunks[0].map((run) => readNow(context, run)) : [];
  await context.sync();

  // --- 2…: each chunk's restore travels with the next chunk's read (and the legend's, in the first) ---
  let legendUsed: Excel.Range | null = null;
  const legendExists = !!legendSheet && !legendSheet.isNullObject;
  if (legendExists) legendUsed = legendSheet!.getUsedRangeOrNullObject(true).load("address,formulas,values,valueTypes");
  const finish = () => finishUndo(context, record, result, keptCells, legendUsed, notes);
  for (let k = 0; k < chunks.length; k++) {
    for (const now of pending) result.restored += restoreWhereUnchanged(now, result.kept, keptCells);
    pending = k + 1 < chunks.length ? chunks[k + 1].map((run) => readNow(context, run)) : [];
    // The merges, notes and legend go with the last chunk once the legend has been read (in an earlier sync).
    const last = k === chunks.length - 1;
    if (last && (k > 0 || !legendExists)) finish();
    await context.sync();
    done += chunks[k].reduce((n, r) => n + r.sent.length, 0);
    onProgress?.({ done, total });
    if (last && k === 0 && legendExists) {
      finish();
      await context.sync();
    }
  }
  if (!chunks.length) {
    if (legendExists) await context.sync();
    finish();
    await context.sync();
  }
  return result;
}

/**
 * Queues the restore of the run's cells whose contents are still the add-in's (or, after a failed batch, as
 * they were before: their formats and number formats may have been changed already); lists the others.
 * Returns how many cells it restores.
 */
function restoreWhereUnchanged(now: RunNow, kept: Message[], keptCells: Set<string>): number {
  const { run, range } = now;
  const b = run.before!;
  const current = restorable(range.formulas, range.values, range.valueTypes);
  const formulas: (Input | null)[][] = [];
  const numberFormat: (string | null)[][] = [];
  const formats: Excel.SettableCellProperties[][] = [];
  let restored = 0;
  run.sent.forEach((_, i) => {
    const at: CellRef = { sheet: run.sheet, row: run.top + i, col: run.col };
    const nf = range.numberFormat[i][0];
    let contents = false;
    let format = false;
    let look = false;
    let keep: Message | null = null;
    if (run.fillOnly[i]) {
      const fill = now.fills?.value[i][0].format?.fill?.color ?? "";
      look = fill.toUpperCase() === (run.fills[i] ?? "").toUpperCase();
      if (!look) keep = message("undo-fill-kept", { at });
    } else {
      const ours = holdsOurs(run, i, current[i][0]);
      if (!ours && current[i][0] !== b.formulas[i][0]) {
        // Neither the add-in's content nor what was there before: the user's, since.
        keep = message("undo-cell-kept", { at, now: describeContent(officeContent(range.formulas[i][0], range.values[i][0], range.valueTypes[i][0])) });
      } else {
        contents = ours;
        // The add-in's number format goes with its contents (one the user set since stays).
        format = nf !== b.numberFormat[i][0] && (!run.after || nf === run.after.numberFormat[i][0]);
        look = true;
      }
    }
    if (keep) {
      kept.push(keep);
      keptCells.add(`${run.sheet}!${at.row},${at.col}`);
    }
    // null leaves a cell as it is (Office.js: null in a 2-D array changes nothing).
    formulas.push([contents ? b.formulas[i][0] : null]);
    numberFormat.push([format ? b.numberFormat[i][0] : null]);
    // A highlight changed the fill only: only the fill goes back (a font or border set since stays).
    const lookBefore = b.formats?.[i][0] ?? {};
    formats.push([!look ? {} : run.fillOnly[i] ? { format: { fill: lookBefore.format?.fill } } : lookBefore]);
    if (contents || (run.fillOnly[i] && look)) restored++;
  });
  if (b.formats && formats.some((r) => Object.keys(r[0]).length)) range.setCellProperties(formats);
  if (numberFormat.some((r) => r[0] !== null)) range.numberFormat = numberFormat as string[][];
  if (formulas.some((r) => r[0] !== null)) range.formulas = formulas as Input[][];
  return restored;
}

/** Merges whose anchor the user kept stay; notes the user edited stay; the legend sheet goes only if untouched. */
function finishUndo(
  context: Excel.RequestContext, record: UndoRecord, result: UndoResult, keptCells: Set<string>,
  legendUsed: Excel.Range | null, notes: { n: UndoRecord["notes"][number]; item: Excel.Note }[],
) {
  for (const m of record.merges) {
    const a = parseRangeAddress(m.address);
    if (!keptCells.has(`${m.sheet}!${a.top},${a.left}`)) context.workbook.worksheets.getItem(m.sheet).getRange(m.address).unmerge();
  }
  for (const { n, item } of notes) {
    if (item.isNullObject) continue;
    if (item.content === n.text) item.delete();
    else {
      const p = parseRangeAddress(n.cell);
      result.kept.push(message("undo-note-kept", { at: { sheet: n.sheet, row: p.top, col: p.left } }));
    }
  }
  if (!record.legend || !legendUsed) return;
  const changed = changedLegendCells(record, legendUsed);
  const ws = context.workbook.worksheets.getItem(record.legend.sheet);
  if (changed.length) {
    result.kept.push(message("undo-sheet-kept", { sheet: record.legend.sheet, cells: changed.slice(0, 5), more: Math.max(0, changed.length - 5) }));
    return;
  }
  if (record.legend.created) ws.delete();
  else {
    ws.getRange().clear(Excel.ClearApplyTo.contents);
    if (record.legend.before) restoreRun(ws, record.legend.before);
  }
}

/** Cells of the legend sheet that differ from what the add-in wrote there: edited, cleared, or typed beside. */
function changedLegendCells(record: UndoRecord, used: Excel.Range): CellRef[] {
  const sheet = record.legend!.sheet;
  const written = new Map<string, Input>();
  for (const run of record.runs.filter((r) => r.legend)) run.sent.forEach((sent, i) => written.set(`${run.top + i},${run.col}`, run.after ? run.after.formulas[i][0] : sent));
  const changed: CellRef[] = [];
  const seen = new Set<string>();
  if (!used.isNullObject) {
    const area = parseRangeAddress(used.address);
    restorable(used.formulas, used.values, used.valueTypes).forEach((row, r) =>
      row.forEach((f, c) => {
        const key = `${area.top + r},${area.left + c}`;
        seen.add(key);
        if (f !== (written.get(key) ?? "")) changed.push({ sheet, row: area.top + r, col: area.left + c });
      }),
    );
  }
  for (const [key, f] of written) {
    if (seen.has(key) || f === "") continue;
    const [row, col] = key.split(",").map(Number);
    changed.push({ sheet, row, col });
  }
  return changed;
}

function restoreRun(ws: Excel.Worksheet, run: RunBefore) {
  const range = ws.getRange(run.address);
  if (run.formats) range.setCellProperties(run.formats);
  range.numberFormat = run.numberFormat;
  range.formulas = run.formulas;
}
