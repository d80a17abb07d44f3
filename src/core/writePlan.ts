/**
 * The write plan's public face (src/core/plan holds the per-table context, one rule file per measure,
 * the method catalogue and the legend): the plan for a workbook, its summary, and its shape.
 */
export { planWorkbook, summarisePlan, RULES } from "./plan";
export type { PlanColumn, PlanSummary } from "./plan";
export { DEFAULT_FILL } from "./plan/types";
export type { AppendedColumn, CellWrite, EmptyResult, FillOptions, IndicatorChoice, MethodUse, Phraser, SkippedCell, TextConversion, UnitReconciliation, WritePlan, WriteRole } from "./plan/types";
export { pairKey } from "./plan/context";
export { predikatScaleOf } from "./plan/options";
export { isLegendSheet, LEGEND_MARK, LEGEND_SHEET } from "./plan/legend";
export { ladderBlocks } from "./plan/ladders";
