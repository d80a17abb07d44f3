/**
 * Recognition of every table on every sheet, in visible stages (src/core/recognition):
 *   1. band.ts       the header band (labels, spans, number row, unit row), from structure;
 *   2. body.ts       the body rows and their kinds, to where the table ends;
 *   3. candidates.ts role candidates from header words;
 *   4. resolve.ts    table-level resolution with relations, siblings, figures, groups, forms (5. forms.ts),
 *                    ending in the pairings of computed columns with their operands and a confidence;
 *   then rows.ts     hierarchy levels, data/group rows and polarity.
 * Sheets the add-in generated itself (legend, Rencana Aksi, Perjanjian Kinerja) are not read as input.
 */
import { columnLetter, Grid, SheetSnapshot, WorkbookSnapshot } from "./grid";
import { message, Message } from "./messages";
import { Numeral } from "./numerals";
import { MEASURE_ROLES } from "./roles";
import { classifyFamily } from "./family";
import { CAPTION_RE, detectHeaderBand, findCaption, headerPaths, HeaderBand, isHeaderStart, isNumberingText, unitOf } from "./recognition/band";
import { scanBody } from "./recognition/body";
import { readHeader } from "./recognition/candidates";
import { readColumnFigures } from "./recognition/figures";
import { resolveTable } from "./recognition/resolve";
import { pairTable } from "./recognition/pairings";
import { assignLevelsAndKinds, assignPolarity, firstColumn, LevelledRow, NAME_ORDER } from "./recognition/rows";
import type { RecognisedColumn, RecognisedRow, RecognisedTable, SheetAnalysis, WorkbookAnalysis } from "./recognition/types";

export type { ColumnRelation, ComputedMeasure, Pairing, RecognisedColumn, RecognisedRow, RecognisedTable, RowKind, SheetAnalysis, WorkbookAnalysis } from "./recognition/types";
export { columnAt, tableRange } from "./recognition/types";

/** Row-1 markers of sheets the add-in generates; such sheets are output, never input. */
const GENERATED_MARKERS = [/^Keterangan Rumus — dibuat oleh add-in LKIP$/, /^lkip:(rencana-aksi|perjanjian-kinerja)\b/i, /dibuat oleh add-in LKIP/i];

export function isGeneratedSheet(snapshot: SheetSnapshot): boolean {
  const g = new Grid(snapshot);
  for (let c = g.left; c <= Math.min(g.right, g.left + 60); c++) {
    const t = g.text(g.top, c);
    if (t && GENERATED_MARKERS.some((re) => re.test(t))) return true;
  }
  return false;
}

export function recogniseWorkbook(wb: WorkbookSnapshot): WorkbookAnalysis {
  return { file: wb.file, sheets: wb.sheets.map((s) => ({ name: s.name, tables: isGeneratedSheet(s) ? [] : recogniseSheet(s) })) };
}

export function recogniseSheet(snapshot: SheetSnapshot): RecognisedTable[] {
  const strips = sideBySideStrips(new Grid(snapshot));
  if (!strips) return recogniseStrip(snapshot);
  return strips
    .flatMap((s) => recogniseStrip(stripSnapshot(snapshot, s.left, s.right)))
    .sort((a, b) => a.area.top - b.area.top || a.area.left - b.area.left);
}

/**
 * Tables side by side with their headers at different rows (an indicator table at A5 beside a budget table whose
 * header starts at I3) cannot be one table: the sheet is read as vertical strips cut at blank columns. Strips whose
 * headers start on the same row stay one reading (a spacer column inside a table pasted from PDF is not a cut).
 * A column is blank when no cell holds anything but a title merged over it from a row holding one text only.
 * Returns the strips (absolute columns) or null when the sheet reads whole.
 */
