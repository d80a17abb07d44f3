/**
 * Grid snapshot: a sheet's cells as Excel holds them, independent of where they came from
 * (Office.js or an .xlsx file). Coordinates are 0-based absolute sheet positions.
 */

export interface ErrorValue {
  error: string; // "#DIV/0!", "#N/A", …
}

/** A cell value as Excel holds it. Empty cells are null. */
export type CellValue = number | string | boolean | ErrorValue | null;

export interface MergeArea {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface SheetSnapshot {
  name: string;
  /** Sheet position of values[0][0] (0-based). */
  top: number;
  left: number;
  values: CellValue[][];
  /** Formula text ("=SUM(A1:A3)") where the cell holds a formula, else null. */
  formulas: (string | null)[][];
  numberFormats: (string | null)[][];
  /** Optional style cues used for hierarchy (bold group rows, indented children). */
  bold?: boolean[][];
  indent?: number[][];
  merges: MergeArea[];
  hiddenRows: number[];
  hiddenColumns: number[];
}

export interface WorkbookSnapshot {
  file?: string;
  sheets: SheetSnapshot[];
}

export function isErrorValue(v: CellValue): v is ErrorValue {
  return typeof v === "object" && v !== null && "error" in v;
}

/** Column index (0-based) → letters: 0 → A, 26 → AA. */
export function columnLetter(col: number): string {
  let s = "";
  let n = col + 1;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Letters → column index (0-based). */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function cellAddress(row: number, col: number): string {
  return `${columnLetter(col)}${row + 1}`;
}

export function rangeAddress(top: number, left: number, bottom: number, right: number): string {
  const a = cellAddress(top, left);
  const b = cellAddress(bottom, right);
  return a === b ? a : `${a}:${b}`;
}

/** Parse "B3" or "$B$3" into 0-based {row, col}. */
export function parseCellAddress(address: string): { row: number; col: number } {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
  if (!m) throw new Error(`not a cell address: ${address}`);
  return { row: parseInt(m[2], 10) - 1, col: columnIndex(m[1]) };
}

/** Parse "A1:C4" (optionally sheet-qualified) into a 0-based area. */
export function parseRangeAddress(address: string): MergeArea {
  const bare = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const [a, b] = bare.split(":");
  const p = parseCellAddress(a);
  const q = b ? parseCellAddress(b) : p;
  return {
    top: Math.min(p.row, q.row),
    left: Math.min(p.col, q.col),
    bottom: Math.max(p.row, q.row),
    right: Math.max(p.col, q.col),
  };
}

/**
 * Read-only accessor over a snapshot. Merged non-anchor cells read as empty, like Excel;
 * `mergeAnchor` tells which cell a merged position belongs to.
 */
export class Grid {
  readonly name: string;
  readonly top: number;
  readonly left: number;
  readonly bottom: number; // inclusive
  readonly right: number; // inclusive
  private readonly mergeIndex = new Map<number, MergeArea>();
  private readonly hiddenRowSet: Set<number>;
  private readonly hiddenColSet: Set<number>;

  constructor(readonly snapshot: SheetSnapshot) {
    this.name = snapshot.name;
    this.top = snapshot.top;
    this.left = snapshot.left;
    this.bottom = snapshot.top + snapshot.values.length - 1;
    const width = snapshot.values.reduce((w, row) => Math.max(w, row.length), 0);
    this.right = snapshot.left + width - 1;
    for (const m of snapshot.merges) {
      for (let r = m.top; r <= m.bottom; r++) {
        for (let c = m.left; c <= m.right; c++) this.mergeIndex.set(this.key(r, c), m);
      }
    }
    this.hiddenRowSet = new Set(snapshot.hiddenRows);
    this.hiddenColSet = new Set(snapshot.hiddenColumns);
  }

  private key(r: number, c: number): number {
    return r * 16384 + c;
  }

  value(r: number, c: number): CellValue {
    const row = this.snapshot.values[r - this.top];
    if (!row) return null;
    const v = row[c - this.left];
    return v === undefined ? null : v;
  }

  formula(r: number, c: number): string | null {
    return this.snapshot.formulas[r - this.top]?.[c - this.left] ?? null;
  }

  numberFormat(r: number, c: number): string | null {
    return this.snapshot.numberFormats[r - this.top]?.[c - this.left] ?? null;
  }

  isBold(r: number, c: number): boolean {
    return this.snapshot.bold?.[r - this.top]?.[c - this.left] ?? false;
  }

  indent(r: number, c: number): number {
    return this.snapshot.indent?.[r - this.top]?.[c - this.left] ?? 0;
  }

  merge(r: number, c: number): MergeArea | undefined {
    return this.mergeIndex.get(this.key(r, c));
  }

  isHiddenRow(r: number): boolean {
    return this.hiddenRowSet.has(r);
  }

  isHiddenColumn(c: number): boolean {
    return this.hiddenColSet.has(c);
  }

  /** Text of a cell as a person reads it: strings trimmed, numbers in plain form, empty as "". */
  text(r: number, c: number): string {
    return cellText(this.value(r, c));
  }

  /** Text shown at a position, taking merged areas into account (a merge shows its anchor's text). */
  shownText(r: number, c: number): string {
    const m = this.merge(r, c);
    return m ? this.text(m.top, m.left) : this.text(r, c);
  }

  /**
   * Blank for reading: nothing a reader sees — no value, only spaces, or a formula showing "". Recognition
   * and layout use this. Never use it to decide whether a cell may be written: see `isVacant`.
   */
  isBlank(r: number, c: number): boolean {
    return this.text(r, c) === "";
  }

  /** @deprecated the reading sense, kept for recognition: use `isBlank` (reading) or `isVacant` (writing). */
  isEmpty(r: number, c: number): boolean {
    return this.isBlank(r, c);
  }

  /**
   * Empty for writing: the cell holds nothing at all — no value and no formula. A cell of spaces, a text
   * of zero length (a lone apostrophe), a formula showing "" are content the user put there; the write
   * plans and adapters fill only vacant cells unless the user agreed to overwrite.
   */
  isVacant(r: number, c: number): boolean {
    return this.value(r, c) === null && this.formula(r, c) === null;
  }

  /** What a non-vacant cell holds, for messages: its formula, or its value ("   " for spaces), or null. */
  content(r: number, c: number): CellContent | null {
    if (this.isVacant(r, c)) return null;
    return { value: this.value(r, c), formula: this.formula(r, c) };
  }

  isRowEmpty(r: number, left = this.left, right = this.right): boolean {
    for (let c = left; c <= right; c++) if (!this.isBlank(r, c)) return false;
    return true;
  }

  /** Non-blank cells of a row (anchor cells only), in the reading sense. */
  filledColumns(r: number, left = this.left, right = this.right): number[] {
    const out: number[] = [];
    for (let c = left; c <= right; c++) if (!this.isBlank(r, c)) out.push(c);
    return out;
  }
}

/** A cell's content as the write checks compare it: the formula when there is one, else the value. */
export interface CellContent {
  value: CellValue;
  formula: string | null;
}

/** Same content: the same formula text, or (no formula on either side) the same value. */
export function sameContent(a: CellContent | null, b: CellContent | null): boolean {
  const fa = a?.formula ?? null;
  const fb = b?.formula ?? null;
  if (fa !== null || fb !== null) return fa === fb;
  const va = a?.value ?? null;
  const vb = b?.value ?? null;
  if (isErrorValue(va) || isErrorValue(vb)) return isErrorValue(va) && isErrorValue(vb) && va.error === vb.error;
  return va === vb;
}

/** A cell's content as a person reads it in a message: the formula, or the value with its spaces kept. */
export function describeContent(c: CellContent | null): string {
  if (!c) return "";
  if (c.formula) return c.formula;
  if (c.value === null) return "";
  if (isErrorValue(c.value)) return c.value.error;
  return String(c.value);
}

/**
 * The same text as one flat string that holds its own characters. V8 keeps a text built piece by piece as a tree of
 * its pieces, and a piece cut from a bigger text (a regex match on a sheet's XML) keeps that whole text alive; texts
 * held long (a plan of half a million formulas, a snapshot) are made flat. Short texts are flat already.
 */
export function flatText(s: string): string {
  return s.length < 13 ? s : (" " + s).slice(1);
}

/**
 * Runs of white space as one space, trimmed. Returns the text itself when it has none to squash (most texts):
 * the header and body readers call this on every cell they compare.
 */
const OTHER_SPACE = /[^\S ]/;
export function squashSpaces(s: string): string {
  const n = s.length;
  if (n === 0) return s;
  const clean = s.charCodeAt(0) !== 32 && s.charCodeAt(n - 1) !== 32 && s.indexOf("  ") === -1 && !OTHER_SPACE.test(s);
  return clean ? s : s.replace(/\s+/g, " ").trim();
}

/**
 * A text that reads as it is: printable ASCII at both ends and no non-breaking space. Most cells are; for them
 * cellText returns the text itself instead of a trimmed copy (recognition reads each cell many times).
 */
function isCleanText(s: string): boolean {
  const n = s.length;
  if (n === 0) return true;
  const a = s.charCodeAt(0);
  const b = s.charCodeAt(n - 1);
  return a > 32 && a < 127 && b > 32 && b < 127 && s.indexOf("\u00a0") === -1;
}

export function cellText(v: CellValue): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return isCleanText(v) ? v : v.replace(/\u00a0/g, " ").trim();
  if (typeof v === "number") return String(v);
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return v.error;
}
