/**
 * An .xlsx file as the package it is: a zip of XML parts tied together by relationships. The CLI reads
 * the cells from the parts and writes a copy in which only the parts it changes are new; every other part
 * (charts, images, pivot tables, comments, validations, macros, …) is carried over byte for byte.
 *
 * Errors the user can act on are thrown as `FileProblem` with a message code (src/core/messages/files).
 */
import * as fs from "fs";
import * as path from "path";
import JSZip from "jszip";
import { Readable, Writable } from "stream";
import { message, Message } from "../core/messages";
import { isZip, nonZipProblem, zipKindProblem } from "./fileKind";
import { attribute, attributes, escapeAttr } from "./xml";

/** Text pieces as UTF-8 buffers of about a megabyte each. */
function* inBuffers(chunks: string[]): Generator<Buffer> {
  let batch: string[] = [];
  let size = 0;
  for (const c of chunks) {
    batch.push(c);
    size += c.length;
    if (size >= 1 << 20) {
      yield Buffer.from(batch.join(""), "utf8");
      batch = [];
      size = 0;
    }
  }
  if (batch.length) yield Buffer.from(batch.join(""), "utf8");
}

/** archiver (the zip writer ExcelJS itself uses) has no bundled types: the little used here. */
interface ZipWriter {
  pipe(out: NodeJS.WritableStream): void;
  abort(): void;
  once(event: "entry", fn: () => void): void;
  append(source: Buffer | NodeJS.ReadableStream | Readable, entry: { name: string; date?: Date }): void;
  finalize(): Promise<void>;
  on(event: "error" | "warning", fn: (e: Error) => void): void;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const archiver = require("archiver") as (format: "zip", options: { zlib: { level: number } }) => ZipWriter;

export class FileProblem extends Error {
  constructor(readonly problem: Message) {
    super(`${problem.code} ${JSON.stringify(problem.params)}`);
  }
}

export const REL = {
  officeDocument: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
  worksheet: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet",
  sharedStrings: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings",
  styles: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles",
  calcChain: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain",
  comments: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments",
  vmlDrawing: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing",
  vbaProject: "http://schemas.microsoft.com/office/2006/relationships/vbaProject",
} as const;
export const CONTENT_TYPE = {
  worksheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  comments: "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml",
  vml: "application/vnd.openxmlformats-officedocument.vmlDrawing",
  workbook: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
  workbookMacro: "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
} as const;
const STRICT_MAIN = "http://purl.oclc.org/ooxml/spreadsheetml/main";

export interface Relationship {
  id: string;
  type: string;
  target: string;
  /** The target part's path inside the package (no leading "/"); "" for external targets. */
  part: string;
  external: boolean;
}

export interface SheetEntry {
  name: string;
  sheetId: number;
  rId: string;
  state: "visible" | "hidden" | "veryHidden";
  part: string;
  /** Worksheets hold cells; chart sheets, dialog and macro sheets are carried over untouched. */
  kind: "worksheet" | "other";
}

/** The folder of a part ("xl/worksheets/sheet1.xml" → "xl/worksheets"). */
const folderOf = (part: string) => path.posix.dirname(part);
/** The relationships part of a part ("xl/workbook.xml" → "xl/_rels/workbook.xml.rels"). */
export const relsPathOf = (part: string) => path.posix.join(folderOf(part), "_rels", `${path.posix.basename(part)}.rels`);
/** A relationship target relative to `fromPart`, as it is written in that part's .rels. */
export const relativeTarget = (fromPart: string, toPart: string) => path.posix.relative(folderOf(fromPart), toPart);

export class XlsxPackage {
  /** Texts of parts read or changed (changed ones are written back). */
  private readonly texts = new Map<string, string>();
  private readonly changed = new Set<string>();
  private readonly removed = new Set<string>();
  workbookPart = "xl/workbook.xml";
  sheets: SheetEntry[] = [];

  private constructor(readonly zip: JSZip, readonly file: string) {}

