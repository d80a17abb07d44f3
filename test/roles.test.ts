import { readHeader as readColumnHeader, roleOfText } from "../src/core/recognition/candidates";
import { headerTokens, periodIn, yearIn } from "../src/core/vocabulary";
import { decidePolarity } from "../src/core/polarity";
import { parseNumeral } from "../src/core/numerals";

describe("header wording by meaning (DOMAIN.md list)", () => {
  test.each([
    ["Capaian", "capaian"], ["Capaian Kinerja", "capaian"], ["Capaian (%)", "capaian"], ["% Capaian", "capaian"],
    ["Tingkat Capaian", "capaian"], ["Penca paian", "capaian"], ["Posentase Capaian", "capaian"], ["Realiasi", "realisasi"],
    ["Target Renstra Tahun 2024", "target"], ["Target Th 2024", "target"], ["Anggaran (Rp)", "pagu"], ["Pagu (Rp)", "pagu"],
    ["PAGU ANGGARAN PROGRAM TAHUN 2024 (Rp)", "pagu"], ["Capaian Anggaran", "serapan"], ["Serapan", "serapan"],
    ["Realisasi (Rp)", "realisasi_anggaran"], ["Realisasi Anggaran", "realisasi_anggaran"], ["N O", "no"],
    ["Program/Kegiatan/Sub Kegiatan", "nomenklatur"], ["Uraian", "nomenklatur"], ["Indikator Kinerja Program (outcome)/ Kegiatan (Output)", "indikator"],
    ["Target Akhir Renstra 2026", "target_akhir"], ["Tingkat Kemajuan", "tingkat_kemajuan"], ["Realisasi Nasional", "pembanding"],
    ["Penanggungjawab", "penanggung_jawab"], ["Penanggung Jawab", "penanggung_jawab"], ["KET", "keterangan"], ["Predikat/Kriteria", "predikat"],
    ["Efisiensi (E)", "efisiensi"], ["Efektivitas", "efektivitas"], ["Sisa Anggaran", "sisa_anggaran"], ["Sasaran Strategis", "sasaran"],
  ])("%s → %s", (text, role) => {
    expect(roleOfText(text)?.role).toBe(role);
  });

  test("fuzzy correction stays away from look-alikes", () => {
    expect(headerTokens("Perangkat Daerah")).not.toContain("peringkat");
    expect(roleOfText("Evaluasi Akuntabilitas Kinerja Internal")?.role).not.toBe("other");
  });

  test("K/Rp pairs: the Rp of a target group is pagu, of a realisasi group realisasi_anggaran", () => {
    const t = "Target Kinerja dan Anggaran Renja Perangkat Daerah Tahun Berjalan";
    const r = "Realisasi Capaian Kinerja dan Anggaran Renja Perangkat Daerah";
    expect(readColumnHeader([t, "K"])).toMatchObject({ role: "target", measure: "K" });
    expect(readColumnHeader([t, "Rp"])).toMatchObject({ role: "pagu", measure: "Rp" });
    expect(readColumnHeader([r, "K"])).toMatchObject({ role: "realisasi", measure: "K" });
    expect(readColumnHeader([r, "Rp"])).toMatchObject({ role: "realisasi_anggaran", measure: "Rp" });
  });

  test("money parents turn performance words into spending roles", () => {
    expect(readColumnHeader(["Anggaran", "Realisasi"]).role).toBe("realisasi_anggaran");
    expect(readColumnHeader(["Anggaran", "Capaian"]).role).toBe("serapan");
    expect(readColumnHeader(["Kinerja", "Capaian"]).role).toBe("capaian");
  });

  test("years, periods and measures come from the path", () => {
    expect(readColumnHeader(["Realisasi", "2023"])).toMatchObject({ role: "realisasi", year: 2023 });
    expect(readColumnHeader(["Alokasi Anggaran", "TW 3"])).toMatchObject({ role: "pagu", period: "TW3" });
    expect(readColumnHeader(["Rencana Pelaksanaan", "AGT"])).toMatchObject({ role: "other", period: "AGT" });
    expect(yearIn("SASARAN RENCANA STRATEGIS TAHUN 2024-2026")).toBeNull();
    expect(periodIn("Triwulan IV")).toBe("TW4");
  });
});

describe("polarity with its reason", () => {
  test("lower-is-better keywords, notes, satuan, falling targets, ladders, grades", () => {
    expect(decidePolarity({ indicator: "Rasio KDRT" })).toMatchObject({ polarity: "lower-better", reason: "keyword-in-indicator" });
    expect(decidePolarity({ indicator: "Persentase penurunan angka kemiskinan" }).polarity).toBe("higher-better");
    expect(decidePolarity({ indicator: "Indeks X", notes: ["semakin rendah nilainya semakin baik"] })).toMatchObject({ polarity: "lower-better", reason: "note-in-table" });
    expect(decidePolarity({ indicator: "Indeks X", satuan: "Persen (Target Negatif)" }).reason).toBe("satuan-marked-negative");
    expect(decidePolarity({ indicator: "Indeks X", targetsByYear: [10, 9, 8, 7] }).reason).toBe("targets-fall-across-years");
    expect(decidePolarity({ indicator: "Predikat KLA", target: parseNumeral("Nindya"), realisasi: parseNumeral("Madya") }).polarity).toBe("categorical");
    expect(decidePolarity({ indicator: "Nilai AKIP", target: parseNumeral("BB (75)"), realisasi: parseNumeral("A (80.35)") })).toMatchObject({ polarity: "higher-better", reason: "scored-grade" });
    expect(decidePolarity({ indicator: "Jumlah dokumen" })).toMatchObject({ polarity: "higher-better", reason: "default" });
  });
});
