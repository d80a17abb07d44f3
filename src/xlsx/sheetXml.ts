/**
 * Scanning a worksheet part's <sheetData>: rows and cells with their positions in the text, so the reader
 * can take values in one pass and the writer can splice changed rows while copying all others verbatim.
 */
import { columnLetter, flatText } from "../core/grid";
import { attribute, decodeOoxmlText, decodeXml } from "./xml";

/** "AB12" → 0-based {row, col}; null when it is not a cell reference. */
export function parseRef(ref: string): { row: number; col: number } | null {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i) & ~32; // upper-case letters
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
  }
  if (i === 0 || i > 3) return null;
  const row = Number(ref.slice(i));
  if (!Number.isInteger(row) || row < 1) return null;
  return { row: row - 1, col: col - 1 };
}

export interface RowTag {
  /** 1-based row number. */
  r: number;
  /** The start tag's attribute text. */
  attrs: string;
  start: number;
  end: number;
  inner: number;
  innerEnd: number;
}

/** The sheetData element's content span, or null for a sheet without one. */
export function sheetDataSpan(xml: string, p: string): { start: number; end: number; inner: number; innerEnd: number } | null {
  const open = new RegExp(`<${p}sheetData\\b[^>]*?(/?)>`).exec(xml);
  if (!open) return null;
  const innerStart = open.index + open[0].length;
  if (open[1] === "/") return { start: open.index, end: innerStart, inner: innerStart, innerEnd: innerStart };
  const close = xml.indexOf(`</${p}sheetData>`, innerStart);
  if (close < 0) return null;
  return { start: open.index, end: close + `</${p}sheetData>`.length, inner: innerStart, innerEnd: close };
}

/** Calls `fn` for each <row> between `from` and `to`, numbering rows without an r attribute as Excel does. */
export function eachRow(xml: string, p: string, from: number, to: number, fn: (row: RowTag) => void): void {
  const re = new RegExp(`<${p}row\\b([^>]*?)(/?)>`, "g");
  const close = `</${p}row>`;
  re.lastIndex = from;
  let last = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml)) && m.index < to) {
    const attrs = m[1];
    const rAttr = attribute(attrs, "r");
    const r = rAttr ? parseInt(rAttr, 10) : last + 1;
    last = r;
    const inner = m.index + m[0].length;
    let innerEnd = inner;
    let end = inner;
    if (m[2] !== "/") {
      innerEnd = xml.indexOf(close, inner);
      if (innerEnd < 0 || innerEnd > to) innerEnd = to;
      end = innerEnd + close.length;
      re.lastIndex = end;
    }
    fn({ r, attrs, start: m.index, end, inner, innerEnd });
  }
}

export interface CellTag {
  row: number; // 0-based
  col: number; // 0-based
  attrs: string;
  /** The cell's content between its tags ("" for an empty element). */
  body: string;
  start: number;
  end: number;
}

/** Calls `fn` for each <c> in a row's content; cells without an r attribute follow the previous one. */
export function eachCell(xml: string, p: string, from: number, to: number, row0: number, fn: (cell: CellTag) => void): void {
  const re = new RegExp(`<${p}c\\b([^>]*?)(?:/>|>([\\s\\S]*?)</${p}c>)`, "g");
  re.lastIndex = from;
  let col = -1;
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml)) && m.index < to) {
    const attrs = m[1];
    const r = attribute(attrs, "r");
    const ref = r ? parseRef(r) : null;
    col = ref ? ref.col : col + 1;
    fn({ row: ref ? ref.row : row0, col, attrs, body: m[2] ?? "", start: m.index, end: m.index + m[0].length });
  }
}

export interface CellContent {
  /** Text of <v>, undefined when absent. */
  v?: string;
  /** The <f> element's attribute text and formula text, when there is one. */
  fAttrs?: string;
  f?: string;
  /** Text of an inline string (<is>), when there is one. */
  inline?: string;
}

const contentRegexes = new Map<string, { v: RegExp; f: RegExp; is: RegExp }>();

export function cellContent(body: string, p: string): CellContent {
  const out: CellContent = {};
  if (!body) return out;
  let re = contentRegexes.get(p);
  if (!re) {
    re = { v: new RegExp(`<${p}v(?:\\s[^>]*)?>([\\s\\S]*?)</${p}v>`), f: new RegExp(`<${p}f\\b([^>]*?)(?:/>|>([\\s\\S]*?)</${p}f>)`), is: new RegExp(`<${p}is\\b[^>]*>([\\s\\S]*?)</${p}is>`) };
    contentRegexes.set(p, re);
  }
  const v = re.v.exec(body);
  if (v) out.v = v[1];
  if (body.indexOf("f") >= 0) {
    const f = re.f.exec(body);
    if (f) {
      out.fAttrs = f[1];
      out.f = decodeXml(f[2] ?? "");
    }
  }
  if (body.indexOf("is") >= 0) {
    const is = re.is.exec(body);
    if (is) out.inline = runsText(is[1], p);
  }
  return out;
}

/** The text of a string item (<si> or <is>): its <t> runs, without phonetic (<rPh>) runs. */
export function runsText(xml: string, p: string): string {
  const plain = xml.indexOf("rPh") >= 0 ? xml.replace(new RegExp(`<${p}rPh\\b[\\s\\S]*?</${p}rPh>`, "g"), "") : xml;
  let s = "";
  for (const m of plain.matchAll(new RegExp(`<${p}t(?:\\s[^>]*)?>([\\s\\S]*?)</${p}t>`, "g"))) s += m[1];
  return flatText(decodeOoxmlText(decodeXml(s)));
}

/**
 * A formula moved from one cell to another, as Excel copies it: relative references shift, $-anchored
 * parts stay; text in quotes and function names are left alone. Used for shared formulas (one formula
 * written once for a block of cells).
 */
export function shiftFormula(formula: string, dRow: number, dCol: number): string {
  if (!dRow && !dCol) return formula;
  const token = /"(?:[^"]|"")*"?|'(?:[^']|'')*'?|\d+(?:\.\d*)?(?:[eE][+-]?\d+)?|[A-Za-z_$][A-Za-z0-9_.$]*|\[|[^"'\dA-Za-z_$[]+/g;
  let out = "";
  let m: RegExpExecArray | null;
  while ((m = token.exec(formula))) {
    const t = m[0];
    if (t === "[") {
      // A structured reference (Table1[[#This Row],[Pagu]]): copied up to its matching bracket.
      let depth = 0;
      let i = m.index;
      for (; i < formula.length; i++) {
        if (formula[i] === "[") depth++;
        else if (formula[i] === "]" && --depth === 0) break;
      }
      out += formula.slice(m.index, i + 1);
      token.lastIndex = i + 1;
      continue;
    }
    const ref = /^(\$?)([A-Za-z]{1,3})(\$?)(\d+)$/.exec(t);
    const next = formula[token.lastIndex];
    if (!ref || next === "(" || next === "!") {
      out += t;
      continue;
    }
    let col = 0;
    for (const c of ref[2].toUpperCase()) col = col * 26 + (c.charCodeAt(0) - 64);
    let row = parseInt(ref[4], 10);
    if (col > 16384 || row > 1048576) {
      out += t;
      continue;
    }
    if (!ref[1]) col += dCol;
    if (!ref[3]) row += dRow;
    out += col < 1 || row < 1 ? "#REF!" : `${ref[1]}${columnLetter(col - 1)}${ref[3]}${row}`;
  }
  return out;
}
