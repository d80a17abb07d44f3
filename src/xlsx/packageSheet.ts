/**
 * New worksheets in the package: a generated sheet (core SheetSpec: Rencana Aksi, Perjanjian Kinerja) or
 * the legend "Keterangan Rumus", written as worksheet XML with their formats added to the styles part,
 * registered in the workbook (sheet list, relationships, content types, print area and titles). An earlier
 * generated sheet of the same name is replaced in place: same position, same part.
 */
import { cellAddress, columnIndex, parseCellAddress } from "../core/grid";
import { LEGEND_COLUMN_POINTS } from "../core/plan/legend";
import { areaAddress, conditionalFormula, SheetSpec, SpecCell, wrappedHeight } from "../core/sheetSpec";
import { CONTENT_TYPE, REL, relsPathOf, XlsxPackage } from "./package";
import { LookChange, StyleSheet } from "./packageStyles";
import { cellXml } from "./packageCells";
import { attribute, elementSpan, escapeAttr, escapeText, prefixOf } from "./xml";

const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** Excel's quoting of a sheet name inside a reference: always quoted, quotes doubled. */
export const quoteSheet = (name: string) => `'${name.replace(/'/g, "''")}'`;
const absolute = (range: string) => range.replace(/\$?([A-Z]+)\$?(\d+)/g, "$$$1$$$2");

function lookOf(c: SpecCell): LookChange {
  const { bold, italic, underline, size, color, fill, border, align, valign, wrap, numberFormat } = c;
  const look: LookChange = { bold, italic, underline, size, color, fill, border, align, valign, wrap, numberFormat };
  for (const k of Object.keys(look) as (keyof LookChange)[]) if (look[k] === undefined || look[k] === false) delete look[k];
  return look;
}
const lookKey = (c: SpecCell) => `${c.bold ? 1 : 0}${c.italic ? 1 : 0}${c.underline ? 1 : 0}${c.border ? 1 : 0}${c.wrap ? 1 : 0}|${c.size ?? ""}|${c.color ?? ""}|${c.fill ?? ""}|${c.align ?? ""}|${c.valign ?? ""}|${c.numberFormat ?? ""}`;

