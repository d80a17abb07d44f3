/**
 * Stage 1 — the header band, read from structure, with or without merges.
 *
 * A band starts at a row of header words and grows downwards over rows that split or qualify what is
 * above them (sub-labels under a parent that spans several columns; periods "I II III IV", "TW 1",
 * years), one column-number row ("1 2 3", "(1)", "a b c", repeated numbers over K/Rp spans, one number out
 * of order, relations in words "8=(7/6)", "13 = 9 + 10 + 11 + 12") and one unit row ("K | Rp.", "K | % | Rp."),
 * in either order. A label with blank cells to its right spans them when the rows below split it; a blank
 * under a one-row label belongs to that label. Title and caption rows, "Perangkat Daerah : …" rows and
 * full-width group rows ("A. Program …") never join the band, so their words never decide a role.
 */
import { readTickBand } from "./ticks";
import { Grid, squashSpaces } from "../grid";
import { parseNumeral } from "../numerals";
import { Measure } from "../roles";
import { measureOfText, roleOfText, trcLetter } from "./candidates";
import { periodIn, yearIn } from "../vocabulary";
import { byText, remembered } from "../remembered";

export const CAPTION_RE = /^tabel\s*(\d+(?:\s*[.,]\s*\d+)*[a-z]?)\b\.?\s*(.*)$/i;
const NOTE_RE = /^(sumber\s*(data)?\s*:|sumber\b|\*+\s*\)|\*\s|catatan\s*:|keterangan\s*:|ket\s*:|note\s*:)/i;
const MAX_LABEL_ROWS = 4;

export function isNoteText(text: string): boolean {
  return NOTE_RE.test(text.trim());
}

/** A span of columns a label (or a number) covers in one band row. */
export interface LabelSpan {
  row: number;
  left: number;
  right: number;
  text: string;
}

export interface NumberCell {
  col: number;
  /** Columns the number stands for (a number over a K/Rp pair covers both). */
  left: number;
  right: number;
  number: number;
  text: string;
  /** "13 = 9 + 10 + 11 + 12" → "9 + 10 + 11 + 12" */
  expression?: string;
}

export interface HeaderBand {
  top: number;
  bottom: number;
  left: number;
  right: number;
  /** Rows holding labels (not the number or unit row). */
  labelRows: number[];
  numberRow: number | null;
  unitRow: number | null;
  numbers: NumberCell[];
  /** Label spans of every label row, top to bottom. */
  labels: LabelSpan[];
}

// ---------------------------------------------------------------------------------------------
// Cell and row kinds

type CellKind = "role" | "qualifier" | "plain" | "data";
/** Kinds of texts already read: the header test runs on many rows whose texts repeat. */
const kindOfText = remembered((text: string) => readCellKind(text), byText, 20_000);

/** A header cell: a short text that is a role word, a year, a period or a K/Rp/% measure. */
export function headerCellKind(text: string): CellKind {
  return kindOfText(text);
}

function readCellKind(text: string): CellKind {
  const t = text.trim();
  if (t === "") return "plain";
  if (/^[-+]?\d[\d.,]*\s*%?$/.test(t)) return /^(19|20)\d{2}$/.test(t) ? "qualifier" : "data";
  if (t.length > 160) return "data";
  // Names with a budget code or list numbering in front are body content ("1.01.02 PROGRAM …").
  if (/^\d+(\.\d+)+\.?\s+\S/.test(t) || /^\d{1,3}[.)]\s+\S/.test(t)) return "data";
  if (measureOfText(t) || periodIn(t)) return "qualifier";
  const n = parseNumeral(t);
  if (n.kind === "category" || n.kind === "grade" || n.kind === "bundle" || n.kind === "percent") return "data";
  if (roleOfText(t)) return "role";
  if (yearIn(t) !== null && t.length <= 30) return "qualifier";
  return "plain";
}

interface RowProfile {
  filled: number[];
  roleCells: number;
  qualifierCells: number;
  dataCells: number;
  longText: number;
}

const isYearNumber = (v: unknown) => typeof v === "number" && Number.isInteger(v) && v >= 1990 && v <= 2099;

