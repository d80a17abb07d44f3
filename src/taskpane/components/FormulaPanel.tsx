import * as React from "react";
import { Button, Checkbox, Field, Input, Link, MessageBar, MessageBarBody, ProgressBar, Radio, RadioGroup, Text, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import { SavedChoices, scaleFromLines } from "../../core/choices";
import type { EfficiencyMethod, NegativeMethod, PredikatScale } from "../../core/formulas";
import type { TablePreview } from "../../core/planScope";
import { tableRange } from "../../core/recognise";
import type { Lang } from "../../i18n";
import { coreText, paneNumber, PaneStrings } from "../../i18n/pane";
import { roleName } from "../../i18n/terms";
import type { ScopeKind, useFormulas } from "../useFormulas";
import { Disclosure } from "./Disclosure";
import { Problem } from "./Problem";
import { LabelledSelect } from "./LabelledSelect";
import { Notices } from "./Notices";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "10px", minWidth: 0 },
  group: { display: "flex", flexDirection: "column", gap: "8px", minWidth: 0 },
  list: { margin: 0, paddingLeft: "18px", fontSize: tokens.fontSizeBase200, overflowWrap: "anywhere" },
  limits: { display: "grid", gridTemplateColumns: "repeat(auto-fit, minmax(120px, 1fr))", gap: "8px" },
  shrink: { minWidth: 0 },
  input: { minWidth: 0, width: "100%" },
  actions: { display: "flex", flexWrap: "wrap", gap: "8px", alignItems: "center" },
  column: { display: "flex", flexDirection: "column", gap: "2px", padding: "6px 0", borderTop: `1px solid ${tokens.colorNeutralStroke3}`, fontSize: tokens.fontSizeBase200, minWidth: 0 },
  formula: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, overflowWrap: "anywhere", whiteSpace: "pre-wrap", backgroundColor: tokens.colorNeutralBackground3, padding: "2px 4px", borderRadius: tokens.borderRadiusSmall },
  muted: { color: tokens.colorNeutralForeground3, overflowWrap: "anywhere" },
  wrapText: { overflowWrap: "anywhere" },
});

type Formulas = ReturnType<typeof useFormulas>;

const SHOWN_SKIPS = 20;
const limit = (v: string): number | null => (v.trim() === "" || !Number.isFinite(Number(v)) ? null : Number(v));

