/**
 * Formulas already in a table: a constant typed inside, a data row's formula unlike the others of its
 * column, AVERAGE where a parent's amount is a SUM, and a formula against its column's stated relation
 * (the number row says "8=(7/6)", the cell computes column 7 over 6 the other way round). The add-in's own
 * formulas are never findings; totals, subtotals and shares of a total are not compared with row formulas.
 */
import { cellAddress, columnIndex, Grid } from "../grid";
import { message } from "../messages";
import type { ColumnRelation, RecognisedRow, RecognisedTable } from "../recognise";
import type { Finding } from "./types";
import { where } from "./where";

/** A formula without its strings and sheet names ('APBDES 2025'!E41, Data!B2 → E41, B2). */
export function formulaBody(formula: string): string {
  return formula.replace(/"(?:[^"]|"")*"/g, '""').replace(/'(?:[^']|'')+'!/g, "").replace(/\b[A-Za-z_][\w.]*!/g, "");
}

const normalise = (f: string) => f.replace(/^=/, "").replace(/\s+/g, "").toUpperCase();

/** A total, subtotal or share-of-total row: its name says so, or its formula sums a range or divides by an absolute cell. */
function isAggregate(g: Grid, t: RecognisedTable, r: RecognisedRow, formula: string): boolean {
  if (r.kind === "total") return true;
  const body = formulaBody(formula);
  if (/\b(SUM|SUBTOTAL|SUMIF|SUMIFS|AVERAGE|COUNT)\s*\(\s*\$?[A-Z]{1,3}\$?\d+\s*:/i.test(body)) return true;
  if (/\/\s*\(?\s*\$[A-Z]{1,3}\$\d+/i.test(body)) return true; // ÷ an anchored total: a share of the total
  const name = t.columns.filter((c) => ["nomenklatur", "program", "kegiatan", "subkegiatan", "indikator", "no", "kode"].includes(c.role)).map((c) => g.text(r.row, c.col)).join(" ");
  return /\b(sub\s*total|jumlah|total)\b/i.test(name);
}

export function formulaFindings(g: Grid, t: RecognisedTable, own: Map<string, string>): Finding[] {
  const out: Finding[] = [];
  const body = t.rows.filter((r) => r.kind === "data" || r.kind === "group" || r.kind === "total");
  const isOwn = (r: number, c: number, f: string) => {
    const planned = own.get(`${g.name}!${cellAddress(r, c)}`);
    return planned !== undefined && normalise(planned) === normalise(f);
  };
  for (const c of t.columns) {
    const cells = body.map((r) => ({ r, f: g.formula(r.row, c.col) })).filter((x): x is { r: RecognisedRow; f: string } => !!x.f && !isOwn(x.r.row, c.col, x.f));
    for (const x of cells) {
      const cell = cellAddress(x.r.row, c.col);
      const at = where(g, t, x.r.row);
      const constant = /(?<![A-Z$\d.])(\d{4,}(?:\.\d+)?)(?![\d(])/i.exec(formulaBody(x.f).replace(/\*100\b|\/100\b/g, ""));
      if (constant) out.push({ sheet: g.name, cell, role: c.role, typed: x.f, expected: null, reason: "constant-in-formula", detail: message("audit-constant-in-formula", { constant: constant[1] }), ...at });
      if (x.r.kind !== "data" && /\bAVERAGE\(/i.test(x.f) && (c.role === "pagu" || c.role === "realisasi_anggaran" || c.role === "sisa_anggaran"))
        out.push({ sheet: g.name, cell, role: c.role, typed: x.f, expected: null, reason: "average-in-parent", detail: message("audit-average-in-parent", {}), ...at });
    }
    // Row formulas of data rows: one unlike the common shape of its column.
    const rowwise = cells.filter((x) => x.r.kind === "data" && !isAggregate(g, t, x.r, x.f));
    if (rowwise.length >= 3) {
      // A cell most of the column's formulas read (a total, a rate) is one anchor, relative or not: a share of it is one shape.
      const counts = new Map<string, number>();
      for (const x of rowwise) for (const a of new Set(addresses(x.f).filter((a) => Number(/\d+$/.exec(a)![0]) !== x.r.row + 1))) counts.set(a, (counts.get(a) ?? 0) + 1);
      const shared = new Set([...counts].filter(([, n]) => n >= rowwise.length / 2 && n >= 2).map(([a]) => a));
      const shapeOf = (x: { r: RecognisedRow; f: string }) => relativeShape(x.f, x.r.row + 1, c.col, shared);
      const shapes = new Map<string, number>();
      for (const x of rowwise) shapes.set(shapeOf(x), (shapes.get(shapeOf(x)) ?? 0) + 1);
      const [common, count] = [...shapes.entries()].sort((a, b) => b[1] - a[1])[0];
      if (count >= rowwise.length * 0.6 && count >= 2)
        for (const x of rowwise)
          if (shapeOf(x) !== common)
            out.push({ sheet: g.name, cell: cellAddress(x.r.row, c.col), role: c.role, typed: x.f, expected: null, reason: "inconsistent-formula", detail: message("audit-inconsistent-formula", { count, col: c.col }), ...where(g, t, x.r.row) });
    }
    const relation = t.relations.find((rel) => rel.col === c.col && rel.source === "stated" && rel.operands.length >= 2);
    if (relation) for (const x of cells) if (x.r.kind === "data" || x.r.kind === "group") out.push(...relationFinding(g, t, x.r.row, c.role, x.f, relation));
  }
  return out;
}

/** A cell's formula against the relation its column states: the same operands, a ratio the same way round. */
function relationFinding(g: Grid, t: RecognisedTable, row: number, role: string, formula: string, rel: ColumnRelation): Finding[] {
  const r1 = row + 1;
  const bodyText = formulaBody(formula);
  const refs: number[] = [];
  // Ranges on the row count every column they span (SUM(J14:M14) reads J, K, L and M).
  const rest = bodyText.replace(/\$?([A-Z]{1,3})\$?(\d+)\s*:\s*\$?([A-Z]{1,3})\$?(\d+)/g, (all, a, ra, b, rb) => {
    if (Number(ra) === r1 && Number(rb) === r1) for (let c = columnIndex(a); c <= columnIndex(b); c++) refs.push(c);
    return " ";
  });
  for (const m of rest.matchAll(/\$?([A-Z]{1,3})\$?(\d+)(?![\d(])/g)) if (Number(m[2]) === r1) refs.push(columnIndex(m[1]));
  if (!refs.length) return [];
  const used = new Set(refs);
  const wanted = new Set(rel.operands);
  let contradicts = [...used].some((c) => !wanted.has(c)) || [...wanted].some((c) => !used.has(c));
  if (!contradicts && rel.kind === "ratio") {
    const division = new RegExp(`\\$?([A-Z]{1,3})\\$?${r1}(?!\\d)\\s*\\)?\\s*/\\s*\\(?\\s*\\$?([A-Z]{1,3})\\$?${r1}(?!\\d)`).exec(bodyText);
    if (division) contradicts = columnIndex(division[1]) !== rel.operands[0] || columnIndex(division[2]) !== rel.operands[1];
  }
  if (!contradicts) return [];
  return [{ sheet: g.name, cell: cellAddress(row, rel.col), role, typed: formula, expected: rel.expression, reason: "relation-contradiction", detail: message("audit-relation-contradiction", { formula, relation: rel.text, expression: rel.expression }), ...where(g, t, row) }];
}

/** The cells a formula reads ("C12", anchors dropped). */
function addresses(formula: string): string[] {
  return [...formulaBody(formula).matchAll(/\$?([A-Z]{1,3})\$?(\d+)(?![\d(])/g)].map((m) => `${m[1]}${m[2]}`);
}

/** A formula with its references made relative to its own cell (R[0]C[-2]), so a column's formulas compare; `shared` cells stay as they are. */
function relativeShape(formula: string, row: number, col: number, shared: Set<string> = new Set()): string {
  return formulaBody(formula).replace(/(\$?)([A-Z]{1,3})(\$?)(\d+)/g, (all, ca, letters, ra, digits) => {
    if (shared.has(`${letters}${digits}`)) return `${letters}${digits}`;
    const c = ca ? `C${columnIndex(letters)}` : `C[${columnIndex(letters) - col}]`;
    const r = ra ? `R${digits}` : `R[${Number(digits) - row}]`;
    return r + c;
  });
}

