/**
 * Office.js → the core's workbook snapshot, in few round trips whatever the workbook's size:
 * 1. the sheet names; 2. each sheet's used range address and merged areas; 3… the cells (values, value
 *    types, formulas, number formats, bold / indent / hidden) in row blocks of all sheets together, each
 *    sync's response aimed at 3 MB, under Excel on the web's 5 MB limit. A report of up to 8,000 cells
 *    is 3 syncs.
 */
import { CellContent, CellValue, MergeArea, parseRangeAddress, rangeAddress, SheetSnapshot, WorkbookSnapshot } from "../core/grid";

/** Response bytes aimed at per sync, under Excel on the web's 5 MB. */
export const READ_RESPONSE_BYTES = 3_000_000;
/** The first sync's cells: even at ~400 bytes per cell (long nomenclature texts) it stays under the aim. */
export const FIRST_BLOCK_CELLS = 8_000;
const MAX_BLOCK_CELLS = 200_000;

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

/**
 * A cell as Office.js reports it → the core's value. Only an "Empty" cell is null: a zero-length text (a
 * lone apostrophe typed in the cell) stays "", content the user put there (see Grid.isVacant).
 */
export function toCellValue(value: unknown, type: Excel.RangeValueType | string): CellValue {
  if (type === "Empty" || value === null || value === undefined) return null;
  if (value === "") return type === "String" ? "" : null;
  if (type === "Error") return { error: String(value) };
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  return String(value);
}

/** The formula of a cell as Office.js reports it; a text constant that starts with "=" is not one (its value is the same text). */
export function formulaOf(formula: unknown, value: unknown): string | null {
  return typeof formula === "string" && formula.startsWith("=") && formula !== value ? formula : null;
}

/** A cell's content as the scan reads it (value and formula), or null for a vacant cell. */
export function officeContent(formula: unknown, value: unknown, type: string): CellContent | null {
  const c = { value: toCellValue(value, type), formula: formulaOf(formula, value) };
  return c.value === null && c.formula === null ? null : c;
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

  // Row blocks of every sheet, as many per sync as the response budget allows. The first sync takes a
  // cautious number of cells; later ones are sized from the bytes per cell actually received.
  const done: BlockRequest[] = [];
  let sheet = plans.findIndex((p) => p.area);
  let row = sheet >= 0 ? plans[sheet].area!.top : 0;
  let budget = FIRST_BLOCK_CELLS;
  while (sheet >= 0 && sheet < plans.length) {
    const batch: BlockRequest[] = [];
    let cells = 0;
    while (sheet < plans.length && cells < budget) {
      const a = plans[sheet].area!;
      const width = a.right - a.left + 1;
      const rows = Math.max(1, Math.min(a.bottom - row + 1, Math.floor((budget - cells) / width)));
      const range = visible[sheet].getRange(rangeAddress(row, a.left, row + rows - 1, a.right));
      range.load("values,valueTypes,formulas,numberFormat");
      const props = range.getCellProperties({ hidden: true, format: { font: { bold: true }, indentLevel: true } });
      batch.push({ sheet, top: row, range, props });
      cells += rows * width;
      row += rows;
      if (row > a.bottom) {
        do sheet++;
        while (sheet < plans.length && !plans[sheet].area);
        if (sheet < plans.length) row = plans[sheet].area!.top;
      }
    }
    await context.sync();
    done.push(...batch);
    const bytes = batch.reduce((n, b) => n + responseBytes(b), 0);
    budget = Math.max(1_000, Math.min(MAX_BLOCK_CELLS, Math.floor((READ_RESPONSE_BYTES / Math.max(1, bytes)) * cells)));
  }
  return { sheets: plans.map((p, i) => toSheetSnapshot(p, done.filter((d) => d.sheet === i))) };
}

/** What a block's response weighed (its JSON), to size the next sync. */
function responseBytes(b: BlockRequest): number {
  return JSON.stringify([b.range.values, b.range.valueTypes, b.range.formulas, b.range.numberFormat, b.props.value]).length;
}

function toSheetSnapshot(plan: SheetPlan, blocks: BlockRequest[]): SheetSnapshot {
  const snapshot: SheetSnapshot = { name: plan.name, top: plan.area?.top ?? 0, left: plan.area?.left ?? 0, values: [], formulas: [], numberFormats: [], bold: [], indent: [], merges: plan.merges, hiddenRows: [], hiddenColumns: [] };
  const columnHidden: boolean[] = [];
  for (const { range: u, props: p } of blocks) {
    const props = p.value;
    u.values.forEach((row, r) => {
      snapshot.values.push(row.map((v, c) => toCellValue(v, u.valueTypes[r][c])));
      snapshot.formulas.push(u.formulas[r].map((f, c) => formulaOf(f, u.values[r][c])));
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
