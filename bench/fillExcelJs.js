#!/usr/bin/env node
/**
 * The baseline for `npm run bench`: `lkip fill` as it was done through ExcelJS (load the whole workbook,
 * snapshot, recognise, plan, apply the plan to the ExcelJS model, write the whole workbook again).
 *   node bench/fillExcelJs.js in.xlsx out.xlsx
 */
/* eslint-disable @typescript-eslint/no-require-imports */
const { loadWorkbookFile, snapshotFromWorkbook } = require("../lib/xlsx/readWorkbook");
const { applyPlanToWorkbook } = require("../lib/xlsx/applyPlan");
const { recogniseWorkbook } = require("../lib/core/recognise");
const { planWorkbook, DEFAULT_FILL } = require("../lib/core/writePlan");

async function main([input, output]) {
  const wb = await loadWorkbookFile(input);
  const snapshot = snapshotFromWorkbook(wb, input);
  const plan = planWorkbook(snapshot, recogniseWorkbook(snapshot), DEFAULT_FILL);
  applyPlanToWorkbook(wb, plan);
  await wb.xlsx.writeFile(output);
}

main(process.argv.slice(2)).catch((e) => {
  console.error(e);
  process.exit(1);
});
