import * as React from "react";
import { useId, useMemo, useState } from "react";
import { Badge, Button, Checkbox, Field, Select, Switch, Text, makeStyles, tokens } from "@fluentui/react-components";
import { columnKey, rowKey, SavedChoices, withColumnRole, withPair, withPolarity } from "../../core/choices";
import { pairKey } from "../../core/writePlan";
import type { NegativeMethod } from "../../core/formulas";
import { RecognisedTable, SheetAnalysis, tableRange } from "../../core/recognise";
import { columnLetter } from "../../core/grid";
import { COLUMN_ROLES, ColumnRole } from "../../core/roles";
import { tableKey } from "../../core/planScope";
import type { Lang } from "../../i18n";
import { coreText, PaneStrings } from "../../i18n/pane";
import { familyName, roleName } from "../../i18n/terms";
import { Disclosure } from "./Disclosure";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "8px", minWidth: 0 },
  filters: { display: "flex", flexDirection: "column", gap: "6px" },
  sheet: { display: "flex", flexDirection: "column", gap: "6px", minWidth: 0 },
  card: {
    display: "flex", flexDirection: "column", gap: "4px", padding: "6px 8px", minWidth: 0,
    border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium, backgroundColor: tokens.colorNeutralBackground1,
  },
  meta: { color: tokens.colorNeutralForeground3, overflowWrap: "anywhere" },
  badges: { display: "flex", flexWrap: "wrap", gap: "4px" },
  actions: { display: "flex", flexWrap: "wrap", gap: "4px", alignItems: "center" },
  columns: { display: "flex", flexWrap: "wrap", gap: "4px" },
  badge: { maxWidth: "100%", overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1, display: "block", overflowWrap: "anywhere" },
  editorRow: { display: "grid", gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1fr)", gap: "6px", alignItems: "center", fontSize: tokens.fontSizeBase200 },
  indicatorRow: { display: "flex", flexDirection: "column", gap: "2px", paddingBottom: "6px", borderBottom: `1px solid ${tokens.colorNeutralStroke3}`, fontSize: tokens.fontSizeBase200 },
  wrapText: { overflowWrap: "anywhere" },
  reason: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase100 },
});

/** Columns shown on a card's summary (the others are in the editor). */
const KEY_ROLES = new Set<string>([
  "indikator", "nomenklatur", "program", "kegiatan", "subkegiatan", "target", "realisasi", "capaian", "predikat", "pagu",
  "realisasi_anggaran", "serapan", "efisiensi", "target_akhir", "tingkat_kemajuan", "pembanding",
]);

/** Polarity decided on weak evidence (not the plain default): worth a look before writing. */
const UNSURE_BELOW = 0.75;

/** Why a table needs a look: recognition warnings, skipped cells, unsure polarity, the audit's findings. */
export interface Attention {
  warnings: number;
  skipped: number;
  unsure: number;
  findings: number;
}
export const needsLook = (a: Attention | undefined) => !!a && a.warnings + a.skipped + a.unsure + a.findings > 0;

export function attentionOf(t: RecognisedTable, skipped: number, findings: number): Attention {
  const unsure = t.rows.filter((r) => r.polarityConfidence !== undefined && r.polarityConfidence < UNSURE_BELOW && r.polarityBasis !== "default").length;
  return { warnings: t.warnings.length, skipped, unsure, findings };
}

export interface TableListProps {
  sheets: SheetAnalysis[];
  t: PaneStrings;
  lang: Lang;
  attention: Map<string, Attention>;
  onSelect: (table: RecognisedTable) => void;
  checked: string[];
  onCheck: (key: string, on: boolean) => void;
  /** With choices, each card can change column roles and indicator polarity (saved in the workbook). */
  choices?: SavedChoices | null;
  onChoices?: (choices: SavedChoices) => void;
}