/** The worksheet XML of a generated sheet, in pieces (one per row); its formats are added to `styles`. */
export function specSheetXml(spec: SheetSpec, styles: StyleSheet): string[] {
  const byPosition = (a: SpecCell, b: SpecCell) => a.row - b.row || a.col - b.col;
  const cells = spec.cells.every((c, i) => i === 0 || byPosition(spec.cells[i - 1], c) < 0) ? spec.cells : [...spec.cells].sort(byPosition);
  let maxRow = 0;
  let maxCol = 0;
  for (const c of cells) {
    if (c.row > maxRow) maxRow = c.row;
    if (c.col > maxCol) maxCol = c.col;
  }
  const xfs = new Map<string, number>();
  const xfOf = (c: SpecCell) => {
    const key = lookKey(c);
    let xf = xfs.get(key);
    if (xf === undefined) {
      const look = lookOf(c);
      xfs.set(key, (xf = Object.keys(look).length ? styles.derive(0, look, true) : 0));
    }
    return xf;
  };
  const out: string[] = [`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">`];
  if (spec.print.area) out.push('<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>');
  out.push(`<dimension ref="A1:${cellAddress(maxRow, maxCol)}"/>`);
  const f = spec.freeze;
  if (f && (f.rows || f.columns)) {
    const pane = f.rows && f.columns ? "bottomRight" : f.rows ? "bottomLeft" : "topRight";
    const split = `${f.columns ? ` xSplit="${f.columns}"` : ""}${f.rows ? ` ySplit="${f.rows}"` : ""}`;
    out.push(`<sheetViews><sheetView workbookViewId="0"><pane${split} topLeftCell="${cellAddress(f.rows, f.columns)}" activePane="${pane}" state="frozen"/><selection pane="${pane}" activeCell="${cellAddress(f.rows, f.columns)}" sqref="${cellAddress(f.rows, f.columns)}"/></sheetView></sheetViews>`);
  } else out.push('<sheetViews><sheetView workbookViewId="0"/></sheetViews>');
  out.push('<sheetFormatPr defaultRowHeight="15"/>');
  if (spec.widths.some((w) => w)) out.push(`<cols>${spec.widths.map((w, c) => (w ? `<col min="${c + 1}" max="${c + 1}" width="${w}" customWidth="1"/>` : "")).join("")}</cols>`);
  out.push("<sheetData>");
  // Rows in order: those with cells, and those that only have a height.
  const heightRows = Object.keys(spec.heights).map(Number).sort((a, b) => a - b);
  let h = 0;
  const row = (r: number, from: number, to: number) => {
    const height = spec.heights[r];
    const xml = [`<row r="${r + 1}"${height ? ` ht="${height}" customHeight="1"` : ""}>`];
    for (let i = from; i < to; i++) {
      const c = cells[i];
      const data = c.formula ? { formula: c.formula, value: c.result === "" ? undefined : c.result } : c.value !== undefined && c.value !== null ? { value: c.value } : null;
      xml.push(cellXml("", c.row, c.col, xfOf(c), data));
    }
    xml.push("</row>");
    out.push(xml.join("")); // a flat string: += would keep every piece alive until the part is written
  };
  for (let i = 0; i < cells.length; ) {
    const r = cells[i].row;
    let j = i;
    while (j < cells.length && cells[j].row === r) j++;
    while (h < heightRows.length && heightRows[h] < r) row(heightRows[h++], 0, 0);
    if (heightRows[h] === r) h++;
    row(r, i, j);
    i = j;
  }
  while (h < heightRows.length) row(heightRows[h++], 0, 0);
  out.push("</sheetData>");
  if (spec.merges.length) out.push(`<mergeCells count="${spec.merges.length}">${spec.merges.map((m) => `<mergeCell ref="${m}"/>`).join("")}</mergeCells>`);
  spec.conditional.forEach((cf, i) => {
    const dxf = styles.addFillDxf(cf.fill, cf.fontColor);
    out.push(`<conditionalFormatting sqref="${cf.range}"><cfRule type="expression" dxfId="${dxf}" priority="${i + 1}"><formula>${escapeText(conditionalFormula(cf))}</formula></cfRule></conditionalFormatting>`);
  });
  if (spec.print.area) {
    out.push('<printOptions horizontalCentered="1"/>');
    out.push('<pageMargins left="0.5" right="0.5" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>');
    out.push(`<pageSetup paperSize="9" orientation="${spec.print.orientation}" fitToWidth="1" fitToHeight="0"/>`);
  } else out.push('<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>');
  const breaks = spec.print.breaksBefore.filter((r) => r > 0);
  if (breaks.length) out.push(`<rowBreaks count="${breaks.length}" manualBreakCount="${breaks.length}">${breaks.map((r) => `<brk id="${r}" max="16383" man="1"/>`).join("")}</rowBreaks>`);
  out.push("</worksheet>");
  return out;
}

/**
 * Puts a worksheet into the package: replacing the sheet named `name` when `replaces` (its relationships
 * are dropped: the caller has checked they hold nothing of the user's), else appended as the last sheet.
 * Print area and print titles become the sheet's defined names.
 */
export async function putSheet(pkg: XlsxPackage, name: string, replaces: boolean, xml: string[], print?: { area?: string; titleRows?: string }): Promise<void> {
  let wb = (await pkg.text(pkg.workbookPart))!;
  const wp = prefixOf(wb, "workbook");
  const existing = pkg.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  let part: string;
  let index: number;
  if (existing && replaces && existing.kind === "worksheet") {
    part = existing.part;
    index = pkg.sheets.indexOf(existing);
    pkg.remove(relsPathOf(part));
    wb = removeDefinedNames(wb, wp, index, ["_xlnm.Print_Area", "_xlnm.Print_Titles"]);
  } else {
    if (existing) throw new Error(`sheet "${name}" exists and is not a generated sheet`);
    part = pkg.freePartName("xl/worksheets/sheet", ".xml");
    const rId = await pkg.addRel(pkg.workbookPart, REL.worksheet, part);
    await pkg.setContentType(part, CONTENT_TYPE.worksheet);
    const sheetId = Math.max(0, ...pkg.sheets.map((s) => s.sheetId || 0)) + 1;
    const rPrefix = new RegExp(`xmlns:(\\w+)="${REL_NS}"`).exec(wb)?.[1];
    let idAttr = `${rPrefix ?? "r"}:id`;
    if (!rPrefix) wb = wb.replace(new RegExp(`<${wp}workbook\\b`), `$& xmlns:r="${REL_NS}"`);
    const entry = `<${wp}sheet name="${escapeAttr(name)}" sheetId="${sheetId}" ${idAttr}="${rId}"/>`;
    wb = wb.replace(new RegExp(`</${wp}sheets>`), `${entry}$&`);
    index = pkg.sheets.length;
    pkg.sheets.push({ name, sheetId, rId, state: "visible", part, kind: "worksheet" });
    idAttr = "";
  }
  pkg.setChunks(part, xml);
  const names: string[] = [];
  if (print?.area) names.push(`<${wp}definedName name="_xlnm.Print_Area" localSheetId="${index}">${escapeText(`${quoteSheet(name)}!${absolute(print.area)}`)}</${wp}definedName>`);
  if (print?.titleRows) {
    const [a, b] = print.titleRows.split(":");
    names.push(`<${wp}definedName name="_xlnm.Print_Titles" localSheetId="${index}">${escapeText(`${quoteSheet(name)}!$${a}:$${b ?? a}`)}</${wp}definedName>`);
  }
  if (names.length) wb = addDefinedNames(wb, wp, names);
  pkg.setText(pkg.workbookPart, wb);
}

