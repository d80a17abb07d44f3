/**
 * The CLI's files: every path problem and every wrong kind of input gets one line on stderr (naming the
 * file, what is wrong and what to do) and exit code 3; the input and an existing output file are left byte
 * for byte as they were, and no temporary file stays behind. Fixtures of the wrong kinds were made by
 * LibreOffice (test/fixtures/parts/build-kinds.py) and xlsx-populate (build-encrypted.js).
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import JSZip from "jszip";
import { runCli as run } from "./support/cli";
import { caseInsensitiveAt, writeFileAtomically } from "../src/cli/files";

const fixture = (f: string) => path.join(__dirname, "fixtures", f);
const INPUT = fixture("parts/parts-libreoffice.xlsx");

let dir: string;
let input: string;
let inputBytes: Buffer;
/** An output file from an earlier run, which a failing run must leave alone. */
let existing: string;
let existingBytes: Buffer;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "lkip-files-"));
  input = path.join(dir, "laporan.xlsx");
  fs.copyFileSync(INPUT, input);
  inputBytes = fs.readFileSync(input);
  existing = path.join(dir, "hasil.xlsx");
  fs.writeFileSync(existing, "hasil sebelumnya");
  existingBytes = fs.readFileSync(existing);
});
afterEach(() => {
  expect(fs.readFileSync(input).equals(inputBytes)).toBe(true);
  expect(fs.readdirSync(dir).filter((f) => f.includes(".lkip-"))).toEqual([]); // no temporary file left
  fs.rmSync(dir, { recursive: true, force: true });
});

/** One line on stderr, exit 3, nothing on stdout. */
function refused(r: { code: number; out: string; err: string }, line: RegExp) {
  expect(r.code).toBe(3);
  expect(r.out).toBe("");
  expect(r.err.split("\n")).toHaveLength(2); // one line and its newline
  expect(r.err).toMatch(line);
  expect(r.err).not.toMatch(/\n\s+at /); // no stack
}

describe("the output is never the input, under any name", () => {
  test("the same path", async () => {
    refused(await run(["fill", input, "-o", input, "--lang", "en"]), /^lkip: -o .*laporan\.xlsx: is the input file itself; the input is never written, choose another output name\n$/);
  });
  test("a symbolic link to the input", async () => {
    const link = path.join(dir, "tautan.xlsx");
    fs.symlinkSync(input, link);
    refused(await run(["fill", input, "-o", link]), /^lkip: -o .*tautan\.xlsx: tautan ke berkas masukan .*laporan\.xlsx; berkas masukan tidak pernah ditimpa, pilih nama keluaran lain\n$/);
  });
  test("a hard link to the input", async () => {
    const link = path.join(dir, "salinan.xlsx");
    fs.linkSync(input, link);
    refused(await run(["rencana-aksi", input, "-o", link, "--lang", "en"]), /^lkip: -o .*salinan\.xlsx: a link to the input file .*laporan\.xlsx; the input is never written/);
  });
  test("a name that differs only in case", async () => {
    const variant = path.join(dir, "LAPORAN.xlsx");
    const profile = ["--profile", path.join(__dirname, "..", "examples", "profile.json")];
    if (caseInsensitiveAt(dir)) {
      // Windows, macOS: "LAPORAN.xlsx" is the input itself.
      refused(await run(["perjanjian-kinerja", input, "-o", variant, ...profile, "--lang", "en"]), /^lkip: -o .*LAPORAN\.xlsx: the same file as the input .*laporan\.xlsx \(this file system ignores upper\/lower case\)/);
    } else {
      // This file system tells case apart: "LAPORAN.xlsx" is another file unless it is a second name of the
      // input (what a case-insensitive system reports for it), and then it is refused by its identity.
      expect((await run(["fill", input, "-o", variant])).code).toBe(0);
      fs.rmSync(variant);
      fs.linkSync(input, variant);
      refused(await run(["perjanjian-kinerja", input, "-o", variant, ...profile, "--lang", "en"]), /^lkip: -o .*LAPORAN\.xlsx: a link to the input file .*laporan\.xlsx; the input is never written/);
    }
  });
});

