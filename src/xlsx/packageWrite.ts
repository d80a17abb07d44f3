/**
 * Carries out a write plan (core WritePlan) and generated sheets (core SheetSpec) on the original
 * package: only the rows that get cells are rewritten in each worksheet's XML, the rest of the part and
 * every other part (charts, images, pivot tables, comments, validations, conditional formats, defined
 * names, macros …) stay byte for byte. New formats are added to the styles part; the calculation chain is
 * dropped (Excel rebuilds it) and the workbook is marked for a full recalculation on open.
 */
import { columnLetter, parseCellAddress, parseRangeAddress } from "../core/grid";
import { message } from "../core/messages";
import type { SheetSpec } from "../core/sheetSpec";
import type { CellWrite, WritePlan } from "../core/writePlan";
import { FileProblem, REL, XlsxPackage } from "./package";
import { addNotes } from "./packageComments";
import { columnFormats } from "./packageRead";
import { cellXml, CellData } from "./packageCells";
import { legendSpec, putSheet, specSheetXml } from "./packageSheet";
import { LookChange, StyleSheet } from "./packageStyles";
import { CellTag, eachCell, eachRow, RowTag, sheetDataSpan, shiftFormula } from "./sheetXml";
import { attribute, decodeXml, elementSpan, escapeText, insertionPoint, prefixOf, setAttribute, WORKSHEET_ORDER } from "./xml";

/** One plan write placed: 0-based row and column, and the write. */
interface Placed {
  row: number;
  col: number;
  write: CellWrite;
}

interface SheetEdits {
  /** The sheet's writes, sorted by row, then column, then plan order. */
  writes: Placed[];
  merges: string[];
  notes: { cell: string; text: string }[];
  /** Appended columns (0-based) that take their left neighbour's width when they have none. */
  widen: number[];
}

const DEFAULT_STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';

/** Marks where the sheetData's rows go while the rest of a big sheet part is edited as one small string. */
const ROWS_MARK = "<!--lkip:rows-->";

export class WorkbookEditor {
  private constructor(
    readonly pkg: XlsxPackage,
    private readonly stylesPart: string | undefined,
    readonly styles: StyleSheet,
  ) {}

  static async open(pkg: XlsxPackage): Promise<WorkbookEditor> {
    let stylesPart = (await pkg.rels(pkg.workbookPart)).find((r) => r.type === REL.styles)?.part;
    let xml = stylesPart ? await pkg.text(stylesPart) : null;
    if (!stylesPart || !xml) {
      // A workbook may come without a styles part (some programs write none): it gets Excel's defaults.
      stylesPart = "xl/styles.xml";
      xml = DEFAULT_STYLES;
      pkg.setText(stylesPart, xml);
      await pkg.addRel(pkg.workbookPart, REL.styles, stylesPart);
      await pkg.setContentType(stylesPart, "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml");
    }
    return new WorkbookEditor(pkg, stylesPart, new StyleSheet(xml));
  }

