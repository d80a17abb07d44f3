/**
 * The Rencana Aksi (quarterly action plan) sheet, from the workbook's own PK list and budget: per sasaran
 * and indikator the annual target and its TW I–IV targets (phased per indicator), per program / kegiatan /
 * sub kegiatan the pagu and its TW I–IV allocation, penanggung jawab, then monitoring columns (realisasi to
 * type, capaian as formulas with the indicator's polarity) and checks as formulas that turn red on failure.
 * A categorical indicator (Predikat KLA, opini BPK, nilai SAKIP) has its capaian by rank, looked up in its
 * ladder's spellings and ranks placed on the sheet itself, beside the print area (`LADDER`).
 */
import { CarryLayout, carryOver, CarryOver } from "./carryOver";
import { cellAddress, columnLetter, WorkbookSnapshot } from "./grid";
import { capaianFormula, capaianValue, gradeCapaianFormula, ladderCapaianFormula, NegativeMethod, ratioValue, sumFormula } from "./formulas";
import { CATEGORICAL_SCALES, parseNumeral } from "./numerals";
import { blockRanges, stackLadders } from "./plan/ladders";
import { budgetTree } from "./rollup";
import { message, Message, MessageParams } from "./messages";
import type { Phraser } from "./plan/types";
import { phraser } from "../i18n";
import { tableRange, WorkbookAnalysis } from "./recognise";
import { rowKey } from "./choices";
import type { Polarity } from "./polarity";
import { areaAddress, CellStyle, generatedMark, generatedSheetName, SheetSpec, SpecBuilder } from "./sheetSpec";
import { BudgetRow, findSources, IndicatorTarget, SourceChoice, Sources } from "./sources";

export type Phasing = "ramp" | "split" | "akhir" | "flat";
/** The message naming each phasing (the word written in the "Pola Target" cells, which the checks read). */
export const PHASING_CODES: Record<Phasing, Message["code"]> = { ramp: "phasing-ramp", split: "phasing-split", akhir: "phasing-akhir", flat: "phasing-flat" };

export interface RencanaAksiOptions extends SourceChoice {
  /** "auto": a default per indicator from its satuan and kind. */
  phasing?: Phasing | "auto";
  /** Per indicator, keyed "sheet!row" of its PK row. */
  phasingByIndicator?: Record<string, Phasing>;
  negative?: NegativeMethod;
  /** The user's polarity and lower-is-better formula per indicator ("sheet!row" of its PK row), as in the formulas. */
  polarity?: Record<string, Polarity>;
  negativeByRow?: Record<string, NegativeMethod>;
  instansi?: string;
  /** The words of the sheet (labels, checks, notes) in the user's language; without it, Indonesian (src/i18n). */
  phrase?: Phraser;
}

export const RA_KIND = "rencana-aksi";

/** The default phasing of an indicator: what its satuan and kind say about how it accrues over a year. */
export function defaultPhasing(ind: IndicatorTarget): { phasing: Phasing; reason: Message } {
  const k = ind.target.numeral.kind;
  const text = `${ind.indikator} ${ind.satuan}`.toLowerCase();
  if (k === "grade" || k === "category" || k === "text") return { phasing: "akhir", reason: message("phasing-grade") };
  if (ind.polarity === "lower-better") return { phasing: "akhir", reason: message("phasing-lower-better") };
  if (/\b(indeks|index|rasio|nilai|predikat|opini|angka|rata-rata|proporsi|tingkat|skor|poin)\b/.test(text)) return { phasing: "akhir", reason: message("phasing-index") };
  const percent = k === "percent" || /%|persen/.test(ind.satuan.toLowerCase());
  if (percent && /(realisasi|penyelesaian|terlaksana|tersusun|tepat waktu|progres|pelaksanaan|terselesaikan|terlayani|tertangani)/.test(text))
    return { phasing: "ramp", reason: message("phasing-progress") };
  const count = /\b(dokumen|laporan|kegiatan|orang|unit|kali|paket|buah|lembaga|kelompok|sekolah|desa|kelurahan|opd|forum|jiwa|keluarga|jumlah)\b/.test(text);
  if (!percent && count && typeof ind.target.value === "number" && ind.target.value >= 4) return { phasing: "split", reason: message("phasing-count") };
  return { phasing: "akhir", reason: message(percent ? "phasing-percent" : "phasing-annual") };
}

