/**
 * .xlsx files → the core's workbook snapshot, through ExcelJS. Values are kept as Excel holds them:
 * numbers, strings, booleans, errors; formulas keep their text and cached result; merged cells other
 * than the top-left one read as empty (as Office.js reports them).
 */
import ExcelJS from "exceljs";
import { CellValue, MergeArea, parseRangeAddress, SheetSnapshot, WorkbookSnapshot } from "../core/grid";

export class WorkbookReadError extends Error {
  constructor(readonly file: string, message: string) {
    super(message);
  }
}

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

function toCellValue(v: ExcelJS.CellValue): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  if (v instanceof Date) return (v.getTime() - EXCEL_EPOCH) / 86400000;
  if (typeof v === "object") {
    if ("error" in v && v.error) return { error: String(v.error) };
    if ("richText" in v && Array.isArray(v.richText)) return v.richText.map((p) => p.text).join("");
    if ("formula" in v || "sharedFormula" in v) {
      const res = (v as ExcelJS.CellFormulaValue).result;
      if (res === undefined || res === null) return null;
      if (typeof res === "object" && "error" in res) return { error: String(res.error) };
      return toCellValue(res as ExcelJS.CellValue);
    }
    if ("text" in v && typeof (v as ExcelJS.CellHyperlinkValue).text === "string") return (v as ExcelJS.CellHyperlinkValue).text;
  }
  return String(v);
}

function formulaOf(cell: ExcelJS.Cell): string | null {
  if (cell.type !== ExcelJS.ValueType.Formula) return null;
  const f = cell.formula;
  return f ? `=${f}` : null;
}

export function snapshotFromWorksheet(ws: ExcelJS.Worksheet): SheetSnapshot {
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (cell.type === ExcelJS.ValueType.Merge || cell.value === null || cell.value === undefined || cell.value === "") return;
      top = Math.min(top, r);
      bottom = Math.max(bottom, r);
      left = Math.min(left, c);
      right = Math.max(right, c);
    });
  });
  const merges: MergeArea[] = ((ws.model as { merges?: string[] }).merges ?? []).map((m) => parseRangeAddress(m));
  for (const m of merges) {
    // Merged header cells belong to the used range even where only their anchor holds text.
    if (bottom >= 0 && m.top + 1 <= bottom && m.bottom + 1 >= top) {
      top = Math.min(top, m.top + 1);
      bottom = Math.max(bottom, m.bottom + 1);
      left = Math.min(left, m.left + 1);
      right = Math.max(right, m.right + 1);
    }
  }
  const snapshot: SheetSnapshot = {
    name: ws.name,
    top: 0,
    left: 0,
    values: [],
    formulas: [],
    numberFormats: [],
    bold: [],
    indent: [],
    merges,
    hiddenRows: [],
    hiddenColumns: [],
  };
  if (bottom < 0) return snapshot;
  snapshot.top = top - 1;
  snapshot.left = left - 1;
  for (let r = top; r <= bottom; r++) {
    const row = ws.getRow(r);
    if (row.hidden) snapshot.hiddenRows.push(r - 1);
    const values: CellValue[] = [];
    const formulas: (string | null)[] = [];
    const formats: (string | null)[] = [];
    const bold: boolean[] = [];
    const indent: number[] = [];
    for (let c = left; c <= right; c++) {
      const cell = row.getCell(c);
      const isSlave = cell.type === ExcelJS.ValueType.Merge;
      values.push(isSlave ? null : toCellValue(cell.value));
      formulas.push(isSlave ? null : formulaOf(cell));
      formats.push(cell.numFmt ?? null);
      bold.push(!!cell.font?.bold);
      indent.push(cell.alignment?.indent ?? 0);
    }
    snapshot.values.push(values);
    snapshot.formulas.push(formulas);
    snapshot.numberFormats.push(formats);
    snapshot.bold!.push(bold);
    snapshot.indent!.push(indent);
  }
  for (let c = left; c <= right; c++) if (ws.getColumn(c).hidden) snapshot.hiddenColumns.push(c - 1);
  return snapshot;
}

export function snapshotFromWorkbook(wb: ExcelJS.Workbook, file?: string): WorkbookSnapshot {
  return { file, sheets: wb.worksheets.filter((ws) => ws.state !== "veryHidden").map(snapshotFromWorksheet) };
}

/** Read an .xlsx file from disk. Throws WorkbookReadError with a one-line reason. */
export async function readWorkbookFile(file: string): Promise<WorkbookSnapshot> {
  return snapshotFromWorkbook(await loadWorkbookFile(file), file);
}

/** Load an .xlsx file as an ExcelJS workbook (kept when the file is to be written back). */
export async function loadWorkbookFile(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.readFile(file);
  } catch (e) {
    const msg = (e as Error).message || String(e);
    if (/ENOENT|not found/i.test(msg)) throw new WorkbookReadError(file, "file not found");
    if (/EISDIR/.test(msg)) throw new WorkbookReadError(file, "is a directory, not an .xlsx file");
    if (/zip|central directory|signature|end of data/i.test(msg)) throw new WorkbookReadError(file, "not an .xlsx workbook (it is not a zip package)");
    throw new WorkbookReadError(file, `cannot be read as .xlsx: ${msg.split("\n")[0]}`);
  }
  return wb;
}

/** Read an .xlsx from bytes (browser fake host, tests). */
export async function readWorkbookBuffer(data: ArrayBuffer | Uint8Array, file?: string): Promise<WorkbookSnapshot> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as ArrayBuffer);
  return snapshotFromWorkbook(wb, file);
}
