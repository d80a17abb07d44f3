/**
 * An .xlsx package → the core's workbook snapshot, in one pass over each worksheet's XML (no object per
 * cell beyond the snapshot itself). The snapshot is the one `snapshotFromWorkbook` builds through ExcelJS
 * (test/package.test.ts compares both on every fixture): values as Excel holds them, formulas with "=",
 * shared formulas expanded per cell, merged cells other than the top-left read as empty, number format /
 * bold / indent of each cell (empty cells take their row's, else their column's format, as ExcelJS does).
 */
import { CellValue, flatText, MergeArea, parseRangeAddress, SheetSnapshot, WorkbookSnapshot } from "../core/grid";
import { XlsxPackage, REL, SheetEntry } from "./package";
import { StyleSheet, FormatInfo } from "./packageStyles";
import { cellContent, eachCell, eachRow, parseRef, runsText, sheetDataSpan, shiftFormula } from "./sheetXml";
import { attribute, decodeOoxmlText, decodeXml, elementSpan, prefixOf } from "./xml";

/** The workbook-level parts every sheet reads through. */
export interface WorkbookParts {
  strings: string[];
  styles: StyleSheet;
}

export async function workbookParts(pkg: XlsxPackage): Promise<WorkbookParts> {
  const rels = await pkg.rels(pkg.workbookPart);
  const sstPart = rels.find((r) => r.type === REL.sharedStrings)?.part;
  const stylesPart = rels.find((r) => r.type === REL.styles)?.part;
  const sst = sstPart ? await pkg.text(sstPart) : null;
  const strings: string[] = [];
  if (sst) {
    const p = prefixOf(sst, "sst");
    for (const m of sst.matchAll(new RegExp(`<${p}si\\b[^>]*?(?:/>|>([\\s\\S]*?)</${p}si>)`, "g"))) strings.push(m[1] ? runsText(m[1], p) : "");
    if (sstPart) pkg.forget(sstPart);
  }
  const stylesXml = stylesPart ? await pkg.text(stylesPart) : null;
  return { strings, styles: new StyleSheet(stylesXml ?? "<styleSheet/>") };
}

const truthy = (v: string | undefined) => v === "1" || v === "true";

/** Reads every worksheet that is not "very hidden" (as the ExcelJS reader does). */
export async function snapshotFromPackage(pkg: XlsxPackage): Promise<WorkbookSnapshot> {
  const parts = await workbookParts(pkg);
  const sheets: SheetSnapshot[] = [];
  for (const entry of pkg.sheets) {
    if (entry.kind !== "worksheet" || entry.state === "veryHidden") continue;
    sheets.push(snapshotFromSheetXml(entry.name, (await pkg.text(entry.part)) ?? "", parts));
  }
  return { file: pkg.file, sheets };
}

export function worksheetEntries(pkg: XlsxPackage): SheetEntry[] {
  return pkg.sheets.filter((s) => s.kind === "worksheet");
}

