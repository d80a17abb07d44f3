/**
 * Metamorphic transformations of a sheet: changes a person makes to a table that must not change what it
 * means — moved elsewhere, titles added above, merges removed, the unit row below instead of above the
 * number row, blank separators and a section row in the body, the header repeated mid-body, years shifted,
 * figures typed as Indonesian text. Each works on a sheet snapshot and returns the new snapshot with a map
 * from old to new rows/columns, so the recognition "answer" of the original can be compared with the
 * answer of the transformed sheet.
 */
import { CellValue, columnIndex, columnLetter, MergeArea, SheetSnapshot } from "../../src/core/grid";
import type { RecognisedTable } from "../../src/core/recognise";
import { MEASURE_ROLES } from "../../src/core/roles";

interface Cell {
  v: CellValue;
  f: string | null;
  nf: string | null;
  b: boolean;
  i: number;
}

/** A sheet as a sparse map of cells, easy to transform. */
export class Sheet {
  cells = new Map<string, Cell>();
  merges: MergeArea[] = [];
  hiddenRows: number[] = [];
  hiddenColumns: number[] = [];
  constructor(readonly name: string) {}

  static from(s: SheetSnapshot): Sheet {
    const sh = new Sheet(s.name);
    s.values.forEach((row, i) =>
      row.forEach((v, j) => {
        const f = s.formulas[i]?.[j] ?? null;
        const nf = s.numberFormats[i]?.[j] ?? null;
        const b = s.bold?.[i]?.[j] ?? false;
        if (v === null && !f && !b && (!nf || nf === "General")) return;
        sh.cells.set(`${s.top + i},${s.left + j}`, { v, f, nf, b, i: s.indent?.[i]?.[j] ?? 0 });
      }),
    );
    sh.merges = s.merges.map((m) => ({ ...m }));
    sh.hiddenRows = [...s.hiddenRows];
    sh.hiddenColumns = [...s.hiddenColumns];
    return sh;
  }

  get(r: number, c: number): Cell | undefined {
    return this.cells.get(`${r},${c}`);
  }
  set(r: number, c: number, cell: Cell | undefined) {
    if (cell) this.cells.set(`${r},${c}`, cell);
    else this.cells.delete(`${r},${c}`);
  }
  setText(r: number, c: number, text: string) {
    this.set(r, c, { v: text, f: null, nf: null, b: false, i: 0 });
  }

  bounds() {
    let [top, left, bottom, right] = [Infinity, Infinity, -1, -1];
    for (const k of this.cells.keys()) {
      const [r, c] = k.split(",").map(Number);
      top = Math.min(top, r);
      left = Math.min(left, c);
      bottom = Math.max(bottom, r);
      right = Math.max(right, c);
    }
    for (const m of this.merges) {
      top = Math.min(top, m.top);
      left = Math.min(left, m.left);
      bottom = Math.max(bottom, m.bottom);
      right = Math.max(right, m.right);
    }
    return bottom < 0 ? { top: 0, left: 0, bottom: -1, right: -1 } : { top, left, bottom, right };
  }

  toSnapshot(): SheetSnapshot {
    const { top, left, bottom, right } = this.bounds();
    const s: SheetSnapshot = { name: this.name, top, left, values: [], formulas: [], numberFormats: [], bold: [], indent: [], merges: this.merges.map((m) => ({ ...m })), hiddenRows: [...this.hiddenRows], hiddenColumns: [...this.hiddenColumns] };
    for (let r = top; r <= bottom; r++) {
      const vs: CellValue[] = [], fs: (string | null)[] = [], nfs: (string | null)[] = [], bs: boolean[] = [], is: number[] = [];
      for (let c = left; c <= right; c++) {
        const cell = this.get(r, c);
        vs.push(cell?.v ?? null);
        fs.push(cell?.f ?? null);
        nfs.push(cell?.nf ?? null);
        bs.push(cell?.b ?? false);
        is.push(cell?.i ?? 0);
      }
      s.values.push(vs);
      s.formulas.push(fs);
      s.numberFormats.push(nfs);
      s.bold!.push(bs);
      s.indent!.push(is);
    }
    return s;
  }

