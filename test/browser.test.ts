/**
 * The built task pane in Debian's Chromium (playwright-core, no browser download). office.js is
 * Microsoft's CDN script; the page's request for it is answered with the fake Excel host of
 * test/support/fakeOffice.ts, backed by an .xlsx fixture read through src/xlsx. So this drives the
 * real bundle: Office guard, React + Fluent UI, the Office.js adapter and the core.
 *
 * Every state a user meets (start, scanned, a card open, the preview, written, the findings, both
 * generator forms) is shown at 320, 400 and 450 px: the page never scrolls sideways (scrollWidth ≤
 * clientWidth), a screenshot of each lands in test-results/, and axe-core finds no violation in it.
 */
import * as fs from "fs";
import * as http from "http";
import * as os from "os";
import * as path from "path";
import type { AddressInfo } from "net";
import { chromium, Browser, Page } from "playwright-core";
import webpack from "webpack";
import axe from "axe-core";
import { readWorkbookFile } from "../src/xlsx/readWorkbook";
import { recogniseWorkbook, tableRange } from "../src/core/recognise";
import { planWorkbook } from "../src/core/writePlan";
import { countPlan } from "../src/core/planScope";
import type { WorkbookSnapshot } from "../src/core/grid";
import { PANE_STRINGS } from "../src/i18n/pane";
import { installFakeOffice } from "./support/fakeOffice";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const OFFICE_JS = "https://appsforoffice.microsoft.com/**";
const SHOTS = path.join(__dirname, "..", "test-results");
const WIDTHS = [320, 400, 450];
const t = PANE_STRINGS.id;
const hasChromium = fs.existsSync(CHROMIUM);
if (!hasChromium) {
  console.warn(`Browser test skipped: no Chromium at ${CHROMIUM} (apt-get install -y chromium, or set CHROMIUM_PATH).`);
}
const describeInBrowser = hasChromium ? describe : describe.skip;

/** Builds the pane with the project's webpack config into a temporary folder (dist/ is left alone). */
function buildPane(outDir: string): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const config = require("../webpack.config.js")({ transpileOnly: true }, { mode: "development" });
  config.mode = "development";
  config.devtool = false;
  config.output.path = outDir;
  return new Promise((resolve, reject) =>
    webpack(config, (err, stats) => {
      if (err) return reject(err);
      if (stats?.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true })));
      resolve();
    }),
  );
}

const TYPES: Record<string, string> = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".png": "image/png", ".xml": "application/xml" };

