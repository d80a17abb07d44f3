/**
 * Stage 3 — role candidates from header words. A column's header is a path of label texts (parent ›
 * child); the lowest text that means something proposes the role, parents add the year, the period, the
 * K/Rp/% measure, the money context ("Anggaran › Realisasi" is spending) and the scope (cumulative "s.d.",
 * Renstra, baseline). Words only PROPOSE: the table-level resolution (resolve.ts) confirms or changes a
 * proposal with stated relations, sibling columns and the figures themselves.
 *
 * Word traps handled here: "Harga Satuan" (a unit price, not the satuan), "Sumber Dana" (a text, not a
 * pagu), "Volume", "Fisik (%)" (physical progress, not money), "Program Studi" (a study programme), "IKU"
 * (the indicator), "PIC" (penanggung jawab), "Polarisasi" (the row's polarity).
 */
import { Message, message } from "../messages";
import { ColumnRole, Measure } from "../roles";
import { fromEnglish, headerTokens, periodIn, yearIn } from "../vocabulary";
import { remembered } from "../remembered";

/** A role a header proposes; "ratio" is a percentage whose meaning (capaian, serapan…) the table decides. */
export type CandidateRole = ColumnRole | "ratio";

export type Scope = "cumulative" | "renstra" | "baseline" | "murni" | "perubahan";

export interface RoleReading {
  role: CandidateRole;
  /** The word(s) that decided: a note for whoever reads this code, never shown (the evidence names the header and the role). */
  because: string;
  /** The text announces both performance and money ("Target Kinerja dan Anggaran"): K/Rp children decide. */
  pairParent?: boolean;
  /** The text speaks of money (anggaran, keuangan, Rp) and not of performance. */
  money?: boolean;
}

const has = (t: Set<string>, ...words: string[]) => words.some((w) => t.has(w));

/** Headers that name a polarity column without the word "polaritas"; the column's values must confirm it. */
export const WEAK_POLARITY_HEADER = /^\s*(sifat|arah|jenis)(\s+(indikator|kinerja|capaian|pencapaian|target|iku))*\s*(\(.*\))?\s*$|^\s*(sifat|arah)\b(?!.*\b(kebijakan|pembangunan|strategi|program)\b)/i;

/** Words that override position: whatever else the header says, these decide. */
function overridingRole(t: Set<string>, text: string): RoleReading | null {
  // Plain patterns, not fuzzy words: "peringkat" is one letter from "perangkat", "interval" from "internal".
  if (/\b(interval|rentang|skala|bobot)\b/i.test(text)) return { role: "other", because: "interval / bobot" };
  if (/harga\s+satuan/i.test(text)) return { role: "other", because: "harga satuan (a unit price)" };
  if (/sumber\s+dana/i.test(text)) return { role: "other", because: "sumber dana (a text)" };
  if (/^\s*volume\b/i.test(text)) return { role: "other", because: "volume" };
  if (/program\s+studi|\bprodi\b/i.test(text)) return { role: "other", because: "program studi (a study programme)" };
  if (/\bfisik\b/i.test(text)) return { role: "other", because: "fisik (physical progress)" };
  if (/\bpola(risasi|ritas)\b|\bpolarity\b/i.test(text)) return { role: "polaritas", because: "polarisasi" };
  // "Sifat Indikator", "Arah", "Jenis Indikator": the row's direction, not the indicator (its values confirm, resolve.ts).
  if (WEAK_POLARITY_HEADER.test(text)) return { role: "polaritas", because: "sifat / arah indikator" };
  if (has(t, "penanggung", "jawab") || /penanggung\s*jawab|\bp\s*j\b|\bpic\b/i.test(text) || has(t, "pelaksana") || (t.has("unit") && t.has("kerja")))
    return { role: "penanggung_jawab", because: "penanggung jawab / pelaksana / PIC" };
  if (has(t, "keterangan", "ket", "catatan")) return { role: "keterangan", because: "keterangan" };
  if (has(t, "penyebab", "hambatan", "kendala", "permasalahan", "faktor")) return { role: "penyebab", because: "penyebab / hambatan" };
  if (has(t, "solusi", "alternatif", "upaya", "tindak")) return { role: "solusi", because: "solusi / upaya" };
  // "Persen RAK" / "% Anggaran Kas": the share of the cash plan, not of the budget spent.
  if (/\brak\b|anggaran\s+kas/i.test(text) && (t.has("%") || has(t, "persen", "persentase", "prosentase"))) return { role: "other", because: "share of the cash plan (RAK)" };
  if (/rencana\s+(penarikan|kas|pencairan)|penarikan\s+dana/i.test(text)) return { role: "other", because: "a disbursement plan, not what was spent" };
  if (/rata[\s-]*rata/i.test(text) && has(t, "capaian", "pencapaian")) return { role: "rata_rata_sasaran", because: "rata-rata capaian (a sasaran's average)" };
  if (has(t, "efisiensi")) return { role: "efisiensi", because: "efisiensi" };
  if (has(t, "efektivitas", "efektifitas")) return { role: "efektivitas", because: "efektivitas" };
  // "Selisih Capaian (%)", "Perbedaan": the difference of two figures, computed from them, never one of them.
  if (/\b(selisih|perbedaan|deviasi|gap)\b/i.test(text)) return { role: "other", because: "a difference of two figures" };
  if (t.has("sisa")) {
    // "% SISA": the share left over is 100 % − serapan, a ratio, not an amount.
    if (t.has("%") || has(t, "persentase", "prosentase", "persen")) return { role: "efisiensi", because: "% sisa (share of the pagu left)" };
    return { role: "sisa_anggaran", because: "sisa anggaran" };
  }
  if (t.has("kemajuan")) return { role: "tingkat_kemajuan", because: "tingkat kemajuan" };
  if (t.has("serapan")) return { role: "serapan", because: "serapan" };
  if (t.has("rasio") && t.has("realisasi") && has(t, "anggaran", "pagu")) return { role: "serapan", because: "rasio realisasi dan anggaran" };
  if (has(t, "nasional", "provinsi", "pembanding")) return { role: "pembanding", because: "national / provincial figure" };
  if (has(t, "predikat", "kriteria", "kategori") || /\bperingkat\b/i.test(text)) return { role: "predikat", because: "predikat / kriteria" };
  return null;
}