function sideBySideStrips(g: Grid): { left: number; right: number }[] | null {
  if (g.right - g.left < 4) return null;
  const byCaptions = captionCuts(g);
  if (byCaptions) return byCaptions;
  // Which columns hold anything, read from the snapshot's rows directly (this runs on every sheet).
  const used = new Array<boolean>(g.right - g.left + 1).fill(false);
  const values = g.snapshot.values;
  for (let i = 0; i < values.length; i++) {
    const row = values[i];
    let filled = 0;
    for (let j = 0; j < row.length; j++) {
      const v = row[j];
      if (v === null || v === undefined || v === "") continue;
      used[j] = true;
      filled++;
    }
    if (filled < 2) continue;
    // A merge in a row with several texts ties its columns together.
    const r = g.top + i;
    for (let j = 0; j < row.length; j++) {
      const v = row[j];
      const m = v === null || v === undefined || v === "" ? undefined : g.merge(r, g.left + j);
      if (m) for (let k = m.left; k <= m.right; k++) used[k - g.left] = true;
    }
  }
  const strips: { left: number; right: number }[] = [];
  for (let c = g.left; c <= g.right; c++) {
    if (!used[c - g.left]) continue;
    const last = strips[strips.length - 1];
    if (last && last.right === c - 1) last.right = c;
    else strips.push({ left: c, right: c });
  }
  if (strips.length < 2) return null;
  const headerTops = strips.map((s) => {
    const sg = new Grid(stripSnapshot(g.snapshot, s.left, s.right));
    for (let r = sg.top; r <= sg.bottom; r++) if (isHeaderStart(sg, r) && detectHeaderBand(sg, r)) return r;
    return null;
  });
  const tops = headerTops.filter((t): t is number => t !== null);
  if (tops.length < 2 || new Set(tops).size === 1) return null;
  // Strips without a header of their own (notes, a "No" column) join their left neighbour.
  const out: { left: number; right: number }[] = [];
  strips.forEach((s, i) => {
    if (headerTops[i] === null && out.length) out[out.length - 1].right = s.right;
    else out.push({ ...s });
  });
  return out.length >= 2 ? out : null;
}

/**
 * Tables side by side without a blank column between them, each under its own caption on one row ("Tabel 3.1 …"
 * at A1, "Tabel 3.2 …" at F1), and a header right below whose labels start again at each caption's column: the
 * sheet is cut before each later caption. Returns the strips or null.
 */
function captionCuts(g: Grid): { left: number; right: number }[] | null {
  const label = (r: number, c: number) => r <= g.bottom && typeof g.value(r, c) === "string" && g.text(r, c).length <= 80;
  for (let r = g.top; r <= Math.min(g.bottom, g.top + 400); r++) {
    const row = g.snapshot.values[r - g.top] ?? [];
    // Two captions on one row at least: count texts starting with "Tabel" before reading any closer.
    let maybe = 0;
    for (const v of row) if (typeof v === "string" && /^\s*tabel/i.test(v) && ++maybe === 2) break;
    if (maybe < 2) continue;
    const captions = g.filledColumns(r).filter((c) => CAPTION_RE.test(g.text(r, c)));
    if (captions.length < 2) continue;
    // Each later caption's column opens a table: a header label there within three rows below, a label of the
    // previous table's header in the column left of it, and no merge across the two.
    const below = [r + 1, r + 2, r + 3];
    const cuts = captions.slice(1).filter((c) => c - 1 >= g.left && below.some((k) => label(k, c) && !g.merge(k, c)) && below.some((k) => label(k, c - 1)));
    if (!cuts.length) continue;
    const edges = [g.left, ...cuts];
    return edges.map((left, i) => ({ left, right: i + 1 < edges.length ? edges[i + 1] - 1 : g.right }));
  }
  return null;
}

/** The part of a sheet between two columns (absolute, inclusive), positions unchanged. */
function stripSnapshot(s: SheetSnapshot, left: number, right: number): SheetSnapshot {
  const a = left - s.left;
  const b = right - s.left + 1;
  const cut = <T>(rows: T[][] | undefined) => rows?.map((row) => row.slice(a, b));
  return {
    ...s,
    left,
    values: cut(s.values)!,
    formulas: cut(s.formulas)!,
    numberFormats: cut(s.numberFormats)!,
    bold: cut(s.bold),
    indent: cut(s.indent),
    merges: s.merges.filter((m) => m.left >= left && m.right <= right),
    hiddenColumns: s.hiddenColumns.filter((c) => c >= left && c <= right),
  };
}

function recogniseStrip(snapshot: SheetSnapshot): RecognisedTable[] {
  const g = new Grid(snapshot);
  const tables: RecognisedTable[] = [];
  let floor = g.top;
  for (let r = g.top; r <= g.bottom; r++) {
    const band = detectHeaderBand(g, r);
    if (!band) continue;
    const table = buildTable(g, band, floor);
    tables.push(table);
    r = Math.max(table.body.bottom, band.bottom);
    floor = r + 1;
  }
  return tables;
}