/** Counts the kinds of a row's cells; with `stopOnData` it stops at the first figure (the caller only needs to know there is one). */
function profileRow(g: Grid, r: number, left: number, right: number, stopOnData = false): RowProfile {
  const p: RowProfile = { filled: [], roleCells: 0, qualifierCells: 0, dataCells: 0, longText: 0 };
  for (let c = left; c <= right; c++) {
    if (stopOnData && p.dataCells) return p;
    const v = g.value(r, c);
    const text = g.text(r, c);
    if (text === "") continue;
    p.filled.push(c);
    if (typeof v === "number" && !isYearNumber(v)) {
      p.dataCells++;
      continue;
    }
    // Long texts are body content or titles; their wording is not read (it is the costly part).
    let k = text.length > 80 ? "plain" : headerCellKind(text);
    // A band of a predikat scale ("Sangat Tinggi", "Tercapai (=100%)") heads a tick column.
    if (k === "plain" && text.length <= 40 && readTickBand(text)) k = "qualifier";
    if (k === "role") p.roleCells++;
    else if (k === "qualifier") p.qualifierCells++;
    else if (k === "data") p.dataCells++;
    if (text.length > 80) p.longText++;
  }
  return p;
}

/**
 * A row that can open a header band: mostly role words and no figures; or, with weaker wording
 * ("NO · STATUS KEPEGAWAIAN · JUMLAH"), short texts right under a caption or set in bold.
 */
export function isHeaderStart(g: Grid, r: number, strictOnly = false): boolean {
  // A figure in the row rules it out before any wording is read (most rows of a body hold figures).
  for (let c = g.left; c <= g.right; c++) {
    const v = g.value(r, c);
    if (typeof v === "number" && !isYearNumber(v)) return false;
  }
  const p = profileRow(g, r, g.left, g.right, true);
  if (p.filled.length < 2 || p.dataCells > 0) return false;
  if (p.roleCells >= 2 && (p.roleCells + p.qualifierCells) / p.filled.length >= 0.5 && p.longText <= Math.max(1, p.filled.length / 3)) return true;
  if (p.longText > 0 || strictOnly) return false;
  if (!p.filled.every((c) => g.text(r, c).length <= 80 && typeof g.value(r, c) !== "number")) return false;
  const bold = p.filled.every((c) => g.isBold(r, c));
  if (p.roleCells + p.qualifierCells < 1) return bold && p.filled.length >= 3 && followsCaption(g, r);
  return bold || followsCaption(g, r);
}

/** Is row r directly under a "Tabel x.y" caption (with at most two title lines between)? */
export function followsCaption(g: Grid, r: number): boolean {
  for (let k = r - 1; k >= Math.max(g.top, r - 3); k--) {
    const filled = g.filledColumns(k);
    if (filled.length === 0 || filled.length > 2) return false;
    if (CAPTION_RE.test(g.text(k, filled[0]))) return true;
  }
  return false;
}

/** Numbering-like text: "1", "1.", "(1)", "I", "a.", "1.2". */
export function isNumberingText(text: string): boolean {
  return /^\(?(\d{1,3}|[IVXL]{1,5}|[a-zA-Z])[.)]?$|^\d{1,3}(\.\d{1,3})+\.?$/.test(text.trim());
}

/** A line naming an agency, a region or a report ("DINAS … PROVINSI …", "LAPORAN …") is a title, not a header. */
const TITLE_START = /^\s*(dinas|badan|kantor|sekretariat|inspektorat|kecamatan|kelurahan|kabupaten|kota|provinsi|pemerintah|perangkat\s+daerah|skpd|opd|laporan|rekapitulasi|evaluasi|periode|tahun\s+anggaran|unit\s+kerja)\b/i;

