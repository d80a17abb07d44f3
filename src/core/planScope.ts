/**
 * A write plan seen table by table: which table each planned cell belongs to, the plan restricted to the
 * tables the user checked or to the cells selected in Excel, exact counts of what a write will put in
 * the workbook (the same function counts the preview and the report, so they cannot differ), a preview
 * per table with each column's real header and one example formula, the plan cut into steps so the
 * progress bar moves, and the ranges that were written. Pure: no Office.js, no React.
 */
import { cellAddress, columnIndex, columnLetter, MergeArea, parseCellAddress, parseRangeAddress } from "./grid";
import { capaianFormula, CapaianLimits, CapaianMethod, CAPAIAN_METHODS, PercentConvention } from "./formulas";
import type { Message } from "./messages";
import { message } from "./messages";
import { columnAt, RecognisedTable, tableRange, WorkbookAnalysis } from "./recognise";
import { tableId } from "./sources";
import { groupRuns } from "./writeBatches";
import type { CellWrite, EmptyResult, FillOptions, SkippedCell, TextConversion, UnitReconciliation, WritePlan, WriteRole } from "./writePlan";

/** What a write carries to the workbook: the parts of a plan an adapter applies. */
export type PlanPart = Pick<WritePlan, "writes" | "appended" | "legend" | "merges" | "notes">;

/** All tables, the tables the user checked (by `tableKey`), or the cells selected in Excel. */
export type PlanScope = { kind: "all" } | { kind: "tables"; tables: string[] } | { kind: "selection"; sheet: string; range: string };

/** A table's identity across renders and rescans: "sheet!A5:H20". */
export const tableKey = (t: RecognisedTable): string => tableId(t);

/** The table whose rows (caption to last body row) hold this 0-based sheet row. */
export function tableAtRow(analysis: WorkbookAnalysis, sheet: string, row: number): RecognisedTable | undefined {
  const s = analysis.sheets.find((x) => x.name === sheet);
  return s?.tables.find((t) => row >= t.area.top && row <= t.area.bottom);
}

/** The table a planned cell belongs to (appended columns sit right of their table, on its rows). */
export function tableOfWrite(analysis: WorkbookAnalysis, w: Pick<CellWrite, "sheet" | "cell">): RecognisedTable | undefined {
  return tableAtRow(analysis, w.sheet, parseCellAddress(w.cell).row);
}

/** The analysis with only the named tables (sheets kept, in order, so the plan's legend and names stay put). */
export function onlyTables(analysis: WorkbookAnalysis, keys: readonly string[]): WorkbookAnalysis {
  const wanted = new Set(keys);
  return { ...analysis, sheets: analysis.sheets.map((s) => ({ ...s, tables: s.tables.filter((t) => wanted.has(tableKey(t))) })) };
}

/**
 * A selection's areas, 0-based, from Excel's address: "E5:H9", "E5", whole columns "E:F", whole rows
 * "5:9", several areas separated by commas; with or without the sheet name.
 */
export function selectionAreas(address: string): MergeArea[] {
  const bare = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  return bare.split(",").map((part) => {
    const ends = part.replace(/\$/g, "").trim().split(":").map((p) => {
      const m = /^([A-Za-z]{0,3})(\d*)$/.exec(p.trim());
      if (!m || (!m[1] && !m[2])) throw new Error(`not a range address: ${address}`);
      return { col: m[1] ? columnIndex(m[1]) : -1, row: m[2] ? parseInt(m[2], 10) - 1 : -1 };
    });
    const [p, q] = [ends[0], ends[1] ?? ends[0]];
    const rows = p.row >= 0 && q.row >= 0;
    const cols = p.col >= 0 && q.col >= 0;
    return {
      top: rows ? Math.min(p.row, q.row) : 0, bottom: rows ? Math.max(p.row, q.row) : MAX_ROW,
      left: cols ? Math.min(p.col, q.col) : 0, right: cols ? Math.max(p.col, q.col) : MAX_COL,
    };
  });
}
const MAX_ROW = 1_048_575;
const MAX_COL = 16_383;