const PRIMARY = new Set([
  "no", "nomor", "kode", "tujuan", "sasaran", "program", "kegiatan", "subkegiatan", "uraian", "nomenklatur",
  "indikator", "iku", "satuan", "target", "realisasi", "capaian", "pencapaian", "persentase", "prosentase", "persen",
  "tingkat", "rasio", "pagu", "anggaran", "alokasi", "dana", "dpa", "dppa", "%",
]);

/** Read one header text. Null when the text carries no role (a year, "K", "Rp", a blank). */
export function roleOfText(text: string): RoleReading | null {
  // "Tahun Anggaran 2024" / "T.A. 2024" name the fiscal year, not money.
  text = fromEnglish(text).replace(/\btahun\s+anggaran\b|\bt\.\s*a\.?(?=\s*\d)/gi, "tahun");
  const tokens = headerTokens(text);
  if (tokens.length === 0) return null;
  const t = new Set(tokens);
  const over = overridingRole(t, text);
  if (over) return over;
  const money = has(t, "anggaran", "keuangan", "rp", "rupiah", "dana", "belanja", "pagu") && !has(t, "kinerja", "indikator");
  const pair = has(t, "anggaran", "rp") && t.has("kinerja") && !t.has("indikator");
  const first = tokens.find((w) => PRIMARY.has(w));
  if (!first) {
    if (tokens.length <= 2 && t.has("nmr")) return { role: "no", because: "numbering header" };
    // "Jumlah (Rp)", "Nilai (Rp)": an amount in rupiah with no other role word is a budget amount.
    if (/\(\s*rp\.?\s*\)\s*$|\brp\.?\s*$/i.test(text) && has(t, "jumlah", "total")) return { role: "pagu", because: "an amount in rupiah", money: true };
    return null;
  }
  // "(%)" at the end is the column's unit ("Realisasi (%)" holds a value in percent); a leading "%", "persentase",
  // "rasio" or "tingkat realisasi" make the column a ratio.
  const ratioTokens = new Set(headerTokens(text.replace(/\(\s*%\s*\)\s*$/, "")));
  const ratioWords = has(ratioTokens, "persentase", "prosentase", "persen", "%", "rasio") || (t.has("tingkat") && has(t, "realisasi", "capaian", "pencapaian"));
  switch (first) {
    case "no":
    case "nomor":
      return tokens.length <= 3 ? { role: "no", because: "numbering header" } : null;
    case "kode":
      return { role: "kode", because: "kode" };
    case "tujuan":
      return { role: "tujuan", because: "tujuan" };
    case "sasaran":
      // "Sasaran / Indikator Kinerja": one column for both; the indicator rows carry the figures.
      if (has(t, "indikator", "iku")) return { role: "indikator", because: "sasaran and indikator in one column; the indicator rows carry the figures" };
      return { role: "sasaran", because: "sasaran" };
    case "uraian":
    case "nomenklatur":
      return { role: "nomenklatur", because: `"${first}" names programs, kegiatan and sub kegiatan together` };
    case "program":
    case "kegiatan":
    case "subkegiatan": {
      if (has(t, "indikator", "iku") && !has(t, "uraian", "nomenklatur")) return { role: "indikator", because: "program and indikator in one column; the indicator rows carry the figures" };
      const levels = ["program", "kegiatan", "subkegiatan"].filter((w) => t.has(w));
      if (levels.length > 1) return { role: "nomenklatur", because: "one column names several levels (program/kegiatan/sub kegiatan)" };
      return { role: first, because: first };
    }
    case "indikator":
    case "iku":
      return { role: "indikator", because: first === "iku" ? "IKU (indikator kinerja utama)" : "indikator" };
    case "dpa":
    case "dppa":
      return { role: "pagu", because: "DPA (the budget document)", money: true };
    case "satuan":
      return { role: "satuan", because: "satuan" };
    case "target":
      if (t.has("akhir")) return { role: "target_akhir", because: "target akhir (end of the Renstra period)" };
      return { role: "target", because: "target", pairParent: pair, money: money && !pair };
    case "realisasi":
      if (ratioWords && !t.has("target")) return { role: "ratio", because: "a percentage of realisasi", money: money || undefined };
      if (pair) return { role: "realisasi", because: "realisasi kinerja dan anggaran", pairParent: true };
      return money ? { role: "realisasi_anggaran", because: "realisasi anggaran", money: true } : { role: "realisasi", because: "realisasi" };
    case "tingkat":
    case "capaian":
    case "pencapaian":
    case "persentase":
    case "prosentase":
    case "persen":
    case "rasio":
    case "%": {
      if (pair) return { role: "capaian", because: "capaian kinerja dan anggaran", pairParent: true };
      if (first === "tingkat" && !has(t, "capaian", "pencapaian", "realisasi")) return null;
      if (money) {
        // "Capaian Anggaran (Rp)" is an amount spent; "Persentase Capaian Anggaran (%)" is the serapan.
        if (!ratioWords && /\(\s*rp\.?\s*\)|\brp\.?\s*$/i.test(text)) return { role: "realisasi_anggaran", because: "capaian anggaran in rupiah = realisasi anggaran", money: true };
        return { role: "serapan", because: "capaian anggaran = serapan", money: true };
      }
      if (first === "capaian" || first === "pencapaian") {
        if (has(t, "data", "awal", "dasar", "baseline")) return { role: "realisasi", because: "data capaian (a realised value)" };
        return { role: "capaian", because: first };
      }
      if (has(t, "capaian", "pencapaian")) return { role: "capaian", because: "persentase capaian" };
      return { role: "ratio", because: "a percentage" };
    }
    case "pagu":
    case "anggaran":
    case "alokasi":
    case "dana":
      return { role: "pagu", because: `${first} (budget ceiling)`, money: true };
  }
  return null;
}

