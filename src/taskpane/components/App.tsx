import * as React from "react";
import { useCallback, useMemo, useState } from "react";
import { Button, MessageBar, MessageBarBody, Select, Spinner, Text, makeStyles, tokens } from "@fluentui/react-components";
import { RecognisedTable, tableRange } from "../../core/recognise";
import { tableAtRow, tableKey } from "../../core/planScope";
import { parseCellAddress } from "../../core/grid";
import type { Language } from "../../excel/preferences";
import type { PanePort } from "../../excel/paneWorkbook";
import type { PkProfile } from "../../core/profile";
import { LANGS } from "../../i18n";
import { PANE_STRINGS } from "../../i18n/pane";
import { useScan } from "../useScan";
import { useFormulas } from "../useFormulas";
import { useGenerate } from "../useGenerate";
import { useAudit } from "../useAudit";
import { FormulaPanel } from "./FormulaPanel";
import { Problem } from "./Problem";
import { GeneratePanel } from "./GeneratePanel";
import { AuditPanel } from "./AuditPanel";
import { Attention, attentionOf, TableList } from "./TableList";

/** Where the pane runs: inside Excel, in Office but not Excel / no host, or without office.js at all. */
export type HostStatus = "excel" | "no-host" | "no-office";

export interface AppProps {
  host: HostStatus;
  port: PanePort | null;
  /** An error in words, in the pane's language (src/excel/workbook's describeOfficeError). */
  describeError: (e: unknown, language: Language) => string;
  initialLanguage: Language;
  onLanguageChange?: (language: Language) => void;
  /** The PK profile this user filled last time (any workbook), and where to keep it. */
  userProfile?: unknown;
  onProfileSave?: (profile: PkProfile) => void;
}

export type Section = "scan" | "formulas" | "audit" | "ra" | "pk";
const SECTIONS: Section[] = ["scan", "formulas", "audit", "ra", "pk"];

