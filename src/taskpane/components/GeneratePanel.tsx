import * as React from "react";
import { useId, useState } from "react";
import { Button, Checkbox, Field, Input, MessageBar, MessageBarBody, ProgressBar, Select, Text, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import type { Official, PkProfile } from "../../core/profile";
import type { Phasing } from "../../core/rencanaAksi";
import { tableId } from "../../core/sources";
import { RecognisedTable, tableRange } from "../../core/recognise";
import { rowKey } from "../../core/choices";
import type { Lang } from "../../i18n";
import { coreText, PaneStrings } from "../../i18n/pane";
import type { Message } from "../../core/messages";
import type { GenerateState, SourcePick, useGenerate } from "../useGenerate";
import { Disclosure } from "./Disclosure";
import { Problem } from "./Problem";
import { LabelledSelect } from "./LabelledSelect";
import { Notices } from "./Notices";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "8px", minWidth: 0 },
  list: { margin: 0, paddingLeft: "18px", fontSize: tokens.fontSizeBase200, overflowWrap: "anywhere" },
  row: { display: "flex", flexDirection: "column", gap: "2px", fontSize: tokens.fontSizeBase200, paddingBottom: "6px", borderBottom: `1px solid ${tokens.colorNeutralStroke3}` },
  wrapText: { overflowWrap: "anywhere" },
  group: { display: "flex", flexDirection: "column", gap: "6px", padding: "8px", border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium },
  missing: { color: tokens.colorPaletteDarkOrangeForeground1 },
  actions: { display: "flex", flexWrap: "wrap", gap: "8px" },
});

type Generate = ReturnType<typeof useGenerate>;

/** The heading and the form of one generator ("Buat Rencana Aksi" or "Buat Perjanjian Kinerja"). */
export function GeneratePanel({ g, t, lang, which }: { g: Generate; t: PaneStrings; lang: Lang; which: "ra" | "pk" }) {
  const styles = useStyles();
  if (!g.ra || !g.pk || !g.profile) return null;
  const title = which === "ra" ? t.sectionRa : t.sectionPk;
  return (
    <section className={styles.root} aria-labelledby={`generate-${which}-title`}>
      <Text as="h2" id={`generate-${which}-title`} weight="semibold" size={400}>
        {title}
      </Text>
      <Text size={200}>{t.generateTitle}</Text>
      {which === "ra" ? <RencanaAksiForm g={g} t={t} lang={lang} /> : <PerjanjianKinerjaForm g={g} t={t} lang={lang} />}
    </section>
  );
}

function SourceSelect({ label, value, candidates, onChange, t, testId }: { label: string; value: RecognisedTable | null; candidates: RecognisedTable[]; onChange: (id: string | null) => void; t: PaneStrings; testId: string }) {
  return (
    <Field label={label}>
      <Select value={value ? tableId(value) : ""} onChange={(_, d) => onChange(d.value || null)} data-testid={testId}>
        <option value="">{t.none}</option>
        {candidates.map((x) => (
          <option key={tableId(x)} value={tableId(x)}>
            {t.sourceOption(x.caption ?? tableRange(x), x.sheet)}
          </option>
        ))}
      </Select>
    </Field>
  );
}

function YearInput({ value, onChange, t }: { value: number | null; onChange: (y: number | undefined) => void; t: PaneStrings }) {
  return (
    <Field label={t.year}>
      <Input type="number" value={value ? String(value) : ""} onChange={(_, d) => onChange(/^20\d\d$/.test(d.value) ? parseInt(d.value, 10) : undefined)} data-testid="year" />
    </Field>
  );
}

