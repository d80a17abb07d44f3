/** Small workbooks built for tests. */
import ExcelJS from "exceljs";

/** A one-row PK table ("Tabel 2.3") whose sasaran and indicator texts are given (to test that text stays text). */
export function pkTableWorkbook(sasaran: string, indikator: string): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Tabel 2.3");
  ws.getCell("A1").value = "Tabel 2.3";
  ws.getCell("A2").value = "Perjanjian Kinerja Dinas Contoh Tahun 2024";
  ws.getRow(3).values = ["No", "Sasaran Strategis", "Indikator Kinerja", "Satuan", "Target"];
  ws.getRow(4).values = [1, sasaran, indikator, "Dokumen", 12];
  return wb;
}
