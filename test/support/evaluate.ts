/**
 * Evaluates a workbook snapshot with a write plan applied, in HyperFormula (tests only: GPL-3.0).
 * The formulas are the plan's own text, so what is checked is exactly what Excel will be given.
 */
import { HyperFormula } from "hyperformula";
import { parseCellAddress, WorkbookSnapshot } from "../../src/core/grid";
import type { CellWrite, WritePlan } from "../../src/core/writePlan";

export type Evaluated = (sheet: string, cell: string) => unknown;

export function evaluatePlan(snapshot: WorkbookSnapshot, plan: WritePlan): Evaluated {
  const sheets: Record<string, unknown[][]> = {};
  for (const s of snapshot.sheets) {
    const rows: unknown[][] = [];
    s.values.forEach((row, r) => {
      const out: unknown[] = [];
      row.forEach((v, c) => {
        const f = s.formulas[r]?.[c];
        out[s.left + c] = f ?? (typeof v === "string" && /^[=+@-]/.test(v) ? `'${v}` : v !== null && typeof v === "object" ? null : v);
      });
      rows[s.top + r] = out;
    });
    sheets[s.name] = rows;
  }
  const put = (w: CellWrite) => {
    const { row, col } = parseCellAddress(w.cell);
    const grid = (sheets[w.sheet] ??= []);
    (grid[row] ??= [])[col] = w.formula ?? (typeof w.value === "string" && /^[=+@-]/.test(w.value) ? `'${w.value}` : w.value);
  };
  if (plan.legend) sheets[plan.legend.sheet] = [];
  for (const w of plan.legend?.writes ?? []) put(w);
  for (const w of plan.writes) put(w);
  for (const name of Object.keys(sheets)) sheets[name] = Array.from(sheets[name], (r) => Array.from(r ?? [], (v) => (v === undefined ? null : v)));
  // Array arithmetic as Excel does inside SUMPRODUCT (`--ISNUMBER(G6:G7)`).
  const hf = HyperFormula.buildFromSheets(sheets as never, { licenseKey: "gpl-v3", useArrayArithmetic: true });
  return (sheet, cell) => {
    const { row, col } = parseCellAddress(cell);
    return hf.getCellValue({ sheet: hf.getSheetId(sheet)!, row, col });
  };
}

/** Evaluates a generated sheet (its formulas and values) in HyperFormula; returns the engine and the sheet id. */
export function evaluateSpec(spec: import("../../src/core/sheetSpec").SheetSpec): { hf: HyperFormula; sheet: number; value: (cell: string) => unknown } {
  const rows: unknown[][] = [];
  for (const c of spec.cells) {
    const row = (rows[c.row] ??= []);
    row[c.col] = c.formula ?? (typeof c.value === "string" && /^[=+@-]/.test(c.value) ? `'${c.value}` : c.value ?? null);
  }
  const data = Array.from(rows, (r) => Array.from(r ?? [], (v) => (v === undefined ? null : v)));
  const hf = HyperFormula.buildFromSheets({ [spec.name]: data } as never, { licenseKey: "gpl-v3", useArrayArithmetic: true });
  const sheet = hf.getSheetId(spec.name)!;
  return {
    hf,
    sheet,
    value: (cell) => {
      const { row, col } = parseCellAddress(cell);
      return hf.getCellValue({ sheet, row, col });
    },
  };
}
