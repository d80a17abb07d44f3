/**
 * The `lkip` command:
 *   lkip analyze <file.xlsx> [--json]                 the recognised tables
 *   lkip fill <in.xlsx> -o <out.xlsx> [options]       live formulas written back (never in place)
 *   lkip audit <in.xlsx> [--json]                     hand-typed numbers checked against the rules
 * Exit codes: 0 success (no tables is a success), 2 bad usage, 3 a file problem (unreadable or not an
 * .xlsx input, an unusable output path, a part the copy would lose), 1 a write that failed unexpectedly.
 * File problems are one line in the user's language (--lang, else LANG; Indonesian by default).
 */
import * as fs from "fs";
import * as path from "path";
import { recogniseWorkbook, tableRange, WorkbookAnalysis } from "../core/recognise";
import { analysisToJson } from "./report";
import { columnIndex, columnLetter } from "../core/grid";
import { customScale } from "../core/formulas";
import { DEFAULT_FILL, FillOptions, pairKey, planWorkbook, summarisePlan, WritePlan } from "../core/writePlan";
import { auditWorkbook, Finding } from "../core/audit";
import { FileProblem, XlsxPackage } from "../xlsx/package";
import { snapshotFromPackage } from "../xlsx/packageRead";
import { message, Message } from "../core/messages";
import { Lang, languageFrom, phrase, phraser } from "../i18n";
import { checkOutput } from "./files";
import { writeCopy } from "./output";
import type { WorkbookEditor } from "../xlsx/packageWrite";
import { readProfile, PkProfile } from "../core/profile";
import { generateSheet, GenerateArgs } from "./generate";

export const EXIT = { ok: 0, failed: 1, usage: 2, unreadable: 3 } as const;

const USAGE = `Usage:
  lkip analyze <file.xlsx> [--json]
  lkip fill <in.xlsx> -o <out.xlsx> [--negative A|B|C] [--scale permendagri86|tercapai|sakip|none|bands.json]
            [--efficiency sederhana|pmk214|none] [--cap 120] [--floor 0] [--overwrite] [--keep-text]
            [--pair "Sheet!G=F/E"] [--json]
  lkip audit <in.xlsx> [--negative A|B|C] [--scale …] [--json]
  lkip rencana-aksi <in.xlsx> -o <out.xlsx> [--year 2024] [--phasing auto|ramp|split|akhir|flat] [--profile profile.json]
            [--pk sheet!range] [--budget sheet!range|none] [--quarterly sheet!range|none] [--json]
  lkip perjanjian-kinerja <in.xlsx> -o <out.xlsx> --profile profile.json [--perubahan] [--year 2024]
            [--pk sheet!range] [--budget sheet!range|none] [--json]

  analyze         recognise the performance tables (Tabel 3.x) of a workbook
  fill            write capaian, predikat, serapan and efficiency formulas into a copy of the workbook
  audit           recompute every hand-typed capaian, predikat, serapan, efisiensi and total; lint formulas
  rencana-aksi    add a Rencana Aksi sheet: TW I–IV targets and budgets, realisasi/capaian columns, checks
  perjanjian-kinerja  add a printable Perjanjian Kinerja sheet with its lampiran (A4 portrait)
  --phasing       TW targets: auto (per indicator, from its satuan), ramp (cumulative 25/50/75/100 %),
                  split (quarters add up), akhir (TW IV only), flat (same each quarter)
  --profile       agency, officials, place and date (see examples/profile.json)
  --perubahan     a revised PK ("PK Perubahan"), from the revised budget when the workbook has one
  --pk, --budget, --quarterly
                  the source tables as "sheet!range" (as analyze lists them), or none; default: the best fitting
  --negative      formula for lower-is-better indicators: A (2T-R)/T (default), B T/R, C (T-R)/T
  --scale         predikat scale (default permendagri86), or a JSON file of your own bands:
                  {"label": "…", "bands": [{"from": 0, "to": 60, "label": "Kurang"}, …]} (percent of capaian)
  --efficiency    efficiency method (default sederhana = 100 % - serapan)
  --cap, --floor  limit capaian to at most / at least this percentage, visibly in the formula (MIN/MAX)
  --overwrite     replace non-empty computed cells (default: report them, never overwrite)
  --keep-text     leave numbers stored as text as they are (their formulas stay empty, each with its reason);
                  by default the ones the formulas read are converted in the copy, listed cell by cell
  --pair          the operands of a computed column, "Sheet!G=F/E" (G computed, F the realisasi, E the
                  target or pagu; for a column still to be appended, name its realisasi: "Sheet!F=F/E")
  --allow-loss    write the copy even if a part of the workbook cannot be carried into it (named first)
  --lang id|en    the language of messages and of what is written into the workbook (default: from LANG,
                  else Indonesian)
  --json          print the result as JSON on stdout
  --help          show this help
Exit codes: 0 done, 2 bad usage, 3 a file problem (input not a readable .xlsx, output path unusable, a part
that would be lost), 1 writing failed (an existing output file is left as it was).`;

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  /** Is stderr a terminal (progress bar) — false in tests. */
  tty?: boolean;
  /** LANG / LC_ALL for the message language (tests leave it out: Indonesian unless --lang). */
  env?: Record<string, string | undefined>;
}

