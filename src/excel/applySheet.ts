/**
 * Lays a generated sheet (core SheetSpec) out in Excel, and takes it back. Regenerating keeps the earlier
 * generated sheet, renamed and hidden, until the new one is kept: "Batalkan" deletes the new sheet and puts
 * the earlier one back under its name. The user's own sheets are never touched (the core picks a free name).
 *
 * Round trips: 1 to look at the names, 1 per ~10,000 cells of contents and formats, 1 for the layout.
 */
import { columnLetter, rangeAddress } from "../core/grid";
import { backupName, conditionalFormula, SheetSpec, SpecCell } from "../core/sheetSpec";
import { textInput } from "../core/writeBatches";
import { WriteBlocked, WriteProgress } from "./applyPlan";

export interface SheetUndo {
  created: string;
  /** The earlier generated sheet, kept hidden under `backup` until the new one is accepted. */
  replaced: { name: string; backup: string } | null;
}

const ROWS_PER_BATCH = 300; // × ≤ 30 columns: < 10,000 cells and well under 5 MB of formats
const POINTS_PER_CHAR = 5.6; // Excel's width unit (a "0" of Calibri 11) in points, roughly

export async function applySheetSpecExcel(context: Excel.RequestContext, spec: SheetSpec, onProgress?: (p: WriteProgress) => void): Promise<SheetUndo> {
  const sheets = context.workbook.worksheets;
  const existing = sheets.getItemOrNullObject(spec.name);
  existing.load("name,visibility");
  const oldBackup = sheets.getItemOrNullObject(backupName(spec.name));
  oldBackup.load("name");
  await context.sync();
  if (!existing.isNullObject && !spec.replaces) throw new WriteBlocked("changed", spec.name, null, `A sheet named "${spec.name}" appeared since the scan; scan again. Nothing was written.`);
  let replaced: SheetUndo["replaced"] = null;
  if (!existing.isNullObject) {
    // Keep the earlier generated sheet until the user keeps the new one (one level of undo).
    if (!oldBackup.isNullObject) oldBackup.delete();
    existing.name = backupName(spec.name);
    existing.visibility = Excel.SheetVisibility.hidden;
    replaced = { name: spec.name, backup: backupName(spec.name) };
  }
  const ws = sheets.add(spec.name);
  const lastRow = spec.cells.reduce((m, c) => Math.max(m, c.row), 0);
  const lastCol = spec.cells.reduce((m, c) => Math.max(m, c.col), 0);
  const byRow = new Map<number, SpecCell[]>();
  for (const c of spec.cells) byRow.set(c.row, [...(byRow.get(c.row) ?? []), c]);
  const total = spec.cells.length;
  let done = 0;
  onProgress?.({ done, total });
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
    const range = ws.getRange(rangeAddress(top, 0, bottom, lastCol));
    range.setCellProperties(props);
    range.numberFormat = formats as string[][];
    range.formulas = contents as string[][];
    await context.sync();
    onProgress?.({ done, total });
  }
  // Layout: merges, widths, heights, frozen panes, print setup, conditional fills.
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
  ws.activate();
  await context.sync();
  return { created: spec.name, replaced };
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

/** Deletes the generated sheet and puts the earlier one back under its name. */
export async function undoSheetSpecExcel(context: Excel.RequestContext, undo: SheetUndo): Promise<void> {
  const sheets = context.workbook.worksheets;
  const created = sheets.getItemOrNullObject(undo.created);
  created.load("name");
  await context.sync();
  if (!created.isNullObject) created.delete();
  if (undo.replaced) {
    const old = sheets.getItem(undo.replaced.backup);
    old.visibility = Excel.SheetVisibility.visible;
    old.name = undo.replaced.name;
  }
  await context.sync();
}
