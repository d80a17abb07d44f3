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
import { columnLetter } from "../core/grid";
import { customScale } from "../core/formulas";
import { DEFAULT_FILL, FillOptions, planWorkbook, summarisePlan, WritePlan } from "../core/writePlan";
import { auditWorkbook, Finding } from "../core/audit";
import { FileProblem, XlsxPackage } from "../xlsx/package";
import { snapshotFromPackage } from "../xlsx/packageRead";
import { message, Message } from "../core/messages";
import { languageFrom, phrase } from "../i18n";
import { checkOutput } from "./files";
import { writeCopy } from "./output";
import type { WorkbookEditor } from "../xlsx/packageWrite";
import { readProfile, PkProfile } from "../core/profile";
import { generateSheet, GenerateArgs } from "./generate";

export const EXIT = { ok: 0, failed: 1, usage: 2, unreadable: 3 } as const;

const USAGE = `Usage:
  lkip analyze <file.xlsx> [--json]
  lkip fill <in.xlsx> -o <out.xlsx> [--negative A|B|C] [--scale permendagri86|tercapai|sakip|none|bands.json]
            [--efficiency sederhana|pmk214|none] [--cap 120] [--floor 0] [--overwrite] [--convert-text] [--json]
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
  --convert-text  convert numbers stored as text (and percents typed in the other unit) into numbers
  --allow-loss    write the copy even if a part of the workbook cannot be carried into it (named first)
  --lang id|en    language of messages about files (default: from LANG, else Indonesian)
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
  fill: FillOptions;
  /** A custom predikat scale's JSON file (`--scale bands.json`). */
  scaleFile?: string;
  /** rencana-aksi / perjanjian-kinerja */
  generate: GenerateArgs;
}

const CHOICES = { "--negative": ["A", "B", "C"], "--scale": ["permendagri86", "tercapai", "sakip", "none"], "--efficiency": ["sederhana", "pmk214", "none"], "--phasing": ["auto", "ramp", "split", "akhir", "flat"] } as const;
const FLAGS: Record<string, string[]> = {
  analyze: ["--json", "--lang"],
  fill: ["--json", "--lang", "--allow-loss", "--overwrite", "--convert-text", "-o", "--output", "--negative", "--scale", "--efficiency", "--cap", "--floor"],
  audit: ["--json", "--lang", "--negative", "--scale", "--efficiency"],
  "rencana-aksi": ["--json", "--lang", "--allow-loss", "-o", "--output", "--year", "--phasing", "--negative", "--profile", "--pk", "--budget", "--quarterly"],
  "perjanjian-kinerja": ["--json", "--lang", "--allow-loss", "-o", "--output", "--year", "--profile", "--perubahan", "--pk", "--budget"],
};
const WRITES_COPY = new Set(["fill", "rencana-aksi", "perjanjian-kinerja"]);

function parseArgs(argv: string[]): Args {
  const [command, ...rest] = argv;
  if (!command) throw new UsageError("");
  if (!FLAGS[command]) throw new UsageError(`unknown command "${command}"`);
  const args: Args = { command, files: [], json: false, allowLoss: false, fill: { ...DEFAULT_FILL }, generate: { phasing: "auto", perubahan: false, tables: {} } };
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (!a.startsWith("-")) {
      args.files.push(a);
      continue;
    }
    if (!FLAGS[command].includes(a)) throw new UsageError(`unknown option ${a} for ${command}`);
    if (a === "--json") args.json = true;
    else if (a === "--overwrite") args.fill.overwrite = true;
    else if (a === "--convert-text") args.fill.convertText = true;
    else if (a === "--perubahan") args.generate.perubahan = true;
    else if (a === "--allow-loss") args.allowLoss = true;
    else {
      const v = rest[++i];
      if (v === undefined || v.startsWith("-")) throw new UsageError(`${a} needs a value`);
      if (a === "-o" || a === "--output") args.output = v;
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
  if (args.command === "analyze") {
    bar.end();
    if (args.json) io.out(JSON.stringify(analysisToJson(analysis, languageFrom(args.lang, io.env ?? {})), null, 2) + "\n");
    else io.out(summary(analysis));
    return EXIT.ok;
  }
  if (args.command === "audit") {
    const findings = auditWorkbook(snapshot, analysis, args.fill);
    bar.end();
    if (args.json) io.out(JSON.stringify({ file, findings: findings.map(({ sheet, cell, role, typed, expected, reason, detail }) => ({ sheet, cell, role, typed, expected, reason, detail })) }, null, 2) + "\n");
    else io.out(auditSummary(file, findings));
    return EXIT.ok;
  }
  if (args.command === "rencana-aksi" || args.command === "perjanjian-kinerja") {
    const result = generateSheet(args.command, snapshot, analysis, { ...args.generate, negative: args.fill.negative }, profile);
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
  const plan = planWorkbook(snapshot, analysis, args.fill);
  const replaced = plan.legend && pkg.sheets.some((s) => s.name.toLowerCase() === plan.legend!.sheet.toLowerCase()) ? [plan.legend.sheet] : [];
  const output = args.output!;
  const json = args.json;
  return {
    replaced,
    change: (editor) => editor.applyPlan(plan, (done, total) => bar.step("writing", done, total)),
    report: () => (json ? JSON.stringify(fillJson(plan), null, 2) + "\n" : fillSummary(file, output, plan)),
  };
}

export function fillJson(plan: WritePlan) {
  return {
    writes: plan.writes.filter((w) => w.formula).map((w) => ({ sheet: w.sheet, cell: w.cell, role: w.role, formula: w.formula, value: w.value })),
    appended: plan.appended.map((a) => ({ sheet: a.sheet, table: a.table, column: a.column, role: a.role, header: a.header })),
    skipped: plan.skipped.map((s) => ({ sheet: s.sheet, cell: s.cell, role: s.role ?? null, reason: s.reason })),
    converted: plan.convertText ? plan.textNumbers.map((c) => ({ sheet: c.sheet, cell: c.cell, text: c.text, value: c.value, reason: c.reason })) : [],
    textNumbers: plan.convertText ? [] : plan.textNumbers.map((c) => ({ sheet: c.sheet, cell: c.cell, text: c.text, reason: c.reason })),
    legend: plan.legend?.sheet ?? null,
    methods: plan.methods.map((m) => ({ method: m.label, formula: m.words, source: m.source, cells: m.count })),
  };
}

function fillSummary(input: string, output: string, plan: WritePlan): string {
  const { formulas, byRole } = summarisePlan(plan);
  const lines = [`${input} → ${output}`, `${formulas} formula(s): ${byRole.map(([r, n]) => `${n} ${r}`).join(", ") || "none"}`];
  for (const a of plan.appended) lines.push(`  appended ${a.sheet}!${a.column} "${a.header}" to ${a.table}`);
  if (plan.textNumbers.length)
    lines.push(plan.convertText ? `${plan.textNumbers.length} number(s) stored as text or in the other percent unit converted` : `${plan.textNumbers.length} input(s) hold numbers as text or percents in the other unit: their formulas stay empty until you rerun with --convert-text`);
  if (plan.skipped.length) lines.push(`${plan.skipped.length} cell(s) skipped:`);
  for (const s of plan.skipped.slice(0, 50)) lines.push(`  ${s.sheet}!${s.cell}: ${s.reason}`);
  if (plan.skipped.length > 50) lines.push(`  … ${plan.skipped.length - 50} more (use --json)`);
  if (plan.legend) lines.push(`methods and per-indicator choices are listed on the sheet "${plan.legend.sheet}"`);
  return lines.join("\n") + "\n";
}

function auditSummary(file: string, findings: Finding[]): string {
  const lines = [`${file}: ${findings.length} finding(s)`];
  for (const f of findings) lines.push(`  ${f.sheet}!${f.cell} [${f.reason}] ${f.role}: typed ${f.typed ?? "—"}, expected ${f.expected ?? "—"} — ${f.detail}`);
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