const defaultIo: Io = { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s), tty: process.stderr.isTTY, env: process.env };

class UsageError extends Error {}

interface Args {
  command: string;
  files: string[];
  output?: string;
  json: boolean;
  lang?: string;
  allowLoss: boolean;
  /** `--pair` values, resolved against the analysis once the workbook is read. */
  pairs: string[];
  fill: FillOptions;
  /** A custom predikat scale's JSON file (`--scale bands.json`). */
  scaleFile?: string;
  /** rencana-aksi / perjanjian-kinerja */
  generate: GenerateArgs;
}

const CHOICES = { "--negative": ["A", "B", "C"], "--scale": ["permendagri86", "tercapai", "sakip", "none"], "--efficiency": ["sederhana", "pmk214", "none"], "--phasing": ["auto", "ramp", "split", "akhir", "flat"] } as const;
const FLAGS: Record<string, string[]> = {
  analyze: ["--json", "--lang"],
  fill: ["--json", "--lang", "--allow-loss", "--overwrite", "--convert-text", "--keep-text", "-o", "--output", "--negative", "--scale", "--efficiency", "--cap", "--floor", "--pair"],
  audit: ["--json", "--lang", "--negative", "--scale", "--efficiency", "--pair"],
  "rencana-aksi": ["--json", "--lang", "--allow-loss", "-o", "--output", "--year", "--phasing", "--negative", "--profile", "--pk", "--budget", "--quarterly"],
  "perjanjian-kinerja": ["--json", "--lang", "--allow-loss", "-o", "--output", "--year", "--profile", "--perubahan", "--pk", "--budget"],
};
const WRITES_COPY = new Set(["fill", "rencana-aksi", "perjanjian-kinerja"]);

