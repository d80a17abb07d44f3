/**
 * Finds words of the other language in what a user reads: a text that bypasses the phrase layer shows up
 * as English words in Indonesian output or Indonesian words in English output. Domain terms the English
 * phrases keep on purpose (realisasi, capaian, pagu, Tabel, PIHAK PERTAMA …) are not markers.
 */
import type { Lang } from "../../src/i18n";

/** Words that are only English (Indonesian output must not hold them). */
const ENGLISH = /\b(the|of|and|with|from|to|for|in|on|at|by|is|are|was|be|has|have|not|no|yes|it|its|this|that|there|which|when|where|only|also|each|every|any|all|than|between|gap|above|below|overlaps|cannot|can|table|tables|sheet|sheets|rows?|columns?|cells?|indicators?|formulas?|missing|must|should|needs?|refused|valid|invalid|found|files|typed|expected|new|skipped|written|unknown|option|usage|exit|done|error|will|see|use|more|budget|source|targets|header|range|family|confirmed)\b/i;
/** Words that are only Indonesian (English output must not hold them). */
const INDONESIAN = /\b(dan|yang|dari|untuk|dengan|pada|tidak|bukan|harus|belum|sudah|akan|atau|di|ke|ini|itu|lembar|baris|kolom|sel|rumus|berkas|diketik|seharusnya|ditulis|dilewati|sumber|jumlah|perintah|pilihan|bawaan|kosong|ada|lagi|baru|semakin|tinggi|rendah|keyakinan|temuan|indikator|salinan|teks|angka|judul|lainnya|tanpa|siap)\b/i;

/**
 * The words of `output` in the wrong language for `lang`, as "line ⟵ word". Taken out first: the
 * workbook's texts (`known`, longest first), quoted text, "Sheet!A1"-style references, paths and file
 * names, and option names (`--keep-text`).
 */
export function wrongLanguage(output: string, lang: Lang, known: string[] = []): string[] {
  const marker = lang === "id" ? ENGLISH : INDONESIAN;
  const found: string[] = [];
  for (let line of output.split("\n")) {
    for (const k of known) if (line.includes(k)) line = line.split(k).join(" ");
    line = line
      .replace(/"[^"]*"|“[^”]*”/g, " ")
      .replace(/(?:'[^']*'|[^\s'"!]+)!\$?[A-Z]{1,3}\$?\d*(?::\$?[A-Z]{1,3}\$?\d*)?/g, " ")
      .replace(/\S*[/\\]\S*|\S+\.(?:xlsx|xlsm|json)\b/g, " ")
      .replace(/(?<![\w-])--?[a-z][a-z-]*/g, " ");
    const m = marker.exec(line);
    if (m) found.push(`${line.trim()} ⟵ ${m[0]}`);
  }
  return found;
}