/** Choices, what to write, the preview per table, "Tulis rumus" with progress and its result, "Batalkan". */
export function FormulaPanel({ f, t, lang, onSelectCell }: { f: Formulas; t: PaneStrings; lang: Lang; onSelectCell: (sheet: string, cell: string) => void }) {
  const styles = useStyles();
  const { choices, plan, write, counts } = f;
  if (!choices || !plan || !counts || !f.fullPlan) return null;
  const set = (patch: Partial<SavedChoices>) => f.setChoices({ ...choices, ...patch });
  const scaleProblems = choices.scale === "custom" ? scaleFromLines(choices.customBands ?? "").problems : [];
  const busy = write.status === "writing" || write.status === "undoing";
  return (
    <section className={styles.root} aria-labelledby="formulas-title">
      <Text as="h2" id="formulas-title" weight="semibold" size={400}>
        {t.formulasTitle}
      </Text>
      <Disclosure label={`${t.choices}: ${t.choicesSummary(choices.negative, t.scales[choices.scale] ?? choices.scale, t.efficiencies[choices.efficiency] ?? choices.efficiency)}`} testId="choices-toggle">
        <div className={styles.group}>
          <LabelledSelect<NegativeMethod> label={t.negativeMethod} value={choices.negative} options={t.negatives} onChange={(negative) => set({ negative })} testId="negative-method" />
          <LabelledSelect<PredikatScale> label={t.scale} value={choices.scale} options={t.scales} onChange={(scale) => set({ scale })} testId="scale" />
          {choices.scale === "custom" && (
            <Field label={t.customScale} hint={t.customScaleHint} validationMessage={scaleProblems.map((p) => coreText(p, lang)).join("; ") || undefined}>
              <Textarea value={choices.customBands ?? ""} onChange={(_, d) => set({ customBands: d.value })} rows={4} data-testid="custom-scale" />
            </Field>
          )}
          <LabelledSelect<EfficiencyMethod> label={t.efficiency} value={choices.efficiency} options={t.efficiencies} onChange={(efficiency) => set({ efficiency })} testId="efficiency" />
          <div className={styles.limits}>
            <Field label={t.cap} className={styles.shrink}>
              <Input className={styles.input} type="number" value={choices.cap === null || choices.cap === undefined ? "" : String(choices.cap)} onChange={(_, d) => set({ cap: limit(d.value) })} data-testid="cap" />
            </Field>
            <Field label={t.floor} className={styles.shrink}>
              <Input className={styles.input} type="number" value={choices.floor === null || choices.floor === undefined ? "" : String(choices.floor)} onChange={(_, d) => set({ floor: limit(d.value) })} data-testid="floor" />
            </Field>
          </div>
          <Checkbox checked={choices.convertText} onChange={(_, d) => set({ convertText: !!d.checked })} label={t.convertText} />
          <Checkbox checked={f.overwrite} onChange={(_, d) => f.setOverwrite(!!d.checked)} label={t.overwrite} data-testid="overwrite" />
        </div>
      </Disclosure>

      <Field label={t.scope}>
        <RadioGroup value={f.scope} onChange={(_, d) => f.chooseScope(d.value as ScopeKind)} data-testid="scope">
          <Radio value="all" label={t.scopeAll(f.fullCounts?.tables ?? 0)} data-testid="scope-all" />
          <Radio value="tables" label={t.scopeChecked(f.checked.length)} data-testid="scope-tables" />
          {f.canReadSelection && <Radio value="selection" label={t.scopeSelection} data-testid="scope-selection" />}
        </RadioGroup>
      </Field>
      {f.scope === "tables" && f.checked.length === 0 && <Text size={200}>{t.noneChecked}</Text>}
      {f.scope === "selection" && (
        <div className={styles.group}>
          <Text size={200} data-testid="selection" className={styles.wrapText}>
            {f.selection ? t.selectionIs(`${f.selection.sheet}!${f.selection.address}`, f.selectedTables.length) : t.selectionUnknown}
          </Text>
          <Text size={200} className={styles.muted}>
            {t.selectionRule}
          </Text>
          <div>
            <Button size="small" onClick={f.readSelection} data-testid="read-selection">
              {t.readSelection}
            </Button>
          </div>
          {f.selectionError && <Problem label={t.selectionFailed} message={f.selectionError} />}
        </div>
      )}

      <Text as="h3" weight="semibold">
        {t.preview}
      </Text>
      <div data-testid="preview" className={styles.group}>
        <Text data-testid="preview-cells" className={styles.wrapText}>
          {counts.formulas ? t.previewCounts(counts, plan.legend?.sheet ?? "") : t.previewNothing}
        </Text>
        {plan.textNumbers.length > 0 && <Text size={200}>{t.textNumbers(plan.textNumbers.length)}</Text>}
        {plan.legend && (
          <Text size={200} className={styles.muted}>
            {t.legendSheet(plan.legend.sheet)}
          </Text>
        )}
        {f.previews.map((p) => (
          <TablePreviewItem key={p.key} p={p} t={t} lang={lang} onSelectCell={onSelectCell} />
        ))}
        {/* Issue 10, item 3, later: "columns that need confirmation" (pairings recognition is unsure of) are
            offered here as a choice, not written. Recognition will expose the pairings with a confidence; list
            them in this place with a checkbox each, and leave them out of the plan until ticked. */}
      </div>

      <div className={styles.actions}>
        <Button appearance="primary" onClick={f.writePlan} disabled={busy || write.status === "written" || counts.cells === 0} data-testid="write">
          {write.status === "writing" ? t.writing : t.writeCount(counts.formulas)}
        </Button>
        {(write.status === "written" || (write.status === "error" && write.records?.length)) && (
          <Button onClick={f.undo} data-testid="undo">
            {t.undo}
          </Button>
        )}
      </div>
      <WriteOutcome f={f} t={t} lang={lang} onSelectCell={onSelectCell} />
    </section>
  );
}

