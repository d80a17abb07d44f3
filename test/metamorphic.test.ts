/**
 * Metamorphic tests: for every table of the shared fixtures (each report typed and pasted) and every
 * layout shape, nine changes a person makes to a table must not change what recognition says about it
 * (roles, years, periods, measures, content rows and their kinds and polarity, pairings). The rate is
 * printed; every exception is listed below with its reason.
 */
import * as fs from "fs";
import * as path from "path";
import { readWorkbookFile } from "../src/xlsx/readWorkbook";
import { recogniseSheet } from "../src/core/recognise";
import type { SheetSnapshot } from "../src/core/grid";
import { answerOf, TRANSFORMATIONS } from "./support/metamorphic";

const FIXTURES = path.join(__dirname, "fixtures");
const WORKBOOKS = [
  ...["bekasi", "serang", "binjai-lkj2023"].flatMap((r) => [`xlsx/${r}-typed.xlsx`, `xlsx/${r}-pasted.xlsx`]),
  ...fs.readdirSync(path.join(FIXTURES, "shapes")).filter((f) => f.endsWith(".xlsx")).map((f) => `shapes/${f}`),
];

/** Known exceptions: "workbook|sheet|transformation" → why the answer may change. */
const CONTINUATION = "the body goes on in rows holding one cell each (continuation lines of the row above); put after blank rows, such a line cannot be told from a paragraph under the table";
const EXCEPTIONS: Record<string, string> = {};
for (const flavour of ["typed", "pasted"]) {
  EXCEPTIONS[`xlsx/bekasi-${flavour}.xlsx|bekasi-3.19|no merges`] = "a line above the header that names what is counted (\"JUMLAH KORBAN … TAHUN 2024\") joins the band only when merged across it; unmerged it cannot be told from a title";
  EXCEPTIONS[`xlsx/bekasi-${flavour}.xlsx|bekasi-u1156|no merges`] = "a reference page without header words: only its year row marks the header, and without the merge its label column lies outside it (not a measurement table)";
  EXCEPTIONS[`xlsx/bekasi-${flavour}.xlsx|bekasi-1.4|blank and section rows`] = CONTINUATION;
  EXCEPTIONS[`xlsx/serang-${flavour}.xlsx|serang-1.5|blank and section rows`] = CONTINUATION;
  EXCEPTIONS[`xlsx/serang-${flavour}.xlsx|serang-1.6|blank and section rows`] = CONTINUATION;
}
EXCEPTIONS["shapes/neg-cascade-tree.xlsx|Cascade|no merges"] = "a cascade diagram, not a table: its boxes mean nothing once unmerged (nothing is written either way)";
EXCEPTIONS["shapes/neg-cascade-tree.xlsx|Cascade|table beside"] = "a cascade diagram, not a table: its boxes stand apart over blank columns, so a table beside it cuts the sheet into strips and the boxes' reading changes (nothing is written either way)";

const results: { key: string; ok: boolean; detail?: string }[] = [];

describe.each(WORKBOOKS.map((w) => [w]))("%s", (workbook) => {
  let sheets: SheetSnapshot[] = [];
  beforeAll(async () => {
    sheets = (await readWorkbookFile(path.join(FIXTURES, workbook))).sheets;
  });
  test.each(Object.keys(TRANSFORMATIONS).map((t) => [t]))("%s", (name) => {
    const { apply, yearShift = 0, beside = false } = TRANSFORMATIONS[name];
    const failures: string[] = [];
    for (const s of sheets) {
      const before = recogniseSheet(s);
      if (!before.length) continue;
      const changed = apply(s, before);
      if (!changed) continue;
      let after = recogniseSheet(changed);
      if (beside) {
        // The added table is read on its own, with its serapan; the comparison is about the tables already there.
        const right = s.left + Math.max(...s.values.map((r) => r.length)) - 1;
        const added = after.filter((t) => t.area.left > right);
        after = after.filter((t) => t.area.left <= right);
        const serapan = added.length === 1 ? added[0].pairings.find((p) => p.measure === "serapan") : undefined;
        if (!serapan || serapan.output !== right + 7) failures.push(`${workbook}|${s.name}|${name}: the table beside is not read as one budget table with its serapan (${added.length} table(s))`);
      }
      const key = `${workbook}|${s.name}|${name}`;
      const want = before.map((t) => answerOf(t, yearShift, s));
      const got = after.map((t) => answerOf(t, 0, changed));
      const ok = JSON.stringify(want) === JSON.stringify(got);
      let detail: string | undefined;
      if (!ok) {
        if (want.length !== got.length) detail = `${want.length} table(s) → ${got.length}`;
        else {
          const i = want.findIndex((w, k) => JSON.stringify(w) !== JSON.stringify(got[k]));
          const field = (["band", "columns", "content", "pairings"] as const).find((f) => JSON.stringify(want[i][f]) !== JSON.stringify(got[i][f]))!;
          const a = ([] as string[]).concat(want[i][field]);
          const b = ([] as string[]).concat(got[i][field]);
          const j = a.findIndex((x, k) => x !== b[k]);
          detail = `table ${i + 1} ${field}: ${a[j] ?? "(none)"} → ${b[j] ?? "(none)"}`;
        }
      }
      results.push({ key, ok, detail });
      if (!ok && !EXCEPTIONS[key]) failures.push(`${key}: ${detail}`);
    }
    expect(failures).toEqual([]);
  });
});

afterAll(() => {
  const ok = results.filter((r) => r.ok).length;
  const byT = new Map<string, [number, number]>();
  for (const r of results) {
    const t = r.key.split("|")[2];
    const v = byT.get(t) ?? [0, 0];
    byT.set(t, [v[0] + (r.ok ? 1 : 0), v[1] + 1]);
  }
  console.log(
    `Metamorphic: ${ok}/${results.length} sheet transformations keep the answer (${((100 * ok) / Math.max(1, results.length)).toFixed(1)} %)\n` +
      [...byT].map(([t, [a, n]]) => `  ${t.padEnd(24)} ${a}/${n}`).join("\n") +
      (results.some((r) => !r.ok) ? "\n  exceptions:\n" + results.filter((r) => !r.ok).map((r) => `    ${r.key}: ${r.detail} — ${EXCEPTIONS[r.key] ?? "UNEXPLAINED"}`).join("\n") : ""),
  );
});
