/**
 * Stage 2 — the body: the rows from below the header band to where the table ends. The body continues
 * over blank separator rows (when the rows after them fit the table's columns), section rows ("TUJUAN 1 ·
 * Mewujudkan …", "Sasaran : …", a text across the table) and header rows repeated at a page break; it ends
 * at a source line, a new caption, a new header, a paragraph, or rows that do not fit its columns.
 * `expected` gives the cell type the header proposes per column (figures under target/realisasi/pagu…).
 * Context lines right under the band ("Perangkat Daerah : …") are not part of the body.
 */
import { Grid, squashSpaces } from "../grid";
import { parseNumeral } from "../numerals";
import { message, Message } from "../messages";
import { CAPTION_RE, HeaderBand, isHeaderStart, isNoteText, readNumberRow, readUnitRow } from "./band";
import type { RowKind } from "./types";
import { budgetCode } from "../rollup";

export interface BodyRow {
  row: number; // 0-based
  /** Undefined until the hierarchy decides data or group. */
  kind?: RowKind;
  level?: import("../hierarchy").HierarchyLevel | null;
  evidence?: Message;
}

// "Jumlah" alone or with a money word; "Jumlah dokumen perencanaan" is an indicator, not a total.
export const TOTAL_RE = /^(jumlah|total|sub[\s-]*total|grand\s*total|rata[\s-]*rata)(\s+(total|anggaran|belanja|keseluruhan|seluruhnya|pagu|realisasi|capaian|program|kegiatan|\(rp\.?\)|rp\.?))*\s*:?$|^(total\s+)?belanja(\s+daerah)?$/i;
/** "Sasaran 1:", "Tujuan :", or a label cell on its own: "TUJUAN 1", "SASARAN 1.1", "Program A". */
const SECTION_RE = /^(sasaran|tujuan|misi|urusan|bidang|program|kegiatan|indikator)(\s+strategis)?\s*(\d+|[ivx]+)?\s*:/i;
const SECTION_LABEL_RE = /^(sasaran|tujuan|misi|urusan|bidang|indikator)(\s+strategis)?(\s+(\d+(\.\d+)*|[ivxl]+|[a-z]))?\s*[:.]?$/i;
/** "Perangkat Daerah : …", "SKPD : …", "Unit Kerja : …": whose table it is, not a row of it. */
const CONTEXT_RE = /^(perangkat\s+daerah|skpd|opd|unit\s+kerja|organisasi|sub\s*unit|instansi|dinas|badan)\s*:/i;

const MAX_BLANK_RUN = 3;

function headerKey(text: string): string {
  return text.length > 120 ? "" : squashSpaces(text).toLowerCase();
}

type CellType = "number" | "text";
/**
 * Types already read, per grid and row: 0 unread, 1 empty, 2 number, 3 text (a row is read once by several rules).
 * A byte per cell for the first CACHED_COLUMNS columns of the grid (a stray cell at column XFD must not cost 16 KB
 * a row); cells further right are read again when asked.
 */
