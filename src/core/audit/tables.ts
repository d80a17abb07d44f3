/**
 * Consistency between tables: the same indicator (normalised name, satuan and year) with another target,
 * realisasi or capaian in another table of the workbook (IKU, PK, Tabel 3.x, annexes). Each figure is
 * compared with the indicator's first appearance; a finding names both cells. A capaian is the one the
 * table shows, or, where it shows none, the one its own target and realisasi give.
 */
import { cellAddress, Grid, parseCellAddress } from "../grid";
import { message } from "../messages";
import { parseNumeral, percentValue } from "../numerals";
import { RecognisedColumn, RecognisedTable, tableRange, WorkbookAnalysis } from "../recognise";
import type { WritePlan } from "../writePlan";
import type { Finding } from "./types";
import { where } from "./where";

type Field = "target" | "realisasi" | "capaian";
const round4 = (x: number) => Math.round(x * 10_000) / 10_000;
const FIELDS: Field[] = ["target", "realisasi", "capaian"];

interface Entry {
  t: RecognisedTable;
  g: Grid;
  row: number;
  cell: string;
  field: Field;
  name: string;
  satuan: string;
  year: number;
  value: number;
  /** Decimals the figure is shown with (null: a computed value, as precise as the other). */
  decimals: number | null;
  /** Not shown in the table: computed from its own target and realisasi (as the plan writes it). */
  computed?: boolean;
}

/** An indicator's name as two tables would both write it: no numbering, case, spacing or trailing unit. */
const names = new Map<string, string>();
export function normaliseName(s: string): string {
  let n = names.get(s);
  if (n === undefined) {
    n = normalise(s);
    if (names.size > 50_000) names.clear();
    names.set(s, n);
  }
  return n;
}
function normalise(s: string): string {
  return s.toLowerCase().replace(/^\s*(\d+(\.\d+)*|[a-z]|[ivxl]+)[.)]\s+/, "").replace(/\((%|persen)\)\s*$/, "").replace(/[^\p{L}\p{N}%]+/gu, " ").trim();
}
function normaliseSatuan(s: string): string {
  const t = s.toLowerCase().replace(/[()]/g, "").trim();
  return /^(%|persen|persentase|prosentase)$/.test(t) ? "%" : t;
}

/** The year a table is about: its caption or title ("… Tahun 2024"), else the one year its columns name. */
function tableYear(t: RecognisedTable): number | null {
  const m = /tahun\s+(20\d\d)\b/i.exec(`${t.caption ?? ""} ${t.title ?? ""}`);
  if (m) return Number(m[1]);
  const years = new Set(t.columns.map((c) => c.year).filter((y): y is number => y !== null));
  return years.size === 1 ? [...years][0] : null;
}

function decimalsShown(raw: string, numberFormat: string | null, isNumber: boolean): number {
  if (isNumber && numberFormat) {
    const m = /0\.(0+)/.exec(numberFormat);
    return m ? m[1].length : 0;
  }
  const m = /[.,](\d{1,2})\s*%?\s*$/.exec(raw);
  return m ? m[1].length : isNumber ? 2 : 0;
}

