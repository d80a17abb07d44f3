/**
 * Stage 5 — a small catalogue of standard forms, recognised by their STRUCTURE (column numbering and the
 * relations printed in the number row, units, periods), never by a file name or a title. A recognised form
 * is one more source of evidence for the roles of its numbered columns; the header words, relations and
 * figures still decide where they are firm.
 *
 * - Permendagri 86/2017, Evaluasi hasil Renja / RKPD (lampiran): 1 No · 2 Sasaran · 3 Kode · 4 Program/
 *   Kegiatan/Sub Kegiatan · 5 Indikator · 6 Target Renstra akhir (K, Rp) · 7 Realisasi Renstra s.d. tahun
 *   lalu (K, Rp) · 8 Target Renja tahun berjalan (K, Rp) · 9–12 Realisasi triwulan I–IV · 13 = 9+10+11+12 ·
 *   14 = 7+13 · 15 = 14/6 · 16 = 13/8 · 17 Penanggung jawab · 18 Keterangan.
 * - Permendagri 54/2010 form J-1 / E-81-like Renja evaluation: 1 No · 2 Kode · 3 Program/Kegiatan ·
 *   4 Indikator · 5 Target Renstra akhir · 6 Realisasi s.d. tahun lalu · 7 Target Renja · 8 Realisasi Renja ·
 *   9 = 8/7 · 10 = 6+8 · 11 = 10/5.
 * - SIPD "Rekapitulasi Realisasi Belanja" / anggaran kas exports: Kode · Uraian · (groups of) Anggaran ·
 *   Realisasi · % — recognised by the Anggaran/Realisasi label pairs, handled by the money rules.
 */
import { Grid } from "../grid";
import { Measure } from "../roles";
import { HeaderBand } from "./band";
import type { CandidateRole, Scope } from "./candidates";

export interface FormRole {
  role: CandidateRole;
  scope?: Scope;
}

export interface FormMatch {
  id: string;
  confidence: number;
  /** Roles the form gives to sheet columns. */
  roles: Map<number, FormRole>;
}

interface FormColumn {
  measure?: Measure | null;
  col: number;
  number?: number;
}

interface FormSpec {
  id: string;
  /** Relations the number row must print (normalised "13=9+10+11+12"), all of them. */
  relations: string[];
  /** Role by number; a K/Rp pair gives [K role, Rp role]. */
  roles: Record<number, FormRole | [FormRole, FormRole]>;
}

const FORMS: FormSpec[] = [
  {
    id: "permendagri86-evaluasi-renja",
    relations: ["13=9+10+11+12", "14=7+13", "15=14/6", "16=13/8"],
    roles: {
      1: { role: "no" },
      2: { role: "sasaran" },
      3: { role: "kode" },
      4: { role: "nomenklatur" },
      5: { role: "indikator" },
      6: [{ role: "target_akhir", scope: "renstra" }, { role: "target_akhir", scope: "renstra" }],
      7: [{ role: "realisasi", scope: "cumulative" }, { role: "realisasi_anggaran", scope: "cumulative" }],
      8: [{ role: "target" }, { role: "pagu" }],
      9: [{ role: "realisasi" }, { role: "realisasi_anggaran" }],
      10: [{ role: "realisasi" }, { role: "realisasi_anggaran" }],
      11: [{ role: "realisasi" }, { role: "realisasi_anggaran" }],
      12: [{ role: "realisasi" }, { role: "realisasi_anggaran" }],
      13: [{ role: "realisasi" }, { role: "realisasi_anggaran" }],
      14: [{ role: "realisasi", scope: "cumulative" }, { role: "realisasi_anggaran", scope: "cumulative" }],
      15: [{ role: "tingkat_kemajuan" }, { role: "tingkat_kemajuan" }],
      16: [{ role: "capaian" }, { role: "serapan" }],
      17: { role: "penanggung_jawab" },
      18: { role: "keterangan" },
    },
  },
  {
    id: "permendagri54-evaluasi-renja",
    relations: ["9=8/7", "10=6+8", "11=10/5"],
    roles: {
      1: { role: "no" },
      2: { role: "kode" },
      3: { role: "nomenklatur" },
      4: { role: "indikator" },
      5: { role: "target_akhir", scope: "renstra" },
      6: { role: "realisasi", scope: "cumulative" },
      7: { role: "target" },
      8: { role: "realisasi" },
      9: { role: "capaian" },
      10: { role: "realisasi", scope: "cumulative" },
      11: { role: "tingkat_kemajuan" },
    },
  },
];

/** "15 = 14 / 6 x 100" → "15=14/6"; "9=(8/7)" → "9=8/7". */
function normaliseRelation(number: number, expression: string): string {
  const e = expression.replace(/[x×]\s*100\s*%?$/i, "").replace(/\*\s*100\s*%?$/, "").replace(/[()\s]/g, "");
  return `${number}=${e}`;
}

/** The form the band follows, if any: every relation of the form is printed in its number row. */
export function matchForm(band: HeaderBand, columns: FormColumn[], _g: Grid): FormMatch | null {
  const printed = new Set(band.numbers.filter((n) => n.expression).map((n) => normaliseRelation(n.number, n.expression!)));
  for (const form of FORMS) {
    if (!form.relations.every((r) => printed.has(r))) continue;
    const roles = new Map<number, FormRole>();
    for (const n of band.numbers) {
      const spec = form.roles[n.number];
      if (!spec) continue;
      const span = columns.filter((c) => c.col >= n.left && c.col <= n.right);
      span.forEach((c, i) => {
        if (!Array.isArray(spec)) roles.set(c.col, spec);
        else if (c.measure === "Rp") roles.set(c.col, spec[1]);
        else if (c.measure === "K" || (c.measure == null && i === 0)) roles.set(c.col, spec[0]);
      });
    }
    return { id: form.id, confidence: 0.9, roles };
  }
  return null;
}
