/**
 * Lays a generated sheet (core SheetSpec) out in Excel, and takes it back. Regenerating keeps the earlier
 * generated sheet, renamed and hidden, until the new one is kept: "Batalkan" deletes the new sheet and puts
 * the earlier one back under its name — unless the user has typed into the new sheet since, which is then
 * kept (and said). The user's own sheets are never touched (the core picks a free name).
 *
 * A generation that fails partway removes its partial sheet and brings the earlier one back before it
 * reports the failure; the hidden backup of the generation before that is deleted only once the new sheet
 * is complete.
 *
 * Round trips: 1 to look at the names, 1 per ~10,000 cells of contents and formats (read back in the same
 * sync, so undo can tell later edits), 1 for the layout.
 */
import { columnLetter, parseRangeAddress, rangeAddress } from "../core/grid";
import { CellRef, message, Message } from "../core/messages";
import { backupName, conditionalFormula, SheetSpec, SpecCell } from "../core/sheetSpec";
import { textInput } from "../core/writeBatches";
import { failureCode, restorable, UndoResult, WriteBlocked, WriteFailed, WriteProgress } from "./applyPlan";
import { syncDespiteSelection } from "./selection";

export interface SheetUndo {
  created: string;
  /** The earlier generated sheet, kept hidden under `backup` until the new one is accepted. */
  replaced: { name: string; backup: string; visibility: string } | null;
  /** What the new sheet held right after it was made, per batch: undo compares it with what it holds then. */
  written: { address: string; formulas: (string | number | boolean)[][] }[];
  /** The generation failed and could not be taken back: undo deletes the partial sheet without comparing. */
  partial?: boolean;
  notices: Message[];
}

const ROWS_PER_BATCH = 300; // × ≤ 30 columns: < 10,000 cells and well under 5 MB of formats
const POINTS_PER_CHAR = 5.6; // Excel's width unit (a "0" of Calibri 11) in points, roughly

