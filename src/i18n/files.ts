/** File messages: the input's kind, the output path, parts a write would not carry. */
import type { PhraseBook } from "./index";
import type { FILE_CODES } from "../core/messages/files";

type Code = (typeof FILE_CODES)[number];

const SAVE_ID = "buka di Excel lalu File → Simpan Sebagai → Buku Kerja Excel (*.xlsx)";
const SAVE_EN = "open it in Excel and use File → Save As → Excel Workbook (*.xlsx)";
const SAVE_LO_ID = "buka di LibreOffice Calc lalu Berkas → Simpan Sebagai → Excel 2007-365 (.xlsx)";
const SAVE_LO_EN = "open it in LibreOffice Calc and use File → Save As → Excel 2007-365 (.xlsx)";

/** Names of the parts a write may refuse to drop (the `part` parameter). */
const PARTS: Record<string, [string, string]> = {
  macros: ["makro (proyek VBA)", "macros (VBA project)"],
  chart: ["grafik", "a chart"],
  image: ["gambar", "an image"],
  drawing: ["gambar/bentuk", "drawings or shapes"],
  comment: ["komentar", "comments"],
  table: ["tabel Excel", "an Excel table"],
  pivot: ["tabel pivot", "a pivot table"],
  control: ["kontrol formulir", "form controls"],
  other: ["bagian lain", "other parts"],
};
const part = (p: unknown, lang: 0 | 1) => PARTS[String(p)]?.[lang] ?? (p === undefined || p === null ? PARTS.other[lang] : String(p));
const onSheet = (s: unknown, id: boolean) => (s ? (id ? ` pada lembar "${s}"` : ` on sheet "${s}"`) : "");

