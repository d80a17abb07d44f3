/**
 * Polarity of an indicator: is a higher realisasi better, a lower one, or is it a rung on a
 * categorical ladder? Every decision carries its reason and a confidence (0–1) so the auditor can
 * see why a formula was chosen, and the user can overrule it.
 */
import { Message, message } from "./messages";
import { Numeral } from "./numerals";
import { byText, remembered } from "./remembered";

export type Polarity = "higher-better" | "lower-better" | "categorical";

export type PolarityReason =
  | "keyword-in-indicator"
  | "satuan-marked-negative"
  | "note-in-table"
  | "targets-fall-across-years"
  | "categorical-values"
  | "scored-grade"
  | "polarity-column"
  | "default";

export interface PolarityDecision {
  polarity: Polarity;
  reason: PolarityReason;
  /** Why, as a message quoting the evidence (phrased by src/i18n). */
  explanation: Message;
  confidence: number;
}

/** Words of indicators where less is better (violence, deaths, cases, poverty, births…). */
const LOWER_IS_BETTER: { re: RegExp; label: string }[] = [
  { re: /\bangka kematian\b|\bkematian\b/i, label: "kematian" },
  { re: /\bkekerasan\b/i, label: "kekerasan" },
  { re: /\bkdrt\b/i, label: "KDRT" },
  { re: /\bkasus\b/i, label: "kasus" },
  { re: /\bpengangguran\b|\btpt\b/i, label: "pengangguran" },
  { re: /\bkemiskinan\b|\bpenduduk miskin\b/i, label: "kemiskinan" },
  { re: /\bkelahiran\b|\btfr\b|\brjak\b/i, label: "kelahiran" },
  { re: /\bstunting\b|\bgizi buruk\b|\bprevalensi\b/i, label: "prevalensi / stunting" },
  { re: /\bputus sekolah\b/i, label: "putus sekolah" },
  { re: /\bkecelakaan\b|\bpelanggaran\b|\bkriminalitas\b|\bkejahatan\b/i, label: "kecelakaan / pelanggaran" },
  { re: /\bperkawinan anak\b|\bpernikahan dini\b|\bperkawinan usia anak\b/i, label: "perkawinan anak" },
  { re: /\bunmet need\b/i, label: "unmet need" },
  { re: /\bpertumbuhan penduduk\b/i, label: "laju pertumbuhan penduduk" },
  { re: /\bgini\b|\bketimpangan\b/i, label: "ketimpangan" },
  { re: /\btemuan\b|\btunggakan\b|\bsengketa\b|\bpengaduan\b/i, label: "temuan / tunggakan" },
  { re: /\bgenangan\b|\bbanjir\b|\bkebakaran\b/i, label: "genangan / banjir / kebakaran" },
  { re: /\bkejadian luar biasa\b|\bklb\b|\bwabah\b|\bkerawanan\b|\brawan\b|\bkemacetan\b/i, label: "kejadian luar biasa / rawan" },
  { re: /\btidak layak huni\b|\bkumuh\b/i, label: "tidak layak huni / kumuh" },
];

/** "Penurunan angka kemiskinan" or "menurunnya kasus": the indicator measures the reduction itself. */
const REDUCTION_MEASURED = /\b(penurunan|menurunnya|berkurangnya|pengurangan|turunnya)\b/i;
/** "Kasus yang ditangani", "pengaduan yang diselesaikan", "temuan yang ditindaklanjuti": the share handled. */
const HANDLED = /\b(yang\s+)?(di|ter)(selesai|tangan|tindaklanjut|tagih|layan|rehabilitasi|tuntas)(kan|i)?\b|\b(penanganan|penyelesaian|tindak\s+lanjut)\b/i;

/** What an indicator's name says for its polarity, read once per name (names repeat across a report's tables). */
interface IndicatorWords {
  reduction: boolean;
  handled: boolean;
  /** The label of the first lower-is-better keyword the name holds. */
  lowerKeyword: string | null;
}
const indicatorWords = remembered(
  (text: string): IndicatorWords => ({ reduction: REDUCTION_MEASURED.test(text), handled: HANDLED.test(text), lowerKeyword: LOWER_IS_BETTER.find((k) => k.re.test(text))?.label ?? null }),
  byText,
);

/**
 * A share of cases handled reads like "…yang ditangani" AND its target is a share (≥ 10 %); a tiny target
 * (0,029 %) says the indicator is in fact a prevalence of the cases, where less is better.
 */
function measuresHandledShare(text: string, target: Numeral | undefined): boolean {
  if (!indicatorWords(text).handled) return false;
  const v = target?.value;
  if (v === undefined) return true;
  const pct = target!.kind === "percent" && target!.percent === "format" ? v * 100 : v;
  return pct >= 10;
}

