/**
 * The method catalogue, as data: every method the plan can write, with its name, its formula in words
 * and its source, as messages (src/i18n phrases them for the legend sheet, the CLI and the pane). The
 * plan counts the cells of each method it uses; the legend lists them. A new method is a new entry here.
 */
import { CATEGORICAL_SCALES } from "../numerals";
import { message, Message } from "../messages";
import type { CapaianMethod, PredikatScaleSpec, TickInterval } from "../formulas";
import type { MethodUse } from "./types";

export interface MethodEntry {
  label: Message;
  words: Message;
  source: Message;
}

const entry = (label: Message, words: Message, source: Message): MethodEntry => ({ label, words, source });
const m = (code: Parameters<typeof message>[0], params = {}) => message(code, params);

/** Methods whose words do not depend on a choice (a scale, a ladder). */
export const METHODS = {
  "capaian-higher-better": entry(m("method-capaian-higher-better"), m("words-capaian-higher-better"), m("source-permenpanrb-53")),
  "capaian-A": entry(m("method-capaian-lower-better", { method: "A" }), m("words-capaian-A"), m("source-permenpanrb-53-choice")),
  "capaian-B": entry(m("method-capaian-lower-better", { method: "B" }), m("words-capaian-B"), m("source-permenpanrb-53-choice")),
  "capaian-C": entry(m("method-capaian-lower-better", { method: "C" }), m("words-capaian-C"), m("source-permenpanrb-53-choice")),
  "capaian-grade": entry(m("method-capaian-grade"), m("words-capaian-grade"), m("source-permenpanrb-53")),
  "rata-rata-sasaran": entry(m("method-rata-rata-sasaran"), m("words-rata-rata-sasaran"), m("source-permenpanrb-53")),
  jumlah: entry(m("method-jumlah"), m("words-jumlah"), m("source-permendagri-86")),
  serapan: entry(m("method-serapan"), m("words-serapan"), m("source-permendagri-86")),
  sisa: entry(m("method-sisa"), m("words-sisa"), m("source-permendagri-86")),
  "efisiensi-sederhana": entry(m("method-efisiensi-sederhana"), m("words-efisiensi-sederhana"), m("source-common-practice")),
  "efisiensi-pmk214": entry(m("method-efisiensi-pmk214"), m("words-efisiensi-pmk214"), m("source-pmk-214")),
  "efisiensi-pmk214-kelompok": entry(m("method-efisiensi-pmk214-kelompok"), m("words-efisiensi-pmk214-kelompok"), m("source-pmk-214")),
  "nilai-efisiensi": entry(m("method-nilai-efisiensi"), m("words-nilai-efisiensi"), m("source-pmk-214")),
  efektivitas: entry(m("method-efektivitas"), m("words-efektivitas"), m("source-efektivitas-report")),
  "tingkat-kemajuan": entry(m("method-tingkat-kemajuan"), m("words-tingkat-kemajuan"), m("source-renstra-evaluation")),
} satisfies Record<string, MethodEntry>;
export type MethodId = keyof typeof METHODS;

export const capaianMethodId = (method: CapaianMethod): MethodId => `capaian-${method}` as MethodId;

/** Capaian on a categorical ladder (Kota Layak Anak, nilai SAKIP, opini BPK). */
export function ladderMethod(scaleId: string): { id: string; entry: MethodEntry } {
  const scale = CATEGORICAL_SCALES.find((s) => s.id === scaleId)!;
  return { id: `capaian-ladder-${scale.id}`, entry: entry(m("method-capaian-ladder", { scale: scale.id }), m("words-capaian-ladder", { rungs: scale.rungs }), m("source-permenpanrb-53")) };
}

const SCALE_SOURCE: Record<string, Parameters<typeof message>[0]> = { permendagri86: "source-permendagri-86", tercapai: "source-tercapai", sakip: "source-permenpanrb-88", custom: "source-custom-scale" };

/** A predikat scale: its bands in numbers and labels ("≥ 91 % Sangat Tinggi"), the last one "otherwise". */
export function predikatMethod(scale: PredikatScaleSpec): { id: string; entry: MethodEntry } {
  const bands = scale.bands.filter((b) => b.min !== -Infinity).map((b) => `${b.strict ? ">" : "≥"} ${b.min} % ${b.label}`);
  const otherwise = scale.bands[scale.bands.length - 1].label;
  return { id: `predikat-${scale.id}`, entry: entry(m("method-predikat", { scale: scale.id, label: scale.label }), m("words-predikat", { bands, otherwise }), m(SCALE_SOURCE[scale.id])) };
}

/**
 * Ticks per predikat band: each band's words with its bounds ("≥ 76 % < 91 % Tinggi"), the mark, and the
 * source of the bounds (the header of the table, or the scale whose words the header uses).
 */
export function tickMethod(bands: { label: string; interval: TickInterval }[], mark: string, source: string): { id: string; entry: MethodEntry } {
  const bound = (b: { value: number; strict: boolean } | null, low: boolean) => (b ? `${low ? (b.strict ? ">" : "≥") : b.strict ? "<" : "≤"} ${b.value} %` : "");
  const words = bands.map((b) => [bound(b.interval.lower, true), bound(b.interval.upper, false), b.label].filter(Boolean).join(" "));
  const id = `tick-${source}-${words.join("|")}-${mark}`;
  return { id, entry: entry(m("method-tick", { labels: bands.map((b) => b.label) }), m("words-tick", { bands: words, mark }), m(source === "header" ? "source-header-bands" : SCALE_SOURCE[source])) };
}

/** Counts the uses of each method, in order of first use. */
export class MethodCounter {
  private readonly uses = new Map<string, MethodUse>();
  use(id: string, e: MethodEntry, formula: string): void {
    const u = this.uses.get(id) ?? { id, ...e, example: formula.replace(/^=/, ""), count: 0 };
    u.count++;
    this.uses.set(id, u);
  }
  list(): MethodUse[] {
    return [...this.uses.values()];
  }
}