function buildTable(g: Grid, band: HeaderBand, floor: number): RecognisedTable {
  const cap = findCaption(g, band, floor);
  const paths = headerPaths(band);
  const readings = paths.map((p, i) => readHeader(p, unitOf(g, band, band.left + i)));
  const expected = new Map<number, "number" | "text">();
  readings.forEach((rd, i) => {
    if (MEASURE_ROLES.has(rd.role as never) || rd.role === "ratio") expected.set(band.left + i, "number");
    else if (rd.role !== "other" && rd.role !== "no") expected.set(band.left + i, "text");
  });
  const bodyRows: LevelledRow[] = scanBody(g, band, paths, expected);
  const figureRows = bodyRows.filter((b) => b.kind === undefined || b.kind === "total").map((b) => b.row);
  const resolution = resolveTable(g, band, readings, paths, figureRows);
  const { columns } = resolution;
  const warnings: Message[] = [...resolution.warnings];

  assignLevelsAndKinds(g, columns, bodyRows);
  refineNames(g, columns, bodyRows);
  const figures = readFigures(g, columns, bodyRows.filter((b) => b.kind === "data" || b.kind === "group" || b.kind === "total").map((b) => b.row), warnings);
  assignPolarity(g, columns, bodyRows, figures);

  for (const c of columns) {
    if (c.headerPath.length === 0 && c.role === "other") warnings.push(message("header-no-text", { at: { sheet: g.name, row: band.top, col: c.col }, column: c.col }));
    if (g.isHiddenColumn(c.col)) warnings.push(message("column-hidden", { sheet: g.name, col: c.col }));
  }
  const hidden = bodyRows.filter((b) => g.isHiddenRow(b.row)).map((b) => b.row);
  if (hidden.length) warnings.push(message("rows-hidden", { sheet: g.name, rows: hidden }));
  duplicateRoles(g.name, columns, warnings);
  const pairings = pairTable(g, { columns, relations: resolution.relations, rows: bodyRows.map((b) => ({ row: b.row, kind: b.kind ?? "data", level: b.level ?? null, evidence: null })) });
  for (const p of pairings.filter((x) => x.status === "needs-confirmation")) {
    warnings.push(message("pairing-needs-confirmation", { sheet: g.name, measure: p.measure, output: p.output, numerator: p.numerator, denominator: p.denominator, confidence: p.confidence }));
  }
  const rows: RecognisedRow[] = bodyRows.map((b) => ({
    row: b.row,
    kind: b.kind ?? "data",
    level: b.level ?? null,
    polarity: b.polarity?.polarity,
    polarityReason: b.polarity?.explanation,
    indicator: b.indicator,
    polarityBasis: b.polarity?.reason,
    polarityConfidence: b.polarity?.confidence,
    evidence: b.evidence ?? null,
  }));
  const family = classifyFamily(columns, rows.filter((b) => b.kind === "data").length);
  if (columns.some((c) => c.role === "target") && columns.some((c) => c.role === "realisasi") && !columns.some((c) => c.role === "capaian") && family.family !== "renstra-targets") {
    warnings.push(message("capaian-can-be-added", { sheet: g.name }));
  }
  const lastRow = rows.length ? rows[rows.length - 1].row : band.bottom;
  const bodyTop = rows.length ? rows[0].row : band.bottom + 1;
  return {
    sheet: g.name,
    caption: cap.caption,
    title: cap.title,
    family: family.family,
    familyReason: family.reason,
    form: resolution.form ? { id: resolution.form.id, confidence: resolution.form.confidence } : null,
    area: { top: Math.min(cap.firstRow, band.top), left: band.left, bottom: Math.max(lastRow, band.bottom), right: band.right },
    header: { top: band.top, bottom: band.bottom },
    numberRow: band.numberRow,
    unitRow: band.unitRow,
    relations: resolution.relations,
    body: { top: bodyTop, bottom: Math.max(lastRow, bodyTop) },
    columns,
    rows,
    pairings,
    warnings,
  };
}

