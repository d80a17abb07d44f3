/**
 * The `lkip` command:
 *   lkip analyze <file.xlsx> [--json]                 the recognised tables
 *   lkip fill <in.xlsx> -o <out.xlsx> [options]       live formulas written back (never in place)
 *   lkip audit <in.xlsx> [--json]                     hand-typed numbers checked against the rules
 * Exit codes: 0 success (no tables is a success), 2 bad usage, 3 a file problem (unreadable or not an
 * .xlsx input, an unusable output path, a part the copy would lose), 1 a write that failed unexpectedly.
 * Everything it prints is in the user's language (--lang, else LANG; Indonesian by default): its own words
 * from src/i18n/cli.ts, the core's messages through src/i18n.
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
import { message, Message, MessageError } from "../core/messages";
import { formatNumber, Lang, languageFrom, phrase, phraser } from "../i18n";
import { CLI_STRINGS, CliStrings } from "../i18n/cli";
import { familyName, formName, polarityName, reasonName, roleName } from "../i18n/terms";
import { checkOutput } from "./files";
import { writeCopy } from "./output";
import type { WorkbookEditor } from "../xlsx/packageWrite";
import { jsonInvalid, readProfile, PkProfile } from "../core/profile";
import { generateSheet, GenerateArgs } from "./generate";

export const EXIT = { ok: 0, failed: 1, usage: 2, unreadable: 3 } as const;

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

/** The language before the arguments are checked (usage errors are phrased too): a valid --lang, else LANG. */
function earlyLanguage(argv: string[], env: Record<string, string | undefined>): Lang {
  const i = argv.indexOf("--lang");
  return languageFrom(i >= 0 ? argv[i + 1] : undefined, env);
}

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

function parseArgs(argv: string[], w: CliStrings): Args {
  const [command, ...rest] = argv;
  if (!command) throw new UsageError("");
  if (!FLAGS[command]) throw new UsageError(w.unknownCommand(command));
  const args: Args = { command, files: [], json: false, allowLoss: false, pairs: [], fill: { ...DEFAULT_FILL }, generate: { phasing: "auto", perubahan: false, tables: {} } };
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (!a.startsWith("-")) {
      args.files.push(a);
      continue;
    }
    if (!FLAGS[command].includes(a)) throw new UsageError(w.unknownOption(a, command));
    if (a === "--json") args.json = true;
    else if (a === "--overwrite") args.fill.overwrite = true;
    else if (a === "--convert-text") args.fill.convertText = true; // the default; kept for scripts that pass it
    else if (a === "--keep-text") args.fill.convertText = false;
    else if (a === "--perubahan") args.generate.perubahan = true;
    else if (a === "--allow-loss") args.allowLoss = true;
    else {
      const v = rest[++i];
      if (v === undefined || v.startsWith("-")) throw new UsageError(w.needsValue(a));
      if (a === "-o" || a === "--output") args.output = v;
      else if (a === "--pair") args.pairs.push(v);
      else if (a === "--lang") {
        if (v !== "id" && v !== "en") throw new UsageError(w.badChoice(a, ["id", "en"], v));
        args.lang = v;
      }
      else if (a === "--profile") args.generate.profile = v;
      else if (a === "--pk" || a === "--budget" || a === "--quarterly") args.generate.tables[a.slice(2) as "pk" | "budget" | "quarterly"] = v === "none" ? null : v;
      else if (a === "--year") {
        if (!/^20\d\d$/.test(v)) throw new UsageError(w.badYear(v));
        args.generate.year = parseInt(v, 10);
      } else if (a === "--cap" || a === "--floor") {
        const n = Number(v.replace(",", "."));
        if (!Number.isFinite(n)) throw new UsageError(w.badPercent(a, v));
        args.fill.limits = { ...args.fill.limits, [a === "--cap" ? "cap" : "floor"]: n };
      } else if (a === "--scale" && /\.json$/i.test(v)) {
        args.scaleFile = v;
        args.fill.scale = "custom";
      } else {
        const allowed = CHOICES[a as keyof typeof CHOICES] as readonly string[];
        if (!allowed.includes(v)) throw new UsageError(w.badChoice(a, allowed, v));
        if (a === "--negative") args.fill.negative = v as FillOptions["negative"];
        if (a === "--scale") args.fill.scale = v as FillOptions["scale"];
        if (a === "--efficiency") args.fill.efficiency = v as FillOptions["efficiency"];
        if (a === "--phasing") args.generate.phasing = v as GenerateArgs["phasing"];
      }
    }
  }
  if (args.files.length !== 1) throw new UsageError(w.oneFile(command, args.files.length));
  if (WRITES_COPY.has(command)) {
    if (!args.output) throw new UsageError(w.needsOutput(command));
  }
  if (command === "perjanjian-kinerja" && !args.generate.profile) throw new UsageError(w.needsProfile);
  return args;
}

