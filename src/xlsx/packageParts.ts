/**
 * What a write would not carry into the copy, named before anything is written. Writing into the original
 * package carries every part; what remains are (1) the parts hanging on a generated sheet that is replaced
 * (a chart the user put on the old Rencana Aksi sheet) and (2) macros when the copy is named .xlsx, whose
 * format cannot hold them. Each is refused with a message naming the part; `--allow-loss` goes on without it.
 */
import { message, Message } from "../core/messages";
import { CONTENT_TYPE, REL, XlsxPackage } from "./package";

/** The kind of user part a relationship of a sheet leads to ("printerSettings" holds nothing of the user's). */
async function partKind(pkg: XlsxPackage, type: string, part: string): Promise<string | null> {
  const t = type.slice(type.lastIndexOf("/") + 1);
  if (t === "printerSettings") return null;
  if (t === "drawing") {
    const inner = await pkg.rels(part);
    if (inner.some((r) => r.type.endsWith("/chart"))) return "chart";
    if (inner.some((r) => r.type.endsWith("/image"))) return "image";
    return "drawing";
  }
  if (t === "comments" || t === "threadedComment") return "comment";
  if (t === "vmlDrawing") return "comment";
  if (t === "table") return "table";
  if (t === "pivotTable") return "pivot";
  if (t === "ctrlProp" || t === "control") return "control";
  return "other";
}

/** Parts of the user's on the sheet named `name` (empty when it has none or does not exist). */
export async function partsOfSheet(pkg: XlsxPackage, name: string): Promise<string[]> {
  const entry = pkg.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  if (!entry || !entry.part) return [];
  const kinds: string[] = [];
  for (const r of await pkg.rels(entry.part)) {
    if (r.external) continue;
    const kind = await partKind(pkg, r.type, r.part);
    if (kind && !kinds.includes(kind)) kinds.push(kind);
  }
  return kinds;
}

export async function hasMacros(pkg: XlsxPackage): Promise<boolean> {
  return (await pkg.rels(pkg.workbookPart)).some((r) => r.type === REL.vbaProject);
}

/**
 * Problems of writing this package to `output`, replacing the sheets in `replaced`: one message per part
 * that would be lost (empty when nothing would be).
 */
export async function lossProblems(pkg: XlsxPackage, replaced: string[], outputIsXlsm: boolean): Promise<Message[]> {
  const out: Message[] = [];
  if (!outputIsXlsm && (await hasMacros(pkg))) out.push(message("part-would-be-lost", { file: pkg.file, part: "macros", sheet: null }));
  for (const sheet of replaced) for (const part of await partsOfSheet(pkg, sheet)) out.push(message("part-would-be-lost", { file: pkg.file, part, sheet }));
  return out;
}

/** Turns a macro-enabled package into a plain workbook (for an .xlsx copy, with the user's consent). */
export async function dropMacros(pkg: XlsxPackage): Promise<void> {
  const rels = (await pkg.rels(pkg.workbookPart)).filter((r) => r.type === REL.vbaProject);
  for (const r of rels) {
    for (const inner of await pkg.rels(r.part)) pkg.remove(inner.part); // the project's signature
    pkg.remove(r.part);
    await pkg.setContentType(r.part, null);
  }
  await pkg.removeRels(pkg.workbookPart, rels.map((r) => r.id));
  await pkg.setContentType(pkg.workbookPart, CONTENT_TYPE.workbook);
}
