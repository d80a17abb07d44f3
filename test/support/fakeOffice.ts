/**
 * A fake Office/Excel host backed by a workbook snapshot (read from an .xlsx by src/xlsx). It keeps
 * Office.js's proxy rules — a property can be read only after `load` and `context.sync()` — and
 * counts round trips, so tests can hold the adapter to its sync budget.
 *
 * `installFakeOffice` must stay self-contained (no imports, no outer references): the browser test
 * injects its source text into the page in place of office.js.
 */
import type { WorkbookSnapshot } from "../../src/core/grid";

export interface FakeOfficeState {
  syncCount: number;
  runCount: number;
  selected: { sheet: string; address: string } | null;
  activated: string | null;
}

export function installFakeOffice(target: any, workbook: WorkbookSnapshot, host: string | null = "Excel"): FakeOfficeState {
  const state: FakeOfficeState = { syncCount: 0, runCount: 0, selected: null, activated: null };

  const colLetter = (c: number) => {
    let s = "";
    let n = c + 1;
    while (n > 0) {
      const m = (n - 1) % 26;
      s = String.fromCharCode(65 + m) + s;
      n = Math.floor((n - 1) / 26);
    }
    return s;
  };
  const addr = (t: number, l: number, b: number, r: number) => `${colLetter(l)}${t + 1}:${colLetter(r)}${b + 1}`;

  function makeContext() {
    const pending: (() => void)[] = [];
    const context: any = {
      sync: async () => {
        state.syncCount++;
        for (const f of pending.splice(0)) f();
      },
      workbook: {},
    };
    /** A proxy whose properties exist only after load + sync. */
    function proxy(kind: string, resolve: () => Record<string, any>, methods: Record<string, any> = {}) {
      const loaded = new Set<string>();
      let values: Record<string, any> = {};
      const obj: any = {
        load(props?: string | string[]) {
          const list = typeof props === "string" ? props.split(",").map((p) => p.trim().split("/")[0]) : props ?? ["*"];
          pending.push(() => {
            values = resolve();
            for (const p of list) loaded.add(p);
          });
          return obj;
        },
        ...methods,
      };
      return new Proxy(obj, {
        get(t, p: string) {
          if (p in t) return t[p];
          if (p === "then") return undefined;
          if (!loaded.has(p) && !loaded.has("*")) {
            throw new Error(`PropertyNotLoaded: The property '${p}' of ${kind} is not available. Call load() and context.sync() first.`);
          }
          return values[p];
        },
      });
    }

    function rangeOf(sheet: WorkbookSnapshot["sheets"][number], valuesOnly: boolean) {
      const rows = sheet.values.length;
      const cols = sheet.values.reduce((w, r) => Math.max(w, r.length), 0);
      const isNull = valuesOnly && rows === 0;
      const resolve = () => {
        const valueTypes = sheet.values.map((row) =>
          row.map((v) => (v === null ? "Empty" : typeof v === "number" ? "Double" : typeof v === "boolean" ? "Boolean" : typeof v === "object" ? "Error" : "String")),
        );
        return {
          isNullObject: isNull,
          address: `${sheet.name}!${addr(sheet.top, sheet.left, sheet.top + rows - 1, sheet.left + cols - 1)}`,
          rowIndex: sheet.top,
          columnIndex: sheet.left,
          values: sheet.values.map((row) => row.map((v) => (v === null ? "" : typeof v === "object" ? v.error : v))),
          valueTypes,
          formulas: sheet.values.map((row, r) => row.map((v, c) => sheet.formulas[r]?.[c] ?? (v === null ? "" : typeof v === "object" ? v.error : v))),
          numberFormat: sheet.numberFormats.map((row) => row.map((f) => f ?? "General")),
        };
      };
      const range: any = proxy("Range", resolve, {
        isNullObject: isNull,
        getMergedAreasOrNullObject() {
          const areas = proxy("RangeAreas", () => ({ areas: { items: sheet.merges.map((m) => ({ address: `${sheet.name}!${addr(m.top, m.left, m.bottom, m.right)}` })) } }), {
            isNullObject: sheet.merges.length === 0,
          });
          return areas;
        },
        getCellProperties() {
          const result: any = {};
          pending.push(() => {
            result.value = sheet.values.map((row, r) =>
              row.map((_, c) => ({
                hidden: sheet.hiddenRows.includes(sheet.top + r) || sheet.hiddenColumns.includes(sheet.left + c),
                format: { font: { bold: !!sheet.bold?.[r]?.[c] }, indentLevel: sheet.indent?.[r]?.[c] ?? 0 },
              })),
            );
          });
          return result;
        },
      });
      return range;
    }

    function worksheet(sheet: WorkbookSnapshot["sheets"][number]) {
      return proxy("Worksheet", () => ({ name: sheet.name, visibility: "Visible" }), {
        name: sheet.name,
        visibility: "Visible",
        getUsedRangeOrNullObject: (valuesOnly?: boolean) => rangeOf(sheet, !!valuesOnly),
        getUsedRange: () => rangeOf(sheet, false),
        activate: () => pending.push(() => (state.activated = sheet.name)),
        getRange: (address: string) => ({
          select: () => pending.push(() => (state.selected = { sheet: sheet.name, address })),
        }),
      });
    }

    const sheets = workbook.sheets.map(worksheet);
    context.workbook.worksheets = proxy("WorksheetCollection", () => ({ items: sheets }), {
      getItem(name: string) {
        const i = workbook.sheets.findIndex((s) => s.name === name);
        if (i < 0) throw new Error(`ItemNotFound: no sheet named ${name}`);
        return sheets[i];
      },
    });
    return context;
  }

  target.Excel = {
    run: async (cb: (ctx: any) => Promise<any>) => {
      state.runCount++;
      return cb(makeContext());
    },
  };
  target.Office = {
    HostType: { Excel: "Excel", Word: "Word" },
    onReady: (cb?: (info: any) => void) => {
      const info = { host, platform: host ? "PC" : null };
      if (cb) setTimeout(() => cb(info), 0);
      return Promise.resolve(info);
    },
  };
  target.__fakeOffice = state;
  return state;
}
