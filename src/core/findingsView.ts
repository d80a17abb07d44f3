/**
 * The audit's findings placed in the workbook for a reader: the table and the indicator each one
 * concerns, in natural sheet-and-row order ("3.2" before "3.10"), and the findings sheet "Ekspor temuan"
 * writes (a link to each cell, typed, expected, reason). Pure; the words of the sheet come from the
 * caller (the phrase layer), so the core stays language-free.
 */
import { Grid, parseCellAddress, WorkbookSnapshot } from "./grid";
import type { Finding } from "./audit";
import { RecognisedTable, tableRange, WorkbookAnalysis } from "./recognise";
import { tableAtRow, tableKey } from "./planScope";
import { areaAddress, generatedMark, generatedSheetName, SheetSpec, SpecBuilder } from "./sheetSpec";

/**
 * A finding as the audit gives it; `table` and `indicator` are filled by the audit when it knows them
 * (else derived here from the analysis).
 */
export type AuditFinding = Omit<Finding, "table" | "indicator"> & { table?: string | null; indicator?: string | null };

export interface PlacedFinding extends AuditFinding {
  /** 0-based position of the cell. */
  row: number;
  col: number;
  /** The table's key ("sheet!A5:H20") and caption ("Tabel 3.4"), when the cell is inside a table. */
  tableKey: string | null;
  table: string | null;
  indicator: string | null;
}

const natural = new Intl.Collator("id", { numeric: true, sensitivity: "base" });

/** "Tabel 3.2" < "Tabel 3.10" < "Tabel 3.12": text with its numbers compared as numbers. */
export function naturalCompare(a: string, b: string): number {
  return natural.compare(a, b);
}

/** Columns that name a row, most specific first. */
const NAMING = ["indikator", "nomenklatur", "subkegiatan", "kegiatan", "program", "sasaran", "tujuan"];

/** The indicator (or program/kegiatan/sasaran name) on a table's row, as the sheet shows it. */
function indicatorOf(g: Grid, t: RecognisedTable, row: number): string | null {
  const r = t.rows.find((x) => x.row === row);
  if (r?.indicator) return r.indicator;
  const col = NAMING.map((role) => t.columns.find((c) => c.role === role)).find((c) => c !== undefined);
  if (!col) return null;
  const m = g.merge(row, col.col);
  const text = g.text(m ? m.top : row, m ? m.left : col.col).trim();
  return text || null;
}

/** Each finding with its table and indicator, sorted by sheet (natural order), row and column. */
export function placeFindings(findings: AuditFinding[], snapshot: WorkbookSnapshot, analysis: WorkbookAnalysis): PlacedFinding[] {
  const grids = new Map(snapshot.sheets.map((s) => [s.name, new Grid(s)]));
  const placed = findings.map((f): PlacedFinding => {
    const { row, col } = parseCellAddress(f.cell);
    const t = tableAtRow(analysis, f.sheet, row);
    const g = grids.get(f.sheet);
    return {
      ...f,
      row,
      col,
      tableKey: t ? tableKey(t) : null,
      table: f.table ?? (t ? t.caption ?? tableRange(t) : null),
      indicator: f.indicator ?? (t && g ? indicatorOf(g, t, row) : null),
    };
  });
  return placed.sort((a, b) => naturalCompare(a.sheet, b.sheet) || a.row - b.row || a.col - b.col);
}

/** Findings of one table, in order: what the pane lists under each table's heading. */
export function groupByTable(placed: PlacedFinding[]): { tableKey: string | null; table: string | null; sheet: string; findings: PlacedFinding[] }[] {
  const groups: { tableKey: string | null; table: string | null; sheet: string; findings: PlacedFinding[] }[] = [];
  for (const f of placed) {
    const last = groups[groups.length - 1];
    if (last && last.tableKey === f.tableKey && last.sheet === f.sheet) last.findings.push(f);
    else groups.push({ tableKey: f.tableKey, table: f.table, sheet: f.sheet, findings: [f] });
  }
  return groups;
}