/** A JSON file named on the command line, or what is wrong with it (a message naming the file). */
function readJsonFile(file: string): { json: unknown } | { problem: Message } {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { problem: code === "ENOENT" ? message("file-not-found", { file }) : code === "EISDIR" ? message("file-is-folder", { file }) : message("file-unreadable", { file, reason: code ?? String(e) }) };
  }
  try {
    return { json: JSON.parse(text) };
  } catch (e) {
    return { problem: jsonInvalid(e, text) };
  }
}

/** Reads --profile: a missing file or bad JSON is a problem like a missing field. */
function loadProfile(file: string): { profile: PkProfile; problems: Message[] } {
  const read = readJsonFile(file);
  return "problem" in read ? { profile: readProfile({}).profile, problems: [read.problem] } : readProfile(read.json);
}

/** Reads `--scale bands.json` into the options; returns what is wrong with it, if anything. */
function loadCustomScale(args: Args): Message[] {
  const read = readJsonFile(args.scaleFile!);
  if ("problem" in read) return [read.problem];
  const { scale, problems } = customScale(read.json);
  if (!scale) return problems;
  args.fill.customScale = scale;
  return [];
}

/**
 * Problems of a file named by an option, on one line: "--profile p.json: …; …". A profile field is named
 * as profile.json spells it, before its phrase in words, so it can be found in the file.
 */
function optionProblems(option: string, file: string, problems: Message[], lang: Lang): string {
  const said = problems.map((m) => (typeof m.params.field === "string" ? `"${m.params.field}": ${phrase(m, lang)}` : phrase(m, lang)));
  const named = problems.every((m) => m.params.file === file); // the phrase starts with the file already
  return `lkip: ${option} ${named ? "" : `${file}: `}${said.join("; ")}\n`;
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
  const early = CLI_STRINGS[earlyLanguage(argv, io.env ?? {})];
  if (argv.includes("--help") || argv.includes("-h")) {
    io.out(early.usage + "\n");
    return EXIT.ok;
  }
  let args: Args;
  try {
    args = parseArgs(argv, early);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(e.message ? `lkip: ${e.message}\n${early.usage}\n` : `${early.usage}\n`);
      return EXIT.usage;
    }
    throw e;
  }
  const lang = languageFrom(args.lang, io.env ?? {});
  if (args.scaleFile) {
    const problems = loadCustomScale(args);
    if (problems.length) {
      io.err(optionProblems("--scale", args.scaleFile, problems, lang));
      return EXIT.usage;
    }
  }
  let profile: PkProfile | undefined;
  if (args.generate.profile) {
    const read = loadProfile(args.generate.profile);
    if (read.problems.length) {
      io.err(optionProblems("--profile", args.generate.profile, read.problems, lang));
      return EXIT.usage;
    }
    profile = read.profile;
  }
  const file = args.files[0];
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
    return await run(args, pkg, io, profile, lang);
  } catch (e) {
    if (e instanceof FileProblem) return problem(e.problem);
    if (e instanceof MessageError) {
      io.err(`lkip: ${phrase(e.detail, lang)}\n`);
      return args.output ? EXIT.failed : EXIT.usage;
    }
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
async function run(args: Args, pkg: XlsxPackage, io: Io, profile: PkProfile | undefined, lang: Lang): Promise<number> {
  const bar = progress(io);
  // Reading and recognising happen in their own function: the snapshot is free to go before writing.
  const work = await understand(args, pkg, io, bar, profile, lang);
  if (typeof work === "number") return work;
  await writeCopy(pkg, args.output!, args.allowLoss, work.replaced, work.change);
  bar.end();
  io.out(work.report());
  return EXIT.ok;
}

async function understand(args: Args, pkg: XlsxPackage, io: Io, bar: ReturnType<typeof progress>, profile: PkProfile | undefined, lang: Lang): Promise<CopyWork | number> {
  const file = args.files[0];
  const w = CLI_STRINGS[lang];
  const snapshot = await snapshotFromPackage(pkg);
  bar.step(w.recognising, 0, 1);
  const analysis = recogniseWorkbook(snapshot);
  analysis.file = file;
  if (args.command === "analyze") {
    bar.end();
    if (args.json) io.out(JSON.stringify(analysisToJson(analysis, lang), null, 2) + "\n");
    else io.out(summary(analysis, lang));
    return EXIT.ok;
  }
  const pairs = resolvePairs(analysis, args.pairs, lang);
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
    bar.step(w.writing, 1, 1);
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
    change: (editor) => editor.applyPlan(plan, (done, total) => bar.step(w.writing, done, total)),
    report: () => (json ? JSON.stringify(fillJson(plan, lang), null, 2) + "\n" : fillSummary(file, output, plan, lang)),
  };
}

