/**
 * The workbook's styles part (xl/styles.xml), read for the snapshot (number format, bold, indent of each
 * cell format) and extended for writes: a new cell format is derived from an existing one (another number
 * format, bold, a fill) or built for a generated sheet; identical formats are shared. Existing formats keep
 * their index, so every cell the tool does not write keeps its look.
 */
import type { CellStyle } from "../core/sheetSpec";
import { attribute, attributes, elementSpan, escapeAttr, prefixOf } from "./xml";

/** Excel's built-in number formats by id (ECMA-376 §18.8.30), as ExcelJS names them. */
export const BUILTIN_NUMBER_FORMATS: Record<number, string> = {
  0: "General", 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 9: "0%", 10: "0.00%", 11: "0.00E+00", 12: "# ?/?", 13: "# ??/??",
  14: "mm-dd-yy", 15: "d-mmm-yy", 16: "d-mmm", 17: "mmm-yy", 18: "h:mm AM/PM", 19: "h:mm:ss AM/PM", 20: "h:mm", 21: "h:mm:ss",
  22: 'm/d/yy "h":mm', 37: "#,##0 ;(#,##0)", 38: "#,##0 ;[Red](#,##0)", 39: "#,##0.00 ;(#,##0.00)", 40: "#,##0.00 ;[Red](#,##0.00)",
  45: "mm:ss", 46: "[h]:mm:ss", 47: "mmss.0", 48: "##0.0E+0", 49: "@",
};

const STYLESHEET_ORDER = ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs", "tableStyles", "colors", "extLst"];
const LISTS = { numFmts: "numFmt", fonts: "font", fills: "fill", borders: "border", cellXfs: "xf", dxfs: "dxf" } as const;
type ListName = keyof typeof LISTS;

/** What the snapshot needs of a cell format. */
export interface FormatInfo {
  numFmt: string | null;
  bold: boolean;
  indent: number;
}

/** A look for a cell: a generated sheet's cell style (core CellStyle), or what a plan write changes. */
export interface LookChange extends CellStyle {
  /** Drop the "quote prefix" (text-entry) flag: the cell gets a formula or a number. */
  dropQuotePrefix?: boolean;
}

const LOOK_KEYS: (keyof LookChange)[] = ["numberFormat", "bold", "italic", "underline", "size", "color", "fill", "border", "align", "valign", "wrap", "dropQuotePrefix"];
const children = (inner: string, p: string, name: string): string[] => inner.match(new RegExp(`<${p}${name}\\b[^>]*?/>|<${p}${name}\\b[^>]*?[^/]>[\\s\\S]*?</${p}${name}>|<${p}${name}>[\\s\\S]*?</${p}${name}>`, "g")) ?? [];
const argb = (hex: string) => `FF${hex.replace("#", "").toUpperCase()}`;

export class StyleSheet {
  private readonly p: string;
  private readonly lists: Record<ListName, string[]>;
  private readonly added: Record<ListName, number>;
  private readonly index = new Map<string, number>();
  private readonly infos: (FormatInfo | undefined)[] = [];

  constructor(private readonly xml: string) {
    this.p = prefixOf(xml, "styleSheet");
    this.lists = {} as Record<ListName, string[]>;
    this.added = {} as Record<ListName, number>;
    for (const list of Object.keys(LISTS) as ListName[]) {
      const span = elementSpan(xml, this.p, list);
      this.lists[list] = span ? children(xml.slice(span.inner, span.innerEnd), this.p, LISTS[list]) : [];
      this.added[list] = 0;
    }
    this.lists.cellXfs.forEach((xf, i) => this.index.set(`cellXfs|${xf}`, i));
  }

  get changed(): boolean {
    return Object.values(this.added).some((n) => n > 0);
  }

  /** The number format code of a format id (custom ones from the part, else the built-in table). */
  numberFormatCode(id: number): string | null {
    const custom = this.lists.numFmts.find((n) => attribute(n.slice(n.indexOf(" ")), "numFmtId") === String(id));
    if (custom) return attribute(custom.slice(custom.indexOf(" ")), "formatCode") ?? null;
    return BUILTIN_NUMBER_FORMATS[id] ?? null;
  }