const WORKBOOK_ORDER = ["fileVersion", "fileSharing", "workbookPr", "workbookProtection", "bookViews", "sheets", "functionGroups", "externalReferences", "definedNames", "calcPr", "oleSize", "customWorkbookViews", "pivotCaches", "smartTagPr", "smartTagTypes", "webPublishing", "fileRecoveryPr", "webPublishObjects", "extLst"];

function addDefinedNames(wb: string, wp: string, names: string[]): string {
  const span = elementSpan(wb, wp, "definedNames");
  if (span) return span.inner === span.end ? `${wb.slice(0, span.start)}<${wp}definedNames>${names.join("")}</${wp}definedNames>${wb.slice(span.end)}` : wb.slice(0, span.innerEnd) + names.join("") + wb.slice(span.innerEnd);
  for (const el of WORKBOOK_ORDER.slice(WORKBOOK_ORDER.indexOf("definedNames") + 1)) {
    const m = new RegExp(`<${wp}${el}[\\s>/]`).exec(wb);
    if (m) return `${wb.slice(0, m.index)}<${wp}definedNames>${names.join("")}</${wp}definedNames>${wb.slice(m.index)}`;
  }
  return wb.replace(new RegExp(`</${wp}workbook>`), `<${wp}definedNames>${names.join("")}</${wp}definedNames>$&`);
}

function removeDefinedNames(wb: string, wp: string, localSheetId: number, which: string[]): string {
  return wb.replace(new RegExp(`<${wp}definedName\\b([^>]*)>[\\s\\S]*?</${wp}definedName>`, "g"), (el, attrs: string) =>
    attribute(attrs, "localSheetId") === String(localSheetId) && which.includes(attribute(attrs, "name") ?? "") ? "" : el,
  );
}

/** The legend's writes as a generated sheet, laid out for print as the core says (LEGEND_COLUMN_POINTS). */
export function legendSpec(name: string, writes: { cell: string; formula?: string; value: number | string | null; numberFormat?: string; bold?: boolean }[]): SheetSpec {
  let [lastRow, lastCol] = [0, 0];
  const cells: SpecCell[] = writes.map((w) => {
    const { row, col } = parseCellAddress(w.cell);
    [lastRow, lastCol] = [Math.max(lastRow, row), Math.max(lastCol, col)];
    const look = { numberFormat: w.numberFormat, bold: w.bold, wrap: true, valign: "top" as const };
    return w.formula ? { row, col, formula: w.formula, result: w.value ?? "", ...look } : { row, col, value: w.value, ...look };
  });
  // Excel's column width counts characters of the default font (about 5.25 points each).
  const widths: number[] = [];
  for (const [letter, points] of Object.entries(LEGEND_COLUMN_POINTS)) widths[columnIndex(letter)] = Math.round(points / 5.25);
  // Rows grow with their wrapped text (neither Excel nor LibreOffice grows them on opening the file).
  const heights: Record<number, number> = {};
  for (const c of cells) {
    const text = c.formula ? "" : String(c.value ?? "");
    // Formulas and codes break at few spaces and use wide letters: estimate with four fifths of the width.
    const h = text.length > 8 ? wrappedHeight(text, (widths[c.col] ?? 8.43) * 0.8) : 0;
    if (h > 15 && h > (heights[c.row] ?? 0)) heights[c.row] = h;
  }
  return { kind: "legend", name, replaces: true, cells, merges: [], widths: Array.from(widths, (w) => w ?? 0), heights, print: { orientation: "landscape", area: areaAddress(lastRow, lastCol), breaksBefore: [] }, conditional: [], notes: [] };
}