const useStyles = makeStyles({
  // The pane never scrolls sideways: every child may shrink, long words break.
  page: { display: "flex", flexDirection: "column", minHeight: "100vh", boxSizing: "border-box", minWidth: 0, maxWidth: "100%", overflowWrap: "anywhere" },
  top: { padding: "8px 12px 0", display: "flex", flexDirection: "column", gap: "6px" },
  titleRow: { display: "flex", gap: "8px", alignItems: "center", justifyContent: "space-between", flexWrap: "wrap" },
  // The sections, always in reach: a row of buttons that wraps on narrow panes, stuck to the top.
  nav: {
    position: "sticky", top: 0, zIndex: 2, display: "flex", flexWrap: "wrap", gap: "2px", padding: "4px 8px",
    backgroundColor: tokens.colorNeutralBackground1, borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  sectionButton: { minWidth: 0 },
  current: { minWidth: 0, fontWeight: tokens.fontWeightSemibold, boxShadow: `inset 0 -3px 0 ${tokens.colorBrandStroke1}` },
  main: { flexGrow: 1, display: "flex", flexDirection: "column", gap: "12px", padding: "12px", minWidth: 0 },
  footer: { position: "sticky", bottom: 0, zIndex: 2, backgroundColor: tokens.colorNeutralBackground1 },
  bar: { display: "flex", flexWrap: "wrap", gap: "6px", padding: "8px 12px", backgroundColor: tokens.colorNeutralBackground2, borderTop: `1px solid ${tokens.colorNeutralStroke2}` },
  privacy: { color: tokens.colorNeutralForeground3 },
});

export function App({ host, port, describeError: describeIn, initialLanguage, onLanguageChange, userProfile, onProfileSave }: AppProps) {
  const styles = useStyles();
  const [language, setLanguage] = useState<Language>(initialLanguage);
  const describeError = useCallback((e: unknown) => describeIn(e, language), [describeIn, language]);
  const [section, setSection] = useState<Section>("scan");
  const [selectError, setSelectError] = useState<string | null>(null);
  const t = PANE_STRINGS[language];
  const { state, scan } = useScan(host === "excel" ? port : null, describeError);
  const result = state.status === "done" ? state.result : null;
  const formulas = useFormulas(port, result, describeError, language);
  const analysis = formulas.analysis;
  // The generators read the analysis with the user's column corrections, in the pane's language.
  const generate = useGenerate(port, result, formulas.choices, describeError, userProfile, onProfileSave, analysis, language);
  const audit = useAudit(port, result, formulas.choices, describeError);
  const changeLanguage = (value: string) => {
    const l: Language = value === "en" ? "en" : "id";
    setLanguage(l);
    onLanguageChange?.(l);
  };
  const selectCell = useCallback(
    async (sheet: string, address: string) => {
      setSelectError(null);
      try {
        await port?.selectRange(sheet, address);
      } catch (e) {
        setSelectError(describeError(e));
      }
    },
    [port, describeError],
  );
  const select = useCallback((x: RecognisedTable) => selectCell(x.sheet, tableRange(x)), [selectCell]);
  const rescan = useCallback(() => {
    setSection("scan");
    void scan();
  }, [scan]);

  const tables = analysis ? analysis.sheets.flatMap((s) => s.tables) : [];
  const sheetCount = analysis ? analysis.sheets.filter((s) => s.tables.length).length : 0;
  // What needs a look on each card: recognition warnings, skipped cells, unsure polarity, findings.
  const attention = useMemo(() => {
    const m = new Map<string, Attention>();
    if (!analysis) return m;
    const skipped = new Map<string, number>();
    for (const s of formulas.fullPlan?.skipped ?? []) {
      const x = tableAtRow(analysis, s.sheet, parseCellAddress(s.cell).row);
      if (x) skipped.set(tableKey(x), (skipped.get(tableKey(x)) ?? 0) + 1);
    }
    const found = new Map<string, number>();
    for (const f of audit.findings ?? []) {
      const x = tableAtRow(analysis, f.sheet, f.row);
      if (x) found.set(tableKey(x), (found.get(tableKey(x)) ?? 0) + 1);
    }
    for (const x of analysis.sheets.flatMap((s) => s.tables)) m.set(tableKey(x), attentionOf(x, skipped.get(tableKey(x)) ?? 0, found.get(tableKey(x)) ?? 0));
    return m;
  }, [analysis, formulas.fullPlan, audit.findings]);

  const sectionName: Record<Section, string> = { scan: t.sectionScan, formulas: t.sectionFormulas, audit: t.sectionAudit, ra: t.sectionRa, pk: t.sectionPk };
  const busyWriting = formulas.write.status === "writing" || formulas.write.status === "undoing";
  const canWrite = !!formulas.counts && formulas.counts.cells > 0 && !busyWriting && formulas.write.status !== "written";
  return (
    <div className={styles.page} lang={language}>
      <header className={styles.top}>
        <div className={styles.titleRow}>
          <Text as="h1" size={500} weight="semibold">
            {t.appTitle}
          </Text>
          <Select aria-label={t.language} value={language} onChange={(_, d) => changeLanguage(d.value)} size="small" data-testid="language">
            {LANGS.map((l) => (
              <option key={l} value={l}>
                {t.languages[l]}
              </option>
            ))}
          </Select>
        </div>
      </header>
      {analysis && tables.length > 0 && (
        <nav className={styles.nav} aria-label={t.sections}>
          {SECTIONS.map((x) => (
            <Button
              key={x}
              size="small"
              appearance="subtle"
              className={section === x ? styles.current : styles.sectionButton}
              aria-current={section === x ? "page" : undefined}
              onClick={() => setSection(x)}
              data-testid={`tab-${x}`}
            >
              {sectionName[x]}
            </Button>
          ))}
        </nav>
      )}
      <main className={styles.main}>
        {!analysis && <Text>{t.appSubtitle}</Text>}
        {host !== "excel" && (
          <MessageBar intent="warning" data-testid="host-message">
            <MessageBarBody>{host === "no-office" ? t.officeMissing : t.outsideExcel}</MessageBarBody>
          </MessageBar>
        )}
        {state.status === "scanning" && <Spinner size="tiny" label={t.scanning} />}
        {state.status === "error" && <Problem label={t.scanFailed} message={state.message} />}
        {selectError && <Problem label={t.selectFailed} message={selectError} />}
        {analysis && section === "scan" && (
          <section aria-labelledby="scan-title">
            <Text as="h2" id="scan-title" weight="semibold" size={400} data-testid="scan-summary" block>
              {tables.length ? t.tablesFound(tables.length, sheetCount) : t.noTables}
            </Text>
            {tables.length > 0 && (
              <TableList
                sheets={analysis.sheets}
                t={t}
                lang={language}
                attention={attention}
                onSelect={select}
                checked={formulas.checked}
                onCheck={formulas.toggleTable}
                choices={formulas.choices}
                onChoices={formulas.setChoices}
              />
            )}
          </section>
        )}
        {analysis && tables.length > 0 && section === "formulas" && <FormulaPanel f={formulas} t={t} lang={language} onSelectCell={selectCell} />}
        {analysis && tables.length > 0 && section === "audit" && <AuditPanel a={audit} t={t} lang={language} onSelectCell={selectCell} />}
        {analysis && tables.length > 0 && (section === "ra" || section === "pk") && <GeneratePanel g={generate} t={t} lang={language} which={section} />}
        <Text size={100} className={styles.privacy} block>
          {t.privacy}
        </Text>
      </main>
      <footer className={styles.footer}>
        {host === "excel" && (
          <div className={styles.bar} role="group" aria-label={t.actions} data-testid="action-bar">
            <Button appearance={analysis ? "secondary" : "primary"} size="small" onClick={rescan} disabled={state.status === "scanning"} data-testid="scan">
              {state.status === "scanning" ? t.scanning : analysis ? t.rescan : t.scan}
            </Button>
            {analysis && tables.length > 0 && (
              <>
                <Button
                  appearance="primary"
                  size="small"
                  disabled={!canWrite}
                  data-testid="bar-write"
                  onClick={() => {
                    setSection("formulas");
                    void formulas.writePlan();
                  }}
                >
                  {formulas.write.status === "writing" ? t.writing : t.writeCount(formulas.counts?.formulas ?? 0)}
                </Button>
                <Button
                  size="small"
                  disabled={audit.state.status === "reading"}
                  data-testid="bar-audit"
                  onClick={() => {
                    setSection("audit");
                    void audit.audit();
                  }}
                >
                  {t.audit}
                </Button>
              </>
            )}
          </div>
        )}
      </footer>
    </div>
  );
}
