#!/usr/bin/env node
/**
 * `npm run bench`: speed and memory of reading and recognising workbooks, each against a baseline
 * measured in the same run on the same input, so the ratios hold on any machine:
 *   recognise  recogniseWorkbook / ExcelJS's own load of the same file (the issue's target: ≤ 1.25×),
 *              and / one plain pass over every cell (text of each cell, lower-cased)
 *   read       lkip's snapshot read (the package's sheet XML in one pass) / ExcelJS load alone
 *   scaling    recognise time per sheet for a workbook of 16× the sheets / of 1×
 *   memory     heap held by the snapshot / the .xlsx file size
 *   file layer lkip's read of the package + writing the fill plan into it + writing the copy
 *              / ExcelJS's own read + write of the same file (load + writeBuffer), in this process
 *   CLI        `lkip fill` on a generated 100,000-row table, whole process under /usr/bin/time -v
 *              (wall time, CPU, peak RSS), against the same fill done through ExcelJS
 *              (bench/fillExcelJs.js: how the CLI worked before it wrote into the original package)
 * Times are medians of several runs. `--json` prints the measurements as JSON; `--quick` skips the CLI;
 * `--only TEXT` measures only the inputs whose name holds TEXT.
 */
/* eslint-disable @typescript-eslint/no-require-imports */
const fs = require("fs");
const path = require("path");
const ExcelJS = require("exceljs");
const { recogniseWorkbook } = require("../lib/core/recognise");
const { cellText } = require("../lib/core/grid");
const { buildBigWorkbook } = require("./bigWorkbook");
const { planWorkbook, DEFAULT_FILL } = require("../lib/core/writePlan");
const { auditWorkbook } = require("../lib/core/audit");
const { XlsxPackage } = require("../lib/xlsx/package");
const { snapshotFromPackage } = require("../lib/xlsx/packageRead");
/** lkip's read: the package → the snapshot (what the CLI does). */
const readWorkbookBuffer = async (bytes, file) => snapshotFromPackage(await XlsxPackage.fromBytes(bytes, file));
const { WorkbookEditor } = require("../lib/xlsx/packageWrite");
const { spawnSync } = require("child_process");
const os = require("os");

const TARGET_RATIO = 1.25;

const root = path.join(__dirname, "..");
const inputs = [
  { name: "contoh-bab3-bekasi (example)", file: "examples/contoh-bab3-bekasi.xlsx", runs: 15 },
  { name: "serang-typed (fixture)", file: "test/fixtures/xlsx/serang-typed.xlsx", runs: 15 },
  { name: "binjai-lkj2023-pasted (fixture)", file: "test/fixtures/xlsx/binjai-lkj2023-pasted.xlsx", runs: 15 },
  { name: "nomenklatur-subkegiatan (7,766 rows)", file: "test/fixtures/workbooks/nomenklatur-subkegiatan.xlsx", runs: 3 },
  { name: "generated 20 sheets × 2,000 rows", generate: () => buildBigWorkbook(20, 2000), runs: 3 },
];

function now() {
  return Number(process.hrtime.bigint()) / 1e6;
}
async function median(runs, fn) {
  const times = [];
  let result;
  for (let i = 0; i < runs; i++) {
    const t = now();
    result = await fn();
    times.push(now() - t);
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)], result };
}
/** Baseline and subject run alternately, so drift in the machine's speed hits both alike. */
async function paired(runs, baseline, subject) {
  const b = [];
  const s = [];
  let result;
  for (let i = 0; i < runs; i++) {
    let t = now();
    await baseline();
    b.push(now() - t);
    t = now();
    result = await subject();
    s.push(now() - t);
  }
  const mid = (xs) => xs.sort((x, y) => x - y)[Math.floor(xs.length / 2)];
  return { baselineMs: mid(b), ms: mid(s), result };
}
function gc() {
  if (global.gc) {
    global.gc();
    global.gc();
  }
}

/** The least any recogniser must do: look at every cell's text once. */
function plainPass(snapshot) {
  let chars = 0;
  for (const s of snapshot.sheets) for (const row of s.values) for (const v of row) chars += cellText(v).toLowerCase().length;
  return chars;
}

/** The same sheets repeated `times` times under new names: a bigger workbook of the same kind. */
function repeatSheets(snapshot, times) {
  const sheets = [];
  for (let i = 0; i < times; i++) for (const s of snapshot.sheets) sheets.push({ ...s, name: `${s.name}#${i + 1}` });
  return { file: snapshot.file, sheets };
}

