/**
 * The audit: every computed value typed by hand is recomputed with the rules the write plan uses, and each
 * disagreement reported with its cell, the typed and the expected value, the likely mistake, its table and
 * indicator; typed totals against their parts; formulas already in the tables linted (the add-in's own
 * are never findings); figures outside their plausible range; a lone separator decided by a column's
 * majority; and the same indicator with other figures in another table of the workbook.
 */
import { Grid, WorkbookSnapshot } from "../grid";
import type { WorkbookAnalysis } from "../recognise";
import { CellWrite, DEFAULT_FILL, FillOptions, planWorkbook } from "../writePlan";
import { formulaFindings } from "./formulas";
import { loneSeparatorFindings } from "./numerals";
import { rangeFindings } from "./ranges";
import { betweenTableFindings } from "./tables";
import { totalFindings } from "./totals";
import { RowIndex, typedValueFindings } from "./typed";
import type { Finding } from "./types";

export type { AuditReason, Finding } from "./types";

export function auditWorkbook(snapshot: WorkbookSnapshot, analysis: WorkbookAnalysis, options: Partial<FillOptions> = {}): Finding[] {
  const o: FillOptions = { ...DEFAULT_FILL, ...options, overwrite: true, convertText: true };
  const plan = planWorkbook(snapshot, analysis, o);
  const grids = new Map(snapshot.sheets.map((s) => [s.name, new Grid(s)]));
  const rows: RowIndex = new Map();
  for (const s of analysis.sheets) for (const t of s.tables) for (const r of t.rows) rows.set(`${s.name}!${r.row}`, { t, row: r });
  // What the add-in writes in each computed cell: a formula equal to it is the add-in's own.
  const own = new Map(plan.writes.filter((w) => w.formula).map((w) => [`${w.sheet}!${w.cell}`, w.formula!]));

  const findings: Finding[] = typedValueFindings(plan, grids, rows, o);
  for (const s of analysis.sheets) {
    const g = grids.get(s.name)!;
    for (const t of s.tables) findings.push(...totalFindings(g, t), ...formulaFindings(g, t, own), ...rangeFindings(g, t, o), ...loneSeparatorFindings(g, t));
  }
  findings.push(...betweenTableFindings(analysis, grids, plan));
  return findings;
}

/** Light red, Excel's own "bad" fill: the cells of the findings, marked so they can be found in the sheet. */
export const HIGHLIGHT_FILL = "#FFC7CE";

/** Highlighting the findings is a write like any other (undoable): only the fill changes. */
export function highlightWrites(findings: Pick<Finding, "sheet" | "cell">[]): CellWrite[] {
  const seen = new Set<string>();
  const out: CellWrite[] = [];
  for (const f of findings) {
    const k = `${f.sheet}!${f.cell}`;
    if (seen.has(k)) continue;
    seen.add(k);
    out.push({ sheet: f.sheet, cell: f.cell, role: "highlight", value: null, fill: HIGHLIGHT_FILL });
  }
  return out;
}