/** A single text merged across the band right above it ("JUMLAH KORBAN MENURUT UMUR") is the band's top row. */
function superHeaderAbove(g: Grid, band: { top: number; left: number; right: number }): boolean {
  const r = band.top - 1;
  if (r < g.top) return false;
  const filled = g.filledColumns(r);
  if (filled.length !== 1) return false;
  const m = g.merge(r, filled[0]);
  if (!m || m.left > band.left || m.right < band.right || m.right - m.left < 1) return false;
  // A merge much wider than the band is a page title.
  if (m.left < band.left - 1 || m.right > band.right + 1) return false;
  const text = g.text(r, filled[0]);
  if (CAPTION_RE.test(text) || isNoteText(text) || text.length > 120 || TITLE_START.test(text)) return false;
  // A title printed under its caption is not a header; a super header has a title line of its own above it.
  const above = r - 1 >= g.top ? g.filledColumns(r - 1) : [];
  return above.length > 0 && !CAPTION_RE.test(g.text(r - 1, above[0]));
}

// ---------------------------------------------------------------------------------------------
// Number and unit rows

const RELATION_RE = /^\(?\s*(\d{1,2})\s*\)?\s*=\s*([\d\s+\-*/x×:().%]+?)\s*$/i;

/** "Kol. 5", "Kolom 5", "(Kol.5)", "k5": the column word before a column number (dropped; ":" reads as a division). */
const COLUMN_WORD_RE = /(^|[\s(=+\-*/:×x])(?:kolom|kol|k)\s*\.?\s*(?=\d)/gi;

/** One column-number cell's number (and relation), or null. Letters count from a = 1. */
function numberOf(text: string): { number: number; expression?: string } | null {
  // Numbers, letters and relations are short and hold a digit or are one letter; names are rejected unread.
  if (text.length > 60) return null;
  const t = /k/i.test(text) ? text.trim().replace(COLUMN_WORD_RE, "$1") : text.trim();
  const plain = /^\(?\s*(\d{1,2})\s*\)?\.?$/.exec(t);
  if (plain) return { number: parseInt(plain[1], 10) };
  const letter = /^\(?([a-z])\)?\.?$/i.exec(t);
  if (letter && !/^[IVX]$/.test(t)) return { number: letter[1].toLowerCase().charCodeAt(0) - 96 };
  const rel = RELATION_RE.exec(t);
  if (rel && /\d/.test(rel[2])) return { number: parseInt(rel[1], 10), expression: rel[2].replace(/\s+/g, " ").trim() };
  return null;
}

/**
 * Column-number row: most filled cells are numbers that mostly go up by one from 1 or 2 (a number may
 * repeat over a K/Rp span or be out of order once), letters a b c, or relations in words.
 */
export function readNumberRow(g: Grid, r: number, left: number, right: number): { col: number; number: number; text: string; expression?: string }[] | null {
  if (r > g.bottom) return null;
  const cells: { col: number; number: number; text: string; expression?: string }[] = [];
  let filled = 0;
  for (let c = left; c <= right; c++) {
    const text = g.text(r, c);
    if (text === "") continue;
    filled++;
    const v = g.value(r, c);
    if (typeof v === "number" && !Number.isInteger(v)) continue;
    const n = numberOf(text);
    if (n) cells.push({ col: c, number: n.number, text, ...(n.expression ? { expression: n.expression } : {}) });
  }
  if (cells.length < 2 || cells.length < filled * 0.8) return null;
  let steps = 0;
  let falls = 0;
  for (let i = 1; i < cells.length; i++) {
    const d = cells[i].number - cells[i - 1].number;
    if (d === 1 || d === 0) steps++;
    else if (d < 0) falls++;
  }
  if (cells[0].number > 2 || steps < (cells.length - 1) * 0.6 || falls > Math.max(1, (cells.length - 1) * 0.2)) return null;
  return cells;
}

/**
 * "1 2 3 4" (or "I II III IV") right under one label that says Triwulan / TW / Semester and spans them all
 * ("Realisasi Kinerja pada Triwulan" over 1 | 2 | 3 | 4): the periods, a label row, not the column numbers
 * (which number every column of the table, not only the ones under one label).
 */
function periodNumbersRow(g: Grid, r: number, top: number, left: number, right: number): boolean {
  const filled = g.filledColumns(r, left, right);
  if (filled.length < 2 || filled.length > 4) return false;
  const roman: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };
  const numbers = filled.map((c) => {
    const t = g.text(r, c).trim().toLowerCase();
    return /^[1-4]$/.test(t) ? parseInt(t, 10) : roman[t] ?? 0;
  });
  if (numbers.some((n, i) => n !== i + 1)) return false;
  // The nearest label above the first number: its text names the period, and it reaches over the last number.
  for (let rr = r - 1; rr >= top; rr--) {
    let anchor = g.merge(rr, filled[0]);
    if (!anchor) {
      // An unmerged label printed over its first column reaches over the blanks to its right.
      const from = g.filledColumns(rr, left, filled[0]).pop();
      if (from === undefined || g.merge(rr, from)) continue;
      anchor = { top: rr, left: from, bottom: rr, right: from };
      while (anchor.right + 1 <= right && g.text(rr, anchor.right + 1) === "" && !g.merge(rr, anchor.right + 1)) anchor.right++;
    }
    const text = g.text(anchor.top, anchor.left);
    if (text === "") continue;
    const reach = anchor.right;
    return /triwulan|\btw\b|\btrw\b|kuartal|semester/i.test(text) && reach >= filled[filled.length - 1] && (numbers.length === 4 || /semester/i.test(text));
  }
  return false;
}

