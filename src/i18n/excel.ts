/** Messages of writing into the workbook, taking it back, and carrying a regenerated sheet's typed data over. */
import type { Formatters, PhraseBook } from "./index";
import type { ParamValue } from "../core/messages";
import type { EXCEL_CODES } from "../core/messages/excel";

type Code = (typeof EXCEL_CODES)[number];

/** A cell's content in quotes, with what a reader cannot see said in words (empty, only spaces). */
function shown(v: ParamValue | undefined, f: Formatters, empty: string, spaces: (n: number) => string): string {
  const t = f.text(v);
  if (t === "") return empty;
  if (t.trim() === "") return spaces(t.length);
  return `"${t}"`;
}
const id = (v: ParamValue | undefined, f: Formatters) => shown(v, f, "kosong", (n) => `${n} spasi`);
const en = (v: ParamValue | undefined, f: Formatters) => shown(v, f, "empty", (n) => `${n} space(s)`);
const cells = (p: Record<string, ParamValue>, f: Formatters) => f.list((Array.isArray(p.cells) ? p.cells : []).map((c) => f.cell(c))) + (typeof p.more === "number" && p.more > 0 ? ` … (+${f.num(p.more)})` : "");

/** Office's code (and where it arose) in brackets, for support. */
const office = (p: Record<string, ParamValue>, f: Formatters) => ` [${f.text(p.code)}${p.where ? ` (${f.text(p.where)})` : ""}]`;