  /** Insert n empty rows before row `at`; formulas, merges and hidden rows follow. */
  insertRows(at: number, n: number) {
    const moved = new Map<string, Cell>();
    for (const [k, cell] of this.cells) {
      const [r, c] = k.split(",").map(Number);
      moved.set(`${r >= at ? r + n : r},${c}`, { ...cell, f: cell.f ? shiftFormula(cell.f, at, n, 0, 0) : null });
    }
    this.cells = moved;
    this.merges = this.merges.map((m) => (m.top >= at ? { ...m, top: m.top + n, bottom: m.bottom + n } : m.bottom >= at ? { ...m, bottom: m.bottom + n } : m));
    this.hiddenRows = this.hiddenRows.map((r) => (r >= at ? r + n : r));
  }

  /** Insert n empty columns before column `at`. */
  insertColumns(at: number, n: number) {
    const moved = new Map<string, Cell>();
    for (const [k, cell] of this.cells) {
      const [r, c] = k.split(",").map(Number);
      moved.set(`${r},${c >= at ? c + n : c}`, { ...cell, f: cell.f ? shiftFormula(cell.f, 0, 0, at, n) : null });
    }
    this.cells = moved;
    this.merges = this.merges.map((m) => (m.left >= at ? { ...m, left: m.left + n, right: m.right + n } : m.right >= at ? { ...m, right: m.right + n } : m));
    this.hiddenColumns = this.hiddenColumns.map((c) => (c >= at ? c + n : c));
  }
}


/** Shift the A1 references of a formula for rows inserted before `atRow` and columns before `atCol` (0-based). */
export function shiftFormula(f: string, atRow: number, nRows: number, atCol: number, nCols: number): string {
  return f.replace(/("[^"]*")|(\$?)([A-Z]{1,3})(\$?)(\d+)(?![A-Za-z(])/g, (all, str, cd, col, rd, row) => {
    if (str) return str;
    const r = parseInt(row, 10) - 1;
    const c = columnIndex(col);
    const nr = nRows && r >= atRow ? r + nRows : r;
    const nc = nCols && c >= atCol ? c + nCols : c;
    return `${cd}${columnLetter(nc)}${rd}${nr + 1}`;
  });
}

// ---------------------------------------------------------------------------------------------
// The answer: what recognition says about a table, in terms that survive the transformations.

export interface Answer {
  /** Label rows, number row, unit row present. */
  band: string;
  columns: string[];
  /** Kinds of the rows holding figures, in order. */
  content: string[];
  pairings: string[];
}

/** A table's answer, with columns relative to its band and rows as the sequence of content rows. */
export function answerOf(t: RecognisedTable, yearShift = 0, snapshot?: SheetSnapshot): Answer {
  const left = t.area.left;
  // Label rows that show text (rows held in the band only by vertical merges do not count).
  let labelRows = 0;
  for (let r = t.header.top; r <= t.header.bottom; r++) {
    if (r === t.numberRow || r === t.unitRow) continue;
    const row = snapshot?.values[r - snapshot.top];
    if (!snapshot || row?.some((v, j) => v !== null && v !== "" && snapshot.left + j >= t.area.left && snapshot.left + j <= t.area.right)) labelRows++;
  }
  return {
    band: `labels ${labelRows}${t.numberRow !== null ? " + number row" : ""}${t.unitRow !== null ? " + unit row" : ""}`,
    columns: t.columns.map((c) => `${c.col - left}:${c.role}${c.year !== null ? "@" + (c.year + yearShift) : ""}${c.period ? "/" + c.period : ""}${c.measure ? "[" + c.measure + "]" : ""}`),
    content: t.rows.filter((r) => r.kind === "data" || r.kind === "group" || r.kind === "total").map((r) => `${r.kind}:${r.level ?? ""}:${r.polarity ?? ""}`),
    pairings: t.pairings.map((p) => `${p.measure} ${p.output === null ? "new" : p.output - left} = ${p.numerator - left}/${p.denominator - left} ${p.status}`),
  };
}