/** The TW I–IV targets of an annual target under a phasing ("-" where nothing is due). */
export function phaseTarget(target: number | string | null, phasing: Phasing, decimals = 2): (number | string)[] {
  if (typeof target !== "number") return phasing === "flat" ? [target ?? "", target ?? "", target ?? "", target ?? ""] : ["-", "-", "-", target ?? ""];
  const round = (x: number) => Math.round(x * 10 ** decimals) / 10 ** decimals;
  switch (phasing) {
    case "ramp":
      return [round(target * 0.25), round(target * 0.5), round(target * 0.75), target];
    case "flat":
      return [target, target, target, target];
    case "akhir":
      return ["-", "-", "-", target];
    case "split":
      return splitInFour(target, decimals);
  }
}

/** Four parts that add up to the whole exactly: whole numbers stay whole, later quarters take the remainder. */
export function splitInFour(total: number, decimals = 0): number[] {
  const unit = 10 ** decimals;
  const cents = Math.round(total * unit);
  const base = Math.floor(cents / 4);
  const rest = cents - base * 4;
  return [0, 1, 2, 3].map((i) => (base + (i >= 4 - rest ? 1 : 0)) / unit);
}

const COL = {
  no: 0, sasaran: 1, indikator: 2, satuan: 3, target: 4, pola: 5, tw: 6, program: 10, pagu: 11, twRp: 12, pj: 16, realisasi: 17, capaian: 21, keterangan: 25, cekTarget: 26, cekAnggaran: 27,
} as const;
const LAST_COL = COL.cekAnggaran;
/**
 * The ladders of the sheet's categorical indicators, right of the print area (the generated mark sits in
 * the column between): spellings in AD, ranks in AE. On the sheet itself, not in a legend sheet or an array
 * constant, so the formulas stay readable, work in Excel 2010 and survive copying the sheet alone.
 */
const LADDER = { name: LAST_COL + 2, rank: LAST_COL + 3 } as const;
const WIDTHS = [5, 24, 30, 9, 10, 10, 8, 8, 8, 8, 34, 16, 15, 15, 15, 15, 16, 8, 8, 8, 8, 8, 8, 8, 8, 14, 10, 10, 10, 30, 9];
const HEADER: CellStyle = { bold: true, align: "center", valign: "middle", wrap: true, border: true, fill: "#D9E1F2" };
const BODY: CellStyle = { border: true, valign: "top", wrap: true };
const MONEY = "#,##0";
const TW = ["I", "II", "III", "IV"];
const TOP = 4; // the header's first row; rows 0-2 hold the title, row TOP + 2 the column numbers

/** The words of the sheet the formulas compare with: the check results and the phasing names. */
interface Words {
  ok: string;
  bad: string;
  phasing: Record<Phasing, string>;
}

type Say = (code: Message["code"], params?: MessageParams) => string;

/**
 * Where a Rencana Aksi keeps what its users type, to carry it over when the sheet is regenerated: the
 * titles and words are the sheet's own, in the language it is written in.
 */
