/**
 * The one place where the core's message codes become words, in Bahasa Indonesia (default) and English.
 * Used by the task pane and the CLI alike. Numbers are written in the language's format (id-ID: 1.234,5),
 * cell references as "Sheet!E5" (1-based rows at this edge only).
 */
import { columnLetter } from "../core/grid";
import { CellRef, isCellRef, Message, MessageCode, MessageParams, ParamValue } from "../core/messages";
import { AUDIT_PHRASES } from "./audit";
import { GENERATOR_PHRASES } from "./generators";
import { PLAN_PHRASES } from "./plan";
import { EXCEL_PHRASES } from "./excel";
import { RECOGNITION_PHRASES } from "./recognition";
import { FILE_PHRASES } from "./files";
import { PREVIEW_PHRASES } from "./preview";
import { INPUT_PHRASES } from "./input";
import { LEVEL_WORDS, roleWord } from "./roles";

export type Lang = "id" | "en";
export const LANGS: readonly Lang[] = ["id", "en"];

/** A phrase: the message's parameters → text, with helpers that format values for the language. */
export type Phrase = (p: MessageParams, f: Formatters) => string;
export type PhraseBook<C extends string> = Record<Lang, Record<C, Phrase>>;

export interface Formatters {
  lang: Lang;
  /** A number in the language's format; `decimals` fixes the decimals, else up to 4 significant decimals. */
  num: (v: ParamValue | undefined, decimals?: number) => string;
  /** "Sheet!E5" for a cell reference. */
  cell: (v: ParamValue | undefined) => string;
  /** Column letter of a 0-based index. */
  col: (v: ParamValue | undefined) => string;
  /** 1-based row number of a 0-based row. */
  row: (v: ParamValue | undefined) => string;
  /** A list joined with commas. */
  list: (v: ParamValue | undefined) => string;
  /** Any value as text. */
  text: (v: ParamValue | undefined) => string;
  /** A column role or computed measure in words ("Realisasi anggaran"). */
  role: (v: ParamValue | undefined) => string;
  /** A hierarchy level in words. */
  level: (v: ParamValue | undefined) => string;
  /** Columns (0-based) as letters, joined. */
  cols: (v: ParamValue | undefined) => string;
}

const BOOKS: PhraseBook<string>[] = [RECOGNITION_PHRASES, PREVIEW_PHRASES, PLAN_PHRASES, AUDIT_PHRASES, GENERATOR_PHRASES, EXCEL_PHRASES, FILE_PHRASES, INPUT_PHRASES];

const table = {} as Record<Lang, Record<string, Phrase>>;
for (const lang of LANGS) table[lang] = Object.assign({}, ...BOOKS.map((b) => b[lang]));

export function formatNumber(v: number, lang: Lang, decimals?: number): string {
  if (!Number.isFinite(v)) return String(v);
  const opts: Intl.NumberFormatOptions = decimals === undefined ? { maximumFractionDigits: 4 } : { minimumFractionDigits: decimals, maximumFractionDigits: decimals };
  return new Intl.NumberFormat(lang === "id" ? "id-ID" : "en-US", opts).format(v);
}

export function formatCell(ref: CellRef): string {
  return `${sheetPrefix(ref.sheet)}${columnLetter(ref.col)}${ref.row + 1}`;
}

/** "IKU!" or "'Evaluasi TW IV'!": a sheet name as Excel writes it before a cell or column. */
export function sheetPrefix(sheet: string): string {
  return `${/^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`}!`;
}

export function formatters(lang: Lang): Formatters {
  const text = (v: ParamValue | undefined): string => {
    if (v === null || v === undefined) return "";
    if (typeof v === "number") return formatNumber(v, lang);
    if (typeof v === "boolean") return String(v);
    if (Array.isArray(v)) return v.map(text).join(", ");
    if (isCellRef(v)) return formatCell(v);
    return String(v);
  };
  return {
    lang,
    num: (v, d) => (typeof v === "number" ? formatNumber(v, lang, d) : text(v)),
    cell: (v) => (isCellRef(v) ? formatCell(v) : text(v)),
    col: (v) => (typeof v === "number" ? columnLetter(v) : text(v)),
    row: (v) => (typeof v === "number" ? String(v + 1) : text(v)),
    list: (v) => (Array.isArray(v) ? v.map(text).join(", ") : text(v)),
    text,
    role: (v) => (Array.isArray(v) ? v.map((x) => roleWord(x, lang)).join(", ") : roleWord(v, lang)),
    level: (v) => (typeof v === "string" ? LEVEL_WORDS[lang][v] ?? v : text(v)),
    cols: (v) => (Array.isArray(v) ? v.map((x) => (typeof x === "number" ? columnLetter(x) : text(x))).join(", ") : typeof v === "number" ? columnLetter(v) : text(v)),
  };
}

/** The message in words. An unknown code is a programming error: it is shown with its code, never hidden. */
export function phrase(m: Message<MessageCode | string>, lang: Lang = "id"): string {
  const p = table[lang][m.code];
  if (!p) return `[${m.code}]`;
  return p(m.params, formatters(lang));
}

export function hasPhrase(code: string, lang: Lang): boolean {
  return typeof table[lang][code] === "function";
}

/** `--lang`, else LANG / LC_ALL ("en_US.UTF-8" → en), else Indonesian. */
export function languageFrom(flag: string | undefined, env: Record<string, string | undefined> = {}): Lang {
  if (flag === "id" || flag === "en") return flag;
  const l = env.LC_ALL || env.LANG || "";
  return /^en/i.test(l) ? "en" : "id";
}

export type { MessageCode };

/** The phrase function the core takes for what it writes into the workbook (legend, notes, generated sheets). */
export function phraser(lang: Lang = "id"): (m: Message) => string {
  return (m) => phrase(m, lang);
}