  /** Writes the plan's cells, merges, widths and notes into the sheets, and its legend as a sheet. */
  async applyPlan(plan: WritePlan, onProgress?: (done: number, total: number) => void): Promise<void> {
    const edits = new Map<string, SheetEdits>();
    const of = (sheet: string) => {
      let e = edits.get(sheet);
      if (!e) edits.set(sheet, (e = { writes: [], merges: [], notes: [], widen: [] }));
      return e;
    };
    for (const w of plan.writes) {
      const { row, col } = parseCellAddress(w.cell);
      const e = of(w.sheet);
      e.writes.push({ row, col, write: w });
      if (w.note) e.notes.push({ cell: w.cell, text: w.note });
    }
    for (const a of plan.appended) {
      const e = of(a.sheet);
      if (a.merge) e.merges.push(a.merge);
      e.widen.push(parseCellAddress(`${a.column}1`).col);
    }
    for (const m of plan.merges) of(m.sheet).merges.push(m.range);
    for (const n of plan.notes) of(n.sheet).notes.push({ cell: n.cell, text: n.text });
    const total = plan.writes.length + (plan.legend?.writes.length ?? 0);
    let done = 0;
    for (const [sheet, e] of edits) {
      const entry = this.pkg.sheets.find((s) => s.name === sheet && s.kind === "worksheet");
      if (!entry) throw new Error(`sheet "${sheet}" is not in the workbook`);
      // Array.prototype.sort is stable: writes to one cell keep the plan's order.
      e.writes.sort((x, y) => x.row - y.row || x.col - y.col);
      await this.patchSheet(entry.part, e);
      done += e.writes.length;
      onProgress?.(done, total);
    }
    if (plan.legend) await this.addSheet(legendSpec(plan.legend.sheet, plan.legend.writes), this.pkg.sheets.some((s) => s.name.toLowerCase() === plan.legend!.sheet.toLowerCase()));
    onProgress?.(total, total);
  }

  /** Adds (or replaces, when the spec says so) a generated sheet. */
  async addSheet(spec: SheetSpec, replaces = spec.replaces): Promise<void> {
    const xml = specSheetXml(spec, this.styles);
    await putSheet(this.pkg, spec.name, replaces, xml, spec.print.area ? { area: spec.print.area, titleRows: spec.print.titleRows } : undefined);
  }

  /** Stores the styles part, drops the calculation chain and asks for a full recalculation on open. */
  async finish(): Promise<void> {
    if (this.styles.changed) this.pkg.setText(this.stylesPart!, this.styles.toXml());
    const rels = await this.pkg.rels(this.pkg.workbookPart);
    const chain = rels.filter((r) => r.type === REL.calcChain);
    if (chain.length) {
      await this.pkg.removeRels(this.pkg.workbookPart, chain.map((r) => r.id));
      for (const r of chain) {
        this.pkg.remove(r.part);
        await this.pkg.setContentType(r.part, null);
      }
    }
    let wb = (await this.pkg.text(this.pkg.workbookPart))!;
    const wp = prefixOf(wb, "workbook");
    const calc = new RegExp(`<${wp}calcPr\\b[^>]*?/?>`).exec(wb);
    if (calc) wb = wb.slice(0, calc.index) + setAttribute(calc[0], "fullCalcOnLoad", "1") + wb.slice(calc.index + calc[0].length);
    else {
      const after = ["oleSize", "customWorkbookViews", "pivotCaches", "smartTagPr", "smartTagTypes", "webPublishing", "fileRecoveryPr", "webPublishObjects", "extLst"];
      let at = wb.lastIndexOf(`</${wp}workbook>`);
      for (const el of after) {
        const m = new RegExp(`<${wp}${el}[\\s>/]`).exec(wb);
        if (m) {
          at = m.index;
          break;
        }
      }
      wb = `${wb.slice(0, at)}<${wp}calcPr fullCalcOnLoad="1"/>${wb.slice(at)}`;
    }
    this.pkg.setText(this.pkg.workbookPart, wb);
  }