function entries(analysis: WorkbookAnalysis, grids: Map<string, Grid>, plan: WritePlan): Entry[] {
  const out: Entry[] = [];
  const planned = new Map(plan.writes.filter((w) => w.role === "capaian" && typeof w.value === "number").map((w) => [`${w.sheet}!${parseCellAddress(w.cell).row}`, w]));
  for (const s of analysis.sheets) {
    const g = grids.get(s.name)!;
    for (const t of s.tables) {
      const ind = t.columns.find((c) => c.role === "indikator");
      if (!ind) continue;
      const sat = t.columns.find((c) => c.role === "satuan");
      const year = tableYear(t);
      // A capaian counts when it is measured against the year's target (not the Renstra end target or a benchmark).
      const againstTarget = (col: number) => {
        const p = t.pairings.find((x) => x.measure === "capaian" && x.output === col);
        const den = p ? t.columns.find((c) => c.col === p.denominator) : undefined;
        return p ? den?.role === "target" && !benchmark(den) : t.columns.some((c) => c.role === "target");
      };
      // A national or provincial figure is not the agency's own target or realisasi, whatever role it was read as.
      const benchmark = (c: RecognisedColumn) => /\b(nasional|provinsi|rpjmn|pusat)\b/i.test(c.header);
      const usable = (c: RecognisedColumn, field: Field) => c.role === field && !c.scope && !c.period && !benchmark(c) && (c.year ?? year) !== null && (field !== "capaian" || againstTarget(c.col));
      for (const r of t.rows.filter((x) => x.kind === "data")) {
        const name = normaliseName(g.shownText(r.row, ind.col));
        if (name.length < 8) continue;
        const satuanText = sat ? g.shownText(r.row, sat.col) : "";
        let shownCapaian = false;
        for (const field of FIELDS) {
          for (const c of t.columns.filter((x) => usable(x, field))) {
            const n = parseNumeral(g.value(r.row, c.col), g.numberFormat(r.row, c.col));
            const value = percentValue(n, n.value);
            if (value === undefined) continue;
            if (field === "capaian") shownCapaian = true;
            const satuan = normaliseSatuan(satuanText || (n.kind === "percent" || field === "capaian" ? "%" : n.unit ?? ""));
            out.push({ t, g, row: r.row, cell: cellAddress(r.row, c.col), field, name, satuan, year: (c.year ?? year)!, value, decimals: decimalsShown(n.raw, g.numberFormat(r.row, c.col), typeof g.value(r.row, c.col) === "number") });
          }
        }
        // No capaian shown: the one the table's own figures give (as the plan computes it).
        const w = planned.get(`${s.name}!${r.row}`);
        const denominator = w?.inputs ? t.columns.find((c) => c.col === parseCellAddress(w.inputs![0]).col) : undefined;
        if (!shownCapaian && w && year !== null && typeof w.value === "number" && denominator?.role === "target" && !benchmark(denominator)) {
          const value = w.numberFormat === "0.00%" ? w.value * 100 : w.value;
          const appended = g.isBlank(r.row, parseCellAddress(w.cell).col) && !t.columns.some((c) => c.col === parseCellAddress(w.cell).col);
          out.push({ t, g, row: r.row, cell: appended && w.inputs ? w.inputs[1] : w.cell, field: "capaian", name, satuan: "%", year, value, decimals: null, computed: true });
        }
      }
    }
  }
  return out;
}

/** Equal as both tables show them (to the coarser precision), within one unit of the last decimal. */
function same(a: Entry, b: Entry): boolean {
  const d = Math.min(a.decimals ?? 9, b.decimals ?? 9);
  const round = (x: number) => Math.round(x * 10 ** d) / 10 ** d;
  // One unit of the last decimal shown: a figure cut in one table and rounded in the other is the same figure.
  if (Math.abs(round(a.value) - round(b.value)) <= 10 ** -d + 1e-9) return true;
  // The same figure in the other percent unit is a unit difference, reported elsewhere, not another figure.
  const ratio = a.value / b.value;
  return Math.abs(ratio - 100) < 1e-6 || Math.abs(ratio - 0.01) < 1e-9;
}

export function betweenTableFindings(analysis: WorkbookAnalysis, grids: Map<string, Grid>, plan: WritePlan): Finding[] {
  const groups = new Map<string, Entry[]>();
  for (const e of entries(analysis, grids, plan)) {
    const k = `${e.name}|${e.year}|${e.field}`;
    const list = groups.get(k) ?? [];
    list.push(e);
    groups.set(k, list);
  }
  const out: Finding[] = [];
  for (const list of groups.values()) {
    const first = list[0];
    for (const e of list.slice(1)) {
      if (e.t === first.t) continue;
      if (e.satuan && first.satuan && e.satuan !== first.satuan) continue;
      if (same(e, first)) continue;
      const firstTable = first.t.caption ?? tableRange(first.t);
      out.push({
        sheet: e.g.name, cell: e.cell, role: e.field, typed: round4(e.value), expected: round4(first.value), reason: "between-tables",
        detail: message("audit-between-tables", { field: e.field, value: round4(e.value), other: { sheet: first.g.name, ...parseCellAddress(first.cell) }, otherValue: round4(first.value), otherTable: firstTable, year: e.year, computed: !!e.computed, otherComputed: !!first.computed }),
        ...where(e.g, e.t, e.row),
        other: { sheet: first.g.name, cell: first.cell, table: firstTable, value: round4(first.value) },
      });
    }
  }
  return out;
}