async function main() {
  const json = process.argv.includes("--json");
  const rows = [];
  // `--only TEXT`: the inputs whose name holds TEXT (a quicker look at one of them).
  const only = process.argv.includes("--only") ? process.argv[process.argv.indexOf("--only") + 1] : null;
  for (const input of inputs.filter((i) => !only || i.name.includes(only))) {
    const bytes = input.file ? fs.readFileSync(path.join(root, input.file)) : Buffer.from(await input.generate().xlsx.writeBuffer());
    const loadAlone = async () => new ExcelJS.Workbook().xlsx.load(bytes);
    await paired(2, loadAlone, () => readWorkbookBuffer(bytes)); // warm-up (JIT, module loading)
    const read = await paired(input.runs, loadAlone, () => readWorkbookBuffer(bytes, input.file));
    const snapshot = read.result;
    // Warm-up as for the read: the first calls compile recognition's code (the same for every input after the first).
    await paired(2, loadAlone, () => recogniseWorkbook(snapshot));
    const recognise = await paired(input.runs, () => plainPass(snapshot), () => recogniseWorkbook(snapshot));
    const vsLoad = await paired(input.runs, loadAlone, () => recogniseWorkbook(snapshot));
    const cells = snapshot.sheets.reduce((n, s) => n + s.values.reduce((m, r) => m + r.length, 0), 0);
    const found = recognise.result.sheets.flatMap((s) => s.tables);
    const tables = found.length;
    const families = [...new Set(found.map((t) => t.family))].join(", ");
    // The write plan and the audit, each against recognition of the same snapshot (what the user waited for already).
    const analysis = recognise.result;
    const plan = await paired(input.runs, () => recogniseWorkbook(snapshot), () => planWorkbook(snapshot, analysis, { ...DEFAULT_FILL, convertText: true }));
    // The file layer of fill: read the package, write the plan into it, write the copy; against ExcelJS's
    // own read + write of the same file.
    const fillPlan = plan.result;
    const fileLayer = await paired(
      Math.min(input.runs, 5),
      async () => (await new ExcelJS.Workbook().xlsx.load(bytes)).xlsx.writeBuffer(),
      async () => {
        const pkg = await XlsxPackage.fromBytes(bytes, input.name);
        await snapshotFromPackage(pkg);
        const editor = await WorkbookEditor.open(pkg);
        await editor.applyPlan(fillPlan);
        await editor.finish();
        return pkg.toBuffer();
      },
    );
    const audit = await paired(input.runs, () => recogniseWorkbook(snapshot), () => auditWorkbook(snapshot, analysis));

    // Hold enough copies for the heap difference to rise above the collector's noise.
    const copies = Math.min(50, Math.ceil(2 ** 20 / bytes.length));
    gc();
    const before = process.memoryUsage().heapUsed;
    let held = [];
    for (let i = 0; i < copies; i++) held.push(await readWorkbookBuffer(bytes, input.file));
    gc();
    const heap = (process.memoryUsage().heapUsed - before) / copies;
    held = null;

    rows.push({
      input: input.name,
      bytes: bytes.length,
      sheets: snapshot.sheets.length,
      cells,
      tables,
      families,
      excelJsLoadMs: read.baselineMs,
      readMs: read.ms,
      readRatio: read.ms / read.baselineMs,
      cellPassMs: recognise.baselineMs,
      recogniseMs: recognise.ms,
      recogniseRatio: recognise.ms / recognise.baselineMs,
      recogniseVsLoadRatio: vsLoad.ms / vsLoad.baselineMs,
      planMs: plan.ms,
      planVsRecogniseRatio: plan.ms / plan.baselineMs,
      formulas: plan.result.writes.filter((w) => w.formula).length,
      excelJsReadWriteMs: fileLayer.baselineMs,
      fileLayerMs: fileLayer.ms,
      fileLayerRatio: fileLayer.ms / fileLayer.baselineMs,
      auditMs: audit.ms,
      auditVsRecogniseRatio: audit.ms / audit.baselineMs,
      snapshotHeapBytes: global.gc ? heap : null,
      heapPerFileByte: global.gc ? heap / bytes.length : null,
    });
  }

  // Scaling: recognition should grow with the number of sheets, not faster.
  const base = await readWorkbookBuffer(fs.readFileSync(path.join(root, "test/fixtures/xlsx/bekasi-typed.xlsx")));
  const one = await median(7, () => recogniseWorkbook(repeatSheets(base, 1)));
  const sixteen = await median(3, () => recogniseWorkbook(repeatSheets(base, 16)));
  const scaling = {
    sheets1: base.sheets.length,
    sheets16: base.sheets.length * 16,
    ms1: one.ms,
    ms16: sixteen.ms,
    perSheetRatio: sixteen.ms / 16 / one.ms,
  };
  const rss = process.memoryUsage().rss;
  const cli = process.argv.includes("--quick") ? null : await cliBench();

  if (json) {
    console.log(JSON.stringify({ node: process.version, rows, scaling, rssBytes: rss, cli }, null, 2));
    return;
  }
  const f = (x, d = 1) => (x === null ? "n/a" : x.toFixed(d));
  console.log(`lkip bench — node ${process.version}, medians; ratios are against a baseline timed in this run\n`);
  for (const r of rows) {
    console.log(`${r.input}: ${(r.bytes / 1024).toFixed(0)} KiB, ${r.sheets} sheets, ${r.cells.toLocaleString("en")} cells, ${r.tables} tables (${r.families || "none"})`);
    const verdict = r.recogniseVsLoadRatio <= TARGET_RATIO ? "within" : "OVER";
    console.log(`  recognise  ${f(r.recogniseMs)} ms  = ${f(r.recogniseVsLoadRatio, 2)} × ExcelJS load of the file (${verdict} the ${TARGET_RATIO}× target)`);
    console.log(`             = ${f(r.recogniseRatio, 1)} × one plain pass over the cells (${f(r.cellPassMs, 2)} ms)`);
    console.log(`  plan       ${f(r.planMs)} ms  = ${f(r.planVsRecogniseRatio, 2)} × recognition (${r.formulas.toLocaleString("en")} formulas)`);
    console.log(`  audit      ${f(r.auditMs)} ms  = ${f(r.auditVsRecogniseRatio, 2)} × recognition`);
    console.log(`  read       ${f(r.readMs)} ms  = ${f(r.readRatio, 2)} × ExcelJS load alone (${f(r.excelJsLoadMs)} ms)`);
    console.log(`  file layer ${f(r.fileLayerMs)} ms  = ${f(r.fileLayerRatio, 2)} × ExcelJS read + write of the file (${f(r.excelJsReadWriteMs)} ms): read, write the plan, write the copy`);
    console.log(`  memory     snapshot holds ${r.snapshotHeapBytes === null ? "n/a (run node with --expose-gc)" : `${(r.snapshotHeapBytes / 1048576).toFixed(1)} MiB = ${f(r.heapPerFileByte, 1)} × the file size`}`);
  }
  console.log(
    `\nscaling: recognise ${scaling.sheets1} sheets ${f(scaling.ms1)} ms, ${scaling.sheets16} sheets ${f(scaling.ms16)} ms → ` +
      `${f(scaling.perSheetRatio, 2)} × the time per sheet (1.00 = linear)`,
  );
  console.log(`peak process memory (rss): ${(rss / 1048576).toFixed(0)} MiB`);
  if (cli) {
    console.log(`\nlkip fill on ${cli.rows.toLocaleString("en")} rows (${(cli.bytes / 1048576).toFixed(1)} MiB), whole process (/usr/bin/time -v):`);
    for (const [label, m] of [["lkip fill (package)", cli.lkip], ["through ExcelJS", cli.excelJs]])
      console.log(`  ${label.padEnd(20)} ${f(m.wallS)} s wall, ${f(m.cpuS)} s CPU, peak ${(m.maxRssKiB / 1024).toFixed(0)} MiB`);
    console.log(`  ratio lkip / ExcelJS: ${f(cli.lkip.wallS / cli.excelJs.wallS, 2)} × wall, ${f(cli.lkip.cpuS / cli.excelJs.cpuS, 2)} × CPU, ${f(cli.lkip.maxRssKiB / cli.excelJs.maxRssKiB, 2)} × peak memory (targets: ≤ 20 s, ≤ 1 GiB)`);
  }
}

