/** The write preview: a planned formula in words. */
import type { PhraseBook } from "./index";
import type { PREVIEW_CODES } from "../core/messages/preview";

type Code = (typeof PREVIEW_CODES)[number];

const times100 = (p: { percent?: unknown }) => (p.percent ? " × 100" : "");

export const PREVIEW_PHRASES: PhraseBook<Code> = {
  id: {
    "explain-capaian": (p, f) => {
      const [t, r] = [f.text(p.target), f.text(p.realisasi)];
      const body =
        p.method === "A" ? `(2 × target ${t} − realisasi ${r}) ÷ target ${t}` :
        p.method === "B" ? `target ${t} ÷ realisasi ${r}` :
        p.method === "C" ? `(target ${t} − realisasi ${r}) ÷ target ${t}` :
        `realisasi ${r} ÷ target ${t}`;
      const why = p.method === "higher-better" ? "semakin tinggi semakin baik" : `semakin rendah semakin baik, rumus ${f.text(p.method)}`;
      return `Capaian = ${body}${times100(p)} (${why})${p.limited ? ", dibatasi batas atas/bawah" : ""}; kosong bila target atau realisasi bukan angka`;
    },
    "explain-capaian-rank": (p, f) => `Capaian = peringkat realisasi ${f.text(p.realisasi)} ÷ peringkat target ${f.text(p.target)} pada tangga kategori (lembar Keterangan Rumus)`,
    "explain-capaian-score": (p, f) => `Capaian = skor dalam kurung realisasi ${f.text(p.realisasi)} ÷ skor target ${f.text(p.target)}`,
    "explain-predikat": (p, f) => `Predikat dari capaian ${f.text(p.capaian)} menurut skala yang dipilih`,
    "explain-serapan": (p, f) => `Serapan = realisasi anggaran ${f.text(p.realisasi)} ÷ pagu ${f.text(p.pagu)}`,
    "explain-sisa": (p, f) => `Sisa anggaran = pagu ${f.text(p.pagu)} − realisasi anggaran ${f.text(p.realisasi)}`,
    "explain-efisiensi-sederhana": (p, f) => `Efisiensi = 100 % − serapan ${f.text(p.serapan)}`,
    "explain-efisiensi-pmk214": (p, f) => `Efisiensi PMK 214 = (pagu × capaian − realisasi anggaran) ÷ (pagu × capaian)${Number(p.cells) > 1 ? `, dijumlah atas ${f.num(p.cells)} baris rincian` : ""}`,
    "explain-efektivitas": (p, f) => `Efektivitas = (target ${f.text(p.target)} ÷ pagu ${f.text(p.pagu)}) ÷ (realisasi ${f.text(p.realisasi)} ÷ realisasi anggaran ${f.text(p.realisasiAnggaran)})`,
    "explain-nilai-efisiensi": (p, f) => `Nilai efisiensi = 50 % + (efisiensi ${f.text(p.efisiensi)} ÷ 20 %) × 50 %, dibatasi 0–100 %`,
    "explain-tingkat-kemajuan": (p, f) => `Tingkat kemajuan = realisasi ${f.text(p.realisasi)} ÷ target akhir Renstra ${f.text(p.targetAkhir)}`,
    "explain-rata-rata": (p, f) => `Rata-rata capaian ${f.num(p.cells)} indikator sasaran (${f.text(p.first)} … ${f.text(p.last)}); sel kosong tidak dihitung`,
    "explain-total": (p, f) => `Jumlah ${f.num(p.cells)} rincian di bawahnya (${f.text(p.first)} … ${f.text(p.last)})`,
    "explain-other": (p, f) => `Rumus ${f.text(p.role)}`,
  },
  en: {
    "explain-capaian": (p, f) => {
      const [t, r] = [f.text(p.target), f.text(p.realisasi)];
      const body =
        p.method === "A" ? `(2 × target ${t} − realisation ${r}) ÷ target ${t}` :
        p.method === "B" ? `target ${t} ÷ realisation ${r}` :
        p.method === "C" ? `(target ${t} − realisation ${r}) ÷ target ${t}` :
        `realisation ${r} ÷ target ${t}`;
      const why = p.method === "higher-better" ? "higher is better" : `lower is better, formula ${f.text(p.method)}`;
      return `Achievement = ${body}${times100(p)} (${why})${p.limited ? ", within the upper/lower limit" : ""}; empty when the target or realisation is not a number`;
    },
    "explain-capaian-rank": (p, f) => `Achievement = rank of realisation ${f.text(p.realisasi)} ÷ rank of target ${f.text(p.target)} on the category ladder (sheet Keterangan Rumus)`,
    "explain-capaian-score": (p, f) => `Achievement = score in brackets of realisation ${f.text(p.realisasi)} ÷ score of target ${f.text(p.target)}`,
    "explain-predikat": (p, f) => `Rating of achievement ${f.text(p.capaian)} on the chosen scale`,
    "explain-serapan": (p, f) => `Absorption = spending ${f.text(p.realisasi)} ÷ budget ${f.text(p.pagu)}`,
    "explain-sisa": (p, f) => `Remaining budget = budget ${f.text(p.pagu)} − spending ${f.text(p.realisasi)}`,
    "explain-efisiensi-sederhana": (p, f) => `Efficiency = 100 % − absorption ${f.text(p.serapan)}`,
    "explain-efisiensi-pmk214": (p, f) => `PMK 214 efficiency = (budget × achievement − spending) ÷ (budget × achievement)${Number(p.cells) > 1 ? `, summed over ${f.num(p.cells)} detail rows` : ""}`,
    "explain-efektivitas": (p, f) => `Effectiveness = (target ${f.text(p.target)} ÷ budget ${f.text(p.pagu)}) ÷ (realisation ${f.text(p.realisasi)} ÷ spending ${f.text(p.realisasiAnggaran)})`,
    "explain-nilai-efisiensi": (p, f) => `Efficiency score = 50 % + (efficiency ${f.text(p.efisiensi)} ÷ 20 %) × 50 %, within 0–100 %`,
    "explain-tingkat-kemajuan": (p, f) => `Progress = realisation ${f.text(p.realisasi)} ÷ Renstra end target ${f.text(p.targetAkhir)}`,
    "explain-rata-rata": (p, f) => `Average achievement of the objective's ${f.num(p.cells)} indicators (${f.text(p.first)} … ${f.text(p.last)}); empty cells are not counted`,
    "explain-total": (p, f) => `Sum of the ${f.num(p.cells)} detail rows below (${f.text(p.first)} … ${f.text(p.last)})`,
    "explain-other": (p, f) => `${f.text(p.role)} formula`,
  },
};