/** One worksheet part's XML → the sheet's snapshot. */
export function snapshotFromSheetXml(name: string, xml: string, parts: WorkbookParts): SheetSnapshot {
  const p = prefixOf(xml, "worksheet");
  const { strings, styles } = parts;
  // Cells as parallel arrays (a million cells stay cheap).
  const rowsOf: number[] = [];
  const colsOf: number[] = [];
  const values: CellValue[] = [];
  const formulas: (string | null)[] = [];
  const xfs: number[] = [];
  const counts: boolean[] = [];
  const rowXf = new Map<number, number>();
  const hiddenRowSet = new Set<number>();
  const shared = new Map<string, { formula: string; row: number; col: number }>();
  const sharedSlaves: { index: number; si: string }[] = [];

  const data = sheetDataSpan(xml, p);
  if (data) {
    eachRow(xml, p, data.inner, data.innerEnd, (row) => {
      const r0 = row.r - 1;
      const s = attribute(row.attrs, "s");
      if (s) rowXf.set(r0, parseInt(s, 10));
      if (truthy(attribute(row.attrs, "hidden"))) hiddenRowSet.add(r0);
      eachCell(xml, p, row.inner, row.innerEnd, r0, (cell) => {
        const t = attribute(cell.attrs, "t");
        const sAttr = attribute(cell.attrs, "s");
        const c = cellContent(cell.body, p);
        let value: CellValue = null;
        let formula: string | null = null;
        let counted = false;
        if (c.fAttrs !== undefined) {
          const ft = attribute(c.fAttrs, "t");
          const si = attribute(c.fAttrs, "si");
          if (ft === "shared" && si !== undefined) {
            if (c.f) {
              shared.set(si, { formula: c.f, row: cell.row, col: cell.col });
              formula = flatText(`=${c.f}`);
            } else sharedSlaves.push({ index: values.length, si });
          } else if (c.f) formula = flatText(`=${c.f}`);
          counted = true;
          if (c.v !== undefined) value = typedValue(t, c.v, strings);
        } else if (t === "inlineStr") {
          value = c.inline ?? "";
          counted = true; // ExcelJS keeps inline strings as rich text: never "empty"
        } else if (c.v !== undefined) {
          value = typedValue(t, c.v, strings);
          counted = value !== null && value !== "";
        }
        rowsOf.push(cell.row);
        colsOf.push(cell.col);
        values.push(value);
        formulas.push(formula);
        xfs.push(sAttr ? parseInt(sAttr, 10) : 0);
        counts.push(counted);
      });
    });
  }
  for (const { index, si } of sharedSlaves) {
    const master = shared.get(si);
    if (master) formulas[index] = `=${shiftFormula(master.formula, rowsOf[index] - master.row, colsOf[index] - master.col)}`;
  }

  const merges: MergeArea[] = [];
  const mergeSpan = elementSpan(xml, p, "mergeCells");
  if (mergeSpan) {
    for (const m of xml.slice(mergeSpan.inner, mergeSpan.innerEnd).matchAll(new RegExp(`<${p}mergeCell\\b([^>]*?)/?>`, "g"))) {
      const ref = attribute(m[1], "ref");
      if (ref) merges.push(parseRangeAddress(ref.includes(":") ? ref : `${ref}:${ref}`));
    }
  }
  const cols = columnFormats(xml, p);
  // A merged area's cells other than the top-left are "merge" cells: no value, not counted.
  const mergesByRow = new Map<number, MergeArea[]>();
  for (const m of merges) for (let r = m.top; r <= m.bottom; r++) mergesByRow.set(r, [...(mergesByRow.get(r) ?? []), m]);
  const slave = (r: number, c: number) => (mergesByRow.get(r) ?? []).some((m) => c >= m.left && c <= m.right && (r !== m.top || c !== m.left));

  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  const mergeRows = mergesByRow;
  for (let i = 0; i < values.length; i++) {
    if (!counts[i]) continue;
    const r = rowsOf[i];
    const c = colsOf[i];
    if (mergeRows.has(r) && slave(r, c)) continue;
    if (r < top) top = r;
    if (r > bottom) bottom = r;
    if (c < left) left = c;
    if (c > right) right = c;
  }
  for (const m of merges) {
    // Merged header cells belong to the used range even where only their anchor holds text.
    if (bottom >= 0 && m.top <= bottom && m.bottom >= top) {
      top = Math.min(top, m.top);
      bottom = Math.max(bottom, m.bottom);
      left = Math.min(left, m.left);
      right = Math.max(right, m.right);
    }
  }
  const snapshot: SheetSnapshot = { name, top: 0, left: 0, values: [], formulas: [], numberFormats: [], bold: [], indent: [], merges, hiddenRows: [], hiddenColumns: [] };
  if (bottom < 0) return snapshot;
  snapshot.top = top;
  snapshot.left = left;
  const height = bottom - top + 1;
  const width = right - left + 1;
  const cellXf: number[][] = [];
  for (let r = 0; r < height; r++) {
    snapshot.values.push(new Array(width).fill(null));
    snapshot.formulas.push(new Array(width).fill(null));
    cellXf.push(new Array(width).fill(-1));
  }
  for (let i = 0; i < values.length; i++) {
    const r = rowsOf[i] - top;
    const c = colsOf[i] - left;
    if (r < 0 || r >= height || c < 0 || c >= width) continue;
    cellXf[r][c] = xfs[i];
    if (mergeRows.has(rowsOf[i]) && slave(rowsOf[i], colsOf[i])) continue;
    snapshot.values[r][c] = values[i];
    snapshot.formulas[r][c] = formulas[i];
  }
  const none: FormatInfo = { numFmt: null, bold: false, indent: 0 };
  for (let r = 0; r < height; r++) {
    const formats: (string | null)[] = [];
    const bold: boolean[] = [];
    const indent: number[] = [];
    const rx = rowXf.get(top + r);
    const rowInfo = rx ? styles.info(rx) : none;
    for (let c = 0; c < width; c++) {
      const xf = cellXf[r][c];
      let info: FormatInfo;
      if (xf >= 0) info = styles.info(xf);
      else {
        // A cell the file does not hold takes its row's format, else its column's (per property, as ExcelJS).
        const colInfo = cols.get(left + c) ?? none;
        const ci = colInfo === none ? none : styles.info((colInfo as ColumnInfo).xf);
        info = { numFmt: rowInfo.numFmt ?? ci.numFmt, bold: rx ? rowInfo.bold : ci.bold, indent: rx ? rowInfo.indent : ci.indent };
      }
      formats.push(info.numFmt);
      bold.push(info.bold);
      indent.push(info.indent);
    }
    snapshot.numberFormats.push(formats);
    snapshot.bold!.push(bold);
    snapshot.indent!.push(indent);
    if (hiddenRowSet.has(top + r)) snapshot.hiddenRows.push(top + r);
  }
  for (let c = left; c <= right; c++) if (cols.get(c)?.hidden) snapshot.hiddenColumns.push(c);
  return snapshot;
}

