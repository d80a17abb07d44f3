/**
 * Recognition of every table on every sheet: from a grid snapshot to tables with a caption, a header
 * band, column roles, body rows with kinds, levels and polarity, and the evidence for each decision.
 */
import { cellAddress, Grid, rangeAddress, SheetSnapshot, WorkbookSnapshot } from "./grid";
import { decideLevels, HierarchyLevel, numberingStyle, RowCues } from "./hierarchy";
import {
  BandFound, CAPTION_RE, ColumnNumberCell, detectHeaderBand, findCaption, headerPaths, isHeaderStart, isNoteText,
  isNumberingText, readColumnNumberRow,
} from "./layout";
import { hasNumber, Numeral, resolveColumnNumerals } from "./numerals";
import { decidePolarity, Polarity, PolarityReason } from "./polarity";
import { ColumnRole, Measure, MEASURE_ROLES, readColumnHeader } from "./roles";
import { classifyFamily, TableFamily } from "./family";
import { headerTokens } from "./vocabulary";

export type RowKind = "data" | "group" | "section" | "total" | "column-number" | "repeated-header" | "note" | "blank";

export interface RecognisedColumn {
  column: string;
  index: number; // 0-based sheet column
  header: string;
  headerPath: string[];
  role: ColumnRole;
  year: number | null;
  period: string | null;
  measure: Measure | null;
  evidence: string;
  /** Numeral convention found in the column's body ("id", "en", …), for figure columns. */
  numerals?: { convention: string; percentScale?: string; reason: string };
}

export interface RecognisedRow {
  row: number; // 1-based sheet row
  kind: RowKind;
  level: HierarchyLevel | null;
  polarity?: Polarity;
  polarityReason?: string;
  /** The indicator's name, on rows whose polarity was decided. */
  indicator?: string;
  polarityBasis?: PolarityReason;
  polarityConfidence?: number;
  evidence: string;
}

export interface ColumnRelation {
  column: string; // the column the relation defines
  number: number;
  text: string; // as printed: "7=6/5*100"
  expression: string; // with column letters: "F/E*100"
  operands: string[];
}

export interface RecognisedTable {
  sheet: string;
  caption: string | null;
  title: string | null;
  family: TableFamily;
  familyReason: string;
  range: string;
  header: { firstRow: number; lastRow: number };
  columnNumberRow: number | null;
  columnRelations: ColumnRelation[];
  body: { firstRow: number; lastRow: number };
  columns: RecognisedColumn[];
  rows: RecognisedRow[];
  warnings: string[];
}

export interface SheetAnalysis {
  name: string;
  tables: RecognisedTable[];
}

export interface WorkbookAnalysis {
  file?: string;
  sheets: SheetAnalysis[];
}

export function recogniseWorkbook(wb: WorkbookSnapshot): WorkbookAnalysis {
  return { file: wb.file, sheets: wb.sheets.map((s) => ({ name: s.name, tables: recogniseSheet(s) })) };
}

export function recogniseSheet(snapshot: SheetSnapshot): RecognisedTable[] {
  const g = new Grid(snapshot);
  const tables: RecognisedTable[] = [];
  let floor = g.top;
  for (let r = g.top; r <= g.bottom; r++) {
    const found = detectHeaderBand(g, r);
    if (!found) continue;
    const table = buildTable(g, found, floor);
    tables.push(table);
    r = table.body.lastRow - 1; // loop increments to the row after the body (1-based → 0-based)
    floor = table.body.lastRow;
  }
  return tables;
}

// "Jumlah" alone or with a money word; "Jumlah dokumen perencanaan" is an indicator, not a total.
const TOTAL_RE = /^(jumlah|total|sub\s*total|grand\s*total|rata[\s-]*rata)(\s+(total|anggaran|belanja|keseluruhan|seluruhnya|pagu|realisasi|capaian|program|kegiatan|\(rp\.?\)|rp\.?))*\s*:?$|^(total\s+)?belanja(\s+daerah)?$/i;
const SECTION_RE = /^(sasaran|tujuan|misi|urusan|bidang|program|kegiatan|indikator)(\s+strategis)?\s*(\d+|[ivx]+)?\s*:/i;