function parseArgs(argv: string[]): Args {
  const [command, ...rest] = argv;
  if (!command) throw new UsageError("");
  if (!FLAGS[command]) throw new UsageError(`unknown command "${command}"`);
  const args: Args = { command, files: [], json: false, allowLoss: false, pairs: [], fill: { ...DEFAULT_FILL }, generate: { phasing: "auto", perubahan: false, tables: {} } };
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (!a.startsWith("-")) {
      args.files.push(a);
      continue;
    }
    if (!FLAGS[command].includes(a)) throw new UsageError(`unknown option ${a} for ${command}`);
    if (a === "--json") args.json = true;
    else if (a === "--overwrite") args.fill.overwrite = true;
    else if (a === "--convert-text") args.fill.convertText = true; // the default; kept for scripts that pass it
    else if (a === "--keep-text") args.fill.convertText = false;
    else if (a === "--perubahan") args.generate.perubahan = true;
    else if (a === "--allow-loss") args.allowLoss = true;
    else {
      const v = rest[++i];
      if (v === undefined || v.startsWith("-")) throw new UsageError(`${a} needs a value`);
      if (a === "-o" || a === "--output") args.output = v;
      else if (a === "--pair") args.pairs.push(v);
      else if (a === "--lang") {
        if (v !== "id" && v !== "en") throw new UsageError(`--lang must be one of id, en (got "${v}")`);
        args.lang = v;
      }
      else if (a === "--profile") args.generate.profile = v;
      else if (a === "--pk" || a === "--budget" || a === "--quarterly") args.generate.tables[a.slice(2) as "pk" | "budget" | "quarterly"] = v === "none" ? null : v;
      else if (a === "--year") {
        if (!/^20\d\d$/.test(v)) throw new UsageError(`--year takes a year such as 2024 (got "${v}")`);
        args.generate.year = parseInt(v, 10);
      } else if (a === "--cap" || a === "--floor") {
        const n = Number(v.replace(",", "."));
        if (!Number.isFinite(n)) throw new UsageError(`${a} takes a percentage such as 120 (got "${v}")`);
        args.fill.limits = { ...args.fill.limits, [a === "--cap" ? "cap" : "floor"]: n };
      } else if (a === "--scale" && /\.json$/i.test(v)) {
        args.scaleFile = v;
        args.fill.scale = "custom";
      } else {
        const allowed = CHOICES[a as keyof typeof CHOICES] as readonly string[];
        if (!allowed.includes(v)) throw new UsageError(`${a} must be one of ${allowed.join(", ")} (got "${v}")`);
        if (a === "--negative") args.fill.negative = v as FillOptions["negative"];
        if (a === "--scale") args.fill.scale = v as FillOptions["scale"];
        if (a === "--efficiency") args.fill.efficiency = v as FillOptions["efficiency"];
        if (a === "--phasing") args.generate.phasing = v as GenerateArgs["phasing"];
      }
    }
  }
  if (args.files.length !== 1) throw new UsageError(`${command} takes exactly one .xlsx file (got ${args.files.length})`);
  if (WRITES_COPY.has(command)) {
    if (!args.output) throw new UsageError(`${command} needs -o <out.xlsx> (the input file is never written)`);
  }
  if (command === "perjanjian-kinerja" && !args.generate.profile) throw new UsageError("perjanjian-kinerja needs --profile profile.json (agency, officials, place and date; see examples/profile.json)");
  return args;
}

/** A JSON file named on the command line, or what is wrong with it. */
function readJsonFile(file: string): { json: unknown } | { problem: string } {
  try {
    return { json: JSON.parse(fs.readFileSync(file, "utf8")) };
  } catch (e) {
    return { problem: (e as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : `not valid JSON (${(e as Error).message})` };
  }
}

/** Reads --profile: a missing file or bad JSON is a problem like a missing field. */
function loadProfile(file: string): { profile: PkProfile; problems: string[] } {
  const read = readJsonFile(file);
  return "problem" in read ? { profile: readProfile({}).profile, problems: [read.problem] } : readProfile(read.json, path.basename(file));
}

/** Reads `--scale bands.json` into the options; returns what is wrong with it, if anything. */
function loadCustomScale(args: Args): string | null {
  const read = readJsonFile(args.scaleFile!);
  if ("problem" in read) return read.problem;
  const { scale, problems } = customScale(read.json);
  if (!scale) return problems.join("; ");
  args.fill.customScale = scale;
  return null;
}

/** A progress bar on stderr, shown only when a run has taken more than a second. */
function progress(io: Io) {
  const started = Date.now();
  let shown = false;
  return {
    step(label: string, done: number, total: number) {
      if (!io.tty || Date.now() - started < 1000) return;
      shown = true;
      const width = 30;
      const filled = total ? Math.round((done / total) * width) : width;
      io.err(`\r${label.padEnd(12)} [${"#".repeat(filled)}${" ".repeat(width - filled)}] ${done}/${total}`);
    },
    end() {
      if (shown) io.err("\n");
    },
  };
}

export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  if (argv.includes("--help") || argv.includes("-h")) {
    io.out(USAGE + "\n");
    return EXIT.ok;
  }
  let args: Args;
  try {
    args = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(e.message ? `lkip: ${e.message}\n${USAGE}\n` : `${USAGE}\n`);
      return EXIT.usage;
    }
    throw e;
  }
  if (args.scaleFile) {
    const problems = loadCustomScale(args);
    if (problems) {
      io.err(`lkip: --scale ${args.scaleFile}: ${problems}\n`);
      return EXIT.usage;
    }
  }
  let profile: PkProfile | undefined;
  if (args.generate.profile) {
    const read = loadProfile(args.generate.profile);
    if (read.problems.length) {
      io.err(`lkip: --profile ${args.generate.profile}: ${read.problems.join("; ")}\n`);
      return EXIT.usage;
    }
    profile = read.profile;
  }
  const file = args.files[0];
  const lang = languageFrom(args.lang, io.env ?? {});
  const problem = (m: Message) => {
    io.err(`lkip: ${phrase(m, lang)}\n`);
    return EXIT.unreadable;
  };
  let pkg: XlsxPackage;
  try {
    pkg = await XlsxPackage.open(file);
    if (args.output) {
      const wrong = checkOutput(args.output, file);
      if (wrong) return problem(wrong);
    }
    return await run(args, pkg, io, profile);
  } catch (e) {
    if (e instanceof FileProblem) return problem(e.problem);
    if (!args.output) throw e;
    // Anything else while writing: one line; the temporary copy is gone and an existing output untouched.
    io.err(`lkip: ${phrase(message("output-write-failed", { file: args.output, reason: (e as Error).message ?? String(e) }), lang)}\n`);
    return EXIT.failed;
  }
}

