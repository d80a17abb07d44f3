/**
 * The built task pane in Debian's Chromium (playwright-core, no browser download). office.js is
 * Microsoft's CDN script; the page's request for it is answered with the fake Excel host of
 * test/support/fakeOffice.ts, backed by an .xlsx fixture read through src/xlsx. So this drives the
 * real bundle: Office guard, React + Fluent UI, the Office.js adapter and the core recognition.
 */
import * as fs from "fs";
import * as http from "http";
import * as os from "os";
import * as path from "path";
import type { AddressInfo } from "net";
import { chromium, Browser, Page } from "playwright-core";
import webpack from "webpack";
import { readWorkbookFile } from "../src/xlsx/readWorkbook";
import { recogniseWorkbook, tableRange } from "../src/core/recognise";
import { planWorkbook, summarisePlan } from "../src/core/writePlan";
import type { WorkbookSnapshot } from "../src/core/grid";
import { installFakeOffice } from "./support/fakeOffice";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const OFFICE_JS = "https://appsforoffice.microsoft.com/**";
const SHOTS = path.join(__dirname, "..", "test-results");
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

describeInBrowser("the task pane in Chromium", () => {
  let outDir: string;
  let server: http.Server;
  let browser: Browser;
  let url: string;

  beforeAll(async () => {
    outDir = fs.mkdtempSync(path.join(os.tmpdir(), "lkip-pane-"));
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
    const page = await browser.newPage({ viewport: { width: 360, height: 900 } });
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

  test("scans a workbook through the fake Excel host, lists its tables and selects one on click", async () => {
    const snapshot = await readWorkbookFile(path.join(__dirname, "fixtures/xlsx/serang-typed.xlsx"));
    const expected = recogniseWorkbook(snapshot).sheets.flatMap((s) => s.tables);
    expect(expected.length).toBeGreaterThan(10);

    const { page, finish } = await openPane(fakeOfficeScript(snapshot));
    await page.getByRole("button", { name: "Pindai buku kerja" }).click();
    await page.getByTestId("scan-summary").waitFor();
    const sheetsWithTables = new Set(expected.map((t) => t.sheet)).size;
    expect(await page.getByTestId("scan-summary").textContent()).toBe(`${expected.length} tabel ditemukan di ${sheetsWithTables} lembar kerja`);
    expect(await page.getByTestId("table-range").allTextContents()).toEqual(expected.map((t) => tableRange(t)));
    const families = await page.getByTestId("table-family").allTextContents();
    expect(families[expected.findIndex((t) => t.family === "capaian-iku")]).toBe("Capaian IKU");

    const pick = expected.findIndex((t) => t.family === "capaian-iku");
    await page.getByTestId("table-card").nth(pick).click();
    await page.waitForFunction(() => (window as any).__fakeOffice.selected !== null);
    const state = await page.evaluate(() => (window as any).__fakeOffice);
    expect(state.selected).toEqual({ sheet: expected[pick].sheet, address: tableRange(expected[pick]) });
    expect(state.activated).toBe(expected[pick].sheet);
    // One Excel.run to scan (≤ 3 syncs, as in the adapter test), one to select.
    expect(state.runCount).toBe(2);
    expect(state.syncCount).toBeLessThanOrEqual(4);

    await page.screenshot({ path: path.join(SHOTS, "pane-scanned.png"), animations: "disabled" });
    await finish();
  }, 60_000);

  test("scan → preview → Tulis rumus → Batalkan: the cells after each step", async () => {
    const snapshot = await readWorkbookFile(path.join(__dirname, "fixtures/xlsx/serang-typed.xlsx"));
    const plan = planWorkbook(snapshot, recogniseWorkbook(snapshot));
    const formulas = plan.writes.filter((w) => w.formula);
    const cellsOf = (page: Page) =>
      page.evaluate((ws) => ws.map((w) => (window as any).__fakeOffice.cell(w.sheet, w.cell)), formulas.map((w) => ({ sheet: w.sheet, cell: w.cell })));
    const before = snapshot.sheets.length;

    const { page, finish } = await openPane(fakeOfficeScript(snapshot));
    await page.getByRole("button", { name: "Pindai buku kerja" }).click();
    await page.getByTestId("preview-cells").waitFor();
    expect(await page.getByTestId("preview-cells").textContent()).toBe(`${summarisePlan(plan).formulas} sel akan diisi rumus`);
    expect((await cellsOf(page)).every((c: { formula: string | null; value: unknown }) => c.formula === null && c.value === null)).toBe(true);
    await page.screenshot({ path: path.join(SHOTS, "pane-preview.png"), animations: "disabled", fullPage: true });

    await page.getByTestId("write").click();
    await page.getByTestId("write-result").waitFor();
    expect((await cellsOf(page)).map((c: { formula: string | null }) => c.formula)).toEqual(formulas.map((w) => w.formula));
    expect(await page.evaluate(() => (window as any).__fakeOffice.sheetNames().length)).toBe(before + 1);
    await page.screenshot({ path: path.join(SHOTS, "pane-written.png"), animations: "disabled" });

    await page.getByTestId("undo").click();
    await page.getByText("Dibatalkan: isi, rumus", { exact: false }).waitFor();
    expect((await cellsOf(page)).every((c: { formula: string | null; value: unknown }) => c.formula === null && c.value === null)).toBe(true);
    expect(await page.evaluate(() => (window as any).__fakeOffice.sheetNames().length)).toBe(before);
    await finish();
  }, 90_000);

  test("Batalkan after a value was typed over a written formula: the value stays and the pane names the cell", async () => {
    const snapshot = await readWorkbookFile(path.join(__dirname, "fixtures/xlsx/serang-typed.xlsx"));
    const typed = planWorkbook(snapshot, recogniseWorkbook(snapshot)).writes.find((w) => w.role === "capaian")!;
    const { page, finish } = await openPane(fakeOfficeScript(snapshot));
    await page.getByRole("button", { name: "Pindai buku kerja" }).click();
    await page.getByTestId("write").click();
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
    expect(await page.evaluate(([s, a]) => (window as any).__fakeOffice.cell(s, a).value, [typed.sheet, typed.cell])).toBe(97.5);
    await page.getByTestId("write-notices").scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SHOTS, "pane-undo-kept.png"), animations: "disabled" });
    await finish();
  }, 90_000);

  test("Buat Rencana Aksi and Buat Perjanjian Kinerja in the built pane: sheets generated in the workbook", async () => {
    const snapshot = await readWorkbookFile(path.join(__dirname, "fixtures/xlsx/bekasi-typed.xlsx"));
    const { page, finish } = await openPane(fakeOfficeScript(snapshot));
    await page.getByRole("button", { name: "Pindai buku kerja" }).click();
    await page.getByTestId("outline-ra").waitFor();
    await page.getByTestId("generate-ra").click();
    await page.getByTestId("result-ra").waitFor();
    const cell = (sheet: string, address: string) => page.evaluate(([s, a]) => (window as any).__fakeOffice.cell(s, a).value, [sheet, address]);
    expect(await cell("Rencana Aksi 2024", "A1")).toBe("RENCANA AKSI TAHUN 2024");
    await page.getByTestId("tab-pk").click();
    for (const [id, v] of [["instansi", "Dinas Pemberdayaan Perempuan dan Perlindungan Anak"], ["tempat", "Bekasi"], ["tanggal", "2 Januari 2024"], ["pihakPertama-nama", "Dra. Siti Contoh, M.Si."], ["pihakPertama-jabatan", "Kepala Dinas"], ["pihakKedua-nama", "Budi Teladan, S.H."], ["pihakKedua-jabatan", "Wali Kota Bekasi"]])
      await page.getByTestId(id).fill(v);
    await page.getByTestId("generate-pk").click();
    await page.getByTestId("result-pk").waitFor();
    expect(await cell("Perjanjian Kinerja 2024", "A1")).toBe("PERJANJIAN KINERJA TAHUN 2024");
    await page.screenshot({ path: path.join(SHOTS, "pane-generated.png"), animations: "disabled" });
    await finish();
  }, 90_000);

  test("says so when office.js cannot be loaded (no connection to Microsoft)", async () => {
    const { page, finish } = await openPane(null);
    const message = page.getByTestId("host-message");
    await message.waitFor();
    expect(await message.textContent()).toContain("Office.js tidak dapat dimuat");
    expect(await page.getByRole("button", { name: "Pindai buku kerja" }).count()).toBe(0);
    await page.screenshot({ path: path.join(SHOTS, "pane-no-office.png"), animations: "disabled" });
    await finish();
  }, 60_000);

  test("says so when opened in a browser outside Excel (office.js loads, no host)", async () => {
    const snapshot = await readWorkbookFile(path.join(__dirname, "fixtures/xlsx/serang-typed.xlsx"));
    const { page, finish } = await openPane(fakeOfficeScript(snapshot, null));
    const message = page.getByTestId("host-message");
    await message.waitFor();
    expect(await message.textContent()).toContain("berjalan di luar Excel");
    await finish();
  }, 60_000);

  test("switches to English and keeps the choice for the next opening", async () => {
    const snapshot = await readWorkbookFile(path.join(__dirname, "fixtures/xlsx/bekasi-bab3-blank.xlsx"));
    const { page, finish } = await openPane(fakeOfficeScript(snapshot));
    await page.getByRole("combobox", { name: "Bahasa" }).selectOption("en");
    await page.getByRole("button", { name: "Scan workbook" }).click();
    await page.getByTestId("scan-summary").waitFor();
    expect(await page.getByTestId("scan-summary").textContent()).toMatch(/^\d+ table\(s\) found in \d+ sheet\(s\)$/);
    await page.reload();
    await page.getByRole("button", { name: "Scan workbook" }).waitFor();
    await finish();
  }, 60_000);
});