/** The recognised tables per sheet, collapsed, filterable by sheet and by "needs attention". */
export function TableList({ sheets, t, lang, attention, onSelect, checked, onCheck, choices, onChoices }: TableListProps) {
  const styles = useStyles();
  const [sheet, setSheet] = useState("");
  const [onlyAttention, setOnlyAttention] = useState(false);
  const withTables = sheets.filter((s) => s.tables.length > 0);
  const all = withTables.reduce((n, s) => n + s.tables.length, 0);
  const attentionCount = useMemo(() => withTables.reduce((n, s) => n + s.tables.filter((x) => needsLook(attention.get(tableKey(x)))).length, 0), [withTables, attention]);
  const shown = withTables
    .filter((s) => !sheet || s.name === sheet)
    .map((s) => ({ ...s, tables: s.tables.filter((x) => !onlyAttention || needsLook(attention.get(tableKey(x)))) }))
    .filter((s) => s.tables.length > 0);
  const shownCount = shown.reduce((n, s) => n + s.tables.length, 0);
  return (
    <div className={styles.root}>
      <div className={styles.filters}>
        {withTables.length > 1 && (
          <Field label={t.sheet}>
            <Select value={sheet} onChange={(_, d) => setSheet(d.value)} data-testid="filter-sheet">
              <option value="">{t.allSheets(all)}</option>
              {withTables.map((s) => (
                <option key={s.name} value={s.name}>
                  {t.sheetOption(s.name, s.tables.length)}
                </option>
              ))}
            </Select>
          </Field>
        )}
        <Switch checked={onlyAttention} onChange={(_, d) => setOnlyAttention(d.checked)} label={t.needsAttention(attentionCount)} data-testid="filter-attention" />
        {shownCount !== all && (
          <Text size={200} data-testid="filter-count">
            {t.shownTables(shownCount, all)}
          </Text>
        )}
      </div>
      {shown.map((s) => (
        <section key={s.name} className={styles.sheet} aria-label={`${t.sheet} ${s.name}`}>
          <Text as="h3" weight="semibold" size={300}>
            {t.sheet}: {s.name}
          </Text>
          {s.tables.map((x) => (
            <TableCard
              key={tableKey(x)}
              table={x}
              t={t}
              lang={lang}
              attention={attention.get(tableKey(x))}
              onSelect={onSelect}
              checked={checked.includes(tableKey(x))}
              onCheck={onCheck}
              choices={choices}
              onChoices={onChoices}
            />
          ))}
        </section>
      ))}
    </div>
  );
}

type CardProps = { table: RecognisedTable; t: PaneStrings; lang: Lang; attention?: Attention; onSelect: (t: RecognisedTable) => void; checked: boolean; onCheck: (key: string, on: boolean) => void } & Pick<TableListProps, "choices" | "onChoices">;

/**
 * One table: a disclosure with its caption, its place and kind, what needs a look, "include in the
 * write" and "select in Excel". Nothing is a button holding other controls.
 */
function TableCard({ table, t, lang, attention, onSelect, checked, onCheck, choices, onChoices }: CardProps) {
  const styles = useStyles();
  const titleId = useId();
  const key = table.columns.filter((c) => KEY_ROLES.has(c.role));
  const lower = table.rows.filter((r) => r.polarity === "lower-better").length;
  const dataRows = table.rows.filter((r) => r.kind === "data" || r.kind === "group").length;
  const caption = table.caption ?? t.noCaption;
  return (
    <article className={styles.card} aria-labelledby={titleId} data-testid="table-card">
      <Disclosure label={<span id={titleId}>{caption}</span>} testId="table-toggle">
        {table.title && <Text size={200} className={styles.wrapText}>{table.title}</Text>}
        {key.length > 0 && (
          <div className={styles.columns} aria-label={t.keyColumns} role="group">
            {key.map((c) => (
              <Badge key={c.col} appearance="tint" color="brand" className={styles.badge}>
                {columnLetter(c.col)}: {roleName(c.role, lang)}
                {c.year ? ` ${c.year}` : ""}
                {c.period ? ` ${c.period}` : ""}
              </Badge>
            ))}
          </div>
        )}
        {lower > 0 && <Text size={200}>{t.lowerBetter(lower)}</Text>}
        {table.warnings.length > 0 && (
          <div role="group" aria-label={t.warnings}>
            {table.warnings.map((w, i) => (
              <Text key={i} size={200} className={styles.warning}>
                ⚠ {coreText(w, lang)}
              </Text>
            ))}
          </div>
        )}
        {choices && onChoices && <TableEditors table={table} t={t} lang={lang} choices={choices} onChoices={onChoices} />}
      </Disclosure>
      <Text size={200} className={styles.meta}>
        <span data-testid="table-range">{tableRange(table)}</span> · <span data-testid="table-family">{familyName(table.family, lang)}</span> · {t.rows(dataRows)}
      </Text>
      {attention && needsLook(attention) && (
        <div className={styles.badges} data-testid="table-attention">
          {attention.warnings > 0 && <Badge appearance="tint" color="warning">{t.warningCount(attention.warnings)}</Badge>}
          {attention.findings > 0 && <Badge appearance="tint" color="danger">{t.findingCount(attention.findings)}</Badge>}
          {attention.unsure > 0 && <Badge appearance="tint" color="informative">{t.unsureCount(attention.unsure)}</Badge>}
          {attention.skipped > 0 && <Badge appearance="tint" color="subtle">{t.skippedCount(attention.skipped)}</Badge>}
        </div>
      )}
      <div className={styles.actions}>
        <Checkbox checked={checked} onChange={(_, d) => onCheck(tableKey(table), !!d.checked)} label={t.includeTable} aria-describedby={titleId} data-testid="include-table" />
        <Button size="small" onClick={() => onSelect(table)} aria-describedby={titleId} data-testid="select-table">
          {t.selectTable}
        </Button>
      </div>
    </article>
  );
}

