/**
 * Carries out a write plan on an ExcelJS workbook: formulas with their computed result cached (so a
 * viewer that does not recalculate still shows numbers), number formats, appended headers styled like
 * their neighbours, notes on header cells, and the legend sheet. Nothing else in the workbook is touched.
 */
import ExcelJS from "exceljs";
import type { CellWrite, WritePlan } from "../core/writePlan";

function copyStyle(ws: ExcelJS.Worksheet, from: string, to: ExcelJS.Cell) {
  const src = ws.getCell(from);
  to.style = JSON.parse(JSON.stringify(src.style ?? {}));
}

function writeCell(ws: ExcelJS.Worksheet, w: CellWrite) {
  const cell = ws.getCell(w.cell);
  if (w.styleFrom) copyStyle(ws, w.styleFrom, cell);
  if (w.formula) {
    // ExcelJS wants the formula without "="; the cached result is what viewers show before recalculation.
    cell.value = { formula: w.formula.replace(/^=/, ""), result: w.value === null ? undefined : (w.value as number | string) } as ExcelJS.CellFormulaValue;
  } else {
    // Text is stored as a string cell whatever it begins with ("=", "+", "-", "@"): never a formula.
    cell.value = w.value;
  }
  if (w.numberFormat) cell.numFmt = w.numberFormat;
  if (w.bold) cell.font = { ...(cell.font ?? {}), bold: true };
}

export function applyPlanToWorkbook(wb: ExcelJS.Workbook, plan: WritePlan, onProgress?: (done: number, total: number) => void): void {
  const total = plan.writes.length + (plan.legend?.writes.length ?? 0);
  let done = 0;
  for (const w of plan.writes) {
    const ws = wb.getWorksheet(w.sheet);
    if (!ws) throw new Error(`sheet "${w.sheet}" is not in the workbook`);
    writeCell(ws, w);
    if (++done % 500 === 0) onProgress?.(done, total);
  }
  for (const a of plan.appended) {
    const ws = wb.getWorksheet(a.sheet)!;
    if (a.merge) ws.mergeCells(a.merge);
    const col = ws.getColumn(a.column);
    const left = ws.getColumn(col.number - 1);
    if (!col.width && left.width) col.width = left.width;
  }
  for (const m of plan.merges) wb.getWorksheet(m.sheet)!.mergeCells(m.range);
  for (const n of plan.notes) {
    const cell = wb.getWorksheet(n.sheet)!.getCell(n.cell);
    if (!cell.note) cell.note = n.text; // a note the user wrote stays
  }
  if (plan.legend) {
    const existing = wb.getWorksheet(plan.legend.sheet);
    if (existing) wb.removeWorksheet(existing.id);
    const ws = wb.addWorksheet(plan.legend.sheet);
    for (const w of plan.legend.writes) {
      writeCell(ws, w);
      if (++done % 500 === 0) onProgress?.(done, total);
    }
    ws.getColumn(1).width = 40;
    ws.getColumn(2).width = 50;
    ws.getColumn(3).width = 60;
    ws.getColumn(4).width = 40;
    ws.getColumn(8).width = 42; // the ladders' spellings ("Tidak Memberikan Pendapat / Disclaimer")
  }
  onProgress?.(total, total);
}