function buildTable(g: Grid, found: BandFound, floor: number): RecognisedTable {
  const { band, columnNumbers } = found;
  const warnings: string[] = [];
  const cap = findCaption(g, band, floor);
  const paths = headerPaths(g, band);
  const readings = paths.map((p) => readColumnHeader(p));
  const bodyStart = (columnNumbers ? columnNumbers.row : band.bottom) + 1;
  const bodyRows = scanBody(g, band, bodyStart, paths);
  const lastRow = bodyRows.length ? bodyRows[bodyRows.length - 1].row : bodyStart - 1;

  const columns: RecognisedColumn[] = readings.map((rd, i) => ({
    column: cellAddress(0, band.left + i).replace(/\d+$/, ""),
    index: band.left + i,
    header: paths[i].join(" / "),
    headerPath: paths[i],
    role: rd.role,
    year: rd.year,
    period: rd.period,
    measure: rd.measure,
    evidence: rd.evidence,
  }));
  if (columnNumbers) {
    for (const cell of columnNumbers.cells) {
      const col = columns.find((c) => c.index === cell.col);
      if (col && col.role === "other" && col.headerPath.length === 0) col.evidence = `column number ${cell.number}`;
    }
  }

  const contentRows = bodyRows.filter((b) => b.kind === undefined).map((b) => b.row - 1);
  assignLevelsAndKinds(g, columns, bodyRows);
  refineRoles(g, columns, bodyRows, warnings);
  const figureNumerals = readFigures(g, columns, contentRows, warnings);
  assignPolarity(g, columns, bodyRows, figureNumerals);

  for (const c of columns) {
    if (c.headerPath.length === 0 && c.role === "other") warnings.push(`${g.name}!${c.column}${band.top + 1}: column ${c.column} has no header text`);
    if (g.isHiddenColumn(c.index)) warnings.push(`${g.name}: column ${c.column} is hidden`);
  }
  const hidden = bodyRows.filter((b) => g.isHiddenRow(b.row - 1)).map((b) => b.row);
  if (hidden.length) warnings.push(`${g.name}: hidden rows inside the table: ${hidden.join(", ")}`);
  const relations = columnNumbers ? readRelations(columnNumbers.cells, columns, g.name, warnings) : [];
  const family = classifyFamily(columns, bodyRows.filter((b) => b.kind === "data").length);
  const rows: RecognisedRow[] = bodyRows.map((b) => ({
    row: b.row,
    kind: b.kind ?? "data",
    level: b.level ?? null,
    polarity: b.polarity?.polarity,
    polarityReason: b.polarity?.explanation,
    indicator: b.indicator,
    polarityBasis: b.polarity?.reason,
    polarityConfidence: b.polarity?.confidence,
    evidence: b.evidence ?? "",
  }));
  checkMissingOutputs(columns, family.family, warnings);
  return {
    sheet: g.name,
    caption: cap.caption,
    title: cap.title,
    family: family.family,
    familyReason: family.reason,
    range: rangeAddress(Math.min(cap.firstRow, band.top), band.left, Math.max(lastRow - 1, band.bottom), band.right),
    header: { firstRow: band.top + 1, lastRow: band.bottom + 1 },
    columnNumberRow: columnNumbers ? columnNumbers.row + 1 : null,
    columnRelations: relations,
    body: { firstRow: bodyStart + 1, lastRow: Math.max(lastRow, bodyStart) },
    columns,
    rows,
    warnings,
  };
}

interface BodyRow {
  row: number; // 1-based
  kind?: RowKind; // undefined until levels decide data/group
  level?: HierarchyLevel | null;
  polarity?: ReturnType<typeof decidePolarity>;
  indicator?: string;
  evidence?: string;
}

function normalise(text: string): string {
  return headerTokens(text).join(" ");
}

/** Cheap comparison key for repeated header rows (exact wording, case and spacing aside). */
function headerKey(text: string): string {
  return text.length > 120 ? "" : text.toLowerCase().replace(/\s+/g, " ").trim();
}

