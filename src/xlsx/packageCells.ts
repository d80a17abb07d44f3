/** The XML of one cell as the writers produce it: text stays text (an inline string), formulas carry a cached result. */
import { cellAddress } from "../core/grid";
import { escapeText } from "./xml";

export interface CellData {
  formula?: string;
  /** A formula's cached result, or the value itself: text is stored as text whatever it begins with. */
  value: number | string | boolean | null | undefined;
}

/** `<c r="E5" s="3" …>…</c>` for 0-based row/col; `data` null keeps the cell empty (style only). */
export function cellXml(p: string, row: number, col: number, xf: number, data: CellData | null): string {
  const r = cellAddress(row, col);
  const s = xf ? ` s="${xf}"` : "";
  if (!data) return `<${p}c r="${r}"${s}/>`;
  const v = data.value;
  if (data.formula !== undefined) {
    const f = `<${p}f>${escapeText(data.formula.replace(/^=/, ""))}</${p}f>`;
    if (typeof v === "number" && Number.isFinite(v)) return `<${p}c r="${r}"${s}>${f}<${p}v>${v}</${p}v></${p}c>`;
    if (typeof v === "string") return `<${p}c r="${r}"${s} t="str">${f}<${p}v>${escapeText(v)}</${p}v></${p}c>`;
    if (typeof v === "boolean") return `<${p}c r="${r}"${s} t="b">${f}<${p}v>${v ? 1 : 0}</${p}v></${p}c>`;
    return `<${p}c r="${r}"${s}>${f}</${p}c>`;
  }
  if (typeof v === "number") {
    // A number Excel cannot hold is never written (the core must not plan one): the cell stays empty.
    return Number.isFinite(v) ? `<${p}c r="${r}"${s}><${p}v>${v}</${p}v></${p}c>` : `<${p}c r="${r}"${s}/>`;
  }
  if (typeof v === "boolean") return `<${p}c r="${r}"${s} t="b"><${p}v>${v ? 1 : 0}</${p}v></${p}c>`;
  if (typeof v === "string") return `<${p}c r="${r}"${s} t="inlineStr"><${p}is><${p}t xml:space="preserve">${escapeText(v)}</${p}t></${p}is></${p}c>`;
  return `<${p}c r="${r}"${s}/>`;
}
