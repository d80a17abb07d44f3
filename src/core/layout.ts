/**
 * Where the tables are on a sheet: header bands (1–4 rows, more when merges say so), the caption and
 * title above, the column-number row below, and how far the body runs. No assumption is made about
 * where a table starts; several tables per sheet are found in one pass from top to bottom.
 */
import { Grid } from "./grid";
import { parseNumeral } from "./numerals";
import { measureOfText, roleOfText } from "./roles";
import { periodIn, yearIn } from "./vocabulary";

export interface HeaderBand {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

export interface ColumnNumberCell {
  col: number;
  number: number;
  text: string;
  /** "7=6/5*100" → the expression right of "=" */
  expression?: string;
}

export const CAPTION_RE = /^tabel\s*(\d+(?:\s*[.,]\s*\d+)*[a-z]?)\b\.?\s*(.*)$/i;
const NOTE_RE = /^(sumber\s*(data)?\s*:|sumber\b|\*+\s*\)|\*\s|catatan\s*:|keterangan\s*:|ket\s*:|note\s*:)/i;
const MAX_BAND = 4;

export function isNoteText(text: string): boolean {
  return NOTE_RE.test(text.trim());
}

/** A header cell: a short text that is a role word, a year, a period or a K/Rp/% measure. */
export function headerCellKind(text: string): "role" | "qualifier" | "plain" | "data" {
  const t = text.trim();
  if (t === "") return "plain";
  if (/^[-+]?\d[\d.,]*\s*%?$/.test(t)) {
    const y = /^(19|20)\d{2}$/.test(t);
    return y ? "qualifier" : "data";
  }
  if (t.length > 160) return "data";
  // Names with a budget code or list numbering in front are body content ("1.01.02 PROGRAM …").
  if (/^\d+(\.\d+)+\.?\s+\S/.test(t) || /^\d{1,3}[.)]\s+\S/.test(t)) return "data";
  if (measureOfText(t) || periodIn(t)) return "qualifier";
  const n = parseNumeral(t);
  if (n.kind === "category" || n.kind === "grade" || n.kind === "bundle" || n.kind === "percent") return "data";
  if (roleOfText(t)) return "role";
  if (measureOfText(t) || periodIn(t) || (yearIn(t) !== null && t.length <= 30)) return "qualifier";
  return "plain";
}

interface RowProfile {
  filled: number[];
  roleCells: number;
  qualifierCells: number;
  dataCells: number;
  longText: number;
}