/** Rows of the body, from its first row to where the table ends. */
function scanBody(g: Grid, band: BandFound["band"], start: number, paths: string[][]): BodyRow[] {
  const rows: BodyRow[] = [];
  const headerTexts = new Set(paths.flat().map(headerKey));
  let blankRun = 0;
  let afterNote = false;
  let expectColumnNumbers = false;
  for (let r = start; r <= g.bottom; r++) {
    const filled = g.filledColumns(r, band.left, band.right);
    if (filled.length === 0) {
      const outside = g.filledColumns(r).length > 0;
      if (outside) break;
      blankRun++;
      if (blankRun >= 2) break;
      continue;
    }
    const first = g.text(r, filled[0]);
    if (CAPTION_RE.test(first)) break;
    if (isNoteText(first) && filled.length <= 2) {
      pushBlanks(rows, r, blankRun);
      blankRun = 0;
      rows.push({ row: r + 1, kind: "note", evidence: "footnote or source line" });
      afterNote = true;
      continue;
    }
    if (afterNote) break;
    const longSingle = filled.length === 1 && first.length > (blankRun ? 80 : 200) && !g.merge(r, filled[0]);
    if (longSingle) break;
    const matchesHeader = filled.filter((c) => headerTexts.has(headerKey(g.text(r, c)))).length;
    if (matchesHeader >= Math.max(2, filled.length * 0.6)) {
      pushBlanks(rows, r, blankRun);
      blankRun = 0;
      rows.push({ row: r + 1, kind: "repeated-header", evidence: "repeats the header (the table crossed a page)" });
      expectColumnNumbers = true;
      continue;
    }
    // A new table inside a body run needs a blank row before it, or a header of its own kind (bold).
    if (isHeaderStart(g, r, blankRun === 0 && !filled.every((c) => g.isBold(r, c)))) break;
    if (blankRun > 0 && filled.length === 1 && first.length > 80) break;
    const colnum = (expectColumnNumbers || rows.length === 0) && readColumnNumberRow(g, r, band.left, band.right);
    expectColumnNumbers = false;
    pushBlanks(rows, r, blankRun);
    blankRun = 0;
    if (colnum) {
      rows.push({ row: r + 1, kind: "column-number", evidence: "column numbers" });
      continue;
    }
    const texts = filled.slice(0, 3).map((c) => g.text(r, c));
    if (texts.some((t) => TOTAL_RE.test(t))) {
      rows.push({ row: r + 1, kind: "total", evidence: `"${texts.find((t) => TOTAL_RE.test(t))}"` });
      continue;
    }
    const m = g.merge(r, filled[0]);
    const wide = m && m.right - m.left + 1 >= Math.max(2, (band.right - band.left + 1) / 2);
    if (filled.length === 1 && typeof g.value(r, filled[0]) === "string" && (SECTION_RE.test(first) || wide)) {
      rows.push({ row: r + 1, kind: "section", level: /^sasaran/i.test(first) ? "sasaran" : null, evidence: wide ? "one text across the table" : `"${first.slice(0, 40)}"` });
      continue;
    }
    rows.push({ row: r + 1 });
  }
  return rows;
}

function pushBlanks(rows: BodyRow[], r: number, blankRun: number): void {
  for (let k = blankRun; k > 0; k--) rows.push({ row: r + 1 - k, kind: "blank", evidence: "empty row" });
}

function firstColumn(columns: RecognisedColumn[], roles: ColumnRole[]): RecognisedColumn | undefined {
  for (const role of roles) {
    const c = columns.find((col) => col.role === role);
    if (c) return c;
  }
  return undefined;
}

const NAME_ORDER: ColumnRole[] = ["nomenklatur", "subkegiatan", "kegiatan", "program"];