/**
 * A unit cell's measure: "K", "Rp.", "%", "Kinerja", "Keuangan", and the forms with the unit in brackets
 * ("Anggaran (Rp)", "Keuangan (Rp.)", "Kinerja (K)").
 */
function unitMeasure(text: string): Measure | null {
  const m = measureOfText(text);
  if (m) return m;
  // The bracketed forms below are short ("Keuangan (Rp juta)").
  if (text.length > 32) return null;
  const t = text.trim().toLowerCase().replace(/\./g, "").replace(/\s+/g, " ");
  if (/^(anggaran|keuangan|pagu|dana|biaya)\s*\(\s*rp( 000| juta)?\s*\)$/.test(t)) return "Rp";
  if (/^kinerja\s*\(\s*k\s*\)$/.test(t)) return "K";
  return null;
}

/** Unit row: "K | Rp." or "K | % | Rp." over the figure columns. */
export function readUnitRow(g: Grid, r: number, left: number, right: number): Map<number, Measure> | null {
  if (r > g.bottom) return null;
  const out = new Map<number, Measure>();
  let filled = 0;
  let units = 0;
  for (let c = left; c <= right; c++) {
    const text = g.text(r, c);
    if (text === "") continue;
    filled++;
    const m = unitMeasure(text);
    if (m) {
      units++;
      const merge = g.merge(r, c);
      for (let k = c; k <= (merge ? merge.right : c); k++) out.set(k, m);
    }
  }
  return units >= 2 && units >= filled * 0.8 && [...out.values()].some((m) => m !== "%") ? out : null;
}

// ---------------------------------------------------------------------------------------------
// Label spans

/** Lowest row reached by a vertical merge that starts in row `top`. */
function mergedBottom(g: Grid, top: number, left: number, right: number): number {
  let bottom = top;
  for (let c = left; c <= right; c++) {
    const m = g.merge(top, c);
    if (m && m.top === top) bottom = Math.max(bottom, m.bottom);
  }
  return bottom;
}

function hasContentBelow(g: Grid, r: number, c: number, below: number[]): boolean {
  for (const k of below) if (k > r && g.shownText(k, c) !== "") return true;
  return false;
}

/**
 * Labels of one band row with the columns they span: a merge spans its area; an unmerged label that has
 * something below it inside the band (it is a parent) spans the blank cells to its right, up to the next
 * label and no further than the rows below reach.
 */
function rowLabels(g: Grid, r: number, left: number, right: number, below: number[]): LabelSpan[] {
  const out: LabelSpan[] = [];
  let reach = -1;
  for (const k of below) if (k > r) for (const c of g.filledColumns(k, left, right)) reach = Math.max(reach, g.merge(k, c)?.right ?? c);
  for (let c = left; c <= right; c++) {
    const m = g.merge(r, c);
    if (m) {
      if (m.left === c || c === left) {
        const text = squashSpaces(g.text(m.top, m.left));
        if (text) out.push({ row: r, left: Math.max(left, m.left), right: Math.min(right, m.right), text });
      }
      c = Math.max(c, Math.min(right, m.right));
      continue;
    }
    const text = squashSpaces(g.text(r, c));
    if (!text) continue;
    let end = c;
    if (hasContentBelow(g, r, c, below)) {
      while (end + 1 <= Math.min(right, reach) && g.shownText(r, end + 1) === "" && !g.merge(r, end + 1)) end++;
    }
    out.push({ row: r, left: c, right: end, text });
    c = end;
  }
  return out;
}