  /**
   * Number format, bold and indent of cell format `xf`. Format 0 reads as no style at all, as ExcelJS
   * reads it (the snapshot of both readers is the same).
   */
  info(xf: number): FormatInfo {
    let info = this.infos[xf];
    if (info) return info;
    info = { numFmt: null, bold: false, indent: 0 };
    const raw = xf ? this.lists.cellXfs[xf] : undefined;
    if (raw) {
      const a = attributes(raw.slice(0, raw.indexOf(">")));
      const numFmtId = Number(a.numFmtId ?? 0);
      if (numFmtId) info.numFmt = this.numberFormatCode(numFmtId);
      const font = this.lists.fonts[Number(a.fontId ?? 0)];
      const b = font ? /<(?:\w+:)?b(\s[^>]*)?\/?>/.exec(font) : null;
      info.bold = !!b && !/val\s*=\s*["'](0|false)["']/.test(b[1] ?? "");
      const align = /<(?:\w+:)?alignment\b([^>]*)/.exec(raw);
      const indent = align ? attribute(align[1], "indent") : undefined;
      info.indent = indent ? parseInt(indent, 10) || 0 : 0;
    }
    this.infos[xf] = info;
    return info;
  }

  /** A number format id for a format code: the built-in id, an existing custom one, or a new one. */
  numberFormatId(code: string): number {
    for (const [id, f] of Object.entries(BUILTIN_NUMBER_FORMATS)) if (f === code) return Number(id);
    for (const n of this.lists.numFmts) {
      const a = n.slice(n.indexOf(" "));
      if (attribute(a, "formatCode") === code) return Number(attribute(a, "numFmtId"));
    }
    const ids = this.lists.numFmts.map((n) => Number(attribute(n.slice(n.indexOf(" ")), "numFmtId")) || 0);
    const id = Math.max(163, ...ids) + 1;
    this.lists.numFmts.push(`<${this.p}numFmt numFmtId="${id}" formatCode="${escapeAttr(code)}"/>`);
    this.added.numFmts++;
    return id;
  }

  private add(list: ListName, xml: string): number {
    const key = `${list}|${xml}`;
    const found = this.index.get(key) ?? this.lists[list].indexOf(xml);
    if (found >= 0) {
      this.index.set(key, found);
      return found;
    }
    this.lists[list].push(xml);
    this.added[list]++;
    this.index.set(key, this.lists[list].length - 1);
    return this.lists[list].length - 1;
  }

  private fontWith(fontId: number, c: LookChange): number {
    const p = this.p;
    let font = this.lists.fonts[fontId] ?? this.lists.fonts[0] ?? `<${p}font></${p}font>`;
    if (font.endsWith("/>")) font = `${font.slice(0, -2)}></${p}font>`;
    const set = (tag: string, el: string | null) => {
      font = font.replace(new RegExp(`<${p}${tag}\\b[^>]*?/>|<${p}${tag}\\b[^>]*>[\\s\\S]*?</${p}${tag}>`, "g"), "");
      if (el) font = font.replace(new RegExp(`(<${p}font\\b[^>]*>)`), `$1${el}`);
    };
    if (c.bold !== undefined) set("b", c.bold ? `<${p}b/>` : null);
    if (c.italic !== undefined) set("i", c.italic ? `<${p}i/>` : null);
    if (c.underline !== undefined) set("u", c.underline ? `<${p}u/>` : null);
    if (c.size !== undefined) set("sz", `<${p}sz val="${c.size}"/>`);
    if (c.color !== undefined) set("color", `<${p}color rgb="${argb(c.color)}"/>`);
    return this.add("fonts", font);
  }

  /**
   * The cell format `base` with the changes applied (a new format, or an identical existing one).
   * `fresh` starts from the workbook's default look instead of keeping the base's font, fill and border.
   */
  derive(base: number, c: LookChange, fresh = false): number {
    const key = `${base}|${fresh ? 1 : 0}|${LOOK_KEYS.map((k) => c[k] ?? "").join("|")}`;
    let xf = this.derived.get(key);
    if (xf === undefined) this.derived.set(key, (xf = this.deriveNew(base, c, fresh)));
    return xf;
  }
  private readonly derived = new Map<string, number>();

  private deriveNew(base: number, c: LookChange, fresh: boolean): number {
    const p = this.p;
    const raw = this.lists.cellXfs[base] ?? this.lists.cellXfs[0] ?? `<${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`;
    const openEnd = raw.indexOf(">");
    const a = attributes(raw.slice(0, openEnd));
    let body = raw.endsWith("/>") ? "" : raw.slice(openEnd + 1, raw.lastIndexOf("<"));
    if (fresh) {
      for (const k of Object.keys(a)) if (!["xfId"].includes(k)) delete a[k];
      Object.assign(a, { numFmtId: "0", fontId: "0", fillId: "0", borderId: "0" });
      body = "";
    }
    if (c.dropQuotePrefix) delete a.quotePrefix;
    if (c.numberFormat !== undefined) {
      a.numFmtId = String(this.numberFormatId(c.numberFormat));
      a.applyNumberFormat = "1";
    }
    if (c.bold !== undefined || c.italic !== undefined || c.underline !== undefined || c.size !== undefined || c.color !== undefined) {
      a.fontId = String(this.fontWith(Number(a.fontId ?? 0), c));
      a.applyFont = "1";
    }
    if (c.fill !== undefined) {
      a.fillId = String(this.add("fills", `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${argb(c.fill)}"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`));
      a.applyFill = "1";
    }
    if (c.border) {
      const side = (s: string) => `<${p}${s} style="thin"><${p}color rgb="FF808080"/></${p}${s}>`;
      a.borderId = String(this.add("borders", `<${p}border>${side("left")}${side("right")}${side("top")}${side("bottom")}<${p}diagonal/></${p}border>`));
      a.applyBorder = "1";
    }
    if (c.align || c.valign || c.wrap) {
      const al: string[] = [];
      if (c.align) al.push(`horizontal="${c.align}"`);
      if (c.valign) al.push(`vertical="${c.valign === "middle" ? "center" : c.valign}"`);
      if (c.wrap) al.push('wrapText="1"');
      body = body.replace(new RegExp(`<${p}alignment\\b[^>]*?/>|<${p}alignment\\b[^>]*>[\\s\\S]*?</${p}alignment>`), "");
      body = `<${p}alignment ${al.join(" ")}/>${body}`;
      a.applyAlignment = "1";
    }
    const attrs = Object.entries(a).map(([k, v]) => ` ${k}="${escapeAttr(v)}"`).join("");
    return this.add("cellXfs", body ? `<${p}xf${attrs}>${body}</${p}xf>` : `<${p}xf${attrs}/>`);
  }

  /** A differential format (for conditional formats): solid fill and font colour. */
  addFillDxf(fill: string, fontColor: string): number {
    const p = this.p;
    return this.add("dxfs", `<${p}dxf><${p}font><${p}color rgb="${argb(fontColor)}"/></${p}font><${p}fill><${p}patternFill patternType="solid"><${p}bgColor rgb="${argb(fill)}"/></${p}patternFill></${p}fill></${p}dxf>`);
  }

  /** The part with the new entries (each list keeps its existing entries and indexes). */
  toXml(): string {
    let xml = this.xml;
    const p = this.p;
    for (const list of Object.keys(LISTS) as ListName[]) {
      if (!this.added[list]) continue;
      const items = this.lists[list];
      const el = `<${p}${list} count="${items.length}">${items.join("")}</${p}${list}>`;
      const span = elementSpan(xml, p, list);
      if (span) {
        const open = xml.slice(span.start, xml.indexOf(">", span.start) + 1);
        const keep = open.replace(/\s?count="[^"]*"/, "").replace(/\/?>$/, "");
        xml = `${xml.slice(0, span.start)}${keep} count="${items.length}">${items.join("")}</${p}${list}>${xml.slice(span.end)}`;
      } else {
        const at = insertAt(xml, p, list);
        xml = xml.slice(0, at) + el + xml.slice(at);
      }
    }
    return xml;
  }
}

function insertAt(xml: string, p: string, list: string): number {
  for (const el of STYLESHEET_ORDER.slice(STYLESHEET_ORDER.indexOf(list) + 1)) {
    const m = new RegExp(`<${p}${el}[\\s>/]`).exec(xml);
    if (m) return m.index;
  }
  return xml.lastIndexOf(`</${p}styleSheet>`);
}
