import * as React from "react";
import { Button, Checkbox, Link, MessageBar, MessageBarBody, Spinner, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { FindingsSheetWords, PlacedFinding } from "../../core/findingsView";
import type { Lang } from "../../i18n";
import { coreText, paneNumber, PaneStrings } from "../../i18n/pane";
import { reasonName } from "../../i18n/terms";
import type { useAudit } from "../useAudit";
import { Problem } from "./Problem";
import { Notices } from "./Notices";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "10px", minWidth: 0 },
  actions: { display: "flex", flexWrap: "wrap", gap: "8px", alignItems: "center" },
  group: { display: "flex", flexDirection: "column", gap: "4px", minWidth: 0 },
  list: { margin: 0, paddingLeft: "18px", fontSize: tokens.fontSizeBase200, display: "flex", flexDirection: "column", gap: "4px" },
  finding: { overflowWrap: "anywhere" },
  muted: { color: tokens.colorNeutralForeground3, overflowWrap: "anywhere" },
});

type Audit = ReturnType<typeof useAudit>;

/** A typed or expected figure as the language writes it (2 decimals), or the text as it is. */
export function shownFigure(v: number | string | null, lang: Lang): string {
  return v === null ? "—" : typeof v === "number" ? paneNumber(v, lang, 2) : v;
}

/** The findings sheet's words in the pane's language. */
export function findingsWords(t: PaneStrings, lang: Lang, at: Date): FindingsSheetWords {
  const w = t.findingsSheet;
  return {
    sheetName: w.sheetName,
    title: w.title,
    readAt: w.readAt(t.dateTime(at)),
    headers: w.headers,
    none: w.none,
    reason: (f: PlacedFinding) => reasonName(f.reason, lang),
    detail: (f: PlacedFinding) => coreText(f.detail, lang),
  };
}

/** "Periksa": re-read and audit, findings per table in natural order, highlight, export, undo. */
export function AuditPanel({ a, t, lang, onSelectCell }: { a: Audit; t: PaneStrings; lang: Lang; onSelectCell: (sheet: string, cell: string) => void }) {
  const styles = useStyles();
  const { state, exported } = a;
  return (
    <section className={styles.root} aria-labelledby="audit-title">
      <Text as="h2" id="audit-title" weight="semibold" size={400}>
        {t.audit}
      </Text>
      <Text size={200}>{t.auditIntro}</Text>
      <div className={styles.actions}>
        <Button appearance="primary" onClick={a.audit} disabled={state.status === "reading"} data-testid="audit">
          {t.audit}
        </Button>
      </div>
      {state.status === "reading" && <Spinner size="tiny" label={t.auditing} />}
      {state.status === "error" && <Problem label={t.auditFailed} message={state.message} testId="audit-error" />}
      {state.status === "done" && (
        <div data-testid="findings" className={styles.root}>
          <Text data-testid="audit-summary">
            {t.auditedAt(t.time(state.at))} {state.findings.length ? t.auditCount(state.findings.length, a.groups.filter((g) => g.tableKey).length) : t.auditNone}
          </Text>
          {a.groups.map((g) => (
            <div key={`${g.sheet}|${g.tableKey}`} className={styles.group} data-testid="finding-table">
              <Text as="h3" weight="semibold" size={300} className={styles.finding}>
                {g.table ?? t.outsideTables} — {g.sheet}
              </Text>
              <ul className={styles.list}>
                {g.findings.map((x) => (
                  <li key={`${x.sheet}!${x.cell}!${x.reason}`} className={styles.finding} data-testid="finding">
                    <Link onClick={() => onSelectCell(x.sheet, x.cell)}>{x.cell}</Link>
                    {x.indicator ? <b> {x.indicator}</b> : null} — {reasonName(x.reason, lang)}: {x.reason === "between-tables" ? t.here : t.typed} {shownFigure(x.typed, lang)}, {x.reason === "between-tables" ? t.there : t.expected} {shownFigure(x.expected, lang)}
                    {x.detail ? <span className={styles.muted}> ({coreText(x.detail, lang)})</span> : null}
                  </li>
                ))}
              </ul>
            </div>
          ))}
          {state.findings.length > 0 && (
            <div className={styles.actions}>
              <Checkbox checked={a.highlighted} onChange={(_, d) => a.toggleHighlight(!!d.checked)} label={t.highlight} data-testid="highlight" />
              <Button onClick={() => a.exportFindings(findingsWords(t, lang, state.at))} disabled={exported.status === "exporting" || exported.status === "done"} data-testid="export-findings">
                {exported.status === "exporting" ? t.exporting : t.exportFindings}
              </Button>
              {exported.status === "done" && (
                <Button onClick={a.undoExport} data-testid="undo-export">
                  {t.undo}
                </Button>
              )}
            </div>
          )}
          {exported.status === "done" && (
            <MessageBar intent="success" data-testid="export-result">
              <MessageBarBody>{t.exported(exported.undo.created)}</MessageBarBody>
            </MessageBar>
          )}
          {exported.status === "undone" && (
            <MessageBar intent="info" data-testid="export-result">
              <MessageBarBody>{t.exportUndone}</MessageBarBody>
            </MessageBar>
          )}
          {exported.status === "error" && <Problem label={t.exportFailed} message={exported.message} testId="export-error" />}
          {a.highlightError && <Problem label={t.writeFailed} message={a.highlightError} />}
          <Notices notices={a.highlightNotices} lang={lang} testId="highlight-notices" />
        </div>
      )}
    </section>
  );
}
