/** Where a finding belongs: its table (caption or range) and the indicator its row names. */
import { Grid } from "../grid";
import { RecognisedTable, tableRange } from "../recognise";
import type { Finding } from "./types";

const NAME_ROLES = ["indikator", "nomenklatur", "subkegiatan", "kegiatan", "program", "sasaran"];

export type Where = Pick<Finding, "table" | "tableRange" | "indicator">;

/** The row's name: its indicator, else its program / kegiatan / sub kegiatan, else its sasaran. */
export function indicatorOf(g: Grid, t: RecognisedTable, row: number): string | null {
  for (const role of NAME_ROLES) {
    const c = t.columns.find((x) => x.role === role);
    const text = c ? g.shownText(row, c.col) : "";
    if (text) return text;
  }
  return null;
}

export function where(g: Grid, t: RecognisedTable, row: number): Where {
  return { table: t.caption ?? tableRange(t), tableRange: tableRange(t), indicator: indicatorOf(g, t, row) };
}