/** What a writing command does to the copy, and what it says afterwards. */
interface CopyWork {
  replaced: string[];
  change: (editor: WorkbookEditor) => Promise<void>;
  report: () => string;
}

/** The command on an opened workbook. */
async function run(args: Args, pkg: XlsxPackage, io: Io, profile: PkProfile | undefined): Promise<number> {
  const bar = progress(io);
  // Reading and recognising happen in their own function: the snapshot is free to go before writing.
  const work = await understand(args, pkg, io, bar, profile);
  if (typeof work === "number") return work;
  await writeCopy(pkg, args.output!, args.allowLoss, work.replaced, work.change);
  bar.end();
  io.out(work.report());
  return EXIT.ok;
}

async function understand(args: Args, pkg: XlsxPackage, io: Io, bar: ReturnType<typeof progress>, profile: PkProfile | undefined): Promise<CopyWork | number> {
  const file = args.files[0];
  const snapshot = await snapshotFromPackage(pkg);
  bar.step("recognising", 0, 1);
  const analysis = recogniseWorkbook(snapshot);
  analysis.file = file;
  const lang = languageFrom(args.lang, io.env ?? {});
  if (args.command === "analyze") {
    bar.end();
    if (args.json) io.out(JSON.stringify(analysisToJson(analysis, lang), null, 2) + "\n");
    else io.out(summary(analysis));
    return EXIT.ok;
  }
  const pairs = resolvePairs(analysis, args.pairs);
  if (typeof pairs === "string") {
    bar.end();
    io.err(`lkip: ${pairs}\n`);
    return EXIT.usage;
  }
  // What is written into the workbook (legend, notes, headers, generated sheets) is in the chosen language too.
  const fill: FillOptions = { ...args.fill, pairs, phrase: phraser(lang) };
  if (args.command === "audit") {
    const findings = auditWorkbook(snapshot, analysis, fill);
    bar.end();
    if (args.json) io.out(JSON.stringify({ file, findings: findings.map((f) => findingJson(f, lang)) }, null, 2) + "\n");
    else io.out(auditSummary(file, findings, lang));
    return EXIT.ok;
  }
  if (args.command === "rencana-aksi" || args.command === "perjanjian-kinerja") {
    const result = generateSheet(args.command, snapshot, analysis, { ...args.generate, negative: args.fill.negative }, lang, profile);
    if ("error" in result) {
      bar.end();
      io.err(`lkip: ${result.error}\n`);
      return EXIT.usage;
    }
    bar.step("writing", 1, 1);
    const { spec, json, summary: said } = result;
    const text = args.json ? JSON.stringify(json, null, 2) + "\n" : `${file} → ${args.output}\n${said}`;
    return { replaced: spec.replaces ? [spec.name] : [], change: (editor) => editor.addSheet(spec), report: () => text };
  }
  const plan = planWorkbook(snapshot, analysis, fill);
  const replaced = plan.legend && pkg.sheets.some((s) => s.name.toLowerCase() === plan.legend!.sheet.toLowerCase()) ? [plan.legend.sheet] : [];
  const output = args.output!;
  const json = args.json;
  return {
    replaced,
    change: (editor) => editor.applyPlan(plan, (done, total) => bar.step("writing", done, total)),
    report: () => (json ? JSON.stringify(fillJson(plan, lang), null, 2) + "\n" : fillSummary(file, output, plan, lang)),
  };
}

