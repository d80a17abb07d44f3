/**
 * Header wording by meaning: texts are cut into normalised tokens, broken words are re-joined
 * ("Penca paian" → "pencapaian", "N O" → "no") and misspellings are matched to the nearest known
 * word ("Realiasi" → "realisasi", "Posentase" → "persentase").
 */

/** Words that carry meaning in SAKIP headers, by their canonical spelling. */
export const KNOWN_WORDS = [
  "no", "nomor", "kode", "tujuan", "sasaran", "strategis", "program", "kegiatan", "subkegiatan", "sub",
  "uraian", "nomenklatur", "indikator", "kinerja", "satuan", "target", "realisasi", "capaian", "pencapaian",
  "persentase", "prosentase", "tingkat", "predikat", "kriteria", "kategori", "pagu", "anggaran", "serapan", "sisa",
  "efisiensi", "efektivitas", "efektifitas", "akhir", "kemajuan", "nasional", "provinsi", "penanggung", "jawab",
  "keterangan", "ket", "penyebab", "keberhasilan", "kegagalan", "solusi", "alternatif", "tahun", "renstra",
  "triwulan", "rupiah", "bobot", "nilai", "jumlah", "alokasi", "urusan", "bidang", "belanja", "awal", "kondisi",
  "rencana", "aksi", "pelaksanaan", "perjanjian", "catatan", "hambatan", "upaya", "pembanding", "keuangan",
  "outcome", "output", "dana", "semester", "bulan", "kabupaten", "kota", "daerah", "pelaksana", "unit", "kerja",
  "rasio", "persen", "fisik", "harga", "volume", "sumber", "polarisasi", "polaritas", "kumulatif", "iku", "data",
] as const;

const KNOWN = new Set<string>(KNOWN_WORDS);

export const MONTHS: Record<string, string> = {
  jan: "JAN", januari: "JAN", january: "JAN",
  feb: "FEB", februari: "FEB", pebruari: "FEB", february: "FEB",
  mar: "MAR", maret: "MAR", march: "MAR",
  apr: "APR", april: "APR",
  mei: "MEI", may: "MEI",
  jun: "JUN", juni: "JUN", june: "JUN",
  jul: "JUL", juli: "JUL", july: "JUL",
  agt: "AGT", agu: "AGT", ags: "AGT", agus: "AGT", agustus: "AGT", aug: "AGT", august: "AGT",
  sep: "SEP", sept: "SEP", september: "SEP",
  okt: "OKT", oct: "OKT", oktober: "OKT", october: "OKT",
  nov: "NOV", nop: "NOV", november: "NOV", nopember: "NOV",
  des: "DES", dec: "DES", desember: "DES", december: "DES",
};

function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[b.length];
}

const correctionCache = new Map<string, string>();

/** The known word a token stands for, tolerating one or two typing errors in longer words. */
export function correctWord(token: string): string {
  if (KNOWN.has(token) || token.length < 5 || /\d/.test(token)) return token;
  const cached = correctionCache.get(token);
  if (cached) return cached;
  const max = token.length >= 8 ? 2 : 1;
  let best = token;
  let bestD = max + 1;
  for (const w of KNOWN_WORDS) {
    // Typing errors rarely hit the first letter; requiring it keeps "lokasi" from becoming "alokasi".
    if (w.length < 5 || w[0] !== token[0]) continue;
    const d = editDistance(token, w, max);
    if (d < bestD) {
      best = w;
      bestD = d;
    }
  }
  correctionCache.set(token, best);
  return best;
}

/**
 * Normalise a header text into tokens: lower case, accents and punctuation stripped (keeping "%"),
 * broken words re-joined when the join is a known word, misspellings corrected.
 */
const tokenCache = new Map<string, string[]>();

export function headerTokens(text: string): string[] {
  let cached = tokenCache.get(text);
  if (!cached) {
    cached = computeTokens(text);
    if (tokenCache.size > 20000) tokenCache.clear();
    tokenCache.set(text, cached);
  }
  return cached;
}

/** Abbreviations headers use ("Tgt", "Real.", "% Cap.", "Sat.", "Th."), as whole words. */
const ABBREVIATIONS: Record<string, string> = {
  tgt: "target", trgt: "target", real: "realisasi", reals: "realisasi", rls: "realisasi", cap: "capaian", capai: "capaian",
  sat: "satuan", stn: "satuan", th: "tahun", thn: "tahun", angg: "anggaran", ind: "indikator", ket: "keterangan", prog: "program", keg: "kegiatan",
  prov: "provinsi", prop: "provinsi", propinsi: "provinsi", nas: "nasional", nasion: "nasional",
};

function computeTokens(text: string): string[] {
  const base = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/%/g, " % ")
    .replace(/[^a-z0-9% ]+/g, " ")
    .split(/\s+/)
    .filter(Boolean);
  const out: string[] = [];
  for (let i = 0; i < base.length; i++) {
    const t = base[i];
    // Re-join words broken by a line wrap or stray space: "penca paian", "n o", "reali sasi".
    if (i + 1 < base.length && !/\d/.test(t) && !/\d/.test(base[i + 1])) {
      const joined = t + base[i + 1];
      // Only an exact known word counts: "realisasi rp" must not become one misspelt word.
      if ((!KNOWN.has(t) || !KNOWN.has(base[i + 1])) && KNOWN.has(joined)) {
        out.push(joined);
        i++;
        continue;
      }
    }
    out.push(ABBREVIATIONS[t] ?? correctWord(t));
  }
  // "sub kegiatan" → one concept.
  const merged: string[] = [];
  for (let i = 0; i < out.length; i++) {
    if (out[i] === "sub" && out[i + 1] === "kegiatan") {
      merged.push("subkegiatan");
      i++;
    } else merged.push(out[i]);
  }
  return merged;
}