function profileRow(g: Grid, r: number, left: number, right: number): RowProfile {
  const p: RowProfile = { filled: [], roleCells: 0, qualifierCells: 0, dataCells: 0, longText: 0 };
  for (let c = left; c <= right; c++) {
    const v = g.value(r, c);
    const text = g.text(r, c);
    if (text === "") continue;
    p.filled.push(c);
    if (typeof v === "number" && !(v >= 1990 && v <= 2099 && Number.isInteger(v))) {
      p.dataCells++;
      continue;
    }
    // Long texts are body content or titles; their wording is not read (it is the costly part).
    const k = text.length > 80 ? "plain" : headerCellKind(text);
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
  const p = profileRow(g, r, g.left, g.right);
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

/** A single text merged across the band right above it ("JUMLAH KORBAN … TAHUN 2024") is the band's top row. */
function superHeaderAbove(g: Grid, band: HeaderBand): boolean {
  const r = band.top - 1;
  if (r < g.top) return false;
  const filled = g.filledColumns(r);
  if (filled.length !== 1) return false;
  const m = g.merge(r, filled[0]);
  if (!m || m.left > band.left || m.right < band.right || m.right - m.left < 1) return false;
  const text = g.text(r, filled[0]);
  if (CAPTION_RE.test(text) || isNoteText(text) || text.length > 120) return false;
  // A title printed under its caption is not a header; a super header has a title line of its own above it.
  const above = r - 1 >= g.top ? g.filledColumns(r - 1) : [];
  return above.length > 0 && !CAPTION_RE.test(g.text(r - 1, above[0]));
}

/** Numbering-like text: "1", "1.", "(1)", "I", "a.", "1.2". */
export function isNumberingText(text: string): boolean {
  return /^\(?(\d{1,3}|[IVXL]{1,5}|[a-zA-Z])[.)]?$|^\d{1,3}(\.\d{1,3})+\.?$/.test(text.trim());
}

/** Widen a band over unlabelled columns at its edges that hold numbering below it (a "No" column with an empty header). */
function widenForUnlabelled(g: Grid, band: HeaderBand, bodyStart: number): void {
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

/** Column-number row: "1 2 3 …", "(1) (2)", "1. 2.", "7=6/5*100", "13 = 9 + 10 + 11 + 12". */
export function readColumnNumberRow(g: Grid, r: number, left: number, right: number): ColumnNumberCell[] | null {
  const cells: ColumnNumberCell[] = [];
  let filled = 0;
  for (let c = left; c <= right; c++) {
    const text = g.text(r, c);
    if (text === "") continue;
    filled++;
    const plain = /^\(?\s*(\d{1,2})\s*\)?\.?$/.exec(text);
    if (plain) {
      cells.push({ col: c, number: parseInt(plain[1], 10), text });
      continue;
    }
    const rel = /^\(?\s*(\d{1,2})\s*=\s*([\d\s+\-*/x×:().]+?)\s*\)?$/i.exec(text);
    if (rel && /\d/.test(rel[2])) {
      cells.push({ col: c, number: parseInt(rel[1], 10), text, expression: rel[2].replace(/\s+/g, " ").trim() });
    }
  }
  if (cells.length < 2 || cells.length < filled * 0.8) return null;
  let steps = 0;
  for (let i = 1; i < cells.length; i++) {
    if (cells[i].number <= cells[i - 1].number) return null;
    if (cells[i].number === cells[i - 1].number + 1) steps++;
  }
  if (cells[0].number > 2 || steps < (cells.length - 1) * 0.6) return null;
  return cells;
}

function bandExtent(g: Grid, top: number, bottom: number): { left: number; right: number } {
  let left = Infinity;
  let right = -Infinity;
  for (let r = top; r <= bottom; r++) {
    for (let c = g.left; c <= g.right; c++) {
      if (g.text(r, c) === "") continue;
      const m = g.merge(r, c);
      left = Math.min(left, m ? m.left : c);
      right = Math.max(right, m ? m.right : c);
    }
  }
  return { left, right };
}

/** Lowest row reached by a vertical merge that starts in row `top`. */
function mergedBottom(g: Grid, top: number): number {
  let bottom = top;
  for (let c = g.left; c <= g.right; c++) {
    const m = g.merge(top, c);
    if (m && m.top === top) bottom = Math.max(bottom, m.bottom);
  }
  return bottom;
}

/** Is row r a further header row under a band that ends at r-1? */
function continuesBand(g: Grid, r: number, band: HeaderBand): boolean {
  if (r > g.bottom) return false;
  if (readColumnNumberRow(g, r, band.left, band.right)) return false;
  const p = profileRow(g, r, band.left, band.right);
  if (p.filled.length === 0 || p.dataCells > 0 || p.longText > 0) return false;
  if (p.roleCells + p.qualifierCells === 0) return false;
  // Mostly header words, or short labels such as "L / P" under a parent.
  const short = p.filled.every((c) => g.text(r, c).length <= 12);
  if ((p.roleCells + p.qualifierCells) / p.filled.length < 0.5 && !short) return false;
  // A sub-header only qualifies or splits what is above it: every filled cell sits under header text.
  for (const c of p.filled) {
    let covered = false;
    for (let rr = band.top; rr < r && !covered; rr++) covered = g.shownText(rr, c) !== "" || spannedByParent(g, rr, c, band);
    if (!covered) return false;
    const t = g.text(r, c);
    if (t.length > 60) return false;
  }
  return true;
}

/** An empty header cell right of a parent whose children continue below it (parent left unmerged). */
export function spannedByParent(g: Grid, r: number, c: number, band: HeaderBand): boolean {
  if (g.shownText(r, c) !== "" || r >= band.bottom + 1) return false;
  let k = c - 1;
  while (k >= band.left && g.shownText(r, k) === "") k--;
  if (k < band.left) return false;
  // The parent at (r, k) has something under it, and so does our column.
  return g.shownText(r + 1, k) !== "" && g.shownText(r + 1, c) !== "";
}

export interface BandFound {
  band: HeaderBand;
  columnNumbers: { row: number; cells: ColumnNumberCell[] } | null;
}

/** Find the header band that starts at row r, if any. */
export function detectHeaderBand(g: Grid, r: number): BandFound | null {
  if (!isHeaderStart(g, r)) return null;
  let bottom = mergedBottom(g, r);
  let { left, right } = bandExtent(g, r, bottom);
  const band: HeaderBand = { top: r, bottom, left, right };
  while (band.bottom - band.top + 1 < Math.max(MAX_BAND, bottom - r + 1) && continuesBand(g, band.bottom + 1, band)) {
    band.bottom++;
    band.bottom = Math.max(band.bottom, mergedBottom(g, band.bottom));
    ({ left, right } = bandExtent(g, band.top, band.bottom));
    band.left = left;
    band.right = right;
  }
  if (superHeaderAbove(g, band)) band.top--;
  let colnumCells = readColumnNumberRow(g, band.bottom + 1, band.left, band.right);
  widenForUnlabelled(g, band, band.bottom + 1 + (colnumCells ? 1 : 0));
  if (colnumCells) colnumCells = readColumnNumberRow(g, band.bottom + 1, band.left, band.right);
  return { band, columnNumbers: colnumCells ? { row: band.bottom + 1, cells: colnumCells } : null };
}

/** Header path (distinct texts top → bottom) of each column of a band. */
export function headerPaths(g: Grid, band: HeaderBand): string[][] {
  const paths: string[][] = [];
  for (let c = band.left; c <= band.right; c++) {
    const path: string[] = [];
    for (let r = band.top; r <= band.bottom; r++) {
      let text = g.shownText(r, c);
      if (text === "" && r < band.bottom) {
        // Parent printed once over its children and left empty to the right.
        let k = c - 1;
        while (k >= band.left && g.shownText(r, k) === "" && !g.merge(r, k)) k--;
        if (k >= band.left && spannedByParent(g, r, c, band)) text = g.shownText(r, k);
      }
      text = text.replace(/\s+/g, " ").trim();
      if (text && path[path.length - 1] !== text) path.push(text);
    }
    paths.push(path);
  }
  return paths;
}

export interface CaptionFound {
  caption: string | null;
  title: string | null;
  firstRow: number;
}

/** Caption ("Tabel 3.4") and title in the few rows above a header band. */
export function findCaption(g: Grid, band: HeaderBand, floor: number): CaptionFound {
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