/** One command under /usr/bin/time -v: wall and CPU seconds, peak RSS in KiB. */
function timed(args) {
  const run = spawnSync("/usr/bin/time", ["-v", ...args], { encoding: "utf8", stdio: ["ignore", "ignore", "pipe"], maxBuffer: 1 << 24 });
  if (run.status !== 0) throw new Error(`${args.join(" ")} failed:\n${run.stderr}`);
  const out = run.stderr;
  const field = (name) => out.split("\n").find((l) => l.includes(name)).split(": ").pop().trim();
  const [h, m, sec] = ["0", "0", ...field("Elapsed (wall clock)").split(":")].slice(-3).map(Number);
  return { wallS: h * 3600 + m * 60 + sec, cpuS: Number(field("User time")) + Number(field("System time")), maxRssKiB: Number(field("Maximum resident set size")) };
}

/** `lkip fill` on one generated 100,000-row table, the CLI against the ExcelJS way, each in its own process. */
async function cliBench() {
  if (!fs.existsSync("/usr/bin/time")) return null;
  const rows = 100_000;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lkip-bench-"));
  try {
    const input = path.join(dir, "big.xlsx");
    await buildBigWorkbook(1, rows).xlsx.writeFile(input);
    const lkip = timed([process.execPath, path.join(root, "bin/lkip.js"), "fill", input, "-o", path.join(dir, "lkip.xlsx")]);
    const excelJs = timed([process.execPath, path.join(root, "bench/fillExcelJs.js"), input, path.join(dir, "exceljs.xlsx")]);
    return { rows, bytes: fs.statSync(input).size, lkip, excelJs };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
