/**
 * Excel refuses some range operations while a chart, shape or picture is selected: `range.merge()` fails
 * with InvalidSelection ("The current selection is invalid for this operation", office-js#399). The add-in
 * must not fail for where the user happened to click, so such a sync is run again after selecting A1 of
 * the active sheet, and the chart (when it was one) is selected again afterwards (a shape cannot be:
 * Office.js has no way to select one).
 */
import { message, Message } from "../core/messages";

function isSetSupported(version: string): boolean {
  try {
    return typeof Office !== "undefined" && !!Office.context?.requirements?.isSetSupported("ExcelApi", version);
  } catch {
    return false;
  }
}

export function isInvalidSelection(e: unknown): boolean {
  return (e as { code?: string })?.code === "InvalidSelection";
}

/**
 * Queues `operations` and syncs; on InvalidSelection, selects A1 of the active sheet, queues them again and
 * syncs (2 more round trips, only then). `operations` must be safe to queue twice: the failed sync stopped at
 * the refused operation, so the ones before it were applied (merging an already merged area changes nothing).
 * Returns a notice when the selection was moved.
 */
export async function syncDespiteSelection(context: Excel.RequestContext, operations: () => void): Promise<Message | null> {
  operations();
  try {
    await context.sync();
    return null;
  } catch (e) {
    if (!isInvalidSelection(e)) throw e;
  }
  const chart = isSetSupported("1.9") ? context.workbook.getActiveChartOrNullObject() : null;
  chart?.load("name");
  const sheet = context.workbook.worksheets.getActiveWorksheet();
  sheet.load("name");
  await context.sync();
  sheet.getRange("A1").select();
  operations();
  const reselect = chart && !chart.isNullObject ? chart : null;
  reselect?.activate();
  await context.sync();
  return message("selection-moved", { sheet: sheet.name, chart: reselect ? reselect.name : null });
}