/** A sheet name not in `taken` for the earlier backup while the new sheet is being made. */
function parkingName(name: string, taken: Set<string>): string {
  for (let i = 2; ; i++) {
    const candidate = `${name.slice(0, 20)} (lama ${i})`;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}

export async function applySheetSpecExcel(context: Excel.RequestContext, spec: SheetSpec, onProgress?: (p: WriteProgress) => void): Promise<SheetUndo> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  const existing = sheets.getItemOrNullObject(spec.name);
  existing.load("name,visibility");
  const oldBackup = sheets.getItemOrNullObject(backupName(spec.name));
  oldBackup.load("name");
  await context.sync();
  if (!existing.isNullObject && !spec.replaces) throw new WriteBlocked("changed", spec.name, null, message("sheet-appeared", { sheet: spec.name }));
  const parked = oldBackup.isNullObject ? null : parkingName(spec.name, new Set(sheets.items.map((w) => w.name.toLowerCase())));
  const undo: SheetUndo = {
    created: spec.name,
    replaced: existing.isNullObject ? null : { name: spec.name, backup: backupName(spec.name), visibility: existing.visibility },
    written: [],
    notices: [],
  };
  const total = spec.cells.length;
  let done = 0;
  onProgress?.({ done, total });
  try {
    // The earlier backup is parked (not deleted) until the new sheet is complete.
    if (parked) oldBackup.name = parked;
    if (!existing.isNullObject) {
      existing.name = backupName(spec.name);
      existing.visibility = Excel.SheetVisibility.hidden;
    }
    const ws = sheets.add(spec.name);
    const lastRow = spec.cells.reduce((m, c) => Math.max(m, c.row), 0);
    const lastCol = spec.cells.reduce((m, c) => Math.max(m, c.col), 0);
    const byRow = new Map<number, SpecCell[]>();
    for (const c of spec.cells) byRow.set(c.row, [...(byRow.get(c.row) ?? []), c]);
    for (let top = 0; top <= lastRow; top += ROWS_PER_BATCH) {
      const bottom = Math.min(lastRow, top + ROWS_PER_BATCH - 1);
      const contents: (string | number | null)[][] = [];
      const formats: (string | null)[][] = [];
      const props: Excel.SettableCellProperties[][] = [];
      for (let r = top; r <= bottom; r++) {
        const row = new Map((byRow.get(r) ?? []).map((c) => [c.col, c]));
        contents.push([]);
        formats.push([]);
        props.push([]);
        for (let col = 0; col <= lastCol; col++) {
          const c = row.get(col);
          contents[r - top].push(c ? (c.formula ?? (typeof c.value === "string" ? textInput(c.value) : c.value ?? null)) : null);
          formats[r - top].push(c?.numberFormat ?? null);
          props[r - top].push(c ? cellProperties(c) : {});
          if (c) done++;
        }
      }
      const address = rangeAddress(top, 0, bottom, lastCol);
      const range = ws.getRange(address);
      range.setCellProperties(props);
      range.numberFormat = formats as string[][];
      range.formulas = contents as string[][];
      const back = ws.getRange(address).load("formulas,values,valueTypes");
      await context.sync();
      undo.written.push({ address, formulas: restorable(back.formulas, back.values, back.valueTypes) });
      onProgress?.({ done, total });
    }
    // Layout. The new sheet is activated and A1 selected first: merging fails while a chart is selected.
    const notice = await syncDespiteSelection(context, () => {
      ws.activate();
      ws.getRange("A1").select();
      for (const m of spec.merges) ws.getRange(m).merge(false);
      spec.widths.forEach((w, c) => (ws.getRange(`${columnLetter(c)}:${columnLetter(c)}`).format.columnWidth = Math.round(w * POINTS_PER_CHAR + 5)));
      for (const [r, h] of Object.entries(spec.heights)) ws.getRange(`${Number(r) + 1}:${Number(r) + 1}`).format.rowHeight = h;
      if (spec.freeze) ws.freezePanes.freezeAt(ws.getRange(rangeAddress(0, 0, spec.freeze.rows - 1, spec.freeze.columns - 1)));
      ws.pageLayout.orientation = spec.print.orientation === "landscape" ? Excel.PageOrientation.landscape : Excel.PageOrientation.portrait;
      ws.pageLayout.paperSize = Excel.PaperType.a4;
      ws.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
      ws.pageLayout.setPrintArea(spec.print.area);
      if (spec.print.titleRows) ws.pageLayout.setPrintTitleRows(`$${spec.print.titleRows.replace(":", ":$")}`);
      for (const r of spec.print.breaksBefore) ws.horizontalPageBreaks.add(`A${r + 1}`);
      for (const cf of spec.conditional) {
        const rule = ws.getRange(cf.range).conditionalFormats.add(Excel.ConditionalFormatType.custom);
        rule.custom.rule.formula = `=${conditionalFormula(cf)}`;
        rule.custom.format.fill.color = cf.fill;
        rule.custom.format.font.color = cf.fontColor;
      }
      // Last: only a complete sheet lets the generation before the earlier one go.
      if (parked) sheets.getItem(parked).delete();
    });
    if (notice) undo.notices.push(notice);
  } catch (e) {
    throw await rollBackSheet(context, spec, undo, existing.isNullObject ? null : existing, parked ? oldBackup : null, e);
  }
  return undo;
}

/**
 * After a failed generation: deletes the partial sheet, gives the earlier sheet its name and visibility back
 * and the parked backup its name. The sheets are told apart by the proxies taken before the renames, which
 * follow their sheet whatever it is called now.
 */
async function rollBackSheet(context: Excel.RequestContext, spec: SheetSpec, undo: SheetUndo, original: Excel.Worksheet | null, parked: Excel.Worksheet | null, failure: unknown): Promise<WriteFailed<SheetUndo>> {
  const cause = failureCode(failure);
  try {
    const sheets = context.workbook.worksheets;
    const named = sheets.getItemOrNullObject(spec.name).load("name");
    original?.load("name");
    await context.sync();
    // The sheet now called spec.name is the partial new one unless the original was never renamed.
    if (!named.isNullObject && !(original && original.name === spec.name)) named.delete();
    if (original && undo.replaced) {
      original.name = spec.name;
      original.visibility = undo.replaced.visibility as Excel.SheetVisibility;
    }
    if (parked) parked.name = backupName(spec.name);
    await context.sync();
    return new WriteFailed<SheetUndo>(message("generate-rolled-back", { sheet: spec.name, cause, restored: undo.replaced ? spec.name : null }), failure, true, { restored: 0, kept: [] }, null);
  } catch {
    return new WriteFailed(message("generate-not-rolled-back", { sheet: spec.name, cause }), failure, false, null, { ...undo, partial: true });
  }
}

