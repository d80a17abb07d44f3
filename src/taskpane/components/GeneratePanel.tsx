import * as React from "react";
import { useState } from "react";
import { Button, Checkbox, Field, Input, MessageBar, MessageBarBody, ProgressBar, Select, Tab, TabList, Text, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import type { Official, PkProfile } from "../../core/profile";
import type { Phasing } from "../../core/rencanaAksi";
import { tableId } from "../../core/sources";
import { rowKey } from "../../core/choices";
import { RecognisedTable, tableRange } from "../../core/recognise";
import type { Strings } from "../i18n";
import type { GenerateState, SourcePick, useGenerate } from "../useGenerate";
import { LabelledSelect } from "./LabelledSelect";
import { Notices } from "./Notices";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "8px", borderTop: `1px solid ${tokens.colorNeutralStroke2}`, paddingTop: "12px" },
  list: { margin: 0, paddingLeft: "18px", fontSize: tokens.fontSizeBase200 },
  row: { display: "grid", gridTemplateColumns: "minmax(0, 1fr) 150px", gap: "6px", alignItems: "center", fontSize: tokens.fontSizeBase200 },
  group: { display: "flex", flexDirection: "column", gap: "6px", padding: "8px", border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium },
  missing: { color: tokens.colorPaletteDarkOrangeForeground1 },
});

type Generate = ReturnType<typeof useGenerate>;

/** "Buat Rencana Aksi" and "Buat Perjanjian Kinerja": sources preselected, options, an outline, and the button. */
export function GeneratePanel({ g, strings }: { g: Generate; strings: Strings }) {
  const styles = useStyles();
  const [tab, setTab] = useState<"ra" | "pk">("ra");
  if (!g.ra || !g.pk || !g.profile) return null;
  return (
    <section className={styles.root} aria-label={strings.generateTitle}>
      <Text weight="semibold">{strings.generateTitle}</Text>
      <TabList selectedValue={tab} onTabSelect={(_, d) => setTab(d.value as "ra" | "pk")}>
        <Tab value="ra" data-testid="tab-ra">
          {strings.tabRa}
        </Tab>
        <Tab value="pk" data-testid="tab-pk">
          {strings.tabPk}
        </Tab>
      </TabList>
      {tab === "ra" ? <RencanaAksiForm g={g} strings={strings} /> : <PerjanjianKinerjaForm g={g} strings={strings} />}
    </section>
  );
}

function SourceSelect({ label, value, candidates, onChange, strings, testId }: { label: string; value: RecognisedTable | null; candidates: RecognisedTable[]; onChange: (id: string | null) => void; strings: Strings; testId: string }) {
  return (
    <Field label={label}>
      <Select value={value ? tableId(value) : ""} onChange={(_, d) => onChange(d.value || null)} data-testid={testId}>
        <option value="">{strings.none}</option>
        {candidates.map((t) => (
          <option key={tableId(t)} value={tableId(t)}>
            {`${t.caption ?? tableRange(t)} — ${t.sheet}`}
          </option>
        ))}
      </Select>
    </Field>
  );
}

function YearInput({ value, onChange, strings }: { value: number | null; onChange: (y: number | undefined) => void; strings: Strings }) {
  return (
    <Field label={strings.year}>
      <Input type="number" value={value ? String(value) : ""} onChange={(_, d) => onChange(/^20\d\d$/.test(d.value) ? parseInt(d.value, 10) : undefined)} data-testid="year" />
    </Field>
  );
}