export const FILE_PHRASES: PhraseBook<Code> = {
  id: {
    "file-not-found": (p, f) => `${f.text(p.file)}: berkas tidak ditemukan; periksa nama dan foldernya`,
    "file-is-folder": (p, f) => `${f.text(p.file)}: ini folder, bukan berkas .xlsx; sebutkan berkas buku kerjanya`,
    "file-unreadable": (p, f) => `${f.text(p.file)}: tidak dapat dibaca (${f.text(p.reason)}); periksa izin berkas, atau tutup program yang menguncinya`,
    "file-empty": (p, f) => `${f.text(p.file)}: berkas kosong (0 bita), mungkin penyimpanannya terputus; simpan ulang buku kerjanya dari Excel sebagai .xlsx`,
    "file-xls": (p, f) => `${f.text(p.file)}: buku kerja Excel 97–2003 (.xls), bukan .xlsx; ${SAVE_ID}`,
    "file-encrypted": (p, f) => `${f.text(p.file)}: buku kerja dilindungi kata sandi (terenkripsi), isinya tidak dapat dibaca; buka di Excel, hapus kata sandinya (File → Info → Proteksi Buku Kerja → Enkripsi dengan Kata Sandi, kosongkan), lalu simpan sebagai .xlsx`,
    "file-ods": (p, f) => `${f.text(p.file)}: lembar kerja OpenDocument (.ods) yang diberi nama .xlsx; ${SAVE_LO_ID}`,
    "file-html": (p, f) => `${f.text(p.file)}: halaman web (HTML) yang diberi nama .xlsx, seperti "ekspor Excel" dari beberapa aplikasi; ${SAVE_ID}`,
    "file-xml2003": (p, f) => `${f.text(p.file)}: lembar kerja XML Excel 2003, bukan .xlsx; ${SAVE_ID}`,
    "file-text": (p, f) => `${f.text(p.file)}: berkas teks (misalnya CSV), bukan buku kerja .xlsx; ${SAVE_ID}`,
    "file-pdf": (p, f) => `${f.text(p.file)}: dokumen PDF, bukan buku kerja; salin tabelnya ke Excel lalu simpan sebagai Buku Kerja Excel (*.xlsx)`,
    "file-xlsb": (p, f) => `${f.text(p.file)}: buku kerja biner Excel (.xlsb); ${SAVE_ID}`,
    "file-strict": (p, f) => `${f.text(p.file)}: disimpan sebagai Strict Open XML; ${SAVE_ID}, bukan "Strict Open XML Spreadsheet"`,
    "file-office-other": (p, f) => `${f.text(p.file)}: dokumen ${f.text(p.kind)}, bukan buku kerja Excel; sebutkan berkas .xlsx-nya`,
    "file-zip-other": (p, f) => `${f.text(p.file)}: arsip zip yang bukan buku kerja Excel; sebutkan berkas .xlsx yang disimpan dari Excel`,
    "file-damaged": (p, f) => `${f.text(p.file)}: buku kerja rusak (${p.part === "zip" ? "paket zip-nya tidak utuh" : `bagian ${f.text(p.part)} hilang atau tidak terbaca`}); buka di Excel (File → Buka → Buka dan Perbaiki) lalu simpan ulang sebagai .xlsx`,
    "file-unknown": (p, f) => `${f.text(p.file)}: bukan buku kerja .xlsx (isinya tidak dikenali); ${SAVE_ID}`,
    "output-not-xlsx": (p, f) => `-o ${f.text(p.file)}: berkas keluaran harus berakhiran ${f.text(p.expected)}`,
    "output-is-input": (p, f) =>
      `-o ${f.text(p.file)}: ${p.how === "link" ? `tautan ke berkas masukan ${f.text(p.input)}` : p.how === "case" ? `sama dengan berkas masukan ${f.text(p.input)} (sistem berkas ini tidak membedakan huruf besar/kecil)` : "itu berkas masukan sendiri"}; berkas masukan tidak pernah ditimpa, pilih nama keluaran lain`,
    "output-missing-folder": (p, f) => `-o ${f.text(p.file)}: folder ${f.text(p.folder)} tidak ada; buat foldernya dahulu atau pilih folder lain`,
    "output-parent-not-folder": (p, f) => `-o ${f.text(p.file)}: ${f.text(p.folder)} adalah berkas, bukan folder; pilih folder lain`,
    "output-is-folder": (p, f) => `-o ${f.text(p.file)}: ini folder; berikan nama berkas, misalnya ${f.text(p.example)}`,
    "output-folder-unwritable": (p, f) => `-o ${f.text(p.file)}: tidak boleh menulis di folder ${f.text(p.folder)} (izin ditolak); pilih folder yang dapat Anda tulisi`,
    "output-busy": (p, f) => `-o ${f.text(p.file)}: berkas sedang dipakai program lain (mungkin terbuka di Excel); tutup berkas itu lalu jalankan lagi`,
    "output-disk-full": (p, f) => `-o ${f.text(p.file)}: ruang disk di ${f.text(p.folder)} habis; kosongkan ruang atau pilih folder lain (berkas yang sudah ada tidak diubah)`,
    "output-write-failed": (p, f) => `-o ${f.text(p.file)}: gagal menulis (${f.text(p.reason)}); berkas yang sudah ada tidak diubah`,
    "part-would-be-lost": (p, f) => `${f.text(p.file)}: ${part(p.part, 0)}${onSheet(p.sheet, true)} tidak dapat dibawa ke salinan dan akan hilang; jalankan dengan --allow-loss untuk tetap menulis tanpa bagian itu`,
  },
  en: {
    "file-not-found": (p, f) => `${f.text(p.file)}: file not found; check the name and the folder`,
    "file-is-folder": (p, f) => `${f.text(p.file)}: is a folder, not an .xlsx file; name the workbook file`,
    "file-unreadable": (p, f) => `${f.text(p.file)}: cannot be read (${f.text(p.reason)}); check the file's permissions, or close the program that locks it`,
    "file-empty": (p, f) => `${f.text(p.file)}: the file is empty (0 bytes), perhaps an interrupted save; save the workbook again from Excel as .xlsx`,
    "file-xls": (p, f) => `${f.text(p.file)}: an Excel 97–2003 workbook (.xls), not .xlsx; ${SAVE_EN}`,
    "file-encrypted": (p, f) => `${f.text(p.file)}: the workbook is password-protected (encrypted), its content cannot be read; open it in Excel, remove the password (File → Info → Protect Workbook → Encrypt with Password, clear it) and save it as .xlsx`,
    "file-ods": (p, f) => `${f.text(p.file)}: an OpenDocument spreadsheet (.ods) named .xlsx; ${SAVE_LO_EN}`,
    "file-html": (p, f) => `${f.text(p.file)}: a web page (HTML) named .xlsx, as some applications "export to Excel"; ${SAVE_EN}`,
    "file-xml2003": (p, f) => `${f.text(p.file)}: an Excel 2003 XML spreadsheet, not .xlsx; ${SAVE_EN}`,
    "file-text": (p, f) => `${f.text(p.file)}: a text file (CSV or similar), not an .xlsx workbook; ${SAVE_EN}`,
    "file-pdf": (p, f) => `${f.text(p.file)}: a PDF document, not a workbook; copy its tables into Excel and save as Excel Workbook (*.xlsx)`,
    "file-xlsb": (p, f) => `${f.text(p.file)}: an Excel binary workbook (.xlsb); ${SAVE_EN}`,
    "file-strict": (p, f) => `${f.text(p.file)}: saved as Strict Open XML; ${SAVE_EN}, not "Strict Open XML Spreadsheet"`,
    "file-office-other": (p, f) => `${f.text(p.file)}: a ${f.text(p.kind)} document, not an Excel workbook; name the .xlsx file`,
    "file-zip-other": (p, f) => `${f.text(p.file)}: a zip archive that is not an Excel workbook; name the .xlsx file saved from Excel`,
    "file-damaged": (p, f) => `${f.text(p.file)}: the workbook is damaged (${p.part === "zip" ? "its zip package is incomplete" : `the part ${f.text(p.part)} is missing or unreadable`}); open it in Excel (File → Open → Open and Repair) and save it again as .xlsx`,
    "file-unknown": (p, f) => `${f.text(p.file)}: not an .xlsx workbook (its content is not recognised); ${SAVE_EN}`,
    "output-not-xlsx": (p, f) => `-o ${f.text(p.file)}: the output file must end in ${f.text(p.expected)}`,
    "output-is-input": (p, f) =>
      `-o ${f.text(p.file)}: ${p.how === "link" ? `a link to the input file ${f.text(p.input)}` : p.how === "case" ? `the same file as the input ${f.text(p.input)} (this file system ignores upper/lower case)` : "is the input file itself"}; the input is never written, choose another output name`,
    "output-missing-folder": (p, f) => `-o ${f.text(p.file)}: the folder ${f.text(p.folder)} does not exist; create it first or choose another folder`,
    "output-parent-not-folder": (p, f) => `-o ${f.text(p.file)}: ${f.text(p.folder)} is a file, not a folder; choose another folder`,
    "output-is-folder": (p, f) => `-o ${f.text(p.file)}: is a folder; give a file name, such as ${f.text(p.example)}`,
    "output-folder-unwritable": (p, f) => `-o ${f.text(p.file)}: no permission to write in the folder ${f.text(p.folder)}; choose a folder you can write to`,
    "output-busy": (p, f) => `-o ${f.text(p.file)}: the file is in use by another program (open in Excel?); close it and run again`,
    "output-disk-full": (p, f) => `-o ${f.text(p.file)}: the disk holding ${f.text(p.folder)} is full; free some space or choose another folder (an existing file is unchanged)`,
    "output-write-failed": (p, f) => `-o ${f.text(p.file)}: writing failed (${f.text(p.reason)}); an existing file is unchanged`,
    "part-would-be-lost": (p, f) => `${f.text(p.file)}: ${part(p.part, 1)}${onSheet(p.sheet, false)} cannot be carried into the copy and would be lost; run with --allow-loss to write without it`,
  },
};