describe("unusable output paths", () => {
  test("a folder that does not exist", async () => {
    refused(await run(["fill", input, "-o", path.join(dir, "tidak-ada", "hasil.xlsx"), "--lang", "en"]), /^lkip: -o .*tidak-ada\/hasil\.xlsx: the folder .*tidak-ada does not exist; create it first or choose another folder\n$/);
  });
  test("a folder as the output", async () => {
    const folder = path.join(dir, "keluaran");
    fs.mkdirSync(folder);
    refused(await run(["fill", input, "-o", folder]), /^lkip: -o .*keluaran: ini folder; berikan nama berkas, misalnya .*keluaran\/hasil\.xlsx\n$/);
  });
  test("a file in place of the folder", async () => {
    refused(await run(["fill", input, "-o", path.join(existing, "x.xlsx"), "--lang", "en"]), /is a file, not a folder; choose another folder\n$/);
    expect(fs.readFileSync(existing).equals(existingBytes)).toBe(true);
  });
  test("a folder that cannot be written, with an earlier output in it", async () => {
    const folder = path.join(dir, "terkunci");
    fs.mkdirSync(folder);
    const earlier = path.join(folder, "hasil.xlsx");
    fs.writeFileSync(earlier, "hasil sebelumnya");
    lock(folder);
    try {
      refused(await run(["fill", input, "-o", earlier, "--lang", "en"]), /^lkip: -o .*terkunci\/hasil\.xlsx: no permission to write in the folder .*terkunci; choose a folder you can write to\n$/);
      expect(fs.readFileSync(earlier, "utf8")).toBe("hasil sebelumnya");
    } finally {
      unlock(folder);
    }
  });
  test("an output name that is not .xlsx", async () => {
    refused(await run(["fill", input, "-o", path.join(dir, "hasil.xls"), "--lang", "en"]), /^lkip: -o .*hasil\.xls: the output file must end in \.xlsx\n$/);
  });
});

/** A folder nobody may write into: root ignores permissions, so root makes it immutable instead. */
function lock(folder: string) {
  if (process.getuid?.() === 0) execFileSync("chattr", ["+i", folder]);
  else fs.chmodSync(folder, 0o555);
}
function unlock(folder: string) {
  if (process.getuid?.() === 0) execFileSync("chattr", ["-i", folder]);
  else fs.chmodSync(folder, 0o755);
}