/** Outline, replace confirmation, the button with progress, the result and Batalkan. */
function Outcome({ lines, missing, name, replaces, state, blocked, onGenerate, onUndo, strings, kind }: {
  lines: string[]; missing: string[]; name: string; replaces: boolean; state: GenerateState; blocked: boolean; onGenerate: () => void; onUndo: () => void; strings: Strings; kind: string;
}) {
  const styles = useStyles();
  const [confirmed, setConfirmed] = useState(false);
  const busy = state.status === "generating";
  return (
    <>
      <Text weight="semibold">{strings.outline}</Text>
      <ul className={styles.list} data-testid={`outline-${kind}`}>
        <li>{strings.outlineSheet(name, replaces)}</li>
        {lines.map((l) => (
          <li key={l}>{l}</li>
        ))}
        {missing.map((m) => (
          <li key={m} className={styles.missing}>
            {strings.missing}: {m}
          </li>
        ))}
      </ul>
      {replaces && <Checkbox checked={confirmed} onChange={(_, d) => setConfirmed(!!d.checked)} label={strings.replaceConfirm(name)} data-testid={`replace-${kind}`} />}
      <div>
        <Button appearance="primary" onClick={onGenerate} disabled={busy || blocked || state.status === "done" || (replaces && !confirmed)} data-testid={`generate-${kind}`}>
          {busy ? strings.generating : strings.generate}
        </Button>{" "}
        {(state.status === "done" || (state.status === "error" && state.undo)) && (
          <Button onClick={onUndo} data-testid={`undo-${kind}`}>
            {strings.undo}
          </Button>
        )}
      </div>
      {busy && <ProgressBar value={state.progress.total ? state.progress.done / state.progress.total : 0} />}
      {state.status === "done" && (
        <MessageBar intent="success" data-testid={`result-${kind}`}>
          <MessageBarBody>{strings.generated(state.undo.created)}</MessageBarBody>
        </MessageBar>
      )}
      {state.status === "undone" && !state.notices.length && (
        <MessageBar intent="info" data-testid={`result-${kind}`}>
          <MessageBarBody>{strings.generateUndone}</MessageBarBody>
        </MessageBar>
      )}
      {state.status === "error" && (
        <MessageBar intent="error" data-testid={`error-${kind}`}>
          <MessageBarBody>
            {strings.generateFailed}: {state.detail ? strings.say(state.detail) : state.message}
          </MessageBarBody>
        </MessageBar>
      )}
      {(state.status === "done" || state.status === "undone" || state.status === "error") && <Notices notices={state.notices} strings={strings} testId={`notices-${kind}`} />}
    </>
  );
}

function RencanaAksiForm({ g, strings }: { g: Generate; strings: Strings }) {
  const styles = useStyles();
  const { spec, sources, phasings, carryOver } = g.ra!;
  const pick = (patch: SourcePick) => g.setRaPick({ ...g.raPick, ...patch });
  return (
    <>
      <SourceSelect label={strings.sourcePk} value={sources.pk.table} candidates={sources.candidates.pk} onChange={(pk) => pick({ pk })} strings={strings} testId="ra-source-pk" />
      <SourceSelect label={strings.sourceBudget} value={sources.budget.table} candidates={sources.candidates.budget} onChange={(budget) => pick({ budget })} strings={strings} testId="ra-source-budget" />
      <SourceSelect label={strings.sourceQuarterly} value={sources.quarterly.table} candidates={sources.candidates.quarterly} onChange={(quarterly) => pick({ quarterly })} strings={strings} testId="ra-source-quarterly" />
      <YearInput value={g.raPick.year ?? sources.year} onChange={(year) => pick({ year })} strings={strings} />
      <LabelledSelect<Phasing | "auto"> label={strings.phasingDefault} value={g.phasing} options={strings.phasings} onChange={g.setPhasing} testId="phasing" />
      {phasings.length > 0 && (
        <details>
          <summary>{strings.phasingPerIndicator}</summary>
          {phasings.map((p) => {
            const key = rowKey(p.indicator.source.sheet, p.indicator.source.row);
            return (
              <label key={key} className={styles.row}>
                <span title={strings.say(p.reason)}>
                  {p.indicator.indikator.slice(0, 70)}
                  <br />
                  <Text size={100}>{strings.say(p.reason)}</Text>
                </span>
                <Select size="small" value={p.phasing} data-testid={`phasing-${key}`} onChange={(_, d) => g.setPhasingByIndicator({ ...g.phasingByIndicator, [key]: d.value as Phasing })}>
                  {(["ramp", "split", "akhir", "flat"] as Phasing[]).map((v) => (
                    <option key={v} value={v}>
                      {strings.phasings[v]}
                    </option>
                  ))}
                </Select>
              </label>
            );
          })}
        </details>
      )}
      <Outcome
        kind="ra"
        lines={[strings.outlineRa(sources.pk.rows.length, sources.budget.rows.length, sources.quarterly.matched), ...carryOver.messages.map((m) => strings.say(m))]}
        missing={spec.notes.map(strings.say)}
        name={spec.name}
        replaces={spec.replaces}
        state={g.state.ra}
        blocked={false}
        onGenerate={g.generateRa}
        onUndo={() => g.undo("ra")}
        strings={strings}
      />
    </>
  );
}

