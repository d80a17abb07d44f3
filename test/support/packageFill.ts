/**
 * A fill as the CLI does it: the package read into a snapshot, recognised, planned, and the plan written into the
 * original package (src/xlsx/packageWrite.ts). Tests that check what users get use this, not the ExcelJS writer.
 */
import { recogniseWorkbook } from "../../src/core/recognise";
import { FillOptions, planWorkbook, WritePlan } from "../../src/core/writePlan";
import type { WorkbookAnalysis } from "../../src/core/recognise";
import type { WorkbookSnapshot } from "../../src/core/grid";
import { XlsxPackage } from "../../src/xlsx/package";
import { snapshotFromPackage } from "../../src/xlsx/packageRead";
import { WorkbookEditor } from "../../src/xlsx/packageWrite";

export interface PackageFill {
  snapshot: WorkbookSnapshot;
  analysis: WorkbookAnalysis;
  plan: WritePlan;
  /** The filled copy's bytes. */
  bytes: Buffer;
}

export async function fillByPackage(bytes: Uint8Array, options?: FillOptions): Promise<PackageFill> {
  const pkg = await XlsxPackage.fromBytes(bytes);
  const snapshot = await snapshotFromPackage(pkg);
  const analysis = recogniseWorkbook(snapshot);
  const plan = planWorkbook(snapshot, analysis, options);
  const editor = await WorkbookEditor.open(pkg);
  await editor.applyPlan(plan);
  await editor.finish();
  return { snapshot, analysis, plan, bytes: await pkg.toBuffer() };
}
