/**
 * The small profile the user fills once for the Perjanjian Kinerja: agency, region, year, place and date,
 * the two officials (nama, jabatan, pangkat/golongan, NIP, Plt./Plh.), and the statement's wording.
 */
import { message, Message, MessageParams } from "./messages";

export type Acting = "" | "Plt." | "Plh.";

export interface Official {
  nama: string;
  jabatan: string;
  pangkat?: string;
  nip?: string;
  /** "Plt." (pelaksana tugas) or "Plh." (pelaksana harian) before the title when acting. */
  status?: Acting;
  /** A regional head (Wali Kota, Bupati, Gubernur) signs without pangkat and NIP. */
  kepalaDaerah?: boolean;
}

export interface PkProfile {
  instansi: string;
  /** "Pemerintah Kota Serang" */
  pemerintah?: string;
  tahun?: number;
  tempat: string;
  /** As it is printed: "2 Januari 2024". */
  tanggal: string;
  pihakPertama: Official;
  pihakKedua: Official;
  /** "PIHAK PERTAMA" (default) or "PIHAK KESATU". */
  sebutan?: "PIHAK PERTAMA" | "PIHAK KESATU";
  /** Write "selaku atasan langsung PIHAK PERTAMA" after the second official (default yes). */
  atasanLangsung?: boolean;
  /** The statement's paragraphs, when the agency's own wording differs from the preset. */
  pernyataan?: string[];
}

export const EMPTY_PROFILE: PkProfile = {
  instansi: "",
  pemerintah: "",
  tempat: "",
  tanggal: "",
  pihakPertama: { nama: "", jabatan: "", pangkat: "", nip: "", status: "" },
  pihakKedua: { nama: "", jabatan: "", kepalaDaerah: true, status: "" },
  sebutan: "PIHAK PERTAMA",
  atasanLangsung: true,
};

/**
 * What is wrong with a JSON text, as a message: where the parser stopped (1-based line and column, from
 * the parser's "at position N"), else the token it did not expect, else that the text ended early.
 * `file` names the file, when there is one.
 */
export function jsonInvalid(e: unknown, text: string, file?: string): Message {
  const said = String((e as Error)?.message ?? "");
  const at = /position (\d+)/.exec(said);
  const token = /Unexpected token '(.+?)'/.exec(said)?.[1] ?? null;
  const params: MessageParams = { ...(file ? { file } : {}), line: null, column: null, token };
  if (!at) return message("json-invalid", params);
  const before = text.slice(0, Number(at[1])).split(/\r?\n/);
  return message("json-invalid", { ...params, line: before.length, column: before[before.length - 1].length + 1 });
}

/**
 * Reads a profile (profile.json or a saved setting), saying what is missing or wrong as message codes
 * (src/core/messages/input.ts) with the field's key path; `file` names the file it came from, if any.
 */
export function readProfile(input: unknown, file?: string): { profile: PkProfile; problems: Message[] } {
  const problems: Message[] = [];
  const at = (params: MessageParams): MessageParams => (file ? { file, ...params } : params);
  let value = input;
  if (typeof input === "string") {
    try {
      value = JSON.parse(input); // a saved setting or stored preference
    } catch (e) {
      problems.push(jsonInvalid(e, input, file));
    }
  }
  const o = (value && typeof value === "object" ? value : {}) as Record<string, unknown>;
  const str = (v: unknown, field: string, required: boolean): string => {
    if (v === undefined || v === null || v === "") {
      if (required) problems.push(message("profile-field-missing", at({ field })));
      return "";
    }
    if (typeof v !== "string" && typeof v !== "number") {
      problems.push(message("profile-field-not-text", at({ field })));
      return "";
    }
    return String(v).trim();
  };
  const official = (v: unknown, field: string): Official => {
    const x = (v && typeof v === "object" ? v : {}) as Record<string, unknown>;
    if (!v || typeof v !== "object") problems.push(message("profile-official-missing", at({ field })));
    const status = str(x.status, `${field}.status`, false);
    if (status && !["Plt.", "Plh.", "Plt", "Plh", "definitif"].includes(status)) problems.push(message("profile-status-invalid", at({ field: `${field}.status`, value: status })));
    const nip = str(x.nip, `${field}.nip`, false);
    if (nip && !/^[\d\s]{18,21}$/.test(nip)) problems.push(message("profile-nip-invalid", at({ field: `${field}.nip`, value: nip })));
    return {
      nama: str(x.nama, `${field}.nama`, true),
      jabatan: str(x.jabatan, `${field}.jabatan`, true),
      pangkat: str(x.pangkat, `${field}.pangkat`, false),
      nip,
      status: status === "Plt" ? "Plt." : status === "Plh" ? "Plh." : status === "definitif" ? "" : (status as Acting),
      kepalaDaerah: x.kepalaDaerah === true,
    };
  };
  const tahun = o.tahun === undefined || o.tahun === "" ? undefined : Number(o.tahun);
  if (tahun !== undefined && !(Number.isInteger(tahun) && tahun > 2000 && tahun < 2100)) problems.push(message("profile-year-invalid", at({ field: "tahun", value: String(o.tahun) })));
  const sebutan = o.sebutan === "PIHAK KESATU" ? "PIHAK KESATU" : "PIHAK PERTAMA";
  const pernyataan = Array.isArray(o.pernyataan) ? o.pernyataan.filter((p): p is string => typeof p === "string" && p.trim() !== "") : undefined;
  return {
    problems,
    profile: {
      instansi: str(o.instansi, "instansi", true),
      pemerintah: str(o.pemerintah, "pemerintah", false),
      tahun,
      tempat: str(o.tempat, "tempat", true),
      tanggal: str(o.tanggal, "tanggal", true),
      pihakPertama: official(o.pihakPertama, "pihakPertama"),
      pihakKedua: official(o.pihakKedua, "pihakKedua"),
      sebutan,
      atasanLangsung: o.atasanLangsung !== false,
      pernyataan: pernyataan?.length ? pernyataan : undefined,
    },
  };
}

/** "Plt. Kepala Dinas …": the title as signed. */
export function signedTitle(o: Official): string {
  return `${o.status ? `${o.status} ` : ""}${o.jabatan}`;
}
