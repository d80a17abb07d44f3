/**
 * A fake Office/Excel host backed by a workbook snapshot (read from an .xlsx by src/xlsx). It keeps
 * Office.js's proxy rules — a property can be read only after `load` and `context.sync()`, writes take
 * effect at the next sync — and counts round trips and request/response sizes, so tests can hold the
 * adapter to its sync budget and to Excel on the web's 5 MB limit. Formulas are stored, not calculated.
 *
 * `installFakeOffice` must stay self-contained (no imports, no outer references): the browser test
 * injects its source text into the page in place of office.js.
 */
import { columnIndex, columnLetter, type WorkbookSnapshot } from "../../src/core/grid";

export interface FakeCell {
  value: number | string | boolean | null;
  formula: string | null;
  numberFormat: string | null;
  fill: string | null;
  bold: boolean;
  underline: boolean;
  wrap: boolean;
}
export interface FakeLayout {
  orientation?: string;
  paperSize?: string;
  zoom?: { horizontalFitToPages?: number; verticalFitToPages?: number };
  printArea?: string;
  titleRows?: string;
  breaks: string[];
  freeze?: string;
  conditional: { range: string; formula: string; fill: string; fontColor: string }[];
}
export interface FakeOfficeState {
  syncCount: number;
  runCount: number;
  /** The range the add-in selected last (and what `getSelectedRange` reports; set it to play the user). */
  selected: { sheet: string; address: string } | null;
  activated: string | null;
  /** Largest request (queued writes) and response (loaded values) of one sync, in bytes of JSON. */
  maxRequestBytes: number;
  maxResponseBytes: number;
  /** When set, every sync fails the way Excel does while a cell is being edited. */
  cellEditMode: boolean;
  /**
   * Makes a later sync fail as Excel does when it refuses a request partway: `after` syncs from now succeed,
   * then `times` syncs (1) each apply their first `applied` queued operations (half of them by default) and
   * throw an error with `code` ("GeneralException"). Excel does not undo the operations before the refused one.
   */
  failSync(options?: { after?: number; applied?: number; times?: number; code?: string }): void;
  /** A chart or shape the user has selected (Excel refuses Range.merge with InvalidSelection then), or null. */
  selectedObject: { sheet: string; kind: "chart" | "shape"; name: string } | null;
  settings: Record<string, unknown>;
  /** Cell notes, keyed "sheet!A1" (ExcelApi 1.18). */
  notes: Record<string, string>;
  /** Page layout, frozen panes and conditional formats set per sheet. */
  layout: Record<string, FakeLayout>;
  visibility(sheet: string): string;
  cell(sheet: string, address: string): FakeCell;
  sheetNames(): string[];
  merges(sheet: string): string[];
  protect(sheet: string): void;
}