/**
 * `--pair "Sheet!G=F/E"`: the computed column G (or, for one still to be appended, its realisasi column)
 * with F its numerator and E its denominator, keyed as the plan reads choices (`pairKey`). Returns what is
 * wrong when a value does not name a computed column of the workbook.
 */
export function resolvePairs(analysis: WorkbookAnalysis, values: string[]): Record<string, { numerator: number; denominator: number }> | string {
  const out: Record<string, { numerator: number; denominator: number }> = {};
  for (const v of values) {
    const m = /^(?:'((?:[^']|'')+)'|([^!]+))!\$?([A-Z]{1,3})\s*=\s*\$?([A-Z]{1,3})\s*\/\s*\$?([A-Z]{1,3})$/i.exec(v.trim());
    if (!m) return `--pair ${v}: write it as "Sheet!G=F/E" (computed column = realisasi / target)`;
    const sheet = (m[1] ?? m[2]).replace(/''/g, "'");
    const [col, numerator, denominator] = [m[3], m[4], m[5]].map((x) => columnIndex(x.toUpperCase()));
    const tables = analysis.sheets.find((s) => s.name === sheet)?.tables ?? [];
    const pairing = tables.flatMap((t) => t.pairings).find((p) => p.output === col) ?? tables.flatMap((t) => t.pairings).find((p) => p.output === null && p.numerator === col);
    if (!pairing) {
      const known = tables.flatMap((t) => t.pairings).map((p) => `${columnLetter(p.output ?? p.numerator)} (${p.measure})`);
      return `--pair ${v}: no computed column ${m[3].toUpperCase()} on sheet "${sheet}"${known.length ? ` (computed columns there: ${known.join(", ")})` : ""}`;
    }
    out[pairKey(sheet, pairing.measure, col)] = { numerator, denominator };
  }
  return out;
}

export function fillJson(plan: WritePlan, lang: Lang = "id") {
  const say = (m: Parameters<typeof phrase>[0]) => phrase(m, lang);
  return {
    writes: plan.writes.filter((w) => w.formula).map((w) => ({ sheet: w.sheet, cell: w.cell, role: w.role, formula: w.formula, value: w.value })),
    appended: plan.appended.map((a) => ({ sheet: a.sheet, table: a.table, column: a.column, role: a.role, header: a.header })),
    skipped: plan.skipped.map((s) => ({ sheet: s.sheet, cell: s.cell, role: s.role ?? null, reason: say(s.reason), code: s.reason.code })),
    current: plan.current.map((c) => ({ sheet: c.sheet, cell: c.cell })),
    empty: plan.empty.map((e) => ({ sheet: e.sheet, cell: e.cell, role: e.role, reason: say(e.reason), code: e.reason.code })),
    converted: plan.textNumbers.filter((c) => c.applied).map((c) => ({ sheet: c.sheet, cell: c.cell, text: c.text, value: c.value })),
    textNumbers: plan.textNumbers.map((c) => ({ sheet: c.sheet, cell: c.cell, text: c.text, value: c.value, converted: c.applied })),
    reconciled: plan.reconciled.map((r) => ({ sheet: r.sheet, cell: r.cell, scaled: r.scaled, other: r.other, reason: say(r.reason) })),
    legend: plan.legend?.sheet ?? null,
    methods: plan.methods.map((m) => ({ id: m.id, method: say(m.label), formula: say(m.words), source: say(m.source), cells: m.count })),
  };
}

