/**
 * The printable Perjanjian Kinerja sheet (A4 portrait): title block, the statement, PIHAK KEDUA left and
 * PIHAK PERTAMA right with their signatures, then, on a new page, the lampiran: sasaran merged over their
 * indicators with satuan and target as the workbook shows them, and the program budget with a SUM total.
 */
import { cellAddress, WorkbookSnapshot } from "./grid";
import { message, Message } from "./messages";
import type { Phraser } from "./plan/types";
import { phraser } from "../i18n";
import { PkProfile, signedTitle } from "./profile";
import type { WorkbookAnalysis } from "./recognise";
import { areaAddress, CellStyle, generatedMark, generatedSheetName, SheetSpec, SpecBuilder } from "./sheetSpec";
import { budgetAmounts, BudgetRow, findSources, SourceChoice, Sources } from "./sources";

export const PK_KIND = "perjanjian-kinerja";

export interface PerjanjianKinerjaOptions extends SourceChoice {
  perubahan?: boolean;
  /** The words of the sheet (labels, statement, notes) in the user's language; without it, Indonesian (src/i18n). */
  phrase?: Phraser;
}

const LAST_COL = 4; // A No · B Sasaran · C Indikator · D Satuan · E Target
const WIDTHS = [6, 28, 36, 20, 14];
/** Points of rows an A4 portrait page holds at the fit-to-width scale (margins 0.6 in; ≈ 0.93 scale). */
const PAGE_POINTS = 760;
const RUPIAH = '"Rp "#,##0';
const HEADER: CellStyle = { bold: true, align: "center", valign: "middle", wrap: true, border: true, fill: "#D9E1F2" };
const BODY: CellStyle = { border: true, valign: "top", wrap: true };
const PARAGRAPH: CellStyle = { wrap: true, valign: "top", align: "left" };

export interface PkOutline {
  sasaran: number;
  indicators: number;
  programs: number;
  /** Jumlah Anggaran, in Rupiah. */
  total: number;
}