function cellProperties(c: SpecCell): Excel.SettableCellProperties {
  const format: Excel.CellPropertiesFormat = {};
  const font: Excel.CellPropertiesFont = {};
  if (c.bold) font.bold = true;
  if (c.italic) font.italic = true;
  if (c.underline) font.underline = Excel.RangeUnderlineStyle.single;
  if (c.size) font.size = c.size;
  if (c.color) font.color = c.color;
  if (Object.keys(font).length) format.font = font;
  if (c.fill) format.fill = { color: c.fill };
  if (c.align) format.horizontalAlignment = c.align === "center" ? Excel.HorizontalAlignment.center : c.align === "right" ? Excel.HorizontalAlignment.right : Excel.HorizontalAlignment.left;
  if (c.valign) format.verticalAlignment = c.valign === "middle" ? Excel.VerticalAlignment.center : c.valign === "top" ? Excel.VerticalAlignment.top : Excel.VerticalAlignment.bottom;
  if (c.wrap) format.wrapText = true;
  if (c.border) {
    const edge = { style: Excel.BorderLineStyle.continuous, weight: Excel.BorderWeight.thin, color: "#808080" };
    format.borders = { top: edge, bottom: edge, left: edge, right: edge };
  }
  return Object.keys(format).length ? { format } : {};
}

/**
 * Deletes the generated sheet and puts the earlier one back under its name — unless the generated sheet was
 * changed since it was made (a realisasi typed in): then it stays, and the result says which cells changed.
 */
export async function undoSheetSpecExcel(context: Excel.RequestContext, undo: SheetUndo): Promise<UndoResult> {
  const sheets = context.workbook.worksheets;
  const created = sheets.getItemOrNullObject(undo.created).load("name");
  const backup = undo.replaced ? sheets.getItemOrNullObject(undo.replaced.backup).load("name") : null;
  await context.sync();
  const result: UndoResult = { restored: 0, kept: [] };
  if (!created.isNullObject && !undo.partial) {
    const changed = await changedCells(context, created, undo);
    if (changed.length) {
      result.kept.push(message("undo-sheet-kept", { sheet: undo.created, cells: changed.slice(0, 5), more: Math.max(0, changed.length - 5) }));
      return result;
    }
  }
  if (!created.isNullObject) created.delete();
  if (undo.replaced && backup) {
    if (backup.isNullObject) result.kept.push(message("undo-backup-missing", { sheet: undo.replaced.name, backup: undo.replaced.backup }));
    else {
      backup.visibility = (undo.replaced.visibility ?? Excel.SheetVisibility.visible) as Excel.SheetVisibility;
      backup.name = undo.replaced.name;
    }
  }
  await context.sync();
  result.restored = 1;
  return result;
}

/** Cells of the generated sheet that no longer hold what was written, and anything typed outside them. */
async function changedCells(context: Excel.RequestContext, ws: Excel.Worksheet, undo: SheetUndo): Promise<CellRef[]> {
  const reads = undo.written.map((w) => ({ w, range: ws.getRange(w.address).load("formulas,values,valueTypes") }));
  const used = ws.getUsedRangeOrNullObject(true).load("address");
  await context.sync();
  const changed: CellRef[] = [];
  let bottom = -1;
  let right = -1;
  for (const { w, range } of reads) {
    const area = parseRangeAddress(w.address);
    bottom = Math.max(bottom, area.bottom);
    right = Math.max(right, area.right);
    const now = restorable(range.formulas, range.values, range.valueTypes);
    now.forEach((row, r) => row.forEach((f, c) => f !== w.formulas[r][c] && changed.push({ sheet: undo.created, row: area.top + r, col: area.left + c })));
  }
  if (!used.isNullObject) {
    const u = parseRangeAddress(used.address);
    if (u.bottom > bottom || u.right > right) changed.push({ sheet: undo.created, row: u.bottom, col: u.right });
  }
  return changed;
}