/** Name columns the rows reveal: a numbering column without a header; one name column holding several levels. */
function refineNames(g: Grid, columns: RecognisedColumn[], rows: LevelledRow[]): void {
  const dataRows = rows.filter((b) => b.kind === "data" || b.kind === "group" || b.kind === "total").map((b) => b.row);
  for (const c of columns) {
    if (c.headerPath.length === 0 && c.role === "other" && mostly(g, c.col, dataRows, isNumberingText)) {
      c.role = "no";
      c.evidence = [message("evidence-numbering-column", {})];
    }
    if (c.role === "pembanding" && mostly(g, c.col, dataRows, (t) => !/\d/.test(t))) {
      c.role = "other";
      c.evidence.unshift(message("evidence-names-not-figures", {}));
    }
    if (c.role === "capaian" && mostly(g, c.col, dataRows, (t) => RATING_WORDS.test(t))) {
      c.role = "predikat";
      c.evidence.unshift(message("evidence-rating-words", {}));
    }
  }
  const levels = new Set(rows.map((b) => b.level).filter((l) => l === "program" || l === "kegiatan" || l === "subkegiatan"));
  const nameCol = firstColumn(columns, ["subkegiatan", "kegiatan", "program"]);
  if (nameCol && levels.size >= 2 && !columns.some((c) => c !== nameCol && NAME_ORDER.includes(c.role))) {
    nameCol.evidence.push(message("evidence-several-levels", { levels: [...levels] as string[] }));
    nameCol.role = "nomenklatur";
  }
}

const RATING_WORDS = /^(sangat\s+)?(tinggi|rendah|sedang|baik|kurang|cukup)\b|^(tidak\s+)?tercapai\b|^melebihi\b|^sesuai\b/i;

/** Most filled cells of a column pass the test. */
function mostly(g: Grid, col: number, rows: number[], test: (text: string) => boolean): boolean {
  const texts = rows.map((r) => g.text(r, col)).filter(Boolean);
  return texts.length > 0 && texts.filter(test).length > texts.length / 2;
}

function duplicateRoles(sheet: string, columns: RecognisedColumn[], warnings: Message[]) {
  const seen = new Map<string, number>();
  for (const c of columns) {
    if (!MEASURE_ROLES.has(c.role) || c.scope) continue;
    // Columns under different group labels ("Belanja Pegawai › Anggaran", "Belanja Modal › Anggaran") are not duplicates.
    const key = `${c.role}|${c.year}|${c.period}|${c.measure}|${c.group ? `${c.group.row}:${c.group.left}` : ""}`;
    if (seen.has(key)) warnings.push(message("duplicate-role", { sheet, cols: [seen.get(key)!, c.col], role: c.role, year: c.year }));
    else seen.set(key, c.col);
  }
}

/** Read the figure columns' numerals together; report what cannot be read. Figures by column, then row. */
function readFigures(g: Grid, columns: RecognisedColumn[], rows: number[], warnings: Message[]): Map<number, Map<number, Numeral>> {
  const out = new Map<number, Map<number, Numeral>>();
  for (const c of columns) {
    if (!MEASURE_ROLES.has(c.role)) continue;
    const moneyRole = c.role === "pagu" || c.role === "realisasi_anggaran" || c.role === "sisa_anggaran" || c.measure === "Rp";
    const percentRole = c.role === "capaian" || c.role === "serapan" || c.measure === "%";
    const f = readColumnFigures(g, c.col, rows, { money: moneyRole, percent: percentRole });
    const byRow = new Map<number, Numeral>();
    for (let i = 0; i < rows.length; i++) byRow.set(rows[i], f.numerals[i]);
    out.set(c.col, byRow);
    if (f.numerals.some((n) => n.value !== undefined || n.ambiguous !== undefined)) c.numerals = { convention: f.convention, percentScale: f.percentScale, reason: f.reason };
    for (const i of f.unresolved) {
      const n = f.numerals[i];
      warnings.push(message("ambiguous-numeral", { at: { sheet: g.name, row: rows[i], col: c.col }, raw: n.raw, asGrouping: n.ambiguous!.asGrouping, asDecimal: n.ambiguous!.asDecimal }));
    }
    f.numerals.forEach((n, i) => {
      if (n.kind === "bundle") warnings.push(message("bundled-figures", { at: { sheet: g.name, row: rows[i], col: c.col }, raw: n.raw.slice(0, 60) }));
    });
  }
  return out;
}

/** The letter of a recognised column (for people and formulas). */
export const letterOf = (c: Pick<RecognisedColumn, "col">) => columnLetter(c.col);
