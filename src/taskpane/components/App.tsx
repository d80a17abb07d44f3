import * as React from "react";
import { useCallback, useState } from "react";
import { Button, MessageBar, MessageBarBody, Select, Spinner, Text, makeStyles } from "@fluentui/react-components";
import { RecognisedTable, tableRange } from "../../core/recognise";
import type { Language } from "../../excel/preferences";
import type { WorkbookPort } from "../../excel/workbook";
import { FAMILY_LABELS, STRINGS } from "../i18n";
import { useScan } from "../useScan";
import { useFormulas } from "../useFormulas";
import { FormulaPanel } from "./FormulaPanel";
import { GeneratePanel } from "./GeneratePanel";
import { useGenerate } from "../useGenerate";
import type { PkProfile } from "../../core/profile";
import { TableList } from "./TableList";

/** Where the pane runs: inside Excel, in Office but not Excel / no host, or without office.js at all. */
export type HostStatus = "excel" | "no-host" | "no-office";

export interface AppProps {
  host: HostStatus;
  port: WorkbookPort | null;
  describeError: (e: unknown) => string;
  initialLanguage: Language;
  onLanguageChange?: (language: Language) => void;
  /** The PK profile this user filled last time (any workbook), and where to keep it. */
  userProfile?: unknown;
  onProfileSave?: (profile: PkProfile) => void;
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "12px", padding: "12px" },
  bar: { display: "flex", gap: "8px", alignItems: "center", justifyContent: "space-between" },
});

export function App({ host, port, describeError, initialLanguage, onLanguageChange, userProfile, onProfileSave }: AppProps) {
  const styles = useStyles();
  const [language, setLanguage] = useState<Language>(initialLanguage);
  const [selectError, setSelectError] = useState<string | null>(null);
  const strings = STRINGS[language];
  const { state, scan } = useScan(host === "excel" ? port : null, describeError);
  const formulas = useFormulas(port, state.status === "done" ? state.result : null, describeError);
  const analysis = formulas.analysis;
  const generate = useGenerate(port, state.status === "done" ? state.result : null, formulas.choices, describeError, userProfile, onProfileSave);
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
  const select = useCallback((t: RecognisedTable) => selectCell(t.sheet, tableRange(t)), [selectCell]);
  const tableCount = analysis ? analysis.sheets.reduce((n, s) => n + s.tables.length, 0) : 0;
  const sheetCount = analysis ? analysis.sheets.filter((s) => s.tables.length).length : 0;
  return (
    <main className={styles.root} lang={language}>
      <div className={styles.bar}>
        <Text as="h1" size={500} weight="semibold">
          {strings.appTitle}
        </Text>
        <Select aria-label={strings.language} value={language} onChange={(_, d) => changeLanguage(d.value)} size="small">
          <option value="id">Bahasa Indonesia</option>
          <option value="en">English</option>
        </Select>
      </div>
      <Text>{strings.appSubtitle}</Text>
      {host !== "excel" ? (
        <MessageBar intent="warning" data-testid="host-message">
          <MessageBarBody>{host === "no-office" ? strings.officeMissing : strings.outsideExcel}</MessageBarBody>
        </MessageBar>
      ) : (
        <Button appearance="primary" onClick={scan} disabled={state.status === "scanning"}>
          {state.status === "scanning" ? strings.scanning : strings.scan}
        </Button>
      )}
      {state.status === "scanning" && <Spinner size="tiny" label={strings.scanning} />}
      {state.status === "error" && (
        <MessageBar intent="error">
          <MessageBarBody>
            {strings.scanFailed}: {state.message}
          </MessageBarBody>
        </MessageBar>
      )}
      {selectError && (
        <MessageBar intent="error">
          <MessageBarBody>
            {strings.selectFailed}: {selectError}
          </MessageBarBody>
        </MessageBar>
      )}
      {analysis && (
        <>
          <Text weight="semibold" data-testid="scan-summary">
            {tableCount ? strings.tablesFound(tableCount, sheetCount) : strings.noTables}
          </Text>
          {tableCount > 0 && <FormulaPanel f={formulas} strings={strings} onSelectCell={selectCell} />}
          {tableCount > 0 && <GeneratePanel g={generate} strings={strings} />}
          <TableList sheets={analysis.sheets} strings={strings} familyLabels={FAMILY_LABELS[language]} onSelect={select} choices={formulas.choices} onChoices={formulas.setChoices} />
        </>
      )}
      <Text size={100}>{strings.privacy}</Text>
    </main>
  );
}