/** The words of the findings sheet, in the user's language (from the phrase layer). */
export interface FindingsSheetWords {
  sheetName: string;
  title: string;
  /** "Dibaca ulang dari buku kerja pada …" */
  readAt: string;
  headers: { no: string; cell: string; table: string; indicator: string; typed: string; expected: string; reason: string; detail: string };
  /** The reason and the detail of a finding in words. */
  reason: (f: PlacedFinding) => string;
  detail: (f: PlacedFinding) => string;
  none: string;
}

export const FINDINGS_KIND = "temuan-pemeriksaan";
const WIDTHS = [5, 16, 22, 40, 14, 14, 28, 48];

/** `=HYPERLINK("#'Sheet'!E5","Sheet!E5")`: a link to the cell that works in Excel 2010 and later. */
export function cellLink(sheet: string, cell: string): { formula: string; text: string } {
  const quotedSheet = `'${sheet.replace(/'/g, "''")}'`;
  const target = `#${quotedSheet}!${cell}`.replace(/"/g, '""');
  const text = `${sheet}!${cell}`;
  return { formula: `=HYPERLINK("${target}","${text.replace(/"/g, '""')}")`, text };
}

/**
 * The findings sheet: a title, when the workbook was read, then one row per finding — No, a link to
 * the cell, table, indicator, typed, expected, reason, detail. Printed A4 landscape, one page wide, the
 * header row repeated. Typed and expected numbers stay numbers; every text copied from a cell is text.
 */
export function findingsSheet(snapshot: WorkbookSnapshot, placed: PlacedFinding[], words: FindingsSheetWords): SheetSpec {
  const { name, replaces } = generatedSheetName(snapshot, words.sheetName, FINDINGS_KIND);
  const b = new SpecBuilder();
  const last = WIDTHS.length - 1;
  b.text(0, 0, words.title, { bold: true, size: 13 });
  b.text(1, 0, words.readAt, { italic: true });
  b.text(0, last + 2, generatedMark(FINDINGS_KIND), { color: "#808080", size: 8 });
  const h = words.headers;
  const headerRow = 3;
  [h.no, h.cell, h.table, h.indicator, h.typed, h.expected, h.reason, h.detail].forEach((text, col) =>
    b.text(headerRow, col, text, { bold: true, border: true, fill: "#D9E1F2", wrap: true, valign: "middle", align: "center" }),
  );
  let r = headerRow + 1;
  if (!placed.length) b.text(r++, 0, words.none, { italic: true });
  placed.forEach((f, i) => {
    const cellStyle = { border: true, valign: "top" as const, wrap: true };
    const link = cellLink(f.sheet, f.cell);
    b.text(r, 0, i + 1, { ...cellStyle, align: "center" });
    b.formula(r, 1, link.formula, link.text, { ...cellStyle, color: "#0563C1", underline: true });
    b.text(r, 2, f.table ?? "", cellStyle);
    b.text(r, 3, f.indicator ?? "", cellStyle);
    // Typed and expected values: numbers stay numbers; text (a typed formula too) is written as text.
    b.text(r, 4, f.typed ?? null, { ...cellStyle, align: "right", numberFormat: typeof f.typed === "number" ? "#,##0.00" : undefined });
    b.text(r, 5, f.expected ?? null, { ...cellStyle, align: "right", numberFormat: typeof f.expected === "number" ? "#,##0.00" : undefined });
    b.text(r, 6, words.reason(f), cellStyle);
    b.text(r, 7, words.detail(f), cellStyle);
    r++;
  });
  b.fitHeights(WIDTHS);
  return b.build({
    kind: FINDINGS_KIND,
    name,
    replaces,
    widths: WIDTHS,
    freeze: { rows: headerRow + 1, columns: 0 },
    print: { orientation: "landscape", area: areaAddress(Math.max(r - 1, headerRow), last), titleRows: `${headerRow + 1}:${headerRow + 1}`, breaksBefore: [] },
    conditional: [],
    notes: [],
  });
}
