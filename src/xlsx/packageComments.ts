/**
 * Notes on cells (Excel's classic comments): the comments part of a sheet and the VML drawing that shows
 * the note boxes. A cell that already has a note (or a threaded comment, which Excel mirrors as a note)
 * keeps it. Existing comments, their boxes and any other shapes in the VML are kept as they are.
 */
import { parseCellAddress } from "../core/grid";
import { CONTENT_TYPE, REL, XlsxPackage } from "./package";
import { escapeAttr, escapeText, insertionPoint, prefixOf, WORKSHEET_ORDER } from "./xml";

const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const AUTHOR = "LKIP";

const NOTE_SHAPE_TYPE =
  '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>';

function noteShape(id: number, row: number, col: number, z: number): string {
  return (
    `<v:shape id="_x0000_s${id}" type="#_x0000_t202" style="position:absolute;margin-left:59.25pt;margin-top:1.5pt;width:180pt;height:72pt;z-index:${z};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
    '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>' +
    '<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>' +
    `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${col + 1}, 15, ${row}, 10, ${col + 4}, 15, ${row + 5}, 4</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>${row}</x:Row><x:Column>${col}</x:Column></x:ClientData></v:shape>`
  );
}

/** The largest shape number used in any VML part (new shapes must not reuse one). */
async function maxShapeId(pkg: XlsxPackage): Promise<{ shape: number; idmap: number }> {
  let shape = 1024;
  let idmap = 0;
  for (const name of pkg.partNames().filter((n) => /\.vml$/i.test(n))) {
    const vml = (await pkg.text(name)) ?? "";
    for (const m of vml.matchAll(/_x0000_s(\d+)/g)) shape = Math.max(shape, Number(m[1]));
    for (const m of vml.matchAll(/<o:idmap\b[^>]*data="([^"]*)"/g)) for (const d of m[1].split(",")) idmap = Math.max(idmap, Number(d) || 0);
  }
  return { shape, idmap };
}

/**
 * Adds notes to one worksheet part; cells that already have one are left alone. Returns the sheet XML
 * (with a <legacyDrawing> when it needed one) for the caller to store.
 */
export async function addNotes(pkg: XlsxPackage, sheetPart: string, sheetXml: string, notes: { cell: string; text: string }[]): Promise<string> {
  if (!notes.length) return sheetXml;
  const rels = await pkg.rels(sheetPart);
  let commentsPart = rels.find((r) => r.type === REL.comments)?.part;
  let comments = commentsPart ? await pkg.text(commentsPart) : null;
  const cp = comments ? prefixOf(comments, "comments") : "";
  const taken = new Set<string>();
  if (comments) for (const m of comments.matchAll(/<(?:\w+:)?comment\b[^>]*\bref="([^"]*)"/g)) taken.add(m[1].toUpperCase());
  const fresh = notes.filter((n) => !taken.has(n.cell.toUpperCase()) && !taken.has(n.cell) && (taken.add(n.cell.toUpperCase()), true));
  if (!fresh.length) return sheetXml;

  // Comments part: our author, then one <comment> per note.
  if (!comments) {
    commentsPart = pkg.freePartName("xl/comments", ".xml");
    comments = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="${MAIN_NS}"><authors></authors><commentList></commentList></comments>`;
    await pkg.addRel(sheetPart, REL.comments, commentsPart);
    await pkg.setContentType(commentsPart, CONTENT_TYPE.comments);
  }
  const authors = [...comments.matchAll(/<(?:\w+:)?author>([\s\S]*?)<\/(?:\w+:)?author>/g)].map((m) => m[1]);
  let authorId = authors.indexOf(AUTHOR);
  if (authorId < 0) {
    authorId = authors.length;
    comments = /<(\w+:)?authors\s*\/>/.test(comments)
      ? comments.replace(/<(\w+:)?authors\s*\/>/, `<${cp}authors><${cp}author>${AUTHOR}</${cp}author></${cp}authors>`)
      : comments.replace(/<\/(\w+:)?authors>/, `<${cp}author>${AUTHOR}</${cp}author>$&`);
  }
  const items = fresh.map((n) => `<${cp}comment ref="${escapeAttr(n.cell.toUpperCase())}" authorId="${authorId}"><${cp}text><${cp}r><${cp}t xml:space="preserve">${escapeText(n.text)}</${cp}t></${cp}r></${cp}text></${cp}comment>`).join("");
  comments = /<(\w+:)?commentList\s*\/>/.test(comments) ? comments.replace(/<(\w+:)?commentList\s*\/>/, `<${cp}commentList>${items}</${cp}commentList>`) : comments.replace(/<\/(\w+:)?commentList>/, `${items}$&`);
  pkg.setText(commentsPart!, comments);

  // The note boxes: appended to the sheet's VML drawing, or a new one.
  const p = prefixOf(sheetXml, "worksheet");
  const legacyId = new RegExp(`<${p}legacyDrawing\\b[^>]*?(\\w+:)?id="([^"]*)"`).exec(sheetXml)?.[2];
  const vmlRel = legacyId ? rels.find((r) => r.id === legacyId && r.type === REL.vmlDrawing) : undefined;
  const used = await maxShapeId(pkg);
  const idmap = used.idmap + 1;
  // Shapes of a drawing are numbered from its idmap block (idmap × 1024) on, as Excel numbers them.
  let shape = vmlRel ? used.shape : Math.max(used.shape, idmap * 1024);
  const shapes = fresh.map((n, i) => {
    const { row, col } = parseCellAddress(n.cell);
    return noteShape(++shape, row, col, i + 1);
  });
  if (vmlRel) {
    let vml = (await pkg.text(vmlRel.part)) ?? "";
    if (!vml.includes('id="_x0000_t202"')) shapes.unshift(NOTE_SHAPE_TYPE);
    vml = vml.replace(/<\/xml>\s*$/, `${shapes.join("")}</xml>`);
    pkg.setText(vmlRel.part, vml);
    return sheetXml;
  }
  const vmlPart = pkg.freePartName("xl/drawings/vmlDrawing", ".vml");
  const vml =
    '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">' +
    `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${idmap}"/></o:shapelayout>${NOTE_SHAPE_TYPE}${shapes.join("")}</xml>`;
  pkg.setText(vmlPart, vml);
  await pkg.ensureDefaultContentType("vml", CONTENT_TYPE.vml);
  const rId = await pkg.addRel(sheetPart, REL.vmlDrawing, vmlPart);
  const rp = new RegExp(`xmlns:(\\w+)="${REL_NS}"`).exec(sheetXml)?.[1];
  let xml = sheetXml;
  if (!rp) xml = xml.replace(new RegExp(`<${p}worksheet\\b`), `$& xmlns:r="${REL_NS}"`);
  const at = insertionPoint(xml, p, "legacyDrawing", WORKSHEET_ORDER, "worksheet");
  return `${xml.slice(0, at)}<${p}legacyDrawing ${rp ?? "r"}:id="${rId}"/>${xml.slice(at)}`;
}