/** The tables a selection on a sheet overlaps. */
export function tablesInSelection(analysis: WorkbookAnalysis, sheet: string, range: string): RecognisedTable[] {
  const areas = selectionAreas(range);
  const s = analysis.sheets.find((x) => x.name === sheet);
  return (s?.tables ?? []).filter((t) => areas.some((sel) => t.area.top <= sel.bottom && t.area.bottom >= sel.top && t.area.right >= sel.left && t.area.left <= sel.right));
}
const rightEdge = (t: RecognisedTable) => t.area.right;

/**
 * The plan for the cells selected in Excel, from the plan of the tables the selection touches: a
 * formula cell is kept when it lies inside the selection; the columns a table gets appended on its
 * right are kept on the selected rows when the selection reaches the table's last column. An appended
 * column's header cells go with it when any of its cells is kept. The legend describes those tables.
 */
export function restrictToSelection(plan: WritePlan, analysis: WorkbookAnalysis, sheet: string, range: string): WritePlan {
  const areas = selectionAreas(range);
  const appendedCols = new Set(plan.appended.filter((a) => a.sheet === sheet).map((a) => a.column));
  /** A column of one table (tables stacked on a sheet share column letters). */
  const columnOfTable = (cell: string) => {
    const t = tableAtRow(analysis, sheet, parseCellAddress(cell).row);
    return `${t ? tableKey(t) : "?"}|${columnOf(cell)}`;
  };
  const inside = (w: Pick<CellWrite, "sheet" | "cell">) => {
    if (w.sheet !== sheet) return false;
    const { row, col } = parseCellAddress(w.cell);
    const t = tableOfWrite(analysis, w);
    return areas.some((sel) => row >= sel.top && row <= sel.bottom && ((col >= sel.left && col <= sel.right) || (!!t && appendedCols.has(columnLetter(col)) && sel.right >= rightEdge(t) && sel.left <= rightEdge(t))));
  };
  const kept = plan.writes.filter((w) => w.role !== "header" && w.role !== "convert" && inside(w));
  // The numbers stored as text the kept formulas read are converted with them, wherever they sit.
  const read = new Set(kept.flatMap((w) => (w.inputs ?? []).map((c) => `${w.sheet}!${c}`)));
  const keptColumns = new Set(kept.map((w) => columnOfTable(w.cell)));
  const keptTables = new Set(kept.map((w) => tableOfWrite(analysis, w)).filter((t): t is RecognisedTable => !!t));
  const headerKept = (w: CellWrite) => w.sheet === sheet && appendedCols.has(columnOf(w.cell)) && keptColumns.has(columnOfTable(w.cell));
  const writes = plan.writes.filter((w) => (w.role === "header" ? headerKept(w) : w.role === "convert" ? read.has(`${w.sheet}!${w.cell}`) : inside(w)));
  const appended = plan.appended.filter((a) => a.sheet === sheet && [...keptTables].some((t) => (t.caption ?? tableRange(t)) === a.table && keptColumns.has(`${tableKey(t)}|${a.column}`)));
  const merges = plan.merges.filter((m) => {
    if (m.sheet !== sheet) return false;
    const a = parseRangeAddress(m.range);
    return keptColumns.has(columnOfTable(m.range.split(":")[0])) && areas.some((sel) => a.top >= sel.top && a.bottom <= sel.bottom);
  });
  const notes = plan.notes.filter((n) => n.sheet === sheet && keptColumns.has(columnOfTable(n.cell)));
  const skipped = plan.skipped.filter((x) => inside(x));
  const current = plan.current.filter((x) => inside(x));
  const empty = plan.empty.filter((x) => inside(x));
  const reconciled = plan.reconciled.filter((x) => inside(x));
  const textNumbers = plan.textNumbers.filter((x) => read.has(`${x.sheet}!${x.cell}`));
  return { ...plan, writes, appended, merges, notes, skipped, current, empty, reconciled, textNumbers, legend: kept.some((w) => w.formula) ? plan.legend : null };
}
const columnOf = (cell: string) => cell.replace(/\d+$/, "");