describe("wrong kinds of file, each with how to save a plain .xlsx", () => {
  const kinds: [string, () => Promise<Buffer> | Buffer, RegExp][] = [
    ["an Excel 97-2003 workbook", () => fs.readFileSync(fixture("kinds/laporan.xls")), /an Excel 97–2003 workbook \(\.xls\), not \.xlsx; open it in Excel and use File → Save As → Excel Workbook \(\*\.xlsx\)/],
    ["an OpenDocument spreadsheet renamed .xlsx", () => fs.readFileSync(fixture("kinds/laporan-ods.xlsx")), /an OpenDocument spreadsheet \(\.ods\) named \.xlsx; open it in LibreOffice Calc and use File → Save As → Excel 2007-365 \(\.xlsx\)/],
    ["an HTML page saved as .xlsx", () => fs.readFileSync(fixture("kinds/laporan-html.xlsx")), /a web page \(HTML\) named \.xlsx.*Save As → Excel Workbook/],
    ["a password-protected workbook", () => fs.readFileSync(fixture("kinds/terenkripsi.xlsx")), /password-protected \(encrypted\).*remove the password.*save it as \.xlsx/],
    ["a zip that is not a workbook", async () => new JSZip().file("catatan.txt", "bukan buku kerja").generateAsync({ type: "nodebuffer" }), /a zip archive that is not an Excel workbook/],
    ["a Word document", async () => new JSZip().file("[Content_Types].xml", "<Types/>").file("word/document.xml", "<w:document/>").generateAsync({ type: "nodebuffer" }), /a Word document, not an Excel workbook/],
    ["an empty file", () => Buffer.alloc(0), /the file is empty \(0 bytes\).*save the workbook again from Excel as \.xlsx/],
    ["a CSV file", () => Buffer.from("No;Indikator;Target\n1;IKM;80\n"), /a text file \(CSV or similar\), not an \.xlsx workbook; open it in Excel and use File → Save As/],
    ["a PDF", () => Buffer.from("%PDF-1.4\n%âãÏÓ\n"), /a PDF document, not a workbook/],
    ["a truncated workbook", () => fs.readFileSync(INPUT).subarray(0, 4000), /the workbook is damaged \(its zip package is incomplete\)/],
  ];
  test.each(kinds)("%s: every command refuses it; an existing output stays", async (_kind, bytes, line) => {
    const bad = path.join(dir, "masukan.xlsx");
    fs.writeFileSync(bad, await bytes());
    const before = fs.readFileSync(bad);
    for (const args of [["analyze", bad], ["audit", bad], ["fill", bad, "-o", existing], ["rencana-aksi", bad, "-o", existing]]) {
      const r = await run([...args, "--lang", "en"]);
      refused(r, line);
      expect(r.err.startsWith(`lkip: ${bad}: `)).toBe(true);
    }
    expect(fs.readFileSync(bad).equals(before)).toBe(true);
    expect(fs.readFileSync(existing).equals(existingBytes)).toBe(true);
  });
  test("Indonesian by default: the same line for an .xls", async () => {
    const r = await run(["analyze", fixture("kinds/laporan.xls")]);
    expect(r.err).toBe(`lkip: ${fixture("kinds/laporan.xls")}: buku kerja Excel 97–2003 (.xls), bukan .xlsx; buka di Excel lalu File → Simpan Sebagai → Buku Kerja Excel (*.xlsx)\n`);
  });
  test("a missing input and a folder as input", async () => {
    refused(await run(["fill", path.join(dir, "tidak-ada.xlsx"), "-o", existing, "--lang", "en"]), /tidak-ada\.xlsx: file not found; check the name and the folder\n$/);
    refused(await run(["analyze", dir, "--lang", "en"]), /: is a folder, not an \.xlsx file; name the workbook file\n$/);
    expect(fs.readFileSync(existing).equals(existingBytes)).toBe(true);
  });
});

describe("a run that fails while writing leaves an existing output as it was", () => {
  test("a damaged part found only while the copy is written: exit 3, the earlier output unchanged, no temporary file", async () => {
    // The image's compressed bytes are overwritten: the sheets read fine, the copy fails at the image.
    const damaged = path.join(dir, "rusak.xlsx");
    fs.writeFileSync(damaged, damagePart(fs.readFileSync(INPUT), "xl/media/image1.png"));
    const r = await run(["fill", damaged, "-o", existing, "--lang", "en"]);
    refused(r, /rusak\.xlsx: the workbook is damaged \(the part xl\/media\/image1\.png is missing or unreadable\); open it in Excel \(File → Open → Open and Repair\)/);
    expect(fs.readFileSync(existing).equals(existingBytes)).toBe(true);
  });
  test("writeFileAtomically: a producer that fails halfway leaves the target as it was", async () => {
    await expect(
      writeFileAtomically(existing, async (out) => {
        await new Promise<void>((resolve) => out.write(Buffer.alloc(100_000, 1), () => resolve()));
        throw new Error("gagal di tengah");
      }),
    ).rejects.toThrow("gagal di tengah");
    expect(fs.readFileSync(existing).equals(existingBytes)).toBe(true);
    // A successful write replaces it whole, keeping the file's permissions.
    fs.chmodSync(existing, 0o640);
    await writeFileAtomically(existing, async (out) => {
      await new Promise<void>((resolve) => out.end("baru", () => resolve()));
    });
    expect(fs.readFileSync(existing, "utf8")).toBe("baru");
    expect(fs.statSync(existing).mode & 0o777).toBe(0o640);
  });
  test("a successful run replaces the earlier output; a symbolic link as output is followed and stays a link", async () => {
    const target = path.join(dir, "nyata.xlsx");
    fs.writeFileSync(target, "lama");
    const link = path.join(dir, "pintasan.xlsx");
    fs.symlinkSync(target, link);
    expect((await run(["fill", input, "-o", link])).code).toBe(0);
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(target).subarray(0, 2).toString()).toBe("PK");
  });
});