const typeCache = new WeakMap<Grid, (Uint8Array | undefined)[]>();
const TYPE_CODES: (CellType | null)[] = [null, null, "number", "text"];
const CACHED_COLUMNS = 256;
/** A cell holds a figure (number, percent, marker, rung, packed figures) or a text; null when empty. */
function cellType(g: Grid, r: number, c: number): CellType | null {
  const at = c - g.left;
  if (r < g.top || r > g.bottom || at < 0 || at >= CACHED_COLUMNS || c > g.right) return readCellType(g, r, c);
  let rows = typeCache.get(g);
  if (!rows) typeCache.set(g, (rows = []));
  const row = (rows[r - g.top] ??= new Uint8Array(Math.min(CACHED_COLUMNS, g.right - g.left + 1)));
  let code = row[at];
  if (code === 0) {
    const t = readCellType(g, r, c);
    row[at] = code = t === null ? 1 : t === "number" ? 2 : 3;
  }
  return TYPE_CODES[code];
}
function readCellType(g: Grid, r: number, c: number): CellType | null {
  const v = g.value(r, c);
  if (v === null || g.text(r, c) === "") return null;
  if (typeof v === "number") return "number";
  const text = g.text(r, c);
  // Most cells are names: without a digit a cell is a figure only as a marker ("-", "N/A") or a rung ("Nindya", "BB").
  if (!/\d/.test(text)) return text.length <= 12 && /^[-–—]+$|^(n\/?a|tad|x)$/i.test(text) ? "number" : text.length <= 20 && parseNumeral(text).kind === "category" ? "number" : "text";
  if (text.length > 120) return "text";
  // Budget codes ("1.01.02.2.01") are identifiers, not figures.
  if (/^\d+(\.\d+)+\.?$/.test(text) && /\.\d{1,2}(\.|$)/.test(text)) return "text";
  const n = parseNumeral(v);
  return n.kind === "number" || n.kind === "percent" || n.kind === "grade" || n.kind === "category" || n.kind === "marker" || n.kind === "bundle" ? "number" : "text";
}

/** Column types seen so far in the body (the header's proposals count as one cell each): the dominant type per column. */
class Structure {
  private counts = new Map<number, { number: number; text: number }>();
  constructor(prior: Map<number, CellType> = new Map()) {
    for (const [c, t] of prior) this.counts.set(c, { number: t === "number" ? 1 : 0, text: t === "text" ? 1 : 0 });
  }
  add(g: Grid, r: number, left: number, right: number) {
    for (let c = left; c <= right; c++) {
      const t = cellType(g, r, c);
      if (!t) continue;
      const k = this.counts.get(c) ?? { number: 0, text: 0 };
      k[t]++;
      this.counts.set(c, k);
    }
  }
  /** Does row r fit: its cells are of the type their column mostly holds? */
  fits(g: Grid, r: number, left: number, right: number): boolean {
    let filled = 0;
    let known = 0;
    let fitting = 0;
    for (let c = left; c <= right; c++) {
      const t = cellType(g, r, c);
      if (!t) continue;
      filled++;
      const k = this.counts.get(c);
      if (!k || k.number + k.text === 0) continue;
      known++;
      const dominant: CellType = k.number >= k.text ? "number" : "text";
      if (t === dominant) fitting++;
    }
    // Columns the body has not used yet say nothing either way.
    return filled >= 2 && known >= 1 && fitting >= known * 0.7;
  }
}

const NUMBER_HEADER = /^(no|nomor|n\s*o|nmr)\.?$/i;

/**
 * A row with no figures: a label cell ("TUJUAN 1") and its text, one text across the table (merged, or
 * typed in the numbering column where only numbers belong: "A. Program …" unmerged).
 */
function sectionOf(g: Grid, r: number, filled: number[], band: HeaderBand): Message | null {
  if (filled.some((c) => cellType(g, r, c) === "number" && !/^\d{1,3}\.?$/.test(g.text(r, c)))) return null;
  const first = g.text(r, filled[0]);
  const m = g.merge(r, filled[0]);
  const inNumbering = filled.length === 1 && first.length > 15 && band.labels.some((l) => l.left <= filled[0] && filled[0] <= l.right && NUMBER_HEADER.test(l.text));
  const wide = (m && m.right - m.left + 1 >= Math.max(2, (band.right - band.left + 1) / 2)) || inNumbering;
  if (filled.length === 1 && typeof g.value(r, filled[0]) === "string" && (SECTION_RE.test(first) || wide)) return message(wide ? "row-text-across" : "row-section-label", { text: first.slice(0, 40) });
  if (filled.length <= 2 && SECTION_LABEL_RE.test(first)) return message("row-section-label", { text: first.slice(0, 40) });
  return null;
}

