/**
 * A generated workbook of `sheets` sheets × `rows` body rows, each sheet a Renja evaluation table as the
 * agencies make it: caption and title, a two-row merged header with K/Rp pairs, a column-number row with
 * formula text, Program → Kegiatan → Sub Kegiatan rows with codes, figures partly typed as Indonesian text.
 */
/* eslint-disable @typescript-eslint/no-require-imports */
const ExcelJS = require("exceljs");

function buildBigWorkbook(sheets, rows) {
  const wb = new ExcelJS.Workbook();
  for (let s = 0; s < sheets; s++) {
    const ws = wb.addWorksheet(`Tabel 3.${s + 1}`);
    ws.getCell("A1").value = `Tabel 3.${s + 1}`;
    ws.getCell("A2").value = `Evaluasi Terhadap Hasil Renja Perangkat Daerah Tahun 2024 (bagian ${s + 1})`;
    const top = ["No", "Kode", "Program/Kegiatan/Sub Kegiatan", "Indikator Kinerja", "Satuan", "Target Renja Tahun 2024", "", "Realisasi Tahun 2024", "", "Capaian (%)", ""];
    const sub = ["", "", "", "", "", "K", "Rp", "K", "Rp", "K", "Rp"];
    ws.getRow(4).values = top;
    ws.getRow(5).values = sub;
    for (const c of ["A", "B", "C", "D", "E"]) ws.mergeCells(`${c}4:${c}5`);
    ws.mergeCells("F4:G4");
    ws.mergeCells("H4:I4");
    ws.mergeCells("J4:K4");
    ws.getRow(6).values = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10=8/6*100", "11=9/7*100"];
    let program = 0;
    let kegiatan = 0;
    let sub_ = 0;
    for (let r = 0; r < rows; r++) {
      const row = ws.getRow(7 + r);
      const target = 50 + ((r * 37) % 50);
      const realisasi = target - 5 + ((r * 13) % 11);
      const pagu = 10_000_000 + ((r * 7919) % 90) * 1_000_000;
      const spent = Math.round(pagu * (0.8 + ((r * 3) % 20) / 100));
      if (r % 50 === 0) {
        program++;
        kegiatan = 0;
        row.values = [String(program), `1.01.${String(program).padStart(2, "0")}`, `Program Pembangunan Bidang ${program}`, `Persentase capaian sasaran program ${program}`, "%", target, pagu * 10, realisasi, spent * 10, null, null];
        row.font = { bold: true };
      } else if (r % 10 === 0) {
        kegiatan++;
        sub_ = 0;
        row.values = ["", `1.01.${String(program).padStart(2, "0")}.2.${String(kegiatan).padStart(2, "0")}`, `Kegiatan Penyelenggaraan ${program}.${kegiatan}`, `Jumlah dokumen kegiatan ${kegiatan}`, "Dokumen", target, pagu * 3, realisasi, spent * 3, null, null];
      } else {
        sub_++;
        // Every third row pasted from a PDF: figures as Indonesian text.
        const asText = r % 3 === 0;
        const money = (n) => (asText ? n.toLocaleString("id-ID") : n);
        row.values = ["", `1.01.${String(program).padStart(2, "0")}.2.${String(kegiatan).padStart(2, "0")}.${String(sub_).padStart(4, "0")}`, `Sub Kegiatan Pelaksanaan ${program}.${kegiatan}.${sub_}`, `Jumlah laporan yang disusun ${sub_}`, "Laporan", asText ? String(target) : target, money(pagu), asText ? String(realisasi) : realisasi, money(spent), null, null];
      }
    }
  }
  return wb;
}

module.exports = { buildBigWorkbook };
