/**
 * The layout-shape corpus checker (../shared/tools/check-shapes.mjs) run in-process on a workbook
 * snapshot: the same expected.json semantics (tables found, header rows, roles, periods, years, measures,
 * polarity, computed columns and their inputs, values and totals, rows that must stay unwritten, text
 * numbers, forbidden audit reasons, PK sources), without spawning the CLI for each case.
 */
import * as fs from "fs";
import * as path from "path";
import { columnLetter, type WorkbookSnapshot } from "../../src/core/grid";
import { recogniseWorkbook, WorkbookAnalysis } from "../../src/core/recognise";
import { planWorkbook } from "../../src/core/writePlan";
import { auditWorkbook } from "../../src/core/audit";
import { perjanjianKinerjaSheet } from "../../src/core/perjanjianKinerja";
import { readProfile } from "../../src/core/profile";
import { analysisToJson } from "../../src/cli/report";
import { fillJson } from "../../src/cli/main";
import { phraser } from "../../src/i18n";
import { readWorkbookFile } from "../../src/xlsx/readWorkbook";

/** The words of the generated sheets, in Indonesian as the CLI and the pane write them by default. */
const ID = phraser("id");

export interface ExpectedTable {
  sheet: string;
  range: string;
  headerFirstRow: number;
  headerLastRow: number;
  unitRow?: number;
  columnNumberRow: number | null;
  bodyFirstRow: number;
  bodyLastRow: number;
  roles?: Record<string, string | string[]>;
  periods?: Record<string, string>;
  years?: Record<string, number>;
  measures?: Record<string, string>;
  notRoles?: Record<string, string[]>;
  polarity?: Record<string, string>;
  computed?: { column: string; role: string; inputs: string[]; existing?: boolean }[];
  values?: { cell: string; value: number; tol?: number }[];
  totals?: { cell: string; value: number }[];
  noWriteRows?: number[];
  textNumbers?: string[];
  auditForbid?: string[];
}
export interface Expected {
  case?: string;
  tables: ExpectedTable[];
  noTables?: boolean;
  pkIndicators?: string[];
  pkNotIndicators?: string[];
}

const colNum = (s: string) => s.split("").reduce((a, c) => a * 26 + c.charCodeAt(0) - 64, 0);
const splitCell = (a1: string) => {
  const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(a1);
  return m ? { col: m[1], row: +m[2] } : null;
};
/** 1-based column number → letters (the checker counts columns from 1). */
const letter = (n: number) => columnLetter(n - 1);
/** References in a formula (strings removed); a range expands to its cells. */
function refs(formula: string): { sheet: string | null; col: string; row: number }[] {
  const f = String(formula || "").replace(/"[^"]*"/g, '""');
  const out: { sheet: string | null; col: string; row: number }[] = [];
  const re = /(?:(?:'[^']+'|[A-Za-z0-9_.]+)!)?\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?(?![A-Za-z0-9_(])/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(f))) {
    const pre = f[m.index - 1];
    if (pre && /[A-Za-z0-9_]/.test(pre)) continue;
    const sheet = m[0].includes("!") ? m[0].slice(0, m[0].lastIndexOf("!")).replace(/^'|'$/g, "") : null;
    if (m[3]) {
      const [r1, r2, c1, c2] = [+m[2], +m[4], colNum(m[1]), colNum(m[3])];
      for (let r = Math.min(r1, r2); r <= Math.max(r1, r2); r++) for (let c = Math.min(c1, c2); c <= Math.max(c1, c2); c++) out.push({ sheet, col: letter(c), row: r });
    } else out.push({ sheet, col: m[1], row: +m[2] });
  }
  return out;
}
const rangeCols = (range: string) => {
  const m = /^([A-Z]+)\d+:([A-Z]+)\d+$/.exec(range || "");
  return m ? [colNum(m[1]), colNum(m[2])] : null;
};
const asList = <T>(x: T | T[]) => (Array.isArray(x) ? x : [x]);
const DERIVED = new Set(["predikat", "efisiensi", "efektivitas", "rata_rata_sasaran"]);
const norm = (s: string) => String(s).toLowerCase().replace(/\s+/g, " ").trim();

export function loadExpected(file: string): Expected {
  return JSON.parse(fs.readFileSync(file, "utf8"));
}

/** Everything the checker reads, computed in-process. */
export function artefacts(snapshot: WorkbookSnapshot, expected: Expected, analysis: WorkbookAnalysis = recogniseWorkbook(snapshot)) {
  const A = analysisToJson(analysis);
  const F = fillJson(planWorkbook(snapshot, analysis));
  const findings = expected.tables.some((t) => t.auditForbid?.length) ? auditWorkbook(snapshot, analysis) : [];
  let pkText = "";
  if (expected.pkIndicators?.length) {
    const { profile } = readProfile(fs.readFileSync(path.join(__dirname, "../../examples/profile.json"), "utf8"));
    const { spec } = perjanjianKinerjaSheet(snapshot, analysis, profile, { phrase: ID });
    pkText = spec.cells.map((c) => String(c.value ?? "")).join("\n");
  }
  return { A, F, findings, pkText };
}

