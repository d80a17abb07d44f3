/**
 * Messages about what the user typed in: the Perjanjian Kinerja profile (fields said in words, not as
 * `pihakPertama.nama`), a predikat scale of their own, JSON files named on the command line.
 */
import type { Formatters, Lang, PhraseBook } from "./index";
import type { MessageParams } from "../core/messages";
import type { INPUT_CODES } from "../core/messages/input";

type Code = (typeof INPUT_CODES)[number];

const FIELDS: Record<Lang, Record<string, string>> = {
  id: {
    instansi: "nama perangkat daerah", pemerintah: "pemerintah daerah", tempat: "tempat penandatanganan", tanggal: "tanggal penandatanganan",
    tahun: "tahun", pihakPertama: "PIHAK PERTAMA", pihakKedua: "PIHAK KEDUA",
    nama: "nama", jabatan: "jabatan", pangkat: "pangkat/golongan", nip: "NIP", status: "status (Plt./Plh.)",
  },
  en: {
    instansi: "agency name", pemerintah: "regional government", tempat: "place of signing", tanggal: "date of signing",
    tahun: "year", pihakPertama: "PIHAK PERTAMA (first party)", pihakKedua: "PIHAK KEDUA (second party)",
    nama: "name", jabatan: "position", pangkat: "rank/grade", nip: "NIP", status: "status (Plt./Plh.)",
  },
};

/** A profile field's key path in words: "pihakPertama.nip" → "NIP PIHAK PERTAMA" / "NIP of PIHAK PERTAMA (first party)". */
export function profileFieldName(field: unknown, lang: Lang): string {
  const words = FIELDS[lang];
  const [head, sub] = String(field ?? "").split(".");
  const whole = words[head] ?? head;
  if (!sub) return whole;
  const part = words[sub] ?? sub;
  return lang === "id" ? `${part} ${whole}` : `${part} of ${whole}`;
}

const from = (p: MessageParams, f: Formatters) => (p.file ? `${f.text(p.file)}: ` : "");
const field = (p: MessageParams, f: Formatters) => profileFieldName(p.field, f.lang);
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export const INPUT_PHRASES: PhraseBook<Code> = {
  id: {
    "json-invalid": (p, f) => `${from(p, f)}bukan JSON yang sah (${typeof p.line === "number" ? `periksa baris ${f.num(p.line)}, kolom ${f.num(p.column)}` : p.token ? `tanda ${f.text(p.token)} tidak pada tempatnya` : "teksnya berakhir sebelum lengkap"})`,
    "profile-field-missing": (p, f) => `${from(p, f)}${cap(field(p, f))} belum diisi`,
    "profile-official-missing": (p, f) => `${from(p, f)}${cap(field(p, f))} belum diisi (nama, jabatan, pangkat/golongan, NIP)`,
    "profile-field-not-text": (p, f) => `${from(p, f)}${cap(field(p, f))} harus berupa teks`,
    "profile-status-invalid": (p, f) => `${from(p, f)}${cap(field(p, f))} harus "Plt.", "Plh." atau kosong (tertulis "${f.text(p.value)}")`,
    "profile-nip-invalid": (p, f) => `${from(p, f)}${cap(field(p, f))} harus 18 angka (tertulis "${f.text(p.value)}")`,
    "profile-year-invalid": (p, f) => `${from(p, f)}Tahun harus berupa tahun seperti 2024 (tertulis "${f.text(p.value)}")`,
    "scale-needs-bands": () => `skala memerlukan "bands": paling sedikit dua rentang { "from", "to", "label" }`,
    "scale-band-incomplete": (p, f) => `rentang ke-${f.num(p.band)}: perlu "from" dan "to" berupa angka serta "label"`,
    "scale-band-quote": (p, f) => `rentang ke-${f.num(p.band)}: label tidak boleh memuat tanda petik dua`,
    "scale-band-reversed": (p, f) => `"${f.text(p.label)}": batas bawah ${f.num(p.from)} lebih besar dari batas atas ${f.num(p.to)}`,
    "scale-gap": (p, f) => `ada celah antara ${f.num(p.from)} ("${f.text(p.below)}") dan ${f.num(p.to)} ("${f.text(p.above)}")`,
    "scale-overlap": (p, f) => `"${f.text(p.below)}" (sampai ${f.num(p.to)}) bertumpang tindih dengan "${f.text(p.above)}" (mulai ${f.num(p.from)})`,
    "scale-line-unreadable": (p, f) => `baris ${f.num(p.line)}: "${f.text(p.text)}" perlu batas bawah dan predikat ("90 Sangat Baik")`,
    "scale-line-twice": (p, f) => `baris ${f.num(p.line)}: batas ${f.num(p.bound)} disebut dua kali`,
    "scale-missing": () => "skala predikat sendiri dipilih tetapi rentangnya belum diisi",
  },
  en: {
    "json-invalid": (p, f) => `${from(p, f)}not valid JSON (${typeof p.line === "number" ? `check line ${f.num(p.line)}, column ${f.num(p.column)}` : p.token ? `${f.text(p.token)} out of place` : "the text ends before it is complete"})`,
    "profile-field-missing": (p, f) => `${from(p, f)}${cap(field(p, f))} is missing`,
    "profile-official-missing": (p, f) => `${from(p, f)}${cap(field(p, f))} is missing (name, position, rank/grade, NIP)`,
    "profile-field-not-text": (p, f) => `${from(p, f)}${cap(field(p, f))} must be text`,
    "profile-status-invalid": (p, f) => `${from(p, f)}${cap(field(p, f))} must be "Plt.", "Plh." or empty (got "${f.text(p.value)}")`,
    "profile-nip-invalid": (p, f) => `${from(p, f)}${cap(field(p, f))} should have 18 digits (got "${f.text(p.value)}")`,
    "profile-year-invalid": (p, f) => `${from(p, f)}Year must be a year such as 2024 (got "${f.text(p.value)}")`,
    "scale-needs-bands": () => `the scale needs "bands": at least two { "from", "to", "label" }`,
    "scale-band-incomplete": (p, f) => `band ${f.num(p.band)}: needs a numeric "from" and "to" and a "label"`,
    "scale-band-quote": (p, f) => `band ${f.num(p.band)}: the label cannot contain a double quote`,
    "scale-band-reversed": (p, f) => `"${f.text(p.label)}": from ${f.num(p.from)} is above to ${f.num(p.to)}`,
    "scale-gap": (p, f) => `gap between ${f.num(p.from)} ("${f.text(p.below)}") and ${f.num(p.to)} ("${f.text(p.above)}")`,
    "scale-overlap": (p, f) => `"${f.text(p.below)}" (to ${f.num(p.to)}) overlaps "${f.text(p.above)}" (from ${f.num(p.from)})`,
    "scale-line-unreadable": (p, f) => `line ${f.num(p.line)}: "${f.text(p.text)}" needs a lower bound and a rating ("90 Sangat Baik")`,
    "scale-line-twice": (p, f) => `line ${f.num(p.line)}: the bound ${f.num(p.bound)} is given twice`,
    "scale-missing": () => "a custom predikat scale was chosen without its bands",
  },
};
