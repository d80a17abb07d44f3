/**
 * Codes for problems with the files a command reads and writes: the input workbook's kind, the output
 * path, and parts of the workbook that a write would not carry. Parameters are plain strings: `file` (the
 * path as the user typed it), `folder`, `input`, `part`, `sheet`, `reason`.
 */
export const FILE_CODES = [
  "file-not-found", // {file}
  "file-is-folder", // {file}
  "file-unreadable", // {file, reason}
  "file-empty", // {file}
  "file-xls", // {file}: Excel 97–2003 (.xls, an OLE2 compound file)
  "file-encrypted", // {file}: a password-protected (encrypted) workbook
  "file-ods", // {file}: an OpenDocument spreadsheet
  "file-html", // {file}: a web page saved under a spreadsheet name
  "file-xml2003", // {file}: an Excel 2003 XML spreadsheet
  "file-text", // {file}: plain text (CSV, JSON, …)
  "file-pdf", // {file}
  "file-xlsb", // {file}: an Excel binary workbook
  "file-strict", // {file}: Strict Open XML
  "file-office-other", // {file, kind: "Word" | "PowerPoint"}
  "file-zip-other", // {file}: a zip archive that is not a workbook
  "file-damaged", // {file, part}: a workbook package that cannot be read ("zip", or the part's path)
  "file-unknown", // {file}
  "output-not-xlsx", // {file, expected: ".xlsx" | ".xlsm"}
  "output-is-input", // {file, input, how: "same" | "link" | "case"}
  "output-missing-folder", // {file, folder}
  "output-parent-not-folder", // {file, folder}
  "output-is-folder", // {file}
  "output-folder-unwritable", // {file, folder}
  "output-busy", // {file}
  "output-disk-full", // {file, folder}
  "output-write-failed", // {file, reason}
  "part-would-be-lost", // {file, part, sheet}
] as const;