/** The reasons a case fails (empty: it passes), as check-shapes.mjs states them. */
export function checkShape(expected: Expected, art: ReturnType<typeof artefacts>): string[] {
  const reasons: string[] = [];
  const fail = (m: string) => reasons.push(m);
  const { A, F } = art;
  const writes = F.writes;
  if (expected.noTables) {
    if (writes.length) fail(`${writes.length} write(s) in a workbook with no measurement table (first ${writes[0].sheet}!${writes[0].cell} ${writes[0].role})`);
    if (F.appended.length) fail(`${F.appended.length} column(s) appended`);
  }
  for (const t of expected.tables) {
    const sh = A.sheets.find((s) => s.name === t.sheet);
    const eLen = t.bodyLastRow - t.bodyFirstRow + 1;
    let best: (typeof A.sheets)[number]["tables"][number] | null = null;
    let bestOv = -1;
    for (const ft of sh?.tables ?? []) {
      const a = Math.max(ft.body.firstRow, t.bodyFirstRow);
      const b = Math.min(ft.body.lastRow, t.bodyLastRow);
      const ov = Math.max(0, b - a + 1) / Math.max(eLen, ft.body.lastRow - ft.body.firstRow + 1);
      if (ov > bestOv) {
        bestOv = ov;
        best = ft;
      }
    }
    const okHeaderRows = new Set([t.headerLastRow, t.columnNumberRow, t.unitRow].filter((x) => x != null));
    const ft = best && bestOv >= 0.8 ? best : null;
    if (!ft) fail(`${t.sheet}: table not found (best body overlap ${Math.round(Math.max(0, bestOv) * 100)}%; want body ${t.bodyFirstRow}-${t.bodyLastRow})`);
    else if (!okHeaderRows.has(ft.header.lastRow)) fail(`${t.sheet}: header last row ${ft.header.lastRow}, want ${[...okHeaderRows].join(" or ")}`);
    const colOf = (c: string) => ft?.columns.find((x) => x.column === c);
    if (ft) {
      for (const [c, want] of Object.entries(t.roles ?? {})) if (!asList(want).includes(colOf(c)?.role as string)) fail(`${t.sheet}!${c} role ${colOf(c)?.role ?? "(no column)"}, want ${asList(want).join("|")}`);
      for (const [c, want] of Object.entries(t.periods ?? {})) if (colOf(c)?.period !== want) fail(`${t.sheet}!${c} period ${colOf(c)?.period ?? "-"}, want ${want}`);
      for (const [c, want] of Object.entries(t.years ?? {})) if (+(colOf(c)?.year ?? NaN) !== +want) fail(`${t.sheet}!${c} year ${colOf(c)?.year ?? "-"}, want ${want}`);
      for (const [c, want] of Object.entries(t.measures ?? {})) if (colOf(c)?.measure !== want) fail(`${t.sheet}!${c} measure ${colOf(c)?.measure ?? "-"}, want ${want}`);
      for (const [c, bad] of Object.entries(t.notRoles ?? {})) if (colOf(c) && bad.includes(colOf(c)!.role)) fail(`${t.sheet}!${c} role ${colOf(c)!.role} (must not be ${bad.join("|")})`);
      for (const [row, want] of Object.entries(t.polarity ?? {})) {
        const got = ft.rows.find((x) => x.row === +row)?.polarity ?? "higher-better";
        if (got !== want) fail(`${t.sheet} row ${row} polarity ${got}, want ${want}`);
      }
    }
    for (const c of t.computed ?? []) {
      const ws = writes.filter((w) => w.sheet === t.sheet && splitCell(w.cell)?.col === c.column);
      if (c.existing) {
        if (colOf(c.column)?.role !== c.role) fail(`${t.sheet}!${c.column} existing ${c.role} column not recognised (role ${colOf(c.column)?.role ?? "-"})`);
      } else if (!ws.length) fail(`${t.sheet}!${c.column}: no ${c.role} formula written`);
      for (const w of ws) {
        const { row } = splitCell(w.cell)!;
        const rs = refs(w.formula ?? "");
        const cols = new Set(rs.map((x) => x.col));
        const want = new Set(c.inputs);
        const same = cols.size === want.size && [...want].every((x) => cols.has(x));
        if (!same || rs.some((x) => x.row !== row || (x.sheet && x.sheet !== t.sheet))) {
          fail(`${t.sheet}!${w.cell} ${w.role} ${w.formula} (want ${c.inputs.join("/")} of row ${row})`);
          break;
        }
      }
    }
    for (const v of t.values ?? []) {
      const w = writes.find((x) => x.sheet === t.sheet && x.cell === v.cell);
      const val = w ? Number(w.value) : NaN;
      if (!(w && Number.isFinite(val) && Math.abs(val - v.value) <= (v.tol ?? 0.5))) fail(`${t.sheet}!${v.cell} value ${w ? JSON.stringify(w.value) : "(not written)"}, want ${v.value}`);
    }
    for (const v of t.totals ?? []) {
      const w = writes.find((x) => x.sheet === t.sheet && x.cell === v.cell);
      const val = w ? Number(w.value) : NaN;
      if (!(w && Number.isFinite(val) && Math.abs(val - v.value) <= Math.max(1, Math.abs(v.value) * 1e-9))) fail(`${t.sheet}!${v.cell} total ${w ? `${w.formula} = ${w.value}` : "(not written)"}, want ${v.value}`);
    }
    const rc = rangeCols(t.range);
    const noW = new Set(t.noWriteRows ?? []);
    for (const w of writes.filter((x) => x.sheet === t.sheet)) {
      const p = splitCell(w.cell);
      if (!p) continue;
      const derivedAppended = rc && colNum(p.col) > rc[1] && DERIVED.has(w.role) && p.row >= t.bodyFirstRow && p.row <= t.bodyLastRow;
      if (noW.has(p.row) && !derivedAppended) fail(`${t.sheet}!${w.cell} ${w.role} written in a header/number/section/blank row`);
    }
    if (t.textNumbers) {
      const tn = new Set([...(F.textNumbers ?? []), ...(F.converted ?? [])].filter((x) => x.sheet === t.sheet).map((x) => x.cell));
      const miss = t.textNumbers.filter((c) => !tn.has(c));
      if (miss.length) fail(`${t.sheet}: text numbers not reported: ${miss.join(",")}`);
    }
    if (t.auditForbid) {
      const bad = art.findings.filter((f) => f.sheet === t.sheet && t.auditForbid!.includes(f.reason));
      if (bad.length) fail(`audit: ${bad.length} ${[...new Set(bad.map((b) => b.reason))].join(",")} finding(s), e.g. ${bad[0].cell}`);
    }
  }
  for (const w of writes) {
    const p = splitCell(w.cell);
    if (!p || expected.noTables) continue;
    const c = colNum(p.col);
    const inside = expected.tables.some((t) => {
      const rc = rangeCols(t.range);
      return t.sheet === w.sheet && p.row >= t.bodyFirstRow && p.row <= t.bodyLastRow && (!rc || (c >= rc[0] && c <= rc[1]) || (c > rc[1] && DERIVED.has(w.role)));
    });
    if (!inside) fail(`${w.sheet}!${w.cell} ${w.role} ${w.formula} written outside the expected table(s)`);
  }
  if (expected.pkIndicators?.length) {
    const T = norm(art.pkText);
    const miss = expected.pkIndicators.filter((x) => !T.includes(norm(x)));
    const extra = (expected.pkNotIndicators ?? []).filter((x) => T.includes(norm(x)));
    if (miss.length) fail(`PK misses ${miss.length}/${expected.pkIndicators.length} indicators, e.g. "${miss[0]}"`);
    if (extra.length) fail(`PK lists ${extra.length} indicator(s) from the wrong source, e.g. "${extra[0]}"`);
  }
  return [...new Set(reasons)];
}

/** The case names of a corpus folder (NAME.expected.json beside NAME.xlsx), sorted. */
export function corpusCases(dir: string): string[] {
  return fs.readdirSync(dir).filter((f) => f.endsWith(".expected.json")).map((f) => f.replace(/\.expected\.json$/, "")).sort();
}

/**
 * Checks one case of a corpus folder as a test: a case listed in `known` (failing today, with its problem) must
 * still fail, so the list shrinks when it is fixed; any other must pass. With VARIANTS_REPORT set to a file,
 * {name, reasons} is appended to it (one JSON line per case).
 */
export async function expectCorpusCase(dir: string, name: string, known: Record<string, string>): Promise<void> {
  const expected = loadExpected(path.join(dir, `${name}.expected.json`));
  const snapshot = await readWorkbookFile(path.join(dir, `${name}.xlsx`));
  const reasons = checkShape(expected, artefacts(snapshot, expected));
  if (process.env.VARIANTS_REPORT) fs.appendFileSync(process.env.VARIANTS_REPORT, JSON.stringify({ name, reasons }) + "\n");
  if (known[name]) expect({ name, passes: reasons.length === 0 }).toEqual({ name, passes: false });
  else expect({ name, reasons }).toEqual({ name, reasons: [] });
}