/** The label over (r, c), if any. */
function labelAt(labels: LabelSpan[], r: number, c: number): LabelSpan | undefined {
  return labels.find((l) => l.row === r && l.left <= c && c <= l.right);
}

/**
 * Is row r a further label row under the band so far? Every filled cell must sit under a label that
 * spans several columns (it splits that label), or be a year / period / measure qualifier under a
 * label; a single text across most of the band is a group row of the body, not a header.
 */
function isSubLabelRow(g: Grid, r: number, band: { top: number; bottom: number; left: number; right: number }, labels: LabelSpan[]): boolean {
  if (r > g.bottom) return false;
  const p = profileRow(g, r, band.left, band.right);
  // "T | R | C" repeated under each period or year is the Renaksi shorthand for target, realisasi and capaian:
  // header letters, though a lone "C" reads as a SAKIP grade.
  const letters = p.dataCells > 0 && isTrcRow(g, r, p.filled);
  if (p.filled.length === 0 || (p.dataCells > 0 && !letters) || p.longText > 0) return false;
  if (p.filled.length === 1) {
    const m = g.merge(r, p.filled[0]);
    if (m && m.right - m.left + 1 >= Math.max(2, (band.right - band.left + 1) / 2)) return false;
  }
  if (g.filledColumns(r).some((c) => c < band.left - 1 || c > band.right + 1)) return false;
  let splits = 0;
  // A row of header words only ("Target | Target | … | Target", "K | Rp") may also refine one-column labels.
  const allHeaderWords = p.filled.length >= 2 && p.roleCells + p.qualifierCells === p.filled.length && p.filled.every((c) => g.text(r, c).length <= 40);
  for (const c of p.filled) {
    const t = g.text(r, c);
    if (t.length > 60) return false;
    let parent: LabelSpan | undefined;
    for (let rr = band.bottom; rr >= band.top && !parent; rr--) parent = labelAt(labels, rr, c);
    const qualifier = headerCellKind(t) === "qualifier" || isYearNumber(g.value(r, c)) || /^(i{1,3}|iv)$/i.test(t);
    if (!parent) return false;
    if (parent.right > parent.left) splits++;
    else if (!qualifier && !allHeaderWords) return false;
  }
  return splits > 0 || allHeaderWords || p.filled.every((c) => headerCellKind(g.text(r, c)) === "qualifier" || isYearNumber(g.value(r, c)));
}

/** A row of the letters T, R and C only (with a dot or not), holding at least one T and one R. */
function isTrcRow(g: Grid, r: number, filled: number[]): boolean {
  let t = 0;
  let rr = 0;
  for (const c of filled) {
    const letter = trcLetter(g.text(r, c));
    if (!letter) return false;
    if (letter === "t") t++;
    if (letter === "r") rr++;
  }
  return t > 0 && rr > 0;
}

function extentOf(labels: LabelSpan[]): { left: number; right: number } {
  return { left: Math.min(...labels.map((l) => l.left)), right: Math.max(...labels.map((l) => l.right)) };
}

/** Widen a band over unlabelled columns at its left edge that hold numbering below it (a "No" column with an empty header). */
function widenForUnlabelled(g: Grid, band: { top: number; bottom: number; left: number }, bodyStart: number): void {
  const numbered = (c: number) => {
    let hits = 0;
    let filled = 0;
    for (let r = bodyStart; r < Math.min(g.bottom + 1, bodyStart + 6); r++) {
      const t = g.text(r, c);
      if (!t) continue;
      filled++;
      if (isNumberingText(t)) hits++;
    }
    return filled >= 2 && hits >= filled * 0.6;
  };
  const emptyHeader = (c: number) => {
    for (let r = band.top; r <= band.bottom; r++) if (g.shownText(r, c) !== "") return false;
    return true;
  };
  while (band.left - 1 >= g.left && emptyHeader(band.left - 1) && numbered(band.left - 1)) band.left--;
}