/**
 * What a write puts in the workbook, counted by distinct cell (a cell written twice is one cell, as
 * in Excel; a cell written empty is no cell): formulas, header cells of new columns (and their column
 * numbers), numbers converted from text, and the cells of the legend sheet. `cells` is their sum. The
 * preview shows these numbers and the report after writing counts the written plan with this same function.
 */
export interface PlanCounts {
  formulas: number;
  headers: number;
  conversions: number;
  legend: number;
  cells: number;
  /** Tables that get at least one formula. */
  tables: number;
}
const holdsSomething = (w: CellWrite) => !!w.formula || (w.value !== null && w.value !== undefined && w.value !== "");
const distinctCells = (writes: CellWrite[]) => {
  const last = new Map<string, CellWrite>();
  for (const w of writes) last.set(`${w.sheet}!${w.cell}`, w);
  return [...last.values()].filter(holdsSomething);
};
export function countPlan(part: PlanPart, analysis: WorkbookAnalysis): PlanCounts {
  const cells = distinctCells(part.writes);
  const tables = new Set<string>();
  let formulas = 0;
  let headers = 0;
  let conversions = 0;
  for (const w of cells) {
    if (w.formula) {
      formulas++;
      const t = tableOfWrite(analysis, w);
      if (t) tables.add(tableKey(t));
    } else if (w.role === "header") headers++;
    else if (w.role === "convert") conversions++;
  }
  const legend = distinctCells(part.legend?.writes ?? []).length;
  return { formulas, headers, conversions, legend, cells: cells.length + legend, tables: tables.size };
}

/** One column a table gets formulas in, with its real header and one example row. */
export interface PreviewColumn {
  column: string;
  /** The header as printed (existing column), or the header the plan writes (new column). */
  header: string;
  role: WriteRole;
  appended: boolean;
  cells: number;
  example: { cell: string; row: number; formula: string; value: number | string | null; inputs: string[]; words: Message };
}
export interface TablePreview {
  key: string;
  table: RecognisedTable;
  formulas: number;
  columns: PreviewColumn[];
  skipped: SkippedCell[];
  /** Formulas whose result is empty, with why; operands read ×100 to match units; numbers stored as text read. */
  empty: EmptyResult[];
  reconciled: UnitReconciliation[];
  textNumbers: TextConversion[];
}

/**
 * The plan per table, in workbook order: each column with formulas, its real header (for tables
 * stacked on one sheet each column is its own table's), how many cells, and the first row's formula
 * in Excel form and in words. Tables with neither formulas nor skipped cells are left out.
 */
export function previewByTable(plan: WritePlan, analysis: WorkbookAnalysis, options: Pick<FillOptions, "limits">): TablePreview[] {
  const byTable = new Map<string, TablePreview>();
  const order: RecognisedTable[] = analysis.sheets.flatMap((s) => s.tables);
  const entry = (t: RecognisedTable) => {
    const k = tableKey(t);
    let e = byTable.get(k);
    if (!e) byTable.set(k, (e = { key: k, table: t, formulas: 0, columns: [], skipped: [], empty: [], reconciled: [], textNumbers: [] }));
    return e;
  };
  for (const w of plan.writes) {
    if (!w.formula) continue;
    const t = tableOfWrite(analysis, w);
    if (!t) continue;
    const e = entry(t);
    e.formulas++;
    const column = columnOf(w.cell);
    let c = e.columns.find((x) => x.column === column);
    if (!c) {
      // A new column's header is the plan's header cell on this table's rows (stacked tables share letters).
      const appended = plan.writes.find((h) => h.role === "header" && h.sheet === w.sheet && columnOf(h.cell) === column && tableOfWrite(analysis, h) === t && typeof h.value === "string" && !/^\d+$/.test(h.value));
      const existing = columnAt(t, columnIndex(column));
      const header = (appended?.value as string | undefined) ?? existing?.headerPath.filter((p, i, all) => p && all.indexOf(p) === i).join(" › ") ?? existing?.header ?? column;
      const row = parseCellAddress(w.cell).row + 1;
      c = { column, header, role: w.role, appended: !!appended, cells: 0, example: { cell: w.cell, row, formula: w.formula, value: w.value, inputs: w.inputs ?? [], words: explainWrite(w, options.limits ?? {}) } };
      e.columns.push(c);
    }
    c.cells++;
  }
  const place = <T extends { sheet: string; cell: string }>(items: T[], list: (e: TablePreview) => T[]) => {
    for (const x of items) {
      const t = tableAtRow(analysis, x.sheet, parseCellAddress(x.cell).row);
      if (t) list(entry(t)).push(x);
    }
  };
  place(plan.skipped, (e) => e.skipped);
  place(plan.empty, (e) => e.empty);
  place(plan.reconciled, (e) => e.reconciled);
  place(plan.textNumbers, (e) => e.textNumbers);
  for (const e of byTable.values()) e.columns.sort((a, b) => columnIndex(a.column) - columnIndex(b.column));
  return order.map((t) => byTable.get(tableKey(t))).filter((e): e is TablePreview => !!e);
}

