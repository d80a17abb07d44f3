/**
 * Table families (DOMAIN.md): what a table is for follows from the roles its columns play.
 */
import type { RecognisedColumn } from "./recognise";
import { message, Message } from "./messages";

export type TableFamily =
  | "capaian-iku"
  | "single-indicator"
  | "year-comparison"
  | "multi-year-trend"
  | "renstra-progress"
  | "against-national"
  | "program-indicators"
  | "ikhtisar"
  | "budget-evaluation-k-rp"
  | "budget-realisation"
  | "budget-by-year"
  | "budget-allocation"
  | "efficiency"
  | "quarterly-allocation"
  | "renstra-targets"
  | "pk-list"
  | "rencana-aksi-schedule"
  | "reference"
  | "other";

/** Families whose tables hold measurements to compute or check (capaian, serapan…). */
export const MEASUREMENT_FAMILIES: ReadonlySet<TableFamily> = new Set<TableFamily>([
  "capaian-iku", "single-indicator", "year-comparison", "multi-year-trend", "renstra-progress", "against-national",
  "program-indicators", "budget-evaluation-k-rp", "budget-realisation", "budget-by-year", "efficiency",
]);

/** What decided a table's family (phrased by src/i18n: "family-evidence"). */
export type FamilyBasis =
  | "month-columns" | "efficiency-column" | "k-rp-pairs" | "quarters" | "pembanding" | "renstra-progress" | "budget-years"
  | "budget-realisation" | "pagu-only" | "target-years" | "one-target" | "realisasi-years" | "predikat-only"
  | "target-realisasi-years" | "realisasi-capaian-years" | "program-indicators" | "indicators" | "single-indicator"
  | "realisasi-of-indicators" | "names-only" | "no-measures";

const why = (basis: FamilyBasis, n?: number): Message => message("family-evidence", n === undefined ? { basis } : { basis, n });

export function classifyFamily(columns: RecognisedColumn[], dataRows: number): { family: TableFamily; reason: Message } {
  const count = (role: string) => columns.filter((c) => c.role === role).length;
  const has = (role: string) => count(role) > 0;
  const years = (role: string) => new Set(columns.filter((c) => c.role === role && c.year !== null).map((c) => c.year)).size;
  const months = columns.filter((c) => c.period && /^[A-Z]{3}$/.test(c.period)).length;
  const quarters = columns.filter((c) => c.period && /^TW\d$/.test(c.period));
  const kColumns = columns.filter((c) => c.measure === "K").length;
  const perf = has("target") || has("realisasi");

  if (months >= 6) return { family: "rencana-aksi-schedule", reason: why("month-columns", months) };
  if (has("efisiensi") || has("efektivitas")) return { family: "efficiency", reason: why("efficiency-column") };
  if (kColumns > 0 && (has("pagu") || has("realisasi_anggaran")))
    return { family: "budget-evaluation-k-rp", reason: why("k-rp-pairs") };
  if (quarters.length >= 2 && quarters.every((c) => c.role === "pagu") && !has("realisasi"))
    return { family: "quarterly-allocation", reason: why("quarters") };
  if (has("pembanding") && (has("realisasi") || has("capaian"))) return { family: "against-national", reason: why("pembanding") };
  if (has("target_akhir") || has("tingkat_kemajuan")) return { family: "renstra-progress", reason: why("renstra-progress") };
  if (!perf && (has("pagu") || has("realisasi_anggaran"))) {
    if (years("pagu") >= 2 || years("realisasi_anggaran") >= 2) return { family: "budget-by-year", reason: why("budget-years") };
    if (has("realisasi_anggaran")) return { family: "budget-realisation", reason: why("budget-realisation") };
    return { family: "budget-allocation", reason: why("pagu-only") };
  }
  if (has("target") && !has("realisasi") && !has("capaian")) {
    if (years("target") >= 2) return { family: "renstra-targets", reason: why("target-years", years("target")) };
    if (has("indikator")) return { family: "pk-list", reason: why("one-target") };
  }
  if (has("realisasi") && !has("target") && years("realisasi") >= 2) return { family: "multi-year-trend", reason: why("realisasi-years", years("realisasi")) };
  if (has("predikat") && !perf) return { family: "ikhtisar", reason: why("predikat-only") };
  if (has("target") && has("realisasi")) {
    const y = Math.max(years("target"), years("realisasi"), years("capaian"));
    if (y >= 2) {
      if (years("target") >= 2) return { family: "year-comparison", reason: why("target-realisasi-years", y) };
      return { family: "multi-year-trend", reason: why("realisasi-capaian-years", y) };
    }
    if (has("program") || has("kegiatan")) return { family: "program-indicators", reason: why("program-indicators") };
    if (has("no") || has("satuan") || has("penanggung_jawab") || dataRows > 2) return { family: "capaian-iku", reason: why("indicators") };
    return { family: "single-indicator", reason: why("single-indicator") };
  }
  if (has("realisasi") && (has("indikator") || has("capaian"))) return { family: "multi-year-trend", reason: why("realisasi-of-indicators") };
  const names = columns.filter((c) => ["program", "kegiatan", "subkegiatan", "nomenklatur", "indikator", "sasaran", "tujuan"].includes(c.role));
  if (names.length) return { family: "reference", reason: why("names-only") };
  return { family: "other", reason: why("no-measures") };
}