// ---------------------------------------------------------------------------------------------
// Transformations. Each returns the transformed snapshot, or null when it does not apply to the sheet.

export type Transformation = (s: SheetSnapshot, tables: RecognisedTable[]) => SheetSnapshot | null;

const bodyRows = (t: RecognisedTable) => t.rows.filter((r) => r.kind === "data" || r.kind === "group" || r.kind === "total");

export const TRANSFORMATIONS: Record<string, { apply: Transformation; yearShift?: number; beside?: boolean }> = {
  /** Move the whole sheet 3 rows down and 2 columns right. */
  "moved": {
    apply: (s) => {
      const sh = Sheet.from(s);
      sh.insertRows(0, 3);
      sh.insertColumns(0, 2);
      return sh.toSnapshot();
    },
  },
  /** Two title lines above each table (an agency and a report title), above its caption. */
  "title rows": {
    apply: (s, tables) => {
      const sh = Sheet.from(s);
      for (const t of [...tables].sort((a, b) => b.area.top - a.area.top)) {
        sh.insertRows(t.area.top, 3);
        sh.setText(t.area.top, t.area.left, "LAPORAN KINERJA INSTANSI PEMERINTAH TAHUN 2024");
        sh.setText(t.area.top + 1, t.area.left, "DINAS CONTOH KABUPATEN CONTOH PROVINSI CONTOH");
      }
      return sh.toSnapshot();
    },
  },
  /** No merged cell: each label only in its top-left cell. */
  "no merges": {
    apply: (s) => (s.merges.length ? { ...s, merges: [] } : null),
  },
  /** The unit row and the number row swap places. */
  "unit row swapped": {
    apply: (s, tables) => {
      const both = tables.filter((t) => t.numberRow !== null && t.unitRow !== null && Math.abs(t.numberRow - t.unitRow) === 1);
      if (!both.length) return null;
      const sh = Sheet.from(s);
      for (const t of both) {
        for (let c = t.area.left; c <= t.area.right; c++) {
          const a = sh.get(t.numberRow!, c);
          sh.set(t.numberRow!, c, sh.get(t.unitRow!, c));
          sh.set(t.unitRow!, c, a);
        }
        sh.merges = sh.merges.map((m) => (m.top === t.numberRow && m.bottom === t.numberRow ? { ...m, top: t.unitRow!, bottom: t.unitRow! } : m.top === t.unitRow && m.bottom === t.unitRow ? { ...m, top: t.numberRow!, bottom: t.numberRow! } : m));
      }
      return sh.toSnapshot();
    },
  },
  /** Two blank rows and a "Sasaran …" section row after the body's first content row. */
  "blank and section rows": {
    apply: (s, tables) => {
      const usable = tables.filter((t) => bodyRows(t).length >= 2);
      if (!usable.length) return null;
      const sh = Sheet.from(s);
      for (const t of [...usable].sort((a, b) => b.area.top - a.area.top)) {
        const at = bodyRows(t)[0].row + 1;
        sh.insertRows(at, 3);
        sh.setText(at + 2, t.area.left, "Sasaran 2 : Meningkatnya kualitas layanan publik");
      }
      return sh.toSnapshot();
    },
  },
  /** The header band (with its number and unit rows) repeated after the body's second content row (page break). */
  "repeated header": {
    apply: (s, tables) => {
      const usable = tables.filter((t) => bodyRows(t).length >= 3);
      if (!usable.length) return null;
      const sh = Sheet.from(s);
      for (const t of [...usable].sort((a, b) => b.area.top - a.area.top)) {
        const at = bodyRows(t)[1].row + 1;
        const h = t.header.bottom - t.header.top + 1;
        sh.insertRows(at, h);
        for (let r = 0; r < h; r++) for (let c = t.area.left; c <= t.area.right; c++) {
          const cell = sh.get(t.header.top + r, c);
          if (cell) sh.set(at + r, c, { ...cell, f: null });
        }
        for (const m of sh.merges.filter((m) => m.top >= t.header.top && m.bottom <= t.header.bottom && m.left >= t.area.left && m.right <= t.area.right))
          sh.merges.push({ top: m.top - t.header.top + at, bottom: m.bottom - t.header.top + at, left: m.left, right: m.right });
      }
      return sh.toSnapshot();
    },
  },
  /** Every year in the header bands one year later. */
  "years shifted": {
    yearShift: 1,
    apply: (s, tables) => {
      const sh = Sheet.from(s);
      let changed = false;
      for (const t of tables)
        for (let r = t.header.top; r <= t.header.bottom; r++)
          for (let c = t.area.left; c <= t.area.right; c++) {
            const cell = sh.get(r, c);
            if (!cell) continue;
            if (typeof cell.v === "string" && /(19|20)\d{2}/.test(cell.v)) {
              sh.set(r, c, { ...cell, v: cell.v.replace(/\b((?:19|20)\d{2})\b/g, (y) => String(+y + 1)) });
              changed = true;
            } else if (typeof cell.v === "number" && Number.isInteger(cell.v) && cell.v >= 1990 && cell.v <= 2099) {
              sh.set(r, c, { ...cell, v: cell.v + 1 });
              changed = true;
            }
          }
      return changed ? sh.toSnapshot() : null;
    },
  },
  /**
   * A budget table placed beside the sheet's tables after two blank columns, its header one row below the first
   * table's: the tables already there keep their answer, and the new one is read on its own (the test drops it).
   */
  "table beside": {
    beside: true,
    apply: (s, tables) => {
      const sh = Sheet.from(s);
      const right = s.left + Math.max(...s.values.map((r) => r.length)) - 1;
      const col = right + 3;
      const top = Math.min(...tables.map((t) => t.header.top)) + 1;
      sh.setText(top, col, "Tabel Realisasi Anggaran per Program");
      ["No", "Program", "Anggaran"].forEach((w, i) => sh.setText(top + 1, col + i, w));
      ["Pagu", "Realisasi", "%"].forEach((w, i) => sh.setText(top + 2, col + 2 + i, w));
      sh.merges.push({ top: top + 1, left: col, bottom: top + 2, right: col }, { top: top + 1, left: col + 1, bottom: top + 2, right: col + 1 }, { top: top + 1, left: col + 2, bottom: top + 1, right: col + 4 });
      const programs: [string, number, number][] = [["Program Perencanaan", 740573000, 463227100], ["Program Keuangan Daerah", 1422068000, 875719200], ["Program Kearsipan", 994403000, 846781700]];
      programs.forEach(([name, pagu, real], i) => {
        const r = top + 3 + i;
        sh.set(r, col, { v: i + 1, f: null, nf: null, b: false, i: 0 });
        sh.setText(r, col + 1, name);
        sh.set(r, col + 2, { v: pagu, f: null, nf: "#,##0", b: false, i: 0 });
        sh.set(r, col + 3, { v: real, f: null, nf: "#,##0", b: false, i: 0 });
      });
      return sh.toSnapshot();
    },
  },
  /** Figures of the measure columns typed as Indonesian text ("1.234.567,89", "95,65%"), as pasted from PDF. */
  "figures as text": {
    apply: (s, tables) => {
      const sh = Sheet.from(s);
      let changed = false;
      for (const t of tables)
        for (const col of t.columns.filter((c) => MEASURE_ROLES.has(c.role)))
          for (const row of bodyRows(t)) {
            const cell = sh.get(row.row, col.col);
            if (!cell || cell.f || typeof cell.v !== "number") continue;
            const pct = !!cell.nf && /%/.test(cell.nf.replace(/"[^"]*"/g, ""));
            sh.set(row.row, col.col, { ...cell, v: indonesian(pct ? cell.v * 100 : cell.v) + (pct ? "%" : ""), nf: null });
            changed = true;
          }
      return changed ? sh.toSnapshot() : null;
    },
  },
};

/** 1234567.891 → "1.234.567,891" (the decimals the number has, up to six; none for whole numbers). */
export function indonesian(v: number): string {
  const [int, frac = ""] = Math.abs(v).toFixed(6).replace(/\.?0+$/, "").split(".");
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  return (v < 0 ? "-" : "") + grouped + (frac ? "," + frac : "");
}
