/**
 * The pane's formula workflow in plain hooks, no Excel calls (the port is passed in): the user's choices
 * (saved in the workbook), what to write (all tables, the ticked ones, or the selection in Excel), the
 * plan the core gives for it with its exact counts and per-table preview, writing in steps with progress
 * (rolled back if a step fails), the written cells, and undo.
 */
import { useCallback, useMemo, useState } from "react";
import { fillOptionsFrom, SavedChoices, withRoleOverrides } from "../core/choices";
import { countPlan, onlyTables, PlanCounts, PlanPart, previewByTable, progressSteps, restrictToSelection, tableKey, tablesInSelection, writtenRanges, WrittenRange } from "../core/planScope";
import type { Message } from "../core/messages";
import { phraser } from "../i18n";
import { planWorkbook, WritePlan } from "../core/writePlan";
import { UndoRecord, WriteBlocked, WriteFailed, WriteProgress } from "../excel/applyPlan";
import type { PanePort } from "../excel/paneWorkbook";
import type { ScanResult } from "../excel/workbook";

/**
 * `notices`: what the user should know beyond the outcome, as message codes — cells an undo left alone
 * because the user changed them, a failed write taken back, a chart deselected to merge cells.
 * `records`: one undo record per step of the write (undone newest first).
 */
export type WriteState =
  | { status: "idle" }
  | { status: "writing"; progress: WriteProgress }
  | { status: "written"; records: UndoRecord[]; counts: PlanCounts; ranges: WrittenRange[]; layoutError?: string; notices: Message[] }
  | { status: "undoing"; progress: WriteProgress }
  | { status: "undone"; notices: Message[] }
  | { status: "error"; message: string; detail?: Message; rolledBack: boolean; records?: UndoRecord[]; notices: Message[] };

/**
 * A failed step, undo or highlight as the pane shows it: the message (as a code when the adapter gave
 * one, to be phrased in the pane's language), whether the failed step took itself back, cells left alone
 * while taking it back, and the undo record the step still owes, if any.
 */
export function writeError(e: unknown, describeError: (e: unknown) => string): { message: string; detail?: Message; selfRolledBack: boolean; owed: UndoRecord | null; notices: Message[] } {
  if (e instanceof WriteFailed) return { message: describeError(e), detail: e.detail, selfRolledBack: e.rolledBack, owed: (e.undo as UndoRecord | null) ?? null, notices: e.undone?.kept ?? [] };
  return { message: describeError(e), detail: e instanceof WriteBlocked ? e.detail : undefined, selfRolledBack: false, owed: null, notices: [] };
}

export type ScopeKind = "all" | "tables" | "selection";
export interface Selection {
  sheet: string;
  address: string;
}

