/**
 * The `lkip` command. `lkip analyze <file.xlsx> [--json]` lists the recognised tables.
 * Exit codes: 0 success (no tables is a success), 2 bad usage, 3 unreadable or non-xlsx file.
 */
import * as fs from "fs";
import { recogniseWorkbook, WorkbookAnalysis } from "../core/recognise";
import { analysisToJson } from "../core/report";
import { readWorkbookFile, WorkbookReadError } from "../xlsx/readWorkbook";

export const EXIT = { ok: 0, usage: 2, unreadable: 3 } as const;

const USAGE = `Usage: lkip analyze <file.xlsx> [--json]

  analyze   recognise the performance tables (Tabel 3.x) of a workbook
  --json    print the result as JSON on stdout
  --help    show this help`;

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

const defaultIo: Io = { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) };

export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  if (argv.includes("--help") || argv.includes("-h")) {
    io.out(USAGE + "\n");
    return EXIT.ok;
  }
  const [command, ...rest] = argv;
  if (command !== "analyze") {
    io.err(command ? `lkip: unknown command "${command}"\n${USAGE}\n` : `${USAGE}\n`);
    return EXIT.usage;
  }
  const unknown = rest.filter((a) => a.startsWith("-") && a !== "--json");
  const files = rest.filter((a) => !a.startsWith("-"));
  if (unknown.length) {
    io.err(`lkip: unknown option ${unknown[0]}\n${USAGE}\n`);
    return EXIT.usage;
  }
  if (files.length !== 1) {
    io.err(`lkip: analyze takes exactly one .xlsx file (got ${files.length})\n${USAGE}\n`);
    return EXIT.usage;
  }
  const file = files[0];
  if (fs.existsSync(file) && fs.statSync(file).isFile() && !/\.xlsx$|\.xlsm$/i.test(file)) {
    io.err(`lkip: ${file}: not an .xlsx workbook (only .xlsx/.xlsm files can be read)\n`);
    return EXIT.unreadable;
  }
  let analysis: WorkbookAnalysis;
  try {
    analysis = recogniseWorkbook(await readWorkbookFile(file));
  } catch (e) {
    if (e instanceof WorkbookReadError) {
      io.err(`lkip: ${e.file}: ${e.message}\n`);
      return EXIT.unreadable;
    }
    throw e;
  }
  analysis.file = file;
  if (rest.includes("--json")) io.out(JSON.stringify(analysisToJson(analysis), null, 2) + "\n");
  else io.out(summary(analysis));
  return EXIT.ok;
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
      lines.push(`    range ${t.range}, family ${t.family} (${t.familyReason})`);
      lines.push(`    header rows ${t.header.firstRow}-${t.header.lastRow}${t.columnNumberRow ? `, column numbers in row ${t.columnNumberRow}` : ""}, body rows ${t.body.firstRow}-${t.body.lastRow}`);
      const cols = t.columns.map((c) => `${c.column}=${c.role}${c.year ? "@" + c.year : ""}${c.period ? "/" + c.period : ""}${c.measure ? "[" + c.measure + "]" : ""}`);
      lines.push(`    columns: ${cols.join("  ")}`);
      const lower = t.rows.filter((r) => r.polarity && r.polarity !== "higher-better");
      for (const r of lower) lines.push(`    row ${r.row}: ${r.polarity} — ${r.polarityReason}`);
      for (const rel of t.columnRelations) lines.push(`    column ${rel.column} stated as "${rel.text}" = ${rel.expression}`);
      for (const w of t.warnings) lines.push(`    ! ${w}`);
      if (!t.columns.some((c) => KEY_ROLES.has(c.role))) lines.push("    (no performance or budget columns)");
    }
  }
  lines.push(`\n${count} table(s) in ${analysis.sheets.length} sheet(s)`);
  return lines.join("\n") + "\n";
}