export function installFakeOffice(target: any, workbook: WorkbookSnapshot, host: string | null = "Excel"): FakeOfficeState {
  type Fmt = Record<string, any>;
  // `fmt` is null while the cell has the default look: most cells never get a format of their own, and a
  // format object per cell made a 100,000-cell workbook slow to hold (garbage collection).
  interface Cell { v: any; f: string | null; nf: string | null; fmt: Fmt | null; indent: number }
  interface Area { top: number; left: number; bottom: number; right: number }
  // Cells keyed by row * COLS + column: a number, not a "r,c" string built and split for every cell visited.
  interface Sheet { name: string; cells: Map<number, Cell>; merges: Area[]; hiddenRows: number[]; hiddenColumns: number[]; protected: boolean; visibility?: string }
  const COLS = 16_384;
  const keyOf = (r: number, c: number) => r * COLS + c;

  const colLetter = columnLetter;
  const colIndex = (letters: string) => columnIndex(letters.toUpperCase());
  const addr = (a: Area) => (a.top === a.bottom && a.left === a.right ? `${colLetter(a.left)}${a.top + 1}` : `${colLetter(a.left)}${a.top + 1}:${colLetter(a.right)}${a.bottom + 1}`);
  // Parsed once per address: a write asks for the same run's range three times (read, write, read back).
  const parsedAreas = new Map<string, Area>();
  const parseArea = (address: string): Area => {
    let area = parsedAreas.get(address);
    if (!area) parsedAreas.set(address, (area = Object.freeze(parseAddress(address))));
    return area;
  };
  const parseAddress = (address: string): Area => {
    const bare = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
    const ends = bare.replace(/\$/g, "").split(":").map((p) => {
      const m = /^([A-Z]*)(\d*)$/i.exec(p)!;
      return { col: m[1] ? colIndex(m[1]) : -1, row: m[2] ? parseInt(m[2], 10) - 1 : -1 };
    });
    const [p, q] = [ends[0], ends[1] ?? ends[0]];
    return {
      top: p.row < 0 ? 0 : Math.min(p.row, q.row), bottom: q.row < 0 ? 1_048_575 : Math.max(p.row, q.row),
      left: p.col < 0 ? 0 : Math.min(p.col, q.col), right: q.col < 0 ? 16_383 : Math.max(p.col, q.col),
    };
  };
  const defaultFmt = (): Fmt => ({
    fill: { color: "#FFFFFF", pattern: "None" },
    font: { bold: false, italic: false, color: "#000000", name: "Calibri", size: 11, underline: "None" },
    borders: {},
    horizontalAlignment: "General",
    verticalAlignment: "Bottom",
    wrapText: false,
  });
  const DEFAULT_FMT: Fmt = defaultFmt();
  /** A cell's format to read (never to change: the default one is shared). */
  const fmtOf = (c: Cell | undefined): Fmt => c?.fmt ?? DEFAULT_FMT;
  /** A cell's own format, to change. */
  const ownFmt = (c: Cell): Fmt => (c.fmt ??= defaultFmt());
  const clone = (x: any) => JSON.parse(JSON.stringify(x));
  const deepMerge = (into: any, from: any) => {
    for (const [k, v] of Object.entries(from ?? {})) {
      if (v && typeof v === "object" && !Array.isArray(v)) deepMerge((into[k] ??= {}), v);
      else if (v !== undefined) into[k] = v;
    }
    return into;
  };
  /** Only the properties the caller asked for, like getCellProperties. */
  const pick = (obj: any, opts: any): any => {
    const out: any = {};
    for (const [k, v] of Object.entries(opts ?? {})) {
      if (v === true) out[k] = obj?.[k];
      else if (v && typeof v === "object") out[k] = pick(obj?.[k], v);
    }
    return out;
  };

  const sheets: Sheet[] = workbook.sheets.map((s) => {
    const cells = new Map<number, Cell>();
    s.values.forEach((row, r) =>
      row.forEach((v, c) => {
        const f = s.formulas[r]?.[c] ?? null;
        const nf = s.numberFormats[r]?.[c] ?? null;
        const bold = !!s.bold?.[r]?.[c];
        const indent = s.indent?.[r]?.[c] ?? 0;
        if (v === "") v = null; // Excel has no empty-text constants
        if (v === null && !f && !nf && !bold && !indent) return;
        let fmt: Fmt | null = null;
        if (bold) (fmt = defaultFmt()).font.bold = true;
        cells.set(keyOf(s.top + r, s.left + c), { v: v !== null && typeof v === "object" ? { error: (v as any).error } : v, f, nf, fmt, indent });
      }),
    );
    return { name: s.name, cells, merges: s.merges.map((m) => ({ ...m })), hiddenRows: [...s.hiddenRows], hiddenColumns: [...s.hiddenColumns], protected: false };
  });
  const sheetByName = (name: string) => sheets.find((s) => s.name === name);
  const cellOf = (s: Sheet, r: number, c: number, create = false): Cell | undefined => {
    let cell = s.cells.get(keyOf(r, c));
    if (!cell && create) s.cells.set(keyOf(r, c), (cell = { v: null, f: null, nf: null, fmt: null, indent: 0 }));
    return cell;
  };
  const hasContent = (c: Cell | undefined) => !!c && (c.v !== null || !!c.f);
  const bounds = (s: Sheet, valuesOnly = false): Area | null => {
    let a: Area | null = null;
    for (const [k, c] of s.cells) {
      if (!hasContent(c) && (valuesOnly || (!c.nf && !c.fmt?.font.bold && !c.indent))) continue;
      const r = Math.floor(k / COLS);
      const col = k - r * COLS;
      if (!a) a = { top: r, left: col, bottom: r, right: col };
      else {
        if (r < a.top) a.top = r;
        if (r > a.bottom) a.bottom = r;
        if (col < a.left) a.left = col;
        if (col > a.right) a.right = col;
      }
    }
    return a;
  };
  const grid = <T,>(a: Area, f: (r: number, c: number) => T): T[][] => {
    const out: T[][] = [];
    for (let r = a.top; r <= a.bottom; r++) {
      const row: T[] = [];
      for (let c = a.left; c <= a.right; c++) row.push(f(r, c));
      out.push(row);
    }
    return out;
  };
  const shown = (c: Cell | undefined) => (c?.v === null || c?.v === undefined ? "" : typeof c.v === "object" ? c.v.error : c.v);
  const typeOf = (c: Cell | undefined) => (c?.f && (c.v === null || c.v === undefined) ? "String" : c?.v === null || c?.v === undefined ? "Empty" : typeof c.v === "number" ? "Double" : typeof c.v === "boolean" ? "Boolean" : typeof c.v === "object" ? "Error" : "String");

  /** What Excel does with a value typed into `formulas`. */
  const put = (s: Sheet, r: number, c: number, x: any) => {
    if (x === null || x === undefined) return;
    const cell = cellOf(s, r, c, true)!;
    if (typeof x === "string" && x.startsWith("=")) {
      cell.f = x;
      cell.v = null;
    } else if (typeof x === "string" && x.startsWith("'")) {
      cell.f = null;
      cell.v = x.slice(1);
    } else if (typeof x === "string" && /^-?\d+(\.\d+)?$/.test(x.trim())) {
      cell.f = null;
      cell.v = Number(x);
    } else {
      cell.f = null;
      cell.v = x === "" ? null : x;
    }
  };

  const state: FakeOfficeState = {
    syncCount: 0, runCount: 0, selected: null, activated: null, maxRequestBytes: 0, maxResponseBytes: 0, cellEditMode: false, settings: {}, notes: {}, layout: {}, selectedObject: null,
    failSync(options = {}) {
      failure = { after: options.after ?? 0, applied: options.applied, times: options.times ?? 1, code: options.code ?? "GeneralException" };
    },
    visibility: (name) => sheetByName(name)?.visibility ?? "Visible",
    cell(sheetName, address) {
      const s = sheetByName(sheetName);
      if (!s) throw new Error(`no sheet ${sheetName}`);
      const a = parseArea(address);
      const c = cellOf(s, a.top, a.left);
      const fmt = fmtOf(c);
      return { value: c?.v ?? null, formula: c?.f ?? null, numberFormat: c?.nf ?? null, fill: fmt.fill.pattern !== "None" ? fmt.fill.color : null, bold: !!fmt.font.bold, underline: fmt.font.underline === "Single", wrap: !!fmt.wrapText };
    },
    sheetNames: () => sheets.map((s) => s.name),
    merges: (sheetName) => sheetByName(sheetName)!.merges.map(addr),
    protect(sheetName) {
      sheetByName(sheetName)!.protected = true;
    },
  };

  const layoutOf = (name: string): FakeLayout => (state.layout[name] ??= { breaks: [], conditional: [] });
  let failure: { after: number; applied?: number; times: number; code: string } | null = null;

  function makeContext() {
    const pending: (() => void)[] = [];
    let requestBytes = 0;
    let responseBytes = 0;
    const queue = (bytes: number, f: () => void) => {
      requestBytes += bytes;
      pending.push(f);
    };
    const context: any = {
      sync: async () => {
        state.syncCount++;
        if (state.cellEditMode) {
          pending.length = 0;
          throw Object.assign(new Error("The operation is not allowed while Excel is in cell-edit mode."), { code: "InvalidOperationInCellEditMode" });
        }
        if (failure && failure.after > 0) failure.after--;
        else if (failure) {
          const ops = pending.splice(0);
          const code = failure.code;
          for (const f of ops.slice(0, failure.applied ?? Math.floor(ops.length / 2))) f();
          if (--failure.times <= 0) failure = null;
          requestBytes = 0;
          responseBytes = 0;
          throw Object.assign(new Error(`The request failed (${code}).`), { code });
        }
        // Operations run in order; one that throws stops the rest, and those before it stay applied (as in Excel).
        for (const f of pending.splice(0)) f();
        state.maxRequestBytes = Math.max(state.maxRequestBytes, requestBytes);
        state.maxResponseBytes = Math.max(state.maxResponseBytes, responseBytes);
        requestBytes = 0;
        responseBytes = 0;
      },
      workbook: {},
    };
    /**
     * A proxy whose properties exist only after load + sync; assignments to `settable` are queued.
     * `resolve` gets the loaded property names ("*" for all) and may compute only those: a range's
     * address must not cost a grid of its every cell.
     */
    function proxy(kind: string, resolve: (props: string[]) => Record<string, any>, methods: Record<string, any> = {}, settable: Record<string, (v: any) => void> = {}) {
      const loaded = new Set<string>();
      const values: Record<string, any> = {};
      const obj: any = {
        load(props?: string | string[]) {
          const list = typeof props === "string" ? props.split(",").map((p) => p.trim().split("/")[0]) : props ?? ["*"];
          pending.push(() => {
            // Each load refreshes what it names; what an earlier sync loaded stays as it was then (as in Office.js).
            Object.assign(values, resolve(list));
            for (const p of list) loaded.add(p);
            responseBytes += JSON.stringify(list.includes("*") ? values : list.map((p) => values[p])).length;
          });
          return wrapped;
        },
      };
      // The methods (getters stay getters: a renamed sheet answers with its new name, as an Office.js proxy
      // does) are inherited, not copied: a write makes thousands of ranges.
      Object.setPrototypeOf(obj, methods);
      const wrapped: any = new Proxy(obj, {
        get(t, p: string) {
          if (p in t) return t[p];
          if (p === "then" || p === "toJSON" || typeof p === "symbol") return undefined;
          if (!loaded.has(p) && !loaded.has("*")) throw new Error(`PropertyNotLoaded: The property '${p}' of ${kind} is not available. Call load() and context.sync() first.`);
          return values[p];
        },
        set(_t, p: string, v) {
          if (!(p in settable)) throw new Error(`${kind}.${p} cannot be set`);
          if (kind === "Worksheet") settable[p](v);
          else queue(JSON.stringify(v).length, () => settable[p](v));
          return true;
        },
      });
      return wrapped;
    }

    function rangeProxy(s: Sheet, areaOrNull: () => Area | null) {
      const area = () => areaOrNull() ?? { top: 0, left: 0, bottom: 0, right: 0 };
      const eachCell = (f: (r: number, c: number, i: number, j: number) => void) => {
        const a = area();
        for (let r = a.top; r <= a.bottom; r++) for (let c = a.left; c <= a.right; c++) f(r, c, r - a.top, c - a.left);
      };
      /** The cells that exist inside the range (for changes that leave absent cells absent, e.g. clearing a whole sheet). */
      const eachExisting = (f: (r: number, c: number, cell: Cell) => void) => {
        const a = area();
        if ((a.bottom - a.top + 1) * (a.right - a.left + 1) <= s.cells.size) return eachCell((r, c) => s.cells.has(keyOf(r, c)) && f(r, c, s.cells.get(keyOf(r, c))!));
        for (const [k, cell] of [...s.cells]) {
          const r = Math.floor(k / COLS);
          const c = k - r * COLS;
          if (r >= a.top && r <= a.bottom && c >= a.left && c <= a.right) f(r, c, cell);
        }
      };
      const fmtSetter = (path: string[]) => (v: any) =>
        eachCell((r, c) => {
          const fmt = ownFmt(cellOf(s, r, c, true)!);
          let o = fmt;
          for (const p of path.slice(0, -1)) o = o[p] ??= {};
          o[path[path.length - 1]] = v;
          if (path[0] === "fill") fmt.fill.pattern = "Solid";
        });
      const resolve = (props: string[]) => {
        const found = areaOrNull();
        const a = found ?? { top: 0, left: 0, bottom: 0, right: 0 };
        const all = props.includes("*");
        const out: Record<string, any> = { isNullObject: found === null, address: `${s.name}!${addr(a)}`, rowIndex: a.top, columnIndex: a.left };
        const cellGrids: Record<string, (c: Cell | undefined) => any> = {
          values: shown,
          valueTypes: typeOf,
          formulas: (c) => c?.f ?? shown(c),
          numberFormat: (c) => c?.nf ?? "General",
        };
        for (const [p, f] of Object.entries(cellGrids)) if (all || props.includes(p)) out[p] = grid(a, (r, c) => f(cellOf(s, r, c)));
        return out;
      };
      const range: any = proxy(
        "Range",
        resolve,
        {
          get isNullObject() {
            return areaOrNull() === null;
          },
          getMergedAreasOrNullObject() {
            // The area once per call, not once per merge: a used range's area scans every cell of the sheet.
            const inside = () => {
              const a = area();
              return s.merges.filter((m) => m.top >= a.top && m.top <= a.bottom && m.left >= a.left && m.left <= a.right);
            };
            return proxy("RangeAreas", () => ({ areas: { items: inside().map((m) => ({ address: `${s.name}!${addr(m)}` })) } }), {
              get isNullObject() {
                return inside().length === 0;
              },
            });
          },
          getCellProperties(opts: any) {
            const result: any = {};
            pending.push(() => {
              const hiddenRows = new Set(s.hiddenRows);
              const hiddenColumns = new Set(s.hiddenColumns);
              result.value = grid(area(), (r, c) => {
                const cell = cellOf(s, r, c);
                const props = pick({ hidden: hiddenRows.has(r) || hiddenColumns.has(c), format: fmtOf(cell) }, opts);
                if (opts?.format?.indentLevel) props.format.indentLevel = cell?.indent ?? 0;
                return props;
              });
              responseBytes += JSON.stringify(result.value).length;
            });
            return result;
          },
          setCellProperties(props: any[][]) {
            queue(JSON.stringify(props).length, () => eachCell((r, c, i, j) => {
              const p = props[i]?.[j];
              if (!p?.format) return;
              const fmt = ownFmt(cellOf(s, r, c, true)!);
              deepMerge(fmt, clone(p.format));
              // Setting a fill colour makes the fill solid, unless a pattern is given too (as Excel does).
              if (p.format.fill?.color && !p.format.fill.pattern) fmt.fill.pattern = "Solid";
            }));
          },
          copyFrom(source: any, type: string) {
            queue(80, () => {
              const src = source.__area();
              const from: Sheet = source.__sheet;
              const h = src.bottom - src.top + 1;
              const w = src.right - src.left + 1;
              eachCell((r, c, i, j) => {
                const sc = cellOf(from, src.top + (i % h), src.left + (j % w));
                const cell = cellOf(s, r, c, true)!;
                if (type === "Formats" || type === "All") {
                  cell.fmt = sc?.fmt ? clone(sc.fmt) : null;
                  cell.nf = sc?.nf ?? null;
                }
              });
            });
          },
          merge() {
            queue(40, () => {
              // office-js#399: "The current selection is invalid for this operation" while a chart is selected.
              if (state.selectedObject) throw Object.assign(new Error("The current selection is invalid for this operation."), { code: "InvalidSelection", debugInfo: { errorLocation: "Range.merge" } });
              const a = area();
              if (!s.merges.some((m) => m.top === a.top && m.left === a.left && m.bottom === a.bottom && m.right === a.right)) s.merges.push({ ...a });
            });
          },
          unmerge() {
            queue(40, () => {
              const a = area();
              s.merges = s.merges.filter((m) => m.bottom < a.top || m.top > a.bottom || m.right < a.left || m.left > a.right);
            });
          },
          clear(applyTo?: string) {
            queue(40, () => eachExisting((r, c, cell) => {
              if (applyTo === "Formats") cell.fmt = null;
              else if (applyTo === "Contents") Object.assign(cell, { v: null, f: null });
              else s.cells.delete(keyOf(r, c));
            }));
          },
          select: () =>
            pending.push(() => {
              state.selected = { sheet: s.name, address: addr(area()) };
              state.selectedObject = null;
            }),
          // Made on first use: a write asks for thousands of ranges and formats few of them.
          get format() {
            return (format ??= rangeFormat());
          },
          conditionalFormats: {
            add(type: string) {
              const rule = { type, custom: { rule: { formula: "" }, format: { fill: { color: "" }, font: { color: "" } } } };
              queue(60, () => layoutOf(s.name).conditional.push({ range: addr(area()), get formula() { return rule.custom.rule.formula; }, get fill() { return rule.custom.format.fill.color; }, get fontColor() { return rule.custom.format.font.color; } }));
              return rule;
            },
          },
          get worksheet() {
            return worksheet(s);
          },
          __area: area,
          __sheet: s,
        },
        {
          formulas: (v: any[][]) => eachCell((r, c, i, j) => put(s, r, c, v[i]?.[j])),
          values: (v: any[][]) => eachCell((r, c, i, j) => put(s, r, c, v[i]?.[j])),
          numberFormat: (v: any[][]) => eachCell((r, c, i, j) => {
            const f = v[i]?.[j];
            if (f !== null && f !== undefined) cellOf(s, r, c, true)!.nf = f === "General" || f === "" ? null : f;
          }),
        },
      );
      let format: any = null;
      const rangeFormat = () => ({
        fill: proxy("RangeFill", () => ({}), {}, { color: fmtSetter(["fill", "color"]) }),
        font: proxy("RangeFont", () => ({}), {}, { bold: fmtSetter(["font", "bold"]) }),
        set wrapText(v: boolean) {
          queue(20, () => fmtSetter(["wrapText"])(v));
        },
        set verticalAlignment(v: string) {
          queue(20, () => fmtSetter(["verticalAlignment"])(v));
        },
        set columnWidth(_v: number) {},
        set rowHeight(_v: number) {},
      });
      return range;
    }

    const worksheetCache = new Map<string, any>();
    function worksheet(nameOrSheet: string | Sheet) {
      const name = typeof nameOrSheet === "string" ? nameOrSheet : nameOrSheet.name;
      // Bound to the sheet itself, so a rename keeps the proxy pointing at it (as Office.js does).
      const bound = typeof nameOrSheet === "string" ? sheetByName(nameOrSheet) : nameOrSheet;
      const live = () => (bound ? (sheets.includes(bound) ? bound : undefined) : sheetByName(name));
      const cached = worksheetCache.get(name);
      if (cached && cached.__bound === bound) return cached;
      // name and visibility arrive with the collection's "items/name,items/visibility" load.
      const ws = proxy(
        "Worksheet",
        () => ({ name: live()?.name ?? name, visibility: live()?.visibility ?? "Visible", isNullObject: !live() }),
        {
          __bound: bound,
          get name() {
            return live()?.name ?? name;
          },
          get visibility() {
            return live()?.visibility ?? "Visible";
          },
          get isNullObject() {
            return !live();
          },
          getUsedRangeOrNullObject: (valuesOnly?: boolean) => (live() ? rangeProxy(live()!, () => bounds(live()!, valuesOnly)) : rangeProxy({ name, cells: new Map(), merges: [], hiddenRows: [], hiddenColumns: [], protected: false }, () => null)),
          getUsedRange: () => rangeProxy(live()!, () => bounds(live()!) ?? { top: 0, left: 0, bottom: 0, right: 0 }),
          getRange: (address?: string) => {
            if (!live()) throw new Error(`ItemNotFound: no sheet named ${name}`);
            return rangeProxy(live()!, () => (address ? parseArea(address) : { top: 0, left: 0, bottom: 1_048_575, right: 16_383 }));
          },
          activate: () =>
            pending.push(() => {
              state.activated = live()?.name ?? name;
              if (state.selectedObject && state.selectedObject.sheet !== state.activated) state.selectedObject = null;
            }),
          delete: () => queue(20, () => sheets.splice(sheets.indexOf(live()!), 1)),
          protection: proxy("WorksheetProtection", () => ({ protected: !!live()?.protected })),
          notes: {
            getItemOrNullObject: (cell: string) =>
              proxy("Note", () => ({ content: state.notes[`${name}!${cell}`], isNullObject: !(`${name}!${cell}` in state.notes) }), {
                get isNullObject() {
                  return !(`${name}!${cell}` in state.notes);
                },
                delete: () => queue(20, () => delete state.notes[`${name}!${cell}`]),
              }),
            getItem: (cell: string) => ({ delete: () => queue(20, () => delete state.notes[`${name}!${cell}`]) }),
            add: (cell: string, text: string) => queue(text.length + 20, () => (state.notes[`${name}!${cell}`] = text)),
          },
          pageLayout: proxy("PageLayout", () => ({}), {
            setPrintArea: (a: string) => queue(40, () => (layoutOf(live()!.name).printArea = a)),
            setPrintTitleRows: (a: string) => queue(40, () => (layoutOf(live()!.name).titleRows = a)),
          }, {
            orientation: (v: string) => (layoutOf(live()!.name).orientation = v),
            paperSize: (v: string) => (layoutOf(live()!.name).paperSize = v),
            zoom: (v: FakeLayout["zoom"]) => (layoutOf(live()!.name).zoom = v),
          }),
          horizontalPageBreaks: { add: (a: string) => queue(30, () => layoutOf(live()!.name).breaks.push(a)) },
          freezePanes: { freezeAt: (r: any) => queue(30, () => (layoutOf(live()!.name).freeze = addr(r.__area()))) },
        },
        {
          // Applied at once, like worksheets.add, so the order of renames and adds in one batch holds.
          name: (v: string) => (live()!.name = v),
          visibility: (v: string) => (live()!.visibility = v),
        },
      );
      worksheetCache.set(name, ws);
      return ws;
    }

    context.workbook.worksheets = proxy("WorksheetCollection", () => ({ items: sheets.map(worksheet) }), {
      getItem(name: string) {
        if (!sheetByName(name)) throw new Error(`ItemNotFound: no sheet named ${name}`);
        return worksheet(name);
      },
      getItemOrNullObject: (name: string) => worksheet(name),
      getActiveWorksheet: () => worksheet(state.activated ?? sheets.find((x) => x.visibility !== "Hidden")!.name),
      add(name: string) {
        // Added at once so the same batch can write into it (Excel queues it in order, too).
        if (sheetByName(name)) throw Object.assign(new Error(`A sheet named ${name} exists`), { code: "ItemAlreadyExists" });
        sheets.push({ name, cells: new Map(), merges: [], hiddenRows: [], hiddenColumns: [], protected: false });
        requestBytes += 40;
        return worksheet(name);
      },
    });
    context.workbook.getSelectedRange = () => {
      const at = state.selected ?? { sheet: sheets[0].name, address: "A1" };
      const s = sheetByName(at.sheet)!;
      return rangeProxy(s, () => parseArea(at.address));
    };
    /** The selected chart (ExcelApi 1.9), to select it again; a shape selection is no chart. */
    context.workbook.getActiveChartOrNullObject = () => {
      const chart = state.selectedObject?.kind === "chart" ? { ...state.selectedObject } : null;
      return proxy("Chart", () => ({ name: chart?.name, isNullObject: !chart }), {
        isNullObject: !chart,
        activate: () => queue(20, () => (state.selectedObject = chart)),
      });
    };
    context.workbook.settings = {
      getItemOrNullObject(key: string) {
        return proxy("Setting", () => ({ key, value: state.settings[key], isNullObject: !(key in state.settings) }), {
          get isNullObject() {
            return !(key in state.settings);
          },
        });
      },
      add(key: string, value: unknown) {
        queue(JSON.stringify(value).length, () => (state.settings[key] = value));
      },
    };
    return context;
  }

  target.Excel = {
    run: async (cb: (ctx: any) => Promise<any>) => {
      state.runCount++;
      return cb(makeContext());
    },
    ClearApplyTo: { all: "All", formats: "Formats", contents: "Contents" },
    SheetVisibility: { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" },
    PageOrientation: { portrait: "Portrait", landscape: "Landscape" },
    PaperType: { a4: "A4" },
    ConditionalFormatType: { custom: "Custom" },
    RangeUnderlineStyle: { single: "Single" },
    HorizontalAlignment: { left: "Left", center: "Center", right: "Right" },
    VerticalAlignment: { top: "Top", center: "Center", bottom: "Bottom" },
    BorderLineStyle: { continuous: "Continuous" },
    BorderWeight: { thin: "Thin" },
    RangeCopyType: { all: "All", formulas: "Formulas", values: "Values", formats: "Formats" },
  };
  target.Office = {
    HostType: { Excel: "Excel", Word: "Word" },
    // ExcelApi up to 1.18 (versions compare by their minor number: 1.9 < 1.18).
    context: { requirements: { isSetSupported: (name: string, version: string) => name === "ExcelApi" && Number(String(version).split(".")[1] ?? 0) <= 18 } },
    onReady: (cb?: (info: any) => void) => {
      const info = { host, platform: host ? "PC" : null };
      if (cb) setTimeout(() => cb(info), 0);
      return Promise.resolve(info);
    },
  };
  target.__fakeOffice = state;
  return state;
}