export function measureOfText(text: string): Measure | null {
  // Every measure word is short; longer labels are read without building their lower-case copy.
  if (text.length > 24) return null;
  const raw = text.trim().replace(/[()[\].]/g, "").trim().toLowerCase();
  if (raw === "k" || raw === "kinerja" || raw === "kin" || raw === "fisik kinerja") return "K";
  if (raw === "rp" || raw === "idr" || raw === "rupiah" || raw === "rp 000" || raw === "rp juta" || raw === "keuangan" || raw === "keu" || raw === "anggaran") return "Rp";
  if (raw === "%" || raw === "persen") return "%";
  return null;
}

/** Scope words: cumulative ("s.d. Tahun 2023", "kumulatif"), the Renstra period, the baseline year. */
export function scopeOfText(text: string): Scope | null {
  if (/\b(tahun|data|kondisi|capaian)\s+awal\b|\bbaseline\b|\btahun\s+dasar\b/i.test(text)) return "baseline";
  // The original and the revised budget of the year ("Pagu Murni" / "Pagu Perubahan", APBD-P).
  if (/\b(murni|induk|sebelum\s+perubahan)\b|\b(pagu|anggaran|dpa)\s+awal\b/i.test(text)) return "murni";
  if (/\b(perubahan|apbd[\s-]?p|dppa|setelah\s+perubahan)\b|\b(pagu|anggaran|dpa)\s+akhir\b/i.test(text)) return "perubahan";
  if (/\bs\s*[./]\s*d\b\.?|\bsampai\s+dengan\b|\bkumulatif\b|\bhingga\b/i.test(text)) return "cumulative";
  if (/\brenstra\b|\bakhir\s+periode\b|\brpjmd\b/i.test(text)) return "renstra";
  return null;
}

