/**
 * The average capaian of each sasaran's indicators (a sasaran's capaian, PermenPANRB 53/2014), always in
 * a column appended beside the table: merged over the sasaran's rows like its name when the table has a
 * sasaran column, or on the "Sasaran …" section row that heads its indicators. Section rows hold no
 * figures, so nothing is written into the table's own columns there.
 */
import { cellAddress } from "../../grid";
import { message } from "../../messages";
import type { RecognisedRow } from "../../recognise";
import { METHODS } from "../catalogue";
import { ComputedColumn, percentFormat, TableContext } from "../context";
import type { MeasureRule } from "./rule";

export const averagePerSasaranRule: MeasureRule = {
  measure: "rata_rata_sasaran",
  apply(ctx: TableContext) {
    const cap = ctx.capaian[ctx.capaian.length - 1];
    if (!cap) return;
    const groups = sasaranGroups(ctx, cap);
    if (!groups.some((gr) => gr.rows.length > 1)) return;
    // A column of averages the table already has (written by an earlier run, or typed) is filled, not appended again.
    const existing = ctx.t.columns.find((c) => c.role === "rata_rata_sasaran" || (/\brata[-\s]*rata\b/i.test(c.header) && c.col > cap.col));
    const col = ctx.target(existing, "rata_rata_sasaran", cap.like, null, cap.pc);
    if (col === null) return;
    const method = { id: "rata-rata-sasaran", entry: METHODS["rata-rata-sasaran"] };
    for (const gr of groups) {
      const cells = gr.rows.map((r) => cap.cells.get(r.row)!);
      const adjacent = gr.rows.every((r, i) => i === 0 || r.row === gr.rows[i - 1].row + 1);
      const first = cells[0].cell;
      const last = cells[cells.length - 1].cell;
      const args = adjacent ? (first === last ? first : `${first}:${last}`) : cells.map((c) => c.cell).join(",");
      const values = cells.map((c) => c.value).filter((v): v is number => v !== "");
      const empty = values.length ? null : message("empty-input-empty", { at: ctx.refOf(first), role: "capaian" });
      ctx.put({ row: gr.anchor, col, role: "rata_rata_sasaran", formula: `=IF(COUNT(${args})>0,AVERAGE(${args}),"")`, inputs: cells.map((c) => c.cell), value: values.length ? values.reduce((a, b) => a + b, 0) / values.length : "", numberFormat: percentFormat(cap.pc), appended: !existing, method, empty });
      const bottom = gr.rows[gr.rows.length - 1].row;
      if (!existing && !gr.onSection && bottom > gr.anchor.row) ctx.plan.merges.push({ sheet: ctx.g.name, range: `${cellAddress(gr.anchor.row, col)}:${cellAddress(bottom, col)}` });
    }
  },
};

interface SasaranGroup {
  /** The row the average is written on: the sasaran's first indicator, or its section row. */
  anchor: RecognisedRow;
  rows: RecognisedRow[];
  onSection: boolean;
}

/** Each sasaran with its indicator rows that have a capaian cell. */
function sasaranGroups(ctx: TableContext, cap: ComputedColumn): SasaranGroup[] {
  const { g, t } = ctx;
  const groups: SasaranGroup[] = [];
  const sasaranCol = t.columns.find((c) => c.role === "sasaran");
  if (sasaranCol) {
    for (const r of ctx.indicatorRows) {
      const m = g.merge(r.row, sasaranCol.col);
      const starts = g.text(r.row, sasaranCol.col) !== "" && (!m || m.top === r.row);
      if (starts) groups.push({ anchor: r, rows: [r], onSection: false });
      else if (groups.length && !g.text(r.row, sasaranCol.col)) groups[groups.length - 1].rows.push(r);
    }
  } else {
    const sections = t.rows.filter((r) => r.kind === "section" && r.level === "sasaran");
    for (const s of sections) {
      const next = t.rows.find((r) => r.kind === "section" && r.row > s.row)?.row ?? Infinity;
      groups.push({ anchor: s, rows: ctx.indicatorRows.filter((r) => r.row > s.row && r.row < next), onSection: true });
    }
  }
  return groups.map((gr) => ({ ...gr, rows: gr.rows.filter((r) => cap.cells.has(r.row)) })).filter((gr) => gr.rows.length);
}
