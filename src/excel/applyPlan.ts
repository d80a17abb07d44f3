/**
 * Carries a write plan out in Excel, and takes it back: Office.js has no undo for add-ins, so before
 * writing, everything the plan touches (formulas and values, number formats, cell formats of the cells
 * whose look changes, merges, the legend sheet) is read once and kept in an `UndoRecord`.
 *
 * Round trips: 1 to read what is there (and check protection and that nothing changed since the scan),
 * then 1 per batch of ≤ 10,000 cells / ~4 MB — so 1 + ⌈cells / 10,000⌉ for ordinary plans, within the
 * 2 + ⌈cells / 10,000⌉ budget.
 */
import { parseRangeAddress, rangeAddress } from "../core/grid";
import { batchRuns, cellInput, groupRuns, textInput, WriteRun } from "../core/writeBatches";
import type { CellWrite, WritePlan } from "../core/writePlan";

export type WriteBatch = Pick<WritePlan, "writes" | "appended" | "legend"> & Partial<Pick<WritePlan, "merges" | "notes">> & { overwrite?: boolean };

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
    message: string,
  ) {
    super(message);
    this.name = "WriteBlocked";
  }
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

interface RunBefore {
  sheet: string;
  address: string;
  formulas: (string | number | boolean)[][];
  numberFormat: string[][];
  /** Cell formats, only for runs whose look changes (appended columns, highlights). */
  formats?: Excel.SettableCellProperties[][];
}

export interface UndoRecord {
  runs: RunBefore[];
  merges: { sheet: string; address: string }[];
  /** Notes the write added (deleted on undo); cells that already had a note were left alone. */
  notes: { sheet: string; cell: string }[];
  /** A legend sheet the write created (deleted on undo) or replaced (its contents restored). */
  legend: { sheet: string; created: boolean; before: RunBefore | null } | null;
  cells: number;
}

const changesLook = (w: CellWrite) => !!w.styleFrom || !!w.fill || !!w.bold;

/**
 * Formulas as Excel gives them back, made safe to give back again: a formula stays a formula (its text
 * differs from its value), a text constant stays text even if it reads like a number or a formula.
 */
function restorable(formulas: unknown[][], values: unknown[][], types: string[][]): (string | number | boolean)[][] {
  return formulas.map((row, r) =>
    row.map((f, c) => {
      const isFormula = typeof f === "string" && f.startsWith("=") && f !== values[r][c];
      return types[r][c] === "String" && typeof f === "string" && !isFormula ? textInput(f) : (f as string | number | boolean);
    }),
  );
}

