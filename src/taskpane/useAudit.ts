/**
 * "Periksa" in plain hooks, no Excel calls (the port is passed in): the workbook is read again (what was
 * just written or typed counts), audited under the user's choices, each finding placed in its table and
 * indicator in natural order; highlighting the cells and exporting the findings sheet are writes with
 * their own undo.
 */
import { useCallback, useMemo, useState } from "react";
import { auditWorkbook, highlightWrites } from "../core/audit";
import { fillOptionsFrom, SavedChoices, withRoleOverrides } from "../core/choices";
import { findingsSheet, FindingsSheetWords, groupByTable, PlacedFinding, placeFindings } from "../core/findingsView";
import type { WorkbookSnapshot } from "../core/grid";
import type { UndoRecord } from "../excel/applyPlan";
import type { SheetUndo } from "../excel/applySheet";
import type { PanePort } from "../excel/paneWorkbook";
import type { ScanResult } from "../excel/workbook";
import type { Message } from "../core/messages";

export type AuditState =
  | { status: "idle" }
  | { status: "reading" }
  | { status: "done"; findings: PlacedFinding[]; snapshot: WorkbookSnapshot; at: Date }
  | { status: "error"; message: string };

export type ExportState = { status: "idle" } | { status: "exporting" } | { status: "done"; undo: SheetUndo } | { status: "undone" } | { status: "error"; message: string };

export function useAudit(port: PanePort | null, scan: ScanResult | null, choices: SavedChoices | null, describeError: (e: unknown) => string) {
  const [state, setState] = useState<AuditState>({ status: "idle" });
  const [highlight, setHighlight] = useState<UndoRecord | null>(null);
  const [highlightError, setHighlightError] = useState<string | null>(null);
  /** Fills the user recoloured since highlighting: left alone on un-highlighting, and listed. */
  const [highlightNotices, setHighlightNotices] = useState<Message[]>([]);
  const [exported, setExported] = useState<ExportState>({ status: "idle" });
  const [scanned, setScanned] = useState<ScanResult | null>(null);
  if (scan !== scanned) {
    setScanned(scan);
    setState({ status: "idle" });
    setHighlight(null);
    setHighlightNotices([]);
    setExported({ status: "idle" });
  }

  const audit = useCallback(async () => {
    if (!port || !choices) return;
    setState({ status: "reading" });
    setExported({ status: "idle" });
    try {
      // Read again: the check is about the workbook as it is now, not as it was at the last scan.
      const fresh = await port.scan();
      const analysis = withRoleOverrides(fresh.analysis, choices.roles, fresh.snapshot);
      const findings = auditWorkbook(fresh.snapshot, analysis, fillOptionsFrom(choices, false));
      setState({ status: "done", findings: placeFindings(findings, fresh.snapshot, analysis), snapshot: fresh.snapshot, at: new Date() });
    } catch (e) {
      setState({ status: "error", message: describeError(e) });
    }
  }, [port, choices, describeError]);

  const findings = state.status === "done" ? state.findings : null;
  const groups = useMemo(() => (findings ? groupByTable(findings) : []), [findings]);

  /** Highlighting is a write too: on, it fills the findings' cells; off, it puts their fills back. */
  const toggleHighlight = useCallback(
    async (on: boolean) => {
      if (!port || !findings) return;
      setHighlightError(null);
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
        setHighlightError(describeError(e));
      }
    },
    [port, findings, highlight, describeError],
  );

  const exportFindings = useCallback(
    async (words: FindingsSheetWords) => {
      if (!port || state.status !== "done") return;
      setExported({ status: "exporting" });
      try {
        setExported({ status: "done", undo: await port.generate(findingsSheet(state.snapshot, state.findings, words)) });
      } catch (e) {
        setExported({ status: "error", message: describeError(e) });
      }
    },
    [port, state, describeError],
  );
  const undoExport = useCallback(async () => {
    if (!port || exported.status !== "done") return;
    try {
      await port.undoGenerate(exported.undo);
      setExported({ status: "undone" });
    } catch (e) {
      setExported({ status: "error", message: describeError(e) });
    }
  }, [port, exported, describeError]);

  return { state, findings, groups, audit, highlighted: !!highlight, toggleHighlight, highlightError, highlightNotices, exported, exportFindings, undoExport };
}