  /** Rewrites the rows of one worksheet that get cells; everything else in the part is copied. */
  private async patchSheet(part: string, e: SheetEdits): Promise<void> {
    let xml = (await this.pkg.text(part))!;
    const p = prefixOf(xml, "worksheet");
    let data = sheetDataSpan(xml, p);
    if (!data) {
      const at = insertionPoint(xml, p, "sheetData", WORKSHEET_ORDER, "worksheet");
      xml = `${xml.slice(0, at)}<${p}sheetData></${p}sheetData>${xml.slice(at)}`;
      data = sheetDataSpan(xml, p)!;
    }
    const damaged = () => new FileProblem(message("file-damaged", { file: this.pkg.file, part }));
    const rows = new Map<number, RowTag>();
    let last = 0;
    eachRow(xml, p, data.inner, data.innerEnd, (row) => {
      if (row.r <= last) throw damaged(); // rows out of order: Excel itself would repair this file
      last = row.r;
      rows.set(row.r - 1, row);
    });
    // Cells of recently used rows (writes come row by row; styleFrom looks at a neighbour or the header).
    const cellsCache = new Map<number, CellTag[]>();
    const cellsOf = (r: number): CellTag[] => {
      let cells = cellsCache.get(r);
      if (!cells) {
        cells = [];
        const row = rows.get(r);
        if (row) eachCell(xml, p, row.inner, row.innerEnd, r, (c) => cells!.push(c));
        if (cellsCache.size >= 64) cellsCache.delete(cellsCache.keys().next().value as number);
        cellsCache.set(r, cells);
      }
      return cells;
    };
    const cellAt = (r: number, c: number) => {
      const cells = cellsOf(r);
      for (const x of cells) if (x.col === c) return x;
      return undefined;
    };
    const cols = columnFormats(xml, p);
    /** The format a cell shows now: its own, else its row's (when the row sets one), else its column's. */
    const xfAt = (r: number, c: number): number => {
      const cell = cellAt(r, c);
      if (cell) return Number(attribute(cell.attrs, "s") ?? 0);
      const row = rows.get(r);
      if (row && /^(1|true)$/.test(attribute(row.attrs, "customFormat") ?? "")) return Number(attribute(row.attrs, "s") ?? 0);
      return cols.get(c)?.xf ?? 0;
    };

    // Shared formulas whose first cell is overwritten: their other cells get the formula written out.
    const broken = new Map<string, { formula: string; row: number; col: number }>();
    if (xml.includes('t="shared"')) {
      for (const { row, col, write } of e.writes) {
        const cell = write.role === "highlight" ? undefined : cellAt(row, col);
        const f = cell && new RegExp(`<${p}f\\b([^>]*?)>([\\s\\S]*?)</${p}f>`).exec(cell.body);
        if (f && attribute(f[1], "t") === "shared" && attribute(f[1], "ref") && attribute(f[1], "si") !== undefined) broken.set(attribute(f[1], "si")!, { formula: decodeXml(f[2]), row, col });
      }
    }
    const copyCell = (cell: CellTag): string => {
      const text = xml.slice(cell.start, cell.end);
      if (!broken.size) return text;
      return text.replace(new RegExp(`<${p}f\\b([^>]*?)(?:/>|>([\\s\\S]*?)</${p}f>)`), (f, attrs: string) => {
        const master = attribute(attrs, "t") === "shared" ? broken.get(attribute(attrs, "si") ?? "") : undefined;
        if (!master) return f;
        return `<${p}f>${escapeText(shiftFormula(master.formula, cell.row - master.row, cell.col - master.col))}</${p}f>`;
      });
    };

    /** The new XML of a cell that gets the writes `ws` (in plan order). */
    const newCell = (r: number, c: number, ws: Placed[]): string => {
      let xf = xfAt(r, c);
      let data: CellData | undefined;
      for (const { write: w } of ws) {
        if (w.styleFrom) {
          const from = parseCellAddress(w.styleFrom);
          xf = xfAt(from.row, from.col);
        }
        const formulaOrNumber = w.role !== "highlight" && (w.formula !== undefined || typeof w.value === "number");
        if (w.numberFormat || w.bold || w.fill || formulaOrNumber)
          xf = this.styles.derive(xf, { numberFormat: w.numberFormat || undefined, bold: w.bold || undefined, fill: w.fill || undefined, dropQuotePrefix: formulaOrNumber || undefined });
        // A "highlight" write changes only the fill.
        if (w.role !== "highlight") data = { formula: w.formula, value: w.value };
      }
      const existing = cellAt(r, c);
      if (data === undefined && existing) {
        // Only the format changes: the cell keeps its content and other attributes.
        const text = copyCell(existing);
        const open = text.indexOf(">") + 1;
        return setAttribute(text.slice(0, open), "s", xf ? String(xf) : undefined) + text.slice(open);
      }
      return cellXml(p, r, c, xf, data ?? null);
    };

    /** Row `r` with the writes `ws` (all in this row, sorted by column). */
    const rowXml = (r: number, ws: Placed[]): string => {
      const row = rows.get(r);
      const cells = cellsOf(r);
      const out: string[] = [];
      let i = 0;
      for (let k = 0; k < ws.length; ) {
        const c = ws[k].col;
        let k2 = k;
        while (k2 < ws.length && ws[k2].col === c) k2++;
        while (i < cells.length && cells[i].col < c) out.push(copyCell(cells[i++]));
        const cell = newCell(r, c, ws.slice(k, k2));
        if (i < cells.length && cells[i].col === c) i++;
        out.push(cell);
        k = k2;
      }
      for (; i < cells.length; i++) out.push(copyCell(cells[i]));
      if (!row) return `<${p}row r="${r + 1}">${out.join("")}</${p}row>`;
      let start = xml.slice(row.start, row.inner);
      if (start.endsWith("/>")) start = `${start.slice(0, -2)}>`;
      start = setAttribute(start, "spans", undefined);
      const tail = cells.length ? xml.slice(cells[cells.length - 1].end, row.innerEnd) : xml.slice(row.inner, row.innerEnd);
      return `${start}${out.join("")}${tail.trim().startsWith("<") ? tail : ""}</${p}row>`;
    };

    // The rows: edited and new ones spliced in order, untouched ones copied in runs.
    const chunks: string[] = [];
    let pos = data.inner;
    const existingRows = [...rows.keys()];
    let k = 0;
    const put = (r: number, ws: Placed[]) => {
      while (k < existingRows.length && existingRows[k] < r) k++;
      const row = rows.get(r);
      if (row) {
        chunks.push(xml.slice(pos, row.start), rowXml(r, ws));
        pos = row.end;
      } else {
        // A new row goes before the first existing row below it.
        const next = k < existingRows.length ? rows.get(existingRows[k])!.start : data!.innerEnd;
        if (next < pos) throw damaged();
        chunks.push(xml.slice(pos, next), rowXml(r, ws));
        pos = next;
      }
    };
    const sharedRows = broken.size ? existingRows.filter((r) => xml.slice(rows.get(r)!.inner, rows.get(r)!.innerEnd).includes("shared")) : [];
    let s = 0;
    for (let i = 0; i < e.writes.length; ) {
      const r = e.writes[i].row;
      let j = i;
      while (j < e.writes.length && e.writes[j].row === r) j++;
      while (s < sharedRows.length && sharedRows[s] < r) put(sharedRows[s++], []);
      if (sharedRows[s] === r) s++;
      put(r, e.writes.slice(i, j));
      i = j;
    }
    while (s < sharedRows.length) put(sharedRows[s++], []);
    chunks.push(xml.slice(pos, data.innerEnd));

    // The rest of the part is small: edited as one string, with a mark where the rows go.
    let skeleton = xml.slice(0, data.inner) + ROWS_MARK + xml.slice(data.innerEnd);
    skeleton = widenDimension(skeleton, p, e);
    if (e.merges.length) skeleton = addMerges(skeleton, p, e.merges, part);
    if (e.widen.length) skeleton = widenColumns(skeleton, p, e.widen);
    skeleton = await addNotes(this.pkg, part, skeleton, e.notes);
    const at = skeleton.indexOf(ROWS_MARK);
    this.pkg.setChunks(part, [skeleton.slice(0, at), ...chunks, skeleton.slice(at + ROWS_MARK.length)]);
    this.pkg.forget(part);
  }
}