export function perjanjianKinerjaSheet(snapshot: WorkbookSnapshot, analysis: WorkbookAnalysis, profile: PkProfile, options: PerjanjianKinerjaOptions = {}): { spec: SheetSpec; sources: Sources; programs: BudgetRow[]; outline: PkOutline } {
  const sources = findSources(snapshot, analysis, { ...options, year: options.year ?? profile.tahun, purpose: "pk" });
  const year = options.year ?? profile.tahun ?? sources.year;
  const revised = !!options.perubahan;
  const phrase = options.phrase ?? phraser("id");
  const say = (code: Message["code"], params = {}) => phrase(message(code, params));
  const title = say("pk-title", { perubahan: revised, year });
  const { name, replaces } = generatedSheetName(snapshot, `${revised ? "PK Perubahan" : "Perjanjian Kinerja"}${year ? ` ${year}` : ""}`, PK_KIND);
  const b = new SpecBuilder();
  const first = profile.sebutan ?? "PIHAK PERTAMA";
  let r = 0;
  const line = (text: string | null, style: CellStyle = PARAGRAPH, height?: number) => {
    b.merge(r, 0, r, LAST_COL, text, style);
    if (height) b.heights[r] = height;
    r++;
  };

  // --- 1. title block ---
  b.text(0, LAST_COL + 1, generatedMark(PK_KIND), { size: 8, color: "#808080" });
  line(title, { bold: true, size: 14, align: "center" });
  line(profile.instansi.toUpperCase(), { bold: true, align: "center", wrap: true });
  if (profile.pemerintah) line(profile.pemerintah.toUpperCase(), { bold: true, align: "center" });
  r++;

  // --- 2. the statement ---
  // The agency's own wording keeps the parties after its first paragraph, like the preset.
  const own = profile.pernyataan;
  const preset = [say("pk-statement-open", { first }), "__PIHAK__", say("pk-statement-first", { first }), say("pk-statement-second", { first })];
  const paragraphs = own ? (own.includes("__PIHAK__") ? own : [own[0], "__PIHAK__", ...own.slice(1)]) : preset;
  for (const p of paragraphs) {
    if (p === "__PIHAK__") {
      party(b, r, profile.pihakPertama.nama, signedTitle(profile.pihakPertama), say);
      r += 2;
      line(say("pk-called-first", { first }));
      r++;
      party(b, r, profile.pihakKedua.nama, signedTitle(profile.pihakKedua), say);
      r += 2;
      line(say("pk-called-second", { first, superior: profile.atasanLangsung !== false }));
      r++;
      continue;
    }
    line(p.replace(/\bPIHAK PERTAMA\b/g, first), { ...PARAGRAPH, align: "left" });
    r++;
  }

  // --- 3. signatures ---
  r = signatures(b, r, profile, say);
  const lampiran = r + 1;
  r = lampiran;

  // --- 4. lampiran: indicators, then programs ---
  line(say("pk-lampiran", { title }), { bold: true, size: 12, align: "center" });
  line(profile.instansi.toUpperCase(), { bold: true, align: "center", wrap: true });
  if (profile.pemerintah) line(profile.pemerintah.toUpperCase(), { bold: true, align: "center" });
  r++;
  (["ra-no", "pk-sasaran", "pk-indikator", "pk-satuan", "pk-target"] as const).forEach((h, c) => b.text(r, c, say(h), HEADER));
  r++;
  const rows = sources.pk.rows;
  let start = r;
  let number = 0;
  rows.forEach((ind, i) => {
    b.text(r, 2, ind.indikator, BODY);
    b.text(r, 3, ind.satuan || null, { ...BODY, align: "center" });
    const t = ind.target;
    b.text(r, 4, typeof t.value === "number" ? t.value : t.numeral.raw || null, { ...BODY, align: "center", numberFormat: typeof t.value === "number" ? t.numberFormat ?? undefined : undefined });
    if (!rows[i + 1] || rows[i + 1].sasaran !== ind.sasaran) {
      b.merge(start, 0, r, 0, ++number, { ...BODY, align: "center" });
      b.merge(start, 1, r, 1, ind.sasaran || null, BODY);
      start = r + 1;
    }
    r++;
  });
  if (!rows.length) line(say(sources.pk.table ? "missing-indicators" : "missing-pk-table"), { ...BODY, italic: true, color: "#C00000" }, 30);
  r++;

  const programs = programRows(sources.budget.rows);
  b.text(r, 0, say("ra-no"), HEADER);
  b.merge(r, 1, r, 2, say("pk-program"), HEADER);
  b.text(r, 3, say("pk-anggaran"), HEADER);
  b.text(r, 4, say("pk-keterangan"), HEADER);
  r++;
  const firstProgram = r;
  programs.forEach((p, i) => {
    b.text(r, 0, i + 1, { ...BODY, align: "center" });
    b.merge(r, 1, r, 2, `${p.code ? `${p.code} ` : ""}${p.name}`, BODY);
    b.text(r, 3, p.pagu ?? null, { ...BODY, numberFormat: RUPIAH });
    b.text(r, 4, p.keterangan || null, { ...BODY, align: "center" });
    r++;
  });
  if (!programs.length) {
    b.merge(r, 0, r, LAST_COL, say(sources.budget.table ? "missing-programs" : "missing-budget-table"), { ...BODY, italic: true, color: "#C00000" });
    b.heights[r] = 30;
    r++;
  }
  b.merge(r, 0, r, 2, say("pk-jumlah"), { ...BODY, bold: true, align: "center" });
  const total = programs.reduce((a, p) => a + (p.pagu ?? 0), 0);
  b.formula(r, 3, programs.length ? `=SUM(${cellAddress(firstProgram, 3)}:${cellAddress(r - 1, 3)})` : "=0", total, { ...BODY, bold: true, numberFormat: RUPIAH });
  b.text(r, 4, null, BODY);
  r += 2;
  b.fitHeights(WIDTHS);
  // Keep the closing signatures on one page: break before them if they would straddle a page end.
  const breaks = [lampiran];
  const signatureStart = r;
  r = signatures(b, r, profile, say);
  const height = (row: number) => b.heights[row] ?? 15;
  let used = 0;
  for (let row = lampiran; row < signatureStart; row++) used = (used + height(row)) % PAGE_POINTS;
  let block = 0;
  for (let row = signatureStart; row < r; row++) block += height(row);
  if (used + block > PAGE_POINTS) breaks.push(signatureStart);
  return {
    sources,
    programs,
    outline: { sasaran: new Set(rows.map((x) => x.sasaran)).size, indicators: rows.length, programs: programs.length, total },
    spec: b.build({
      kind: PK_KIND,
      name,
      replaces,
      widths: WIDTHS,
      print: { orientation: "portrait", area: areaAddress(r - 1, LAST_COL), breaksBefore: breaks },
      conditional: [],
      notes: sources.notes,
    }),
  };
}

