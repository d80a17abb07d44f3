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
  const out: LadderBlock[] = [];
  let row = FIRST_TITLE_ROW;
  for (const scale of CATEGORICAL_SCALES) {
    const names = ladderNames(scale);
    out.push({ scale, titleRow: row, first: row + 1, last: row + names.length, names });
    row += names.length + 2;
  }
  return out;
}

/** The absolute ranges of a ladder's spellings and ranks: `'Keterangan Rumus'!$H$4:$H$10`. */
export function ladderRanges(legendName: string, scaleId: CategoricalScale["id"]): { names: string; ranks: string } {
  const b = ladderBlocks().find((x) => x.scale.id === scaleId)!;
  const sheet = `'${legendName.replace(/'/g, "''")}'!`;
  const range = (col: string) => `${sheet}$${col}$${b.first}:$${col}$${b.last}`;
  return { names: range(LADDER_NAME_COLUMN), ranks: range(LADDER_RANK_COLUMN) };
}