export function raCarryLayout(say: Say): CarryLayout {
  const generatedKeterangan = new Set((["A", "B", "C"] as const).map((method) => say("ra-lower-better", { method })));
  const budgetSection = say("ra-section-budget");
  return {
    headerRow: TOP,
    titles: { [COL.indikator]: say("ra-indikator"), [COL.pola]: say("ra-pola"), [COL.realisasi]: say("ra-realisasi-tw"), [COL.keterangan]: say("ra-keterangan") },
    firstRow: TOP + 4,
    end: new RegExp(`^${budgetSection.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`),
    sasaran: COL.sasaran,
    indikator: COL.indikator,
    typed: [
      ...[0, 1, 2, 3].map((q) => ({ col: COL.realisasi + q, what: "realisasi" })),
      { col: COL.pola, what: "pola target", asks: false },
      { col: COL.keterangan, what: "keterangan" },
    ],
    generated: (col, text) => col === COL.keterangan && generatedKeterangan.has(text),
  };
}

/**
 * `carryOver`: the realisasi, pola target and keterangan typed into the sheet this one replaces, carried to
 * the new rows by indicator, and what could not be (ask before replacing when `carryOver.unmatched`).
 */
export function rencanaAksiSheet(snapshot: WorkbookSnapshot, analysis: WorkbookAnalysis, options: RencanaAksiOptions = {}): { spec: SheetSpec; sources: Sources; phasings: { indicator: IndicatorTarget; phasing: Phasing; reason: Message }[]; carryOver: CarryOver } {
  const sources = findSources(snapshot, analysis, { ...options, purpose: "ra" });
  const year = options.year ?? sources.year;
  const { name, replaces } = generatedSheetName(snapshot, `Rencana Aksi${year ? ` ${year}` : ""}`, RA_KIND);
  const phrase = options.phrase ?? phraser("id");
  const say: Say = (code, params = {}) => phrase(message(code, params));
  const W: Words = { ok: say("check-ok"), bad: say("check-bad"), phasing: { ramp: say("phasing-ramp"), split: say("phasing-split"), akhir: say("phasing-akhir"), flat: say("phasing-flat") } };
  const phasingOfLabel = (label: string): Phasing | undefined => (Object.keys(W.phasing) as Phasing[]).find((p) => W.phasing[p].toLowerCase() === label.trim().toLowerCase());
  const earlier = replaces ? snapshot.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase()) : undefined;
  // A Pola Target equal to the indicator's default is the generator's, not a choice to carry.
  const ownPolaOnly = (col: number, cell: { value: unknown }, i: number) => col !== COL.pola || String(cell.value ?? "").trim().toLowerCase() !== W.phasing[defaultPhasing(sources.pk.rows[i]).phasing].toLowerCase();
  const layout = raCarryLayout(say);
  const carry = carryOver(earlier, layout, sources.pk.rows, (i) => layout.firstRow + i, ownPolaOnly);
  const b = new SpecBuilder();

  b.merge(0, 0, 0, LAST_COL, say("ra-title", { year }), { bold: true, size: 14, align: "center" });
  b.merge(1, 0, 1, LAST_COL, (options.instansi ?? agencyFromTitle(sources.pk.table?.title ?? null)).toUpperCase() || null, { bold: true, align: "center" });
  const used = [sources.pk.table, sources.budget.table, sources.quarterly.table !== sources.budget.table ? sources.quarterly.table : null]
    .filter((t) => t)
    .map((t) => ({ table: t!.caption ?? tableRange(t!), sheet: t!.sheet }));
  b.merge(2, 0, 2, LAST_COL, used.length ? say("ra-sources", { tables: used.map((u) => u.table), sheets: used.map((u) => u.sheet) }) : null, { italic: true, size: 9, align: "center" });
  b.text(0, LAST_COL + 1, generatedMark(RA_KIND), { size: 8, color: "#808080" });

  // --- header (rows 5-6) and column numbers (row 7) ---
  const top = TOP;
  const vertical: [number, Message["code"]][] = [
    [COL.no, "ra-no"], [COL.sasaran, "ra-sasaran"], [COL.indikator, "ra-indikator"], [COL.satuan, "ra-satuan"], [COL.target, "ra-target"], [COL.pola, "ra-pola"],
    [COL.program, "ra-program"], [COL.pagu, "ra-pagu"], [COL.pj, "ra-pj"], [COL.keterangan, "ra-keterangan"], [COL.cekTarget, "ra-cek-target"], [COL.cekAnggaran, "ra-cek-anggaran"],
  ];
  for (const [c, label] of vertical) b.merge(top, c, top + 1, c, say(label), HEADER);
  const groups: [number, Message["code"]][] = [[COL.tw, "ra-target-tw"], [COL.twRp, "ra-anggaran-tw"], [COL.realisasi, "ra-realisasi-tw"], [COL.capaian, "ra-capaian-tw"]];
  for (const [c, label] of groups) {
    b.merge(top, c, top, c + 3, say(label), HEADER);
    TW.forEach((q, i) => b.text(top + 1, c + i, say("ra-tw", { q }), HEADER));
  }
  for (let c = 0; c <= LAST_COL; c++) b.text(top + 2, c, String(c + 1), { ...HEADER, fill: "#EDEDED", bold: false, size: 8 });
  b.heights[top] = 30;
  b.heights[top + 1] = 30;

  let r = top + 3;
  const section = (label: string) => {
    b.merge(r, 0, r, LAST_COL, label, { bold: true, border: true, fill: "#F2F2F2" });
    r++;
  };

  const ladders = ladderColumns(b, sources.pk.rows, say);

  // --- A. sasaran and indicators ---
  section(say("ra-section-indicators"));
  const phasings: { indicator: IndicatorTarget; phasing: Phasing; reason: Message }[] = [];
  const firstIndicatorRow = r;
  let sasaranStart = r;
  sources.pk.rows.forEach((source, i) => {
    let ind = source;
    const key = rowKey(ind.source.sheet, ind.source.row);
    if (options.polarity?.[key]) ind = { ...ind, polarity: options.polarity[key] };
    const auto = defaultPhasing(ind);
    // The user's choice now (for this indicator, then for all), then the Pola Target typed into the earlier sheet, then the default.
    const carried = carry.rows.get(i);
    const carriedPola = carried?.get(COL.pola)?.value;
    const carriedPhasing = typeof carriedPola === "string" ? phasingOfLabel(carriedPola) : undefined;
    const chosen = options.phasingByIndicator?.[key] ?? (options.phasing && options.phasing !== "auto" ? options.phasing : undefined);
    const phasing = chosen ?? carriedPhasing ?? auto.phasing;
    phasings.push({ indicator: ind, phasing, reason: chosen ? message("phasing-chosen") : carriedPhasing ? message("phasing-carried") : auto.reason });
    b.text(r, COL.no, i + 1, { ...BODY, align: "center" });
    // Sasaran merged over its indicators, like the PK.
    const next = sources.pk.rows[i + 1];
    if (!next || next.sasaran !== ind.sasaran) {
      b.merge(sasaranStart, COL.sasaran, r, COL.sasaran, ind.sasaran, BODY);
      sasaranStart = r + 1;
    }
    b.text(r, COL.indikator, ind.indikator, BODY);
    b.text(r, COL.satuan, ind.satuan, { ...BODY, align: "center" });
    const t = ind.target;
    const numeric = typeof t.value === "number";
    b.text(r, COL.target, numeric ? (t.value as number) : t.numeral.raw || null, { ...BODY, align: "center", numberFormat: t.numberFormat ?? undefined });
    const ownPola = !chosen && !carriedPhasing && typeof carriedPola === "string" ? carriedPola : null; // a pola the generator does not know, kept
    b.text(r, COL.pola, ownPola ?? W.phasing[phasing], { ...BODY, align: "center" });
    const decimals = decimalsOf(t.numberFormat, t.value);
    const quarters = phaseTarget(numeric ? (t.value as number) : t.numeral.raw || null, phasing, decimals);
    quarters.forEach((v, q) =>
      b.text(r, COL.tw + q, v === "" ? null : v, { ...BODY, align: "center", numberFormat: typeof v === "number" ? t.numberFormat ?? undefined : undefined }),
    );
    b.text(r, COL.pj, ind.penanggungJawab || null, BODY);
    for (let q = 0; q < 4; q++) {
      const typed = carried?.get(COL.realisasi + q);
      const style = { ...BODY, fill: "#FFF2CC", numberFormat: t.numberFormat ?? undefined };
      if (typed?.formula) b.formula(r, COL.realisasi + q, typed.formula, typeof typed.value === "number" || typeof typed.value === "string" ? typed.value : "", style);
      else b.text(r, COL.realisasi + q, typeof typed?.value === "boolean" ? String(typed.value) : typed?.value ?? null, style);
      const tRef = cellAddress(r, COL.tw + q);
      const rRef = cellAddress(r, COL.realisasi + q);
      const method = ind.polarity === "lower-better" ? options.negativeByRow?.[key] ?? options.negative ?? "A" : "higher-better";
      const ladder = t.numeral.kind === "category" ? ladders.get(t.numeral.category!.scale) : undefined; // a grade with a score compares scores
      const typedValue = typed?.value;
      let f: string;
      let result: number | "" = "";
      if (ladder) {
        // Rank of the typed rung over the quarter's target rung ("-" before TW IV of an end-of-year target: empty).
        f = ladderCapaianFormula(tRef, rRef, ladder, "number");
        const [tr, rr] = [parseNumeral(quarters[q]).category, typedValue === null || typedValue === undefined ? undefined : parseNumeral(typedValue).category];
        if (tr && rr && tr.scale === rr.scale) result = ratioValue(rr.rank, tr.rank, "number");
      } else if (t.numeral.kind === "grade") f = gradeCapaianFormula(tRef, rRef, "number");
      else {
        f = capaianFormula(method, tRef, rRef, "number");
        result = capaianValue(method, typeof quarters[q] === "number" ? (quarters[q] as number) : undefined, typeof typedValue === "number" ? typedValue : undefined, "number");
      }
      b.formula(r, COL.capaian + q, f, result, { ...BODY, numberFormat: "0.00" });
    }
    const keterangan = carried?.get(COL.keterangan)?.value;
    b.text(r, COL.keterangan, typeof keterangan === "string" || typeof keterangan === "number" ? keterangan : ind.polarity === "lower-better" ? say("ra-lower-better", { method: options.negativeByRow?.[key] ?? options.negative ?? "A" }) : null, BODY);
    b.formula(r, COL.cekTarget, targetCheck(r, W), targetCheckValue(t.value ?? t.numeral.raw, phasing, quarters, W), { ...BODY, align: "center" });
    b.text(r, COL.cekAnggaran, null, BODY);
    for (const c of [COL.program, COL.pagu, COL.twRp, COL.twRp + 1, COL.twRp + 2, COL.twRp + 3]) b.text(r, c, null, BODY);
    r++;
  });
  if (!sources.pk.rows.length) {
    b.merge(r, 0, r, LAST_COL, say(sources.pk.table ? "missing-indicators" : "missing-pk-table"), { italic: true, border: true, color: "#C00000", wrap: true });
    r++;
  }

  // --- B. programs, kegiatan, sub kegiatan ---
  section(say("ra-section-budget"));
  const budgetRows = sources.budget.rows;
  // The budget as a tree (by codes when the lines have them, else by level): parts, top level and depth.
  const tree = budgetTree(budgetRows.map((x) => ({ r: x, row: x.source.row, kind: x.level === "subkegiatan" || !x.level ? "data" : "group", level: x.level })), (x) => x.r.code || x.r.name);
  const parts = new Map(tree.parts.map((p) => [p.parent.r, p.parts.map((q) => q.r)]));
  const topRows = tree.top.map((x) => x.r);
  const depth = new Map<BudgetRow, number>();
  const place = (row: BudgetRow, d: number) => {
    depth.set(row, d);
    for (const kid of parts.get(row) ?? []) place(kid, d + 1);
  };
  for (const row of topRows) place(row, 0);
  const rowOf = new Map<BudgetRow, number>();
  budgetRows.forEach((row) => {
    rowOf.set(row, r);
    const d = depth.get(row) ?? 0;
    b.text(r, COL.program, `${"  ".repeat(d)}${row.code ? `${row.code} ` : ""}${row.name}`, { ...BODY, bold: d === 0 && parts.has(row) });
    b.text(r, COL.pj, row.penanggungJawab || null, BODY);
    for (const c of [COL.no, COL.sasaran, COL.indikator, COL.satuan, COL.target, COL.pola, COL.tw, COL.tw + 1, COL.tw + 2, COL.tw + 3, COL.realisasi, COL.realisasi + 1, COL.realisasi + 2, COL.realisasi + 3, COL.capaian, COL.capaian + 1, COL.capaian + 2, COL.capaian + 3, COL.keterangan, COL.cekTarget])
      b.text(r, c, null, BODY);
    r++;
  });
  // Amounts: typed where the source has them; a parent without one is the SUM of its parts.
  const values = new Map<BudgetRow, number[]>(); // pagu, TW I..IV
  for (const row of [...budgetRows].reverse()) {
    const at = rowOf.get(row)!;
    const kids = parts.get(row);
    const typedPagu = row.pagu;
    const own = typedPagu !== undefined && (typedPagu !== 0 || !kids);
    const quarters = row.quarters && row.quarters.some((q) => q !== 0) ? row.quarters : undefined;
    const sums = kids ? [0, 1, 2, 3, 4].map((k) => kids.reduce((a, kid) => a + (values.get(kid)?.[k] ?? 0), 0)) : undefined;
    const pagu = own ? typedPagu! : sums ? sums[0] : undefined;
    if (own) b.text(at, COL.pagu, typedPagu!, { ...BODY, numberFormat: MONEY });
    else if (kids) b.formula(at, COL.pagu, sumFormula(kids.map((k) => rowOf.get(k)!), COL.pagu), sums![0], { ...BODY, numberFormat: MONEY });
    else b.text(at, COL.pagu, null, { ...BODY, numberFormat: MONEY });
    let tw: number[] | undefined;
    if (quarters) tw = quarters;
    else if (kids && !own) tw = sums!.slice(1);
    else if (pagu !== undefined) tw = splitInFour(pagu, 0);
    tw?.forEach((v, q) => {
      if (kids && !own && !quarters) b.formula(at, COL.twRp + q, sumFormula(kids.map((k) => rowOf.get(k)!), COL.twRp + q), v, { ...BODY, numberFormat: MONEY });
      else b.text(at, COL.twRp + q, v, { ...BODY, numberFormat: MONEY });
    });
    if (!tw) for (let q = 0; q < 4; q++) b.text(at, COL.twRp + q, null, { ...BODY, numberFormat: MONEY });
    values.set(row, [pagu ?? 0, ...(tw ?? [0, 0, 0, 0])]);
    b.formula(at, COL.cekAnggaran, budgetCheck(at, W), pagu === undefined ? "" : Math.round((tw ?? [0, 0, 0, 0]).reduce((a, x) => a + x, 0) - pagu) === 0 ? W.ok : W.bad, { ...BODY, align: "center" });
  }
  if (!budgetRows.length) {
    b.merge(r, 0, r, LAST_COL, say(sources.budget.table ? "missing-programs" : "missing-budget-table"), { italic: true, border: true, color: "#C00000", wrap: true });
    r++;
  }
  // Jumlah: the top level's rows.
  let totalRow: number | null = null;
  if (budgetRows.length) {
    const tops = topRows.map((x) => rowOf.get(x)!);
    totalRow = r;
    b.merge(r, 0, r, COL.program, say("ra-total"), { ...BODY, bold: true, align: "center" });
    for (const c of [COL.pagu, COL.twRp, COL.twRp + 1, COL.twRp + 2, COL.twRp + 3]) {
      const k = c === COL.pagu ? 0 : c - COL.twRp + 1;
      const v = topRows.reduce((a, x) => a + (values.get(x)?.[k] ?? 0), 0);
      b.formula(r, c, sumFormula(tops, c), v, { ...BODY, bold: true, numberFormat: MONEY });
    }
    for (let c = COL.pj; c <= COL.cekTarget; c++) b.text(r, c, null, BODY);
    const tv = topRows.map((x) => values.get(x)!);
    b.formula(r, COL.cekAnggaran, budgetCheck(r, W), Math.round(tv.reduce((a, v) => a + v[1] + v[2] + v[3] + v[4] - v[0], 0)) === 0 ? W.ok : W.bad, { ...BODY, bold: true, align: "center" });
    r++;
  }

  // --- notes ---
  r++;
  const notes: [string, boolean][] = [
    [say("ra-note-phasing"), false],
    [say("ra-note-realisasi"), false],
    [sources.quarterly.table ? say("ra-note-quarterly", { table: sources.quarterly.table.caption ?? tableRange(sources.quarterly.table), rows: sources.quarterly.matched }) : say("ra-note-no-quarterly"), false],
    ...(ladders.size ? [[say("ra-note-ladder", { columns: `${columnLetter(LADDER.name)}:${columnLetter(LADDER.rank)}` }), false] as [string, boolean]] : []),
    ...sources.notes.map((m): [string, boolean] => [phrase(m), true]),
  ];
  for (const [n, warn] of notes) {
    b.merge(r, 0, r, LAST_COL, n, { italic: true, size: 9, wrap: true, color: warn ? "#C00000" : undefined });
    b.heights[r] = 26;
    r++;
  }

  b.fitHeights(WIDTHS);
  const checks = `${columnLetter(COL.cekTarget)}${firstIndicatorRow + 1}:${columnLetter(COL.cekAnggaran)}${(totalRow ?? r) + 1}`;
  return {
    sources,
    phasings,
    carryOver: carry,
    spec: b.build({
      kind: RA_KIND,
      name,
      replaces,
      widths: WIDTHS,
      freeze: { rows: top + 3, columns: COL.indikator + 1 },
      print: { orientation: "landscape", area: areaAddress(r - 1, LAST_COL), titleRows: `${top + 1}:${top + 3}`, breaksBefore: [] },
      conditional: [{ range: checks, text: W.bad, fill: "#FFC7CE", fontColor: "#9C0006" }],
      notes: sources.notes,
    }),
  };
}