function serve(root: string): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const file = path.join(root, decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname));
    if (!file.startsWith(root) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

/** The script served in place of office.js: the fake host, installed on window with this snapshot. */
function fakeOfficeScript(snapshot: WorkbookSnapshot, host: string | null = "Excel"): string {
  return `(${installFakeOffice.toString()})(window, ${JSON.stringify(snapshot)}, ${JSON.stringify(host)});`;
}

interface AxeViolation {
  id: string;
  impact: string | null;
  nodes: { target: string[]; html: string }[];
}

describeInBrowser("the task pane in Chromium", () => {
  let outDir: string;
  let server: http.Server;
  let browser: Browser;
  let url: string;
  let serang: WorkbookSnapshot;
  let bekasi: WorkbookSnapshot;

  beforeAll(async () => {
    outDir = fs.mkdtempSync(path.join(os.tmpdir(), "lkip-pane-"));
    [serang, bekasi] = await Promise.all(["serang-typed.xlsx", "bekasi-typed.xlsx"].map((f) => readWorkbookFile(path.join(__dirname, "fixtures/xlsx", f))));
    // The generators' sources (PK list, budget with its quarterly allocation) without the other 59 sheets.
    bekasi = { ...bekasi, sheets: bekasi.sheets.filter((s) => ["bekasi-2.3", "bekasi-2.3b", "bekasi-2.4", "bekasi-3.1"].includes(s.name)) };
    await buildPane(outDir);
    server = await serve(outDir);
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/taskpane.html`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic"],
    });
    fs.mkdirSync(SHOTS, { recursive: true });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((r) => (server ? server.close(r) : r(undefined)));
    if (outDir) fs.rmSync(outDir, { recursive: true, force: true });
  });

  /**
   * A pane page of task-pane size whose office.js request gets `script` (or fails when null).
   * `finish` asserts no page errors and no request beyond localhost, then closes the page.
   */
  async function openPane(script: string | null): Promise<{ page: Page; finish: () => Promise<void> }> {
    const page = await browser.newPage({ viewport: { width: WIDTHS[0], height: 720 } });
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    // Anything else leaving localhost would be workbook data going somewhere: fail the test.
    const external: string[] = [];
    await page.route(OFFICE_JS, (route) => (script === null ? route.abort("internetdisconnected") : route.fulfill({ contentType: "text/javascript", body: script })));
    await page.route(/^https?:\/\/(?!127\.0\.0\.1|appsforoffice\.microsoft\.com)/, (route) => {
      external.push(route.request().url());
      return route.abort();
    });
    await page.goto(url);
    const finish = async () => {
      expect(errors).toEqual([]);
      expect(external).toEqual([]);
      await page.close();
    };
    return { page, finish };
  }

  /**
   * The proof for one state: at 320, 400 and 450 px the page does not scroll sideways and a full-page
   * screenshot is kept; axe-core (all rules) finds nothing at the narrowest width.
   */
  async function proof(page: Page, state: string): Promise<void> {
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 720 });
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      const { scrollWidth, clientWidth, wide } = await page.evaluate(() => {
        const root = document.documentElement;
        // The elements that stick out on the right, to say which one when the assertion fails.
        const wide = [...document.querySelectorAll("body *")]
          .filter((e) => e.getBoundingClientRect().right > root.clientWidth + 0.5 && getComputedStyle(e).position !== "fixed")
          .slice(0, 3)
          .map((e) => `${e.tagName.toLowerCase()}.${String(e.className).slice(0, 40)} ${Math.round(e.getBoundingClientRect().right)}px`);
        return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, wide };
      });
      expect({ state, width, scrollWidth: scrollWidth <= clientWidth ? "fits" : scrollWidth, wide }).toEqual({ state, width, scrollWidth: "fits", wide: [] });
      await page.screenshot({ path: path.join(SHOTS, `pane-${state}-${width}.png`), animations: "disabled", fullPage: true });
      // What the user sees without scrolling: the sections and the action bar are there.
      await page.screenshot({ path: path.join(SHOTS, `pane-${state}-${width}-view.png`), animations: "disabled" });
    }
    await page.setViewportSize({ width: WIDTHS[0], height: 720 });
    if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ content: axe.source });
    const violations = (await page.evaluate(async () => {
      const r = await (window as unknown as { axe: typeof axe }).axe.run(document, { resultTypes: ["violations"] });
      return r.violations.map((v) => ({ id: v.id, impact: v.impact ?? null, nodes: v.nodes.map((n) => ({ target: n.target.map(String), html: n.html.slice(0, 160) })) }));
    })) as AxeViolation[];
    fs.writeFileSync(path.join(SHOTS, `axe-${state}.json`), JSON.stringify(violations, null, 2));
    expect({ state, violations }).toEqual({ state, violations: [] });
  }

  const scan = async (page: Page) => {
    await page.getByTestId("scan").click();
    await page.getByTestId("scan-summary").waitFor();
  };
  const cellValue = (page: Page, sheet: string, address: string) => page.evaluate(([s, a]) => (window as any).__fakeOffice.cell(s, a).value, [sheet, address]);
  const fake = <T>(page: Page, f: string, ...args: unknown[]) => page.evaluate(([fn, a]) => (window as any).__fakeOffice[fn as string](...(a as unknown[])), [f, args]) as Promise<T>;

  test("start and scanned: the tables listed per sheet, collapsed", async () => {
    const expected = recogniseWorkbook(serang).sheets.flatMap((s) => s.tables);
    const { page, finish } = await openPane(fakeOfficeScript(serang));
    await page.getByTestId("scan").waitFor();
    await proof(page, "start");
    await scan(page);
    const sheetsWithTables = new Set(expected.map((x) => x.sheet)).size;
    expect(await page.getByTestId("scan-summary").textContent()).toBe(t.tablesFound(expected.length, sheetsWithTables));
    expect(await page.getByTestId("table-range").allTextContents()).toEqual(expected.map((x) => tableRange(x)));
    expect(await page.getByTestId("columns-editor").count()).toBe(0);
    await proof(page, "scanned");
    await finish();
  }, 60_000);

  test("a card opened with its editors; 'Pilih di Excel' selects the table", async () => {
    const expected = recogniseWorkbook(serang).sheets.flatMap((s) => s.tables);
    const { page, finish } = await openPane(fakeOfficeScript(serang));
    await scan(page);
    const pick = expected.findIndex((x) => x.family === "capaian-iku");
    const card = page.getByTestId("table-card").nth(pick);
    await card.getByTestId("table-toggle").click();
    await card.getByTestId("columns-editor").click();
    await card.getByTestId("polarity-editor").click();
    await proof(page, "card-open");
    await card.getByTestId("select-table").click();
    await page.waitForFunction(() => (window as any).__fakeOffice.selected !== null);
    const state = await page.evaluate(() => (window as any).__fakeOffice);
    expect(state.selected).toEqual({ sheet: expected[pick].sheet, address: tableRange(expected[pick]) });
    expect(state.activated).toBe(expected[pick].sheet);
    await finish();
  }, 60_000);

  test("keyboard only: scan, open the formulas section, open the preview of a table and write; every control has a name", async () => {
    const { page, finish } = await openPane(fakeOfficeScript(serang));
    await page.getByTestId("scan").focus();
    await page.keyboard.press("Enter");
    await page.getByTestId("scan-summary").waitFor();
    // Tab through the whole page from the top (the language, the first control): every control is reached and named.
    await page.getByTestId("language").focus();
    const seen: { tag: string; name: string; id: string }[] = [];
    for (let i = 0; i < 400; i++) {
      if (i > 0) await page.keyboard.press("Tab");
      const el = await page.evaluate(() => {
        const e = document.activeElement as HTMLElement | null;
        if (!e || e === document.body) return null;
        const labelled = e.getAttribute("aria-labelledby")?.split(" ").map((id) => document.getElementById(id)?.textContent ?? "").join(" ");
        const labels = (e as HTMLInputElement).labels ? [...(e as HTMLInputElement).labels!].map((l) => l.textContent).join(" ") : "";
        return { tag: e.tagName.toLowerCase(), name: (e.getAttribute("aria-label") || labelled || labels || e.textContent || "").trim(), id: e.dataset.testid ?? "" };
      });
      if (!el) break; // past the last control
      seen.push(el);
    }
    expect(seen.length).toBeGreaterThan(10);
    expect(seen.filter((e) => !e.name)).toEqual([]);
    expect(seen.map((e) => e.name)).toEqual(expect.arrayContaining([t.language, t.sectionScan, t.selectTable, t.includeTable, t.rescan]));
    expect(seen[seen.length - 1].id).toBe("bar-audit");
    // The sections and the write from the keyboard.
    await page.getByTestId("tab-formulas").focus();
    await page.keyboard.press("Enter");
    await page.getByTestId("preview-cells").waitFor();
    await page.getByTestId("preview-toggle").first().focus();
    await page.keyboard.press("Enter");
    await page.getByTestId("preview-formula").first().waitFor();
    await page.getByTestId("write").focus();
    await page.keyboard.press("Enter");
    await page.getByTestId("write-result").waitFor();
    await finish();
  }, 60_000);

  /** Serang's plan, its counts, and the fake host's cells where it puts formulas. */
  function serangPlan() {
    const analysis = recogniseWorkbook(serang);
    const plan = planWorkbook(serang, analysis);
    const formulas = plan.writes.filter((w) => w.formula);
    const cellsOf = (page: Page): Promise<{ formula: string | null; value: unknown }[]> =>
      page.evaluate((ws) => ws.map((w) => (window as any).__fakeOffice.cell(w.sheet, w.cell)), formulas.map((w) => ({ sheet: w.sheet, cell: w.cell })));
    return { plan, counts: countPlan(plan, analysis), formulas, cellsOf };
  }

  test("the preview: per table, counts of what the write will put in the workbook; nothing written yet", async () => {
    const { plan, counts, cellsOf } = serangPlan();
    const { page, finish } = await openPane(fakeOfficeScript(serang));
    await scan(page);
    await page.getByTestId("tab-formulas").click();
    await page.getByTestId("preview-cells").waitFor();
    expect(await page.getByTestId("preview-cells").textContent()).toBe(t.previewCounts(counts, plan.legend!.sheet));
    expect((await cellsOf(page)).every((c) => c.formula === null && c.value === null)).toBe(true);
    await page.getByTestId("choices-toggle").click();
    await page.getByTestId("preview-toggle").first().click();
    await proof(page, "preview");
    await finish();
  }, 60_000);

  test("Tulis rumus → written cells → Batalkan: the report equals the preview's counts, the cells after each step", async () => {
    const { counts, formulas, cellsOf } = serangPlan();
    const before = serang.sheets.length;
    const { page, finish } = await openPane(fakeOfficeScript(serang));
    await scan(page);
    await page.getByTestId("bar-write").click();
    await page.getByTestId("write-result").waitFor();
    expect(await page.getByTestId("write-result").textContent()).toBe(t.written(counts));
    expect((await cellsOf(page)).map((c) => c.formula)).toEqual(formulas.map((w) => w.formula));
    expect(await fake<string[]>(page, "sheetNames")).toHaveLength(before + 1);
    await page.getByTestId("show-written").click();
    await proof(page, "written");
    await page.getByTestId("written-ranges").getByRole("button").first().click();
    await page.waitForFunction(() => (window as any).__fakeOffice.selected !== null);

    await page.getByTestId("undo").click();
    await page.getByText("Dibatalkan: isi, rumus", { exact: false }).waitFor();
    expect((await cellsOf(page)).every((c) => c.formula === null && c.value === null)).toBe(true);
    expect(await fake<string[]>(page, "sheetNames")).toHaveLength(before);
    await finish();
  }, 60_000);

  test("Batalkan after a value was typed over a written formula: the value stays and the pane names the cell", async () => {
    const typed = serangPlan().formulas.find((w) => w.role === "capaian")!;
    const { page, finish } = await openPane(fakeOfficeScript(serang));
    await scan(page);
    await page.getByTestId("bar-write").click();
    await page.getByTestId("write-result").waitFor();
    // The user types into the sheet, through the same host the pane uses.
    await page.evaluate(async ([sheet, cell]) => {
      await (window as any).Excel.run(async (ctx: any) => {
        ctx.workbook.worksheets.getItem(sheet).getRange(cell).formulas = [[97.5]];
        await ctx.sync();
      });
    }, [typed.sheet, typed.cell]);
    await page.getByTestId("undo").click();
    await page.getByTestId("write-notices").waitFor();
    expect(await page.getByTestId("write-notices-item").allTextContents()).toEqual([`'${typed.sheet}'!${typed.cell} diubah sejak ditulis add-in (sekarang "97.5"); dibiarkan seperti isian Anda.`]);
    expect(await cellValue(page, typed.sheet, typed.cell)).toBe(97.5);
    await page.getByTestId("write-notices").scrollIntoViewIfNeeded();
    await proof(page, "undo-kept");
    await finish();
  }, 60_000);

  test("Periksa: findings per table after reading the workbook again, exported to a sheet", async () => {
    const { page, finish } = await openPane(fakeOfficeScript(serang));
    await scan(page);
    await page.getByTestId("bar-audit").click();
    await page.getByTestId("findings").waitFor();
    expect(await page.getByTestId("finding").count()).toBe(8); // six within tables, two between Tabel 3.1 and Tabel 3.3
    await page.getByTestId("export-findings").click();
    await page.getByTestId("export-result").waitFor();
    expect(await fake<string[]>(page, "sheetNames")).toContain(t.findingsSheet.sheetName);
    await proof(page, "findings");
    await finish();
  }, 60_000);

  test("Buat Rencana Aksi: the form with phasing per indicator, the sheet generated in the workbook", async () => {
    const { page, finish } = await openPane(fakeOfficeScript(bekasi));
    await scan(page);
    await page.getByTestId("tab-ra").click();
    await page.getByTestId("outline-ra").waitFor();
    await page.getByTestId("phasing-per-indicator").click();
    await proof(page, "form-ra");
    await page.getByTestId("generate-ra").click();
    await page.getByTestId("result-ra").waitFor();
    expect(await cellValue(page, "Rencana Aksi 2024", "A1")).toBe("RENCANA AKSI TAHUN 2024");
    await finish();
  }, 60_000);

  test("Buat Perjanjian Kinerja: the profile form, the sheet generated in the workbook", async () => {
    const { page, finish } = await openPane(fakeOfficeScript(bekasi));
    await scan(page);
    await page.getByTestId("tab-pk").click();
    for (const [id, v] of [["instansi", "Dinas Pemberdayaan Perempuan dan Perlindungan Anak"], ["tempat", "Bekasi"], ["tanggal", "2 Januari 2024"], ["pihakPertama-nama", "Dra. Siti Contoh, M.Si."], ["pihakPertama-jabatan", "Kepala Dinas"], ["pihakKedua-nama", "Budi Teladan, S.H."], ["pihakKedua-jabatan", "Wali Kota Bekasi"]])
      await page.getByTestId(id).fill(v);
    await proof(page, "form-pk");
    await page.getByTestId("generate-pk").click();
    await page.getByTestId("result-pk").waitFor();
    expect(await cellValue(page, "Perjanjian Kinerja 2024", "A1")).toBe("PERJANJIAN KINERJA TAHUN 2024");
    await finish();
  }, 60_000);

  test("says so when office.js cannot be loaded (no connection to Microsoft)", async () => {
    const { page, finish } = await openPane(null);
    const message = page.getByTestId("host-message");
    await message.waitFor();
    expect(await message.textContent()).toContain("Office.js tidak dapat dimuat");
    expect(await page.getByRole("button", { name: t.scan }).count()).toBe(0);
    await proof(page, "no-office");
    await finish();
  }, 60_000);

  test("says so when opened in a browser outside Excel (office.js loads, no host)", async () => {
    const { page, finish } = await openPane(fakeOfficeScript(serang, null));
    const message = page.getByTestId("host-message");
    await message.waitFor();
    expect(await message.textContent()).toContain("berjalan di luar Excel");
    await finish();
  }, 60_000);

  test("switches to English and keeps the choice for the next opening", async () => {
    const { page, finish } = await openPane(fakeOfficeScript(serang));
    await page.getByRole("combobox", { name: "Bahasa" }).selectOption("en");
    await page.getByRole("button", { name: "Scan workbook" }).click();
    await page.getByTestId("scan-summary").waitFor();
    expect(await page.getByTestId("scan-summary").textContent()).toMatch(/^\d+ table\(s\) found in \d+ sheet\(s\)$/);
    await page.reload();
    await page.getByRole("button", { name: "Scan workbook" }).waitFor();
    await finish();
  }, 60_000);
});
