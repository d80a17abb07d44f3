/**
 * Where the legend sheet lists the categorical ladders the capaian formulas look up: one block per ladder
 * in columns H (the spelling) and I (its rank), stacked from row 3, each block a title row (the ladder's
 * name) and one row per spelling (`ladderNames`), a blank row between blocks. The formula's ranges and
 * the legend's cells come from this one layout.
 */
import { CATEGORICAL_SCALES, CategoricalScale, ladderNames } from "../numerals";

export const LADDER_NAME_COLUMN = "H";
export const LADDER_RANK_COLUMN = "I";
/** The first block's title row (1-based, as in "H3"). */
const FIRST_TITLE_ROW = 3;

export interface LadderBlock {
  scale: CategoricalScale;
  /** 1-based rows: the title, the first and last spelling. */
  titleRow: number;
  first: number;
  last: number;
  names: { name: string; rank: number }[];
}

/** The ladders' blocks on the legend sheet, in the order of CATEGORICAL_SCALES. */
export function ladderBlocks(): LadderBlock[] {
  return stackLadders(CATEGORICAL_SCALES, FIRST_TITLE_ROW);
}

/**
 * Blocks for some ladders stacked from a title row (1-based), laid out as on the legend sheet: a title row,
 * one row per spelling, a blank row between blocks. The Rencana Aksi places the ladders of its own
 * indicators this way beside its print area.
 */
export function stackLadders(scales: CategoricalScale[], firstTitleRow: number): LadderBlock[] {
  const out: LadderBlock[] = [];
  let row = firstTitleRow;
  for (const scale of scales) {
    const names = ladderNames(scale);
    out.push({ scale, titleRow: row, first: row + 1, last: row + names.length, names });
    row += names.length + 2;
  }
  return out;
}

/** The absolute ranges of a block's spellings and ranks (`$H$4:$H$10`), on `sheet` when given. */
export function blockRanges(b: LadderBlock, nameColumn: string, rankColumn: string, sheet?: string): { names: string; ranks: string } {
  const prefix = sheet ? `'${sheet.replace(/'/g, "''")}'!` : "";
  const range = (col: string) => `${prefix}$${col}$${b.first}:$${col}$${b.last}`;
  return { names: range(nameColumn), ranks: range(rankColumn) };
}

/** The absolute ranges of a ladder's spellings and ranks: `'Keterangan Rumus'!$H$4:$H$10`. */
export function ladderRanges(legendName: string, scaleId: CategoricalScale["id"]): { names: string; ranks: string } {
  const b = ladderBlocks().find((x) => x.scale.id === scaleId)!;
  return blockRanges(b, LADDER_NAME_COLUMN, LADDER_RANK_COLUMN, legendName);
}
