/**
 * Running `fill` on its own output adds nothing: the add-in's own formulas and appended columns are
 * recognised as the computed columns they are (by their headers and their formulas).
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { snapshotFromWorkbook } from "../src/xlsx/readWorkbook";
import { applyPlanToWorkbook } from "../src/xlsx/applyPlan";
import { recogniseWorkbook } from "../src/core/recognise";
import { planWorkbook } from "../src/core/writePlan";

const FIX = path.join(__dirname, "fixtures");
const FILES = [
  path.join(__dirname, "..", "examples", "contoh-bab3-bekasi.xlsx"),
  path.join(FIX, "xlsx", "serang-typed.xlsx"),
  ...fs.readdirSync(path.join(FIX, "shapes")).filter((f) => f.endsWith(".xlsx")).map((f) => path.join(FIX, "shapes", f)),
];

test.each(FILES.map((f) => [path.basename(f), f]))("%s: a second fill adds nothing", async (_n, file) => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const first = snapshotFromWorkbook(wb);
  applyPlanToWorkbook(wb, planWorkbook(first, recogniseWorkbook(first)));
  const again = new ExcelJS.Workbook();
  await again.xlsx.load(await wb.xlsx.writeBuffer());
  const second = snapshotFromWorkbook(again);
  const plan = planWorkbook(second, recogniseWorkbook(second));
  expect(plan.appended.map((a) => `${a.sheet}!${a.column} ${a.header}`)).toEqual([]);
  expect(plan.writes.filter((w) => w.formula).map((w) => `${w.sheet}!${w.cell} ${w.role}`)).toEqual([]);
});
