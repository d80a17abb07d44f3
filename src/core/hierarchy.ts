/**
 * Hierarchy levels of body rows: program → kegiatan → sub kegiatan, read from the words a name
 * starts with ("Program …"), codes (1.01.02 vs 1.01.02.1.01), numbering styles (I / A / 1 / a),
 * bold and indentation — whichever of these actually varies in the table.
 */
import { ColumnRole } from "./roles";
import { message, Message } from "./messages";

export type HierarchyLevel = "sasaran" | "program" | "kegiatan" | "subkegiatan" | "indikator";
export const BUDGET_LEVELS: HierarchyLevel[] = ["program", "kegiatan", "subkegiatan"];

export interface RowCues {
  row: number;
  name: string;
  numbering: string;
  code: string;
  bold: boolean;
  indent: number;
}

export interface LevelDecision {
  level: HierarchyLevel | null;
  /** Why: "row-level" with the cue that decided ({level, cue, rank?, depth?, aligned?, role?}). */
  evidence: Message;
}

/** The cues that rank rows into levels, in the order they are tried. */
export type LevelCue = "code-depth" | "numbering" | "bold-indent";

type NumberingStyle = "roman" | "upper" | "arabic" | "lower" | `dotted${number}`;

export function numberingStyle(text: string): NumberingStyle | null {
  const t = text.trim();
  if (t === "") return null;
  if (/^(?=[IVXL])L?X{0,3}(IX|IV|V?I{0,3})[.)]?$/.test(t)) return "roman";
  if (/^[A-Z][.)]?$/.test(t)) return "upper";
  if (/^\.?\d{1,3}[.)]?$/.test(t)) return "arabic";
  if (/^[a-z][.)]$|^[a-z]$/.test(t)) return "lower";
  const dotted = /^\d+((\.\d+)+)\.?$/.exec(t);
  if (dotted) return `dotted${dotted[1].split(".").length}` as NumberingStyle;
  return null;
}

/** Depth of a budget code such as 1.01.02.1.01.0001 (number of segments), at the start of a text. */
export function codeDepth(text: string): number {
  const m = /^(\d+(?:\.\d+)+)\b/.exec(text.trim());
  return m ? m[1].split(".").length : 0;
}

export function keywordLevel(name: string): HierarchyLevel | null {
  const t = name.trim().toLowerCase();
  const body = t.replace(/^(\d+(\.\d+)*\.?|[ivxl]+\.|[a-z]\.)\s+/, "");
  if (/^sub\s*kegiatan\b/.test(body)) return "subkegiatan";
  if (/^kegiatan\b/.test(body)) return "kegiatan";
  if (/^program\b/.test(body)) return "program";
  return null;
}

/**
 * Decide levels for the named rows of a table body. `nameRole` is the role of the name column
 * (a "Sub Kegiatan" column places its deepest rows at sub kegiatan).
 */
