/** What an .xlsx package holds, read straight from its parts (tests of what the CLI carries into a copy). */
import JSZip from "jszip";

export interface PartsSummary {
  /** Part names in the package. */
  parts: string[];
  charts: number;
  images: number;
  pivotTables: number;
  /** Cell references that carry a comment / note, per comments part. */
  comments: string[];
  validations: number;
  /** The ranges of the conditional formats. */
  conditionalFormats: string[];
  definedNames: string[];
}

export async function partsSummary(bytes: Buffer | Uint8Array): Promise<PartsSummary> {
  const zip = await JSZip.loadAsync(bytes);
  const parts = Object.keys(zip.files).filter((n) => !zip.files[n].dir);
  const texts = async (re: RegExp) => Promise.all(parts.filter((n) => re.test(n)).map((n) => zip.file(n)!.async("string")));
  const sheets = (await texts(/^xl\/worksheets\/sheet\d+\.xml$/)).join("\n");
  const workbook = (await texts(/^xl\/workbook\.xml$/))[0] ?? "";
  return {
    parts,
    charts: parts.filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n)).length,
    images: parts.filter((n) => /^xl\/media\//.test(n)).length,
    pivotTables: parts.filter((n) => /^xl\/pivotTables\/pivotTable\d+\.xml$/.test(n)).length,
    comments: (await texts(/^xl\/comments\d*\.xml$/)).flatMap((x) => [...x.matchAll(/<comment\b[^>]*\bref="([A-Z]+\d+)"/g)].map((m) => m[1])).sort(),
    validations: (sheets.match(/<dataValidation\b/g) ?? []).length,
    conditionalFormats: [...sheets.matchAll(/<conditionalFormatting\b[^>]*\bsqref="([^"]*)"/g)].map((m) => m[1]),
    definedNames: [...workbook.matchAll(/<definedName\b[^>]*\bname="([^"]*)"/g)].map((m) => m[1]).sort(),
  };
}

/** The bytes of every part, for comparing a copy with its original part by part. */
export async function partBytes(bytes: Buffer | Uint8Array): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new Map<string, Buffer>();
  for (const n of Object.keys(zip.files)) if (!zip.files[n].dir) out.set(n, await zip.file(n)!.async("nodebuffer"));
  return out;
}

/** A copy of the package whose formula cells hold no cached result, so a spreadsheet must calculate them. */
export async function withoutCachedResults(bytes: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  for (const n of Object.keys(zip.files).filter((x) => /^xl\/worksheets\/sheet\d+\.xml$/.test(x))) {
    const xml = await zip.file(n)!.async("string");
    zip.file(n, xml.replace(/(<c\b[^>]*?)(?: t="(?:str|b|e|n)")?(>)(<f\b[^>]*?(?:\/>|>[\s\S]*?<\/f>))<v>[\s\S]*?<\/v>/g, "$1$2$3"));
  }
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}
