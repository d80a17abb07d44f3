/** Recognition messages. */
import type { PhraseBook } from "./index";
import type { RECOGNITION_CODES } from "../core/messages/recognition";

type Code = (typeof RECOGNITION_CODES)[number];

export const RECOGNITION_PHRASES: PhraseBook<Code> = {
  id: {
    "header-no-text": (p, f) => `${f.cell(p.at)}: kolom ${f.col(p.column)} tidak berjudul`,
    "column-hidden": (p, f) => `${p.sheet}: kolom ${f.col(p.col)} tersembunyi`,
    "rows-hidden": (p, f) => `${p.sheet}: baris tersembunyi di dalam tabel: ${Array.isArray(p.rows) ? p.rows.map((r) => f.row(r)).join(", ") : ""}`,
    "duplicate-role": (p, f) => `${p.sheet}: kolom ${Array.isArray(p.cols) ? p.cols.map((c) => f.col(c)).join(" dan ") : ""} sama-sama ${f.text(p.role)}${p.year ? " " + p.year : ""}; periksa judul kolom`,
    "ambiguous-numeral": (p, f) => `${f.cell(p.at)}: "${f.text(p.raw)}" bisa berarti ${f.num(p.asGrouping)} atau ${f.num(p.asDecimal)}; kolomnya tidak memberi petunjuk`,
    "bundled-figures": (p, f) => `${f.cell(p.at)}: beberapa angka dalam satu sel ("${f.text(p.raw)}")`,
    "relation-mismatch": (p, f) => `${p.sheet}: kolom ${f.col(p.col)} dinyatakan "${f.text(p.relation)}", tetapi operandnya ${f.list(p.operandRoles)}`,
    "capaian-can-be-added": () => "tidak ada kolom capaian: target dan realisasi ada, capaian dapat ditambahkan sebagai rumus",
  },
  en: {
    "header-no-text": (p, f) => `${f.cell(p.at)}: column ${f.col(p.column)} has no header text`,
    "column-hidden": (p, f) => `${p.sheet}: column ${f.col(p.col)} is hidden`,
    "rows-hidden": (p, f) => `${p.sheet}: hidden rows inside the table: ${Array.isArray(p.rows) ? p.rows.map((r) => f.row(r)).join(", ") : ""}`,
    "duplicate-role": (p, f) => `${p.sheet}: columns ${Array.isArray(p.cols) ? p.cols.map((c) => f.col(c)).join(" and ") : ""} are both ${f.text(p.role)}${p.year ? " " + p.year : ""}; check the header`,
    "ambiguous-numeral": (p, f) => `${f.cell(p.at)}: "${f.text(p.raw)}" could be ${f.num(p.asGrouping)} or ${f.num(p.asDecimal)}; the column gives no clue`,
    "bundled-figures": (p, f) => `${f.cell(p.at)}: several figures packed in one cell ("${f.text(p.raw)}")`,
    "relation-mismatch": (p, f) => `${p.sheet}: column ${f.col(p.col)} is stated as "${f.text(p.relation)}" but its operands are ${f.list(p.operandRoles)}`,
    "capaian-can-be-added": () => "no capaian column: target and realisasi are there, capaian can be added as formulas",
  },
};