/** The operands of uncertain computed columns, the column roles (a dropdown per column) and each indicator's polarity with its reason and a switch. */
function TableEditors({ table, t, lang, choices, onChoices }: { table: RecognisedTable; t: PaneStrings; lang: Lang; choices: SavedChoices; onChoices: (c: SavedChoices) => void }) {
  const styles = useStyles();
  const base = useId();
  const indicators = table.rows.filter((r) => r.polarity && (r.kind === "data" || r.kind === "group"));
  // Computed columns whose operands recognition is not sure of: not written until the user picks them here.
  const uncertain = table.pairings.filter((p) => p.status === "needs-confirmation");
  return (
    <>
      {uncertain.length > 0 && (
        <Disclosure label={t.pairs(uncertain.length)} testId="pairs-editor">
          {uncertain.map((p) => {
            const key = pairKey(table.sheet, p.measure, p.output ?? p.numerator, table.header.top);
            const chosen = choices.pairs?.[key];
            const options = [{ numerator: p.numerator, denominator: p.denominator }, ...p.alternatives];
            const id = `${base}-pair-${p.measure}-${p.output ?? p.numerator}`;
            return (
              <div key={key} className={styles.editorRow}>
                <label htmlFor={id} className={styles.wrapText}>
                  {coreText({ code: "pairing-needs-confirmation", params: { sheet: table.sheet, measure: p.measure, output: p.output, numerator: p.numerator, denominator: p.denominator, confidence: p.confidence } }, lang)}
                </label>
                <Select
                  id={id}
                  size="small"
                  value={chosen ? `${chosen.numerator}/${chosen.denominator}` : ""}
                  data-testid={`pair-${table.sheet}-${p.measure}-${columnLetter(p.output ?? p.numerator)}`}
                  onChange={(_, d) => {
                    const [numerator, denominator] = d.value.split("/").map(Number);
                    onChoices(withPair(choices, key, d.value ? { numerator, denominator } : null));
                  }}
                >
                  <option value="">{t.pairNotChosen}</option>
                  {options.map((o) => (
                    <option key={`${o.numerator}/${o.denominator}`} value={`${o.numerator}/${o.denominator}`}>
                      {columnLetter(o.numerator)} / {columnLetter(o.denominator)}
                    </option>
                  ))}
                </Select>
              </div>
            );
          })}
        </Disclosure>
      )}
      <Disclosure label={t.columns} testId="columns-editor">
        {table.columns.map((c) => {
          const key = columnKey(table, c);
          const role = choices.roles[key] ?? c.role;
          const letter = columnLetter(c.col);
          const id = `${base}-col-${letter}`;
          return (
            <div key={c.col} className={styles.editorRow}>
              <label htmlFor={id} className={styles.wrapText}>
                {letter}: {c.header.slice(0, 60) || t.noHeader}
              </label>
              <Select id={id} size="small" value={role} data-testid={`role-${table.sheet}-${letter}`} onChange={(_, d) => onChoices(withColumnRole(choices, key, c.role, d.value as ColumnRole))}>
                {COLUMN_ROLES.map((r) => (
                  <option key={r} value={r}>
                    {roleName(r, lang)}
                  </option>
                ))}
              </Select>
            </div>
          );
        })}
      </Disclosure>
      {indicators.length > 0 && (
        <Disclosure label={t.indicators} testId="polarity-editor">
          {indicators.map((r) => {
            const key = rowKey(table.sheet, r.row);
            const polarity = choices.polarity[key] ?? r.polarity;
            const lower = polarity === "lower-better";
            const nameId = `${base}-row-${r.row}`;
            return (
              <div key={r.row} className={styles.indicatorRow}>
                <span id={nameId} className={styles.wrapText}>
                  {r.row + 1}. {r.indicator ?? ""}
                </span>
                <span className={styles.reason}>{choices.polarity[key] ? t.chosenByUser : coreText(r.polarityReason, lang)}</span>
                <Switch
                  checked={lower}
                  label={t.lowerIsBetter}
                  aria-describedby={nameId}
                  data-testid={`polarity-${table.sheet}-${r.row + 1}`}
                  onChange={(_, d) => onChoices(withPolarity(choices, key, r.polarity, d.checked ? "lower-better" : "higher-better"))}
                />
                {lower && (
                  <Select
                    size="small"
                    aria-label={t.negativeFor(r.indicator ?? String(r.row + 1))}
                    value={choices.negativeByRow[key] ?? choices.negative}
                    data-testid={`negative-${table.sheet}-${r.row + 1}`}
                    onChange={(_, d) => onChoices({ ...choices, negativeByRow: { ...choices.negativeByRow, [key]: d.value as NegativeMethod } })}
                  >
                    {(["A", "B", "C"] as NegativeMethod[]).map((m) => (
                      <option key={m} value={m}>
                        {t.negatives[m]}
                      </option>
                    ))}
                  </Select>
                )}
              </div>
            );
          })}
        </Disclosure>
      )}
    </>
  );
}