export interface HeaderReading {
  role: CandidateRole;
  year: number | null;
  period: string | null;
  measure: Measure | null;
  scope: Scope | null;
  /** The band's words that decided, as messages (code + the words quoted). */
  evidence: Message[];
  /** 0–1: a role word at the bottom of the path is firmer than one inherited from a parent. */
  confidence: number;
  /** The words say the column covers the whole year to its end ("s.d. Triwulan IV", "s.d. Desember"). */
  wholeYear?: boolean;
}

const SPENDING: Partial<Record<CandidateRole, CandidateRole>> = { target: "pagu", realisasi: "realisasi_anggaran", capaian: "serapan", ratio: "serapan" };

/**
 * Read a column's header path (top → bottom, distinct texts) and the unit printed for it (unit row).
 * The lowest meaningful text proposes; a measure (K/Rp) or a year below a parent inherits the parent's
 * role; a money parent or an Rp measure turns target/realisasi/capaian into spending roles.
 */
export function readHeader(path: string[], unit: Measure | null = null): HeaderReading {
  // A pure function of the words: headers repeat across the tables of a workbook and across readings of it.
  const reading = readingOfWords(path, unit);
  // A copy the caller may change (not a spread: V8 builds those on its slow path).
  return { role: reading.role, year: reading.year, period: reading.period, measure: reading.measure, scope: reading.scope, evidence: reading.evidence.slice(), confidence: reading.confidence, wholeYear: reading.wholeYear };
}

/** Header readings already made, by unit and path. */
const readingOfWords = remembered(
  (path: string[], unit: Measure | null) => readHeaderWords(path, unit),
  (path, unit) => `${unit ?? ""}\u0001${path.join("\u0001")}`,
);

function readHeaderWords(path: string[], unit: Measure | null): HeaderReading {
  let year: number | null = null;
  let period: string | null = null;
  let measure: Measure | null = unit;
  let scope: Scope | null = null;
  for (let i = path.length - 1; i >= 0; i--) {
    if (year === null) year = yearIn(path[i]);
    if (period === null) period = periodIn(path[i]) ?? romanPeriod(path[i], path.slice(0, i));
    if (measure === null) {
      measure = measureOfText(path[i]);
      if (measure === null && /\(\s*(rp\.?|idr)\s*\)|\b(rp\.?|idr)\s*$/i.test(path[i])) measure = "Rp";
      if (measure === null && /\(\s*%\s*\)|^\s*%\s*$/.test(path[i])) measure = "%";
    }
    scope ??= scopeOfText(path[i]);
  }
  let reading: RoleReading | null = null;
  let at = -1;
  for (let i = path.length - 1; i >= 0; i--) {
    reading = roleOfText(path[i]) ?? (i === path.length - 1 && i > 0 ? letterUnderPeriod(path[i], path.slice(0, i)) : null);
    if (reading) {
      at = i;
      break;
    }
  }
  const evidence: Message[] = [];
  if (!reading) {
    evidence.push(path.length ? message("evidence-no-role-word", { header: path.join(" › ") }) : message("evidence-no-header", {}));
    return { role: "other", year, period, measure, scope, evidence, confidence: 0.3 };
  }
  // A bare money word under "Target" / "Realisasi" / "Capaian" (Realisasi › Anggaran (Rp)) is that parent's money column.
  if (reading.role === "pagu" && isBareMoney(path[at])) {
    for (let i = at - 1; i >= 0; i--) {
      const parent = roleOfText(path[i]);
      if (parent && (parent.role === "target" || parent.role === "realisasi" || parent.role === "capaian" || parent.role === "ratio")) {
        reading = { ...parent, money: false };
        at = i;
        if (measure === null) measure = "Rp";
        break;
      }
    }
  }
  let role = reading.role;
  evidence.push(message("evidence-header-word", { text: path[at], role }));
  // Money words elsewhere in the path: "Anggaran › Realisasi" or "Realisasi › Keuangan" is spending.
  const moneyAround = path.some((p, i) => i !== at && isMoneyText(p));
  if (moneyAround && measure !== "K" && !reading.money && !reading.pairParent && SPENDING[role]) {
    role = SPENDING[role]!;
    evidence.push(message("evidence-money-parent", { role }));
  }
  if (measure === "Rp" && SPENDING[role]) {
    role = SPENDING[role]!;
    evidence.push(message("evidence-rp-measure", { role }));
  }
  // An amount of money in percent ("Realisasi Keuangan (%)", "Anggaran › %") is the share spent.
  if (measure === "%" && (role === "realisasi_anggaran" || role === "pagu")) {
    role = "ratio";
    evidence.push(message("evidence-percent-figures", {}));
  }
  // Cumulative to the year's last period ("s.d. Triwulan IV", "s.d. Desember") is the year's own figure.
  let wholeYear = false;
  if (scope === "cumulative" && (period === "TW4" || period === "S2" || period === "DES")) {
    scope = null;
    period = null;
    wholeYear = true;
  }
  if (year !== null) evidence.push(message("evidence-year", { year }));
  if (period) evidence.push(message("evidence-period", { period }));
  if (measure) evidence.push(message("evidence-measure", { measure }));
  if (scope) evidence.push(message("evidence-scope", { scope }));
  // A role word on the column's own (lowest) label is firmer than one read from a parent.
  const confidence = at === path.length - 1 ? 0.7 : 0.6;
  return { role, year, period, measure, scope, evidence, confidence, ...(wholeYear ? { wholeYear } : {}) };
}

