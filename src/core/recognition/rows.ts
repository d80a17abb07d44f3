/**
 * Body rows once the columns are known: the hierarchy level of each row (program → kegiatan → sub
 * kegiatan, read from names, codes, numbering, bold and indentation), data vs group rows, and the
 * polarity of each indicator (a "Polarisasi" cell decides over keyword rules).
 */
import { Grid } from "../grid";
import { decideLevels, HierarchyLevel, LevelDecision, numberingStyle, RowCues } from "../hierarchy";
import { message } from "../messages";
import { Numeral } from "../numerals";
import { decidePolarity, isBareDash, statedPolarity } from "../polarity";
import { ColumnRole } from "../roles";
import { headerTokens } from "../vocabulary";
import type { BodyRow } from "./body";
import type { RecognisedColumn } from "./types";

export interface LevelledRow extends BodyRow {
  polarity?: ReturnType<typeof decidePolarity>;
  indicator?: string;
}

export function firstColumn(columns: RecognisedColumn[], roles: ColumnRole[]): RecognisedColumn | undefined {
  for (const role of roles) {
    const c = columns.find((col) => col.role === role);
    if (c) return c;
  }
  return undefined;
}

export const NAME_ORDER: ColumnRole[] = ["nomenklatur", "subkegiatan", "kegiatan", "program"];

/** Levels and data/group kinds of the rows whose kind the body left open. */
export function assignLevelsAndKinds(g: Grid, columns: RecognisedColumn[], rows: LevelledRow[]): void {
  const nameCol = firstColumn(columns, NAME_ORDER);
  const noCol = firstColumn(columns, ["no"]);
  const kodeCol = firstColumn(columns, ["kode"]);
  const indCol = firstColumn(columns, ["indikator"]);
  const open = rows.filter((b) => b.kind === undefined);
  const levels = new Map<number, LevelDecision>();
  if (nameCol) {
    const cues: RowCues[] = open.map((b) => ({
      row: b.row,
      name: g.text(b.row, nameCol.col),
      numbering: noCol ? g.text(b.row, noCol.col) : "",
      code: kodeCol ? g.text(b.row, kodeCol.col) : "",
      bold: g.isBold(b.row, nameCol.col),
      indent: g.indent(b.row, nameCol.col),
    }));
    // Numbering typed inside the name cell ("I. Program …", "1.01.02 PROGRAM …").
    for (const c of cues) {
      if (!c.numbering) {
        const m = /^([IVXL]+\.|[A-Z]\.|\d{1,3}\.|[a-z]\.)\s+/.exec(c.name);
        if (m && numberingStyle(m[1])) c.numbering = m[1];
      }
    }
    for (const [row, d] of decideLevels(cues, nameCol.role)) levels.set(row, d);
  }
  for (const b of open) {
    const d = levels.get(b.row);
    const hasIndicator = indCol ? g.text(b.row, indCol.col) !== "" : false;
    const hasName = nameCol ? g.text(b.row, nameCol.col) !== "" : false;
    if (d && hasName) {
      b.level = d.level;
      b.evidence = d.evidence;
    } else if (hasIndicator) {
      b.level = "indikator";
      b.evidence = message(nameCol ? "row-indicator-under-name" : "row-indicator", {});
    } else {
      b.level = null;
      b.evidence = message("row-no-hierarchy", {});
    }
  }
  const order: (HierarchyLevel | null)[] = ["sasaran", "program", "kegiatan", "subkegiatan", "indikator"];
  // In a budget hierarchy, indicator rows belong to the named row above; the deepest named level holds the data.
  const budgetLevels = open.some((b) => b.level === "program" || b.level === "kegiatan" || b.level === "subkegiatan");
  const present = open
    .filter((b) => !(budgetLevels && b.level === "indikator"))
    .map((b) => order.indexOf(b.level ?? null))
    .filter((i) => i >= 0);
  const deepest = present.length ? Math.max(...present) : -1;
  for (const b of open) {
    const i = order.indexOf(b.level ?? null);
    // Indicator rows that only carry a parent's outcome (no name, no money of their own) are grouped with it.
    const parentIndicator = b.level === "indikator" && budgetLevels && isParentIndicator(g, b, columns, open);
    b.kind = (i >= 0 && i < deepest) || parentIndicator ? "group" : "data";
  }
}

