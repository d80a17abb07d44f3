/** Audit messages: the detail of each finding. */
import type { PhraseBook } from "./index";
import type { AUDIT_CODES } from "../core/messages/audit";

type Code = (typeof AUDIT_CODES)[number];

const METHOD_ID: Record<string, string> = { "higher-better": "realisasi / target", A: "rumus A (2T − R) / T", B: "rumus B T / R", C: "rumus C (T − R) / T" };
const METHOD_EN: Record<string, string> = { "higher-better": "realisasi / target", A: "formula A (2T − R) / T", B: "formula B T / R", C: "formula C (T − R) / T" };
const SCALE_ID: Record<string, string> = { permendagri86: "skala Permendagri 86/2017", tercapai: "skala ketercapaian target", sakip: "skala SAKIP", custom: "skala pengguna" };
const SCALE_EN: Record<string, string> = { permendagri86: "the Permendagri 86/2017 scale", tercapai: "the target attainment scale", sakip: "the SAKIP scale", custom: "the user's scale" };

export const AUDIT_PHRASES: PhraseBook<Code> = {
  id: {
    "audit-truncated": (p, f) => `${f.num(p.exact)} dipotong menjadi ${f.num(p.typed)}, bukan dibulatkan menjadi ${f.num(p.rounded)}`,
    "audit-percent-unit": () => "angka yang sama dalam satuan persen yang lain (pecahan vs persen)",
    "audit-matches-method": (p) => `sama dengan ${METHOD_ID[String(p.method)] ?? p.method}; indikator ini ${p.lowerBetter ? "semakin rendah semakin baik" : "semakin tinggi semakin baik"}`,
    "audit-matches-other-column": (p, f) => `sama dengan ${f.cell(p.numerator)} / ${f.cell(p.denominator)} (${f.role(p.role).toLowerCase()}${p.year ? " " + p.year : ""})`,
    "audit-arithmetic": (p, f) => `diketik ${f.num(p.typed)}, rumusnya memberi ${f.num(p.expected)}`,
    "audit-total-mismatch": (p, f) => `${p.level === "total" ? "total" : f.level(p.level) || "baris induk"} ≠ jumlah ${p.parts} rinciannya${p.partLevel ? ` (${f.level(p.partLevel)})` : ""}; selisih ${f.num(p.difference)}`,
    "audit-predikat-scale": (p, f) => `capaian ${p.capaian === null ? "?" : f.num(p.capaian)} % adalah "${f.text(p.expected)}" menurut ${SCALE_ID[String(p.scale)] ?? p.scale}`,
    "audit-tick-band": (p, f) => `dicentang pada "${f.text(p.band)}", tetapi capaian ${p.capaian === null ? "?" : f.num(p.capaian)} % ${p.expected ? `termasuk "${f.text(p.expected)}"` : "tidak termasuk rentang itu"}`,
    "audit-constant-in-formula": (p, f) => `angka ${f.text(p.constant)} diketik di dalam rumus; seharusnya diambil dari sel`,
    "audit-inconsistent-formula": (p, f) => `berbeda dari ${p.count} rumus lain di kolom ${f.col(p.col)}`,
    "audit-average-in-parent": () => "jumlah baris induk adalah SUM rinciannya, bukan AVERAGE",
    "audit-implausible": (p, f) => `${f.role(p.role).toLowerCase()} ${f.num(p.value)} % di luar rentang wajar ${f.num(p.low)}–${f.num(p.high)} %: periksa target, satuan atau polaritas`,
    "audit-relation-contradiction": (p, f) => `rumus ${f.text(p.formula)} bertentangan dengan hubungan kolom yang dinyatakan tabel "${f.text(p.relation)}" (${f.text(p.expression)})`,
    "audit-lone-separator": (p, f) => `"${f.text(p.raw)}" bisa berarti ${f.num(p.asGrouping)} atau ${f.num(p.asDecimal)}; dibaca ${f.num(p.value)} menurut mayoritas kolom (${p.id} sel bentuk Indonesia, ${p.en} bentuk Inggris) — pastikan`,
    "audit-between-tables": (p, f) =>
      `${f.role(p.field).toLowerCase()} ${p.year ?? ""} ${f.num(p.value)} di sini${p.computed ? " (dihitung dari target dan realisasi tabel ini)" : ""}, tetapi ${f.num(p.otherValue)} di ${f.text(p.otherTable)} (${f.cell(p.other)}${p.otherComputed ? ", dihitung" : ""}); mana yang benar perlu diperiksa`,
  },
  en: {
    "audit-truncated": (p, f) => `${f.num(p.exact)} cut to ${f.num(p.typed)} instead of rounded to ${f.num(p.rounded)}`,
    "audit-percent-unit": () => "the same figure in the other percent unit (fraction vs percent)",
    "audit-matches-method": (p) => `matches ${METHOD_EN[String(p.method)] ?? p.method}; the indicator is ${p.lowerBetter ? "lower-is-better" : "higher-is-better"}`,
    "audit-matches-other-column": (p, f) => `matches ${f.cell(p.numerator)} / ${f.cell(p.denominator)} (${f.role(p.role)}${p.year ? " " + p.year : ""})`,
    "audit-arithmetic": (p, f) => `typed ${f.num(p.typed)}, the formula gives ${f.num(p.expected)}`,
    "audit-total-mismatch": (p, f) => `${p.level === "total" ? "total" : f.level(p.level) || "parent row"} ≠ sum of its ${p.parts} part(s)${p.partLevel ? ` (${f.level(p.partLevel)})` : ""}; difference ${f.num(p.difference)}`,
    "audit-predikat-scale": (p, f) => `achievement ${p.capaian === null ? "?" : f.num(p.capaian)} % is "${f.text(p.expected)}" on ${SCALE_EN[String(p.scale)] ?? p.scale}`,
    "audit-tick-band": (p, f) => `ticked under "${f.text(p.band)}", but achievement ${p.capaian === null ? "?" : f.num(p.capaian)} % ${p.expected ? `belongs to "${f.text(p.expected)}"` : "is outside that band"}`,
    "audit-constant-in-formula": (p, f) => `the number ${f.text(p.constant)} is typed inside the formula; it should come from a cell`,
    "audit-inconsistent-formula": (p, f) => `differs from the ${p.count} other formulas of column ${f.col(p.col)}`,
    "audit-average-in-parent": () => "a parent's amount is the SUM of its parts, not their AVERAGE",
    "audit-implausible": (p, f) => `${f.role(p.role)} ${f.num(p.value)} % is outside the plausible ${f.num(p.low)}–${f.num(p.high)} %: check the target, the unit or the polarity`,
    "audit-relation-contradiction": (p, f) => `the formula ${f.text(p.formula)} contradicts the column relation the table states, "${f.text(p.relation)}" (${f.text(p.expression)})`,
    "audit-lone-separator": (p, f) => `"${f.text(p.raw)}" may mean ${f.num(p.asGrouping)} or ${f.num(p.asDecimal)}; read as ${f.num(p.value)} by the column's majority (${p.id} cell(s) in Indonesian form, ${p.en} in English form) — please confirm`,
    "audit-between-tables": (p, f) =>
      `${f.role(p.field)} ${p.year ?? ""} is ${f.num(p.value)} here${p.computed ? " (computed from this table's target and realisasi)" : ""} but ${f.num(p.otherValue)} in ${f.text(p.otherTable)} (${f.cell(p.other)}${p.otherComputed ? ", computed" : ""}); which one is right needs checking`,
  },
};
