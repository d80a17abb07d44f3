/**
 * Running `fill` on its own output adds nothing: the add-in's own formulas and appended columns are
 * recognised as the computed columns they are (by their headers and their formulas).
 */
import * as fs from "fs";
import * as path from "path";
import type { WorkbookAnalysis } from "../src/core/recognise";
import { parseCellAddress } from "../src/core/grid";
import { fillByPackage } from "./support/packageFill";

const FIX = path.join(__dirname, "fixtures");
const FILES = [
  path.join(__dirname, "..", "examples", "contoh-bab3-bekasi.xlsx"),
  path.join(FIX, "xlsx", "serang-typed.xlsx"),
  ...fs.readdirSync(path.join(FIX, "shapes")).filter((f) => f.endsWith(".xlsx")).map((f) => path.join(FIX, "shapes", f)),
];

test.each(FILES.map((f) => [path.basename(f), f]))("%s: a second fill adds nothing", async (_n, file) => {
  // Both fills as the CLI does them: the plan written into the original package.
  const first = await fillByPackage(fs.readFileSync(file));
  const second = await fillByPackage(first.bytes);
  const plan = second.plan;
  expect(plan.appended.map((a) => `${a.sheet}!${a.column} ${a.header}`)).toEqual([]);
  expect(plan.writes.filter((w) => w.formula).map((w) => `${w.sheet}!${w.cell} ${w.role}`)).toEqual([]);
  // Every formula of the first fill is in the copy as written, and the second reading leaves it there.
  const held = (w: { sheet: string; cell: string }) => {
    const s = second.snapshot.sheets.find((x) => x.name === w.sheet)!;
    const { row, col } = parseCellAddress(w.cell);
    return s.formulas[row - s.top]?.[col - s.left] ?? null;
  };
  expect(first.plan.writes.filter((w) => w.formula && held(w) !== w.formula).map((w) => `${w.sheet}!${w.cell} ${w.role}`)).toEqual([]);
  const written = new Set(first.plan.writes.filter((w) => w.formula).map((w) => `${w.sheet}!${w.cell}`));
  expect(plan.skipped.filter((k) => k.reason.code === "skip-holds-formula" && written.has(`${k.sheet}!${k.cell}`)).map((k) => `${k.sheet}!${k.cell}`)).toEqual([]);
  // The columns that were there keep their meaning.
  const roles = (a: WorkbookAnalysis) => a.sheets.flatMap((s) => s.tables.map((t) => `${s.name}@${t.header.top}: ${t.columns.map((c) => `${c.col}=${c.role}`).join(" ")}`));
  const after = roles(second.analysis);
  for (const before of roles(first.analysis)) expect(after.find((x) => x.startsWith(before.split(": ")[0] + ": "))?.startsWith(before)).toBe(true);
});