export function decideLevels(rows: RowCues[], nameRole: ColumnRole | null): Map<number, LevelDecision> {
  const out = new Map<number, LevelDecision>();
  const named = rows.filter((r) => r.name !== "" || r.numbering !== "" || r.code !== "");
  const fixed = new Map<number, HierarchyLevel>();
  for (const r of named) {
    const k = keywordLevel(r.name);
    if (k) fixed.set(r.row, k);
  }
  const free = named.filter((r) => !fixed.has(r.row) && r.name !== "");
  // The first cue that varies among the free rows ranks them.
  const cues: { cue: LevelCue; key: (r: RowCues) => string | null; order?: (a: string, b: string) => number }[] = [
    { cue: "code-depth", key: (r) => (codeDepth(r.code || r.name) ? String(codeDepth(r.code || r.name)) : null), order: (a, b) => +a - +b },
    { cue: "numbering", key: (r) => numberingStyle(r.numbering) },
    { cue: "bold-indent", key: (r) => `${r.bold ? 0 : 1}:${r.indent}`, order: compareStyle },
  ];
  let ranks = new Map<number, number>();
  let cueUsed: LevelCue | null = null;
  for (const cue of cues) {
    const keys = free.map((r) => cue.key(r));
    const distinct = [...new Set(keys.filter((k): k is string => k !== null))];
    if (distinct.length < 2) continue;
    // Numbering: order of first appearance is depth order (I before A before 1).
    const ordered = cue.order ? [...distinct].sort(cue.order) : distinct;
    ranks = new Map();
    free.forEach((r, i) => {
      const k = keys[i];
      if (k !== null) ranks.set(r.row, ordered.indexOf(k));
    });
    cueUsed = cue.cue;
    break;
  }
  let start = 0;
  let aligned = false;
  if (!ranks.size && fixed.size) {
    // Nothing varies among the unnamed-level rows (all arabic-numbered kegiatan, say): rank all rows
    // together and align the ranks on the rows whose level their name states ("I  Program …").
    for (const cue of cues) {
      const keys = named.map((r) => cue.key(r));
      const distinct = [...new Set(keys.filter((k): k is string => k !== null))];
      if (distinct.length < 2) continue;
      const ordered = cue.order ? [...distinct].sort(cue.order) : distinct;
      const all = new Map<number, number>();
      named.forEach((r, i) => keys[i] !== null && all.set(r.row, ordered.indexOf(keys[i]!)));
      const offsets = [...fixed].filter(([row]) => all.has(row)).map(([row, level]) => BUDGET_LEVELS.indexOf(level) - all.get(row)!);
      if (!offsets.length || offsets.some((o) => o !== offsets[0])) continue;
      for (const r of free) if (all.has(r.row)) ranks.set(r.row, all.get(r.row)!);
      start = offsets[0];
      cueUsed = cue.cue;
      aligned = true;
      break;
    }
  }
  const depth = ranks.size ? Math.max(...ranks.values()) + 1 : 0;
  if (aligned) {
    // start already set by the alignment
  } else if ([...fixed.values()].includes("program") && cueUsed !== "code-depth") start = 1;
  else if (nameRole === "subkegiatan") start = Math.max(0, 3 - depth);
  else if (nameRole === "kegiatan") start = Math.max(0, 2 - depth);
  for (const [row, level] of fixed) out.set(row, { level, evidence: message("row-level", { level, cue: "keyword" }) });
  for (const [row, rank] of ranks) {
    const level = BUDGET_LEVELS[Math.min(BUDGET_LEVELS.length - 1, start + rank)];
    out.set(row, { level, evidence: message("row-level", { level, cue: cueUsed, rank: rank + 1, depth, aligned }) });
  }
  if (!ranks.size && nameRole && (nameRole === "program" || nameRole === "kegiatan" || nameRole === "subkegiatan")) {
    for (const r of free) out.set(r.row, { level: nameRole, evidence: message("row-level", { level: nameRole, cue: "name-column", role: nameRole }) });
  }
  return out;
}

function compareStyle(a: string, b: string): number {
  const [ab, ai] = a.split(":").map(Number);
  const [bb, bi] = b.split(":").map(Number);
  return ab - bb || ai - bi;
}

/** The rows a parent's amounts are the sum of: its direct budget children (or, for a total, the top level). */
export interface RowParts<R> {
  parent: R;
  parts: R[];
}

/**
 * Programme label rows: a group row that opens the block a subtotal closes ("I  Program …" above its kegiatan
 * and a "Sub Total" under them). It is the only row of its level in the block, so the subtotal is its amount
 * and the subtotal sums the rows beneath it.
 */
export function subtotalLabels<R extends { kind: string; level: HierarchyLevel | null }>(rows: R[]): Set<R> {
  const figures = rows.filter((r) => r.kind === "data" || r.kind === "group" || r.kind === "total");
  const out = new Set<R>();
  let block: R[] = [];
  for (const r of figures) {
    if (r.kind !== "total") {
      block.push(r);
      continue;
    }
    const lines = block.filter((x) => budgetDepth(x) >= 0);
    const head = lines[0];
    if (head && head.kind === "group" && lines.length > 1 && lines.slice(1).every((x) => budgetDepth(x) > budgetDepth(head))) out.add(head);
    block = [];
  }
  return out;
}

