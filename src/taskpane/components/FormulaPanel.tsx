import * as React from "react";
import { Button, Checkbox, Field, Input, Link, MessageBar, MessageBarBody, ProgressBar, Select, Text, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import { SavedChoices, scaleFromLines } from "../../core/choices";
import type { EfficiencyMethod, NegativeMethod, PredikatScale } from "../../core/formulas";
import { summarisePlan } from "../../core/writePlan";
import type { Strings } from "../i18n";
import type { useFormulas } from "../useFormulas";
import { LabelledSelect } from "./LabelledSelect";
import { Notices } from "./Notices";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "8px", borderTop: `1px solid ${tokens.colorNeutralStroke2}`, paddingTop: "12px" },
  list: { margin: 0, paddingLeft: "18px", fontSize: tokens.fontSizeBase200 },
  actions: { display: "flex", gap: "8px", alignItems: "center" },
  finding: { fontSize: tokens.fontSizeBase200 },
});

type Formulas = ReturnType<typeof useFormulas>;

const SHOWN_SKIPS = 20;
const limit = (v: string): number | null => (v.trim() === "" || !Number.isFinite(Number(v)) ? null : Number(v));
const shown = (v: number | string | null) => (v === null ? "—" : typeof v === "number" ? String(Math.round(v * 100) / 100) : v);

