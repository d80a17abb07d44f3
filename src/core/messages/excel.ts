/**
 * Codes of writing into a workbook and taking it back (the Office.js adapter and the generators'
 * carry-over): refusals before anything is written, failures rolled back, cells an undo left alone
 * because the user changed them since, and what a regenerated sheet carried over from the earlier one.
 */
export const EXCEL_CODES = [
  "sheet-protected", // {sheet}
  "sheet-missing", // {sheet}
  "sheet-appeared", // {sheet}: a sheet by the generated sheet's name appeared since the scan
  "cell-changed-since-scan", // {at, before, now}: before/now as the cell showed them ("" = empty)
  "write-rolled-back", // {done, total, cause}: a batch failed; what had been written was taken back
  "write-not-rolled-back", // {done, total, cause}: and taking it back failed too; Batalkan is offered
  "undo-cell-kept", // {at, now}: changed since the add-in wrote it, left as the user made it
  "undo-fill-kept", // {at}: a highlighted cell whose fill the user changed since
  "undo-note-kept", // {at}: a note the user edited since
  "undo-sheet-kept", // {sheet, cells: CellRef[], more}: a sheet the add-in made, changed since: kept
  "undo-backup-missing", // {sheet, backup}: the earlier sheet to bring back is gone
  "generate-rolled-back", // {sheet, cause, restored}: a generation failed; its partial sheet removed, the earlier one back
  "generate-not-rolled-back", // {sheet, cause}
  "selection-moved", // {sheet, chart}: a chart or shape was selected, so A1 was selected to merge cells
  "carry-over-done", // {sheet, indicators, cells}: realisasi, pola target, keterangan carried by indicator
  "carry-over-unmatched", // {at, indicator, what: string[]}: an earlier row with typed data and no new row
  "carry-over-formula-moved", // {at, formula}: a formula typed in a realisasi cell whose row moved
  "carry-over-layout-unknown", // {sheet}: the earlier sheet's columns are not the generator's
  // Office's own error codes a user can do something about; {code, where}: Office's code and its
  // errorLocation ("" when none), kept visible for support
  "office-cell-edit-mode", "office-access-denied", "office-payload-too-large", "office-item-not-found",
  "office-error", // {code, text, where}: any other Office error, with Office's own text
] as const;