interface ColumnInfo {
  xf: number;
  hidden: boolean;
  width?: number;
}

/** The <cols> of a worksheet, per 0-based column. */
export function columnFormats(xml: string, p: string): Map<number, ColumnInfo> {
  const out = new Map<number, ColumnInfo>();
  const span = elementSpan(xml, p, "cols");
  if (!span) return out;
  for (const m of xml.slice(span.inner, span.innerEnd).matchAll(new RegExp(`<${p}col\\b([^>]*?)/?>`, "g"))) {
    const min = parseInt(attribute(m[1], "min") ?? "0", 10);
    const max = Math.min(parseInt(attribute(m[1], "max") ?? "0", 10), 16384);
    const style = attribute(m[1], "style");
    const width = attribute(m[1], "width");
    const info: ColumnInfo = { xf: style ? parseInt(style, 10) : 0, hidden: truthy(attribute(m[1], "hidden")), width: width === undefined ? undefined : parseFloat(width) };
    for (let c = min; c <= max; c++) out.set(c - 1, info);
  }
  return out;
}

/** A cell's <v> as the value Excel holds, by its type attribute. */
function typedValue(t: string | undefined, v: string, strings: string[]): CellValue {
  switch (t) {
    case "s":
      return strings[parseInt(v, 10)] ?? "";
    case "str":
    case "inlineStr":
      return flatText(decodeOoxmlText(decodeXml(v)));
    case "b":
      return v === "1" || v === "true";
    case "e":
      return { error: flatText(decodeXml(v)) };
    case "d": {
      const ms = Date.parse(v);
      return Number.isFinite(ms) ? (ms - Date.UTC(1899, 11, 30)) / 86400000 : flatText(decodeXml(v));
    }
    default: {
      if (v === "") return null;
      const n = Number(v);
      return Number.isFinite(n) ? n : flatText(decodeXml(v));
    }
  }
}

export { parseRef };