/**
 * `--pair "Sheet!G=F/E"`: the computed column G (or, for one still to be appended, its realisasi column)
 * with F its numerator and E its denominator, keyed as the plan reads choices (`pairKey`). When several tables
 * of the sheet have a computed column G, a row names the table: `"Sheet!G12=F/E"` (any row of that table).
 * Returns what is wrong when a value does not name one computed column of the workbook.
 */
export function resolvePairs(analysis: WorkbookAnalysis, values: string[], lang: Lang = "id"): Record<string, { numerator: number; denominator: number }> | string {
  const w = CLI_STRINGS[lang];
  const out: Record<string, { numerator: number; denominator: number }> = {};
  for (const v of values) {
    const m = /^(?:'((?:[^']|'')+)'|([^!]+))!\$?([A-Z]{1,3})\$?(\d*)\s*=\s*\$?([A-Z]{1,3})\s*\/\s*\$?([A-Z]{1,3})$/i.exec(v.trim());
    if (!m) return w.pairForm(v);
    const sheet = (m[1] ?? m[2]).replace(/''/g, "'");
    const [col, numerator, denominator] = [m[3], m[5], m[6]].map((x) => columnIndex(x.toUpperCase()));
    const row = m[4] ? parseInt(m[4], 10) - 1 : null;
    const tables = (analysis.sheets.find((s) => s.name === sheet)?.tables ?? []).filter((t) => row === null || (row >= t.area.top && row <= t.area.bottom));
    const pick = (t: (typeof tables)[number]) => t.pairings.find((p) => p.output === col) ?? t.pairings.find((p) => p.output === null && p.numerator === col);
    const found = tables.map((t) => ({ t, p: pick(t) })).filter((x): x is { t: (typeof tables)[number]; p: NonNullable<ReturnType<typeof pick>> } => !!x.p);
    if (!found.length) {
      const known = tables.flatMap((t) => t.pairings).map((p) => `${columnLetter(p.output ?? p.numerator)} (${roleName(p.measure, lang)})`);
      return w.pairUnknown(v, m[3].toUpperCase(), sheet, known);
    }
    if (found.length > 1) return w.pairWhichTable(v, found.map((x) => `${m[3].toUpperCase()}${x.t.body.top + 1} (${x.t.caption ?? tableRange(x.t)})`));
    const { t, p } = found[0];
    out[pairKey(sheet, p.measure, col, t.header.top)] = { numerator, denominator };
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

const SHOWN = 50;

function fillSummary(input: string, output: string, plan: WritePlan, lang: Lang): string {
  const w = CLI_STRINGS[lang];
  const say = (m: Parameters<typeof phrase>[0]) => phrase(m, lang);
  const n = (v: number) => formatNumber(v, lang);
  const { formulas, byRole } = summarisePlan(plan);
  const lines = [`${input} → ${output}`, w.formulas(formulas, byRole.map(([r, k]) => `${n(k)} ${roleName(r, lang)}`).join(", "))];
  for (const a of plan.appended) lines.push(w.appended(`${a.sheet}!${a.column}`, a.header, a.table));
  if (plan.current.length) lines.push(w.current(plan.current.length));
  const list = <T>(items: T[], head: (n: number) => string, line: (x: T) => string, shown = SHOWN) => {
    if (!items.length) return;
    lines.push(head(items.length));
    for (const x of items.slice(0, shown)) lines.push(`  ${line(x)}`);
    if (items.length > shown) lines.push(w.more(items.length - shown));
  };
  const converted = plan.textNumbers.filter((c) => c.applied);
  list(converted, w.converted, (c) => `${c.sheet}!${c.cell} "${c.text}" → ${n(c.value)}`, 10);
  list(plan.textNumbers.filter((c) => !c.applied), w.kept, (c) => `${c.sheet}!${c.cell} "${c.text}"`);
  list(plan.reconciled, w.reconciled, (r) => `${r.sheet}!${r.cell}: ${say(r.reason)}`, 10);
  list(plan.empty, w.empty, (e) => `${e.sheet}!${e.cell} ${roleName(e.role, lang)}: ${say(e.reason)}`);
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
  const w = CLI_STRINGS[lang];
  const value = (v: number | string | null) => (v === null ? "—" : typeof v === "number" ? formatNumber(v, lang) : `"${v}"`);
  const lines = [w.findings(file, findings.length)];
  for (const f of findings) {
    const where = [f.table, f.indicator ? `"${f.indicator.slice(0, 60)}"` : null].filter(Boolean).join(" · ");
    lines.push(`  ${f.sheet}!${f.cell} [${reasonName(f.reason, lang)}] ${where}: ${w.typed} ${value(f.typed)}, ${w.expected} ${value(f.expected)} — ${phrase(f.detail, lang)}`);
  }
  return lines.join("\n") + "\n";
}