function assignLevelsAndKinds(g: Grid, columns: RecognisedColumn[], rows: BodyRow[]): void {
  const nameCol = firstColumn(columns, NAME_ORDER);
  const noCol = firstColumn(columns, ["no"]);
  const kodeCol = firstColumn(columns, ["kode"]);
  const indCol = firstColumn(columns, ["indikator"]);
  const open = rows.filter((b) => b.kind === undefined);
  const levels = new Map<number, { level: HierarchyLevel | null; evidence: string }>();
  if (nameCol) {
    const cues: RowCues[] = open.map((b) => {
      const r = b.row - 1;
      return {
        row: b.row,
        name: g.text(r, nameCol.index),
        numbering: noCol ? g.text(r, noCol.index) : "",
        code: kodeCol ? g.text(r, kodeCol.index) : "",
        bold: g.isBold(r, nameCol.index),
        indent: g.indent(r, nameCol.index),
      };
    });
    // Numbering typed inside the name cell ("I. Program …", "1.01.02 PROGRAM …").
    for (const c of cues) {
      if (!c.numbering) {
        const m = /^([IVXL]+\.|[A-Z]\.|\d{1,3}\.|[a-z]\.)\s+/.exec(c.name);
        if (m && numberingStyle(m[1])) c.numbering = m[1];
      }
    }
    for (const [row, d] of decideLevels(cues, nameCol.role)) levels.set(row, d);
  }
  for (const b of open) {
    const r = b.row - 1;
    const d = levels.get(b.row);
    const hasIndicator = indCol ? g.text(r, indCol.index) !== "" : false;
    const hasName = nameCol ? g.text(r, nameCol.index) !== "" : false;
    if (d && hasName) {
      b.level = d.level;
      b.evidence = d.evidence;
    } else if (hasIndicator) {
      b.level = "indikator";
      b.evidence = nameCol ? "indicator row under the name above" : "indicator row";
    } else {
      b.level = null;
      b.evidence = "no hierarchy cue";
    }
  }
  const order: (HierarchyLevel | null)[] = ["sasaran", "program", "kegiatan", "subkegiatan", "indikator"];
  // In a budget hierarchy, indicator rows belong to the named row above; the deepest named level holds the data.
  const budgetLevels = open.some((b) => b.level === "program" || b.level === "kegiatan" || b.level === "subkegiatan");
  const present = open
    .filter((b) => !(budgetLevels && b.level === "indikator"))
    .map((b) => order.indexOf(b.level ?? null))
    .filter((i) => i >= 0);
  const deepest = present.length ? Math.max(...present) : -1;
  for (const b of open) {
    const i = order.indexOf(b.level ?? null);
    // Indicator rows that only carry a parent's outcome (no name, no money of their own) are grouped with it.
    const parentIndicator = b.level === "indikator" && budgetLevels && isParentIndicator(g, b, columns, open);
    b.kind = (i >= 0 && i < deepest) || parentIndicator ? "group" : "data";
  }
}

/** In a budget hierarchy, an indicator row with an empty name that precedes a named row carries the parent's outcome. */
function isParentIndicator(g: Grid, b: BodyRow, columns: RecognisedColumn[], open: BodyRow[]): boolean {
  const levelsPresent = new Set(open.map((o) => o.level));
  if (!levelsPresent.has("program") && !levelsPresent.has("kegiatan")) return false;
  const money = columns.filter((c) => c.role === "pagu" || c.role === "realisasi_anggaran");
  if (!money.length) return false;
  return money.every((c) => g.text(b.row - 1, c.index) === "");
}

/** Table-level corrections: meanings that only the whole table reveals. */
function refineRoles(g: Grid, columns: RecognisedColumn[], rows: BodyRow[], warnings: string[]): void {
  const roles = new Set(columns.map((c) => c.role));
  const money = roles.has("pagu") || roles.has("realisasi_anggaran");
  const dataRows = rows.filter((b) => b.kind === "data" || b.kind === "group" || b.kind === "total").map((b) => b.row - 1);
  if (money) {
    for (const c of columns) {
      if (c.role === "realisasi" && looksLikeMoney(g, c.index, dataRows)) {
        c.role = "realisasi_anggaran";
        c.evidence += "; figures are rupiah amounts → realisasi_anggaran";
      }
    }
    const stillPerformance = columns.some((c) => (c.role === "target" || c.role === "realisasi") && c.measure !== "Rp");
    if (!stillPerformance) {
      for (const c of columns) {
        if (c.role === "capaian") {
          c.role = "serapan";
          c.evidence += "; budget table without performance targets → capaian is serapan";
        }
      }
    }
  }
  for (const c of columns) {
    if (c.headerPath.length === 0 && c.role === "other" && mostly(g, c.index, dataRows, isNumberingText)) {
      c.role = "no";
      c.evidence = "unlabelled column holding numbering";
    }
    if (c.role === "pembanding" && mostly(g, c.index, dataRows, (t) => !/\d/.test(t))) {
      c.role = "other";
      c.evidence += "; its cells are names, not figures";
    }
    if (c.role === "capaian" && mostly(g, c.index, dataRows, (t) => RATING_WORDS.test(t))) {
      c.role = "predikat";
      c.evidence += "; its cells are rating words → predikat";
    }
  }
  const levels = new Set(rows.map((b) => b.level).filter((l) => l === "program" || l === "kegiatan" || l === "subkegiatan"));
  const nameCol = firstColumn(columns, ["subkegiatan", "kegiatan", "program"]);
  if (nameCol && levels.size >= 2 && !columns.some((c) => c !== nameCol && NAME_ORDER.includes(c.role))) {
    nameCol.evidence += `; its rows hold ${[...levels].join(", ")} → nomenklatur`;
    nameCol.role = "nomenklatur";
  }
  const seen = new Map<string, string>();
  for (const c of columns) {
    if (!MEASURE_ROLES.has(c.role)) continue;
    const key = `${c.role}|${c.year}|${c.period}|${c.measure}`;
    if (seen.has(key)) warnings.push(`${g.name}: columns ${seen.get(key)} and ${c.column} are both ${c.role}${c.year ? " " + c.year : ""}; check the header`);
    else seen.set(key, c.column);
  }
}

