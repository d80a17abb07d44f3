/** Scan state for the pane: plain hook, no Excel calls (the port is passed in). */
import { useCallback, useState } from "react";
import type { ScanResult, WorkbookPort } from "../excel/workbook";

export type ScanState =
  | { status: "idle" }
  | { status: "scanning" }
  | { status: "done"; result: ScanResult }
  | { status: "error"; message: string };

export function useScan(port: WorkbookPort | null, describeError: (e: unknown) => string) {
  const [state, setState] = useState<ScanState>({ status: "idle" });
  const scan = useCallback(async () => {
    if (!port) return;
    setState({ status: "scanning" });
    try {
      setState({ status: "done", result: await port.scan() });
    } catch (e) {
      setState({ status: "error", message: describeError(e) });
    }
  }, [port, describeError]);
  return { state, scan };
}