function PerjanjianKinerjaForm({ g, strings }: { g: Generate; strings: Strings }) {
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
        {text(strings.nama, o.nama, (nama) => official(which, { nama }), `${which}-nama`)}
        {text(strings.jabatan, o.jabatan, (jabatan) => official(which, { jabatan }), `${which}-jabatan`)}
        <Field label={strings.status}>
          <Select value={o.status ?? ""} onChange={(_, d) => official(which, { status: d.value as Official["status"] })} data-testid={`${which}-status`}>
            <option value="">{strings.statusDefinitif}</option>
            <option value="Plt.">Plt.</option>
            <option value="Plh.">Plh.</option>
          </Select>
        </Field>
        <Checkbox checked={!!o.kepalaDaerah} onChange={(_, d) => official(which, { kepalaDaerah: !!d.checked })} label={strings.kepalaDaerah} />
        {!o.kepalaDaerah && text(strings.pangkat, o.pangkat, (pangkat) => official(which, { pangkat }), `${which}-pangkat`)}
        {!o.kepalaDaerah && text(strings.nip, o.nip, (nip) => official(which, { nip }), `${which}-nip`)}
      </div>
    );
  };
  return (
    <>
      <SourceSelect label={strings.sourcePk} value={sources.pk.table} candidates={sources.candidates.pk} onChange={(pk) => pick({ pk })} strings={strings} testId="pk-source-pk" />
      <SourceSelect label={strings.sourceBudget} value={sources.budget.table} candidates={sources.candidates.budget} onChange={(budget) => pick({ budget })} strings={strings} testId="pk-source-budget" />
      <YearInput value={g.pkPick.year ?? p.tahun ?? sources.year} onChange={(year) => pick({ year })} strings={strings} />
      <Checkbox checked={g.perubahan} onChange={(_, d) => g.setPerubahan(!!d.checked)} label={strings.perubahan} data-testid="perubahan" />
      <Text weight="semibold">{strings.profile}</Text>
      {text(strings.instansi, p.instansi, (instansi) => set({ instansi }), "instansi")}
      {text(strings.pemerintah, p.pemerintah, (pemerintah) => set({ pemerintah }), "pemerintah")}
      {text(strings.tempat, p.tempat, (tempat) => set({ tempat }), "tempat")}
      {text(strings.tanggal, p.tanggal, (tanggal) => set({ tanggal }), "tanggal")}
      {person("pihakPertama", strings.pihakPertama)}
      {person("pihakKedua", strings.pihakKedua)}
      <Field label={strings.sebutan}>
        <Select value={p.sebutan ?? "PIHAK PERTAMA"} onChange={(_, d) => set({ sebutan: d.value as PkProfile["sebutan"] })}>
          <option value="PIHAK PERTAMA">PIHAK PERTAMA</option>
          <option value="PIHAK KESATU">PIHAK KESATU</option>
        </Select>
      </Field>
      <Checkbox checked={p.atasanLangsung !== false} onChange={(_, d) => set({ atasanLangsung: !!d.checked })} label={strings.atasanLangsung} />
      <Field label={strings.pernyataan}>
        <Textarea value={(p.pernyataan ?? []).join("\n\n")} onChange={(_, d) => set({ pernyataan: d.value.trim() ? d.value.split(/\n\s*\n/) : undefined })} rows={3} />
      </Field>
      {g.profileProblems.length > 0 && (
        <MessageBar intent="warning" data-testid="profile-problems">
          <MessageBarBody>
            {strings.profileProblems}: {g.profileProblems.join("; ")}
          </MessageBarBody>
        </MessageBar>
      )}
      <Outcome
        kind="pk"
        lines={[strings.outlinePk(outline.indicators, outline.sasaran, outline.programs, outline.total.toLocaleString("id-ID"))]}
        missing={spec.notes.map(strings.say)}
        name={spec.name}
        replaces={spec.replaces}
        state={g.state.pk}
        blocked={g.profileProblems.length > 0}
        onGenerate={g.generatePk}
        onUndo={() => g.undo("pk")}
        strings={strings}
      />
    </>
  );
}
