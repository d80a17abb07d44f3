/**
 * Tick columns. An ikhtisar marks each indicator's predikat with a tick ("√", "v", "✓") in one of several
 * columns, one per band of a scale: "Predikat › Tidak Tercapai (<100%) | Tercapai (=100%) | Melebihi (>100%)",
 * "Kriteria Capaian › Sangat Tinggi (≥ 91%) | Tinggi (76 - 90%) | … | Sangat Rendah (≤ 50%)", or the band
 * words alone. Each such column is a predikat column that carries its band: the words, the bounds printed in
 * its header (if any) and the band of a standard scale its words name. The write plan decides the bounds
 * the header leaves out from the scale in use (src/core/plan/rules/ticks.ts).
 *
 * A run of band columns is a tick group only when it reads as one: at least two adjacent columns, under a
 * predikat / kriteria / kategori label or all named by one standard scale, whose body cells are empty or
 * tick marks (a count or percentage row under them is allowed), in a table that has a capaian to read.
 */
import { Grid } from "../grid";
import { message, Message } from "../messages";
import type { BuiltInScale } from "../formulas";
import { byText, remembered } from "../remembered";
import type { CandidateRole } from "./candidates";

/** A bound printed in a band's header, in percent units. */
export interface BandBound {
  value: number;
  /** ">" or "<" rather than "≥" or "≤". */
  strict: boolean;
}

export interface TickBand {
  /** The band's words as printed, without the bounds ("Tercapai", "Sangat Tinggi"). */
  label: string;
  /** Bounds printed in the header ("≥ 91%", "76 - 90%", "<100%", "=100%"); null when not printed. */
  lower: BandBound | null;
  upper: BandBound | null;
  /** The band of a standard scale the words name (its label there), if any. */
  standard: { scale: BuiltInScale; label: string } | null;
  /** The first column of the band's group: the columns of one group share it. */
  group: number;
}

/** Band words of the standard scales, normalised (lower case, single spaces), with their band. */
const STANDARD_WORDS: [RegExp, BuiltInScale, string][] = [
  [/^(tidak|belum) (tercapai|mencapai target)$|^di ?bawah target$|^kurang dari target$/, "tercapai", "Tidak Tercapai"],
  [/^(tercapai|mencapai target|sesuai target|tercapai sesuai target|sama dengan target)$/, "tercapai", "Tercapai"],
  [/^(melebihi|melampaui|terlampaui|di ?atas|lebih dari)( target)?$/, "tercapai", "Melebihi Target"],
  [/^sangat tinggi$/, "permendagri86", "Sangat Tinggi"],
  [/^tinggi$/, "permendagri86", "Tinggi"],
  [/^sedang$/, "permendagri86", "Sedang"],
  [/^rendah$/, "permendagri86", "Rendah"],
  [/^sangat rendah$/, "permendagri86", "Sangat Rendah"],
];

const NUM = String.raw`(\d+(?:[.,]\d+)?)`;
const number = (s: string) => parseFloat(s.replace(",", "."));
const ONE_SIDED = new RegExp(`^(>=|>|<=|<|=)${NUM}$`);
const RANGE = new RegExp(`^${NUM}(-|<=|<)${NUM}$`);
const BETWEEN = new RegExp(`^${NUM}(<=|<)(<=|<)${NUM}$`);
const LONE = new RegExp(`^${NUM}$`);

/** Words or signs a predikat band's header has (a cheap test before the band is read). */
const BAND_HINT = /tercapai|mencapai|melebihi|melampaui|terlampaui|sesuai|target|bawah|atas|lebih|kurang|sama|tinggi|rendah|sedang|[<>≥≤=%]/i;

/**
 * A header text read as a band: its words, the bounds it prints and the standard band its words name.
 * Null when the text is neither band words of a standard scale nor words with printed bounds.
 */
export function readTickBand(text: string): Omit<TickBand, "group"> | null {
  // Every band names a standard band's words or prints its bounds with a sign or a percent: most headers have neither.
  if (!BAND_HINT.test(text)) return null;
  // Header texts repeat from table to table: each is read once. Callers copy, never change.
  return bandOfText(text);
}

const bandOfText = remembered((text: string) => readBandWords(text), byText);

