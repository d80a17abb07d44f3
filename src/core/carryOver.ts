/**
 * Carrying what a person typed into a generated sheet over to its regenerated version. The Rencana Aksi's
 * yellow Realisasi TW I–IV cells, its Pola Target and its Keterangan are filled in by hand through the year;
 * regenerating the sheet (a changed PK, a corrected budget) must not lose them.
 *
 * Rows are matched by indicator, not by position: the source may have gained, lost or reordered
 * indicators. An earlier row matches the new row with the same sasaran and indicator text (compared
 * without case and extra spaces), else the one new row with the same indicator text. What cannot be carried
 * — an earlier indicator with typed data that the source no longer has, a formula whose row moved, an
 * earlier sheet laid out differently — is listed, so the user is asked before the new sheet replaces the
 * old one (which stays hidden as "… (lama)" until the next regeneration in any case).
 */
import { CellValue, Grid, isErrorValue, SheetSnapshot } from "./grid";
import { message, Message } from "./messages";

/** Where a generator puts the rows and the typed columns, to read an earlier sheet it made. */
export interface CarryLayout {
  /** 0-based row whose titles identify the generator's layout, and the titles expected by column. */
  headerRow: number;
  titles: Record<number, string>;
  /** First indicator row (0-based); the rows end where column 0 holds text matching `end` (the next section). */
  firstRow: number;
  end: RegExp;
  sasaran: number;
  indikator: number;
  /**
   * Columns typed by hand, with what they hold (for messages: "realisasi", "keterangan"). `asks: false`: a
   * column the generator fills itself too (Pola Target), carried when its row matches but no reason to ask.
   */
  typed: { col: number; what: string; asks?: boolean }[];
  /** Text the generator itself writes into a typed column: not the user's, not carried. */
  generated?: (col: number, text: string) => boolean;
}

/** A cell carried over: a value (text stays text), or a formula the user typed (only when its row stays). */
export interface CarriedCell {
  value: string | number | boolean | null;
  formula?: string;
}

export interface CarryOver {
  /** By the new indicator's index: the cells to put in its row, by column. */
  rows: Map<number, Map<number, CarriedCell>>;
  /** What was carried and what could not be (the latter are reasons to ask before replacing). */
  messages: Message[];
  /** How many things could not be carried: when non-zero, ask before replacing the earlier sheet. */
  unmatched: number;
  cells: number;
}

const NONE: CarryOver = { rows: new Map(), messages: [], unmatched: 0, cells: 0 };

const normal = (s: string) => s.replace(/\s+/g, " ").trim().toLowerCase();

interface EarlierRow {
  row: number;
  sasaran: string;
  indikator: string;
  cells: Map<number, { cell: CarriedCell; what: string; asks: boolean }>;
}

/** The earlier sheet's indicator rows, with what is typed in their carried columns (all rows take part in matching). */
function earlierRows(g: Grid, layout: CarryLayout): EarlierRow[] {
  const rows: EarlierRow[] = [];
  for (let r = layout.firstRow; r <= g.bottom; r++) {
    if (layout.end.test(g.text(r, 0))) break;
    const indikator = g.text(r, layout.indikator);
    if (!indikator) continue;
    const cells = new Map<number, { cell: CarriedCell; what: string; asks: boolean }>();
    for (const { col, what, asks = true } of layout.typed) {
      if (g.isVacant(r, col)) continue;
      const formula = g.formula(r, col);
      const v: CellValue = g.value(r, col);
      if (!formula && (isErrorValue(v) || (typeof v === "string" && layout.generated?.(col, g.text(r, col))))) continue;
      cells.set(col, { cell: formula ? { value: isErrorValue(v) ? null : v, formula } : { value: v as string | number | boolean | null }, what, asks });
    }
    rows.push({ row: r, sasaran: g.shownText(r, layout.sasaran), indikator, cells });
  }
  return rows;
}

