/**
 * The JSON shape of an analysis (what `lkip analyze --json` prints and the task pane lists).
 */
import { WorkbookAnalysis } from "./recognise";

export function analysisToJson(analysis: WorkbookAnalysis) {
  return {
    file: analysis.file ?? null,
    sheets: analysis.sheets.map((s) => ({
      name: s.name,
      tables: s.tables.map((t) => ({
        caption: t.caption,
        title: t.title,
        family: t.family,
        familyReason: t.familyReason,
        range: t.range,
        header: t.header,
        columnNumberRow: t.columnNumberRow,
        columnRelations: t.columnRelations,
        body: t.body,
        columns: t.columns.map((c) => ({
          column: c.column,
          header: c.header,
          role: c.role,
          year: c.year,
          period: c.period,
          measure: c.measure,
          evidence: c.evidence,
          ...(c.numerals ? { numerals: c.numerals } : {}),
        })),
        rows: t.rows.map((r) => ({
          row: r.row,
          kind: r.kind,
          level: r.level,
          polarity: r.polarity ?? null,
          polarityReason: r.polarityReason ?? null,
          polarityConfidence: r.polarityConfidence ?? null,
          evidence: r.evidence,
        })),
        warnings: t.warnings,
      })),
    })),
  };
}