/** The CLI's own framing words (the messages themselves come from src/i18n). */
const WORDS = {
  id: {
    formulas: (n: number, roles: string) => `${n} rumus: ${roles || "tidak ada"}`,
    appended: (at: string, header: string, table: string) => `  kolom baru ${at} "${header}" pada ${table}`,
    converted: (n: number) => `${n} angka yang tersimpan sebagai teks diubah menjadi angka di salinan (tampilannya tetap; daftar lengkap dengan --json):`,
    kept: (n: number) => `${n} angka tersimpan sebagai teks dibiarkan (--keep-text); rumus yang membacanya kosong:`,
    reconciled: (n: number) => `${n} pasangan operand dengan satuan persen berbeda, diselaraskan di dalam rumus:`,
    empty: (n: number) => `${n} rumus dengan hasil kosong, masing-masing dengan alasannya (juga sebagai catatan di selnya):`,
    skipped: (n: number) => `${n} sel dilewati:`,
    current: (n: number) => `${n} sel sudah berisi rumus yang sama dari add-in (tidak diubah)`,
    more: (n: number) => `  … ${n} lagi (gunakan --json)`,
    legend: (sheet: string) => `metode dan pilihan per indikator dicatat di lembar "${sheet}"`,
    findings: (file: string, n: number) => `${file}: ${n} temuan`,
    typed: "diketik",
    expected: "seharusnya",
    also: "bandingkan",
  },
  en: {
    formulas: (n: number, roles: string) => `${n} formula(s): ${roles || "none"}`,
    appended: (at: string, header: string, table: string) => `  appended ${at} "${header}" to ${table}`,
    converted: (n: number) => `${n} number(s) stored as text converted into numbers in the copy (shown as before; full list with --json):`,
    kept: (n: number) => `${n} number(s) stored as text left as text (--keep-text); the formulas reading them are empty:`,
    reconciled: (n: number) => `${n} operand pair(s) in different percent units, reconciled inside the formula:`,
    empty: (n: number) => `${n} formula(s) with an empty result, each with its reason (also as a note on its cell):`,
    skipped: (n: number) => `${n} cell(s) skipped:`,
    current: (n: number) => `${n} cell(s) already hold the same formula from the add-in (left as they are)`,
    more: (n: number) => `  … ${n} more (use --json)`,
    legend: (sheet: string) => `methods and per-indicator choices are listed on the sheet "${sheet}"`,
    findings: (file: string, n: number) => `${file}: ${n} finding(s)`,
    typed: "typed",
    expected: "expected",
    also: "compare",
  },
};

const SHOWN = 50;

function fillSummary(input: string, output: string, plan: WritePlan, lang: Lang): string {
  const w = WORDS[lang];
  const say = (m: Parameters<typeof phrase>[0]) => phrase(m, lang);
  const { formulas, byRole } = summarisePlan(plan);
  const lines = [`${input} → ${output}`, w.formulas(formulas, byRole.map(([r, n]) => `${n} ${r}`).join(", "))];
  for (const a of plan.appended) lines.push(w.appended(`${a.sheet}!${a.column}`, a.header, a.table));
  if (plan.current.length) lines.push(w.current(plan.current.length));
  const list = <T>(items: T[], head: (n: number) => string, line: (x: T) => string, shown = SHOWN) => {
    if (!items.length) return;
    lines.push(head(items.length));
    for (const x of items.slice(0, shown)) lines.push(`  ${line(x)}`);
    if (items.length > shown) lines.push(w.more(items.length - shown));
  };
  const converted = plan.textNumbers.filter((c) => c.applied);
  list(converted, w.converted, (c) => `${c.sheet}!${c.cell} "${c.text}" → ${c.value}`, 10);
  list(plan.textNumbers.filter((c) => !c.applied), w.kept, (c) => `${c.sheet}!${c.cell} "${c.text}"`);
  list(plan.reconciled, w.reconciled, (r) => `${r.sheet}!${r.cell}: ${say(r.reason)}`, 10);
  list(plan.empty, w.empty, (e) => `${e.sheet}!${e.cell} ${e.role}: ${say(e.reason)}`);
  list(plan.skipped, w.skipped, (s) => `${s.sheet}!${s.cell}: ${say(s.reason)}`);
  if (plan.legend) lines.push(w.legend(plan.legend.sheet));
  return lines.join("\n") + "\n";
}