/**
 * What to carry from `earlier` (the sheet the new one replaces; undefined when there is none) into the new
 * rows: `fresh[i]` is the new sheet's i-th indicator, at 0-based row `rowOf(i)`. `worthKeeping` drops a
 * matched cell that holds only what the generator would write there anyway (a default Pola Target).
 */
export function carryOver(
  earlier: SheetSnapshot | undefined, layout: CarryLayout, fresh: { sasaran: string; indikator: string }[], rowOf: (index: number) => number,
  worthKeeping: (col: number, cell: CarriedCell, index: number) => boolean = () => true,
): CarryOver {
  if (!earlier) return NONE;
  const g = new Grid(earlier);
  const known = Object.entries(layout.titles).every(([c, title]) => normal(g.text(layout.headerRow, Number(c))) === normal(title));
  if (!known) {
    // Not the generator's layout (an older version, or columns moved by hand): nothing can be matched safely.
    const typed = g.bottom >= layout.firstRow;
    return typed ? { ...NONE, messages: [message("carry-over-layout-unknown", { sheet: earlier.name })], unmatched: 1 } : NONE;
  }
  const byBoth = new Map<string, number[]>();
  const byIndicator = new Map<string, number[]>();
  fresh.forEach((f, i) => {
    const both = `${normal(f.sasaran)}|${normal(f.indikator)}`;
    byBoth.set(both, [...(byBoth.get(both) ?? []), i]);
    byIndicator.set(normal(f.indikator), [...(byIndicator.get(normal(f.indikator)) ?? []), i]);
  });
  // First every row with the same sasaran and indicator, then (a sasaran renamed) the same indicator text
  // where it is the only one left on both sides — never a namesake under another sasaran.
  const earlierList = earlierRows(g, layout);
  const matchOf = new Map<EarlierRow, number>();
  const used = new Set<number>();
  for (const old of earlierList) {
    const index = byBoth.get(`${normal(old.sasaran)}|${normal(old.indikator)}`)?.find((i) => !used.has(i));
    if (index === undefined) continue;
    matchOf.set(old, index);
    used.add(index);
  }
  for (const old of earlierList) {
    if (matchOf.has(old)) continue;
    const left = (byIndicator.get(normal(old.indikator)) ?? []).filter((i) => !used.has(i));
    const namesakes = earlierList.filter((o) => !matchOf.has(o) && normal(o.indikator) === normal(old.indikator));
    if (left.length !== 1 || namesakes.length !== 1) continue;
    matchOf.set(old, left[0]);
    used.add(left[0]);
  }
  const out: CarryOver = { rows: new Map(), messages: [], unmatched: 0, cells: 0 };
  const unmatched: Message[] = [];
  for (const old of earlierList) {
    const index = matchOf.get(old);
    if (!old.cells.size) continue;
    if (index === undefined) {
      const typed = [...old.cells.values()].filter((c) => c.asks);
      const at = { sheet: earlier.name, row: old.row, col: layout.indikator };
      if (typed.length) unmatched.push(message("carry-over-unmatched", { at, indicator: old.indikator, what: [...new Set(typed.map((c) => c.what))] }));
      continue;
    }
    const cells = new Map<number, CarriedCell>();
    for (const [col, { cell }] of old.cells) {
      if (!worthKeeping(col, cell, index)) continue;
      if (cell.formula && rowOf(index) !== old.row) {
        // A formula's relative references would point elsewhere in another row: the user copies it.
        unmatched.push(message("carry-over-formula-moved", { at: { sheet: earlier.name, row: old.row, col }, formula: cell.formula }));
        continue;
      }
      cells.set(col, cell);
    }
    if (cells.size) out.rows.set(index, cells);
    out.cells += cells.size;
  }
  if (out.rows.size) out.messages.push(message("carry-over-done", { sheet: earlier.name, indicators: out.rows.size, cells: out.cells }));
  out.messages.push(...unmatched);
  out.unmatched = unmatched.length;
  return out;
}