/** Progress, the result with its counts, the written ranges, and errors. */
export function WriteOutcome({ f, t, lang, onSelectCell }: { f: Formulas; t: PaneStrings; lang: Lang; onSelectCell: (sheet: string, cell: string) => void }) {
  const styles = useStyles();
  const { write } = f;
  return (
    <>
      {(write.status === "writing" || write.status === "undoing") && (
        <Field label={write.status === "writing" ? t.writing : t.undoing} hint={t.progress(write.progress.done, write.progress.total)}>
          <ProgressBar value={write.progress.total ? write.progress.done / write.progress.total : 0} data-testid="progress" />
        </Field>
      )}
      {write.status === "written" && (
        <>
          <MessageBar intent="success" data-testid="write-result">
            <MessageBarBody>{t.written(write.counts)}</MessageBarBody>
          </MessageBar>
          <Disclosure label={t.showWritten} testId="show-written">
            <ul className={styles.list} data-testid="written-ranges">
              {write.ranges.map((r) => (
                <li key={`${r.sheet}!${r.address}`}>
                  <Link onClick={() => onSelectCell(r.sheet, r.address)}>{t.writtenRange(r.sheet, r.address, r.cells)}</Link>
                  {r.table ? <span className={styles.muted}> — {r.table}</span> : null}
                </li>
              ))}
            </ul>
          </Disclosure>
          {write.layoutError && <Problem intent="warning" label={t.layoutFailed} message={write.layoutError} />}
        </>
      )}
      {write.status === "undone" && (
        <MessageBar intent="info" data-testid="write-result">
          <MessageBarBody>{t.undone}</MessageBarBody>
        </MessageBar>
      )}
      {write.status === "error" && (
        <MessageBar intent="error" data-testid="write-error">
          <MessageBarBody>
            {t.writeFailed}: {write.detail ? coreText(write.detail, lang) : write.message}
            {write.rolledBack ? ` ${t.rolledBack}` : write.records?.length ? ` ${t.rollbackFailed}` : ""}
          </MessageBarBody>
        </MessageBar>
      )}
      {(write.status === "written" || write.status === "undone" || write.status === "error") && <Notices notices={write.notices} lang={lang} testId="write-notices" />}
      {f.saveError && <Problem intent="warning" label={t.saveFailed} message={f.saveError} />}
    </>
  );
}

/** One table of the preview: its columns with their real headers, and one example row's formula. */
function TablePreviewItem({ p, t, lang, onSelectCell }: { p: TablePreview; t: PaneStrings; lang: Lang; onSelectCell: (sheet: string, cell: string) => void }) {
  const styles = useStyles();
  const range = tableRange(p.table);
  const caption = p.table.caption ?? range;
  return (
    <div data-testid="preview-table">
      <Disclosure label={`${caption} — ${t.previewTable(p.formulas, p.columns.length)}${p.skipped.length ? ` · ${t.skipped(p.skipped.length)}` : ""}`} testId="preview-toggle">
        <Text size={200} className={styles.muted}>
          {p.table.sheet}!{range}
        </Text>
        {p.columns.map((c) => (
          <div key={c.column} className={styles.column} data-testid={c.appended ? "preview-appended" : "preview-filled"}>
            <Text weight="semibold" size={200} className={styles.wrapText}>
              {t.column(c.column)}: «{c.header}» — {c.appended ? t.newColumn : t.existingColumn}, {roleName(c.role, lang)}, {t.cells(c.cells)}
            </Text>
            <Text size={200}>{t.exampleRow(c.example.row, c.example.cell)}</Text>
            <Text size={200} className={styles.muted}>
              {t.inExcel}
            </Text>
            <code className={styles.formula} data-testid="preview-formula">
              {c.example.formula}
            </code>
            <Text size={200} className={styles.muted}>
              {t.inWords}
            </Text>
            <Text size={200} className={styles.wrapText} data-testid="preview-words">
              {coreText(c.example.words, lang)}
            </Text>
            <Text size={200}>{t.result(typeof c.example.value === "number" ? paneNumber(c.example.value, lang, 2) : c.example.value || t.emptyResult)}</Text>
          </div>
        ))}
        {[
          { key: "text-numbers", title: t.textNumbers(p.textNumbers.length), items: p.textNumbers.map((c) => ({ sheet: c.sheet, cell: c.cell, text: `"${c.text}" → ${c.applied ? paneNumber(c.value, lang) : t.keptAsText}` })) },
          { key: "reconciled", title: t.reconciled(p.reconciled.length), items: p.reconciled.map((r) => ({ sheet: r.sheet, cell: r.cell, text: coreText(r.reason, lang) })) },
          { key: "empty", title: t.emptyResults(p.empty.length), items: p.empty.map((e) => ({ sheet: e.sheet, cell: e.cell, text: coreText(e.reason, lang) })) },
          { key: "skipped", title: t.skipped(p.skipped.length), items: p.skipped.map((s) => ({ sheet: s.sheet, cell: s.cell, text: coreText(s.reason, lang) })) },
        ]
          .filter((x) => x.items.length > 0)
          .map((x) => (
            <Disclosure key={x.key} label={x.title} testId={`preview-${x.key}`}>
              <ul className={styles.list}>
                {x.items.slice(0, SHOWN_SKIPS).map((s) => (
                  <li key={`${s.sheet}!${s.cell}`}>
                    <Link onClick={() => onSelectCell(s.sheet, s.cell)}>{s.cell}</Link>: {s.text}
                  </li>
                ))}
                {x.items.length > SHOWN_SKIPS && <li>… {x.items.length - SHOWN_SKIPS}</li>}
              </ul>
            </Disclosure>
          ))}
      </Disclosure>
    </div>
  );
}