/** Rows of the body, from below the band to where the table ends. */
export function scanBody(g: Grid, band: HeaderBand, paths: string[][], expected: Map<number, "number" | "text"> = new Map()): BodyRow[] {
  const rows: BodyRow[] = [];
  const headerTexts = new Set<string>();
  for (const path of paths) for (const text of path) headerTexts.add(headerKey(text));
  const structure = new Structure(expected);
  // Names of the rows read so far (a subtotal may repeat its block's name: "Jumlah Program Perencanaan Daerah").
  const names = new RowNames();
  const namedTotals: { at: number; level: string }[] = [];
  let blankRun = 0;
  let afterNote = false;
  let expectNumbers = false;
  let r = band.bottom + 1;
  // Context lines between the band and the body ("Perangkat Daerah : Dinas …").
  while (r <= g.bottom) {
    const filled = g.filledColumns(r, band.left, band.right);
    if (filled.length === 1 && CONTEXT_RE.test(g.text(r, filled[0]))) r++;
    else break;
  }
  for (; r <= g.bottom; r++) {
    const filled = g.filledColumns(r, band.left, band.right);
    if (filled.length === 0) {
      if (g.filledColumns(r).length > 0) break;
      blankRun++;
      // Blank rows right under the header (a tall header unmerged) may be more than between blocks.
      if (blankRun > (rows.length ? MAX_BLANK_RUN : 10)) break;
      continue;
    }
    const first = g.text(r, filled[0]);
    // "Tabel 3.2 (Lanjutan)": the table goes on after a page break; its header follows.
    if (CAPTION_RE.test(first) && /lanjutan|sambungan|continued/i.test(first)) {
      pushBlanks(rows, r, blankRun);
      blankRun = 0;
      rows.push({ row: r, kind: "repeated-header", evidence: message("row-repeated-header", {}) });
      continue;
    }
    if (CAPTION_RE.test(first)) break;
    if (isNoteText(first) && filled.length <= 2) {
      // A note line under a blank row is the text below the table ("Catatan: …", "Sumber: …", "*) …"): the body
      // ended at the blank row. Right under the last row it is the table's own footnote (read for polarity).
      if (blankRun > 0 && rows.some((b) => b.kind === undefined || b.kind === "total")) break;
      pushBlanks(rows, r, blankRun);
      blankRun = 0;
      rows.push({ row: r, kind: "note", evidence: message("row-note", {}) });
      afterNote = true;
      continue;
    }
    if (afterNote) break;
    const longSingle = filled.length === 1 && first.length > (blankRun ? 80 : 200) && !g.merge(r, filled[0]);
    if (longSingle) break;
    if (repeatsHeader(g, r, filled, headerTexts)) {
      pushBlanks(rows, r, blankRun);
      blankRun = 0;
      rows.push({ row: r, kind: "repeated-header", evidence: message("row-repeated-header", {}) });
      expectNumbers = true;
      continue;
    }
    if ((expectNumbers || rows.length === 0) && readNumberRow(g, r, band.left, band.right)) {
      pushBlanks(rows, r, blankRun);
      blankRun = 0;
      rows.push({ row: r, kind: "column-number", evidence: message("row-column-numbers", {}) });
      continue;
    }
    if ((expectNumbers || rows.length === 0) && readUnitRow(g, r, band.left, band.right)) {
      pushBlanks(rows, r, blankRun);
      blankRun = 0;
      rows.push({ row: r, kind: "unit", evidence: message("row-units", {}) });
      continue;
    }
    // A new table inside a body run needs a blank row before it, or a header of its own kind (bold).
    if (isHeaderStart(g, r, blankRun === 0 && !filled.every((c) => g.isBold(r, c)))) break;
    expectNumbers = false;
    const section = sectionOf(g, r, filled, band);
    if (blankRun > 0) {
      // After blank rows the table goes on only if what follows fits its columns.
      const next = section ? nextFilledRow(g, r + 1, band) : r;
      if (next === null || !structure.fits(g, next, band.left, band.right)) break;
      if (filled.length === 1 && first.length > 80 && !section) break;
    }
    pushBlanks(rows, r, blankRun);
    blankRun = 0;
    const texts = filled.slice(0, 3).map((c) => g.text(r, c));
    const total = texts.find((t) => TOTAL_RE.test(t));
    const named = total ? null : namedBlockTotal(texts, names);
    names.add(texts);
    if (named) namedTotals.push({ at: rows.length, level: named.level });
    if (total || named) {
      rows.push({ row: r, kind: "total", evidence: message("row-total", { text: total ?? named!.text }) });
      structure.add(g, r, band.left, band.right);
      continue;
    }
    if (section) {
      rows.push({ row: r, kind: "section", level: /^sasaran/i.test(first) ? "sasaran" : null, evidence: section });
      continue;
    }
    rows.push({ row: r });
    structure.add(g, r, band.left, band.right);
  }
  // Subtotals naming blocks of two levels ("Sub Total Kegiatan …" inside "Jumlah Program …") nest: which rows each
  // sums is not read here, so they stay rows as before rather than totals of the wrong parts.
  if (new Set(namedTotals.map((n) => n.level)).size > 1) for (const n of namedTotals) rows[n.at] = { row: rows[n.at].row };
  return rows;
}