/** `language`: the words the plan writes into the workbook (legend, notes, new columns' headers). */
export function useFormulas(port: PanePort | null, scan: ScanResult | null, describeError: (e: unknown) => string, language: "id" | "en" = "id") {
  const [choices, setChoicesState] = useState<SavedChoices | null>(null);
  const [overwrite, setOverwrite] = useState(false);
  const [write, setWrite] = useState<WriteState>({ status: "idle" });
  const [saveError, setSaveError] = useState<string | null>(null);
  const [scanned, setScanned] = useState<ScanResult | null>(null);
  const [scope, setScope] = useState<ScopeKind>("all");
  const [checked, setChecked] = useState<string[]>([]);
  const [selection, setSelection] = useState<Selection | null>(null);
  const [selectionError, setSelectionError] = useState<string | null>(null);

  // A new scan brings the choices stored in the workbook and forgets the previous write.
  if (scan !== scanned) {
    setScanned(scan);
    setChoicesState(scan?.choices ?? null);
    setWrite({ status: "idle" });
    setChecked([]);
    setSelection(null);
  }

  const analysis = useMemo(() => (scan && choices ? withRoleOverrides(scan.analysis, choices.roles, scan.snapshot) : null), [scan, choices]);
  const options = useMemo(() => (choices ? { ...fillOptionsFrom(choices, overwrite), phrase: phraser(language) } : null), [choices, overwrite, language]);
  /** The plan of every table: what "all tables" writes, and where the cards' skipped counts come from. */
  const fullPlan: WritePlan | null = useMemo(() => (scan && analysis && options ? planWorkbook(scan.snapshot, analysis, options) : null), [scan, analysis, options]);
  const selectedTables = useMemo(() => (analysis && selection ? tablesInSelection(analysis, selection.sheet, selection.address) : []), [analysis, selection]);
  const plan: WritePlan | null = useMemo(() => {
    if (!scan || !analysis || !options || !fullPlan) return null;
    if (scope === "tables") return planWorkbook(scan.snapshot, onlyTables(analysis, checked), options);
    if (scope === "selection") {
      if (!selection) return planWorkbook(scan.snapshot, onlyTables(analysis, []), options);
      const touched = planWorkbook(scan.snapshot, onlyTables(analysis, selectedTables.map(tableKey)), options);
      return restrictToSelection(touched, analysis, selection.sheet, selection.address);
    }
    return fullPlan;
  }, [scan, analysis, options, fullPlan, scope, checked, selection, selectedTables]);
  const counts = useMemo(() => (plan && analysis ? countPlan(plan, analysis) : null), [plan, analysis]);
  const fullCounts = useMemo(() => (fullPlan && analysis ? countPlan(fullPlan, analysis) : null), [fullPlan, analysis]);
  const previews = useMemo(() => (plan && analysis && options ? previewByTable(plan, analysis, options) : []), [plan, analysis, options]);

  const setChoices = useCallback(
    (next: SavedChoices) => {
      setChoicesState(next);
      setSaveError(null);
      port?.saveChoices(next).catch((e) => setSaveError(describeError(e)));
    },
    [port, describeError],
  );

  const toggleTable = useCallback((key: string, on: boolean) => setChecked((c) => (on ? [...c.filter((k) => k !== key), key] : c.filter((k) => k !== key))), []);

  const readSelection = useCallback(async () => {
    if (!port?.readSelection) return;
    setSelectionError(null);
    try {
      setSelection(await port.readSelection());
    } catch (e) {
      setSelectionError(describeError(e));
    }
  }, [port, describeError]);

  const chooseScope = useCallback(
    (next: ScopeKind) => {
      setScope(next);
      if (next === "selection") void readSelection();
    },
    [readSelection],
  );

  /** Undoes records newest first, reporting progress over all of them; returns the cells left as the user made them. */
  const undoRecords = useCallback(
    async (records: UndoRecord[], onProgress?: (p: WriteProgress) => void): Promise<Message[]> => {
      if (!port) return [];
      const total = records.reduce((n, r) => n + r.cells, 0);
      const kept: Message[] = [];
      let done = 0;
      for (const record of [...records].reverse()) {
        kept.push(...(await port.undo(record, (p) => onProgress?.({ done: done + Math.min(p.done, record.cells), total }))).kept);
        done += record.cells;
      }
      return kept;
    },
    [port],
  );

  const writePlan = useCallback(async () => {
    if (!port || !plan || !analysis) return;
    const part: PlanPart = plan;
    const steps = progressSteps(part, analysis);
    const total = steps.reduce((n, s) => n + s.writes.length + (s.legend?.writes.length ?? 0), 0);
    const records: UndoRecord[] = [];
    let done = 0;
    setWrite({ status: "writing", progress: { done: 0, total } });
    try {
      for (const step of steps) {
        const size = step.writes.length + (step.legend?.writes.length ?? 0);
        // The scan goes along: a cell that no longer holds what the scan saw stops the write, named.
        records.push(await port.write({ ...step, overwrite, scanned: scan?.snapshot }, (p) => setWrite({ status: "writing", progress: { done: done + Math.min(p.done, size), total } })));
        done += size;
        setWrite({ status: "writing", progress: { done, total } });
      }
    } catch (e) {
      // The failed step took itself back (or owes its undo); the earlier steps are put back too, so the
      // write is all or nothing.
      const failed = writeError(e, describeError);
      const owed = failed.owed ? [...records, failed.owed] : records;
      try {
        const kept = await undoRecords(owed);
        setWrite({ status: "error", message: failed.message, detail: failed.detail, rolledBack: records.length > 0, notices: [...failed.notices, ...kept] });
      } catch (again) {
        setWrite({ status: "error", message: failed.message, detail: failed.detail, rolledBack: false, records: owed, notices: [...failed.notices, ...writeError(again, describeError).notices] });
      }
      return;
    }
    let layoutError: string | undefined;
    if (plan.legend && port.layoutLegend) {
      try {
        await port.layoutLegend(plan.legend.sheet);
      } catch (e) {
        layoutError = describeError(e);
      }
    }
    setWrite({ status: "written", records, counts: countPlan(part, analysis), ranges: writtenRanges(part, analysis), layoutError, notices: records.flatMap((r) => r.notices) });
  }, [port, plan, analysis, overwrite, scan, describeError, undoRecords]);

  const undo = useCallback(async () => {
    const records = write.status === "written" || write.status === "error" ? write.records : undefined;
    if (!port || !records?.length) return;
    const total = records.reduce((n, r) => n + r.cells, 0);
    setWrite({ status: "undoing", progress: { done: 0, total } });
    try {
      setWrite({ status: "undone", notices: await undoRecords(records, (progress) => setWrite({ status: "undoing", progress })) });
    } catch (e) {
      const failed = writeError(e, describeError);
      setWrite({ status: "error", message: failed.message, detail: failed.detail, rolledBack: false, records, notices: failed.notices });
    }
  }, [port, write, describeError, undoRecords]);

  return {
    analysis, choices, setChoices, overwrite, setOverwrite, options, fullPlan, fullCounts, plan, counts, previews,
    scope, chooseScope, checked, toggleTable, selection, selectedTables, readSelection, selectionError, canReadSelection: !!port?.readSelection,
    write, writePlan, undo, saveError,
  };
}