export const EXCEL_PHRASES: PhraseBook<Code> = {
  id: {
    "sheet-protected": (p, f) => `Lembar "${f.text(p.sheet)}" diproteksi; buka proteksinya (Tinjau › Buka Proteksi Lembar) untuk menulis di sana. Tidak ada yang ditulis.`,
    "sheet-missing": (p, f) => `Lembar "${f.text(p.sheet)}" sudah tidak ada; pindai ulang buku kerja.`,
    "sheet-appeared": (p, f) => `Lembar bernama "${f.text(p.sheet)}" muncul sejak pemindaian; pindai ulang. Tidak ada yang ditulis.`,
    "cell-changed-since-scan": (p, f) => `${f.cell(p.at)} berubah sejak pemindaian (tadinya ${id(p.before, f)}, sekarang ${id(p.now, f)}); pindai ulang. Tidak ada yang ditulis.`,
    "write-rolled-back": (p, f) => `Excel menolak di tengah jalan, setelah ${f.num(p.done)} dari ${f.num(p.total)} sel (${f.text(p.cause)}); yang sudah ditulis telah dikembalikan seperti semula.`,
    "write-not-rolled-back": (p, f) => `Excel menolak di tengah jalan, setelah ${f.num(p.done)} dari ${f.num(p.total)} sel (${f.text(p.cause)}), dan pengembalian otomatis juga gagal; klik "Batalkan" untuk mengembalikannya.`,
    "undo-cell-kept": (p, f) => `${f.cell(p.at)} diubah sejak ditulis add-in (sekarang ${id(p.now, f)}); dibiarkan seperti isian Anda.`,
    "undo-fill-kept": (p, f) => `${f.cell(p.at)}: warna isian diubah sejak ditandai; dibiarkan.`,
    "undo-note-kept": (p, f) => `${f.cell(p.at)}: catatan diubah sejak ditulis add-in; dibiarkan.`,
    "undo-sheet-kept": (p, f) => `Lembar "${f.text(p.sheet)}" diubah sejak dibuat (${cells(p, f)}); tidak dihapus. Lembar sebelumnya (bila ada) tetap tersimpan tersembunyi.`,
    "undo-backup-missing": (p, f) => `Lembar sebelumnya "${f.text(p.backup)}" sudah tidak ada; "${f.text(p.sheet)}" tidak dapat dikembalikan.`,
    "generate-rolled-back": (p, f) => `Excel menolak di tengah jalan saat membuat "${f.text(p.sheet)}" (${f.text(p.cause)}); lembar yang setengah jadi dihapus${p.restored ? ` dan lembar sebelumnya "${f.text(p.restored)}" dikembalikan` : ""}.`,
    "generate-not-rolled-back": (p, f) => `Excel menolak di tengah jalan saat membuat "${f.text(p.sheet)}" (${f.text(p.cause)}), dan pengembalian otomatis juga gagal; klik "Batalkan".`,
    "selection-moved": (p, f) => `Sebuah ${p.chart ? `bagan ("${f.text(p.chart)}")` : "bentuk atau gambar"} sedang dipilih, dan Excel tidak dapat menggabungkan sel selama itu; sel A1 lembar "${f.text(p.sheet)}" dipilih${p.chart ? ", lalu bagan dipilih kembali" : ""}.`,
    "carry-over-done": (p, f) => `Dari lembar "${f.text(p.sheet)}" yang lama: realisasi, pola target dan keterangan ${f.num(p.indicators)} indikator (${f.num(p.cells)} sel) dibawa ke lembar baru menurut indikatornya.`,
    "carry-over-unmatched": (p, f) => `${f.cell(p.at)}: indikator "${f.text(p.indicator)}" tidak ada lagi di sumber; ${f.list(p.what)} yang diketik di sana tidak dibawa (tetap ada di lembar lama yang disimpan tersembunyi).`,
    "carry-over-formula-moved": (p, f) => `${f.cell(p.at)}: rumus realisasi ${f.text(p.formula)} pindah baris di lembar baru dan tidak dibawa; salin sendiri bila perlu.`,
    "carry-over-layout-unknown": (p, f) => `Lembar lama "${f.text(p.sheet)}" kolomnya tidak dikenali; realisasi yang diketik di sana tidak dapat dibawa (lembar lama tetap disimpan tersembunyi).`,
    "office-cell-edit-mode": (p, f) => `Excel sedang menyunting sebuah sel: tekan Enter atau Esc di lembar kerja, lalu coba lagi. Tidak ada yang ditulis.${office(p, f)}`,
    "office-access-denied": (p, f) => `Excel menolak perubahan (lembar atau buku kerja diproteksi, atau berkas hanya-baca). Tidak ada yang ditulis.${office(p, f)}`,
    "office-payload-too-large": (p, f) => `Permintaan terlalu besar untuk Excel di web; pilih lebih sedikit tabel atau sel, lalu coba lagi.${office(p, f)}`,
    "office-item-not-found": (p, f) => `Sebuah lembar atau rentang sudah tidak berada di tempat yang ditemukan pemindaian; pindai ulang buku kerja.${office(p, f)}`,
    "office-error": (p, f) => `Excel melaporkan kesalahan${p.text ? `: ${f.text(p.text)}` : ""}${office(p, f)}`,
  },
  en: {
    "sheet-protected": (p, f) => `Sheet "${f.text(p.sheet)}" is protected; unprotect it (Review › Unprotect Sheet) to write formulas there. Nothing was written.`,
    "sheet-missing": (p, f) => `Sheet "${f.text(p.sheet)}" no longer exists; scan the workbook again.`,
    "sheet-appeared": (p, f) => `A sheet named "${f.text(p.sheet)}" appeared since the scan; scan again. Nothing was written.`,
    "cell-changed-since-scan": (p, f) => `${f.cell(p.at)} changed since the scan (it was ${en(p.before, f)}, now ${en(p.now, f)}); scan again. Nothing was written.`,
    "write-rolled-back": (p, f) => `Excel refused partway, after ${f.num(p.done)} of ${f.num(p.total)} cells (${f.text(p.cause)}); what had been written was taken back.`,
    "write-not-rolled-back": (p, f) => `Excel refused partway, after ${f.num(p.done)} of ${f.num(p.total)} cells (${f.text(p.cause)}), and taking it back failed too; click "Batalkan" to undo it.`,
    "undo-cell-kept": (p, f) => `${f.cell(p.at)} was changed after the add-in wrote it (now ${en(p.now, f)}); left as you made it.`,
    "undo-fill-kept": (p, f) => `${f.cell(p.at)}: its fill was changed after highlighting; left alone.`,
    "undo-note-kept": (p, f) => `${f.cell(p.at)}: its note was edited after the add-in wrote it; left alone.`,
    "undo-sheet-kept": (p, f) => `Sheet "${f.text(p.sheet)}" was changed after it was made (${cells(p, f)}); not deleted. The earlier sheet (if any) stays hidden.`,
    "undo-backup-missing": (p, f) => `The earlier sheet "${f.text(p.backup)}" is gone; "${f.text(p.sheet)}" cannot be brought back.`,
    "generate-rolled-back": (p, f) => `Excel refused partway while making "${f.text(p.sheet)}" (${f.text(p.cause)}); the partial sheet was removed${p.restored ? ` and the earlier sheet "${f.text(p.restored)}" brought back` : ""}.`,
    "generate-not-rolled-back": (p, f) => `Excel refused partway while making "${f.text(p.sheet)}" (${f.text(p.cause)}), and taking it back failed too; click "Batalkan".`,
    "selection-moved": (p, f) => `A ${p.chart ? `chart ("${f.text(p.chart)}")` : "shape or picture"} was selected, and Excel cannot merge cells then; cell A1 of "${f.text(p.sheet)}" was selected${p.chart ? ", then the chart selected again" : ""}.`,
    "carry-over-done": (p, f) => `From the earlier "${f.text(p.sheet)}": realisasi, pola target and keterangan of ${f.num(p.indicators)} indicator(s) (${f.num(p.cells)} cells) carried to the new sheet by indicator.`,
    "carry-over-unmatched": (p, f) => `${f.cell(p.at)}: indicator "${f.text(p.indicator)}" is no longer in the source; the ${f.list(p.what)} typed there is not carried (it stays in the earlier sheet, kept hidden).`,
    "carry-over-formula-moved": (p, f) => `${f.cell(p.at)}: the realisasi formula ${f.text(p.formula)} moves to another row in the new sheet and is not carried; copy it yourself if needed.`,
    "carry-over-layout-unknown": (p, f) => `The earlier sheet "${f.text(p.sheet)}" has columns the generator does not know; realisasi typed there cannot be carried (the earlier sheet stays hidden).`,
    "office-cell-edit-mode": (p, f) => `Excel is editing a cell: press Enter or Esc in the sheet, then try again. Nothing was written.${office(p, f)}`,
    "office-access-denied": (p, f) => `Excel refused the change (a protected sheet or workbook, or a read-only file). Nothing was written.${office(p, f)}`,
    "office-payload-too-large": (p, f) => `The request was too large for Excel on the web; choose fewer tables or cells and try again.${office(p, f)}`,
    "office-item-not-found": (p, f) => `A sheet or range is no longer where the scan found it; scan the workbook again.${office(p, f)}`,
    "office-error": (p, f) => `Excel reported an error${p.text ? `: ${f.text(p.text)}` : ""}${office(p, f)}`,
  },
};
