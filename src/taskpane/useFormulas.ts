/**
 * The pane's formula workflow in plain hooks, no Excel calls (the port is passed in): the user's choices
 * (saved in the workbook), the plan they give (computed by the core), writing with progress, undo, the
 * audit and its highlights.
 */
import { useCallback, useMemo, useState } from "react";
import { auditWorkbook, Finding, highlightWrites } from "../core/audit";
import { fillOptionsFrom, SavedChoices, withRoleOverrides } from "../core/choices";
import type { Message } from "../core/messages";
import { planWorkbook, WritePlan } from "../core/writePlan";
import { phraser } from "../i18n";
import { UndoRecord, WriteBlocked, WriteFailed, WriteProgress } from "../excel/applyPlan";
import type { ScanResult, WorkbookPort } from "../excel/workbook";

/**
 * `notices`: what the user should know beyond the outcome, as message codes — cells an undo left alone
 * because the user changed them, a failed write taken back, a chart deselected to merge cells.
 */
export type WriteState =
  | { status: "idle" }
  | { status: "writing"; progress: WriteProgress }
  | { status: "written"; record: UndoRecord; cells: number; notices: Message[] }
  | { status: "undoing"; progress: WriteProgress }
  | { status: "undone"; notices: Message[] }
  | { status: "error"; message: string; detail?: Message; record?: UndoRecord; notices: Message[] };

/**
 * A failed write or undo as the pane shows it: the message (as a code when the adapter gave one, to be
 * phrased in the pane's language), cells left alone while taking it back, and an undo record if one is
 * still owed.
 */
export function writeError(e: unknown, describeError: (e: unknown) => string, record?: UndoRecord): Extract<WriteState, { status: "error" }> {
  if (e instanceof WriteFailed) return { status: "error", message: describeError(e), detail: e.detail, record: (e.undo as UndoRecord | null) ?? record, notices: e.undone?.kept ?? [] };
  return { status: "error", message: describeError(e), detail: e instanceof WriteBlocked ? e.detail : undefined, record, notices: [] };
}

export function useFormulas(port: WorkbookPort | null, scan: ScanResult | null, describeError: (e: unknown) => string, language: "id" | "en" = "id") {
  const [choices, setChoicesState] = useState<SavedChoices | null>(null);
  const [overwrite, setOverwrite] = useState(false);
  const [write, setWrite] = useState<WriteState>({ status: "idle" });
  const [findings, setFindings] = useState<Finding[] | null>(null);
  const [highlight, setHighlight] = useState<UndoRecord | null>(null);
  const [highlightNotices, setHighlightNotices] = useState<Message[]>([]);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [scanned, setScanned] = useState<ScanResult | null>(null);

  // A new scan brings the choices stored in the workbook and forgets the previous write.
  if (scan !== scanned) {
    setScanned(scan);
    setChoicesState(scan?.choices ?? null);
    setWrite({ status: "idle" });
    setFindings(null);
    setHighlight(null);
    setHighlightNotices([]);
  }

  const analysis = useMemo(() => (scan && choices ? withRoleOverrides(scan.analysis, choices.roles, scan.snapshot) : null), [scan, choices]);
  const plan: WritePlan | null = useMemo(
    () => (scan && analysis && choices ? planWorkbook(scan.snapshot, analysis, { ...fillOptionsFrom(choices, overwrite), phrase: phraser(language) }) : null),
    [scan, analysis, choices, overwrite, language],
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
      // The scan goes along: a cell that no longer holds what the scan saw stops the write, named.
      const record = await port.write({ ...plan, overwrite, scanned: scan?.snapshot }, (progress) => setWrite({ status: "writing", progress }));
      setWrite({ status: "written", record, cells, notices: record.notices });
    } catch (e) {
      setWrite(writeError(e, describeError));
    }
  }, [port, plan, overwrite, scan, describeError]);

  /** Batalkan: after a write, or after a failed write that could not take itself back. */
  const undo = useCallback(async () => {
    const record = write.status === "written" || write.status === "error" ? write.record : undefined;
    if (!port || !record) return;
    setWrite({ status: "undoing", progress: { done: 0, total: record.cells } });
    try {
      const result = await port.undo(record, (progress) => setWrite({ status: "undoing", progress }));
      setWrite({ status: "undone", notices: result.kept });
    } catch (e) {
      setWrite(writeError(e, describeError, record));
    }
  }, [port, write, describeError]);

  const audit = useCallback(() => {
    if (!scan || !analysis || !choices) return;
    setFindings(auditWorkbook(scan.snapshot, analysis, { ...fillOptionsFrom(choices, false), phrase: phraser(language) }));
  }, [scan, analysis, choices, language]);

  /** Highlighting is a write too: on, it fills the findings' cells; off, it puts their fills back. */
  const toggleHighlight = useCallback(
    async (on: boolean) => {
      if (!port || !findings) return;
      try {
        if (on && !highlight) {
          setHighlightNotices([]);
          setHighlight(await port.write({ writes: highlightWrites(findings), appended: [], legend: null, overwrite: true }));
        }
        if (!on && highlight) {
          // Fills the user recoloured since stay; values are never touched.
          setHighlightNotices((await port.undo(highlight)).kept);
          setHighlight(null);
        }
      } catch (e) {
        setWrite(writeError(e, describeError));
      }
    },
    [port, findings, highlight, describeError],
  );

  return { analysis, choices, setChoices, overwrite, setOverwrite, plan, write, writePlan, undo, findings, audit, highlighted: !!highlight, toggleHighlight, highlightNotices, saveError };
}