export async function applyWritePlan(context: Excel.RequestContext, plan: WriteBatch, onProgress?: (p: WriteProgress) => void): Promise<UndoRecord> {
  const legendWrites = plan.legend?.writes ?? [];
  const runs = groupRuns(plan.writes);
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
  const reads = runs.map((run) => {
    const range = context.workbook.worksheets.getItem(run.sheet).getRange(run.address);
    range.load("formulas,values,numberFormat,valueTypes");
    const formats = run.cells.some(changesLook) ? range.getCellProperties(FORMAT_PROPS) : null;
    return { run, range, formats };
  });
  const legendSheet = plan.legend ? context.workbook.worksheets.getItemOrNullObject(plan.legend.sheet) : null;
  const legendUsed = legendSheet?.getUsedRangeOrNullObject();
  legendUsed?.load("address,formulas,values,numberFormat,valueTypes");
  legendSheet?.protection.load("protected");
  const wantedNotes = notesSupported() ? plan.notes ?? [] : [];
  const noteChecks = wantedNotes.map((n) => ({ n, existing: context.workbook.worksheets.getItem(n.sheet).notes.getItemOrNullObject(n.cell) }));
  await context.sync();

  for (const [name, ws] of sheets) {
    if (ws.isNullObject) throw new WriteBlocked("sheet-missing", name, null, `Sheet "${name}" no longer exists; scan the workbook again.`);
    if (protections.get(name)!.protected) throw new WriteBlocked("protected", name, null, `Sheet "${name}" is protected; unprotect it (Review › Unprotect Sheet) to write formulas there. Nothing was written.`);
  }
  if (legendSheet && !legendSheet.isNullObject && legendSheet.protection.protected)
    throw new WriteBlocked("protected", plan.legend!.sheet, null, `Sheet "${plan.legend!.sheet}" is protected. Nothing was written.`);
  const record: UndoRecord = { runs: [], merges: [], notes: [], legend: null, cells: total };
  for (const { run, range, formats } of reads) {
    if (!plan.overwrite) {
      // The plan only fills empty cells: if one was typed into since the scan, stop before writing anything.
      run.cells.forEach((w, i) => {
        if (w.role !== "highlight" && w.role !== "convert" && range.valueTypes[i][0] !== "Empty")
          throw new WriteBlocked("changed", run.sheet, w.cell, `${run.sheet}!${w.cell} changed since the scan (it now holds "${range.formulas[i][0]}"); scan again. Nothing was written.`);
      });
    }
    record.runs.push({ sheet: run.sheet, address: run.address, formulas: restorable(range.formulas, range.values, range.valueTypes), numberFormat: range.numberFormat, formats: formats?.value as Excel.SettableCellProperties[][] | undefined });
  }

  // --- round trips 2…: the batches (legend cells travel with the others) ----------------------------
  const legendRuns = groupRuns(legendWrites);
  const batches = batchRuns([...legendRuns, ...runs]);
  if (plan.legend) {
    const existed = !!legendSheet && !legendSheet.isNullObject;
    const before = existed && legendUsed && !legendUsed.isNullObject ? { sheet: plan.legend.sheet, address: legendUsed.address.split("!").pop()!, formulas: restorable(legendUsed.formulas, legendUsed.values, legendUsed.valueTypes), numberFormat: legendUsed.numberFormat } : null;
    record.legend = { sheet: plan.legend.sheet, created: !existed, before };
    const ws = existed ? legendSheet! : context.workbook.worksheets.add(plan.legend.sheet);
    if (existed) ws.getRange().clear(Excel.ClearApplyTo.contents);
    ws.getRange("A:A").format.columnWidth = 220;
    ws.getRange("B:D").format.columnWidth = 260;
  }
  const merges = [...plan.appended.filter((a) => a.merge).map((a) => ({ sheet: a.sheet, address: a.merge! })), ...(plan.merges ?? []).map((m) => ({ sheet: m.sheet, address: m.range }))];
  let done = 0;
  for (let b = 0; b < batches.length; b++) {
    for (const run of batches[b]) writeRun(context.workbook.worksheets.getItem(run.sheet), run);
    if (b === batches.length - 1) {
      for (const m of merges) {
        context.workbook.worksheets.getItem(m.sheet).getRange(m.address).merge(false);
        record.merges.push(m);
      }
      for (const { n, existing } of noteChecks) {
        if (!existing.isNullObject) continue; // a note the user wrote stays
        context.workbook.worksheets.getItem(n.sheet).notes.add(n.cell, n.text);
        record.notes.push({ sheet: n.sheet, cell: n.cell });
      }
    }
    await context.sync();
    done += batches[b].reduce((n, r) => n + r.cells.length, 0);
    onProgress?.({ done, total });
  }
  return record;
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

/** Puts back what `applyWritePlan` found: values and formulas, number formats, formats, merges, the legend sheet. */
export async function undoWritePlan(context: Excel.RequestContext, record: UndoRecord, onProgress?: (p: WriteProgress) => void): Promise<void> {
  const total = record.runs.reduce((n, r) => n + r.formulas.length, 0);
  let done = 0;
  onProgress?.({ done, total });
  for (const m of record.merges) context.workbook.worksheets.getItem(m.sheet).getRange(m.address).unmerge();
  for (const n of record.notes) context.workbook.worksheets.getItem(n.sheet).notes.getItem(n.cell).delete();
  if (record.legend?.created) context.workbook.worksheets.getItem(record.legend.sheet).delete();
  else if (record.legend) {
    const ws = context.workbook.worksheets.getItem(record.legend.sheet);
    ws.getRange().clear(Excel.ClearApplyTo.contents);
    if (record.legend.before) restoreRun(ws, record.legend.before);
  }
  let cells = 0;
  for (let i = 0; i < record.runs.length; i++) {
    const run = record.runs[i];
    restoreRun(context.workbook.worksheets.getItem(run.sheet), run);
    cells += run.formulas.length;
    if (cells >= 10_000 || i === record.runs.length - 1) {
      await context.sync();
      done += cells;
      cells = 0;
      onProgress?.({ done, total });
    }
  }
  if (!record.runs.length) await context.sync();
}

function restoreRun(ws: Excel.Worksheet, run: RunBefore) {
  const range = ws.getRange(run.address);
  if (run.formats) range.setCellProperties(run.formats);
  range.numberFormat = run.numberFormat;
  range.formulas = run.formulas;
}
