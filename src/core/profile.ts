/**
 * The small profile the user fills once for the Perjanjian Kinerja: agency, region, year, place and date,
 * the two officials (nama, jabatan, pangkat/golongan, NIP, Plt./Plh.), and the statement's wording.
 */
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

/** Reads a profile (profile.json or a saved setting), saying what is missing or wrong and where. */
export function readProfile(input: unknown, where = "profile"): { profile: PkProfile; problems: string[] } {
  const problems: string[] = [];
  let value = input;
  if (typeof input === "string") {
    try {
      value = JSON.parse(input); // a saved setting or stored preference
    } catch {
      problems.push(`${where}: not valid JSON`);
    }
  }
  const o = (value && typeof value === "object" ? value : {}) as Record<string, unknown>;
  const str = (v: unknown, path: string, required: boolean): string => {
    if (v === undefined || v === null || v === "") {
      if (required) problems.push(`${where}: "${path}" is missing`);
      return "";
    }
    if (typeof v !== "string" && typeof v !== "number") {
      problems.push(`${where}: "${path}" must be text`);
      return "";
    }
    return String(v).trim();
  };
  const official = (v: unknown, path: string): Official => {
    const x = (v && typeof v === "object" ? v : {}) as Record<string, unknown>;
    if (!v || typeof v !== "object") problems.push(`${where}: "${path}" is missing (nama, jabatan, pangkat, nip)`);
    const status = str(x.status, `${path}.status`, false);
    if (status && !["Plt.", "Plh.", "Plt", "Plh", "definitif"].includes(status)) problems.push(`${where}: "${path}.status" must be "Plt.", "Plh." or empty (got "${status}")`);
    const nip = str(x.nip, `${path}.nip`, false);
    if (nip && !/^[\d\s]{18,21}$/.test(nip)) problems.push(`${where}: "${path}.nip" should be the 18-digit NIP (got "${nip}")`);
    return {
      nama: str(x.nama, `${path}.nama`, true),
      jabatan: str(x.jabatan, `${path}.jabatan`, true),
      pangkat: str(x.pangkat, `${path}.pangkat`, false),
      nip,
      status: status === "Plt" ? "Plt." : status === "Plh" ? "Plh." : status === "definitif" ? "" : (status as Acting),
      kepalaDaerah: x.kepalaDaerah === true,
    };
  };
  const tahun = o.tahun === undefined || o.tahun === "" ? undefined : Number(o.tahun);
  if (tahun !== undefined && !(Number.isInteger(tahun) && tahun > 2000 && tahun < 2100)) problems.push(`${where}: "tahun" must be a year such as 2024`);
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