/**
 * Writes the ladders of the indicators whose target is a rung (Nindya, WTP, BB) right of the print area —
 * a heading, then per ladder its title and one row per spelling with its rank (as the fill's legend sheet
 * lists them) — and returns each ladder's absolute ranges for the capaian formulas.
 */
function ladderColumns(b: SpecBuilder, indicators: IndicatorTarget[], say: Say): Map<string, { names: string; ranks: string }> {
  const used = CATEGORICAL_SCALES.filter((s) => indicators.some((ind) => ind.target.numeral.kind === "category" && ind.target.numeral.category?.scale === s.id));
  const out = new Map<string, { names: string; ranks: string }>();
  if (!used.length) return out;
  const LABEL: CellStyle = { size: 8, color: "#595959", border: true, valign: "top" };
  b.merge(TOP, LADDER.name, TOP, LADDER.rank, say("ra-ladder-head"), { ...LABEL, bold: true, wrap: true, fill: "#EDEDED" });
  b.text(TOP + 1, LADDER.name, say("ra-ladder-name"), { ...LABEL, bold: true, fill: "#EDEDED" });
  b.text(TOP + 1, LADDER.rank, say("ra-ladder-rank"), { ...LABEL, bold: true, fill: "#EDEDED", align: "center" });
  // 1-based rows, from the row under the two heading rows.
  for (const block of stackLadders(used, TOP + 3)) {
    b.merge(block.titleRow - 1, LADDER.name, block.titleRow - 1, LADDER.rank, say("ra-ladder-title", { scale: block.scale.id }), { ...LABEL, bold: true });
    block.names.forEach(({ name, rank }, i) => {
      b.text(block.first - 1 + i, LADDER.name, name, LABEL); // text, never a formula
      b.text(block.first - 1 + i, LADDER.rank, rank, { ...LABEL, align: "center" });
    });
    out.set(block.scale.id, blockRanges(block, columnLetter(LADDER.name), columnLetter(LADDER.rank)));
  }
  return out;
}

