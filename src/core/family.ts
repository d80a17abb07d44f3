/**
 * Table families (DOMAIN.md): what a table is for follows from the roles its columns play.
 */
import type { RecognisedColumn } from "./recognise";

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

export function classifyFamily(columns: RecognisedColumn[], dataRows: number): { family: TableFamily; reason: string } {
  const count = (role: string) => columns.filter((c) => c.role === role).length;
  const has = (role: string) => count(role) > 0;
  const years = (role: string) => new Set(columns.filter((c) => c.role === role && c.year !== null).map((c) => c.year)).size;
  const months = columns.filter((c) => c.period && /^[A-Z]{3}$/.test(c.period)).length;
  const quarters = columns.filter((c) => c.period && /^TW\d$/.test(c.period));
  const kColumns = columns.filter((c) => c.measure === "K").length;
  const perf = has("target") || has("realisasi");

  if (months >= 6) return { family: "rencana-aksi-schedule", reason: `${months} month columns` };
  if (has("efisiensi") || has("efektivitas")) return { family: "efficiency", reason: "efisiensi / efektivitas column" };
  if (kColumns > 0 && (has("pagu") || has("realisasi_anggaran")))
    return { family: "budget-evaluation-k-rp", reason: "K/Rp pairs of target and realisasi" };
  if (quarters.length >= 2 && quarters.every((c) => c.role === "pagu") && !has("realisasi"))
    return { family: "quarterly-allocation", reason: "budget split over quarters" };
  if (has("pembanding") && (has("realisasi") || has("capaian"))) return { family: "against-national", reason: "national / provincial figures beside realisasi" };
  if (has("target_akhir") || has("tingkat_kemajuan")) return { family: "renstra-progress", reason: "target akhir Renstra / tingkat kemajuan" };
  if (!perf && (has("pagu") || has("realisasi_anggaran"))) {
    if (years("pagu") >= 2 || years("realisasi_anggaran") >= 2) return { family: "budget-by-year", reason: "pagu and realisasi for several years" };
    if (has("realisasi_anggaran")) return { family: "budget-realisation", reason: "pagu and realisasi anggaran" };
    return { family: "budget-allocation", reason: "pagu without realisasi" };
  }
  if (has("target") && !has("realisasi") && !has("capaian")) {
    if (years("target") >= 2) return { family: "renstra-targets", reason: `targets for ${years("target")} years` };
    if (has("indikator")) return { family: "pk-list", reason: "indicators with one target" };
  }
  if (has("realisasi") && !has("target") && years("realisasi") >= 2) return { family: "multi-year-trend", reason: `realisasi for ${years("realisasi")} years` };
  if (has("predikat") && !perf) return { family: "ikhtisar", reason: "predikat without target/realisasi" };
  if (has("target") && has("realisasi")) {
    const y = Math.max(years("target"), years("realisasi"), years("capaian"));
    if (y >= 2) {
      if (years("target") >= 2) return { family: "year-comparison", reason: `target and realisasi for ${y} years` };
      return { family: "multi-year-trend", reason: `realisasi / capaian for ${y} years` };
    }
    if (has("program") || has("kegiatan")) return { family: "program-indicators", reason: "program with its indicators" };
    if (has("no") || has("satuan") || has("penanggung_jawab") || dataRows > 2) return { family: "capaian-iku", reason: "indicators with target, realisasi and capaian" };
    return { family: "single-indicator", reason: "one indicator with target and realisasi" };
  }
  if (has("realisasi") && (has("indikator") || has("capaian"))) return { family: "multi-year-trend", reason: "realisasi of indicators" };
  const names = columns.filter((c) => ["program", "kegiatan", "subkegiatan", "nomenklatur", "indikator", "sasaran", "tujuan"].includes(c.role));
  if (names.length) return { family: "reference", reason: "names and indicators without figures to compute" };
  return { family: "other", reason: "no measurement roles" };
}