const LOWER_NOTE = /semakin\s+(rendah|kecil|sedikit)\s+[^.]*?semakin\s+baik|semakin\s+(tinggi|besar|banyak)\s+[^.]*?semakin\s+(kurang\s+baik|buruk|tidak\s+baik|jelek)|target\s+negatif|polaritas\s+negatif|minimize/i;
const HIGHER_NOTE = /semakin\s+(tinggi|besar|banyak)\s+[^.]*?semakin\s+baik/i;

export interface PolarityInput {
  indicator: string;
  satuan?: string;
  /** Texts near the row that may state the polarity (keterangan cell, footnotes). */
  notes?: string[];
  target?: Numeral;
  realisasi?: Numeral;
  /** Targets of the same indicator in year order, when the table has several years. */
  targetsByYear?: number[];
  /** The row's cell in a "Polarisasi / Polaritas" column, when the table has one. */
  polarityCell?: string;
}

/**
 * "Semakin rendah semakin baik", "makin tinggi makin buruk", "the lower the better": the direction word
 * (rendah / tinggi…) and the judgement (baik / buruk…) together say which way is better.
 */
const DIRECTION_SENTENCE = /(?:semakin|makin|kian|the)\s+(rendah|kecil|sedikit|turun|menurun|lower|less|fewer|smaller|tinggi|besar|banyak|naik|meningkat|higher|more|greater|bigger)\b[^.]*?(?:semakin|makin|kian|the)\s+(kurang\s+baik|tidak\s+baik|baik|bagus|buruk|jelek|better|worse)/;
const ENGLISH_SENTENCE = /\b(lower|higher|less|more)\s+is\s+(better|worse)\b/;
const LOW_WORD = /^(rendah|kecil|sedikit|turun|menurun|lower|less|fewer|smaller)$/;
const GOOD_WORD = /^(baik|bagus|better)$/;

/** One word or sign for a direction: "(-)", "↓", "Min", "Minimal", "Negatif", "Menurun" / "(+)", "↑", "Maks", "Positif"… */
const LOWER_WORD = /^(?:[-−–—↓⬇▼▽]|min(?:imal|imum|imi[sz]e|imalkan|imalisasi|imasi)?|negatif|negative|menurun|turun|lower|decrease|down)$/;
const HIGHER_WORD = /^(?:\+|[↑⬆▲△]|max(?:imal|imum|imi[sz]e)?|maks(?:imal|imum|imalkan|imalisasi|imasi)?|positif|positive|meningkat|naik|higher|increase|up)$/;

/**
 * What a polarity statement says: a sentence ("Semakin rendah semakin baik", "makin tinggi makin buruk",
 * "higher is better"), a word ("Minimize", "Maksimal", "Negatif", "Menurun") or a sign ("(-)", "-", "↓",
 * "(+)", "+", "↑"), alone or with its parentheses. Null when the text states no direction.
 */