/** "Perjanjian Kinerja DPPPA Kota Bekasi Tahun 2024" → "DPPPA Kota Bekasi": the agency a PK table names. */
export function agencyFromTitle(title: string | null): string {
  if (!title) return "";
  return title
    .replace(/^(tabel\s+[\d.]+\s*)?(perjanjian kinerja|indikator kinerja utama|rencana (strategis|kinerja|anggaran)|target kinerja)\s*(\(iku\)|\(pk\))?/i, "")
    .replace(/\s*tahun\s+\d{4}.*$/i, "")
    .trim();
}

/** Decimals a target is shown with ("0.00%" → 4 of the fraction), for rounding its quarterly parts. */
function decimalsOf(numberFormat: string | null, value: unknown): number {
  const m = /0\.(0+)/.exec(numberFormat ?? "");
  const shown = m ? m[1].length : typeof value === "number" && value !== Math.round(value) ? 2 : 0;
  return /%/.test(numberFormat ?? "") ? shown + 2 : shown;
}

/**
 * Target check, reading the row's own "Pola Target" cell so a changed phasing is checked the new way:
 * Dibagi → TW I–IV add up to the annual target; otherwise TW IV = the annual target, and Kumulatif
 * targets never decrease.
 */
function targetCheck(r: number, w: Words): string {
  const [E, F, G, H, I, J] = [COL.target, COL.pola, COL.tw, COL.tw + 1, COL.tw + 2, COL.tw + 3].map((c) => cellAddress(r, c));
  const [ok, bad] = [q(w.ok), q(w.bad)];
  return `=IF(${E}="","",IF(${F}=${q(w.phasing.split)},IF(ROUND(SUM(${G}:${J})-${E},6)=0,${ok},${bad}),IF(${J}=${E},IF(OR(${F}<>${q(w.phasing.ramp)},AND(${H}>=${G},${I}>=${H},${J}>=${I})),${ok},${bad}),${bad})))`;
}
function targetCheckValue(target: unknown, phasing: Phasing, tw: (number | string)[], w: Words): string {
  if (target === "" || target === null || target === undefined) return "";
  if (phasing === "split") return Math.round((tw.reduce<number>((a, x) => a + (typeof x === "number" ? x : 0), 0) - (target as number)) * 1e6) === 0 ? w.ok : w.bad;
  if (tw[3] !== target) return w.bad;
  if (phasing !== "ramp") return w.ok;
  return tw.every((x, i) => i === 0 || (x as number) >= (tw[i - 1] as number)) ? w.ok : w.bad;
}

function budgetCheck(r: number, w: Words): string {
  const L = cellAddress(r, COL.pagu);
  return `=IF(ISNUMBER(${L}),IF(ROUND(SUM(${cellAddress(r, COL.twRp)}:${cellAddress(r, COL.twRp + 3)})-${L},0)=0,${q(w.ok)},${q(w.bad)}),"")`;
}

/** A word as a formula's text literal. */
const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