/** 0..2 program / kegiatan / sub kegiatan, -1 a total, -2 anything else (an indicator row under a program). */
function budgetDepth(r: { kind: string; level: HierarchyLevel | null }): number {
  return r.kind === "total" ? -1 : r.level && BUDGET_LEVELS.includes(r.level) ? BUDGET_LEVELS.indexOf(r.level) : -2;
}

/**
 * The parts of a total row at `i` of `figures` (the data, group and total rows in order):
 * - a subtotal closes the rows since the previous total: the top level of them (below a programme label
 *   row opening the block, the level beneath it);
 * - a total right under other totals ("Sub Total" … "Sub Total", then "TOTAL") sums the subtotals since the
 *   previous grand total, each row counted once; one subtotal alone is not summed again;
 * - a total above every row (the grand total printed first) sums the top level below it, unless a subtotal
 *   follows those rows (then which rows it covers is not clear and nothing is summed).
 */
function totalParts<R extends { kind: string; level: HierarchyLevel | null }>(figures: R[], i: number, labels: Set<R>): R[] {
  const isTotal = (r: R) => r.kind === "total";
  let from = i - 1;
  while (from >= 0 && !isTotal(figures[from])) from--;
  const above = figures.slice(from + 1, i).filter((r) => budgetDepth(r) >= 0 && !labels.has(r));
  if (above.length) {
    const top = Math.min(...above.map(budgetDepth));
    return above.filter((r) => budgetDepth(r) === top);
  }
  if (from >= 0) {
    // Subtotals since the previous grand total (a total with no rows of its own above it).
    const subtotals: R[] = [];
    for (let j = i - 1; j >= 0; j--) {
      if (!isTotal(figures[j])) continue;
      let k = j - 1;
      while (k >= 0 && !isTotal(figures[k])) k--;
      if (!figures.slice(k + 1, j).some((r) => budgetDepth(r) >= 0)) break;
      subtotals.unshift(figures[j]);
    }
    return subtotals.length >= 2 ? subtotals : [];
  }
  let to = i + 1;
  while (to < figures.length && !isTotal(figures[to])) to++;
  if (to < figures.length) return [];
  const below = figures.slice(i + 1).filter((r) => budgetDepth(r) >= 0);
  const top = Math.min(...below.map(budgetDepth));
  return below.filter((r) => budgetDepth(r) === top);
}

/**
 * For each program / kegiatan / total row, the rows one level down up to the next row of its level or
 * higher. Indicator rows under a named row are not its parts. Deepest parents come first, so sums can be
 * built bottom-up (sub kegiatan → kegiatan → program → subtotal → total).
 */
export function partsOfParents<R extends { kind: string; level: HierarchyLevel | null }>(rows: R[]): RowParts<R>[] {
  const figures = rows.filter((r) => r.kind === "data" || r.kind === "group" || r.kind === "total");
  const labels = subtotalLabels(rows);
  const depth = budgetDepth;
  const out: RowParts<R>[] = [];
  figures.forEach((parent, i) => {
    const pd = depth(parent);
    if (parent.kind === "total") {
      const parts = totalParts(figures, i, labels);
      if (parts.length) out.push({ parent, parts });
      return;
    }
    if (pd === -2 || parent.kind !== "group") return;
    const parts: R[] = [];
    let childDepth: number | null = null;
    for (let j = i + 1; j < figures.length; j++) {
      const d = depth(figures[j]);
      if (figures[j].kind === "total" || (d !== -2 && d <= pd)) break;
      if (d === -2) continue;
      childDepth ??= d;
      if (d === childDepth) parts.push(figures[j]);
    }
    if (parts.length) out.push({ parent, parts });
  });
  // Bottom-up: deepest lines first, then subtotals, then the totals that sum them.
  const order = (p: RowParts<R>) => (p.parent.kind === "total" ? (p.parts.some((x) => x.kind === "total") ? -2 : -1) : depth(p.parent));
  return out.sort((a, b) => order(b) - order(a));
}