// ---------------------------------------------------------------------------------------------

/** Find the header band that starts at row r, if any. */
export function detectHeaderBand(g: Grid, r: number): HeaderBand | null {
  if (!isHeaderStart(g, r)) return null;
  let top = r;
  let bottom = mergedBottom(g, r, g.left, g.right);
  let { left, right } = { left: g.left, right: g.right };
  const labelRows: number[] = [];
  let labels: LabelSpan[] = [];
  // Children of a label are in the label rows and the unit row below it (never the number row).
  // A row's labels depend on the rows below it: read once per row and rows below while the band grows.
  const read = new Map<string, LabelSpan[]>();
  const labelsOf = (rr: number, below: number[]) => {
    const key = `${rr}|${below.join(",")}`;
    let spans = read.get(key);
    if (!spans) read.set(key, (spans = rowLabels(g, rr, g.left, g.right, below)));
    return spans;
  };
  const labelsTo = (extra?: number) => {
    const below = labelRows.slice();
    if (unitRow !== null) below.push(unitRow);
    if (extra !== undefined) below.push(extra);
    const spans: LabelSpan[] = [];
    for (const rr of labelRows) for (const l of labelsOf(rr, below)) spans.push(l);
    // A label never reaches past the label above it ("Tw. IV" ends where "… Pada Triwulan" ends).
    return spans.map((l) => {
      // The nearest label above that covers the label's first column.
      let parent: LabelSpan | undefined;
      for (const p of spans) if (p.row < l.row && p.left <= l.left && l.left <= p.right && (!parent || p.row > parent.row)) parent = p;
      return parent && l.right > parent.right ? { row: l.row, left: l.left, right: parent.right, text: l.text } : l;
    });
  };
  const relabel = () => {
    labels = labelsTo();
    if (labels.length) ({ left, right } = extentOf(labels));
  };
  let numberRow: number | null = null;
  let unitRow: number | null = null;
  let numberCells: ReturnType<typeof readNumberRow> = null;
  let units: Map<number, Measure> | null = null;
  // Rows held in the band by vertical merges may be the unit or number row ("K | Rp" under merged labels).
  for (let k = r; k <= bottom; k++) {
    if (k > r && unitRow === null && (units = readUnitRow(g, k, g.left, g.right))) unitRow = k;
    else if (k > r && numberRow === null && !periodNumbersRow(g, k, r, g.left, g.right) && (numberCells = readNumberRow(g, k, g.left, g.right))) numberRow = k;
    else labelRows.push(k);
  }
  relabel();
  for (let k = bottom + 1; k <= g.bottom; k++) {
    if (numberRow === null && !periodNumbersRow(g, k, top, left, right) && (numberCells = readNumberRow(g, k, left, right))) {
      numberRow = k;
      bottom = k;
      continue;
    }
    if (unitRow === null && (units = readUnitRow(g, k, left, right))) {
      unitRow = k;
      bottom = k;
      continue;
    }
    if (numberRow !== null || unitRow !== null || labelRows.length >= MAX_LABEL_ROWS) break;
    // Spans depend on what lies below: read the labels as if row k belonged to the band.
    const tentative = labelsTo(k);
    if (!tentative.length) break;
    if (!periodNumbersRow(g, k, top, left, right) && !isSubLabelRow(g, k, { top, bottom, ...extentOf(tentative) }, tentative)) break;
    const nb = mergedBottom(g, k, left, right);
    for (let kk = k; kk <= nb; kk++) labelRows.push(kk);
    bottom = nb;
    k = nb;
    relabel();
  }
  // Re-read the labels now that the band's bottom is known (spans depend on what lies below).
  relabel();
  if (unitRow !== null) for (const c of units?.keys() ?? []) right = Math.max(right, c);
  if (superHeaderAbove(g, { top, left, right })) {
    top--;
    labelRows.unshift(top);
    relabel();
  }
  const band = { top, bottom, left, right };
  widenForUnlabelled(g, band, bottom + 1);
  if (numberRow !== null) numberCells = readNumberRow(g, numberRow, band.left, band.right);
  return {
    top: band.top,
    bottom: band.bottom,
    left: band.left,
    right: band.right,
    labelRows,
    numberRow,
    unitRow,
    numbers: numberSpans(g, numberCells ?? [], labels, band),
    labels,
  };
}

