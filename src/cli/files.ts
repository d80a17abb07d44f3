/**
 * The CLI's output files: the input is recognised by what it is on disk (device and inode, real path,
 * case-insensitively where the file system is), never written; a copy is written to a temporary file in
 * the target folder and renamed over the target only when it is complete, so a failed run leaves an
 * existing file as it was. Every problem is a message code naming the file (src/core/messages/files).
 */
import * as fs from "fs";
import * as path from "path";
import { message, Message } from "../core/messages";
import { FileProblem } from "../xlsx/package";

/** How `output` is the same file as `input`, or null when it is another file (or none yet). */
export function sameFileAs(input: string, output: string): "same" | "link" | "case" | null {
  let a: fs.Stats;
  let b: fs.Stats;
  try {
    a = fs.statSync(input);
    b = fs.statSync(output);
  } catch {
    return null; // no output file yet (or no input): not the same file
  }
  const sameInode = a.ino !== 0 && a.dev === b.dev && a.ino === b.ino;
  let sameReal = false;
  try {
    const ra = fs.realpathSync.native(input);
    const rb = fs.realpathSync.native(output);
    sameReal = ra === rb || (caseInsensitiveAt(path.dirname(rb)) && ra.toLowerCase() === rb.toLowerCase());
  } catch {
    /* realpath unavailable: the inode decides */
  }
  if (!sameInode && !sameReal) return null;
  const ia = path.resolve(input);
  const ib = path.resolve(output);
  if (ia === ib) return "same";
  if (ia.toLowerCase() === ib.toLowerCase() && caseInsensitiveAt(path.dirname(ib))) return "case";
  return "link";
}

/** Does this folder ignore case: does the name with its case swapped reach the same file? */
export function caseInsensitiveAt(folder: string): boolean {
  try {
    const real = fs.realpathSync.native(folder);
    const swapped = real.replace(/[A-Za-z]/g, (c) => (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase()));
    if (swapped === real) return process.platform === "win32" || process.platform === "darwin";
    const a = fs.statSync(real);
    const b = fs.statSync(swapped);
    return a.dev === b.dev && a.ino === b.ino;
  } catch {
    return false;
  }
}

/** The output name's extension must match the package: .xlsm keeps macros, .xlsx has none. */
export function outputExtensionProblem(output: string, expected: ".xlsx" | ".xlsm"): Message | null {
  return path.extname(output).toLowerCase() === expected ? null : message("output-not-xlsx", { file: output, expected });
}

/**
 * Checks an output path before any work is done: its folder exists and can be written (a probe file is
 * created and removed), it is not a folder, and it is not the input under any name.
 */
export function checkOutput(output: string, input: string): Message | null {
  const folder = path.dirname(path.resolve(output));
  const shown = path.dirname(output) || ".";
  let st: fs.Stats;
  try {
    st = fs.statSync(folder);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOTDIR") return message("output-parent-not-folder", { file: output, folder: nearestFile(folder) ?? shown });
    return message("output-missing-folder", { file: output, folder: shown });
  }
  if (!st.isDirectory()) return message("output-parent-not-folder", { file: output, folder: shown });
  try {
    if (fs.statSync(output).isDirectory()) return message("output-is-folder", { file: output, example: path.join(output, "hasil.xlsx") });
  } catch {
    /* no such file yet: fine */
  }
  const how = sameFileAs(input, output);
  if (how) return message("output-is-input", { file: output, input, how });
  if (!/\.xls[xm]$/i.test(output)) return message("output-not-xlsx", { file: output, expected: ".xlsx" });
  try {
    const probe = temporaryName(path.resolve(output));
    fs.closeSync(fs.openSync(probe, "wx"));
    fs.unlinkSync(probe);
  } catch (e) {
    return writeProblem(e as NodeJS.ErrnoException, output);
  }
  return null;
}

/** The first path along `p` (from the root) that is a file, for "…/laporan.xlsx/out.xlsx". */
function nearestFile(p: string): string | null {
  const parts = p.split(path.sep);
  for (let i = 1; i <= parts.length; i++) {
    const q = parts.slice(0, i).join(path.sep) || path.sep;
    try {
      if (!fs.statSync(q).isDirectory()) return q;
    } catch {
      return null;
    }
  }
  return null;
}

/** A system error while writing `output`, as the user's message. */
export function writeProblem(e: NodeJS.ErrnoException, output: string): Message {
  const folder = path.dirname(output) || ".";
  switch (e.code) {
    case "ENOENT":
      return message("output-missing-folder", { file: output, folder });
    case "ENOTDIR":
      return message("output-parent-not-folder", { file: output, folder });
    case "EISDIR":
      return message("output-is-folder", { file: output, example: path.join(output, "hasil.xlsx") });
    case "EACCES":
    case "EPERM":
    case "EROFS":
      return message("output-folder-unwritable", { file: output, folder });
    case "EBUSY":
    case "ETXTBSY":
      return message("output-busy", { file: output });
    case "ENOSPC":
    case "EDQUOT":
      return message("output-disk-full", { file: output, folder });
    default:
      return message("output-write-failed", { file: output, reason: e.code ?? e.message });
  }
}

const temporaryName = (target: string) => path.join(path.dirname(target), `.~${path.basename(target)}.lkip-${process.pid}-${Math.random().toString(36).slice(2, 8)}.tmp`);

/**
 * Writes `target` through `produce` into a temporary file beside it, then renames it into place. If
 * `produce` or the file system fails, the temporary file is removed and an existing `target` is left
 * exactly as it was; the error is thrown again (system errors as a FileProblem naming the output).
 * A symbolic link as target is followed: the file it points to is replaced, the link stays.
 */
export async function writeFileAtomically(target: string, produce: (out: fs.WriteStream) => Promise<void>): Promise<void> {
  let real = path.resolve(target);
  let mode: number | undefined;
  try {
    real = fs.realpathSync(target);
    mode = fs.statSync(real).mode & 0o777;
  } catch {
    /* a new file */
  }
  const tmp = temporaryName(real);
  let created = false;
  let fd: number | null = null;
  try {
    fd = fs.openSync(tmp, "wx", mode ?? 0o666);
    created = true;
    await produce(fs.createWriteStream("", { fd, autoClose: false }));
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = null;
    if (mode !== undefined) fs.chmodSync(tmp, mode);
    try {
      fs.renameSync(tmp, real);
    } catch (e) {
      // Windows refuses to replace a file another program holds open (Excel does): say so.
      const code = (e as NodeJS.ErrnoException).code;
      if (mode !== undefined && (code === "EPERM" || code === "EACCES" || code === "EBUSY")) throw new FileProblem(message("output-busy", { file: target }));
      throw e;
    }
    created = false;
  } catch (e) {
    if (fd !== null) fs.closeSync(fd);
    if (created) fs.rmSync(tmp, { force: true });
    if (e instanceof FileProblem || !(e as NodeJS.ErrnoException).code) throw e;
    throw new FileProblem(writeProblem(e as NodeJS.ErrnoException, target));
  }
}