/** In a budget hierarchy, an indicator row with an empty name that precedes a named row carries the parent's outcome. */
function isParentIndicator(g: Grid, b: LevelledRow, columns: RecognisedColumn[], open: LevelledRow[]): boolean {
  const levelsPresent = new Set(open.map((o) => o.level));
  if (!levelsPresent.has("program") && !levelsPresent.has("kegiatan")) return false;
  const money = columns.filter((c) => c.role === "pagu" || c.role === "realisasi_anggaran");
  if (!money.length) return false;
  return money.every((c) => g.text(b.row, c.col) === "");
}

/** Polarity of every indicator row that has a target or a realisasi. */
export function assignPolarity(g: Grid, columns: RecognisedColumn[], rows: LevelledRow[], figures: Map<number, Map<number, Numeral>>): void {
  const ind = firstColumn(columns, ["indikator"]) ?? firstColumn(columns, ["sasaran", ...NAME_ORDER]);
  const targets = columns.filter((c) => c.role === "target").sort((a, b) => (a.year ?? 0) - (b.year ?? 0));
  const realisasi = columns.find((c) => c.role === "realisasi" && !c.scope) ?? columns.find((c) => c.role === "realisasi");
  if (!ind || (!targets.length && !realisasi)) return;
  const satuan = firstColumn(columns, ["satuan"]);
  const polarityCol = firstColumn(columns, ["polaritas"]);
  const notesCols = columns.filter((c) => c.role === "keterangan" || c.role === "penyebab");
  const tableNotes = rows.filter((b) => b.kind === "note").map((b) => g.text(b.row, g.filledColumns(b.row)[0] ?? 0));
  const contentRows = rows.filter((b) => b.kind === undefined || b.kind === "data" || b.kind === "group");
  // A bare "-" is a sign only in a column that states directions otherwise too ("+" / "-"); alone it marks a missing value.
  const polarityText = (row: number) => (polarityCol ? g.text(row, polarityCol.col) : "");
  const dashIsSign = contentRows.some((b) => !isBareDash(polarityText(b.row)) && statedPolarity(polarityText(b.row)) !== null);
  const noteWords = new Map(tableNotes.map((n) => [n, headerTokens(n).join(" ")]));
  const figureColumns = realisasi ? [...targets, realisasi] : targets;
  const yearTargets = targets.filter((c) => c.year !== null);
  const figureAt = (c: RecognisedColumn | undefined, row: number) => (c ? figures.get(c.col)?.get(row) : undefined);
  for (const b of contentRows) {
    const indicator = g.text(b.row, ind.col);
    if (!indicator) continue;
    if (!figureColumns.some((c) => g.text(b.row, c.col) !== "")) continue;
    const target = figureAt(targets[targets.length - 1], b.row);
    const real = figureAt(realisasi, b.row);
    const byYear: number[] = [];
    for (const c of yearTargets) {
      const v = figureAt(c, b.row)?.value;
      if (v !== undefined) byYear.push(v);
    }
    const notes = notesCols.map((c) => g.text(b.row, c.col));
    for (const n of tableNotes) if (mentions(n, indicator, noteWords.get(n)!)) notes.push(n);
    b.indicator = indicator;
    b.polarity = decidePolarity({
      indicator,
      satuan: satuan ? g.text(b.row, satuan.col) : undefined,
      notes,
      target,
      realisasi: real,
      targetsByYear: byYear.length >= 3 ? byYear : undefined,
      polarityCell: polarityText(b.row) && (dashIsSign || !isBareDash(polarityText(b.row))) ? polarityText(b.row) : undefined,
    });
  }
}

/** Does a note under the table speak of this indicator: by its words, or by the footnote mark they share ("…*)" / "*) …")? */
function mentions(note: string, indicator: string, noteWords = headerTokens(note).join(" ")): boolean {
  const mark = /(\*+\)?|\(\*+\))\s*$/.exec(indicator.trim())?.[1].replace(/[()]/g, "");
  if (mark && note.trim().replace(/^\(/, "").startsWith(mark) && !note.trim().replace(/^\(/, "").startsWith(mark + "*")) return true;
  const words = headerTokens(indicator).filter((w) => w.length > 3).slice(0, 3);
  return words.length > 0 && words.every((w) => noteWords.includes(w));
}
