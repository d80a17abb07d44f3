/**
 * The write plan of a workbook: for every recognised table, the measure rules in order (each one file in
 * ./rules, reading its operand pairs only from the table's pairings), then the numbers stored as text the
 * written formulas read (converted first, unless conversion is off), the notes, and the legend sheet.
 * Pure data; the Excel and ExcelJS adapters only carry it out. Each formula's result is computed here too.
 */
import { Grid, WorkbookSnapshot } from "../grid";
import { phraser } from "../../i18n";
import type { WorkbookAnalysis } from "../recognise";
import { MethodCounter } from "./catalogue";
import { TableContext } from "./context";
import { headerNotes, legendPlan, legendSheetName } from "./legend";
import { averagePerSasaranRule } from "./rules/average";
import { capaianRule } from "./rules/capaian";
import { efektivitasRule } from "./rules/efektivitas";
import { efisiensiRule } from "./rules/efisiensi";
import { predikatRule } from "./rules/predikat";
import { ticksRule } from "./rules/ticks";
import type { MeasureRule } from "./rules/rule";
import { serapanRule, sisaRule } from "./rules/serapan";
import { tingkatKemajuanRule } from "./rules/tingkatKemajuan";
import { totalsRule } from "./rules/totals";
import { CellWrite, DEFAULT_FILL, emptyPlan, FillOptions, WritePlan, WriteRole } from "./types";

/** The measures, in the order they are written: a rule may read the cells of the rules before it. */
export const RULES: MeasureRule[] = [capaianRule, predikatRule, ticksRule, averagePerSasaranRule, totalsRule, serapanRule, sisaRule, efisiensiRule, efektivitasRule, tingkatKemajuanRule];

/** The plan for a whole workbook. */
export function planWorkbook(snapshot: WorkbookSnapshot, analysis: WorkbookAnalysis, options: FillOptions = DEFAULT_FILL): WritePlan {
  const plan = emptyPlan(options.convertText);
  const phrase = options.phrase ?? phraser("id");
  const methods = new MethodCounter();
  const legendName = legendSheetName(snapshot);
  for (const sheetAn of analysis.sheets) {
    const sheet = snapshot.sheets.find((s) => s.name === sheetAn.name);
    if (!sheet) continue;
    const g = new Grid(sheet);
    for (const t of sheetAn.tables) {
      const first = plan.writes.length;
      const ctx = new TableContext(g, t, options, plan, methods, legendName, phrase);
      for (const rule of RULES) rule.apply(ctx);
      headerNotes(g, t, plan, plan.writes.slice(first), legendName, phrase);
    }
  }
  plan.methods = methods.list();
  // Conversions go first (formulas read the converted numbers): only the cells the written formulas read.
  const conversions: CellWrite[] = plan.textNumbers.filter((c) => c.applied).map((c) => ({ sheet: c.sheet, cell: c.cell, role: "convert", value: c.value, numberFormat: c.numberFormat }));
  plan.writes = [...conversions, ...plan.writes];
  if (plan.methods.length) plan.legend = legendPlan(plan, legendName, snapshot, phrase);
  return plan;
}

export interface PlanColumn {
  sheet: string;
  column: string;
  role: WriteRole;
  cells: number;
  /** A new column on the right of its table (with its header), or cells filled in an existing one. */
  appended: boolean;
  header?: string;
}
export interface PlanSummary {
  formulas: number;
  byRole: [WriteRole, number][];
  columns: PlanColumn[];
}

/** What a plan will do, column by column: the preview the pane shows and the CLI prints. */
export function summarisePlan(plan: WritePlan): PlanSummary {
  const byRole = new Map<WriteRole, number>();
  const columns = new Map<string, PlanColumn>();
  for (const w of plan.writes) {
    if (!w.formula) continue;
    byRole.set(w.role, (byRole.get(w.role) ?? 0) + 1);
    const column = w.cell.replace(/\d+$/, "");
    const k = `${w.sheet}!${column}`;
    let c = columns.get(k);
    if (!c) {
      const a = plan.appended.find((x) => x.sheet === w.sheet && x.column === column);
      columns.set(k, (c = { sheet: w.sheet, column, role: w.role, cells: 0, appended: !!a, header: a?.header }));
    }
    c.cells++;
  }
  return { formulas: [...byRole.values()].reduce((a, b) => a + b, 0), byRole: [...byRole], columns: [...columns.values()] };
}