  /** Opens an .xlsx file; every problem the user can act on is a FileProblem naming the file. */
  static async open(file: string): Promise<XlsxPackage> {
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(file);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === "ENOENT" || code === "ENOTDIR") throw new FileProblem(message("file-not-found", { file }));
      if (code === "EISDIR") throw new FileProblem(message("file-is-folder", { file }));
      throw new FileProblem(message("file-unreadable", { file, reason: code ?? (e as Error).message }));
    }
    return XlsxPackage.fromBytes(bytes, file);
  }

  static async fromBytes(bytes: Uint8Array, file = "workbook.xlsx"): Promise<XlsxPackage> {
    const notZip = nonZipProblem(bytes, file);
    if (notZip) throw new FileProblem(notZip);
    let zip: JSZip;
    try {
      zip = await JSZip.loadAsync(bytes);
    } catch {
      throw new FileProblem(isZip(bytes) ? message("file-damaged", { file, part: "zip" }) : message("file-unknown", { file }));
    }
    const entries = Object.keys(zip.files).filter((n) => !zip.files[n].dir);
    const pkg = new XlsxPackage(zip, file);
    const kind = zipKindProblem(entries, await pkg.text("[Content_Types].xml"), await pkg.text("mimetype"), file);
    if (kind) throw new FileProblem(kind);
    await pkg.init();
    return pkg;
  }

  private async init() {
    const root = (await this.rels("")).find((r) => r.type === REL.officeDocument || r.type.endsWith("/officeDocument"));
    if (!root || !this.has(root.part)) throw new FileProblem(message("file-damaged", { file: this.file, part: "_rels/.rels" }));
    this.workbookPart = root.part;
    const wb = (await this.text(this.workbookPart))!;
    if (wb.includes(STRICT_MAIN)) throw new FileProblem(message("file-strict", { file: this.file }));
    const rels = await this.rels(this.workbookPart);
    const sheetsXml = /<(?:\w+:)?sheets\b[^>]*>([\s\S]*?)<\/(?:\w+:)?sheets>/.exec(wb)?.[1] ?? "";
    this.sheets = [];
    for (const m of sheetsXml.matchAll(/<(?:\w+:)?sheet\b([^>]*?)\/?>/g)) {
      const a = attributes(m[1]);
      const rId = Object.entries(a).find(([k]) => k === "r:id" || k.endsWith(":id"))?.[1] ?? "";
      const rel = rels.find((r) => r.id === rId);
      const state = a.state === "hidden" || a.state === "veryHidden" ? a.state : "visible";
      const kind = rel && rel.type === REL.worksheet && this.has(rel.part) ? "worksheet" : "other";
      this.sheets.push({ name: a.name ?? "", sheetId: Number(a.sheetId), rId, state, part: rel?.part ?? "", kind });
    }
  }

  has(part: string): boolean {
    if (this.removed.has(part)) return false;
    return this.texts.has(part) || !!this.zip.file(part);
  }

  /** Names of all parts (folders excluded). */
  partNames(): string[] {
    const names = new Set(Object.keys(this.zip.files).filter((n) => !this.zip.files[n].dir));
    for (const n of this.changed) names.add(n);
    for (const n of this.removed) names.delete(n);
    return [...names].sort();
  }

  /** A part's text (null when the package has no such part). */
  async text(part: string): Promise<string | null> {
    if (this.removed.has(part)) return null;
    const chunked = this.chunks.get(part);
    if (chunked) return chunked.join("");
    const cached = this.texts.get(part);
    if (cached !== undefined) return cached;
    const entry = this.zip.file(part) ?? this.zip.file(new RegExp(`^${part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`, "i"))[0];
    if (!entry) return null;
    try {
      const text = await entry.async("string");
      this.texts.set(part, text);
      return text;
    } catch {
      throw new FileProblem(message("file-damaged", { file: this.file, part }));
    }
  }

  /** Drops a cached text the caller will not need again (big sheet XML), unless it was changed. */
  forget(part: string): void {
    if (!this.changed.has(part)) this.texts.delete(part);
  }

  setText(part: string, text: string): void {
    this.texts.set(part, text);
    this.chunks.delete(part);
    this.changed.add(part);
    this.removed.delete(part);
  }

  /** A changed part given as pieces of text in order (a big sheet is never joined into one string). */
  setChunks(part: string, chunks: string[]): void {
    this.texts.delete(part);
    this.chunks.set(part, chunks);
    this.changed.add(part);
    this.removed.delete(part);
  }
  private readonly chunks = new Map<string, string[]>();

  remove(part: string): void {
    this.removed.add(part);
    this.changed.delete(part);
    this.texts.delete(part);
    this.chunks.delete(part);
  }

  /** The relationships of a part ("" for the package's own). */
  async rels(part: string): Promise<Relationship[]> {
    const relsPath = part ? relsPathOf(part) : "_rels/.rels";
    const xml = await this.text(relsPath);
    if (!xml) return [];
    const out: Relationship[] = [];
    for (const m of xml.matchAll(/<(?:\w+:)?Relationship\b([^>]*?)\/?>/g)) {
      const a = attributes(m[1]);
      const external = a.TargetMode === "External";
      const target = a.Target ?? "";
      const resolved = external ? "" : target.startsWith("/") ? target.slice(1) : path.posix.normalize(path.posix.join(part ? folderOf(part) : "", target));
      out.push({ id: a.Id ?? "", type: a.Type ?? "", target, part: resolved, external });
    }
    return out;
  }

  /** Adds a relationship from `part` to `toPart`; returns its new id. */
  async addRel(part: string, type: string, toPart: string): Promise<string> {
    const relsPath = relsPathOf(part);
    const xml = (await this.text(relsPath)) ?? '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
    const ids = new Set([...xml.matchAll(/\bId="([^"]*)"/g)].map((m) => m[1]));
    let n = ids.size + 1;
    while (ids.has(`rId${n}`)) n++;
    const id = `rId${n}`;
    const rel = `<Relationship Id="${id}" Type="${escapeAttr(type)}" Target="${escapeAttr(relativeTarget(part, toPart))}"/>`;
    this.setText(relsPath, xml.replace(/<\/(\w+:)?Relationships>\s*$/, (end) => rel + end));
    return id;
  }

  /** Removes relationships of `part` whose id is in `ids`. */
  async removeRels(part: string, ids: string[]): Promise<void> {
    const relsPath = relsPathOf(part);
    const xml = await this.text(relsPath);
    if (!xml || !ids.length) return;
    this.setText(relsPath, xml.replace(/<(?:\w+:)?Relationship\b[^>]*?\/>/g, (rel) => (ids.includes(attribute(rel.slice(rel.indexOf(" ")), "Id") ?? "") ? "" : rel)));
  }

  /** Declares a part's content type (an Override), replacing an earlier one for the same part. */
  async setContentType(part: string, type: string | null): Promise<void> {
    const xml = (await this.text("[Content_Types].xml"))!;
    const name = `/${part}`;
    let out = xml.replace(/<(?:\w+:)?Override\b[^>]*?\/>/g, (o) => (attribute(o.slice(o.indexOf(" ")), "PartName")?.toLowerCase() === name.toLowerCase() ? "" : o));
    if (type) out = out.replace(/<\/(\w+:)?Types>\s*$/, (end) => `<Override PartName="${escapeAttr(name)}" ContentType="${escapeAttr(type)}"/>${end}`);
    this.setText("[Content_Types].xml", out);
  }

  /** Makes sure a file extension has a Default content type (vml for comment boxes). */
  async ensureDefaultContentType(extension: string, type: string): Promise<void> {
    const xml = (await this.text("[Content_Types].xml"))!;
    if (new RegExp(`Extension="${extension}"`, "i").test(xml)) return;
    this.setText("[Content_Types].xml", xml.replace(/(<(?:\w+:)?Types\b[^>]*>)/, `$1<Default Extension="${extension}" ContentType="${escapeAttr(type)}"/>`));
  }

  /** A part name not yet taken: `${prefix}${n}${suffix}` for the smallest free n ≥ 1. */
  freePartName(prefix: string, suffix: string): string {
    const taken = new Set(this.partNames().map((n) => n.toLowerCase()));
    for (let n = 1; ; n++) if (!taken.has(`${prefix}${n}${suffix}`.toLowerCase())) return `${prefix}${n}${suffix}`;
  }

  /**
   * The package as a zip, streamed to `out` in the original order of its parts (new parts last): unchanged
   * parts are inflated and deflated again entry by entry (native zlib), changed and new parts are written
   * from their text. Nothing is held twice, so big packages stay within memory.
   */
  async writeTo(out: NodeJS.WritableStream): Promise<void> {
    const archive = archiver("zip", { zlib: { level: 6 } });
    let failed: Error | null = null;
    const done = new Promise<void>((resolve, reject) => {
      const fail = (e: Error) => reject((failed = e));
      archive.on("error", fail);
      archive.on("warning", fail);
      out.on("error", fail);
      out.on("finish", () => resolve());
    });
    done.catch(() => undefined); // awaited below; a failure also stops the loop
    archive.pipe(out);
    const date = new Date();
    // One part at a time, each written before the next is read: big packages are never held twice.
    for (const name of this.partNames().sort((a, b) => this.order(a) - this.order(b))) {
      if (failed) break;
      const written = new Promise<void>((resolve) => archive.once("entry", () => resolve()));
      const chunks = this.chunks.get(name);
      if (chunks) archive.append(Readable.from(inBuffers(chunks)), { name, date });
      else if (this.changed.has(name)) archive.append(Buffer.from(this.texts.get(name)!, "utf8"), { name, date });
      else {
        const entry = this.zip.file(name)!;
        let bytes: Buffer;
        try {
          bytes = await entry.async("nodebuffer");
        } catch {
          // A part of the input that cannot be inflated (its bytes are damaged): nothing is written.
          archive.abort();
          throw new FileProblem(message("file-damaged", { file: this.file, part: name }));
        }
        archive.append(bytes, { name, date: entry.date ?? date });
      }
      await Promise.race([written, done]);
    }
    await archive.finalize();
    await done;
  }

  /** A part's place in the original package (new parts after all others). */
  private order(name: string): number {
    if (!this.originalOrder) this.originalOrder = new Map(Object.keys(this.zip.files).map((n, i) => [n, i]));
    return this.originalOrder.get(name) ?? Number.MAX_SAFE_INTEGER;
  }
  private originalOrder?: Map<string, number>;

  async toBuffer(): Promise<Buffer> {
    const chunks: Buffer[] = [];
    await this.writeTo(new Writable({ write: (chunk: Buffer, _enc, cb) => (chunks.push(chunk), cb()) }));
    return Buffer.concat(chunks);
  }
}
