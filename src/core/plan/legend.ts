/**
 * What the plan writes about itself into the workbook, in the user's language (the caller's phrase): the
 * legend sheet "Keterangan Rumus" (every method with its formula in words, an example and its source; the
 * choice made for each indicator; the ladders the categorical formulas match against) and a note on the
 * header cell of each column it writes formulas into.
 */
import { cellAddress, columnLetter, Grid, parseCellAddress, SheetSnapshot, WorkbookSnapshot } from "../grid";
import { message, Message } from "../messages";
import { CATEGORICAL_SCALES } from "../numerals";
import type { RecognisedTable } from "../recognise";
import type { CellWrite, Phraser, WritePlan, WriteRole } from "./types";
import { LADDER_COLUMNS, LADDER_FIRST_ROW } from "./rules/capaian";

export const LEGEND_SHEET = "Keterangan Rumus";
/** Row 1 of the legend: a marker (not translated) by which a later run knows the sheet is the add-in's. */
export const LEGEND_MARK = "Keterangan Rumus — dibuat oleh add-in LKIP";

/** "Keterangan Rumus", or the add-in's earlier one (replaced), or a suffixed name if the user has a sheet by that name. */
export function legendSheetName(snapshot: WorkbookSnapshot): string {
  for (let i = 1; ; i++) {
    const name = i === 1 ? LEGEND_SHEET : `${LEGEND_SHEET} (${i})`;
    const s = snapshot.sheets.find((x) => x.name.toLowerCase() === name.toLowerCase());
    if (!s || isLegendSheet(s)) return name;
  }
}
export function isLegendSheet(s: SheetSnapshot): boolean {
  return new Grid(s).text(0, 0) === LEGEND_MARK;
}

/** A short note on the header cell of each column the plan writes formulas into. */
export function headerNotes(g: Grid, t: RecognisedTable, plan: WritePlan, writes: CellWrite[], legendName: string, phrase: Phraser): void {
  const byColumn = new Map<number, WriteRole>();
  for (const w of writes) if (w.formula && w.role !== "total") byColumn.set(parseCellAddress(w.cell).col, w.role);
  for (const [col, role] of byColumn) {
    const appended = plan.appended.some((a) => a.sheet === g.name && a.column === columnLetter(col));
    let r = appended ? t.header.top : t.header.bottom;
    const m = appended ? null : g.merge(r, col);
    if (m) r = m.top;
    const text = `${phrase(message(`note-${role}` as Message["code"], {}))} ${phrase(message("note-written-by", { legend: legendName }))}`;
    plan.notes.push({ sheet: g.name, cell: cellAddress(r, m ? m.left : col), text });
  }
}

const POLARITY: Record<string, Message["code"]> = { "higher-better": "polarity-higher-better", "lower-better": "polarity-lower-better", categorical: "polarity-categorical" };

/** The legend sheet: methods, per-indicator choices, and the ladders the categorical formulas match against. */
export function legendPlan(plan: WritePlan, sheet: string, snapshot: WorkbookSnapshot, phrase: Phraser): WritePlan["legend"] {
  const writes: CellWrite[] = [];
  const say = (code: Message["code"]) => phrase(message(code, {}));
  const text = (cell: string, value: string | number, bold = false) => writes.push({ sheet, cell, role: "legend", value, bold: bold || undefined });
  text("A1", LEGEND_MARK, true);
  text("A2", say("legend-intro"));
  (["legend-method", "legend-words", "legend-example", "legend-source", "legend-count"] as const).forEach((h, i) => text(`${columnLetter(i)}4`, say(h), true));
  let r = 5;
  for (const m of plan.methods) {
    [phrase(m.label), phrase(m.words), m.example, phrase(m.source), m.count].forEach((v, i) => text(`${columnLetter(i)}${r}`, v));
    r++;
  }
  r += 1;
  text(`A${r}`, say("legend-choices"), true);
  r++;
  (["legend-sheet", "legend-row", "legend-indicator", "legend-polarity", "legend-reason", "legend-formula"] as const).forEach((h, i) => text(`${columnLetter(i)}${r}`, say(h), true));
  r++;
  const labels = new Map(plan.methods.map((m) => [m.id, phrase(m.label)]));
  for (const c of plan.choices) {
    [c.sheet, c.row + 1, c.indicator, say(POLARITY[c.polarity]), c.reason ? phrase(c.reason) : "", labels.get(c.method) ?? c.method].forEach((v, i) => text(`${columnLetter(i)}${r}`, v));
    r++;
  }
  for (const scale of CATEGORICAL_SCALES) {
    const col = LADDER_COLUMNS[scale.id];
    text(`${col}${LADDER_FIRST_ROW - 1}`, scale.label, true);
    scale.rungs.forEach((rung, i) => text(`${col}${LADDER_FIRST_ROW + i}`, rung));
  }
  return { sheet, replaces: snapshot.sheets.some((s) => s.name === sheet), writes };
}

/**
 * How the legend sheet prints (both adapters apply it): A4 landscape, one page wide, text wrapped at the top of
 * its cell, these column widths in points (method, words, Excel example, source, count, then the ladders).
 */
export const LEGEND_COLUMN_POINTS: Record<string, number> = { A: 150, B: 210, C: 230, D: 170, E: 130, F: 150, H: 80, I: 60, J: 60 };