const RATING_WORDS = /^(sangat\s+)?(tinggi|rendah|sedang|baik|kurang|cukup)\b|^(tidak\s+)?tercapai\b|^melebihi\b|^sesuai\b/i;

/** Most filled cells of a column pass the test. */
function mostly(g: Grid, col: number, rows: number[], test: (text: string) => boolean): boolean {
  const texts = rows.map((r) => g.text(r, col)).filter(Boolean);
  return texts.length > 0 && texts.filter(test).length > texts.length / 2;
}

function looksLikeMoney(g: Grid, col: number, rows: number[]): boolean {
  const nums = resolveColumnNumerals(rows.map((r) => ({ value: g.value(r, col), numberFormat: g.numberFormat(r, col) })), { money: true })
    .values.filter((v): v is number => v !== undefined)
    .sort((a, b) => a - b);
  return nums.length > 0 && nums[Math.floor(nums.length / 2)] >= 100000;
}

/** Read the figure columns' numerals together and report what cannot be read. */
function readFigures(g: Grid, columns: RecognisedColumn[], rows: number[], warnings: string[]): Map<number, Numeral[]> {
  const out = new Map<number, Numeral[]>();
  for (const c of columns) {
    if (!MEASURE_ROLES.has(c.role)) continue;
    const moneyRole = c.role === "pagu" || c.role === "realisasi_anggaran" || c.role === "sisa_anggaran" || c.measure === "Rp";
    const percentRole = c.role === "capaian" || c.role === "serapan" || c.measure === "%";
    const res = resolveColumnNumerals(rows.map((r) => ({ value: g.value(r, c.index), numberFormat: g.numberFormat(r, c.index) })), {
      money: moneyRole,
      percent: percentRole,
    });
    out.set(c.index, res.numerals);
    const any = res.numerals.some((n) => hasNumber(n));
    if (any) c.numerals = { convention: res.convention, percentScale: res.percentScale, reason: res.reason };
    for (const i of res.unresolved) {
      const n = res.numerals[i];
      warnings.push(
        `${g.name}!${cellAddress(rows[i], c.index)}: "${n.raw}" could be ${n.ambiguous!.asGrouping} or ${n.ambiguous!.asDecimal}; column ${c.column} gives no clue (${res.reason})`,
      );
    }
    res.numerals.forEach((n, i) => {
      if (n.kind === "bundle") warnings.push(`${g.name}!${cellAddress(rows[i], c.index)}: several figures packed in one cell ("${n.raw.slice(0, 60)}")`);
    });
  }
  return out;
}

function assignPolarity(g: Grid, columns: RecognisedColumn[], rows: BodyRow[], figures: Map<number, Numeral[]>): void {
  const ind = firstColumn(columns, ["indikator"]) ?? firstColumn(columns, ["sasaran", ...NAME_ORDER]);
  const targets = columns.filter((c) => c.role === "target").sort((a, b) => (a.year ?? 0) - (b.year ?? 0));
  const realisasi = columns.find((c) => c.role === "realisasi");
  if (!ind || (!targets.length && !realisasi)) return;
  const satuan = firstColumn(columns, ["satuan"]);
  const notesCols = columns.filter((c) => c.role === "keterangan" || c.role === "penyebab");
  const tableNotes = rows.filter((b) => b.kind === "note").map((b) => g.text(b.row - 1, g.filledColumns(b.row - 1)[0] ?? 0));
  const contentRows = rows.filter((b) => b.kind === undefined || b.kind === "data" || b.kind === "group");
  const readIndex = readIndexOf(rows);
  for (const b of contentRows) {
    const r = b.row - 1;
    const indicator = g.text(r, ind.index);
    if (!indicator) continue;
    const hasFigure = [...targets, ...(realisasi ? [realisasi] : [])].some((c) => g.text(r, c.index) !== "");
    if (!hasFigure) continue;
    const figureAt = (c: RecognisedColumn | undefined) => {
      if (!c) return undefined;
      return figures.get(c.index)?.[readIndex.get(b.row) ?? -1];
    };
    const target = figureAt(targets[targets.length - 1]);
    const real = figureAt(realisasi);
    const byYear = targets.filter((c) => c.year !== null).map((c) => figureAt(c)?.value).filter((v): v is number => v !== undefined);
    const notes = [...notesCols.map((c) => g.text(r, c.index)), ...tableNotes.filter((n) => mentions(n, indicator))];
    b.indicator = indicator;
    b.polarity = decidePolarity({ indicator, satuan: satuan ? g.text(r, satuan.index) : undefined, notes, target, realisasi: real, targetsByYear: byYear.length >= 3 ? byYear : undefined });
  }
}

