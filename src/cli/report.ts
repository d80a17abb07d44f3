/**
 * The JSON shape of an analysis (what `lkip analyze --json` prints): the core's 0-based positions become
 * 1-based rows and column letters here, and messages are phrased in the chosen language.
 */
import { columnLetter } from "../core/grid";
import { tableRange, WorkbookAnalysis } from "../core/recognise";
import { Lang, phrase } from "../i18n";

export function analysisToJson(analysis: WorkbookAnalysis, lang: Lang = "id") {
  const say = (m: Parameters<typeof phrase>[0] | null | undefined) => (m ? phrase(m, lang) : null);
  const letter = (c: number | null) => (c === null ? null : columnLetter(c));
  return {
    file: analysis.file ?? null,
    sheets: analysis.sheets.map((s) => ({
      name: s.name,
      tables: s.tables.map((t) => ({
        caption: t.caption,
        title: t.title,
        family: t.family,
        familyReason: phrase(t.familyReason, lang),
        form: t.form,
        range: tableRange(t),
        header: { firstRow: t.header.top + 1, lastRow: t.header.bottom + 1 },
        columnNumberRow: t.numberRow === null ? null : t.numberRow + 1,
        unitRow: t.unitRow === null ? null : t.unitRow + 1,
        columnRelations: t.relations.map((r) => ({ column: columnLetter(r.col), number: r.number, text: r.text, kind: r.kind, expression: r.expression, operands: r.operands.map(columnLetter), source: r.source })),
        body: { firstRow: t.body.top + 1, lastRow: t.body.bottom + 1 },
        columns: t.columns.map((c) => ({
          column: columnLetter(c.col),
          header: c.header,
          role: c.role,
          year: c.year,
          period: c.period,
          measure: c.measure,
          scope: c.scope ?? null,
          number: c.number ?? null,
          confidence: c.confidence,
          evidence: c.evidence.map((m) => phrase(m, lang)).join("; "),
          ...(c.numerals ? { numerals: { ...c.numerals, reason: phrase(c.numerals.reason, lang) } } : {}),
        })),
        pairings: t.pairings.map((p) => ({
          measure: p.measure,
          output: letter(p.output),
          numerator: columnLetter(p.numerator),
          denominator: columnLetter(p.denominator),
          confidence: p.confidence,
          status: p.status,
          evidence: p.evidence.map((m) => phrase(m, lang)),
          alternatives: p.alternatives.map((a) => ({ numerator: columnLetter(a.numerator), denominator: columnLetter(a.denominator), confidence: a.confidence })),
        })),
        rows: t.rows.map((r) => ({
          row: r.row + 1,
          kind: r.kind,
          level: r.level,
          polarity: r.polarity ?? null,
          polarityReason: say(r.polarityReason),
          polarityConfidence: r.polarityConfidence ?? null,
          evidence: say(r.evidence),
        })),
        warnings: t.warnings.map((w) => phrase(w, lang)),
      })),
    })),
  };
}