/** Outline, replace confirmation, the button with progress, the result and Batalkan. */
function Outcome({ lines, missing, name, replaces, state, blocked, onGenerate, onUndo, t, lang, kind, label }: {
  lines: string[]; missing: (string | Message<string>)[]; name: string; replaces: boolean; state: GenerateState; blocked: boolean; onGenerate: () => void; onUndo: () => void; t: PaneStrings; lang: Lang; kind: string; label: string;
}) {
  const styles = useStyles();
  const [confirmed, setConfirmed] = useState(false);
  const busy = state.status === "generating";
  return (
    <>
      <Text weight="semibold">{t.outline}</Text>
      <ul className={styles.list} data-testid={`outline-${kind}`}>
        <li>{t.outlineSheet(name, replaces)}</li>
        {lines.map((l) => (
          <li key={l}>{l}</li>
        ))}
        {missing.map((m, i) => (
          <li key={i} className={styles.missing}>
            {t.missing}: {coreText(m, lang)}
          </li>
        ))}
      </ul>
      {replaces && <Checkbox checked={confirmed} onChange={(_, d) => setConfirmed(!!d.checked)} label={t.replaceConfirm(name)} data-testid={`replace-${kind}`} />}
      <div className={styles.actions}>
        <Button appearance="primary" onClick={onGenerate} disabled={busy || blocked || state.status === "done" || (replaces && !confirmed)} data-testid={`generate-${kind}`}>
          {busy ? t.generating : label}
        </Button>
        {(state.status === "done" || (state.status === "error" && state.undo)) && (
          <Button onClick={onUndo} data-testid={`undo-${kind}`}>
            {t.undo}
          </Button>
        )}
      </div>
      {busy && (
        <Field label={t.generating} hint={t.progress(state.progress.done, state.progress.total)}>
          <ProgressBar value={state.progress.total ? state.progress.done / state.progress.total : 0} />
        </Field>
      )}
      {state.status === "done" && (
        <MessageBar intent="success" data-testid={`result-${kind}`}>
          <MessageBarBody>{t.generated(state.undo.created)}</MessageBarBody>
        </MessageBar>
      )}
      {state.status === "undone" && !state.notices.length && (
        <MessageBar intent="info" data-testid={`result-${kind}`}>
          <MessageBarBody>{t.generateUndone}</MessageBarBody>
        </MessageBar>
      )}
      {state.status === "error" && <Problem label={t.generateFailed} message={state.detail ? coreText(state.detail, lang) : state.message} testId={`error-${kind}`} />}
      {(state.status === "done" || state.status === "undone" || state.status === "error") && <Notices notices={state.notices} lang={lang} testId={`notices-${kind}`} />}
    </>
  );
}

function RencanaAksiForm({ g, t, lang }: { g: Generate; t: PaneStrings; lang: Lang }) {
  const styles = useStyles();
  const base = useId();
  const { spec, sources, phasings, carryOver } = g.ra!;
  const pick = (patch: SourcePick) => g.setRaPick({ ...g.raPick, ...patch });
  return (
    <>
      <SourceSelect label={t.sourcePk} value={sources.pk.table} candidates={sources.candidates.pk} onChange={(pk) => pick({ pk })} t={t} testId="ra-source-pk" />
      <SourceSelect label={t.sourceBudget} value={sources.budget.table} candidates={sources.candidates.budget} onChange={(budget) => pick({ budget })} t={t} testId="ra-source-budget" />
      <SourceSelect label={t.sourceQuarterly} value={sources.quarterly.table} candidates={sources.candidates.quarterly} onChange={(quarterly) => pick({ quarterly })} t={t} testId="ra-source-quarterly" />
      <YearInput value={g.raPick.year ?? sources.year} onChange={(year) => pick({ year })} t={t} />
      <LabelledSelect<Phasing | "auto"> label={t.phasingDefault} value={g.phasing} options={t.phasings} onChange={g.setPhasing} testId="phasing" />
      {phasings.length > 0 && (
        <Disclosure label={t.phasingPerIndicator} testId="phasing-per-indicator">
          {phasings.map((p) => {
            const key = rowKey(p.indicator.source.sheet, p.indicator.source.row);
            const id = `${base}-${key}`;
            return (
              <div key={key} className={styles.row}>
                <label htmlFor={id} className={styles.wrapText}>
                  {p.indicator.indikator.slice(0, 90)}
                </label>
                <Text size={100} className={styles.wrapText}>
                  {coreText(p.reason, lang)}
                </Text>
                <Select id={id} size="small" value={p.phasing} data-testid={`phasing-${key}`} onChange={(_, d) => g.setPhasingByIndicator({ ...g.phasingByIndicator, [key]: d.value as Phasing })}>
                  {(["ramp", "split", "akhir", "flat"] as Phasing[]).map((v) => (
                    <option key={v} value={v}>
                      {t.phasings[v]}
                    </option>
                  ))}
                </Select>
              </div>
            );
          })}
        </Disclosure>
      )}
      <Outcome
        kind="ra"
        lines={[t.outlineRa(sources.pk.rows.length, sources.budget.rows.length, sources.quarterly.matched), ...carryOver.messages.map((m) => coreText(m, lang))]}
        missing={spec.notes}
        name={spec.name}
        replaces={spec.replaces}
        state={g.state.ra}
        blocked={false}
        onGenerate={g.generateRa}
        onUndo={() => g.undo("ra")}
        t={t}
        lang={lang}
        label={t.generateRa}
      />
    </>
  );
}

