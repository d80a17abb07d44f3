/**
 * `lkip rencana-aksi` and `lkip perjanjian-kinerja`: build the sheet in the core (the caller writes it into
 * the package), and say what was used, what was assumed and what is missing.
 */
import type { NegativeMethod } from "../core/formulas";
import type { WorkbookSnapshot } from "../core/grid";
import { perjanjianKinerjaSheet } from "../core/perjanjianKinerja";
import type { PkProfile } from "../core/profile";
import { tableRange, WorkbookAnalysis } from "../core/recognise";
import { Phasing, PHASING_CODES, rencanaAksiSheet } from "../core/rencanaAksi";
import { message } from "../core/messages";
import { Lang, phrase, phraser } from "../i18n";
import { CLI_STRINGS } from "../i18n/cli";
import type { SheetSpec } from "../core/sheetSpec";
import { Sources, tableId, unknownTables } from "../core/sources";

export interface GenerateArgs {
  year?: number;
  phasing: Phasing | "auto";
  profile?: string;
  perubahan: boolean;
  negative?: NegativeMethod;
  /** Source tables named on the command line ("sheet!range", or null for none). */
  tables: { pk?: string | null; budget?: string | null; quarterly?: string | null };
}

function sourcesJson(s: Sources) {
  return {
    pk: s.pk.table ? tableId(s.pk.table) : null,
    budget: s.budget.table ? tableId(s.budget.table) : null,
    quarterly: s.quarterly.table ? tableId(s.quarterly.table) : null,
    year: s.year,
  };
}
/** What a generated sheet was built from, in the chosen language; the generator's notes after it. */
const describe = (spec: SheetSpec, s: Sources, lang: Lang) => {
  const w = CLI_STRINGS[lang];
  const pk = s.pk.table ? w.pkSource(s.pk.table.caption ?? tableRange(s.pk.table), s.pk.table.sheet, s.pk.rows.length, s.pk.targetYear ?? null) : w.noPk;
  const budget = s.budget.table ? w.budgetSource(s.budget.table.caption ?? tableRange(s.budget.table), s.budget.table.sheet, s.budget.rows.length) : w.noBudget;
  return [w.generatedSheet(spec.name, Boolean(spec.replaces)), w.sources(pk, budget), ...spec.notes.map((n) => `! ${phrase(n, lang)}`)];
};

/** A named table must be one the scan found: otherwise say which ones there are. */
function checkTables(analysis: WorkbookAnalysis, tables: GenerateArgs["tables"], lang: Lang): string | null {
  const unknown = unknownTables(analysis, tables)[0];
  if (!unknown) return null;
  const ids = analysis.sheets.flatMap((s) => s.tables.map(tableId));
  return CLI_STRINGS[lang].tableUnknown(unknown.which, unknown.id, ids.slice(0, 12), ids.length > 12);
}

export function generateSheet(command: string, snapshot: WorkbookSnapshot, analysis: WorkbookAnalysis, args: GenerateArgs, lang: Lang, profile?: PkProfile): { json: unknown; summary: string; spec: SheetSpec } | { error: string } {
  const wrong = checkTables(analysis, args.tables, lang);
  if (wrong) return { error: wrong };
  if (command === "rencana-aksi") {
    // The Rencana Aksi follows the latest PK (the Perubahan one when the workbook has both).
    const { spec, sources, phasings } = rencanaAksiSheet(snapshot, analysis, { ...args.tables, year: args.year, phasing: args.phasing, negative: args.negative, instansi: profile?.instansi, phrase: phraser(lang) });
    const lines = describe(spec, sources, lang);
    for (const p of phasings) lines.push(`  ${p.indicator.indikator.slice(0, 60)}: ${phrase(message(PHASING_CODES[p.phasing]), lang)} — ${phrase(p.reason, lang)}`);
    return {
      spec,
      summary: lines.join("\n") + "\n",
      json: {
        sheet: spec.name,
        replaces: spec.replaces,
        sources: sourcesJson(sources),
        indicators: phasings.map((p) => ({ sasaran: p.indicator.sasaran, indikator: p.indicator.indikator, satuan: p.indicator.satuan, phasing: p.phasing, reason: phrase(p.reason, lang) })),
        budgetRows: sources.budget.rows.length,
        quarterlyRows: sources.quarterly.matched,
        missing: spec.notes.map((n) => phrase(n, lang)),
      },
    };
  }
  const { spec, sources, programs, outline } = perjanjianKinerjaSheet(snapshot, analysis, profile!, { pk: args.tables.pk, budget: args.tables.budget, year: args.year, perubahan: args.perubahan, phrase: phraser(lang) });
  return {
    spec,
    summary: [...describe(spec, sources, lang), CLI_STRINGS[lang].programs(outline.programs, outline.total)].join("\n") + "\n",
    json: {
      sheet: spec.name,
      replaces: spec.replaces,
      sources: sourcesJson(sources),
      indicators: sources.pk.rows.map((r) => ({ sasaran: r.sasaran, indikator: r.indikator, satuan: r.satuan, target: r.target.numeral.raw })),
      programs: programs.map((p) => ({ name: p.name, pagu: p.pagu ?? null })),
      total: outline.total,
      targetYear: sources.pk.targetYear,
      missing: spec.notes.map((n) => phrase(n, lang)),
    },
  };
}