/** Index of each body row among the rows whose figures were read (kind undecided at reading time). */
function readIndexOf(rows: BodyRow[]): Map<number, number> {
  const out = new Map<number, number>();
  let i = 0;
  for (const b of rows) {
    out.set(b.row, i);
    if (b.kind === "data" || b.kind === "group" || b.kind === undefined) i++;
  }
  return out;
}

function mentions(note: string, indicator: string): boolean {
  const words = headerTokens(indicator).filter((w) => w.length > 3).slice(0, 3);
  const n = normalise(note);
  return words.length > 0 && words.every((w) => n.includes(w));
}

/** Turn "7=6/5*100" into a relation between sheet columns. */
function readRelations(cells: ColumnNumberCell[], columns: RecognisedColumn[], sheet: string, warnings: string[]): ColumnRelation[] {
  const byNumber = new Map(cells.map((c) => [c.number, c]));
  const letter = (col: number) => columns.find((c) => c.index === col)?.column ?? "?";
  const out: ColumnRelation[] = [];
  for (const cell of cells) {
    if (!cell.expression) continue;
    const operands: string[] = [];
    const expression = cell.expression.replace(/[x×]/gi, "*").replace(/:/g, "/").replace(/\d+/g, (n) => {
      const ref = byNumber.get(parseInt(n, 10));
      if (!ref || n === "100") return n;
      const l = letter(ref.col);
      operands.push(l);
      return l;
    });
    out.push({ column: letter(cell.col), number: cell.number, text: cell.text, expression: expression.replace(/\s+/g, ""), operands });
    const target = columns.find((c) => c.index === cell.col);
    const ratio = /^([A-Z]+)\/([A-Z]+)(\*100)?$/.exec(expression.replace(/\s+/g, ""));
    if (target && ratio && target.role === "other") {
      // A column whose header says only "%" is defined by its stated formula.
      const num = columns.find((c) => c.column === ratio[1])?.role;
      const den = columns.find((c) => c.column === ratio[2])?.role;
      const inferred = num === "realisasi" && den === "target" ? "capaian" : num === "realisasi_anggaran" && den === "pagu" ? "serapan" : num === "realisasi" && den === "target_akhir" ? "tingkat_kemajuan" : null;
      if (inferred) {
        target.role = inferred;
        target.evidence += `; stated as "${cell.text}" = ${ratio[1]}/${ratio[2]} → ${inferred}`;
      }
    }
    if (target && ratio && (target.role === "capaian" || target.role === "serapan")) {
      const num = columns.find((c) => c.column === ratio[1]);
      const den = columns.find((c) => c.column === ratio[2]);
      const ok =
        (target.role === "capaian" && num?.role === "realisasi" && (den?.role === "target" || den?.role === "target_akhir")) ||
        (target.role === "serapan" && num?.role === "realisasi_anggaran" && den?.role === "pagu");
      if (!ok) warnings.push(`${sheet}: column ${target.column} is stated as "${cell.text}" but ${ratio[1]} is ${num?.role ?? "?"} and ${ratio[2]} is ${den?.role ?? "?"}`);
    }
  }
  return out;
}

function checkMissingOutputs(columns: RecognisedColumn[], family: TableFamily, warnings: string[]): void {
  const roles = new Set(columns.map((c) => c.role));
  if (roles.has("target") && roles.has("realisasi") && !roles.has("capaian") && family !== "renstra-targets") {
    warnings.push("no capaian column: target and realisasi are there, capaian can be added as formulas");
  }
}
