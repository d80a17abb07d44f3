/**
 * The pane's formula workflow in plain hooks, no Excel calls (the port is passed in): the user's choices
 * (saved in the workbook), the plan they give (computed by the core), writing with progress, undo, the
 * audit and its highlights.
 */
import { useCallback, useMemo, useState } from "react";
import { auditWorkbook, Finding, highlightWrites } from "../core/audit";
import { fillOptionsFrom, SavedChoices, withRoleOverrides } from "../core/choices";
import { planWorkbook, WritePlan } from "../core/writePlan";
import type { UndoRecord, WriteProgress } from "../excel/applyPlan";
import type { ScanResult, WorkbookPort } from "../excel/workbook";

export type WriteState =
  | { status: "idle" }
  | { status: "writing"; progress: WriteProgress }
  | { status: "written"; record: UndoRecord; cells: number }
  | { status: "undoing"; progress: WriteProgress }
  | { status: "undone" }
  | { status: "error"; message: string; record?: UndoRecord };

export function useFormulas(port: WorkbookPort | null, scan: ScanResult | null, describeError: (e: unknown) => string) {
  const [choices, setChoicesState] = useState<SavedChoices | null>(null);
  const [overwrite, setOverwrite] = useState(false);
  const [write, setWrite] = useState<WriteState>({ status: "idle" });
  const [findings, setFindings] = useState<Finding[] | null>(null);
  const [highlight, setHighlight] = useState<UndoRecord | null>(null);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [scanned, setScanned] = useState<ScanResult | null>(null);

  // A new scan brings the choices stored in the workbook and forgets the previous write.
  if (scan !== scanned) {
    setScanned(scan);
    setChoicesState(scan?.choices ?? null);
    setWrite({ status: "idle" });
    setFindings(null);
    setHighlight(null);
  }

  const analysis = useMemo(() => (scan && choices ? withRoleOverrides(scan.analysis, choices.roles, scan.snapshot) : null), [scan, choices]);
  const plan: WritePlan | null = useMemo(
    () => (scan && analysis && choices ? planWorkbook(scan.snapshot, analysis, fillOptionsFrom(choices, overwrite)) : null),
    [scan, analysis, choices, overwrite],
  );

  const setChoices = useCallback(
    (next: SavedChoices) => {
      setChoicesState(next);
      setFindings(null);
      setSaveError(null);
      port?.saveChoices(next).catch((e) => setSaveError(describeError(e)));
    },
    [port, describeError],
  );

  const writePlan = useCallback(async () => {
    if (!port || !plan) return;
    const cells = plan.writes.length + (plan.legend?.writes.length ?? 0);
    setWrite({ status: "writing", progress: { done: 0, total: cells } });
    try {
      const record = await port.write({ ...plan, overwrite }, (progress) => setWrite({ status: "writing", progress }));
      setWrite({ status: "written", record, cells });
    } catch (e) {
      setWrite({ status: "error", message: describeError(e) });
    }
  }, [port, plan, overwrite, describeError]);

  const undo = useCallback(async () => {
    if (!port || write.status !== "written") return;
    const record = write.record;
    setWrite({ status: "undoing", progress: { done: 0, total: record.cells } });
    try {
      await port.undo(record, (progress) => setWrite({ status: "undoing", progress }));
      setWrite({ status: "undone" });
    } catch (e) {
      setWrite({ status: "error", message: describeError(e), record });
    }
  }, [port, write, describeError]);

  const audit = useCallback(() => {
    if (!scan || !analysis || !choices) return;
    setFindings(auditWorkbook(scan.snapshot, analysis, fillOptionsFrom(choices, false)));
  }, [scan, analysis, choices]);

  /** Highlighting is a write too: on, it fills the findings' cells; off, it puts their fills back. */
  const toggleHighlight = useCallback(
    async (on: boolean) => {
      if (!port || !findings) return;
      try {
        if (on && !highlight) setHighlight(await port.write({ writes: highlightWrites(findings), appended: [], legend: null, overwrite: true }));
        if (!on && highlight) {
          await port.undo(highlight);
          setHighlight(null);
        }
      } catch (e) {
        setWrite({ status: "error", message: describeError(e) });
      }
    },
    [port, findings, highlight, describeError],
  );

  return { analysis, choices, setChoices, overwrite, setOverwrite, plan, write, writePlan, undo, findings, audit, highlighted: !!highlight, toggleHighlight, saveError };
}
