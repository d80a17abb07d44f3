/**
 * What kind of file a "workbook" really is, from its bytes: people hand the tool .xls files, .ods and
 * HTML pages renamed .xlsx, encrypted workbooks, PDFs and CSVs. Each gets its own message code, so the
 * user is told what the file is and how to save a plain .xlsx from it.
 */
import { message, Message } from "../core/messages";

const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const startsWith = (b: Uint8Array, sig: number[]) => sig.every((x, i) => b[i] === x);

/** The stream name an encrypted OOXML workbook keeps inside its OLE2 container (UTF-16LE). */
const ENCRYPTED_PACKAGE = Buffer.from("EncryptedPackage", "utf16le");

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5 || bytes[2] === 7);
}

/** The problem with a file that is not a zip package, or null when it is one (then see `zipKindProblem`). */
export function nonZipProblem(bytes: Uint8Array, file: string): Message | null {
  if (bytes.length === 0) return message("file-empty", { file });
  if (isZip(bytes)) return null;
  if (startsWith(bytes, OLE2)) {
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf(ENCRYPTED_PACKAGE) >= 0 ? message("file-encrypted", { file }) : message("file-xls", { file });
  }
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 4096)).toString("utf8").replace(/^\uFEFF/, "").trimStart();
  if (head.startsWith("%PDF")) return message("file-pdf", { file });
  if (/^<\?xml[^>]*>\s*(<\?mso-application[^>]*Excel\.Sheet|<(\w+:)?Workbook\b[^>]*urn:schemas-microsoft-com:office:spreadsheet)/i.test(head) || /urn:schemas-microsoft-com:office:spreadsheet/.test(head) && !/<html/i.test(head))
    return message("file-xml2003", { file });
  if (/^<(!doctype\s+html|html|head|body|table|meta|style)\b/i.test(head) || /<html[\s>]/i.test(head)) return message("file-html", { file });
  if (isText(bytes)) return message("file-text", { file });
  return message("file-unknown", { file });
}

function isText(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 4096);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) return false;
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  return control <= n / 100;
}

/** The problem with a zip package that is not a workbook we can read, from its entry names and content types. */
export function zipKindProblem(entries: string[], contentTypes: string | null, mimetype: string | null, file: string): Message | null {
  const has = (p: string) => entries.includes(p);
  if (mimetype !== null || has("mimetype")) {
    if (/opendocument\.spreadsheet/.test(mimetype ?? "")) return message("file-ods", { file });
    return message("file-zip-other", { file });
  }
  if (!has("[Content_Types].xml")) return message("file-zip-other", { file });
  if (entries.some((e) => e.startsWith("word/"))) return message("file-office-other", { file, kind: "Word" });
  if (entries.some((e) => e.startsWith("ppt/"))) return message("file-office-other", { file, kind: "PowerPoint" });
  if (/sheet\.binary\.macroEnabled\.main|\.bin"/.test(contentTypes ?? "") && entries.some((e) => /^xl\/workbook\.bin$/i.test(e))) return message("file-xlsb", { file });
  if (!entries.some((e) => e.startsWith("xl/"))) return message("file-zip-other", { file });
  return null;
}