const KEY_ROLES = new Set(["indikator", "nomenklatur", "program", "kegiatan", "subkegiatan", "target", "realisasi", "capaian", "predikat", "pagu", "realisasi_anggaran", "serapan", "efisiensi", "target_akhir", "pembanding"]);
const TITLE_SHOWN = 90;

/**
 * `lkip analyze` for people: per table its caption and title, range, kind and header/data rows, its
 * columns by role in words (consecutive columns of one role as a span, unrecognised ones counted), the
 * lower-is-better indicators with the reason, stated column relations, the computed columns and
 * warnings — a few lines per table, in the chosen language.
 */
export function summary(analysis: WorkbookAnalysis, lang: Lang = "id"): string {
  const w = CLI_STRINGS[lang];
  const tables = analysis.sheets.reduce((k, s) => k + s.tables.length, 0);
  const lines: string[] = [`${analysis.file ?? w.workbook}: ${w.tablesIn(tables, analysis.sheets.length)}`];
  for (const sheet of analysis.sheets) {
    lines.push("", w.sheetHead(sheet.name, sheet.tables.length));
    for (const t of sheet.tables) {
      const title = t.title && t.title.length > TITLE_SHOWN ? `${t.title.slice(0, TITLE_SHOWN - 1)}…` : t.title;
      lines.push(`  ${t.caption ?? w.noCaption}${title ? ` — ${title}` : ""}`);
      const rows = [
        w.headerRows(t.header.top + 1, t.header.bottom + 1),
        t.numberRow !== null ? w.numberRow(t.numberRow + 1) : null,
        t.unitRow !== null ? w.unitRow(t.unitRow + 1) : null,
        w.bodyRows(t.body.top + 1, t.body.bottom + 1),
      ];
      lines.push(`    ${[tableRange(t), familyName(t.family, lang), t.form ? w.form(formName(t.form.id, lang)) : null, ...rows].filter(Boolean).join(" · ")}`);
      lines.push(`    ${columnsLine(t.columns, lang)}`);
      for (const r of t.rows) if (r.polarity && r.polarity !== "higher-better") lines.push(`    ${w.polarityRow(r.row + 1, polarityName(r.polarity, lang), r.polarityReason ? phrase(r.polarityReason, lang) : "")}`);
      for (const rel of t.relations) lines.push(`    ${w.relation(columnLetter(rel.col), rel.text, rel.expression)}`);
      for (const p of t.pairings) {
        const formula = `${columnLetter(p.numerator)}/${columnLetter(p.denominator)}`;
        const at = p.output !== null ? `${columnLetter(p.output)} = ${formula}` : `= ${formula}, ${w.newColumn}`;
        lines.push(`    ${roleName(p.measure, lang)} ${at}: ${w.pairing[p.status] ?? p.status} (${w.confidence(p.confidence)})`);
      }
      for (const m of t.warnings) lines.push(`    ! ${phrase(m, lang)}`);
    }
  }
  return lines.join("\n") + "\n";
}

/** "kolom: A Nomor · B–C Sasaran · E Target 2024 · G Pagu anggaran (Rp) (+2 kolom lain)". */
function columnsLine(columns: WorkbookAnalysis["sheets"][number]["tables"][number]["columns"], lang: Lang): string {
  const w = CLI_STRINGS[lang];
  if (!columns.some((c) => KEY_ROLES.has(c.role))) return w.noKeyColumns;
  const named = columns.filter((c) => c.role !== "other");
  const label = (c: (typeof columns)[number]) => [roleName(c.role, lang), c.year, c.period, c.measure ? `(${c.measure})` : null].filter((x) => x !== null && x !== undefined).join(" ");
  const spans: { first: number; last: number; label: string }[] = [];
  for (const c of named) {
    const l = label(c);
    const prev = spans[spans.length - 1];
    if (prev && prev.label === l && prev.last === c.col - 1) prev.last = c.col;
    else spans.push({ first: c.col, last: c.col, label: l });
  }
  const shown = spans.map((s) => `${columnLetter(s.first)}${s.last > s.first ? `–${columnLetter(s.last)}` : ""} ${s.label}`).join(" · ");
  const others = columns.length - named.length;
  return `${w.columns}: ${shown}${others ? ` ${w.otherColumns(others)}` : ""}`;
}
