/**
 * The two generator forms' state in plain hooks, no Excel calls (the port is passed in): source tables,
 * year, phasing, the PK profile, the sheet the core builds from them (the preview), generating with
 * progress, and undo.
 */
import { useCallback, useMemo, useState } from "react";
import type { SavedChoices } from "../core/choices";
import type { WorkbookAnalysis } from "../core/recognise";
import { phraser } from "../i18n";
import type { Message } from "../core/messages";
import { perjanjianKinerjaSheet } from "../core/perjanjianKinerja";
import { EMPTY_PROFILE, PkProfile, readProfile } from "../core/profile";
import { Phasing, rencanaAksiSheet } from "../core/rencanaAksi";
import type { SheetSpec } from "../core/sheetSpec";
import { WriteBlocked, WriteFailed, WriteProgress } from "../excel/applyPlan";
import type { SheetUndo } from "../excel/applySheet";
import type { ScanResult, WorkbookPort } from "../excel/workbook";

/** `notices`: a failed generation taken back, a generated sheet kept by undo because the user typed into it. */
export type GenerateState =
  | { status: "idle" }
  | { status: "generating"; progress: WriteProgress }
  | { status: "done"; undo: SheetUndo; notices: Message[] }
  | { status: "undone"; notices: Message[] }
  | { status: "error"; message: string; detail?: Message; undo?: SheetUndo; notices: Message[] };

/** A failed generation or undo: the message (as a code when the adapter gave one), and an undo still owed. */
function generateError(e: unknown, describeError: (e: unknown) => string, undo?: SheetUndo): GenerateState {
  const detail = e instanceof WriteFailed || e instanceof WriteBlocked ? e.detail : undefined;
  return { status: "error", message: describeError(e), detail, undo: (e instanceof WriteFailed ? (e.undo as SheetUndo | null) : null) ?? undo, notices: [] };
}

export interface SourcePick {
  pk?: string | null;
  budget?: string | null;
  quarterly?: string | null;
  year?: number;
}

/**
 * `analysis` is the scan's with the user's column corrections (useFormulas'), so a role changed in the
 * formulas part reaches both generators; `language` is the language of the generated sheets' words.
 */
export function useGenerate(port: WorkbookPort | null, scan: ScanResult | null, choices: SavedChoices | null, describeError: (e: unknown) => string, userProfile: unknown, onProfileSaved?: (p: PkProfile) => void, corrected?: WorkbookAnalysis | null, language: "id" | "en" = "id") {
  const [raPick, setRaPick] = useState<SourcePick>({});
  const [phasing, setPhasing] = useState<Phasing | "auto">("auto");
  const [phasingByIndicator, setPhasingByIndicator] = useState<Record<string, Phasing>>({});
  const [pkPick, setPkPick] = useState<SourcePick>({});
  const [perubahan, setPerubahan] = useState(false);
  const [profile, setProfile] = useState<PkProfile | null>(null);
  const [state, setState] = useState<{ ra: GenerateState; pk: GenerateState }>({ ra: { status: "idle" }, pk: { status: "idle" } });
  const [scanned, setScanned] = useState<ScanResult | null>(null);

  // A new scan: the profile saved in the workbook, else the user's own, else an empty one.
  if (scan !== scanned) {
    setScanned(scan);
    setProfile(scan?.profile ?? (userProfile ? readProfile(userProfile).profile : EMPTY_PROFILE));
    setState({ ra: { status: "idle" }, pk: { status: "idle" } });
  }

  const analysis = corrected ?? scan?.analysis ?? null;
  const phrase = useMemo(() => phraser(language), [language]);
  const ra = useMemo(
    () =>
      scan && analysis
        ? rencanaAksiSheet(scan.snapshot, analysis, {
            ...raPick, phasing, phasingByIndicator, instansi: profile?.instansi || undefined, phrase,
            // The polarity and formula chosen in the formulas part apply to the capaian columns here too.
            negative: (choices ?? scan.choices).negative, polarity: (choices ?? scan.choices).polarity, negativeByRow: (choices ?? scan.choices).negativeByRow,
          })
        : null,
    [scan, analysis, raPick, phasing, phasingByIndicator, profile, choices, phrase],
  );
  const profileProblems = useMemo(() => (profile ? readProfile(profile).problems : []), [profile]);
  const pk = useMemo(() => (scan && analysis && profile ? perjanjianKinerjaSheet(scan.snapshot, analysis, profile, { ...pkPick, perubahan, phrase }) : null), [scan, analysis, profile, pkPick, perubahan, phrase]);

  const run = useCallback(
    async (which: "ra" | "pk", spec: SheetSpec | undefined) => {
      if (!port || !spec) return;
      setState((s) => ({ ...s, [which]: { status: "generating", progress: { done: 0, total: spec.cells.length } } }));
      try {
        if (which === "pk" && profile) {
          await port.saveProfile(profile);
          onProfileSaved?.(profile);
        }
        const undo = await port.generate(spec, (progress) => setState((s) => ({ ...s, [which]: { status: "generating", progress } })));
        setState((s) => ({ ...s, [which]: { status: "done", undo, notices: undo.notices } }));
      } catch (e) {
        setState((s) => ({ ...s, [which]: generateError(e, describeError) }));
      }
    },
    [port, profile, describeError, onProfileSaved],
  );
  const undo = useCallback(
    async (which: "ra" | "pk") => {
      const current = state[which];
      // After a generation, or after one that failed and could not take itself back.
      const owed = current.status === "done" || current.status === "error" ? current.undo : undefined;
      if (!port || !owed) return;
      try {
        const result = await port.undoGenerate(owed);
        setState((s) => ({ ...s, [which]: { status: "undone", notices: result.kept } }));
      } catch (e) {
        setState((s) => ({ ...s, [which]: generateError(e, describeError, owed) }));
      }
    },
    [port, state, describeError],
  );

  return {
    ra, raPick, setRaPick, phasing, setPhasing, phasingByIndicator, setPhasingByIndicator,
    pk, pkPick, setPkPick, perubahan, setPerubahan, profile, setProfile, profileProblems,
    state, generateRa: () => run("ra", ra?.spec), generatePk: () => run("pk", pk?.spec), undo,
  };
}
