/**
 * Small XML helpers for the parts of an .xlsx package. The parts are machine-written XML, so a tag scanner
 * with regular expressions is enough to read what we need and to splice what we change; everything else
 * is copied as it was, byte for byte.
 */

const ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/** Resolves the five XML entities and numeric character references. */
export function decodeXml(s: string): string {
  if (s.indexOf("&") < 0) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (m, e: string) => {
    if (e[0] === "#") {
      const code = e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : m;
    }
    return ENTITIES[e] ?? m;
  });
}

/** Text content: & < > escaped; characters XML 1.0 cannot hold written as OOXML's _xHHHH_ escapes. */
export function escapeText(s: string): string {
  return s
    .replace(/_x[0-9A-Fa-f]{4}_/g, (m) => `_x005F${m}`)
    .replace(/[&<>]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : "&gt;"))
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`);
}

/** An attribute value (double-quoted). Control characters are not allowed in attributes: they are dropped. */
export function escapeAttr(s: string): string {
  return s
    .replace(/[&<>"]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : "&quot;"))
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "")
    .replace(/[\t\n\r]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** OOXML's _xHHHH_ escapes in cell text back to characters (as Excel and ExcelJS read them). */
export function decodeOoxmlText(s: string): string {
  return s.indexOf("_x") < 0 ? s : s.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
}

const ATTR = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** All attributes of a start tag's attribute text, entity-decoded. */
export function attributes(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  ATTR.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = ATTR.exec(text))) out[m[1]] = decodeXml(m[2] ?? m[3]);
  return out;
}

const attrRegexes = new Map<string, RegExp>();
/** One attribute of a start tag's attribute text (undefined when absent). Names are matched exactly. */
export function attribute(text: string, name: string): string | undefined {
  let re = attrRegexes.get(name);
  if (!re) {
    re = new RegExp(`(?:^|\\s)${name.replace(/[.:-]/g, "\\$&")}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`);
    attrRegexes.set(name, re);
  }
  const m = re.exec(text);
  return m ? decodeXml(m[1] ?? m[2]) : undefined;
}

/** Sets (or removes, with undefined) one attribute in a start tag such as `<row r="5" spans="1:3">`. */
export function setAttribute(tag: string, name: string, value: string | undefined): string {
  const re = new RegExp(`\\s${name.replace(/[.:-]/g, "\\$&")}\\s*=\\s*(?:"[^"]*"|'[^']*')`);
  const without = tag.replace(re, "");
  if (value === undefined) return without;
  const end = without.endsWith("/>") ? without.length - 2 : without.length - 1;
  return `${without.slice(0, end)} ${name}="${escapeAttr(value)}"${without.slice(end)}`;
}

/** The namespace prefix ("" or "x:") a part uses for its root element `local`. */
export function prefixOf(xml: string, local: string): string {
  const m = new RegExp(`<([\\w.-]+:)?${local}[\\s>/]`).exec(xml);
  return m?.[1] ?? "";
}

/** Elements of a worksheet in the order the schema requires (CT_Worksheet), for inserting new ones. */
export const WORKSHEET_ORDER = [
  "sheetPr", "dimension", "sheetViews", "sheetFormatPr", "cols", "sheetData", "sheetCalcPr", "sheetProtection", "protectedRanges",
  "scenarios", "autoFilter", "sortState", "dataConsolidate", "customSheetViews", "mergeCells", "phoneticPr", "conditionalFormatting",
  "dataValidations", "hyperlinks", "printOptions", "pageMargins", "pageSetup", "headerFooter", "rowBreaks", "colBreaks",
  "customProperties", "cellWatches", "ignoredErrors", "smartTags", "drawing", "legacyDrawing", "legacyDrawingHF", "drawingHF",
  "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst",
];

/**
 * Where a new child element `name` goes in a part whose children follow `order`: before the first
 * existing element that comes after it (elements of the same name stay before it), else before the end tag.
 */
export function insertionPoint(xml: string, prefix: string, name: string, order: string[], rootEnd: string): number {
  const after = order.slice(order.indexOf(name) + 1);
  let best = -1;
  for (const el of after) {
    const re = new RegExp(`<${prefix}${el}[\\s>/]`, "g");
    const m = re.exec(xml);
    if (m && (best < 0 || m.index < best)) best = m.index;
  }
  if (best < 0) return xml.lastIndexOf(`</${prefix}${rootEnd}>`);
  // An element wrapped in markup compatibility (<mc:AlternateContent><mc:Choice><controls>…) is passed whole.
  const wrap = xml.lastIndexOf("<mc:AlternateContent", best);
  if (wrap >= 0 && xml.indexOf("</mc:AlternateContent>", wrap) > best) return wrap;
  return best;
}

/** The span [start, end) of the first element `<prefix+name …>…</…>` or `<… />`, or null. */
export function elementSpan(xml: string, prefix: string, name: string, from = 0): { start: number; end: number; inner: number; innerEnd: number } | null {
  const re = new RegExp(`<${prefix}${name}(?=[\\s>/])[^>]*?(/?)>`, "g");
  re.lastIndex = from;
  const m = re.exec(xml);
  if (!m) return null;
  const start = m.index;
  const openEnd = start + m[0].length;
  if (m[1] === "/") return { start, end: openEnd, inner: openEnd, innerEnd: openEnd };
  const close = `</${prefix}${name}>`;
  const endAt = xml.indexOf(close, openEnd);
  if (endAt < 0) return null;
  return { start, end: endAt + close.length, inner: openEnd, innerEnd: endAt };
}
