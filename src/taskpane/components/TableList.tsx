import * as React from "react";
import { Badge, Card, CardHeader, Select, Switch, Text, makeStyles, tokens } from "@fluentui/react-components";
import { columnKey, rowKey, SavedChoices, withColumnRole, withPolarity } from "../../core/choices";
import type { NegativeMethod } from "../../core/formulas";
import { RecognisedTable, SheetAnalysis, tableRange } from "../../core/recognise";
import { columnLetter } from "../../core/grid";
import { COLUMN_ROLES, ColumnRole } from "../../core/roles";
import type { Strings } from "../i18n";

const useStyles = makeStyles({
  sheet: { display: "flex", flexDirection: "column", gap: "8px", marginBottom: "16px" },
  card: { cursor: "pointer" },
  meta: { color: tokens.colorNeutralForeground3 },
  columns: { display: "flex", flexWrap: "wrap", gap: "4px", marginTop: "4px" },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1, display: "block" },
  editor: { display: "flex", flexDirection: "column", gap: "4px", marginTop: "4px", cursor: "default" },
  editorRow: { display: "grid", gridTemplateColumns: "minmax(0, 1fr) 150px", gap: "6px", alignItems: "center", fontSize: tokens.fontSizeBase200 },
  reason: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase100 },
});

const KEY_ROLES = new Set([
  "indikator", "nomenklatur", "program", "kegiatan", "subkegiatan", "target", "realisasi", "capaian", "predikat", "pagu",
  "realisasi_anggaran", "serapan", "efisiensi", "target_akhir", "tingkat_kemajuan", "pembanding",
]);

export interface TableListProps {
  sheets: SheetAnalysis[];
  strings: Strings;
  familyLabels: Record<string, string>;
  onSelect: (table: RecognisedTable) => void;
  /** With choices, each card can change column roles and indicator polarity (saved in the workbook). */
  choices?: SavedChoices | null;
  onChoices?: (choices: SavedChoices) => void;
}

export function TableList({ sheets, strings, familyLabels, onSelect, choices, onChoices }: TableListProps) {
  const styles = useStyles();
  return (
    <div>
      {sheets
        .filter((s) => s.tables.length > 0)
        .map((sheet) => (
          <section key={sheet.name} className={styles.sheet} aria-label={`${strings.sheet} ${sheet.name}`}>
            <Text weight="semibold">
              {strings.sheet}: {sheet.name}
            </Text>
            {sheet.tables.map((t) => (
              <TableCard key={`${t.sheet}!${tableRange(t)}`} table={t} strings={strings} familyLabels={familyLabels} onSelect={onSelect} choices={choices} onChoices={onChoices} />
            ))}
          </section>
        ))}
    </div>
  );
}

type CardProps = { table: RecognisedTable; strings: Strings; familyLabels: Record<string, string>; onSelect: (t: RecognisedTable) => void } & Pick<TableListProps, "choices" | "onChoices">;

function TableCard({ table, strings, familyLabels, onSelect, choices, onChoices }: CardProps) {
  const styles = useStyles();
  const key = table.columns.filter((c) => KEY_ROLES.has(c.role));
  const lower = table.rows.filter((r) => r.polarity === "lower-better").length;
  return (
    <Card
      className={styles.card}
      onClick={() => onSelect(table)}
      role="button"
      aria-label={`${table.caption ?? strings.noCaption} ${tableRange(table)}`}
      title={strings.selectHint}
      data-testid="table-card"
    >
      <CardHeader
        header={<Text weight="semibold">{table.caption ?? strings.noCaption}</Text>}
        description={<Text className={styles.meta}>{table.title ?? ""}</Text>}
      />
      <Text size={200}>
        {strings.range}: <b data-testid="table-range">{tableRange(table)}</b> · {strings.family}: <span data-testid="table-family">{familyLabels[table.family] ?? table.family}</span>
      </Text>
      {key.length > 0 && (
        <div className={styles.columns} aria-label={strings.keyColumns}>
          {key.map((c) => (
            <Badge key={c.col} appearance="tint" color="brand" title={c.header}>
              {columnLetter(c.col)}: {c.role}
              {c.year ? ` ${c.year}` : ""}
              {c.period ? ` ${c.period}` : ""}
            </Badge>
          ))}
        </div>
      )}
      {lower > 0 && <Text size={200}>{strings.lowerBetter(lower)}</Text>}
      {choices && onChoices && <TableEditors table={table} strings={strings} choices={choices} onChoices={onChoices} />}
      {table.warnings.length > 0 && (
        <div aria-label={strings.warnings}>
          {table.warnings.map((w, i) => (
            <Text key={i} size={200} className={styles.warning}>
              ⚠ {strings.say(w)}
            </Text>
          ))}
        </div>
      )}
    </Card>
  );
}

/** The column roles (a dropdown per column) and each indicator's polarity with its reason and a toggle. */
function TableEditors({ table, strings, choices, onChoices }: { table: RecognisedTable; strings: Strings; choices: SavedChoices; onChoices: (c: SavedChoices) => void }) {
  const styles = useStyles();
  const indicators = table.rows.filter((r) => r.polarity && (r.kind === "data" || r.kind === "group"));
  const stop = (e: React.SyntheticEvent) => e.stopPropagation(); // editing is not selecting the table
  return (
    <div className={styles.editor} onClick={stop} onKeyDown={stop}>
      <details>
        <summary data-testid="columns-editor">{strings.columns}</summary>
        {table.columns.map((c) => {
          const key = columnKey(table, c);
          const role = choices.roles[key] ?? c.role;
          return (
            <label key={c.col} className={styles.editorRow}>
              <span title={c.header}>
                {columnLetter(c.col)}: {c.header.slice(0, 40) || "—"}
              </span>
              <Select
                size="small"
                value={role}
                data-testid={`role-${table.sheet}-${columnLetter(c.col)}`}
                onChange={(_, d) => onChoices(withColumnRole(choices, key, c.role, d.value as ColumnRole))}
              >
                {COLUMN_ROLES.map((r) => (
                  <option key={r} value={r}>
                    {r}
                  </option>
                ))}
              </Select>
            </label>
          );
        })}
      </details>
      {indicators.length > 0 && (
        <details>
          <summary data-testid="polarity-editor">{strings.indicators}</summary>
          {indicators.map((r) => {
            const key = rowKey(table.sheet, r.row);
            const polarity = choices.polarity[key] ?? r.polarity;
            const lower = polarity === "lower-better";
            return (
              <div key={r.row} className={styles.editorRow}>
                <span>
                  {r.row + 1}. {r.indicator ?? ""}
                  <br />
                  <span className={styles.reason}>{choices.polarity[key] ? "✎" : strings.say(r.polarityReason)}</span>
                </span>
                <span>
                  <Switch
                    checked={lower}
                    label={strings.lowerIsBetter}
                    data-testid={`polarity-${table.sheet}-${r.row + 1}`}
                    onChange={(_, d) => onChoices(withPolarity(choices, key, r.polarity, d.checked ? "lower-better" : "higher-better"))}
                  />
                  {lower && (
                    <Select
                      size="small"
                      value={choices.negativeByRow[key] ?? choices.negative}
                      onChange={(_, d) => onChoices({ ...choices, negativeByRow: { ...choices.negativeByRow, [key]: d.value as NegativeMethod } })}
                    >
                      <option value="A">{strings.negativeA}</option>
                      <option value="B">{strings.negativeB}</option>
                      <option value="C">{strings.negativeC}</option>
                    </Select>
                  )}
                </span>
              </div>
            );
          })}
        </details>
      )}
    </div>
  );
}