/** A number stands for its column and the blank number cells to its right under the same top label. */
function numberSpans(g: Grid, all: NonNullable<ReturnType<typeof readNumberRow>>, labels: LabelSpan[], band: { left: number; right: number }): NumberCell[] {
  const topLabel = (c: number) => labels.filter((l) => l.left <= c && c <= l.right).sort((a, b) => a.row - b.row)[0];
  // A number printed again over each column of its K / Rp span ("6 6", "16 = 13 / 8 x 100" twice) is one span.
  const repeated = new Map<number, number>(); // first column → last column of the run
  const cells: typeof all = [];
  for (const cell of all) {
    const head = cells[cells.length - 1];
    const end = head ? (repeated.get(head.col) ?? head.col) : -2;
    if (head && head.number === cell.number && head.text === cell.text && end === cell.col - 1) repeated.set(head.col, cell.col);
    else cells.push(cell);
  }
  return cells.map((cell, i) => {
    if (repeated.has(cell.col)) return { col: cell.col, left: cell.col, right: repeated.get(cell.col)!, number: cell.number, text: cell.text, ...(cell.expression ? { expression: cell.expression } : {}) };
    const next = cells[i + 1]?.col ?? band.right + 1;
    const own = topLabel(cell.col);
    let right = cell.col;
    while (right + 1 < next && own && own.left <= right + 1 && right + 1 <= own.right) right++;
    return { col: cell.col, left: cell.col, right, number: cell.number, text: cell.text, ...(cell.expression ? { expression: cell.expression } : {}) };
  });
}

/** Header path (distinct label texts top → bottom) of each column of a band, left to right. */
export function headerPaths(band: HeaderBand): string[][] {
  const paths: string[][] = [];
  for (let c = band.left; c <= band.right; c++) {
    const path: string[] = [];
    for (const r of band.labelRows) {
      const l = labelAt(band.labels, r, c);
      if (l && path[path.length - 1] !== l.text) path.push(l.text);
    }
    paths.push(path);
  }
  return paths;
}

/** The measure of each column from the unit row, if the band has one. */
export function unitOf(g: Grid, band: HeaderBand, c: number): Measure | null {
  if (band.unitRow === null) return null;
  const text = g.shownText(band.unitRow, c);
  return text ? unitMeasure(text) : null;
}

export interface CaptionFound {
  caption: string | null;
  title: string | null;
  firstRow: number;
}

/** Caption ("Tabel 3.4") and title in the few rows above a header band. */
export function findCaption(g: Grid, band: { top: number; left: number; right: number }, floor: number): CaptionFound {
  let caption: string | null = null;
  const titleParts: string[] = [];
  let firstRow = band.top;
  for (let r = band.top - 1; r >= Math.max(floor, band.top - 4); r--) {
    const filled = g.filledColumns(r, Math.max(g.left, band.left - 2), band.right);
    if (filled.length === 0) {
      if (caption || titleParts.length) break;
      continue;
    }
    if (filled.length > 2) break;
    const text = filled.map((c) => g.text(r, c)).join(" ").replace(/\s+/g, " ").trim();
    if (isNoteText(text) || text.length > 300) break;
    const m = CAPTION_RE.exec(text);
    if (m) {
      caption = `Tabel ${m[1].replace(/\s+/g, "").replace(/,/g, ".")}`;
      if (m[2]) titleParts.unshift(m[2].replace(/^[.:\-–\s]+/, "").trim());
      firstRow = r;
      break;
    }
    titleParts.unshift(text);
    firstRow = r;
  }
  if (!caption && titleParts.length > 2) titleParts.splice(0, titleParts.length - 2);
  const title = titleParts.filter(Boolean).join(" ").trim();
  return { caption, title: title || null, firstRow };
}
