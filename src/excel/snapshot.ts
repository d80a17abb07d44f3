/**
 * Office.js → the core's workbook snapshot, in few round trips whatever the workbook's size:
 * 1. the sheet names; 2. each sheet's used range address and merged areas; 3… the cells (values, value
 *    types, formulas, number formats, bold / indent / hidden) in row blocks of all sheets together, each
 *    sync's response kept under Excel on the web's 5 MB limit. An ordinary report is 3 syncs.
 */
import { CellValue, MergeArea, parseRangeAddress, rangeAddress, SheetSnapshot, WorkbookSnapshot } from "../core/grid";

/** Cells per sync: ~100 bytes of response per cell (values, types, formulas, formats, properties) → ~3.5 MB. */
export const READ_BLOCK_CELLS = 35_000;

interface SheetPlan {
  name: string;
  area: MergeArea | null;
  merges: MergeArea[];
}
interface BlockRequest {
  sheet: number;
  top: number;
  range: Excel.Range;
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

  const visible = sheets.items.filter((ws) => ws.visibility !== "VeryHidden");
  const used = visible.map((ws) => {
    const u = ws.getUsedRangeOrNullObject(true);
    u.load("address");
    // office-js#3611: only merges whose top-left lies inside the queried range are returned,
    // which is why the whole used range is queried and not a part of it.
    const merged = u.getMergedAreasOrNullObject();
    merged.load("areas/items/address");
    return { ws, u, merged };
  });
  await context.sync();
  const plans: SheetPlan[] = used.map(({ ws, u, merged }) => ({
    name: ws.name,
    area: u.isNullObject ? null : parseRangeAddress(u.address),
    merges: merged.isNullObject ? [] : merged.areas.items.map((a) => parseRangeAddress(a.address)),
  }));

  // Row blocks of every sheet, packed into syncs of at most READ_BLOCK_CELLS cells.
  const blocks: { sheet: number; top: number; bottom: number; cells: number }[] = [];
  plans.forEach((p, i) => {
    if (!p.area) return;
    const width = p.area.right - p.area.left + 1;
    const rowsPerBlock = Math.max(1, Math.floor(READ_BLOCK_CELLS / width));
    for (let top = p.area.top; top <= p.area.bottom; top += rowsPerBlock) {
      const bottom = Math.min(p.area.bottom, top + rowsPerBlock - 1);
      blocks.push({ sheet: i, top, bottom, cells: (bottom - top + 1) * width });
    }
  });
  const done: BlockRequest[] = [];
  let queued = 0;
  for (let b = 0; b < blocks.length; b++) {
    const block = blocks[b];
    const p = plans[block.sheet];
    const range = visible[block.sheet].getRange(rangeAddress(block.top, p.area!.left, block.bottom, p.area!.right));
    range.load("values,valueTypes,formulas,numberFormat");
    const props = range.getCellProperties({ hidden: true, format: { font: { bold: true }, indentLevel: true } });
    done.push({ sheet: block.sheet, top: block.top, range, props });
    queued += block.cells;
    if (b === blocks.length - 1 || queued + blocks[b + 1].cells > READ_BLOCK_CELLS) {
      await context.sync();
      queued = 0;
    }
  }
  return { sheets: plans.map((p, i) => toSheetSnapshot(p, done.filter((d) => d.sheet === i))) };
}

function toSheetSnapshot(plan: SheetPlan, blocks: BlockRequest[]): SheetSnapshot {
  const snapshot: SheetSnapshot = { name: plan.name, top: plan.area?.top ?? 0, left: plan.area?.left ?? 0, values: [], formulas: [], numberFormats: [], bold: [], indent: [], merges: plan.merges, hiddenRows: [], hiddenColumns: [] };
  const columnHidden: boolean[] = [];
  for (const { range: u, props: p } of blocks) {
    const props = p.value;
    u.values.forEach((row, r) => {
      snapshot.values.push(row.map((v, c) => toCellValue(v, u.valueTypes[r][c])));
      snapshot.formulas.push(u.formulas[r].map((f) => (typeof f === "string" && f.startsWith("=") ? f : null)));
      snapshot.numberFormats.push(u.numberFormat[r].map((f) => (f === "General" ? null : String(f))));
      snapshot.bold!.push(props[r].map((x) => !!x.format?.font?.bold));
      snapshot.indent!.push(props[r].map((x) => x.format?.indentLevel ?? 0));
      if (props[r].length && props[r].every((x) => x.hidden)) snapshot.hiddenRows.push(snapshot.top + snapshot.values.length - 1);
      props[r].forEach((x, c) => (columnHidden[c] = (columnHidden[c] ?? true) && !!x.hidden));
    });
  }
  columnHidden.forEach((h, c) => h && snapshot.hiddenColumns.push(snapshot.left + c));
  return snapshot;
}