/** A finding as `lkip audit --json` prints it: its detail phrased, with its table, indicator and the other cell. */
export function findingJson(f: Finding, lang: Lang = "id") {
  return {
    sheet: f.sheet,
    cell: f.cell,
    role: f.role,
    typed: f.typed,
    expected: f.expected,
    reason: f.reason,
    detail: phrase(f.detail, lang),
    table: f.table,
    tableRange: f.tableRange,
    indicator: f.indicator,
    ...(f.other ? { other: f.other } : {}),
  };
}

function auditSummary(file: string, findings: Finding[], lang: Lang): string {
  const w = WORDS[lang];
  const lines = [w.findings(file, findings.length)];
  for (const f of findings) {
    const where = [f.table, f.indicator ? `"${f.indicator.slice(0, 60)}"` : null].filter(Boolean).join(" · ");
    lines.push(`  ${f.sheet}!${f.cell} [${f.reason}] ${where}: ${w.typed} ${f.typed ?? "—"}, ${w.expected} ${f.expected ?? "—"} — ${phrase(f.detail, lang)}`);
  }
  return lines.join("\n") + "\n";
}

const KEY_ROLES = new Set(["indikator", "nomenklatur", "program", "kegiatan", "subkegiatan", "target", "realisasi", "capaian", "predikat", "pagu", "realisasi_anggaran", "serapan", "efisiensi", "target_akhir", "pembanding"]);

export function summary(analysis: WorkbookAnalysis): string {
  const lines: string[] = [`${analysis.file ?? "workbook"}`];
  let count = 0;
  for (const sheet of analysis.sheets) {
    lines.push(`\nSheet "${sheet.name}": ${sheet.tables.length} table(s)`);
    for (const t of sheet.tables) {
      count++;
      lines.push(`  ${t.caption ?? "(no caption)"}${t.title ? " — " + t.title : ""}`);
      lines.push(`    range ${tableRange(t)}, family ${t.family} (${t.familyReason})${t.form ? `, form ${t.form.id}` : ""}`);
      lines.push(`    header rows ${t.header.top + 1}-${t.header.bottom + 1}${t.numberRow !== null ? `, column numbers in row ${t.numberRow + 1}` : ""}${t.unitRow !== null ? `, units in row ${t.unitRow + 1}` : ""}, body rows ${t.body.top + 1}-${t.body.bottom + 1}`);
      const cols = t.columns.map((c) => `${columnLetter(c.col)}=${c.role}${c.year ? "@" + c.year : ""}${c.period ? "/" + c.period : ""}${c.measure ? "[" + c.measure + "]" : ""}`);
      lines.push(`    columns: ${cols.join("  ")}`);
      const lower = t.rows.filter((r) => r.polarity && r.polarity !== "higher-better");
      for (const r of lower) lines.push(`    row ${r.row + 1}: ${r.polarity} — ${r.polarityReason ? phrase(r.polarityReason, "en") : ""}`);
      for (const rel of t.relations) lines.push(`    column ${columnLetter(rel.col)} stated as "${rel.text}" = ${rel.expression}`);
      for (const p of t.pairings) lines.push(`    ${p.measure}${p.output !== null ? " " + columnLetter(p.output) : " (new)"} = ${columnLetter(p.numerator)}/${columnLetter(p.denominator)}: ${p.status} (${p.confidence})`);
      for (const w of t.warnings) lines.push(`    ! ${phrase(w, "en")}`);
      if (!t.columns.some((c) => KEY_ROLES.has(c.role))) lines.push("    (no performance or budget columns)");
    }
  }
  lines.push(`\n${count} table(s) in ${analysis.sheets.length} sheet(s)`);
  return lines.join("\n") + "\n";
}
