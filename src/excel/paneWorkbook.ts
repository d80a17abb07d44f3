/**
 * What the task pane asks of Excel beyond the workbook port: where the user's selection is (to write
 * only there), and the print layout of the legend sheet "Keterangan Rumus" (A4 landscape, one page
 * wide, text wrapped). Kept apart from workbook.ts / applyPlan.ts so the
 * write-and-undo code stays as it is; the legend's layout is not part of the undo record (the sheet is
 * deleted on undo when the write created it; a replaced legend keeps a layout that fits it as well).
 */
import type { WorkbookPort } from "./workbook";
import { LEGEND_COLUMN_POINTS } from "../core/plan/legend";

export interface PaneExtras {
  /** The active sheet and the address of the selection ("E5:H9", several areas with commas). */
  readSelection(): Promise<{ sheet: string; address: string }>;
  /** Sets the legend sheet up for printing: A4 landscape, fit to one page wide, wrapped text. */
  layoutLegend(sheet: string): Promise<void>;
}

/** The port the pane uses: the workbook port, and the extras where the host has them. */
export type PanePort = WorkbookPort & Partial<PaneExtras>;


export const excelPaneExtras: PaneExtras = {
  readSelection: () =>
    Excel.run(async (context) => {
      const range = context.workbook.getSelectedRange();
      range.load("address");
      const ws = range.worksheet;
      ws.load("name");
      await context.sync();
      return { sheet: ws.name, address: range.address.split("!").pop()! };
    }),
  layoutLegend: (sheet) =>
    Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      for (const [col, width] of Object.entries(LEGEND_COLUMN_POINTS)) ws.getRange(`${col}:${col}`).format.columnWidth = width;
      const used = ws.getUsedRange();
      used.format.wrapText = true;
      used.format.verticalAlignment = Excel.VerticalAlignment.top;
      ws.pageLayout.orientation = Excel.PageOrientation.landscape;
      ws.pageLayout.paperSize = Excel.PaperType.a4;
      ws.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
      await context.sync();
    }),
};