type Say = (code: Message["code"], params?: Record<string, string | number | boolean | null>) => string;

/** "Nama : …" and "Jabatan : …" lines of one party. */
function party(b: SpecBuilder, r: number, nama: string, jabatan: string, say: Say) {
  b.text(r, 1, say("pk-name"), PARAGRAPH);
  b.merge(r, 2, r, LAST_COL, `: ${nama}`, { ...PARAGRAPH, bold: true });
  b.text(r + 1, 1, say("pk-position"), PARAGRAPH);
  b.merge(r + 1, 2, r + 1, LAST_COL, `: ${jabatan}`, PARAGRAPH);
}

/**
 * Place and date on the right; PIHAK KEDUA on the left and PIHAK PERTAMA on the right: title, room to
 * sign, name bold and underlined, pangkat/golongan and NIP (none for a regional head). Returns the next row.
 */
function signatures(b: SpecBuilder, r: number, p: PkProfile, say: Say): number {
  const first = p.sebutan ?? "PIHAK PERTAMA";
  const left = (row: number, text: string | null, style: CellStyle = {}) => b.merge(row, 0, row, 1, text, { align: "center", wrap: true, ...style });
  const right = (row: number, text: string | null, style: CellStyle = {}) => b.merge(row, 2, row, LAST_COL, text, { align: "center", wrap: true, ...style });
  right(r, `${p.tempat}, ${p.tanggal}`);
  r++;
  left(r, say("pk-second-party"), { bold: true });
  right(r, `${first},`, { bold: true });
  r++;
  left(r, signedTitle(p.pihakKedua));
  right(r, signedTitle(p.pihakPertama));
  b.heights[r] = 32;
  r += 5; // room to sign
  left(r, p.pihakKedua.nama, { bold: true, underline: true });
  right(r, p.pihakPertama.nama, { bold: true, underline: true });
  r++;
  const rank = (o: PkProfile["pihakPertama"]) => (o.kepalaDaerah ? null : o.pangkat || null);
  const nip = (o: PkProfile["pihakPertama"]) => (o.kepalaDaerah || !o.nip ? null : `NIP. ${o.nip}`);
  if (rank(p.pihakKedua) || rank(p.pihakPertama)) {
    left(r, rank(p.pihakKedua));
    right(r, rank(p.pihakPertama));
    r++;
  }
  if (nip(p.pihakKedua) || nip(p.pihakPertama)) {
    left(r, nip(p.pihakKedua));
    right(r, nip(p.pihakPertama));
    r++;
  }
  return r + 1;
}

/**
 * The programs of the budget (its top level), each with its amount from the lowest level present: a
 * program without its own amount is the sum of its kegiatan, each of those its own amount or the sum of
 * its sub kegiatan (amounts typed only at sub kegiatan level add up to the programs and the total).
 */
function programRows(rows: BudgetRow[]): BudgetRow[] {
  const { amount, top } = budgetAmounts(rows);
  return top.map((x) => ({ ...x, pagu: amount.get(x) }));
}