/** A total word, then a budget level and its name: "Jumlah Program Perencanaan Daerah", "Sub Total Kegiatan …:". */
const NAMED_TOTAL_RE = /^(?:jumlah|sub[\s-]*total|total)\s*:?\s+((program|kegiatan|sub[\s-]*kegiatan|urusan|bidang)\b.{4,})$/i;
const nameKey = (text: string) => squashSpaces(text).toLowerCase().replace(/^[\divxlc]+[.)]\s+/, "").replace(/[\s:.]+$/, "");

/**
 * A row closing the block of a row above it: a total word and a budget level, followed by that row's name
 * ("Jumlah Program Perencanaan Daerah" under "Program Perencanaan Daerah"). Indicators that start with a total
 * word ("Jumlah program yang terlaksana", "Total nilai ekspor daerah") name no programme row. A named row with a
 * budget code is left to the code tree, which knows its parts better. Returns the text and the level, or null.
 */
function namedBlockTotal(texts: string[], names: RowNames): { text: string; level: string } | null {
  for (const text of texts) {
    const m = NAMED_TOTAL_RE.exec(text);
    if (m && names.uncoded(nameKey(m[1]))) return { text, level: m[2].toLowerCase().replace(/[\s-]+/g, "") };
  }
  return null;
}

/** The names of the rows read so far, keyed only when a total row asks (most tables have none): linear in rows. */
class RowNames {
  private readonly rows: string[][] = [];
  /** Each name read, and whether a row of that name carries a budget code. */
  private readonly keys = new Map<string, boolean>();
  private keyed = 0;
  add(texts: string[]) {
    this.rows.push(texts);
  }
  /** A row above has this name, and no row of this name carries a budget code. */
  uncoded(key: string): boolean {
    for (; this.keyed < this.rows.length; this.keyed++) {
      const texts = this.rows[this.keyed];
      const coded = texts.some((t) => budgetCode(t) !== null);
      for (const t of texts) {
        const k = nameKey(t);
        this.keys.set(k, (this.keys.get(k) ?? false) || coded);
      }
    }
    return this.keys.get(key) === false;
  }
}

/** Most of the row's cells say the header's words again (a header repeated at a page break). */
function repeatsHeader(g: Grid, r: number, filled: number[], headerTexts: Set<string>): boolean {
  const need = Math.max(2, filled.length * 0.6);
  let hits = 0;
  let misses = 0;
  for (const c of filled) {
    if (headerTexts.has(headerKey(g.text(r, c)))) hits++;
    else if (++misses > filled.length - need) return false;
  }
  return hits >= need;
}

function nextFilledRow(g: Grid, from: number, band: HeaderBand): number | null {
  for (let r = from; r <= Math.min(g.bottom, from + 2); r++) if (g.filledColumns(r, band.left, band.right).length) return r;
  return null;
}

function pushBlanks(rows: BodyRow[], r: number, blankRun: number): void {
  for (let k = blankRun; k > 0; k--) rows.push({ row: r - k, kind: "blank", evidence: message("row-blank", {}) });
}
