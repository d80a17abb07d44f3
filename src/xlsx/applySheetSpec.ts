/**
 * Lays a generated sheet (core SheetSpec) out in an ExcelJS workbook: cells with their styles, merges,
 * widths and heights, frozen panes, A4 print setup, page breaks and conditional fills. An earlier sheet
 * of the same kind and name is replaced in place (same position); nothing else is touched.
 */
import ExcelJS from "exceljs";
import { conditionalFormula, SheetSpec, SpecCell } from "../core/sheetSpec";

const argb = (hex: string) => `FF${hex.replace("#", "").toUpperCase()}`;
const THIN: Partial<ExcelJS.Border> = { style: "thin", color: { argb: "FF808080" } };

export function applySheetSpec(wb: ExcelJS.Workbook, spec: SheetSpec): ExcelJS.Worksheet {
  const existing = wb.getWorksheet(spec.name);
  if (existing && !spec.replaces) throw new Error(`sheet "${spec.name}" exists and is not a generated sheet`);
  const position = existing ? wb.worksheets.indexOf(existing) : -1;
  if (existing) wb.removeWorksheet(existing.id);
  const ws = wb.addWorksheet(spec.name, {
    pageSetup: {
      paperSize: 9, // A4
      orientation: spec.print.orientation,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      // ExcelJS writes "$" + each end, so "A$1" becomes the absolute "$A$1" Excel and LibreOffice both read.
      printArea: spec.print.area.replace(/([A-Z]+)(\d+)/g, "$1$$$2"),
      printTitlesRow: spec.print.titleRows,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      horizontalCentered: true,
    },
    views: spec.freeze ? [{ state: "frozen", xSplit: spec.freeze.columns, ySplit: spec.freeze.rows }] : undefined,
  });
  if (position >= 0) {
    // removeWorksheet + addWorksheet appends; put it back where the earlier one was.
    const order = wb.worksheets;
    order.splice(order.indexOf(ws), 1);
    order.splice(position, 0, ws);
    order.forEach((w, i) => ((w as unknown as { orderNo: number }).orderNo = i));
  }
  spec.widths.forEach((w, c) => (ws.getColumn(c + 1).width = w));
  for (const [r, h] of Object.entries(spec.heights)) ws.getRow(Number(r) + 1).height = h;
  for (const c of spec.cells) writeCell(ws.getCell(c.row + 1, c.col + 1), c);
  for (const m of spec.merges) ws.mergeCells(m);
  for (const r of spec.print.breaksBefore) if (r > 0) ws.getRow(r).addPageBreak();
  for (const cf of spec.conditional)
    ws.addConditionalFormatting({
      ref: cf.range,
      rules: [{ type: "expression", formulae: [conditionalFormula(cf)], priority: 1, style: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(cf.fill) } }, font: { color: { argb: argb(cf.fontColor) } } } }],
    });
  return ws;
}

function writeCell(cell: ExcelJS.Cell, c: SpecCell) {
  if (c.formula) cell.value = { formula: c.formula.replace(/^=/, ""), result: c.result === "" ? undefined : c.result } as ExcelJS.CellFormulaValue;
  else if (c.value !== undefined && c.value !== null) cell.value = c.value; // a string is stored as text, whatever it begins with
  if (c.numberFormat) cell.numFmt = c.numberFormat;
  const font: Partial<ExcelJS.Font> = {};
  if (c.bold) font.bold = true;
  if (c.italic) font.italic = true;
  if (c.underline) font.underline = true;
  if (c.size) font.size = c.size;
  if (c.color) font.color = { argb: argb(c.color) };
  if (Object.keys(font).length) cell.font = font;
  if (c.align || c.valign || c.wrap) cell.alignment = { horizontal: c.align, vertical: c.valign, wrapText: c.wrap };
  if (c.border) cell.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
  if (c.fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(c.fill) } };
}
