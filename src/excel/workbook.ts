/**
 * What the task pane asks of Excel: scan the workbook, select a table. Every `Excel.run` of the
 * add-in lives in src/excel; components receive these functions as props.
 */
import { recogniseWorkbook, WorkbookAnalysis } from "../core/recognise";
import { readWorkbookSnapshot } from "./snapshot";

export interface WorkbookPort {
  scan(): Promise<WorkbookAnalysis>;
  selectRange(sheet: string, address: string): Promise<void>;
}

/** Office's error code and message, for the pane to show (OfficeExtension.Error or any Error). */
export function describeOfficeError(e: unknown): string {
  const err = e as { code?: string; message?: string; debugInfo?: { errorLocation?: string } };
  const where = err.debugInfo?.errorLocation ? ` (${err.debugInfo.errorLocation})` : "";
  return err.code ? `${err.code}: ${err.message ?? ""}${where}` : String(err.message ?? e);
}

export const excelWorkbook: WorkbookPort = {
  scan: () =>
    Excel.run(async (context) => {
      const snapshot = await readWorkbookSnapshot(context);
      return recogniseWorkbook(snapshot);
    }),
  selectRange: (sheet, address) =>
    Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(address).select();
      await context.sync();
    }),
};