function PerjanjianKinerjaForm({ g, t, lang }: { g: Generate; t: PaneStrings; lang: Lang }) {
  const styles = useStyles();
  const { spec, sources, outline } = g.pk!;
  const p = g.profile!;
  const set = (patch: Partial<PkProfile>) => g.setProfile({ ...p, ...patch });
  const official = (which: "pihakPertama" | "pihakKedua", patch: Partial<Official>) => set({ [which]: { ...p[which], ...patch } });
  const pick = (patch: SourcePick) => g.setPkPick({ ...g.pkPick, ...patch });
  const text = (label: string, value: string | undefined, onChange: (v: string) => void, testId: string) => (
    <Field label={label}>
      <Input value={value ?? ""} onChange={(_, d) => onChange(d.value)} data-testid={testId} />
    </Field>
  );
  const person = (which: "pihakPertama" | "pihakKedua", title: string) => {
    const o = p[which];
    return (
      <div className={styles.group}>
        <Text weight="semibold">{title}</Text>
        {text(t.nama, o.nama, (nama) => official(which, { nama }), `${which}-nama`)}
        {text(t.jabatan, o.jabatan, (jabatan) => official(which, { jabatan }), `${which}-jabatan`)}
        <Field label={t.status}>
          <Select value={o.status ?? ""} onChange={(_, d) => official(which, { status: d.value as Official["status"] })} data-testid={`${which}-status`}>
            {Object.entries(t.statuses).map(([v, label]) => (
              <option key={v} value={v}>
                {label}
              </option>
            ))}
          </Select>
        </Field>
        <Checkbox checked={!!o.kepalaDaerah} onChange={(_, d) => official(which, { kepalaDaerah: !!d.checked })} label={t.kepalaDaerah} />
        {!o.kepalaDaerah && text(t.pangkat, o.pangkat, (pangkat) => official(which, { pangkat }), `${which}-pangkat`)}
        {!o.kepalaDaerah && text(t.nip, o.nip, (nip) => official(which, { nip }), `${which}-nip`)}
      </div>
    );
  };
  return (
    <>
      <SourceSelect label={t.sourcePk} value={sources.pk.table} candidates={sources.candidates.pk} onChange={(pk) => pick({ pk })} t={t} testId="pk-source-pk" />
      <SourceSelect label={t.sourceBudget} value={sources.budget.table} candidates={sources.candidates.budget} onChange={(budget) => pick({ budget })} t={t} testId="pk-source-budget" />
      <YearInput value={g.pkPick.year ?? p.tahun ?? sources.year} onChange={(year) => pick({ year })} t={t} />
      <Checkbox checked={g.perubahan} onChange={(_, d) => g.setPerubahan(!!d.checked)} label={t.perubahan} data-testid="perubahan" />
      <Text weight="semibold">{t.profile}</Text>
      {text(t.instansi, p.instansi, (instansi) => set({ instansi }), "instansi")}
      {text(t.pemerintah, p.pemerintah, (pemerintah) => set({ pemerintah }), "pemerintah")}
      {text(t.tempat, p.tempat, (tempat) => set({ tempat }), "tempat")}
      {text(t.tanggal, p.tanggal, (tanggal) => set({ tanggal }), "tanggal")}
      {person("pihakPertama", t.pihakPertama)}
      {person("pihakKedua", t.pihakKedua)}
      <LabelledSelect<NonNullable<PkProfile["sebutan"]>> label={t.sebutan} value={p.sebutan ?? "PIHAK PERTAMA"} options={t.sebutans} onChange={(sebutan) => set({ sebutan })} testId="sebutan" />
      <Checkbox checked={p.atasanLangsung !== false} onChange={(_, d) => set({ atasanLangsung: !!d.checked })} label={t.atasanLangsung} />
      <Field label={t.pernyataan}>
        <Textarea value={(p.pernyataan ?? []).join("\n\n")} onChange={(_, d) => set({ pernyataan: d.value.trim() ? d.value.split(/\n\s*\n/) : undefined })} rows={3} />
      </Field>
      {g.profileProblems.length > 0 && <Problem intent="warning" label={t.profileProblems} message={g.profileProblems.map((x) => coreText(x, lang)).join("; ")} testId="profile-problems" />}
      <Outcome
        kind="pk"
        lines={[t.outlinePk(outline.indicators, outline.sasaran, outline.programs, outline.total)]}
        missing={spec.notes}
        name={spec.name}
        replaces={spec.replaces}
        state={g.state.pk}
        blocked={g.profileProblems.length > 0}
        onGenerate={g.generatePk}
        onUndo={() => g.undo("pk")}
        t={t}
        lang={lang}
        label={t.generatePk}
      />
    </>
  );
}