/** The capaian formula's method, found by rebuilding each candidate formula for the same cells. */
function capaianMethodOf(w: CellWrite, limits: CapaianLimits): { method: CapaianMethod | "rank" | "score"; percent: boolean } | null {
  if (!w.formula || !w.inputs || w.inputs.length !== 2) return null;
  if (/MATCH\(/.test(w.formula)) return { method: "rank", percent: /\*100/.test(w.formula) };
  if (/^=IFERROR\(/.test(w.formula)) return { method: "score", percent: /\*100/.test(w.formula) };
  const [t, r] = w.inputs;
  // An operand read ×100 to match the other's percent unit is the same method.
  const units = [{}, { target: 100 }, { realisasi: 100 }];
  for (const pc of ["number", "fraction"] as PercentConvention[])
    for (const m of Object.keys(CAPAIAN_METHODS) as CapaianMethod[])
      for (const u of units) if (capaianFormula(m, t, r, pc, limits, u) === w.formula) return { method: m, percent: pc === "number" };
  return null;
}

/** A planned formula in words, as a message code the phrase layer words in the user's language. */
export function explainWrite(w: CellWrite, limits: CapaianLimits = {}): Message {
  const i = w.inputs ?? [];
  switch (w.role) {
    case "capaian": {
      const m = capaianMethodOf(w, limits);
      if (m?.method === "rank") return message("explain-capaian-rank", { target: i[0], realisasi: i[1] });
      if (m?.method === "score") return message("explain-capaian-score", { target: i[0], realisasi: i[1] });
      if (m) return message("explain-capaian", { method: m.method, target: i[0], realisasi: i[1], percent: m.percent, limited: limits.cap != null || limits.floor != null });
      return message("explain-other", { role: w.role });
    }
    case "predikat":
      return message("explain-predikat", { capaian: i[0] ?? "" });
    case "serapan":
      return message("explain-serapan", { pagu: i[0] ?? "", realisasi: i[1] ?? "" });
    case "sisa_anggaran":
      return message("explain-sisa", { pagu: i[0] ?? "", realisasi: i[1] ?? "" });
    case "efisiensi":
      if (i.length === 1) return message("explain-efisiensi-sederhana", { serapan: i[0] });
      if (i.length === 4) return message("explain-efektivitas", { target: i[0], pagu: i[1], realisasi: i[2], realisasiAnggaran: i[3] });
      return message("explain-efisiensi-pmk214", { cells: i.length / 3 });
    case "nilai_efisiensi":
      return message("explain-nilai-efisiensi", { efisiensi: i[0] ?? "" });
    case "tingkat_kemajuan":
      return message("explain-tingkat-kemajuan", { targetAkhir: i[0] ?? "", realisasi: i[1] ?? "" });
    case "rata_rata_sasaran":
      return message("explain-rata-rata", { first: i[0] ?? "", last: i[i.length - 1] ?? "", cells: i.length });
    case "total":
      return message("explain-total", { first: i[0] ?? "", last: i[i.length - 1] ?? "", cells: i.length });
    default:
      return message("explain-other", { role: w.role });
  }
}

/**
 * The plan cut into steps of whole tables, so a long write shows progress as each step lands: at most
 * `maxSteps` steps of at least `minCells` cells. The legend travels with the last step, so it is written
 * only when every table was. Merges, notes and appended columns go with the step of their table.
 */
export function progressSteps(part: PlanPart, analysis: WorkbookAnalysis, maxSteps = 6, minCells = 300): PlanPart[] {
  const total = part.writes.length + (part.legend?.writes.length ?? 0);
  const size = Math.max(minCells, Math.ceil(total / maxSteps));
  const keyOf = (sheet: string, cell: string) => {
    const t = tableAtRow(analysis, sheet, parseCellAddress(cell).row);
    return t ? tableKey(t) : `${sheet}!?`;
  };
  const groups = new Map<string, CellWrite[]>();
  const stepKey = new Map<string, number>();
  for (const w of part.writes) {
    const k = keyOf(w.sheet, w.cell);
    const g = groups.get(k);
    if (g) g.push(w);
    else groups.set(k, [w]);
  }
  const steps: PlanPart[] = [];
  let current: CellWrite[] = [];
  const flush = () => {
    if (current.length) steps.push({ writes: current, appended: [], merges: [], notes: [], legend: null });
    current = [];
  };
  for (const [k, writes] of groups) {
    if (current.length && current.length + writes.length > size) flush();
    current = current.concat(writes);
    stepKey.set(k, steps.length);
  }
  flush();
  if (!steps.length) steps.push({ writes: [], appended: [], merges: [], notes: [], legend: null });
  const stepOf = (sheet: string, cell: string) => steps[stepKey.get(keyOf(sheet, cell)) ?? steps.length - 1];
  const nameOf = (w: CellWrite) => {
    const t = tableOfWrite(analysis, w);
    return t ? t.caption ?? tableRange(t) : null;
  };
  for (const a of part.appended) {
    const first = part.writes.find((w) => w.sheet === a.sheet && columnOf(w.cell) === a.column && nameOf(w) === a.table) ?? part.writes.find((w) => w.sheet === a.sheet && columnOf(w.cell) === a.column);
    (first ? stepOf(first.sheet, first.cell) : steps[steps.length - 1]).appended.push(a);
  }
  for (const m of part.merges ?? []) stepOf(m.sheet, m.range.split(":")[0]).merges!.push(m);
  for (const n of part.notes ?? []) {
    const first = part.writes.find((w) => w.sheet === n.sheet && columnOf(w.cell) === columnOf(n.cell));
    (first ? stepOf(first.sheet, first.cell) : steps[steps.length - 1]).notes!.push(n);
  }
  steps[steps.length - 1].legend = part.legend;
  return steps;
}

/** The cells a write filled, as ranges per sheet and table ("E5:E20"), for the pane's "see the written cells". */
export interface WrittenRange {
  sheet: string;
  address: string;
  cells: number;
  table: string | null;
}
export function writtenRanges(part: PlanPart, analysis: WorkbookAnalysis): WrittenRange[] {
  const out: WrittenRange[] = groupRuns(part.writes).map((r) => {
    const t = tableAtRow(analysis, r.sheet, r.top);
    return { sheet: r.sheet, address: r.address, cells: r.cells.length, table: t ? t.caption ?? tableRange(t) : null };
  });
  const sheetOrder = analysis.sheets.map((s) => s.name);
  out.sort((a, b) => sheetOrder.indexOf(a.sheet) - sheetOrder.indexOf(b.sheet) || parseRangeAddress(a.address).top - parseRangeAddress(b.address).top || parseRangeAddress(a.address).left - parseRangeAddress(b.address).left);
  if (part.legend?.writes.length) {
    const cells = part.legend.writes.map((w) => parseCellAddress(w.cell));
    const bottom = Math.max(...cells.map((c) => c.row));
    const right = Math.max(...cells.map((c) => c.col));
    out.push({ sheet: part.legend.sheet, address: `A1:${cellAddress(bottom, right)}`, cells: distinctCells(part.legend.writes).length, table: null });
  }
  return out;
}
