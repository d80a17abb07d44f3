/**
 * Which rows a parent's amount is the sum of. In a table with budget codes the code tree decides, to any
 * depth: a row's parent is the nearest row above whose code its own code extends (1.02 → 1.02.01 →
 * 1.02.01.2.01 → 1.02.01.2.01.0001); account rows (5.1.02, 5.1.02.01.01.0024: a one-digit second segment)
 * belong to the budget line above them; a code seen before (a repeated urusan / organisation row) is neither a part nor a
 * parent. Without codes, the hierarchy levels decide (`partsOfParents`). A total sums the top level only.
 */
import { BUDGET_LEVELS, HierarchyLevel, partsOfParents, RowParts } from "./hierarchy";

interface Row {
  row: number;
  kind: string;
  level: HierarchyLevel | null;
}

const CODE = /^\s*(\d+(?:\.\d+)+|\d+)(?=\s|$)/;
const LONE_CODE = /^\s*(\d{1,2})\.?(?=\s|$)/;

/** The budget code a text starts with ("1.02.01", "5.1.02.01.01.0024"), or null. */
export function budgetCode(text: string): string | null {
  const m = CODE.exec(text);
  return m && m[1].includes(".") ? m[1] : null;
}

interface Node<R> {
  r: R;
  code: string;
  segments: string[];
  parent: Node<R> | undefined;
  children: R[];
  depth: number;
}

/**
 * Account (rekening) codes have a one-digit second segment (5.1.02 akun.kelompok.jenis); urusan, program,
 * kegiatan and sub kegiatan codes a two-digit one (1.02, 1.02.01, 1.02.01.2.01.0001).
 */
const isAccountCode = (segments: string[]) => segments.length > 1 && segments[1].length === 1;

const extendsCode = (child: string[], parent: string[]) => child.length > parent.length && parent.every((s, i) => s === child[i]);

/**
 * For each parent (and each total) the rows it sums, deepest parents first so sums can be built bottom-up.
 * `codeOf` gives a row's code text (the kode cell, or the name when codes are typed in it).
 */
export function rollupParts<R extends Row>(rows: R[], codeOf: (r: R) => string): RowParts<R>[] {
  return budgetTree(rows, codeOf).parts;
}

/**
 * The budget lines as a tree: each parent with its direct parts (deepest first) and the top-level lines
 * (the programs of a program / kegiatan / sub kegiatan table). By codes when most lines have one, else by
 * hierarchy levels.
 */
export function budgetTree<R extends Row>(rows: R[], codeOf: (r: R) => string): { parts: RowParts<R>[]; top: R[] } {
  const figures = rows.filter((r) => r.kind === "data" || r.kind === "group" || r.kind === "total");
  const lines = figures.filter((r) => r.kind !== "total");
  const coded = lines.filter((r) => budgetCode(codeOf(r)) !== null);
  if (coded.length < 2 || coded.length < lines.length * 0.6) {
    const depth = (r: R) => (r.level && BUDGET_LEVELS.includes(r.level) ? BUDGET_LEVELS.indexOf(r.level) : 9);
    const topDepth = Math.min(...lines.map(depth));
    return { parts: partsOfParents(rows), top: lines.filter((r) => depth(r) === topDepth) };
  }

  const out: { parts: RowParts<R>; depth: number }[] = [];
  let stack: Node<R>[] = [];
  let roots: Node<R>[] = [];
  const top: R[] = [];
  const nodes: Node<R>[] = [];
  // A one-number code ("5 BELANJA DAERAH", "4 PENDAPATAN") heads the tree when the next coded line extends it
  // (5.1); otherwise a lone number is row numbering, not a code.
  const codes = figures.map((r) => budgetCode(codeOf(r)));
  // The next coded line after each row, found in one pass from the end (linear in the rows).
  const nextCode: (string | null)[] = new Array(codes.length).fill(null);
  for (let i = codes.length - 2; i >= 0; i--) nextCode[i] = codes[i + 1] ?? nextCode[i + 1];
  figures.forEach((r, i) => {
    if (codes[i] !== null) return;
    const lone = LONE_CODE.exec(codeOf(r))?.[1];
    if (lone && nextCode[i]?.startsWith(`${lone}.`)) codes[i] = lone;
  });
  for (const [i, r] of figures.entries()) {
    const code = codes[i];
    if (r.kind === "total" && !(code && !budgetCode(codeOf(r)))) {
      if (roots.length) out.push({ parts: { parent: r, parts: roots.map((n) => n.r) }, depth: -1 });
      roots = [];
      stack = [];
      continue;
    }
    if (!code) continue; // an indicator or note row inside a coded table is not a budget line
    // A repeated urusan / organisation / program row: the same code as an open ancestor or a root.
    if (stack.some((n) => n.code === code) || roots.some((n) => n.code === code)) continue;
    const segments = code.split(".");
    const deepest = stack[stack.length - 1];
    while (stack.length && !extendsCode(segments, stack[stack.length - 1].segments)) stack.pop();
    let parent: Node<R> | undefined = stack[stack.length - 1];
    // An account code of another tree under a budget line (5.1.02 under sub kegiatan 1.02.01.2.01.0001).
    // Its parent: the nearest line above that is a budget line, or an account group its code extends.
    if (!parent && deepest && roots.length && isAccountCode(segments) && !isAccountCode(roots[0].segments)) {
      parent = deepest;
      while (parent && isAccountCode(parent.segments) && !extendsCode(segments, parent.segments)) parent = parent.parent;
      stack = [];
      for (let n: Node<R> | undefined = parent; n; n = n.parent) stack.unshift(n);
    }
    const node: Node<R> = { r, code, segments, parent, children: [], depth: parent ? parent.depth + 1 : 0 };
    nodes.push(node);
    if (parent) parent.children.push(r);
    else {
      roots.push(node);
      top.push(r);
    }
    stack.push(node);
  }
  for (const n of nodes) if (n.children.length) out.push({ parts: { parent: n.r, parts: n.children }, depth: n.depth });
  return { parts: out.sort((a, b) => b.depth - a.depth).map((x) => x.parts), top };
}

/** Is a level one of the budget levels (program, kegiatan, sub kegiatan)? */
export const isBudgetLevel = (level: HierarchyLevel | null) => !!level && BUDGET_LEVELS.includes(level);