test("a part the copy cannot carry is named and refused; --allow-loss goes on without it", async () => {
  // A workbook with macros, written to an .xlsx name (which cannot hold them).
  const zip = await JSZip.loadAsync(fs.readFileSync(INPUT));
  zip.file("xl/vbaProject.bin", Buffer.from("VBA"));
  const rels = (await zip.file("xl/_rels/workbook.xml.rels")!.async("string")).replace("</Relationships>", '<Relationship Id="rIdVba" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>');
  zip.file("xl/_rels/workbook.xml.rels", rels);
  const types = (await zip.file("[Content_Types].xml")!.async("string")).replace("spreadsheetml.sheet.main+xml", "../ms-excel.sheet.macroEnabled.main+xml".replace("../", "")).replace("application/vnd.openxmlformats-officedocument.ms-excel", "application/vnd.ms-excel");
  zip.file("[Content_Types].xml", types.replace("</Types>", '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>'));
  const xlsm = path.join(dir, "makro.xlsm");
  fs.writeFileSync(xlsm, await zip.generateAsync({ type: "nodebuffer" }));
  refused(await run(["fill", xlsm, "-o", existing, "--lang", "en"]), /makro\.xlsm: macros \(VBA project\) cannot be carried into the copy and would be lost; run with --allow-loss to write without it\n$/);
  expect(fs.readFileSync(existing).equals(existingBytes)).toBe(true);
  // Into an .xlsm copy they are carried; with --allow-loss an .xlsx copy is written without them.
  const kept = path.join(dir, "hasil.xlsm");
  expect((await run(["fill", xlsm, "-o", kept])).code).toBe(0);
  expect(Object.keys((await JSZip.loadAsync(fs.readFileSync(kept))).files)).toContain("xl/vbaProject.bin");
  expect((await run(["fill", xlsm, "-o", existing, "--allow-loss"])).code).toBe(0);
  const plain = await JSZip.loadAsync(fs.readFileSync(existing));
  expect(Object.keys(plain.files)).not.toContain("xl/vbaProject.bin");
  expect(await plain.file("[Content_Types].xml")!.async("string")).not.toMatch(/macroEnabled/);
});

/** The package with one part's compressed bytes overwritten (its directory entry intact). */
function damagePart(zip: Buffer, name: string): Buffer {
  const out = Buffer.from(zip);
  let p = out.readUInt32LE(out.lastIndexOf(Buffer.from([0x50, 0x4b, 5, 6])) + 16);
  while (out.readUInt32LE(p) === 0x02014b50) {
    const size = out.readUInt32LE(p + 20);
    const n = out.readUInt16LE(p + 28);
    const skip = out.readUInt16LE(p + 30) + out.readUInt16LE(p + 32);
    const local = out.readUInt32LE(p + 42);
    if (out.subarray(p + 46, p + 46 + n).toString() === name) {
      const data = local + 30 + out.readUInt16LE(local + 26) + out.readUInt16LE(local + 28);
      out.fill(0xff, data + 2, data + size - 2);
      return out;
    }
    p += 46 + n + skip;
  }
  throw new Error(`${name} is not in the package`);
}
