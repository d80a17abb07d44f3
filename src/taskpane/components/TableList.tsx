import * as React from "react";
import { Badge, Card, CardHeader, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { RecognisedTable, SheetAnalysis } from "../../core/recognise";
import type { Strings } from "../i18n";

const useStyles = makeStyles({
  sheet: { display: "flex", flexDirection: "column", gap: "8px", marginBottom: "16px" },
  card: { cursor: "pointer" },
  meta: { color: tokens.colorNeutralForeground3 },
  columns: { display: "flex", flexWrap: "wrap", gap: "4px", marginTop: "4px" },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1, display: "block" },
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
}

export function TableList({ sheets, strings, familyLabels, onSelect }: TableListProps) {
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
              <TableCard key={`${t.sheet}!${t.range}`} table={t} strings={strings} familyLabels={familyLabels} onSelect={onSelect} />
            ))}
          </section>
        ))}
    </div>
  );
}

function TableCard({ table, strings, familyLabels, onSelect }: { table: RecognisedTable; strings: Strings; familyLabels: Record<string, string>; onSelect: (t: RecognisedTable) => void }) {
  const styles = useStyles();
  const key = table.columns.filter((c) => KEY_ROLES.has(c.role));
  const lower = table.rows.filter((r) => r.polarity === "lower-better").length;
  return (
    <Card
      className={styles.card}
      onClick={() => onSelect(table)}
      role="button"
      aria-label={`${table.caption ?? strings.noCaption} ${table.range}`}
      title={strings.selectHint}
      data-testid="table-card"
    >
      <CardHeader
        header={<Text weight="semibold">{table.caption ?? strings.noCaption}</Text>}
        description={<Text className={styles.meta}>{table.title ?? ""}</Text>}
      />
      <Text size={200}>
        {strings.range}: <b data-testid="table-range">{table.range}</b> · {strings.family}: <span data-testid="table-family">{familyLabels[table.family] ?? table.family}</span>
      </Text>
      {key.length > 0 && (
        <div className={styles.columns} aria-label={strings.keyColumns}>
          {key.map((c) => (
            <Badge key={c.column} appearance="tint" color="brand" title={c.header}>
              {c.column}: {c.role}
              {c.year ? ` ${c.year}` : ""}
              {c.period ? ` ${c.period}` : ""}
            </Badge>
          ))}
        </div>
      )}
      {lower > 0 && <Text size={200}>{strings.lowerBetter(lower)}</Text>}
      {table.warnings.length > 0 && (
        <div aria-label={strings.warnings}>
          {table.warnings.map((w, i) => (
            <Text key={i} size={200} className={styles.warning}>
              ⚠ {w}
            </Text>
          ))}
        </div>
      )}
    </Card>
  );
}