/**
 * English header words as the Indonesian words the rules read ("Actual" → realisasi, "Absorption" → serapan,
 * "Budget Ceiling" → pagu anggaran), longest phrases first so "Remaining Budget" is not read as "Budget".
 */
const ENGLISH: [RegExp, string][] = [
  [/\bend[\s-]+of[\s-]+(the[\s-]+)?(period|plan)\s+target\b|\bfinal\s+target\b|\btarget\s+at\s+the\s+end\b/gi, "target akhir"],
  [/\bkey\s+performance\s+indicators?\b|\bkpis?\b/gi, "indikator kinerja utama"],
  [/\bperformance\s+indicators?\b|\bindicators?\b/gi, "indikator"],
  [/\bstrategic\s+(objectives?|goals?|targets?)\b/gi, "sasaran strategis"],
  [/\bobjectives?\b/gi, "sasaran"],
  [/\bgoals?\b/gi, "tujuan"],
  [/^\s*(units?|unit\s+of\s+measure(ment)?|uom|measurement\s+unit)\s*$/gi, "satuan"],
  [/\b(remaining\s+(budget|balance)|unspent(\s+budget)?|budget\s+(remaining|balance))\b/gi, "sisa anggaran"],
  [/\b(absorption|budget\s+absorption|spending\s+rate|disbursement\s+rate)(\s+rate)?\b/gi, "serapan"],
  [/\b(realization|realisation|implementation)\s+rate\b/gi, "persentase realisasi"],
  [/\b(budget|financial)\s+(realization|realisation|expenditure|spending)\b|\bexpenditures?\b|\bspending\b|\bamount\s+spent\b|\bdisbursements?\b/gi, "realisasi anggaran"],
  [/\bbudget\s+ceiling\b|\bceiling\b|\bappropriations?\b/gi, "pagu anggaran"],
  [/\bbudgets?\b|\ballocations?\b/gi, "anggaran"],
  [/\b(actual|realization|realisation|achieved|result)s?\b/gi, "realisasi"],
  [/\bachievements?\b|\battainment\b/gi, "capaian"],
  [/\bprogress\b/gi, "tingkat kemajuan"],
  [/\bsub[\s-]*activit(y|ies)\b/gi, "sub kegiatan"],
  [/\bactivit(y|ies)\b/gi, "kegiatan"],
  [/\bprogram(me)?s?\b/gi, "program"],
  [/\bcodes?\b/gi, "kode"],
  [/\b(remarks?|notes?|comments?)\b/gi, "keterangan"],
  [/\bperson\s+in\s+charge\b|\bresponsible(\s+(unit|party|person))?\b/gi, "penanggung jawab"],
  [/\b(rating|category|criteria)\b/gi, "predikat"],
  [/\befficiency\b/gi, "efisiensi"],
  [/\beffectiveness\b/gi, "efektivitas"],
  [/\bfiscal\s+year\b|\byear\b/gi, "tahun"],
  [/\bidr\b/gi, "Rp"],
];
const ENGLISH_HINT = /\b(end|final|indicators?|kpis?|objectives?|goals?|units?|uom|remaining|unspent|absorption|rate|budgets?|expenditures?|spending|spent|disbursements?|ceiling|appropriations?|allocations?|actual|reali[sz]ation|achieved|results?|achievements?|attainment|progress|activit(y|ies)|programme|codes?|remarks?|notes?|comments?|responsible|person|rating|category|criteria|efficiency|effectiveness|year|idr|balance)\b/i;

/** An English header read as its Indonesian words; Indonesian text is returned unchanged. */
export function fromEnglish(text: string): string {
  if (!ENGLISH_HINT.test(text)) return text;
  let out = text;
  for (const [re, id] of ENGLISH) out = out.replace(re, id);
  return out;
}

/** A four-digit year (1990–2099) stated on its own in the text, not as part of a range like 2024-2026. */
export function yearIn(text: string): number | null {
  const ranges = text.replace(/(19|20)\d{2}\s*[-–/]\s*(19|20)\d{2}/g, " ");
  const m = /(?:^|[^\d])((?:19|20)\d{2})(?!\d)/.exec(ranges);
  return m ? parseInt(m[1], 10) : null;
}

const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };

/** "TW 1", "TW I", "Triwulan III", "Jan", "Agustus" → "TW1"… / "JAN"… */
export function periodIn(text: string): string | null {
  const t = text.toLowerCase().replace(/[^a-z0-9 ]+/g, " ").trim();
  const tw = /(?:^|\s)(?:tw|triwulan|trw|q)\s*(i{1,3}|iv|[1-4])(?:\s|$)/.exec(t);
  if (tw) return `TW${ROMAN[tw[1]] ?? tw[1]}`;
  const sem = /(?:^|\s)(?:semester|smt|sem)\s*(i{1,2}|[12])(?:\s|$)/.exec(t);
  if (sem) return `S${ROMAN[sem[1]] ?? sem[1]}`;
  const words = t.split(/\s+/);
  if (words.length <= 2) {
    for (const w of words) if (MONTHS[w]) return MONTHS[w];
  }
  return null;
}