/** The Renaksi letter a label is ("T", "r.", "C"): "t", "r" or "c"; undefined for anything else. */
export function trcLetter(text: string): "t" | "r" | "c" | undefined {
  return /^\s*([trc])\.?\s*$/i.exec(text)?.[1].toLowerCase() as "t" | "r" | "c" | undefined;
}

/**
 * One-letter labels under a quarter, semester, month or year parent ("TW I › T | R | %", "2024 › T | R | C"):
 * the Renaksi shorthand for target, realisasi and capaian. Alone, "T" or "R" say nothing.
 */
function letterUnderPeriod(text: string, parents: string[]): RoleReading | null {
  const letter = trcLetter(text);
  if (!letter) return null;
  const parent = parents[parents.length - 1];
  if (periodIn(parent) === null && romanPeriod(parent, parents.slice(0, -1)) === null && yearIn(parent) === null) return null;
  const role = ({ t: "target", r: "realisasi", c: "capaian" } as const)[letter];
  return { role, because: `"${text.trim()}" under "${parent}" (${role})` };
}

/** A label that names only money ("Anggaran", "Anggaran (Rp)", "Keuangan"), no role of its own. */
function isBareMoney(text: string): boolean {
  const t = headerTokens(fromEnglish(text)).filter((w) => w !== "rp" && w !== "%");
  return t.length > 0 && t.every((w) => w === "anggaran" || w === "keuangan" || w === "rupiah" || w === "dana");
}

/** A label about money and not about performance ("Anggaran", "Keuangan", "Rp"). */
function isMoneyText(text: string): boolean {
  const t = new Set(headerTokens(fromEnglish(text).replace(/\btahun\s+anggaran\b|\bt\.\s*a\.?(?=\s*\d)/gi, "tahun")));
  return has(t, "anggaran", "keuangan", "rp", "rupiah", "belanja", "pagu") && !has(t, "kinerja", "indikator", "fisik");
}

/** "I", "II", "III", "IV" under a "Triwulan" parent are quarters; under "Semester", halves. */
function romanPeriod(text: string, parents: string[]): string | null {
  const m = /^\s*(i{1,3}|iv|[1-4])\s*$/i.exec(text);
  if (!m) return null;
  const n = { i: 1, ii: 2, iii: 3, iv: 4 }[m[1].toLowerCase()] ?? parseInt(m[1], 10);
  const parent = parents.join(" ");
  if (/triwulan|\btw\b|trw|kuartal/i.test(parent)) return `TW${n}`;
  if (/semester/i.test(parent) && n <= 2) return `S${n}`;
  return null;
}