function readBandWords(text: string): Omit<TickBand, "group"> | null {
  const t = text
    .replace(/\s+/g, " ")
    .replace(/≥|=>/g, ">=")
    .replace(/≤|=</g, "<=")
    .replace(/[–—−]/g, "-")
    .replace(/\b(kurang dari|di ?bawah)\s*(?=\d)/gi, "<")
    .replace(/\b(lebih dari|di ?atas)\s*(?=\d)/gi, ">")
    .replace(/\s*\b(s\.?\s?d\.?|s\/d|sampai( dengan)?|hingga)\s*(?=\d)/gi, "-")
    .trim();
  // The words end where the bounds begin: a parenthesis, a comparison sign or a digit.
  const cut = t.search(/[(<>=\d]/);
  const words = (cut < 0 ? t : t.slice(0, cut)).replace(/[:\-/,]+\s*$/, "").trim();
  const bounds = cut < 0 ? "" : t.slice(cut);
  const printed = readBounds(bounds);
  if (bounds && !printed && /\d/.test(bounds)) return null; // digits that are not bounds ("Tahun 2024")
  const norm = words.toLowerCase().replace(/\s+/g, " ");
  const hit = STANDARD_WORDS.find(([re]) => re.test(norm));
  const standard = hit ? { scale: hit[1], label: hit[2] } : null;
  if (!standard && !printed) return null;
  // Own words need bounds that read as bounds (a sign or a percent), not a span of years ("Realisasi 2023-2024").
  if (!standard && !/[%<>=]/.test(bounds)) return null;
  if (!standard && words.split(" ").length > 4) return null; // a sentence, not band words
  return { label: words, lower: printed?.lower ?? null, upper: printed?.upper ?? null, standard };
}

/** "(≥ 91%)", "76 - 90%", "< 100 %", "=100%", "91% ≤ 100%", "76 ≤ x < 91", "(100%)" → bounds. */
function readBounds(text: string): { lower: BandBound | null; upper: BandBound | null } | null {
  const b = text
    .replace(/[()[\]%\s]/g, "")
    .replace(/(capaian|nilai|skor|x|c|n)(?=[<>=])/gi, "")
    .replace(/,(?=\d)/g, ".");
  if (!b) return null;
  let m = ONE_SIDED.exec(b);
  if (m) {
    const v = number(m[2]);
    if (m[1] === "=") return { lower: { value: v, strict: false }, upper: { value: v, strict: false } };
    if (m[1].startsWith(">")) return { lower: { value: v, strict: m[1] === ">" }, upper: null };
    return { lower: null, upper: { value: v, strict: m[1] === "<" } };
  }
  m = RANGE.exec(b);
  if (m) return { lower: { value: number(m[1]), strict: false }, upper: { value: number(m[3]), strict: m[2] === "<" } };
  m = BETWEEN.exec(b);
  if (m) return { lower: { value: number(m[1]), strict: m[2] === "<" }, upper: { value: number(m[4]), strict: m[3] === "<" } };
  // A lone percentage ("Tercapai (100%)") is the band's only value.
  m = LONE.exec(b);
  if (m && /%/.test(text)) return { lower: { value: number(m[1]), strict: false }, upper: { value: number(m[1]), strict: false } };
  return null;
}

/** A tick mark as tables type it: √ ✓ ✔ v V x X ● ■ and the like. */
export function isTickMark(text: string): boolean {
  return /^(√|✓|✔|✔️|☑|v|V|x|X|●|•|■|▪|\*|ya|Ya|YA)$/.test(text.trim());
}

/** The column while the table is resolved: as much as the tick stage reads and sets. */
interface TickWork {
  col: number;
  path: string[];
  role: CandidateRole;
  confidence: number;
  evidence: Message[];
  group: { row: number; left: number; right: number; text: string } | null;
  tick?: TickBand;
}

const PREDIKAT_PARENT = /predikat|kriteria|kategori|peringkat|interpretasi|kesimpulan|ketercapaian|capaian/i;

/**
 * Finds the table's tick groups and gives their columns the predikat role with their band. `figureRows`
 * are the body rows that may hold figures (the tick marks are read there).
 */
export function markTickColumns<C extends TickWork>(g: Grid, cols: C[], figureRows: number[], setRole: (c: C, role: CandidateRole, confidence: number, why: Message) => void): void {
  const readings = cols.map((c) => (c.path.length && c.confidence < 0.9 ? readTickBand(c.path[c.path.length - 1]) : null));
  for (let i = 0; i < cols.length; ) {
    let j = i;
    while (j < cols.length && readings[j] && cols[j].col === cols[i].col + (j - i) && sameParent(cols[i], cols[j])) j++;
    const run = cols.slice(i, j);
    const bands = readings.slice(i, j) as Omit<TickBand, "group">[];
    i = Math.max(j, i + 1);
    if (run.length < 2) continue;
    const parent = run[0].path.length > 1 ? run[0].path.slice(0, -1).join(" ") : "";
    const oneScale = bands.every((b) => b.standard && b.standard.scale === bands[0].standard?.scale);
    if (!(PREDIKAT_PARENT.test(parent) || oneScale)) continue;
    if (!ticksOrEmpty(g, run, figureRows)) continue;
    const others = cols.filter((c) => !run.includes(c));
    const capaian = others.some((c) => c.role === "capaian" || c.role === "ratio") || (others.some((c) => c.role === "target") && others.some((c) => c.role === "realisasi"));
    if (!capaian) continue;
    run.forEach((c, k) => {
      c.tick = { ...bands[k], group: run[0].col };
      setRole(c, "predikat", 0.85, message("evidence-tick-band", { band: bands[k].label || c.path[c.path.length - 1], parent: parent || null }));
    });
  }
}

/** Two columns under the same lowest spanning label (or both under none). */
function sameParent(a: TickWork, b: TickWork): boolean {
  if (!a.group && !b.group) return true;
  return !!a.group && !!b.group && a.group.row === b.group.row && a.group.left === b.group.left;
}

/** The run's body cells are empty or tick marks, but for a few rows (a count or a percentage under each band). */
function ticksOrEmpty(g: Grid, run: TickWork[], rows: number[]): boolean {
  let other = 0;
  for (const r of rows) if (run.some((c) => g.text(r, c.col) !== "" && !isTickMark(g.text(r, c.col)))) other++;
  return other <= Math.max(2, rows.length * 0.2);
}
