/**
 * Office.js → the core's workbook snapshot. Two round trips whatever the workbook's size:
 * 1. the sheet names; 2. for every sheet at once, the used range's values, value types, formulas,
 *    number formats, merged areas and per-cell bold / indent / hidden.
 */
import { CellValue, MergeArea, parseRangeAddress, SheetSnapshot, WorkbookSnapshot } from "../core/grid";

interface SheetRequest {
  name: string;
  used: Excel.Range;
  merged: Excel.RangeAreas;
  props: OfficeExtension.ClientResult<Excel.CellProperties[][]>;
}

function toCellValue(value: unknown, type: Excel.RangeValueType | string): CellValue {
  if (type === "Empty" || value === "" || value === null || value === undefined) return null;
  if (type === "Error") return { error: String(value) };
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  return String(value);
}

export async function readWorkbookSnapshot(context: Excel.RequestContext): Promise<WorkbookSnapshot> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name,items/visibility");
  await context.sync();
  const requests: SheetRequest[] = [];
  for (const ws of sheets.items) {
    if (ws.visibility === "VeryHidden") continue;
    const used = ws.getUsedRangeOrNullObject(true);
    used.load("address,rowIndex,columnIndex,values,valueTypes,formulas,numberFormat");
    // office-js#3611: only merges whose top-left lies inside the queried range are returned,
    // which is why the whole used range is queried and not a part of it.
    const merged = used.getMergedAreasOrNullObject();
    merged.load("areas/items/address");
    const props = used.getCellProperties({ hidden: true, format: { font: { bold: true }, indentLevel: true } });
    requests.push({ name: ws.name, used, merged, props });
  }
  await context.sync();
  return { sheets: requests.map(toSheetSnapshot) };
}

function toSheetSnapshot(req: SheetRequest): SheetSnapshot {
  const empty: SheetSnapshot = { name: req.name, top: 0, left: 0, values: [], formulas: [], numberFormats: [], merges: [], hiddenRows: [], hiddenColumns: [] };
  if (req.used.isNullObject) return empty;
  const u = req.used;
  const merges: MergeArea[] = req.merged.isNullObject ? [] : req.merged.areas.items.map((a) => parseRangeAddress(a.address));
  const props = req.props.value;
  const values = u.values.map((row, r) => row.map((v, c) => toCellValue(v, u.valueTypes[r][c])));
  const formulas = u.formulas.map((row) => row.map((f) => (typeof f === "string" && f.startsWith("=") ? f : null)));
  const numberFormats = u.numberFormat.map((row) => row.map((f) => (f === "General" ? null : String(f))));
  const bold = props.map((row) => row.map((p) => !!p.format?.font?.bold));
  const indent = props.map((row) => row.map((p) => p.format?.indentLevel ?? 0));
  const hiddenRows: number[] = [];
  props.forEach((row, r) => {
    if (row.length && row.every((p) => p.hidden)) hiddenRows.push(u.rowIndex + r);
  });
  const hiddenColumns: number[] = [];
  (props[0] ?? []).forEach((_, c) => {
    if (props.every((row) => row[c]?.hidden)) hiddenColumns.push(u.columnIndex + c);
  });
  return { name: req.name, top: u.rowIndex, left: u.columnIndex, values, formulas, numberFormats, bold, indent, merges, hiddenRows, hiddenColumns };
}