function widenDimension(xml: string, p: string, e: SheetEdits): string {
  const dim = new RegExp(`<${p}dimension\\b[^>]*?/>`).exec(xml);
  if (!dim || !e.writes.length) return xml;
  const ref = attribute(dim[0].slice(dim[0].indexOf(" ")), "ref");
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  if (ref) {
    const a = parseRangeAddress(ref.includes(":") ? ref : `${ref}:${ref}`);
    [top, left, bottom, right] = [a.top, a.left, a.bottom, a.right];
  }
  for (const { row, col } of e.writes) {
    top = Math.min(top, row);
    bottom = Math.max(bottom, row);
    left = Math.min(left, col);
    right = Math.max(right, col);
  }
  const range = `${columnLetter(left)}${top + 1}:${columnLetter(right)}${bottom + 1}`;
  return xml.slice(0, dim.index) + setAttribute(dim[0], "ref", range) + xml.slice(dim.index + dim[0].length);
}

function addMerges(xml: string, p: string, merges: string[], part: string): string {
  const span = elementSpan(xml, p, "mergeCells");
  const existing = span ? [...xml.slice(span.inner, span.innerEnd).matchAll(/\bref="([^"]*)"/g)].map((m) => m[1]) : [];
  const areas = existing.map((r) => parseRangeAddress(r.includes(":") ? r : `${r}:${r}`));
  const fresh: string[] = [];
  for (const m of merges) {
    const a = parseRangeAddress(m);
    if (areas.some((b) => a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right)) {
      if (existing.includes(m)) continue;
      throw new Error(`${part}: the merge ${m} overlaps a merged area`);
    }
    areas.push(a);
    fresh.push(m);
  }
  if (!fresh.length) return xml;
  const items = fresh.map((m) => `<${p}mergeCell ref="${m}"/>`).join("");
  const count = existing.length + fresh.length;
  if (span && span.inner !== span.end) {
    const open = xml.slice(span.start, span.inner);
    return xml.slice(0, span.start) + setAttribute(open, "count", String(count)) + xml.slice(span.inner, span.innerEnd) + items + xml.slice(span.innerEnd);
  }
  const el = `<${p}mergeCells count="${count}">${items}</${p}mergeCells>`;
  if (span) return xml.slice(0, span.start) + el + xml.slice(span.end);
  const at = insertionPoint(xml, p, "mergeCells", WORKSHEET_ORDER, "worksheet");
  return xml.slice(0, at) + el + xml.slice(at);
}