/** Global choices, the preview of the write, "Tulis rumus" / "Batalkan", and "Periksa" with its findings. */
export function FormulaPanel({ f, strings, onSelectCell }: { f: Formulas; strings: Strings; onSelectCell: (sheet: string, cell: string) => void }) {
  const styles = useStyles();
  const { choices, plan, write } = f;
  if (!choices || !plan) return null;
  const set = (patch: Partial<SavedChoices>) => f.setChoices({ ...choices, ...patch });
  const summary = summarisePlan(plan);
  const scaleProblems = choices.scale === "custom" ? scaleFromLines(choices.customBands ?? "").problems : [];
  const busy = write.status === "writing" || write.status === "undoing";
  const written = write.status === "written";
  return (
    <section className={styles.root} aria-label={strings.formulasTitle}>
      <Text weight="semibold">{strings.formulasTitle}</Text>
      <Field label={strings.negativeMethod}>
        <Select value={choices.negative} onChange={(_, d) => set({ negative: d.value as NegativeMethod })} data-testid="negative-method">
          <option value="A">{strings.negativeA}</option>
          <option value="B">{strings.negativeB}</option>
          <option value="C">{strings.negativeC}</option>
        </Select>
      </Field>
      <LabelledSelect<PredikatScale> label={strings.scale} value={choices.scale} options={strings.scales} onChange={(scale) => set({ scale })} testId="scale" />
      {choices.scale === "custom" && (
        <Field label={strings.customScale} hint={strings.customScaleHint} validationMessage={scaleProblems.join("; ") || undefined}>
          <Textarea value={choices.customBands ?? ""} onChange={(_, d) => set({ customBands: d.value })} rows={4} data-testid="custom-scale" />
        </Field>
      )}
      <LabelledSelect<EfficiencyMethod> label={strings.efficiency} value={choices.efficiency} options={strings.efficiencies} onChange={(efficiency) => set({ efficiency })} testId="efficiency" />
      <div className={styles.actions}>
        <Field label={strings.cap}>
          <Input type="number" value={choices.cap === null || choices.cap === undefined ? "" : String(choices.cap)} onChange={(_, d) => set({ cap: limit(d.value) })} data-testid="cap" />
        </Field>
        <Field label={strings.floor}>
          <Input type="number" value={choices.floor === null || choices.floor === undefined ? "" : String(choices.floor)} onChange={(_, d) => set({ floor: limit(d.value) })} data-testid="floor" />
        </Field>
      </div>
      <Checkbox checked={choices.convertText} onChange={(_, d) => set({ convertText: !!d.checked })} label={strings.convertText} />
      <Checkbox checked={f.overwrite} onChange={(_, d) => f.setOverwrite(!!d.checked)} label={strings.overwrite} data-testid="overwrite" />

      <Text weight="semibold">{strings.preview}</Text>
      <div data-testid="preview">
        <Text data-testid="preview-cells">{summary.formulas ? strings.previewCells(summary.formulas) : strings.previewNothing}</Text>
        <ul className={styles.list}>
          {summary.columns.map((c) => (
            <li key={`${c.sheet}!${c.column}`} data-testid={c.appended ? "preview-appended" : "preview-filled"}>
              {c.appended ? strings.appendedColumn(c.sheet, c.column, c.cells, c.header ?? c.role) : strings.filledColumn(c.sheet, c.column, c.cells, c.role)}
            </li>
          ))}
        </ul>
        {plan.textNumbers.length > 0 && (
          <CellList
            testId="preview-text-numbers"
            title={plan.convertText ? strings.textConverted(plan.textNumbers.length) : strings.textKept(plan.textNumbers.length)}
            items={plan.textNumbers.map((c) => ({ sheet: c.sheet, cell: c.cell, text: `"${c.text}"${c.applied ? ` → ${c.value}` : ""}` }))}
            onSelectCell={onSelectCell}
          />
        )}
        {[
          { key: "reconciled", items: plan.reconciled, title: strings.reconciled(plan.reconciled.length) },
          { key: "empty", items: plan.empty, title: strings.emptyResults(plan.empty.length) },
          { key: "skipped", items: plan.skipped, title: strings.skipped(plan.skipped.length) },
        ]
          .filter((x) => x.items.length > 0)
          .map((x) => (
            <CellList key={x.key} testId={`preview-${x.key}`} title={x.title} items={x.items.map((s) => ({ sheet: s.sheet, cell: s.cell, text: strings.say(s.reason) }))} onSelectCell={onSelectCell} />
          ))}
        {plan.legend && <Text size={200}>{strings.legendSheet(plan.legend.sheet)}</Text>}
      </div>

      <div className={styles.actions}>
        <Button appearance="primary" onClick={f.writePlan} disabled={busy || written || summary.formulas + plan.writes.length === 0} data-testid="write">
          {write.status === "writing" ? strings.writing : strings.write}
        </Button>
        {(written || (write.status === "error" && write.record)) && (
          <Button onClick={f.undo} data-testid="undo">
            {strings.undo}
          </Button>
        )}
      </div>
      {busy && <ProgressBar value={write.progress.total ? write.progress.done / write.progress.total : 0} data-testid="progress" />}
      {write.status === "written" && (
        <MessageBar intent="success" data-testid="write-result">
          <MessageBarBody>{strings.written(write.cells)}</MessageBarBody>
        </MessageBar>
      )}
      {write.status === "undone" && (
        <MessageBar intent="info" data-testid="write-result">
          <MessageBarBody>{strings.undone}</MessageBarBody>
        </MessageBar>
      )}
      {write.status === "error" && (
        <MessageBar intent="error" data-testid="write-error">
          <MessageBarBody>
            {strings.writeFailed}: {write.detail ? strings.say(write.detail) : write.message}
          </MessageBarBody>
        </MessageBar>
      )}
      {(write.status === "written" || write.status === "undone" || write.status === "error") && <Notices notices={write.notices} strings={strings} testId="write-notices" />}
      {f.saveError && (
        <MessageBar intent="warning">
          <MessageBarBody>
            {strings.saveFailed}: {f.saveError}
          </MessageBarBody>
        </MessageBar>
      )}

      <div className={styles.actions}>
        <Button onClick={f.audit} data-testid="audit">
          {strings.audit}
        </Button>
        {f.findings && f.findings.length > 0 && <Checkbox checked={f.highlighted} onChange={(_, d) => f.toggleHighlight(!!d.checked)} label={strings.highlight} data-testid="highlight" />}
      </div>
      <Notices notices={f.highlightNotices} strings={strings} testId="highlight-notices" />
      {f.findings && (
        <div data-testid="findings">
          <Text>{f.findings.length ? strings.auditCount(f.findings.length) : strings.auditNone}</Text>
          <ul className={styles.list}>
            {f.findings.map((x) => (
              <li key={`${x.sheet}!${x.cell}!${x.reason}`} className={styles.finding} data-testid="finding">
                <Link onClick={() => onSelectCell(x.sheet, x.cell)}>
                  {x.sheet}!{x.cell}
                </Link>{" "}
                — {strings.reasons[x.reason] ?? x.reason}: {strings.typed} {shown(x.typed)}, {strings.expected} {shown(x.expected)}
                <br />
                <span data-testid="finding-where">{[x.table, x.indicator].filter(Boolean).join(" · ")}</span> — {strings.say(x.detail)}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

/** A list of cells with what is said about each, built only when the user opens it (the preview stays light). */
function CellList({ title, items, testId, onSelectCell }: { title: string; items: { sheet: string; cell: string; text: string }[]; testId: string; onSelectCell: (sheet: string, cell: string) => void }) {
  const styles = useStyles();
  const [open, setOpen] = React.useState(false);
  return (
    <details onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}>
      <summary data-testid={testId}>{title}</summary>
      {open && (
        <ul className={styles.list}>
          {items.slice(0, SHOWN_SKIPS).map((x) => (
            <li key={`${x.sheet}!${x.cell}`}>
              <Link onClick={() => onSelectCell(x.sheet, x.cell)}>
                {x.sheet}!{x.cell}
              </Link>
              : {x.text}
            </li>
          ))}
          {items.length > SHOWN_SKIPS && <li>… {items.length - SHOWN_SKIPS}</li>}
        </ul>
      )}
    </details>
  );
}
