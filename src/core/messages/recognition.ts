/**
 * Codes of the recognition stages (band, body, candidates, resolution, forms, rows) and of polarity.
 * Parameters: `at` a CellRef; `col`, `cols`, `numerator`, `denominator`, `output`, `sibling` 0-based
 * columns; `row`, `rows` 0-based rows; `role`, `measure` role names (src/core/roles.ts).
 */
export const RECOGNITION_CODES = [
  // table warnings
  "header-no-text", // {at, column}
  "column-hidden", // {sheet, col}
  "rows-hidden", // {sheet, rows}
  "duplicate-role", // {sheet, cols, role, year}
  "ambiguous-numeral", // {at, raw, asGrouping, asDecimal}
  "bundled-figures", // {at, raw}
  "relation-mismatch", // {sheet, col, relation, operandRoles}
  "capaian-can-be-added", // {sheet}
  "family-evidence", // {basis (FamilyBasis), n?}
  "pairing-needs-confirmation", // {sheet, measure, output, numerator, denominator, confidence}
  // evidence for a column's role
  "evidence-header-word", // {text, role}
  "evidence-no-role-word", // {header}
  "evidence-no-header", // {}
  "evidence-money-parent", // {role}
  "evidence-rp-measure", // {role}
  "evidence-year", // {year}
  "evidence-period", // {period}
  "evidence-measure", // {measure}
  "evidence-scope", // {scope}
  "evidence-form", // {form, number, role}
  "evidence-money-figures", // {median, role}
  "evidence-percent-figures", // {}
  "evidence-renstra-target", // {year, tableYear}
  "evidence-renstra-ratio", // {}
  "evidence-stated-relation", // {text, expression}
  "evidence-formula-relation", // {text, expression}
  "evidence-operand-of", // {col, role}
  "evidence-reproduced", // {numerator, denominator, matched, total}
  "evidence-ratio-budget-table", // {}
  "evidence-ratio-performance-table", // {}
  "evidence-ratio-after", // {col}
  "evidence-unexplained-percent", // {}
  "evidence-percent-in-triplet", // {}
  "evidence-capaian-value", // {sibling}
  "evidence-numbering-column", // {}
  "evidence-currency-column", // {}
  "evidence-names-not-figures", // {}
  "evidence-rating-words", // {}
  "evidence-tick-band", // {band, parent} — a tick column of an ikhtisar, one per predikat band
  "evidence-several-levels", // {levels}
  "evidence-user-choice", // {detected}
  "evidence-polarity-values", // {matched, total}: the cells state a polarity ("Semakin rendah semakin baik", "(-)")
  "evidence-no-polarity-values", // {}: "Sifat" / "Arah" / "Jenis" over cells that state no polarity
  // evidence for a pairing
  "evidence-pair-by-header", // {numerator, denominator}
  "evidence-pair-ambiguous", // {numerator, denominator}
  "evidence-parallel-columns", // {numerator, denominator}
  "evidence-remaining-pair", // {numerator, denominator}
  "pairing-implausible", // {numerator, denominator, share}
  "pairing-units-differ", // {numerator, denominator}
  // row kinds and levels
  "row-note", "row-blank", "row-repeated-header", "row-column-numbers", "row-units", // {}
  "row-total", // {text}
  "row-section-label", // {text}
  "row-text-across", // {text}
  // {level, cue}: cue "keyword" (the name starts with the level's word), "name-column" (+ role: the name column's role),
  // or a ranking cue "code-depth" | "numbering" | "bold-indent" (+ rank 1-based, depth, aligned: ranks aligned on rows whose name states the level)
  "row-level",
  "row-indicator-under-name", "row-indicator", "row-no-hierarchy", // {}
  // how a column's numerals were read (numerals.reason)
  "numerals-votes", // {id, en}: cells whose separators show the Indonesian / English form unambiguously
  "numerals-no-clue", // {}: no cell shows its separators unambiguously
  "numerals-money-grouping", // {}: a money column with no clue reads a lone separator before three digits as grouping
  // polarity
  "polarity-column", // {text}
  "polarity-categorical-ladder", // {scale}: target/realisasi are rungs of a ladder (the legend's "polarity-categorical" names the polarity)
  "polarity-note", // {quote}
  "polarity-satuan-negative", // {satuan}
  "polarity-keyword-lower", // {keyword}
  "polarity-targets-fall", // {targets}
  "polarity-scored-grade", "polarity-reduction", "polarity-handled-share", "polarity-default", // {}
] as const;