/** An appended column without a width of its own takes its left neighbour's. */
function widenColumns(xml: string, p: string, columns: number[]): string {
  const widths = columnFormats(xml, p);
  const add: string[] = [];
  for (const c of [...new Set(columns)].sort((a, b) => a - b)) {
    if (widths.get(c)?.width !== undefined) continue;
    const left = widths.get(c - 1)?.width;
    if (left !== undefined) add.push(`<${p}col min="${c + 1}" max="${c + 1}" width="${left}" customWidth="1"/>`);
  }
  if (!add.length) return xml;
  const span = elementSpan(xml, p, "cols");
  if (!span || span.inner === span.end) {
    const at = span ? span.start : insertionPoint(xml, p, "cols", WORKSHEET_ORDER, "worksheet");
    const rest = span ? xml.slice(span.end) : xml.slice(at);
    return `${xml.slice(0, at)}<${p}cols>${add.join("")}</${p}cols>${rest}`;
  }
  // <col> elements must stay sorted by min: insert each before the first one that starts after it.
  let inner = xml.slice(span.inner, span.innerEnd);
  for (const el of add) {
    const min = Number(attribute(el, "min"));
    const next = [...inner.matchAll(new RegExp(`<${p}col\\b[^>]*?/?>`, "g"))].find((m) => Number(attribute(m[0], "min")) > min);
    inner = next ? inner.slice(0, next.index) + el + inner.slice(next.index!) : inner + el;
  }
  return xml.slice(0, span.inner) + inner + xml.slice(span.innerEnd);
}