export function statedPolarity(text: string): Polarity | null {
  const t = text.normalize("NFKC").trim().toLowerCase().replace(/\s+/g, " ");
  if (!t) return null;
  // The sentences need one of these words; most cells (names, figures) have none and skip the costly patterns.
  if (/\b(semakin|makin|kian|the|is)\b/.test(t)) {
    const sentence = DIRECTION_SENTENCE.exec(t);
    if (sentence) return LOW_WORD.test(sentence[1]) === GOOD_WORD.test(sentence[2].replace(/\s+/g, " ")) ? "lower-better" : "higher-better";
    // "Semakin rendah" alone: the judgement "semakin baik" is understood.
    const half = /^(?:semakin|makin|kian)\s+(\p{L}+)$/u.exec(t);
    if (half && (LOW_WORD.test(half[1]) || /^(tinggi|besar|banyak|naik|meningkat)$/.test(half[1]))) return LOW_WORD.test(half[1]) ? "lower-better" : "higher-better";
    const english = ENGLISH_SENTENCE.exec(t);
    if (english) return (english[1] === "lower" || english[1] === "less") === (english[2] === "better") ? "lower-better" : "higher-better";
  }
  // "(-)", "[+]", "Negatif (-)", "Min." : the first word or sign, without brackets and trailing dots.
  const bare = t.replace(/^[(\[]\s*(.*?)\s*[)\]]$/, "$1").replace(/\.$/, "");
  const first = /^[^\p{L}\p{N}]$/u.test(bare) ? bare : bare.split(/[\s(/,;:]+/)[0].replace(/\.$/, "");
  if (LOWER_WORD.test(first)) return "lower-better";
  if (HIGHER_WORD.test(first)) return "higher-better";
  return null;
}

/**
 * How a cell that is nothing but a polarity statement states it: a direction "sentence" ("Semakin rendah
 * semakin baik"), a polarity "word" ("Minimize", "Maksimal", "Negatif"), a "trend" word ("Naik", "Menurun":
 * polarity only under a polarity header, elsewhere the change over last year) or a "sign" ("(-)", "↑").
 * Null for anything else, including an indicator name that starts with "Menurunnya …".
 */
export function polarityStatementKind(text: string): "sentence" | "word" | "trend" | "sign" | null {
  // Statements are short, or sentences with their words: a long name ("Persentase anak korban …") is none.
  if (text.length > 40 && !/semakin|makin|kian|better|worse/i.test(text)) return null;
  if (!statedPolarity(text)) return null;
  const t = text.normalize("NFKC").trim().toLowerCase();
  if (DIRECTION_SENTENCE.test(t) || ENGLISH_SENTENCE.test(t) || /^(?:semakin|makin|kian)\s+\p{L}+$/u.test(t)) return "sentence";
  if (t.split(/\s+/).length > 2) return null;
  if (!/\p{L}/u.test(t)) return "sign";
  return /^[(\[]?\s*(naik|turun|menurun|meningkat|up|down|increase|decrease)\b/.test(t) ? "trend" : "word";
}

/** A bare dash ("-"): a polarity sign only where its column also states directions otherwise, else a missing-value marker. */
export function isBareDash(text: string): boolean {
  return /^[-\u2212\u2013\u2014]$/.test(text.trim());
}

export function decidePolarity(input: PolarityInput): PolarityDecision {
  // The table says it: a "Polarisasi / Polaritas" cell (Maximize / Minimize, Positif / Negatif).
  const stated = input.polarityCell ? statedPolarity(input.polarityCell) : null;
  if (stated) return { polarity: stated, reason: "polarity-column", explanation: message("polarity-column", { text: input.polarityCell! }), confidence: 0.98 };
  const catTarget = input.target?.kind === "category";
  const catReal = input.realisasi?.kind === "category";
  if ((catTarget || catReal) && input.target?.kind !== "grade") {
    const scale = (input.target?.category ?? input.realisasi?.category)!.scale;
    return {
      polarity: "categorical",
      reason: "categorical-values",
      explanation: message("polarity-categorical-ladder", { scale }),
      confidence: 0.95,
    };
  }
  for (const note of input.notes ?? []) {
    if (LOWER_NOTE.test(note)) {
      return { polarity: "lower-better", reason: "note-in-table", explanation: message("polarity-note", { quote: excerpt(note, LOWER_NOTE) }), confidence: 0.95 };
    }
  }
  if (input.satuan && /negatif/i.test(input.satuan)) {
    return { polarity: "lower-better", reason: "satuan-marked-negative", explanation: message("polarity-satuan-negative", { satuan: input.satuan }), confidence: 0.95 };
  }
  const text = input.indicator;
  const words = indicatorWords(text);
  const handled = measuresHandledShare(text, input.target);
  if (!words.reduction && !handled && words.lowerKeyword !== null) {
    return {
      polarity: "lower-better",
      reason: "keyword-in-indicator",
      explanation: message("polarity-keyword-lower", { keyword: words.lowerKeyword }),
      confidence: 0.8,
    };
  }
  const ts = input.targetsByYear?.filter((t) => Number.isFinite(t)) ?? [];
  if (ts.length >= 3 && ts.every((t, i) => i === 0 || t < ts[i - 1])) {
    return {
      polarity: "lower-better",
      reason: "targets-fall-across-years",
      explanation: message("polarity-targets-fall", { targets: ts }),
      confidence: 0.7,
    };
  }
  for (const note of input.notes ?? []) {
    if (HIGHER_NOTE.test(note)) {
      return { polarity: "higher-better", reason: "note-in-table", explanation: message("polarity-note", { quote: excerpt(note, HIGHER_NOTE) }), confidence: 0.9 };
    }
  }
  if (input.target?.kind === "grade" || input.realisasi?.kind === "grade") {
    return { polarity: "higher-better", reason: "scored-grade", explanation: message("polarity-scored-grade", {}), confidence: 0.9 };
  }
  if (words.reduction || handled) {
    return { polarity: "higher-better", reason: "keyword-in-indicator", explanation: message(handled ? "polarity-handled-share" : "polarity-reduction", {}), confidence: 0.75 };
  }
  return { polarity: "higher-better", reason: "default", explanation: message("polarity-default", {}), confidence: 0.6 };
}

function excerpt(text: string, re: RegExp): string {
  const m = re.exec(text);
  return m ? m[0] : text.slice(0, 80);
}
